"""The list filter's full-text index: SQLite FTS5, trigram tokenizer, over ``contracts.search_text``.

Why trigrams: officers type fragments of numbers, titles and party names in Chinese and Latin
(``政务云``, ``2025174``); a trigram index answers "contains" for any fragment of 3 or more
characters without scanning every row, with the same result as ``LIKE '%fragment%'`` on the
lower-cased ``search_text`` (case-sensitive matching on text both sides already lower-cased).
Shorter fragments keep the ``LIKE`` scan. The index is external content (it stores only the
trigrams) and three triggers keep it in step with ``contracts``; ``ensure`` re-creates it when
a table rebuild (an Alembic batch migration) dropped the triggers. SQLite only: other engines
have no ``contracts_fts`` and the filter stays ``LIKE``.
"""

from __future__ import annotations

import weakref

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

__all__ = ["MIN_CHARS", "TABLE", "create", "drop", "ensure", "fts_phrase", "present"]

#: The virtual table (its shadow tables are ``contracts_fts_*``).
TABLE = "contracts_fts"
#: Fragments shorter than this cannot be answered by trigrams.
MIN_CHARS = 3

_TRIGGERS = {
    "contracts_fts_insert": """
        CREATE TRIGGER contracts_fts_insert AFTER INSERT ON contracts BEGIN
            INSERT INTO contracts_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END""",
    "contracts_fts_delete": """
        CREATE TRIGGER contracts_fts_delete AFTER DELETE ON contracts BEGIN
            INSERT INTO contracts_fts(contracts_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END""",
    "contracts_fts_update": """
        CREATE TRIGGER contracts_fts_update AFTER UPDATE OF search_text ON contracts BEGIN
            INSERT INTO contracts_fts(contracts_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
            INSERT INTO contracts_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END""",
}


def create(connection: Connection) -> None:
    """Create the index and its triggers and fill it from ``contracts`` (SQLite connection)."""
    connection.execute(text(
        "CREATE VIRTUAL TABLE contracts_fts USING fts5(search_text, content='contracts', "
        "content_rowid='id', tokenize='trigram case_sensitive 1')"))
    for ddl in _TRIGGERS.values():
        connection.execute(text(ddl))
    connection.execute(text("INSERT INTO contracts_fts(contracts_fts) VALUES ('rebuild')"))


def drop(connection: Connection) -> None:
    """Remove the triggers and the index."""
    for name in _TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text("DROP TABLE IF EXISTS contracts_fts"))


def _names(connection: Connection, kind: str) -> set[str]:
    rows = connection.execute(text("SELECT name FROM sqlite_master WHERE type = :kind"), {"kind": kind})
    return {row[0] for row in rows}


def _complete(connection: Connection) -> bool:
    return TABLE in _names(connection, "table") and set(_TRIGGERS) <= _names(connection, "trigger")


#: Engine -> whether its store has the index: asked on every keystroke, changed only by a
#: migration (which runs before the store's engine serves any list query).
_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def present(session: Session) -> bool:
    """True when the filter may use the index: SQLite with the table and all its triggers."""
    connection = session.connection()
    engine = connection.engine
    if engine not in _PRESENT:
        _PRESENT[engine] = connection.dialect.name == "sqlite" and _complete(connection)
    return _PRESENT[engine]


def ensure(connection: Connection) -> None:
    """After an upgrade: if a table rebuild dropped the triggers (or the index), build both anew.

    ``services.store.open_store`` calls it in the upgrade's transaction. Nothing to do on other
    engines, or on a store older than revision 0011 (no index yet: a downgrade target).
    """
    if connection.dialect.name != "sqlite" or _complete(connection):
        return
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None or revision < "0011":
        return
    drop(connection)
    create(connection)
    _PRESENT.pop(connection.engine, None)


def fts_phrase(word: str) -> str:
    """``word`` as an FTS5 phrase (double quotes doubled), matched as a contiguous fragment."""
    return '"' + word.replace('"', '""') + '"'
