"""Payments actually made: the ``payments`` table (issue 15; ledger ``payments.csv``).

Each installment's single ``paid_date`` / ``paid_amount`` (revision 0001) moves into one row of
``payments`` (seq 1, 2, … per contract in installment order; amount: the paid amount, else the
installment's own amount — stated, or percent × total rounded half up to the fen). The two
installment columns stay as what ``services.payments.record`` keeps from the payments: the sum
paid and the date the installment became fully paid (NULL while partly paid).

Revision ID: 0013
Revises: 0011 (to be re-chained by the integrator)
"""

from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _due_fen(amount: int | None, percent: str | None, total: int | None) -> int | None:
    """The installment's amount in fen: stated, else percent × total rounded half up, else None."""
    if amount is not None:
        return amount
    if percent is None or total is None:
        return None
    return int((Decimal(total) * Decimal(percent) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id", ondelete="CASCADE",
                                                          name="fk_payments_contract_id_contracts"),
                  nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("installment_seq", sa.Integer),
        sa.Column("payer_role", sa.String(10)),
        sa.Column("payee_role", sa.String(10)),
        sa.Column("paid_date", sa.Date, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("invoice_no", sa.String(200)),
        sa.Column("voucher_no", sa.String(200)),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_payments"),
        sa.UniqueConstraint("contract_id", "seq", name="uq_payments_contract_id"),
    )
    op.create_index("ix_payments_contract_installment", "payments", ["contract_id", "installment_seq"])
    op.create_index("ix_payments_paid_date", "payments", ["paid_date"])

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT i.id, i.contract_id, i.seq, i.payee_role, i.amount, i.percent, i.paid_date, i.paid_amount,"
        " c.total_amount FROM installments i JOIN contracts c ON c.id = i.contract_id"
        " WHERE i.paid_date IS NOT NULL ORDER BY i.contract_id, i.seq")).all()
    next_seq: dict[int, int] = {}
    for row in rows:
        due = _due_fen(row.amount, row.percent, row.total_amount)
        paid = row.paid_amount if row.paid_amount is not None else due
        if paid is None:  # neither a paid amount nor a measurable installment: nothing to move
            continue
        seq = next_seq.get(row.contract_id, 1)
        next_seq[row.contract_id] = seq + 1
        bind.execute(sa.text(
            "INSERT INTO payments (contract_id, seq, installment_seq, payer_role, payee_role, paid_date, amount)"
            " VALUES (:contract_id, :seq, :installment_seq, '甲方', :payee_role, :paid_date, :amount)"),
            {"contract_id": row.contract_id, "seq": seq, "installment_seq": row.seq,
             "payee_role": row.payee_role or "乙方", "paid_date": row.paid_date, "amount": paid})
        fully = due is None or paid >= due
        bind.execute(sa.text("UPDATE installments SET paid_amount = :paid, paid_date = :paid_date WHERE id = :id"),
                     {"paid": paid, "paid_date": row.paid_date if fully else None, "id": row.id})


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(sa.text(
        "UPDATE installments SET"
        " paid_amount = (SELECT SUM(p.amount) FROM payments p WHERE p.contract_id = installments.contract_id"
        "   AND p.installment_seq = installments.seq),"
        " paid_date = COALESCE(paid_date, (SELECT MAX(p.paid_date) FROM payments p"
        "   WHERE p.contract_id = installments.contract_id AND p.installment_seq = installments.seq))"
        " WHERE EXISTS (SELECT 1 FROM payments p WHERE p.contract_id = installments.contract_id"
        "   AND p.installment_seq = installments.seq)"))
    op.drop_index("ix_payments_paid_date", "payments")
    op.drop_index("ix_payments_contract_installment", "payments")
    op.drop_table("payments")
