"""``amendments.csv`` of a ledger (spec ``csv-format.md``): one row per change of a supplementary
agreement — written from the store, read back with every problem at ``file:row:column``.

Importing: an amendment the store already has (same contract and number) must be the same, and
is kept; a new amendment of a contract whose terms come from the same ledger's ``contracts.csv``
(an export: the terms as amended) is kept as it is once its changes are checked to take back
cleanly; a new amendment of a contract already in the store is applied — each ``old_value``
checked against the register (``services.amendments.register.record``). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.amendments import Amendment, AmendmentChange
from models.contract import Contract
from services.amendments import register
from services.amendments.changes import AmendmentData, ChangeData, ChangeError, revert
from services.amendments.paid import PaidInstallmentError
from services.amendments.values import ACTIONS, TARGETS
from services.errors import LocatedProblem, define
from services.ledger import codes
from services.ledger.read import Record
from services.ledger.schema import AMENDMENTS
from services.register import contracts as contract_service

#: Chinese names of the actions and targets the reader also takes.
ACTION_ALIASES = {"set": "修改", "add": "新增", "remove": "删除"}
TARGET_ALIASES = {"contract": "合同", "line_item": "服务明细", "installment": "分期付款", "milestone": "履约事项",
                  "bond": "保证金", "penalty_clause": "违约条款", "party": "当事方", "article": "合同条款"}

NOT_TARGET = define("LEDGER_AMENDMENT_TARGET", "不是变更对象（{choices}）：“{text}”",
                    "not a change target ({choices}): {text!r}")
NOT_ACTION = define("LEDGER_AMENDMENT_ACTION", "不是变更操作（修改、新增或删除）：“{text}”",
                    "not set, add or remove: {text!r}")
OTHER_DATES = define("LEDGER_AMENDMENT_DATES", "补充协议 {number} 在前面的行中有不同的日期",
                     "amendment {number} has other dates on an earlier row")
DIFFERS = define("LEDGER_AMENDMENT_DIFFERS", "补充协议 {number} 与合同库中的同号补充协议不同",
                 "amendment {number} differs from the one in the store")
_COLUMNS = {column.name: column for column in AMENDMENTS.columns}


@dataclass
class LedgerAmendments:
    """The amendments of a ledger by contract number, in file order, and where each change was:
    (contract_no, amendment_no, seq) → ``file:row``; ``titles`` the file's column headers."""

    label: str = "amendments.csv"
    by_contract: dict[str, list[AmendmentData]] = field(default_factory=dict)
    rows: dict[tuple[str, str, int], int] = field(default_factory=dict)

    def problem(self, contract_no: str, amendment_no: str, seq: int, column: str, code: str,
                params: dict[str, object]) -> LocatedProblem:
        """A coded problem at ``file:row:column`` of one change."""
        row = self.rows.get((contract_no, amendment_no, seq), 1)
        known = _COLUMNS.get(column)
        term = codes.column_term(known) if known is not None else column
        return LocatedProblem(self.label, row, term, code, params, header=column)


def rows(session: Session, contract_ids: list[int]) -> list[list[object]]:
    """The amendments of ``contract_ids`` (in that order) as ``amendments.csv`` values, in column order:
    each contract's amendments in the order recorded, their changes by seq."""
    query = select(Contract.id, Contract.contract_no).where(Contract.id.in_(contract_ids))
    numbers = {contract_id: number for contract_id, number in session.execute(query)}
    found = session.scalars(select(Amendment).where(Amendment.contract_id.in_(contract_ids))
                            .order_by(Amendment.contract_id, Amendment.position))
    by_contract: dict[int, list[Amendment]] = {}
    for amendment in found:
        by_contract.setdefault(amendment.contract_id, []).append(amendment)
    out: list[list[object]] = []
    for contract_id in contract_ids:
        for amendment in by_contract.get(contract_id, []):
            for change in sorted(amendment.changes, key=lambda c: c.seq):
                out.append([numbers[contract_id], amendment.amendment_no, amendment.sign_date,
                            amendment.effective_date, change.seq, change.target, change.target_key, change.field,
                            change.action, change.old_value, change.new_value, change.text])
    assert all(len(row) == len(AMENDMENTS.columns) for row in out)
    return out


def read(label: str, records: list[Record], known: set[str], errors: list[str]) -> LedgerAmendments:
    """The amendments of ``records`` (read from ``label``); ``known`` the contract numbers of the ledger
    and the store. Appends a coded ``LocatedProblem`` to ``errors`` for an unknown contract, target or
    action, and for rows of one amendment that disagree on its dates; rows with a bad cell (already
    reported by the reader) are passed over."""
    result = LedgerAmendments(label=label)
    index: dict[tuple[str, str], AmendmentData] = {}
    for record in records:
        if record.bad:
            continue
        values = record.values
        contract_no, number = str(values["contract_no"]), str(values["amendment_no"])
        if contract_no not in known:
            errors.append(codes.problem(label, record.row, _COLUMNS["contract_no"], codes.UNKNOWN_CONTRACT,
                                        number=contract_no))
            continue
        target = _code(str(values["target"]), TARGET_ALIASES)
        if target not in TARGETS:
            errors.append(codes.problem(label, record.row, _COLUMNS["target"], NOT_TARGET,
                                        choices=", ".join(TARGETS), text=values["target"]))
            continue
        action = _code(str(values.get("action") or "set"), ACTION_ALIASES)
        if action not in ACTIONS:
            errors.append(codes.problem(label, record.row, _COLUMNS["action"], NOT_ACTION, text=values.get("action")))
            continue
        sign_date, effective = values["sign_date"], values.get("effective_date") or values["sign_date"]
        amendment = index.get((contract_no, number))
        if amendment is None:
            amendment = AmendmentData(amendment_no=number, sign_date=sign_date,  # type: ignore[arg-type]  # a date column
                                      effective_date=effective)  # type: ignore[arg-type]
            index[(contract_no, number)] = amendment
            result.by_contract.setdefault(contract_no, []).append(amendment)
        elif (amendment.sign_date, amendment.effective) != (sign_date, effective):
            errors.append(codes.problem(label, record.row, _COLUMNS["sign_date"], OTHER_DATES, number=number))
            continue
        seq = int(values["seq"])  # type: ignore[call-overload]  # an int column
        amendment.changes.append(ChangeData(
            seq=seq, target=target, target_key=_text(values.get("target_key")), field=_text(values.get("field")),
            action=action, old_value=_text(values.get("old_value")), new_value=_text(values.get("new_value")),
            text=_text(values.get("text"))))
        result.rows[(contract_no, number, seq)] = record.row
    for items in result.by_contract.values():
        for amendment in items:
            amendment.changes.sort(key=lambda c: c.seq)
    return result


def apply(session: Session, ledger: LedgerAmendments, from_contracts_csv: set[str]) -> list[str]:
    """Write the ledger's amendments (see the module docstring); returns the problems, each a coded
    ``LocatedProblem`` at ``file:row:column`` (the caller rejects the ledger and rolls back if there are any)."""
    problems: list[str] = []
    for contract_no, items in ledger.by_contract.items():
        contract_id = contract_service.find_id(session, contract_no)
        if contract_id is None:
            continue  # in the Trash: the importer reports it
        stored = {a.amendment_no: a for a in register.amendments(session, contract_id)}
        new: list[AmendmentData] = []
        current = items[0]  # the amendment being written, for a message
        for amendment in items:
            same = stored.get(amendment.amendment_no)
            if same is None:
                new.append(amendment)
            elif (same.sign_date, same.effective, same.changes) != (amendment.sign_date, amendment.effective,
                                                                   amendment.changes):
                problems.append(ledger.problem(contract_no, amendment.amendment_no, amendment.changes[0].seq,
                                               "amendment_no", DIFFERS, {"number": amendment.amendment_no}))
        try:
            if contract_no in from_contracts_csv:
                terms = contract_service.load(session, contract_id)
                for amendment in reversed(new):  # the terms are as amended: the changes must take back
                    current = amendment
                    terms = revert(terms, amendment)
                for amendment in new:
                    current = amendment
                    keep(session, contract_id, amendment)
            else:
                for amendment in new:
                    current = amendment
                    register.record(session, contract_id, amendment, version=None)
        except ChangeError as exc:
            column = exc.column if contract_no not in from_contracts_csv else _taken_back(exc.column)
            problems.append(ledger.problem(contract_no, current.amendment_no, exc.seq, column, exc.code, exc.params))
        except PaidInstallmentError as exc:  # it would take away what was paid (services.amendments.paid)
            seq = next((c.seq for c in current.changes if c.target == "installment"
                        and c.target_key == str(exc.params.get("seq"))), current.changes[0].seq)
            problems.append(ledger.problem(contract_no, current.amendment_no, seq, "target_key", exc.code, exc.params))
        else:
            if new and contract_no in from_contracts_csv:  # next due under the terms in force today
                row = session.get(Contract, contract_id)
                assert row is not None
                contract_service.refresh_list_columns(session, row)
    return problems


def keep(session: Session, contract_id: int, amendment: AmendmentData) -> None:
    """Store ``amendment`` of contract ``contract_id`` as it is (its changes already in the contract's terms)."""
    position = len(register.amendments(session, contract_id)) + 1
    row = Amendment(contract_id=contract_id, amendment_no=amendment.amendment_no, sign_date=amendment.sign_date,
                    effective_date=amendment.effective, position=position, text=amendment.text)
    row.changes = [AmendmentChange(seq=c.seq, target=c.target, target_key=c.target_key, field=c.field,
                                   action=c.action, old_value=c.old_value, new_value=c.new_value, text=c.text)
                   for c in amendment.changes]
    session.add(row)
    session.flush()


def _taken_back(column: str) -> str:
    # Taking a change back checks its new value against the terms (and writes its old value).
    return {"old_value": "new_value", "new_value": "old_value"}.get(column, column)


def _code(text: str, aliases: dict[str, str]) -> str:
    body = text.strip()
    return next((code for code, alias in aliases.items() if body in (code, alias)), body)


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
