"""A save that met a lost server connection (issue 17): the editor keeps its contents and offers Retry.

The server register's connection can drop between opening a contract and saving it (the network, a
restarted server). The save's transaction is then rolled back by the server — nothing of it is
written — and the store raises ``STORE_CONNECTION_LOST`` (``services.store_pg.translate``). The
editor stays open with everything typed; this asks, with the coded, translated message, whether to
try again now (Retry) or keep editing (Cancel) and save later.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.errors import UserError
from services.store_pg import STORE_CONNECTION_LOST
from ui import i18n
from ui.context import Dialogs


def is_lost_connection(error: BaseException) -> bool:
    """True for the store's ``STORE_CONNECTION_LOST``."""
    return isinstance(error, UserError) and error.code == STORE_CONNECTION_LOST


def ask_retry(dialogs: Dialogs, error: UserError) -> bool:
    """Show ``error`` with a Retry button (Cancel: keep editing); True when the officer chose Retry."""
    title = QCoreApplication.translate("LostConnection", "Connection lost")
    text = error.message(i18n.current_language()) + "\n\n" + QCoreApplication.translate(
        "LostConnection", "Retry saves it now; Cancel keeps the editor open to save later.")
    retry = QCoreApplication.translate("LostConnection", "Retry")
    return dialogs.choose(title, text, [("retry", retry)]) == "retry"  # type: ignore[no-any-return]
