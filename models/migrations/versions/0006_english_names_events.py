"""Ledger format version 2, first slice: English names, event labels, done-mark notes.

contracts.title_en; parties.name_en; line_items.name_en;
contract_events.label, label_en, and event_date may be empty (an event named, with its label,
that has not happened yet: ``events.csv`` with an empty date); deadline_done.note.

Revision ID: 0006
Revises: 0004 (to be re-chained after 0005 when both land)
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contracts") as batch:
        batch.add_column(sa.Column("title_en", sa.Text))
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("name_en", sa.Text))
    with op.batch_alter_table("line_items") as batch:
        batch.add_column(sa.Column("name_en", sa.Text))
    with op.batch_alter_table("contract_events") as batch:
        batch.add_column(sa.Column("label", sa.Text))
        batch.add_column(sa.Column("label_en", sa.Text))
        batch.alter_column("event_date", existing_type=sa.Date, nullable=True)
    with op.batch_alter_table("deadline_done") as batch:
        batch.add_column(sa.Column("note", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("deadline_done") as batch:
        batch.drop_column("note")
    op.execute("DELETE FROM contract_events WHERE event_date IS NULL")
    with op.batch_alter_table("contract_events") as batch:
        batch.alter_column("event_date", existing_type=sa.Date, nullable=False)
        batch.drop_column("label_en")
        batch.drop_column("label")
    with op.batch_alter_table("line_items") as batch:
        batch.drop_column("name_en")
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("name_en")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("title_en")
