"""The line-item editor: model edits, validating delegates, paste, undo/redo, totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from services.register.contract_data import LineItemData
from ui.editor.delegates import NumberMode, NumberValidator
from ui.editor.line_items_editor import LineItemsEditor
from ui.editor.line_items_model import (
    COL_AMOUNT,
    COL_COMPUTED,
    COL_NAME,
    COL_NOTE,
    COL_PERIODS,
    COL_QUANTITY,
    COL_SEQ,
    COL_UNIT,
    COL_UNIT_PRICE,
    LineItemsModel,
)
from ui.formatting import format_decimal, format_money

TOTAL = Decimal("2738718.50")


def sample_lines() -> list[LineItemData]:
    """The ten lines of contract BJMEMC-2025174-ZC (they add up to its total, 2,738,718.50)."""
    rows = [
        ("x86 平台云主机服务-vCPU", "核", "8", "1084", "60704.00"),
        ("x86 平台云主机服务-内存", "GB", "32", "2648", "593152.00"),
        ("x86 物理服务器", "台", "216", "12", "18144.00"),
        ("普通性能存储", "GB", "0.15", "57880", "60774.00"),
        ("高性能存储", "GB", "0.2", "1395800", "1954120.00"),
        ("互联网链路服务", "Mb", "16", "400", "44800.00"),
        ("互联网IP地址租用服务", "IP", "1", "13", "91.00"),
        ("远程接入服务", "账号", "118", "5", "4130.00"),
        ("VPN服务", "套", "80", "5", "2800.00"),
        ("WAF防护", "套", "0.5", "1", "3.50"),
    ]
    return [
        LineItemData(
            seq=seq,
            name=name,
            unit=unit,
            unit_price=Decimal(price),
            quantity=Decimal(quantity),
            periods=7,
            amount=Decimal(amount),
        )
        for seq, (name, unit, price, quantity, amount) in enumerate(rows, start=1)
    ]


@pytest.fixture
def confirmations() -> list[str]:
    return []


@pytest.fixture
def editor(qtbot: QtBot, confirmations: list[str]) -> LineItemsEditor:
    def confirm(question: str) -> bool:
        confirmations.append(question)
        return True

    widget = LineItemsEditor(sample_lines(), confirm=confirm)
    widget.set_contract_figures(TOTAL, None)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def shown(editor: LineItemsEditor, qtbot: QtBot) -> LineItemsEditor:
    editor.resize(1100, 500)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus)
    return editor


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest's keyClicks only knows ASCII, so others go as raw events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def select(editor: LineItemsEditor, *rows: int) -> None:
    """Select whole lines and make the first current.

    Not ``view.selectRow``: in extended selection it reads the application's keyboard
    modifiers, which a shortcut test can leave looking pressed.
    """
    selection = editor.view.selectionModel()
    selection.setCurrentIndex(
        editor.model.index(rows[0], COL_NAME), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    flags = QItemSelectionModel.SelectionFlag
    selection.clearSelection()
    for row in rows:
        selection.select(editor.model.index(row, 0), flags.Select | flags.Rows)


def names(editor: LineItemsEditor) -> list[str]:
    return [line.name for line in editor.model.items()]


def seqs(editor: LineItemsEditor) -> list[int]:
    return [line.seq for line in editor.model.items()]


# --- display -----------------------------------------------------------------------------


def test_cells_display_money_with_separators_and_decimals_shortest(editor: LineItemsEditor) -> None:
    model = editor.model
    assert [model.index(4, column).data() for column in range(model.columnCount())] == [
        "5",
        "高性能存储",
        "GB",
        "0.2",
        "1,395,800",
        "7",
        "1,954,120.00",
        "1,954,120.00",
        "",  # note
        "",  # English name
    ]
    assert model.index(4, COL_AMOUNT).data(Qt.ItemDataRole.EditRole) == "1954120.00"
    assert model.index(4, COL_QUANTITY).data(Qt.ItemDataRole.EditRole) == "1395800"
    assert model.index(4, COL_AMOUNT).data(LineItemsModel.SortRole) == Decimal("1954120.00")
    assert model.index(4, COL_NAME).data(LineItemsModel.ObjectRole) is model.items()[4]
    assert model.headerData(COL_PERIODS, Qt.Orientation.Horizontal) == "Months"
    assert not model.flags(model.index(0, COL_SEQ)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_COMPUTED)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, COL_AMOUNT)) & Qt.ItemFlag.ItemIsEditable


def test_formatting_helpers_are_exact() -> None:
    assert format_money(Decimal("2738718.5")) == "2,738,718.50"
    assert format_money(Decimal("-3.50")) == "-3.50"
    assert format_money(Decimal("-0.00")) == "0.00"
    assert format_decimal(Decimal("0.150")) == "0.15"
    assert format_decimal(Decimal("1395800.0001")) == "1,395,800.0001"


def test_model_copies_the_lines_and_renumbers(editor: LineItemsEditor) -> None:
    original = sample_lines()
    model = LineItemsModel([original[2], original[0]])
    assert [line.seq for line in model.items()] == [1, 2]
    assert original[2].seq == 3  # the caller's lines are untouched
    assert editor.items() == sample_lines()
    assert editor.items()[0] is not editor.model.items()[0]


# --- typing ------------------------------------------------------------------------------


def test_set_data_parses_text_recomputes_and_undoes(editor: LineItemsEditor) -> None:
    model = editor.model
    assert model.setData(model.index(0, COL_QUANTITY), "1,100")
    line = model.items()[0]
    assert line.quantity == Decimal("1100")
    assert line.computed_amount == Decimal("61600.00")
    assert model.index(0, COL_COMPUTED).data() == "61,600.00"
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert line.quantity == Decimal("1084")
    editor.undo_stack.redo()
    assert line.quantity == Decimal("1100")


def test_set_data_emits_the_narrowest_data_changed(editor: LineItemsEditor, qtbot: QtBot) -> None:
    model = editor.model
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changes.append(
            (top.row(), top.column(), bottom.row(), bottom.column())
        )
    )
    model.setData(model.index(2, COL_NOTE), "2 路 12 核")
    assert changes == [(2, COL_NOTE, 2, COL_NOTE)]
    changes.clear()
    with qtbot.waitSignal(model.totalsChanged):
        model.setData(model.index(2, COL_UNIT_PRICE), "200")
    assert changes == [(2, COL_UNIT_PRICE, 2, COL_UNIT_PRICE), (2, COL_AMOUNT, 2, COL_COMPUTED)]


def test_same_value_pushes_nothing(editor: LineItemsEditor) -> None:
    model = editor.model
    assert model.setData(model.index(0, COL_UNIT_PRICE), "8.00")
    assert model.setData(model.index(0, COL_AMOUNT), "¥60,704")
    assert editor.undo_stack.count() == 0


def test_non_number_is_refused_and_reported_until_fixed(editor: LineItemsEditor, qtbot: QtBot) -> None:
    model = editor.model
    with qtbot.waitSignal(model.invalidInput) as blocker:
        assert not model.setData(model.index(1, COL_UNIT_PRICE), "32元/GB")
    assert blocker.args == [1, COL_UNIT_PRICE, "not a unit price: '32元/GB' [VALUE_NOT_NUMBER]"]
    assert model.items()[1].unit_price == Decimal("32")  # unchanged
    assert editor.undo_stack.count() == 0
    assert editor.has_errors()
    assert editor.errors() == ["Row 2, Unit price: not a unit price: '32元/GB' [VALUE_NOT_NUMBER]"]
    assert editor.validate() == editor.errors()
    assert (model.index(1, COL_UNIT_PRICE).data(Qt.ItemDataRole.ToolTipRole)
            == "not a unit price: '32元/GB' [VALUE_NOT_NUMBER]")
    assert model.index(1, COL_UNIT_PRICE).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not editor.error_label.isHidden()
    assert "Row 2, Unit price" in editor.error_label.text()

    assert model.setData(model.index(1, COL_UNIT_PRICE), "32")  # the same value, now typed validly
    assert not editor.has_errors()
    assert editor.error_label.isHidden()
    assert model.index(1, COL_UNIT_PRICE).data(Qt.ItemDataRole.ToolTipRole) is None


def test_months_and_money_rules(editor: LineItemsEditor) -> None:
    model = editor.model
    assert not model.setData(model.index(0, COL_PERIODS), "7.5")
    assert not model.setData(model.index(0, COL_PERIODS), "-1")
    assert not model.setData(model.index(0, COL_AMOUNT), "60704.001")
    assert not model.setData(model.index(0, COL_AMOUNT), 60704.0)  # never a float
    assert model.items()[0].amount == Decimal("60704.00")
    assert model.items()[0].periods == 7
    assert not model.setData(model.index(0, COL_SEQ), "5")
    assert not model.setData(model.index(0, COL_COMPUTED), "1.00")
    assert model.setData(model.index(0, COL_AMOUNT), "")  # empty: the computed amount counts
    assert model.items()[0].amount is None
    assert model.items()[0].effective_amount == Decimal("60704.00")
    assert model.setData(model.index(0, COL_UNIT), "")
    assert model.items()[0].unit is None


def test_delegate_editor_commits_typed_number(shown: LineItemsEditor, qtbot: QtBot) -> None:
    view = shown.view
    index = shown.model.index(0, COL_QUANTITY)
    view.setCurrentIndex(index)
    view.edit(index)
    line_edit = view.indexWidget(index)
    assert isinstance(line_edit, QLineEdit)
    assert line_edit.text() == "1084"
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, "1,100")
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.model.items()[0].quantity == Decimal("1100"))
    assert shown.model.index(0, COL_COMPUTED).data() == "61,600.00"
    assert shown.model.items()[0].amount_differs


@pytest.mark.parametrize(
    ("column", "typed", "kept"),
    [
        (COL_QUANTITY, "12a.3.4x5", "12.345"),
        (COL_UNIT_PRICE, "0.123456", "0.1234"),
        (COL_PERIODS, "7.5个月", "75"),
        (COL_AMOUNT, "¥1,234.567元", "¥1,234.56"),
        (COL_AMOUNT, "-5", "-5"),
        (COL_QUANTITY, "-5", "5"),
    ],
)
def test_delegate_validator_blocks_non_numbers_as_typed(
    shown: LineItemsEditor, qtbot: QtBot, column: int, typed: str, kept: str
) -> None:
    index = shown.model.index(3, column)
    shown.view.setCurrentIndex(index)
    shown.view.edit(index)
    line_edit = shown.view.indexWidget(index)
    assert isinstance(line_edit, QLineEdit)
    assert line_edit.alignment() & Qt.AlignmentFlag.AlignRight
    line_edit.clear()
    type_text(qtbot, line_edit, typed)
    assert line_edit.text() == kept


def test_validator_states_and_fixup() -> None:
    money = NumberValidator(NumberMode.MONEY)
    acceptable, intermediate, invalid = (
        NumberValidator.State.Acceptable,
        NumberValidator.State.Intermediate,
        NumberValidator.State.Invalid,
    )
    assert money.validate("¥2,738,718.50", 0)[0] == acceptable
    assert money.validate("", 0)[0] == acceptable
    assert money.validate("¥", 0)[0] == intermediate
    assert money.validate("1,23", 0)[0] == intermediate
    assert money.validate("1.234", 0)[0] == invalid
    assert money.validate("abc", 0)[0] == invalid
    assert money.fixup("1,23") == "123"
    assert money.fixup("¥") == ""
    integer = NumberValidator(NumberMode.INTEGER)
    assert integer.validate("7", 0)[0] == acceptable
    assert integer.validate("7.", 0)[0] == invalid


# --- totals ------------------------------------------------------------------------------


def test_totals_line_and_difference_appear_and_disappear(editor: LineItemsEditor) -> None:
    assert editor.totals_label.text() == "Lines: ¥2,738,718.50"
    assert editor.difference_label.isHidden()

    editor.set_contract_figures(TOTAL, Decimal("6"))
    assert (
        editor.totals_label.text()
        == "Lines: ¥2,738,718.50 · excl. tax: ¥2,583,696.70 · tax (6%): ¥155,021.80"
    )

    model = editor.model
    model.setData(model.index(9, COL_AMOUNT), "4.50")  # WAF 3.50 → 4.50
    assert editor.totals().difference == Decimal("1.00")
    assert not editor.difference_label.isHidden()
    assert editor.difference_label.text() == "Difference from contract total: ¥1.00"
    assert "2,738,719.50" in editor.totals_label.text()

    editor.undo_stack.undo()
    assert editor.difference_label.isHidden()
    assert editor.totals().difference == Decimal("0.00")

    editor.set_contract_figures(Decimal("2738818.50"), None)
    assert editor.difference_label.text() == "Difference from contract total: ¥-100.00"
    assert not editor.difference_label.isHidden()


def test_totals_follow_structural_changes(editor: LineItemsEditor) -> None:
    reported = []
    editor.totalsChanged.connect(reported.append)
    select(editor, 4)
    assert editor.delete_lines()
    assert editor.totals().lines == TOTAL - Decimal("1954120.00")
    assert editor.difference_label.text() == "Difference from contract total: ¥-1,954,120.00"
    assert reported and reported[-1].lines == TOTAL - Decimal("1954120.00")
    editor.undo_stack.undo()
    assert editor.difference_label.isHidden()


def test_amount_differing_from_computed_is_kept_and_flagged(editor: LineItemsEditor) -> None:
    model = editor.model
    assert model.index(0, COL_AMOUNT).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.setData(model.index(0, COL_AMOUNT), "60000")
    assert model.items()[0].amount == Decimal("60000.00")
    assert model.index(0, COL_AMOUNT).data(Qt.ItemDataRole.ToolTipRole) == (
        "Stated amount differs from unit price × quantity × months (¥60,704.00)"
    )
    assert model.index(0, COL_AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, COL_COMPUTED).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, COL_AMOUNT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert editor.validate() == []  # kept: a flag, not an error
    assert editor.totals().lines == TOTAL - Decimal("704.00")


# --- paste -------------------------------------------------------------------------------

PASTED = (
    "11\t安全审计服务\t套\t100\t2\t7\t1400.00\t\t新增\r\n"
    "12\t日志存储\tGB\t0.1\t10,000\t7\t¥7,000.00\t\t\r\n"
)


def test_paste_without_header_appends_and_one_undo_removes_all(editor: LineItemsEditor) -> None:
    assert editor.paste_text(PASTED)
    assert names(editor)[10:] == ["安全审计服务", "日志存储"]
    assert seqs(editor) == list(range(1, 13))
    assert editor.model.items()[11].amount == Decimal("7000.00")
    assert editor.model.items()[10].note == "新增"
    assert editor.totals().difference == Decimal("8400.00")
    assert editor.undo_stack.count() == 1
    assert editor.undo_stack.undoText() == "Paste 2 line(s)"

    editor.undo_stack.undo()
    assert names(editor) == [line.name for line in sample_lines()]
    assert editor.difference_label.isHidden()
    editor.undo_stack.redo()
    assert names(editor)[10:] == ["安全审计服务", "日志存储"]
    assert seqs(editor) == list(range(1, 13))


def test_paste_with_chinese_header_inserts_at_the_selected_row(editor: LineItemsEditor) -> None:
    select(editor, 2)
    text = "服务名称\t单价\t数量\t计费月数\t备注\nCDN 加速\t50\t2\t7\t按月计费\n"
    assert editor.paste_text(text)
    assert names(editor)[1:4] == ["x86 平台云主机服务-内存", "CDN 加速", "x86 物理服务器"]
    pasted = editor.model.items()[2]
    assert (pasted.seq, pasted.unit_price, pasted.quantity, pasted.periods, pasted.amount) == (
        3,
        Decimal("50"),
        Decimal("2"),
        7,
        None,
    )
    assert pasted.effective_amount == Decimal("700.00")
    assert editor.selected_rows() == [2]
    editor.undo_stack.undo()
    assert names(editor) == [line.name for line in sample_lines()]


def test_paste_positional_from_current_column(editor: LineItemsEditor) -> None:
    select(editor, 9)  # current column: Name
    assert editor.paste_text("堡垒机\t套\t300\t1\t7\n")
    assert editor.model.items()[9].name == "堡垒机"
    assert editor.model.items()[9].computed_amount == Decimal("2100.00")
    assert editor.model.items()[10].name == "WAF防护"


def test_paste_with_bad_cells_pastes_nothing_and_lists_problems(editor: LineItemsEditor) -> None:
    text = "序号\t名称\t单价\t数量\n1\t甲\tabc\t1\n2\t乙\t5\t1.23456\n"
    assert not editor.paste_text(text)
    assert len(editor.model.items()) == 10
    assert editor.undo_stack.count() == 0
    assert not editor.error_label.isHidden()
    assert editor.error_label.text().splitlines() == [
        "Nothing was pasted:",
        "[VALUE_NOT_NUMBER] row 2, column 单价: not a unit price: 'abc'",
        "[VALUE_DECIMALS] row 3, column 数量: quantity has more than 4 decimals: '1.23456'",
    ]
    assert not editor.has_errors()  # nothing in the table is wrong
    # the report goes away with the next change
    editor.model.setData(editor.model.index(0, COL_NOTE), "ok")
    assert editor.error_label.isHidden()


def test_paste_nothing_is_reported(editor: LineItemsEditor) -> None:
    assert not editor.paste_text("\r\n")
    assert editor.error_label.text() == "Nothing to paste: no table cells."


def test_ctrl_v_pastes_from_the_clipboard(shown: LineItemsEditor, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText(PASTED)
    shown.view.clearSelection()
    # focus made a cell current, but with no line selected the paste goes to the end
    assert shown.view.currentIndex().isValid()
    assert shown.selected_rows() == []
    qtbot.keyClick(shown.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(shown.model.items()) == 12
    assert shown.model.items()[10].name == "安全审计服务"


# --- insert, delete, move ----------------------------------------------------------------


def test_insert_line_at_current_row_and_undo(editor: LineItemsEditor) -> None:
    select(editor, 1)
    editor.insert_line()
    assert len(editor.model.items()) == 11
    assert editor.model.items()[1].name == ""
    assert names(editor)[2] == "x86 平台云主机服务-内存"
    assert seqs(editor) == list(range(1, 12))
    assert editor.view.currentIndex().row() == 1
    assert editor.validate() == ["Row 2: the line has no name"]
    editor.undo_stack.undo()
    assert names(editor) == [line.name for line in sample_lines()]
    assert seqs(editor) == list(range(1, 11))


def test_insert_without_current_row_appends(editor: LineItemsEditor) -> None:
    editor.insert_line()
    assert names(editor)[-1] == ""
    editor.append_line()
    assert len(editor.model.items()) == 12
    assert editor.undo_stack.count() == 2


def test_delete_asks_and_deletes_scattered_selection(
    editor: LineItemsEditor, confirmations: list[str]
) -> None:
    select(editor, 1, 3)
    assert editor.selected_rows() == [1, 3]
    assert editor.delete_lines()
    assert confirmations == ["Delete 2 line(s)?"]
    assert "x86 平台云主机服务-内存" not in names(editor)
    assert "普通性能存储" not in names(editor)
    assert seqs(editor) == list(range(1, 9))
    editor.undo_stack.undo()
    assert names(editor) == [line.name for line in sample_lines()]
    assert seqs(editor) == list(range(1, 11))
    editor.undo_stack.redo()
    assert len(editor.model.items()) == 8


def test_delete_needs_a_selected_line(editor: LineItemsEditor, confirmations: list[str]) -> None:
    editor.view.selectionModel().setCurrentIndex(
        editor.model.index(0, COL_NAME), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    assert not editor.delete_lines()
    assert confirmations == []
    assert not editor.delete_action.isEnabled()
    assert len(editor.model.items()) == 10


def test_delete_refused_by_confirm_keeps_lines(qtbot: QtBot) -> None:
    widget = LineItemsEditor(sample_lines(), confirm=lambda _question: False)
    qtbot.addWidget(widget)
    select(widget, 0)
    assert not widget.delete_lines()
    assert len(widget.model.items()) == 10
    assert widget.undo_stack.count() == 0


def test_move_up_and_down_with_undo(editor: LineItemsEditor) -> None:
    select(editor, 2)
    assert editor.move_up()
    assert names(editor)[1:3] == ["x86 物理服务器", "x86 平台云主机服务-内存"]
    assert seqs(editor) == list(range(1, 11))
    assert editor.selected_rows() == [1]  # the selection follows the line
    assert editor.move_up()
    assert not editor.move_up()  # already at the top
    assert names(editor)[0] == "x86 物理服务器"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert names(editor) == [line.name for line in sample_lines()]

    select(editor, 9)
    assert not editor.move_down()
    select(editor, 8)
    assert editor.move_down()
    assert names(editor)[8:] == ["WAF防护", "VPN服务"]
    editor.undo_stack.undo()
    assert names(editor)[8:] == ["VPN服务", "WAF防护"]


def test_move_a_block_of_lines(editor: LineItemsEditor) -> None:
    select(editor, 3, 4)
    assert editor.move_down()
    assert names(editor)[3:6] == ["互联网链路服务", "普通性能存储", "高性能存储"]
    assert editor.selected_rows() == [4, 5]
    editor.undo_stack.undo()
    assert names(editor) == [line.name for line in sample_lines()]


def test_keyboard_shortcuts(shown: LineItemsEditor, qtbot: QtBot, confirmations: list[str]) -> None:
    view = shown.view
    view.setCurrentIndex(shown.model.index(0, COL_NAME))
    select(shown, 0)

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Equal, ctrl | shift)
    qtbot.keyClick(view, Qt.Key.Key_Return, ctrl)  # append
    assert len(shown.model.items()) == 12
    assert names(shown)[0] == "" and names(shown)[-1] == ""
    shown.undo_stack.undo()
    shown.undo_stack.undo()
    select(shown, 0)

    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert len(shown.model.items()) == 11 and shown.model.items()[0].name == ""

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(shown.model.items()) == 10
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(shown.model.items()) == 11
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(shown.model.items()) == 11
    shown.undo_stack.undo()

    select(shown, 1)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(shown)[2] == "x86 平台云主机服务-内存"
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(shown) == [line.name for line in sample_lines()]

    select(shown, 9)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert confirmations == ["Delete 1 line(s)?"]
    assert names(shown)[-1] == "VPN服务"


def test_shared_undo_stack_leaves_shortcuts_to_the_dialog(qtbot: QtBot) -> None:
    stack = QUndoStack()
    widget = LineItemsEditor(sample_lines(), undo_stack=stack, confirm=lambda _q: True)
    qtbot.addWidget(widget)
    assert widget.undo_stack is stack
    assert widget.undo_action not in widget.actions()
    assert widget.model.setData(widget.model.index(0, COL_NOTE), "x")
    assert stack.count() == 1
    own = LineItemsEditor(sample_lines())
    qtbot.addWidget(own)
    assert own.undo_action in own.actions() and own.redo_action in own.actions()
    assert [key.toString() for key in own.redo_action.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_set_items_replaces_lines_and_clears_history(editor: LineItemsEditor) -> None:
    editor.model.setData(editor.model.index(0, COL_NOTE), "x")
    assert not editor.model.setData(editor.model.index(1, COL_UNIT_PRICE), "bad")
    editor.set_items(sample_lines()[:2])
    assert names(editor) == ["x86 平台云主机服务-vCPU", "x86 平台云主机服务-内存"]
    assert editor.undo_stack.count() == 0
    assert not editor.has_errors()
    assert editor.error_label.isHidden()
    assert editor.difference_label.text() == "Difference from contract total: ¥-2,084,862.50"


@pytest.mark.parametrize(
    "text",
    ["", " ", "-", "¥", "1e5", "NaN", "Infinity", "1,2,3", "９", "1_000", "0x10", "\t", "\n", "一百",
     "99" * 30, "9" * 14],
)
def test_odd_input_never_crashes(editor: LineItemsEditor, text: str) -> None:
    model = editor.model
    for column in range(model.columnCount()):
        accepted = model.setData(model.index(0, column), text)
        assert isinstance(accepted, bool)
        assert isinstance(model.index(0, column).data(), str)
    assert isinstance(editor.totals().lines, Decimal)
    assert isinstance(editor.validate(), list)
    assert editor.paste_text(text) in (True, False)


def test_line_product_beyond_the_store_is_refused(editor: LineItemsEditor) -> None:
    model = editor.model
    assert model.setData(model.index(0, COL_UNIT_PRICE), "99999999")
    assert not model.setData(model.index(0, COL_QUANTITY), "99999999")
    assert editor.errors() == ["Row 1, Quantity: unit price × quantity × months is too large [PASTE_LINE_TOO_LARGE]"]
    assert model.items()[0].quantity == Decimal("1084")
