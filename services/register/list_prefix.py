"""A filter word that starts the sort key of every hit: the hits are one stretch of the key's index (issue 18).

Why: a contract officer's titles usually start with their own body's or city's name
(``北京市生态环境监测中心…``); sorted by title, that name typed as the filter keeps a fifth of a million
contracts, all in one stretch of the title order far from its start. The walk of the title index from
the start (``services.register.listing``) gives up and the page was read from every hit, sorted
(200,000 rows, ~600 ms at 1M). When every hit's key starts with the word, the hits are rows of one range
of the key's index (``key >= w AND key < w'``, ``w'`` the word with its last character made the next
one: in code point order exactly the keys starting with ``w``, as ``search_index.head_range``), and the
page is a walk of that range.

The proof (``proved``), by counts only, per word of the filter:

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
no word is proved. The sort key must be the stored column (the list's day is the stored one:
``listing`` passes no key otherwise). Stays slow: a word also held elsewhere by some texts (a party
named after the city, a title holding it further on), a word whose case differs from the titles' (the
word is lower-cased, ``Abc…`` is not in ``abc``'s range), several words none of which qualifies, a
sort by another column. Qt-free.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, func, literal, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from models.amendments import Amendment
from models.contract import Contract
from services.register import list_sample, list_seek, list_words, pg_grams, search_index

__all__ = ["C_COLLATIONS", "FEW_BEFORE", "NEAR", "PREFIX_SORTS", "SKIP_MIN", "TRIGRAM_INDEX", "before", "candidates",
           "entry_at", "few_before", "forget", "near_start", "non_hits", "proved", "server_hits", "starting"]

#: Sort keys whose stored column is held, lower-cased, in the search text (title; counterparty: the
#: suppliers joined by ``、``, the first one's name in the text).
PREFIX_SORTS = frozenset({"title", "counterparty"})
#: PostgreSQL collations that order text by code point (``lc_collate``/the column's collation).
C_COLLATIONS = frozenset({"C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"})

#: Fewer contracts than this before a word's range in the order: the walk from the start is left to the
#: server (``near_start``; ~2,000 rows of ``LIKE``, a few ms).
NEAR = 2000
#: A position within this many entries of its range's start is counted by testing their rows (``few_before``).
FEW_BEFORE = 20_000
#: From this ``OFFSET`` on, a page of one such word alone is found by an ``OFFSET`` over its range's
#: index entries (no row read) instead of a walk testing each row (~5 µs a row).
SKIP_MIN = 1000
#: Engine (PostgreSQL) -> {(words, sort key, server state): the word proved, or None}.
_PROVED: weakref.WeakKeyDictionary[Engine, dict[tuple[Any, ...], str | None]] = weakref.WeakKeyDictionary()
_KEPT_MAX = 256

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
    ``proved`` may prove (one probe of the key's index each)."""
    if sort not in PREFIX_SORTS or not _code_point_order(session):
        return []
    found = []
    for word in dict.fromkeys(words):
        if sort == "counterparty" and "、" in word:
            continue  # the suppliers' joint: in the column, not in the text (joined by a space there)
        if session.execute(select(Contract.id).where(starting(key, word)).limit(1)).first() is not None:
            found.append(word)
    return found


def proved(session: Session, words: list[str], sort: str, key: ColumnElement[Any],
           count: Callable[[str], int]) -> str | None:
    """The first of ``words`` (``candidates``) that starts ``key`` (the list's sort key, ``sort`` in
    ``PREFIX_SORTS``, the stored column) in every live contract holding it — then every live contract
    holding all ``words`` lies in its range (``starting``) — or None. ``count(word)``: how many live
    contracts hold the word (the list's count); PostgreSQL asks ``server_hits`` first, ``count`` only
    when that finds more than the range's live hits (a dead row version since the last VACUUM). Kept for
    the session's reads (a write on its connection asks again); on PostgreSQL for the server's state."""
    connection = session.connection()
    server = connection.dialect.name == "postgresql"
    if server:
        # Kept per server state (its snapshot: no commit anywhere since), for the next pages' sessions —
        # not by a transaction that has written (its snapshot stays the same over its own writes).
        known = _PROVED.setdefault(connection.engine, {})
        if connection.execute(text("SELECT txid_current_if_assigned()")).scalar() is not None:
            known = {}
        memo: tuple[Any, ...] = (tuple(words), sort, list_sample.server_state(session))
    else:
        known = session.info.setdefault("list_prefix", {})
        memo = (tuple(words), sort, getattr(connection.connection.driver_connection, "total_changes", None))
    if memo not in known:
        if len(known) >= _KEPT_MAX:
            known.clear()
        known[memo] = None
        for word in words:
            # At least the word's live hits (an index's count may hold more); the range's live hits are
            # never more than those: equal, every hit is in the range.
            found = server_hits(session, word) if server else count(word)
            inside = _inside(session, key, word)
            if server and found != inside and inside:
                # Dead row versions in the index since the last VACUUM (or a long word's false trigram
                # hits): the server counts the hits' rows after all (350–580 ms for 200,000 at 1M).
                found = count(word)
            if found and found == inside:
                known[memo] = word
                break
    return known[memo]


def forget(engine: Engine) -> None:
    """Drop the proofs kept for ``engine`` (PostgreSQL; benches time a proof afresh)."""
    _PROVED.pop(engine, None)


def near_start(session: Session, key: ColumnElement[Any], word: str, *, down: bool) -> bool:
    """True when fewer than ``NEAR`` contracts come before ``word``'s range in the order (``key``
    ascending, descending when ``down``): a walk from the order's start meets the range at once (the
    server's own plan, no proof needed). Reads at most ``NEAR`` entries of the key's index."""
    if down:
        following = search_index.after_character(word[-1])
        if following is None:
            return False
        before = key >= literal(word[:-1] + following, key.type)
    else:
        before = key < literal(word, key.type)
    rows = select(Contract.id).where(before).limit(NEAR).subquery()
    return int(session.scalar(select(func.count()).select_from(rows)) or 0) < NEAR


def _inside(session: Session, key: ColumnElement[Any], word: str) -> int:
    """The live contracts holding ``word`` whose ``key`` starts with it: the range's index entries less
    those in the Trash or not holding the word (only amended contracts' keys may not)."""
    entries = session.scalar(select(func.count()).select_from(Contract).where(starting(key, word))) or 0
    return int(entries) - non_hits(session, key, word)


def non_hits(session: Session, key: ColumnElement[Any], word: str, upto: tuple[Any, str] | None = None, *,
             descending: bool = False, reverse: bool = False, inclusive: bool = True) -> int:
    """How many entries of ``word``'s range of ``key`` are no live hit of it (in the Trash, or amended
    and not holding it; read by id, few) — all, or those at or before (``inclusive``; else strictly
    before) the row ``upto`` (key value, contract number) in the order (``list_seek.order_by``)."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    hidden = _hidden(key) if sqlite else key  # +key: the few suspects by id, not the range's rows
    suspects = select(Contract.id).where(Contract.deleted_at.is_not(None)).union(
        select(Amendment.contract_id)).scalar_subquery()
    held = and_(Contract.deleted_at.is_(None), list_words.like(word))
    conditions = [Contract.id.in_(suspects), starting(hidden, word), ~held]
    if upto is not None and inclusive:
        conditions.append(list_seek.at_or_before(key, *upto, descending=descending, nullable=False, reverse=reverse,
                                                 hide=sqlite))
    elif upto is not None:
        numbers: Any = _hidden(Contract.contract_no.expression) if sqlite else Contract.contract_no
        conditions.append(list_seek.after_parts(hidden, *upto, descending=descending, nullable=False,
                                                reverse=not reverse, number_column=numbers)[0])
    return int(session.scalar(select(func.count()).select_from(Contract).where(*conditions)) or 0)


def before(session: Session, key: ColumnElement[Any], word: str, row: tuple[Any, str], *, descending: bool) -> int:
    """The position of ``row`` (key value, contract number) in the list of ``word`` alone, every hit in
    its range: the range's entries before it (the key's index alone) less those that are no hit."""
    earlier = list_seek.after_parts(key, *row, descending=descending, nullable=False, reverse=True)[0]
    entries = session.scalar(select(func.count()).select_from(Contract).where(starting(key, word), earlier)) or 0
    return int(entries) - non_hits(session, key, word, row, descending=descending, inclusive=False)


def few_before(session: Session, key: ColumnElement[Any], word: str, row: tuple[Any, str], *,
               descending: bool) -> bool:
    """True when fewer than ``FEW_BEFORE`` entries of ``word``'s range come before ``row`` in the order
    (reads at most that many of the key's index): testing each of their rows is then cheaper than
    counting every hit of the filter from the indexes."""
    earlier = list_seek.after_parts(key, *row, descending=descending, nullable=False, reverse=True)[0]
    rows = select(Contract.id).where(starting(key, word), earlier).limit(FEW_BEFORE).subquery()
    return int(session.scalar(select(func.count()).select_from(rows)) or 0) < FEW_BEFORE


def entry_at(session: Session, key: ColumnElement[Any], word: str, position: int, *, descending: bool,
             reverse: bool) -> tuple[Any, str] | None:
    """(key value, contract number) of the entry at ``position`` (0 = the first) of ``word``'s range in
    the order (reversed when ``reverse``), every entry counted: an ``OFFSET`` over the key's index alone
    (no row read). None past the range's end."""
    order = list_seek.order_by(key, descending=descending, nullable=False, reverse=reverse)
    found = session.execute(select(key, Contract.contract_no).where(starting(key, word)).order_by(*order)
                            .offset(position).limit(1)).first()
    return None if found is None else (found[0], found[1])


def _hidden(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``+column`` (SQLite): the same value, no index offered for it."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


#: The index that answers ``LIKE '%word%'`` for 3+ characters on PostgreSQL (pg_trgm; ``services.store_pg``).
TRIGRAM_INDEX = "ix_contracts_search_trgm"


def server_hits(session: Session, word: str) -> int | None:
    """PostgreSQL: at least as many as the live contracts holding ``word`` (lower-cased) — the entries
    of its GIN index that the word finds (``pg_grams`` for 1–2 characters, pg_trgm for more: every
    row holding the word is among them, dead row versions and the few false hits of a long word's
    trigrams too), less the Trash's hits; None when no such index answers it.

    Why not ``count(*)``: the server reads every hit's row to count it (200,000 at 1M: 350–580 ms);
    the bitmap of the index is built in ~40 ms and ``EXPLAIN ANALYZE`` of ``… LIMIT 1`` reports its
    size (the row pointers the index returned: both lookups are by whole keys — a gram, trigrams — never
    a partial match, so no page comes back lossy, counted once for many rows), then reads one row. The
    index scan is the only plan offered (in a savepoint, rolled back); another plan: None."""
    if len(word) <= pg_grams.MAX_CHARS:
        if not pg_grams.present(session):
            return None
        condition, index = pg_grams.contains(word), pg_grams.INDEX
    else:
        condition, index = list_words.like(word), TRIGRAM_INDEX
    statement = select(literal(1)).select_from(Contract).where(condition).limit(1)
    connection = session.connection()
    compiled = statement.compile(connection)
    with connection.begin_nested() as savepoint:
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        connection.exec_driver_sql("SET LOCAL enable_indexscan = off")
        plan: Any = connection.exec_driver_sql(
            f"EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) {compiled}", compiled.params).scalar()
        savepoint.rollback()
    scans = list(_bitmap_scans(plan[0]["Plan"]))
    if len(scans) != 1 or scans[0].get("Index Name") != index:
        return None
    found = int(scans[0]["Actual Rows"])
    trashed = session.scalar(select(func.count()).select_from(Contract).where(
        Contract.deleted_at.is_not(None), list_words.like(word))) or 0
    return found - int(trashed)


def _bitmap_scans(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``Bitmap Index Scan`` nodes of an ``EXPLAIN (FORMAT JSON)`` plan tree."""
    if node.get("Node Type") == "Bitmap Index Scan":
        yield node
    for child in node.get("Plans", ()):
        yield from _bitmap_scans(child)
