"""Plain, session-free data of one contract: what the editor edits and the importer builds.

Field names are the ledger CSV columns (spec ``csv-format.md``). Money is ``Decimal`` yuan
with two decimals; unit price, quantity and percent exact ``Decimal``; dates ``datetime.date``.
``services.register.contracts`` turns these into rows of the store and back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import cache

from models.contract import line_amount
from services.money import round_yuan


@dataclass
class PartyData:
    """A party: ``role`` is 甲方 (purchaser) … 戊方; ``share_amount`` a consortium member's yuan;
    ``name_en`` the name in English (for the bilingual summary); ``signatory_title`` the signatory's
    title on the signature page (None: 法定代表人); ``other_signatories`` further signature lines,
    separated by 、 , ; (``经办人、部门负责人``); ``consortium_lead`` True for the lead member of a
    consortium (联合体牵头人)."""

    role: str
    name: str
    name_en: str | None = None
    legal_rep: str | None = None
    signatory_title: str | None = None
    address: str | None = None
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    tax_id: str | None = None
    bank: str | None = None
    account: str | None = None
    share_amount: Decimal | None = None
    other_signatories: str | None = None
    consortium_lead: bool = False


@dataclass
class LineItemData:
    """A priced line; ``amount`` is the amount the contract states (None: computed)."""

    seq: int
    name: str
    name_en: str | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    quantity: Decimal | None = None
    periods: int | None = None
    amount: Decimal | None = None
    party_role: str | None = None
    note: str | None = None

    @property
    def computed_amount(self) -> Decimal | None:
        """unit_price × quantity × periods in yuan, rounded half up to the fen; None if unpriced."""
        return line_amount(self.unit_price, self.quantity, self.periods)

    @property
    def effective_amount(self) -> Decimal:
        """The stated amount, else the computed one, else 0.00 (yuan)."""
        if self.amount is not None:
            return self.amount
        return self.computed_amount or Decimal("0.00")

    @property
    def amount_differs(self) -> bool:
        """The contract states an amount other than unit price × quantity × periods (kept, flagged)."""
        computed = self.computed_amount
        return self.amount is not None and computed is not None and computed != self.amount


@dataclass
class InstallmentData:
    """A payment installment (percent of the total, or a stated amount) and its due rule."""

    seq: int
    name: str | None = None
    payee_role: str | None = None
    percent: Decimal | None = None
    amount: Decimal | None = None
    due_date: dt.date | None = None
    due_after: str | None = None
    due_offset: int | None = None
    due_unit: str | None = None
    condition: str | None = None
    paid_date: dt.date | None = None
    paid_amount: Decimal | None = None


@dataclass
class ArticleData:
    """An article of the contract text: heading and body (paragraphs separated by line breaks)."""

    seq: int
    heading: str | None = None
    body: str | None = None


@dataclass
class MilestoneData:
    """An obligation or deadline: fixed ``due_date`` or a rule (``due_offset`` ``due_unit`` after
    ``due_after``), optionally recurring (``recurrence``, an RFC 5545 RRULE)."""

    seq: int
    name: str
    kind: str | None = None
    responsible_role: str | None = None
    due_date: dt.date | None = None
    due_after: str | None = None
    due_offset: int | None = None
    due_unit: str | None = None
    recurrence: str | None = None
    done_date: dt.date | None = None
    note: str | None = None


@dataclass
class BondData:
    """A performance bond or other security: ``percent`` of the total or a stated ``amount`` (yuan);
    when it is lodged (due rule) and returned (``return_after``/``return_offset``/``return_unit``, an
    event of which may be ``valid_until``; empty: the default of its kind; ``return_condition`` the
    contract's words)."""

    seq: int
    kind: str | None = None
    form: str | None = None
    percent: Decimal | None = None
    amount: Decimal | None = None
    due_date: dt.date | None = None
    due_after: str | None = None
    due_offset: int | None = None
    due_unit: str | None = None
    valid_until: dt.date | None = None
    lodged_date: dt.date | None = None
    return_after: str | None = None
    return_offset: int | None = None
    return_unit: str | None = None
    return_condition: str | None = None
    returned_date: dt.date | None = None
    note: str | None = None


@dataclass
class PenaltyClauseData:
    """A liquidated-damages clause (spec ``penalty_clauses.csv``): ``rate`` and ``cap_rate`` in
    percent, ``amount`` and ``cap_amount`` in yuan; ``base``/``cap_base`` name the base."""

    clause_ref: str
    trigger: str
    kind: str
    payer_role: str | None = None
    rate: Decimal | None = None
    base: str | None = None
    amount: Decimal | None = None
    cap_rate: Decimal | None = None
    cap_base: str | None = None
    cap_amount: Decimal | None = None
    day_count: str | None = None
    part_day: str | None = None
    terminate_after_days: int | None = None
    text: str | None = None


@dataclass
class EventData:
    """A named event of the contract (ledger ``events.csv``): ``event`` is its code as deadlines
    name it (``acceptance``, ``invoice``, ``budget`` or ``event:NAME``), ``label`` / ``label_en``
    what a deadline's text shows instead, ``date`` when it happened (None: not yet)."""

    event: str
    label: str | None = None
    label_en: str | None = None
    date: dt.date | None = None


@dataclass
class DoneMarkData:
    """One occurrence of a deadline marked done (ledger ``done_marks.csv``): ``source``
    (``installment``, ``milestone``, ``bond``) and ``seq`` name the row, ``due_date`` the occurrence."""

    source: str
    seq: int
    due_date: dt.date
    done_date: dt.date
    note: str | None = None


@dataclass
class PaymentData:
    """A payment actually made (ledger ``payments.csv``): ``amount`` yuan (two decimals) paid on
    ``paid_date`` by ``payer_role`` (None: 甲方) to ``payee_role`` (None: 乙方); ``installment_seq``
    the installment it pays (part of), None when tied to none; ``invoice_no`` 发票号, ``voucher_no`` 凭证号."""

    seq: int
    paid_date: dt.date
    amount: Decimal
    installment_seq: int | None = None
    payer_role: str | None = None
    payee_role: str | None = None
    invoice_no: str | None = None
    voucher_no: str | None = None
    note: str | None = None


@dataclass
class ContractData:
    """A whole contract with its parties, line items, installments, articles, milestones, bonds and
    penalty clauses; ``events`` and ``done_marks`` are what the store recorded for it (read by
    ``services.register.contracts.load``; ``save`` leaves them alone: they are recorded in the
    agenda, ``services.calendar.agenda``, and replaced by a ledger import); ``version`` the store's
    version it was loaded at (optimistic concurrency)."""

    contract_no: str
    title: str
    total_amount: Decimal
    title_en: str | None = None
    procurement_no: str | None = None
    status: str | None = None
    sign_date: dt.date | None = None
    sign_place: str | None = None
    effective_date: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    currency: str = "CNY"
    total_in_words: str | None = None
    tax_rate: Decimal | None = None
    amount_excl_tax: Decimal | None = None
    notes: str | None = None
    parties: list[PartyData] = field(default_factory=list)
    line_items: list[LineItemData] = field(default_factory=list)
    installments: list[InstallmentData] = field(default_factory=list)
    articles: list[ArticleData] = field(default_factory=list)
    milestones: list[MilestoneData] = field(default_factory=list)
    bonds: list[BondData] = field(default_factory=list)
    penalty_clauses: list[PenaltyClauseData] = field(default_factory=list)
    events: list[EventData] = field(default_factory=list)
    done_marks: list[DoneMarkData] = field(default_factory=list)
    #: Payments made (``services.payments``; like events, ``save`` leaves them alone).
    payments: list[PaymentData] = field(default_factory=list)
    #: The store's ``version`` of the contract when it was loaded (None: not loaded from the store).
    #: Bookkeeping, not contract data: not compared, not a ledger column, not written by ``write_header``;
    #: ``services.register.contracts.save`` refuses it when stale and sets it to the new version.
    version: int | None = field(default=None, compare=False, metadata={"bookkeeping": True})


#: The scalar (non-list) fields of each record type, in the spec's column order.
def scalar_fields(cls: type) -> list[str]:
    """Names of a data class's scalar fields in declaration order (lists and bookkeeping such as
    ``ContractData.version`` excluded)."""
    return list(_scalar_fields(cls))


@cache
def _scalar_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls)
                 if not str(f.type).startswith("list[") and not f.metadata.get("bookkeeping"))


@dataclass(frozen=True)
class Totals:
    """Live totals of a line-item table, in yuan.

    ``lines`` is the sum of the effective line amounts (tax included); ``excl_tax`` and
    ``tax`` split it at ``tax_rate`` percent (None when no rate is known); ``difference`` is
    ``lines − contract total`` (0.00 when they agree).
    """

    lines: Decimal
    excl_tax: Decimal | None
    tax: Decimal | None
    difference: Decimal


def line_totals(items: list[LineItemData], tax_rate: Decimal | None, total_amount: Decimal) -> Totals:
    """Sum the lines and split out VAT: excl. tax = sum ÷ (1 + rate/100), rounded half up once."""
    lines = sum((item.effective_amount for item in items), Decimal("0.00"))
    if tax_rate is None:
        excl, tax = None, None
    else:
        excl = round_yuan(lines / (1 + tax_rate / 100))
        tax = lines - excl
    return Totals(lines=lines, excl_tax=excl, tax=tax, difference=lines - total_amount)
