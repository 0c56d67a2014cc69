"""Removed files in the Trash (issue 16: "remove (to the Trash if one exists)").

Removing a file from a contract in the editor moves it to the Trash (``to_trash``): the row stays,
marked by ``Attachment.deleted_at`` (UTC) and ``deleted_by`` (revision 0018), and so do its bytes —
a blob is kept while any row, in the Trash or not, references its SHA-256. The Trash window lists
the files (``trashed_files``), restores one to its contract (``restore_file``) or deletes it
permanently (``purge_file``: the row, and the bytes when no other row references them). Purging a
contract deletes its files with it. Each function works in the caller's transaction and records a
history entry ``attachment`` (so its ``Changes`` are announced). Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from models.amendments import Attachment, AttachmentBlob
from models.contract import Contract
from services import history as history_log
from services.attachments.files import AttachmentRow, attachments
from services.errors import UserError, define
from services.history import HistoryAction

__all__ = ["NOT_IN_TRASH", "TrashedFile", "purge_file", "restore_file", "to_trash", "trashed_files"]

NOT_IN_TRASH = define("ATTACHMENT_NOT_IN_TRASH", "文件 {name} 不在回收站中", "{name} is not in the Trash")
NO_FILE = define("ATTACHMENT_NO_SUCH_FILE", "找不到该文件（编号 {id}）：可能已被删除",
                 "No such file (#{id}): it may have been deleted")


@dataclass(frozen=True)
class TrashedFile:
    """A file in the Trash: its row ``id``, the contract it was kept with, ``size`` in bytes,
    ``deleted_at`` aware UTC (show with ``.astimezone()``), ``deleted_by`` the user."""

    id: int
    contract_id: int
    contract_no: str
    file_name: str
    kind: str
    size: int
    deleted_at: dt.datetime
    deleted_by: str | None


def _get(session: Session, attachment_id: int) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError(NO_FILE, id=attachment_id)
    return row


def _record(session: Session, row: Attachment, verb: str, **extra: object) -> None:
    contract_no = session.scalar(select(Contract.contract_no).where(Contract.id == row.contract_id))
    history_log.record(session, HistoryAction.ATTACHMENT, contract_id=row.contract_id, contract_no=contract_no,
                       details={verb: {"file_name": row.file_name, "kind": row.kind, "sha256": row.sha256, **extra}})


def to_trash(session: Session, attachment_id: int) -> AttachmentRow:
    """Remove file ``attachment_id`` from its contract to the Trash (now, by ``history.actor``); returns
    what it was. History ``attachment`` (``removed``, ``to_trash``). Raises ``UserError``
    (``ATTACHMENT_NO_SUCH_FILE``) if there is no such file or it is in the Trash already."""
    row = _get(session, attachment_id)
    if row.deleted_at is not None:
        raise UserError(NO_FILE, id=attachment_id)
    size = session.scalar(select(AttachmentBlob.size).where(AttachmentBlob.sha256 == row.sha256)) or 0
    removed = AttachmentRow(id=row.id, contract_id=row.contract_id, sha256=row.sha256, file_name=row.file_name,
                            kind=row.kind, added_date=row.added_date, note=row.note, size=size)
    row.deleted_at = history_log.utc_now().replace(tzinfo=None)
    row.deleted_by = history_log.actor(session)
    session.flush()
    _record(session, row, "removed", to_trash=True)
    return removed


def restore_file(session: Session, attachment_id: int) -> AttachmentRow:
    """Put file ``attachment_id`` back on its contract from the Trash, as it was (name, kind, date
    added, note); returns it. History ``attachment`` (``added``, ``restored``). Raises ``UserError``
    (``ATTACHMENT_NO_SUCH_FILE``, ``ATTACHMENT_NOT_IN_TRASH``)."""
    row = _get(session, attachment_id)
    if row.deleted_at is None:
        raise UserError(NOT_IN_TRASH, name=row.file_name)
    row.deleted_at = row.deleted_by = None
    session.flush()
    _record(session, row, "added", restored=True)
    return next(item for item in attachments(session, row.contract_id) if item.id == attachment_id)


def purge_file(session: Session, attachment_id: int) -> None:
    """Delete file ``attachment_id`` permanently (only from the Trash): its row, and its bytes when no
    other row references them. History ``attachment`` (``removed``, ``purged``). Raises ``UserError``
    (``ATTACHMENT_NO_SUCH_FILE``, ``ATTACHMENT_NOT_IN_TRASH``)."""
    row = _get(session, attachment_id)
    if row.deleted_at is None:
        raise UserError(NOT_IN_TRASH, name=row.file_name)
    _record(session, row, "removed", purged=True)
    digest = row.sha256
    session.delete(row)
    session.flush()
    if not session.scalar(select(exists().where(Attachment.sha256 == digest))):
        session.execute(delete(AttachmentBlob).where(AttachmentBlob.sha256 == digest))


def trashed_files(session: Session) -> list[TrashedFile]:
    """The files in the Trash, most recently removed first."""
    query = (select(Attachment, Contract.contract_no, AttachmentBlob.size)
             .join(Contract, Contract.id == Attachment.contract_id)
             .join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
             .where(Attachment.deleted_at.is_not(None)).order_by(Attachment.deleted_at.desc(), Attachment.id.desc()))
    found = []
    for row, contract_no, size in session.execute(query):
        assert row.deleted_at is not None
        found.append(TrashedFile(row.id, row.contract_id, contract_no, row.file_name, row.kind, size,
                                 row.deleted_at.replace(tzinfo=dt.UTC), row.deleted_by))
    return found
