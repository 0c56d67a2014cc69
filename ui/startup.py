"""The pieces of a window start that ``ui.app.run_app`` puts together.

- ``prepare_application``: names, version, window icon, desktop file name (Linux menus).
- ``start_logging``: before the QApplication, the log file, faulthandler and Qt's messages.
- ``install_crash_handler``: log unexpected errors in the user log folder and show them.
- ``claim_store``: the single-instance rule (a second start on a store brings the first forward).
- ``schedule_screenshot``: ``--screenshot PATH`` renders the window to PNG once the event loop runs,
  then quits — the smoke test of the packaged app (``.ci/run``).
- ``forget_source_lines``: drop the source lines PySide6's import hook leaves in ``linecache``.
"""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui import crash
from ui.single_instance import InstanceUnreachable, SingleInstance, bring_forward, instance_key
from ui.version import __version__

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "contractdesk-256.png"
SCREENSHOT_DELAY_MS = 300  # let the first paint and the status bar settle


def prepare_application(app: QApplication) -> None:
    """Name the app (QSettings and platformdirs use the same names) and give it its icon."""
    app.setApplicationName("ContractDesk")
    app.setOrganizationName("ContractDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("contractdesk")  # matches contractdesk.desktop (Wayland, taskbars)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))


def start_logging() -> None:
    """Before the QApplication exists: the log file, faulthandler, and Qt's own messages in the log
    (so a platform plugin that cannot start, e.g. no display, leaves a trace)."""
    folder = crash.log_dir()
    try:
        crash.setup_logging(folder)
        crash.enable_faulthandler(folder)
    except OSError as exc:  # an unwritable log folder must not keep the window from opening
        print(f"warning: no log file in {folder}: {exc}", file=sys.stderr)
    crash.log_qt_messages()


def install_crash_handler(show: crash.ShowCrash | None = None) -> crash.CrashHandler:
    """Log to the user log folder, show unexpected errors, and log the start itself."""
    handler = crash.CrashHandler(crash.log_dir(), show=show, parent=QApplication.instance()).install()
    crash.logger().info("started: %s", crash.environment())
    return handler


def claim_store(db_path: Path, *, raise_running: bool = True) -> SingleInstance | int:
    """The single-instance rule for ``db_path``: the ``SingleInstance`` to keep if this is the first
    start, else the exit status (0 once the running start came forward, 1 if it does not answer).

    With ``raise_running=False`` (``--screenshot``) a running start is an error instead.
    """
    instance = SingleInstance(instance_key(db_path))
    try:
        first = instance.acquire()
    except InstanceUnreachable:
        text = QCoreApplication.translate(
            "Startup", "ContractDesk is already running on {0}, but does not answer. "
                       "Close it (or wait until it has started), then try again."
        ).format(db_path)
        crash.logger().warning("second start: the running instance on %s does not answer", db_path)
        QMessageBox.warning(None, "ContractDesk", text)
        return 1
    if first:
        return instance
    crash.logger().info("second start on %s: asked the running window to come forward", db_path)
    if not raise_running:
        print(f"error: ContractDesk is already running on {db_path}", file=sys.stderr)
        return 1
    return 0


def bring_main_window_forward() -> None:
    """Bring the visible main window of this process forward (a second start asked): the register's
    window, or while it is being built the early window over the list's first screen (``ui.first_paint``).
    Imports neither: a kind not loaded yet has no window."""
    for module, name in (("ui.main_window", "MainWindow"), ("ui.first_paint", "EarlyWindow")):
        kind = getattr(sys.modules.get(module), name, None)
        if kind is None:
            continue
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                bring_forward(widget)
                crash.logger().info("window brought forward: a second start asked")
                return


def schedule_screenshot(window: QWidget, path: Path, *, delay_ms: int = SCREENSHOT_DELAY_MS) -> None:
    """Once the event loop runs: render ``window`` to the PNG ``path``, close it, and exit
    the event loop with 0 (1 if the file could not be written)."""

    def shoot() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(path), "PNG")
        if saved:
            print(f"screenshot: {path}")
        else:
            print(f"error: could not write {path}", file=sys.stderr)
        window.close()
        QCoreApplication.exit(0 if saved else 1)

    QTimer.singleShot(delay_ms, shoot)


def forget_source_lines() -> None:
    """Empty ``linecache``, which PySide6's import hook fills as a side effect: for every module
    imported after PySide6 (``shibokensupport.feature``, looking for ``from __feature__ import``) it
    reads the module's source with ``inspect.getsource``, and ``linecache`` keeps every line — some
    260 files, 1.2 MB, by the time the main window is built (issue 18: memory). The lines are only
    a cache: a traceback reads its file again."""
    linecache.clearcache()
