"""The list filter's 1–2 character words on PostgreSQL: a GIN index of every character and pair (issue 17).

pg_trgm serves ``LIKE '%word%'`` for words of 3 or more characters; for ``服`` or ``翠湖`` it has no
trigram to look up and PostgreSQL scans every row (840 ms for ``翠湖`` at 1,000,000 contracts).
SQLite answers these from ``contracts_grams`` (``services.register.search_index``); PostgreSQL
(revision 0022) from a GIN index on the expression ``contract_grams(search_text)`` — the distinct
characters and adjacent pairs of the lower-cased search text as a ``text[]`` (an ``IMMUTABLE`` SQL
function, so the server keeps the index on every write, whoever writes). A short word is then
``contract_grams(search_text) @> ARRAY[word]``: a contract holds the 1- or 2-character word exactly
when the word is one of its characters or pairs, so the rows are those of ``LIKE '%word%'``.
Pairs with white space are left out (a filter word never holds any). The planner weighs the index
by the expression's statistics (ANALYZE): a word in most contracts (``服``) is still answered by
walking the sort index and testing each row. Qt-free.
"""

from __future__ import annotations

import weakref

from sqlalchemy import ColumnElement, Connection, Engine, Text, func, literal, text
from sqlalchemy.orm import Session

from models.contract import Contract

__all__ = ["FUNCTION", "INDEX", "MAX_CHARS", "contains", "create", "drop", "present"]

#: The SQL function (``text`` -> ``text[]``) and its GIN index on ``contracts``.
FUNCTION = "contract_grams"
INDEX = "ix_contracts_grams"
#: Words of at most this many characters go by the index (longer ones by pg_trgm).
MAX_CHARS = 2

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
