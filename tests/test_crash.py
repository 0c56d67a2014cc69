"""Unexpected errors (ui/crash.py): an exception in a slot or a worker thread is logged in the log
folder and shown (a fake dialog here), the store stays as it was, hard crashes reach faulthandler.log,
and the real dialog copies its details."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from services.register import contracts as contract_service
from services.register.contract_data import ContractData, PartyData
from services.store import Store
from tests.conftest import ROOT
from ui import crash


class FakeShow:
    """Records what the crash dialog would have shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, Path]] = []

    def __call__(self, summary: str, details: str, log_file: Path) -> None:
        self.shown.append((summary, details, log_file))


@pytest.fixture
def handler(qapp, tmp_path: Path) -> Iterator[crash.CrashHandler]:
    """A crash handler installed as sys.excepthook / threading.excepthook, logging to tmp_path/logs."""
    installed = crash.CrashHandler(tmp_path / "logs", show=FakeShow()).install()
    try:
        yield installed
    finally:
        installed.uninstall()
        for file_handler in [h for h in crash.logger().handlers if str(tmp_path) in getattr(h, "baseFilename", "")]:
            crash.logger().removeHandler(file_handler)
            file_handler.close()


def _contract(number: str) -> ContractData:
    return ContractData(contract_no=number, title="政务云服务", total_amount=Decimal("100.00"),
                        parties=[PartyData("甲方", "采购中心"), PartyData("乙方", "供应商")])


def test_exception_in_a_slot_is_logged_shown_and_the_store_is_unchanged(handler, store: Store) -> None:
    # Given a button whose action saves a contract, then fails inside the same transaction
    def save_then_fail() -> None:
        with store.session() as session:
            contract_service.save(session, _contract("CRASH-1"))
            session.flush()
            assert contract_service.count(session) == 1  # written, not yet committed
            raise RuntimeError("the officer's action failed half-way")

    button = QPushButton("Save")
    button.clicked.connect(save_then_fail)
    # When the officer clicks it
    button.click()
    # Then the error was shown once, with its traceback and where the log is
    assert len(handler.show.shown) == 1
    summary, details, log_file = handler.show.shown[0]
    assert summary == "RuntimeError: the officer's action failed half-way"
    assert "Traceback (most recent call last)" in details
    assert "save_then_fail" in details
    assert details.startswith("ContractDesk ")
    assert log_file == handler.folder / "contractdesk.log"
    # and written to the log file
    log = log_file.read_text("utf-8")
    assert "ERROR" in log
    assert "RuntimeError: the officer's action failed half-way" in log
    assert "save_then_fail" in log
    # and the store is as before the click: the transaction was rolled back
    with store.session() as session:
        assert contract_service.count(session) == 0
        assert contract_service.find_id(session, "CRASH-1") is None
    # and the store is still usable
    with store.session() as session:
        contract_service.save(session, _contract("AFTER-1"))
    with store.session() as session:
        assert contract_service.count(session) == 1


def test_exception_in_a_timer_slot_reaches_the_handler(handler, qtbot) -> None:
    def fail() -> None:
        raise ValueError("from the event loop")

    QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: bool(handler.show.shown), timeout=3000)
    assert handler.show.shown[0][0] == "ValueError: from the event loop"


def test_exception_in_a_worker_thread_is_logged_and_shown_on_the_gui_thread(handler, qtbot) -> None:
    shown_on: list[threading.Thread] = []
    real_show = handler.show

    def show(summary: str, details: str, log_file: Path) -> None:
        shown_on.append(threading.current_thread())
        real_show(summary, details, log_file)

    handler.show = show

    def work() -> None:
        raise OSError("disk gone")

    worker = threading.Thread(target=work, name="contractdesk-test-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown_on), timeout=3000)
    assert shown_on == [threading.main_thread()]
    assert real_show.shown[0][0] == "OSError: disk gone"
    assert "contractdesk-test-worker" in handler.log_file.read_text("utf-8")


def test_a_second_error_while_one_is_shown_is_only_logged(handler) -> None:
    calls: list[str] = []

    def show(summary: str, details: str, log_file: Path) -> None:
        calls.append(summary)
        try:
            raise KeyError("inside the dialog")
        except KeyError as exc:
            handler.handle(type(exc), exc, exc.__traceback__)

    handler.show = show
    try:
        raise RuntimeError("first")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    assert calls == ["RuntimeError: first"]
    log = handler.log_file.read_text("utf-8")
    assert "RuntimeError: first" in log
    assert "KeyError: 'inside the dialog'" in log


def test_install_and_uninstall_restore_the_previous_hooks(qapp, tmp_path: Path) -> None:
    before, before_thread = sys.excepthook, threading.excepthook
    handler = crash.CrashHandler(tmp_path, show=FakeShow()).install()
    try:
        assert sys.excepthook == handler.handle
        assert threading.excepthook != before_thread
    finally:
        handler.uninstall()
        for file_handler in [h for h in crash.logger().handlers if str(tmp_path) in getattr(h, "baseFilename", "")]:
            crash.logger().removeHandler(file_handler)
            file_handler.close()
    assert sys.excepthook is before
    assert threading.excepthook is before_thread


def test_log_folder_is_the_user_log_folder_unless_overridden(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(crash.LOG_DIR_ENV, raising=False)
    folder = crash.log_dir()
    assert "ContractDesk" in folder.parts
    assert not folder.is_relative_to(ROOT)  # never the install (or source) folder
    monkeypatch.setenv(crash.LOG_DIR_ENV, str(tmp_path))
    assert crash.log_dir() == tmp_path


def test_log_file_rotates(qapp, tmp_path: Path) -> None:
    file_handler = crash.setup_logging(tmp_path)
    try:
        assert crash.setup_logging(tmp_path) is file_handler  # once per folder
        assert file_handler.maxBytes == 1_000_000
        assert file_handler.backupCount == 3
        record = logging.LogRecord("contractdesk", logging.INFO, __file__, 1, "x" * 2000, None, None)
        for _ in range(600):
            file_handler.emit(record)
        assert (tmp_path / "contractdesk.log.1").exists()
    finally:
        crash.logger().removeHandler(file_handler)
        file_handler.close()


def test_hard_crash_and_qt_messages_are_written_to_the_log_folder(tmp_path: Path) -> None:
    # A fresh interpreter that starts logging as the app does, lets Qt warn, then segfaults.
    script = textwrap.dedent("""
        import faulthandler
        from pathlib import Path
        from PySide6.QtCore import qWarning
        from ui import crash

        folder = Path(crash.log_dir())
        crash.setup_logging(folder)
        crash.enable_faulthandler(folder)
        crash.log_qt_messages()
        qWarning("qt says hello")
        faulthandler._sigsegv()
    """)
    env = {**os.environ, crash.LOG_DIR_ENV: str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode != 0
    fault_log = (tmp_path / "faulthandler.log").read_text("utf-8")
    assert "pid" in fault_log.splitlines()[0]
    assert "Fatal Python error: Segmentation fault" in fault_log
    assert "qt says hello" in (tmp_path / "contractdesk.log").read_text("utf-8")
    assert "qt says hello" in result.stderr  # still on stderr too


def test_crash_dialog_shows_the_details_and_copies_them(qtbot, tmp_path: Path) -> None:
    dialog = crash.CrashDialog("RuntimeError: boom", "Traceback …\nRuntimeError: boom\n", tmp_path / "contractdesk.log")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.text.toPlainText() == "Traceback …\nRuntimeError: boom\n"
    assert dialog.text.isReadOnly()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Traceback …\nRuntimeError: boom\n"
    assert dialog.isVisible()  # copying does not close it
    assert dialog.copy_button.text() == "Copied"
    dialog.reject()
    assert not dialog.isVisible()
