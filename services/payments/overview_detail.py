"""What stands behind a figure of the overview: the installments it adds up (issue 15: "every
figure opens the list of contracts or payments behind it").

A ``Selection`` names one row of a table of ``services.payments.overview`` (a year of signing, a
budget year, a supplier, an ageing bucket, "due within N days", a month); ``installments_behind``
lists the installments of the contracts under the same ``OverviewFilter`` that the row counts —
the same SQL expressions, so their sums are the row's figures (a test checks it). Amounts are
integer fen in SQL, ``Decimal`` 元 here. A contract with an amendment not yet in force on ``today``
is listed under its terms in force on ``today``, as the overview counts it
(``services.payments.overview_terms``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.money import from_fen
from services.payments import overview_terms
from services.payments.overview import AGEING_BUCKETS, OverviewFilter, _due_fen, _live
from services.store_sql import dialect

__all__ = ["InstallmentRow", "Selection", "installments_behind"]

#: The most rows a list shows (the figure itself counts them all).
LIMIT = 2000


@dataclass(frozen=True)
class Selection:
    """One row of an overview table: ``sign_year``/``due_year`` (``"2026"``, or ``"—"`` for none),
    ``supplier`` (the name as stored; ``"—"`` for none), ``bucket`` (index into ``AGEING_BUCKETS``),
    ``within`` (30 or 90 days), ``month`` (``"YYYY-MM"``). Several may be given together."""

    sign_year: str | None = None
    due_year: str | None = None
    supplier: str | None = None
    bucket: int | None = None
    within: int | None = None
    month: str | None = None


@dataclass(frozen=True)
class InstallmentRow:
    """One installment behind a figure: amounts in 元 (``due`` None: it cannot be measured),
    ``overdue_days`` calendar days past its due date while something is outstanding (else 0)."""

    contract_id: int
    contract_no: str
    title: str
    counterparty: str | None
    seq: int
    name: str | None
    due_date: dt.date | None
    due: Decimal | None
    paid: Decimal
    outstanding: Decimal
    overdue_days: int


def _year_range(year: str, column: str, key: str, params: dict[str, Any], day: Callable[[dt.date], object]) -> str:
    if year == "—":
        return f"{column} IS NULL"
    params[f"{key}_first"], params[f"{key}_last"] = day(dt.date(int(year), 1, 1)), day(dt.date(int(year), 12, 31))
    return f"{column} BETWEEN :{key}_first AND :{key}_last"


def installments_behind(session: Session, today: dt.date, flt: OverviewFilter | None, selection: Selection, *,
                        limit: int = LIMIT) -> list[InstallmentRow]:
    """The installments the overview row ``selection`` counts on ``today`` under ``flt``, by due
    date (none last), contract number and number; at most ``limit``. Raises ``ValueError`` for a
    bucket or month that does not exist."""
    sql = dialect(session)  # SQLite file or PostgreSQL server: the fragments that differ
    flt = flt or OverviewFilter()
    listed, params = _live(flt, sql)
    left_out, in_force = overview_terms.in_force_contracts(session, today)
    where = overview_terms.exclude(listed, left_out)  # listed under their terms in force below
    params = {**params, "today": sql.day(today), "limit": limit}
    due = _due_fen("i.amount", "i.percent", "c.total_amount", sql)
    outstanding = sql.greatest(f"COALESCE({due}, 0) - COALESCE(i.paid_amount, 0)", "0")
    conditions = [where]
    if selection.sign_year is not None:
        conditions.append(_year_range(selection.sign_year, "c.sign_date", "sy", params, sql.day))
    if selection.due_year is not None:
        conditions.append(_year_range(selection.due_year, "i.resolved_due_date", "dy", params, sql.day))
    if selection.supplier is not None:
        if selection.supplier == "—":
            conditions.append("c.counterparty IS NULL")
        else:
            conditions.append("c.counterparty = :supplier_name")
            params["supplier_name"] = selection.supplier
    if selection.bucket is not None:
        _label, low, high = AGEING_BUCKETS[selection.bucket]
        params["age_last"] = sql.day(today - dt.timedelta(days=low))
        conditions.append(f"{outstanding} > 0 AND i.resolved_due_date <= :age_last")
        if high is not None:
            params["age_first"] = sql.day(today - dt.timedelta(days=high))
            conditions.append("i.resolved_due_date >= :age_first")
    if selection.within is not None:
        params["within_last"] = sql.day(today + dt.timedelta(days=selection.within))
        conditions.append("i.resolved_due_date BETWEEN :today AND :within_last")
    if selection.month is not None:
        first = dt.date.fromisoformat(f"{selection.month}-01")
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        params["month_first"], params["month_last"] = sql.day(first), sql.day(following - dt.timedelta(days=1))
        conditions.append("i.resolved_due_date BETWEEN :month_first AND :month_last")
    rows = session.execute(text(f"""
        SELECT c.id, c.contract_no, c.title, c.counterparty, i.seq, i.name, i.resolved_due_date AS due_date,
               {due} AS due_fen,
               COALESCE(i.paid_amount, 0) AS paid_fen, {outstanding} AS out_fen
        FROM contracts c JOIN installments i ON i.contract_id = c.id
        WHERE {" AND ".join(conditions)}
        ORDER BY i.resolved_due_date IS NULL, i.resolved_due_date, c.contract_no, i.seq LIMIT :limit"""), params)
    found = []
    for row in rows:
        due_date = sql.read_day(row.due_date)
        late = (today - due_date).days if due_date is not None and due_date < today and row.out_fen > 0 else 0
        due_fen = None if row.due_fen is None else from_fen(int(row.due_fen))  # PostgreSQL: numeric
        found.append(InstallmentRow(row.id, row.contract_no, row.title, row.counterparty, row.seq, row.name, due_date,
                                    due_fen, from_fen(int(row.paid_fen)), from_fen(int(row.out_fen)), late))
    extra = [_row(inst, today) for item in in_force
             if overview_terms.matches(item, today, flt.year, flt.supplier, flt.status)
             for inst in overview_terms.installments(item) if _selected(inst, today, selection)]
    if extra:
        found = sorted([*found, *extra], key=lambda r: (r.due_date is None, r.due_date or today, r.contract_no,
                                                        r.seq))[:limit]
    return found


def _selected(inst: overview_terms.TermsInstallment, today: dt.date, selection: Selection) -> bool:
    """Whether ``selection`` counts ``inst`` (the conditions of ``installments_behind``'s SQL)."""
    data, due_date = inst.contract.data, inst.due_date

    def in_year(day: dt.date | None, year: str) -> bool:
        return day is None if year == "—" else day is not None and day.year == int(year)

    if selection.sign_year is not None and not in_year(data.sign_date, selection.sign_year):
        return False
    if selection.due_year is not None and not in_year(due_date, selection.due_year):
        return False
    if selection.supplier is not None and inst.contract.counterparty != (
            "" if selection.supplier == "—" else selection.supplier):
        return False
    if selection.bucket is not None:
        _label, low, high = AGEING_BUCKETS[selection.bucket]
        if inst.out_fen <= 0 or due_date is None or due_date > today - dt.timedelta(days=low):
            return False
        if high is not None and due_date < today - dt.timedelta(days=high):
            return False
    if selection.within is not None and (
            due_date is None or not today <= due_date <= today + dt.timedelta(days=selection.within)):
        return False
    if selection.month is not None:
        return due_date is not None and f"{due_date:%Y-%m}" == selection.month
    return True


def _row(inst: overview_terms.TermsInstallment, today: dt.date) -> InstallmentRow:
    item = inst.contract
    late = (today - inst.due_date).days if inst.due_date is not None and inst.due_date < today and inst.out_fen else 0
    return InstallmentRow(item.contract_id, item.data.contract_no, item.data.title, item.counterparty or None,
                          inst.seq, inst.name, inst.due_date, None if inst.due_fen is None else from_fen(inst.due_fen),
                          from_fen(inst.paid_fen), from_fen(inst.out_fen), late)
