"""The sampled jump (``services.register.list_sample`` through ``listing.page``, issue 17): a far page of
an unfiltered list found from every ``stride``-th entry of the order holds the rows of the whole id list
at those positions, for every sort key and direction, Trash and rows without a key included; a sample
taken before a write is never used after it; a walk told to stop keeps nothing."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models.contract import Contract
from services.register import contracts, list_sample, list_seek, listing, trash
from services.register.contract_data import ContractData, PartyData
from services.store import Store, data_version

WORDS = ("服务", "采购", "物业", "网络")


def _save(session: Any, rng: random.Random, n: int) -> int:
    data = ContractData(contract_no=f"SA-{rng.randrange(10 ** 6):06d}-{n:03d}",
                        title=f"{rng.choice(WORDS)}{rng.choice(WORDS)}合同",
                        total_amount=Decimal(rng.choice(["1.00", "25.50", "1000.00"])))
    if n % 4:  # a quarter without dates: last by term and status, either way
        data.sign_date = data.start_date = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(5))
        data.end_date = data.start_date + dt.timedelta(days=rng.choice([30, 365]))
    data.parties = [PartyData(role="甲方", name=rng.choice(["财政局", "教育局"])),
                    PartyData(role="乙方", name=rng.choice(["华信", "中科", "恒通"]))]
    return contracts.save(session, data)


@pytest.fixture
def filled(store: Store) -> Store:
    """90 contracts with many ties, a quarter without dates, 8 in the Trash."""
    rng = random.Random(23)
    with store.session(write=True) as session:
        ids = [_save(session, rng, n) for n in range(90)]
        for contract_id in ids[5::11]:
            trash.move_to_trash(session, contract_id)
    return store


@pytest.fixture(autouse=True)
def _no_samples_left(store: Store, monkeypatch: pytest.MonkeyPatch) -> Any:
    """No sample outlives its test. On a server the state is pinned to the register's own change
    counter (its newest history id): the real one, the server's snapshot, also moves with the other
    test workers' databases, and a sample would seldom survive (``test_the_server_state_…`` tests it)."""
    if store.backend is not None:
        monkeypatch.setattr(list_sample, "server_state", lambda _session: data_version(store))
    yield
    list_sample.forget(store.engine)


ROW_AT = list_sample.row_at
ORIGINAL_SERVER_STATE = list_sample.server_state


def _used(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Records what ``list_sample.row_at`` found (a sampled jump took place)."""
    found: list[Any] = []
    row_at = ROW_AT

    def spy(*args: Any, **kwargs: Any) -> Any:
        found.append(row_at(*args, **kwargs))
        return found[-1]

    monkeypatch.setattr(list_sample, "row_at", spy)
    return found


@pytest.mark.both_stores  # on PostgreSQL the state is the server's snapshot (version is not asked)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sort=st.sampled_from(contracts.LIST_COLUMNS), descending=st.booleans(), stored_day=st.booleans(),
       stride=st.integers(1, 12), offset=st.integers(1, 90), limit=st.integers(1, 40))
def test_a_sampled_jump_gives_the_rows_of_the_list(
    filled: Store, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool, stored_day: bool,
    stride: int, offset: int, limit: int,
) -> None:
    list_sample.forget(filled.engine)
    today = dt.date.today() if stored_day else dt.date(2026, 1, 20)  # stored status, or derived
    query = listing.ListQuery(sort=sort, descending=descending, today=today)
    monkeypatch.setattr(listing, "SKIP_MIN", 1)
    monkeypatch.setattr(list_sample, "STRIDE", stride)
    found = _used(monkeypatch)
    version = lambda: data_version(filled)  # noqa: E731
    with filled.session() as session:
        ids = contracts.search_ids(session, text="", sort=sort, descending=descending, today=today)
        sampled = listing.sample(session, query, version=version)
        got = [row.id for row in listing.page(session, query, offset, limit, total=len(ids), version=version)]
    assert got == ids[offset:offset + limit]
    # Derived status (another day) has no index to walk: no sample, the plain plan.
    assert sampled == (sort != "status" or stored_day)
    assert bool(found) == sampled


@pytest.mark.both_stores
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", ["contract_no", "term", "next_due"])
def test_the_entries_are_the_order_at_every_stride(filled: Store, sort: str, descending: bool) -> None:
    query = listing.ListQuery(sort=sort, descending=descending)
    with filled.session() as session:
        key = listing._sort_key(session, query)
        order = list_seek.order_by(key, descending=descending, nullable=sort in listing.NULLABLE)
        every = [tuple(row) for row in session.execute(select(key, Contract.contract_no).order_by(*order))]
        sample = list_sample.walk(session, "test", key, descending=descending, nullable=sort in listing.NULLABLE,
                                  version=list_sample.state(session, lambda: data_version(filled)), stride=7)
    assert sample is not None
    assert sample.total == len(every) == 90  # the Trash counted too, as the index holds it
    assert list(sample.entries) == every[::7]
    with filled.session() as session:
        for position in (0, 1, 6, 7, 8, 50, 89):
            assert list_sample.row_at(session, key, sample, position, descending=descending,
                                      nullable=sort in listing.NULLABLE) == every[position]
        assert list_sample.row_at(session, key, sample, 90, descending=descending,
                                  nullable=sort in listing.NULLABLE) is None


@pytest.mark.both_stores
@pytest.mark.parametrize("change", ["add", "trash", "restore"])
def test_a_sample_taken_before_a_write_is_not_used(filled: Store, monkeypatch: pytest.MonkeyPatch,
                                                   change: str) -> None:
    query = listing.ListQuery(sort="term", descending=True)
    monkeypatch.setattr(listing, "SKIP_MIN", 1)
    monkeypatch.setattr(list_sample, "STRIDE", 5)
    version = lambda: data_version(filled)  # noqa: E731
    with filled.session() as session:
        assert listing.sample(session, query, version=version)
    with filled.session(write=True) as session:
        if change == "add":
            for n in range(6):
                _save(session, random.Random(n), 200 + n)
        else:
            live = contracts.search_ids(session, text="", sort="term", descending=True)
            if change == "trash":
                for contract_id in live[:9]:
                    trash.move_to_trash(session, contract_id)
            else:
                for contract_id in session.scalars(select(Contract.id).where(Contract.deleted_at.is_not(None))):
                    trash.restore(session, contract_id)
    found = _used(monkeypatch)
    with filled.session() as session:
        ids = contracts.search_ids(session, text="", sort="term", descending=True)
        for offset in (3, 40, len(ids) - 10):
            got = [row.id for row in listing.page(session, query, offset, 20, total=len(ids), version=version)]
            assert got == ids[offset:offset + 20]
    assert found == []  # the stale sample was left alone: the pages came by OFFSET
    with filled.session() as session:  # a new sample for the new state is used again
        assert listing.sample(session, query, version=version)
        got = [row.id for row in listing.page(session, query, 40, 20, total=len(ids), version=version)]
    assert got == ids[40:60] and found


@pytest.mark.both_stores
def test_a_walk_told_to_stop_keeps_nothing(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_sample, "STRIDE", 5)  # 18 steps: told to stop at the fourth
    query = listing.ListQuery(sort="title")
    steps = iter(range(100))
    with filled.session() as session:
        assert not listing.sample(session, query, version=lambda: data_version(filled),
                                  cancelled=lambda: next(steps) >= 3)
        state = list_sample.state(session, lambda: data_version(filled))()
        assert list_sample.lookup(filled.engine, ("title", False, query.day()), state) is None


def test_a_walk_during_a_write_keeps_nothing(filled: Store) -> None:  # SQLite: the counter given
    versions = iter(range(100))  # a counter that moves at every look: a commit during the walk
    with filled.session() as session:
        assert not listing.sample(session, listing.ListQuery(), version=lambda: next(versions))
        assert list_sample.lookup(filled.engine, ("contract_no", False, dt.date.today()), 2) is None


@pytest.mark.both_stores
def test_only_an_unfiltered_list_is_sampled(filled: Store) -> None:
    with filled.session() as session:
        assert listing.sample(session, listing.ListQuery(), version=lambda: 1)
        assert not listing.sample(session, listing.ListQuery(text="服务"), version=lambda: 1)
        assert not listing.sample(session, listing.ListQuery(problems_only=True), version=lambda: 1)
    assert not listing.sample_wanted(listing.ListQuery(), list_sample.SAMPLE_MIN - 1)
    assert listing.sample_wanted(listing.ListQuery(), list_sample.SAMPLE_MIN)
    assert not listing.sample_wanted(listing.ListQuery(text="x"), list_sample.SAMPLE_MIN)


@pytest.mark.both_stores
def test_the_server_state_moves_with_every_commit(store: Store) -> None:
    if store.backend is None:
        pytest.skip("PostgreSQL only: an SQLite file's state is its change counter")
    with store.session() as session:
        before = ORIGINAL_SERVER_STATE(session)
    with store.session(write=True) as session:
        _save(session, random.Random(1), 1)
    with store.session() as session:
        assert ORIGINAL_SERVER_STATE(session) != before
