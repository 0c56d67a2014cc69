"""Obligations with deadlines: milestones and bonds (spec ``csv-format.md``), the dates of
the events deadlines count from, what was marked done, and the official holiday schedule.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, DecimalText, Money

if TYPE_CHECKING:
    from models.contract import Contract


class Milestone(Base):
    """An obligation or deadline of a contract: a fixed ``due_date``, or ``due_offset``
    ``due_unit`` (working_days, days, months) after the ``due_after`` event(s); ``recurrence``
    is an RFC 5545 RRULE over the contract term."""

    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(20))
    responsible_role: Mapped[str | None] = mapped_column(String(10))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_after: Mapped[str | None] = mapped_column(String(200))
    due_offset: Mapped[int | None] = mapped_column(Integer)
    due_unit: Mapped[str | None] = mapped_column(String(20))
    recurrence: Mapped[str | None] = mapped_column(String(200))
    done_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="milestones")


class Bond(Base):
    """A performance bond or other security: ``percent`` of the total or a stated ``amount``
    (yuan); when it must be lodged (due rule), how long it is valid, when lodged and returned, and
    its return rule (``return_after`` … as the due rule; empty: the default of its kind)."""

    __tablename__ = "bonds"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(20))
    form: Mapped[str | None] = mapped_column(Text)
    percent: Mapped[Decimal | None] = mapped_column(DecimalText)
    amount: Mapped[Decimal | None] = mapped_column(Money)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_after: Mapped[str | None] = mapped_column(String(200))
    due_offset: Mapped[int | None] = mapped_column(Integer)
    due_unit: Mapped[str | None] = mapped_column(String(20))
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    lodged_date: Mapped[dt.date | None] = mapped_column(Date)
    return_after: Mapped[str | None] = mapped_column(String(200))
    return_offset: Mapped[int | None] = mapped_column(Integer)
    return_unit: Mapped[str | None] = mapped_column(String(20))
    return_condition: Mapped[str | None] = mapped_column(Text)
    returned_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="bonds")


class ContractEvent(Base):
    """A named event of a contract and the date it happened, recorded by the officer:
    ``acceptance``, ``invoice``, ``budget`` or ``event:NAME`` (signing, effective, start and end
    are fields of the contract itself). ``label`` / ``label_en`` are what a deadline's text shows
    instead of the code (ledger ``events.csv``); ``event_date`` None: it has not happened yet."""

    __tablename__ = "contract_events"
    __table_args__ = (UniqueConstraint("contract_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(Text)
    label_en: Mapped[str | None] = mapped_column(Text)


class DeadlineDone(Base):
    """A deadline marked done with its actual date, for deadlines that have no done field of
    their own (an occurrence of a recurring milestone, a renewal reminder …). ``key`` names
    the deadline, e.g. ``milestone:3:2026-05-05``; ``note`` the officer's words (ledger ``done_marks.csv``)."""

    __tablename__ = "deadline_done"
    __table_args__ = (UniqueConstraint("contract_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    done_date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class Holiday(Base):
    """One day of the official working-day schedule of the PRC (国务院办公厅 annual notice),
    entered or imported by the officer; it takes precedence over the chinesecalendar package
    and the weekend rule. ``is_working_day`` True marks a make-up working day (调休)."""

    __tablename__ = "holidays"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_working_day: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str | None] = mapped_column(Text)
