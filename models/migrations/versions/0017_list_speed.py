"""The list at 100,000 and 1,000,000 contracts (issue 18): an index for 1–2 character filter words.

``contracts_grams``: a contentless FTS5 table holding, per contract, a token for every character
and every adjacent pair of characters of ``search_text`` (hex of the UTF-8 bytes), kept by three
triggers; ``contracts_gram_pos`` holds the positions 1 … 20,000 the triggers read. A filter word
of 1 or 2 characters becomes one token lookup instead of ``LIKE '%w%'`` over every row. SQLite
only (PostgreSQL keeps ``LIKE`` with its pg_trgm index). The DDL lives in
``services.register.search_index`` (``create_grams``), which ``ensure`` also calls when a later
table rebuild dropped the triggers.

Revision ID: 0017
Revises: 0014 (to be re-chained by the integrator)
"""

from alembic import op

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from services.register.search_index import create_grams

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        create_grams(bind)


def downgrade() -> None:
    from services.register.search_index import drop_grams

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        drop_grams(bind)
