"""A word at the start of many titles, the list sorted by title: the range of the title's index (issue 18).

``services.register.list_prefix`` proves by counts that every hit of a word has its sort key (title or
suppliers, the terms in force) starting with the word, and the list's pages then walk that range of the
key's index. A generated store holds words where the proof must hold (``珠海``: some in the Trash, one
whose pending amendment renames it away; ``xyz``: Latin, one case) and words where it must not (``广州``:
also a party's name elsewhere; ``东莞``: a pending amendment renames a ``佛山`` contract to it, the title in
force stays ``佛山``; ``abc``: titles in either case). Whatever the proof says, the count, every page (by
offset, after and before a row, from the end) and the positions are those of a plain ``LIKE`` over the
search text, ordered by the list's key in force and the contract number.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, text

from models.contract import Contract
from services.amendments import register as amendments
from services.amendments.changes import AmendmentData, diff
from services.register import contracts, list_prefix, list_status, list_terms, listing
from services.register.contract_data import ContractData, PartyData
from services.store import Store

DAY = dt.date(2026, 6, 1)
CITIES = ("珠海市", "广州市", "东莞市", "佛山市", "xyz城", "abc城", "ABC城")
WORDS = ("服务", "采购", "运维", "印刷")


def _contract(n: int, rng: random.Random) -> ContractData:
    city = CITIES[n % len(CITIES)]
    data = ContractData(contract_no=f"TS-{n:04d}", title=f"{city}{rng.choice(WORDS)}项目{rng.randrange(100)}",
                        total_amount=Decimal(n + 1), sign_date=DAY - dt.timedelta(days=30),
                        start_date=DAY - dt.timedelta(days=30), end_date=DAY + dt.timedelta(days=300))
    suppliers = ["珠江贸易有限公司", "上海同创有限公司", "华信科技有限公司"]
    supplier = suppliers[1] if n == 11 else rng.choice(suppliers)
    buyer = {0: "深圳市某局",  # renamed away below: then no 珠海 in its text
             9: "广州市财政局",  # a 广州市 party on a 东莞 contract: 广州 elsewhere
             11: "华信大厦管理处"}.get(n, f"{city}某局")  # 华信 elsewhere than the suppliers
    data.parties = [PartyData(role="甲方", name=buyer), PartyData(role="乙方", name=supplier)]
    return data


def _renamed(store: Store, contract_id: int, title: str, number: str) -> None:
    """An amendment, effective after DAY, that gives the contract ``title`` (pending on DAY)."""
    with store.session() as session:
        before = contracts.load(session, contract_id)
        after = copy.deepcopy(before)
        after.title = title
        item = AmendmentData(amendment_no=number, sign_date=DAY, effective_date=DAY + dt.timedelta(days=60),
                             text="更名", changes=diff(before, after))
        amendments.record(session, contract_id, item, version=1)


@pytest.fixture
def cities(store: Store) -> Store:
    rng = random.Random(26)
    with store.session(write=True) as session:
        ids = [contracts.save(session, _contract(n, rng)) for n in range(84)]
    # A 珠海 contract renamed away (its title in force stays 珠海…, its search text no longer holds 珠海),
    # and a 佛山 one renamed to 东莞 (a hit of 东莞 whose title in force is not in 东莞's range).
    _renamed(store, ids[0], "深圳市改名项目", "TS-0000-补1")
    _renamed(store, ids[3 * len(CITIES) + 3], "东莞市改名项目", "TS-佛山-补1")
    with store.session(write=True) as session:
        list_status.refresh(session, DAY)  # the list's columns for DAY: the key is the stored column
        session.execute(text("UPDATE contracts SET deleted_at = '2026-01-01 00:00:00' WHERE id IN (:a, :b)"),
                        {"a": ids[7], "b": ids[14]})  # two 珠海 contracts in the Trash
        session.execute(text("UPDATE contracts SET problem_level = 1 WHERE id % 3 = 0"))
    return store


def _expected(store: Store, term: str, sort: str, descending: bool, problems_only: bool) -> list[int]:
    """The floor: every word as a substring of the lower-cased search text, ordered in Python (code
    point order) by the list's key in force and the contract number."""
    column = {"title": list_terms.TITLE, "counterparty": Contract.counterparty}[sort]
    with store.session() as session:
        rows = session.execute(select(Contract.id, Contract.contract_no, column, Contract.search_text,
                                      Contract.problem_level).where(Contract.deleted_at.is_(None))).all()
    kept = [row for row in rows if all(word in row.search_text for word in term.lower().split())
            and (not problems_only or (row.problem_level or 0) > 0)]
    kept.sort(key=lambda row: (row[2] or "", row.contract_no), reverse=descending)
    return [row.id for row in kept]


def _pages(store: Store, query: listing.ListQuery) -> tuple[int, list[int], list[int], list[int], list[int]]:
    """Count; every row by pages of 7 (by offset); by pages after the last row; the last 10 rows read
    from the end (``total``); and the positions of the first 5 rows."""
    with store.session() as session:
        total = listing.count(session, query)
        by_offset: list[int] = []
        while page := listing.page(session, query, len(by_offset), 7):
            by_offset.extend(row.id for row in page)
        seeking = [row.id for row in listing.page(session, query, 0, 7)]
        while seeking and (page := listing.page(session, query, len(seeking), 7, after=seeking[-1])):
            seeking.extend(row.id for row in page)
        tail = [row.id for row in listing.page(session, query, max(0, total - 10), 10, total=total)]
        positions = [listing.position(session, query, contract_id) or 0 for contract_id in by_offset[:5]]
    return total, by_offset, seeking, tail, positions


#: (term, sort) -> whether the walk of a word's range is proved (``list_prefix.bound``).
CASES = {
    ("珠海", "title"): True, ("珠海 服务", "title"): True, ("服务 珠海", "title"): True, ("xyz", "title"): True,
    ("XYZ城", "title"): True, ("珠江", "counterparty"): True,
    ("广州", "title"): False, ("东莞", "title"): False, ("abc", "title"): False, ("ABC", "title"): False,
    ("珠江 有限", "counterparty"): True, ("华信", "counterparty"): False, ("珠海", "counterparty"): False,
    ("服务", "title"): False,
}


@pytest.mark.both_stores
@pytest.mark.parametrize(("term", "sort"), list(CASES))
def test_a_word_at_the_start_of_the_key_gives_the_rows_of_like(
    cities: Store, monkeypatch: pytest.MonkeyPatch, term: str, sort: str,
) -> None:
    """Both directions, all contracts and problems only: the rows of LIKE, and the range walked
    exactly where the proof must hold."""
    proved: list[bool] = []
    real = list_prefix.proved

    def spied(*args: Any, **kwargs: Any) -> str | None:
        found = real(*args, **kwargs)
        proved.append(found is not None)
        return found

    monkeypatch.setattr(list_prefix, "proved", spied)
    # Every page as at 1M: many hits (the index is not read), the walk from the order's start cut short.
    monkeypatch.setattr(listing, "DRIVE_MAX", 0)
    # A walk not bounded by a word's range runs out of time (far from the hits), then the range's proof.
    real_walk = listing._walk
    ranged = {"title": "contracts.list_title >= ", "counterparty": "contracts.counterparty >= "}[sort]

    def unbounded_walk_fails(session: Any, statement: Any, budget: float) -> Any:
        return real_walk(session, statement, budget) if ranged in str(statement) else None

    monkeypatch.setattr(listing, "_walk", unbounded_walk_fails)
    monkeypatch.setattr(list_prefix, "NEAR", 0)  # no range counts as near the order's start
    for descending in (False, True):
        for problems_only in (False, True):
            proved.clear()
            query = listing.ListQuery(text=term, sort=sort, descending=descending, problems_only=problems_only,
                                      today=DAY)
            total, by_offset, seeking, tail, positions = _pages(cities, query)
            expected = _expected(cities, term, sort, descending, problems_only)
            assert expected
            assert (total, by_offset, seeking, tail) == (len(expected), expected, expected, expected[-10:])
            assert positions == list(range(len(positions)))
            assert any(proved) is CASES[(term, sort)]
            # Far pages of one word alone by an OFFSET over its range's index entries (from 1,000 rows on);
            # positions of more words or filters far down the range by the filter's own count.
            with monkeypatch.context() as far:
                far.setattr(list_prefix, "SKIP_MIN", 1)
                far.setattr(list_prefix, "FEW_BEFORE", 0)
                assert _pages(cities, query)[1:] == (expected, expected, expected[-10:], positions)


def test_the_proof_counts_the_trash_and_a_title_renamed_away(cities: Store) -> None:
    """珠海: 12 contracts' titles start with it; 2 are in the Trash and 1 (renamed by a pending
    amendment) no longer holds it — 9 hits, all in the range: proved."""
    query = listing.ListQuery(text="珠海", sort="title", today=DAY)
    with cities.session() as session:
        key = listing._sort_key(session, query)
        entries = session.scalar(select(func.count()).select_from(Contract).where(list_prefix.starting(key, "珠海")))
        assert entries == 12
        assert listing.count(session, query) == 9
        assert list_prefix.proved(session, ["珠海"], "title", key, lambda _word: 9) == "珠海"
        assert list_prefix.proved(session, ["服务", "珠海"], "title", key, lambda _word: 10) is None
        # The position of the last of the 9 by the range's entries before it, less the 3 that are no hit.
        last = session.execute(select(list_terms.TITLE, Contract.contract_no).where(
            Contract.id == listing.page(session, query, 8, 1)[0].id)).one()
        assert list_prefix.before(session, key, "珠海", tuple(last), descending=False) == 8


def test_terms_in_force_for_another_day_are_not_walked_by_range(cities: Store,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A day other than the stored one: the key is a CASE over the stored column, no range is offered."""
    monkeypatch.setattr(listing, "DRIVE_MAX", 0)
    query = listing.ListQuery(text="珠海", sort="title", today=DAY + dt.timedelta(days=90))
    with cities.session() as session:
        assert listing._prefix_words(session, query) == []
        ids = [row.id for row in listing.page(session, query, 0, 100)]
    assert sorted(ids) == sorted(_expected(cities, "珠海", "title", False, False))


@pytest.mark.parametrize("word", ["a", "ab\U0010ffff", "\ud7ff", "zz"])
def test_the_range_is_exactly_the_keys_starting_with_the_word(store: Store, word: str) -> None:
    """``starting`` against Python's ``startswith`` around the edges of code point order."""
    titles = ["a", "ab", "ab\U0010ffff", "ab\U0010ffffc", "ac", "\ud7ff", "\ud7ffx", "\ue000", "zz", "zzz", "z"]
    with store.session(write=True) as session:
        for n, title in enumerate(titles):
            contracts.save(session, ContractData(contract_no=f"E-{n}", title=title, total_amount=Decimal(1)))
    with store.session() as session:
        found = set(session.scalars(select(Contract.title).where(list_prefix.starting(list_terms.TITLE, word))))
    assert found == {title for title in titles if title.startswith(word)}


def test_on_postgresql_the_indexs_count_is_never_below_the_hits(pg_store: Store) -> None:
    """``server_hits`` reads the size of the GIN index's bitmap (dead row versions in it too): never
    fewer than the live hits, so it can only make the proof fail; then the rows are counted."""
    with pg_store.session(write=True) as session:
        ids = [contracts.save(session, ContractData(contract_no=f"PG-{n:02d}", title=f"珠海市项目{n}",
                                                    total_amount=Decimal(1))) for n in range(20)]
    query = listing.ListQuery(text="珠海", sort="title")
    with pg_store.session() as session:
        key = listing._sort_key(session, query)
        for word in ("珠海", "珠海市"):  # the grams' index, pg_trgm's
            assert (list_prefix.server_hits(session, word) or 0) >= 20
    with pg_store.session(write=True) as session:  # deleted_at is indexed: new row versions, the old ones dead
        session.execute(text("UPDATE contracts SET deleted_at = '2026-01-01 00:00:00' WHERE id IN (:a, :b)"),
                        {"a": ids[0], "b": ids[1]})
    with pg_store.session() as session:
        assert (list_prefix.server_hits(session, "珠海") or 0) >= 18 == listing.count(session, query)
        found = list_prefix.proved(session, ["珠海"], "title", key, lambda _word: listing.count(session, query))
        assert found == "珠海"
        assert [row.id for row in listing.page(session, query, 0, 40)] == sorted(
            ids[2:], key=lambda i: (f"珠海市项目{ids.index(i)}", f"PG-{ids.index(i):02d}"))


def test_on_postgresql_a_writing_transaction_proves_afresh(pg_store: Store) -> None:
    """The proof is kept per server snapshot, which a transaction's own writes do not move: a session
    that has written neither uses nor keeps one."""
    with pg_store.session(write=True) as session:
        for n in range(6):
            contracts.save(session, ContractData(contract_no=f"W-{n}", title=f"珠海市{n}", total_amount=Decimal(1)))
    query = listing.ListQuery(text="珠海", sort="title")
    with pg_store.session(write=True) as session:
        contracts.save(session, ContractData(contract_no="W-6", title="珠海市6", total_amount=Decimal(1)))
        key = listing._sort_key(session, query)
        assert list_prefix.proved(session, ["珠海"], "title", key, lambda _word: 7) == "珠海"
        contracts.save(session, ContractData(contract_no="W-X", title="深圳市 珠海路", total_amount=Decimal(1)))
        assert list_prefix.proved(session, ["珠海"], "title", key, lambda _word: 8) is None
        assert listing.count(session, query) == 8 == len(listing.page(session, query, 0, 40))
