"""The contract list sorted by total after an amendment is saved in the editor (issue 16; pytest-qt):
the row moves from the amendment's effective date, not before."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from services.register import contracts
from services.store import Store
from tests.amendment_cases import original
from tests.conftest import FakeDialogs
from tests.test_amendments_window import _amend
from ui.context import AppContext
from ui.contracts.list_model import COL_NUMBER, COL_TOTAL, ContractListModel
from ui.editor.contract_editor import ContractEditor

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


def _numbers(model: ContractListModel) -> list[str]:
    return [model.data(model.index(row, COL_NUMBER)) for row in range(model.rowCount())]


@pytest.mark.parametrize(("effective", "expected"), [
    (QDate(2026, 6, 1), ["ZFY-2026-002", "ZFY-2026-001"]),  # in force today: 135,000 > 130,000
    (QDate(2099, 1, 1), ["ZFY-2026-001", "ZFY-2026-002"]),  # pending: listed at 120,000 until 2099
])
def test_the_list_sorted_by_total_follows_a_saved_amendment(qtbot, store: Store, effective: QDate,
                                                             expected: list[str]) -> None:
    second = copy.deepcopy(original())
    second.contract_no, second.total_amount = "ZFY-2026-002", Decimal("130000.00")
    with store.session() as session:
        contract_id = contracts.save(session, original())
        contracts.save(session, second)
    model = ContractListModel(store)  # today: the stored columns' day
    model.sort(COL_TOTAL, Qt.SortOrder.AscendingOrder)
    assert _numbers(model) == ["ZFY-2026-001", "ZFY-2026-002"]

    parent = QWidget()
    qtbot.addWidget(parent)
    editor = ContractEditor(AppContext(store, FakeDialogs(), parent), contract_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    _amend(editor)
    editor.amendments_panel.effective_edit.setDate(effective)  # type: ignore[union-attr]
    assert editor.save()
    model.refresh()
    assert _numbers(model) == expected
    shown = model.data(model.index(_numbers(model).index("ZFY-2026-001"), COL_TOTAL))
    assert shown == ("135,000.00" if effective.year() == 2026 else "120,000.00")
