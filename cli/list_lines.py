"""The line ``main.py list`` prints for a contract, shared by its quick path (``cli.quick_list``,
plain ``sqlite3``) and its normal path (``cli.listing``), so both print the same bytes.

One tab-separated line: number, total (元, two decimals, thousands separators), status by its
label in the run's language (``cli.words.STATUS``: 履行中 / Active, never the code ``active``),
term ``start..end`` (ISO dates, an open side empty), title. Imports no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Protocol

from cli.words import status_label

__all__ = ["ListedRow", "list_line", "total_text"]


class ListedRow(Protocol):
    """What a line needs: ``services.register.contracts.ContractRow`` and ``first_screen.ScreenRow`` both have it."""

    @property
    def contract_no(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def total_amount(self) -> Decimal: ...
    @property
    def start_date(self) -> dt.date | None: ...
    @property
    def end_date(self) -> dt.date | None: ...
    @property
    def status(self) -> str: ...


def total_text(amount: Decimal) -> str:
    """A list total as ``services.money.yuan_text`` writes it (``2,738,718.50``), without importing
    it (``services.money`` loads the models, and with them SQLAlchemy): list totals are whole fen,
    so ``{:,.2f}`` of them is exact; a negative zero is written ``0.00``.
    ``tests/test_cli_words.py`` compares the two."""
    text = f"{amount:,.2f}"
    return "0.00" if text == "-0.00" else text


def list_line(row: ListedRow, language: str) -> str:
    """The printed line of ``row`` in ``language`` (see the module's docstring), without its newline."""
    term = f"{row.start_date or ''}..{row.end_date or ''}"
    return (f"{row.contract_no}\t{total_text(row.total_amount)}\t{status_label(row.status, language)}\t{term}\t"
            f"{row.title}")
