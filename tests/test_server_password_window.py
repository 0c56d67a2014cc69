"""The password prompt of a server register (issue 17, ui/register/server_password.py): it names
the server, database and user, says why it asks again, hides what is typed, and offers the keyring."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from services.store import StoreError
from services.store_credentials import Answer
from services.store_pg import STORE_PASSWORD
from ui.register import server_password
from ui.register.server_password import PasswordDialog

URL = "postgresql://li_officer@db.caizhengju.example:5433/contracts"


def test_the_prompt_names_server_database_and_user_and_why(qtbot) -> None:
    refused = StoreError(STORE_PASSWORD, url=URL, reason='password authentication failed for user "li_officer"')
    dialog = PasswordDialog(URL, refused)
    qtbot.addWidget(dialog)
    assert dialog.server_label.text() == "db.caizhengju.example:5433"
    assert dialog.database_label.text() == "contracts" and dialog.user_label.text() == "li_officer"
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.problem_label.isVisibleTo(dialog) and "STORE_PASSWORD" in dialog.problem_label.text()
    assert not dialog.remember_box.isChecked()  # kept only when the person says so
    qtbot.keyClicks(dialog.password_edit, "s3cret-42")
    dialog.remember_box.setChecked(True)
    assert dialog.answer() == Answer("s3cret-42", remember=True)
    first = PasswordDialog(URL)
    qtbot.addWidget(first)
    assert not first.problem_label.isVisibleTo(first)


@pytest.mark.parametrize("accepted", [True, False])
def test_prompt_returns_the_answer_or_none_when_cancelled(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                          accepted: bool) -> None:
    def exec_(dialog: PasswordDialog) -> int:  # no modal loop in a test
        qtbot.addWidget(dialog)
        dialog.password_edit.setText("pw")
        return int(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(PasswordDialog, "exec", exec_)
    answer = server_password.prompt()(URL, None)
    assert answer == (Answer("pw") if accepted else None)
