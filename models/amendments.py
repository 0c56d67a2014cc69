"""Supplementary agreements (补充协议) and the files kept with a contract (附件), revision 0014.

An ``Amendment`` is one supplementary agreement of a contract: its number, signing and
effective dates, its text, and its ``AmendmentChange`` rows — each one change in the ledger's
``amendments.csv`` form (target table, the row's key, the field, ``set``/``add``/``remove``,
old and new values as the ledger writes them). The contract's own rows hold the terms as
amended (``services.amendments`` applies the changes when it records an amendment and takes
them back to show the contract as of an earlier date).

An ``AttachmentBlob`` holds a file's bytes once, keyed by their SHA-256 (hex), inside the
store — so a backup or a copied store holds the files; an ``Attachment`` is one file kept with
a contract (name as added, kind, date added, note) pointing at its blob.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base


class Amendment(Base):
    """A supplementary agreement (补充协议) of a contract; ``effective_date`` defaults to ``sign_date``."""

    __tablename__ = "amendments"
    __table_args__ = (UniqueConstraint("contract_id", "amendment_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    amendment_no: Mapped[str] = mapped_column(String(200))
    sign_date: Mapped[dt.date] = mapped_column(Date)
    effective_date: Mapped[dt.date] = mapped_column(Date)
    #: Order of recording within the contract (1, 2, …): the order the changes were applied in.
    position: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str | None] = mapped_column(Text)

    changes: Mapped[list[AmendmentChange]] = relationship(
        back_populates="amendment", cascade="all, delete-orphan", order_by="AmendmentChange.seq"
    )


class AmendmentChange(Base):
    """One change of an amendment (spec ``amendments.csv``): ``target`` a table (``contract``,
    ``line_item``, …), ``target_key`` the row's seq / role / clause_ref (None for ``contract``),
    ``field`` the column, ``action`` ``set`` / ``add`` / ``remove``; ``old_value`` / ``new_value``
    in the ledger's writer form (a whole row as ``column=value; …`` for add and remove)."""

    __tablename__ = "amendment_changes"
    __table_args__ = (UniqueConstraint("amendment_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendments.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(40))
    target_key: Mapped[str | None] = mapped_column(String(200))
    field: Mapped[str | None] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(10), default="set")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)

    amendment: Mapped[Amendment] = relationship(back_populates="changes")


class AttachmentBlob(Base):
    """A file's bytes, stored once: ``sha256`` (64 hex digits) of ``content``; ``size`` in bytes."""

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base):
    """A file kept with a contract: ``kind`` (``signed_copy``, ``amendment``, ``invoice``,
    ``acceptance``, ``bond``, ``report``, ``other``), the name as added, date added and a note."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("contract_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blobs.sha256"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    added_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    # Set while the file is in the Trash (revision 0018): removed from its contract, restorable.
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    deleted_by: Mapped[str | None] = mapped_column(Text)
