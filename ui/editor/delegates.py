"""Cell editors for numbers: a right-aligned line edit that refuses non-numbers as typed.

The validator only shapes typing (digits, one dot, thousands commas, a leading ¥ for money,
at most 2/4/0 decimals); whether the text is a value is decided by the same parser the
model uses (``services.register.paste.parse_field``), so the editor never accepts what the model
would refuse.
"""

from __future__ import annotations

import re
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from services.register.paste import parse_field

_Index = QModelIndex | QPersistentModelIndex

#: Longest text an editor takes: ample for yuan amounts up to 10^15 with separators.
MAX_LENGTH = 24


class NumberMode(Enum):
    """What a number cell holds: ``MONEY`` yuan (2 decimals, ¥ prefix, sign allowed),
    ``DECIMAL`` unit price or quantity (4 decimals, not negative), ``INTEGER`` months."""

    MONEY = "money"
    DECIMAL = "decimal"
    INTEGER = "integer"


# Shapes that can still become a number while typing; commas anywhere among the digits
# (fixup removes misplaced ones).
_TYPING = {
    NumberMode.MONEY: re.compile(r"^[¥￥]?-?(\d[\d,]*)?(\.\d{0,2})?$"),
    NumberMode.DECIMAL: re.compile(r"^(\d[\d,]*)?(\.\d{0,4})?$"),
    NumberMode.INTEGER: re.compile(r"^\d*$"),
}
_FIELD = {NumberMode.MONEY: "amount", NumberMode.DECIMAL: "quantity", NumberMode.INTEGER: "periods"}


class NumberValidator(QValidator):
    """Validator of a number cell in ``mode``: Invalid for characters that can never make a
    number, Intermediate for unfinished text (``¥``, ``-``, ``1,2``), Acceptable for a value
    the model accepts, including empty (= no value)."""

    def __init__(self, mode: NumberMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def validate(self, text: str, pos: int) -> object:
        if not _TYPING[self.mode].match(text):
            return QValidator.State.Invalid, text, pos
        state = QValidator.State.Acceptable if self._parses(text) else QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        """Drop misplaced thousands commas and a lone sign/¥, so ``1,2345`` commits as 12345."""
        compact = text.replace(",", "")
        if compact.lstrip("¥￥").strip("-") in ("", "."):
            return ""
        return compact if self._parses(compact) else text

    def _parses(self, text: str) -> bool:
        try:
            parse_field(_FIELD[self.mode], text)
        except ValueError:
            return False
        return True


class DecimalDelegate(QStyledItemDelegate):
    """Right-aligned delegate editing a number cell through a ``NumberValidator``.

    ``mode``: ``NumberMode.MONEY``, ``DECIMAL`` (default) or ``INTEGER``. The editor starts
    with the cell's EditRole text (raw, no separators) and commits its text through
    ``model.setData`` (which parses it exactly; no float anywhere).
    """

    def __init__(self, mode: NumberMode = NumberMode.DECIMAL, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setMaxLength(MAX_LENGTH)
        editor.setValidator(NumberValidator(self.mode, editor))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QLineEdit):
            text = index.data(Qt.ItemDataRole.EditRole)
            editor.setText("" if text is None else str(text))
        else:  # pragma: no cover - createEditor only makes line edits
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: _Index,
    ) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text().strip(), Qt.ItemDataRole.EditRole)
        else:  # pragma: no cover
            super().setModelData(editor, model, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MoneyDelegate(DecimalDelegate):
    """Yuan amounts: ``¥2,738,718.50`` may be typed; at most 2 decimals; sign allowed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(NumberMode.MONEY, parent)


class QuantityDelegate(DecimalDelegate):
    """Unit prices and quantities: at most 4 decimals, never negative."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(NumberMode.DECIMAL, parent)


class IntegerDelegate(DecimalDelegate):
    """Whole non-negative numbers (billing months)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(NumberMode.INTEGER, parent)
