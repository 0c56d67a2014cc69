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

A contract with an amendment signed but not yet in force on ``today`` counts under its terms in
force on ``today`` (the store holds the terms as amended): the SQL leaves it out and
``services.payments.overview_terms`` adds its rows, computed alike (issue 16). An overview for a
day on or after the effective date counts the amended terms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.checks.contract import installment_amount
from services.money import from_fen, to_fen
from services.payments import overview_keep, overview_kept, overview_terms
from services.payments.overview_sql import STATUS, due_fen
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
    #: the figures above use the terms in force on ``today``, not these (issue 16; ``overview_terms``).
    pending: list[tuple[str, str, dt.date]] = field(default_factory=list)


_STATUS = STATUS.format(row="c")
_due_fen = due_fen  # the name services.payments.overview_detail imports


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


#: The installments' figures by due date (``d``; NULL while an event has no date): one row per date, a
#: few thousand at most, rolled up in Python into the budget years, months, "due within" and ageing.
#: (About 10 % less CPU than one GROUP BY over every key at once: bench/README.md.)
_BY_DATE = """
SELECT d, SUM(due_fen) AS due, SUM(paid_fen) AS paid, SUM(out_fen) AS outstanding, COUNT(*) AS n,
       SUM(CASE WHEN out_fen > 0 THEN due_fen ELSE 0 END) AS open_due,
       SUM(CASE WHEN out_fen > 0 THEN paid_fen ELSE 0 END) AS open_paid,
       SUM(CASE WHEN out_fen > 0 THEN 1 ELSE 0 END) AS open_n
FROM (SELECT i.resolved_due_date AS d, {due} AS due_fen, COALESCE(i.paid_amount, 0) AS paid_fen, {out_fen} AS out_fen
      FROM contracts c JOIN installments i ON i.contract_id = c.id WHERE {where}) AS r
GROUP BY d
"""
#: The contracts' and their installments' figures by year of signing and supplier: each contract
#: summed first (in the contracts' own order, no sort), then the contracts grouped.
_BY_CONTRACT = """
SELECT sign_year, supplier, SUM(value) AS value, COUNT(*) AS contracts, SUM(due) AS due, SUM(paid) AS paid,
       SUM(outstanding) AS outstanding, SUM(overdue) AS overdue, SUM(n) AS n
FROM (SELECT COALESCE({sign_year}, '—') AS sign_year, c.counterparty AS supplier, c.total_amount AS value,
             SUM({due}) AS due, SUM(COALESCE(i.paid_amount, 0)) AS paid, SUM({out_fen}) AS outstanding,
             SUM(CASE WHEN i.resolved_due_date < :today THEN {out_fen} ELSE 0 END) AS overdue, COUNT(i.id) AS n
      FROM contracts c LEFT JOIN installments i ON i.contract_id = c.id WHERE {where}
      GROUP BY c.id, c.sign_date, c.counterparty, c.total_amount) AS per_contract
GROUP BY 1, 2
"""


@dataclass(frozen=True)
class _Row:
    """One installment of a contract under its terms in force, with the keys of every table it counts in."""

    sign_year: str
    due_year: str
    supplier: str | None
    month: str | None
    soon: int | None
    bucket: int | None
    due: int | None
    paid: int
    outstanding: int
    overdue: int
    n: int = 1


def _in_force_rows(items: list[overview_terms.InForce], today: dt.date, first: dt.date, last: dt.date) -> list[_Row]:
    """The installments of ``items`` under their terms in force, one ``_Row`` each, keyed as the SQL's roll-ups."""
    rows = []
    for item in items:
        sign = item.data.sign_date
        for inst in overview_terms.installments(item):
            due_date = inst.due_date
            soon = bucket = None
            if due_date is not None and today <= due_date <= today + dt.timedelta(days=90):
                soon = 30 if due_date <= today + dt.timedelta(days=30) else 90
            late = due_date is not None and due_date < today
            if late and inst.out_fen > 0:
                assert due_date is not None
                age = (today - due_date).days
                bucket = 0 if age <= 30 else 1 if age <= 90 else 2 if age <= 180 else 3
            rows.append(_Row(
                sign_year=str(sign.year) if sign else "—", due_year=str(due_date.year) if due_date else "—",
                supplier=item.counterparty,
                month=f"{due_date:%Y-%m}" if due_date is not None and first <= due_date <= last else None,
                soon=soon, bucket=bucket, due=inst.due_fen, paid=inst.paid_fen, outstanding=inst.out_fen,
                overdue=inst.out_fen if late else 0))
    return rows


@dataclass
class _Sum:
    due: int = 0
    paid: int = 0
    outstanding: int = 0
    overdue: int = 0
    n: int = 0
    value: int = 0
    contracts: int = 0

    def merge(self, other: _Sum) -> None:
        self.due += other.due
        self.paid += other.paid
        self.outstanding += other.outstanding
        self.overdue += other.overdue
        self.n += other.n
        self.value += other.value
        self.contracts += other.contracts

    def figures(self, label: str, *, contracts: bool = False) -> Figures:
        return Figures(label, value=from_fen(self.value), due=from_fen(self.due), paid=from_fen(self.paid),
                       outstanding=from_fen(self.outstanding), overdue=from_fen(self.overdue),
                       count=self.contracts if contracts else self.n)


def overview(session: Session, today: dt.date, flt: OverviewFilter | None = None, *,
             suppliers: int = 20, kept: bool | None = None) -> Overview:
    """The overview of the register on ``today`` under ``flt``; ``suppliers``: how many suppliers
    (by contract value, largest first) the by-supplier table lists.

    Two aggregate statements carry the installments' money: by due date (``_BY_DATE``: the
    budget-year, month, "due within" and ageing tables are roll-ups of its rows) and by contract,
    then year of signing and supplier (``_BY_CONTRACT``); one more sums all payments; three list
    the bonds, the endings and the amendments not yet in force. ``kept``: read the sums from the
    figures the writer keeps (``overview_kept``, revision 0019) — by default wherever the store
    has them; False computes them from the contracts, installments and payments (the same figures:
    tests/test_overview_kept.py)."""
    flt = flt or OverviewFilter()
    sql = dialect(session)
    listed, params = _live(flt, sql)
    left_out, in_force = overview_terms.in_force_contracts(session, today)
    where = overview_terms.exclude(listed, left_out)  # those counted under their terms in force below
    in_force = [item for item in in_force if overview_terms.matches(item, today, flt.year, flt.supplier, flt.status)]
    first = today.replace(day=1)
    last = first.replace(year=first.year + 1) - dt.timedelta(days=1)
    params = {**params, "today": sql.day(today), "in90": sql.day(today + dt.timedelta(days=90))}
    due = _due_fen("i.amount", "i.percent", "c.total_amount", sql)
    out_fen = sql.greatest(f"COALESCE({due}, 0) - COALESCE(i.paid_amount, 0)", "0")
    total = _Sum()
    due_year: dict[str, _Sum] = {}
    month: dict[str, _Sum] = {}
    ageing = [_Sum() for _ in AGEING_BUCKETS]
    soon = {30: _Sum(), 90: _Sum()}
    if kept is None:
        kept = overview_keep.present(session)
    by_date: Iterable[Any]
    by_contract: Iterable[Any]
    if kept:
        by_date, by_contract, all_paid = overview_kept.rows(session, sql, today, year=flt.year, supplier=flt.supplier,
                                                            status=flt.status, left_out=left_out)
    else:
        by_date = session.execute(text(_BY_DATE.format(due=due, out_fen=out_fen, where=where)), params)
        by_contract = session.execute(text(_BY_CONTRACT.format(due=due, out_fen=out_fen, where=where,
                                                               sign_year=sql.year("c.sign_date"))), params)
        all_paid = int(session.scalar(text(f"SELECT SUM(p.amount) FROM payments p JOIN contracts c"
                                           f" ON c.id = p.contract_id WHERE {listed}"), params) or 0)
    for row in by_date:
        day = sql.read_day(row.d)
        late = day is not None and day < today
        found = _Sum(due=int(row.due or 0), paid=int(row.paid or 0), outstanding=int(row.outstanding or 0),
                     overdue=int(row.outstanding or 0) if late else 0, n=int(row.n or 0))
        total.merge(found)
        due_year.setdefault("—" if day is None else f"{day.year:04d}", _Sum()).merge(found)
        if day is None:
            continue
        if first <= day <= last:
            month.setdefault(f"{day:%Y-%m}", _Sum()).merge(found)
        ahead = (day - today).days
        if 0 <= ahead <= 90:
            soon[90].merge(found)
            if ahead <= 30:
                soon[30].merge(found)
        if late and int(row.open_n or 0):
            age = (today - day).days
            bucket = next(k for k, (_label, low, high) in enumerate(AGEING_BUCKETS)
                          if low <= age and (high is None or age <= high))
            ageing[bucket].merge(_Sum(due=int(row.open_due or 0), paid=int(row.open_paid or 0),
                                      outstanding=found.outstanding, overdue=found.outstanding, n=int(row.open_n)))
    sign_year: dict[str, _Sum] = {}
    supplier: dict[str | None, _Sum] = {}
    for group in by_contract:
        found = _Sum(due=int(group.due or 0), paid=int(group.paid or 0), outstanding=int(group.outstanding or 0),
                     overdue=int(group.overdue or 0), n=int(group.n or 0), value=int(group.value or 0),
                     contracts=int(group.contracts))
        sign_year.setdefault(group.sign_year, _Sum()).merge(found)
        supplier.setdefault(group.supplier, _Sum()).merge(found)
        total.value += found.value
        total.contracts += found.contracts
    for terms in _in_force_rows(in_force, today, first, last):  # contracts counted under their terms in force
        found = _Sum(due=int(terms.due or 0), paid=terms.paid, outstanding=terms.outstanding, overdue=terms.overdue,
                     n=terms.n)
        for key, table in ((terms.sign_year, sign_year), (terms.due_year, due_year)):
            table.setdefault(key, _Sum()).merge(found)
        supplier.setdefault(terms.supplier, _Sum()).merge(found)
        total.merge(found)
        if terms.month is not None:
            month.setdefault(terms.month, _Sum()).merge(found)
        if terms.bucket is not None:
            ageing[terms.bucket].merge(found)
        if terms.soon is not None:
            soon[90].merge(found)
            if terms.soon == 30:
                soon[30].merge(found)
    for item in in_force:
        sign = item.data.sign_date
        value = to_fen(item.data.total_amount)
        sign_year.setdefault(str(sign.year) if sign else "—", _Sum()).merge(_Sum(value=value, contracts=1))
        supplier.setdefault(item.counterparty, _Sum()).merge(_Sum(value=value, contracts=1))
        total.value += value
        total.contracts += 1
    # all_paid: every payment of the contracts listed, whatever their terms
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
        FROM bonds b CROSS JOIN contracts c
        WHERE c.id = b.contract_id AND {where} AND b.lodged_date IS NOT NULL AND b.returned_date IS NULL
        ORDER BY late DESC, b.valid_until IS NULL, b.valid_until, c.contract_no, b.seq"""), params)]
    if in_force:
        bonds += _in_force_bonds(in_force, today)
        bonds.sort(key=lambda b: (not b.overdue_return, b.valid_until is None, b.valid_until or today,
                                  b.contract_no, b.seq))
    ending = [EndingRow(r.contract_no, r.title, r.counterparty, sql.read_day(r.end_date) or today,
                        from_fen(int(r.total_amount)))
              for r in session.execute(text(f"""
        SELECT c.contract_no, c.title, c.counterparty, c.end_date, c.total_amount FROM contracts c
        WHERE {where} AND c.end_date BETWEEN :today AND :in90 ORDER BY c.end_date, c.contract_no"""), params)]
    if in_force:
        ending += [EndingRow(item.data.contract_no, item.data.title, item.counterparty, item.data.end_date,
                             item.data.total_amount) for item in in_force
                   if item.data.end_date is not None
                   and today <= item.data.end_date <= today + dt.timedelta(days=90)]
        ending.sort(key=lambda e: (e.end_date, e.contract_no))
    pending = [(r.contract_no, r.amendment_no, dt.date.fromisoformat(str(r.effective_date)))
               for r in session.execute(text(f"""
        SELECT c.contract_no, a.amendment_no, a.effective_date FROM amendments a CROSS JOIN contracts c
        WHERE c.id = a.contract_id AND {listed} AND a.effective_date > :today
        ORDER BY a.effective_date, c.contract_no"""), params)]
    return Overview(
        today=today, totals=totals, pending=pending,
        by_sign_year=[sign_year[key].figures(key, contracts=True) for key in sorted(sign_year)],
        by_budget_year=[due_year[key].figures(key) for key in sorted(due_year)],
        by_supplier=[found.figures(name or "—", contracts=True) for name, found in top],
        ageing=[found.figures(label) for found, (label, _lo, _hi) in zip(ageing, AGEING_BUCKETS, strict=True)],
        due_next=[soon[30].figures("30"), soon[90].figures("90")],
        by_month=months, bonds=bonds, ending=ending,
    )


def _in_force_bonds(items: list[overview_terms.InForce], today: dt.date) -> list[BondRow]:
    """The bonds lodged and not returned of ``items`` under their terms in force on ``today``."""
    rows = []
    for item in items:
        for bond in item.data.bonds:
            if bond.lodged_date is None or bond.returned_date is not None:
                continue
            amount = installment_amount(bond, item.data.total_amount)
            rows.append(BondRow(item.data.contract_no, bond.seq, bond.kind,
                                amount if amount is not None else Decimal("0.00"), bond.valid_until,
                                bond.valid_until is not None and bond.valid_until < today))
    return rows
