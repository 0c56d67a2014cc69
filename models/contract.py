"""The contract aggregate: contract, parties, line items, installments, articles.

Column names follow the ledger CSV format (shared spec ``csv-format.md``), so the same
word means the same thing in the store, the CSV files, the code and the window.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import FEN, Base, DecimalText, Money

if TYPE_CHECKING:
    from models.obligations import Bond, Milestone
    from models.penalty import PenaltyClause

#: Roles of the parties, in order: 甲方 is the purchaser, the others suppliers.
class Role(StrEnum):
    """A party's role in the contract, as the contract and the ledger write it: 甲方 the purchaser,
    乙方…戊方 the other parties (a consortium has several suppliers)."""

    PARTY_A = "甲方"
    PARTY_B = "乙方"
    PARTY_C = "丙方"
    PARTY_D = "丁方"
    PARTY_E = "戊方"


ROLES: tuple[str, ...] = tuple(Role)
#: Contract statuses as stored; empty means "derived from the dates".
STATUSES: tuple[str, ...] = ("draft", "active", "completed", "terminated")


class Contract(Base):
    """A signed (or draft) procurement contract: the register's unit.

    Amounts are ``Decimal`` yuan, tax included; ``tax_rate`` is a percent (``6`` = 6 %).
    ``counterparty``, ``search_text`` and ``next_due`` are kept by ``services.register.contracts`` for
    the list (derived from the parties and installments; never edited directly), and so is
    ``problem_level``: the outcome of the contract checks (``services.checks.contract``) — 0 none,
    1 warnings, 2 errors, NULL not checked yet. ``version`` starts at 1 and grows by one with each
    write of the contract's data; ``deleted_at`` is not NULL while it is in the Trash.
    """

    __tablename__ = "contracts"
    # Each list sort key with the tie-breaker, so SQLite walks an index instead of sorting
    # 100,000 rows (bench/bench_list.py).
    __table_args__ = (
        Index("ix_contracts_title_no", "title", "contract_no"),
        Index("ix_contracts_counterparty_no", "counterparty", "contract_no"),
        Index("ix_contracts_total_no", "total_amount", "contract_no"),
        Index("ix_contracts_start_no", "start_date", "contract_no"),
        Index("ix_contracts_next_due_no", "next_due", "contract_no"),
        # The overview's contracts ending within 90 days (0016) and the end dates the list status's
        # day-change refresh looks up (0017). The status column itself (list_status,
        # ix_contracts_list_status_no) is not mapped: SQLite triggers write it, never the ORM
        # (services.register.list_status).
        Index("ix_contracts_end_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_no: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    procurement_no: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str | None] = mapped_column(String(20))
    sign_date: Mapped[dt.date | None] = mapped_column(Date)
    sign_place: Mapped[str | None] = mapped_column(Text)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    total_amount: Mapped[Decimal] = mapped_column(Money)
    total_in_words: Mapped[str | None] = mapped_column(Text)
    tax_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    amount_excl_tax: Mapped[Decimal | None] = mapped_column(Money)
    notes: Mapped[str | None] = mapped_column(Text)
    counterparty: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    next_due: Mapped[dt.date | None] = mapped_column(Date)
    problem_level: Mapped[int | None] = mapped_column(Integer)
    # Safe system of record (revision 0005): ``version`` counts the writes of this contract's data
    # (optimistic concurrency: ``services.register.contracts.save`` refuses a stale one);
    # ``deleted_at`` (UTC, naive) and ``deleted_by`` are set while the contract is in the Trash.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    deleted_by: Mapped[str | None] = mapped_column(Text)

    parties: Mapped[list[Party]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Party.role_order"
    )
    line_items: Mapped[list[LineItem]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="LineItem.seq"
    )
    installments: Mapped[list[Installment]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Installment.seq"
    )
    articles: Mapped[list[Article]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Article.seq"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Milestone.seq"
    )
    bonds: Mapped[list[Bond]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Bond.seq"
    )
    penalty_clauses: Mapped[list[PenaltyClause]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="PenaltyClause.seq"
    )

    def party(self, role: str) -> Party | None:
        """The party with ``role`` (甲方 … 戊方), or None."""
        return next((p for p in self.parties if p.role == role), None)


class Party(Base):
    """A party to a contract: 甲方 (purchaser) or one of 乙方 … 戊方 (suppliers).

    ``share_amount`` (yuan) is a consortium member's part of the total; ``name_en`` the name in
    English, for the bilingual summary; ``signatory_title`` how the signatory is titled on the
    signature page (法定代表人 when empty; 负责人, 授权代表, 委托代理人); ``other_signatories`` further
    signature lines the contract lists (``经办人、部门负责人``); ``consortium_lead`` True for the lead
    member of a consortium (联合体牵头人; ledger ``consortium_lead`` = ``yes``).
    """

    __tablename__ = "parties"
    __table_args__ = (UniqueConstraint("contract_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(10))
    role_order: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    legal_rep: Mapped[str | None] = mapped_column(Text)
    signatory_title: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    tax_id: Mapped[str | None] = mapped_column(String(40))
    bank: Mapped[str | None] = mapped_column(Text)
    account: Mapped[str | None] = mapped_column(Text)
    share_amount: Mapped[Decimal | None] = mapped_column(Money)
    other_signatories: Mapped[str | None] = mapped_column(Text)
    consortium_lead: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    contract: Mapped[Contract] = relationship(back_populates="parties")


class LineItem(Base):
    """A priced line: ``unit_price`` × ``quantity`` × ``periods`` (billing months).

    ``amount`` is the amount *as the contract states it* (None when it states none); the
    computed and effective amounts are derived on ``services.register.contract_data.LineItemData``.
    """

    __tablename__ = "line_items"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(40))
    unit_price: Mapped[Decimal | None] = mapped_column(DecimalText)
    quantity: Mapped[Decimal | None] = mapped_column(DecimalText)
    periods: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[Decimal | None] = mapped_column(Money)
    party_role: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="line_items")


def line_amount(unit_price: Decimal | None, quantity: Decimal | None, periods: int | None) -> Decimal | None:
    """unit_price × quantity × periods (yuan), rounded half up to the fen once, at the end.

    ``periods`` None means one period. Returns None when the price or the quantity is missing.
    """
    if unit_price is None or quantity is None:
        return None
    product = unit_price * quantity * (periods if periods is not None else 1)
    return product.quantize(FEN, rounding=ROUND_HALF_UP)  # services.money.round_yuan (models cannot import it)


class Installment(Base):
    """A payment installment: ``percent`` of the total or a stated ``amount`` (yuan), due on
    ``due_date`` or ``due_offset`` ``due_unit`` after the ``due_after`` event(s).

    ``resolved_due_date`` is derived, never typed: the due date the calendar gives it (the fixed
    ``due_date``, or the rule counted from its recorded event on the working-day calendar; None
    while the event has no date), kept by ``services.calendar.stored.keep_resolved_due_dates``
    so the overview's SQL reads the same date as the agenda and the Payments tab."""

    __tablename__ = "installments"
    __table_args__ = (
        UniqueConstraint("contract_id", "seq"),
        Index("ix_installments_contract_due", "contract_id", "due_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(Text)
    payee_role: Mapped[str | None] = mapped_column(String(10))
    percent: Mapped[Decimal | None] = mapped_column(DecimalText)
    amount: Mapped[Decimal | None] = mapped_column(Money)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_after: Mapped[str | None] = mapped_column(String(200))
    due_offset: Mapped[int | None] = mapped_column(Integer)
    due_unit: Mapped[str | None] = mapped_column(String(20))
    condition: Mapped[str | None] = mapped_column(Text)
    paid_date: Mapped[dt.date | None] = mapped_column(Date)
    paid_amount: Mapped[Decimal | None] = mapped_column(Money)
    resolved_due_date: Mapped[dt.date | None] = mapped_column(Date)

    contract: Mapped[Contract] = relationship(back_populates="installments")


class Article(Base):
    """An article (clause text) of a contract, for printing: heading and body paragraphs."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="articles")
