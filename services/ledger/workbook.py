"""Reading a ledger workbook (``.xlsx``): one sheet per table (spec ``csv-format.md``, "Workbook form").

Each sheet becomes the CSV text of its table, so the one reader (``services.ledger.read``) checks
every value the same way as a CSV ledger, with the same ``file:row:column`` messages (the file
written ``ledger.xlsx[合同]``; rows as the sheet numbers them). A cell's typed value is taken as
typed, turned into the writer's text form:

- numbers exactly: a float becomes its shortest decimal (what Excel shows, at most 15 significant
  digits), never rounded to fen here — a money cell of ``1234.567`` reaches the reader as such
  and is rejected there ("more than two decimals");
- a number in a percent column formatted with ``%`` (``6%``, stored 0.06) is read as 6 %;
- date cells give ISO dates; a plain number in a date column is an Excel date serial;
- a number in an identifier column (bank account, phone …) becomes the digits Excel shows, so
  ``services.ledger.damage`` sees what the spreadsheet did (``1.09032360012011E+21``).

Formulas are read as their last computed value (what Excel saved). ``.xls`` and ``.et`` (the old
binary form, an OLE2 file) are read with xlrd (``services.ledger.workbook_xls``) into the same typed
cells, so the same rules apply; one xlrd cannot read is refused (``LEDGER_WORKBOOK_LEGACY``) with
the advice to save it as ``.xlsx``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from services.errors import Term, UserError, define
from services.ledger.schema import ALL_TABLES, TABLES_BY_NAME, Column, Table
from services.ledger.workbook_xls import LegacyReadError, RawSheet, is_ole2, raw_sheets

#: Suffixes read as a workbook.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Old binary workbook forms (OLE2), read with xlrd (``services.ledger.workbook_xls``).
LEGACY_SUFFIXES = (".xls", ".et")

#: Chinese sheet name of each table (spec "Workbook form"), in the writer's order.
CHINESE_SHEET_NAMES: dict[str, str] = {
    "contracts": "合同", "parties": "当事方", "line_items": "服务明细", "installments": "分期付款",
    "milestones": "履约事项", "bonds": "保证金", "penalty_clauses": "违约条款", "articles": "合同条款",
    "events": "事件", "done_marks": "完成记录", "payments": "付款记录", "amendments": "补充协议", "attachments": "附件",
}
_SHEET_TABLES = {**{t.name: t.name for t in ALL_TABLES},
                 **{zh: name for name, zh in CHINESE_SHEET_NAMES.items() if name in TABLES_BY_NAME}}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

WORKBOOK_UNREADABLE = define(
    "LEDGER_WORKBOOK_UNREADABLE",
    "{label}：不是可读取的 .xlsx 工作簿（{reason}）；请在 Excel 或 WPS 中重新另存为 .xlsx 后再导入",
    "{label}: not a readable .xlsx workbook ({reason}); save it again as .xlsx in Excel or WPS and import again",
)
WORKBOOK_LEGACY = define(
    "LEDGER_WORKBOOK_LEGACY",
    "{label}：无法读取这个 {suffix} 工作簿（{reason}）；"
    "请在 Excel 或 WPS 中“另存为” .xlsx（Excel 工作簿），再导入该 .xlsx",
    "{label}: this {suffix} workbook cannot be read ({reason}); in Excel or WPS use Save As → .xlsx (Excel workbook) "
    "and import the .xlsx",
)


#: How the .zip of a workbook ledger's attached files ends (``attachments_zip``).
SIDE_ZIP = ".attachments.zip"


def attachments_zip(workbook: Path) -> Path:
    """Where the attachments' files of the workbook ledger ``workbook`` are: ``<stem>.attachments.zip``
    beside it, holding ``attachments/<sha256>`` (``台账.xlsx`` → ``台账.attachments.zip``)."""
    return workbook.with_name(f"{workbook.stem}{SIDE_ZIP}")


class WorkbookError(UserError):
    """The workbook cannot be read at all (not a zip of sheets, encrypted, a damaged .xls/.et)."""


def sheet_table(title: str) -> str | None:
    """The table a sheet named ``title`` holds (English or Chinese name, case and spaces ignored), or None."""
    key = re.sub(r"\s+", "", title)
    return _SHEET_TABLES.get(key.lower()) or _SHEET_TABLES.get(key)


def exact_number(value: int | float) -> Decimal:
    """The decimal a number cell shows: an int exactly; a float as its shortest repr, or at most
    15 significant digits (Excel's precision) when the shortest repr is longer (``0.1 + 0.2``)."""
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    shortest = Decimal(repr(value))
    if len(shortest.as_tuple().digits) > 15:
        return Decimal(format(value, ".15g"))
    return shortest


def _plain(number: Decimal) -> str:
    """Positional text of ``number`` (no exponent); trailing zeros after the point removed."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def excel_display(number: Decimal) -> str:
    """How Excel's General format shows a number too long for 11 digits: ``1.09032360012011E+21``."""
    digits = _plain(number).lstrip("-")
    if len(digits.replace(".", "")) <= 11 or "." in digits:
        return _plain(number)
    mantissa, exponent = format(number, ".14E").split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{int(exponent):02d}"


#: Identifier columns: written as text cells; a number found there is shown as Excel shows it.
IDENTIFIER_COLUMNS = frozenset({"contract_no", "procurement_no", "tax_id", "account", "bank_account", "phone",
                                "clause_ref", "invoice_no", "voucher_no", "amendment_no"})


def cell_text(value: object, number_format: str, column: Column | None) -> str:
    """The CSV text of one typed cell of ``column`` (None: a header or unknown column)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) or (column is not None and column.kind == "date"):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        number = exact_number(value)
        kind = column.kind if column is not None else "text"
        if kind == "date" and not isinstance(value, bool) and 0 < value < 2958466:
            from openpyxl.utils.datetime import from_excel  # openpyxl on first use: start-up (issue 18)

            serial = from_excel(value)
            if isinstance(serial, dt.datetime):
                return serial.date().isoformat()
        if kind == "percent" and "%" in number_format:
            number = number * 100
        if column is not None and column.name in IDENTIFIER_COLUMNS:
            return excel_display(number)
        return _plain(number)
    return str(value)


def _guard(text: str) -> str:
    """The reader strips one apostrophe before a formula start; a text cell is text, so keep it so."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def sheet_csv(rows: list[tuple[object, ...]], formats: list[tuple[str, ...]], table: Table) -> str:
    """The CSV text of one sheet's ``rows`` (values) with their ``formats`` (number formats)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    if not rows:
        return ""
    header = [cell_text(v, "", None).strip() for v in rows[0]]
    known = {c.name: c for c in table.columns} | {c.alias: c for c in table.columns}
    columns = [known.get(re.sub(r"\s+", "", h)) or known.get(re.sub(r"\s+", "", h).lower()) for h in header]
    writer.writerow(header)
    for values, number_formats in zip(rows[1:], formats[1:], strict=True):
        writer.writerow([
            _guard(cell_text(value, fmt, columns[index] if index < len(columns) else None))
            for index, (value, fmt) in enumerate(zip(values, number_formats, strict=True))
        ])
    return out.getvalue()


def read_workbook(data: bytes, label: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The sheets of the workbook ``data`` (named ``label`` in messages) as ``(table, sheet label,
    CSV text)``, and the labels of sheets that are no ledger table. ``data`` is read by what it is,
    not by its name: a zip of XML parts (.xlsx/.xlsm, or an .et WPS saved that way) with openpyxl,
    an OLE2 file (.xls, an .et in the Excel 97–2003 form) with xlrd (``workbook_xls``), as is any
    other file named .xls/.et.

    Raises ``WorkbookError``: ``LEDGER_WORKBOOK_UNREADABLE`` when ``data`` is not an .xlsx workbook,
    ``LEDGER_WORKBOOK_LEGACY`` when an OLE2 file cannot be read as an .xls workbook.
    """
    if is_ole2(data) or (not data.startswith(b"PK") and label.lower().endswith(LEGACY_SUFFIXES)):
        try:
            raw = raw_sheets(data)
        except LegacyReadError as exc:
            suffix = "." + label.rsplit(".", 1)[-1].lower() if "." in label else ".xls"
            reason = Term(exc.reason, "文件已损坏、已加密，或不是 Excel 97–2003 格式")  # xlrd's words: English only
            raise WorkbookError(WORKBOOK_LEGACY, label=label, suffix=suffix, reason=reason) from exc
    else:
        raw = _xlsx_sheets(data, label)
    sheets: list[tuple[str, str, str]] = []
    ignored: list[str] = []
    for sheet in raw:
        sheet_label = f"{label}[{sheet.title}]"
        table = sheet_table(sheet.title)
        if table is None:
            if any(value is not None for row in sheet.rows for value in row):
                ignored.append(sheet_label)
            continue
        sheets.append((table, sheet_label, sheet_csv(sheet.rows, sheet.formats, TABLES_BY_NAME[table])))
    return sheets, ignored


def _xlsx_sheets(data: bytes, label: str) -> list[RawSheet]:
    """Every sheet of the .xlsx ``data`` with its typed values and number formats (openpyxl)."""
    from openpyxl import load_workbook  # on first use: the window's start need not load it (issue 18)

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise WorkbookError(WORKBOOK_UNREADABLE, label=label, reason=type(exc).__name__) from exc
    raw: list[RawSheet] = []
    for sheet in book.worksheets:
        rows: list[tuple[object, ...]] = []
        formats: list[tuple[str, ...]] = []
        filled = sheet.max_row > 1 or sheet.max_column > 1 or sheet.cell(1, 1).value is not None
        if filled and sheet_table(sheet.title) is None:  # not a table: only whether it holds anything counts
            rows, formats = [(True,)], [("General",)]
        elif filled:
            for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column):
                rows.append(tuple(cell.value for cell in row))
                formats.append(tuple(str(cell.number_format or "") for cell in row))
        raw.append(RawSheet(sheet.title, rows, formats))
    book.close()
    return raw


def workbook_sheets(name: str, label: str, data: bytes) -> tuple[list[tuple[str, str, str]], list[str]]:
    """``read_workbook`` for a file called ``name`` (.xlsx, .xlsm, .xls or .et)."""
    return read_workbook(data, label)
