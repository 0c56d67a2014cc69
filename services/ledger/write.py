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
import os
import shutil
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from services.ledger import apart, values
from services.ledger.export_rows import ledger_rows, live_ids
from services.ledger.read import _FORMULA_START
from services.ledger.schema import ALL_TABLES, EVENT_ALIASES, SUPPORTED, Column, Table

#: Progress is reported as (rows written, rows in all) and cancel checked once per this many rows.
_CHUNK = 2000

Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written to the target folder."""


def format_cell(value: object, column: Column) -> str:
    """The writer form of one value (money 2 decimals, decimals shortest, ISO dates), formula-guarded."""
    if value is None:
        return ""
    if column.kind == "flag":  # yes for True, nothing for False (spec: `yes` for the lead)
        return "yes" if value else ""
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


#: First characters that make a cell a formula (``read._FORMULA_START``), as a set for ``text[:1] in``.
_GUARDED = frozenset(_FORMULA_START)


def cell_formatter(column: Column) -> Callable[[object], str]:
    """``format_cell`` of ``column`` as a one-argument function, specialised for the type the store
    gives that column (text ``str``, money ``Decimal``, dates ``date``, whole numbers ``int``; decimals
    and percents ``Decimal``); any other value goes through ``format_cell`` itself. Same text as
    ``format_cell`` for every value (``tests/test_export_rows.py``); the writer calls it per cell."""
    def general(value: object) -> str:
        return format_cell(value, column)

    if column.kind in ("event_name", "flag"):
        return general
    if column.kind == "money":
        def money(value: object) -> str:
            if value is None:
                return ""
            if type(value) is Decimal:
                text = str(value)  # the store's money has two decimals: its own text is the writer form
                if len(text) < 4 or text[-3] != "." or "E" in text or text == "-0.00":
                    text = values.format_money(value)
                return "'" + text if text[:1] in _GUARDED else text
            return general(value)
        return money

    def plain(value: object) -> str:
        if value is None:
            return ""
        if type(value) is str:
            text = value
        elif type(value) is dt.date:
            text = value.isoformat()
        elif type(value) is int:
            text = str(value)
        elif type(value) is Decimal:
            text = values.format_decimal(value)
        else:
            return general(value)
        return "'" + text if text[:1] in _GUARDED else text
    return plain


def written_columns(table: Table, rows: Sequence[Sequence[object]]) -> list[int]:
    """Indexes of ``table``'s columns the writer writes for ``rows``: every column of the spec, and an
    extension column (``Column.extension``: ``parties.other_signatories``) only when some row has a
    value there, so an export without one is exactly spec v2 (docs/ledger-extensions.md)."""
    return [i for i, column in enumerate(table.columns)
            if not column.extension or any(row[i] not in (None, "") for row in rows)]


def export_ledger(
    session: Session, folder: Path, *,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write every contract of the store (not those in the Trash) as a ledger into ``folder`` (created if needed).

    Returns the files written. The ledger replaces the one in ``folder`` as a set
    (``replace_ledger``: written beside it, swapped in at the end), so a cancelled export
    (``ExportCancelled``), an error or a crash never leaves a mix of old and new files; a
    folder holding other files gets the ledger in a new ``ledger-YYYYMMDD-HHMMSS`` folder
    inside it (the paths returned say where). Raises ``OSError`` when the folder cannot be
    written.
    """
    return replace_ledger(folder, ledger_files(session, progress=progress, cancelled=cancelled))


def ledger_files(
    session: Session, *,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> dict[str, bytes]:
    """The ledger's CSV files (file name -> bytes, writer form) of every live contract, in writer
    order; also what the .zip export packs. Each table is read with one query
    (``services.ledger.export_rows``); ``progress(rows written, rows in all)``. Raises
    ``ExportCancelled`` when ``cancelled()``."""
    def checkpoint() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    tables = ledger_rows(session, checkpoint=checkpoint)
    total = sum(len(rows) for rows in tables.values())
    done = 0
    files: dict[str, bytes] = {}
    for table in SUPPORTED:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        rows = tables[table.name]
        kept = written_columns(table, rows)
        if len(kept) < len(table.columns):
            rows = [[row[i] for i in kept] for row in rows]
        writer.writerow([table.columns[i].name for i in kept])
        formatters = [cell_formatter(table.columns[i]) for i in kept]
        for start in range(0, len(rows), _CHUNK):
            checkpoint()
            chunk = rows[start : start + _CHUNK]
            writer.writerows([["" if value is None else f(value) for f, value in zip(formatters, row, strict=True)]
                              for row in chunk])
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        files[table.file_name] = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    files.update(apart.files(session, live_ids(session), format_cell))  # amendments, attachments and their files
    return files


def _is_ledger_folder(folder: Path) -> bool:
    """True if ``folder`` holds nothing but ledger files (``<table>.csv``), so it may be replaced whole."""
    names = {table.file_name.lower() for table in ALL_TABLES}
    return all((entry.is_file() and entry.name.lower() in names) or (entry.is_dir() and entry.name == "attachments")
               for entry in folder.iterdir())


def _clean_leftovers(folder: Path) -> None:
    """Undo what an export killed half-way left beside ``folder``: put the previous ledger back
    if it was moved aside and the new one never arrived, remove unfinished new ones."""
    old = sorted(folder.parent.glob(f".{folder.name}.export-old-*"))
    if old and not folder.exists():
        old[-1].rename(folder)
        old = old[:-1]
    for leftover in [*old, *folder.parent.glob(f".{folder.name}.export-new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def replace_ledger(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Put ``files`` (name -> bytes) in ``folder`` as one set; the paths written, in ``files`` order.

    The files are written into a new folder beside ``folder`` (``.<name>.export-new-<id>``),
    flushed to disk, then swapped in with two renames: ``folder`` is absent, the old set or
    the new set, never a mix, and an export killed half-way is tidied up by the next one
    (``_clean_leftovers``). A ``folder`` that holds anything other than ledger files (say the
    Desktop) is never replaced whole: the ledger then goes to a new folder inside it,
    ``ledger-YYYYMMDD-HHMMSS``, written the same way. Raises ``OSError`` when the folder
    cannot be written.
    """
    folder = Path(folder)
    _clean_leftovers(folder)
    if folder.exists() and not _is_ledger_folder(folder):
        folder = folder / f"ledger-{dt.datetime.now():%Y%m%d-%H%M%S}"
    folder.parent.mkdir(parents=True, exist_ok=True)
    token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    staging = folder.with_name(f".{folder.name}.export-new-{token}")
    old = folder.with_name(f".{folder.name}.export-old-{token}")
    try:
        staging.mkdir()
        for name, data in files.items():
            (staging / name).parent.mkdir(exist_ok=True)  # attachments/<sha256>
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not folder.exists():
            old.rename(folder)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return [folder / name for name in files]
