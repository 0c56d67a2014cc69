"""The ledger tables kept apart from a contract's own rows (``schema.APART``): ``amendments.csv``
(``services.amendments.ledger``) and ``attachments.csv`` with ``attachments/<sha256>``
(``services.attachments.ledger``) — the importer's and the exporter's one hook for them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from services.amendments import ledger as amendment_ledger
from services.attachments import ledger as attachment_ledger
from services.ledger.read import Record
from services.ledger.schema import AMENDMENTS, APART, ATTACHMENTS, Column


@dataclass
class ApartPlan:
    """What a ledger holds of the tables kept apart, read and checked."""

    amendments: amendment_ledger.LedgerAmendments | None = None
    attachments: attachment_ledger.LedgerAttachments | None = None


def read(records: dict[str, tuple[str, list[Record]]], known: set[str], source: Path, errors: list[str]) -> ApartPlan:
    """Take the ``APART`` tables out of ``records`` (table → (label, rows)) and check them; ``known``
    the contract numbers of the ledger and the store, ``source`` the ledger's path (for the files).
    Appends problems to ``errors``."""
    plan = ApartPlan()
    if AMENDMENTS.name in records:
        label, rows = records.pop(AMENDMENTS.name)
        plan.amendments = amendment_ledger.read(label, rows, known, errors)
    if ATTACHMENTS.name in records:
        label, rows = records.pop(ATTACHMENTS.name)
        plan.attachments = attachment_ledger.read(label, rows, known, source, errors)
    return plan


def apply(session: Session, plan: ApartPlan, from_contracts_csv: set[str]) -> list[str]:
    """Write what ``plan`` holds, after the contracts; returns the problems found on the way
    (``file:row:column: reason``: the import is then rejected and rolled back)."""
    problems: list[str] = []
    if plan.amendments is not None:
        problems += amendment_ledger.apply(session, plan.amendments, from_contracts_csv)
    if plan.attachments is not None:
        attachment_ledger.apply(session, plan.attachments)
    return problems


def table_rows(session: Session, contract_ids: list[int]) -> tuple[dict[str, list[list[object]]], dict[str, bytes]]:
    """The rows (values in column order) of ``amendments`` and ``attachments`` of the contracts
    ``contract_ids`` (in register order), by table name, and the attachments' files as
    ``attachments/<sha256>`` → bytes; what the CSV and the workbook writers write."""
    attachment_rows, blobs = attachment_ledger.rows(session, contract_ids)
    return {AMENDMENTS.name: amendment_ledger.rows(session, contract_ids), ATTACHMENTS.name: attachment_rows}, blobs


def files(session: Session, contract_ids: list[int], format_cell: Callable[[object, Column], str]) -> dict[str, bytes]:
    """``amendments.csv``, ``attachments.csv`` (writer form, as the other tables) and ``attachments/<sha256>``
    of the contracts ``contract_ids`` (in register order). A table with no rows is left out (unlike the
    contracts' own tables): a register without amendments exports the same ledger as before them."""
    tables, blobs = table_rows(session, contract_ids)
    out: dict[str, bytes] = {}
    for table in APART:
        if not tables[table.name]:
            continue
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column.name for column in table.columns])
        for row in tables[table.name]:
            writer.writerow([format_cell(value, column) for value, column in zip(row, table.columns, strict=True)])
        out[table.file_name] = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    out.update(blobs)
    return out
