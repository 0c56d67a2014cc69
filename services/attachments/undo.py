"""Taking back the removal of a file (issue 16: "nothing the officer typed is lost without their answer").

The window removes a file with ``files.remove(…, keep_bytes=True)``: the contract no longer lists it,
but its bytes stay in the store while the officer may undo. ``restore`` puts the file back as it was
(name, kind, date added, note) with one history entry; ``purge_unused`` drops the bytes no contract
keeps any more (when the window no longer offers the undo, and before a new removal). Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from models.amendments import Attachment, AttachmentBlob
from models.contract import Contract
from services import history as history_log
from services.attachments.files import AttachmentRow, attachments
from services.errors import UserError, define
from services.history import HistoryAction

GONE = define("ATTACHMENT_GONE", "文件 {name} 已无法恢复：其内容已从合同库中清除",
              "{name} can no longer be restored: its content has been cleared from the store")


def restore(session: Session, removed: AttachmentRow) -> AttachmentRow:
    """Put ``removed`` (what ``files.remove`` returned) back on its contract; returns the new row.
    Nothing is added when the contract keeps the same bytes again meanwhile (that row is returned).
    Raises ``UserError`` (``ATTACHMENT_GONE``) when the bytes were purged or the contract is gone."""
    contract_no = session.scalar(select(Contract.contract_no).where(Contract.id == removed.contract_id))
    if contract_no is None or session.get(AttachmentBlob, removed.sha256) is None:
        raise UserError(GONE, name=removed.file_name)
    for row in attachments(session, removed.contract_id):
        if row.sha256 == removed.sha256:
            return row
    session.add(Attachment(contract_id=removed.contract_id, sha256=removed.sha256, file_name=removed.file_name,
                           kind=removed.kind, added_date=removed.added_date, note=removed.note))
    session.flush()
    history_log.record(session, HistoryAction.ATTACHMENT, contract_id=removed.contract_id, contract_no=contract_no,
                       details={"added": {"file_name": removed.file_name, "kind": removed.kind,
                                          "sha256": removed.sha256, "size": removed.size, "restored": True}})
    return next(row for row in attachments(session, removed.contract_id) if row.sha256 == removed.sha256)


def purge_unused(session: Session, keep: Iterable[str] = ()) -> int:
    """Delete the stored bytes no contract keeps (except the SHA-256s in ``keep``); returns how many."""
    kept = set(keep)
    unused = [digest for digest in session.scalars(
        select(AttachmentBlob.sha256).where(~exists().where(Attachment.sha256 == AttachmentBlob.sha256)))
        if digest not in kept]
    if unused:
        session.execute(delete(AttachmentBlob).where(AttachmentBlob.sha256.in_(unused)))
    return len(unused)
