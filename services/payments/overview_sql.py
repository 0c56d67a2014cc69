"""SQL fragments the overview's queries and its kept figures share (issue 15), Qt-free.

``due_fen``: an installment's (or bond's) amount in integer fen — its stated ``amount``, else
``percent`` × the contract total rounded half up to the fen, in integer arithmetic (the percent's
digits over 10^(decimals+2)), never a float. ``STATUS``: the contract's status as the overview
filters on it (stored, else draft / completed / active for ``:today``: the list's rule).
"""

from __future__ import annotations

from services.store_sql import SQLITE, Dialect

__all__ = ["STATUS", "due_fen", "sign_year"]

#: The status of contract row ``{row}`` on ``:today`` (format with ``row=``).
STATUS = ("CASE WHEN {row}.status IS NOT NULL THEN {row}.status WHEN {row}.sign_date IS NULL THEN 'draft'"
          " WHEN {row}.end_date < :today THEN 'completed' ELSE 'active' END")
#: percent × total in fen, rounded half up, in integer arithmetic: the percent's digits over 10^(decimals+2).
_SCALE = ("(CASE WHEN {dot} = 0 THEN 100 ELSE CASE length({p}) - {dot}"
          " WHEN 1 THEN 1000 WHEN 2 THEN 10000 WHEN 3 THEN 100000 ELSE 1000000 END END)")
_DIGITS = "CAST(replace({p}, '.', '') AS BIGINT)"


def due_fen(amount: str, percent: str, total: str, sql: Dialect = SQLITE) -> str:
    """SQL for the amount in fen of a row with stated ``amount`` (fen) or ``percent`` (decimal
    text) of ``total`` (fen); NULL when neither is stated."""
    scale = _SCALE.format(p=percent, dot=sql.position("'.'", percent))
    return (f"COALESCE({amount}, CASE WHEN {percent} IS NULL THEN NULL ELSE"
            f" ({total} * {_DIGITS.format(p=percent)} * 2 + {scale}) / (2 * {scale}) END)")


def sign_year(date: str, sql: Dialect = SQLITE) -> str:
    """SQL for the year of the date expression ``date`` as an integer (NULL for NULL)."""
    if sql.server:
        return f"CAST(EXTRACT(YEAR FROM {date}) AS INTEGER)"
    return f"CAST(substr({date}, 1, 4) AS INTEGER)"
