"""Amounts in English words as banks and trade documents write them for renminbi.

``Decimal("2738718.50")`` → ``SAY RMB TWO MILLION SEVEN HUNDRED THIRTY-EIGHT THOUSAND SEVEN
HUNDRED EIGHTEEN YUAN AND FIFTY FEN ONLY``.

The convention (the "amount in words" line of letters of credit, invoices and contracts in
foreign trade, e.g. ICC UCP 600 practice and Chinese banks' remittance forms):

* ``SAY`` first and ``ONLY`` last, so nothing can be added before or after;
* the currency as ``RMB``, the whole units as ``YUAN``, the hundredths as ``FEN`` (counted like
  cents: 0.50 is ``FIFTY FEN``, not 伍角);
* short scale (``THOUSAND``, ``MILLION``, ``BILLION``), no ``AND`` inside the number, a hyphen in
  the tens from 21 to 99 (``THIRTY-EIGHT``), all capitals;
* no yuan (0.05) → ``SAY RMB FIVE FEN ONLY``; no fen (415580.00) → ``… YUAN ONLY``; zero →
  ``SAY RMB ZERO YUAN ONLY``.

Amounts are ``decimal.Decimal`` in 元, rounded half up to the fen; never float.
"""

from __future__ import annotations

from decimal import Decimal

from services.money.amounts import MAX_AMOUNT, amount_for_words, to_fen

__all__ = ["MAX_AMOUNT", "to_english_words"]

_ONES = (
    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN",
    "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
)
_TENS = ("", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY")
_SCALES = ((10**9, "BILLION"), (10**6, "MILLION"), (10**3, "THOUSAND"))


def _below_hundred(n: int) -> str:
    """1–99 in words: ``NINETEEN``, ``TWENTY``, ``THIRTY-EIGHT``."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _below_thousand(n: int) -> str:
    """1–999 in words, without ``AND``: ``SEVEN HUNDRED EIGHTEEN``."""
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} HUNDRED"] if hundreds else []
    if rest:
        words.append(_below_hundred(rest))
    return " ".join(words)


def integer_words(n: int) -> str:
    """A whole number 0 ≤ n < 10¹² in capital English words (short scale, no ``AND``)."""
    if n == 0:
        return "ZERO"
    words = []
    for scale, name in _SCALES:
        group, n = divmod(n, scale)
        if group:
            words.append(f"{_below_thousand(group)} {name}")
    if n:
        words.append(_below_thousand(n))
    return " ".join(words)


def to_english_words(amount: Decimal | int) -> str:
    """``amount`` (元) in English words, banking convention (see the module docstring).

    Raises ``TypeError`` unless ``amount`` is a ``Decimal`` or ``int`` (floats are refused), and
    ``ValueError`` when it is not finite, negative, or above ``MAX_AMOUNT`` (the bound of
    ``services.money.capitals``) after rounding half up to the fen (``amount_for_words``).
    """
    yuan, fen = divmod(to_fen(amount_for_words(amount)), 100)
    parts = ["SAY RMB"]
    if yuan or not fen:
        parts.append(f"{integer_words(yuan)} YUAN")
    if fen:
        if yuan:
            parts.append("AND")
        parts.append(f"{_below_hundred(fen)} FEN")
    parts.append("ONLY")
    return " ".join(parts)
