"""Table model of a contract's line items, with every change undoable.

The model owns a working copy of the lines; edits, inserts, deletes, moves and pastes are
``QUndoCommand``s pushed on an undo stack, so one Ctrl+Z reverts one user action (a whole
paste included). Typed text is parsed with the ledger's value syntax; text that does not
parse leaves the value alone and is remembered as an error of that cell until a valid value
is entered there, so the dialog can refuse to save meanwhile. The columns (``COL_*``, ``FIELDS``,
titles, cell text) are defined in ``ui.editor.line_items_columns`` and re-exported here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from models.base import decimal_text
from services.errors import InputError
from services.register.contract_data import LineItemData
from services.register.paste import PASTE_FIELDS, check_line, parse_field
from ui import i18n
from ui.editor.line_items_columns import (
    COL_AMOUNT,
    COL_COMPUTED,
    COL_NAME,
    COL_NAME_EN,
    COL_NOTE,
    COL_PERIODS,
    COL_QUANTITY,
    COL_SEQ,
    COL_UNIT_PRICE,
    COLUMN_COUNT,
    FIELDS,
    HEADER_TIPS,
    column_title,
    display_text,
    edit_text,
)

# Not used here, re-exported: every column name is still importable from this module.
from ui.editor.line_items_columns import COL_UNIT as COL_UNIT
from ui.editor.line_items_columns import HEADERS as HEADERS
from ui.formatting import format_money

_CONTEXT = "LineItemsModel"
_Index = QModelIndex | QPersistentModelIndex

DIFFERS_TIP = QT_TRANSLATE_NOOP(
    "LineItemsModel", "Stated amount differs from unit price × quantity × months (¥{computed})"
)
EDIT_TEXT = QT_TRANSLATE_NOOP("LineItemsModel", "Edit {column}")
INSERT_TEXT = QT_TRANSLATE_NOOP("LineItemsModel", "Insert %n line(s)")
DELETE_TEXT = QT_TRANSLATE_NOOP("LineItemsModel", "Delete %n line(s)")
PASTE_TEXT = QT_TRANSLATE_NOOP("LineItemsModel", "Paste %n line(s)")
MOVE_UP_TEXT = QT_TRANSLATE_NOOP("LineItemsModel", "Move line(s) up")
MOVE_DOWN_TEXT = QT_TRANSLATE_NOOP("LineItemsModel", "Move line(s) down")
FLOAT_ERROR = QT_TRANSLATE_NOOP("LineItemsModel", "floating-point numbers are not exact; type the number")

_NUMERIC = frozenset({COL_SEQ, COL_UNIT_PRICE, COL_QUANTITY, COL_PERIODS, COL_AMOUNT, COL_COMPUTED})
# Changing these re-derives the computed amount and the "differs" flag of the line.
_PRICED = frozenset({COL_UNIT_PRICE, COL_QUANTITY, COL_PERIODS, COL_AMOUNT})
_DIFFERS_BACKGROUND = QColor(255, 240, 200)
_DIFFERS_FOREGROUND = QColor(170, 60, 0)
_INVALID_BACKGROUND = QColor(255, 215, 215)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


class LineItemsModel(QAbstractTableModel):
    """Editable, undoable table of ``LineItemData`` (columns ``COL_SEQ`` … ``COL_NAME_EN``).

    ``items``: the lines to show; the model keeps copies and renumbers ``seq`` 1..n.
    ``undo_stack``: where changes are pushed (a new one if None). Roles: DisplayRole shows
    money as ``2,738,718.50`` and decimals shortest exact with separators; EditRole gives the
    raw text a user would type; ``SortRole`` the raw value (``Decimal``/``int``/``str``/None);
    ``ObjectRole`` the row's ``LineItemData``. Lines whose stated amount differs from
    unit price × quantity × months are kept and flagged (tooltip, colours).

    Signals: ``invalidInput(row, column, message)`` when typed text is refused;
    ``totalsChanged()`` after every change that may change the totals.
    """

    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2

    invalidInput = Signal(int, int, str)
    totalsChanged = Signal()

    def __init__(
        self,
        items: Iterable[LineItemData] = (),
        undo_stack: QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._items: list[LineItemData] = [copy.copy(item) for item in items]
        self._renumber()
        self._undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        # (id(line), column) → (line, reason); the line is held so its id stays unique.
        self._errors: dict[tuple[int, int], tuple[LineItemData, str]] = {}

    # --- access -------------------------------------------------------------------------

    @property
    def undo_stack(self) -> QUndoStack:
        """The stack every change of this model is pushed on."""
        return self._undo_stack

    def items(self) -> list[LineItemData]:
        """The model's own list of lines (live; copy before keeping it)."""
        return self._items

    def item(self, row: int) -> LineItemData:
        """The line at ``row``; raises IndexError."""
        return self._items[row]

    @staticmethod
    def columns() -> list[str]:
        """Field names of the columns in order (for ``services.register.paste.parse_block``)."""
        return list(FIELDS)

    def set_items(self, items: Iterable[LineItemData]) -> None:
        """Replace all lines with copies of ``items``; clears the undo stack and cell errors.

        The stack is cleared because its commands refer to rows of the replaced lines.
        """
        self.beginResetModel()
        self._items = [copy.copy(item) for item in items]
        self._renumber()
        self._errors.clear()
        self.endResetModel()
        self._undo_stack.clear()
        self.totalsChanged.emit()

    def cell_errors(self) -> list[tuple[int, int, str]]:
        """(row, column, reason) of every cell whose last typed text was refused, in order."""
        found = []
        for row, line in enumerate(self._items):
            for column in range(COLUMN_COUNT):
                entry = self._errors.get((id(line), column))
                if entry is not None:
                    found.append((row, column, entry[1]))
        return found

    def has_errors(self) -> bool:
        """True while some cell holds refused input."""
        return bool(self.cell_errors())

    def cell_error(self, row: int, column: int) -> str | None:
        """The reason the last text typed into this cell was refused, or None."""
        if not 0 <= row < len(self._items):
            return None
        entry = self._errors.get((id(self._items[row]), column))
        return entry[1] if entry else None

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(section)
        if role == Qt.ItemDataRole.ToolTipRole and section in HEADER_TIPS:
            return _tr(HEADER_TIPS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if section in _NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_SEQ, COL_COMPUTED):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        line = self._items[index.row()]
        column = index.column()
        value = getattr(line, FIELDS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(column, value)
        if role == self.SortRole:
            return value
        if role == self.ObjectRole:
            return line
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in _NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        error = self._errors.get((id(line), column))
        differs = line.amount_differs and column in (COL_AMOUNT, COL_COMPUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error is not None:
                return error[1]
            if differs:
                computed = line.computed_amount or Decimal("0.00")
                return _tr(DIFFERS_TIP).format(computed=format_money(computed))
            if column in (COL_NAME, COL_NOTE, COL_NAME_EN) and value:
                return value  # long names and notes are elided in the cell
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None:
                return QBrush(_INVALID_BACKGROUND)
            if differs:
                return QBrush(_DIFFERS_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and differs and column == COL_AMOUNT:
            return QBrush(_DIFFERS_FOREGROUND)
        return None

    def setData(
        self,
        index: _Index,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Parse ``value`` (text; ``Decimal``/``int``/None also taken) and push the change.

        Returns False, keeps the old value and emits ``invalidInput`` when the text does not
        parse; the reason stays as the cell's error until valid input replaces it. Setting
        the current value again pushes nothing (and clears the cell's error).
        """
        if role not in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.DisplayRole) or not index.isValid():
            return False
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._items) or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        line = self._items[row]
        field_name = FIELDS[column]
        try:
            new = parse_field(field_name, _as_text(value))
            if column in (COL_UNIT_PRICE, COL_QUANTITY, COL_PERIODS):
                priced = {"unit_price": line.unit_price, "quantity": line.quantity, "periods": line.periods}
                priced[field_name] = new
                check_line(**priced)  # type: ignore[arg-type]
        except ValueError as exc:  # an InputError: coded, shown in the window's language
            message = exc.message(i18n.current_language()) if isinstance(exc, InputError) else str(exc)
            self._errors[(id(line), column)] = (line, message)
            self._emit_cell(row, column)
            self.invalidInput.emit(row, column, message)
            return False
        if new == getattr(line, field_name) and type(new) is type(getattr(line, field_name)):
            if self._errors.pop((id(line), column), None) is not None:
                self._emit_cell(row, column)
            return True
        self._undo_stack.push(_SetCellCommand(self, row, column, new))
        return True

    def insertRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        """Insert ``count`` empty lines at ``row`` as one undoable command."""
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._items):
            return False
        self.insert_lines(row, [LineItemData(seq=0, name="") for _ in range(count)])
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        """Delete ``count`` lines from ``row`` as one undoable command."""
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._items):
            return False
        self.remove_lines(range(row, row + count))
        return True

    # --- undoable operations ------------------------------------------------------------

    def insert_lines(self, row: int, lines: Sequence[LineItemData], text: str | None = None) -> None:
        """Insert copies of ``lines`` before ``row`` (``rowCount()`` appends): one undo step.

        ``text`` names the step in the Undo action (default "Insert N line(s)").
        Raises IndexError when ``row`` is outside 0..rowCount().
        """
        if not 0 <= row <= len(self._items):
            raise IndexError(f"row {row} outside 0..{len(self._items)}")
        if not lines:
            return
        label = text if text is not None else _tr(INSERT_TEXT, len(lines))
        self._undo_stack.push(_InsertCommand(self, row, [copy.copy(line) for line in lines], label))

    def paste_rows(self, row: int, rows: Sequence[dict[str, object]]) -> None:
        """Insert lines built from parsed paste rows (``PasteResult.rows``) before ``row``.

        One undo step for the whole block. Unknown keys are ignored.
        """
        lines = []
        for values in rows:
            line = LineItemData(seq=0, name="")
            for key, value in values.items():
                if key in PASTE_FIELDS:
                    setattr(line, key, value)
            if line.name is None:
                line.name = ""
            lines.append(line)
        self.insert_lines(row, lines, _tr(PASTE_TEXT, len(lines)))

    def remove_lines(self, rows: Iterable[int]) -> None:
        """Delete the lines at ``rows`` (any order, gaps allowed): one undo step.

        Rows outside the table are ignored.
        """
        chosen = sorted({row for row in rows if 0 <= row < len(self._items)})
        if chosen:
            self._undo_stack.push(_RemoveCommand(self, chosen, _tr(DELETE_TEXT, len(chosen))))

    def move_lines(self, first: int, last: int, delta: int) -> bool:
        """Move the block of lines ``first..last`` one row up (``delta`` −1) or down (+1).

        Returns False (and does nothing) at the table's edge or for a bad range.
        """
        if delta not in (-1, 1) or not 0 <= first <= last < len(self._items):
            return False
        if (delta < 0 and first == 0) or (delta > 0 and last == len(self._items) - 1):
            return False
        label = _tr(MOVE_UP_TEXT if delta < 0 else MOVE_DOWN_TEXT)
        self._undo_stack.push(_MoveCommand(self, first, last, delta, label))
        return True

    # --- primitive changes, run by the commands -----------------------------------------

    def _set_value(self, row: int, column: int, value: object) -> None:
        line = self._items[row]
        setattr(line, FIELDS[column], value)
        self._errors.pop((id(line), column), None)
        self._emit_cell(row, column)
        if column in _PRICED:
            self.dataChanged.emit(self.index(row, COL_AMOUNT), self.index(row, COL_COMPUTED))
            self.totalsChanged.emit()

    def _insert(self, row: int, lines: list[LineItemData]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(lines) - 1)
        self._items[row:row] = lines
        self.endInsertRows()
        self._structure_changed()

    def _remove(self, row: int, count: int) -> list[LineItemData]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        removed = self._items[row : row + count]
        del self._items[row : row + count]
        self.endRemoveRows()
        return removed

    def _move(self, first: int, last: int, delta: int) -> None:
        # Moving a block by one row is moving its neighbour across it.
        if delta < 0:
            self.beginMoveRows(QModelIndex(), first - 1, first - 1, QModelIndex(), last + 1)
            self._items.insert(last, self._items.pop(first - 1))
        else:
            self.beginMoveRows(QModelIndex(), last + 1, last + 1, QModelIndex(), first)
            self._items.insert(first, self._items.pop(last + 1))
        self.endMoveRows()
        self._structure_changed()

    def _structure_changed(self) -> None:
        changed = self._renumber()
        if changed:
            self.dataChanged.emit(self.index(min(changed), COL_SEQ), self.index(max(changed), COL_SEQ))
        self.totalsChanged.emit()

    def _renumber(self) -> list[int]:
        changed = []
        for row, line in enumerate(self._items):
            if line.seq != row + 1:
                line.seq = row + 1
                changed.append(row)
        return changed

    def _emit_cell(self, row: int, column: int) -> None:
        index = self.index(row, column)
        self.dataChanged.emit(index, index)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        raise ValueError(_tr(FLOAT_ERROR))
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)


class _SetCellCommand(QUndoCommand):
    def __init__(self, model: LineItemsModel, row: int, column: int, value: object) -> None:
        super().__init__(_tr(EDIT_TEXT).format(column=column_title(column)))
        self._model, self._row, self._column = model, row, column
        self._old = getattr(model.item(row), FIELDS[column])
        self._new = value

    def redo(self) -> None:
        self._model._set_value(self._row, self._column, self._new)

    def undo(self) -> None:
        self._model._set_value(self._row, self._column, self._old)


class _InsertCommand(QUndoCommand):
    def __init__(self, model: LineItemsModel, row: int, lines: list[LineItemData], text: str) -> None:
        super().__init__(text)
        self._model, self._row, self._lines = model, row, lines

    def redo(self) -> None:
        self._model._insert(self._row, list(self._lines))

    def undo(self) -> None:
        self._model._remove(self._row, len(self._lines))
        self._model._structure_changed()


class _RemoveCommand(QUndoCommand):
    def __init__(self, model: LineItemsModel, rows: list[int], text: str) -> None:
        super().__init__(text)
        self._model = model
        # Contiguous runs, so each is one beginRemoveRows and views keep their place.
        self._runs: list[tuple[int, int]] = []
        for row in rows:
            if self._runs and self._runs[-1][0] + self._runs[-1][1] == row:
                self._runs[-1] = (self._runs[-1][0], self._runs[-1][1] + 1)
            else:
                self._runs.append((row, 1))
        self._removed: list[list[LineItemData]] = []

    def redo(self) -> None:
        # Bottom run first, so the rows of the runs above do not shift.
        removed = [self._model._remove(row, count) for row, count in reversed(self._runs)]
        self._removed = list(reversed(removed))
        self._model._structure_changed()

    def undo(self) -> None:
        for (row, _count), lines in zip(self._runs, self._removed, strict=True):
            self._model._insert(row, lines)


class _MoveCommand(QUndoCommand):
    def __init__(self, model: LineItemsModel, first: int, last: int, delta: int, text: str) -> None:
        super().__init__(text)
        self._model, self._first, self._last, self._delta = model, first, last, delta

    def redo(self) -> None:
        self._model._move(self._first, self._last, self._delta)

    def undo(self) -> None:
        self._model._move(self._first + self._delta, self._last + self._delta, -self._delta)
