"""The contract list's table model: a count and pages of rows from SQL, fetched as painted.

The list never holds every matching id (issue 18: 1,000,000 contracts). A search (or a refresh)
first reads the first screenful of rows (``FIRST_ROWS``) with ``LIMIT``: when it is not full, its
length is the count; the rest of block 0 is read when a row past them is first asked for (a search
that keeps 2 % of a million contracts walks 6× fewer rows to show its first screen);
else the list shows those rows at once and the exact ``COUNT`` (``services.register.listing.count``,
up to a few hundred ms at 1M) is computed on the store's worker thread (``ui.tasks.submit``) and
arrives after them — as rows inserted below the first block, so the view does not jump. A sort keeps
the count. ``data()`` turns a row number into its aligned block of ``BLOCK_SIZE`` rows and fetches
that block in one query in a short session, into a cache keyed by block; a block next to a cached
one is read after (or before) that block's edge contract, a block in the second half from the end
(``listing.page``'s hints: no long ``OFFSET``). Restoring the current contract after a refresh or a
sort asks for its position (``listing.position``: a ``COUNT`` of the rows before it) unless a cached
block holds it.
"""

from __future__ import annotations

import datetime as dt
import logging
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from sqlalchemy.exc import DBAPIError

from services.register import list_status, listing
from services.register.contracts import LIST_COLUMNS, ContractRow
from services.store import Store, StoreError, data_version
from ui import tasks
from ui.contracts.list_rows import CachedRow, RowIcons, headers, row_texts, sort_value, status_names, tool_tip
from ui.contracts.list_table import (  # the columns, shared with the early window (re-exported)
    COL_COUNTERPARTY as COL_COUNTERPARTY,
)
from ui.contracts.list_table import (
    COL_NEXT_DUE as COL_NEXT_DUE,
)
from ui.contracts.list_table import (
    COL_NUMBER as COL_NUMBER,
)
from ui.contracts.list_table import (
    COL_STATUS as COL_STATUS,
)
from ui.contracts.list_table import (
    COL_TERM as COL_TERM,
)
from ui.contracts.list_table import (
    COL_TITLE as COL_TITLE,
)
from ui.contracts.list_table import (
    COL_TOTAL as COL_TOTAL,
)
from ui.contracts.list_table import (
    COLUMN_COUNT as COLUMN_COUNT,
)

_log = logging.getLogger(__name__)


#: The contract id of a row (int).
ContractIdRole = Qt.ItemDataRole.UserRole + 1
#: The raw value a column sorts by: str, Decimal yuan, datetime.date, status code, or None.
SortRole = Qt.ItemDataRole.UserRole + 2

#: Rows fetched per query: a few screenfuls, so scrolling costs one query per ~256 rows.
BLOCK_SIZE = 256
#: Rows read first after a search or refresh: a tall screenful (the window at 1200×720 shows ~25).
FIRST_ROWS = 40
#: Cached blocks kept at most; beyond that the cache starts afresh (bounds memory when the
#: user drags the scroll bar through 100,000 rows).
MAX_BLOCKS = 16

#: The roles ``data`` answers, by their int values: a dict lookup instead of a comparison with each
#: Qt enum member (~0.8 µs each; 40 painted rows ask ~2,000 times, ~10 ms on the busy 2-core VM).
_DISPLAY, _TOOLTIP, _SORT, _ID, _ALIGNMENT, _DECORATION = range(6)
_ROLE_KINDS = {int(Qt.ItemDataRole.DisplayRole): _DISPLAY, int(Qt.ItemDataRole.ToolTipRole): _TOOLTIP,
               int(SortRole): _SORT, int(ContractIdRole): _ID,
               int(Qt.ItemDataRole.TextAlignmentRole): _ALIGNMENT, int(Qt.ItemDataRole.DecorationRole): _DECORATION}
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

QIndex = QModelIndex | QPersistentModelIndex


def _log_failure(future: Future[bool]) -> None:
    """The sample's walk failed (the store closed meanwhile): the list goes on with ``OFFSET``."""
    error = future.exception()
    if error is not None:
        _log.warning("the list's sample failed: %s", error)


class ContractListModel(QAbstractTableModel):
    """Contracts of a store, filtered and sorted in SQL, rows loaded a block at a time.

    ``today`` fixes the date used to derive statuses (draft/active/completed) and is meant
    for tests; None means the current date at each query.
    Signals: ``countChanged(int)`` — the number of rows after a search or refresh, once it is
    exact; ``countPending(int)`` — the first rows are shown, more than this many, the count follows.
    """

    countChanged = Signal(int)
    countPending = Signal(int)

    def __init__(self, store: Store, today: dt.date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._search = ""
        self._sort_column = COL_NUMBER
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._blocks: dict[int, list[CachedRow]] = {}
        self._first_only = False  # block 0 holds only the first FIRST_ROWS rows of a longer list
        self._problems_only = False
        self._unsigned_only = False
        self._icons = RowIcons()
        self._status_day = dt.date.today()  # the store moved its stored status to today when it opened
        self._count = 0
        self._counting: tuple[int, Future[int]] | None = None  # (generation, the exact count on its way)
        self._generation = 0
        self._count_timer = QTimer(self)
        self._count_timer.setInterval(15)
        self._count_timer.timeout.connect(self._poll_count)
        self._sample_token = object()  # replaced when the order or filter changes: a walk under way stops
        self._sampling: Future[bool] | None = None
        first = self._first_block(self._query())
        self._count = self._start_count(self._query(), first)
        self._blocks[0] = first
        self._first_only = len(first) == FIRST_ROWS
        self._want_sample()

    # --- queries ---------------------------------------------------------------------------

    def _day(self) -> dt.date:
        if self._today is not None:
            return self._today
        day = dt.date.today()
        if day != self._status_day:
            self._status_day = day
            self._move_status(day)
        return day

    def _move_status(self, day: dt.date) -> None:
        """The date changed while the list was open: move the stored status to ``day`` (the few
        contracts ending meanwhile). If the store cannot be written now, the list derives it."""
        if self._store.read_only:
            return
        try:
            with self._store.session(write=True) as session:
                list_status.refresh(session, day)
        except (DBAPIError, StoreError):
            return

    def _query(self, text: str | None = None, column: int | None = None,
               order: Qt.SortOrder | None = None) -> listing.ListQuery:
        """The current filter and sort, or the given ones."""
        column = self._sort_column if column is None else column
        order = self._sort_order if order is None else order
        return listing.ListQuery(
            text=self._search if text is None else text, sort=LIST_COLUMNS[column],
            descending=order == Qt.SortOrder.DescendingOrder, problems_only=self._problems_only,
            today=self._day(), unsigned_only=self._unsigned_only,
        )

    def _query_count(self, query: listing.ListQuery) -> int:
        with self._store.session() as session:
            return listing.count(session, query)

    def _first_block(self, query: listing.ListQuery) -> list[CachedRow]:
        """The first ``FIRST_ROWS`` rows of ``query`` (``LIMIT``; no count needed). A sample of the
        previous order under way on the worker stops first: at 1M its walk (~1 s) took the CPU from a
        keystroke's rows (a city typed with the list sorted by title: 62–69 → 106–128 ms)."""
        self._sample_token = object()
        with self._store.session() as session:
            rows = listing.page(session, query, 0, FIRST_ROWS)
        statuses = status_names()
        return [CachedRow(row, row_texts(row, statuses)) for row in rows]

    def _start_count(self, query: listing.ListQuery, first: list[CachedRow]) -> int:
        """The rows to show now for ``query`` whose first block is ``first``: its length when it is not
        full (the exact count); else that many, and the exact count is asked of the worker."""
        self._generation += 1
        self._sample_token = object()
        self._counting = None
        self._count_timer.stop()
        if len(first) < FIRST_ROWS:
            return len(first)
        future = tasks.submit(lambda: self._query_count(query))
        if future.done() and future.exception() is None:  # synchronous (tests): exact at once
            return int(future.result())
        self._counting = (self._generation, future)
        self._count_timer.start()
        return len(first)

    def _poll_count(self) -> None:
        """The exact count arrived: rows inserted (or removed) below those shown; ``countChanged``."""
        if self._counting is None:
            self._count_timer.stop()
            return
        generation, future = self._counting
        if not future.done():
            return
        self._counting = None
        self._count_timer.stop()
        if generation != self._generation:
            return
        error = future.exception()
        if error is not None:  # the store went away meanwhile: keep the rows shown
            _log.warning("the list's count failed: %s", error)
            self.countChanged.emit(self._count)
            return
        count = int(future.result())
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self.countChanged.emit(count)
        self._want_sample()

    def _version(self) -> int:
        """The store's change counter (``services.store.data_version``; asked only of an SQLite file)."""
        return data_version(self._store)

    def _want_sample(self) -> None:
        """Ask the worker for the sample of the current order (``listing.sample``) when the list is long
        and unfiltered: a far jump then seeks instead of a long ``OFFSET``. The GUI thread never waits
        for it; a change of order or filter stops a walk under way (``_sample_token``)."""
        query = self._query()
        if self._counting is not None or not listing.sample_wanted(query, self._count):
            return
        token = self._sample_token

        def take() -> bool:
            with self._store.session() as session:
                return listing.sample(session, query, version=self._version,
                                      cancelled=lambda: self._sample_token is not token)

        self._sampling = tasks.submit(take)
        self._sampling.add_done_callback(_log_failure)

    def sampling(self) -> bool:
        """True while the sample of the order is being taken on the worker (the bench waits for it)."""
        return self._sampling is not None and not self._sampling.done()

    def counting(self) -> bool:
        """True while the exact count is on its way (the first block's rows are shown)."""
        return self._counting is not None

    def _block(self, number: int) -> list[CachedRow]:
        """Block ``number`` (rows ``number * BLOCK_SIZE`` …), fetched on first use (one query): after
        the previous block's last contract or before the next block's first when one is cached."""
        block = self._blocks.get(number)
        if block is None:
            if len(self._blocks) >= MAX_BLOCKS:
                self._clear_blocks()
            previous, following = self._blocks.get(number - 1), self._blocks.get(number + 1)
            after = before = None
            if previous is not None and len(previous) == BLOCK_SIZE:
                after = previous[-1].row.id
            elif following:
                before = following[0].row.id
            with self._store.session() as session:
                rows = listing.page(session, self._query(), number * BLOCK_SIZE, BLOCK_SIZE, total=self._count,
                                    after=after, before=before, version=self._version)
            statuses = status_names()  # translated once per block, not per row
            block = self._blocks[number] = [CachedRow(row, row_texts(row, statuses)) for row in rows]
        return block

    def _rest_of_first(self) -> None:
        """Block 0 held only the first screenful: read the rest of it, after its last contract."""
        block = self._blocks[0]
        self._first_only = False
        with self._store.session() as session:
            rows = listing.page(session, self._query(), len(block), BLOCK_SIZE - len(block), after=block[-1].row.id)
        statuses = status_names()
        block.extend(CachedRow(row, row_texts(row, statuses)) for row in rows)

    def _clear_blocks(self) -> None:
        self._blocks.clear()
        self._first_only = False

    def _cached(self, row: int) -> CachedRow | None:
        """The row at ``row``; None when contracts were removed since the count (a refresh follows)."""
        block = self._block(row // BLOCK_SIZE)
        offset = row % BLOCK_SIZE
        if offset >= len(block) and row < BLOCK_SIZE and self._first_only:
            self._rest_of_first()
        return block[offset] if offset < len(block) else None

    def _reset(self, query: listing.ListQuery, first: list[CachedRow] | None = None,
               apply: tuple[str, ...] = ()) -> None:
        """Show ``query`` from its first block (read here unless given): the count now when known,
        else ``countPending`` and the exact count later. ``apply`` are the attributes to set from
        ``query`` (``_search``) once its rows are read (if reading fails, nothing changed)."""
        if first is None:
            first = self._first_block(query)
        self.beginResetModel()
        if "text" in apply:
            self._search = query.text
        self._count = self._start_count(query, first)
        self._clear_blocks()
        self._blocks[0] = first
        self._first_only = len(first) == FIRST_ROWS
        self.endResetModel()
        if self._counting is None:
            self.countChanged.emit(self._count)
        else:
            self.countPending.emit(self._count)
        self._want_sample()

    # --- public API ------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Show only contracts whose number, title or party names contain every word of ``text``
        (case-insensitive); empty shows all. Resets the model and emits ``countChanged``."""
        text = text.strip()
        if text == self._search:
            return
        # Query first: if it fails, the model still shows the previous search.
        query = self._query(text=text)
        self._reset(query, self._first_block(query), apply=("text",))

    def search_text(self) -> str:
        """The current filter text (stripped)."""
        return self._search

    def set_problems_only(self, on: bool) -> None:
        """Show only the contracts whose checks found errors or warnings (stored
        ``problem_level``, filtered in SQL), or all again. Resets the model and emits ``countChanged``."""
        if on == self._problems_only:
            return
        self._problems_only = on
        self._reset(self._query())

    def set_unsigned_only(self, on: bool) -> None:
        """Show only the contracts without a signed copy yet (issue 16), or all again."""
        if on != self._unsigned_only:
            self._unsigned_only = on
            self._reset(self._query())

    def problems_only(self) -> bool:
        """True while only contracts with problems are shown."""
        return self._problems_only

    def refresh(self) -> None:
        """Re-run the search after contracts changed (import, save, delete), keeping filter and
        sort. Resets the model (the view restores its current contract) and emits ``countChanged``."""
        self._reset(self._query())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (a ``COL_*``) in SQL. A layout change: selections follow their contracts."""
        if not 0 <= column < COLUMN_COUNT:
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return
        # The count does not depend on the order (contracts added or removed meanwhile are announced
        # by the store's change notification, which refreshes the list).
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        followed = {index.row(): self._id_at(index.row()) for index in persistent}
        self._sort_column, self._sort_order = column, order
        self._sample_token = object()
        self._clear_blocks()
        if persistent:
            new_rows = {row: None if cid is None else self.row_of(cid) for row, cid in followed.items()}
            moved = []
            for index in persistent:
                new_row = new_rows[index.row()]
                moved.append(QModelIndex() if new_row is None else self.index(new_row, index.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
        self._want_sample()

    def sort_column(self) -> int:
        """The column (``COL_*``) the list is sorted by."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        """The current sort order."""
        return self._sort_order

    def _id_at(self, row: int) -> int | None:
        cached = self._cached(row) if 0 <= row < self._count else None
        return None if cached is None else cached.row.id

    def contract_id(self, row: int) -> int:
        """The id of the contract shown at ``row``. Raises ``IndexError`` for a row out of range
        (or one removed since the last count)."""
        found = self._id_at(row)
        if found is None:
            raise IndexError(f"row {row} out of range 0..{self._count - 1}")
        return found

    def row_of(self, contract_id: int) -> int | None:
        """The row showing ``contract_id``, or None when the filter hides it (or it is gone)."""
        for number, block in self._blocks.items():
            for offset, cached in enumerate(block):
                if cached.row.id == contract_id:
                    return number * BLOCK_SIZE + offset
        with self._store.session() as session:
            return listing.position(session, self._query(), contract_id)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of matching contracts (no row is fetched)."""
        return 0 if parent.isValid() else self._count

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
            return headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if section == COL_TOTAL else _ALIGN_LEFT
        return None

    def data(self, index: QIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display texts, alignment, tool tips (full title; full counterparty in its column),
        ``ContractIdRole``, ``SortRole`` and the checks' icon on the number (DecorationRole).
        Fetches the row's block on first access."""
        kind = _ROLE_KINDS.get(role)  # an int key: a role is an IntEnum from Qt, an int from tests
        if kind is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if kind == _ALIGNMENT:
            return _ALIGN_RIGHT if column == COL_TOTAL else _ALIGN_LEFT
        if kind == _ID:
            return self._id_at(row)
        if kind == _DECORATION:
            if column == COL_NUMBER:
                return self._icons.problem(self._row(row))
            return self._icons.signed(self._row(row)) if column == COL_TITLE else None
        cached = self._cached(row)
        if cached is None:
            return None
        if kind == _DISPLAY:
            return cached.texts[column]
        if kind == _TOOLTIP:
            return tool_tip(cached.row, column)
        return sort_value(cached.row, column)

    def _row(self, row: int) -> ContractRow | None:
        """The contract at ``row``, or None (see ``_cached``)."""
        cached = self._cached(row)
        return None if cached is None else cached.row
