"""The window's print preview and printing to a printer (issue 14), and the question before a
contract with check errors is printed for signature. Offscreen: the dialogs are opened with
``open()`` (never blocking) and driven here; "printing" goes to a PDF printer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from services.ledger.importer import import_ledger
from tests.conftest import FakeDialogs
from tests.test_main_window import SAMPLE_LEDGER
from tests.test_print_window import select
from ui.main_window import MainWindow
from ui.print_preview import paint_pdf

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


def make_window(qtbot, store, ledger: Path, opened: list[Path]) -> MainWindow:
    import_ledger(store, ledger)
    main = MainWindow(store, dialogs=FakeDialogs(), open_file=opened.append)
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    main.context.font_path = lambda: None
    return main


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def window(qtbot, store, opened):
    return make_window(qtbot, store, SAMPLE_LEDGER, opened)


@pytest.fixture
def window_with_errors(qtbot, store, opened, tmp_path):
    """BJMEMC-2025174-ZC with its total changed to ¥2,829,718.50: line items and capitals disagree."""
    ledger = tmp_path / "ledger"
    shutil.copytree(SAMPLE_LEDGER, ledger)
    contracts_csv = ledger / "contracts.csv"
    text = contracts_csv.read_text(encoding="utf-8-sig")
    contracts_csv.write_text(text.replace(",CNY,2738718.50,", ",CNY,2829718.50,", 1), encoding="utf-8-sig")
    return make_window(qtbot, store, ledger, opened)


def test_print_with_check_errors_asks_and_cancel_prints_nothing(window_with_errors, opened, tmp_path):
    window = window_with_errors
    select(window, "BJMEMC-2025174-ZC")
    window.dialogs.pdf = tmp_path
    window.dialogs.choice = None  # Cancel
    window.print_action.trigger()
    question, keys = window.dialogs.choices[0]
    assert keys == ["print"]
    assert "BJMEMC-2025174-ZC" in question and "check error" in question and "2,829,718.50" in question
    assert opened == [] and getattr(window.dialogs, "pdf_names", []) == []
    window.dialogs.choice = "print"  # Print anyway
    window.print_action.trigger()
    assert opened == [tmp_path / "BJMEMC-2025174-ZC.pdf"]


def test_summary_and_clean_contracts_print_without_a_question(window_with_errors, opened, tmp_path):
    window = window_with_errors
    window.dialogs.pdf = tmp_path
    select(window, "BJMEMC-2025174-ZC")
    window.print_summary_action.trigger()
    select(window, "2026-021")
    window.print_action.trigger()
    assert getattr(window.dialogs, "choices", []) == []
    assert len(opened) == 2


def test_preview_opens_and_pages_through(window, qtbot):
    select(window, "2026-021")
    window.preview_action.trigger()
    dialog = window.printing.preview.dialog
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() >= 5
    widget.setCurrentPage(3)
    assert widget.currentPage() == 3
    before = widget.zoomFactor()
    widget.zoomIn()
    assert widget.zoomFactor() > before
    temporary = list(Path(d) for d in _temporaries())
    assert temporary, "the print-out is written to a private temporary folder"
    assert all(oct(d.stat().st_mode & 0o777) == "0o700" for d in temporary)
    dialog.reject()
    assert window.printing.preview.dialog is None
    assert not any(d.exists() for d in temporary), "removed when the preview closes"


def test_preview_with_check_errors_asks_first(window_with_errors):
    window = window_with_errors
    select(window, "BJMEMC-2025174-ZC")
    window.dialogs.choice = None
    window.preview_action.trigger()
    assert len(window.dialogs.choices) == 1
    assert window.printing._preview is None or window.printing.preview.dialog is None


def test_printing_paints_every_pdf_page_on_the_printer(window, tmp_path):
    from services.printing.contract import write_contract_pdf
    from services.register import contracts

    with window.store.session() as session:
        data = contracts.load_by_no(session, "2026-021")
    source = write_contract_pdf(data, tmp_path / "c.pdf")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(printer, source.path) == source.pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == source.pages
    printer.setFromTo(2, 3)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    assert paint_pdf(printer, source.path) == 2


def test_print_to_printer_opens_the_system_dialog(window):
    from PySide6.QtPrintSupport import QPrintDialog

    select(window, "2026-021")
    window.printer_action.trigger()
    dialog = window.printing.preview.dialog
    assert isinstance(dialog, QPrintDialog)
    assert dialog.maxPage() >= 5
    dialog.reject()
    assert not _temporaries()


@pytest.fixture(autouse=True)
def own_temporary_folder(tmp_path, monkeypatch):
    """This test's own temporary folder: another worker's print-out (pytest-xdist) is not this test's."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))


def _temporaries() -> list[str]:
    import tempfile

    return [str(p) for p in Path(tempfile.gettempdir()).glob("contractdesk-print-*")]


@pytest.fixture
def user_config(qapp, tmp_path):
    """QSettings in tmp_path, never the officer's own."""
    from PySide6.QtCore import QSettings, QStandardPaths

    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


def test_the_seal_band_setting_reaches_the_print_out(user_config, window, opened, tmp_path):
    from ui import settings

    assert not window.seam_action.isChecked() and not settings.pdf_seam()
    window.seam_action.trigger()
    assert settings.pdf_seam()
    select(window, "2026-021")
    window.dialogs.pdf = tmp_path
    window.print_action.trigger()
    pages = PdfReader(opened[-1]).pages
    assert all("骑缝章" in "".join(page.extract_text().split()) for page in pages)
    window.seam_action.trigger()
    assert not settings.pdf_seam()
