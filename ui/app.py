"""Starting the window: the QApplication, the store, translations."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from services.store import CHECKS_AFTER_UPGRADE, DB_ENV, StoreError, register_after_upgrade, resolve_db_path
from services.store_credentials import open_register
from ui import i18n, settings, startup
from ui.main_window import MainWindow
from ui.register import server_password
from ui.tasks import after_first_paint


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
    register_after_upgrade(CHECKS_AFTER_UPGRADE)
    startup.start_logging()
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    startup.prepare_application(app)
    startup.install_crash_handler()
    i18n.install(args.lang or i18n.preferred_language())
    db_path = resolve_db_path(args.db or os.environ.get(DB_ENV) or settings.chosen_register())  # Settings → Register…
    instance = startup.claim_store(db_path, raise_running=args.screenshot is None)
    if isinstance(instance, int):
        return instance
    try:
        try:  # a server register may ask for a password: the keyring's, else a prompt (issue 17)
            store = open_register(db_path, ask=server_password.prompt()).store
        except StoreError as exc:
            QMessageBox.critical(None, "ContractDesk", exc.message(i18n.current_language()))
            return 1
        if store is None:  # the password prompt was cancelled
            return 1
        window = MainWindow(store)
        window.show()
        after_first_paint(window, window.start_daily_backup)
        instance.activated.connect(startup.bring_main_window_forward)
        if args.screenshot is not None:
            startup.schedule_screenshot(window, args.screenshot)
        return app.exec()
    finally:
        instance.release()
