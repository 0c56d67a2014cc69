"""Keyset pages of the list (``services.register.list_seek`` through ``listing.page``): whatever way a
page is reached — plain ``OFFSET``, reversed from the end, after or before a neighbouring page's
contract, or skipped to over the sort key's index — it holds the rows of the whole id list at
those positions (issue 17: no long ``OFFSET`` at 1,000,000 contracts)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.register import contracts, listing, trash
from services.register.contract_data import ContractData, PartyData
from services.store import Store

WORDS = ("服务", "采购", "物业", "网络")


@pytest.fixture
def filled(store: Store) -> Store:
    """90 contracts with many ties (few titles, totals and dates), some without dates, 8 in the Trash."""
    rng = random.Random(17)
    with store.session(write=True) as session:
        ids = []
        for n in range(90):
            data = ContractData(contract_no=f"PG-{rng.randrange(10 ** 6):06d}-{n:02d}",
                                title=f"{rng.choice(WORDS)}{rng.choice(WORDS)}合同",
                                total_amount=Decimal(rng.choice(["1.00", "25.50", "1000.00"])))
            if n % 4:  # a quarter without dates: last by term and status, either way
                data.sign_date = data.start_date = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(5))
                data.end_date = data.start_date + dt.timedelta(days=rng.choice([30, 365]))
            data.parties = [PartyData(role="甲方", name=rng.choice(["财政局", "教育局"])),
                            PartyData(role="乙方", name=rng.choice(["华信", "中科", "恒通"]))]
            ids.append(contracts.save(session, data))
        for contract_id in ids[5::11]:
            trash.move_to_trash(session, contract_id)
    return store


@pytest.mark.both_stores  # the seek is dialect SQL (PostgreSQL reads the rows without a key apart)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sort=st.sampled_from(contracts.LIST_COLUMNS), descending=st.booleans(),
       term=st.sampled_from(["", "", "服务", "华信 网络"]), stored_day=st.booleans(),
       offset=st.integers(0, 90), limit=st.integers(1, 40),
       how=st.sampled_from(["offset", "total", "after", "before", "skip", "skip total"]))
def test_every_way_to_a_page_gives_the_same_rows(
    filled: Store, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool, term: str, stored_day: bool,
    offset: int, limit: int, how: str,
) -> None:
    today = dt.date.today() if stored_day else dt.date(2026, 1, 20)  # stored status, or derived
    query = listing.ListQuery(text=term, sort=sort, descending=descending, today=today)
    monkeypatch.setattr(listing, "SKIP_MIN", 1 if how.startswith("skip") else 10 ** 9)
    with filled.session() as session:
        ids = contracts.search_ids(session, text=term, sort=sort, descending=descending, today=today)
        expected = ids[offset:offset + limit]
        hints: dict[str, int] = {}
        if how in ("total", "skip total"):
            hints["total"] = len(ids)
        elif how == "after" and 0 < offset <= len(ids):
            hints["after"] = ids[offset - 1]
        elif how == "before" and offset + limit < len(ids):
            hints["before"] = ids[offset + limit]
        got = [row.id for row in listing.page(session, query, offset, limit, **hints)]
    assert got == expected


@pytest.mark.both_stores
def test_a_hint_whose_contract_is_gone_is_ignored(filled: Store) -> None:
    query = listing.ListQuery(sort="term")
    with filled.session() as session:
        ids = contracts.search_ids(session, sort="term")
        assert [row.id for row in listing.page(session, query, 10, 5, after=10 ** 9)] == ids[10:15]
        assert [row.id for row in listing.page(session, query, 10, 5, before=10 ** 9)] == ids[10:15]
        # Past the end, with the count: nothing, or the rows up to the end.
        assert listing.page(session, query, len(ids), 5, total=len(ids)) == []
        assert [row.id for row in listing.page(session, query, len(ids) - 2, 5, total=len(ids))] == ids[-2:]
