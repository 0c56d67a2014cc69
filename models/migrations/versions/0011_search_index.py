"""A full-text index over the contracts' ``search_text`` for the list's filter (issue 18).

``contracts_fts``: an FTS5 table with the trigram tokenizer, external content (``contracts``,
rowid = contract id), kept by three triggers. A filter word of 3 or more characters is a
trigram phrase query instead of ``LIKE '%word%'`` over every row. SQLite only; another engine
keeps the plain ``LIKE``. The triggers die with the table when a later batch migration
recreates ``contracts``: ``services.register.search_index.ensure`` puts them back after every
upgrade, so this revision's DDL lives there.

Revision ID: 0011
Revises: 0008
"""

from alembic import op

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from services.register.search_index import create

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        create(bind)


def downgrade() -> None:
    from services.register.search_index import drop

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        drop(bind)
