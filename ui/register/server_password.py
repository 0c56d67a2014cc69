"""The password prompt for a register on a PostgreSQL server (issue 17): names the server, the
database and the user it is asked for, says why it asks again (the server's refusal), and offers
to keep the password in the system keyring. The opening itself is ``services.store_credentials``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from services.store import StoreError
from services.store_credentials import Answer, Ask
from ui import i18n


class PasswordDialog(QDialog):
    """Asks the password of ``url`` (shown without a password); ``refused``: why the last one failed."""

    def __init__(self, url: str, refused: StoreError | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the server register"))
        parsed = make_url(url)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The register on the server asks for a password."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.server_label = QLabel(f"{parsed.host or 'localhost'}:{parsed.port or 5432}")
        self.database_label = QLabel(parsed.database or "")
        self.user_label = QLabel(parsed.username or self.tr("(your login name)"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server:"), self.server_label)
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("User:"), self.user_label)
        form.addRow(self.tr("Password:"), self.password_edit)
        layout.addLayout(form)
        self.problem_label = QLabel(refused.message(i18n.current_language()) if refused is not None else "")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.setVisible(refused is not None)
        layout.addWidget(self.problem_label)
        self.remember_box = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember_box.setToolTip(self.tr("Kept by the desktop's keyring (not in ContractDesk's settings); "
                                             "next time the register opens without asking."))
        layout.addWidget(self.remember_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password_edit.setFocus()
        self.resize(460, self.sizeHint().height())

    def answer(self) -> Answer:
        """What was typed, and whether to keep it."""
        return Answer(self.password_edit.text(), self.remember_box.isChecked())


def prompt(parent: QWidget | None = None) -> Ask:
    """The ``ask`` of ``services.store_credentials.open_register``: this dialog, modal."""

    def ask(url: str, refused: StoreError | None) -> Answer | None:
        dialog = PasswordDialog(url, refused, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    return ask
