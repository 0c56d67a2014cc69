"""File → Move this register to a server…: the window's ``copy-store`` from the SQLite file to an empty
PostgreSQL register (issue 17).

Asks the server register's ``postgresql://user@host:port/dbname`` address (``MoveDialog``); opens it
with the usual password flow (``~/.pgpass``, ``PGPASSWORD``, the system keyring or the password
dialog: ``services.store_credentials``), creating its schema if the database is empty; copies every
table off the GUI thread (``ui.tasks``) with progress and Cancel, verifying rows and a checksum of
every table (``services.copy_store.copy_into``: one transaction, so a cancelled or failed copy leaves
the server register empty); then offers to switch the window to the server register (remembered for
the next start). The file stays as it was: nothing is deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.copy_store import TableCopy, copy_into
from services.errors import UserError
from services.store import Store, StoreError, is_server_url
from services.store_credentials import open_register
from services.store_pg import display_url
from ui import i18n, settings
from ui.register import server_password
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class MoveDialog(QDialog):
    """Asks the address of the (empty) server register to move this one to."""

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move this register to a server"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Copies every contract, payment, amendment, file and the history of {0} into an empty "
            "register on a PostgreSQL server, and checks the copy table by table. This file stays as it "
            "is.").format(source))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Server register address:")))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://user@host:5432/contracts")
        layout.addWidget(self.url_edit)
        hint = QLabel(self.tr("The password is asked for when the server wants one (it may be kept in the "
                              "system keyring), never written into the address or the settings."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy to the server"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def url(self) -> str | None:
        """The address typed, if it names a server register."""
        text = self.url_edit.text().strip()
        return text if is_server_url(text) else None

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.url() is not None)


def move_to_server(window: MainWindow, url: str | None = None) -> None:
    """Ask (``url`` given: use it, for tests), open the server register, copy this window's register
    into it in the background and, verified, offer to switch the window to it. Every refusal (the
    server unreachable, a register that already holds data, a cancelled copy) is a coded message and
    the window stays on its file."""
    title = QCoreApplication.translate("MoveDialog", "Move this register to a server")
    if url is None:
        dialog = MoveDialog(window.store.location, window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.url() is None:
            return
        url = dialog.url()
        assert url is not None
    try:
        opened = open_register(url, ask=server_password.prompt(window))
    except StoreError as exc:
        window.dialogs.error(title, exc.message(i18n.current_language()))
        return
    if opened.store is None:  # the password prompt was cancelled
        return
    target: Store = opened.store
    source = window.store

    def work(control: TaskControl) -> list[TableCopy]:
        return copy_into(source, target, progress=control.progress, cancelled=control.cancelled)

    def done(copies: list[TableCopy]) -> None:
        contracts = next((copy.rows for copy in copies if copy.table == "contracts"), 0)
        question = QCoreApplication.translate("MoveDialog",
            "{0} contract(s) copied to {1} and checked: every table has the same rows and checksum as the "
            "file.\n\nSwitch this window to the server register? The file stays as it is.").format(
            contracts, display_url(url))
        if window.dialogs.confirm(title, question):
            settings.set_chosen_register(url)
            window.set_store(target)
        else:
            target.close()

    def failed(error: BaseException) -> None:
        target.close()
        if not isinstance(error, UserError):
            raise error
        window.dialogs.error(title, error.message(i18n.current_language()))

    label = QCoreApplication.translate("MoveDialog", "Copying the register to the server…")
    run_task(window, label, work, done, failed, cancellable=True)
