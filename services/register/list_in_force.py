"""The list's rows under the terms in force on the list's day (issue 16), apart from the list's plan
(``services.register.listing``, which re-exports ``in_force_rows``). Qt-free."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.amendments import Amendment
from services.amendments.today import in_force_of, pending
from services.calendar.stored import stored_next_due
from services.register.contracts import ContractRow, load

__all__ = ["in_force_rows"]


def in_force_rows(session: Session, rows: list[ContractRow], day: dt.date) -> list[ContractRow]:
    """``rows`` (already under the terms in force on ``day``: ``services.register.list_terms``) with
    the next due of an amended contract derived afresh for ``day`` (the stored one may predate an
    amendment's effective date) and ``pending`` — the first amendment not yet in force on ``day``
    (number, effective date) — on the rows of contracts that have one."""
    ids = {row.id for row in rows}
    if not ids:
        return rows
    # A range, not IN (256 ids): cheaper to compile and run; amended contracts are few.
    amended = ids & set(session.scalars(select(Amendment.contract_id).where(
        Amendment.contract_id.between(min(ids), max(ids))).distinct()))
    if not amended:
        return rows
    waiting = pending(session, sorted(amended), day)
    shown = []
    for row in rows:
        if row.id not in amended:
            shown.append(row)
            continue
        terms = in_force_of(session, load(session, row.id), row.id, day)
        first = waiting[row.id][0] if row.id in waiting else None
        shown.append(replace(row, next_due=stored_next_due(session, row.id, terms, today=day),
                             pending=None if first is None else (first.amendment_no, first.effective)))
    return shown
