"""The history: an append-only, hash-chained log of every write to the register.

Rows are only ever inserted (``services.history.record``); revision 0005 adds SQLite triggers
that refuse UPDATE and DELETE on the table. ``contract_id`` is a plain integer, not a foreign
key: the entries of a contract deleted permanently stay, with its number.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class HistoryEntry(Base):
    """One change: ``at`` (UTC, ISO 8601 text with ``+00:00``), ``user`` (OS or database user),
    ``action`` (``services.history.HistoryAction``), the contract (id, number and its ``version``
    after the write; all NULL for store-wide changes such as the holiday table), ``details``
    (canonical JSON text) and the chain: ``prev_hash`` (the previous entry's ``hash``, ``""`` for
    the first) and ``hash`` (sha256 hex of the entry's canonical JSON with ``prev_hash``).
    ``prev_hash`` is unique: the chain cannot fork."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(20), index=True)
    contract_id: Mapped[int | None] = mapped_column(Integer, index=True)
    contract_no: Mapped[str | None] = mapped_column(String(100), index=True)
    contract_version: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))
