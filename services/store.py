"""Opening the local SQLite store: where it lives, migrations, backups, sessions.

A store is one SQLite file (WAL journal, foreign keys on). Opening it applies any pending
Alembic migration after copying the file aside; a file written by a newer ContractDesk
(an unknown revision) is refused with ``StoreError``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "ContractDesk"
APP_AUTHOR = "ContractDesk"
DB_ENV = "CONTRACTDESK_DB"
MIGRATIONS = Path(__file__).resolve().parent.parent / "models" / "migrations"


class StoreError(Exception):
    """The store cannot be opened: newer than this version, not a ContractDesk file, unreadable."""


def default_db_path() -> Path:
    """The store used when neither ``--db`` nor ``CONTRACTDESK_DB`` names one.

    ``<user data dir>/contracts.db`` as platformdirs gives it (e.g.
    ``~/.local/share/ContractDesk`` on Linux, ``%LOCALAPPDATA%\\ContractDesk\\ContractDesk`` on Windows).
    """
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "contracts.db"


def resolve_db_path(cli_path: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` if given, else ``$CONTRACTDESK_DB``, else ``default_db_path()``."""
    if cli_path:
        return Path(cli_path).expanduser()
    env = os.environ.get(DB_ENV)
    return Path(env).expanduser() if env else default_db_path()


def _alembic_config(connection: object | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of ContractDesk knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _set_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]  # a sqlite3.Connection, typed object here
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` with foreign keys on and the WAL journal; no migration."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine


@dataclass
class Store:
    """An open store: its file, engine and session factory.

    ``session()`` is one transaction: committed when the block ends, rolled back on error.
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work (one user action): commit on success, roll back on any exception."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release the file (checkpoints the WAL)."""
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for a file with no ContractDesk schema."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_store(path: str | os.PathLike[str], *, target: str = "head") -> Store:
    """Open (creating if absent) the store at ``path`` and migrate it to ``target``.

    Before migrating a file that already holds data, it is copied to
    ``<name>.backup-<revision>-<timestamp>.db`` beside it (``Store.backup_path``); after an
    upgrade to head, the contracts a migration left unchecked (``problem_level`` NULL) are
    checked (``services.checks.run.refresh_problem_levels``).
    Raises ``StoreError`` if the file's revision is unknown to this version (written by a
    newer ContractDesk) or the file is not an SQLite database.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        revision = current_revision(engine)
    except Exception as exc:  # sqlite3.DatabaseError: "file is not a database"
        engine.dispose()
        raise StoreError(f"{path}: not a ContractDesk store ({exc})") from exc
    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision is not None and revision not in known:
        engine.dispose()
        raise StoreError(
            f"{path} was written by a newer version of ContractDesk (schema {revision}); "
            f"this version knows schema up to {head_revision()}. Please update ContractDesk."
        )
    wanted = head_revision() if target == "head" else target
    backup = None
    if revision != wanted:
        if revision is not None:
            backup = _backup(engine, path, revision)
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), target)
    store = Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), backup_path=backup)
    if backup is not None and wanted == head_revision():
        # Derived data a migration cannot compute (revision 0003): the checks' problem_level.
        from services.checks.run import refresh_problem_levels

        with store.session() as session:
            refresh_problem_levels(session)
    return store


def _backup(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the store aside (SQLite online backup, so the WAL is included)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix or '.db'}")
    raw = engine.raw_connection()
    try:
        import sqlite3

        target = sqlite3.connect(backup)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]  # None only once the connection is closed
        finally:
            target.close()
    finally:
        raw.close()
    return backup


def copy_file(source: Path, target: Path) -> None:
    """Copy a store file (used for the sample store and test templates)."""
    shutil.copyfile(source, target)
