"""Finding and decoding the files of a ledger: a folder, a ``.zip`` of one, or one CSV file.

Text is UTF-8 (with or without BOM) or GB18030/GBK, what Excel on Chinese Windows saves;
bytes that are not valid UTF-8 are decoded as GB18030 (a superset of GBK); charset-normalizer
only names the likely encoding when neither fits.

A ``.zip`` is checked before anything is extracted: at most ``MAX_ZIP_ENTRIES`` entries, each at
most ``MAX_ENTRY_BYTES`` and together ``MAX_TOTAL_BYTES`` uncompressed, a compression ratio of at
most ``MAX_RATIO`` (a zip bomb), no absolute path or ``..`` in a name; entries that are not ledger
tables are never read. Every refusal is a coded, translated ``LedgerFileError``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from services.errors import InputError, define
from services.ledger import encodings
from services.ledger.schema import TABLES_BY_NAME
from services.ledger.workbook import LEGACY_SUFFIXES, WORKBOOK_SUFFIXES, WorkbookError, workbook_sheets

NO_SUCH_PATH = define("LEDGER_NO_SUCH_PATH", "{path}：没有这个文件或文件夹", "{path}: no such file or folder")
NO_LEDGER_FILE = define("LEDGER_NO_LEDGER_FILE",
                        "{path}：找不到台账文件（应为 contracts.csv、line_items.csv 等，见台账格式；"
                        "或每个表一张工作表的 .xlsx 工作簿）",
                        "{path}: no ledger file found (expected contracts.csv, line_items.csv … as in the ledger "
                        "format, or a .xlsx workbook with a sheet per table)")
BAD_ZIP = define("LEDGER_BAD_ZIP", "{path}：不是可读的 .zip 文件（{reason}）",
                 "{path}: not a readable .zip file ({reason})")
ZIP_TOO_MANY = define("LEDGER_ZIP_TOO_MANY", "{path}：压缩包有 {count} 个条目，最多 {limit} 个",
                      "{path}: the .zip holds {count} entries, at most {limit} are read")
ZIP_TOO_LARGE = define("LEDGER_ZIP_TOO_LARGE", "{path}：{entry} 解压后 {size} 字节，超过上限 {limit} 字节",
                       "{path}: {entry} expands to {size} bytes, over the limit of {limit} bytes")
ZIP_RATIO = define("LEDGER_ZIP_RATIO", "{path}：{entry} 的压缩比为 {ratio}:1，超过 {limit}:1（可能是压缩炸弹）",
                   "{path}: {entry} is compressed {ratio}:1, over {limit}:1 (a zip bomb?)")
ZIP_UNSAFE_PATH = define("LEDGER_ZIP_UNSAFE_PATH", "{path}：条目名“{entry}”指向压缩包之外（绝对路径或 ..）",
                         "{path}: the entry name {entry!r} points outside the .zip (an absolute path or ..)")
#: Limits of a .zip ledger, checked on its directory before any entry is read.
MAX_ZIP_ENTRIES = 200
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200

#: One candidate file: its name, its label for messages, and how to read its bytes (only if it is a ledger table).
_Entry = tuple[str, str, Callable[[], bytes]]


class LedgerFileError(InputError):
    """The ledger cannot be read at all (missing, not a ledger, a refused .zip, undecodable): a coded
    ``InputError`` (``LedgerFileError(code, **params)``) whose message names the file: an error with a
    place in a file (``label``, ``at_row``, ``at_column`` in ``params``) reads ``label:row:column text``.
    A ``LocatedProblem`` built from ``where()`` and ``params`` places it itself, without this prefix."""

    def text(self, language: str = "en") -> str:
        """The text in ``language``, after ``label:row:column`` when the error has a place in a file."""
        row, column = self.where()
        label = self.params.get("label")
        if label is None or row is None:
            return super().text(language)
        return f"{label}:{row}:{column} {super().text(language)}"

    def where(self) -> tuple[int | None, str | None]:
        """(row, column) in the file when the error has a place in it (an undecodable byte), else (None, None)."""
        row, column = self.params.get("at_row"), self.params.get("at_column")
        return (row if isinstance(row, int) else None), (str(column) if column is not None else None)


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
        raise LedgerFileError(NO_SUCH_PATH, path=str(path))
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
            try:
                sheets, skipped = workbook_sheets(name, label, read())
            except WorkbookError as exc:  # not a workbook, or an old .xls/.et: the ledger cannot be read
                raise LedgerFileError(exc.code, **exc.params) from exc
            files.extend(LedgerFile(table, sheet, text.encode("utf-8")) for table, sheet, text in sheets)
            ignored.extend(skipped)
        else:
            ignored.append(label)
    if not files:
        raise LedgerFileError(NO_LEDGER_FILE, path=str(path))
    return files, ignored


def _zip_entries(path: Path) -> list[_Entry]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LedgerFileError(BAD_ZIP, path=str(path), reason=str(exc)) from exc
    entries: list[_Entry] = []
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir() and "__MACOSX" not in info.filename]
        _check_zip(path, infos)
        for info in infos:
            name = PurePosixPath(info.filename).name
            entries.append((name, f"{path.name}/{info.filename}", _reader(path, info)))
    return entries


def _check_zip(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a .zip whose directory breaks a limit (``MAX_*``), before anything is extracted."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise LedgerFileError(ZIP_TOO_MANY, path=path.name, count=len(infos), limit=MAX_ZIP_ENTRIES)
    total = 0
    for info in infos:
        parts = PurePosixPath(info.filename.replace("\\", "/")).parts
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in (parts[0] if parts else ""):
            raise LedgerFileError(ZIP_UNSAFE_PATH, path=path.name, entry=info.filename)
        if info.file_size > MAX_ENTRY_BYTES:
            raise LedgerFileError(ZIP_TOO_LARGE, path=path.name, entry=info.filename, size=info.file_size,
                                  limit=MAX_ENTRY_BYTES)
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LedgerFileError(ZIP_RATIO, path=path.name, entry=info.filename,
                                  ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise LedgerFileError(ZIP_TOO_LARGE, path=path.name, entry="*", size=total, limit=MAX_TOTAL_BYTES)


def _reader(path: Path, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    """Reads one entry when called (only ledger tables are), at most its declared size."""

    def read() -> bytes:
        try:
            with zipfile.ZipFile(path) as archive, archive.open(info) as member:
                data = member.read(MAX_ENTRY_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise LedgerFileError(BAD_ZIP, path=path.name, reason=str(exc)) from exc
        if len(data) > MAX_ENTRY_BYTES:
            raise LedgerFileError(ZIP_TOO_LARGE, path=path.name, entry=info.filename, size=len(data),
                                  limit=MAX_ENTRY_BYTES)
        return data

    return read


def decode(file: LedgerFile) -> str:
    """The text of ``file``: UTF-8 (BOM removed) or GB18030. Raises ``LedgerFileError`` otherwise."""
    data = file.data
    try:
        wide = encodings.bom_text(data)  # UTF-16/32 with BOM: Excel's "Unicode text"
    except UnicodeDecodeError as exc:
        raise LedgerFileError(encodings.UNDECODABLE, label=file.label, **encodings.undecodable(data)) from exc
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
    raise LedgerFileError(encodings.UNDECODABLE, label=file.label, **encodings.undecodable(data))
