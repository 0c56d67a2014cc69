"""Starting the window: the QApplication, the store, translations."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from services.store import StoreError, open_store, resolve_db_path
from ui import i18n
from ui.main_window import MainWindow


def run_app(argv: list[str]) -> int:
    """Open the main window on the store named by ``--db`` / ``$CONTRACTDESK_DB`` / the default.

    ``--lang zh_CN|en`` overrides the language for this run. Returns the exit status.
    """
    parser = argparse.ArgumentParser(prog="contractdesk")
    parser.add_argument("--db", metavar="PATH")
    parser.add_argument("--lang", choices=i18n.LANGUAGES)
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("ContractDesk")
    app.setOrganizationName("ContractDesk")
    i18n.install(args.lang or i18n.preferred_language())
    try:
        store = open_store(resolve_db_path(args.db))
    except StoreError as exc:
        QMessageBox.critical(None, "ContractDesk", str(exc))
        return 1
    window = MainWindow(store)
    window.show()
    return app.exec()
