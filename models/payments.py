"""Payments actually made (or received) on a contract (ledger ``payments.csv``, spec ``csv-format.md``).

A payment may pay (part of) one installment (``installment_seq``) or none. Several payments may
pay one installment (partial payments). ``Installment.paid_amount`` / ``paid_date`` are kept by
``services.payments.record`` from these rows: the sum paid and the date it became fully paid.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Money


class Payment(Base):
    """One payment: ``amount`` yuan (Money: integer fen in the store) paid on ``paid_date`` by
    ``payer_role`` (default 甲方) to ``payee_role`` (default 乙方); ``seq`` numbers it within its
    contract; ``invoice_no`` (发票号) and ``voucher_no`` (凭证号, the accounting voucher) as written."""

    __tablename__ = "payments"
    __table_args__ = (
        UniqueConstraint("contract_id", "seq"),
        Index("ix_payments_contract_installment", "contract_id", "installment_seq"),
        Index("ix_payments_paid_date", "paid_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    installment_seq: Mapped[int | None] = mapped_column(Integer)
    payer_role: Mapped[str | None] = mapped_column(String(10))
    payee_role: Mapped[str | None] = mapped_column(String(10))
    paid_date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    invoice_no: Mapped[str | None] = mapped_column(String(200))
    voucher_no: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
