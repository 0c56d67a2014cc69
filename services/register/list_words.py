"""How the contract list's filter words are looked up (SQLite with ``search_index``'s indexes).

Split from ``services.register.listing``, which builds the pages and the count from it: the plan of a
filter (``plan``: which index answers each word, which words a superset finds and ``LIKE`` confirms,
which words some text starts with), the capped counts that choose it (``cover_hits``, kept per store:
a stale figure costs time, never a row), the supersets of a long word (``superset``), and what the
pages ask of the plan (``fewest``, ``number_bound``). The rows a plan gives are always exactly those
of ``LIKE '%word%'`` on ``search_text`` for every word (tests/test_search_index.py).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from models.contract import Contract
from services.register import search_index

__all__ = ["BOUND_FEW", "PART_CHARS", "RAREST_FACTOR", "SUPERSETS", "Plan", "cover_hits", "fewest", "like",
           "number_bound", "plan", "starting", "superset"]

#: A word's hits further on than the start of the text (the trigram index) bound the number order's walk
#: when at most this many (their smallest number is read from their rows).
BOUND_FEW = 4000
#: A long word is looked up by its rarest trigram (then confirmed) when that finds at most this many
#: times the contracts its cover finds (``search_index.cover_phrase``), and at most ``CONFIRM_MAX``.
RAREST_FACTOR = 2
#: The supersets of a long word's texts ``superset`` tries, in order.
SUPERSETS = ("rarest", "cover", "part")
#: Characters of the part of a long word looked up as a phrase (``superset``'s ``part``).
PART_CHARS = 5

#: Engine -> {cover expression: how many contracts it finds, at most ``CONFIRM_MAX`` + 1}. Asked by
#: the count and by every page of a keystroke; only the plan depends on it (a figure gone stale by an
#: edit costs time, never a row), so it is kept until the next ``_KEPT_MAX`` words.
_COUNTS: weakref.WeakKeyDictionary[Engine, dict[str, int]] = weakref.WeakKeyDictionary()
_KEPT_MAX = 512


def cover_hits(session: Session, cover: str) -> int:
    """How many contracts ``cover`` (a cover, a trigram) finds in the trigram index, counted up to
    ``CONFIRM_MAX`` + 1 (reads at most that many: ~0.5 ms for a trigram in every contract at 1M)."""
    known = _COUNTS.setdefault(session.get_bind().engine, {})
    if cover not in known:
        if len(known) >= _KEPT_MAX:
            known.clear()
        table = search_index.TABLE
        known[cover] = int(session.scalar(sql_text(
            f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :q LIMIT :cap)"),
            {"q": cover, "cap": search_index.CONFIRM_MAX + 1}) or 0)
    return known[cover]


@dataclass(frozen=True)
class Plan:
    """How the filter's words are found (SQLite with the indexes; all empty otherwise).

    ``sources``: (index table, MATCH expression) of the words found by one index alone — the trigram
    index (words of 3+ characters no contract's text starts with) and the character/pair index
    (1–2 characters); ``heads``: (word, MATCH expression) of the words some text starts with, found by
    the trigram index *and* the head's (``search_index.matching``); ``confirm``: the words whose
    lookup finds more than they hold (by their trigram cover), confirmed by ``LIKE``."""

    sources: tuple[tuple[str, str], ...] = ()
    heads: tuple[tuple[str, str], ...] = ()
    confirm: tuple[str, ...] = ()

    def indexed(self) -> bool:
        """True when the words are looked up in indexes."""
        return bool(self.sources or self.heads)


def starting(session: Session, word: str, cap: int) -> int:
    """How many contracts' ``search_text`` starts with ``word``, counted up to ``cap`` (a range of the
    head's index)."""
    condition, params = search_index.head_range(word)
    return int(session.scalar(sql_text(f"SELECT count(*) FROM (SELECT 1 FROM contracts WHERE {condition} LIMIT :cap)"),
                              {**params, "cap": cap}) or 0)


def superset(session: Session, word: str) -> str | None:
    """A trigram lookup (FTS5 expression) finding at most ``CONFIRM_MAX`` contracts, every text that
    holds ``word`` (6+ characters) from its second character on among them — to be confirmed by
    ``LIKE`` — or None (the word's phrase then). Tried in the order of ``SUPERSETS``:

    * ``rarest``: its rarest trigram alone, when that finds at most ``RAREST_FACTOR`` times the
      cover's hits: one short list (华信信 0.5 ms for 4,935 at 1M, where the cover ANDs four lists
      in 42 ms for the same 4,935);
    * ``cover``: ``search_index.cover_phrase`` (深圳市教育局2021年度网络运维服务: 41 hits, 14 ms);
    * ``part``: the phrase of ``PART_CHARS`` characters from the rarest trigram on: three position
      lists instead of all (物业服务项目合同, no hit: 物业服务项 finds none in a quarter of the time of
      the whole phrase, while no trigram, cover or pair finds under 20,027).

    Each count is capped and kept per store (``cover_hits``): a word typed on shares them with its
    prefixes."""
    cover = search_index.cover_phrase(word)
    grams: dict[str, int] = {}
    for start in range(len(word) - 2):
        grams.setdefault(search_index.fts_phrase(word[start:start + 3]), start)
    rarest = min(sorted(grams), key=lambda gram: cover_hits(session, gram))
    for kind in SUPERSETS:
        if kind == "rarest" and cover_hits(session, rarest) <= min(
                search_index.CONFIRM_MAX, RAREST_FACTOR * cover_hits(session, cover)):
            return rarest
        if kind == "cover" and cover_hits(session, cover) <= search_index.CONFIRM_MAX:
            return cover
        if kind == "part":
            start = min(grams[rarest], len(word) - PART_CHARS)
            part = search_index.fts_phrase(word[start:start + PART_CHARS])
            if cover_hits(session, part) <= search_index.CONFIRM_MAX:
                return part
    return None


def plan(session: Session, text: str) -> Plan:
    """The index lookups of the filter's words — the trigram index for words of 3+ characters (with
    the head's index for those some text starts with), the character/pair index for shorter ones — and
    the words to be confirmed by ``LIKE`` (long words looked up by their trigram cover,
    ``search_index.cover_phrase``, when it finds at most ``CONFIRM_MAX`` contracts). Empty without
    words or indexes. Worked out once per session (one transaction) and filter, again after a write."""
    words = text.lower().split()
    if not words or not search_index.present(session):
        return Plan()
    # Kept for the session's reads; a write on its connection since (total_changes) asks again.
    raw = session.connection().connection.driver_connection
    key = (text, getattr(raw, "total_changes", None))
    known = session.info.setdefault("list_plans", {})
    if key in known:
        return known[key]
    long: list[str] = []
    heads: list[tuple[str, str]] = []
    confirm: list[str] = []
    for word in words:
        if len(word) < search_index.MIN_CHARS:
            continue
        at_start = starting(session, word, max(search_index.CONFIRM_MAX, 0) + 1)
        match = search_index.fts_phrase(word)
        # A superset's hits are confirmed one by one, with the texts starting with the word: few of both.
        if len(word) >= search_index.COVER_MIN and at_start <= search_index.CONFIRM_MAX:
            found = superset(session, word)
            if found is not None:
                match = found
                confirm.append(word)
        if at_start:
            heads.append((word, match))
        else:
            long.append(match)
    short = [search_index.gram_phrase(word) for word in words if len(word) < search_index.MIN_CHARS]
    sources = []
    if long:
        sources.append((search_index.TABLE, " AND ".join(long)))
    if short:
        sources.append((search_index.GRAMS, " AND ".join(short)))
    made = known[key] = Plan(tuple(sources), tuple(heads), tuple(confirm))
    return made


def fewest(session: Session, plan: Plan, cap: int) -> int:
    """The fewest contracts one of ``plan``'s index lookups finds, counted up to ``cap`` (reads at most
    that many each): ``cap`` when every lookup finds that many or more; 0, the filter keeps none."""
    fewest = cap
    limit = {"cap": cap}
    for table, match in plan.sources:
        found = session.scalar(sql_text(
            f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :q LIMIT :cap)"),
            {"q": match, **limit})
        fewest = min(fewest, int(found or 0))
    for word, match in plan.heads:
        sql, params = search_index.matching(word, "w", match)
        found = session.scalar(sql_text(f"SELECT count(*) FROM ({sql} LIMIT :cap)"), {**params, **limit})
        fewest = min(fewest, int(found or 0))
    return fewest


def number_bound(session: Session, plan: Plan, *, down: bool) -> ColumnElement[bool] | None:
    """For the contract number order: a condition every hit of the filter meets, starting the walk at
    the first contract that may be one — the smallest (largest when ``down``) number among the texts
    starting with a word (a range of the head's index: 17 ms for the 142,857 of ``gzcg-2024`` at 1M)
    and among those holding it further on, when the trigram index finds few of those. None when no
    word qualifies. Why: a number's prefix has all its hits in one stretch of the order, which a
    walk from the start reaches only after every contract before it (4/7 of a million)."""
    aggregate = "max" if down else "min"
    bounds: list[str] = []
    table = search_index.TABLE
    for word, match in plan.heads:
        head, params = search_index.head_range(word)
        params.update(q=match, cap=BOUND_FEW + 1)
        tail = session.scalar(sql_text(
            f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :q LIMIT :cap)"), params) or 0
        if tail > BOUND_FEW:
            continue
        found = [session.scalar(sql_text(f"SELECT {aggregate}(contract_no) FROM contracts WHERE {head}"), params)]
        if tail:
            found.append(session.scalar(sql_text(
                f"SELECT {aggregate}(contract_no) FROM contracts WHERE id IN "
                f"(SELECT rowid FROM {table} WHERE {table} MATCH :q)"), params))
        numbers = [number for number in found if number is not None]
        if numbers:
            bounds.append(max(numbers) if down else min(numbers))
    if not bounds:
        return None
    if down:
        return Contract.contract_no <= min(bounds)
    return Contract.contract_no >= max(bounds)


def like(word: str, *, beside_grams: bool = False) -> ColumnElement[bool]:
    """``search_text LIKE '%word%'`` with ``%``, ``_`` and ``\\`` taken literally.

    ``beside_grams``: the word is also asked of PostgreSQL's grams index (``pg_grams.contains``); the
    LIKE is then on ``search_text || ''`` so that pg_trgm does not offer its index for a 1–2 character
    word it cannot narrow (at 1M a BitmapAnd with it read all 1,000,000 rows: 16 s for ``62``)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    text = Contract.search_text.concat("") if beside_grams else Contract.search_text
    return text.like(f"%{escaped}%", escape="\\")
