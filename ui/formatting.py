"""How the window shows money and exact decimals (the writer forms are in services.ledger.values).

Python's format mini-language works on ``Decimal`` exactly, so no float is involved.
"""

from __future__ import annotations

from decimal import Decimal

from models.base import decimal_text
from services.money import yuan_text


def format_money(amount: Decimal) -> str:
    """Yuan (元) with thousands separators and two decimals: ``2,738,718.50``, ``-3.50``.

    More than two decimals are rounded half up (money in the store never has more); never ``-0.00``.
    ``services.money.yuan_text`` does it, as for the print-outs and the ledger.
    """
    return yuan_text(amount)


def format_decimal(value: Decimal) -> str:
    """A unit price or quantity: shortest exact decimal with thousands separators.

    ``Decimal("1395800")`` → ``1,395,800``; ``Decimal("0.150")`` → ``0.15``.
    """
    text = decimal_text(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


def format_percent(value: Decimal) -> str:
    """A percent without trailing zeros and without the sign: ``Decimal("6.00")`` → ``6``."""
    return decimal_text(value)
