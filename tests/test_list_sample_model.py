"""The list model asks for the sample of its order (``listing.sample``) once a long unfiltered list is
counted or sorted, and jumps by it (issue 17); after a write the jump goes by ``OFFSET`` until the
model has taken a new sample (tests run the worker's tasks inline)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from models.contract import Contract
from services.register import contracts, list_sample, listing, trash
from services.store import Store, data_version
from ui.contracts.list_model import COL_TITLE, ContractListModel

TODAY = dt.date(2025, 6, 1)
ROW_AT = list_sample.row_at


@pytest.fixture
def long_list(store: Store, monkeypatch: pytest.MonkeyPatch) -> Any:
    """700 contracts, and the thresholds lowered so that this counts as a long list."""
    rows = [{"contract_no": f"BULK-{n:05d}", "title": f"批量合同 {n % 13}", "currency": "CNY",
             "total_amount": Decimal(n), "counterparty": f"供应商{n % 7}",
             "search_text": f"bulk-{n:05d} 批量合同 {n % 13}", "sign_date": dt.date(2025, 1, 1)}
            for n in range(700)]
    with store.session() as session:
        session.execute(insert(Contract), rows)
    monkeypatch.setattr(list_sample, "SAMPLE_MIN", 500)
    monkeypatch.setattr(list_sample, "STRIDE", 37)
    monkeypatch.setattr(listing, "SKIP_MIN", 1)
    found: list[Any] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        found.append(ROW_AT(*args, **kwargs))
        return found[-1]

    monkeypatch.setattr(list_sample, "row_at", spy)
    yield found
    list_sample.forget(store.engine)


def _ids(store: Store, sort: str = "contract_no", descending: bool = False) -> list[int]:
    with store.session() as session:
        return contracts.search_ids(session, text="", sort=sort, descending=descending, today=TODAY)


@pytest.mark.usefixtures("synchronous_tasks")
def test_a_long_list_is_sampled_and_jumped_by_it(store: Store, qtbot: object, long_list: list[Any]) -> None:
    model = ContractListModel(store, today=TODAY)
    assert model.rowCount() == 700 and not model.sampling()
    assert list_sample.lookup(store.engine, ("contract_no", False, TODAY), data_version(store)) is not None
    ids = _ids(store)
    assert [model.contract_id(row) for row in range(600, 640)] == ids[600:640]
    assert long_list  # the block at 512 came from the sample (the one at 256 would follow block 0's last row)
    long_list.clear()
    model.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)  # a new order: its own sample
    ids = _ids(store, "title", descending=True)
    assert [model.contract_id(row) for row in range(520, 700)] == ids[520:700]
    assert long_list
    model.set_unsigned_only(True)  # filtered (all 700 without a signed copy): no sample, the list's own plan
    long_list.clear()
    assert model.rowCount() == 700 and model.contract_id(600) == ids[600]
    assert not long_list


@pytest.mark.usefixtures("synchronous_tasks")
def test_after_a_write_the_old_sample_is_not_used(store: Store, qtbot: object, long_list: list[Any]) -> None:
    model = ContractListModel(store, today=TODAY)
    with store.session(write=True) as session:  # another window moves ten contracts to the Trash
        for contract_id in _ids(store)[100:110]:
            trash.move_to_trash(session, contract_id)
    long_list.clear()
    ids = _ids(store)
    with store.session() as session:  # a far page before the change notice has refreshed the list
        got = listing.page(session, listing.ListQuery(today=TODAY), 300, 40, total=690, version=model._version)
    assert [row.id for row in got] == ids[300:340]
    assert not long_list  # by OFFSET: the sample is of the state before the write
    model.refresh()  # the change notice: counted again, sampled again
    assert model.rowCount() == 690
    assert [model.contract_id(row) for row in range(600, 690)] == ids[600:690]
    assert long_list


def test_the_walk_runs_on_the_worker_and_nothing_waits_for_it(store: Store, qtbot: Any,
                                                             long_list: list[Any]) -> None:
    from ui import tasks

    model = ContractListModel(store, today=TODAY)
    qtbot.waitUntil(lambda: not model.counting() and not model.sampling(), timeout=10_000)
    release = threading.Event()
    tasks.submit(lambda: release.wait(10))  # the worker busy: the walk for the new order must queue
    try:
        model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)  # returns without the sample
        assert model.sampling()
        ids = _ids(store, "title")
        long_list.clear()
        assert [model.contract_id(row) for row in range(600, 640)] == ids[600:640]
        assert not long_list  # no sample of this order yet: OFFSET
    finally:
        release.set()
    qtbot.waitUntil(lambda: not model.sampling(), timeout=10_000)
    assert list_sample.lookup(store.engine, ("title", False, TODAY), data_version(store)) is not None
    model._blocks.clear()
    assert [model.contract_id(row) for row in range(600, 640)] == ids[600:640]
    assert long_list


def test_a_new_search_stops_the_walk_before_reading_its_rows(store: Store, qtbot: Any, long_list: list[Any],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk under way checks its token between steps: a keystroke changes it before its first rows
    are read, not after (the walk would take the CPU from them)."""
    model = ContractListModel(store, today=TODAY)
    qtbot.waitUntil(lambda: not model.counting() and not model.sampling(), timeout=10_000)
    token = model._sample_token
    stopped: list[bool] = []
    real = listing.page

    def spy(*args: Any, **kwargs: Any) -> Any:
        stopped.append(model._sample_token is not token)
        return real(*args, **kwargs)

    monkeypatch.setattr(listing, "page", spy)
    model.set_search("批量")
    assert stopped and stopped[0]
