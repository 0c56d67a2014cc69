"""Opening the local SQLite store: where it lives, migrations, sessions, read-only and busy stores.

A store is one SQLite file (WAL journal, foreign keys on), user-only (``services.store_files``).
Opening it applies any pending Alembic migration after copying the file aside. A file that is
not an SQLite database, an SQLite database of another program, a half-created store or a store
written by a newer ContractDesk is refused with a coded ``StoreError``; a store we cannot write
opens read-only (``Store.read_only``). A write that finds the store locked by another process
waits ``busy_timeout`` seconds, then raises ``StoreError`` ``STORE_BUSY``/``STORE_BUSY_BY``.
Backups: ``services.backup``.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from services import store_stats
from services.app_names import APP_AUTHOR as APP_AUTHOR  # re-exported: asked of services.store
from services.app_names import APP_NAME as APP_NAME
from services.app_names import DB_ENV as DB_ENV
from services.payments import overview_keep
from services.register import list_status, list_terms, search_index
from services.store_errors import READ_ONLY_CODES as READ_ONLY_CODES

# The coded errors live in services.store_errors; re-exported: callers ask them of services.store.
from services.store_errors import STORE_BAD_PATH as STORE_BAD_PATH
from services.store_errors import STORE_BUSY as STORE_BUSY
from services.store_errors import STORE_BUSY_BY as STORE_BUSY_BY
from services.store_errors import STORE_CANNOT_OPEN as STORE_CANNOT_OPEN
from services.store_errors import STORE_DAMAGED as STORE_DAMAGED
from services.store_errors import STORE_FOREIGN as STORE_FOREIGN
from services.store_errors import STORE_HALF_CREATED as STORE_HALF_CREATED
from services.store_errors import STORE_IS_FOLDER as STORE_IS_FOLDER
from services.store_errors import STORE_MISSING as STORE_MISSING
from services.store_errors import STORE_NEWER as STORE_NEWER
from services.store_errors import STORE_NOT_SQLITE as STORE_NOT_SQLITE
from services.store_errors import STORE_READ_ONLY_FILE as STORE_READ_ONLY_FILE
from services.store_errors import STORE_READ_ONLY_FOLDER as STORE_READ_ONLY_FOLDER
from services.store_errors import STORE_READ_ONLY_OLD as STORE_READ_ONLY_OLD
from services.store_errors import STORE_READ_ONLY_REQUESTED as STORE_READ_ONLY_REQUESTED
from services.store_errors import STORE_WRITE_FAILED as STORE_WRITE_FAILED
from services.store_errors import StoreError as StoreError
from services.store_errors import busy_error as busy_error
from services.store_errors import open_error as open_error
from services.store_errors import os_reason as os_reason
from services.store_errors import sqlite_error_name as sqlite_error_name
from services.store_files import (
    clear_writer_note,
    create_private_file,
    make_private_folder,
    read_only_reason,
    sqlite_uri,
    tighten,
    write_writer_note,
)
from services.store_revisions import MIGRATIONS as MIGRATIONS  # re-exported: asked of services.store
from services.store_revisions import alembic_config, head_revision, known_revisions
from services.store_revisions import current_revision as current_revision
from services.store_upgrade import CHECKS_AFTER_UPGRADE as CHECKS_AFTER_UPGRADE
from services.store_upgrade import backup_before_upgrade, refresh_list_status, run_after_upgrade
from services.store_upgrade import register_after_upgrade as register_after_upgrade

#: Seconds a write waits for another process's write to finish before ``STORE_BUSY``.
BUSY_TIMEOUT = 5.0

#: The schemes of a register on a PostgreSQL server (``services.store_pg``).
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
#: Opens a register on a server; named, not imported: ``services.store_pg`` builds on this module.
SERVER_OPENER = "services.store_pg:open_server_store"


def is_server_url(name: object) -> bool:
    """True when ``name`` (a ``--db`` value) names a register on a PostgreSQL server."""
    return isinstance(name, str) and name.strip().lower().startswith(SERVER_SCHEMES)


class ServerBackend(Protocol):
    """What a server register adds to a ``Store`` (``services.store_pg.PostgresBackend``)."""

    def translate(self, store: Store, exc: BaseException) -> BaseException:
        """The coded ``StoreError`` for a server error, else ``exc``."""

    def change_counter(self, store: Store) -> int:
        """A number that moves when anyone commits a change (``data_version`` on a server)."""


def default_db_path() -> Path:
    """The store used when neither ``--db`` nor ``CONTRACTDESK_DB`` names one.

    ``<user data dir>/contracts.db`` as platformdirs gives it (e.g.
    ``~/.local/share/ContractDesk`` on Linux, ``%LOCALAPPDATA%\\ContractDesk\\ContractDesk`` on Windows).
    """
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "contracts.db"


def resolve_db_path(cli_path: str | os.PathLike[str] | None = None) -> Path | str:
    """``--db PATH`` if given, else ``$CONTRACTDESK_DB``, else ``default_db_path()``.

    A server URL (``postgresql://…``, ``services.store_pg``) is returned as the ``str`` it was
    given; ``open_store`` takes either.
    """
    name = cli_path or os.environ.get(DB_ENV)
    if not name:
        return default_db_path()
    if is_server_url(str(name)):
        return str(name).strip()
    return Path(name).expanduser()


def _pragmas(busy_timeout: float, *, wal: bool) -> Callable[[object, object], None]:
    def set_pragmas(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]  # a sqlite3.Connection, typed object here
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return set_pragmas


def make_engine(path: Path, *, read_only: str | None = None, busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    """An engine on ``path`` with foreign keys on, the WAL journal and ``busy_timeout`` (seconds);
    no migration.

    ``read_only`` (a ``Store.read_only_reason``) opens the file with ``mode=ro``, and for a
    read-only folder also ``immutable=1`` (no ``-shm`` can be created there; SQLite then takes
    no locks, which is right for a copy on a CD or an archive, but a store someone else is
    writing at the same time in a folder we may only read could be read mid-change).
    """
    if read_only is None:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    else:
        uri = sqlite_uri(path, read_only=True, immutable=read_only == "folder")
        engine = create_engine("sqlite://", poolclass=QueuePool,
                               creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", _pragmas(busy_timeout, wal=read_only is None))
    return engine


@dataclass
class Store:
    """An open store: its file, engine and session factory.

    ``session()`` is one transaction: committed when the block ends, rolled back on error.
    ``read_only`` is True when the file or its folder cannot be written (``read_only_reason``
    ``"file"``/``"folder"``) or it was opened with ``read_only=True`` (``"requested"``): reads
    work, any write raises ``StoreError`` with the code of ``READ_ONLY_CODES[read_only_reason]``.
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None
    read_only_reason: str | None = None
    busy_timeout: float = BUSY_TIMEOUT
    #: A register on a PostgreSQL server (``services.store_pg``): its URL without password, and
    #: the database user this store is connected as. None for an SQLite file.
    url: str | None = None
    db_user: str | None = None
    backend: ServerBackend | None = field(default=None, repr=False)
    _version_connection: sqlite3.Connection | None = field(default=None, repr=False)
    _version_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def on_server(self) -> bool:
        """True for a register on a PostgreSQL server, False for an SQLite file."""
        return self.url is not None

    @property
    def location(self) -> str:
        """What the window and messages show as the register: the file's path or the server's URL."""
        return self.url if self.url is not None else str(self.path)

    @property
    def who(self) -> str:
        """As whom this store is written: the database user on a server, the OS user on a file."""
        if self.db_user is not None:
            return self.db_user
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    @property
    def read_only(self) -> bool:
        """True when writes are refused (see ``read_only_reason``)."""
        return self.read_only_reason is not None

    def read_only_error(self) -> StoreError:
        """The error a write raises on this read-only store (also the window's banner text)."""
        assert self.read_only_reason is not None
        return StoreError(READ_ONLY_CODES[self.read_only_reason], path=self.location)

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One unit of work (one user action): commit on success, roll back on any exception.

        ``write=True`` takes the write lock first (``BEGIN IMMEDIATE``), waiting up to
        ``busy_timeout`` seconds for another writer: use it for a unit that reads, then writes
        (otherwise SQLite cannot wait when the read snapshot must become a write). Raises
        ``StoreError``: the read-only code on a read-only store (at once with ``write=True``, at
        the first write otherwise); ``STORE_BUSY``/``STORE_BUSY_BY`` when the store stayed
        locked; ``STORE_WRITE_FAILED`` (disk full, I/O error).
        """
        if write and self.read_only:
            raise self.read_only_error()
        holder: Session | None = None
        try:
            with self.sessions.begin() as session:
                holder = session
                if write and not self.on_server:
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                    _note_writer(session)
                yield session
        except DBAPIError as exc:
            translated = self.translate(exc)
            if translated is exc:
                raise
            raise translated from exc
        finally:
            if holder is not None and holder.info.pop("writer_noted", False):
                clear_writer_note(self.path)

    def translate(self, exc: BaseException) -> BaseException:
        """The coded ``StoreError`` for an SQLite (or server) error met while writing, else ``exc`` itself."""
        if self.backend is not None:
            return self.backend.translate(self, exc)
        code = sqlite_error_name(exc)
        if code.startswith("SQLITE_READONLY"):
            return self.read_only_error() if self.read_only else StoreError(
                STORE_WRITE_FAILED, path=self.path, reason=str(getattr(exc, "orig", exc)))
        if code.startswith("SQLITE_BUSY") or code.startswith("SQLITE_LOCKED"):
            return busy_error(self.path, self.busy_timeout)
        if code in ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN") or code.startswith("SQLITE_IOERR"):
            return StoreError(STORE_WRITE_FAILED, path=self.path, reason=str(getattr(exc, "orig", exc)))
        return exc

    def close(self) -> None:
        """Release the file (checkpoints the WAL) and the ``data_version`` connection."""
        with self._version_lock:
            if self._version_connection is not None:
                self._version_connection.close()
                self._version_connection = None
        self.engine.dispose()


def _note_writer(session: Session) -> None:
    """Record this process in the writer note once per transaction, after it holds the lock."""
    if not session.info.get("writer_noted"):
        store_path = session.info.get("store_path")
        if store_path is not None:
            write_writer_note(store_path)
            session.info["writer_noted"] = True


def _after_flush(session: Session, _context: object) -> None:
    _note_writer(session)  # a flush that wrote holds the write lock until the commit


def _refuse_flush(store: Store) -> Callable[..., None]:
    def before_flush(_session: Session, _context: object, _instances: object) -> None:
        raise store.read_only_error()

    return before_flush


def data_version(store: Store) -> int:
    """SQLite's ``PRAGMA data_version`` of ``store`` on a connection of its own.

    The number changes whenever another connection commits a change to the file: another
    process, and also this store's own sessions (compare after your own writes). The window
    polls it (e.g. every few seconds) to notice another process's changes and reload. On a
    server: ``services.store_pg.change_counter``.
    """
    if store.backend is not None:
        return store.backend.change_counter(store)
    with store._version_lock:
        if store._version_connection is None:
            reason = store.read_only_reason
            uri = sqlite_uri(store.path, read_only=reason is not None, immutable=reason == "folder")
            store._version_connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        row = store._version_connection.execute("PRAGMA data_version").fetchone()
    return int(row[0])


def inspect_file(path: Path, *, immutable: bool = False) -> tuple[str | None, set[str]]:
    """The Alembic revision (None if unstamped) and table names of the SQLite file ``path``,
    read through a read-only connection that changes nothing.

    Raises ``StoreError`` ``STORE_NOT_SQLITE``, ``STORE_DAMAGED`` or ``STORE_CANNOT_OPEN``.
    """
    try:
        connection = sqlite3.connect(sqlite_uri(path, read_only=True, immutable=immutable), uri=True)
        try:
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise open_error(path, exc) from exc
    return revision, tables


def check_schema(path: Path | str, revision: str | None, tables: set[str]) -> None:
    """Refuse a database that is not a ContractDesk store we can open.

    ``revision``/``tables``: its Alembic stamp and table names. Raises ``StoreError``
    ``STORE_FOREIGN`` (another program's tables, no stamp of ours), ``STORE_HALF_CREATED`` (our
    ``contracts`` table without a stamp) or ``STORE_NEWER`` (a stamp this version does not know).
    An empty database passes (it becomes a new store).
    """
    if revision is None:
        ours = tables - {"alembic_version"}
        if not ours:
            return
        if "contracts" in ours:
            raise StoreError(STORE_HALF_CREATED, path=path)
        raise StoreError(STORE_FOREIGN, path=path, tables=", ".join(sorted(ours)[:5]))
    if revision not in known_revisions():
        if "contracts" not in tables:
            raise StoreError(STORE_FOREIGN, path=path, tables=", ".join(sorted(tables)[:5]))
        raise StoreError(STORE_NEWER, path=path, revision=revision, head=head_revision())


def open_store(
    path: str | os.PathLike[str], *, target: str = "head", read_only: bool = False,
    busy_timeout: float = BUSY_TIMEOUT,
) -> Store:
    """Open (creating if absent) the store at ``path`` and migrate it to ``target``.

    ``path`` may be a server URL ``postgresql://user@host:port/dbname``: then
    ``services.store_pg.open_server_store`` opens it (same migrations; errors there).

    A new store's folder is created 0700 and its file 0600 (an existing store readable by
    others is made 0600). Before migrating a file that already holds data, it is copied to
    ``<name>.backup-<revision>-<timestamp>.db`` beside it (``Store.backup_path``); after an
    upgrade to head, the contracts a migration left unchecked (``problem_level`` NULL) are
    checked (``services.checks.run.refresh_problem_levels``). A store whose file or folder
    cannot be written, or ``read_only=True``, opens read-only (``Store.read_only``).
    ``busy_timeout``: seconds a write waits for another process's write.

    Raises ``StoreError`` with code ``STORE_BAD_PATH`` (folder cannot be created, a parent is
    a file), ``STORE_IS_FOLDER``, ``STORE_MISSING`` (read-only of a missing file),
    ``STORE_NOT_SQLITE``, ``STORE_DAMAGED``, ``STORE_FOREIGN``, ``STORE_HALF_CREATED``,
    ``STORE_NEWER``, ``STORE_READ_ONLY_OLD`` (read-only and needing a migration),
    ``STORE_CANNOT_OPEN`` or ``STORE_BUSY*`` (locked during a migration). The file is left
    unchanged in each case.
    """
    if is_server_url(str(path)):
        module, _, name = SERVER_OPENER.partition(":")
        opened: Store = getattr(importlib.import_module(module), name)(str(path), target=target, read_only=read_only)
        return opened
    path = Path(path)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:  # e.g. a folder on the way we may not enter
        raise StoreError(STORE_BAD_PATH, path=path, reason=os_reason(exc)) from exc
    if is_dir:
        raise StoreError(STORE_IS_FOLDER, path=path)
    reason: str | None = "requested" if read_only else None
    if not exists:
        if read_only:
            raise StoreError(STORE_MISSING, path=path)
        try:
            make_private_folder(path.parent)
            create_private_file(path)
        except OSError as exc:
            raise StoreError(STORE_BAD_PATH, path=path, reason=os_reason(exc)) from exc
    elif reason is None:
        reason = read_only_reason(path)
        if reason is None:
            tighten(path)
    revision, tables = inspect_file(path, immutable=reason == "folder")
    check_schema(path, revision, tables)  # before anything (even the WAL switch) writes to it
    engine = make_engine(path, read_only=reason, busy_timeout=busy_timeout)
    try:
        wanted = head_revision() if target == "head" else target
        backup = None
        if revision != wanted:
            if reason is not None:
                raise StoreError(STORE_READ_ONLY_OLD, path=path)
            if revision is not None:
                backup = backup_before_upgrade(engine, path, revision)
            try:
                with engine.begin() as connection:
                    # pysqlite runs DDL outside any transaction: an explicit BEGIN makes the
                    # whole upgrade one transaction, so a crash never leaves a half-made schema.
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                    from alembic import command

                    command.upgrade(alembic_config(connection), target)
                    search_index.ensure(connection)
                    list_status.ensure(connection)
                    list_terms.ensure(connection)
                    if revision is not None:  # tables and indexes re-made: the planner's statistics (issue 18)
                        store_stats.refresh(connection)
            except DBAPIError as exc:
                if sqlite_error_name(exc).startswith("SQLITE_BUSY"):
                    raise busy_error(path, busy_timeout) from exc
                raise
    except BaseException:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False, info={"store_path": path})
    store = Store(path=path, engine=engine, sessions=sessions, backup_path=backup,
                  read_only_reason=reason, busy_timeout=busy_timeout)
    event.listen(sessions, "after_flush", _after_flush)
    overview_keep.install(sessions)  # each write keeps the overview's figures of what it changed (0019)
    if reason is not None:
        event.listen(sessions, "before_flush", _refuse_flush(store))
    if reason is None:
        refresh_list_status(store)
    if backup is not None and wanted == head_revision():
        # Derived data a migration cannot compute (revision 0003: the checks' problem_level), by
        # the hooks the application registered; the store itself knows nothing of the checks.
        run_after_upgrade(store)
    return store
