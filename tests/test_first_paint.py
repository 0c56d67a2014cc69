"""The first painted list before SQLAlchemy (issue 18): the early window paints the first screen from
plain ``sqlite3``, shows what the real list shows, and hands over to the main window."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from services.attachments import files
from services.register import contracts, first_screen
from services.register.contract_data import ContractData, PartyData
from services.store import Store
from tests.conftest import ROOT, FakeDialogs
from ui.contracts.list_model import ContractListModel
from ui.first_paint import EarlyWindow, row_texts
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


def _fill(store: Store, n: int = 80) -> None:
    with store.session(write=True) as session:
        for number in range(n):
            data = ContractData(contract_no=f"K-{number:03d}", title=f"政务云 lot {number % 7}",
                                total_amount=Decimal(number * 1001) / 100, status="terminated" if number == 5 else None)
            data.sign_date = None if number % 4 == 0 else dt.date(2025, 1, 1)
            data.start_date = None if number % 9 == 0 else dt.date(2025, 2, 1)
            data.end_date = dt.date(2025, 12, 31) if number % 3 else dt.date(2099, 1, 1)
            data.parties = [PartyData(role="甲方", name="某局"), PartyData(role="乙方", name=f"Supplier {number % 5}")]
            contracts.save(session, data)
        session.execute(text("UPDATE contracts SET problem_level = id % 3, next_due = '2026-07-01' WHERE id % 2 = 0"))
    with store.session() as session:
        files.add_bytes(session, 3, b"%PDF-1.4\n", "盖章版.pdf", kind="signed_copy", note="", today=dt.date(2026, 1, 5))


def test_the_early_list_shows_what_the_real_list_shows(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    screen = first_screen.read(store.path)
    assert screen is not None and screen.count == 80 and len(screen.rows) == first_screen.SCREEN_ROWS
    early = EarlyWindow(screen, str(store.path))
    qtbot.addWidget(early)
    real = ContractListModel(store)
    assert early.model.rowCount() == real.rowCount() == 80
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole)
    for row in range(len(screen.rows)):
        assert row_texts(screen.rows[row]) == tuple(real.index(row, column).data() for column in range(7))
        for column in range(7):
            for role in roles:
                assert early.model.index(row, column).data(role) == real.index(row, column).data(role), (row, column)
            decoration = real.index(row, column).data(Qt.ItemDataRole.DecorationRole)
            assert (early.model.index(row, column).data(Qt.ItemDataRole.DecorationRole) is None) == (decoration is None)
    assert any(real.index(row, 1).data(Qt.ItemDataRole.DecorationRole) is not None for row in range(60))
    for column in range(7):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
            assert early.model.headerData(column, Qt.Orientation.Horizontal, role) == real.headerData(
                column, Qt.Orientation.Horizontal, role)
    assert dataclasses.astuple(screen.rows[0])[:10] == dataclasses.astuple(
        real._cached(0).row)[:10]  # type: ignore[union-attr]


def test_the_main_window_takes_the_early_ones_place_row_and_scroll(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    screen = first_screen.read(store.path)
    assert screen is not None
    early = EarlyWindow(screen, str(store.path))
    qtbot.addWidget(early)
    early.show()
    qtbot.waitExposed(early)
    early.table.setCurrentIndex(early.model.index(7, 2))
    early.table.verticalScrollBar().setValue(early.table.verticalScrollBar().maximum())
    window = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    assert window.windowTitle() == early.windowTitle()
    assert [action.text() for action in window.menuBar().actions()] == [
        action.text() for action in early.menuBar().actions()]
    early.hand_over(window, window.list_view.table)
    qtbot.waitExposed(window)
    assert window.geometry() == early.geometry()
    assert window.list_view.current_contract_id() == screen.rows[7].id
    scroll = window.list_view.table.verticalScrollBar()
    assert scroll.value() == early.table.verticalScrollBar().value() > 0
    assert window.statusBar().currentMessage() == early.statusBar().currentMessage()
    assert window.list_view.count_label.text() == "80 contracts"


def test_nothing_before_the_first_paint_imports_sqlalchemy(store: Store, tmp_path: Path) -> None:
    _fill(store, n=3)
    store.close()
    probe = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([sys.argv[0]])
seen = []

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        view = watched.parent()
        if not seen and event.type() == QEvent.Type.Paint and isinstance(view, QTableView) \\
                and view.viewport() is watched and view.model().rowCount() > 0:
            seen.append(type(view.window()).__name__)
            print("first paint", seen[0], "sqlalchemy" in sys.modules, flush=True)
            QTimer.singleShot(100, done)
        return False

def done():
    from ui.main_window import MainWindow
    shown = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    if shown == ["MainWindow"]:
        print("then", shown, "sqlalchemy" in sys.modules, flush=True)
        app.quit()
    else:
        QTimer.singleShot(100, done)

watch = FirstPaint()
app.installEventFilter(watch)
from ui.app import run_app
sys.exit(run_app(["--db", {str(store.path)!r}]))
"""
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    expected = ["first paint EarlyWindow False", "then ['MainWindow'] True"]
    assert done.stdout.splitlines() == expected, done.stderr[-2000:]


def test_a_second_start_during_the_early_window_brings_it_forward(qtbot, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A second start on the same store while the main window is still being built is not lost: the
    early window comes forward (the activation is connected before it is shown)."""
    from ui import startup

    _fill(store, 3)
    screen = first_screen.read(store.path)
    assert screen is not None
    early = EarlyWindow(screen, str(store.path))
    qtbot.addWidget(early)
    early.show()
    qtbot.waitExposed(early)
    raised: list[object] = []
    monkeypatch.setattr(startup, "bring_forward", raised.append)
    startup.bring_main_window_forward()
    assert raised == [early]
    window = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    startup.bring_main_window_forward()
    assert raised == [early, window]  # the register's window first once it is there
