"""The list filter's 1–2 character words on PostgreSQL: a GIN index of every character and pair (issue 17).

pg_trgm serves ``LIKE '%word%'`` for words of 3 or more characters; for ``服`` or ``翠湖`` it has no
trigram to look up and PostgreSQL scans every row (840 ms for ``翠湖`` at 1,000,000 contracts).
SQLite answers these from ``contracts_grams`` (``services.register.search_index``); PostgreSQL
(revision 0022) from a GIN index on the expression ``contract_grams(search_text)`` — the distinct
characters and adjacent pairs of the lower-cased search text as a ``text[]`` (an ``IMMUTABLE`` SQL
function, so the server keeps the index on every write, whoever writes). A short word is then
``contract_grams(search_text) @> ARRAY[word]``: a contract holds the 1- or 2-character word exactly
when the word is one of its characters or pairs, so the rows are those of ``LIKE '%word%'``.
Pairs with white space are left out (a filter word never holds any).

Only a *rare* word goes by the index (``rare``): ``contract_grams()`` costs ~0.5 ms a row when the
server evaluates it, which it does on every row it passes when it walks the sort index instead of
reading the GIN index — and it walks for any word in more than a few per cent of the contracts
(at 1,000,000: ``服务``, in 36 %, 45 → 231 ms; at 100,000, ``备货`` (3 %) 3.6 s, ``明`` (5 %) 1.8 s). So a
word the planner's own estimate finds in more than ``COMMON_SHARE`` of the contracts is plain ``LIKE``
(a walk of the sort index meets the first screen's hits soon), and a rare one is the index test
*and* ``LIKE`` — the server evaluates the cheaper ``LIKE`` first, so even a walk computes the grams
only of the rows that hold the word. Either way the rows are those of ``LIKE '%word%'``. Qt-free.
"""

from __future__ import annotations

import time
import weakref
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Text, bindparam, func, literal, text
from sqlalchemy.orm import Session

from models.contract import Contract

__all__ = ["COMMON_SHARE", "FUNCTION", "INDEX", "MAX_CHARS", "contains", "create", "drop", "forget", "present", "rare",
           "without_statistics"]

#: The SQL function (``text`` -> ``text[]``) and its GIN index on ``contracts``.
FUNCTION = "contract_grams"
INDEX = "ix_contracts_grams"
#: Words of at most this many characters go by the index (longer ones by pg_trgm).
MAX_CHARS = 2
#: A word estimated in more than this share of the contracts is read by ``LIKE`` alone (``rare``). At
#: 1,000,000 contracts 1 % is 10,000 hits, a bitmap scan of ~40 ms; a walk of the sort index meets the
#: first 256 hits of such a word after ~25,600 rows, ~60–100 ms of ``LIKE``. At 100,000 the planner
#: still read the GIN index for words estimated in up to 1.6 % (and walked for one in 1.4 %).
COMMON_SHARE = 0.05
#: Seconds an estimate is kept (an ANALYZE after a large import may change it).
ESTIMATE_KEPT = 300.0

_FUNCTION_DDL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{{}}') FROM (
        SELECT substr(t, n, 1) FROM generate_series(1, length(t)) AS n
        UNION ALL
        SELECT substr(t, n, 2) FROM generate_series(1, length(t) - 1) AS n
    ) AS grams(g) WHERE g !~ '\\s'
$$"""


def create(connection: Connection) -> None:
    """The function and its GIN index (PostgreSQL; built from the contracts already there)."""
    connection.execute(text(_FUNCTION_DDL))
    connection.execute(text(f"CREATE INDEX IF NOT EXISTS {INDEX} ON contracts USING gin ({FUNCTION}(search_text))"))


def drop(connection: Connection) -> None:
    """Remove the index and the function."""
    connection.execute(text(f"DROP INDEX IF EXISTS {INDEX}"))
    connection.execute(text(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)"))


#: Engine -> whether its store has the index (only a yes is remembered: an upgrade adds it later).
_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def present(session: Session) -> bool:
    """True on PostgreSQL when the index is there (revision 0022 or later)."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return False
    engine = connection.engine
    if not _PRESENT.get(engine):
        _PRESENT[engine] = connection.execute(text(
            "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = :name"),
            {"name": INDEX}).first() is not None
    return _PRESENT[engine]


def contains(word: str) -> ColumnElement[bool]:
    """The condition "``search_text`` holds ``word``" (1–2 characters, lower-cased, no white space)
    through the index: the same rows as ``LIKE '%word%'``. Imports SQLAlchemy's PostgreSQL dialect, which a
    SQLite register never needs (issue 18: about 2 MB at every start)."""
    from sqlalchemy.dialects.postgresql import ARRAY

    grams = func.contract_grams(Contract.search_text, type_=ARRAY(Text))
    return grams.contains(literal([word], ARRAY(Text)))


#: Engine -> {word: (time.monotonic() when estimated, estimated share of the contracts)}.
_SHARES: weakref.WeakKeyDictionary[Engine, dict[str, tuple[float, float]]] = weakref.WeakKeyDictionary()
_SHARES_KEPT = 512

#: True when the planner has no element statistics of the grams to estimate a word by. Any role that
#: reads the contracts sees ``reltuples`` (-1: never analyzed nor vacuumed, PostgreSQL 14+) and the
#: table's own ``pg_stats`` rows (none: never analyzed); the index's rows only its owner sees
#: (``has_column_privilege`` on the index), and lacks them when the index is newer than the last
#: ANALYZE (an upgrade that made it; ``services.store_stats`` analyzes after the app's upgrades).
_WITHOUT_STATISTICS = text(f"""
    SELECT c.reltuples < 0
        OR NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname
                       AND s.attname = 'search_text')
        OR (has_column_privilege(i.oid, 1::smallint, 'SELECT')
            AND NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = i.relname
                            AND s.most_common_elems IS NOT NULL))
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_index x ON x.indrelid = c.oid JOIN pg_class i ON i.oid = x.indexrelid AND i.relname = '{INDEX}'
    WHERE c.oid = 'contracts'::regclass""")


def without_statistics(session: Session) -> bool:
    """True when the planner has no statistics of the grams (``_WITHOUT_STATISTICS``): a register
    loaded and not yet analyzed, or whose index is newer than its last ANALYZE."""
    return bool(session.execute(_WITHOUT_STATISTICS).scalar())


def forget(engine: Engine) -> None:
    """Drop the estimates kept for ``engine``'s store (after an ANALYZE: they may have changed)."""
    _SHARES.pop(engine, None)


def rare(session: Session, word: str) -> bool:
    """True when the planner estimates ``word`` (1–2 characters, lower-cased) in at most
    ``COMMON_SHARE`` of the contracts: it is then looked up in the index (``contains``), else read by
    ``LIKE`` alone. The estimate is the planner's own (``EXPLAIN`` of the index test: the index's
    statistics from ANALYZE, readable by every role that may read the contracts), kept per store and
    word for ``ESTIMATE_KEPT`` seconds; it decides the plan only, never the rows. Without statistics
    (``without_statistics``) every word is taken as common: False."""
    known = _SHARES.setdefault(session.get_bind().engine, {})
    now = time.monotonic()
    kept = known.get(word)
    if kept is None or now - kept[0] > ESTIMATE_KEPT:
        from sqlalchemy.dialects.postgresql import ARRAY  # not at import: SQLite never loads the dialect

        if len(known) >= _SHARES_KEPT:
            known.clear()
        if without_statistics(session):
            # The planner's default for @> is 0.5 % of the rows for any word, so every word looked rare and
            # a common one was read by the index: every hit fetched and sorted (bench/README.md, "Statistics
            # after bulk writes"). LIKE alone is the plan that is safe for a common word (a walk of the sort
            # index meets the first screen's hits at once); for a rare one it costs at most a scan of the table.
            share = float("inf")
        else:
            plan: Any = session.execute(text(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM contracts WHERE {FUNCTION}(search_text) @> :words"
            ).bindparams(bindparam("words", type_=ARRAY(Text))), {"words": [word]}).scalar()
            every: Any = session.execute(text("EXPLAIN (FORMAT JSON) SELECT 1 FROM contracts")).scalar()
            share = float(plan[0]["Plan"]["Plan Rows"]) / max(float(every[0]["Plan"]["Plan Rows"]), 1.0)
        kept = known[word] = (now, share)
    return kept[1] <= COMMON_SHARE
