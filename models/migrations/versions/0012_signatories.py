"""The signature page's signatories (issue 14; ledger ``parties.csv`` signatory_title).

parties.signatory_title: how the signatory is titled (法定代表人 when empty, 负责人, 授权代表,
委托代理人); parties.other_signatories: further signature lines the contract lists (经办人、部门负责人).

Revision ID: 0012
Revises: 0011 (to be re-chained by the integrator)
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("signatory_title", sa.String(20)))
        batch.add_column(sa.Column("other_signatories", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("other_signatories")
        batch.drop_column("signatory_title")
