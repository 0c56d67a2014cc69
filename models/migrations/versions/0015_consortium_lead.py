"""The lead member of a consortium (issue 14; ledger ``parties.csv`` consortium_lead, spec v2).

parties.consortium_lead: true for the 联合体牵头人 (the ledger's ``yes``); false for every other party,
including every party of the stores this upgrades.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("consortium_lead", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("consortium_lead")
