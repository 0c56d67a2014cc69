"""The overview exported as a formatted ``.xlsx`` workbook (openpyxl): one sheet per table of
``services.payments.overview_tables`` — money as numbers formatted ``#,##0.00`` (the ``Decimal``'s
exact digits, never a float), dates as date cells (``yyyy-mm-dd``; months ``yyyy-mm``), counts and
years as whole numbers, text as text cells (a leading ``=`` stays text); bold, frozen header row;
column widths fitted (a Chinese character counts two, at most 60).

The file is written beside the target and renamed over it, readable by the user only (0600).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from services.ledger.workbook_write import DATE_FORMAT, MONEY_FORMAT
from services.payments.overview import Overview, OverviewFilter
from services.payments.overview_tables import Cell, Sheet, cell_text, overview_sheets

__all__ = ["MONTH_FORMAT", "overview_workbook_bytes", "write_overview_xlsx"]

MONTH_FORMAT = "yyyy-mm"
_MAX_WIDTH = 60
_FORBIDDEN = str.maketrans({ch: "·" for ch in "[]:*?/\\"})


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet_name(sheet: Sheet, used: set[str]) -> str:
    name = (sheet.title if len(sheet.title) <= 31 or not sheet.short_title else sheet.short_title)
    name = name.translate(_FORBIDDEN)[:31]
    while name in used:  # never the case for the fixed titles; a guard for a translation that collides
        name = name[:28] + f"_{len(used)}"
    used.add(name)
    return name


def overview_workbook_bytes(view: Overview, language: str, flt: OverviewFilter | None = None) -> bytes:
    """The workbook of ``view`` (computed under ``flt``) in ``language`` (``zh``/``en``), as bytes."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook always has its one sheet
    bold = Font(bold=True)
    used: set[str] = set()
    for table in overview_sheets(view, language, flt):
        sheet = book.create_sheet(_sheet_name(table, used))
        widths = [_width(column.header) for column in table.columns]
        for index, column in enumerate(table.columns, start=1):
            cell = sheet.cell(1, index, column.header)
            cell.font = bold
            cell.alignment = Alignment(horizontal="center")
        for row_number, row in enumerate(table.rows, start=2):
            for index, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
                cell = sheet.cell(row_number, index)
                _put(cell, value, column.kind)
                widths[index - 1] = max(widths[index - 1], _width(cell_text(value, column.kind)))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(_MAX_WIDTH, width + 3)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _put(cell: SheetCell, value: Cell, kind: str) -> None:
    if value is None:
        return
    if isinstance(value, Decimal):
        cell.value = value  # openpyxl writes its exact digits
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = MONTH_FORMAT if kind == "month" else DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"  # text even when it starts with "="


def write_overview_xlsx(view: Overview, path: str | os.PathLike[str], language: str,
                        flt: OverviewFilter | None = None) -> Path:
    """Write the workbook of ``view`` to ``path`` (0600, replaced in one step); the path.
    Raises ``OSError`` when it cannot be written."""
    target = Path(path)
    data = overview_workbook_bytes(view, language, flt)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
