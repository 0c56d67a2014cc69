"""An amendment against the payments already made (issue 16 × issue 15).

Payments are tied to an installment by its seq (``Payment.installment_seq``). An amendment may not
take away what was paid: removing an installment that has payments, or leaving an installment worth
less than its payments (its amount or percent lowered, or the contract total lowered under a
percent installment), is refused with a coded message naming the payments — the officer first
moves them to another installment or corrects them. Any other change keeps the payments, and the
installments' paid columns are derived again from them under the new amounts (a raised amount
makes a fully paid installment partly paid again: ``services.payments.rows.refresh_installments``).
Qt-free.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from services.amendments.changes import AmendmentData
from services.checks.contract import installment_amount
from services.errors import UserError, define
from services.money import yuan_text
from services.register.contract_data import ContractData, PaymentData

REMOVES_PAID = define(
    "AMENDMENT_REMOVES_PAID",
    "补充协议 {amendment_no} 删除了第 {seq} 期付款，但该期已有付款：{payments}。"
    "请先将这些付款改记到其他分期或更正后再录入补充协议",
    "Amendment {amendment_no} removes installment {seq}, which already has payments: {payments}. Move these "
    "payments to another installment or correct them first",
)
BELOW_PAID = define(
    "AMENDMENT_BELOW_PAID",
    "补充协议 {amendment_no} 将第 {seq} 期付款变更为 ¥{due}，少于该期已付的 ¥{paid}（{payments}）",
    "Amendment {amendment_no} makes installment {seq} worth ¥{due}, less than the ¥{paid} already paid on it "
    "({payments})",
)


class PaidInstallmentError(UserError, ValueError):
    """An amendment that would take away what was paid on an installment (code says which way)."""


def payment_words(payments: list[PaymentData]) -> str:
    """``#1 2026-01-20 ¥60,000.00; #3 …`` — the payments (their seq, date, amount) as a message names them
    in either language."""
    return "; ".join(f"#{p.seq} {p.paid_date.isoformat()} ¥{yuan_text(p.amount)}" for p in payments)


def check_payments(before: ContractData, after: ContractData, amendment: AmendmentData,
                   payments: list[PaymentData]) -> None:
    """Refuse ``amendment`` (turning ``before`` into ``after``) when it removes an installment with
    payments or leaves one worth less (元, rounded half up) than its payments. Raises
    ``PaidInstallmentError`` (``AMENDMENT_REMOVES_PAID``, ``AMENDMENT_BELOW_PAID``)."""
    by_seq: dict[int, list[PaymentData]] = defaultdict(list)
    for payment in payments:
        if payment.installment_seq is not None:
            by_seq[payment.installment_seq].append(payment)
    if not by_seq:
        return
    kept = {item.seq: item for item in after.installments}
    for item in before.installments:
        paid_on = by_seq.get(item.seq)
        if not paid_on:
            continue
        new = kept.get(item.seq)
        if new is None:
            raise PaidInstallmentError(REMOVES_PAID, amendment_no=amendment.amendment_no, seq=item.seq,
                                       payments=payment_words(paid_on))
        due = installment_amount(new, after.total_amount)
        paid = sum((p.amount for p in paid_on), Decimal("0.00"))
        if due is not None and due < paid:
            raise PaidInstallmentError(BELOW_PAID, amendment_no=amendment.amendment_no, seq=item.seq,
                                       due=yuan_text(due), paid=yuan_text(paid), payments=payment_words(paid_on))
