"""What a contract check reports: a ``Problem``, its severity, and how amounts are written in it.

Shared by the check modules (``services.checks.contract``, ``checks_dates``, ``checks_parties``); the
public entry point is ``services.checks.contract.check_contract``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from models.base import decimal_text
from services.money import round_yuan, yuan_symbol_text

#: An error: figures or dates that contradict each other, so that what is paid or when is in
#: doubt; resolve it (check the signed original) before signing or paying.
ERROR = "error"
#: A warning: unusual, or the contract's own inconsistency; worth a look, not blocking.
WARNING = "warning"
SEVERITIES: tuple[str, ...] = (ERROR, WARNING)

#: ``contracts.problem_level``: not checked yet (NULL), no problem, warnings only, errors.
LEVEL_NONE, LEVEL_WARNINGS, LEVEL_ERRORS = 0, 1, 2


@dataclass(frozen=True)
class Problem:
    """One failed check of a contract.

    ``code``: stable id (``line_amount_mismatch``); ``severity``: ``ERROR`` or ``WARNING``;
    ``message_zh`` / ``message_en``: the same message in Simplified Chinese and English, amounts
    written ``¥2,738,718.50``; ``fields``: paths of the fields concerned, the first one to show
    first — a header field (``total_amount``), a table (``installments``) or a cell
    (``line_items[3].amount``, ``parties[1].tax_id``; the index is the 0-based position in the
    contract's list, as the editor shows it).
    """

    code: str
    severity: str
    message_zh: str
    message_en: str
    fields: tuple[str, ...] = ()

    def message(self, language: str) -> str:
        """The message in ``language``: Chinese for ``zh``/``zh_CN``, else English."""
        return self.message_zh if language.lower().startswith("zh") else self.message_en


def error(code: str, zh: str, en: str, *fields: str) -> Problem:
    """An error-level ``Problem``."""
    return Problem(code, ERROR, zh, en, tuple(fields))


def warning(code: str, zh: str, en: str, *fields: str) -> Problem:
    """A warning-level ``Problem``."""
    return Problem(code, WARNING, zh, en, tuple(fields))


def problem_level(problems: Iterable[Problem]) -> int:
    """``LEVEL_ERRORS`` if any problem is an error, ``LEVEL_WARNINGS`` if any is a warning, else ``LEVEL_NONE``."""
    severities = {p.severity for p in problems}
    if ERROR in severities:
        return LEVEL_ERRORS
    return LEVEL_WARNINGS if severities else LEVEL_NONE


def yuan(amount: Decimal) -> str:
    """An amount of 元 as both messages write it: ``¥2,738,718.50``, ``-¥0.01`` (rounded half up to the fen)."""
    return yuan_symbol_text(amount)


def percent(value: Decimal) -> str:
    """A percent without trailing zeros: ``Decimal("75.00")`` → ``75%``."""
    return f"{decimal_text(value)}%"


def of_total(rate: Decimal, total: Decimal) -> Decimal:
    """``rate`` percent of ``total`` 元, rounded half up to the fen once, at the end."""
    return round_yuan(rate * total / 100)


def short(name: str | None, limit: int = 24) -> str:
    """A line or party name cut to ``limit`` characters for a message (``…`` marks the cut)."""
    text = " ".join((name or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
