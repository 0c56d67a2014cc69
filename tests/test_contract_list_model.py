"""The contract list: SQL search and sort through the model, lazy block fetching, the view."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import insert

from models.contract import Contract
from services.register import contracts, listing
from services.register.contract_data import ContractData, InstallmentData, PartyData
from services.store import Store
from ui.contracts.list_model import (
    BLOCK_SIZE,
    COL_COUNTERPARTY,
    COL_NEXT_DUE,
    COL_NUMBER,
    COL_STATUS,
    COL_TERM,
    COL_TITLE,
    COL_TOTAL,
    FIRST_ROWS,
    ContractIdRole,
    ContractListModel,
    SortRole,
)
from ui.contracts.list_view import ContractListView

TODAY = dt.date(2025, 6, 1)
D = dt.date
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _contracts() -> list[ContractData]:
    return [
        ContractData(  # active: signed, ends after TODAY; one paid and one open installment
            contract_no="ZC-2025-003", title="办公设备采购合同", total_amount=Decimal("2738718.50"),
            sign_date=D(2025, 5, 10), start_date=D(2025, 10, 16), end_date=D(2026, 5, 15),
            parties=[PartyData("甲方", "广州市财政局"), PartyData("乙方", "广东华信科技有限公司")],
            installments=[
                InstallmentData(seq=1, percent=Decimal("30"), due_date=D(2025, 10, 20), paid_date=D(2025, 10, 19)),
                InstallmentData(seq=2, percent=Decimal("70"), due_date=D(2025, 11, 1)),
            ],
        ),
        ContractData(  # completed: ended before TODAY
            contract_no="ZC-2025-001", title="物业管理服务合同", total_amount=Decimal("980000.00"),
            sign_date=D(2023, 12, 20), start_date=D(2024, 1, 1), end_date=D(2024, 12, 31),
            parties=[PartyData("甲方", "广州市教育局"), PartyData("乙方", "深圳市安居物业服务有限公司")],
            installments=[InstallmentData(seq=1, amount=Decimal("980000.00"), due_date=D(2024, 6, 30))],
        ),
        ContractData(  # draft: not signed, no dates, Latin names
            contract_no="ZC-2025-002", title="Network Maintenance Service", total_amount=Decimal("15000.00"),
            parties=[PartyData("甲方", "广州市财政局"), PartyData("乙方", "Acme Networks Ltd")],
            installments=[InstallmentData(seq=1, percent=Decimal("100"), due_after="验收合格", due_offset=10)],
        ),
        ContractData(  # terminated (stored status), open end, a consortium of two suppliers
            contract_no="HT-2024-010", title="食堂食材配送服务", total_amount=Decimal("120500.75"),
            status="terminated", sign_date=D(2024, 2, 20), start_date=D(2024, 3, 1),
            parties=[PartyData("甲方", "广州市第一中学"), PartyData("乙方", "北京蔬菜配送中心"),
                     PartyData("丙方", "Beta Foods Co")],
            installments=[InstallmentData(seq=1, percent=Decimal("100"), due_date=D(2025, 7, 1))],
        ),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    with store.session() as session:
        for data in _contracts():
            contracts.save(session, data)
    return store


@pytest.fixture
def model(filled: Store, qtbot: object) -> ContractListModel:
    return ContractListModel(filled, today=TODAY)


def numbers(model: ContractListModel) -> list[str]:
    return [model.data(model.index(row, COL_NUMBER)) for row in range(model.rowCount())]


def row_texts(model: ContractListModel, contract_no: str) -> list[str]:
    row = numbers(model).index(contract_no)
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_row_and_column_counts(model: ContractListModel) -> None:
    assert model.rowCount() == 4
    assert model.columnCount() == 7
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: rows have no children


def test_headers(model: ContractListModel) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Number", "Title", "Counterparty", "Total", "Term", "Status", "Next due"]


def test_display_of_every_column(model: ContractListModel) -> None:
    assert row_texts(model, "ZC-2025-003") == [
        "ZC-2025-003", "办公设备采购合同", "广东华信科技有限公司", "2,738,718.50",
        "2025-10-16 – 2026-05-15", "Active", "2025-11-01",  # the paid installment is skipped
    ]
    assert row_texts(model, "ZC-2025-001") == [
        "ZC-2025-001", "物业管理服务合同", "深圳市安居物业服务有限公司", "980,000.00",
        "2024-01-01 – 2024-12-31", "Completed", "2024-06-30",
    ]
    assert row_texts(model, "ZC-2025-002") == [
        "ZC-2025-002", "Network Maintenance Service", "Acme Networks Ltd", "15,000.00", "", "Draft", "",
    ]
    assert row_texts(model, "HT-2024-010") == [
        "HT-2024-010", "食堂食材配送服务", "北京蔬菜配送中心、Beta Foods Co", "120,500.75",
        "2024-03-01 –", "Terminated", "2025-07-01",
    ]


def test_status_follows_today(filled: Store, qtbot: object) -> None:
    later = ContractListModel(filled, today=D(2026, 6, 1))
    assert row_texts(later, "ZC-2025-003")[COL_STATUS] == "Completed"


def test_roles(model: ContractListModel, filled: Store) -> None:
    row = numbers(model).index("ZC-2025-003")
    with filled.session() as session:
        expected_id = contracts.find_id(session, "ZC-2025-003")
    assert model.data(model.index(row, COL_TITLE), ContractIdRole) == expected_id
    assert model.contract_id(row) == expected_id
    assert model.row_of(expected_id) == row
    assert model.row_of(999_999) is None
    total = model.index(row, COL_TOTAL)
    alignment = Qt.AlignmentFlag(model.data(total, Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert not Qt.AlignmentFlag(model.data(model.index(row, COL_TITLE), Qt.ItemDataRole.TextAlignmentRole)) & (
        Qt.AlignmentFlag.AlignRight
    )
    assert model.data(model.index(row, COL_NUMBER), Qt.ItemDataRole.ToolTipRole) == "办公设备采购合同"
    assert model.data(total, SortRole) == Decimal("2738718.50")
    assert model.data(model.index(row, COL_TERM), SortRole) == D(2025, 10, 16)
    assert model.data(model.index(row, COL_STATUS), SortRole) == "active"
    assert model.data(model.index(row, COL_NEXT_DUE), SortRole) == D(2025, 11, 1)
    assert model.data(QModelIndex()) is None
    with pytest.raises(IndexError):
        model.contract_id(4)


SORTED = {
    COL_NUMBER: ["HT-2024-010", "ZC-2025-001", "ZC-2025-002", "ZC-2025-003"],
    # Binary order: Latin before CJK; 办 U+529E < 物 U+7269 < 食 U+98DF.
    COL_TITLE: ["ZC-2025-002", "ZC-2025-003", "ZC-2025-001", "HT-2024-010"],
    COL_COUNTERPARTY: ["ZC-2025-002", "HT-2024-010", "ZC-2025-003", "ZC-2025-001"],
    COL_TOTAL: ["ZC-2025-002", "HT-2024-010", "ZC-2025-001", "ZC-2025-003"],
    COL_STATUS: ["ZC-2025-003", "ZC-2025-001", "ZC-2025-002", "HT-2024-010"],
}
# Columns that can be empty: the empty ones stay last in both directions.
SORTED_WITH_EMPTY = {
    COL_TERM: (["ZC-2025-001", "HT-2024-010", "ZC-2025-003"], "ZC-2025-002"),
    COL_NEXT_DUE: (["ZC-2025-001", "HT-2024-010", "ZC-2025-003"], "ZC-2025-002"),
}


@pytest.mark.parametrize("column", sorted(SORTED))
def test_sort_every_column(model: ContractListModel, column: int) -> None:
    model.sort(column, ASC)
    assert numbers(model) == SORTED[column]
    model.sort(column, DESC)
    assert numbers(model) == SORTED[column][::-1]
    assert (model.sort_column(), model.sort_order()) == (column, DESC)


@pytest.mark.both_stores  # the list's filter and sort are dialect SQL (issue 17)
@pytest.mark.parametrize("column", sorted(SORTED_WITH_EMPTY))
def test_sort_empty_last(model: ContractListModel, column: int) -> None:
    dated, empty = SORTED_WITH_EMPTY[column]
    model.sort(column, ASC)
    assert numbers(model) == [*dated, empty]
    model.sort(column, DESC)
    assert numbers(model) == [*dated[::-1], empty]


def test_sort_is_a_layout_change_keeping_persistent_indexes(model: ContractListModel, qtbot: object) -> None:
    row = numbers(model).index("ZC-2025-001")
    persistent = QPersistentModelIndex(model.index(row, COL_TITLE))
    with qtbot.waitSignal(model.layoutChanged):  # type: ignore[attr-defined]
        model.sort(COL_TOTAL, DESC)
    assert persistent.isValid()
    assert persistent.column() == COL_TITLE
    assert model.data(model.index(persistent.row(), COL_NUMBER)) == "ZC-2025-001"


@pytest.mark.both_stores  # the list's filter and sort are dialect SQL (issue 17)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ZC-2025-001", ["ZC-2025-001"]),  # number
        ("zc-2025", ["ZC-2025-001", "ZC-2025-002", "ZC-2025-003"]),  # part of a number, lower case
        ("物业", ["ZC-2025-001"]),  # title word (and the supplier's name)
        ("采购", ["ZC-2025-003"]),  # title word only
        ("ACME", ["ZC-2025-002"]),  # party name, case-insensitive
        ("beta FOODS", ["HT-2024-010"]),  # every word must match: the second supplier
        ("财政局", ["ZC-2025-002", "ZC-2025-003"]),  # the purchaser, not shown in the list
        ("  maintenance  ", ["ZC-2025-002"]),  # surrounding spaces ignored
        ("100%", []),  # LIKE wildcards are literal
        ("不存在的合同", []),
    ],
)
def test_search(model: ContractListModel, qtbot: object, text: str, expected: list[str]) -> None:
    with qtbot.waitSignal(model.countChanged) as blocker:  # type: ignore[attr-defined]
        model.set_search(text)
    assert blocker.args == [len(expected)]
    assert model.rowCount() == len(expected)
    assert numbers(model) == expected


@pytest.mark.both_stores  # the list's filter and sort are dialect SQL (issue 17)
def test_search_keeps_sort_and_clearing_shows_all(model: ContractListModel) -> None:
    model.sort(COL_TOTAL, DESC)
    model.set_search("zc")
    assert numbers(model) == ["ZC-2025-003", "ZC-2025-001", "ZC-2025-002"]
    model.set_search("")
    assert numbers(model) == SORTED[COL_TOTAL][::-1]


def test_refresh_after_adding(model: ContractListModel, filled: Store, qtbot: object) -> None:
    model.sort(COL_TOTAL, ASC)
    model.set_search("zc")
    assert model.rowCount() == 3
    with filled.session() as session:
        contracts.save(session, ContractData(
            contract_no="ZC-2025-004", title="印刷服务", total_amount=Decimal("1.00"),
            parties=[PartyData("乙方", "广州印刷厂")],
        ))
    assert model.rowCount() == 3  # unchanged until refreshed
    with qtbot.waitSignal(model.countChanged) as blocker:  # type: ignore[attr-defined]
        model.refresh()
    assert blocker.args == [4]
    assert numbers(model) == ["ZC-2025-004", "ZC-2025-002", "ZC-2025-001", "ZC-2025-003"]


def test_refresh_drops_cached_rows(model: ContractListModel, filled: Store) -> None:
    row = numbers(model).index("ZC-2025-002")
    contract_id = model.contract_id(row)
    with filled.session() as session:
        data = contracts.load(session, contract_id)
        data.title = "Network Maintenance Service (renewed)"
        contracts.save(session, data, contract_id=contract_id)
    model.refresh()
    assert model.data(model.index(model.row_of(contract_id), COL_TITLE)) == "Network Maintenance Service (renewed)"


def _bulk_insert(store: Store, count: int) -> None:
    """``count`` bare contracts in one executemany (the ORM save path is too slow for this)."""
    rows = [
        {"contract_no": f"BULK-{n:05d}", "title": f"批量合同 {n}", "currency": "CNY",
         "total_amount": Decimal(n) + Decimal("0.25"), "counterparty": f"供应商{n % 7}",
         "search_text": f"bulk-{n:05d} 批量合同 {n} 供应商{n % 7}", "sign_date": D(2025, 1, 1)}
        for n in range(count)
    ]
    with store.session() as session:
        session.execute(insert(Contract), rows)


def test_search_ids_sees_unflushed_changes(filled: Store) -> None:
    # search_ids runs on the Core connection for speed; it must still autoflush like the ORM.
    with filled.session() as session:
        session.add(Contract(contract_no="ZC-2025-009", title="未刷新的合同", currency="CNY",
                             total_amount=Decimal("1.00"), counterparty="", search_text="zc-2025-009 未刷新的合同"))
        found = contracts.search_ids(session, text="未刷新")
        assert found == [contracts.find_id(session, "ZC-2025-009")]
        with session.no_autoflush:
            session.add(Contract(contract_no="ZC-2025-010", title="未刷新二", currency="CNY",
                                 total_amount=Decimal("1.00"), counterparty="", search_text="zc-2025-010 未刷新二"))
            assert contracts.search_ids(session, text="未刷新二") == []


@pytest.fixture
def held_worker() -> Iterator[threading.Event]:
    """The store's worker thread busy until the event is set (set at the end in any case), so that a
    count handed to it is still on its way when the test looks."""
    from ui import tasks

    release = threading.Event()
    tasks.submit(lambda: release.wait(10))
    yield release
    release.set()


def test_rows_are_fetched_lazily_in_blocks(store: Store, qtbot: object, monkeypatch: pytest.MonkeyPatch,
                                           held_worker: threading.Event) -> None:
    _bulk_insert(store, 600)
    calls: list[tuple[int, dict[str, int]]] = []
    real = listing.page

    def spy(session: object, query: listing.ListQuery, offset: int, limit: int, **hints: Any) -> object:
        # The position hints given (the change counter for a sampled jump goes with every block).
        calls.append((offset, {name: value for name, value in hints.items()
                               if value is not None and name != "version"}))
        # A search reads the first screenful, then the rest of block 0; a sort, scrolling: whole blocks.
        assert limit == BLOCK_SIZE or (offset, limit) in {(0, FIRST_ROWS), (FIRST_ROWS, BLOCK_SIZE - FIRST_ROWS)}
        assert offset in (0, FIRST_ROWS) or callable(hints["version"])
        return real(session, query, offset, limit, **hints)  # type: ignore[arg-type]

    monkeypatch.setattr(listing, "page", spy)
    model = ContractListModel(store, today=TODAY)
    # The first screenful comes first, by LIMIT; the exact count follows from the worker (issue 18).
    assert [offset for offset, _hints in calls] == [0]
    assert model.counting() and model.rowCount() == FIRST_ROWS
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(model.countChanged, timeout=10_000) as blocker:  # type: ignore[attr-defined]
        held_worker.set()
    assert blocker.args == [600] and model.rowCount() == 600 and not model.counting()
    assert inserted == [(FIRST_ROWS, 599)]  # rows added below those shown: the view does not jump
    assert model.data(model.index(0, COL_NUMBER)) == "BULK-00000"
    assert model.data(model.index(FIRST_ROWS - 1, COL_NUMBER)) == f"BULK-{FIRST_ROWS - 1:05d}"
    assert len(calls) == 1  # the first screenful is the one read before the count
    # A row past it: the rest of block 0, after the first screenful's last contract.
    assert model.data(model.index(BLOCK_SIZE - 1, COL_TOTAL)) == f"{BLOCK_SIZE - 1}.25"
    assert calls[-1] == (FIRST_ROWS, {"after": model.contract_id(FIRST_ROWS - 1)})
    assert model.data(model.index(FIRST_ROWS, COL_NUMBER)) == f"BULK-{FIRST_ROWS:05d}"
    assert model.data(model.index(3, COL_TITLE), Qt.ItemDataRole.ToolTipRole) == "批量合同 3"
    assert len(calls) == 2  # same block: from the cache
    assert model.data(model.index(599, COL_NUMBER)) == "BULK-00599"
    assert calls[-1] == (2 * BLOCK_SIZE, {"total": 600})  # the last, partial block only (from the end)
    assert model.data(model.index(BLOCK_SIZE + 5, COL_NUMBER)) == f"BULK-{BLOCK_SIZE + 5:05d}"
    assert calls[-1][1]["after"] == model.contract_id(BLOCK_SIZE - 1)  # after block 0's last contract
    assert model.data(model.index(599, COL_NUMBER), ContractIdRole) == model.contract_id(599)
    assert len(calls) == 4  # the id comes with its cached block
    assert model.row_of(model.contract_id(599)) == 599
    model.sort(COL_NUMBER, DESC)
    assert model.rowCount() == 600  # a sort keeps the count
    assert model.data(model.index(0, COL_NUMBER)) == "BULK-00599"
    assert model.data(model.index(BLOCK_SIZE - 1, COL_NUMBER)) == f"BULK-{599 - BLOCK_SIZE + 1:05d}"
    assert len(calls) == 5  # sorting cleared the cache; a sort reads whole blocks
    assert model.row_of(model.contract_id(0)) == 0


def test_a_short_list_is_counted_by_its_first_block(model: ContractListModel, qtbot: object) -> None:
    """Fewer rows than a block: no COUNT, no wait — the count is known with the rows."""
    with qtbot.waitSignal(model.countChanged, timeout=1000) as blocker:  # type: ignore[attr-defined]
        model.set_search("服务")
    assert blocker.args == [2] and not model.counting()


def test_the_view_shows_the_first_rows_then_the_count(store: Store, qtbot: object,
                                                     held_worker: threading.Event) -> None:
    from ui import tasks

    _bulk_insert(store, 300)
    model = ContractListModel(store, today=TODAY)
    view = ContractListView(model)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    assert view.count_label.text() == f"{FIRST_ROWS}+ contracts"
    held_worker.set()
    qtbot.waitUntil(lambda: view.count_label.text() == "300 contracts", timeout=10_000)  # type: ignore[attr-defined]
    again = threading.Event()
    tasks.submit(lambda: again.wait(10))
    try:
        model.set_search("批量")
        assert view.count_label.text() == f"{FIRST_ROWS}+ contracts"
    finally:
        again.set()
    qtbot.waitUntil(lambda: view.count_label.text() == "300 contracts", timeout=10_000)  # type: ignore[attr-defined]


def test_view_search_debounced(model: ContractListModel, qtbot: object) -> None:
    view = ContractListView(model)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    assert view.count_label.text() == "4 contracts"
    view.search.setText("物业")
    assert model.rowCount() == 4  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)  # type: ignore[attr-defined]
    assert view.count_label.text() == "1 contract"
    view.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=2000)  # type: ignore[attr-defined]


def test_view_double_click_and_enter_activate(model: ContractListModel, qtbot: object) -> None:
    view = ContractListView(model)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    row = numbers(model).index("ZC-2025-001")
    expected = model.contract_id(row)
    rect = view.table.visualRect(model.index(row, COL_TITLE))
    viewport = view.table.viewport()
    with qtbot.waitSignal(view.contractActivated, timeout=1000) as blocker:  # type: ignore[attr-defined]
        # QTest's double click is only the second press: the view wants the first one too.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    assert blocker.args == [expected]
    assert view.current_contract_id() == expected

    other = numbers(model).index("HT-2024-010")
    assert view.select_contract(model.contract_id(other))
    with qtbot.waitSignal(view.contractActivated, timeout=1000) as blocker:  # type: ignore[attr-defined]
        qtbot.keyClick(view.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert blocker.args == [model.contract_id(other)]


def test_view_keeps_current_contract_across_sort_and_search(model: ContractListModel, qtbot: object) -> None:
    view = ContractListView(model)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    assert view.current_contract_id() is None
    target = model.contract_id(numbers(model).index("ZC-2025-003"))
    view.select_contract(target)
    view.table.sortByColumn(COL_TOTAL, DESC)  # what a header click does
    assert numbers(model) == SORTED[COL_TOTAL][::-1]
    assert view.current_contract_id() == target
    model.set_search("zc")
    assert view.current_contract_id() == target
    model.set_search("物业")  # hides it: nothing is current
    assert view.current_contract_id() is None


def test_view_focus_search(model: ContractListModel, qtbot: object) -> None:
    view = ContractListView(model)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    view.search.setText("abc")
    view.table.setFocus()
    view.focus_search()
    qtbot.waitUntil(view.search.hasFocus, timeout=1000)  # type: ignore[attr-defined]
    assert view.search.selectedText() == "abc"
    assert "Ctrl+F" in view.search.placeholderText()


def test_the_list_moves_the_stored_status_when_the_date_changed(store: Store, qtbot: object) -> None:
    """Issue 18: the window open over midnight — the next query moves ``list_status`` to the new day
    (here: the stored day set back to 2026-06-01, as if the list had been open since then)."""
    from services.register import list_status

    with store.session(write=True) as session:
        contracts.save(session, ContractData(contract_no="MID-1", title="跨日", total_amount=Decimal("1.00"),
                                             sign_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 6, 10)))
        list_status.refresh(session, dt.date(2026, 6, 1))
    model = ContractListModel(store)
    model._status_day = dt.date(2026, 6, 1)  # the day the list last saw
    model.refresh()
    with store.session() as session:
        assert list_status.stored_day(session) == dt.date.today()
    assert model.data(model.index(0, COL_STATUS)) == ("Completed" if dt.date.today() > dt.date(2026, 6, 10)
                                                      else "Active")
