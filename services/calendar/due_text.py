"""A deadline in words, in Chinese or English: "生效后 20 个工作日内" / "within 20 working days after
the contract takes effect", or a fixed date: "2026年9月30日前" / "by 30 September 2026".

Deadlines follow the ledger format (spec ``csv-format.md``, "Events that deadlines count from"):
``due_after`` is an event code (``signing``, ``effective``, ``start``, ``end``, ``acceptance``,
``invoice``, ``budget``) or ``event:NAME``, several joined with ``+`` meaning the latest of them;
``due_offset`` counts ``due_unit``s (``working_days``, ``days``, ``months``) after the event, or
before it when negative. Dates are written with babel's long format (zh_CN, en_GB).

An event is named by its label when the contract records one (``events.csv`` ``label`` /
``label_en``; ``labels``: code → (label, label_en)), else by the built-in name of a standard
event, never by its code: in English a missing ``label_en`` falls back to the Chinese label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from services.ledger.schema import EVENT_ALIASES

__all__ = ["LOCALES", "Labels", "date_text", "default_label", "due_text", "event_text", "unit_text"]

#: Event code → (label, label_en) as the contract records them; either may be None.
Labels = Mapping[str, tuple[str | None, str | None]]

#: babel locale of each print language: en_GB writes the day first (16 October 2025).
LOCALES = {"zh": "zh_CN", "en": "en_GB"}

_EVENTS_EN = {
    "signing": "the contract is signed",
    "effective": "the contract takes effect",
    "start": "the service starts",
    "end": "the service ends",
    "acceptance": "the acceptance is passed",
    "invoice": "the invoice is received",
    "budget": "the budget is approved or the funds arrive",
    "valid_until": "the bond expires",
}
#: Events deadlines use that the ledger's ``due_after`` does not (a bond's return rule).
_EVENTS_ZH = {"valid_until": "保证金有效期届满"}
_UNITS_ZH = {"working_days": "个工作日", "days": "日", "months": "个月"}
_UNITS_EN = {"working_days": ("working day", "working days"), "days": ("day", "days"), "months": ("month", "months")}


def date_text(day: dt.date, language: str) -> str:
    """``day`` in the long form of ``language`` (``zh``: 2025年10月16日, ``en``: 16 October 2025)."""
    from babel.dates import format_date  # on first use: the start-up's deadline counts need no text (issue 18)

    return format_date(day, format="long", locale=LOCALES[language])


def default_label(code: str) -> str:
    """A readable name for an event nobody labelled: ``event:budget_2027`` → "2027 budget
    (budget_2027)" — the words of its code (a year first, as one says it), then the code itself so
    the officer can find it in the ledger. A name that is not a code (``验收意见``) stays as it is."""
    name = code.removeprefix("event:")
    words = [word for word in name.replace("-", "_").split("_") if word]
    if "_" not in name or not words:
        return name
    years = [word for word in words if len(word) == 4 and word.isdigit()]
    rest = [word for word in words if word not in years]
    return f"{' '.join(years + rest)} ({name})"


def unit_text(unit: str | None, language: str) -> str:
    """A deadline unit in words: ``working_days`` → 工作日 / "working days"."""
    if language == "zh":
        return {"working_days": "工作日", "days": "日", "months": "月"}.get(unit or "days", unit or "")
    return _UNITS_EN.get(unit or "days", (unit or "", unit or ""))[1]


def event_text(code: str, language: str, labels: Labels | None = None) -> str:
    """One event in words: its label in ``labels`` (``event:budget_2027`` → 2027年预算批复 /
    "2027 budget approved"), else ``effective`` → 生效 / "the contract takes effect", else a
    readable default (``default_label``) — never the bare code."""
    zh, en = (labels or {}).get(code, (None, None))
    label = zh if language == "zh" else en or zh
    if label:
        return label
    if code.startswith("event:"):
        return default_label(code)
    table = {**EVENT_ALIASES, **_EVENTS_ZH} if language == "zh" else _EVENTS_EN
    return table.get(code) or default_label(code)


def due_text(
    due_date: dt.date | None, due_after: str | None, due_offset: int | None, due_unit: str | None, language: str,
    labels: Labels | None = None,
) -> str | None:
    """The deadline in ``language`` (``zh`` or ``en``); None when neither a date nor an event is given.
    ``labels``: the contract's event labels (see ``event_text``).

    A fixed ``due_date`` wins over a relative rule. An offset of 0 (or none) reads "after the
    event" (生效后); several events read "the latest of" (以最晚者起算).
    """
    if due_date is not None:
        return f"{date_text(due_date, 'zh')}前" if language == "zh" else f"by {date_text(due_date, 'en')}"
    if not due_after:
        return None
    codes = [part.strip() for part in due_after.split("+") if part.strip()]
    events = [event_text(code, language, labels) for code in codes]
    offset = due_offset or 0
    unit = due_unit if due_unit in _UNITS_ZH else "days"
    if language == "zh":
        joined = "、".join(events)
        latest = "（以最晚者起算）" if len(events) > 1 else ""
        if offset == 0:
            return f"{joined}后{latest}"
        if offset > 0:
            return f"{joined}后 {offset} {_UNITS_ZH[unit]}内{latest}"
        return f"{joined}前 {-offset} {_UNITS_ZH[unit]}{latest}"
    if len(events) > 1:
        joined = ("the later of: " if len(events) == 2 else "the latest of: ") + "; ".join(events)
    else:
        joined = events[0]
    count = abs(offset)
    span = f"{count} {_UNITS_EN[unit][0 if count == 1 else 1]}"
    if offset == 0:
        return f"after {joined}"
    if offset > 0:
        return f"within {span} after {joined}"
    return f"{span} before {joined}"
