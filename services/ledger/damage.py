"""Damage a spreadsheet does to a ledger when it opens and saves it, caught on import.

Excel, WPS and LibreOffice Calc read every CSV cell as a value: a long digit string becomes a
float (``1.09032360012011E+21``, digits past the 15th lost), a number loses its leading zero
(a landline ``01068717284`` becomes ``1068717284``), a clause number becomes a date (``8.1.1``
→ ``1/1/08``), and a percent cell formatted as General is saved as its fraction (6 % → ``0.06``).
``scan`` looks at the identifier columns and the percent columns of the records that
``services.ledger.read`` made and reports each kind at ``file:row:column`` with what the
spreadsheet did and how to avoid it. ``value_damage`` is the same test on one value, which the
store check (``services.checks.damage``) uses.

Rules (each of the form the column has; nothing else is guessed):

- any identifier column: a number in scientific notation — error;
- ``phone``: all digits, 9–11 of them, not starting with 0, not a mobile number (11 digits from
  13…19) nor a 400/800 service number — a mainland landline without its leading 0 — error;
- ``tax_id`` (统一社会信用代码 18 characters; the old forms 15 or 20): all digits, 16 or 17 — cut
  short — error;
- ``tax_id``, ``account``: 16 or more digits of which all after the 15th are ``0`` — Excel keeps
  only 15 significant digits — warning (a real number can end so);
- ``clause_ref``: a date (``2008-01-01``, ``1/1/08``, ``2008/1/1 0:00``) — error;
- ``tax_rate`` and the shares ``installments.percent``, ``bonds.percent``: more than 0 and less
  than 1 — warning ("0.06 % — did you mean 6 %?"); penalty rates are often that small, so not those.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal

from services.errors import define
from services.ledger import codes
from services.ledger.read import Problems, Record
from services.ledger.schema import Table
from services.ledger.workbook import IDENTIFIER_COLUMNS

#: (table, column) of percent columns holding a rate or share that is never below 1 % in practice.
SHARE_COLUMNS = frozenset({("contracts", "tax_rate"), ("installments", "percent"), ("bonds", "percent")})

_AVOID_EN = "open the CSV with this column set to Text (Data → From Text/CSV), or export and edit the .xlsx workbook"
_AVOID_ZH = "用“数据 → 自文本/CSV”打开并把该列设为“文本”，或导出并编辑 .xlsx 工作簿"

SCIENTIFIC = define(
    "LEDGER_DAMAGE_SCIENTIFIC",
    "{value}：电子表格把这个编号当作数字，以科学计数法保存，15 位以后的数字已丢失；" + _AVOID_ZH,
    "{value}: the spreadsheet took this identifier for a number and saved it in scientific notation, "
    "losing the digits past the 15th; " + _AVOID_EN,
)
LEADING_ZERO = define(
    "LEDGER_DAMAGE_LEADING_ZERO",
    "{value}：像是丢了开头“0”的固定电话号码（电子表格把它当作数字保存）；请写作 0{value}，或" + _AVOID_ZH,
    "{value}: looks like a landline number that lost its leading 0 (the spreadsheet saved it as a number); "
    "write 0{value}, or " + _AVOID_EN,
)
CUT_SHORT = define(
    "LEDGER_DAMAGE_CUT_SHORT",
    "{value}：纳税人识别号只有 {length} 位（应为 15、18 或 20 位），像是被电子表格当作数字截短；" + _AVOID_ZH,
    "{value}: a tax id of {length} characters (it has 15, 18 or 20), as if a spreadsheet cut it short "
    "as a number; " + _AVOID_EN,
)
TRAILING_ZEROS = define(
    "LEDGER_DAMAGE_TRAILING_ZEROS",
    "{value}：第 15 位以后全是 0，电子表格只保留 15 位有效数字，原号码可能已丢失；请核对原件，" + _AVOID_ZH,
    "{value}: every digit past the 15th is 0 — a spreadsheet keeps only 15 digits of a number, so the real "
    "digits may be lost; check the original, and " + _AVOID_EN,
)
DATE_FOR_CLAUSE = define(
    "LEDGER_DAMAGE_DATE_CLAUSE",
    "{value}：条款号处是一个日期——电子表格把 8.1.1 这样的条款号识别成了日期；"
    "请改回条款号，并关闭“识别特殊数字”或" + _AVOID_ZH,
    "{value}: a date where a clause number belongs — the spreadsheet read a clause number such as 8.1.1 "
    "as a date; write the clause number again, and turn off 'detect special numbers' or " + _AVOID_EN,
)
SMALL_PERCENT = define(
    "LEDGER_DAMAGE_SMALL_PERCENT",
    "{value} %——是否应为 {times} %？百分比单元格按“常规”格式保存时会存成小数（6 % → 0.06）；此处按 {value} % 读入",
    "{value} % — did you mean {times} %? A percent cell saved as General keeps its fraction (6 % → 0.06); "
    "read as {value} %",
)

_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_DATE_LIKE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})( \d{1,2}:\d{2}(:\d{2})?)?$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def value_damage(column: str, text: str) -> tuple[str, str, dict[str, object]] | None:
    """The damage ``text`` in identifier ``column`` shows: ``(severity, code, params)`` with severity
    ``"error"`` or ``"warning"``, or None. ``column`` is the English column name."""
    value = text.strip()
    if column not in IDENTIFIER_COLUMNS or not value:
        return None
    if _SCIENTIFIC.match(value):
        return "error", SCIENTIFIC, {"value": value}
    if column == "clause_ref" and _DATE_LIKE.match(value):
        return "error", DATE_FOR_CLAUSE, {"value": value}
    if not value.isdigit():
        return None
    if (column == "phone" and 9 <= len(value) <= 11 and value[0] != "0" and not _MOBILE.match(value)
            and not value.startswith(("400", "800"))):
        return "error", LEADING_ZERO, {"value": value}
    if column == "tax_id" and len(value) in (16, 17):
        return "error", CUT_SHORT, {"value": value, "length": len(value)}
    if column in ("tax_id", "account", "bank_account") and len(value) > 15 and set(value[15:]) == {"0"}:
        return "warning", TRAILING_ZEROS, {"value": value}
    return None


def _titles(text: str, table: Table) -> dict[str, str]:
    """Column name -> the header as the file writes it (English or Chinese), for messages."""
    first = re.split(r"\r\n|\r|\n", text.lstrip("\ufeff"), maxsplit=1)[0]
    names = {re.sub(r"\s+", "", t).lower(): c.name for c in table.columns for t in (c.name, c.alias)}
    best: dict[str, str] = {}
    for separator in (",", "\t", ";"):
        cells = next(csv.reader([first], delimiter=separator), [])
        found = {names[key]: cell.strip() for cell in cells if (key := re.sub(r"\s+", "", cell).lower()) in names}
        if len(found) > len(best):
            best = found
    return best


def scan(text: str, table: Table, label: str, records: list[Record], problems: Problems) -> None:
    """Add to ``problems`` the spreadsheet damage in ``records`` (read from ``text``, the file ``label``
    of ``table``), each at ``file:row:column``."""
    titles = _titles(text, table)
    columns = {c.name: c for c in table.columns}
    identifiers = [c.name for c in table.columns if c.name in IDENTIFIER_COLUMNS]
    shares = [c.name for c in table.columns if (table.name, c.name) in SHARE_COLUMNS]
    for record in records:
        for name in identifiers:
            value = record.values.get(name)
            found = value_damage(name, value) if isinstance(value, str) else None
            if found is not None:
                severity, code, params = found
                header = titles.get(name, name)
                if severity == "error":
                    problems.errors.append(codes.problem(label, record.row, columns[name], code, header, **params))
                else:
                    problems.warnings.append(codes.warning(label, record.row, columns[name], code, header, **params))
        for name in shares:
            value = record.values.get(name)
            if isinstance(value, Decimal) and 0 < value < 1:
                times = format((value * 100).normalize(), "f")
                problems.warnings.append(codes.warning(label, record.row, columns[name], SMALL_PERCENT,
                                                       titles.get(name, name), value=value, times=times))
