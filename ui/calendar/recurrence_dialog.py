"""Repeats… — the common shapes of a recurring obligation without typing RRULE (issue 13).

Every N days, weeks, months or years; a month's day D, its last day or its Nth working day; a
week's day; N times or until the end of the term. The RRULE (``services.calendar.recurrence.shape_rule``)
stays visible below and may be typed for the rare rule the shapes cannot say; the rule in words and
its first dates over the term (moved off rest days as the deadlines are) show as you choose.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.calendar.recurrence import Shape, expand, recurrence_text, shape_of, shape_rule
from services.calendar.workdays import WorkingCalendar
from services.ledger.read import _parse_rrule
from ui.calendar.deadline_models import language
from ui.error_text import error_text

__all__ = ["RecurrenceDialog"]

_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
#: How many dates the preview lists.
PREVIEW = 6


class RecurrenceDialog(QDialog):
    """Choose a recurrence; ``rule()`` is the RRULE (empty: does not repeat). ``start``/``end``: the
    service term, for the preview; ``working``: the working-day calendar the preview moves dates on."""

    def __init__(self, rule: str | None, parent: QWidget | None = None, *, start: dt.date | None = None,
                 end: dt.date | None = None, working: WorkingCalendar | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Repeats"))
        self.start, self.end = start, end
        self.working = working or WorkingCalendar()
        self._updating = False
        self.freq = QComboBox()
        for code, text in zip(_FREQS, (self.tr("day(s)"), self.tr("week(s)"), self.tr("month(s)"),
                                       self.tr("year(s)")), strict=True):
            self.freq.addItem(text, code)
        self.interval = QSpinBox()
        self.interval.setRange(1, 99)
        every = QHBoxLayout()
        every.addWidget(QLabel(self.tr("Every")))
        every.addWidget(self.interval)
        every.addWidget(self.freq)
        every.addStretch(1)
        self.weekday = QComboBox()
        for text in (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                     self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")):
            self.weekday.addItem(text)
        self.on_day, self.on_last, self.on_working = (QRadioButton(self.tr("on day")),
                                                      QRadioButton(self.tr("on the last day")),
                                                      QRadioButton(self.tr("on working day no.")))
        self.day, self.working_day = QSpinBox(), QSpinBox()
        self.day.setRange(1, 31)
        self.working_day.setRange(1, 23)
        self.day_group = QButtonGroup(self)
        month = QHBoxLayout()
        for button, spin in ((self.on_day, self.day), (self.on_last, None), (self.on_working, self.working_day)):
            self.day_group.addButton(button)
            month.addWidget(button)
            if spin is not None:
                month.addWidget(spin)
        month.addStretch(1)
        month.setContentsMargins(0, 0, 0, 0)
        self.month_row = QWidget()
        self.month_row.setLayout(month)
        self.to_end, self.times = QRadioButton(self.tr("until the end of the term")), QRadioButton(self.tr("times:"))
        self.count = QSpinBox()
        self.count.setRange(1, 999)
        self.end_group = QButtonGroup(self)
        ends = QHBoxLayout()
        for button in (self.to_end, self.times):
            self.end_group.addButton(button)
            ends.addWidget(button)
        ends.addWidget(self.count)
        ends.addStretch(1)
        self.rrule = QLineEdit()
        self.rrule.setPlaceholderText("FREQ=MONTHLY;BYMONTHDAY=5")
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("color: #555;")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Repeats"), every)
        form.addRow(self.tr("Weekday"), self.weekday)
        form.addRow(self.tr("Day of the month"), self.month_row)
        form.addRow(self.tr("Ends"), ends)
        form.addRow(self.tr("RRULE (for rules the shapes cannot say)"), self.rrule)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.words)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show(rule or "FREQ=MONTHLY;BYMONTHDAY=5")
        for signal in (self.freq.currentIndexChanged, self.interval.valueChanged, self.weekday.currentIndexChanged,
                       self.day.valueChanged, self.working_day.valueChanged, self.count.valueChanged,
                       self.day_group.buttonToggled, self.end_group.buttonToggled):
            signal.connect(self._from_shape)
        self.rrule.textEdited.connect(self._from_text)

    def rule(self) -> str:
        """The RRULE chosen (as typed when no shape says it)."""
        return self.rrule.text().strip()

    def shape(self) -> Shape:
        """The shape the controls show."""
        freq = self.freq.currentData()
        count = self.count.value() if self.times.isChecked() else None
        if freq == "WEEKLY":
            return Shape(freq, self.interval.value(), weekday=self.weekday.currentIndex(), count=count)
        if freq == "MONTHLY":
            if self.on_working.isChecked():
                return Shape(freq, self.interval.value(), working_day=self.working_day.value(), count=count)
            return Shape(freq, self.interval.value(), day=-1 if self.on_last.isChecked() else self.day.value(),
                         count=count)
        return Shape(freq, self.interval.value(), count=count)

    def _show(self, rule: str) -> None:
        """Put ``rule`` in the controls (its shape, if it has one) and the RRULE line."""
        self._updating = True
        shape = shape_of(rule)
        if shape is not None:
            self.freq.setCurrentIndex(_FREQS.index(shape.freq))
            self.interval.setValue(shape.interval)
            self.weekday.setCurrentIndex(shape.weekday or 0)
            self.on_working.setChecked(shape.working_day is not None)
            self.on_last.setChecked(shape.day == -1)
            self.on_day.setChecked(shape.working_day is None and shape.day != -1)
            self.day.setValue(shape.day if shape.day and shape.day > 0 else 5)
            self.working_day.setValue(shape.working_day or 1)
            self.times.setChecked(shape.count is not None)
            self.to_end.setChecked(shape.count is None)
            self.count.setValue(shape.count or 4)
        self.rrule.setText(rule)
        self._updating = False
        self._refresh()

    def _from_shape(self, *_args: object) -> None:
        if self._updating:
            return
        self.rrule.setText(shape_rule(self.shape()))
        self._refresh()

    def _from_text(self, _text: str) -> None:
        self._refresh()

    def _refresh(self) -> None:
        freq = self.freq.currentData()
        self.weekday.setEnabled(freq == "WEEKLY")
        self.month_row.setEnabled(freq == "MONTHLY")
        rule = self.rule()
        try:
            _parse_rrule(rule)
        except ValueError as exc:
            self.error.setText(error_text(exc))
            self.words.clear()
            self.preview.clear()
            return
        self.error.clear()
        self.words.setText(recurrence_text(rule, language()) or "")
        start = self.start or dt.date.today()
        dates = expand(rule, start, self.working, term_start=start, term_end=self.end, today=start) or []
        shown = ", ".join(o.due.isoformat() for o in dates[:PREVIEW])
        more = self.tr(" … {0} in all").format(len(dates)) if len(dates) > PREVIEW else ""
        self.preview.setText(self.tr("Dates over the term: {0}").format(shown + more) if dates else "")

    def accept(self) -> None:
        """Close with the rule unless it does not parse (then say why and stay)."""
        try:
            _parse_rrule(self.rule())
        except ValueError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.rrule.hasFocus():
            self._refresh()
            return
        super().keyPressEvent(event)


def edit_recurrence(model: object, row: int, parent: QWidget, *, start: dt.date | None,
                    end: dt.date | None) -> RecurrenceDialog | None:
    """Open Repeats… on milestone ``row`` of the editor's milestones ``model`` (a ``RecordTableModel``);
    OK writes the rule into its recurrence cell (one undoable edit). None when no row is chosen."""
    records = getattr(model, "records", [])
    if not 0 <= row < len(records):
        return None
    column = next(i for i, c in enumerate(model.columns) if c.field == "recurrence")  # type: ignore[attr-defined]
    dialog = RecurrenceDialog(records[row].recurrence, parent, start=start, end=end)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: model.setData(model.index(row, column), dialog.rule()))  # type: ignore[attr-defined]
    dialog.open()
    return dialog
