"""Finding and decoding the files of a ledger: a folder, a ``.zip`` of one, or one CSV file.

Text is UTF-8 (with or without BOM) or GB18030/GBK, what Excel on Chinese Windows saves;
bytes that are not valid UTF-8 are decoded as GB18030 (a superset of GBK); charset-normalizer
only names the likely encoding when neither fits.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from services.ledger import encodings
from services.ledger.schema import TABLES_BY_NAME
from services.ledger.workbook import LEGACY_SUFFIXES, WORKBOOK_SUFFIXES, workbook_sheets

#: One candidate file: its name, its label for messages, and how to read its bytes (only if it is a ledger table).
_Entry = tuple[str, str, Callable[[], bytes]]


class LedgerFileError(ValueError):
    """The ledger cannot be read at all (missing, not a ledger, undecodable); message names the file."""


@dataclass(frozen=True)
class LedgerFile:
    """One CSV file of a ledger: its table name, where it came from (for messages), its bytes."""

    table: str
    label: str
    data: bytes


def collect(path: Path) -> tuple[list[LedgerFile], list[str]]:
    """The ledger files at ``path`` and the names of files that are not ledger tables.

    Raises ``LedgerFileError`` if ``path`` does not exist, is an unreadable zip, or holds no
    ledger table at all.
    """
    if not path.exists():
        raise LedgerFileError(f"{path}: no such file or folder")
    entries: list[_Entry]
    if path.is_dir():
        entries = [(p.name, p.name, p.read_bytes) for p in sorted(path.iterdir()) if p.is_file()]
    elif path.suffix.lower() == ".zip":
        entries = _zip_entries(path)
    else:
        entries = [(path.name, path.name, path.read_bytes)]
    files: list[LedgerFile] = []
    ignored: list[str] = []
    for name, label, read in entries:
        stem, suffix = name.rsplit(".", 1) if "." in name else (name, "")
        if suffix.lower() in ("csv", "txt") and stem.lower() in TABLES_BY_NAME:  # .txt: Excel's "Unicode text"
            files.append(LedgerFile(stem.lower(), label, read()))
        elif name.lower().endswith(WORKBOOK_SUFFIXES + LEGACY_SUFFIXES):  # the workbook form: a sheet per table
            sheets, skipped = workbook_sheets(name, label, read())
            files.extend(LedgerFile(table, sheet, text.encode("utf-8")) for table, sheet, text in sheets)
            ignored.extend(skipped)
        else:
            ignored.append(label)
    if not files:
        raise LedgerFileError(
            f"{path}: no ledger file found (expected contracts.csv, line_items.csv … as in the ledger format, "
            "or a .xlsx workbook with a sheet per table)"
        )
    return files, ignored


def _zip_entries(path: Path) -> list[_Entry]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise LedgerFileError(f"{path}: not a readable .zip file ({exc})") from exc
    entries: list[_Entry] = []
    with archive:
        for info in archive.infolist():
            if info.is_dir() or "__MACOSX" in info.filename:
                continue
            data = archive.read(info)
            name = PurePosixPath(info.filename).name
            entries.append((name, f"{path.name}/{info.filename}", _already_read(data)))
    return entries


def _already_read(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def decode(file: LedgerFile) -> str:
    """The text of ``file``: UTF-8 (BOM removed) or GB18030. Raises ``LedgerFileError`` otherwise."""
    data = file.data
    try:
        wide = encodings.bom_text(data)  # UTF-16/32 with BOM: Excel's "Unicode text"
    except UnicodeDecodeError as exc:
        raise LedgerFileError(encodings.undecodable(file.label, data)) from exc
    if wide is not None:
        return wide
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # GB18030 strictly, whatever the detector guesses: on a short file it often says big5 for
    # GBK text (e.g. one line "X,1,云主机"), and the format admits no other legacy encoding.
    # NUL bytes mean UTF-16 or binary, never GB18030 text.
    if b"\x00" not in data:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    raise LedgerFileError(encodings.undecodable(file.label, data))  # the byte, its row and column, the likely cause
