"""The overview's (总览) sums read from the figures the writer keeps (issue 15, revision 0019:
``models.overview_figures``, kept by ``services.payments.overview_keep``), Qt-free.

``rows`` gives what ``services.payments.overview`` otherwise computes from the contracts,
installments and payments, in the same shapes: the installments' sums by due date, the
contracts' sums by year of signing and supplier, and the sum of all payments. What depends on the
day is taken from the stored dates here: overdue is the outstanding of installments due before
``today`` (a range of the open installments' index), the status filter is derived from the stored
status and dates for ``today``. Unfiltered, each statement walks one covering index (the
installments by due date, the contracts by year and supplier). The sums by due date come, without
a supplier, from the kept sums (revision 0021: ``payment_overview_sums``, a few rows per date
whatever a year or status filter matches; the status still derived here from the stored end
date); with a supplier (part of a name, no key of the sums), the contracts that pass are found
first and their installments read by contract.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.payments.overview_keep import CONTRACTS, INSTALLMENTS, SUMS, sums_present
from services.store_sql import Dialect

__all__ = ["ContractRow", "DateRow", "rows"]


class DateRow(NamedTuple):
    """The installments due on ``d`` (None: no date yet), sums in fen; ``open_*``: those not fully paid."""

    d: object
    due: int | None
    paid: int | None
    outstanding: int | None
    n: int
    open_due: int | None
    open_paid: int | None
    open_n: int


class ContractRow(NamedTuple):
    """The contracts signed in ``sign_year`` (text ``YYYY`` or ``—``) with ``supplier``, sums in fen."""

    sign_year: str
    supplier: str | None
    value: int
    contracts: int
    due: int
    paid: int
    outstanding: int
    overdue: int
    n: int


#: The status of kept row ``{row}`` (prefix ``k.`` or none) on ``:today``: ``overview_sql.STATUS`` on the
#: kept columns (the stored status; no year of signing exactly when no signing date).
_STATUS = ("CASE WHEN {row}status IS NOT NULL THEN {row}status WHEN {row}sign_year IS NULL THEN 'draft'"
           " WHEN {row}end_date < :today THEN 'completed' ELSE 'active' END")
_BY_DATE = f"""
SELECT due_date AS d, SUM(due_fen) AS due, SUM(paid_fen) AS paid, SUM(out_fen) AS outstanding, COUNT(*) AS n,
       SUM(CASE WHEN out_fen > 0 THEN due_fen ELSE 0 END) AS open_due,
       SUM(CASE WHEN out_fen > 0 THEN paid_fen ELSE 0 END) AS open_paid,
       SUM(CASE WHEN out_fen > 0 THEN 1 ELSE 0 END) AS open_n
FROM {INSTALLMENTS} WHERE {{where}} GROUP BY due_date"""
_BY_CONTRACT = f"""
SELECT k.sign_year, k.supplier, SUM(k.value_fen) AS value, COUNT(*) AS contracts, SUM(k.due_fen) AS due,
       SUM(k.paid_fen) AS paid, SUM(k.out_fen) AS outstanding, SUM(k.n) AS n, SUM(k.payments_fen) AS payments
FROM {CONTRACTS} k WHERE {{where}} GROUP BY k.sign_year, k.supplier"""
#: ``_BY_DATE`` from the sums by due date (revision 0021): a few rows per date, whatever the filter matches.
_SUMS_BY_DATE = f"""
SELECT due_date AS d, SUM(due_fen) AS due, SUM(paid_fen) AS paid, SUM(out_fen) AS outstanding, SUM(n) AS n,
       SUM(open_due_fen) AS open_due, SUM(open_paid_fen) AS open_paid, SUM(open_n) AS open_n
FROM {SUMS} WHERE {{where}} GROUP BY due_date"""
_OVERDUE = f"""
SELECT sign_year, supplier, SUM(out_fen) AS overdue FROM {INSTALLMENTS}
WHERE out_fen > 0 AND due_date < :today AND {{where}} GROUP BY sign_year, supplier"""


def _year(value: object) -> str:
    return "—" if value is None else f"{int(str(value)):04d}"


def _less(rows: list[DateRow], out: list[DateRow]) -> list[DateRow]:
    """``rows`` less ``out`` (the same dates' sums of some of their installments), date by date;
    a date left with no installment goes (as it would from a sum that never counted them)."""
    taken = {row.d: row for row in out}
    result = []
    for row in rows:
        less = taken.get(row.d)
        if less is None:
            result.append(row)
        elif row.n - less.n:
            result.append(DateRow(row.d, _minus(row.due, less.due), _minus(row.paid, less.paid),
                                  _minus(row.outstanding, less.outstanding), row.n - less.n,
                                  _minus(row.open_due, less.open_due), _minus(row.open_paid, less.open_paid),
                                  row.open_n - less.open_n))
    return result


def _minus(whole: int | None, part: int | None) -> int:
    return int(whole or 0) - int(part or 0)


def rows(session: Session, sql: Dialect, today: dt.date, *, year: int | None, supplier: str | None,
         status: str | None, left_out: set[int]) -> tuple[list[DateRow], list[ContractRow], int]:
    """(installments by due date, contracts by year of signing and supplier, all payments in fen)
    of the contracts outside the Trash that pass the filter — ``year`` of signing, part of a
    ``supplier``'s name (case-insensitive), ``status`` on ``today`` — leaving the contracts
    ``left_out`` (ids) out of the first two (their payments still count in the third)."""
    params: dict[str, Any] = {"today": sql.day(today), "year": year, "status": status,
                              "supplier": f"%{(supplier or '').lower()}%"}

    def passing(row: str) -> str:
        """The filter on the kept rows ``row`` (``k.`` or none): sign_year is NULL exactly when sign_date is."""
        found = ["1 = 1"]
        if year is not None:
            found.append(f"{row}sign_year = :year")
        if supplier:
            found.append(f"lower({row}supplier) LIKE :supplier")
        if status:
            found.append(f"{_STATUS.format(row=row)} = :status")
        return " AND ".join(found)

    contracts = passing("k.")
    listed = ", ".join(str(int(i)) for i in sorted(left_out))
    excluded = f"contract_id NOT IN ({listed})" if left_out else "1 = 1"
    if supplier:  # part of a name: usually few contracts — found first, then their installments by contract
        installments = f"contract_id IN (SELECT k.contract_id FROM {CONTRACTS} k WHERE {contracts}) AND {excluded}"
    else:  # year and status: on the installments' own keys, in the order of their indexes
        installments = f"{passing('')} AND {excluded}"
    if supplier or not sums_present(session):
        by_date = [DateRow(*row) for row in session.execute(text(_BY_DATE.format(where=installments)), params)]
    else:  # year and status: from the sums by due date, less the rows of the contracts left out
        by_date = [DateRow(*row) for row in session.execute(text(_SUMS_BY_DATE.format(where=passing(""))), params)]
        if left_out:
            own = f"{passing('')} AND contract_id IN ({listed})"
            by_date = _less(by_date, [DateRow(*row) for row in session.execute(text(_BY_DATE.format(where=own)),
                                                                                 params)])
    overdue = {(row.sign_year, row.supplier): int(row.overdue or 0)
               for row in session.execute(text(_OVERDUE.format(where=installments)), params)}
    by_contract, all_paid = [], 0
    kept_out = f"{contracts} AND k.{excluded}" if left_out else contracts
    for row in session.execute(text(_BY_CONTRACT.format(where=kept_out)), params):
        by_contract.append(ContractRow(_year(row.sign_year), row.supplier, int(row.value or 0), int(row.contracts),
                                       int(row.due or 0), int(row.paid or 0), int(row.outstanding or 0),
                                       overdue.get((row.sign_year, row.supplier), 0), int(row.n or 0)))
        all_paid += int(row.payments or 0)
    if left_out:  # their payments count whatever their terms (services.payments.overview)
        all_paid += int(session.scalar(text(
            f"SELECT SUM(k.payments_fen) FROM {CONTRACTS} k WHERE {contracts} AND k.contract_id IN ({listed})"),
            params) or 0)
    return by_date, by_contract, all_paid
