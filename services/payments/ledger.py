"""Payments in a ledger import: a version 1 ledger's ``installments.csv`` ``paid_date`` /
``paid_amount`` read as one payment (spec ``csv-format.md``, ``payments.csv``).

Used by ``services.ledger.importer`` when the ledger has no ``payments.csv``: each installment with a
``paid_date`` becomes one payment of its ``paid_amount`` (or, when that is empty, the installment's
whole amount: stated, or percent × total rounded half up), tied to it, paid by 甲方 to its payee.
A contract that already has payments in the store keeps them (a lone ``installments.csv`` never
replaces recorded payments).
"""

from __future__ import annotations

from decimal import Decimal

from services.checks.contract import installment_amount
from services.errors import WARNING, LocatedProblem, define
from services.register.contract_data import InstallmentData, PaymentData

AMOUNT_WITHOUT_DATE = define(
    "LEDGER_PAID_AMOUNT_WITHOUT_DATE",
    "合同“{number}”第 {seq} 期：有实付金额而无实付日期，不算一笔付款（请填写 paid_date，或在 payments.csv 中记录付款）",
    "contract {number!r}, installment {seq}: a paid amount without a paid date is not a payment (give paid_date, "
    "or the payment in payments.csv)")
PAID_WITHOUT_AMOUNT = define(
    "LEDGER_PAID_WITHOUT_AMOUNT",
    "合同“{number}”第 {seq} 期：标记为已付，但没有可付的金额；未记录付款",
    "contract {number!r}, installment {seq}: marked paid without an amount to pay; no payment recorded")


def payments_from_installments(installments: list[InstallmentData], total: Decimal | None, label: str,
                               contract_no: str) -> tuple[list[PaymentData], list[LocatedProblem]]:
    """The payments a version 1 ``installments.csv`` (file ``label``) states for contract
    ``contract_no``, and coded warnings for a paid amount without a date or an unmeasurable
    installment marked paid without an amount (kept as marked, no payment)."""
    payments: list[PaymentData] = []
    warnings: list[LocatedProblem] = []
    for installment in sorted(installments, key=lambda i: i.seq):
        if installment.paid_date is None:
            if installment.paid_amount is not None:
                warnings.append(LocatedProblem(label, None, None, AMOUNT_WITHOUT_DATE,
                                               {"number": contract_no, "seq": installment.seq}, severity=WARNING))
            continue
        amount = installment.paid_amount
        if amount is None:
            amount = installment_amount(installment, total)
        if amount is None or amount <= 0:
            warnings.append(LocatedProblem(label, None, None, PAID_WITHOUT_AMOUNT,
                                           {"number": contract_no, "seq": installment.seq}, severity=WARNING))
            continue
        payments.append(PaymentData(seq=len(payments) + 1, paid_date=installment.paid_date, amount=amount,
                                    installment_seq=installment.seq, payee_role=installment.payee_role or "乙方"))
    return payments, warnings
