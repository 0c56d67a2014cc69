"""Liquidated damages under the terms in force on the day of the breach (issue 16).

A breach before an amendment's effective date is charged on the contract as it stood then
(its total, term and clauses): ``compute_in_force`` picks those terms (``register.as_of``) and
says in the working which terms it used. Qt-free.
"""

from __future__ import annotations

import datetime as dt

from services.amendments.changes import AmendmentData
from services.amendments.register import as_of, in_force
from services.calendar.workdays import WorkingCalendar
from services.penalty.compute import compute, find_clause
from services.penalty.types import (
    PENALTY_CLAUSE_NOT_IN_FORCE,
    PenaltyInput,
    PenaltyInputError,
    PenaltyResult,
    date_text,
    lang_code,
)
from services.register.contract_data import ContractData


def terms_note(recorded: list[AmendmentData], breach: dt.date, language: str) -> str:
    """Which terms apply on ``breach``: "the contract as signed" or "as amended by …" (in ``language``)."""
    zh = lang_code(language) == "zh"
    applied = in_force(recorded, breach)
    day = date_text(breach, "zh" if zh else "en")
    if not applied:
        later = "、".join(a.amendment_no for a in recorded) if zh else ", ".join(a.amendment_no for a in recorded)
        if zh:
            return f"按{day}有效的条款计算：原合同" + (f"（补充协议 {later} 尚未生效）" if recorded else "")
        return (f"terms in force on {day}: the contract as signed (amendment {later} not yet in effect)" if recorded
                else f"terms in force on {day}: the contract as signed")
    names = ("、" if zh else ", ").join(a.amendment_no for a in applied)
    return f"按{day}有效的条款计算：经补充协议 {names} 变更后的合同" if zh else \
        f"terms in force on {day}: the contract as amended by {names}"


def compute_in_force(
    current: ContractData, recorded: list[AmendmentData], clause_ref: str, inputs: PenaltyInput, *,
    breach: dt.date, calendar: WorkingCalendar, language: str = "zh",
) -> PenaltyResult:
    """Liquidated damages under clause ``clause_ref`` of the contract as in force on ``breach`` (the day
    the breach began): ``current`` is the contract as amended by all of ``recorded``. The working
    ends with a note naming those terms. Raises ``PenaltyInputError`` (field ``clause``) when the
    clause was not part of the contract that day, and whatever ``compute`` raises."""
    terms = as_of(current, recorded, breach)
    clause = find_clause(terms, clause_ref)
    if clause is None:
        raise PenaltyInputError("clause", PENALTY_CLAUSE_NOT_IN_FORCE, clause=clause_ref, date=breach.isoformat())
    result = compute(clause, terms, inputs, calendar=calendar, language=language)
    result.notes.append(terms_note(recorded, breach, language))
    return result
