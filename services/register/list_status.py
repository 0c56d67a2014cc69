"""The list's status column, stored so that sorting by status walks an index (issue 18).

A contract's status on the list is its stored ``status`` (draft/terminated set by the officer),
else derived from its dates for a day: no signing date → draft, ended before the day →
completed, else active (``services.register.contracts.status_expr``). It depends on the day,
so sorting by it used to sort every row in a temporary B-tree (~210 ms at 100,000 contracts).
Revision 0017 keeps it in ``contracts.list_status`` (indexed with the contract number), derived
for the day held in ``list_status_day``:

* two SQLite triggers derive it whenever a contract is inserted or its ``status``,
  ``sign_date`` or ``end_date`` change — every write path, plain ``sqlite3`` included;
* ``refresh`` moves the column to a new day in one transaction, touching only the contracts
  whose status flips (signed, no stored status, an end date between the two days: found by
  ``ix_contracts_end_date``); ``services.store.open_store`` calls it when a store opens on a
  new day and the contract list when it notices the date changed.

The triggers derive it from the stored terms (as amended by every amendment,
``services.amendments.register``); for a contract with an amendment not yet in force on the day,
``services.register.list_terms`` writes the status under the terms in force instead (after the
triggers, and after ``refresh`` moves the day: ``refresh`` calls it last).
``services.register.listing`` sorts by the column only when its day is the list's day;
otherwise — a store before the column, a read-only store on a new day, a test's fixed day — by the
derived ``CASE`` as before: the same order either way.

PostgreSQL (revision 0022, issue 17) keeps the same column and day table without triggers: the one
writer's hook ``services.register.list_terms.keep`` derives the status of the contracts it writes
(``derive``) in the statement that copies their other list columns — contract save, amendments,
import batches, payments — and ``refresh`` moves the day as on SQLite.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Date, String, bindparam, literal_column, text
from sqlalchemy.orm import Session

from services.register.list_status_sql import DAY, DERIVED, TEMPLATE, complete, forget, kept

__all__ = ["COLUMN", "DERIVED", "PG_REVISION", "REVISION", "UNMODELLED", "create", "create_pg", "drop", "ensure",
           "kept", "refresh", "stored_day"]

#: ``contracts.list_status`` for queries. Not mapped on ``models.contract.Contract``: only the
#: triggers write it, and an ORM insert into a store before revision 0017 must not name it.
COLUMN = literal_column("contracts.list_status", String(20))
#: The schema this module keeps outside the ORM's metadata (column, index, table).
UNMODELLED = ("list_status", "ix_contracts_list_status_no", "list_status_day")

#: The first revision with the column.
REVISION = "0017"
#: The first revision that keeps the column on PostgreSQL.
PG_REVISION = "0022"

_DERIVED = TEMPLATE
_DAY = DAY
_DAY_TABLE = "CREATE TABLE IF NOT EXISTS list_status_day (id INTEGER PRIMARY KEY CHECK (id = 1), day DATE NOT NULL)"

_TRIGGERS = {  # names: list_status_sql.TRIGGERS
    "contracts_list_status_insert": f"""
        CREATE TRIGGER contracts_list_status_insert AFTER INSERT ON contracts BEGIN
            UPDATE contracts SET list_status = {_DERIVED.format(row="new", day=_DAY)} WHERE id = new.id;
        END""",
    "contracts_list_status_update": f"""
        CREATE TRIGGER contracts_list_status_update AFTER UPDATE OF status, sign_date, end_date ON contracts BEGIN
            UPDATE contracts SET list_status = {_DERIVED.format(row="new", day=_DAY)} WHERE id = new.id;
        END""",
}


def create(connection: Connection, day: dt.date) -> None:
    """Create the day table and the triggers, and derive every contract's status for ``day`` (SQLite)."""
    connection.execute(text(_DAY_TABLE))
    for ddl in _TRIGGERS.values():
        connection.execute(text(ddl))
    _set_day(connection, day)
    connection.execute(text(f"UPDATE contracts SET list_status = {DERIVED}"))


def create_pg(connection: Connection, day: dt.date) -> None:
    """PostgreSQL (revision 0022): the day table and every contract's status derived for ``day``;
    no triggers — ``services.register.list_terms.keep`` keeps it."""
    connection.execute(text(_DAY_TABLE))
    _set_day(connection, day)
    connection.execute(text(f"UPDATE contracts SET list_status = {DERIVED}"))


def drop(connection: Connection) -> None:
    """Remove the triggers and the day table (the column goes with the migration)."""
    if connection.dialect.name == "sqlite":
        for name in _TRIGGERS:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text("DROP TABLE IF EXISTS list_status_day"))


def _set_day(connection: Connection, day: dt.date) -> None:
    connection.execute(text("DELETE FROM list_status_day"))
    connection.execute(text("INSERT INTO list_status_day (id, day) VALUES (1, :day)")
                       .bindparams(bindparam("day", type_=Date)), {"day": day})


def _complete(connection: Connection) -> bool:
    return complete(connection)


def _present(connection: Connection) -> bool:
    return kept(connection)


def ensure(connection: Connection, day: dt.date | None = None) -> None:
    """After an upgrade: if a table rebuild dropped the triggers, create them again and derive
    every status anew (for ``day``, default today). Nothing to do on other engines or before 0017."""
    if connection.dialect.name != "sqlite":
        return
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None or revision < REVISION or _complete(connection):
        return
    drop(connection)
    create(connection, day or dt.date.today())
    forget(connection)


def stored_day(session: Session) -> dt.date | None:
    """The day ``contracts.list_status`` is derived for; None where the store keeps no such column."""
    connection = session.connection()
    if not _present(connection):
        return None
    day = connection.execute(text("SELECT day FROM list_status_day WHERE id = 1")).scalar()
    if day is None:
        return None
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))


def refresh(session: Session, day: dt.date | None = None) -> int:
    """Move ``contracts.list_status`` to ``day`` (default today) in the session's transaction
    (the caller commits): only contracts whose derived status flips between the stored day and
    ``day`` are written. Returns how many were; 0 when the day is the stored one or the store
    keeps no column (before revision 0017; PostgreSQL before 0022)."""
    day = day or dt.date.today()
    from services.register import list_terms  # the terms in force move with the day too (issue 16)
    from services.register.contracts import load

    moved = _move(session, day)
    list_terms.refresh(session, day, load)  # after: it writes the status in force of contracts with a pending amendment
    return moved


def _move(session: Session, day: dt.date) -> int:
    before = stored_day(session)
    if before is None and not _present(session.connection()):
        return 0
    if before == day:
        return 0
    connection = session.connection()
    derived = _DERIVED.format(row="contracts", day=":day")
    dates = (bindparam("day", type_=Date), bindparam("low", type_=Date), bindparam("high", type_=Date))
    if before is None:
        flipped = connection.execute(text(f"UPDATE contracts SET list_status = {derived}")
                                     .bindparams(dates[0]), {"day": day})
    else:
        low, high = sorted((before, day))
        # Only "end_date < day" depends on the day: it flips for end dates in [low, high).
        flipped = connection.execute(text(
            f"UPDATE contracts SET list_status = {derived} WHERE end_date >= :low AND end_date < :high "
            "AND status IS NULL AND sign_date IS NOT NULL").bindparams(*dates),
            {"day": day, "low": low, "high": high})
    _set_day(connection, day)
    return int(flipped.rowcount or 0)
