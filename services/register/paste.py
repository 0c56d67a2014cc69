"""Reading a block of line items copied from Excel or WPS (tab-separated text). Qt-free.

A spreadsheet copies a range as one line per row and one tab between cells; a cell holding
a tab, a line break or a leading double quote is wrapped in double quotes with inner quotes
doubled. The block may start with a header row (English or Chinese column names), which
then decides which cell goes to which field; without one, cells go to the table's visible
columns in order, starting at the column the user pasted into.

Values are read with :mod:`services.ledger.values`, so a pasted cell accepts exactly what the
ledger CSV accepts (plus a ``¥`` prefix on unit prices and a ``个月`` suffix on months).
Nothing is half-read: the caller gets every problem at once and pastes nothing if any.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from services.errors import InputError, LocatedProblem, Term, define
from services.ledger.values import TOO_LARGE, parse_decimal, parse_int, parse_money, parse_money_amount, parse_role

NO_COLUMN = define("PASTE_NO_COLUMN", "表格中没有可粘贴的列", "no table column to paste into")
MONTHS_NEGATIVE = define("PASTE_MONTHS_NEGATIVE",
                         "计费月数不能为负数：“{text}”", "number of months is negative: {text!r}")
TOO_MANY_MONTHS = define("PASTE_TOO_MANY_MONTHS",
                         "计费月数超过 {limit}：“{text}”", "more than {limit} months: {text!r}")
LINE_TOO_LARGE = define("PASTE_LINE_TOO_LARGE",
                         "单价 × 数量 × 月数 过大", "unit price × quantity × months is too large")
NOT_A_FIELD = define("PASTE_NOT_A_FIELD", "不是明细项的字段：{name}", "not a line-item field: {name!r}")
WAN_READ = define("PASTE_WAN_READ", "{text} 按 {amount} 元读取", "{text} read as {amount} yuan")
NUMBER = Term("number", "数字")
UNIT_PRICE = Term("unit price", "单价")
QUANTITY = Term("quantity", "数量")
MONTHS = Term("number of months", "计费月数")
AMOUNT = Term("amount", "合价")

#: Fields a pasted cell can set, in LineItemData order. ``seq`` is renumbered, never read.
PASTE_FIELDS: tuple[str, ...] = (
    "name",
    "name_en",
    "unit",
    "unit_price",
    "quantity",
    "periods",
    "amount",
    "party_role",
    "note",
)

# Column names seen in contracts, quotations and our own table, normalised by _normalise.
# "computed_amount" is recognised (so a block copied from our table is seen as having a
# header) but never read: it is derived from the other cells.
_HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "seq", "no", "no.", "#", "lineno", "line"),
    "name": ("名称", "服务名称", "项目名称", "产品名称", "品名", "name", "item", "description", "service"),
    "unit": ("单位", "计量单位", "unit"),
    "unit_price": ("单价", "unit_price", "unitprice", "price"),
    "quantity": ("数量", "quantity", "qty"),
    "periods": ("计费月数", "月数", "服务期限(月)", "服务期(月)", "periods", "months", "billingmonths"),
    "amount": ("合价", "金额", "小计", "总价", "amount", "lineamount", "statedamount"),
    "computed_amount": ("计算金额", "computed", "computedamount", "computed_amount"),
    "party_role": ("承担方", "party_role", "partyrole", "party", "role"),
    "note": ("备注", "说明", "note", "notes", "remark", "remarks"),
    "name_en": ("英文名称", "name_en", "englishname", "nameinenglish"),
}
_HEADER_LOOKUP: dict[str, str] = {
    name.replace("_", ""): field_name for field_name, names in _HEADER_NAMES.items() for name in names
}
#: Amounts, unit prices, quantities and line products stay below this many yuan (10^15):
#: exact in Decimal's default 28 digits with 8 decimals, and within the store's integer fen.
MAX_AMOUNT = Decimal(10) ** 15
#: More billing months than this (a century) is a typing slip.
MAX_MONTHS = 1200
_TRAILING_UNIT = re.compile(r"\([^()]*\)$")


@dataclass
class PasteResult:
    """What a pasted block holds.

    ``rows``: one dict per non-blank row, field name → parsed value for the fields the block
    has (``name``/``unit``/``note``: ``str`` or None; ``unit_price``/``quantity``: ``Decimal``
    or None; ``periods``: ``int`` or None; ``amount``: ``Decimal`` yuan with two decimals or
    None; ``party_role``: 甲方…戊方 or None). ``errors``: ``LocatedProblem``s (coded; as text
    ``"row R, column C: reason [CODE]"``, ``localized(language)`` for the window) with R
    counted from 1 within the block (a header row counts) and C the header cell, or the
    column's label/field name; when not empty, paste nothing. ``warnings``: accepted but worth
    telling (万元 multiplied out). ``header``: a header row was found and skipped.
    ``ignored_columns``: header cells that name no line-item field (their cells were dropped).
    """

    rows: list[dict[str, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    header: bool = False
    ignored_columns: list[str] = field(default_factory=list)


def split_block(text: str) -> list[list[str]]:
    """Split tab-separated text into rows of cells, undoing Excel's quoting.

    Accepts ``\\r\\n``, ``\\n`` or ``\\r`` line ends; a final line end adds no row. A cell is
    quoted only if it starts with ``"`` and its closing quote is followed by a tab, a line
    end or the end of the text; otherwise its quotes are kept as typed (``12" screen``).
    Line ends inside quoted cells become ``\\n``. Never raises.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    while True:
        value: str | None = None
        if i < n and text[i] == '"':
            chars: list[str] = []
            j = i + 1
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        chars.append('"')
                        j += 2
                        continue
                    break
                chars.append(text[j])
                j += 1
            if j < n and (j + 1 == n or text[j + 1] in "\t\r\n"):
                value = "".join(chars).replace("\r\n", "\n").replace("\r", "\n")
                i = j + 1
        if value is None:
            end = i
            while end < n and text[end] not in "\t\r\n":
                end += 1
            value, i = text[i:end], end
        row.append(value)
        if i >= n:
            rows.append(row)
            break
        if text[i] == "\t":
            i += 1
            continue
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
        row = []
        if i >= n:
            break
    return rows


def header_field(cell: str) -> str | None:
    """The field a header cell names (``"单价（元）"`` → ``"unit_price"``), or None.

    Case, spaces, underscores and full-width brackets do not matter; a trailing unit in
    brackets (``(元)``, ``(元/月)``) is dropped when the whole text is not a known name.
    """
    key = re.sub(r"\s+", "", cell).lower().replace("（", "(").replace("）", ")").replace("_", "")
    if not key:
        return None
    found = _HEADER_LOOKUP.get(key)
    if found is None:
        found = _HEADER_LOOKUP.get(_TRAILING_UNIT.sub("", key))
    return found


def _looks_numeric(cell: str) -> bool:
    try:
        parse_money(cell)
    except (ValueError, ArithmeticError):
        return False
    return True


def _is_header(cells: list[str]) -> bool:
    # A header names at least two known columns (one if it has a single cell), names more
    # cells than it leaves unknown, and holds no number: a "小计 … 2,738,718.50" line is data.
    filled = [cell for cell in cells if cell.strip()]
    if not filled or any(_looks_numeric(cell) for cell in filled):
        return False
    known = sum(1 for cell in filled if header_field(cell) is not None)
    return known >= min(2, len(filled)) and known * 2 >= len(filled)


def _parse_cell(field_name: str, text: str) -> tuple[object, InputError | None]:
    """(value, warning) of one cell for ``field_name``; raises ``InputError`` (coded) with the reason."""
    try:
        value, warning = _read_cell(field_name, text)
    except ArithmeticError:  # more digits than Decimal's context holds
        raise InputError(TOO_LARGE, what=NUMBER, text=text[:40]) from None
    if isinstance(value, Decimal) and abs(value) >= MAX_AMOUNT:
        raise InputError(TOO_LARGE, what=NUMBER, text=text[:40])
    if field_name == "periods" and isinstance(value, int) and value > MAX_MONTHS:
        raise InputError(TOO_MANY_MONTHS, limit=MAX_MONTHS, text=text[:40])
    return value, warning


def check_line(unit_price: Decimal | None, quantity: Decimal | None, periods: int | None) -> None:
    """Raise ``InputError`` ``PASTE_LINE_TOO_LARGE`` (a ``ValueError``) when unit price × quantity ×
    months reaches ``MAX_AMOUNT`` yuan.

    Below it the product is exact in Decimal's default context and fits the store's fen.
    """
    if unit_price is None or quantity is None:
        return
    with localcontext() as context:
        context.prec = 80
        product = unit_price * quantity * (periods if periods is not None else 1)
    if abs(product) >= MAX_AMOUNT:
        raise InputError(LINE_TOO_LARGE)


def _read_cell(field_name: str, text: str) -> tuple[object, InputError | None]:
    body = text.strip()
    if field_name == "name":
        return body, None
    if field_name in ("unit", "note", "name_en"):
        return (body or None), None
    if not body:
        return None, None
    if field_name == "unit_price":
        # Spreadsheets often format unit prices as currency.
        for prefix in ("¥", "￥", "RMB", "CNY"):
            if body.startswith(prefix):
                body = body[len(prefix) :].strip()
                break
        return parse_decimal(body.removesuffix("元").strip(), UNIT_PRICE), None
    if field_name == "quantity":
        return parse_decimal(body, QUANTITY), None
    if field_name == "periods":
        months = parse_int(body.removesuffix("个月").removesuffix("月").strip(), MONTHS, low=-(10**12), high=10**12)
        if months < 0:
            raise InputError(MONTHS_NEGATIVE, text=text[:40])
        return months, None
    if field_name == "amount":
        amount, wan = parse_money_amount(body, AMOUNT)
        return amount, (InputError(WAN_READ, text=body, amount=amount) if wan else None)
    if field_name == "party_role":
        return parse_role(body), None
    raise InputError(NOT_A_FIELD, name=field_name)


def parse_field(field_name: str, text: str) -> object:
    """Parse one cell's text for a LineItemData field, as a paste or a typed edit would.

    Returns ``str`` (name: stripped, possibly empty), ``str | None`` (name_en, unit, note: None when
    blank), ``Decimal | None`` (unit_price, quantity: up to 4 decimals, not negative;
    amount: yuan, two decimals, not negative: the format gives money no negative meaning),
    ``int | None`` (periods: months, not negative) or ``str | None`` (party_role: 甲方…戊方).
    Raises ``InputError`` (a ``ValueError``, coded) whose message is the reason
    (``"not a quantity: 'abc'"``), also for a field that cannot be set.
    """
    if field_name not in PASTE_FIELDS:
        raise InputError(NOT_A_FIELD, name=field_name)
    return _parse_cell(field_name, text)[0]


def parse_block(
    text: str,
    columns: list[str],
    start_column: int = 0,
    labels: Mapping[str, str] | None = None,
) -> PasteResult:
    """Parse a block copied from Excel/WPS into line-item field values.

    ``columns``: the field names of the table's visible columns, in view order; used when the
    block has no header row, the first cell going to ``columns[start_column]``. Cells landing
    on columns that cannot be set (``seq``, ``computed_amount``) are ignored. ``labels``:
    field name → the column title the user sees, for error messages (default: field names).
    Blank rows are skipped. Never raises: bad cells are reported in ``PasteResult.errors``.
    """
    labels = labels or {}
    result = PasteResult()
    grid = split_block(text)
    while grid and not any(cell.strip() for cell in grid[-1]):
        grid.pop()
    if not grid:
        return result

    # cell position → (field, label used in messages)
    mapping: dict[int, tuple[str, str]] = {}
    first_data = 0
    if _is_header(grid[0]):
        result.header = True
        first_data = 1
        taken: set[str] = set()
        for position, cell in enumerate(grid[0]):
            found = header_field(cell)
            if found is None or found in taken:
                if cell.strip():
                    result.ignored_columns.append(cell.strip())
                continue
            taken.add(found)
            mapping[position] = (found, cell.strip())
    else:
        start = max(0, start_column)
        for position, field_name in enumerate(columns[start:]):
            mapping[position] = (field_name, labels.get(field_name, field_name))

    for row_index in range(first_data, len(grid)):
        cells = grid[row_index]
        row_no = row_index + 1
        if not any(cell.strip() for cell in cells):
            continue
        values: dict[str, object] = {}
        for position, cell in enumerate(cells):
            target = mapping.get(position)
            if target is None:
                if cell.strip() and not result.header:
                    result.errors.append(LocatedProblem("", row_no, str(position + 1), NO_COLUMN))
                continue
            field_name, label = target
            if field_name not in PASTE_FIELDS:
                continue
            try:
                value, warning = _parse_cell(field_name, cell)
            except InputError as exc:
                result.errors.append(LocatedProblem("", row_no, label, exc.code, exc.params))
                continue
            if warning:
                result.warnings.append(LocatedProblem("", row_no, label, warning.code, warning.params,
                                                      severity="warning"))
            values[field_name] = value
        try:
            check_line(values.get("unit_price"), values.get("quantity"), values.get("periods"))  # type: ignore[arg-type]  # _parse_cell: Decimal, int
        except InputError as exc:
            result.errors.append(LocatedProblem("", row_no, None, exc.code, exc.params))
        if any(value not in (None, "") for value in values.values()):
            result.rows.append(values)
    return result
