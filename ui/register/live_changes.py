"""Other users' commits on a server register reach the window as they happen (issue 17).

``ServerChanges`` runs a ``services.store_notify.ChangeListener`` (a thread with its own connection
doing ``LISTEN``) and passes what it hears to the GUI thread through queued Qt signals: each other
store's ``Changes`` is announced through the window's one store-changed notification, so every view
refreshes as after a local write; a lost listening connection is a word in the status bar (coded,
translated), and once it is back the whole register is announced. An SQLite file is watched by the
window's polling of ``data_version`` instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from services.changes import Changes
from services.store import Store, StoreError
from services.store_notify import ChangeListener
from ui import i18n


class ServerChanges(QObject):
    """Listens for other users' commits on ``store`` (a server register) from ``start()`` to ``stop()``;
    ``announce(Changes)`` and ``status(text)`` are called on the GUI thread."""

    heard = Signal(object)  # Changes, from the listener's thread
    lost = Signal(object)  # StoreError, from the listener's thread

    def __init__(self, parent: QObject, store: Store, announce: Callable[[Changes], None],
                 status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.heard.connect(announce)
        self.lost.connect(lambda error: status(error.message(i18n.current_language())))
        self.listener = ChangeListener(store, self.heard.emit, self._lost)

    def _lost(self, error: StoreError) -> None:
        self.lost.emit(error)

    def start(self) -> None:
        """Start listening (the connection is made on the listener's thread)."""
        self.listener.start()

    def stop(self) -> None:
        """Stop listening and close the listening connection (before the store is closed)."""
        self.listener.stop()
