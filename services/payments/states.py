"""An installment's state from its due date and its payments, and a contract's payment totals.

Pure and exact: every amount is integer fen (分; 1 元 = 100 fen), every date a ``datetime.date``,
``today`` is given by the caller. The rules (issue 15; our reading where it is silent):

* **paid** — the payments tied to the installment add up to its amount; ``paid_on`` is the date
  of the payment with which the running sum (payments in date order, then ``seq``) reached it;
  ``paid_late_days`` = ``paid_on`` − due date in calendar days when positive;
* **overdue** — not paid and the due date has passed (``today`` > due date): ``overdue_days`` =
  ``today`` − due date (calendar days), ``outstanding`` what remains;
* **partly paid** — not paid, not overdue, some payment made;
* **due** — not paid, nothing paid yet, due within ``due_window`` calendar days from today
  (the due date itself included);
* **not yet due** — anything else, also an installment whose due date is not known yet
  (waiting for an event) or whose amount cannot be measured (neither amount nor percent).

Over-payment: what was paid beyond the amount is ``overpaid``; ``outstanding`` is never negative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

#: Calendar days before the due date an unpaid installment counts as "due".
DUE_WINDOW_DAYS = 30


class InstallmentState(StrEnum):
    """The state of an installment (labels: ``STATE_LABELS``)."""

    NOT_YET_DUE = "not_yet_due"
    DUE = "due"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    OVERDUE = "overdue"


#: State → (Chinese, English) label; never show the code.
STATE_LABELS: dict[InstallmentState, tuple[str, str]] = {
    InstallmentState.NOT_YET_DUE: ("未到期", "not yet due"),
    InstallmentState.DUE: ("待付款", "due"),
    InstallmentState.PARTLY_PAID: ("部分支付", "partly paid"),
    InstallmentState.PAID: ("已付清", "paid"),
    InstallmentState.OVERDUE: ("逾期", "overdue"),
}


def state_label(state: InstallmentState, language: str = "zh") -> str:
    """The label of ``state`` in ``language`` (``zh`` or ``en``)."""
    zh, en = STATE_LABELS[state]
    return zh if language.startswith("zh") else en


@dataclass(frozen=True)
class PaidAmount:
    """One payment as the state rules see it: ``paid_date`` and ``fen`` (> 0), ``seq`` its number."""

    paid_date: dt.date
    fen: int
    seq: int = 0


@dataclass(frozen=True)
class InstallmentStatus:
    """What an installment stands at on ``today``; amounts in fen, days in calendar days.

    ``due_fen`` None: the amount cannot be measured; ``due_date`` None: not known yet.
    """

    state: InstallmentState
    due_fen: int | None
    due_date: dt.date | None
    paid_fen: int
    outstanding_fen: int
    overpaid_fen: int
    paid_on: dt.date | None
    overdue_days: int
    paid_late_days: int

    @property
    def paid_late(self) -> bool:
        """Fully paid after its due date."""
        return self.paid_late_days > 0


def installment_status(due_fen: int | None, due_date: dt.date | None, payments: Iterable[PaidAmount],
                       today: dt.date, *, due_window: int = DUE_WINDOW_DAYS) -> InstallmentStatus:
    """The state of one installment of ``due_fen`` fen due on ``due_date`` given its ``payments``.

    Raises ``ValueError`` for a negative amount or payment (a refund is not a payment here).
    """
    if due_fen is not None and due_fen < 0:
        raise ValueError(f"installment amount {due_fen} fen is negative")
    ordered = sorted(payments, key=lambda p: (p.paid_date, p.seq))
    if any(p.fen < 0 for p in ordered):
        raise ValueError("a payment amount is negative")
    paid = 0
    paid_on: dt.date | None = None
    for payment in ordered:
        paid += payment.fen
        if paid_on is None and due_fen is not None and paid >= due_fen and paid > 0:
            paid_on = payment.paid_date
    if due_fen is None:
        outstanding = overpaid = 0
    else:
        outstanding = max(due_fen - paid, 0)
        overpaid = max(paid - due_fen, 0)
        if due_fen == 0:
            paid_on = paid_on or (ordered[0].paid_date if ordered else None)
    overdue_days = late = 0
    if paid_on is not None:
        state = InstallmentState.PAID
        if due_date is not None and paid_on > due_date:
            late = (paid_on - due_date).days
    elif due_date is not None and due_fen is not None and today > due_date and outstanding > 0:
        state = InstallmentState.OVERDUE
        overdue_days = (today - due_date).days
    elif paid > 0:
        state = InstallmentState.PARTLY_PAID
    elif due_date is not None and due_fen is not None and (due_date - today).days <= due_window:
        state = InstallmentState.DUE
    else:
        state = InstallmentState.NOT_YET_DUE
    return InstallmentStatus(state, due_fen, due_date, paid, outstanding, overpaid, paid_on, overdue_days, late)


@dataclass(frozen=True)
class ContractPaymentTotals:
    """A contract's payment totals in fen: ``paid`` (every payment, tied to an installment or not),
    ``outstanding`` (what remains of its installments), ``overdue`` (the part of that which is
    overdue), ``paid_late`` (number of installments fully paid after their due date)."""

    paid: int
    outstanding: int
    overdue: int
    paid_late: int


def contract_totals(statuses: Sequence[InstallmentStatus], untied_fen: int = 0) -> ContractPaymentTotals:
    """Totals of a contract from the states of its installments and ``untied_fen``: the payments
    tied to no installment (they count as paid, and reduce nothing outstanding)."""
    return ContractPaymentTotals(
        paid=sum(s.paid_fen for s in statuses) + untied_fen,
        outstanding=sum(s.outstanding_fen for s in statuses),
        overdue=sum(s.outstanding_fen for s in statuses if s.state is InstallmentState.OVERDUE),
        paid_late=sum(1 for s in statuses if s.paid_late),
    )


def late_payment_days(status: InstallmentStatus, today: dt.date) -> int:
    """Calendar days from the due date to full payment (or to ``today`` while unpaid), ≥ 0:
    the days the SME late-payment interest runs for (0 when the due date is unknown)."""
    if status.due_date is None:
        return 0
    end = status.paid_on if status.paid_on is not None else today
    return max((end - status.due_date).days, 0)
