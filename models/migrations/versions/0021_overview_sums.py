"""The overview's kept installments summed by due date, year of signing, stored status and end date
(issue 15: a broad status or year filter under 300 ms at 100,000 contracts).

One table (``models.overview_figures.OverviewSum``): ``payment_overview_sums``, a few rows per due
date, with one covering index in due-date order. Filled here from the kept installments by the
writer's own statement (``services.payments.overview_keep.keep_sums``); from then on every write
keeps it.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from sqlalchemy.orm import Session

    from services.payments.overview_keep import keep_sums

    op.create_table(
        "payment_overview_sums",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("due_date", sa.Date),
        sa.Column("sign_year", sa.Integer),
        sa.Column("status", sa.String(20)),
        sa.Column("end_date", sa.Date),
        sa.Column("due_fen", sa.BigInteger),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("out_fen", sa.BigInteger, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("open_due_fen", sa.BigInteger, nullable=False),
        sa.Column("open_paid_fen", sa.BigInteger, nullable=False),
        sa.Column("open_n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payment_overview_sums"),
    )
    op.create_index("ix_payment_overview_sums_due", "payment_overview_sums",
                    ["due_date", "sign_year", "status", "end_date", "due_fen", "paid_fen", "out_fen", "n",
                     "open_due_fen", "open_paid_fen", "open_n"])
    session = Session(bind=op.get_bind())  # joins the upgrade's transaction; never commits it
    keep_sums(session, None)
    session.flush()


def downgrade() -> None:
    op.drop_table("payment_overview_sums")
