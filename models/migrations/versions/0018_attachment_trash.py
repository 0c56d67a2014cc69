"""Removed attachments go to the Trash (issue 16: "remove (to the Trash if one exists)").

attachments gains ``deleted_at`` (UTC, naive; NULL: kept with its contract) and ``deleted_by``,
as contracts have since revision 0005: a removed file stays in the store — its row and its bytes —
until it is restored or deleted permanently from the Trash window.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attachments", sa.Column("deleted_at", sa.DateTime))
    op.add_column("attachments", sa.Column("deleted_by", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("deleted_by")
        batch.drop_column("deleted_at")
