"""Reading and writing the value syntax of the ledger (spec ``csv-format.md``, "Value syntax").

Every parser takes the cell text (already stripped of the formula-guard apostrophe) and
returns an exact value or raises ``ValueError`` whose message says what is wrong, in a
form that can follow ``file:row:column:``. Never float.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from models.base import decimal_text
from models.contract import ROLES
from services.money import FEN, yuan_text

#: Digits before the decimal point a value may have (10^15 yuan is far beyond any contract).
MAX_INTEGER_DIGITS = 15
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_ROLE_ALIASES = {
    **{role: role for role in ROLES},
    **{letter: role for letter, role in zip("ABCDE", ROLES, strict=True)},
    **{f"PARTY {letter}": role for letter, role in zip("ABCDE", ROLES, strict=True)},
}


def _number(text: str, what: str) -> Decimal:
    """A plain decimal with optional thousands separators."""
    compact = text.strip().replace(" ", "")
    if _THOUSANDS.match(compact):
        compact = compact.replace(",", "")
    if not _PLAIN.match(compact):
        raise ValueError(f"not a {what}: {text!r}")
    if len(compact.lstrip("+-").split(".")[0]) > MAX_INTEGER_DIGITS:
        # Beyond any contract, and beyond what Decimal's 28-digit context rounds exactly.
        raise ValueError(f"{what} is too large: {text!r}")
    try:
        return Decimal(compact)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid forms
        raise ValueError(f"not a {what}: {text!r}") from exc


def parse_money(text: str) -> tuple[Decimal, bool]:
    """Parse a money cell into yuan with two decimals.

    Accepts ``2738718.50``, ``¥2,738,718.50``, ``RMB 2738718.5``, ``2738718.50元`` and
    ``273.87万元`` (× 10,000). Returns ``(amount, wan)`` where ``wan`` is True when a 万元 unit
    was multiplied out (the reader reports it as a warning). Raises ``ValueError`` for
    anything else, including more than two decimals after scaling (no silent rounding).
    """
    body = text.strip()
    for prefix in ("¥", "￥", "RMB", "rmb", "CNY"):
        if body.startswith(prefix):
            body = body[len(prefix) :].strip()
            break
    wan = body.endswith("万元") or body.endswith("万")
    if wan:
        body = body.removesuffix("万元").removesuffix("万").strip()
    else:
        body = body.removesuffix("元").strip()
    amount = _number(body, "money amount")
    if wan:
        amount *= 10000
    if amount != amount.quantize(FEN):
        raise ValueError(f"money amount has more than two decimals: {text!r}")
    return amount.quantize(FEN), wan


def parse_decimal(text: str, what: str = "number") -> Decimal:
    """Unit price or quantity: an exact decimal, up to 4 decimals, thousands separators allowed.

    Raises ``ValueError`` for non-numbers, negatives and more than 4 decimals.
    """
    value = _number(text, what)
    if value < 0:
        raise ValueError(f"{what} is negative: {text!r}")
    if value != value.quantize(Decimal("0.0001")):
        raise ValueError(f"{what} has more than 4 decimals: {text!r}")
    return value


def parse_percent(text: str) -> Decimal:
    """Percent: ``75`` or ``75%`` means 75 %; ``0.01`` means 0.01 %. Raises ``ValueError``."""
    body = text.strip().removesuffix("%").removesuffix("％").strip()
    value = _number(body, "percent")
    if value < 0:
        raise ValueError(f"percent is negative: {text!r}")
    return value


def parse_int(text: str, what: str = "integer") -> int:
    """A whole number, sign allowed (``-5`` for offsets before an event). Raises ``ValueError``."""
    body = text.strip()
    if not re.fullmatch(r"[+-]?\d+", body):
        raise ValueError(f"not an {what}: {text!r}")
    return int(body)


def parse_date(text: str) -> dt.date:
    """``2025-10-16``, ``2025/10/16``, ``2025.10.16``, ``2025年10月16日``; spaces and single digits allowed.

    Raises ``ValueError`` naming the text for other forms and for impossible dates (2025-02-30).
    """
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"not a date (use 2025-10-16): {text!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"no such date: {text!r}") from exc


def parse_role(text: str) -> str:
    """``甲方``…``戊方``, ``A``…``E`` or ``Party A``…``Party E`` → the Chinese role. Raises ``ValueError``."""
    key = " ".join(text.strip().upper().split())
    try:
        return _ROLE_ALIASES[key]
    except KeyError:
        raise ValueError(f"not a party role (甲方…戊方 or Party A…E): {text!r}") from None


def format_money(amount: Decimal) -> str:
    """Writer form of money: two decimals, no separators (``2738718.50``)."""
    return yuan_text(amount, thousands=False)


def format_decimal(value: Decimal) -> str:
    """Writer form of unit price, quantity and percent: shortest exact decimal (``0.15``)."""
    return decimal_text(value)


def format_date(value: dt.date) -> str:
    """Writer form of a date: ISO 8601 (``2025-10-16``)."""
    return value.isoformat()
