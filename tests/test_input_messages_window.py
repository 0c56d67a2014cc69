"""The Chinese window shows Chinese for a bad quantity typed in the editor, a bad paste and an
import rejection (issue 12, part B), each with its code."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.store import Store
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui import i18n
from ui.editor.line_items_model import COL_QUANTITY
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture
def chinese_window(qtbot, store: Store):
    i18n.install("zh_CN")
    main = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True
    yield main
    i18n.install("en")


def test_import_rejection_in_chinese(chinese_window: MainWindow, store: Store, tmp_path: Path) -> None:
    (tmp_path / "line_items.csv").write_text("contract_no,seq,name,quantity\nNOPE,1,云主机,abc\n", encoding="utf-8")
    chinese_window.dialogs.ledger = tmp_path / "line_items.csv"
    chinese_window.import_ledger()
    (text,) = chinese_window.dialogs.errors
    assert "[VALUE_NOT_NUMBER] line_items.csv:2:数量 不是数量：“abc”" in text
    assert "[LEDGER_UNKNOWN_CONTRACT] line_items.csv:2:合同编号 未知的合同“NOPE”" in text
    assert "not a" not in text
    with store.session() as session:
        assert contract_service.count(session) == 0


def test_editor_quantity_and_paste_in_chinese(chinese_window: MainWindow, store: Store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        contract_id = contract_service.find_id(session, "BJMEMC-2025174-ZC")
    assert contract_id is not None
    editor = chinese_window.edit_contract(contract_id)
    lines = editor.line_items
    assert not lines.model.setData(lines.model.index(1, COL_QUANTITY), "abc")
    assert lines.errors() == [next(e for e in lines.errors() if "不是数量：“abc” [VALUE_NOT_NUMBER]" in e)]
    assert not lines.paste_text("名称\t数量\n堡垒机\t-2\n")
    shown = lines.error_label.text()
    assert "[VALUE_NEGATIVE] 第 2 行，“数量”列：数量不能为负数：“-2”" in shown
    assert "not a" not in shown and "negative" not in shown
    editor.undo_stack.setClean()
    editor._clean_header = editor.header.snapshot()
    editor.close()
