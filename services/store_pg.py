"""Opening a register on a PostgreSQL server (issue 17): the same schema, migrations and services
as the SQLite file, for a team.

A register on a server is named by a URL ``postgresql://user@host:port/dbname`` (``--db``,
``CONTRACTDESK_DB``). The driver is psycopg 3 (SQLAlchemy ``postgresql+psycopg``). Passwords are
never part of what ContractDesk stores in its settings or shows: libpq reads them from
``PGPASSWORD`` or ``~/.pgpass``; the window asks for one the server wants (``STORE_PASSWORD``) and
may keep it in the system keyring (``services.store_credentials``), handing it to this process's
connections through ``use_password``. A password written into the URL works but is removed from
every message and title (``display_url``). Every session runs with ``timezone=UTC`` and
``application_name=ContractDesk``.

What differs from SQLite, all here and in ``services.store``:

* integers are 64-bit on both: ``INTEGER`` columns are created as ``BIGINT`` on PostgreSQL (money is
  integer fen; a 32-bit column would stop at 21,474,836.47 元), primary keys stay ``SERIAL``;
* the list's filter has no FTS5 index: it is ``LIKE '%word%'`` over the lower-cased
  ``search_text`` (``services.register.search_index.present`` is False), sped up by a pg_trgm GIN
  index when the extension can be created (``ensure_trigram_index``);
* the history's append-only guard is a PL/pgSQL trigger (revision 0005), and who wrote is the
  database user (``current_user``);
* writers do not take a file lock: concurrent saves meet the contract's version
  (``services.register.versions.claim_version``) and the server's row locks;
* roles are PostgreSQL roles (``services.store_roles``); a refused write is ``STORE_DENIED``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, Integer, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import sessionmaker

from services import store_stats
from services.errors import define
from services.store import (
    STORE_BUSY,
    STORE_READ_ONLY_OLD,
    STORE_WRITE_FAILED,
    Store,
    StoreError,
    alembic_config,
    check_schema,
    head_revision,
    is_server_url,
)
from services.store_upgrade import refresh_list_status, run_after_upgrade

__all__ = ["PostgresBackend", "display_url", "engine_url", "is_server_url", "open_server_store"]

STORE_BAD_URL = define(
    "STORE_BAD_URL",
    "无法识别服务器台账地址 {url}：{reason}。格式：postgresql://用户@主机:端口/数据库",
    "Cannot read the server register address {url}: {reason}. Form: postgresql://user@host:port/dbname")
STORE_UNREACHABLE = define(
    "STORE_UNREACHABLE",
    "无法连接服务器台账 {url}：{reason}。请检查服务器地址、用户名，以及 ~/.pgpass 或 PGPASSWORD 中的密码。",
    "Cannot connect to the server register {url}: {reason}. Check the server address, the user name, and "
    "the password in ~/.pgpass or PGPASSWORD.")
STORE_PASSWORD = define(
    "STORE_PASSWORD",
    "服务器台账 {url} 需要密码，或密码不对（{reason}）。",
    "The server register {url} needs a password, or the password was not accepted ({reason}).")
STORE_DENIED = define(
    "STORE_DENIED",
    "服务器拒绝了此操作：数据库用户 {user} 没有权限（{reason}）。请联系台账管理员（main.py admin grant）。",
    "The server refused this: database user {user} may not do it ({reason}). Ask the register's "
    "administrator (main.py admin grant).")
STORE_CONNECTION_LOST = define(
    "STORE_CONNECTION_LOST",
    "与服务器台账 {url} 的连接中断（{reason}）；未保存任何内容，您的修改仍在窗口中，请稍后重试。",
    "The connection to the server register {url} was lost ({reason}); nothing was saved and your changes "
    "are still in the window. Try again in a moment.")


#: Passwords given in this process (the window's prompt or the system keyring), by ``display_url``:
#: reopening the register (a restore, ``pg_dump``) needs it again. Never written anywhere.
_PASSWORDS: dict[str, str] = {}


def use_password(url: str, password: str | None) -> None:
    """Connect to the register at ``url`` with ``password`` for the rest of this process (None:
    forget it — libpq's own ``PGPASSWORD`` / ``~/.pgpass`` apply again)."""
    if password is None:
        _PASSWORDS.pop(display_url(url), None)
    else:
        _PASSWORDS[display_url(url)] = password


def engine_url(url: str) -> URL:
    """The SQLAlchemy URL (driver psycopg 3) of ``url``, with the password given to ``use_password``
    when ``url`` has none. Raises ``StoreError`` ``STORE_BAD_URL``."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as exc:
        raise StoreError(STORE_BAD_URL, url=display_url(url), reason=str(exc)) from exc
    if not parsed.database:
        raise StoreError(STORE_BAD_URL, url=display_url(url), reason="no database name")
    if parsed.password is None and display_url(url) in _PASSWORDS:
        parsed = parsed.set(password=_PASSWORDS[display_url(url)])
    return parsed.set(drivername="postgresql+psycopg")


def wants_password(exc: BaseException) -> bool:
    """True when the server refused the connection for its password: none given (libpq's
    ``fe_sendauth: no password supplied``) or a wrong one (SQLSTATE 28P01)."""
    return sqlstate(exc) == "28P01" or "no password supplied" in str(getattr(exc, "orig", exc))


def display_url(url: str) -> str:
    """``url`` without its password and driver: what titles, messages and logs show."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://([^:@/]*)(?::[^@/]*)?@", r"postgresql://\1@", url.strip())


def local_path(url: URL) -> Path:
    """A local stand-in for the register's file: ``<user data dir>/servers/<host>-<port>-<db>.db``.

    Nothing is written there; its folder holds this register's ``backups/`` (pg_dump files), so the
    backup services find them the way they find a file store's.
    """
    name = re.sub(r"[^\w.-]", "_", f"{url.host or 'local'}-{url.port or 5432}-{url.database}")
    return platformdirs.user_data_path("ContractDesk", "ContractDesk") / "servers" / name / "register.db"


@compiles(Integer, "postgresql")
def _integer_is_bigint(_type: Integer, _compiler: Any, **_kw: Any) -> str:
    """Every ``INTEGER`` column is 64-bit on PostgreSQL as on SQLite (money in fen needs it)."""
    return "BIGINT"


def make_engine(url: URL, *, read_only: bool = False) -> Engine:
    """An engine on the server: UTC sessions, ``application_name`` ContractDesk, pre-ping (a dropped
    connection is replaced, not reported mid-session), read-only transactions if asked."""
    options = "-c timezone=UTC"
    if read_only:
        options += " -c default_transaction_read_only=on"
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4,
                         connect_args={"application_name": "ContractDesk", "options": options,
                                       "connect_timeout": 10})


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def sqlstate(exc: BaseException) -> str:
    """The PostgreSQL SQLSTATE of a driver error (wrapped or not), else ``""``."""
    orig = getattr(exc, "orig", exc)
    return str(getattr(orig, "sqlstate", "") or "")


def _not_connected(exc: BaseException) -> bool:
    """True for a failure to (re)connect: a driver ``OperationalError`` raised with no statement
    (SQLAlchemy's pool checkout — the server down, refusing connections, out of slots)."""
    import psycopg

    return (isinstance(getattr(exc, "orig", None), psycopg.OperationalError)
            and getattr(exc, "statement", "") is None and not wants_password(exc))


def translate(store: Store, exc: BaseException) -> BaseException:
    """The coded ``StoreError`` for a server error met in a session, else ``exc`` itself.

    42501 (insufficient privilege) and 25006 (read-only transaction) -> ``STORE_DENIED`` naming the
    database user; 40001/40P01/55P03 (serialization, deadlock, lock timeout) -> ``STORE_BUSY``;
    class 08, 57P (the server shutting down, the backend terminated), a closed connection and a
    failure to reconnect -> ``STORE_CONNECTION_LOST`` (nothing of the transaction was written).
    """
    state = sqlstate(exc)
    if state in ("42501", "25006"):
        if state == "25006" and store.read_only:
            return store.read_only_error()
        return StoreError(STORE_DENIED, user=store.db_user or "?", reason=_first_line(exc))
    if state in ("40001", "40P01", "55P03"):
        return StoreError(STORE_BUSY, path=store.location, seconds=f"{store.busy_timeout:g}")
    if state.startswith(("08", "57P")) or getattr(exc, "connection_invalidated", False) or _not_connected(exc):
        return StoreError(STORE_CONNECTION_LOST, url=store.location, reason=_first_line(exc))
    if state.startswith("53"):  # insufficient resources: disk full, out of memory
        return StoreError(STORE_WRITE_FAILED, path=store.location, reason=_first_line(exc))
    return exc


def ensure_trigram_index(connection: Any) -> None:
    """A pg_trgm GIN index on ``contracts.search_text`` for the list filter's ``LIKE '%word%'``,
    when the extension is installed or this user may create it; silently nothing otherwise."""
    available = connection.execute(text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first()
    if available is None:
        return
    connection.execute(text("SAVEPOINT trigram"))
    try:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        connection.execute(text("CREATE INDEX IF NOT EXISTS ix_contracts_search_trgm ON contracts "
                                "USING gin (search_text gin_trgm_ops)"))
        connection.execute(text("RELEASE SAVEPOINT trigram"))
    except DBAPIError:
        connection.execute(text("ROLLBACK TO SAVEPOINT trigram"))


def open_server_store(name: str, *, target: str = "head", read_only: bool = False) -> Store:
    """Open (creating the schema in an empty database) the register at the URL ``name`` and migrate
    it to ``target``; a ``services.store.Store`` with ``url``/``db_user`` set.

    Several first starts at once are safe: the upgrade holds a transaction-level advisory lock and
    PostgreSQL's DDL is transactional (an interrupted upgrade leaves nothing half-made). A database
    user who may not migrate gets ``STORE_DENIED``. Raises ``StoreError`` ``STORE_BAD_URL``,
    ``STORE_UNREACHABLE``, ``STORE_FOREIGN``, ``STORE_HALF_CREATED``, ``STORE_NEWER``,
    ``STORE_READ_ONLY_OLD``, ``STORE_DENIED``, ``STORE_PASSWORD`` (none given or not accepted: the
    window asks, ``services.store_credentials``).
    """
    url = engine_url(name)
    shown = display_url(name)
    engine = make_engine(url, read_only=read_only)
    try:
        try:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
                revision = None
                if "alembic_version" in tables:
                    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                user = str(connection.execute(text("SELECT current_user")).scalar())
        except DBAPIError as exc:
            if wants_password(exc):
                raise StoreError(STORE_PASSWORD, url=shown, reason=_first_line(exc)) from exc
            raise StoreError(STORE_UNREACHABLE, url=shown, reason=_first_line(exc)) from exc
        check_schema(shown, revision, tables)
        wanted = head_revision() if target == "head" else target
        if revision != wanted:
            if read_only:
                raise StoreError(STORE_READ_ONLY_OLD, path=shown)
            from alembic import command

            try:
                with engine.begin() as connection:
                    connection.execute(text("SELECT pg_advisory_xact_lock(1701202617)"))
                    again = None
                    if inspect(connection).has_table("alembic_version"):
                        again = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                    if again != wanted:
                        command.upgrade(alembic_config(connection), target)
                    if wanted == head_revision():
                        ensure_trigram_index(connection)
                        from services.store_roles import grant_all

                        grant_all(connection)  # new tables get their roles' grants
                    if again is not None and again != wanted:
                        # An index a migration made (0022's grams) has no statistics until the next ANALYZE,
                        # which autovacuum runs only after 10 % of the rows changed (issue 18).
                        store_stats.refresh(connection)
            except DBAPIError as exc:
                if sqlstate(exc) == "42501":
                    raise StoreError(STORE_DENIED, user=user, reason=_first_line(exc)) from exc
                raise
        elif not read_only and "contracts" in tables:
            _refresh_grants(engine)
    except BaseException:
        engine.dispose()
        raise
    path = local_path(url)
    sessions = sessionmaker(engine, expire_on_commit=False)
    from services.payments import overview_keep
    from services.store_notify import install

    overview_keep.install(sessions)  # each write keeps the overview's figures of what it changed (0019)
    install(sessions)  # each committed write tells the other windows (LISTEN/NOTIFY)
    store = Store(path=path, engine=engine, sessions=sessions, read_only_reason="requested" if read_only else None,
                  url=shown, db_user=user, backend=PostgresBackend())
    if not read_only:  # the list's terms in force moved to today (services.register.list_terms)
        refresh_list_status(store)
    if revision is not None and revision != wanted and wanted == head_revision():
        run_after_upgrade(store)  # derived data a migration cannot compute, as on a file
    return store


def _refresh_grants(engine: Engine) -> None:
    """Grants changed by a newer ContractDesk without a migration (finance's installments grant
    narrowed to the paid columns) reach a register at the head revision when its owner (or a
    superuser) opens it: ``services.store_roles.refresh_grants``. Others leave it as it is."""
    from services.store_roles import refresh_grants

    try:
        with engine.begin() as connection:
            refresh_grants(connection)
    except DBAPIError as exc:
        if sqlstate(exc) != "42501":  # refused: someone who may will open it
            raise


def change_counter(store: Store) -> int:
    """A number that changes whenever anyone commits a change to the register on the server: the
    newest history entry's id (every write records one, ``services.history.record``). The window
    polls it like SQLite's ``data_version``."""
    with store.engine.connect() as connection:
        return int(connection.execute(text("SELECT coalesce(max(id), 0) FROM history")).scalar() or 0)


class PostgresBackend:
    """``services.store.ServerBackend`` for PostgreSQL: ``translate`` and ``change_counter`` above."""

    def translate(self, store: Store, exc: BaseException) -> BaseException:
        """See ``translate``."""
        return translate(store, exc)

    def change_counter(self, store: Store) -> int:
        """See ``change_counter``."""
        return change_counter(store)
