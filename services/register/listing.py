"""The contract list as pages: a count, a page of rows by position, the position of a contract.

Why pages: with 100,000 or 1,000,000 contracts the list must never read every matching id
into Python (issue 18). The window asks for the screenful it paints (``ORDER BY … LIMIT``; far
down the list a keyset seek, ``services.register.list_seek``), then the count, and for the position
of one contract when it restores the current row after a refresh or a sort (a ``COUNT`` of the
rows ordered before it). Filter and order are those of ``services.register.contracts.search_ids``:
every word of the filter in the number, title or party names (case-insensitive; 3+ characters through the trigram index,
``services.register.search_index``), ties broken by contract number, rows without a date last,
the Trash left out. A word that starts the title (or first supplier) of every contract holding it —
a city typed with the list sorted by title — is walked as that range of the key's index
(``services.register.list_prefix``: proved by counts, the same rows).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, true
from sqlalchemy import text as sql_text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import Case, UnaryExpression

from models.amendments import Attachment
from models.contract import Contract
from services.register import (
    list_prefix,
    list_sample,
    list_seek,
    list_words,
    pg_grams,
    search_index,
)
from services.register.contracts import ContractRow
from services.register.list_in_force import in_force_rows
from services.register.list_query import ListQuery
from services.register.list_query import sort_key as _sort_key
from services.register.list_query import stored_status as _stored_status
from services.register.list_query import terms as _terms
from services.register.versions import LIVE

__all__ = ["DRIVE_MAX", "HEAD_WALK_BUDGET", "NULLABLE", "SKIP_MIN", "WALK_BUDGET", "ListQuery", "count",
           "in_force_rows", "page", "position", "sample", "sample_wanted"]

#: Sort keys that may be NULL (no date, no next deadline): those rows go last either way.
NULLABLE = frozenset({"term", "status", "next_due"})
#: A filter whose index finds at most this many contracts is read from the index and sorted.
DRIVE_MAX = 4000
#: Seconds (CPU) the walk of the sort index may take before the page is read from the index instead:
#: a screenful (40 rows) of a word in 2 % of a million contracts walks ~2,000 rows, 9–12 ms.
WALK_BUDGET = 0.02
#: The walk's seconds (CPU) from the start of the number order for a word some texts start with: their
#: stretch of the order is found by a bound (``list_words.number_bound``) when the walk does not reach it at once.
HEAD_WALK_BUDGET = 0.003
#: Sort keys with an index of their own (a walk in their order needs no sort).
WALKABLE = frozenset({"contract_no", "title", "counterparty", "total_amount", "term", "next_due"})


#: The contract keeps a signed copy (issue 16).
#: A signed copy that is not in the Trash (a removed file no longer marks the contract as signed).
SIGNED = exists().where(Attachment.contract_id == Contract.id, Attachment.kind == "signed_copy",
                        Attachment.deleted_at.is_(None))


def _where(session: Session, query: ListQuery, *, indexed: bool = True) -> list[ColumnElement[bool]]:
    """The filter's conditions: live contracts, every word, problems only. ``indexed``: the words
    through the full-text indexes where the store has them, else each as ``LIKE``."""
    conditions: list[ColumnElement[bool]] = [LIVE]
    words = query.text.lower().split()
    plan = list_words.plan(session, query.text) if indexed else list_words.Plan()
    for number, (table, match) in enumerate(plan.sources):
        matched = sql_text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q{number}")
        conditions.append(Contract.id.in_(matched.bindparams(**{f"q{number}": match})))
    for number, (word, match) in enumerate(plan.heads):
        sql, params = search_index.matching(word, f"h{number}", match)
        conditions.append(Contract.id.in_(sql_text(sql).bindparams(**params)))
    rare: set[str] = set()
    if plan.indexed():
        words = list(plan.confirm)  # the rest are answered exactly by their index
    elif indexed and any(len(word) <= pg_grams.MAX_CHARS for word in words) and pg_grams.present(session):
        # PostgreSQL: rare 1–2 character words by their GIN index too (pg_trgm serves 3+); LIKE stays.
        rare = {word for word in words if len(word) <= pg_grams.MAX_CHARS and pg_grams.rare(session, word)}
        conditions.extend(pg_grams.contains(word) for word in sorted(rare))
    for word in words:
        conditions.append(list_words.like(word, beside_grams=word in rare))
    if query.problems_only:
        conditions.append(Contract.problem_level > 0)
    if query.unsigned_only:
        conditions.append(~SIGNED)
    return conditions


def _filtered(query: ListQuery) -> bool:
    return bool(query.text.split()) or query.problems_only or query.unsigned_only


def count(session: Session, query: ListQuery) -> int:
    """How many contracts the list shows for ``query``."""
    plan = list_words.plan(session, query.text)
    plain = not plan.confirm and not query.problems_only and not query.unsigned_only
    if plain and len(plan.sources) == 1 and not plan.heads:
        # The index counts its own matches; only the Trash's (few, by ix_contracts_deleted_at) are joined.
        table, match = plan.sources[0]
        found = session.scalar(sql_text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"), {"q": match})
        trashed = session.scalar(sql_text(
            f"SELECT count(*) FROM contracts WHERE deleted_at IS NOT NULL AND EXISTS "
            f"(SELECT 1 FROM {table} WHERE {table} MATCH :q AND rowid = contracts.id)"), {"q": match})
        return int(found or 0) - int(trashed or 0)
    if plain and len(plan.heads) == 1 and not plan.sources:
        # A word some texts start with: those (a range of the head's index) and those holding it from
        # the second character on (the trigram index), less the texts that do both and the Trash's.
        word, match = plan.heads[0]
        table = search_index.TABLE
        head, params = search_index.head_range(word)
        params["q"] = match
        tail = int(session.scalar(sql_text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"), params) or 0)
        start = int(session.scalar(sql_text(f"SELECT count(*) FROM contracts WHERE {head}"), params) or 0)
        both = int(session.scalar(sql_text(  # +id: scan the head's range, probe the tail's few (or many) ids
            f"SELECT count(*) FROM contracts WHERE {head} AND +contracts.id IN "
            f"(SELECT rowid FROM {table} WHERE {table} MATCH :q)"), params) or 0) if tail and start else 0
        # The Trash's ids first (ix_contracts_deleted_at): with LIKE beside it SQLite scans every row.
        trash = select(Contract.id).where(Contract.deleted_at.is_not(None)).scalar_subquery()
        trashed = int(session.scalar(select(func.count(Contract.id)).where(
            Contract.id.in_(trash), list_words.like(word))) or 0)
        return tail + start - both - trashed
    return session.scalar(select(func.count(Contract.id)).where(*_where(session, query))) or 0


def _walk(session: Session, statement: Select, budget: float) -> list[Any] | None:
    """``statement``'s rows, or None when it runs past ``budget`` seconds of CPU (interrupted; SQLite)."""
    raw = session.connection().connection.driver_connection
    assert raw is not None  # a live pysqlite connection
    # CPU time of this thread, not wall time: on a busy machine the walk must not give up for want
    # of the CPU (the index read it falls back to costs far more: 1.4 s for 服务 at 1M).
    deadline = time.thread_time() + budget
    raw.set_progress_handler(lambda: int(time.thread_time() > deadline), 2000)
    try:
        return list(session.execute(statement))
    except OperationalError as exc:
        if "interrupt" not in str(exc.orig):
            raise
        return None
    finally:
        raw.set_progress_handler(None, 0)


def page(session: Session, query: ListQuery, offset: int, limit: int, *, total: int | None = None,
         after: int | None = None, before: int | None = None,
         version: Callable[[], int] | None = None) -> list[ContractRow]:
    """The rows at positions ``offset`` … ``offset + limit - 1`` of the list, in display order.

    Hints from a caller that holds pages already (``services.register.list_seek``: no long ``OFFSET``):
    ``total`` — the list's count: a page in the second half is read in the reversed order from the
    end; ``after`` — the id of the contract at ``offset - 1``: the page is the rows after it in the
    order; ``before`` — the id of the contract at ``offset + limit``: the rows before it. A hint that
    no longer holds (the contract gone) is ignored; one gone stale by an edit shifts the page as an
    edit between two ``OFFSET`` pages would. ``version`` — the store's change counter
    (``services.store.data_version``; a server's snapshot is asked instead): a far page of an unfiltered
    list is found from the order's sample (``sample``) while the store is in the sampled state."""
    if limit <= 0:
        return []
    anchor = after if after is not None else before
    if anchor is not None:
        found = session.execute(select(_sort_key(session, query), Contract.contract_no)
                                .where(Contract.id == anchor)).first()
        if found is not None:
            reverse = after is None
            rows = _seek(session, query, tuple(found), 0, limit, reverse=reverse)
            return in_force_rows(session, rows[::-1] if reverse else rows, query.day())
    if version is not None and offset >= SKIP_MIN:
        sampled = _sampled(session, query, offset, limit, version)
        if sampled is not None:
            return in_force_rows(session, sampled, query.day())
    reverse = False
    if total is not None and total - offset - limit < offset:
        # Nearer the end: the same rows, counted from the end in the reversed order.
        reverse = True
        limit = min(limit, total - offset)
        offset = max(0, total - offset - limit)
        if limit <= 0:
            return []
    rows = _rows(session, query, offset, limit, reverse=reverse)
    return in_force_rows(session, rows[::-1] if reverse else rows, query.day())


#: From this ``OFFSET`` on, an unfiltered page is found by a skip over the sort key's index alone.
SKIP_MIN = 5000


def _rows(session: Session, query: ListQuery, offset: int, limit: int, *, reverse: bool) -> list[ContractRow]:
    """``limit`` rows from ``offset`` in the order (reversed when ``reverse``), not yet in force."""
    walkable = query.sort in WALKABLE or (query.sort == "status" and _stored_status(session, query))
    split = _split(session, query)
    if offset >= SKIP_MIN and walkable and not _filtered(query):
        # The row just before the page by the index alone (no row read), then the live rows after it,
        # skipping those the Trash holds at or before it (few, found by ix_contracts_deleted_at).
        # PostgreSQL, a key that may be NULL: the keyed rows and the others each by their index.
        key = _sort_key(session, query)
        order = list_seek.order_by(key, descending=query.descending, nullable=query.sort in NULLABLE,
                                   reverse=reverse, split=split)
        skip = offset - 1
        for part in list_seek.start_parts(key, nullable=True, reverse=reverse) if split else [true()]:
            found = session.execute(select(key, Contract.contract_no).where(part).order_by(*order)
                                    .offset(skip).limit(1)).first()
            if found is not None:
                return _after_row(session, query, tuple(found), limit, reverse=reverse)
            skip -= session.scalar(select(func.count()).select_from(Contract).where(part)) or 0
    if offset >= list_prefix.SKIP_MIN and walkable and _alone(query) and (exact := _prefix(session, query)):
        # One word starting every hit's key: the row before the page by the range's index entries alone,
        # then the hits after it, skipping as many of the range's entries at or before it as are no hit.
        anchor = list_prefix.entry_at(session, *exact, offset - 1, descending=query.descending, reverse=reverse)
        if anchor is not None:
            skip = list_prefix.non_hits(session, *exact, anchor, descending=query.descending, reverse=reverse)
            return _seek(session, query, anchor, skip, limit, reverse=reverse)
    if split:
        parts = list_seek.start_parts(_sort_key(session, query), nullable=True, reverse=reverse)
        return _in_parts(session, query, parts, offset, limit, reverse=reverse, split=True)
    return _plain(session, query, offset, limit, reverse=reverse, extra=[])


def _after_row(session: Session, query: ListQuery, row: tuple[Any, ...], limit: int, *,
               reverse: bool) -> list[ContractRow]:
    """``limit`` live rows after ``row`` (key, number; position ``offset - 1`` counting the Trash too),
    skipping as many as the Trash holds at or before it (few, found by ``ix_contracts_deleted_at``)."""
    key = _sort_key(session, query)
    value, number = row
    sqlite = session.get_bind().dialect.name == "sqlite"
    in_trash: ColumnElement[bool] = Contract.deleted_at.is_not(None)
    if sqlite:  # unlikely(): with an empty Trash ANALYZE rates the index useless: a scan of 1M rows, 0.9 s
        in_trash = func.unlikely(in_trash)
    trashed = session.scalar(select(func.count(Contract.id)).where(in_trash, list_seek.at_or_before(
        key, value, number, descending=query.descending, nullable=query.sort in NULLABLE, reverse=reverse,
        hide=sqlite))) or 0
    return _seek(session, query, (value, number), int(trashed), limit, reverse=reverse)


def sample_wanted(query: ListQuery, count: int) -> bool:
    """True when ``query``'s list of ``count`` contracts is unfiltered and ≥ ``list_sample.SAMPLE_MIN``."""
    return not _filtered(query) and count >= list_sample.SAMPLE_MIN


def _sample_order(session: Session, query: ListQuery) -> Hashable | None:
    """The key of ``query``'s order among the samples (``list_sample``), or None where a far page is
    not found from a sample: a filter, a sort key with no index of its own (a status derived for
    another day, terms in force other than the stored ones)."""
    if _filtered(query):
        return None
    if query.sort not in WALKABLE and not (query.sort == "status" and _stored_status(session, query)):
        return None
    if isinstance(_sort_key(session, query), Case):
        return None
    return (query.sort, query.descending, query.day())


def sample(session: Session, query: ListQuery, *, version: Callable[[], int],
           cancelled: Callable[[], bool] = lambda: False) -> bool:
    """Take the sample of ``query``'s order (``list_sample.walk``: ~1 s of the worker at 1M contracts)
    unless not sampled or taken for the store's state (``list_sample.state``: ``version()`` on SQLite,
    the snapshot on a server); True when a sample for the current state is kept."""
    order = _sample_order(session, query)
    if order is None:
        return False
    state = list_sample.state(session, version)
    if list_sample.lookup(session.get_bind().engine, order, state()) is not None:
        return True
    return list_sample.walk(session, order, _sort_key(session, query), descending=query.descending,
                            nullable=query.sort in NULLABLE, version=state, cancelled=cancelled) is not None


def _sampled(session: Session, query: ListQuery, offset: int, limit: int,
             version: Callable[[], int]) -> list[ContractRow] | None:
    """The page at ``offset`` from the order's sample; None without one for the store's state (then
    or by the time the page was read)."""
    order = _sample_order(session, query)
    if order is None:
        return None
    if not list_sample.taken(session.get_bind().engine, order):
        return None
    state = list_sample.state(session, version)
    kept = list_sample.lookup(session.get_bind().engine, order, state())
    if kept is None:
        return None
    key = _sort_key(session, query)
    found = list_sample.row_at(session, key, kept, offset - 1, descending=query.descending,
                               nullable=query.sort in NULLABLE)
    if found is None:
        return None
    rows = _after_row(session, query, found, limit, reverse=False)
    return rows if state() == kept.version else None


def _split(session: Session, query: ListQuery) -> bool:
    """True where the rows with and without a key are read apart (``list_seek.order_by``'s ``split``):
    PostgreSQL, a key that may be NULL."""
    return query.sort in NULLABLE and session.get_bind().dialect.name == "postgresql"


def _seek(session: Session, query: ListQuery, anchor: tuple[Any, ...], skip: int, limit: int, *,
          reverse: bool) -> list[ContractRow]:
    """``limit`` rows of the list after the row ``anchor`` (its sort key, contract number) in the
    order (reversed when ``reverse``), the first ``skip`` of them left out."""
    key = _sort_key(session, query)
    value, number = anchor
    parts = list_seek.after_parts(key, value, number, descending=query.descending,
                                  nullable=query.sort in NULLABLE, reverse=reverse)
    return _in_parts(session, query, parts, skip, limit, reverse=reverse, split=_split(session, query))


def _in_parts(session: Session, query: ListQuery, parts: list[ColumnElement[bool]], skip: int, limit: int, *,
              reverse: bool, split: bool) -> list[ContractRow]:
    """``limit`` rows of ``parts`` (conditions whose rows follow each other in the order), the first
    ``skip`` left out; ``split``: each part holds only NULL keys or none (no NULLS clause needed)."""
    rows: list[ContractRow] = []
    for part in parts:
        found = _plain(session, query, skip, limit - len(rows), reverse=reverse, extra=[part], split=split)
        if not found and skip:
            # The part holds at most ``skip`` rows: skip them, then go on with the next part.
            skip -= session.scalar(select(func.count(Contract.id)).where(*_where(session, query), part)) or 0
            skip = max(skip, 0)
            continue
        skip = 0
        rows.extend(found)
        if len(rows) >= limit:
            break
    return rows


def _plain(session: Session, query: ListQuery, offset: int, limit: int, *, reverse: bool,
           extra: list[ColumnElement[bool]], split: bool = False) -> list[ContractRow]:
    """The page by ``LIMIT``/``OFFSET`` (with the ``extra`` conditions), its plan chosen by the filter."""
    plan = list_words.plan(session, query.text)
    walkable = query.sort in WALKABLE or (query.sort == "status" and _stored_status(session, query))
    fewest = list_words.fewest(session, plan, DRIVE_MAX + 1) if plan.indexed() and not plan.confirm else None
    if fewest == 0:
        return []  # a word no contract holds (物业服务项目合同 at 1M: its phrase read once, not twice)
    # A word by its trigram cover finds at most CONFIRM_MAX contracts: read them from the index.
    if fewest is not None and fewest > DRIVE_MAX and walkable:
        bounded = bool(plan.heads) and query.sort == "contract_no"
        prefixed = _prefix_words(session, query)
        # A first page whose word's range lies far down the order: the proof before any walk.
        early = bool(prefixed) and not extra and not offset and not _near(session, query, prefixed, reverse)
        ranged = _prefix(session, query, prefixed) if early else None
        # With a bound to start from, the walk from the start of the order gets a shorter try.
        found = _walk(session, _page_statement(
            session, query, offset, limit, indexed=False, hide=False, reverse=reverse, split=split,
            extra=extra if ranged is None else [*extra, list_prefix.starting(*ranged)]),
            HEAD_WALK_BUDGET if bounded else WALK_BUDGET)
        if found is None and bounded:
            # The hits cluster far down the number order: walk from the first number that may be one.
            bound = list_words.number_bound(session, plan, down=query.descending != reverse)
            if bound is not None:
                found = _walk(session, _page_statement(session, query, offset, limit, indexed=False, hide=False,
                                                       reverse=reverse, extra=[*extra, bound], split=split),
                              WALK_BUDGET)
        if found is None and prefixed and not early:
            # Every hit's key may start with a word (a city sorted by title): its range of the key's index.
            ranged = _prefix(session, query, prefixed)
            if ranged is not None:
                found = _walk(session, _page_statement(
                    session, query, offset, limit, indexed=False, hide=False, reverse=reverse, split=split,
                    extra=[*extra, list_prefix.starting(*ranged)]), WALK_BUDGET)
        if found is not None:
            return [ContractRow(*row) for row in found]
    elif (fewest is None and plan == list_words.Plan() and (prefixed := _prefix_words(session, query))
          and (extra or offset or not _near(session, query, prefixed, reverse))):
        # No index of ours (PostgreSQL): the server walks the proved range instead of every row — unless
        # the first page's walk from the order's start meets a word's range at once.
        ranged = _prefix(session, query, prefixed)
        extra = extra if ranged is None else [*extra, list_prefix.starting(*ranged)]
    hide = _filtered(query) and session.get_bind().dialect.name == "sqlite"
    statement = _page_statement(session, query, offset, limit, indexed=True, hide=hide, reverse=reverse, extra=extra,
                                split=split)
    return [ContractRow(*row) for row in session.execute(statement)]


def _prefix_words(session: Session, query: ListQuery) -> list[str]:
    """The filter's words that start the sort key of some contract (``list_prefix.candidates``); none
    when the key is not the stored column (terms in force for another day than the stored one)."""
    if query.sort not in list_prefix.PREFIX_SORTS or not query.text.split():
        return []
    key = _sort_key(session, query)
    return [] if isinstance(key, Case) else list_prefix.candidates(session, query.text.lower().split(), query.sort, key)


def _near(session: Session, query: ListQuery, words: list[str], reverse: bool) -> bool:
    """True when a walk from the start of the order meets one of ``words``' ranges at once
    (``list_prefix.near_start``)."""
    key = _sort_key(session, query)
    down = query.descending != reverse
    return any(list_prefix.near_start(session, key, word, down=down) for word in words)


def _prefix(session: Session, query: ListQuery, words: list[str] | None = None,
            ) -> tuple[ColumnElement[Any], str] | None:
    """(sort key, word) when every hit's key starts with the word (``list_prefix.proved``, of
    ``words`` or the filter's candidates); None otherwise."""
    words = _prefix_words(session, query) if words is None else words
    if not words:
        return None
    key = _sort_key(session, query)
    found = list_prefix.proved(session, words, query.sort, key,
                               lambda word: count(session, ListQuery(text=word, today=query.today)))
    return None if found is None else (key, found)


def _alone(query: ListQuery) -> bool:
    """True for a filter of one word alone: with ``_prefix`` proved, the list is the live contracts of
    the word's range holding it (counted and skipped by the key's index, ``list_prefix.non_hits``)."""
    return len(query.text.split()) == 1 and not query.problems_only and not query.unsigned_only


def _page_statement(session: Session, query: ListQuery, offset: int, limit: int, *,
                    indexed: bool, hide: bool, reverse: bool = False,
                    extra: list[ColumnElement[bool]] | None = None, split: bool = False) -> Select:
    """The page's SELECT; ``hide``: sort the hits instead of walking the sort key's index;
    ``reverse``: in the reversed order; ``extra``: more conditions (a keyset seek)."""
    key = _sort_key(session, query)
    if hide:
        # A filter keeps few rows: scanning them and sorting the hits beats walking the sort
        # index and fetching rows at random. Unary + keeps the order but hides the index
        # (SQLite's idiom; PostgreSQL's planner weighs this itself and has no unary + on text).
        key = UnaryExpression(key, operator=operators.custom_op("+"), type_=key.type)
    # NULLS LAST only where a key may be NULL: SQLite cannot walk an index for it otherwise.
    order = list_seek.order_by(key, descending=query.descending, nullable=query.sort in NULLABLE, reverse=reverse,
                               split=split)
    conditions = _where(session, query, indexed=indexed) + list(extra or ())
    if hide:
        # Sort the hits by their keys alone, then read the page's columns (the signed copy's
        # subquery, the status) for its rows only, not for each of thousands of hits
        # (华信信息科技有限公司 at 1M: 65 → 50 ms).
        chosen = select(Contract.id).where(*conditions).order_by(*order).limit(limit).offset(offset)
        conditions = [Contract.id.in_(chosen.scalar_subquery())]
        offset = 0
    terms = _terms(session, query)
    statement: Select = select(
        Contract.id, Contract.contract_no, terms["title"], terms["counterparty"], terms["total_amount"],
        terms["start_date"], terms["end_date"], terms["status"], Contract.next_due,
        Contract.problem_level, SIGNED,
    ).where(*conditions).order_by(*order).limit(limit).offset(offset)
    return statement


def position(session: Session, query: ListQuery, contract_id: int) -> int | None:
    """The row at which the list shows ``contract_id``; None when the filter hides it or it is gone.

    Counts the rows ordered before it, with the order of ``page`` (NULL keys last either way,
    then contract number in the same direction).
    """
    conditions = _where(session, query)
    key = _sort_key(session, query)
    found = session.execute(
        select(key, Contract.contract_no).where(Contract.id == contract_id, *conditions)).first()
    if found is None:
        return None
    value, number = found
    ranged = _prefix(session, query) if value is not None else None
    if ranged is not None and _alone(query):
        # The word's range before the row, by the key's index alone, less its entries that are no hit.
        return list_prefix.before(session, *ranged, (value, number), descending=query.descending)
    earlier_no = Contract.contract_no > number if query.descending else Contract.contract_no < number
    if value is None:
        before = or_(key.is_not(None), and_(key.is_(None), earlier_no))
    else:
        earlier_key = key > value if query.descending else key < value
        before = or_(earlier_key, and_(key == value, earlier_no))
    if ranged is not None and list_prefix.few_before(session, *ranged, (value, number), descending=query.descending):
        # More words or filters, the row early in the range: the range's rows before it, each tested.
        conditions = _where(session, query, indexed=False)
        before = and_(list_seek.after_parts(key, value, number, descending=query.descending, nullable=False,
                                            reverse=True)[0], list_prefix.starting(*ranged))
    earlier = session.scalar(select(func.count(Contract.id)).where(*conditions, before)) or 0
    return int(earlier)

