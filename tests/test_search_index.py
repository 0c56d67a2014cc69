"""The list filter's trigram index gives exactly the rows of a plain ``LIKE`` (issue 18).

A generated store with titles and party names over Chinese, Latin (both cases) and the
characters LIKE treats specially; every term, 1 to 6 characters, answered by ``search_ids``
and by the list's pages (``listing``: FTS5 trigrams for 3+ characters, the character/pair index
for 1–2, each page read from the index or by walking the sort index) and by a plain
``LIKE '%term%' ESCAPE`` over ``search_text``: the same ids in the same order.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from models.contract import Contract
from services.register import contracts, list_words, listing, search_index
from services.register.contract_data import ContractData, PartyData
from services.store import Store

ALPHABET = "政务云服务北京市生态环境监测中心红十字会ABCabcXyz019%_\\-. "


def _text(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(length)).strip() or "合同"


@pytest.fixture
def filled(store: Store) -> Store:
    rng = random.Random(18)
    with store.session(write=True) as session:
        for n in range(150):
            data = ContractData(contract_no=f"SRCH-{n:03d}", title=_text(rng, 12),
                                total_amount=Decimal(rng.choice(["1.00", "25.50", "1000.00"])))
            if n % 3:  # some without dates: they sort last by term and are drafts
                data.sign_date = data.start_date = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300))
                data.end_date = data.start_date + dt.timedelta(days=rng.choice([30, 365]))
            data.parties = [PartyData(role="甲方", name=_text(rng, 8)), PartyData(role="乙方", name=_text(rng, 8))]
            contracts.save(session, data)
    return store


def plain_like(store: Store, term: str) -> list[int]:
    """The floor: every word as ``LIKE '%word%'`` over the lower-cased search text."""
    query = select(Contract.id).where(Contract.deleted_at.is_(None))
    for word in term.lower().split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Contract.search_text.like(f"%{escaped}%", escape="\\"))
    with store.session() as session:
        return list(session.scalars(query.order_by(Contract.contract_no)))


def test_the_index_is_there_and_used(filled: Store) -> None:
    with filled.session() as session:
        assert search_index.present(session)
        plan = " ".join(str(row) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH '\"政务云\"'")))
    assert "VIRTUAL TABLE INDEX" in plan


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # read-only use
@given(data=st.data())
def test_every_term_gives_the_rows_of_like(filled: Store, data: st.DataObject) -> None:
    with filled.session() as session:
        texts = list(session.scalars(select(Contract.search_text)))
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, max(0, len(source) - 1)))
    length = data.draw(st.integers(1, 6))
    fragment = source[start:start + length]
    term = data.draw(st.sampled_from([fragment, fragment.upper(), f"{fragment} 云", "%", "_", "\\", "a_c", "0%"]))
    with filled.session() as session:
        found = contracts.search_ids(session, text=term)
    assert found == plain_like(filled, term)


def _listed(store: Store, term: str, sort: str = "contract_no", descending: bool = False) -> tuple[int, list[int]]:
    """The list's count and every row id for ``term``, read as pages of 25."""
    query = listing.ListQuery(text=term, sort=sort, descending=descending, today=dt.date(2026, 6, 1))
    with store.session() as session:
        total = listing.count(session, query)
        ids: list[int] = []
        while page := listing.page(session, query, len(ids), 25):
            ids.extend(row.id for row in page)
    return total, ids


#: Every way a filtered page is read: from the index (few hits), by walking the sort index
#: (many hits), and the walk cut short by its time budget (then from the index after all).
PLANS = {"index": {}, "walk": {"DRIVE_MAX": 0},
         "walk cut short": {"DRIVE_MAX": 0, "WALK_BUDGET": -1.0, "HEAD_WALK_BUDGET": -1.0}}


@pytest.mark.parametrize("plan", PLANS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_lists_pages_give_the_rows_of_like(filled: Store, plan: str, data: st.DataObject) -> None:
    """1- and 2-character terms (Chinese, Latin in either case, ``%``, ``_``, ``\\``) and longer ones,
    one or two words, read through ``listing`` as the window does: count and pages equal LIKE."""
    with filled.session() as session:
        texts = list(session.scalars(select(Contract.search_text)))
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, max(0, len(source) - 1)))
    fragment = source[start:start + data.draw(st.integers(1, 4))]
    term = data.draw(st.sampled_from([
        fragment, fragment.upper(), f"{fragment} 云", f"云务 {fragment}", "%", "_", "\\", "%_", "a_", "\\%",
        "政", "务云", "Ab", "aB", "x", "Z", "0%", "不在", "云 b"]))
    sort = data.draw(st.sampled_from(contracts.LIST_COLUMNS))
    descending = data.draw(st.booleans())
    with pytest.MonkeyPatch.context() as patch:
        for name, value in PLANS[plan].items():
            patch.setattr(listing, name, value)
        total, ids = _listed(filled, term, sort, descending)
    expected = plain_like(filled, term)
    assert total == len(expected)
    assert sorted(ids) == expected
    with filled.session() as session:
        assert ids == contracts.search_ids(session, text=term, sort=sort, descending=descending,
                                           today=dt.date(2026, 6, 1))


def test_short_words_use_their_index_and_skip_the_trash(filled: Store) -> None:
    """A 1–2 character word is one token lookup in ``contracts_grams``; the Trash is left out of the count."""
    with filled.session() as session:
        plan = " ".join(str(row) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT rowid FROM contracts_grams WHERE contracts_grams MATCH :q"),
            {"q": search_index.gram_phrase("云")}))
    assert "VIRTUAL TABLE INDEX" in plan
    before = plain_like(filled, "云")
    assert before and _listed(filled, "云")[0] == len(before)
    with filled.session(write=True) as session:
        session.execute(text("UPDATE contracts SET deleted_at = '2026-01-01 00:00:00' WHERE id = :id"),
                        {"id": before[0]})
    assert _listed(filled, "云") == (len(before) - 1, before[1:])


def test_edits_and_deletes_reach_the_index(filled: Store) -> None:
    with filled.session(write=True) as session:
        first = contracts.load_by_no(session, "SRCH-000")
        first.title = "独一无二的标题"
        contracts.save(session, first, contract_id=contracts.search_ids(session, text="srch-000")[0])
    with filled.session() as session:
        assert contracts.search_ids(session, text="独一无二") != []
        assert _listed(filled, "独一")[1] == _listed(filled, "二的")[1] == plain_like(filled, "独一") != []
        session.execute(text("DELETE FROM contracts WHERE contract_no = 'SRCH-000'"))
        assert contracts.search_ids(session, text="独一无二") == []
        count = session.scalar(text("SELECT count(*) FROM contracts_grams WHERE contracts_grams MATCH :q"),
                               {"q": search_index.gram_phrase("独一")})
        assert count == 0


def test_a_table_rebuild_gets_its_triggers_back(filled: Store) -> None:
    """A batch migration recreating ``contracts`` drops the triggers: ``ensure`` rebuilds them and the index."""
    with filled.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER contracts_fts_update"))
        connection.execute(text("DROP TRIGGER contracts_grams_update"))
        connection.execute(text(
            "UPDATE contracts SET search_text = 'after the rebuild 翡' WHERE contract_no = 'SRCH-001'"))
        search_index.ensure(connection)
    with filled.session() as session:
        assert search_index.present(session)
        assert contracts.search_ids(session, text="after the rebuild") == plain_like(filled, "after the rebuild") != []
    assert _listed(filled, "翡")[1] == plain_like(filled, "翡") != []


# --- the list as pages (services.register.listing) -----------------------------------------

@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sort=st.sampled_from(contracts.LIST_COLUMNS), descending=st.booleans(),
       term=st.sampled_from(["", "云", "政务", "abc", "a", "%", "srch-01", "北京 c"]),
       offset=st.integers(0, 160), limit=st.integers(1, 60))
def test_pages_count_and_positions_agree_with_the_id_list(
    filled: Store, sort: str, descending: bool, term: str, offset: int, limit: int,
) -> None:
    today = dt.date(2026, 6, 1)
    query = listing.ListQuery(text=term, sort=sort, descending=descending, today=today)
    with filled.session() as session:
        ids = contracts.search_ids(session, text=term, sort=sort, descending=descending, today=today)
        assert listing.count(session, query) == len(ids)
        assert [row.id for row in listing.page(session, query, offset, limit)] == ids[offset:offset + limit]
        for row, contract_id in list(enumerate(ids))[offset:offset + 5]:
            assert listing.position(session, query, contract_id) == row
        hidden = set(session.scalars(select(Contract.id))) - set(ids)
        if hidden:
            assert listing.position(session, query, min(hidden)) is None


# --- long words through their trigram cover (search_index.cover_phrase) --------------------

def test_the_cover_of_a_word() -> None:
    """Every third trigram and the last one, each once: a superset of the word's texts."""
    assert search_index.cover_phrase("华信信息科技有限公司") == '"华信信" AND "息科技" AND "有限公" AND "限公司"'
    assert search_index.cover_phrase("gzcg-2024") == '"gzc" AND "g-2" AND "024"'
    assert search_index.cover_phrase("aaaaaaa") == '"aaa"'  # repeated trigrams once
    assert search_index.cover_phrase('ab"cde') == '"ab""" AND "cde"'


#: Few letters, so texts repeat trigrams (``abab…``, ``华信华信``) and hold a cover's trigrams apart
#: (``…华信信…息科技…`` without ``华信信息科技``): the cover's false hits that ``LIKE`` must drop.
REPEATS = "ab华信息-"


@pytest.fixture
def repetitive(store: Store) -> Store:
    rng = random.Random(1818)
    with store.session(write=True) as session:
        for n in range(120):
            title = "".join(rng.choice(REPEATS) for _ in range(rng.randrange(6, 30)))
            if n % 4 == 0:
                title = rng.choice(["aaaaaaaa", "abababab", "华信华信华信", "信息信息-信息信息"]) + title
            contracts.save(session, ContractData(contract_no=f"REP-{n:03d}", title=title, total_amount=Decimal("1.00"),
                                                 parties=[PartyData(role="甲方", name="华信信息科技有限公司")
                                                          if n % 5 == 0 else PartyData(role="甲方", name="某某")]))
        session.execute(text("UPDATE contracts SET deleted_at = '2026-01-01 00:00:00' WHERE contract_no = 'REP-005'"))
    return store


#: The rarest trigram's path, the cover's and a part's (few hits, confirmed by LIKE) and the phrase path
#: (each judged to find too many).
COVERS = {"rarest": {"RAREST_FACTOR": 10**9, "SUPERSETS": ("rarest",)}, "cover": {"SUPERSETS": ("cover",)},
          "part": {"SUPERSETS": ("part",)}, "phrase": {"CONFIRM_MAX": -1}}


@pytest.mark.parametrize("cover", COVERS)
@pytest.mark.parametrize("plan", PLANS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_long_words_and_repeated_trigrams_give_the_rows_of_like(
    repetitive: Store, plan: str, cover: str, data: st.DataObject,
) -> None:
    """Words of 6 to 20 characters (fragments of the texts, words of one repeated trigram, words
    whose cover's trigrams a text holds apart), alone or with another word, through ``listing``."""
    with repetitive.session() as session:
        texts = list(session.scalars(select(Contract.search_text)))
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, max(0, len(source) - 6)))
    fragment = source[start:start + data.draw(st.integers(6, 20))]
    term = data.draw(st.sampled_from([
        fragment, fragment.upper(), f"{fragment} 信", f"ab {fragment}", "aaaaaa", "aaaaaaaaa", "ababab",
        "abababa", "华信华信华信", "信息信息信息", "华信信息科技有限公司", "华信信息科技有限公司 rep-01",
        "信息-信息信息", "bababababababa"]))
    sort = data.draw(st.sampled_from(contracts.LIST_COLUMNS))
    descending = data.draw(st.booleans())
    patches = {**PLANS[plan], **COVERS[cover]}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(list_words, "_COUNTS", list_words._COUNTS.__class__())
        for name, value in patches.items():
            owner = {"CONFIRM_MAX": search_index, "RAREST_FACTOR": list_words, "SUPERSETS": list_words}
            patch.setattr(owner.get(name, listing), name, value)
        total, ids = _listed(repetitive, term, sort, descending)
        with repetitive.session() as session:
            query = listing.ListQuery(text=term, sort=sort, descending=descending, today=dt.date(2026, 6, 1))
            positions = [listing.position(session, query, contract_id) for contract_id in ids[:3]]
    expected = plain_like(repetitive, term)
    assert total == len(expected)
    assert sorted(ids) == expected
    assert positions == list(range(len(positions)))
    with repetitive.session() as session:
        assert ids == contracts.search_ids(session, text=term, sort=sort, descending=descending,
                                           today=dt.date(2026, 6, 1))


def test_a_long_word_with_few_hits_goes_by_its_cover(repetitive: Store) -> None:
    """The cover's false hits (its trigrams apart in a text) are there, and ``LIKE`` drops them."""
    word = "华信信息科技有限公司"
    with repetitive.session() as session:
        cover = search_index.cover_phrase(word)
        found = set(session.scalars(text("SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH :q"), {"q": cover}))
        plan = list_words.plan(session, word)
        rare = sorted((session.scalar(text("SELECT count(*) FROM contracts_fts WHERE contracts_fts MATCH :q"),
                                      {"q": search_index.fts_phrase(word[n:n + 3])}), word[n:n + 3])
                      for n in range(len(word) - 2))[0]
    looked_up = cover if rare[0] > list_words.RAREST_FACTOR * len(found) else search_index.fts_phrase(rare[1])
    assert plan.sources == ((search_index.TABLE, looked_up),) and plan.confirm == (word,) and not plan.heads
    assert set(plain_like(repetitive, word)) <= found
    scattered = "华信信-a息科技b有限公司"  # the cover's trigrams, not the word
    with repetitive.session(write=True) as session:
        added = contracts.save(session, ContractData(contract_no="REP-X", title=scattered,
                                                     total_amount=Decimal("1.00")))
        assert added in set(session.scalars(
            text("SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH :q"), {"q": cover}))
    expected = plain_like(repetitive, word)
    assert added not in expected
    assert _listed(repetitive, word) == (len(expected), expected)
    assert _listed(repetitive, scattered) == (1, [added])


# --- words at the start of the text: the head's index (revision 0024) ------------------------

#: Characters around the edges of code point order (the head's upper bound is the word with its last
#: character made the next one: U+D7FF's next is U+E000, U+10FFFF has none).
EDGES = "ab\ud7ff\ue000\U0010ffff"


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(EDGES, max_size=20), min_size=1, max_size=12),
       word=st.text(EDGES, min_size=1, max_size=19))
def test_the_heads_range_is_exactly_the_texts_starting_with_the_word(texts: list[str], word: str) -> None:
    """``head_range`` on SQLite's ``BINARY`` order against Python's ``startswith``, words shorter and
    longer than the head (``HEAD_CHARS``), ending in the last code point or before the surrogates."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE contracts (id INTEGER PRIMARY KEY, search_text TEXT, contract_no TEXT)")
    db.executemany("INSERT INTO contracts (search_text, contract_no) VALUES (?, '')", [(t,) for t in texts])
    db.execute(f"CREATE INDEX {search_index.HEAD_INDEX} ON contracts "
               f"(substr(search_text, 1, {search_index.HEAD_CHARS}), contract_no)")
    condition, params = search_index.head_range(word, "w")
    found = [row[0] for row in db.execute(f"SELECT search_text FROM contracts WHERE {condition} ORDER BY id", params)]
    assert found == [t for t in texts if t.startswith(word)]
    plan = " ".join(str(row) for row in db.execute(f"EXPLAIN QUERY PLAN SELECT id FROM contracts WHERE {condition}",
                                                     params))
    assert search_index.HEAD_INDEX in plan


@pytest.fixture
def numbered(store: Store) -> Store:
    """Numbers of a few shapes (their prefixes are the words), some repeated in titles further on."""
    rng = random.Random(24)
    with store.session(write=True) as session:
        for n in range(160):
            year = 2020 + n % 7
            number = rng.choice([f"GZCG-{year}-{n:04d}", f"gzcg-{year}-{n:04d}", f"SZ{year}{n:03d}", f"ab-{n:03d}"])
            title = rng.choice(["物业服务", f"见 gzcg-{year}", f"续 {number}", "abab", "gzcg"]) + _text(rng, 4)
            contracts.save(session, ContractData(contract_no=number, title=title, total_amount=Decimal(n + 1),
                                                 parties=[PartyData(role="甲方", name=_text(rng, 5))]))
        session.execute(text("UPDATE contracts SET deleted_at = '2026-01-01 00:00:00' WHERE id % 11 = 0"))
    return store


#: Every plan of a page with a head word: from the index, walking the sort index, the walk cut short
#: (then from the index), and the walk cut short only from the start of the order (then from the
#: bound of the number order, ``list_words.number_bound``, for a sort by number).
HEAD_PLANS = {**PLANS, "walk from the bound": {"DRIVE_MAX": 0}}


@pytest.mark.parametrize("plan", HEAD_PLANS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_words_at_the_start_of_the_text_give_the_rows_of_like(numbered: Store, plan: str,
                                                                data: st.DataObject) -> None:
    """Prefixes of the contract numbers (the head's index and the tail's trigrams), alone or with
    another word, every sort, through ``listing`` (count, pages, positions) and ``search_ids``."""
    with numbered.session() as session:
        texts = list(session.scalars(select(Contract.search_text)))
    source = data.draw(st.sampled_from(texts))
    fragment = source[:data.draw(st.integers(3, 20))]
    term = data.draw(st.sampled_from([fragment, fragment.upper(), f"{fragment} 物业", f"ab {fragment}",
                                      "gzcg-2024", "gzcg", "gzcg-2021-00", "sz2022", "ab-", "ab-00"]))
    sort = data.draw(st.sampled_from(contracts.LIST_COLUMNS))
    descending = data.draw(st.booleans())
    real_walk = listing._walk
    walks: list[int] = []

    def first_walk_fails(session: object, statement: object, budget: float) -> object:
        walks.append(1)
        return None if len(walks) % 2 else real_walk(session, statement, budget)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        for name, value in HEAD_PLANS[plan].items():
            patch.setattr(listing, name, value)
        if plan == "walk from the bound":
            patch.setattr(listing, "_walk", first_walk_fails)
        total, ids = _listed(numbered, term, sort, descending)
        with numbered.session() as session:
            query = listing.ListQuery(text=term, sort=sort, descending=descending, today=dt.date(2026, 6, 1))
            positions = [listing.position(session, query, contract_id) for contract_id in ids[:3]]
    expected = plain_like(numbered, term)
    assert total == len(expected)
    assert sorted(ids) == sorted(expected)
    assert positions == list(range(len(positions)))
    with numbered.session() as session:
        assert ids == contracts.search_ids(session, text=term, sort=sort, descending=descending,
                                           today=dt.date(2026, 6, 1))


def test_a_number_prefix_is_walked_from_its_bound(numbered: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """``gzcg-2024``: texts start with it (the head) and hold it further on (titles ``见 gzcg-2024``,
    ``续 …``); the walk from the start of the number order is cut short, the one from the smallest
    number among both succeeds, and gives LIKE's first rows; a text holding the word twice counts once."""
    word = "gzcg-2024"
    with numbered.session(write=True) as session:
        twice = contracts.save(session, ContractData(contract_no="gzcg-2024-twice", title="又 gzcg-2024",
                                                     total_amount=Decimal("1.00")))
    expected = plain_like(numbered, word)
    assert twice in expected
    query = listing.ListQuery(text=word, today=dt.date(2026, 6, 1))
    real_walk = listing._walk
    statements: list[str] = []

    def first_walk_fails(session: object, statement: object, budget: float) -> object:
        statements.append(str(statement))
        return None if len(statements) == 1 else real_walk(session, statement, budget)  # type: ignore[arg-type]

    monkeypatch.setattr(listing, "DRIVE_MAX", 0)
    monkeypatch.setattr(search_index, "CONFIRM_MAX", -1)  # the phrase, as for 142,857 hits at 1M
    monkeypatch.setattr(listing, "_walk", first_walk_fails)
    with numbered.session() as session:
        plan = list_words.plan(session, query.text)
        assert [head for head, _match in plan.heads] == [word] and not plan.sources
        assert listing.count(session, query) == len(expected)
        rows = listing.page(session, query, 0, 5)
        ordered = contracts.search_ids(session, text=word)
    assert len(statements) == 2 and "contract_no >=" in statements[1]
    assert [row.id for row in rows] == ordered[:5] and sorted(ordered) == sorted(expected)


def test_a_store_at_0022_upgrades_to_the_head_and_tail_indexes(numbered: Store) -> None:
    """Revision 0024 on a store of 0022 (the whole text in an external-content trigram index): the
    tail's contentless index and the head's index, the same rows for every kind of word."""
    from services.store import current_revision, head_revision, open_store
    from tests.store_revisions import downgrade_to

    terms = ["gzcg-2024", "gzcg", "sz2021", "物业服务", "ab-01", "gzcg-2024 物业"]
    before = {term: plain_like(numbered, term) for term in terms}
    numbered.close()
    downgrade_to(numbered.path, "0022")
    old = open_store(numbered.path, target="0022")
    with old.engine.connect() as connection:
        ddl = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'contracts_fts'")).scalar()
        indexes = set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
    assert "content='contracts'" in ddl and search_index.HEAD_INDEX not in indexes
    old.close()
    store = open_store(numbered.path)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.session() as session:
            assert search_index.present(session)
            ddl = session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'contracts_fts'")).scalar()
            assert "content=''" in ddl
            # The tail: no number's first character (every text starts with its number).
            assert session.scalar(text("SELECT count(*) FROM contracts_fts WHERE contracts_fts MATCH '\"gzc\"'")) == \
                session.scalar(text("SELECT count(*) FROM contracts WHERE search_text LIKE '_%gzc%'"))
        for term in terms:
            assert before[term] == plain_like(store, term)
            total, ids = _listed(store, term)
            assert (total, sorted(ids)) == (len(before[term]), sorted(before[term]))
    finally:
        store.close()


def test_a_write_in_the_same_session_is_seen_by_the_next_plan(numbered: Store) -> None:
    """The plan (which words some text starts with) is kept for a session's reads, not past its writes."""
    query = listing.ListQuery(text="zzq-1", today=dt.date(2026, 6, 1))
    with numbered.session(write=True) as session:
        assert listing.count(session, query) == 0 and not list_words.plan(session, query.text).heads
        added = contracts.save(session, ContractData(contract_no="ZZQ-100", title="新", total_amount=Decimal("1.00")))
        assert [head for head, _match in list_words.plan(session, query.text).heads] == ["zzq-1"]
        assert listing.count(session, query) == 1
        assert [row.id for row in listing.page(session, query, 0, 40)] == [added]
