"""The overview's figures kept per contract and per installment (issue 15: open under 1 s and
filter under 300 ms at 100,000 contracts).

Two tables (``models.overview_figures``): ``payment_overview_contracts`` (one row per contract
outside the Trash: filter keys and money sums) and ``payment_overview_installments`` (one row per
installment: resolved due date, due, paid, outstanding in fen; on SQLite clustered by contract),
with the indexes the overview's sums walk; and ``ix_bonds_held`` (the bonds lodged and not returned). Filled here for every existing contract by the writer's own statements
(``services.payments.overview_keep.keep_figures``); from then on every write keeps them.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from sqlalchemy.orm import Session

    from services.payments.overview_keep import keep_figures

    op.create_table(
        "payment_overview_contracts",
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id", ondelete="CASCADE",
                                                           name="fk_payment_overview_contracts_contract_id_contracts"),
                  primary_key=True),
        sa.Column("sign_date", sa.Date),
        sa.Column("sign_year", sa.Integer),
        sa.Column("end_date", sa.Date),
        sa.Column("status", sa.String(20)),
        sa.Column("supplier", sa.Text),
        sa.Column("value_fen", sa.BigInteger),
        sa.Column("payments_fen", sa.BigInteger, nullable=False),
        sa.Column("due_fen", sa.BigInteger, nullable=False),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("out_fen", sa.BigInteger, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("contract_id", name="pk_payment_overview_contracts"),
    )
    op.create_index("ix_payment_overview_contracts_groups", "payment_overview_contracts",
                    ["sign_year", "supplier", "status", "end_date", "value_fen", "due_fen", "paid_fen", "out_fen", "n",
                     "payments_fen"])
    op.create_table(
        "payment_overview_installments",
        sa.Column("contract_id", sa.Integer,
                  sa.ForeignKey("contracts.id", ondelete="CASCADE",
                                name="fk_payment_overview_installments_contract_id_contracts"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("due_date", sa.Date),
        sa.Column("due_fen", sa.BigInteger),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("out_fen", sa.BigInteger, nullable=False),
        sa.Column("sign_year", sa.Integer),
        sa.Column("supplier", sa.Text),
        sa.Column("status", sa.String(20)),
        sa.Column("end_date", sa.Date),
        sa.PrimaryKeyConstraint("contract_id", "seq", name="pk_payment_overview_installments"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_payment_overview_installments_due", "payment_overview_installments",
                    ["due_date", "due_fen", "paid_fen", "out_fen", "sign_year", "status", "end_date"])
    op.create_index("ix_payment_overview_installments_open", "payment_overview_installments",
                    ["sign_year", "supplier", "due_date", "out_fen", "status", "end_date"],
                    sqlite_where=sa.text("out_fen > 0"), postgresql_where=sa.text("out_fen > 0"))
    held = "lodged_date IS NOT NULL AND returned_date IS NULL"
    op.create_index("ix_bonds_held", "bonds", ["contract_id"], sqlite_where=sa.text(held), postgresql_where=sa.text(held))
    session = Session(bind=op.get_bind())  # joins the upgrade's transaction; never commits it
    keep_figures(session)
    session.flush()


def downgrade() -> None:
    op.drop_index("ix_bonds_held", "bonds")
    op.drop_table("payment_overview_installments")
    op.drop_table("payment_overview_contracts")
