"""What the contract list shows of a row: its texts, tool tip, sort value, icons and the column titles.

Apart from ``ui.contracts.list_model`` to keep that module to fetching rows (blocks, count, sample).
The texts keep the ``ContractListModel`` translation context (written out: lupdate does not follow an
alias of ``translate``); ``ui.first_paint`` shows the same texts without importing this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from services.register.contracts import ContractRow
from ui.contracts.list_table import COL_COUNTERPARTY, COL_TITLE
from ui.formatting import format_money

__all__ = ["CachedRow", "RowIcons", "format_term", "headers", "row_texts", "sort_value", "status_names",
           "tool_tip"]

translate = QCoreApplication.translate  # lupdate reads ``translate("ContractListModel", …)`` by this name

_EN_DASH = "\u2013"


@dataclass(frozen=True)
class CachedRow:
    """A fetched row and its display texts (formatted once, not on every paint)."""

    row: ContractRow
    texts: tuple[str, ...]


def format_term(start: dt.date | None, end: dt.date | None) -> str:
    """``'2025-10-16 – 2026-05-15'``; an open end keeps its dash, no dates gives ``''``."""
    if start is None and end is None:
        return ""
    left = start.isoformat() if start else ""
    right = end.isoformat() if end else ""
    return f"{left} {_EN_DASH} {right}".strip()


def headers() -> tuple[str, ...]:
    """The seven translated column titles, in ``COL_*`` order."""
    # Literal translate calls so that lupdate finds every string.
    return (
        translate("ContractListModel", "Number"), translate("ContractListModel", "Title"),
        translate("ContractListModel", "Counterparty"), translate("ContractListModel", "Total"),
        translate("ContractListModel", "Term"), translate("ContractListModel", "Status"),
        translate("ContractListModel", "Next due"),
    )


def status_names() -> dict[str, str]:
    """Status code → its translated name (asked once per block of rows, not per row)."""
    return {
        "draft": translate("ContractListModel", "Draft"),
        "active": translate("ContractListModel", "Active"),
        "completed": translate("ContractListModel", "Completed"),
        "terminated": translate("ContractListModel", "Terminated"),
    }


def row_texts(row: ContractRow, statuses: dict[str, str]) -> tuple[str, ...]:
    """The seven display texts of ``row``, in ``COL_*`` order; ``statuses`` from ``status_names``."""
    return (
        row.contract_no,
        row.title,
        row.counterparty,
        format_money(row.total_amount),
        format_term(row.start_date, row.end_date),
        statuses.get(row.status, row.status) + (
            translate("ContractListModel", " · amendment from {0}").format(row.pending[1].isoformat())
            if row.pending else ""),
        row.next_due.isoformat() if row.next_due else "",
    )


def tool_tip(row: ContractRow, column: int) -> str:
    """The tool tip of ``row`` in ``column``: the amendment to come (issue 16) on every column, else the
    full title (and a signed copy kept) or, in its column, the full counterparty."""
    if row.pending is not None:  # issue 16: say which terms the row shows
        number, effective = row.pending
        return translate("ContractListModel",
                         "Terms in force today. Amendment {0} takes effect on {1}: its terms apply "
                         "from that day (Amendments tab).").format(number, effective.isoformat())
    if column == COL_TITLE and row.signed:
        return row.title + "\n" + translate("ContractListModel", "Signed copy kept (Attachments)")
    return row.counterparty if column == COL_COUNTERPARTY else row.title


def sort_value(row: ContractRow, column: int) -> Any:
    """The raw value ``column`` sorts by: str, Decimal yuan, datetime.date, status code, or None."""
    return (
        row.contract_no, row.title, row.counterparty, row.total_amount,
        row.start_date, row.status, row.next_due,
    )[column]


class RowIcons:
    """The list's icons from the style, each made once: the checks' icon on the number, the signed
    copy's on the title."""

    def __init__(self) -> None:
        self._levels: dict[int, QIcon] = {}
        self._signed: QIcon | None = None

    def problem(self, row: ContractRow | None) -> QIcon | None:
        """Critical for a row with errors, warning for warnings only, else none (also for no row)."""
        level = row.problem_level if row is not None else None
        if not level:
            return None
        if level not in self._levels:
            pixmap = (QStyle.StandardPixmap.SP_MessageBoxCritical if level >= 2
                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._levels[level] = QApplication.style().standardIcon(pixmap)
        return self._levels[level]

    def signed(self, row: ContractRow | None) -> QIcon | None:
        """A file icon for a contract whose signed copy is kept (issue 16), else none."""
        if row is None or not row.signed:
            return None
        if self._signed is None:
            self._signed = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return self._signed
