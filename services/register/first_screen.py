"""The contract list's first screen read with the standard library's ``sqlite3``, before SQLAlchemy.

Why: importing SQLAlchemy with the models takes 0.55–0.6 s from byte code on the reference
machine, longer than a whole bare PySide6 window takes to paint 40 rows (issue 18: start to
the first painted list ≤ 2× that window; ``main.py list`` ≤ 0.5 s). So the window paints this
first screen, and ``main.py list`` prints the register, from plain SQL, and SQLAlchemy is
imported afterwards (the window) or not at all (``list``).

Only the simple case is served; everything else returns None and the caller takes the normal
path (``services.store.open_store``, ``services.register.listing``):

* the store is a SQLite file that exists and opens read-only, its ``alembic_version`` is the
  newest revision this version knows (``services.store_revisions.head_revision``, read from the
  migration scripts' text) — a store behind it must be upgraded first, one ahead is refused there;
* the list's columns hold the terms in force on the day (``list_terms_day``, revision 0020:
  ``services.register.list_terms``);
* no filter (the window starts unfiltered), the Trash left out;
* a sort key of ``SORTS`` — ``status`` only while the stored ``list_status`` is derived for the
  day (``services.register.list_status``), as ``listing.page`` walks it then;
* no contract on the screen has an amendment: ``listing.in_force_rows`` shows the terms in force
  today for those, which takes the amendments' rules.

The rows and their order are those of ``services.register.listing.page`` (same SQL: the key in
the direction asked, NULL keys last, ties by contract number in the same direction;
``tests/test_first_screen.py`` compares them on generated stores for every key). Amounts are
yuan (``Decimal``, from integer fen), dates ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from services.store_revisions import head_revision

__all__ = ["SCREEN_ROWS", "SORTS", "FirstScreen", "ScreenRow", "daily_backup_taken", "read", "read_all"]

#: Rows read for the first screen: more than a maximised window shows.
SCREEN_ROWS = 60

#: List column -> the SQL it sorts by (``listing._sort_key``; ``status`` through the stored column).
SORTS: dict[str, str] = {
    "contract_no": "contracts.contract_no",
    "title": "contracts.list_title",
    "counterparty": "contracts.counterparty",
    "total_amount": "contracts.list_total_amount",
    "term": "contracts.list_start_date",
    "status": "contracts.list_status",
    "next_due": "contracts.next_due",
}
_NULLABLE = frozenset({"term", "status", "next_due"})  # listing.NULLABLE

_STATUS = ("CASE WHEN contracts.status IS NOT NULL THEN contracts.status WHEN contracts.sign_date IS NULL "
           "THEN 'draft' WHEN contracts.list_end_date < :day THEN 'completed' ELSE 'active' END")
_SIGNED = ("EXISTS (SELECT 1 FROM attachments WHERE attachments.contract_id = contracts.id "
           "AND attachments.kind = 'signed_copy' AND attachments.deleted_at IS NULL)")


@dataclass(frozen=True)
class ScreenRow:
    """One row of the list, the fields of ``services.register.contracts.ContractRow`` in its order
    (``pending`` is always None here: contracts with amendments are not served)."""

    id: int
    contract_no: str
    title: str
    counterparty: str
    total_amount: Decimal  # yuan
    start_date: dt.date | None
    end_date: dt.date | None
    status: str  # draft / active / completed / terminated, for the day read
    next_due: dt.date | None
    problem_level: int | None = None
    signed: bool = False
    pending: tuple[str, dt.date] | None = None


@dataclass(frozen=True)
class FirstScreen:
    """The list's first screen: ``count`` contracts (not in the Trash), the first ``rows`` of them
    sorted by ``sort`` (``descending``), statuses derived for ``day``."""

    path: Path
    count: int
    rows: list[ScreenRow]
    sort: str
    descending: bool
    day: dt.date


def _connect(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to ``path`` if it is an existing SQLite store at the head revision."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if [tuple(row) for row in found] != [(head_revision(),)]:
            connection.close()
            return None
    except (sqlite3.Error, OSError, AssertionError):
        connection.close()
        return None
    return connection


def _terms_of(connection: sqlite3.Connection, day: dt.date) -> bool:
    """True when the list's columns hold the terms in force on ``day`` (``list_terms_day``,
    ``services.register.list_terms``); on another day ``listing`` works them out and so must the
    normal path."""
    stored = connection.execute("SELECT day FROM list_terms_day WHERE id = 1").fetchone()
    return stored is not None and _date(stored[0]) == day


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


def _row(values: tuple[object, ...]) -> ScreenRow:
    (cid, number, title, counterparty, total, start, end, status, next_due, level, signed) = values
    return ScreenRow(
        int(cid), str(number), str(title), str(counterparty), Decimal(int(total)).scaleb(-2),  # type: ignore[call-overload]
        _date(start), _date(end), str(status), _date(next_due),
        None if level is None else int(level), bool(signed))  # type: ignore[call-overload]


def _select(sort: str, descending: bool, *, signed: bool) -> str:
    direction = "DESC" if descending else "ASC"
    key = f"{SORTS[sort]} {direction}" + (" NULLS LAST" if sort in _NULLABLE else "")
    return (
        "SELECT contracts.id, contracts.contract_no, contracts.list_title, contracts.counterparty, "
        "contracts.list_total_amount, contracts.list_start_date, contracts.list_end_date, "
        f"{_STATUS}, contracts.next_due, contracts.problem_level, {_SIGNED if signed else '0'} "
        f"FROM contracts WHERE contracts.deleted_at IS NULL "
        f"ORDER BY {key}, contracts.contract_no {direction}")


def read(path: str | os.PathLike[str], *, sort: str = "contract_no", descending: bool = False,
         limit: int = SCREEN_ROWS, day: dt.date | None = None) -> FirstScreen | None:
    """The first ``limit`` rows of the list of the SQLite store at ``path`` sorted by ``sort`` (a key
    of ``SORTS``), unfiltered, statuses for ``day`` (default today), with the count; None when the
    normal path must answer (see the module's docstring: not a file, not at the head revision,
    unknown sort, status not stored for ``day``, an amended contract on the screen, any SQLite
    error). Never writes."""
    day = day or dt.date.today()
    if sort not in SORTS or str(path).startswith(("postgresql:", "postgres:")):
        return None
    connection = _connect(Path(path))
    if connection is None:
        return None
    try:
        if not _terms_of(connection, day):
            return None
        if sort == "status":
            stored = connection.execute("SELECT day FROM list_status_day WHERE id = 1").fetchone()
            if stored is None or _date(stored[0]) != day:
                return None
        count = int(connection.execute("SELECT count(*) FROM contracts WHERE deleted_at IS NULL").fetchone()[0])
        found = connection.execute(_select(sort, descending, signed=True) + " LIMIT :limit",
                                   {"day": day.isoformat(), "limit": limit}).fetchall()
        rows = [_row(tuple(values)) for values in found]
        ids = [row.id for row in rows]
        if ids and connection.execute(
                "SELECT 1 FROM amendments WHERE contract_id BETWEEN ? AND ? AND contract_id IN "
                f"({','.join('?' * len(ids))}) LIMIT 1", [min(ids), max(ids), *ids]).fetchone():
            return None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
    return FirstScreen(Path(path), count, rows, sort, descending, day)


def read_all(path: str | os.PathLike[str], *, day: dt.date | None = None) -> list[ScreenRow] | None:
    """Every contract of the register (not in the Trash) by contract number, as ``main.py list``
    prints them (``services.register.listing.page`` of the whole list: the terms in force on ``day``;
    ``signed``, next due and the pending mark not read); None when the normal path must answer (not
    a SQLite file at the head revision, the terms in force stored for another day, any SQLite error)."""
    day = day or dt.date.today()
    if str(path).startswith(("postgresql:", "postgres:")):
        return None
    connection = _connect(Path(path))
    if connection is None:
        return None
    try:
        if not _terms_of(connection, day):
            return None
        return [_row(tuple(values)) for values in connection.execute(
            _select("contract_no", False, signed=False), {"day": day.isoformat()})]
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()


def daily_backup_taken(path: str | os.PathLike[str], day: dt.date | None = None) -> bool:
    """True when the store at ``path`` has its ``daily`` backup of ``day`` (default today) in its
    backups folder (``services.backup``: ``<folder>/backups/<stem>-YYYYMMDD-HHMMSS-daily[-n].db``):
    a command may then skip ``daily_backup`` without importing it."""
    day = day or dt.date.today()
    store = Path(path)
    name = re.compile(rf"^{re.escape(store.stem)}-{day.strftime('%Y%m%d')}-\d{{6}}-daily(?:-\d+)?\.db$")
    try:
        return any(name.match(entry) for entry in os.listdir(store.parent / "backups"))
    except OSError:
        return False
