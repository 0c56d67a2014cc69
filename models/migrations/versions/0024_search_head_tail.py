"""The list filter's trigram index over the tail of ``search_text``, and an index on its head (issue 18).

``contracts_fts`` becomes contentless and holds ``substr(search_text, 2)`` — the text from its
second character on — and ``ix_contracts_search_head`` indexes ``(substr(search_text, 1, 16),
contract_no)``. A word is at the start of the text (the head's range) or from its second character
on (the trigram index): the same contracts as before, but a word typed as a contract number's
prefix (``gzcg-2024``: every trigram of it in every contract) is a range of the head's index,
bounded in the number order, where the whole phrase read seven trigram lists of a million entries
(``services.register.search_index``, whose ``create`` holds the DDL: ``ensure`` calls it too).

SQLite only; PostgreSQL keeps its pg_trgm and character indexes.

Revision ID: 0024
Revises: 0022
"""

from alembic import op
from sqlalchemy import text

revision = "0024"
down_revision = "0022"
branch_labels = None
depends_on = None

#: The layout of revisions 0011–0022: external content, the whole text, no head index.
_OLD_TRIGGERS = (
    """CREATE TRIGGER contracts_fts_insert AFTER INSERT ON contracts BEGIN
        INSERT INTO contracts_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER contracts_fts_delete AFTER DELETE ON contracts BEGIN
        INSERT INTO contracts_fts(contracts_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER contracts_fts_update AFTER UPDATE OF search_text ON contracts BEGIN
        INSERT INTO contracts_fts(contracts_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO contracts_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
)


def upgrade() -> None:
    from services.register import search_index

    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    search_index.drop(bind)
    search_index.create(bind)


def downgrade() -> None:
    from services.register import search_index

    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    search_index.drop(bind)
    bind.execute(text("CREATE VIRTUAL TABLE contracts_fts USING fts5(search_text, content='contracts', "
                      "content_rowid='id', tokenize='trigram case_sensitive 1')"))
    for ddl in _OLD_TRIGGERS:
        bind.execute(text(ddl))
    bind.execute(text("INSERT INTO contracts_fts(contracts_fts) VALUES ('rebuild')"))
