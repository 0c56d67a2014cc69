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
from services.register.contract_data import InstallmentData, PaymentData


def payments_from_installments(installments: list[InstallmentData], total: Decimal | None,
                               where: str) -> tuple[list[PaymentData], list[str]]:
    """The payments a version 1 ``installments.csv`` states for one contract, and warnings
    (``where`` names the contract in them) for a paid amount without a date or an unmeasurable
    installment marked paid without an amount (kept as marked, no payment)."""
    payments: list[PaymentData] = []
    warnings: list[str] = []
    for installment in sorted(installments, key=lambda i: i.seq):
        if installment.paid_date is None:
            if installment.paid_amount is not None:
                warnings.append(f"{where}: installment {installment.seq}: a paid amount without a paid date is "
                                "not a payment (give paid_date, or the payment in payments.csv)")
            continue
        amount = installment.paid_amount
        if amount is None:
            amount = installment_amount(installment, total)
        if amount is None or amount <= 0:
            warnings.append(f"{where}: installment {installment.seq}: marked paid without an amount to pay; "
                            "no payment recorded")
            continue
        payments.append(PaymentData(seq=len(payments) + 1, paid_date=installment.paid_date, amount=amount,
                                    installment_seq=installment.seq, payee_role=installment.payee_role or "乙方"))
    return payments, warnings
