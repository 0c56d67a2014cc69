"""English names from the glossary in the line-items table (issue 14; ``services.glossary``).

Where a line's English name is empty, the cell shows the glossary's suggestion in grey italics
(``SuggestionDelegate``: painted only, never a value). "Fill English names from glossary"
(``fill_english_names``) writes every such suggestion through the model's own edit path, as one
undo step: Save records them, Undo or closing without saving takes them back.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from services.glossary import suggest
from ui.editor.line_items_columns import COL_NAME, COL_NAME_EN
from ui.editor.line_items_model import LineItemsModel

__all__ = ["SuggestionDelegate", "fill_english_names", "suggestion"]

_Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=4096)
def _cached(name: str) -> str | None:
    return suggest(name)


def suggestion(model: LineItemsModel, row: int) -> str | None:
    """The glossary's English name for line ``row`` when its English name is empty; else None."""
    if model.index(row, COL_NAME_EN).data(Qt.ItemDataRole.EditRole):
        return None
    name = model.index(row, COL_NAME).data(Qt.ItemDataRole.EditRole)
    return _cached(name) if name else None


def fill_english_names(model: LineItemsModel) -> int:
    """Set each empty English name that has a suggestion to it, through ``model.setData`` (the
    editor's edit path), as one undo step; the number of names filled (0: nothing pushed)."""
    rows = [(row, text) for row in range(model.rowCount()) if (text := suggestion(model, row))]
    if not rows:
        return 0
    stack = model.undo_stack
    stack.beginMacro(QCoreApplication.translate("GlossaryFill", "Fill English names from glossary"))
    try:
        filled = sum(1 for row, text in rows if model.setData(model.index(row, COL_NAME_EN), text))
    finally:
        stack.endMacro()
    return filled


class SuggestionDelegate(QStyledItemDelegate):
    """Paints the glossary's suggestion, grey and italic, in an empty English-name cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        model = index.model()
        if not isinstance(model, LineItemsModel):
            return
        text = suggestion(model, index.row())
        if not text:
            return
        painter.save()
        font = option.font  # type: ignore[attr-defined]  # QStyleOptionViewItem carries the cell's font
        font.setItalic(True)
        painter.setFont(font)
        selected = option.state & QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        painter.setPen(QColor("#d0d0d0" if selected else "#909090"))
        rect = option.rect.adjusted(4, 0, -4, 0)  # type: ignore[attr-defined]
        elided = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())  # type: ignore[attr-defined]
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()
