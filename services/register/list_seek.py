"""Keyset pages of the contract list: the order, reversed, and "the rows after this one" in SQL.

Why (issue 17, issue 18): a page far down the list read with ``OFFSET`` makes the store walk every
row before it — at 1,000,000 contracts a cold page at the end of the list took seconds on SQLite
(each row before it read to test the Trash) and half a second on PostgreSQL at only 20,000. The
list (``services.register.listing.page``) therefore reaches a page

* from a neighbouring page it already holds: the rows *after* that page's last row (or *before*
  its first row, in the reversed order) — a seek on the sort key's index, ``(key, contract_no) >
  (value, number)``, whatever the position;
* in the second half of the list: in the reversed order, with the smaller ``OFFSET`` from the end;
* far from both ends without a filter: the row just before the page found by ``OFFSET`` over the
  sort key's index alone (no row read: the index holds the key and the number), then the page as
  the live rows after it, skipping as many as the Trash holds before it.

The order is the list's (``listing``): the sort key in the chosen direction, contracts without
the key (no date, no next deadline) last either way, ties by contract number in the same
direction. Reversed, every part of it turns round (keys without a value first). Rows *after* an
anchor ``(value, number)`` are given as parts whose concatenation, each in the order, is that tail:
SQLite and PostgreSQL seek an index for ``(key, contract_no) > (v, n)`` but scan for
``… OR key IS NULL``, so the rows without a key are a second part, read only when the first runs out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, literal, or_, tuple_
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from models.contract import Contract

__all__ = ["after_parts", "at_or_before", "order_by", "start_parts"]


def order_by(key: ColumnElement[Any], *, descending: bool, nullable: bool,
             reverse: bool = False, split: bool = False) -> list[ColumnElement[Any]]:
    """ORDER BY clauses: ``key`` in the direction (``descending`` xor ``reverse``), NULL keys last
    (first when ``reverse``; only where ``nullable``), then the contract number the same way.
    ``split``: the rows are read in parts each holding only NULL or only other keys (``start_parts``,
    ``after_parts``), so no NULLS clause is needed — PostgreSQL walks its ascending index backwards
    for ``DESC`` but sorts every row for ``DESC NULLS LAST``."""
    down = descending != reverse
    order = key.desc() if down else key.asc()
    if nullable and not split:
        order = order.nulls_first() if reverse else order.nulls_last()
    tie = Contract.contract_no.desc() if down else Contract.contract_no.asc()
    return [order, tie]


def after_parts(key: ColumnElement[Any], value: Any, number: str, *, descending: bool, nullable: bool,
                reverse: bool = False, number_column: ColumnElement[Any] | None = None) -> list[ColumnElement[bool]]:
    """Conditions, in order, for the rows strictly after the row ``(value, number)`` (its sort key
    and contract number) in the order of ``order_by`` with the same flags: each part's rows come
    after every row of the parts before it. One or two parts."""
    down = descending != reverse
    nulls_last = not reverse
    numbers: Any = Contract.contract_no if number_column is None else number_column
    beyond_no = numbers < number if down else numbers > number
    if value is None:
        parts: list[ColumnElement[bool]] = [and_(key.is_(None), beyond_no)]
        if not nulls_last:
            parts.append(key.is_not(None))
        return parts
    pair = tuple_(key, numbers)
    # Bound with the key's type (the total is stored in fen, read as Decimal yuan).
    anchor = tuple_(literal(value, key.type), literal(number, Contract.contract_no.type))
    beyond = pair < anchor if down else pair > anchor
    parts = [beyond]
    if nullable and nulls_last:
        parts.append(key.is_(None))
    return parts


def start_parts(key: ColumnElement[Any], *, nullable: bool, reverse: bool = False) -> list[ColumnElement[bool]]:
    """Conditions, in order, that together give the whole list in the order: the keys, then the
    NULL keys (the other way round when ``reverse``); one part (none) for a key never NULL."""
    if not nullable:
        return []
    parts: list[ColumnElement[bool]] = [key.is_not(None), key.is_(None)]
    return parts[::-1] if reverse else parts


def at_or_before(key: ColumnElement[Any], value: Any, number: str, *, descending: bool, nullable: bool,
                 reverse: bool = False, hide: bool = False) -> ColumnElement[bool]:
    """One condition: the rows at or before ``(value, number)`` in the order (for counting the few
    rows of the Trash there, found by ``ix_contracts_deleted_at``; ``hide`` (SQLite): key and number
    behind a unary ``+``, lest the planner walk the sort key's index past half the list instead)."""
    numbers: Any = Contract.contract_no
    if hide:
        key, numbers = _hidden(key), _hidden(numbers)
    before = after_parts(key, value, number, descending=descending, nullable=nullable, reverse=not reverse,
                         number_column=numbers)
    return or_(numbers == number, *before)


def _hidden(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``+column``: the same value, but SQLite will not use an index for it."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)
