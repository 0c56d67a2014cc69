"""The query planner's statistics of a register, brought up to date after the app's own bulk writes
(issue 18). Qt-free.

Both engines choose the list's plans by the statistics ANALYZE gathers, and neither gathers them
in time by itself:

* SQLite never does: a store has ``sqlite_stat1`` only once something ran ANALYZE (the benches did;
  the app did not). Without it SQLite takes ``ix_contracts_deleted_at`` for selective and sorts every
  live contract for each screen of the list — at 100,000 contracts 60–200 ms a step instead of 7–40.
* PostgreSQL's autovacuum analyzes a table once 10 % of its rows changed, a minute or so later (if it
  runs at all). Until then a register just loaded has no statistics: the planner guesses 0.5 % of the
  rows for any condition and reads every hit of a short word (``服`` 8–11 s at 100,000). An index an
  upgrade adds has none until its table changes by 10 %.

So the app runs ANALYZE itself, in the same transaction as the bulk write (its statistics commit
with the rows; PostgreSQL samples the transaction's own new rows): the copy of a register
(``services.copy_store``), a ledger import that wrote at least ``SHARE`` of the contracts or into a
register without statistics (``after_import``), the upgrade of a store (``services.store``,
``services.store_pg``) and the restore of a server backup (``services.backup``); on SQLite in a way that
every open connection reads the new statistics (``refresh``). Figures:
bench/README.md, "Statistics after bulk writes". ANALYZE decides plans only, never rows.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

__all__ = ["SHARE", "after_import", "missing", "refresh"]

#: An import that wrote at least this share of the register's contracts analyzes it (PostgreSQL's own
#: ``autovacuum_analyze_scale_factor``). ANALYZE samples at most 30,000 rows a table on PostgreSQL (6–7 s
#: at 100,000 contracts: ``contract_grams()`` for each sampled row) and reads every index on SQLite
#: (0.3 s at 100,000): less than the import of that share took.
SHARE = 0.1


def missing(connection: Connection) -> bool:
    """True when the planner has no statistics of ``contracts`` (never analyzed): SQLite without a
    ``sqlite_stat1`` row for it; PostgreSQL with ``reltuples`` -1 (14+: neither analyzed nor vacuumed)
    or no ``pg_stats`` row of ``search_text`` (an index build sets ``reltuples``, as ``pg_restore``'s)."""
    if connection.dialect.name == "sqlite":
        if connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first() is None:
            return True
        return connection.execute(text("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'contracts'")).first() is None
    return bool(connection.execute(text(
        "SELECT c.reltuples < 0 OR NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname "
        "AND s.tablename = c.relname AND s.attname = 'search_text') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = 'contracts'::regclass")).scalar())


def refresh(connection: Connection) -> None:
    """ANALYZE the register in the caller's transaction: on SQLite the whole file (its FTS tables too),
    on PostgreSQL every table of the register's schema — a role that does not own them gets the server's
    warning and leaves them as they are (its owner's next ANALYZE, or autovacuum's, will do). The list's
    kept estimates of short words (``pg_grams.rare``) are dropped.

    SQLite reads ``sqlite_stat1`` with the schema, once per connection, and ANALYZE alone does not
    change the schema: every other open connection (the window's, another process's) would go on
    planning without the new statistics. ``sqlite_stat1`` is dropped first, a change of the schema, so
    each connection reads the schema and the statistics again at its next statement."""
    from services.register import pg_grams

    statements = ["DROP TABLE IF EXISTS sqlite_stat1", "ANALYZE"]
    if connection.dialect.name != "sqlite":
        names = ", ".join(connection.execute(text(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")).scalars())
        statements = [f"ANALYZE {names}"] if names else []
    # On the driver's cursor, in the same transaction: the connection's own options may stream (the
    # copy's checksums set ``yield_per`` on it), and ANALYZE cannot run in a server-side cursor.
    cursor = connection.connection.cursor()
    try:
        for statement in statements:
            cursor.execute(statement)
    finally:
        cursor.close()
    pg_grams.forget(connection.engine)


def after_import(session: Session, written: int) -> bool:
    """After an import that added or updated ``written`` contracts, in its transaction: ``refresh``
    when they are at least ``SHARE`` of the register's contracts, or when it has no statistics yet
    (``missing``). True when it analyzed."""
    if written <= 0:
        return False
    connection = session.connection()
    total = int(connection.execute(text("SELECT count(*) FROM contracts")).scalar() or 0)
    if written < SHARE * total and not missing(connection):
        return False
    refresh(connection)
    return True
