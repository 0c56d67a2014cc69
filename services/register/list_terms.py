"""The list's terms in force: title, total, term and suppliers as amended on the list's day (issue 16).

The store keeps a contract's own rows *as amended by every recorded amendment*
(``services.amendments.register``), also one whose effective date is still ahead. The list
shows and sorts the terms *in force* on its day: before an amendment's effective date the
contract is listed with the terms it replaces. Revision 0020 keeps them in columns of their own,
indexed with the contract number so that sorting by any of them stays a walk of an index
(``ORDER BY … LIMIT``, ``services.register.listing``):

* ``contracts.list_title``, ``list_total_amount`` (integer fen), ``list_start_date`` and
  ``list_end_date`` — the title, total (元 as fen), start and end date in force on the day held in
  ``list_terms_day``; ``contracts.counterparty`` (the suppliers, already a list column) and
  ``contracts.list_status`` (``services.register.list_status``) follow the same terms;
* for a contract without an amendment pending on that day they equal ``title``,
  ``total_amount``, ``start_date`` and ``end_date``: on SQLite two triggers copy them on every
  insert and update (every write path, plain ``sqlite3`` included); on PostgreSQL ``keep`` does,
  and derives ``list_status`` for its day there too (revision 0022);
* ``keep(session, ids)`` — the one writer's hook, called by ``contracts.refresh_list_columns``
  (contract save, amendment save and import, payments, agenda) and once per batch by the bulk
  import — writes the terms in force of the contracts with a pending amendment;
* ``refresh(session, day)`` moves the columns to a new day when the date changes
  (``services.register.list_status.refresh`` calls it): only the contracts with an amendment
  effective after the earlier of the two days are derived again — amendments are few.

A contract in the Trash keeps its columns (a day change refreshes it too), so a restore needs
nothing. ``overrides`` gives the terms in force on another day than the stored one, for the
contracts whose terms differ (a test's fixed day, a read-only store on a new day). Qt-free.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, Date, Engine, Integer, Text, bindparam, column, literal_column, select, table, text
from sqlalchemy.orm import Session

from models.amendments import Amendment
from models.base import Money
from services.money import to_fen
from services.register import list_status_sql
from services.register.contract_data import ContractData
from services.register.list_text import list_columns

__all__ = ["COLUMNS", "END", "REVISION", "START", "TITLE", "TOTAL", "UNMODELLED", "InForce", "create", "drop",
           "ensure", "keep", "overrides", "refresh", "stale", "stored_day"]

#: The first revision with the columns.
REVISION = "0020"

#: The columns for queries (not mapped on ``models.contract.Contract``: an ORM insert into a store
#: before revision 0020 must not name them).
TITLE = literal_column("contracts.list_title", Text)
TOTAL = literal_column("contracts.list_total_amount", Money())  # fen in the store, 元 (Decimal) in Python
START = literal_column("contracts.list_start_date", Date)
END = literal_column("contracts.list_end_date", Date)
#: column in force -> column of the stored terms.
COLUMNS = {"list_title": "title", "list_total_amount": "total_amount", "list_start_date": "start_date",
           "list_end_date": "end_date"}
#: The schema kept outside the ORM's metadata (columns, indexes, table).
UNMODELLED = (*COLUMNS, "ix_contracts_list_title_no", "ix_contracts_list_total_no", "ix_contracts_list_start_no",
              "ix_contracts_list_end_date", "list_terms_day")
#: Index name -> columns (revision 0020).
INDEXES = {"ix_contracts_list_title_no": ["list_title", "contract_no"],
           "ix_contracts_list_total_no": ["list_total_amount", "contract_no"],
           "ix_contracts_list_start_no": ["list_start_date", "contract_no"],
           "ix_contracts_list_end_date": ["list_end_date"]}

_TABLE = table("contracts", column("id", Integer), column("counterparty", Text), column("list_status", Text),
               column("list_title", Text), column("list_total_amount", Integer), column("list_start_date", Date),
               column("list_end_date", Date))
_COPY = ", ".join(f"{mine} = {{row}}.{theirs}" for mine, theirs in COLUMNS.items())
_DAY = "(SELECT day FROM list_terms_day WHERE id = 1)"
# No amendment of the contract pending on the stored day (none when the day is unknown: keep writes them).
_SETTLED = (f"NOT EXISTS (SELECT 1 FROM amendments WHERE amendments.contract_id = new.id "
            f"AND (amendments.effective_date > {_DAY} OR {_DAY} IS NULL))")
_TRIGGERS = {
    "contracts_list_terms_insert": f"""
        CREATE TRIGGER contracts_list_terms_insert AFTER INSERT ON contracts BEGIN
            UPDATE contracts SET {_COPY.format(row="new")} WHERE id = new.id;
        END""",
    "contracts_list_terms_update": f"""
        CREATE TRIGGER contracts_list_terms_update AFTER UPDATE OF title, total_amount, start_date, end_date
        ON contracts WHEN {_SETTLED} BEGIN
            UPDATE contracts SET {_COPY.format(row="new")} WHERE id = new.id;
        END""",
}


@dataclass(frozen=True)
class InForce:
    """A contract's list columns under the terms in force on a day: total in 元 (Decimal), status code."""

    title: str
    counterparty: str
    total_amount: Decimal
    start_date: dt.date | None
    end_date: dt.date | None
    status: str


def create(connection: Connection) -> None:
    """The day table (day unknown: the first ``refresh`` derives every amended contract) and, on
    SQLite, the triggers; every contract's columns copied from its stored terms."""
    connection.execute(text(
        "CREATE TABLE IF NOT EXISTS list_terms_day (id INTEGER PRIMARY KEY CHECK (id = 1), day DATE)"))
    if connection.dialect.name == "sqlite":
        for ddl in _TRIGGERS.values():
            connection.execute(text(ddl))
    connection.execute(text(f"UPDATE contracts SET {_COPY.format(row='contracts')}"))


def drop(connection: Connection) -> None:
    """Remove the triggers and the day table (the columns go with the migration)."""
    for name in _TRIGGERS:
        if connection.dialect.name == "sqlite":
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text("DROP TABLE IF EXISTS list_terms_day"))


#: Engine -> whether its store keeps the columns (revision 0020 or later).
_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _present(connection: Connection) -> bool:
    engine = connection.engine
    if not _PRESENT.get(engine):  # only a yes is remembered: an upgrade may add the table later
        from sqlalchemy import inspect

        _PRESENT[engine] = inspect(connection).has_table("list_terms_day")
    return _PRESENT[engine]


def ensure(connection: Connection) -> None:
    """After an upgrade (SQLite): if a table rebuild dropped the triggers, create them again."""
    if connection.dialect.name != "sqlite" or not _present(connection):
        return
    names = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    if not set(_TRIGGERS) <= names:
        for name in _TRIGGERS:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        for ddl in _TRIGGERS.values():
            connection.execute(text(ddl))
        connection.execute(text("DELETE FROM list_terms_day"))  # day unknown: derived again at the next refresh


def present(session: Session) -> bool:
    """Whether the store keeps the columns (revision 0020 or later)."""
    return _present(session.connection())


def stored_day(session: Session) -> dt.date | None:
    """The day the columns hold the terms in force for; None when unknown or before revision 0020."""
    connection = session.connection()
    if not _present(connection):
        return None
    day = connection.execute(text("SELECT day FROM list_terms_day WHERE id = 1")).scalar()
    if day is None:
        return None
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))


def stale(session: Session, day: dt.date) -> bool:
    """True when the store keeps the columns and they are not derived for ``day``."""
    return present(session) and stored_day(session) != day


def _set_day(connection: Connection, day: dt.date) -> None:
    connection.execute(text("DELETE FROM list_terms_day"))
    connection.execute(text("INSERT INTO list_terms_day (id, day) VALUES (1, :day)")
                       .bindparams(bindparam("day", type_=Date)), {"day": day})


#: How the register reads a stored contract (``services.register.contracts.load``: handed in by the
#: callers, so this module does not import the register that calls it).
Load = Callable[[Session, int], ContractData]


def in_force(session: Session, contract_ids: list[int], day: dt.date, load: Load) -> dict[int, InForce]:
    """The list columns of ``contract_ids`` under the terms in force on ``day``
    (``services.amendments.today.in_force_of``); ``load`` reads a stored contract."""
    from services.amendments.today import in_force_of

    found = {}
    for contract_id in contract_ids:
        terms = in_force_of(session, load(session, contract_id), contract_id, day)
        counterparty, _search = list_columns(terms.parties, terms.contract_no, terms.title)
        status = terms.status or ("draft" if terms.sign_date is None else
                                  "completed" if terms.end_date is not None and terms.end_date < day else "active")
        found[contract_id] = InForce(terms.title, counterparty, terms.total_amount, terms.start_date,
                                     terms.end_date, status)
    return found


def _write(session: Session, terms: dict[int, InForce]) -> None:
    connection = session.connection()
    status = list_status_sql.kept(connection)  # SQLite from 0017, PostgreSQL from 0022
    for contract_id, item in terms.items():
        values: dict[str, object] = {"list_title": item.title, "list_total_amount": to_fen(item.total_amount),
                                     "list_start_date": item.start_date, "list_end_date": item.end_date,
                                     "counterparty": item.counterparty}
        if status:
            values["list_status"] = item.status
        connection.execute(_TABLE.update().where(_TABLE.c.id == contract_id).values(**values))


def _pending(session: Session, contract_ids: list[int] | None, day: dt.date | None) -> list[int]:
    """Of ``contract_ids`` (None: all), those with an amendment effective after ``day`` (None: any)."""
    query = select(Amendment.contract_id).distinct()
    if day is not None:
        query = query.where(Amendment.effective_date > day)
    if contract_ids is not None:
        low, high = min(contract_ids), max(contract_ids)
        query = query.where(Amendment.contract_id.between(low, high))
        wanted = set(contract_ids)
        return sorted(i for i in session.scalars(query) if i in wanted)
    return sorted(session.scalars(query))


def keep(session: Session, contract_ids: list[int] | set[int], load: Load) -> None:
    """Bring the list columns of ``contract_ids`` in line with their stored terms, in the caller's
    transaction: the terms in force on the stored day for those with an amendment pending that
    day, a copy of the stored terms for the others (SQLite's triggers copy those already). One call
    per write or per import batch; a store before revision 0020 is left alone. ``load``: as for
    ``in_force``."""
    ids = sorted(set(contract_ids))
    if not ids:
        return
    if session.autoflush:
        session.flush()
    connection = session.connection()
    if not _present(connection):
        return
    day = stored_day(session)
    pending = _pending(session, ids, day)
    if connection.dialect.name != "sqlite":
        copies: dict[str, object] = {mine: literal_column(f"contracts.{theirs}") for mine, theirs in COLUMNS.items()}
        if list_status_sql.kept(connection):  # the status for the stored day, as SQLite's triggers derive it
            copies["list_status"] = literal_column(list_status_sql.DERIVED)
        connection.execute(_TABLE.update().where(_TABLE.c.id.in_(ids)).values(**copies))
    if pending:
        _write(session, in_force(session, pending, day or dt.date.today(), load))


def refresh(session: Session, day: dt.date | None, load: Load) -> int:
    """Move the columns to ``day`` (default today) in the caller's transaction: the contracts with
    an amendment effective after the earlier of the stored day and ``day`` (pending on either) are
    derived again — all amended contracts when the stored day is unknown. Returns how many; 0 when
    the day is the stored one or the store keeps no columns."""
    day = day or dt.date.today()
    connection = session.connection()
    if not _present(connection):
        return 0
    before = stored_day(session)
    if before == day:
        return 0
    _set_day(connection, day)
    ids = _pending(session, None, None if before is None else min(before, day))
    # Each derived again under the terms in force on ``day`` — the stored terms where no amendment is
    # pending any more — suppliers and (SQLite) status included.
    _write(session, in_force(session, ids, day, load))
    return len(ids)


def overrides(session: Session, day: dt.date, load: Load) -> dict[int, InForce]:
    """The contracts whose terms in force on ``day`` may differ from the stored columns (an amendment
    effective between the stored day and ``day``, or any amendment when the stored day is unknown),
    with their terms on ``day``. Empty when the columns are derived for ``day``."""
    if not present(session):
        return {}
    before = stored_day(session)
    if before == day:
        return {}
    query = select(Amendment.contract_id).distinct()
    if before is not None:
        low, high = sorted((before, day))
        query = query.where(Amendment.effective_date > low, Amendment.effective_date <= high)
    return in_force(session, sorted(session.scalars(query)), day, load)
