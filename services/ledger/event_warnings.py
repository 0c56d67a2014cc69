"""Warnings for events a ledger's deadlines count from that nobody labelled (issue 13: labels, never codes).

A deadline's text names an event by its label (``events.csv`` ``label`` / ``label_en``); an
``event:NAME`` a row's ``due_after`` or ``return_after`` uses without a label in the ledger nor in the
store is shown by a readable default (``services.calendar.due_text.default_label``:
``budget_2027`` → "2027 budget (budget_2027)"). Each such event is reported once per contract, at
the first cell that names it, so the officer can add its label. A rule naming a row the contract
does not have (``installment:9``) is an error (``missing_link_errors``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.contract import Contract
from models.obligations import ContractEvent
from services.calendar.due_text import default_label
from services.errors import Term
from services.ledger import codes
from services.ledger.read import Record
from services.ledger.schema import TABLES_BY_NAME

__all__ = ["missing_link_errors", "unlabelled_event_warnings"]

_RULE_COLUMNS = {"installments": ("due_after",), "milestones": ("due_after",),
                 "bonds": ("due_after", "return_after")}


def _rule_codes(
    records: Mapping[str, tuple[str, list[Record]]],
) -> Iterator[tuple[str, str, Record, str, str, str]]:
    """(table, file label, record, column, contract number, code) of every event code in a rule column."""
    for table, columns in _RULE_COLUMNS.items():
        if table not in records:
            continue
        label, rows = records[table]
        for record in rows:
            number = str(record.values.get("contract_no"))
            for column in columns:
                for code in str(record.values.get(column) or "").split("+"):
                    yield table, label, record, column, number, code


def _stored_labels(session: Session, numbers: set[str]) -> set[tuple[str, str]]:
    if not numbers:
        return set()
    rows = session.execute(select(Contract.contract_no, ContractEvent.name)
                           .join(ContractEvent, ContractEvent.contract_id == Contract.id)
                           .where(Contract.contract_no.in_(numbers),
                                  (ContractEvent.label.is_not(None)) | (ContractEvent.label_en.is_not(None))))
    return {(no, name) for no, name in rows}


def unlabelled_event_warnings(session: Session, records: Mapping[str, tuple[str, list[Record]]]) -> list[str]:
    """``file:row:column: …`` for each (contract, ``event:NAME``) used without a label anywhere;
    ``records``: the ledger's parsed rows by table name. When the ledger has an ``events.csv`` it
    replaces the store's events of its contracts, so only its labels count for them."""
    labelled: set[tuple[str, str]] = set()
    with_events_file: set[str] = set()
    if "events" in records:
        for record in records["events"][1]:
            number = str(record.values.get("contract_no"))
            with_events_file.add(number)
            if record.values.get("label") or record.values.get("label_en"):
                labelled.add((number, str(record.values.get("event"))))
    used: dict[tuple[str, str], tuple[str, int, str, str]] = {}
    for table, label, record, column, number, code in _rule_codes(records):
        if code.startswith("event:"):
            used.setdefault((number, code), (label, record.row, table, column))
    stored = _stored_labels(session, {no for no, _ in used if no not in with_events_file})
    return [codes.warning(label, row, TABLES_BY_NAME[table].column(column), codes.UNLABELLED_EVENT, column,
                          name=code.removeprefix("event:"), number=number, shown=default_label(code))
            for (number, code), (label, row, table, column) in used.items() if (number, code) not in labelled | stored]


_TARGETS = {"installment": "installments", "milestone": "milestones", "bond": "bonds"}
#: The kind a rule names, as the message says it (第 9 期 is a row of 分期付款 …).
_KIND_TERMS = {"installment": Term("installment", "分期付款"), "milestone": Term("milestone", "履约事项"),
               "bond": Term("bond", "保证金")}


def missing_link_errors(records: Mapping[str, tuple[str, list[Record]]]) -> list[str]:
    """``file:row:column: …`` for each ``installment:SEQ`` / ``milestone:SEQ`` / ``bond:SEQ[:…]`` a rule
    names that the same contract's rows in the ledger do not have (checked where the ledger carries
    that table: a table it leaves out keeps the store's rows). A rule naming its own row is one too."""
    seqs: dict[str, set[tuple[str, int]]] = {}
    for table in _TARGETS.values():
        if table in records:
            seqs[table] = {(str(r.values.get("contract_no")), int(str(r.values.get("seq"))))
                           for r in records[table][1] if r.values.get("seq") is not None}
    errors: list[str] = []
    for table, label, record, column, number, code in _rule_codes(records):
        kind, _, rest = code.partition(":")
        target = _TARGETS.get(kind)
        seq_text = rest.partition(":")[0]
        if target is None or not seq_text.isdigit():
            continue
        seq = int(seq_text)
        if target == table and record.values.get("seq") == seq and column == "due_after":
            errors.append(codes.problem(label, record.row, TABLES_BY_NAME[table].column(column), codes.LINK_ITSELF,
                                        column, link=code))
        elif target in seqs and (number, seq) not in seqs[target]:
            errors.append(codes.problem(label, record.row, TABLES_BY_NAME[table].column(column), codes.LINK_MISSING,
                                        column, number=number, kind=_KIND_TERMS[kind], seq=seq, table=target))
    return errors
