"""``attachments.csv`` and the files under ``attachments/<sha256>`` of a ledger (spec ``csv-format.md``).

The writer puts each file once, named by the SHA-256 of its bytes; the reader finds it beside
the CSV file (folder, .zip, or a lone ``attachments.csv`` with its ``attachments/`` folder) — for a
workbook ledger in ``<name>.attachments.zip`` beside it, or an ``attachments/`` folder there — and
checks that its bytes have that hash — a missing file or a mismatch is an error naming the file.
Qt-free.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.amendments import Attachment, AttachmentBlob
from models.contract import Contract
from services.attachments.files import KINDS, MAX_BYTES, add_bytes, sha256_of
from services.errors import LocatedProblem, define
from services.ledger import codes
from services.ledger.read import Record
from services.ledger.schema import ATTACHMENTS
from services.ledger.workbook import LEGACY_SUFFIXES, SIDE_ZIP, WORKBOOK_SUFFIXES, attachments_zip
from services.register import contracts as contract_service

FOLDER = "attachments"
_HEX = re.compile(r"^[0-9a-f]{64}$")
_COLUMNS = {column.name: column for column in ATTACHMENTS.columns}

NOT_SHA256 = define("LEDGER_ATTACHMENT_SHA256", "不是 SHA-256 校验值（64 位十六进制数字）：“{text}”",
                    "not a SHA-256 (64 hex digits): {text!r}")
NOT_KIND = define("LEDGER_ATTACHMENT_KIND", "不是附件类型（{choices}）：“{text}”",
                  "not an attachment kind ({choices}): {text!r}")
FILE_MISSING = define("LEDGER_ATTACHMENT_MISSING", "文件缺失或无法读取（attachments.csv 列出了它）",
                      "missing or not readable (attachments.csv names it)")
FILE_TOO_LARGE = define("LEDGER_ATTACHMENT_TOO_LARGE", "文件大于 200 MB", "larger than 200 MB")
FILE_UNREADABLE = define("LEDGER_ATTACHMENT_UNREADABLE", "无法读取（{reason}）", "not readable ({reason})")
FILE_CHANGED = define("LEDGER_ATTACHMENT_CHANGED",
                      "文件的 SHA-256 是 {actual}，而不是其文件名所示的 {digest}（文件已损坏或被改动）",
                      "the file's SHA-256 is {actual}, not the {digest} it is named by (damaged or changed)")


@dataclass(frozen=True)
class LedgerAttachment:
    """One row of ``attachments.csv``, read and checked."""

    contract_no: str
    sha256: str
    file_name: str
    kind: str
    added_date: dt.date | None
    note: str | None


@dataclass
class LedgerAttachments:
    """The rows of ``attachments.csv`` and the files they name, by SHA-256."""

    rows: list[LedgerAttachment] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)


def rows(session: Session, contract_ids: list[int]) -> tuple[list[list[object]], dict[str, bytes]]:
    """The attachments of ``contract_ids`` (in that order, each contract's in the order added) as
    ``attachments.csv`` values, and the files as ``attachments/<sha256>`` → bytes."""
    query = (select(Contract.contract_no, Attachment).join(Contract, Contract.id == Attachment.contract_id)
             .where(Attachment.contract_id.in_(contract_ids), Attachment.deleted_at.is_(None))
             .order_by(Attachment.id))
    by_contract: dict[int, list[list[object]]] = {}
    digests: set[str] = set()
    for contract_no, item in session.execute(query):
        by_contract.setdefault(item.contract_id, []).append(
            [contract_no, item.sha256, item.file_name, item.kind, item.added_date, item.note])
        digests.add(item.sha256)
    files = {f"{FOLDER}/{blob.sha256}": blob.content
             for blob in session.scalars(select(AttachmentBlob).where(AttachmentBlob.sha256.in_(sorted(digests)))
                                         .order_by(AttachmentBlob.sha256))}
    return [row for contract_id in contract_ids for row in by_contract.get(contract_id, [])], files


def read(label: str, records: list[Record], known: set[str], source: Path, errors: list[str]) -> LedgerAttachments:
    """Check the rows of ``attachments.csv`` (read from ``label``) and load the files they name from the
    ledger at ``source``. Appends a coded ``LocatedProblem`` to ``errors``: at ``file:row:column`` for
    an unknown contract, kind or a malformed hash, at ``<ledger>/attachments/<sha256>`` for a file
    missing, too large or whose bytes have another hash. Rows with a bad cell (reported by the
    reader) are passed over."""
    result = LedgerAttachments()
    labels = {alias: code for code, (alias, _en) in KINDS.items()}
    for record in records:
        if record.bad:
            continue
        values = record.values
        contract_no, digest = str(values["contract_no"]), str(values["sha256"]).strip().lower()
        if contract_no not in known:
            errors.append(codes.problem(label, record.row, _COLUMNS["contract_no"], codes.UNKNOWN_CONTRACT,
                                        number=contract_no))
            continue
        if not _HEX.match(digest):
            errors.append(codes.problem(label, record.row, _COLUMNS["sha256"], NOT_SHA256, text=values["sha256"]))
            continue
        kind = str(values.get("kind") or "other").strip()
        kind = labels.get(kind, kind)
        if kind not in KINDS:
            errors.append(codes.problem(label, record.row, _COLUMNS["kind"], NOT_KIND, choices=", ".join(KINDS),
                                        text=values.get("kind")))
            continue
        if digest not in result.blobs:
            data, problem = _load(source, digest)
            if problem is not None:
                errors.append(problem)
                continue
            assert data is not None
            result.blobs[digest] = data
        result.rows.append(LedgerAttachment(contract_no, digest, str(values["file_name"]), kind,
                                            values.get("added_date"), values.get("note")))  # type: ignore[arg-type]
    return result


def apply(session: Session, ledger: LedgerAttachments) -> None:
    """Keep the ledger's files with their contracts (a file a contract already keeps takes the
    ledger's name, kind, date and note); each added file records its history entry."""
    for item in ledger.rows:
        contract_id = contract_service.find_id(session, item.contract_no)
        if contract_id is None:
            continue  # in the Trash: the importer reports it
        found = session.scalar(select(Attachment).where(Attachment.contract_id == contract_id,
                                                        Attachment.sha256 == item.sha256))
        if found is None or found.deleted_at is not None:  # new, or back from the Trash
            add_bytes(session, contract_id, ledger.blobs[item.sha256], item.file_name, kind=item.kind,
                      note=item.note, added_date=item.added_date)
        else:
            found.file_name, found.kind, found.note = item.file_name, item.kind, item.note
            found.added_date = item.added_date or found.added_date
    session.flush()


def _load(source: Path, digest: str) -> tuple[bytes | None, LocatedProblem | None]:
    """(bytes, None) of ``attachments/<digest>`` in the ledger at ``source``, or (None, the problem)."""
    name = f"{FOLDER}/{digest}"
    folder = source if source.is_dir() else source.parent
    archive: Path | None = None
    if source.is_file() and source.suffix.lower() == ".zip":
        archive = source
    elif source.suffix.lower() in WORKBOOK_SUFFIXES + LEGACY_SUFFIXES and not (folder / name).is_file():
        archive = attachments_zip(source)  # a workbook ledger ships its files in a .zip beside it
    elif source.is_dir() and not (folder / name).is_file():  # a folder holding a workbook and its .zip
        archive = next((side for side in sorted(folder.glob(f"*{SIDE_ZIP}"))
                        if any(attachments_zip(book) == side for book in folder.iterdir()
                               if book.suffix.lower() in WORKBOOK_SUFFIXES + LEGACY_SUFFIXES)), None)
    label = f"{archive.name if archive is not None else folder.name}/{name}"
    if archive is not None:
        data, problem = _from_zip(archive, digest, label)
        if problem is not None or data is None:
            return None, problem
    else:
        path = folder / name
        try:
            if path.stat().st_size > MAX_BYTES:
                return None, LocatedProblem(label, None, None, FILE_TOO_LARGE)
            data = path.read_bytes()
        except OSError:
            return None, LocatedProblem(label, None, None, FILE_MISSING)
    actual = sha256_of(data)
    if actual != digest:
        return None, LocatedProblem(label, None, None, FILE_CHANGED, {"actual": actual, "digest": digest})
    return data, None


def _from_zip(archive_path: Path, digest: str, label: str) -> tuple[bytes | None, LocatedProblem | None]:
    """(bytes, None) of the entry ``…/attachments/<digest>`` of the .zip ``archive_path``, or (None, the
    problem at ``label``)."""
    if not archive_path.is_file():
        return None, LocatedProblem(label, None, None, FILE_MISSING)
    try:
        with zipfile.ZipFile(archive_path) as archive:
            member = next((info for info in archive.infolist()
                           if PurePosixPath(info.filename).parts[-2:] == (FOLDER, digest)), None)
            if member is None:
                return None, LocatedProblem(label, None, None, FILE_MISSING)
            if member.file_size > MAX_BYTES:
                return None, LocatedProblem(label, None, None, FILE_TOO_LARGE)
            with archive.open(member) as entry:
                data = entry.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return None, LocatedProblem(label, None, None, FILE_UNREADABLE, {"reason": str(exc)})
    if len(data) > MAX_BYTES:
        return None, LocatedProblem(label, None, None, FILE_TOO_LARGE)
    return data, None
