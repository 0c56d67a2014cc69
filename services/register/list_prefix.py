"""A filter word that starts the sort key of every hit: the hits are one stretch of the key's index (issue 18).

Why: a contract officer's titles usually start with their own body's or city's name
(``北京市生态环境监测中心…``); sorted by title, that name typed as the filter keeps a fifth of a million
contracts, all in one stretch of the title order far from its start. The walk of the title index from
the start (``services.register.listing``) gives up and the page was read from every hit, sorted
(200,000 rows, ~600 ms at 1M). When every hit's key starts with the word, the hits are rows of one range
of the key's index (``key >= w AND key < w'``, ``w'`` the word with its last character made the next
one: in code point order exactly the keys starting with ``w``, as ``search_index.head_range``), and the
page is a walk of that range.

The proof (``bound``), by counts only, per word of the filter:

* ``hits`` — the live contracts whose search text holds the word (the list's own count of the word alone,
  from the indexes);
* ``inside`` — the live hits in the range: the range's entries (the key's index alone, no row read) less
  those in the Trash or not holding the word. A range entry not holding the word is a contract whose key
  is *not* its stored column: the search text is the lower-cased number, title and party names
  (``list_text.list_columns``), so a stored title (or first supplier) starting with the lower-cased word
  puts the word in the text. The list's columns differ from the stored ones only for a contract with an
  amendment (``list_terms``: the terms in force), so the range's entries in the Trash or amended are the
  only ones read (``ix_contracts_deleted_at``, ``amendments.contract_id``);
* ``inside == hits``: no hit lies outside the range, which then bounds the walk (a true condition of
  every hit: the rows and their order stay those of ``LIKE``). Otherwise the list goes on as before.

The range is one of the key's index only in code point order: SQLite's ``BINARY``, and a PostgreSQL
column whose collation is ``C``/``POSIX`` (or ``C.UTF-8``); under another collation (``zh_CN.UTF-8``)
no bound is offered. The sort key must be the stored column (the list's day is the stored one:
``listing`` passes no key otherwise). Stays slow: a word also held elsewhere by some texts (a party
named after the city, a title holding it further on), a word whose case differs from the titles' (the
word is lower-cased, ``Abc…`` is not in ``abc``'s range), several words none of which qualifies, a
sort by another column. Qt-free.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, func, literal, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from models.amendments import Amendment
from models.contract import Contract
from services.register import list_words, search_index

__all__ = ["C_COLLATIONS", "PREFIX_SORTS", "bound", "candidates", "starting"]

#: Sort keys whose stored column is held, lower-cased, in the search text (title; counterparty: the
#: suppliers joined by ``、``, the first one's name in the text).
PREFIX_SORTS = frozenset({"title", "counterparty"})
#: PostgreSQL collations that order text by code point (``lc_collate``/the column's collation).
C_COLLATIONS = frozenset({"C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"})

#: Engine -> whether its text compares in code point order (asked once per store).
_CODE_POINT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _code_point_order(session: Session) -> bool:
    """True when ``contracts.list_title`` and ``counterparty`` compare in code point order: SQLite
    (``BINARY``), PostgreSQL with a C collation for the database and no other on the columns."""
    connection = session.connection()
    engine = connection.engine
    if engine not in _CODE_POINT:
        if connection.dialect.name == "sqlite":
            _CODE_POINT[engine] = True
        elif connection.dialect.name == "postgresql":
            database = connection.execute(text(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()")).scalar()
            columns = set(connection.execute(text(
                "SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = 'contracts' AND column_name IN ('list_title', 'counterparty')")).scalars())
            _CODE_POINT[engine] = str(database) in C_COLLATIONS and columns <= {None, *C_COLLATIONS}
        else:
            _CODE_POINT[engine] = False
    return _CODE_POINT[engine]


def starting(key: ColumnElement[Any], word: str) -> ColumnElement[bool]:
    """``key`` starts with ``word`` (1+ characters), as a range of the key's index in code point order:
    ``key >= word AND key < word'`` (``word'``: its last character made the next one), or, for a word
    ending in U+10FFFF, ``key >= word`` and its first ``len(word)`` characters compared."""
    following = search_index.after_character(word[-1])
    low = key >= literal(word, key.type)
    if following is None:
        return and_(low, func.substr(key, 1, len(word)) == literal(word, key.type))
    return and_(low, key < literal(word[:-1] + following, key.type))


def candidates(session: Session, words: list[str], sort: str, key: ColumnElement[Any]) -> list[str]:
    """The words (lower-cased, as the filter's) that start the key of at least one contract: those a
    ``bound`` may be proved for (one probe of the key's index each)."""
    if sort not in PREFIX_SORTS or not _code_point_order(session):
        return []
    found = []
    for word in dict.fromkeys(words):
        if sort == "counterparty" and "、" in word:
            continue  # the suppliers' joint: in the column, not in the text (joined by a space there)
        if session.execute(select(Contract.id).where(starting(key, word)).limit(1)).first() is not None:
            found.append(word)
    return found


def bound(session: Session, words: list[str], sort: str, key: ColumnElement[Any],
          hits: Callable[[str], int]) -> ColumnElement[bool] | None:
    """A condition every live contract holding all ``words`` meets — ``key`` (the list's sort key,
    ``sort`` in ``PREFIX_SORTS``, the stored column) starts with one of them — or None when no word is
    proved to start the key of each of its hits. ``hits(word)``: how many live contracts hold the word
    (the list's count). Kept for the session's reads (a write on its connection asks again)."""
    raw = session.connection().connection.driver_connection
    known = session.info.setdefault("list_prefix", {})
    memo = (tuple(words), sort, getattr(raw, "total_changes", None))
    if memo in known:
        return known[memo]
    proved: ColumnElement[bool] | None = None
    for word in candidates(session, words, sort, key):
        found = hits(word)
        if found and found == _inside(session, key, word):
            proved = starting(key, word)
            break
    known[memo] = proved
    return proved


def _inside(session: Session, key: ColumnElement[Any], word: str) -> int:
    """The live contracts holding ``word`` whose ``key`` starts with it: the range's index entries less
    those in the Trash or not holding the word (only amended contracts' keys may not)."""
    entries = session.scalar(select(func.count()).select_from(Contract).where(starting(key, word))) or 0
    if session.get_bind().dialect.name == "sqlite":  # +key: the few suspects by id, not the range's rows
        key = UnaryExpression(key, operator=operators.custom_op("+"), type_=key.type)
    suspects = select(Contract.id).where(Contract.deleted_at.is_not(None)).union(
        select(Amendment.contract_id)).scalar_subquery()
    held = and_(Contract.deleted_at.is_(None), list_words.like(word))
    outside = session.scalar(select(func.count()).select_from(Contract).where(
        Contract.id.in_(suspects), starting(key, word), ~held)) or 0
    return int(entries) - int(outside)
