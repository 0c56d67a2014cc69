"""Reading the old binary workbook form (``.xls``, Excel 97–2003 BIFF; WPS ``.et`` saved in that form)
with xlrd 2.x, into the same typed cells as an ``.xlsx`` (``services.ledger.workbook``): each sheet's
rows of values — ``str``, ``float`` (numbers as stored, turned exact by ``workbook.exact_number``),
``datetime`` for date cells, ``bool``, error cells as Excel shows them (``#N/A``) — with each cell's
number format (``#,##0.00``, ``0.00%``, ``@``), so the one set of cell typing rules applies
(dates as dates, numbers to Excel's 15 digits, identifiers as Excel shows them, ``%`` cells ×100).

An ``.xls``/``.et`` is an OLE2 compound file (``D0 CF 11 E0 …``); xlrd reads BIFF2–BIFF8 workbooks
from it. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # xlrd loads only to read an old workbook, not at every start (issue 18)
    import xlrd

#: The first bytes of an OLE2 compound file: an .xls (or an .et saved in the Excel 97–2003 form).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class RawSheet:
    """One sheet: its title, its rows of cell values (None: empty) and the cells' number formats."""

    title: str
    rows: list[tuple[object, ...]]
    formats: list[tuple[str, ...]]


class LegacyReadError(Exception):
    """xlrd could not read the workbook; ``reason`` says why (for the coded message)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_ole2(data: bytes) -> bool:
    """True when ``data`` is an OLE2 compound file (the binary .xls/.et form), whatever its name."""
    return data[:8] == OLE2_MAGIC


def _value(cell: xlrd.sheet.Cell, datemode: int) -> object:
    """The typed value of one xlrd cell, as openpyxl would give it for the same cell of an .xlsx."""
    import xlrd

    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_TEXT:
        return cell.value or None
    if kind == xlrd.XL_CELL_NUMBER:
        # the file holds an IEEE double, as openpyxl gives for .xlsx: workbook.exact_number makes it
        # the Decimal Excel shows (15 digits) before any money sees it — never stored as a float
        return float(cell.value)
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(float(cell.value), 1 if datemode else 0)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return float(cell.value)  # not a date Python can hold: the reader reports the number
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(int(cell.value), "#ERROR")
    return str(cell.value)


def _format(book: xlrd.book.Book, xf_index: int | None) -> str:
    """The number format of the cell style ``xf_index`` (``General`` when unknown)."""
    if xf_index is None or not book.xf_list or xf_index >= len(book.xf_list):
        return "General"
    found = book.format_map.get(book.xf_list[xf_index].format_key)
    return found.format_str if found is not None else "General"


def raw_sheets(data: bytes) -> list[RawSheet]:
    """Every sheet of the .xls/.et workbook ``data``, in workbook order.

    Raises ``LegacyReadError`` when xlrd cannot read it (not a BIFF workbook, damaged, encrypted).
    """
    import xlrd

    try:
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=_Quiet())
        except NotImplementedError:  # formatting of this BIFF version not read: values only
            book = xlrd.open_workbook(file_contents=data, logfile=_Quiet())
        sheets: list[RawSheet] = []
        for sheet in book.sheets():
            rows: list[tuple[object, ...]] = []
            formats: list[tuple[str, ...]] = []
            for index in range(sheet.nrows):
                cells = sheet.row(index)
                rows.append(tuple(_value(cell, book.datemode) for cell in cells))
                formats.append(tuple(_format(book, cell.xf_index) for cell in cells))
            width = max((len(row) for row in rows), default=0)  # rows as wide as the widest
            rows = [row + (None,) * (width - len(row)) for row in rows]
            formats = [fmt + ("General",) * (width - len(fmt)) for fmt in formats]
            sheets.append(RawSheet(sheet.name, rows, formats))
        book.release_resources()
    except Exception as exc:  # a hostile or damaged file may fail anywhere in xlrd: never a traceback
        raise LegacyReadError(f"{type(exc).__name__}: {exc}"[:200]) from exc
    return sheets


class _Quiet:
    """A log file that drops xlrd's warnings (it prints them to stdout by default)."""

    def write(self, text: str) -> int:
        return len(text)


__all__ = ["OLE2_MAGIC", "LegacyReadError", "RawSheet", "is_ole2", "raw_sheets"]
