"""The list's terms in force (issue 16): title, total, start and end date as amended on the list's day.

``contracts.list_title``, ``list_total_amount`` (integer fen), ``list_start_date`` and
``list_end_date`` hold the terms in force on the day in ``list_terms_day`` — the stored terms
themselves unless an amendment of the contract is not yet in force — each indexed with the
contract number so that sorting the list by it walks an index (``services.register.list_terms``).
Filled here from the stored terms, with the day unknown: the store's first day refresh
(``services.store.open_store``) derives the terms in force of the amended contracts. On SQLite two
triggers keep the copies on every insert and update.

Revision ID: 0020
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from services.register import list_terms

    op.add_column("contracts", sa.Column("list_title", sa.Text()))
    op.add_column("contracts", sa.Column("list_total_amount", sa.BigInteger()))
    op.add_column("contracts", sa.Column("list_start_date", sa.Date()))
    op.add_column("contracts", sa.Column("list_end_date", sa.Date()))
    list_terms.create(op.get_bind())
    for name, columns in list_terms.INDEXES.items():
        op.create_index(name, "contracts", columns)


def downgrade() -> None:
    from services.register import list_terms

    bind = op.get_bind()
    list_terms.drop(bind)
    for name in list_terms.INDEXES:
        op.drop_index(name, "contracts")
    for column in reversed(list(list_terms.COLUMNS)):
        if bind.dialect.name == "sqlite":  # in place (SQLite 3.35+): a batch rebuild would drop the triggers
            op.execute(f"ALTER TABLE contracts DROP COLUMN {column}")
        else:
            op.drop_column("contracts", column)
