"""The unit of a contract's counts (a number of days or months), so that a changed count is worded
with it: "20 个工作日 → 30 个工作日", "20 working days → 30 working days" — never a bare "20 → 30".

A count's unit lives in a sibling field of its row: an installment's, milestone's or bond's
``due_offset`` in ``due_unit`` (empty: calendar days, as the deadlines read it:
``services.calendar.due_text``), a bond's ``return_offset`` in ``return_unit``, a liquidated-damages
clause's ``terminate_after_days`` in its ``day_count`` (``working``: working days, else calendar
days, as ``services.penalty.compute`` counts them); a line item's ``periods`` are months. Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["COUNT_UNITS", "count_text", "unit_field", "unit_of"]

#: (table as ``ContractData`` names it, count field) → the row's field holding its unit, or ``=unit``.
COUNT_UNITS: dict[tuple[str, str], str] = {
    ("installments", "due_offset"): "due_unit", ("milestones", "due_offset"): "due_unit",
    ("bonds", "due_offset"): "due_unit", ("bonds", "return_offset"): "return_unit",
    ("penalty_clauses", "terminate_after_days"): "day_count", ("line_items", "periods"): "=months",
}
_ZH = {"working_days": "个工作日", "days": "日", "months": "个月"}
_EN = {"working_days": ("working day", "working days"), "days": ("day", "days"), "months": ("month", "months")}


def unit_field(table: str, field: str) -> str | None:
    """The field of the row holding the unit of count ``field`` of ``table`` (``due_unit`` …); None
    when ``field`` is no count or its unit is fixed."""
    source = COUNT_UNITS.get((table, field))
    return None if source is None or source.startswith("=") else source


def unit_of(table: str, field: str, row: object | Mapping[str, object] | None) -> str | None:
    """The unit (``days``, ``working_days``, ``months``) of count ``field`` of a ``table`` row (a row
    object, a ``{field: value}`` mapping, or None: the default); None when ``field`` is no count."""
    source = COUNT_UNITS.get((table, field))
    if source is None:
        return None
    if source.startswith("="):
        return source[1:]
    if row is None:
        value = None
    elif isinstance(row, Mapping):
        value = row.get(source)
    else:
        value = getattr(row, source, None)
    if source == "day_count":
        return "working_days" if value == "working" else "days"
    return str(value) if value in _ZH else "days"


def count_text(value: object, unit: str | None, language: str) -> str:
    """``value`` (a count: int or its text) with ``unit`` in ``language`` (``zh``: "20 个工作日",
    else "20 working days", "1 month"); ``value`` as text when ``unit`` is None or unknown."""
    text = str(value)
    if unit not in _ZH:
        return text
    if language.startswith("zh"):
        return f"{text} {_ZH[unit]}"
    singular, plural = _EN[unit]
    return f"{text} {singular if text == '1' else plural}"
