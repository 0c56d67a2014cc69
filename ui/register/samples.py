"""The sample contracts: a register of their own beside the officer's (File → Open sample contracts),
and the banner that says so over them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from services.store import Store, default_db_path, open_store
from ui.error_text import error_text
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAMPLE_LEDGER = Path(__file__).resolve().parent.parent.parent / "resources" / "sample_ledger"


def samples_store_path() -> Path:
    """The sample contracts' own store, beside the default register (never the register itself)."""
    return default_db_path().with_name("sample-contracts.db")


def remove_store_files(path: Path) -> None:
    """Delete a (closed) SQLite store with its -wal and -shm files."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)  # keeps a window rebuilt for a new language alive


def samples_banner(window: MainWindow) -> QWidget:
    """Shown over the sample contracts: they are not the officer's register."""
    banner = QWidget()
    banner.setObjectName("samplesBanner")
    banner.setStyleSheet("#samplesBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
    row = QHBoxLayout(banner)
    label = QLabel("示例合同 / Sample contracts — " + QCoreApplication.translate("MainWindow",
        "edits here stay in the samples; your own register is not shown."))
    label.setWordWrap(True)
    back = QPushButton(QCoreApplication.translate("MainWindow", "Back to my register"))
    back.clicked.connect(window.back_to_register)
    row.addWidget(label, 1)
    row.addWidget(back)
    banner.setVisible(window.home is not None)
    return banner


def open_samples(window: MainWindow) -> None:
    """Switch to the sample contracts, in a store of their own (never the officer's register).
    Samples opened before are offered as they were left, or reset to the shipped ones."""
    path = samples_store_path()
    reset = True
    if path.exists():
        choice = window.dialogs.choose(
            QCoreApplication.translate("MainWindow", "Sample contracts"),
            QCoreApplication.translate("MainWindow",
                                       "The sample contracts were opened before, and may have been edited."),
            [("open", QCoreApplication.translate("MainWindow", "Open them as they were left")),
             ("reset", QCoreApplication.translate("MainWindow", "Reset them"))])
        if choice is None:
            return
        reset = choice == "reset"
    if not window.close_editors():
        return
    if path == window.store.path:
        if not reset:
            return
        window.release_store()  # about to be replaced; the window is replaced right after
    home = window.home or window.store.path

    from services.ledger.importer import import_ledger

    def build(_control: TaskControl) -> Store:
        if reset:
            fresh = path.with_name(path.stem + "-new.db")
            remove_store_files(fresh)
            built = open_store(fresh)
            import_ledger(built, SAMPLE_LEDGER)
            built.close()  # checkpointed: one self-contained file
            remove_store_files(path)
            fresh.replace(path)
        return open_store(path)

    def failed(error: BaseException) -> None:
        window.dialogs.error(QCoreApplication.translate("MainWindow", "Sample contracts"), error_text(error))

    run_task(window, QCoreApplication.translate("MainWindow", "Building the sample register…"), build,
             lambda store: window._replace_with(store, hand_over=False, home=home), failed, cancellable=False)
