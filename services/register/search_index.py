"""The list filter's full-text index: SQLite FTS5, trigram tokenizer, over ``contracts.search_text``.

Why trigrams: officers type fragments of numbers, titles and party names in Chinese and Latin
(``政务云``, ``2025174``); a trigram index answers "contains" for any fragment of 3 or more
characters without scanning every row, with the same result as ``LIKE '%fragment%'`` on the
lower-cased ``search_text`` (case-sensitive matching on text both sides already lower-cased).
The index is contentless (it stores only the trigrams) and three triggers keep it in step
with ``contracts``; ``ensure`` re-creates it when a table rebuild (an Alembic batch migration)
dropped the triggers. SQLite only: other engines have no ``contracts_fts`` and the filter stays
``LIKE``.

The head and the tail (revision 0024): the trigram index holds ``search_text`` *from its second
character on*, and a B-tree index on the text's first ``HEAD_CHARS`` characters (with the contract
number, ``HEAD_INDEX``) answers the words found at the very start. ``search_text`` starts with the
contract number, so a word typed as a number's prefix (``gzcg-2024``) is one stretch of that index —
counted and bounded in the number order by a range scan (12 / 17 ms for 142,857 contracts at 1M)
— while the trigram index, which no longer sees any number's first character, finds it nowhere
else at once (0.0 ms; the whole phrase read seven trigram lists that each hold every contract: 105 ms).
A word's hits are exactly the union of both (``head_range``: a text holds the word either at its
start or from its second character on).

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

__all__ = ["CONFIRM_MAX", "COVER_MIN", "GRAMS", "HEAD", "HEAD_CHARS", "HEAD_INDEX", "MAX_TEXT", "MIN_CHARS", "TABLE",
           "after_character", "cover_phrase", "create", "create_grams", "drop", "drop_grams", "ensure", "fts_phrase",
           "gram_phrase", "head_range", "matching", "present"]

#: The virtual table (its shadow tables are ``contracts_fts_*``): trigrams of ``search_text`` from
#: its second character on (``substr(search_text, 2)``).
TABLE = "contracts_fts"
#: Characters of the head of ``search_text`` indexed by ``HEAD_INDEX``.
HEAD_CHARS = 16
#: The head as SQL, exactly as ``HEAD_INDEX`` is defined (SQLite uses the index only for this text:
#: literal numbers, not bound parameters).
HEAD = f"substr(contracts.search_text, 1, {HEAD_CHARS})"
#: The B-tree index on (the head, the contract number).
HEAD_INDEX = "ix_contracts_search_head"
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
            INSERT INTO contracts_fts(rowid, search_text) VALUES (new.id, substr(new.search_text, 2));
        END""",
    "contracts_fts_delete": """
        CREATE TRIGGER contracts_fts_delete AFTER DELETE ON contracts BEGIN
            INSERT INTO contracts_fts(contracts_fts, rowid, search_text)
            VALUES ('delete', old.id, substr(old.search_text, 2));
        END""",
    "contracts_fts_update": """
        CREATE TRIGGER contracts_fts_update AFTER UPDATE OF search_text ON contracts
        WHEN old.search_text IS NOT new.search_text BEGIN
            INSERT INTO contracts_fts(contracts_fts, rowid, search_text)
            VALUES ('delete', old.id, substr(old.search_text, 2));
            INSERT INTO contracts_fts(rowid, search_text) VALUES (new.id, substr(new.search_text, 2));
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
    """Create the trigram index of the tail, its triggers and the head's index, and fill them from
    ``contracts`` (SQLite connection; 27 s for 1,000,000 contracts)."""
    connection.execute(text(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_text, content='', columnsize=0, "
        "tokenize='trigram case_sensitive 1')"))
    for ddl in _TRIGGERS.values():
        connection.execute(text(ddl))
    connection.execute(text(
        f"INSERT INTO {TABLE}(rowid, search_text) SELECT id, substr(search_text, 2) FROM contracts"))
    connection.execute(text(f"CREATE INDEX IF NOT EXISTS {HEAD_INDEX} ON contracts ({HEAD}, contract_no)"
                            .replace("contracts.search_text", "search_text")))


def drop(connection: Connection) -> None:
    """Remove the triggers, the index and the head's index."""
    for name in _TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))
    connection.execute(text(f"DROP INDEX IF EXISTS {HEAD_INDEX}"))


def _names(connection: Connection, kind: str) -> set[str]:
    rows = connection.execute(text("SELECT name FROM sqlite_master WHERE type = :kind"), {"kind": kind})
    return {row[0] for row in rows}


def _complete(connection: Connection) -> bool:
    """The tail's index (contentless: revision 0024 on), its triggers and the head's index."""
    ddl = connection.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"),
                             {"name": TABLE}).scalar()
    return (ddl is not None and "content=''" in ddl and set(_TRIGGERS) <= _names(connection, "trigger")
            and HEAD_INDEX in _names(connection, "index"))


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


def after_character(character: str) -> str | None:
    """The next character in code point order (SQLite's ``BINARY`` order of UTF-8 text), surrogates
    skipped; None after the last."""
    point = ord(character) + 1
    if 0xD800 <= point <= 0xDFFF:
        point = 0xE000
    return chr(point) if point <= 0x10FFFF else None


def head_range(word: str, name: str = "head") -> tuple[str, dict[str, str | int]]:
    """SQL (on ``contracts``) for "``search_text`` starts with ``word``" (1+ characters, lower-cased)
    by a range of ``HEAD_INDEX``, and its parameters (``:{name}_lo``, ``_hi``, ``_word``, ``_len``:
    a distinct ``name`` for each word of one statement). ``head >= word AND head < word'`` where
    ``word'`` is ``word`` with its last character made the next one: in code point order the texts
    starting with ``word`` are exactly those (proof: at the first position where a text differs from
    ``word`` it is smaller, or larger than ``word'`` too). A word longer than the head, or ending in
    the last code point, is confirmed by comparing the text's first ``len(word)`` characters."""
    head = word[:HEAD_CHARS]
    following = after_character(head[-1])
    params: dict[str, str | int] = {f"{name}_lo": head}
    condition = f"{HEAD} >= :{name}_lo"
    if following is not None:
        condition += f" AND {HEAD} < :{name}_hi"
        params[f"{name}_hi"] = head[:-1] + following
    if len(word) > HEAD_CHARS or following is None:
        condition += f" AND substr(contracts.search_text, 1, :{name}_len) = :{name}_word"
        params.update({f"{name}_len": len(word), f"{name}_word": word})
    return condition, params


def matching(word: str, name: str, match: str | None = None) -> tuple[str, dict[str, str | int]]:
    """A SELECT of the ids of the contracts whose ``search_text`` holds ``word`` (3+ characters,
    lower-cased) — those holding it from the second character on (the trigram index; ``match``: the
    expression to look up instead of the word's phrase, e.g. its cover, which finds more) and those
    starting with it (``head_range``) — and its parameters (``:{name}`` and ``:{name}_…``)."""
    head, params = head_range(word, name)
    params[name] = fts_phrase(word) if match is None else match
    return (f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :{name} "
            f"UNION ALL SELECT contracts.id FROM contracts WHERE {head}"), params
