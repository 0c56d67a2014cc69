"""File → Move this register to a server… (issue 17): the window copies its SQLite register into an
empty server register in the background, verified table by table, then switches to it when asked;
a cancelled copy writes nothing; a server register that holds data is refused with its code and the
window stays on its file. PostgreSQL tests skip without the test server (``tests/pg_server.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.copy_store import COPY_CANCELLED, COPY_TARGET_NOT_EMPTY, copy_into
from services.errors import UserError
from services.ledger.importer import import_ledger
from services.register import contracts
from services.store import Store
from tests.conftest import SAMPLE_LEDGER, FakeDialogs

pytestmark = pytest.mark.usefixtures("synchronous_tasks")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


@pytest.fixture
def user_config(qapp, tmp_path: Path) -> Iterator[Path]:
    """QSettings' user folder in tmp_path for this test (never the officer's own)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


def _count(store: Store) -> int:
    with store.session() as session:
        return contracts.count(session)


def test_a_cancelled_copy_writes_nothing_to_the_server(store: Store, pg_store: Store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    seen: list[tuple[int, int]] = []
    with pytest.raises(UserError) as cancelled:
        copy_into(store, pg_store, progress=lambda done, total: seen.append((done, total)),
                  cancelled=lambda: len(seen) >= 2)
    assert cancelled.value.code == COPY_CANCELLED and pg_store.location in cancelled.value.message("en")
    assert len(seen) == 2 and seen[-1][0] < seen[-1][1]  # stopped part-way
    assert _count(pg_store) == 0  # the target's transaction was rolled back


def test_the_window_moves_its_register_to_the_server_and_switches(qtbot, store: Store, pg_store: Store,
                                                                  user_config: Path) -> None:
    from ui import settings
    from ui.main_window import MainWindow, _open_windows

    import_ledger(store, SAMPLE_LEDGER)
    location = pg_store.location
    pg_store.close()
    dialogs = FakeDialogs(answer=True)
    window = MainWindow(store, dialogs=dialogs)
    qtbot.addWidget(window)
    assert window.move_action.isEnabled()
    window.move_to_server(location)
    assert dialogs.errors == []
    assert "3" in dialogs.questions[-1] and location in dialogs.questions[-1]  # copied, checked, switch?
    moved = _open_windows[-1]
    qtbot.addWidget(moved)
    assert moved is not window and moved.store.on_server and moved.store.location == location
    assert moved.model.rowCount() == 3 and not moved.move_action.isEnabled()
    assert settings.chosen_register() == location
    assert store.path.exists()  # the file stays
    moved.close()


def test_a_server_register_holding_data_is_refused_and_the_window_stays(qtbot, store: Store, pg_store: Store,
                                                                         user_config: Path) -> None:
    from ui.main_window import MainWindow

    import_ledger(store, SAMPLE_LEDGER)
    import_ledger(pg_store, SAMPLE_LEDGER)
    dialogs = FakeDialogs(answer=True)
    window = MainWindow(store, dialogs=dialogs)
    qtbot.addWidget(window)
    window.move_to_server(pg_store.location)
    assert dialogs.errors and COPY_TARGET_NOT_EMPTY in dialogs.errors[-1] and "Traceback" not in dialogs.errors[-1]
    assert dialogs.questions == [] and window.store is store and not window.store.on_server


def test_the_move_dialog_takes_only_a_server_address(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.register.move_to_server import MoveDialog

    dialog = MoveDialog("/home/li/.local/share/ContractDesk/contracts.db")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.url_edit.setText("/tmp/another.db")
    assert not ok.isEnabled() and dialog.url() is None
    dialog.url_edit.setText("postgresql://li_officer@db.caizhengju.example:5432/contracts")
    assert ok.isEnabled() and dialog.url() == "postgresql://li_officer@db.caizhengju.example:5432/contracts"
