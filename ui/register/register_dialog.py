"""Settings → Register…: choose the register the window works on — a file on this computer (SQLite,
one officer) or a database on a PostgreSQL server (a team, issue 17). The choice is opened at once
(asking the server's password if it wants one: the keyring's, else a prompt), shown in place of the
current register, and kept for the next start (``ui.settings.chosen_register``; ``--db`` and
``CONTRACTDESK_DB`` still win). Never a password in the settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from services.store import StoreError, is_server_url
from services.store_credentials import open_register
from ui import i18n, settings
from ui.register import server_password

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class RegisterDialog(QDialog):
    """The two kinds of register, filled with ``current`` (a path or a server URL)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register"))
        layout = QVBoxLayout(self)
        self.file_button = QRadioButton(self.tr("A file on this computer (one officer)"))
        self.server_button = QRadioButton(self.tr("A database on a PostgreSQL server (a team)"))
        group = QButtonGroup(self)
        group.addButton(self.file_button)
        group.addButton(self.server_button)
        layout.addWidget(self.file_button)
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        layout.addLayout(file_row)
        layout.addWidget(self.server_button)
        form = QFormLayout()
        self.host_edit = QLineEdit()
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(5432)
        self.database_edit = QLineEdit()
        self.user_edit = QLineEdit()
        form.addRow(self.tr("Server:"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_box)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if is_server_url(current):
            url = make_url(current)
            self.server_button.setChecked(True)
            self.host_edit.setText(url.host or "")
            self.port_box.setValue(url.port or 5432)
            self.database_edit.setText(url.database or "")
            self.user_edit.setText(url.username or "")
        else:
            self.file_button.setChecked(True)
            self.path_edit.setText(current)
        for edit in (self.path_edit, self.host_edit, self.database_edit):
            edit.textChanged.connect(self._update)
        group.buttonToggled.connect(lambda *_args: self._update())
        self._update()
        self.resize(480, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Register file"), self.path_edit.text(),
                                              self.tr("Register (*.db);;All files (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)
            self.file_button.setChecked(True)

    def choice(self) -> str | None:
        """The register chosen: a file's path, a server URL ``postgresql://user@host:port/dbname``
        (no password), or None while incomplete (no path; no server or database)."""
        if self.file_button.isChecked():
            path = self.path_edit.text().strip()
            return str(Path(path).expanduser()) if path else None
        host, database = self.host_edit.text().strip(), self.database_edit.text().strip()
        if not host or not database:
            return None
        url = URL.create("postgresql", username=self.user_edit.text().strip() or None, host=host,
                         port=self.port_box.value(), database=database)
        return url.render_as_string(hide_password=False)

    def _update(self) -> None:
        for edit in (self.host_edit, self.port_box, self.database_edit, self.user_edit):
            edit.setEnabled(self.server_button.isChecked())
        self.path_edit.setEnabled(self.file_button.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.choice() is not None)


def choose_register(window: MainWindow, name: str | None = None) -> MainWindow:
    """Settings → Register…: ask (``name`` given: use it, for tests), open the register chosen and
    show it in place of ``window``'s; the window now showing. A register that cannot be opened is
    a message (its code), and the current one stays."""
    if name is None:
        dialog = RegisterDialog(window.store.location, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return window
        name = dialog.choice()
        if name is None:
            return window
    if name == window.store.location:
        return window
    try:
        opened = open_register(name, ask=server_password.prompt(window))
    except StoreError as exc:
        window.dialogs.error(QCoreApplication.translate("RegisterDialog", "Register"),
                             exc.message(i18n.current_language()))
        return window
    if opened.store is None:  # the password prompt was cancelled
        return window
    settings.set_chosen_register(name)
    return window.set_store(opened.store)
