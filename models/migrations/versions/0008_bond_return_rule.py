"""Bonds get their own return rule (issue 13; ledger ``bonds.csv`` return_* columns).

bonds.return_after, return_offset, return_unit (as due_after/due_offset/due_unit; an event may be
``valid_until``, the bond's expiry), return_condition (the contract's words). Empty keeps
today's rule: the default of the bond's kind (``services.calendar.deadlines.default_return_rule``).

Revision ID: 0008
Revises: 0006 (to be re-chained by the integrator)
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bonds") as batch:
        batch.add_column(sa.Column("return_after", sa.String(200)))
        batch.add_column(sa.Column("return_offset", sa.Integer))
        batch.add_column(sa.Column("return_unit", sa.String(20)))
        batch.add_column(sa.Column("return_condition", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("bonds") as batch:
        batch.drop_column("return_condition")
        batch.drop_column("return_unit")
        batch.drop_column("return_offset")
        batch.drop_column("return_after")
