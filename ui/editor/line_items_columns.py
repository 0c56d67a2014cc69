"""The columns of the line-item table: their numbers, the ``LineItemData`` field each shows,
their titles and header tooltips, and how a value of each column reads in the cell and in its editor.

Shared by ``LineItemsModel`` and the widgets over it; ``ui.editor.line_items_model`` re-exports
every name. The texts are translated in the ``LineItemsModel`` context, where they were first.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.base import decimal_text
from services.ledger.values import format_money as writer_money
from ui.formatting import format_decimal, format_money

_CONTEXT = "LineItemsModel"

COL_SEQ = 0
COL_NAME = 1
COL_UNIT = 2
COL_UNIT_PRICE = 3
COL_QUANTITY = 4
COL_PERIODS = 5
COL_AMOUNT = 6
COL_COMPUTED = 7
COL_NOTE = 8
COL_NAME_EN = 9
COLUMN_COUNT = 10

#: LineItemData field shown in each column; "computed_amount" is the derived property.
FIELDS: tuple[str, ...] = ("seq", "name", "unit", "unit_price", "quantity", "periods", "amount",
                           "computed_amount", "note", "name_en")
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LineItemsModel", "No."),
    QT_TRANSLATE_NOOP("LineItemsModel", "Name"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Unit"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Unit price"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Quantity"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Months"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Amount"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Computed"),
    QT_TRANSLATE_NOOP("LineItemsModel", "Note"),
    QT_TRANSLATE_NOOP("LineItemsModel", "English name"),
)
HEADER_TIPS: dict[int, str] = {
    COL_SEQ: QT_TRANSLATE_NOOP("LineItemsModel", "Line number, renumbered after every change"),
    COL_UNIT_PRICE: QT_TRANSLATE_NOOP("LineItemsModel", "Unit price in yuan, up to 4 decimals"),
    COL_PERIODS: QT_TRANSLATE_NOOP("LineItemsModel", "Billing months; empty means one period"),
    COL_AMOUNT: QT_TRANSLATE_NOOP(
        "LineItemsModel", "Amount as the contract states it (yuan); empty means the computed amount counts"
    ),
    COL_COMPUTED: QT_TRANSLATE_NOOP("LineItemsModel", "Unit price × quantity × months, rounded to the fen"),
}


def column_title(column: int) -> str:
    """The translated title of ``column`` (``COL_*``); raises IndexError for others."""
    return QCoreApplication.translate(_CONTEXT, HEADERS[column])


def display_text(column: int, value: object) -> str:
    """How ``value`` reads in a cell of ``column``: money as 2,738,718.50, decimals with separators."""
    if value is None:
        return ""
    if column in (COL_AMOUNT, COL_COMPUTED):
        return format_money(value)  # type: ignore[arg-type]
    if column in (COL_UNIT_PRICE, COL_QUANTITY):
        return format_decimal(value)  # type: ignore[arg-type]
    return str(value)


def edit_text(column: int, value: object) -> str:
    """The raw text a user would type for ``value`` in ``column`` (what the cell editor starts with)."""
    if value is None:
        return ""
    if column in (COL_AMOUNT, COL_COMPUTED):
        return writer_money(value)  # type: ignore[arg-type]
    if column in (COL_UNIT_PRICE, COL_QUANTITY):
        return decimal_text(value)  # type: ignore[arg-type]
    return str(value)
