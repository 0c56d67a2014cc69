"""Liquidated-damages calculations saved to the contract's record (``PenaltyCalculation`` rows).

A saved calculation keeps when (``calculated_at``, local time to the second), who (the OS user name,
``getpass.getuser()``), the inputs — the clause as it read then and the officer's entries, as JSON
whose every value is a string (exact decimals, ISO dates) — the amount in yuan and the working as
shown. The clause is kept with the inputs so the figure can be re-derived even after the clause is
edited. The amounts saved so far are the "already charged" amounts of the next calculation: under
the same clause (its cumulative cap) and for the same payer (the payer's ``liability_cap``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.base import decimal_text
from models.penalty import PenaltyCalculation
from services.calendar.holidays import working_calendar
from services.calendar.workdays import WorkingCalendar
from services.history import current_user
from services.penalty.types import ZERO, PenaltyInput, PenaltyResult
from services.register.contract_data import PenaltyClauseData

__all__ = [
    "SavedCalculation", "clause_from_json", "current_user", "delete_calculation", "input_from_json", "inputs_json",
    "list_calculations", "previous_amounts", "save_calculation", "store_calendar",
]

_INT_FIELDS = {"terminate_after_days"}
_DECIMAL_FIELDS = {"rate", "amount", "cap_rate", "cap_amount"}


@dataclass(frozen=True)
class SavedCalculation:
    """One saved calculation: ``inputs`` as stored (``clause``: the clause's fields, ``input``: the
    entries, ``language``), ``amount`` in yuan, ``working`` the text shown when it was saved."""

    id: int
    clause_ref: str | None
    calculated_at: dt.datetime
    calculated_by: str | None
    inputs: dict
    amount: Decimal
    working: str

    @property
    def payer_role(self) -> str | None:
        """The role that pays under the clause as it was saved."""
        return self.inputs.get("clause", {}).get("payer_role")


def _text(value: object) -> str:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def inputs_json(clause: PenaltyClauseData, inputs: PenaltyInput, language: str) -> str:
    """The JSON text stored in ``PenaltyCalculation.inputs``: ``{"clause": {...}, "input": {...},
    "language": "zh"}``, every value a string, empty values left out."""
    def strings(record: PenaltyClauseData | PenaltyInput) -> dict[str, str]:
        values = {f.name: getattr(record, f.name) for f in fields(record)}
        return {name: _text(value) for name, value in values.items() if value is not None}

    return json.dumps({"clause": strings(clause), "input": strings(inputs), "language": language},
                      ensure_ascii=False, sort_keys=True)


def clause_from_json(values: dict) -> PenaltyClauseData:
    """The clause of a saved calculation (``inputs["clause"]``) back as ``PenaltyClauseData``."""
    raw = values.get("clause", {})
    data: dict[str, object] = {}
    for f in fields(PenaltyClauseData):
        if f.name not in raw:
            continue
        text = raw[f.name]
        data[f.name] = int(text) if f.name in _INT_FIELDS else Decimal(text) if f.name in _DECIMAL_FIELDS else text
    data.setdefault("clause_ref", "")
    data.setdefault("trigger", "")
    data.setdefault("kind", "")
    return PenaltyClauseData(**data)  # type: ignore[arg-type]  # each value converted to its field's type above


def input_from_json(values: dict) -> PenaltyInput:
    """The entries of a saved calculation (``inputs["input"]``) back as ``PenaltyInput``."""
    raw = values.get("input", {})
    data: dict[str, object] = {}
    for name in ("days", "overdue_amount", "previous_liability", "previous_clause"):
        if name in raw:
            data[name] = Decimal(raw[name])
    for name in ("due", "actual"):
        if name in raw:
            data[name] = dt.date.fromisoformat(raw[name])
    return PenaltyInput(**data)  # type: ignore[arg-type]  # each value converted to its field's type above


def save_calculation(
    session: Session, contract_id: int, clause: PenaltyClauseData, inputs: PenaltyInput, result: PenaltyResult, *,
    calculated_by: str | None = None, calculated_at: dt.datetime | None = None,
) -> int:
    """Save ``result`` of ``clause`` for ``inputs`` to contract ``contract_id``'s record in the
    caller's transaction; returns the row's id. ``calculated_by`` defaults to ``current_user()``,
    ``calculated_at`` to now (local time, whole seconds). Records history ``penalty_saved``
    (details: calculation id, clause, amount) and its ``Changes``."""
    row = PenaltyCalculation(
        contract_id=contract_id, clause_ref=clause.clause_ref,
        calculated_at=calculated_at or dt.datetime.now().replace(microsecond=0),
        calculated_by=calculated_by if calculated_by is not None else current_user(),
        inputs=inputs_json(clause, inputs, result.language), amount=result.amount, working=result.working(),
    )
    session.add(row)
    session.flush()
    from models.contract import Contract
    from services import history as history_log
    from services.history import HistoryAction

    contract = session.get(Contract, contract_id)
    history_log.record(session, HistoryAction.PENALTY_SAVED, contract_id=contract_id,
                       contract_no=contract.contract_no if contract is not None else None,
                       contract_version=contract.version if contract is not None else None,
                       details={"calculation": row.id, "clause_ref": clause.clause_ref, "amount": str(result.amount)})
    return row.id


def list_calculations(session: Session, contract_id: int) -> list[SavedCalculation]:
    """The calculations saved for contract ``contract_id``, oldest first."""
    rows = session.scalars(select(PenaltyCalculation).where(PenaltyCalculation.contract_id == contract_id)
                           .order_by(PenaltyCalculation.calculated_at, PenaltyCalculation.id))
    return [SavedCalculation(row.id, row.clause_ref, row.calculated_at, row.calculated_by, json.loads(row.inputs),
                             row.amount, row.working) for row in rows]


def delete_calculation(session: Session, calculation_id: int) -> None:
    """Remove one saved calculation (one entered by mistake); records history ``penalty_deleted``
    (details: calculation id, clause, amount) and its ``Changes``. An unknown id does nothing."""
    row = session.get(PenaltyCalculation, calculation_id)
    if row is None:
        return
    from models.contract import Contract
    from services import history as history_log
    from services.history import HistoryAction

    details = {"calculation": row.id, "clause_ref": row.clause_ref, "amount": str(row.amount)}
    contract_id = row.contract_id
    session.execute(delete(PenaltyCalculation).where(PenaltyCalculation.id == calculation_id))
    contract = session.get(Contract, contract_id)
    history_log.record(session, HistoryAction.PENALTY_DELETED, contract_id=contract_id,
                       contract_no=contract.contract_no if contract is not None else None,
                       contract_version=contract.version if contract is not None else None, details=details)


def previous_amounts(
    session: Session, contract_id: int, clause_ref: str, payer_role: str | None,
) -> tuple[Decimal, Decimal]:
    """(yuan already charged under ``clause_ref``, yuan already charged to ``payer_role`` under any
    clause), summed over the contract's saved calculations: ``PenaltyInput.previous_clause`` and
    ``previous_liability`` of the next calculation."""
    under_clause, for_payer = ZERO, ZERO
    for saved in list_calculations(session, contract_id):
        if saved.clause_ref == clause_ref:
            under_clause += saved.amount
        if payer_role and saved.payer_role == payer_role:
            for_payer += saved.amount
    return under_clause, for_payer


def store_calendar(session: Session) -> WorkingCalendar:
    """The working-day calendar of the store, the officer's holiday table included: the same
    calendar the milestone calendar counts with (``services.calendar.holidays.working_calendar``)."""
    return working_calendar(session)
