"""A small editable table over a list of dataclass records (parties, installments, articles).

Each column names a field and a kind; edits are parsed with ``services.ledger.values`` and pushed
on a ``QUndoStack`` so Ctrl+Z undoes them like line-item edits. A value that does not parse
is refused (``invalidInput`` says why) and the record keeps its old value.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from services.errors import InputError, define
from services.ledger import values
from ui.error_text import error_text
from ui.formatting import format_money

NOT_A_CHOICE = define("EDITOR_NOT_A_CHOICE", "应为以下之一：{choices}：“{text}”", "one of {choices}: {text!r}")

Index = QModelIndex | QPersistentModelIndex
ObjectRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FieldColumn:
    """A column: record ``field``, translated ``header``, value ``kind`` (text, money, percent,
    date, int, role, choice, flag — a check box over a bool field), and for ``choice`` the allowed ``choices``."""

    field: str
    header: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    #: How a stored value reads on screen when it is a code (``working_days`` → 工作日); editing shows the code.
    words: Callable[[object], str] | None = None
    #: Shown, greyed and never edited here (derived elsewhere); ``tip`` says where it comes from.
    read_only: bool = False
    tip: str = ""


def _parse(kind: str, text: str, choices: tuple[str, ...]) -> object:
    text = text.strip()
    if not text:
        return None
    if kind == "money":
        return values.parse_money_amount(text)[0]
    if kind == "percent":
        return values.parse_percent(text)
    if kind == "date":
        return values.parse_date(text)
    if kind == "int":
        return values.parse_int(text)
    if kind == "role":
        return values.parse_role(text)
    if kind == "choice" and text not in choices:
        raise InputError(NOT_A_CHOICE, choices=", ".join(choices), text=text[:60])
    return text


def display(kind: str, value: object) -> str:
    """How a value of ``kind`` reads in a table cell."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, Decimal):
        return values.format_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class _SetCell(QUndoCommand):
    def __init__(self, model: RecordTableModel, row: int, column: int, value: object) -> None:
        super().__init__(
            QCoreApplication.translate("RecordTableModel", "Edit {0}").format(model.columns[column].header)
        )
        self._model, self._row, self._column = model, row, column
        self._new = value
        self._old = getattr(model.records[row], model.columns[column].field)

    def redo(self) -> None:
        self._model._set(self._row, self._column, self._new)

    def undo(self) -> None:
        self._model._set(self._row, self._column, self._old)


class _InsertRow(QUndoCommand):
    def __init__(self, model: RecordTableModel, row: int, record: object) -> None:
        super().__init__(QCoreApplication.translate("RecordTableModel", "Insert row"))
        self._model, self._row, self._record = model, row, record

    def redo(self) -> None:
        self._model._insert(self._row, self._record)

    def undo(self) -> None:
        self._model._remove(self._row)


class _RemoveRow(QUndoCommand):
    def __init__(self, model: RecordTableModel, row: int) -> None:
        super().__init__(QCoreApplication.translate("RecordTableModel", "Delete row"))
        self._model, self._row = model, row
        self._record = model.records[row]

    def redo(self) -> None:
        self._model._remove(self._row)

    def undo(self) -> None:
        self._model._insert(self._row, self._record)


class RecordTableModel(QAbstractTableModel):
    """Editable table over ``records`` (a list the model owns; read it back with ``records``).

    ``make_record(row)`` builds a blank record for an inserted row; records with a ``seq``
    field are renumbered 1..n after every insert or delete.
    """

    invalidInput = Signal(int, int, str)

    def __init__(
        self,
        records: list[Any],
        columns: list[FieldColumn],
        make_record: Callable[[int], Any],
        undo_stack: QUndoStack,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.records = [copy.copy(r) for r in records]
        self.columns = columns
        self._make_record = make_record
        self.undo_stack = undo_stack

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].tip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.field == "seq" or column.read_only:
            return base
        if column.kind == "flag":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        record = self.records[index.row()]
        value = getattr(record, column.field)
        if column.kind == "flag" and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return ""
        if column.kind == "flag" and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            words = column.words if value is not None else None
            text = words(value) if words is not None else display(column.kind, value)
            return text.replace("\n", " ⏎ ") if len(text) < 200 else text[:200].replace("\n", " ⏎ ") + "…"
        if role == Qt.ItemDataRole.EditRole:
            return (
                ""
                if value is None
                else (values.format_money(value) if column.kind == "money" else display(column.kind, value))
            )
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return column.tip
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 40:
            return value
        if role == Qt.ItemDataRole.ForegroundRole and column.read_only:
            return QBrush(QColor("#707070"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "percent", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ObjectRole:
            return record
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role == Qt.ItemDataRole.CheckStateRole and index.isValid() and self.columns[index.column()].kind == "flag"
                and not self.columns[index.column()].read_only):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked != bool(getattr(self.records[index.row()], self.columns[index.column()].field)):
                self.undo_stack.push(_SetCell(self, index.row(), index.column(), checked))
            return True
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.columns[index.column()].read_only:
            return False
        column = self.columns[index.column()]
        try:
            parsed = _parse(column.kind, str(value), column.choices)
        except ValueError as exc:
            self.invalidInput.emit(index.row(), index.column(), error_text(exc))
            return False
        if parsed is None and column.field in ("name", "role"):
            self.invalidInput.emit(index.row(), index.column(), self.tr("a value is required"))
            return False
        if parsed == getattr(self.records[index.row()], column.field):
            return True
        self.undo_stack.push(_SetCell(self, index.row(), index.column(), parsed))
        return True

    def insert_row(self, row: int) -> None:
        """Insert a blank record at ``row`` (undoable)."""
        row = max(0, min(row, len(self.records)))
        self.undo_stack.push(_InsertRow(self, row, self._make_record(row)))

    def remove_row(self, row: int) -> None:
        """Remove the record at ``row`` (undoable)."""
        if 0 <= row < len(self.records):
            self.undo_stack.push(_RemoveRow(self, row))

    def refresh_field(self, field: str, values_by_seq: dict[int, object]) -> None:
        """Show ``field`` of each record numbered ``seq`` as the register has it now (a read-only,
        derived column: not an edit, so not on the undo stack)."""
        for row, record in enumerate(self.records):
            seq = getattr(record, "seq", None)
            if seq in values_by_seq and getattr(record, field) != values_by_seq[seq]:
                setattr(record, field, values_by_seq[seq])
                column = next(i for i, c in enumerate(self.columns) if c.field == field)
                self.dataChanged.emit(self.index(row, column), self.index(row, column))

    # The primitive edits, called only by the undo commands.
    def _set(self, row: int, column: int, value: object) -> None:
        setattr(self.records[row], self.columns[column].field, value)
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    def _insert(self, row: int, record: object) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.records.insert(row, record)
        self.endInsertRows()
        self._renumber()

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.records[row]
        self.endRemoveRows()
        self._renumber()

    def _renumber(self) -> None:
        if self.records and hasattr(self.records[0], "seq"):
            for number, record in enumerate(self.records, start=1):
                record.seq = number
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, 0))
