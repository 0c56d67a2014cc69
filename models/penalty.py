"""Liquidated-damages (违约金) clauses of a contract and the calculations saved from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, DecimalText, Money

if TYPE_CHECKING:
    from models.contract import Contract


class PenaltyClause(Base):
    """A liquidated-damages clause as the ledger states it (spec ``penalty_clauses.csv``).

    ``kind``: per_day, one_off, monthly_fee_coefficient, fixed_amount; ``rate`` a percent
    (per day for per_day; 200 = 200 % for a coefficient); ``base``/``cap_base``:
    contract_total, overdue_amount, monthly_fee, daily_fee; amounts in yuan.
    """

    __tablename__ = "penalty_clauses"
    __table_args__ = (UniqueConstraint("contract_id", "clause_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    clause_ref: Mapped[str] = mapped_column(String(100))
    trigger: Mapped[str] = mapped_column(Text)
    payer_role: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(40))
    rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    base: Mapped[str | None] = mapped_column(String(40))
    amount: Mapped[Decimal | None] = mapped_column(Money)
    cap_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    cap_base: Mapped[str | None] = mapped_column(String(40))
    cap_amount: Mapped[Decimal | None] = mapped_column(Money)
    day_count: Mapped[str | None] = mapped_column(String(20))
    part_day: Mapped[str | None] = mapped_column(String(20))
    terminate_after_days: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="penalty_clauses")


class PenaltyCalculation(Base):
    """A calculation saved to the contract's record: when, by whom, the inputs (JSON text of
    exact values), the result in yuan and the working as printed."""

    __tablename__ = "penalty_calculations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    clause_ref: Mapped[str | None] = mapped_column(String(100))
    calculated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    calculated_by: Mapped[str | None] = mapped_column(Text)
    inputs: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal] = mapped_column(Money)
    working: Mapped[str] = mapped_column(Text)
