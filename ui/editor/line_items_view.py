"""The line-item table's view: selection and edit keys, a delegate per typed column, widths from the font.

Apart from ``ui.editor.line_items_editor`` to keep that module to the editing itself (line actions,
paste, problems, totals). No translated text here: the column titles are ``column_title``'s.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.editor.delegates import IntegerDelegate, MoneyDelegate, QuantityDelegate
from ui.editor.glossary_fill import SuggestionDelegate
from ui.editor.line_items_columns import (
    COL_AMOUNT,
    COL_COMPUTED,
    COL_NAME,
    COL_NAME_EN,
    COL_PERIODS,
    COL_QUANTITY,
    COL_SEQ,
    COL_UNIT,
    COL_UNIT_PRICE,
    column_title,
)
from ui.editor.line_items_model import LineItemsModel

__all__ = ["make_table"]


def make_table(parent: QWidget, model: LineItemsModel) -> QTableView:
    """A table over ``model``, a child of ``parent`` (which also owns the delegates): whole rows
    selected (several at once), edited on double-click, F2 or typing, rows as high as a line of text."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    _set_delegates(parent, view)
    _size_columns(view)
    return view


def _set_delegates(parent: QWidget, view: QTableView) -> None:
    quantity = QuantityDelegate(parent)
    view.setItemDelegateForColumn(COL_UNIT_PRICE, quantity)
    view.setItemDelegateForColumn(COL_QUANTITY, quantity)
    view.setItemDelegateForColumn(COL_PERIODS, IntegerDelegate(parent))
    view.setItemDelegateForColumn(COL_AMOUNT, MoneyDelegate(parent))
    # The glossary's English name, grey, where empty.
    view.setItemDelegateForColumn(COL_NAME_EN, SuggestionDelegate(parent))


def _size_columns(view: QTableView) -> None:
    """Each column as wide as its widest typical text or its title; the last one stretches."""
    metrics = view.fontMetrics()
    pad = 24
    money = metrics.horizontalAdvance("99,999,999.99") + pad
    number = metrics.horizontalAdvance("1,395,800.0000") + pad
    widths = {
        COL_SEQ: metrics.horizontalAdvance("9999") + pad,
        COL_NAME: metrics.horizontalAdvance("x86 平台云主机服务-内存XX") + pad,
        COL_UNIT: metrics.horizontalAdvance("账号账号") + pad,
        COL_UNIT_PRICE: number,
        COL_QUANTITY: number,
        COL_PERIODS: metrics.horizontalAdvance(column_title(COL_PERIODS)) + pad,
        COL_AMOUNT: money,
        COL_COMPUTED: money,
    }
    header = view.horizontalHeader()
    for column, width in widths.items():
        header.resizeSection(column, max(width, metrics.horizontalAdvance(column_title(column)) + pad))
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(metrics.horizontalAdvance("999") + 8)
