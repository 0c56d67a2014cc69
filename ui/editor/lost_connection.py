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


def retry_question(error: UserError) -> tuple[str, str, list[tuple[str, str]]]:
    """The question's title, text (the coded message in the window's language) and its one choice
    besides Cancel: ``("retry", "Retry")``."""
    title = QCoreApplication.translate("LostConnection", "Connection lost")
    text = error.message(i18n.current_language()) + "\n\n" + QCoreApplication.translate(
        "LostConnection", "Retry saves it now; Cancel keeps the editor open to save later.")
    return title, text, [("retry", QCoreApplication.translate("LostConnection", "Retry"))]


def ask_retry(dialogs: Dialogs, error: UserError) -> bool:
    """Show ``error`` with a Retry button (Cancel: keep editing); True when the officer chose Retry."""
    return dialogs.choose(*retry_question(error)) == "retry"  # type: ignore[no-any-return]
