"""The list sorts by the terms in force (issue 16): its stored sort columns (revision 0020,
``services.register.list_terms``) hold the title, total, term and status as amended on the list's day.

Figures by hand (``tests.amendment_cases``): ZFY-2026-001 is signed at 120,000.00 元 ending 2026-06-30;
its amendment 补1 raises the total to 135,000.00 元 and moves the end to 2026-09-30. ZFY-2026-002 is the
same contract at 130,000.00 元, ZFY-2026-003 one at 200,000.00 元 ending 2026-12-31. By total: 001 before
002 while 补1 is not in force (120,000 < 130,000), 002 before 001 from its effective date (130,000 <
135,000). By status on 2026-07-15: 003 is active, 001 (ended 2026-06-30 as signed) completed.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from services.amendments import register as amendments
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.register import contracts, list_query, list_status, list_terms, listing, trash
from services.store import Store, open_store
from tests.amendment_cases import D, amendment, original

EFFECTIVE = D(2026, 8, 1)  # 补1 takes effect after the signed end (2026-06-30)
BEFORE = D(2026, 7, 15)  # the signed term is over: completed as signed, active as amended
FAR = D(2099, 1, 1)  # an effective date still ahead today


def _second() -> object:
    data = copy.deepcopy(original())
    data.contract_no, data.title = "ZFY-2026-002", "政务云资源租用服务（二期）"
    data.total_amount, data.total_in_words = Decimal("130000.00"), "壹拾叁万元整"
    return data


def _third() -> object:
    data = copy.deepcopy(original())
    data.contract_no, data.title, data.end_date = "ZFY-2026-003", "政务外网线路租用", D(2026, 12, 31)
    data.total_amount, data.total_in_words = Decimal("200000.00"), "贰拾万元整"
    return data


def _two(store: Store, effective: dt.date = EFFECTIVE) -> int:
    """The three contracts; 补1 recorded on ZFY-2026-001 with ``effective``. Returns 001's id."""
    item = amendment()
    item.effective_date = effective
    with store.session() as session:
        first = contracts.save(session, original())
        contracts.save(session, _second())
        contracts.save(session, _third())
    with store.session() as session:
        amendments.record(session, first, item, version=1)
    return first


def _order(session: object, day: dt.date, sort: str = "total_amount", *, descending: bool = False) -> list[str]:
    query = listing.ListQuery(sort=sort, today=day, descending=descending)
    rows = listing.page(session, query, 0, 10)  # type: ignore[arg-type]
    assert [listing.position(session, query, row.id) for row in rows] == list(range(len(rows)))  # type: ignore[arg-type]
    return [row.contract_no for row in rows]


def _move(store: Store, day: dt.date) -> None:
    """The day changes: what the store does when it opens on a new day and the list when it notices."""
    with store.session(write=True) as session:
        list_status.refresh(session, day)


def _stored(store: Store) -> dict[str, tuple[int, str, str]]:
    """contract number -> (list_total_amount in fen, list_end_date, list_status or '') as plain SQL reads them."""
    status = "list_status" if store.engine.dialect.name == "sqlite" else "''"
    with store.session() as session:
        rows = session.execute(text(
            f"SELECT contract_no, list_total_amount, list_end_date, {status} FROM contracts ORDER BY contract_no"))
        return {number: (total, str(end), state or "") for number, total, end, state in rows}


@pytest.mark.both_stores
def test_a_raised_total_changes_the_sort_from_its_effective_date_not_before(store: Store) -> None:
    _two(store)
    with store.session() as session:
        assert _order(session, BEFORE) == ["ZFY-2026-001", "ZFY-2026-002", "ZFY-2026-003"]
        assert _order(session, EFFECTIVE) == ["ZFY-2026-002", "ZFY-2026-001", "ZFY-2026-003"]
        assert _order(session, BEFORE, descending=True) == ["ZFY-2026-003", "ZFY-2026-002", "ZFY-2026-001"]
        # The term's end as in force: 001 ended (completed) on BEFORE as signed, active from EFFECTIVE.
        rows = {r.contract_no: r for r in listing.page(session, listing.ListQuery(today=BEFORE), 0, 10)}
        assert (rows["ZFY-2026-001"].end_date, rows["ZFY-2026-001"].status) == (D(2026, 6, 30), "completed")
        assert rows["ZFY-2026-001"].total_amount == Decimal("120000.00")
        assert _order(session, BEFORE, "status") == ["ZFY-2026-003", "ZFY-2026-001", "ZFY-2026-002"]
        rows = {r.contract_no: r for r in listing.page(session, listing.ListQuery(today=EFFECTIVE), 0, 10)}
        assert (rows["ZFY-2026-001"].end_date, rows["ZFY-2026-001"].status) == (D(2026, 9, 30), "active")
        assert _order(session, EFFECTIVE, "status") == ["ZFY-2026-001", "ZFY-2026-003", "ZFY-2026-002"]
        assert _order(session, EFFECTIVE, "status", descending=True) == ["ZFY-2026-002", "ZFY-2026-003",
                                                                          "ZFY-2026-001"]


@pytest.mark.both_stores
def test_the_stored_columns_follow_the_day_change(store: Store) -> None:
    _two(store)
    _move(store, BEFORE)
    stored = _stored(store)
    assert stored["ZFY-2026-001"][:2] == (12000000, "2026-06-30")  # as signed: 补1 not yet in force
    assert stored["ZFY-2026-002"][:2] == (13000000, "2026-06-30")
    with store.session() as session:
        assert list_terms.stored_day(session) == BEFORE
        assert list_query.overrides(session, listing.ListQuery(today=BEFORE)) == {}  # read as stored
        assert "list_total_amount" in str(listing._sort_key(session, listing.ListQuery(sort="total_amount",
                                                                                       today=BEFORE)))
        assert _order(session, BEFORE) == ["ZFY-2026-001", "ZFY-2026-002", "ZFY-2026-003"]
        assert _order(session, BEFORE, "status") == ["ZFY-2026-003", "ZFY-2026-001", "ZFY-2026-002"]
    _move(store, EFFECTIVE)
    stored = _stored(store)
    assert stored["ZFY-2026-001"][:2] == (13500000, "2026-09-30")  # from its effective date: as amended
    with store.session() as session:
        assert list_query.overrides(session, listing.ListQuery(today=EFFECTIVE)) == {}
        assert _order(session, EFFECTIVE) == ["ZFY-2026-002", "ZFY-2026-001", "ZFY-2026-003"]
        assert _order(session, EFFECTIVE, "status") == ["ZFY-2026-001", "ZFY-2026-003", "ZFY-2026-002"]
    if store.engine.dialect.name == "sqlite":
        assert stored["ZFY-2026-001"][2] == "active" and stored["ZFY-2026-002"][2] == "completed"
        _move(store, BEFORE)  # and back (a clock set back): the status in force again
        assert _stored(store)["ZFY-2026-001"][1:] == ("2026-06-30", "completed")


@pytest.mark.both_stores
def test_saving_a_contract_with_a_pending_amendment_keeps_the_terms_in_force(store: Store) -> None:
    first = _two(store, FAR)
    _move(store, dt.date.today())
    with store.session() as session:
        data = contracts.load(session, first)
        data.title = "政务云资源租用服务（改名）"
        contracts.save(session, data, contract_id=first)
    stored = _stored(store)
    assert stored["ZFY-2026-001"][:2] == (12000000, "2026-06-30")
    with store.session() as session:
        [row] = [r for r in listing.page(session, listing.ListQuery(sort="title"), 0, 10) if r.id == first]
        assert row.title == "政务云资源租用服务（改名）" and row.total_amount == Decimal("120000.00")


@pytest.mark.both_stores
def test_a_contract_in_the_trash_is_moved_with_the_day_and_comes_back_as_in_force(store: Store) -> None:
    first = _two(store)
    _move(store, BEFORE)
    with store.session() as session:
        trash.move_to_trash(session, first)
    with store.session() as session:
        assert _order(session, BEFORE) == ["ZFY-2026-002", "ZFY-2026-003"]
    _move(store, EFFECTIVE)  # 补1 takes effect while the contract is in the Trash
    with store.session() as session:
        trash.restore(session, first)
    assert _stored(store)["ZFY-2026-001"][:2] == (13500000, "2026-09-30")
    with store.session() as session:
        assert _order(session, EFFECTIVE) == ["ZFY-2026-002", "ZFY-2026-001", "ZFY-2026-003"]


def test_an_imported_ledger_lists_its_amended_contract_under_the_terms_in_force(tmp_path: Path) -> None:
    source = open_store(tmp_path / "source.db")
    empty = open_store(tmp_path / "empty.db")
    try:
        first = _two(source, FAR)  # 补1 not in force today: 001 is listed at 120,000.00 元
        with source.session() as session:
            export_ledger(session, tmp_path / "ledger")
        import_ledger(empty, tmp_path / "ledger")
        stored = _stored(empty)
        assert stored["ZFY-2026-001"][:2] == (12000000, "2026-06-30")
        with empty.session() as session:
            assert list_query.overrides(session, listing.ListQuery()) == {}
            assert _order(session, dt.date.today()) == ["ZFY-2026-001", "ZFY-2026-002", "ZFY-2026-003"]
            assert _order(session, FAR) == ["ZFY-2026-002", "ZFY-2026-001", "ZFY-2026-003"]
            assert contracts.load(session, first).total_amount == Decimal("135000.00")  # the terms as amended
        # amendments.csv alone, onto a register holding the contracts as signed
        alone = open_store(tmp_path / "alone.db")
        try:
            with alone.session() as session:
                contracts.save(session, original())
                contracts.save(session, _second())
            (tmp_path / "only").mkdir()
            (tmp_path / "only" / "amendments.csv").write_bytes((tmp_path / "ledger" / "amendments.csv").read_bytes())
            import_ledger(alone, tmp_path / "only" / "amendments.csv")
            assert _stored(alone)["ZFY-2026-001"][:2] == (12000000, "2026-06-30")
            with alone.session() as session:
                assert _order(session, dt.date.today()) == ["ZFY-2026-001", "ZFY-2026-002"]
                assert _order(session, FAR) == ["ZFY-2026-002", "ZFY-2026-001"]
        finally:
            alone.close()
    finally:
        source.close()
        empty.close()


def test_sorting_by_a_term_walks_its_index(store: Store) -> None:
    _two(store)
    with store.session() as session:
        for column, index in (("list_total_amount", "ix_contracts_list_total_no"),
                              ("list_start_date", "ix_contracts_list_start_no"),
                              ("list_title", "ix_contracts_list_title_no")):
            plan = " ".join(str(row) for row in session.execute(text(
                f"EXPLAIN QUERY PLAN SELECT id FROM contracts ORDER BY {column}, contract_no LIMIT 40")))
            assert index in plan and "TEMP B-TREE" not in plan, plan


def test_a_store_at_0018_upgrades_with_its_amended_contracts_in_force(tmp_path: Path) -> None:
    from tests.test_amendments_migration import saved_at_old_revision

    path = tmp_path / "old.db"
    open_store(path, target="0018").close()
    first = saved_at_old_revision(tmp_path, path)
    old = open_store(path, target="0018")
    try:
        with old.session() as session:  # 补1 recorded at 0018, not yet in force
            item = amendment()
            item.effective_date = FAR
            amendments.record(session, first, item, version=1)
    finally:
        old.close()
    store = open_store(path)
    try:
        stored = _stored(store)
        assert stored["ZFY-2026-001"][:2] == (12000000, "2026-06-30")
        with store.session() as session:
            assert list_terms.stored_day(session) == dt.date.today()
            [row] = listing.page(session, listing.ListQuery(), 0, 10)
        assert (row.total_amount, row.pending) == (Decimal("120000.00"), (amendment().amendment_no, FAR))
    finally:
        store.close()
