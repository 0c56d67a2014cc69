"""The month view: each day marked with its deadlines, coloured by state, and the official
working-day calendar (休 a public holiday, 班 a make-up working day, 估 an estimated year).
Selecting a day lists its deadlines; double-clicking one opens its contract. It opens on today,
with a strip above saying how many deadlines are overdue and a button to the oldest; the day list
follows the month shown (turning the page selects that month's first day, or today in its month).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QDate, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.calendar.deadlines import Deadline
from services.calendar.workdays import WorkingCalendar
from ui.calendar.deadline_models import (
    STATE_COLOURS,
    STATE_PRIORITY,
    DeadlineFilter,
    DeadlineSource,
    DeadlineTableModel,
    ObjectRole,
)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DeadlineCalendar(QCalendarWidget):
    """A ``QCalendarWidget`` whose cells show the deadlines of each day: the count on a badge in the
    most urgent state's colour (over a tint of it), and a dot for each other state present."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[dt.date, Counter[str]] = {}
        self.working = WorkingCalendar()
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(520, 360)

    def set_deadlines(self, by_day: dict[dt.date, list[Deadline]], working: WorkingCalendar) -> None:
        self.counts = {day: Counter(d.state for d in items) for day, items in by_day.items()}
        self.working = working
        self.updateCells()

    def main_state(self, day: dt.date) -> str | None:
        """The most urgent state among ``day``'s deadlines (None without deadlines)."""
        states = self.counts.get(day)
        if not states:
            return None
        return next(state for state in STATE_PRIORITY if states[state])

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = _pydate(date)
        state = self.main_state(day)
        if state is not None:
            tint = QColor(STATE_COLOURS[state])
            tint.setAlpha(40)
            painter.fillRect(rect, tint)
        super().paintCell(painter, rect, date)
        painter.save()
        small = QFont(painter.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        tag, colour = self._day_tag(day)
        if tag:
            painter.setPen(QColor(colour))
            painter.drawText(rect.adjusted(2, 1, -3, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, tag)
        states = self.counts.get(day)
        if states:
            # a badge with the count in the most urgent state's colour, then a dot per other state
            height = max(14, min(22, rect.height() // 3))
            bold = QFont(painter.font())
            bold.setBold(True)
            painter.setFont(bold)
            count = str(sum(states.values()))
            badge = QRect(rect.left() + 3, rect.bottom() - height - 2,
                          painter.fontMetrics().horizontalAdvance(count) + 10, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STATE_COLOURS[state or "upcoming"]))
            painter.drawRoundedRect(badge, height / 2, height / 2)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, count)
            size = height // 2
            x = badge.right() + 4
            painter.setPen(Qt.PenStyle.NoPen)
            for name in STATE_PRIORITY:
                if states[name] and name != state:
                    painter.setBrush(QColor(STATE_COLOURS[name]))
                    painter.drawEllipse(x, badge.center().y() - size // 2, size, size)
                    x += size + 3
        painter.restore()

    def _day_tag(self, day: dt.date) -> tuple[str, str]:
        """休 (public holiday on a weekday), 班 (a worked weekend day), 估 (estimated year's holiday)."""
        working = self.working.is_working_day(day)
        weekend = day.weekday() >= 5
        if not working and not weekend:
            return ("估" if self.working.is_estimate(day) else "休"), "#d32f2f"
        if working and weekend:
            return "班", "#455a64"
        return "", ""


class CalendarPanel(QWidget):
    """The month view over a ``DeadlineSource`` with the selected day's deadlines below;
    ``contractActivated(contract_id)`` on a double-click."""

    contractActivated = Signal(int)

    def __init__(self, source: DeadlineSource, working: WorkingCalendar | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.working = working or WorkingCalendar()
        self.by_day: dict[dt.date, list[Deadline]] = {}
        self.calendar = DeadlineCalendar()
        self._placed = False
        today = source.today()
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self.calendar.selectionChanged.connect(self._day_changed)
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.overdue_strip = QFrame()
        self.overdue_strip.setStyleSheet("QFrame { background: #fdecea; border-radius: 3px; }")
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #b71c1c;")
        self.oldest_button = QPushButton(self.tr("Go to the oldest"))
        self.oldest_button.clicked.connect(self.go_to_oldest)
        strip = QHBoxLayout(self.overdue_strip)
        strip.setContentsMargins(6, 2, 6, 2)
        strip.addWidget(self.overdue_label, 1)
        strip.addWidget(self.oldest_button)
        self.model = DeadlineTableModel(self)
        self.proxy = DeadlineFilter(self, today=source.today)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        # fit the columns to the rows on screen only (a busy day lists hundreds: all of them take 100s of ms)
        self.view.horizontalHeader().setResizeContentsPrecision(0)
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(self._activated)
        self.day_title = QLabel()
        legend = QHBoxLayout()
        texts = {"done": self.tr("done"), "upcoming": self.tr("upcoming"), "due_soon": self.tr("due within 7 days"),
                 "overdue": self.tr("overdue"), "waiting": self.tr("waiting"), "estimate": self.tr("estimate")}
        for state in ("overdue", "due_soon", "upcoming", "estimate", "waiting", "done"):
            mark = QLabel(f"<span style='color:{STATE_COLOURS[state]}'>●</span> {texts[state]}")
            legend.addWidget(mark)
        legend.addWidget(QLabel(self.tr("休 holiday · 班 make-up working day · 估 estimated holiday")))
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overdue_strip)
        layout.addWidget(self.calendar, 3)
        layout.addLayout(legend)
        layout.addWidget(self.day_title)
        layout.addWidget(self.view, 2)
        source.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Show the source's deadlines again (after a (re)computation). The index by date is built
        once here: selecting a day lists that day's deadlines only (not a refilter of them all)."""
        self.by_day = self.source.by_day()
        self.calendar.set_deadlines(self.by_day, self.working)
        if not self._placed and self.source.loaded:  # the first time there are deadlines: today
            self._placed = True
            today = self.source.today()
            self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        overdue, _soon = self.source.counts()
        oldest = self.source.oldest_overdue()
        self.overdue_strip.setVisible(bool(overdue))
        if oldest is not None:
            self.overdue_label.setText(self.tr("⚠ {0} overdue, the oldest due on {1}").format(
                overdue, oldest.isoformat()))
        self._day_changed()

    def go_to_oldest(self) -> None:
        """Show the month of the oldest overdue deadline with its day selected."""
        oldest = self.source.oldest_overdue()
        if oldest is not None:
            self.select_day(oldest)

    def _page_changed(self, year: int, month: int) -> None:
        """The day list follows the month shown: today in today's month, else the 1st."""
        day = self.selected_day()
        if (day.year, day.month) == (year, month):
            return
        today = self.source.today()
        self.select_day(today if (today.year, today.month) == (year, month) else dt.date(year, month, 1))

    def set_working_calendar(self, working: WorkingCalendar) -> None:
        self.working = working
        self.calendar.set_deadlines(self.by_day, working)

    def select_day(self, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._day_changed()

    def selected_day(self) -> dt.date:
        return _pydate(self.calendar.selectedDate())

    def _day_changed(self) -> None:
        day = self.selected_day()
        self.model.set_items(self.by_day.get(day, []))
        self.proxy.set_filter(day=day)
        count = self.proxy.rowCount()
        name = self.working.holiday_name(day)
        extra = f" · {name}" if name else ""
        self.day_title.setText(self.tr("{0}: {1} deadline(s)").format(day.isoformat(), count) + extra)
        self.view.resizeColumnsToContents()

    def items_of_day(self) -> list[Deadline]:
        """The deadlines listed for the selected day."""
        return [self.proxy.index(row, 0).data(ObjectRole) for row in range(self.proxy.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        item: Deadline = index.data(ObjectRole)
        if item is not None and item.contract_id is not None:
            self.contractActivated.emit(item.contract_id)
