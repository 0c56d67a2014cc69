"""Unexpected errors: logged in the user's log folder, shown in a dialog that can copy the details.

``CrashHandler.install()`` replaces ``sys.excepthook`` and ``threading.excepthook``. An exception
that escapes a slot (PySide6 hands it to ``sys.excepthook``) or a worker thread is written with
its traceback to ``<user log folder>/contractdesk.log`` (rotated) and shown to the officer, once
at a time; the window keeps running. Hard crashes (a segfault or abort inside Qt) are written by
``faulthandler`` to ``faulthandler.log`` in the same folder.

The store needs nothing from here: each user action is one ``Store.session()`` transaction,
which rolls back while the exception passes through it, before the exception reaches this hook.

The log folder is ``platformdirs.user_log_path("ContractDesk", "ContractDesk")`` (Linux
``~/.local/state/ContractDesk/log``, Windows ``%LOCALAPPDATA%\\ContractDesk\\ContractDesk\\Logs``),
or ``$CONTRACTDESK_LOG_DIR``; never the install folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import platformdirs
from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, Signal, qInstallMessageHandler, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.app_names import APP_AUTHOR, APP_NAME
from services.store_files import make_private_folder
from ui.version import __version__

LOG_DIR_ENV = "CONTRACTDESK_LOG_DIR"
LOG_FILE = "contractdesk.log"
FAULT_FILE = "faulthandler.log"
LOGGER_NAME = "contractdesk"
_FAULT_LOG_LIMIT = 1_000_000  # bytes; a larger faulthandler.log is moved aside at start

# (summary, details, log file) → shows them; the real one is a modal CrashDialog.
ShowCrash = Callable[[str, str, Path], None]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def log_dir() -> Path:
    """The folder of the log files: ``$CONTRACTDESK_LOG_DIR``, else the user log folder."""
    env = os.environ.get(LOG_DIR_ENV)
    return Path(env).expanduser() if env else platformdirs.user_log_path(APP_NAME, APP_AUTHOR)


def logger() -> logging.Logger:
    """The app's logger (``contractdesk``); ``setup_logging`` sends it to the log file."""
    return logging.getLogger(LOGGER_NAME)


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log file readable by the user only (0600): the log may quote contract data."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream


def setup_logging(folder: Path) -> RotatingFileHandler:
    """Write the app's logger (INFO and up) to ``folder/contractdesk.log``: 1 MB, then rotated, 3 kept.

    Idempotent per folder; returns the file handler (tests remove it again). The log files
    are 0600 and a folder created here 0700.
    """
    make_private_folder(folder)
    target = os.path.abspath(folder / LOG_FILE)
    log = logger()
    for handler in log.handlers:
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == target:
            return handler
    handler = _PrivateRotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def environment() -> str:
    """One line naming what runs: for the log and for a support request."""
    frozen = " (bundled)" if getattr(sys, "frozen", False) else ""
    return (f"ContractDesk {__version__}{frozen}, Python {platform.python_version()}, Qt {qVersion()}, "
            f"{platform.platform()}")


_fault_file: IO[str] | None = None


def enable_faulthandler(folder: Path) -> Path:
    """Write the Python traceback of a hard crash (segfault, abort) to ``folder/faulthandler.log``.

    Each start appends one line naming itself; a file over 1 MB is moved aside first.
    Returns the file's path. ``disable_faulthandler`` undoes it (tests).
    """
    global _fault_file
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FAULT_FILE
    if path.exists() and path.stat().st_size > _FAULT_LOG_LIMIT:
        path.replace(path.with_suffix(".log.1"))
    disable_faulthandler()
    _fault_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open while the app runs
    if os.name == "posix":
        os.chmod(path, 0o600)
    _fault_file.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} pid {os.getpid()}: {environment()}\n")
    _fault_file.flush()
    faulthandler.enable(file=_fault_file, all_threads=True)
    return path


def disable_faulthandler() -> None:
    """Stop writing hard crashes to the log folder (back to stderr if there is one)."""
    global _fault_file
    if _fault_file is None:
        return
    faulthandler.disable()
    _fault_file.close()
    _fault_file = None
    if sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_messages() -> None:
    """Send Qt's own warnings (e.g. a platform plugin that cannot start) to the log as well as stderr."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        if level >= logging.WARNING:
            logger().log(level, "Qt: %s", message)
            for log_handler in logger().handlers:
                log_handler.flush()
        if sys.stderr is not None:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


class CrashDialog(QDialog):
    """What went wrong, where the details were written, the details, and a Copy details button."""

    def __init__(self, summary: str, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("ContractDesk — unexpected error"))
        layout = QVBoxLayout(self)
        message = QLabel(self.tr(
            "ContractDesk met an unexpected error: {0}\n\n"
            "The action was not completed; what was saved before is unchanged. "
            "The details were written to {1}. Please send them to your support contact."
        ).format(summary, log_file))
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_details(self) -> None:
        """Put the details on the clipboard (the dialog stays open)."""
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def show_crash_dialog(summary: str, details: str, log_file: Path) -> None:
    """The real ``ShowCrash``: a modal ``CrashDialog`` over the active window."""
    CrashDialog(summary, details, log_file, QApplication.activeWindow()).exec()


class CrashHandler(QObject):
    """Logs every unhandled exception and shows it with ``show`` (injectable; a dialog by default).

    Create it on the GUI thread after the QApplication. Exceptions of other threads are logged
    there and shown on the GUI thread. While one error is shown, further ones are only logged.
    """

    _reported = Signal(str, str)

    def __init__(self, folder: Path, *, show: ShowCrash | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.log_file = folder / LOG_FILE
        self.show = show or show_crash_dialog
        self._showing = False
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], Any] | None = None
        self._reported.connect(self._show)  # auto connection: queued when emitted from a worker thread

    # ----- installing
    def install(self) -> CrashHandler:
        """Become ``sys.excepthook`` and ``threading.excepthook`` (logging to ``folder`` if it can)."""
        with contextlib.suppress(OSError):  # unwritable: errors are still shown
            setup_logging(self.folder)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        """Put the previous hooks back (tests)."""
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook
            self._previous_thread_hook = None

    # ----- handling
    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: log the exception with its traceback, then show it."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        trace = "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()
        logger().error("Unexpected error in thread %s\n%s", threading.current_thread().name, trace)
        for handler in logger().handlers:
            handler.flush()
        summary = f"{exc_type.__name__}: {exc}"
        self._reported.emit(summary, f"{environment()}\n{dt.datetime.now():%Y-%m-%d %H:%M:%S}\n\n{trace}\n")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _show(self, summary: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            self.show(summary, details, self.log_file)
        except Exception:  # the dialog itself failed: the log has the error; never recurse
            logger().exception("Could not show the error dialog")
        finally:
            self._showing = False
