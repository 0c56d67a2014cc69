"""Exporting the register as a ledger workbook (``.xlsx``) or a ``.zip`` of the CSV files, and
``export_to`` choosing the form by the path's suffix (spec ``csv-format.md``, "Workbook form").

The workbook has one sheet per table, in the writer's order, headers in English or — when the
window is Chinese — the Chinese aliases and sheet names (the reader takes either). Cells are
typed so that Excel and WPS cannot damage them on opening: identifier columns and every other
text as text cells (a ``=`` at the start stays text, never a formula), dates as date cells
(``yyyy-mm-dd``), money as numbers formatted ``#,##0.00``, percent, quantities and prices as
plain numbers (``6`` means 6 %), whole numbers as numbers. The header row is frozen and column
widths fit the longest cell (a Chinese character counted twice, at most 60).

Export → import → export gives the same cell values and types (``tests/test_workbook.py``).
Files are written beside the target and renamed over it, readable by the user only (0600).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from services.ledger import apart
from services.ledger.export_rows import ledger_rows, live_ids
from services.ledger.read import unguard
from services.ledger.schema import ALL_TABLES, Column
from services.ledger.workbook import CHINESE_SHEET_NAMES, attachments_zip
from services.ledger.write import (
    ExportCancelled,
    Progress,
    export_ledger,
    format_cell,
    ledger_files,
    written_columns,
)

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
#: Widest column, in characters (a Chinese character counts two).
MAX_WIDTH = 60
#: Cancel is checked and progress (cells' rows written, rows in all) reported once per this many rows.
_CHUNK = 2000

__all__ = ["DATE_FORMAT", "MONEY_FORMAT", "export_to", "export_workbook", "export_zip", "workbook_and_files",
           "workbook_bytes"]


def _typed(value: object, column: Column) -> tuple[object, str | None]:
    """The cell value of ``value`` in ``column`` and its number format (None: General / text)."""
    if value is None or (column.kind == "flag" and not value):
        return None, None
    if column.kind == "money" and isinstance(value, Decimal):
        # openpyxl writes a Decimal as its exact digits (str), never through a float
        return value, MONEY_FORMAT
    if column.kind in ("decimal", "percent") and isinstance(value, Decimal):
        return (int(value) if value == value.to_integral_value() else value), None
    if column.kind == "date" and isinstance(value, dt.date):
        return value, DATE_FORMAT
    if column.kind == "int" and isinstance(value, int):
        return value, None
    return unguard(format_cell(value, column)), "@"


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        text = f"{value:,.2f}"
    elif isinstance(value, dt.date):
        text = "2025-10-16"
    else:
        text = str(value)
    longest = max(text.split("\n"), key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)


def workbook_bytes(
    session: Session, *, chinese: bool = False,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The register (live contracts, register order) as an .xlsx workbook; ``chinese``: Chinese sheet
    names and headers. The attachments' files are not in it (``workbook_and_files``).
    Raises ``ExportCancelled`` when ``cancelled()``."""
    return workbook_and_files(session, chinese=chinese, progress=progress, cancelled=cancelled)[0]


def workbook_and_files(
    session: Session, *, chinese: bool = False,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> tuple[bytes, dict[str, bytes]]:
    """The register as an .xlsx workbook (``workbook_bytes``) and the attachments' files it names
    (``attachments/<sha256>`` → bytes; empty when no contract keeps a file). The sheets of the
    contracts' own tables are always written; 补充协议 (amendments) and 附件 (attachments) only when
    they have rows, as the CSV ledger leaves out their files. Raises ``ExportCancelled``."""
    def checkpoint() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    rows: dict[str, Sequence[Sequence[Any]]] = dict(ledger_rows(session, checkpoint=checkpoint))
    kept_apart, blobs = apart.table_rows(session, live_ids(session))
    rows.update({name: found for name, found in kept_apart.items() if found})
    total = sum(len(table_rows) for table_rows in rows.values())
    done = 0
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook always has its one sheet
    bold = Font(bold=True)
    for table in ALL_TABLES:
        if table.name not in rows:
            continue
        sheet = book.create_sheet(CHINESE_SHEET_NAMES[table.name] if chinese else table.name)
        kept = written_columns(table, rows[table.name])  # an extension column only when it has a value
        columns = [table.columns[i] for i in kept]
        widths = [0] * len(columns)
        for index, column in enumerate(columns, start=1):
            header = column.alias if chinese else column.name
            cell = sheet.cell(1, index, header)
            cell.font = bold
            widths[index - 1] = _width(header)
        for row_number, values in enumerate(rows[table.name], start=2):
            if row_number % _CHUNK == 0:
                checkpoint()
                if progress is not None:
                    progress(done + row_number - 1, total)
            for index, (column, value) in enumerate(zip(columns, [values[i] for i in kept], strict=True), start=1):
                typed, number_format = _typed(value, column)
                cell = sheet.cell(row_number, index)
                _set(cell, typed, number_format)
                widths[index - 1] = max(widths[index - 1], _width(typed))
        done += len(rows[table.name])
        if progress is not None:
            progress(done, total)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, width + 2)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), blobs


def _set(cell: Cell, value: object, number_format: str | None) -> None:
    """Put ``value`` in ``cell``; a text (``@``) cell stays text even when it starts with ``=``."""
    if value is None:
        return
    if number_format == "@":
        cell.value = str(value)
        cell.data_type = "s"  # text even when it starts with "=": never written as a formula
    else:
        cell.value = value  # type: ignore[assignment]  # a number or a date
    if number_format:
        cell.number_format = number_format


def _write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` as one step (a temporary file beside it, renamed over it), mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def export_workbook(session: Session, path: Path, *, chinese: bool = False,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """Write the register as the workbook ``path`` (.xlsx) and, when contracts keep files, those files
    in the .zip beside it (``attachments_zip(path)``: ``attachments/<sha256>``, spec "attachments.csv":
    a workbook ledger ships them in a .zip beside it); the paths written, the workbook first.
    Raises ``OSError``, ``ExportCancelled``."""
    data, blobs = workbook_and_files(session, chinese=chinese, progress=progress, cancelled=cancelled)
    written = [_write_private(Path(path), data)]
    if blobs:
        written.append(_write_private(attachments_zip(Path(path)), zip_bytes(blobs)))
    return written


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """The ledger's CSV ``files`` packed as a .zip (deflated; fixed entry times, so the same ledger
    gives the same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return out.getvalue()


def export_zip(session: Session, path: Path, *,
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """Write the ledger's CSV files packed in the .zip ``path``; ``[path]``. Raises ``OSError``, ``ExportCancelled``."""
    files = ledger_files(session, progress=progress, cancelled=cancelled)
    return [_write_private(Path(path), zip_bytes(files))]


def export_to(session: Session, path: Path, *, chinese: bool = False,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """Export the register to ``path`` in the form its suffix names: ``.xlsx`` a workbook, ``.zip``
    a zip of the CSV files, anything else a folder of CSV files (``export_ledger``). The paths written."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return export_workbook(session, path, chinese=chinese, progress=progress, cancelled=cancelled)
    if suffix == ".zip":
        return export_zip(session, path, progress=progress, cancelled=cancelled)
    return export_ledger(session, path, progress=progress, cancelled=cancelled)
