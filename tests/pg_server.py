"""The PostgreSQL half of the tests (issue 17): a throw-away database on the server named by
``CONTRACTDESK_TEST_PG`` (``.ci/postgres.sh`` starts one and sets it).

Without the variable, or when the server cannot be reached, every PostgreSQL test is skipped with
the reason (``skip_reason``). A test session makes its own database ``contractdesk_t<pid>`` on that
server (dropped at the end); each test gets it empty (``empty``: TRUNCATE of every table).
"""

from __future__ import annotations

import os
from functools import cache

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

ENV = "CONTRACTDESK_TEST_PG"
HOW = "start one with `bash .ci/postgres.sh -- uv run pytest` (README: PostgreSQL)"


def server_url() -> URL | None:
    """The server's admin URL from ``CONTRACTDESK_TEST_PG`` (driver psycopg), or None."""
    value = os.environ.get(ENV)
    return make_url(value).set(drivername="postgresql+psycopg") if value else None


@cache
def skip_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None when the server answers."""
    url = server_url()
    if url is None:
        return f"PostgreSQL tests skipped: {ENV} is not set; {HOW}"
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        first = (str(getattr(exc, "orig", exc)).strip().splitlines() or ["?"])[0]
        return f"PostgreSQL tests skipped: no server at {url.render_as_string()} ({first}); {HOW}"
    finally:
        engine.dispose()
    return None


def create_database(name: str) -> str:
    """Create the database ``name`` (dropping an old one); its URL as ``postgresql://…`` text."""
    url = server_url()
    assert url is not None
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return url.set(database=name, drivername="postgresql").render_as_string(hide_password=False)


def drop_database(name: str) -> None:
    """Drop the database ``name`` (closing others' connections to it)."""
    url = server_url()
    assert url is not None
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@cache
def _engine(url: str) -> Engine:
    return create_engine(make_url(url).set(drivername="postgresql+psycopg"), poolclass=NullPool)


def empty(url: str) -> None:
    """Remove every row of the register at ``url`` and restart its ids at 1 (its schema and grants
    stay). DELETE with triggers off (the history's append-only trigger; the test server's user is a
    superuser), not TRUNCATE: a TRUNCATE of every table makes new files for each and costs half a
    second a test; deleting the few rows a test left costs milliseconds."""
    import models

    with _engine(url).begin() as connection:
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(models.Base.metadata.sorted_tables):
            connection.execute(text(f'DELETE FROM "{table.name}"'))
        for (sequence,) in connection.execute(text(
                "SELECT c.oid::regclass::text FROM pg_class c WHERE c.relkind = 'S' "
                "AND c.relnamespace = current_schema()::regnamespace")):
            connection.execute(text("SELECT setval(:s, 1, false)"), {"s": sequence})
