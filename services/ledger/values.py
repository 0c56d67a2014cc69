"""Reading and writing the value syntax of the ledger (spec ``csv-format.md``, "Value syntax").

Every parser takes the cell text (already stripped of the formula-guard apostrophe) and
returns an exact value or raises ``InputError`` (a ``ValueError`` carrying a code and its
parameters, translated zh_CN + en: ``services.errors``) saying what is wrong, in a form that can
follow ``file:row:column``. Never float. Forms an office suite writes are accepted: full-width
digits and punctuation (``１，２３４．５０``, ``６％``, NFKC-normalised), ``¥``/``￥``/``人民币``
prefixes, thousands separators.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from models.base import decimal_text
from models.contract import ROLES
from services.errors import InputError, Term, define
from services.money import FEN, yuan_text
from services.money.amounts import MAX_AMOUNT

NOT_NUMBER = define("VALUE_NOT_NUMBER", "不是{what}：“{text}”", "not a {what}: {text!r}")
TOO_LARGE = define("VALUE_TOO_LARGE", "{what}过大：“{text}”（整数部分最多 15 位）", "{what} is too large: {text!r}")
MONEY_TOO_LARGE = define("VALUE_MONEY_TOO_LARGE",
                          "金额过大：“{text}”（最多 {limit} 元，即大写金额能写出的最大金额）",
                          "amount too large: {text!r} (at most {limit} yuan, the largest the capitals can write)")
MONEY_DECIMALS = define("VALUE_MONEY_DECIMALS", "金额超过两位小数（不会自动舍入）：“{text}”",
                        "money amount has more than two decimals: {text!r}")
NEGATIVE = define("VALUE_NEGATIVE", "{what}不能为负数：“{text}”", "{what} is negative: {text!r}")
DECIMALS = define("VALUE_DECIMALS", "{what}超过 4 位小数：“{text}”", "{what} has more than 4 decimals: {text!r}")
NOT_INTEGER = define("VALUE_NOT_INTEGER", "{what}不是整数：“{text}”", "not an integer ({what}): {text!r}")
OUT_OF_RANGE = define("VALUE_OUT_OF_RANGE", "{what}超出范围 {low}…{high}：“{text}”",
                      "{what} is out of range {low}…{high}: {text!r}")
NOT_DATE = define("VALUE_NOT_DATE", "不是日期（请写作 2025-10-16）：“{text}”", "not a date (use 2025-10-16): {text!r}")
NO_SUCH_DATE = define("VALUE_NO_SUCH_DATE", "日期不存在：“{text}”", "no such date: {text!r}")
DATE_RANGE = define("VALUE_DATE_RANGE", "日期超出 {low}–{high} 年：“{text}”",
                    "date outside the years {low}–{high}: {text!r}")
NOT_FLAG = define("VALUE_NOT_FLAG", "应为“是”或“否”（yes / no）：“{text}”", "yes or no: {text!r}")
NOT_ROLE = define("VALUE_NOT_ROLE", "不是合同方角色（甲方…戊方 或 Party A…E）：“{text}”",
                  "not a party role (甲方…戊方 or Party A…E): {text!r}")
CONTROL_CHARACTER = define("VALUE_CONTROL_CHARACTER", "含有控制字符 {char}（第 {position} 个字符）",
                           "holds the control character {char} (character {position})")

#: Names of values in messages when the caller gives none.
NUMBER = Term("number", "数字")
QUANTITY = Term("quantity", "数量")
MONEY = Term("money amount", "金额")
PERCENT = Term("percent", "比例")
INTEGER = Term("integer", "整数")
#: Years a date may fall in (a contract date outside them is a typing or spreadsheet error).
MIN_YEAR, MAX_YEAR = 1900, 2200
#: Whole numbers of the ledger (seq, periods, offsets, day counts) lie within ± this bound.
MAX_WHOLE = 100_000
_ALLOWED_CONTROLS = "\t\n\r"

#: Digits before the decimal point a value may have (10^15 yuan is far beyond any contract).
MAX_INTEGER_DIGITS = 15
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
#: Money as the writer writes it (``2738718.50``): read as it is, the same value ``parse_money`` gives.
_WRITER_MONEY = re.compile(r"[0-9]{1,15}\.[0-9]{2}")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_ROLE_ALIASES = {
    **{role: role for role in ROLES},
    **{letter: role for letter, role in zip("ABCDE", ROLES, strict=True)},
    **{f"PARTY {letter}": role for letter, role in zip("ABCDE", ROLES, strict=True)},
}


#: Chinese names of the values callers name by an English word.
_ZH_NAMES = {"quantity": "数量", "unit price": "单价", "number of days": "天数", "number": "数字", "percent": "比例",
             "integer": "整数", "money amount": "金额"}


def _term(what: str | Term) -> Term:
    return what if isinstance(what, Term) else Term(what, _ZH_NAMES.get(what, what))


def _shown(text: str) -> str:
    """The cell text as quoted in a message: at most 60 characters."""
    return text if len(text) <= 60 else text[:57] + "…"


def _halfwidth(text: str) -> str:
    """Full-width digits and punctuation as ASCII (``１，２３４．５０`` → ``1,234.50``; NFKC)."""
    return unicodedata.normalize("NFKC", text)


#: Text without any character of category Cc (C0 controls, DEL, C1 controls).
_NO_CONTROL = re.compile("[^\x00-\x1f\x7f-\x9f]*")


def check_text(text: str, *, line_breaks: bool = True) -> str:
    """``text`` unchanged if it holds no control character (tab and, with ``line_breaks``, CR/LF
    allowed). Raises ``InputError`` ``VALUE_CONTROL_CHARACTER`` naming the first one (NUL, …)."""
    if _NO_CONTROL.fullmatch(text):  # the common case, without a category lookup per character
        return text
    allowed = _ALLOWED_CONTROLS if line_breaks else "\t"
    for position, char in enumerate(text, 1):
        if unicodedata.category(char) == "Cc" and char not in allowed:
            raise InputError(CONTROL_CHARACTER, char=f"U+{ord(char):04X}", position=position)
    return text


def _number(text: str, what: str | Term) -> Decimal:
    """A plain decimal with optional thousands separators (full-width forms accepted)."""
    term = _term(what)
    compact = _halfwidth(text).strip().replace(" ", "")
    if _THOUSANDS.match(compact):
        compact = compact.replace(",", "")
    if not _PLAIN.match(compact):
        raise InputError(NOT_NUMBER, what=term, text=_shown(text))
    if len(compact.lstrip("+-").split(".")[0]) > MAX_INTEGER_DIGITS:
        # Beyond any contract, and beyond what Decimal's 28-digit context rounds exactly.
        raise InputError(TOO_LARGE, what=term, text=_shown(text))
    try:
        return Decimal(compact)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid forms
        raise InputError(NOT_NUMBER, what=term, text=_shown(text)) from exc


def parse_money(text: str) -> tuple[Decimal, bool]:
    """Parse a money cell into yuan with two decimals.

    Accepts ``2738718.50``, ``¥2,738,718.50``, ``RMB 2738718.5``, ``人民币1234.50元``,
    ``2738718.50元``, full-width ``￥１，２３４．５０`` and ``273.87万元`` (× 10,000). Returns
    ``(amount, wan)`` where ``wan`` is True when a 万元 unit was multiplied out (the reader
    reports it as a warning). Raises ``InputError`` (a ``ValueError``) for anything else,
    including more than two decimals after scaling (no silent rounding) and an amount above
    ``services.money.amounts.MAX_AMOUNT`` (``VALUE_MONEY_TOO_LARGE``: the largest 大写金额). A sign is the caller's
    to judge (``parse_money_amount`` rejects negatives).
    """
    body = _halfwidth(text).strip()
    for prefix in ("¥", "RMB", "rmb", "CNY", "人民币"):
        if body.startswith(prefix):
            body = body[len(prefix) :].strip()
            break
    wan = body.endswith("万元") or body.endswith("万")
    if wan:
        body = body.removesuffix("万元").removesuffix("万").strip()
    else:
        body = body.removesuffix("元").strip()
    amount = _number(body, MONEY)
    if wan:
        amount *= 10000
    if abs(amount) > MAX_AMOUNT:  # the register holds no amount its print-outs cannot write in 大写
        raise InputError(MONEY_TOO_LARGE, text=_shown(text), limit=yuan_text(MAX_AMOUNT))
    if amount != amount.quantize(FEN):
        raise InputError(MONEY_DECIMALS, text=_shown(text))
    return amount.quantize(FEN), wan


def parse_money_amount(text: str, what: str | Term = MONEY) -> tuple[Decimal, bool]:
    """``parse_money`` for a column with no negative meaning (totals, prices, shares, payments).

    Raises ``InputError`` ``VALUE_NEGATIVE`` for ``-100.00`` besides ``parse_money``'s errors.
    """
    if _WRITER_MONEY.fullmatch(text):  # the writer's own form (most cells of an exported ledger)
        plain = Decimal(text)
        if plain <= MAX_AMOUNT:
            return plain, False
    amount, wan = parse_money(text)
    if amount < 0:
        raise InputError(NEGATIVE, what=_term(what), text=_shown(text))
    return amount, wan


def parse_decimal(text: str, what: str | Term = NUMBER) -> Decimal:
    """Unit price or quantity: an exact decimal, up to 4 decimals, thousands separators allowed.

    ``what`` names the value in messages (a ``Term``: 数量 / quantity). Raises ``InputError``
    (``VALUE_NOT_NUMBER``, ``VALUE_TOO_LARGE``, ``VALUE_NEGATIVE``, ``VALUE_DECIMALS``).
    """
    value = _number(text, what)
    if value < 0:
        raise InputError(NEGATIVE, what=_term(what), text=_shown(text))
    if value != value.quantize(Decimal("0.0001")):
        raise InputError(DECIMALS, what=_term(what), text=_shown(text))
    return value


def parse_percent(text: str, what: str | Term = PERCENT) -> Decimal:
    """Percent: ``75``, ``75%`` or ``７５％`` means 75 %; ``0.01`` means 0.01 %. Raises ``InputError``."""
    body = _halfwidth(text).strip().removesuffix("%").strip()
    value = _number(body, what)
    if value < 0:
        raise InputError(NEGATIVE, what=_term(what), text=_shown(text))
    return value


def parse_int(text: str, what: str | Term = INTEGER, *, low: int = -MAX_WHOLE, high: int = MAX_WHOLE) -> int:
    """A whole number in ``low``…``high`` (default ±100,000), sign allowed (``-5`` for offsets before
    an event). Raises ``InputError`` ``VALUE_NOT_INTEGER`` or ``VALUE_OUT_OF_RANGE`` (never
    ``OverflowError`` later: a 31-digit ``seq`` stops here)."""
    body = _halfwidth(text).strip()
    if not re.fullmatch(r"[+-]?\d+", body):
        raise InputError(NOT_INTEGER, what=_term(what), text=_shown(text))
    if len(body.lstrip("+-")) > 12 or not low <= int(body) <= high:
        raise InputError(OUT_OF_RANGE, what=_term(what), text=_shown(text), low=low, high=high)
    return int(body)


def parse_date(text: str) -> dt.date:
    """``2025-10-16``, ``2025/10/16``, ``2025.10.16``, ``2025年10月16日``; spaces, single digits and
    full-width digits allowed; years 1900–2200.

    Raises ``InputError`` naming the text for other forms (``VALUE_NOT_DATE``), impossible dates
    (2025-02-30, ``VALUE_NO_SUCH_DATE``) and years outside 1900–2200 (``VALUE_DATE_RANGE``).
    """
    match = _DATE.match(_halfwidth(text).strip())
    if not match:
        raise InputError(NOT_DATE, text=_shown(text))
    year, month, day = (int(part) for part in match.groups())
    try:
        value = dt.date(year, month, day)
    except ValueError as exc:
        raise InputError(NO_SUCH_DATE, text=_shown(text)) from exc
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(DATE_RANGE, text=_shown(text), low=MIN_YEAR, high=MAX_YEAR)
    return value


def parse_role(text: str) -> str:
    """``甲方``…``戊方``, ``A``…``E`` or ``Party A``…``Party E`` → the Chinese role. Raises ``InputError``."""
    key = " ".join(_halfwidth(text).strip().upper().split())
    try:
        return _ROLE_ALIASES[key]
    except KeyError:
        raise InputError(NOT_ROLE, text=_shown(text)) from None


_FLAG_YES = frozenset({"yes", "y", "true", "1", "是", "√", "✓", "x", "牵头", "牵头人"})
_FLAG_NO = frozenset({"no", "n", "false", "0", "否", "-"})


def parse_flag(text: str) -> bool:
    """A yes/no cell (``consortium_lead``): ``yes``, ``是``, ``true``, ``1``, ``√`` … → True; ``no``,
    ``否``, ``false``, ``0`` → False (case- and width-insensitive); the writer writes ``yes`` or
    nothing (spec ``csv-format.md`` v2, parties.csv). Raises ``InputError`` (``VALUE_NOT_FLAG``)."""
    key = _halfwidth(text).strip().lower()
    if key in _FLAG_YES:
        return True
    if key in _FLAG_NO:
        return False
    raise InputError(NOT_FLAG, text=_shown(text))


def format_money(amount: Decimal) -> str:
    """Writer form of money: two decimals, no separators (``2738718.50``)."""
    return yuan_text(amount, thousands=False)


def format_decimal(value: Decimal) -> str:
    """Writer form of unit price, quantity and percent: shortest exact decimal (``0.15``)."""
    return decimal_text(value)


def format_date(value: dt.date) -> str:
    """Writer form of a date: ISO 8601 (``2025-10-16``)."""
    return value.isoformat()
