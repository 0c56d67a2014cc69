"""The contract list's table model: ids from SQL, rows fetched lazily in blocks.

The pattern of Anki's browser ``DataModel``: a search (filter + sort, both in SQL) returns
only the ids, in display order; ``data()`` turns a row number into an id and fetches the
list rows of the aligned block of ``BLOCK_SIZE`` ids around it in one short session, into a
cache keyed by id. Search, sort and refresh re-run the id query and clear the cache, so the
list stays responsive with 100,000 contracts: the view never asks for more than a screenful.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from services.register import contracts
from services.register.contracts import LIST_COLUMNS, ContractRow
from services.store import Store
from ui.formatting import format_money

COL_NUMBER, COL_TITLE, COL_COUNTERPARTY, COL_TOTAL, COL_TERM, COL_STATUS, COL_NEXT_DUE = range(7)
COLUMN_COUNT = 7

#: The contract id of a row (int), without fetching the row.
ContractIdRole = Qt.ItemDataRole.UserRole + 1
#: The raw value a column sorts by: str, Decimal yuan, datetime.date, status code, or None.
SortRole = Qt.ItemDataRole.UserRole + 2

#: Rows fetched per query: a few screenfuls, so scrolling costs one query per ~256 rows.
BLOCK_SIZE = 256
#: Cached rows kept at most; beyond that the cache starts afresh (bounds memory when the
#: user drags the scroll bar through 100,000 rows).
MAX_CACHED = 16 * BLOCK_SIZE

_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_EN_DASH = "\u2013"

QIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _CachedRow:
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


class ContractListModel(QAbstractTableModel):
    """Contracts of a store, filtered and sorted in SQL, rows loaded lazily.

    ``today`` fixes the date used to derive statuses (draft/active/completed) and is meant
    for tests; None means the current date at each query.
    Signals: ``countChanged(int)`` — the number of rows after a search or refresh.
    """

    countChanged = Signal(int)

    def __init__(self, store: Store, today: dt.date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._search = ""
        self._sort_column = COL_NUMBER
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._cache: dict[int, _CachedRow | None] = {}
        self._positions: dict[int, int] | None = None
        self._problems_only = False
        self._icons: dict[int, QIcon] = {}
        self._ids: list[int] = self._query_ids()

    # --- queries ---------------------------------------------------------------------------

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def _query_ids(self, text: str | None = None, column: int | None = None,
                   order: Qt.SortOrder | None = None) -> list[int]:
        """Run the search (current filter and sort unless given): matching ids in display order."""
        text = self._search if text is None else text
        column = self._sort_column if column is None else column
        order = self._sort_order if order is None else order
        with self._store.session() as session:
            return contracts.search_ids(
                session, text=text, sort=LIST_COLUMNS[column],
                descending=order == Qt.SortOrder.DescendingOrder, today=self._day(),
                problems_only=self._problems_only,
            )

    def _fetch_block(self, row: int) -> None:
        """Fetch the uncached rows of the aligned block holding ``row`` (one query, one session)."""
        start = row - row % BLOCK_SIZE
        wanted = [i for i in self._ids[start : start + BLOCK_SIZE] if i not in self._cache]
        if len(self._cache) + len(wanted) > MAX_CACHED:
            self._cache.clear()
            wanted = self._ids[start : start + BLOCK_SIZE]
        with self._store.session() as session:
            rows = contracts.list_rows(session, wanted, today=self._day())
        statuses = self._status_names()  # translated once per block, not per row
        for contract_id in wanted:
            found = rows.get(contract_id)
            # A contract deleted since the search stays None, so it is not fetched again.
            self._cache[contract_id] = None if found is None else _CachedRow(found, self._texts(found, statuses))

    def _cached(self, row: int) -> _CachedRow | None:
        contract_id = self._ids[row]
        if contract_id not in self._cache:
            self._fetch_block(row)
        return self._cache.get(contract_id)

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._positions = None
        self._cache.clear()
        self.endResetModel()
        self.countChanged.emit(len(ids))

    # --- public API ------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Show only contracts whose number, title or party names contain every word of ``text``
        (case-insensitive); empty shows all. Resets the model and emits ``countChanged``."""
        text = text.strip()
        if text == self._search:
            return
        # Query first: if it fails, the model still shows the previous search.
        ids = self._query_ids(text=text)
        self._search = text
        self._reset(ids)

    def search_text(self) -> str:
        """The current filter text (stripped)."""
        return self._search

    def set_problems_only(self, on: bool) -> None:
        """Show only the contracts whose checks found errors or warnings (stored
        ``problem_level``, filtered in SQL), or all again. Resets the model and emits ``countChanged``."""
        if on == self._problems_only:
            return
        self._problems_only = on
        self._reset(self._query_ids())

    def problems_only(self) -> bool:
        """True while only contracts with problems are shown."""
        return self._problems_only

    def refresh(self) -> None:
        """Re-run the search after contracts changed (import, save, delete), keeping filter and
        sort. Resets the model (the view restores its current contract) and emits ``countChanged``."""
        self._reset(self._query_ids())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (a ``COL_*``) in SQL. A layout change: selections follow their contracts."""
        if not 0 <= column < COLUMN_COUNT:
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return
        new_ids = self._query_ids(column=column, order=order)
        self._sort_column, self._sort_order = column, order
        if len(new_ids) != len(self._ids):
            # Contracts were added or removed meanwhile: a layout change cannot say that.
            self._reset(new_ids)
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids = new_ids
        self._positions = None
        self._cache.clear()
        persistent = self.persistentIndexList()
        if persistent:
            moved = []
            for index in persistent:
                new_row = self.row_of(old_ids[index.row()])
                moved.append(QModelIndex() if new_row is None else self.index(new_row, index.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        """The column (``COL_*``) the list is sorted by."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        """The current sort order."""
        return self._sort_order

    def contract_id(self, row: int) -> int:
        """The id of the contract shown at ``row``. Raises ``IndexError`` for a row out of range."""
        if not 0 <= row < len(self._ids):
            raise IndexError(f"row {row} out of range 0..{len(self._ids) - 1}")
        return self._ids[row]

    def row_of(self, contract_id: int) -> int | None:
        """The row showing ``contract_id``, or None when the filter hides it (or it is gone)."""
        if self._positions is None:
            # Built on first use only: a dict over 100,000 ids costs a few milliseconds.
            self._positions = {cid: row for row, cid in enumerate(self._ids)}
        return self._positions.get(contract_id)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of matching contracts (no row is fetched)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The seven list columns."""
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated column titles; the Total header is right-aligned like its cells."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if section == COL_TOTAL else _ALIGN_LEFT
        return None

    def data(self, index: QIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display texts, alignment, tool tips (full title; full counterparty in its column),
        ``ContractIdRole``, ``SortRole`` and the checks' icon on the number (DecorationRole).
        Fetches the row's block on first access."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ContractIdRole:
            return self._ids[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if column == COL_TOTAL else _ALIGN_LEFT
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NUMBER:
            return self._problem_icon(row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            return None
        cached = self._cached(row)
        if cached is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cached.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cached.row.counterparty if column == COL_COUNTERPARTY else cached.row.title
        return self._sort_value(cached.row, column)

    def _problem_icon(self, row: int) -> QIcon | None:
        """The checks' icon of a row: critical for errors, warning for warnings only, else none."""
        cached = self._cached(row)
        level = cached.row.problem_level if cached is not None else None
        if not level:
            return None
        if level not in self._icons:
            pixmap = (QStyle.StandardPixmap.SP_MessageBoxCritical if level >= 2
                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._icons[level] = QApplication.style().standardIcon(pixmap)
        return self._icons[level]

    # --- formatting ------------------------------------------------------------------------

    def _headers(self) -> tuple[str, ...]:
        # Literal self.tr calls so that lupdate finds every string.
        return (
            self.tr("Number"), self.tr("Title"), self.tr("Counterparty"), self.tr("Total"),
            self.tr("Term"), self.tr("Status"), self.tr("Next due"),
        )

    def _status_names(self) -> dict[str, str]:
        return {
            "draft": self.tr("Draft"),
            "active": self.tr("Active"),
            "completed": self.tr("Completed"),
            "terminated": self.tr("Terminated"),
        }

    def _texts(self, row: ContractRow, statuses: dict[str, str]) -> tuple[str, ...]:
        return (
            row.contract_no,
            row.title,
            row.counterparty,
            format_money(row.total_amount),
            format_term(row.start_date, row.end_date),
            statuses.get(row.status, row.status),
            row.next_due.isoformat() if row.next_due else "",
        )

    @staticmethod
    def _sort_value(row: ContractRow, column: int) -> Any:
        return (
            row.contract_no, row.title, row.counterparty, row.total_amount,
            row.start_date, row.status, row.next_due,
        )[column]
