"""Other users' changes on a PostgreSQL register, as they commit: ``LISTEN``/``NOTIFY`` (issue 17).

Sending: every session of a server store that recorded a write (``services.history.changes``) sends
one ``NOTIFY contractdesk_changes`` in the same transaction, just before its commit (``install``):
PostgreSQL delivers it only if the transaction commits, and only after it did. The payload is JSON
``{"t": TOKEN, "k": [kinds], "i": [contract ids] | null}`` — TOKEN names the sending ``Store``
(``token``), so a window does not hear its own saves twice; ``"i": null`` (too many ids for a
notification's 8000 bytes) means every contract.

Listening: ``ChangeListener`` keeps one connection of its own, in autocommit, off the caller's
thread (a daemon thread iterating psycopg 3's ``Connection.notifies``), and hands each other
store's ``Changes`` to ``on_changes`` — on that thread: a window passes it to the GUI thread (a
queued Qt signal, ``ui.register.live_changes``). A lost listening connection is reported to
``on_lost`` (a coded ``StoreError``), retried every few seconds, and once back announces
``Changes.everything()`` (what was missed meanwhile is unknown). ``stop()`` ends the thread and
closes the connection within about half a second.

An SQLite file has no notifications: the window keeps polling ``services.store.data_version``.
Qt-free.
"""

from __future__ import annotations

import contextlib
import json
import threading
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session, sessionmaker

from services import history
from services.changes import ChangeKind, Changes
from services.store import Store, StoreError

__all__ = ["CHANNEL", "ChangeListener", "decode", "encode", "install", "token"]

#: The notification channel of every ContractDesk register (one per database).
CHANNEL = "contractdesk_changes"
#: A notification's payload must stay under 8000 bytes; longer id lists become "every contract".
_MAX_PAYLOAD = 7000
_TOKEN_KEY = "contractdesk.notify_token"
#: ``services.store_pg.STORE_CONNECTION_LOST`` (defined there; named here, as that module installs this one).
_CONNECTION_LOST = "STORE_CONNECTION_LOST"
#: Seconds between two attempts to connect the listener again after it lost its connection.
RETRY_SECONDS = 3.0
#: How long one wait for notifications lasts (seconds): the longest ``stop()`` waits for the thread.
_WAIT_SECONDS = 0.5


def encode(sender: str, changes: Changes) -> str:
    """The payload announcing ``changes`` from the store ``sender`` (its ``token``)."""
    ids: list[int] | None = sorted(changes.contract_ids) or None
    payload = json.dumps({"t": sender, "k": sorted(str(kind) for kind in changes.kinds), "i": ids},
                         separators=(",", ":"))
    if len(payload) > _MAX_PAYLOAD:
        payload = json.dumps({"t": sender, "k": sorted(str(kind) for kind in changes.kinds), "i": None},
                             separators=(",", ":"))
    return payload


def decode(payload: str) -> tuple[str | None, Changes]:
    """(sender token, ``Changes``) of a payload; anything unreadable (another program's NOTIFY on
    the channel) is (None, ``Changes.everything()``): reload all rather than miss a change."""
    try:
        body = json.loads(payload)
        kinds = frozenset(ChangeKind(kind) for kind in body["k"])
        ids = frozenset(int(i) for i in body["i"] or ())
        sender = body.get("t")
    except (ValueError, KeyError, TypeError):
        return None, Changes.everything()
    return (str(sender) if sender is not None else None), Changes(ids, kinds)


def token(store: Store) -> str | None:
    """The token ``install`` gave ``store``'s sessions (None: not installed — an SQLite file)."""
    info = store.sessions.kw.get("info") or {}
    value = info.get(_TOKEN_KEY)
    return str(value) if value is not None else None


def install(sessions: sessionmaker[Session]) -> str:
    """Make every session of ``sessions`` that recorded a write send its ``Changes`` on ``CHANNEL``
    in its own transaction (just before the commit). Returns the sessions' token."""
    sender = uuid.uuid4().hex
    info = dict(sessions.kw.get("info") or {})
    info[_TOKEN_KEY] = sender
    sessions.configure(info=info)

    def before_commit(session: Session) -> None:
        changed = history.changes(session)
        if changed:
            session.connection().execute(text("SELECT pg_notify(:channel, :payload)"),
                                         {"channel": CHANNEL, "payload": encode(sender, changed)})

    event.listen(sessions, "before_commit", before_commit)
    return sender


def notify_everything(connection: Any) -> None:
    """Tell every listener that the whole register may differ (a restore, a copy into it), on the
    SQLAlchemy ``connection``'s open transaction."""
    connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                       {"channel": CHANNEL, "payload": encode("", Changes.everything())})


class ChangeListener:
    """Listens on ``store``'s server for other stores' committed changes (see the module).

    ``on_changes(Changes)`` and ``on_lost(StoreError)`` are called on the listener's own thread.
    ``start()`` once; ``stop()`` (idempotent) before closing the store.
    """

    def __init__(self, store: Store, on_changes: Callable[[Changes], None],
                 on_lost: Callable[[StoreError], None] | None = None) -> None:
        self.store = store
        self.on_changes = on_changes
        self.on_lost = on_lost
        self._own = token(store)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: Any = None
        #: Set once the listening connection has run LISTEN (tests wait for it).
        self.listening = threading.Event()

    def start(self) -> None:
        """Start the listening thread (connects in the background; never blocks the caller)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="contractdesk-listen", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop listening: the thread ends and its connection is closed (waits up to ``timeout`` s)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        """True while the listening thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def _connect(self) -> Any:
        import psycopg

        arguments = self.store.engine.url.translate_connect_args(username="user", database="dbname")
        connection = psycopg.connect(**arguments, autocommit=True, connect_timeout=10,
                                     application_name="ContractDesk listener")
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def _run(self) -> None:
        import psycopg

        missed = False
        while not self._stop.is_set():
            try:
                self._connection = self._connect()
            except psycopg.Error as exc:
                self._lost(exc)
                missed = True
                self._stop.wait(RETRY_SECONDS)
                continue
            self.listening.set()
            if missed:  # what others wrote while we were away is unknown
                self.on_changes(Changes.everything())
                missed = False
            try:
                while not self._stop.is_set():
                    for notice in self._connection.notifies(timeout=_WAIT_SECONDS):
                        sender, changes = decode(notice.payload)
                        if sender is None or sender != self._own:
                            self.on_changes(changes)
            except psycopg.Error as exc:
                if not self._stop.is_set():
                    self._lost(exc)
                    missed = True
                    self._stop.wait(RETRY_SECONDS)
            finally:
                self.listening.clear()
                self._close()

    def _lost(self, exc: BaseException) -> None:
        if self.on_lost is not None:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            self.on_lost(StoreError(_CONNECTION_LOST, url=self.store.location, reason=reason))

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):  # closing a broken connection: nothing more to do
                connection.close()
