"""Small dialogs of the milestone calendar: pick a date, record an event, edit the working-day schedule.

Each saves in one transaction. They are opened non-modally (``open()``/``show()``) by the window,
so tests fill their fields and call ``accept()``; ``DateDialog`` is what ``DialogService.ask_date``
shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from services.calendar import agenda
from services.calendar.deadlines import Deadline
from services.calendar.due_text import default_label, event_text
from services.calendar.holidays import (
    HolidayFileError,
    HolidayRow,
    load_holidays,
    read_holiday_file,
    save_holidays,
    write_holiday_csv,
)
from services.changes import ChangeKind, Changes
from services.errors import UserError
from services.ledger import values
from services.register import contracts as contract_service
from services.register.contract_data import ContractData
from services.register.events import event_labels
from ui.calendar.deadline_models import language
from ui.context import AppContext
from ui.error_text import error_text
from ui.tasks import TaskControl

Index = QModelIndex | QPersistentModelIndex


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateDialog(QDialog):
    """One date, with a calendar popup."""

    def __init__(self, title: str, label: str, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edit = QDateEdit(_qdate(default))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(label, self.edit)
        layout.addRow(buttons)

    def value(self) -> dt.date:
        return _pydate(self.edit.date())


def referenced_events(data: ContractData) -> list[str]:
    """The recorded-kind events (``acceptance``, ``invoice``, ``budget``, ``event:NAME``) the
    contract's rules count from, in first-use order."""
    found: list[str] = []
    for item in [*data.installments, *data.milestones, *data.bonds]:
        for code in (item.due_after or "").split("+"):
            code = code.strip()
            if code and code not in agenda.OWN_EVENTS and code not in found:
                found.append(code)
    if data.bonds and "acceptance" not in found:
        found.append("acceptance")  # bonds are returned on the acceptance
    return found


class RecordEventDialog(QDialog):
    """Record the date of an event of one contract (验收合格, 收到发票, 预算批复 or any named event),
    or remove it (empty date), through the context's one writer (which announces the change)."""

    def __init__(self, context: AppContext, contract_id: int, parent: QWidget | None = None, *,
                 event: str | None = None, today: dt.date | None = None,
                 show_error: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.context, self.contract_id = context, contract_id
        store = context.store
        self._show_error = show_error or (lambda text: self.error.setText(text))
        with store.session() as session:
            data = contract_service.load(session, contract_id)
            self.known = agenda.recorded_events(session, contract_id)
        self.setWindowTitle(self.tr("Record event — {0}").format(data.contract_no))
        self.event = QComboBox()
        self.event.setEditable(True)
        labels = event_labels(data.events)
        codes = list(dict.fromkeys([*agenda.RECORDED_EVENTS, *referenced_events(data),
                                    *(e.event for e in data.events), *self.known]))
        lang = language()
        for code in codes:
            when = self.known.get(code)
            # by its label (2027年预算批复); an unlabelled named event by a readable default, never its code
            text = event_text(code, lang, labels)
            self.event.addItem(f"{text} ({when.isoformat()})" if when else text, code)
        if event is not None:
            position = self.event.findData(event)
            self.event.setCurrentIndex(position if position >= 0 else 0)
        self.date = QLineEdit((today or dt.date.today()).isoformat())
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD; empty removes the event"))
        self.note = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        hint = QLabel(self.tr("Rules that count from this event become due once it has a date. A new name "
                              "records a named event (event:NAME)."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Event"), self.event)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(hint)
        form.addRow(self.error)
        form.addRow(buttons)

    def code(self) -> str:
        """The chosen event's code (a typed name becomes ``event:NAME``)."""
        index = self.event.currentIndex()
        if index >= 0 and self.event.currentText() == self.event.itemText(index):
            return str(self.event.itemData(index))
        return agenda.event_code(self.event.currentText())

    def accept(self) -> None:
        """Save the event in one transaction; stays open with the reason if it cannot."""
        try:
            code = self.code()
            text = self.date.text().strip()
            day = values.parse_date(text) if text else None
        except ValueError as exc:
            self._show_error(error_text(exc))
            return
        contract_id, note = self.contract_id, self.note.text().strip() or None
        # a named event new to the contract is called as typed (a code-like name: its readable default)
        typed = self.event.currentText().strip().removeprefix("event:").strip()
        label = (default_label(code) if "_" in typed else typed) if self.event.findData(code) < 0 else None

        def work(session: Session, _control: TaskControl) -> tuple[None, Changes]:
            agenda.record_event(session, contract_id, code, day, note, label=label)
            return None, Changes.of(ChangeKind.DEADLINES, ChangeKind.CONTRACTS, ids=[contract_id])

        def failed(error: BaseException) -> None:  # the contract gone meanwhile: said in the dialog, nothing written
            if not isinstance(error, UserError):
                raise error
            self._show_error(error_text(error))

        self.context.write(self.tr("Recording the event…"), work, lambda _none: QDialog.accept(self), failed)


class HolidayTableModel(QAbstractTableModel):
    """Editable rows of the schedule: date (typed), working day (a check box), name."""

    def __init__(self, rows: list[HolidayRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[list[Any]] = [[row.day, row.is_working_day, row.name or ""] for row in rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Date"), self.tr("Working day (调休)"), self.tr("Name"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if index.column() == 1:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("working day") if value else self.tr("holiday")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value.isoformat() if isinstance(value, dt.date) else (value or "")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        if index.column() == 1 and role == Qt.ItemDataRole.CheckStateRole:
            row[1] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == 0 and role == Qt.ItemDataRole.EditRole:
            try:
                row[0] = values.parse_date(str(value)) if str(value).strip() else None
            except ValueError:
                return False
        elif index.column() == 2 and role == Qt.ItemDataRole.EditRole:
            row[2] = str(value).strip()
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def insert(self, row: int, day: dt.date | None = None) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, [day, False, ""])
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def replace(self, rows: list[HolidayRow]) -> None:
        self.beginResetModel()
        self.rows = [[row.day, row.is_working_day, row.name or ""] for row in rows]
        self.endResetModel()

    def holiday_rows(self) -> tuple[list[HolidayRow], list[str]]:
        """(rows, problems): every row needs a date, each date once."""
        problems: list[str] = []
        seen: dict[dt.date, int] = {}
        rows: list[HolidayRow] = []
        for number, (day, working, name) in enumerate(self.rows, start=1):
            if day is None:
                problems.append(self.tr("Row {0}: a date is needed").format(number))
            elif day in seen:
                problems.append(self.tr("Row {0}: {1} is also on row {2}").format(number, day.isoformat(), seen[day]))
            else:
                seen[day] = number
                rows.append(HolidayRow(day, bool(working), name or None))
        return sorted(rows, key=lambda r: r.day), problems


class HolidayScheduleDialog(QDialog):
    """Settings → Working-day schedule: the holiday table, editable and importable from CSV.
    Saving replaces the table and re-dates every contract's next due date, in one transaction
    through the context's writer (announced as a holiday change). The context's dialogs ask for
    files and show errors (a fake in tests)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.store, self.dialogs = context, context.store, context.dialogs
        store = self.store
        self.setWindowTitle(self.tr("Working-day schedule"))
        with store.session() as session:
            rows = load_holidays(session)
        self.model = HolidayTableModel(rows, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 120)
        self.view.setColumnWidth(1, 160)
        help_text = QLabel(self.tr(
            "Enter the State Council's notice for a year the built-in calendar does not know yet (it knows "
            "2004–2026): every public holiday, and every weekend day that is worked (调休, tick “Working day”). "
            "These days take precedence over the built-in calendar; dates of that year are then firm, no longer "
            "estimates. Import a CSV with the columns date, is_working_day, name (or 日期, 是否工作日, 名称)."))
        help_text.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons_row = QHBoxLayout()
        for text, slot in ((self.tr("Insert row"), self.insert_row), (self.tr("Delete row"), self.delete_row),
                           (self.tr("Import CSV…"), self.import_csv), (self.tr("Export CSV…"), self.export_csv)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(buttons_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def insert_row(self) -> None:
        current = self.view.currentIndex()
        self.model.insert(current.row() + 1 if current.isValid() else self.model.rowCount())

    def delete_row(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.remove(current.row())

    def import_csv(self) -> None:
        """Replace the rows shown with those of a CSV file (saved only with Save)."""
        path = self.dialogs.holiday_csv_to_open()
        if path is None:
            return
        try:
            rows, warnings = read_holiday_file(path)
        except HolidayFileError as exc:
            self.dialogs.error(self.tr("Schedule rejected"),
                               self.tr("Nothing was imported: the file has {0} problem(s).").format(len(exc.problems))
                               + "\n\n" + "\n".join(exc.problems[:12]), "\n".join(exc.problems))
            return
        self.model.replace(rows)
        self.error.setText("\n".join(warnings))

    def export_csv(self) -> None:
        path = self.dialogs.holiday_csv_to_save()
        if path is None:
            return
        rows, problems = self.model.holiday_rows()
        try:
            write_holiday_csv(rows, path)
        except OSError as exc:
            self.dialogs.error(self.tr("Export failed"), error_text(exc))
        self.error.setText("\n".join(problems))

    def accept(self) -> None:
        """Save the table (refused with the reasons while a row lacks a date or repeats one)."""
        rows, problems = self.model.holiday_rows()
        if problems:
            self.error.setText("\n".join(problems))
            return

        def work(session: Session, _control: TaskControl) -> tuple[int, Changes]:
            save_holidays(session, rows)
            return agenda.refresh_next_due(session), Changes.of(ChangeKind.HOLIDAYS, ChangeKind.CONTRACTS,
                                                               ChangeKind.DEADLINES)

        def done(_changed: int) -> None:
            QDialog.accept(self)

        def failed(error: BaseException) -> None:
            self.dialogs.error(self.tr("Working-day schedule"), error_text(error) if isinstance(error, Exception)
                               else str(error))

        self.context.write(self.tr("Saving the schedule…"), work, done, failed)


def mark_done_label(item: Deadline) -> str:
    """What marking ``item`` done records, for the undo stack's text."""
    return f"{item.contract_no} {item.label(language())}"
