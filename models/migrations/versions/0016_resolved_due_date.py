"""Installments keep their resolved due date (``installments.resolved_due_date``), issue 15.

An installment due "within 20 working days of acceptance" has no ``due_date``; the agenda and the
Payments tab count it from the recorded event on the working-day calendar, and the overview's SQL
now reads the same date from this column (``models.contract.Installment``), kept by the one writer
(``services.calendar.stored.keep_resolved_due_dates``; after a holiday-table change
``services.calendar.agenda.refresh_resolved_due_dates``). Filled here for every existing row:
a fixed date is copied, a date counted from an event is resolved by the calendar's own rules.
And an index on ``contracts.end_date`` for the overview's "contracts ending in the next 90 days"
(bench/bench_overview.py: without it, a scan of every contract).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from sqlalchemy.orm import Session

    from services.calendar.agenda import refresh_resolved_due_dates

    with op.batch_alter_table("installments") as batch:
        batch.add_column(sa.Column("resolved_due_date", sa.Date))
    session = Session(bind=op.get_bind())  # joins the upgrade's transaction; never commits it
    refresh_resolved_due_dates(session)
    session.flush()
    op.create_index("ix_contracts_end_date", "contracts", ["end_date"])


def downgrade() -> None:
    op.drop_index("ix_contracts_end_date", "contracts")
    with op.batch_alter_table("installments") as batch:
        batch.drop_column("resolved_due_date")
