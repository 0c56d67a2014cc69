"""The list's stored status and its 1–2 character words on both stores (issue 17, revision 0022).

On PostgreSQL ``contracts.list_status`` is kept by the one writer (``list_terms.keep``) instead of
triggers and moved to a new day by ``list_status.refresh``; words of 1–2 characters go by the GIN
index of ``contract_grams(search_text)`` (``services.register.pg_grams``). Either way the list shows
the rows and the order of the derived ``CASE`` and of a plain ``LIKE``, as on SQLite.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pytest
from sqlalchemy import insert, select, text

from models.contract import Contract
from services.register import contracts, list_status, listing, pg_grams
from services.register.contract_data import ContractData, PartyData
from services.store import Store, current_revision, head_revision, open_store

DAY = dt.date(2026, 6, 1)


def _contract(number: str, end: dt.date | None, *, signed: bool = True, status: str | None = None,
              title: str = "物业服务") -> ContractData:
    data = ContractData(contract_no=number, title=f"{title} {number}", total_amount=Decimal("100.00"), status=status)
    data.start_date = dt.date(2026, 1, 1)
    data.end_date = end
    data.sign_date = dt.date(2025, 12, 1) if signed else None
    data.parties = [PartyData(role="甲方", name="翠湖区财政局"), PartyData(role="乙方", name="华信 Gz 公司")]
    return data


@pytest.fixture
def dated(store: Store) -> Store:
    """Contracts ending on either side of DAY and DAY + 10, a draft, a terminated one, an open end."""
    with store.session(write=True) as session:
        for number, end in (("A-1", DAY - dt.timedelta(days=1)), ("A-2", DAY), ("A-3", DAY + dt.timedelta(days=5)),
                            ("A-4", DAY + dt.timedelta(days=10)), ("A-5", None), ("A-6", DAY + dt.timedelta(days=40))):
            title = "网络运维" if number in ("A-2", "A-5") else "物业服务"
            contracts.save(session, _contract(number, end, title=title))
        contracts.save(session, _contract("B-1", DAY - dt.timedelta(days=3), signed=False))
        contracts.save(session, _contract("B-2", DAY + dt.timedelta(days=3), status="terminated"))
        list_status.refresh(session, DAY)
    return store


def _stored(store: Store) -> dict[str, str]:
    with store.session() as session:
        return dict(session.execute(text("SELECT contract_no, list_status FROM contracts ORDER BY contract_no")).all())


def _derived(store: Store, day: dt.date) -> dict[str, str]:
    with store.session() as session:
        rows = session.execute(select(Contract.contract_no, contracts.status_expr(day)).order_by(Contract.contract_no))
        return dict(rows.all())


@pytest.mark.both_stores
def test_the_writer_keeps_the_status_and_a_new_day_moves_it(dated: Store) -> None:
    assert _stored(dated) == _derived(dated, DAY)
    with dated.session(write=True) as session:
        contract_id = session.scalar(select(Contract.id).where(Contract.contract_no == "A-4"))
        data = contracts.load(session, contract_id)
        data.end_date = DAY - dt.timedelta(days=30)
        contracts.save(session, data, contract_id=contract_id)
        other = session.scalar(select(Contract.id).where(Contract.contract_no == "A-6"))
        data = contracts.load(session, other)
        data.status = "terminated"
        contracts.save(session, data, contract_id=other)
        contracts.save(session, _contract("C-1", None, signed=False))
    stored = _stored(dated)
    assert (stored["A-4"], stored["A-6"], stored["C-1"]) == ("completed", "terminated", "draft")
    assert stored == _derived(dated, DAY)
    later = DAY + dt.timedelta(days=8)
    with dated.session(write=True) as session:
        assert list_status.refresh(session, later) == 2  # end in [DAY, later)
        assert list_status.stored_day(session) == later
    assert _stored(dated) == _derived(dated, later)


@pytest.mark.both_stores
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("term", ["", "物业", "翠湖 网"])
def test_the_status_sort_walks_the_stored_column_in_the_order_of_the_case(
    dated: Store, descending: bool, term: str,
) -> None:
    query = listing.ListQuery(text=term, sort="status", descending=descending, today=DAY)
    with dated.session() as session:
        assert "list_status" in str(listing._sort_key(session, query))  # the stored column, not the CASE
        ids = contracts.search_ids(session, text=term, sort="status", descending=descending, today=DAY)
        assert ids
        assert [row.id for row in listing.page(session, query, 0, 100)] == ids
        assert [row.id for row in listing.page(session, query, 2, 3, total=len(ids))] == ids[2:5]
        assert [listing.position(session, query, i) for i in ids] == list(range(len(ids)))
        assert listing.count(session, query) == len(ids)


def test_on_postgresql_the_status_sort_and_short_words_use_their_indexes(pg_store: Store,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Both words taken as rare (the estimate is tested below: the test database's statistics are those
    # of whatever earlier tests left in it).
    monkeypatch.setattr(pg_grams, "rare", lambda _session, _word: True)
    with pg_store.session(write=True) as session:
        for n in range(30):
            title = ("服务", "采购", "物业")[n % 3]
            contracts.save(session, _contract(f"P-{n:02d}", DAY if n % 2 else None, title=title))
    with pg_store.session() as session:
        assert pg_grams.present(session) and list_status.kept(session.connection())
        session.execute(text("SET LOCAL enable_seqscan = off"))  # a table this small would be scanned anyway
        plan = " ".join(str(row[0]) for row in session.execute(text(
            "EXPLAIN SELECT id FROM contracts ORDER BY list_status, contract_no LIMIT 40")))
        assert "ix_contracts_list_status_no" in plan and "Sort" not in plan
        where = listing._where(session, listing.ListQuery(text="翠湖 gz"))
        compiled = " ".join(str(condition) for condition in where)
        # Rare words: the index test, and LIKE (evaluated first, it spares contract_grams() on a walk).
        assert compiled.count("contract_grams") == 2 and compiled.upper().count("LIKE") == 2
        found = select(Contract.id).where(pg_grams.contains("翠湖"))  # the condition as _where writes it
        plan = " ".join(str(row[0]) for row in session.execute(text("EXPLAIN " + str(found.compile(
            session.get_bind(), compile_kwargs={"literal_binds": True})))))
        assert pg_grams.INDEX in plan


def test_on_postgresql_a_common_short_word_is_read_by_like_alone(pg_store: Store) -> None:
    rows = [{"contract_no": f"P-{n:04d}", "title": title, "currency": "CNY", "total_amount": Decimal(1),
             "counterparty": "", "search_text": f"p-{n:04d} {title}"}
            for n in range(2000) for title in [("服务采购", "物业服务", "翠湖公园")[0 if n % 400 else 2] + str(n % 97)]]
    with pg_store.session(write=True) as session:
        session.execute(insert(Contract), rows)
    with pg_store.session() as session:
        session.execute(text("ANALYZE contracts"))  # the planner's statistics of the grams (autovacuum's)
        assert not pg_grams.rare(session, "服务")  # in 99.75 % of the contracts
        assert pg_grams.rare(session, "翠湖")  # in 5 of 2,000
        compiled = " ".join(str(c) for c in listing._where(session, listing.ListQuery(text="服务 翠湖")))
        assert compiled.count("contract_grams") == 1 and compiled.upper().count("LIKE") == 2
        for word, hits in (("服务", 1995), ("翠湖", 5)):
            query = listing.ListQuery(text=word)
            expected = contracts.search_ids(session, text=word)
            assert len(expected) == hits == listing.count(session, query)
            assert [row.id for row in listing.page(session, query, 0, 100)] == expected[:100]


@pytest.mark.both_stores
@pytest.mark.parametrize("term", ["服", "翠湖", "gz", "z", "华信", "湖区 g", "服务 翠湖区", "务 网络", "%", "z g", "x"])
def test_short_words_give_the_rows_of_like(dated: Store, term: str) -> None:
    with dated.session() as session:
        expected = contracts.search_ids(session, text=term)  # every word as LIKE '%word%'
        like = list(session.scalars(select(Contract.id).where(*listing._where(
            session, listing.ListQuery(text=term), indexed=False)).order_by(Contract.contract_no)))
        query = listing.ListQuery(text=term)
        assert [row.id for row in listing.page(session, query, 0, 100)] == expected == like
        assert listing.count(session, query) == len(expected)


def test_a_server_register_at_0020_upgrades_with_its_status_and_short_words_indexed(pg_database: str) -> None:
    from tests import pg_server

    name = f"contractdesk_0020_{os.getpid()}"
    url = pg_server.create_database(name)
    try:
        old = open_store(url, target="0020")
        try:
            with old.session(write=True) as session:
                contracts.save(session, _contract("OLD-1", dt.date(2000, 1, 1)))
                contracts.save(session, _contract("OLD-2", None, signed=False))
        finally:
            old.close()
        upgraded = open_store(url)
        try:
            assert current_revision(upgraded.engine) == head_revision()
            assert _stored(upgraded) == {"OLD-1": "completed", "OLD-2": "draft"}
            with upgraded.session() as session:
                assert list_status.stored_day(session) == dt.date.today()
                assert pg_grams.present(session)
                assert contracts.search_ids(session, text="翠湖") == [
                    row.id for row in listing.page(session, listing.ListQuery(text="翠湖"), 0, 10)]
        finally:
            upgraded.close()
    finally:
        pg_server.drop_database(name)
