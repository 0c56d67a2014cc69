"""The list at 100,000 and 1,000,000 contracts (issue 18): an index for 1–2 character filter
words, and the list's status stored so that it can be indexed.

``contracts_grams``: a contentless FTS5 table holding, per contract, a token for every character
and every adjacent pair of characters of ``search_text`` (hex of the UTF-8 bytes), kept by three
triggers; ``contracts_gram_pos`` holds the positions 1 … 20,000 the triggers read. A filter word
of 1 or 2 characters becomes one token lookup instead of ``LIKE '%w%'`` over every row. SQLite
only (PostgreSQL keeps ``LIKE`` with its pg_trgm index). The DDL lives in
``services.register.search_index`` (``create_grams``), which ``ensure`` also calls when a later
table rebuild dropped the triggers.

``contracts.list_status`` (indexed with the contract number) is the status the list shows,
derived for the day in ``list_status_day`` by two SQLite triggers; ``ix_contracts_end_date``
(revision 0016) finds the contracts whose status flips at a day change
(``services.register.list_status``).

Revision ID: 0017
Revises: 0016
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from services.register import list_status
    from services.register.search_index import create_grams

    op.add_column("contracts", sa.Column("list_status", sa.String(20)))
    op.create_index("ix_contracts_list_status_no", "contracts", ["list_status", "contract_no"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        create_grams(bind)
        list_status.create(bind, dt.date.today())


def downgrade() -> None:
    from services.register import list_status
    from services.register.search_index import drop_grams

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        drop_grams(bind)
        list_status.drop(bind)
    op.drop_index("ix_contracts_list_status_no", "contracts")
    if bind.dialect.name == "sqlite":  # in place (SQLite 3.35+): a batch rebuild would drop the FTS triggers
        op.execute("ALTER TABLE contracts DROP COLUMN list_status")
    else:
        op.drop_column("contracts", "list_status")
