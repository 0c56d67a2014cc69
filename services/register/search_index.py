"""The list filter's full-text index: SQLite FTS5, trigram tokenizer, over ``contracts.search_text``.

Why trigrams: officers type fragments of numbers, titles and party names in Chinese and Latin
(``政务云``, ``2025174``); a trigram index answers "contains" for any fragment of 3 or more
characters without scanning every row, with the same result as ``LIKE '%fragment%'`` on the
lower-cased ``search_text`` (case-sensitive matching on text both sides already lower-cased).
The index is external content (it stores only the trigrams) and three triggers keep it in step
with ``contracts``; ``ensure`` re-creates it when a table rebuild (an Alembic batch migration)
dropped the triggers. SQLite only: other engines have no ``contracts_fts`` and the filter stays
``LIKE``.

Fragments of 1 or 2 characters (``服``, ``翠湖``, ``gz``; revision 0017) have their own index,
``contracts_grams``: every character and every pair of adjacent characters of ``search_text``,
each written as one token of its UTF-8 bytes in hex (``服`` → ``E69C8D``), in a contentless
FTS5 table without positions (``detail=none``: a few bytes per contract). A short word is then
one exact token lookup — the contracts holding it, the same as ``LIKE '%word%'`` — at a cost
that grows with the hits, not with the store. Triggers derive the tokens in SQL (positions from
``contracts_gram_pos``, 1 … ``MAX_TEXT``), so every write path keeps the index, plain
``sqlite3`` included.

Long fragments (``COVER_MIN`` characters or more: ``华信信息科技有限公司``) may be looked up by a
cover of their trigrams instead of the whole phrase (``cover_phrase``): the trigrams at every third
position and the last one, ANDed without positions. A phrase query reads the position lists of every
trigram of the word — 8 lists for 10 characters, 17 for 19 — which at 1,000,000 contracts costs
40–55 ms even for 41 hits; the cover's lists intersect by rowid alone (~14 ms). The cover finds a
superset (each trigram somewhere in the text), so the caller confirms each hit with the exact
``LIKE '%fragment%'`` — worth it only when the cover finds few contracts (``CONFIRM_MAX``: every
confirmation reads a row at random, ~4 µs). Why not the trigrams' document frequencies from an
``fts5vocab`` table: its ``row`` and ``instance`` lookups read a term's whole posting list to count
it, as slow as the phrase itself or slower (67–600 ms a word at 1M, measured).
"""

from __future__ import annotations

import weakref

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

__all__ = ["CONFIRM_MAX", "COVER_MIN", "GRAMS", "MAX_TEXT", "MIN_CHARS", "TABLE", "cover_phrase", "create",
           "create_grams", "drop", "drop_grams", "ensure", "fts_phrase", "gram_phrase", "present"]

#: The virtual table (its shadow tables are ``contracts_fts_*``).
TABLE = "contracts_fts"
#: Fragments shorter than this cannot be answered by trigrams (``GRAMS`` answers them).
MIN_CHARS = 3
#: The 1- and 2-character index (contentless FTS5, one hex token per character and pair).
GRAMS = "contracts_grams"
#: Positions 1 … MAX_TEXT of ``search_text`` are indexed by ``GRAMS`` (a number, title and
#: party names run to a few hundred characters; text past this is not indexed).
MAX_TEXT = 20_000
#: Words of this many characters or more may be looked up by their trigram cover (``cover_phrase``).
COVER_MIN = 6
#: A cover that finds at most this many contracts is confirmed by ``LIKE``; more: the phrase query.
CONFIRM_MAX = 8000
#: The first revision with ``GRAMS``.
GRAMS_REVISION = "0017"

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


def _grams_of(column: str) -> str:
    """SQL: the hex tokens of every character and adjacent pair of ``column`` (NULL for '')."""
    return (f"(SELECT group_concat(hex(substr({column}, n, 1)) || ' ' || hex(substr({column}, n, 2)), ' ') "
            f"FROM contracts_gram_pos WHERE n <= length({column}))")


_GRAM_TRIGGERS = {
    "contracts_grams_insert": f"""
        CREATE TRIGGER contracts_grams_insert AFTER INSERT ON contracts BEGIN
            INSERT INTO contracts_grams(rowid, grams) VALUES (new.id, {_grams_of("new.search_text")});
        END""",
    "contracts_grams_delete": f"""
        CREATE TRIGGER contracts_grams_delete AFTER DELETE ON contracts BEGIN
            INSERT INTO contracts_grams(contracts_grams, rowid, grams)
            VALUES ('delete', old.id, {_grams_of("old.search_text")});
        END""",
    "contracts_grams_update": f"""
        CREATE TRIGGER contracts_grams_update AFTER UPDATE OF search_text ON contracts
        WHEN old.search_text IS NOT new.search_text BEGIN
            INSERT INTO contracts_grams(contracts_grams, rowid, grams)
            VALUES ('delete', old.id, {_grams_of("old.search_text")});
            INSERT INTO contracts_grams(rowid, grams) VALUES (new.id, {_grams_of("new.search_text")});
        END""",
}


def create_grams(connection: Connection) -> None:
    """Create the 1–2 character index, its position table and triggers, and fill it (SQLite)."""
    connection.execute(text("CREATE TABLE IF NOT EXISTS contracts_gram_pos (n INTEGER PRIMARY KEY)"))
    connection.execute(text("DELETE FROM contracts_gram_pos"))
    connection.execute(text(
        "WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < :top) "
        "INSERT INTO contracts_gram_pos(n) SELECT n FROM numbers"), {"top": MAX_TEXT})
    connection.execute(text(
        f"CREATE VIRTUAL TABLE {GRAMS} USING fts5(grams, content='', detail=none, tokenize='unicode61')"))
    for ddl in _GRAM_TRIGGERS.values():
        connection.execute(text(ddl))
    connection.execute(text(
        f"INSERT INTO {GRAMS}(rowid, grams) SELECT id, {_grams_of('search_text')} FROM contracts"))


def drop_grams(connection: Connection) -> None:
    """Remove the 1–2 character index, its triggers and position table."""
    for name in _GRAM_TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {GRAMS}"))
    connection.execute(text("DROP TABLE IF EXISTS contracts_gram_pos"))


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


def _grams_complete(connection: Connection) -> bool:
    tables = _names(connection, "table")
    return {GRAMS, "contracts_gram_pos"} <= tables and set(_GRAM_TRIGGERS) <= _names(connection, "trigger")


#: Engine -> whether its store has the index: asked on every keystroke, changed only by a
#: migration (which runs before the store's engine serves any list query).
_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def present(session: Session) -> bool:
    """True when the filter may use the indexes: SQLite with both tables and all their triggers
    (``contracts_fts`` for 3+ characters, ``contracts_grams`` for 1–2)."""
    connection = session.connection()
    engine = connection.engine
    if engine not in _PRESENT:
        _PRESENT[engine] = (connection.dialect.name == "sqlite" and _complete(connection)
                            and _grams_complete(connection))
    return _PRESENT[engine]


def ensure(connection: Connection) -> None:
    """After an upgrade: if a table rebuild dropped the triggers (or the index), build both anew.

    ``services.store.open_store`` calls it in the upgrade's transaction. Nothing to do on other
    engines, or on a store older than revision 0011 (no index yet: a downgrade target); the
    1–2 character index from revision ``GRAMS_REVISION`` on.
    """
    if connection.dialect.name != "sqlite":
        return
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None or revision < "0011":
        return
    if not _complete(connection):
        drop(connection)
        create(connection)
    if revision >= GRAMS_REVISION and not _grams_complete(connection):
        drop_grams(connection)
        create_grams(connection)
    _PRESENT.pop(connection.engine, None)


def fts_phrase(word: str) -> str:
    """``word`` as an FTS5 phrase (double quotes doubled), matched as a contiguous fragment."""
    return '"' + word.replace('"', '""') + '"'


def gram_phrase(word: str) -> str:
    """A 1- or 2-character ``word`` as the ``GRAMS`` token (its UTF-8 bytes in hex), quoted."""
    return '"' + word.encode("utf-8").hex().upper() + '"'


def cover_phrase(word: str) -> str:
    """An FTS5 expression finding every text that contains ``word`` (3+ characters) and a few more:
    the distinct trigrams at positions 0, 3, 6 … and the last trigram, each quoted, joined by AND
    (``"华信信" AND "息科技" AND "有限公" AND "限公司"``). Every text holding ``word`` holds each of
    them, so the hits are a superset of ``LIKE '%word%'``: confirm them with it."""
    starts = [*range(0, len(word) - 2, 3), len(word) - 3]
    grams = dict.fromkeys(word[start:start + 3] for start in starts)
    return " AND ".join(fts_phrase(gram) for gram in grams)
