"""Amounts of money: the fen, the one rounding rule and the text forms of an amount of 元.

An amount is a ``decimal.Decimal`` of 元 (yuan), never a float. A computed amount is rounded once,
at the end, half up to the fen (``round_yuan``); amounts in the store have two decimals already.
The text forms never show a negative zero (``-0.00``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# FEN is defined beside the store's Money column type: models/ sits below services/ (models ←
# services ← ui) and must not import services, so the constant lives there and this module
# re-exports it as part of the money API.
from models.base import FEN

__all__ = [
    "FEN",
    "MAX_AMOUNT",
    "amount_for_words",
    "from_fen",
    "round_yuan",
    "to_fen",
    "yuan_symbol_text",
    "yuan_text",
]

MAX_AMOUNT = Decimal("999999999999.99")
"""The largest amount written in capitals or in English words (below 一万亿 元, one trillion yuan)."""


def round_yuan(value: Decimal) -> Decimal:
    """``value`` 元 rounded half up to the fen (``ROUND_HALF_UP``): 0.125 → 0.13, -0.125 → -0.13."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(value: Decimal) -> int:
    """``value`` 元 in whole fen (分), rounded half up first: ``Decimal("2738718.50")`` → 273871850."""
    return int(round_yuan(value) * 100)


def from_fen(fen: int) -> Decimal:
    """A whole number of fen as 元 with two decimals: 273871850 → ``Decimal("2738718.50")``."""
    return (Decimal(fen) / 100).quantize(FEN)


def yuan_text(value: Decimal, *, thousands: bool = True) -> str:
    """``value`` 元 rounded half up to the fen, with two decimals: ``2,738,718.50`` (``thousands``
    False: ``2738718.50``, the ledger's form), ``-3.50``; never ``-0.00``."""
    rounded = round_yuan(value)
    if rounded.is_zero():
        rounded = abs(rounded)  # -0.004 and -0 round to -0.00: write 0.00
    return f"{rounded:,.2f}" if thousands else f"{rounded:.2f}"


def yuan_symbol_text(value: Decimal) -> str:
    """``value`` 元 after the yuan sign, the sign first: ``¥2,738,718.50``, ``-¥0.01``; never ``-¥0.00``."""
    text = f"¥{yuan_text(abs(value))}"
    return f"-{text}" if round_yuan(value) < 0 else text


def amount_for_words(amount: Decimal | int) -> Decimal:
    """``amount`` 元 rounded half up to the fen, checked for writing out in Chinese capitals or in
    English words.

    Raises ``TypeError`` unless ``amount`` is a ``Decimal`` or ``int`` (floats and bools are refused),
    and ``ValueError`` when it is not finite, or negative or above ``MAX_AMOUNT`` after rounding.
    """
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"amount must be a Decimal, not {type(amount).__name__}")
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError(f"amount must be finite: {amount}")
    amount = round_yuan(amount)
    if amount < 0 or amount > MAX_AMOUNT:
        raise ValueError(f"amount must be between 0 and {MAX_AMOUNT}: {amount}")
    return amount
