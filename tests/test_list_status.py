"""The list's stored status (revision 0017, issue 18): derived by triggers on every write, moved
to a new day touching only the contracts whose status flips, used for the status sort when its day
is the list's day, and the same order as the derived ``CASE`` either way. The upgrade from 0014
fills it and the 1–2 character index on a store that already holds contracts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from models.contract import Contract
from services.register import contracts, list_status, listing, search_index
from services.register.contract_data import ContractData, PartyData
from services.store import Store, current_revision, head_revision, open_store

DAY = dt.date(2026, 6, 1)


def _contract(number: str, end: dt.date | None, *, signed: bool = True, status: str | None = None) -> ContractData:
    data = ContractData(contract_no=number, title=f"物业服务 {number}", total_amount=Decimal("100.00"), status=status)
    data.start_date = dt.date(2026, 1, 1)
    data.end_date = end
    data.sign_date = dt.date(2025, 12, 1) if signed else None
    data.parties = [PartyData(role="甲方", name="某局"), PartyData(role="乙方", name="某公司")]
    return data


@pytest.fixture
def dated(store: Store) -> Store:
    """Contracts ending on either side of DAY and DAY + 10, a draft, a terminated one, an open end."""
    with store.session(write=True) as session:
        for number, end in (("A-1", DAY - dt.timedelta(days=1)), ("A-2", DAY), ("A-3", DAY + dt.timedelta(days=5)),
                            ("A-4", DAY + dt.timedelta(days=10)), ("A-5", None), ("A-6", DAY + dt.timedelta(days=40))):
            contracts.save(session, _contract(number, end))
        contracts.save(session, _contract("B-1", DAY - dt.timedelta(days=3), signed=False))
        contracts.save(session, _contract("B-2", DAY + dt.timedelta(days=3), status="terminated"))
        list_status.refresh(session, DAY)
    return store


def _stored(store: Store) -> dict[str, str]:
    with store.session() as session:
        rows = session.execute(text("SELECT contract_no, list_status FROM contracts ORDER BY contract_no"))
        return dict(rows.all())


def _derived(store: Store, day: dt.date) -> dict[str, str]:
    with store.session() as session:
        rows = session.execute(select(Contract.contract_no, contracts.status_expr(day)).order_by(Contract.contract_no))
        return dict(rows.all())


def test_the_stored_status_is_the_derived_one_for_its_day(dated: Store) -> None:
    assert _stored(dated) == _derived(dated, DAY)
    assert _stored(dated)["A-1"] == "completed" and _stored(dated)["A-2"] == "active"
    assert _stored(dated)["B-1"] == "draft" and _stored(dated)["B-2"] == "terminated"


def test_a_day_change_touches_only_the_contracts_whose_status_flips(dated: Store) -> None:
    later = DAY + dt.timedelta(days=8)
    with dated.session(write=True) as session:
        assert list_status.refresh(session, later) == 2  # end in [DAY, later); B-2 is terminated
    assert _stored(dated) == _derived(dated, later)
    with dated.session(write=True) as session:
        assert list_status.refresh(session, later) == 0  # the same day again: nothing to do
        assert list_status.stored_day(session) == later
        assert list_status.refresh(session, DAY) == 2  # the clock set back: back again
    assert _stored(dated) == _derived(dated, DAY)


def test_writes_keep_it_through_the_triggers(dated: Store) -> None:
    with dated.session(write=True) as session:
        contract_id = session.scalar(select(Contract.id).where(Contract.contract_no == "A-4"))
        data = contracts.load(session, contract_id)
        data.end_date = DAY - dt.timedelta(days=30)
        contracts.save(session, data, contract_id=contract_id)
        session.execute(text("UPDATE contracts SET status = 'terminated' WHERE contract_no = 'A-6'"))
        session.execute(text(
            "INSERT INTO contracts (contract_no, title, currency, total_amount, counterparty, search_text, sign_date)"
            " VALUES ('C-1', 'plain sqlite', 'CNY', 1, '', 'c-1 plain sqlite', '2026-01-01')"))
    stored = _stored(dated)
    assert stored == _derived(dated, DAY)
    assert (stored["A-4"], stored["A-6"], stored["C-1"]) == ("completed", "terminated", "active")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("term", ["", "物业", "a-"])
def test_the_status_sort_reads_the_column_on_its_day_and_matches_the_case(
    dated: Store, descending: bool, term: str,
) -> None:
    query = listing.ListQuery(text=term, sort="status", descending=descending, today=DAY)
    with dated.session() as session:
        key = listing._sort_key(session, query)
        assert "list_status" in str(key)  # the stored column, not the CASE
        ids = contracts.search_ids(session, text=term, sort="status", descending=descending, today=DAY)
        assert [row.id for row in listing.page(session, query, 0, 100)] == ids
        assert [listing.position(session, query, i) for i in ids] == list(range(len(ids)))
        other_day = listing.ListQuery(text=term, sort="status", descending=descending, today=DAY + dt.timedelta(1))
        assert "list_status" not in str(listing._sort_key(session, other_day))
        plan = " ".join(str(row) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM contracts ORDER BY list_status, contract_no LIMIT 40")))
    assert "ix_contracts_list_status_no" in plan and "TEMP B-TREE" not in plan


def test_opening_on_a_new_day_moves_it(dated: Store) -> None:
    dated.close()
    reopened = open_store(dated.path)
    try:
        with reopened.session() as session:
            assert list_status.stored_day(session) == dt.date.today()
        assert _stored(reopened) == _derived(reopened, dt.date.today())
    finally:
        reopened.close()


def test_a_store_at_0014_upgrades_with_its_contracts_indexed(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0014")
    with old.engine.begin() as connection:
        for number, end in (("OLD-1", "2020-01-01"), ("OLD-2", "2999-01-01")):
            connection.execute(text(
                "INSERT INTO contracts (contract_no, title, currency, total_amount, counterparty, search_text,"
                " sign_date, end_date) VALUES (:no, '翠湖物业', 'CNY', 1, '', :search, '2019-01-01', :end)"),
                {"no": number, "search": f"{number.lower()} 翠湖物业", "end": end})
    old.close()
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert _stored(store) == {"OLD-1": "completed", "OLD-2": "active"}
        with store.session() as session:
            assert search_index.present(session)
            for term, found in (("翠", 2), ("湖物", 2), ("d-1", 1), ("x", 0)):
                assert listing.count(session, listing.ListQuery(text=term)) == found
    finally:
        store.close()
