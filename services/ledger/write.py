"""Exporting the register as a ledger: the spec's strict writer form (``csv-format.md``).

UTF-8 with a byte-order mark (so Excel opens it without mojibake), comma separator, CRLF
line ends, RFC 4180 quoting, English headers and the spec's column order; a cell that would
start a formula gets a leading apostrophe. Rows are in register order (the order contracts were added), then by
sequence (parties by role), so export → import → export is byte-identical.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.contract import Contract
from services.ledger import values
from services.ledger.read import _FORMULA_START
from services.ledger.schema import EVENT_ALIASES, SUPPORTED, Column, Table
from services.register import contracts as contract_service
from services.register.contract_data import ContractData

Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written to the target folder."""


def format_cell(value: object, column: Column) -> str:
    """The writer form of one value (money 2 decimals, decimals shortest, ISO dates), formula-guarded."""
    if value is None:
        return ""
    if column.kind == "event_name":  # the NAME of event:NAME, unless it reads as a standard event
        bare = str(value).removeprefix("event:")
        standard = bare in EVENT_ALIASES or bare in EVENT_ALIASES.values()
        return format_cell(value if standard and value != bare else bare, Column(column.name, column.alias))
    if column.kind == "money":
        text = values.format_money(value)  # type: ignore[arg-type]  # a money column holds a Decimal
    elif isinstance(value, Decimal):
        text = values.format_decimal(value)
    elif isinstance(value, dt.date):
        text = values.format_date(value)
    else:
        text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def _rows(table: Table, contract: ContractData) -> list[list[str]]:
    if table.name == "contracts":
        records: list[object] = [contract]
    else:
        records = getattr(contract, table.name)
    out = []
    for record in records:
        out.append([
            format_cell(contract.contract_no if column.name == "contract_no" else getattr(record, column.name),
                        column)
            for column in table.columns
        ])
    return out


def export_ledger(
    session: Session, folder: Path, *,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write every contract of the store (not those in the Trash) as a ledger into ``folder`` (created if needed).

    Returns the files written. The files are assembled in a temporary folder and moved into
    place only at the end, so a cancelled export (``ExportCancelled``) or an error leaves
    ``folder`` as it was. Raises ``OSError`` when the folder cannot be written.
    """
    numbers = list(session.scalars(select(Contract.contract_no).where(contract_service.LIVE).order_by(Contract.id)))
    buffers = {table.name: io.StringIO(newline="") for table in SUPPORTED}
    writers = {name: csv.writer(buffer, lineterminator="\r\n") for name, buffer in buffers.items()}
    for table in SUPPORTED:
        writers[table.name].writerow([column.name for column in table.columns])
    for index, contract_no in enumerate(numbers):
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        contract = contract_service.load_by_no(session, contract_no)
        for table in SUPPORTED:
            writers[table.name].writerows(_rows(table, contract))
        if progress is not None:
            progress(index + 1, len(numbers))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(dir=folder) as staging:
        for table in SUPPORTED:
            staged = Path(staging) / table.file_name
            staged.write_bytes(b"\xef\xbb\xbf" + buffers[table.name].getvalue().encode("utf-8"))
        for table in SUPPORTED:
            target = folder / table.file_name
            shutil.move(Path(staging) / table.file_name, target)
            written.append(target)
    return written
