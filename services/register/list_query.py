"""What the contract list shows (``ListQuery``) and its columns and sort key under the terms in force.

Split from ``services.register.listing`` (which re-exports ``ListQuery`` and builds the pages from it):
the list's columns are the stored copies of the terms in force on the stored day
(``services.register.list_terms``, revision 0020), a ``CASE`` over them for the contracts whose terms
differ on another day, the contract's own columns before 0020. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, literal
from sqlalchemy.orm import Session

from models.contract import Contract
from services.register import list_status, list_terms
from services.register.contracts import LIST_COLUMNS, load, status_expr

__all__ = ["ListQuery", "overrides", "sort_key", "stored_status", "terms"]


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: ``text`` (filter words), ``sort`` (one of ``LIST_COLUMNS``),
    ``descending``, ``problems_only`` (stored ``problem_level`` ≥ 1), ``today`` (the date the
    derived status is computed for; None = the current date)."""

    text: str = ""
    sort: str = "contract_no"
    descending: bool = False
    problems_only: bool = False
    today: dt.date | None = None
    unsigned_only: bool = False  # only contracts without a signed copy (附件 signed_copy) yet

    def day(self) -> dt.date:
        """``today`` or the current date."""
        return self.today or dt.date.today()



def stored_status(session: Session, query: ListQuery) -> bool:
    """True when the stored, indexed ``list_status`` is derived for the list's day (and so are the
    terms in force it follows, ``services.register.list_terms``)."""
    return list_status.stored_day(session) == query.day() and not overrides(session, query)


def overrides(session: Session, query: ListQuery) -> dict[int, list_terms.InForce]:
    """The terms in force on the list's day of the contracts whose stored list columns hold other
    terms (none when the columns are derived for the list's day — the application's case)."""
    return list_terms.overrides(session, query.day(), load)


def terms(session: Session, query: ListQuery) -> dict[str, Any]:
    """The list's columns under the terms in force on its day, by sort key (the stored copies of
    ``services.register.list_terms``; the contract's own columns before revision 0020). SQLite: kept for
    the session's reads (a write on its connection derives them again): a page asks 4–6 times, each
    asking the store for the stored day."""
    changes = getattr(session.connection().connection.driver_connection, "total_changes", None)
    if changes is None:  # not SQLite: no count of this connection's writes to key them by
        return _derived(session, query)
    memo = (query.day(), changes)
    kept = session.info.setdefault("list_query_terms", {})
    if memo not in kept:
        kept[memo] = _derived(session, query)
    return dict(kept[memo])


def _derived(session: Session, query: ListQuery) -> dict[str, Any]:
    day = query.day()
    if not list_terms.present(session):
        return {"title": Contract.title, "counterparty": Contract.counterparty, "total_amount": Contract.total_amount,
                "start_date": Contract.start_date, "end_date": Contract.end_date, "status": status_expr(day)}
    columns: dict[str, Any] = {"title": list_terms.TITLE, "counterparty": Contract.counterparty,
                               "total_amount": list_terms.TOTAL, "start_date": list_terms.START,
                               "end_date": list_terms.END}
    columns["status"] = case(
        (Contract.status.is_not(None), Contract.status),
        (Contract.sign_date.is_(None), literal("draft")),
        (day > list_terms.END, literal("completed")),
        else_=literal("active"),
    )
    differ = overrides(session, query)
    if differ:
        for name, column in list(columns.items()):
            values = {cid: literal(getattr(item, name), column.type) for cid, item in differ.items()}
            columns[name] = case(values, value=Contract.id, else_=column)
    return columns


def sort_key(session: Session, query: ListQuery) -> ColumnElement[Any]:
    """The list's sort key for ``query`` under the terms in force on its day: a stored, indexed column,
    or a ``CASE`` over it for the contracts whose terms differ on that day. Raises ``ValueError`` for an
    unknown column."""
    if query.sort not in LIST_COLUMNS:
        raise ValueError(f"unknown list column {query.sort!r}")
    columns = terms(session, query)
    keys: dict[str, Any] = {
        "contract_no": Contract.contract_no,
        "title": columns["title"],
        "counterparty": columns["counterparty"],
        "total_amount": columns["total_amount"],
        "term": columns["start_date"],
        "status": list_status.COLUMN if query.sort == "status" and stored_status(session, query) else columns["status"],
        "next_due": Contract.next_due,
    }
    return keys[query.sort]
