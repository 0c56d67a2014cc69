"""The line ``main.py list`` prints for a contract, shared by its quick path (``cli.quick_list``,
plain ``sqlite3``) and its normal path (``cli.listing``), so both print the same bytes.

One tab-separated line: number, total (元, two decimals, thousands separators), status by its
label in the run's language (``STATUS``: 履行中 / Active, never the code ``active``), term
``start..end`` (ISO dates, an open side empty), title. Imports nothing beyond the standard library:
the quick path's start is what ``main.py list`` costs (issue 18).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

__all__ = ["STATUS", "list_lines", "status_label", "total_text"]

if TYPE_CHECKING:  # a class made at run time costs the quick path's start a millisecond
    from typing import Protocol

    class ListedRow(Protocol):
        """What a line needs: ``contracts.ContractRow`` and ``first_screen.ScreenRow`` both have it."""

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


#: A contract's status (``Contract.status`` / the list's derived status) → (English, Chinese) label,
#: as the window's list names it (草稿 / 履行中 / 已完成 / 已终止, the ledger's Chinese aliases).
STATUS: dict[str, tuple[str, str]] = {
    "draft": ("Draft", "草稿"),
    "active": ("Active", "履行中"),
    "completed": ("Completed", "已完成"),
    "terminated": ("Terminated", "已终止"),
}


def status_label(status: str, language: str) -> str:
    """The label of a contract status in ``language`` (``zh``… Chinese, else English); an unknown code as it is."""
    labels = STATUS.get(status)
    return status if labels is None else labels[1] if language.startswith("zh") else labels[0]


def total_text(amount: Decimal) -> str:
    """A list total as ``services.money.yuan_text`` writes it (``2,738,718.50``), without importing
    it (``services.money`` loads the models, and with them SQLAlchemy): list totals are whole fen,
    so ``{:,.2f}`` of them is exact; a negative zero is written ``0.00``.
    ``tests/test_cli_words.py`` compares the two."""
    text = f"{amount:,.2f}"
    return "0.00" if text == "-0.00" else text


def list_lines(rows: Iterable[ListedRow], language: str) -> Iterator[str]:
    """The printed line of each of ``rows`` in ``language`` (see the module's docstring), without its
    newline. One loop with the labels looked up once: a register of 100,000 contracts is 100,000
    lines (``total_text``'s rule written in place)."""
    chinese = language.startswith("zh")
    labels = {code: pair[1] if chinese else pair[0] for code, pair in STATUS.items()}
    for row in rows:
        total = f"{row.total_amount:,.2f}"
        yield (f"{row.contract_no}\t{'0.00' if total == '-0.00' else total}\t{labels.get(row.status, row.status)}\t"
               f"{row.start_date or ''}..{row.end_date or ''}\t{row.title}")
