"""The files of a contract, content-addressed inside the store (issue 16).

A file's bytes are kept once (``attachment_blobs``, keyed by their SHA-256 in hex), however many
contracts keep it; each contract's ``attachments`` row names the blob, the file name as added,
its kind, the date added and a note. Every write records one history entry (``attachment``) and
announces the contract's change (``services.history.changes``). Qt-free.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from models.amendments import Attachment, AttachmentBlob
from models.contract import Contract
from services import history as history_log
from services.errors import UserError, define
from services.history import HistoryAction

#: Largest file kept: 200 MB (200 × 1024 × 1024 bytes).
MAX_BYTES = 200 * 1024 * 1024
#: Kinds of file (spec ``attachments.csv`` ``kind``) with their Chinese and English labels.
KINDS: dict[str, tuple[str, str]] = {
    "signed_copy": ("签字盖章版", "Signed copy"),
    "amendment": ("补充协议", "Amendment"),
    "invoice": ("发票", "Invoice"),
    "acceptance": ("验收报告", "Acceptance report"),
    "bond": ("保函/保证金凭证", "Bond / guarantee"),
    "report": ("报告", "Report"),
    "other": ("其他", "Other"),
}

TOO_LARGE = define("ATTACHMENT_TOO_LARGE", "文件 {name} 大小为 {size}，超过 200 MB 的上限，未添加",
                   "{name} is {size}, above the 200 MB limit: not added")
UNREADABLE = define("ATTACHMENT_UNREADABLE", "无法读取文件 {name}：{reason}", "Cannot read {name}: {reason}")
BAD_KIND = define("ATTACHMENT_KIND", "附件类型 {kind} 无效（可用：{kinds}）",
                  "Not an attachment kind: {kind} (use {kinds})")
NOT_FOUND = define("ATTACHMENT_NOT_FOUND", "合同 {contract_no} 没有附件 {name}",
                   "Contract {contract_no} has no attachment {name}")
NO_CONTRACT = define("ATTACHMENT_NO_CONTRACT", "没有编号为 {contract_no} 的合同", "No contract numbered {contract_no}")


@dataclass(frozen=True)
class AttachmentRow:
    """One file of a contract: ``id``, ``sha256`` (hex), ``file_name`` as added, ``kind`` (a code of
    ``KINDS``), ``added_date``, ``note``, ``size`` in bytes."""

    id: int
    contract_id: int
    sha256: str
    file_name: str
    kind: str
    added_date: dt.date | None
    note: str | None
    size: int


@dataclass(frozen=True)
class Added:
    """What ``add_file`` did: the row, ``stored`` False when the store already held these bytes (kept
    once), ``already_here`` True when this contract already kept them (nothing added)."""

    row: AttachmentRow
    stored: bool
    already_here: bool


def kind_label(kind: str, language: str = "zh") -> str:
    """The label of ``kind`` in ``language`` (``zh``… Chinese, else English); an unknown code as is."""
    labels = KINDS.get(kind)
    return kind if labels is None else labels[0] if language.startswith("zh") else labels[1]


def size_text(size: int) -> str:
    """A file size for a person: ``812 B``, ``3.4 KB``, ``200.0 MB`` (1 KB = 1024 bytes)."""
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop returns at MB


def sha256_of(data: bytes) -> str:
    """The SHA-256 of ``data`` in lower-case hex (64 digits)."""
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path) -> bytes:
    """The bytes of the file at ``path``, if it may be kept. Raises ``UserError``: ``ATTACHMENT_TOO_LARGE``
    above ``MAX_BYTES`` (checked before reading), ``ATTACHMENT_UNREADABLE`` when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(TOO_LARGE, name=path.name, size=size_text(size))
        if not path.is_file():
            raise OSError("not a file")
        return path.read_bytes()
    except OSError as exc:
        raise UserError(UNREADABLE, name=path.name, reason=exc.strerror or str(exc)) from None


def store_blob(session: Session, data: bytes) -> tuple[str, bool]:
    """Keep ``data`` once; returns (sha256, True if it was new to the store)."""
    digest = sha256_of(data)
    if session.get(AttachmentBlob, digest) is not None:
        return digest, False
    session.add(AttachmentBlob(sha256=digest, size=len(data), content=data))
    session.flush()
    return digest, True


def add_file(session: Session, contract_id: int, path: Path, *, kind: str = "other", note: str | None = None,
             today: dt.date | None = None) -> Added:
    """Keep the file at ``path`` with contract ``contract_id`` (``kind`` a code of ``KINDS``).

    The same bytes are stored once; when the contract already keeps them nothing is added and
    ``Added.already_here`` says so. Raises ``UserError`` (``ATTACHMENT_TOO_LARGE``,
    ``ATTACHMENT_UNREADABLE``, ``ATTACHMENT_KIND``, ``ATTACHMENT_NO_CONTRACT``)."""
    return add_bytes(session, contract_id, read_file(path), path.name, kind=kind, note=note, today=today)


def add_bytes(session: Session, contract_id: int, data: bytes, file_name: str, *, kind: str = "other",
              note: str | None = None, today: dt.date | None = None, added_date: dt.date | None = None) -> Added:
    """``add_file`` for bytes already read (same rules; ``TOO_LARGE`` above ``MAX_BYTES``);
    ``added_date`` (a ledger's) instead of ``today``."""
    if kind not in KINDS:
        raise UserError(BAD_KIND, kind=kind, kinds=", ".join(KINDS))
    if len(data) > MAX_BYTES:
        raise UserError(TOO_LARGE, name=file_name, size=size_text(len(data)))
    contract_no = session.scalar(select(Contract.contract_no).where(Contract.id == contract_id))
    if contract_no is None:
        raise UserError(NO_CONTRACT, contract_no=f"#{contract_id}")
    digest, stored = store_blob(session, data)
    found = session.scalar(select(Attachment).where(Attachment.contract_id == contract_id,
                                                    Attachment.sha256 == digest))
    if found is not None and found.deleted_at is None:
        return Added(_row(found, len(data)), stored=False, already_here=True)
    if found is not None:  # the same file in the Trash: it comes back as added now
        row = found
        row.deleted_at = row.deleted_by = None
        row.file_name, row.kind, row.note = file_name, kind, note
        row.added_date = added_date or today or dt.date.today()
    else:
        row = Attachment(contract_id=contract_id, sha256=digest, file_name=file_name, kind=kind,
                         added_date=added_date or today or dt.date.today(), note=note)
        session.add(row)
    session.flush()
    history_log.record(session, HistoryAction.ATTACHMENT, contract_id=contract_id, contract_no=contract_no,
                       details={"added": {"file_name": file_name, "kind": kind, "sha256": digest, "size": len(data)}})
    return Added(_row(row, len(data)), stored=stored, already_here=False)


def attachments(session: Session, contract_id: int) -> list[AttachmentRow]:
    """The files of contract ``contract_id`` in the order they were added (not those in the Trash)."""
    query = (select(Attachment, AttachmentBlob.size).join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
             .where(Attachment.contract_id == contract_id, Attachment.deleted_at.is_(None)).order_by(Attachment.id))
    return [_row(row, size) for row, size in session.execute(query)]


def content(session: Session, sha256: str) -> bytes:
    """The bytes of the blob ``sha256``. Raises ``KeyError`` if the store lacks it."""
    blob = session.get(AttachmentBlob, sha256)
    if blob is None:
        raise KeyError(sha256)
    return blob.content


def remove(session: Session, attachment_id: int, *, keep_bytes: bool = False) -> AttachmentRow:
    """Remove one file from its contract; returns what it was (for an undo:
    ``services.attachments.undo.restore``). The bytes go too when no contract keeps them any more —
    unless ``keep_bytes``: then they stay until ``services.attachments.undo.purge_unused`` (the window
    keeps them while the officer may still undo). Raises ``KeyError`` if there is no such attachment."""
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise KeyError(attachment_id)
    size = session.scalar(select(AttachmentBlob.size).where(AttachmentBlob.sha256 == row.sha256)) or 0
    removed = _row(row, size)
    contract_no = session.scalar(select(Contract.contract_no).where(Contract.id == row.contract_id))
    details = {"removed": {"file_name": row.file_name, "kind": row.kind, "sha256": row.sha256}}
    contract_id, digest = row.contract_id, row.sha256
    session.delete(row)
    session.flush()
    if not keep_bytes and not session.scalar(select(exists().where(Attachment.sha256 == digest))):
        session.execute(delete(AttachmentBlob).where(AttachmentBlob.sha256 == digest))
    history_log.record(session, HistoryAction.ATTACHMENT, contract_id=contract_id, contract_no=contract_no,
                       details=details)
    return removed


def extract(session: Session, contract_id: int, folder: Path) -> list[Path]:
    """Write every file of contract ``contract_id`` into ``folder`` (created, user-only) under its name
    (a second file of the same name gets `` (2)`` …); returns the paths written. Raises ``OSError``."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    written: list[Path] = []
    for item in attachments(session, contract_id):
        target = _free_name(folder, Path(item.file_name).name or item.sha256)
        target.write_bytes(content(session, item.sha256))
        target.chmod(0o600)
        written.append(target)
    return written


def with_signed_copy(session: Session, ids: list[int]) -> set[int]:
    """Which of the contracts ``ids`` keep a signed copy (kind ``signed_copy``)."""
    query = select(Attachment.contract_id).where(Attachment.kind == "signed_copy", Attachment.contract_id.in_(ids),
                                                 Attachment.deleted_at.is_(None))
    return set(session.scalars(query))


def blob_count(session: Session) -> int:
    """How many distinct files the store holds."""
    return session.scalar(select(func.count()).select_from(AttachmentBlob)) or 0


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    number = 2
    while target.exists():
        target = folder / f"{Path(name).stem} ({number}){Path(name).suffix}"
        number += 1
    return target


def _row(row: Attachment, size: int) -> AttachmentRow:
    return AttachmentRow(id=row.id, contract_id=row.contract_id, sha256=row.sha256, file_name=row.file_name,
                         kind=row.kind, added_date=row.added_date, note=row.note, size=size)
