"""The overview (总览) of the whole register: what was contracted, paid, outstanding and overdue,
computed in SQL (one statement per table, so it stays fast at 100,000s of rows: bench/bench_overview.py),
the same on SQLite and PostgreSQL (what differs: ``services.store_sql``).

Amounts are integer fen in SQL and ``Decimal`` 元 here. An installment's amount is its stated
``amount``, else ``percent`` × the contract total rounded half up to the fen — computed in integer
arithmetic in SQL (the percent's digits scaled by a power of ten), never a float. What an
installment has been paid is the sum of its payments, as the payment writer keeps it on the
installment (``paid_amount``: ``services.payments.rows.refresh_installments``); outstanding =
amount − paid (≥ 0); overdue:
outstanding with a due date before ``today``. The due date is the installment's stored
``resolved_due_date``: the fixed date, or the date counted from its recorded event on the
working-day calendar — the same date the agenda and the Payments tab show, kept by the one writer
(``services.calendar.stored.keep_resolved_due_dates``). While the event has no date the
installment has none here either (it counts as outstanding, never overdue, under the year "—").

Filters (``OverviewFilter``): the year of signing, the supplier (part of its name), the status
(stored, else derived as the contract list derives it). Contracts in the Trash are never counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.money import from_fen
from services.store_sql import SQLITE, Dialect, dialect

#: Overdue ageing buckets: (label key, first day, last day or None).
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1-30", 1, 30), ("31-90", 31, 90), ("91-180", 91, 180), ("180+", 181, None),
)


@dataclass(frozen=True)
class OverviewFilter:
    """Which contracts the overview counts: ``year`` of signing, ``supplier`` (part of a supplier's
    name, case-insensitive), ``status`` (``draft``, ``active``, ``completed``, ``terminated``)."""

    year: int | None = None
    supplier: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Figures:
    """One row of a table of the overview: ``label`` and its money figures in 元 (``value``: the
    contracts' total; ``due``: the installments' amounts), ``count`` of contracts or installments."""

    label: str
    value: Decimal = Decimal("0.00")
    due: Decimal = Decimal("0.00")
    paid: Decimal = Decimal("0.00")
    outstanding: Decimal = Decimal("0.00")
    overdue: Decimal = Decimal("0.00")
    count: int = 0


@dataclass(frozen=True)
class BondRow:
    """A bond lodged and not yet returned: ``amount`` 元, ``overdue_return``: its validity has ended (应退未退)."""

    contract_no: str
    seq: int
    kind: str | None
    amount: Decimal
    valid_until: dt.date | None
    overdue_return: bool


@dataclass(frozen=True)
class EndingRow:
    """A contract whose term ends within 90 days (renewal)."""

    contract_no: str
    title: str
    counterparty: str
    end_date: dt.date
    total: Decimal


@dataclass(frozen=True)
class Overview:
    """Every table of the overview on ``today`` (see the module docstring)."""

    today: dt.date
    totals: Figures
    by_sign_year: list[Figures] = field(default_factory=list)
    by_budget_year: list[Figures] = field(default_factory=list)
    by_supplier: list[Figures] = field(default_factory=list)
    ageing: list[Figures] = field(default_factory=list)
    due_next: list[Figures] = field(default_factory=list)
    by_month: list[Figures] = field(default_factory=list)
    bonds: list[BondRow] = field(default_factory=list)
    ending: list[EndingRow] = field(default_factory=list)
    #: Amendments signed but not yet in force on ``today`` (contract_no, amendment_no, effective date):
    #: the store keeps the terms as amended, so the figures above already include them (issue 16).
    pending: list[tuple[str, str, dt.date]] = field(default_factory=list)


_STATUS = ("CASE WHEN c.status IS NOT NULL THEN c.status WHEN c.sign_date IS NULL THEN 'draft'"
           " WHEN c.end_date < :today THEN 'completed' ELSE 'active' END")
#: percent × total in fen, rounded half up, in integer arithmetic: the percent's digits over 10^(decimals+2).
_SCALE = ("(CASE WHEN {dot} = 0 THEN 100 ELSE CASE length({p}) - {dot}"
          " WHEN 1 THEN 1000 WHEN 2 THEN 10000 WHEN 3 THEN 100000 ELSE 1000000 END END)")
_DIGITS = "CAST(replace({p}, '.', '') AS BIGINT)"


def _due_fen(amount: str, percent: str, total: str, sql: Dialect = SQLITE) -> str:
    scale = _SCALE.format(p=percent, dot=sql.position("'.'", percent))
    return (f"COALESCE({amount}, CASE WHEN {percent} IS NULL THEN NULL ELSE"
            f" ({total} * {_DIGITS.format(p=percent)} * 2 + {scale}) / (2 * {scale}) END)")


def _live(flt: OverviewFilter, sql: Dialect = SQLITE) -> tuple[str, dict[str, Any]]:
    where = ["c.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    if flt.year is not None:
        where.append("c.sign_date >= :year_first AND c.sign_date <= :year_last")
        params["year_first"] = sql.day(dt.date(flt.year, 1, 1))
        params["year_last"] = sql.day(dt.date(flt.year, 12, 31))
    if flt.supplier:
        where.append("lower(c.counterparty) LIKE :supplier")
        params["supplier"] = f"%{flt.supplier.lower()}%"
    if flt.status:
        where.append(f"{_STATUS} = :status")
        params["status"] = flt.status
    return " AND ".join(where), params


_INSTALLMENTS = """
WITH inst AS (
  SELECT COALESCE({sign_year}, '—') AS sign_year,
         COALESCE({due_year}, '—') AS due_year, c.counterparty AS supplier,
         CASE WHEN i.resolved_due_date BETWEEN :first AND :last THEN {due_month} END AS month,
         CASE WHEN i.resolved_due_date BETWEEN :today AND :in30 THEN 30
              WHEN i.resolved_due_date BETWEEN :today AND :in90 THEN 90 END AS soon,
         i.resolved_due_date AS due_date, {due} AS due_fen,
         COALESCE(i.paid_amount, 0) AS paid_fen
  FROM contracts c JOIN installments i ON i.contract_id = c.id WHERE {where})
SELECT sign_year, due_year, supplier, month, soon,
       CASE WHEN out_fen > 0 AND due_date < :today THEN
         CASE WHEN age <= 30 THEN 0 WHEN age <= 90 THEN 1 WHEN age <= 180 THEN 2 ELSE 3 END END AS bucket,
       SUM(due_fen) AS due, SUM(paid_fen) AS paid, SUM(out_fen) AS outstanding,
       SUM(CASE WHEN due_date < :today THEN out_fen ELSE 0 END) AS overdue, COUNT(*) AS n
FROM (SELECT *, {out_fen} AS out_fen,
             CASE WHEN due_date < :today THEN {age} END AS age
      FROM inst) AS r
GROUP BY 1, 2, 3, 4, 5, 6
"""


@dataclass
class _Sum:
    due: int = 0
    paid: int = 0
    outstanding: int = 0
    overdue: int = 0
    n: int = 0
    value: int = 0
    contracts: int = 0

    def add(self, row: Any) -> None:  # int(): PostgreSQL's SUM of BIGINT is NUMERIC (exact, Decimal)
        self.due += int(row.due or 0)
        self.paid += int(row.paid or 0)
        self.outstanding += int(row.outstanding or 0)
        self.overdue += int(row.overdue or 0)
        self.n += int(row.n or 0)

    def figures(self, label: str, *, contracts: bool = False) -> Figures:
        return Figures(label, value=from_fen(self.value), due=from_fen(self.due), paid=from_fen(self.paid),
                       outstanding=from_fen(self.outstanding), overdue=from_fen(self.overdue),
                       count=self.contracts if contracts else self.n)


def overview(session: Session, today: dt.date, flt: OverviewFilter | None = None, *,
             suppliers: int = 20) -> Overview:
    """The overview of the register on ``today`` under ``flt``; ``suppliers``: how many suppliers
    (by contract value, largest first) the by-supplier table lists.

    Three aggregate statements carry the money: installments grouped by every key the tables
    need (the tables are roll-ups of its few hundred groups), contracts grouped by year of
    signing and supplier, and the sum of all payments; two more list the bonds and the endings."""
    flt = flt or OverviewFilter()
    sql = dialect(session)
    where, params = _live(flt, sql)
    first = today.replace(day=1)
    last = first.replace(year=first.year + 1) - dt.timedelta(days=1)
    params = {**params, "today": sql.day(today), "first": sql.day(first), "last": sql.day(last),
              "in30": sql.day(today + dt.timedelta(days=30)), "in90": sql.day(today + dt.timedelta(days=90))}
    grouped = session.execute(text(_INSTALLMENTS.format(
        due=_due_fen("i.amount", "i.percent", "c.total_amount", sql), where=where,
        sign_year=sql.year("c.sign_date"), due_year=sql.year("i.resolved_due_date"),
        due_month=sql.month("i.resolved_due_date"),
        out_fen=sql.greatest("COALESCE(due_fen, 0) - paid_fen", "0"),
        age=sql.days_between("due_date", ":today"))), params).all()
    total = _Sum()
    sign_year: dict[str, _Sum] = {}
    due_year: dict[str, _Sum] = {}
    supplier: dict[str, _Sum] = {}
    month: dict[str, _Sum] = {}
    ageing = [_Sum() for _ in AGEING_BUCKETS]
    soon = {30: _Sum(), 90: _Sum()}
    for row in grouped:
        total.add(row)
        sign_year.setdefault(row.sign_year, _Sum()).add(row)
        due_year.setdefault(row.due_year, _Sum()).add(row)
        supplier.setdefault(row.supplier, _Sum()).add(row)
        if row.month is not None:
            month.setdefault(row.month, _Sum()).add(row)
        if row.bucket is not None:
            ageing[row.bucket].add(row)
        if row.soon is not None:
            soon[90].add(row)
            if row.soon == 30:
                soon[30].add(row)
    for row in session.execute(text(
            f"SELECT COALESCE({sql.year('c.sign_date')}, '—') AS sign_year, c.counterparty AS supplier,"
            f" SUM(c.total_amount) AS value, COUNT(*) AS n FROM contracts c WHERE {where} GROUP BY 1, 2"), params):
        for key, table in ((row.sign_year, sign_year), (row.supplier, supplier)):
            found = table.setdefault(key, _Sum())
            found.value += int(row.value or 0)
            found.contracts += row.n
        total.value += int(row.value or 0)
        total.contracts += row.n
    all_paid = session.scalar(text(f"SELECT SUM(p.amount) FROM payments p JOIN contracts c ON c.id = p.contract_id"
                                   f" WHERE {where}"), params) or 0
    all_paid = int(all_paid)
    totals = total.figures("total", contracts=True)
    totals = Figures("total", value=totals.value, due=totals.due, paid=from_fen(all_paid),
                     outstanding=totals.outstanding, overdue=totals.overdue, count=totals.count)
    months = []
    for step in range(12):
        key = f"{dt.date(first.year + (first.month - 1 + step) // 12, (first.month - 1 + step) % 12 + 1, 1):%Y-%m}"
        months.append(month.get(key, _Sum()).figures(key))
    top = sorted(supplier.items(), key=lambda item: (-item[1].value, item[0] or ""))[:suppliers]
    bonds = [BondRow(r.contract_no, r.seq, r.kind, from_fen(int(r.fen or 0)), sql.read_day(r.valid_until),
                     bool(r.late))
             for r in session.execute(text(f"""
        SELECT c.contract_no, b.seq, b.kind, {_due_fen('b.amount', 'b.percent', 'c.total_amount', sql)} AS fen,
               b.valid_until, (b.valid_until IS NOT NULL AND b.valid_until < :today) AS late
        FROM bonds b JOIN contracts c ON c.id = b.contract_id
        WHERE {where} AND b.lodged_date IS NOT NULL AND b.returned_date IS NULL
        ORDER BY late DESC, b.valid_until IS NULL, b.valid_until, c.contract_no, b.seq"""), params)]
    ending = [EndingRow(r.contract_no, r.title, r.counterparty, sql.read_day(r.end_date) or today,
                        from_fen(int(r.total_amount)))
              for r in session.execute(text(f"""
        SELECT c.contract_no, c.title, c.counterparty, c.end_date, c.total_amount FROM contracts c
        WHERE {where} AND c.end_date BETWEEN :today AND :in90 ORDER BY c.end_date, c.contract_no"""), params)]
    pending = [(r.contract_no, r.amendment_no, dt.date.fromisoformat(str(r.effective_date)))
               for r in session.execute(text(f"""
        SELECT c.contract_no, a.amendment_no, a.effective_date FROM amendments a
        JOIN contracts c ON c.id = a.contract_id
        WHERE {where} AND a.effective_date > :today ORDER BY a.effective_date, c.contract_no"""), params)]
    return Overview(
        today=today, totals=totals, pending=pending,
        by_sign_year=[sign_year[key].figures(key, contracts=True) for key in sorted(sign_year)],
        by_budget_year=[due_year[key].figures(key) for key in sorted(due_year)],
        by_supplier=[found.figures(name or "—", contracts=True) for name, found in top],
        ageing=[found.figures(label) for found, (label, _lo, _hi) in zip(ageing, AGEING_BUCKETS, strict=True)],
        due_next=[soon[30].figures("30"), soon[90].figures("90")],
        by_month=months, bonds=bonds, ending=ending,
    )
