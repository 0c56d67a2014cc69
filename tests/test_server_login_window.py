"""Opening a server register from the window (issue 17): the password prompt
(ui/register/server_password.py) names the server, database and user, says why it asks again, hides
what is typed, and offers the keyring; Settings → Register… (ui/register/register_dialog.py) gives a
file or a server, shows it in place of the current register and keeps the choice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from services.store import StoreError
from services.store_credentials import Answer
from services.store_pg import STORE_PASSWORD
from tests.conftest import SAMPLE_LEDGER
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


# ----- Settings → Register… (ui/register/register_dialog.py) ---------------------------------


@pytest.fixture
def user_config(qapp, tmp_path):
    """QSettings' user folder in tmp_path for this test (never the officer's own)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


def test_the_register_dialog_gives_a_file_or_a_server_url_without_password(qtbot) -> None:
    from ui.register.register_dialog import RegisterDialog

    dialog = RegisterDialog("/home/li/合同台账.db")
    qtbot.addWidget(dialog)
    assert dialog.file_button.isChecked() and dialog.choice() == "/home/li/合同台账.db"
    dialog.path_edit.clear()
    assert dialog.choice() is None and not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.server_button.setChecked(True)
    assert not dialog.path_edit.isEnabled() and dialog.host_edit.isEnabled()
    dialog.host_edit.setText("db.caizhengju.example")
    assert dialog.choice() is None  # no database yet
    dialog.database_edit.setText("contracts")
    dialog.user_edit.setText("li_officer")
    dialog.port_box.setValue(5433)
    assert dialog.choice() == "postgresql://li_officer@db.caizhengju.example:5433/contracts"
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    again = RegisterDialog("postgresql://li_officer@db.caizhengju.example:5433/contracts")
    qtbot.addWidget(again)
    assert again.server_button.isChecked() and again.choice() == dialog.choice()


def test_choosing_a_server_register_shows_it_and_is_kept_for_the_next_start(qtbot, pg_store, store,
                                                                           user_config) -> None:
    from services.ledger.importer import import_ledger
    from tests.conftest import FakeDialogs
    from ui import settings
    from ui.main_window import MainWindow

    import_ledger(pg_store, SAMPLE_LEDGER)
    location = pg_store.location
    pg_store.close()
    dialogs = FakeDialogs()
    window = MainWindow(store, dialogs=dialogs)
    qtbot.addWidget(window)
    unchanged = window.choose_register("postgresql://nobody@127.0.0.1:9/contracts")  # nothing listens
    assert unchanged is window and dialogs.errors and "STORE_UNREACHABLE" in dialogs.errors[-1]
    assert settings.chosen_register() is None
    shown = window.choose_register(location)
    qtbot.addWidget(shown)
    assert shown is not window and shown.store.location == location and shown.model.rowCount() == 3
    assert shown.register_label.isVisibleTo(shown)
    assert settings.chosen_register() == location
    back = shown.choose_register(str(store.path))
    qtbot.addWidget(back)
    assert back.store.path == store.path and not back.store.on_server
    assert settings.chosen_register() == str(store.path)
