"""The deadlines behind the calendar and the agenda: one shared source, a table model, a filter.

``DeadlineSource`` computes every contract's deadlines (``services.calendar.agenda.all_deadlines``) in a
background task (``ui.tasks.run_task``) — 100,000 contracts take about 9 s on a 2-core VM, never
on the GUI thread — and recomputes one contract alone after a mark done or a recorded event.
Terminated contracts, and deadlines done more than ``DONE_DAYS`` ago, are left out. Texts the
services write in both languages (labels, states) follow ``ui.i18n.current_language()``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from services.calendar import agenda
from services.calendar.deadlines import Deadline, kind_text, state_text, waiting_text
from services.calendar.due_counts import DueCounts
from services.calendar.recurrence import recurrence_text
from services.calendar.series import SeriesSummary
from services.store import Store, StoreError
from ui import i18n, settings
from ui.tasks import TaskControl, run_task

Index = QModelIndex | QPersistentModelIndex
ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

#: Colour of each state (calendar marks, agenda text): done grey, upcoming blue, due soon orange,
#: overdue red, waiting purple, estimate teal.
STATE_COLOURS = {"done": "#9e9e9e", "upcoming": "#1e88e5", "due_soon": "#f57c00", "overdue": "#d32f2f",
                 "waiting": "#8e24aa", "estimate": "#00897b"}
#: Deadlines done more than this many days ago are not loaded (a register of 100,000 contracts has
#: hundreds of thousands of them).
DONE_DAYS = 366
#: Which state wins when a day has several (the calendar cell's main colour).
STATE_PRIORITY = ("overdue", "due_soon", "estimate", "upcoming", "waiting", "done")


def language() -> str:
    """``zh`` or ``en``: the language of the texts the services write."""
    return "zh" if i18n.current_language() == "zh_CN" else "en"


class DeadlineSource(QObject):
    """Every contract's deadlines, shared by the calendar and the agenda; ``changed`` after each
    (re)computation. ``today`` is injectable for tests."""

    changed = Signal()

    def __init__(self, store: Store, window: QWidget, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self._today = today
        self.items: list[Deadline] = []
        self.loaded = False
        self.stale = True
        self._running = False
        self._again = False
        self._after: list[Callable[[], None]] = []
        self._stopped = False
        self._again_items = False
        #: Without the items (the docks never shown): contract id → (overdue, due within 7 days).
        self.due_counts: DueCounts | None = None
        self.wanted: Callable[[], bool] = lambda: False  # are the calendar or the agenda on screen

    def today(self) -> dt.date:
        return self._today()

    def refresh(self, after: Callable[[], None] | None = None, *, counts_only: bool = False) -> None:
        """Recompute every deadline in the background; then ``changed`` and ``after()``.

        ``counts_only`` (the start-up notice while the calendar and agenda were never shown): keep only
        each contract's overdue and due-soon counts (``due_counts``), not every deadline — at 100,000
        contracts that is the difference of some 100 MB (issue 18). Once the items are held, they are
        kept current instead."""
        if after is not None:
            self._after.append(after)
        if self._stopped:
            return
        want_items = not counts_only or self.loaded
        if self._running:
            self._again = True
            self._again_items = self._again_items or want_items
            return
        self._running = True
        today, reminder = self.today(), settings.reminder_days()
        if not want_items:
            def count(control: TaskControl) -> DueCounts:
                with self.store.session() as session:
                    return agenda.deadline_counts(session, today=today, reminder_days=reminder,
                                                  cancelled=self._stopping)

            run_task(self.window, self.tr("Computing the deadlines of every contract…"), count, self._counted,
                     self._failed, cancellable=False)
            return

        def work(control: TaskControl) -> list[Deadline]:
            with self.store.session() as session:
                return agenda.all_deadlines(session, today=today, reminder_days=reminder, progress=control.progress,
                                            done_since=today - dt.timedelta(days=DONE_DAYS),
                                            cancelled=self._stopping)

        run_task(self.window, self.tr("Computing the deadlines of every contract…"), work, self._loaded,
                 self._failed, cancellable=False)

    def stop(self) -> None:
        """The window closes: a computation under way stops at its next batch (it must not hold the
        exit, issue 18) and its partial result is dropped; nothing is computed any more."""
        self._stopped = True  # read by the work itself (it may not have started yet)

    def _stopping(self) -> bool:
        """Asked by the work, on the worker thread, before each contract."""
        return self._stopped

    def _again_or_done(self) -> bool:
        """After a computation: False if it was cut short at close or must run again (the store
        changed meanwhile: then it is started again)."""
        self._running = False
        if self._stopped:  # cut short at close: not the whole register
            return False
        if self._again:
            items, self._again, self._again_items = self._again_items, False, False
            self.refresh(counts_only=not items)
            return False
        return True

    def _loaded(self, items: list[Deadline]) -> None:
        if not self._again_or_done():
            return
        self.items, self.loaded, self.stale, self.due_counts = items, True, False, None
        self._done()

    def _counted(self, counts: DueCounts) -> None:
        if not self._again_or_done():
            return
        self.due_counts = counts
        self._done()

    def _done(self) -> None:
        self.changed.emit()
        callbacks, self._after = self._after, []
        for callback in callbacks:
            callback()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._after = []
        if isinstance(error, StoreError):  # a server register out of reach (issue 17): said, tried again later
            self.stale = True
            status = getattr(self.window, "statusBar", None)
            if status is not None:
                status().showMessage(error.message(i18n.current_language()))
            return
        raise error

    def invalidate(self) -> None:
        """The store changed: recompute now if a view shows the deadlines, else when one does."""
        self.stale = True
        if self.wanted():
            self.refresh()

    def ensure(self) -> None:
        """Compute if never computed or stale."""
        if self.stale or not self.loaded:
            self.refresh()

    def refresh_contract(self, contract_id: int) -> None:
        """Recompute one contract's deadlines now (after a mark done or a recorded event)."""
        if not self.loaded and self.due_counts is not None:  # only the counts are held: its counts
            with self.store.session() as session:
                fresh_counts = agenda.deadline_counts(session, today=self.today(),
                                                      reminder_days=settings.reminder_days(),
                                                      contract_ids=[contract_id])
            self.due_counts.replace([contract_id], fresh_counts)
            self.changed.emit()
            return
        with self.store.session() as session:
            fresh = agenda.all_deadlines(session, today=self.today(), reminder_days=settings.reminder_days(),
                                         contract_ids=[contract_id], include_terminated=True,
                                         done_since=self.today() - dt.timedelta(days=DONE_DAYS))
        far = dt.date.max
        merged = [d for d in self.items if d.contract_id != contract_id] + fresh
        merged.sort(key=lambda d: (d.due or far, d.contract_no, d.key))
        self.items = merged
        self.changed.emit()

    def oldest_overdue(self) -> dt.date | None:
        """The due date of the oldest overdue deadline, None when nothing is overdue."""
        return min((d.due for d in self.items if d.state == "overdue" and d.due is not None), default=None)

    def counts(self) -> tuple[int, int]:
        """(overdue, due within 7 days) among the deadlines."""
        if not self.loaded and self.due_counts is not None:
            return self.due_counts.totals()
        states = Counter(d.state for d in self.items)
        return states["overdue"], states["due_soon"]

    def by_day(self) -> dict[dt.date, list[Deadline]]:
        """The dated deadlines by due date."""
        days: dict[dt.date, list[Deadline]] = defaultdict(list)
        for item in self.items:
            if item.due is not None:
                days[item.due].append(item)
        return days


class DeadlineTableModel(QAbstractTableModel):
    """The deadlines as a table: due date, contract, item, kind, responsible, state, details."""

    COLUMNS = ("due", "contract", "item", "kind", "responsible", "state", "details")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Deadline] = []
        self.summaries: list[SeriesSummary | None] = []

    def set_items(self, items: list[Deadline]) -> None:
        self.set_rows([(item, None) for item in items])

    def set_rows(self, rows: list[tuple[Deadline, SeriesSummary | None]]) -> None:
        """Deadlines with, for a routine series shown as one row, its summary
        (``services.calendar.series.group_routine``)."""
        self.beginResetModel()
        self.items = [item for item, _summary in rows]
        self.summaries = [summary for _item, summary in rows]
        self.endResetModel()

    def summary(self, row: int) -> SeriesSummary | None:
        """The series summary of ``row`` (None: a single deadline or occurrence)."""
        return self.summaries[row] if 0 <= row < len(self.summaries) else None

    def series_text(self, summary: SeriesSummary) -> str:
        """"12 open, 3 overdue · done through 2026-03-15" for a series row."""
        text = self.tr("{0} open, {1} overdue").format(summary.open, summary.overdue)
        if summary.done_through is not None:
            text += " · " + self.tr("done through {0}").format(summary.done_through.isoformat())
        return text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Due"), self.tr("Contract"), self.tr("Item"), self.tr("Kind"), self.tr("Responsible"),
                self.tr("State"), self.tr("Details"))[section]

    def details(self, item: Deadline) -> str:
        """Waiting for …, the rule in words, an estimate or a move off a holiday."""
        lang = language()
        parts: list[str] = []
        if item.waiting_for:
            parts.append(waiting_text(item.waiting_for, lang, item.labels))
        rule = item.rule_text(lang)
        if rule:
            parts.append(rule)
        if item.nominal is not None:
            parts.append(self.tr("moved from {0}, not a working day").format(item.nominal.isoformat()))
        if item.estimate:
            parts.append(self.tr("estimated: that year's official schedule is not known yet"))
        if item.done_date is not None:
            parts.append(self.tr("done on {0}").format(item.done_date.isoformat()))
        if item.also:
            parts.append(self.tr("also the milestone “{0}”").format(item.also))
        return "; ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ObjectRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            lang = language()
            if column == "due":
                if role == SortRole:
                    return (item.due or dt.date.max).isoformat()
                return item.due.isoformat() if item.due else self.tr("waiting")
            if column == "contract":
                return item.contract_no
            if column == "item":
                summary = self.summary(index.row())
                if summary is not None:
                    words = recurrence_text(item.recurrence, lang) or ""
                    return f"{item.label(lang)} · {words.split('，')[0].split(', ')[0]}"
                return item.label(lang)
            if column == "kind":
                return kind_text(item.kind, lang)
            if column == "responsible":
                return item.responsible_role or ""
            if column == "state":
                if role == SortRole:
                    return str(STATE_PRIORITY.index(item.state))
                return state_text(item, lang)
            summary = self.summary(index.row())
            if summary is not None:
                return "; ".join(filter(None, [self.series_text(summary), item.rule_text(lang)]))
            return self.details(item)
        if role == Qt.ItemDataRole.ForegroundRole and column in ("due", "state"):
            return QBrush(QColor(STATE_COLOURS[item.state]))
        return None


class DeadlineFilter(QSortFilterProxyModel):
    """Filters the deadlines: a window of dates (``WINDOWS``), a contract number (substring), a
    kind, a responsible party, or one day (the calendar's selected day). Sorts on ``SortRole``."""

    WINDOWS = ("overdue_30", "next_30", "next_90", "overdue", "waiting", "all")

    def __init__(self, parent: QObject | None = None, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._today = today
        self.window = "overdue_30"
        self.contract = ""
        self.kind = ""
        self.responsible = ""
        self.day: dt.date | None = None
        self.setSortRole(SortRole)

    def set_filter(self, **values: object) -> None:
        """Change any of window, contract, kind, responsible, day; refilters."""
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            for name, value in values.items():
                setattr(self, name, value)
            self.endFilterChange()
            return
        for name, value in values.items():
            setattr(self, name, value)
        self.invalidateFilter()

    def accepts(self, item: Deadline) -> bool:
        """The contract, kind and responsible-party filters (not the dates): what the .ics export takes."""
        if self.contract and self.contract.lower() not in item.contract_no.lower():
            return False
        if self.kind and item.kind != self.kind:
            return False
        return not self.responsible or (item.responsible_role or "") == self.responsible

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        item: Deadline = model.items[source_row]  # type: ignore[attr-defined]
        if self.day is not None:
            return item.due == self.day
        if not self.accepts(item):
            return False
        today = self._today()
        if self.window == "all":
            return True
        if self.window == "waiting":
            return item.state == "waiting"
        if self.window == "overdue":
            return item.state == "overdue"
        if item.state in ("done", "waiting") or item.due is None:
            return False
        days = 90 if self.window == "next_90" else 30
        if self.window == "overdue_30" and item.state == "overdue":
            return True
        return today <= item.due <= today + dt.timedelta(days=days)
