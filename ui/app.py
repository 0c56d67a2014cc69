"""Starting the window: the QApplication, the store, translations.

The first painted list comes before SQLAlchemy (issue 18): on a SQLite register at the newest
revision, ``ui.first_paint.EarlyWindow`` paints the list's first screen read with plain ``sqlite3``
(``services.register.first_screen``); then, on the next turn of the event loop, the store is opened as
always and the real ``ui.main_window.MainWindow`` takes the early window's place. Anything else — a
server register, a store to upgrade, an empty or read-only one, ``--screenshot`` — opens the store
first, as before. No module imported before the first paint imports SQLAlchemy.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from services.app_names import APP_AUTHOR, APP_NAME, DB_ENV
from ui import i18n, settings, startup
from ui.single_instance import SingleInstance
from ui.tasks import after_first_paint

if TYPE_CHECKING:
    from ui.first_paint import EarlyWindow
    from ui.main_window import MainWindow


def run_app(argv: list[str]) -> int:
    """Open the main window on the store named by ``--db`` / ``$CONTRACTDESK_DB`` / the default.

    ``--lang zh_CN|en`` overrides the language for this run; ``--screenshot PNG`` renders the
    window to a file and exits. Unexpected errors are logged and shown (``ui.crash``); a second
    start on the same store brings the first one forward (``ui.single_instance``).
    Returns the exit status.
    """
    parser = argparse.ArgumentParser(prog="contractdesk")
    parser.add_argument("--db", metavar="PATH")
    parser.add_argument("--lang", choices=i18n.LANGUAGES)
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="save the window as PNG, then exit")
    args, qt_args = parser.parse_known_args(argv)
    startup.start_logging()
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    startup.prepare_application(app)
    startup.install_crash_handler()
    i18n.install(args.lang or i18n.preferred_language())
    name = args.db or os.environ.get(DB_ENV) or settings.chosen_register()  # Settings → Register…
    local = _local_store(name)
    if local is None:
        from services.store import resolve_db_path

        db_path: Path | str = resolve_db_path(name)
    else:
        db_path = local
    instance = startup.claim_store(db_path, raise_running=args.screenshot is None)
    if isinstance(instance, int):
        return instance
    try:
        instance.activated.connect(startup.bring_main_window_forward)  # the early window, then the main one
        early = None if local is None or args.screenshot is not None else _early_window(local)
        if early is not None:
            early.show()
            # One more turn of the event loop: whatever else waits on this paint (the bench's clock) first.
            after_first_paint(early, lambda: QTimer.singleShot(0, lambda: _take_over(app, early, db_path, instance)))
            return app.exec()
        window = _main_window(db_path)
        if isinstance(window, int):
            return window
        window.show()
        after_first_paint(window, window.start_daily_backup)
        if args.screenshot is not None:
            startup.schedule_screenshot(window, args.screenshot)
        return app.exec()
    finally:
        instance.release()


def _local_store(name: str | None) -> Path | None:
    """The SQLite file ``services.store.resolve_db_path`` makes of ``name``; None for a server URL."""
    if not name:
        import platformdirs

        return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "contracts.db"  # default_db_path
    if name.strip().lower().startswith(("postgresql", "postgres:")):
        return None
    return Path(name).expanduser()


def _early_window(path: Path) -> EarlyWindow | None:
    """The early window over the first screen of the store at ``path``; None when the store must be
    opened first (``first_screen.read`` cannot serve it, it is empty — the welcome page — or it
    cannot be written: the read-only banner)."""
    from services.register import first_screen

    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    screen = first_screen.read(path)
    if screen is None or screen.count == 0:
        return None
    from ui.first_paint import EarlyWindow

    return EarlyWindow(screen, str(path))


def _main_window(db_path: Path | str) -> MainWindow | int:
    """Open the store (upgrading it, asking a server's password) and build the main window over it
    (not shown); the exit status when the store cannot be opened (said in a message box)."""
    from PySide6.QtWidgets import QMessageBox

    from services.store import CHECKS_AFTER_UPGRADE, StoreError, register_after_upgrade
    from services.store_credentials import open_register
    from ui.main_window import MainWindow
    from ui.register import server_password

    register_after_upgrade(CHECKS_AFTER_UPGRADE)
    try:  # a server register may ask for a password: the keyring's, else a prompt (issue 17)
        store = open_register(str(db_path) if isinstance(db_path, Path) else db_path,
                              ask=server_password.prompt()).store
    except StoreError as exc:
        QMessageBox.critical(None, "ContractDesk", exc.message(i18n.current_language()))
        return 1
    if store is None:  # the password prompt was cancelled
        return 1
    window = MainWindow(store)
    startup.forget_source_lines()  # what the imports above left there (about 1 MB)
    return window


def _take_over(app: QApplication, early: EarlyWindow, db_path: Path | str, instance: SingleInstance) -> None:
    """After the early window's first paint: import the rest, open the store, show the main window in
    the early one's place (geometry, current row, scroll position) and close the early one once the
    main window has painted. Nothing when the early window was closed meanwhile."""
    if not early.isVisible():
        return
    startup.forget_source_lines()  # what the imports before the first paint left there
    window = _main_window(db_path)
    if isinstance(window, int):
        early.close()
        app.exit(window)
        return
    early.hand_over(window, window.list_view.table)

    def settled() -> None:
        early.close()
        early.deleteLater()
        window.start_daily_backup()

    after_first_paint(window, settled)
