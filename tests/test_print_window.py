"""File → Print contract… / Print summary… and the list's context menu: the PDF is written where the
officer chose (default name from the contract number) and handed to the viewer; fallbacks are told."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMenu

from services.ledger.importer import import_ledger
from services.printing import fonts as pdf_fonts
from tests.conftest import FakeDialogs
from tests.test_main_window import SAMPLE_LEDGER
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def window(qtbot, store, opened):
    import_ledger(store, SAMPLE_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs(), open_file=opened.append)
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    main.context.font_path = lambda: None  # not this machine's settings
    return main


def select(window: MainWindow, number: str) -> None:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == number:
            window.list_view.select_contract(window.model.contract_id(row))
            return
    raise AssertionError(number)


def test_print_actions_are_in_the_file_menu_and_the_context_menu(window):
    # findChildren keeps Python owners of the menus (PySide6 6.8 deletes a QAction.menu() wrapper)
    menus = {menu.title(): menu for menu in window.menuBar().findChildren(QMenu)}
    file_menu = menus["&File"]
    assert window.print_action in file_menu.actions()
    assert window.print_summary_action in file_menu.actions()
    assert window.print_action in window.list_view.table.actions()
    assert window.print_summary_action in window.list_view.table.actions()
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.print_action.text() == "&Print contract…"


def test_print_contract_writes_the_pdf_and_opens_it(window, opened, tmp_path):
    select(window, "BJMEMC-2025174-ZC")
    window.dialogs.pdf = tmp_path
    window.print_action.trigger()
    assert window.dialogs.pdf_names == ["BJMEMC-2025174-ZC.pdf"]
    written = tmp_path / "BJMEMC-2025174-ZC.pdf"
    assert opened == [written]
    reader = PdfReader(written)
    assert "第 1 页 共" in reader.pages[0].extract_text()
    assert "签署页" in reader.pages[-1].extract_text()
    assert window.dialogs.infos == [] and window.dialogs.errors == []  # font embedded, figures agree
    assert str(written) in window.statusBar().currentMessage()


def test_print_summary_from_the_context_menu(window, opened, tmp_path):
    select(window, "2026-021")
    window.dialogs.pdf = tmp_path
    window.print_summary_action.trigger()
    assert opened == [tmp_path / "2026-021-summary.pdf"]
    text = " ".join(PdfReader(opened[0]).pages[0].extract_text().split())
    assert "合同编号" in text and "Contract No." in text and "2026-021" in text


def test_cancelled_save_writes_nothing(window, opened, tmp_path):
    select(window, "2026-021")
    window.dialogs.pdf = None
    window.print_action.trigger()
    assert opened == [] and list(tmp_path.glob("*.pdf")) == []


def test_nothing_selected_asks_nothing(window, opened):
    window.list_view.table.clearSelection()
    window.list_view.table.setCurrentIndex(window.model.index(-1, -1))
    assert window.list_view.current_contract_id() is None
    window.print_action.trigger()
    assert getattr(window.dialogs, "pdf_names", []) == [] and opened == []
    assert window.statusBar().currentMessage() == "Select a contract to print first."


def test_fallback_font_is_told_to_the_officer(window, opened, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "system_candidates", lambda: [])
    select(window, "2026-021")
    window.dialogs.pdf = tmp_path
    window.print_action.trigger()
    assert opened == [tmp_path / "2026-021.pdf"]  # still written and shown
    assert len(window.dialogs.infos) == 1
    assert "No Chinese TrueType font was found" in window.dialogs.infos[0]


def test_font_from_the_settings_that_cannot_print_chinese_is_reported(window, opened, tmp_path):
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(dejavu).is_file() or not pdf_fonts.system_candidates():
        pytest.skip("needs DejaVu Sans and a Chinese system font")
    window.context.font_path = lambda: dejavu
    select(window, "2026-021")
    window.dialogs.pdf = tmp_path
    window.print_action.trigger()
    assert opened == [tmp_path / "2026-021.pdf"]
    assert window.dialogs.infos == ["The PDF was written. Please check:"]


def test_write_error_is_shown_and_nothing_opened(window, opened, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    select(window, "2026-021")
    window.dialogs.pdf = blocker / "c.pdf"  # a folder that cannot be made
    window.print_action.trigger()
    assert opened == []
    assert len(window.dialogs.errors) == 1
