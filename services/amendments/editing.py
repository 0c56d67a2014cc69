"""The contract editor on the terms in force today while an amendment is pending (issue 16).

The store keeps a contract's rows as amended by every recorded amendment, also one effective
after today (``services.amendments.today``). The editor opens on the terms in force today
(``open_terms``: the pending amendments taken back); its Save writes the officer's edits with those
amendments applied again on top (``save_terms``), so the stored rows stay "as amended by every
recorded amendment" and the pending amendment still takes effect on its date. An edit of
something a pending amendment also changes cannot be kept under both: it is refused with
``AMENDMENT_PENDING_OVERLAP`` (record the edit as an amendment, or make it after the effective date).
The amended terms stay reachable through the Amendments tab's "Terms in force on" date. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from services.amendments.changes import ChangeData, ChangeError, apply
from services.amendments.today import in_force_of, recorded
from services.amendments.values import TARGET_LABELS, column_term, target
from services.errors import Term, UserError, define
from services.register import contracts
from services.register.contract_data import ContractData

__all__ = ["PENDING_OVERLAP", "Opened", "open_terms", "save_terms"]

PENDING_OVERLAP = define(
    "AMENDMENT_PENDING_OVERLAP",
    "待生效的补充协议 {amendment_no}（{effective} 起生效）也变更了此处（{detail}）：请将本次修改录入为新的补充协议，"
    "或在其生效后再修改",
    "Pending amendment {amendment_no} (effective {effective}) changes this too ({detail}): record the edit as a "
    "new amendment, or make it once the amendment is in force",
)


@dataclass
class Opened:
    """What the editor opens: ``data`` the contract as in force on ``day`` (its ``version`` the stored
    one) and ``pending`` the numbers of the amendments taken back to get it — applied again on Save
    (empty when none is pending, or when one cannot be taken back: then ``data`` is the stored terms)."""

    data: ContractData
    day: dt.date
    pending: list[str] = field(default_factory=list)


def open_terms(session: Session, contract_id: int, day: dt.date | None = None) -> Opened:
    """The stored contract ``contract_id`` as the editor opens it: in force on ``day`` (default today)."""
    day = day or dt.date.today()
    current = contracts.load(session, contract_id)
    terms = in_force_of(session, current, contract_id, day)
    if terms is current:  # nothing pending, or it cannot be taken back (then the stored terms, logged)
        return Opened(current, day)
    waiting = [a.amendment_no for a in recorded(session, contract_id) if a.effective > day]
    return Opened(terms, day, waiting)


def save_terms(session: Session, data: ContractData, contract_id: int | None, pending: list[str]) -> int:
    """Save ``data`` — the terms in force today as edited, opened by ``open_terms`` with ``pending`` —
    through ``contracts.save`` with those amendments applied again, in the order recorded. Returns
    the contract's id. Raises what ``contracts.save`` raises, and ``UserError``
    (``AMENDMENT_PENDING_OVERLAP``) when an edit touches what a pending amendment changes."""
    if not pending or contract_id is None:  # None: a new contract
        return contracts.save(session, data, contract_id=contract_id)
    stored = data
    for amendment in recorded(session, contract_id):
        if amendment.amendment_no not in pending:
            continue
        try:
            stored = apply(stored, amendment)
        except ChangeError as error:
            change = next((c for c in amendment.changes if c.seq == error.seq), None)
            detail = _what(change) if change is not None else str(error.seq)
            raise UserError(PENDING_OVERLAP, amendment_no=amendment.amendment_no,
                            effective=amendment.effective.isoformat(), detail=detail) from error
    stored.version = data.version
    saved = contracts.save(session, stored, contract_id=contract_id)
    data.version = stored.version
    return saved


def _what(change: ChangeData) -> Term:
    """The thing ``change`` touches, named in the message's language (合同 · 结束日期 / contract · end date)."""
    spec = target(change.target)
    label = TARGET_LABELS[spec.name]
    key = f" {change.target_key}" if change.target_key else ""
    zh, en = label.zh + key, label.en + key
    if change.field:
        zh, en = f"{zh} · {column_term(spec.table, change.field).zh}", f"{en} · {change.field.replace('_', ' ')}"
    return Term(en, zh)
