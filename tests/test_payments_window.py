"""The Payments tab, Record payment… and the overview window (pytest-qt, offscreen): a partial then a
final payment change the installment's state, the totals, the overview and the list through the one
store-changed notification; the SME late-payment hand-off gives the statutory amount by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.calendar.agenda import mark_done
from services.changes import Changes
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui.main_window import MainWindow
from ui.payments.overview_window import OverviewWindow
from ui.payments.payments_tab import PaymentsTab
from ui.payments.record_dialog import RecordPaymentDialog

pytestmark = pytest.mark.usefixtures("synchronous_tasks")
TODAY = dt.date(2026, 12, 1)
WHZF = "WHZF-2026-ZWY"  # installment 2: 767,180.28 due 2026-09-30


@pytest.fixture
def window(qtbot, store):
    import_ledger(store, SAMPLE_LEDGER)
    main = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    main._hand_over_store = True  # the store fixture closes the store
    return main


def _id(store, number: str = WHZF) -> int:
    with store.session() as session:
        found = contract_service.find_id(session, number)
    assert found is not None
    return found


def _tab(window, qtbot) -> PaymentsTab:
    tab = PaymentsTab(window.context, _id(window.store), today=TODAY)
    qtbot.addWidget(tab)
    tab.installment_view.selectRow(1)  # installment 2
    return tab


def _record(tab: PaymentsTab, qtbot, amount: str | None) -> RecordPaymentDialog:
    tab.installment_view.selectRow(1)  # installment 2 (a reload clears the selection)
    dialog = tab.record_payment()
    qtbot.addWidget(dialog)
    if amount is not None:
        dialog.amount_edit.setText(amount)
    dialog.date_edit.setText("2026-11-20")
    dialog.invoice_edit.setText("No.88")
    dialog.record()
    return dialog


def _state(tab: PaymentsTab, row: int = 1) -> str:
    return tab.installments.data(tab.installments.index(row, 6))


def _next_due(window) -> str:
    model = window.model
    row = model.row_of(_id(window.store))
    assert row is not None
    return model.data(model.index(row, 6))


def test_partial_then_final_payment_updates_tab_overview_and_list(window, qtbot) -> None:
    with window.store.session(write=True) as session:  # the bond lodged: installment 2 alone falls due 30 Sep
        mark_done(session, _id(window.store), "bond:1:lodge", dt.date(2026, 3, 20))
    window.context.changes.announce(Changes.everything())
    tab = _tab(window, qtbot)
    assert _next_due(window) == "2026-09-30"  # installment 2, unpaid
    feature = window.calendar_feature
    feature.source._today = lambda: TODAY
    feature.show_agenda()
    qtbot.waitUntil(lambda: feature.source.loaded)
    contract_id = _id(window.store)

    def agenda_state() -> str:
        return next(d.state for d in feature.source.items if d.contract_id == contract_id
                    and d.key == "installment:2")

    assert agenda_state() == "overdue"
    overview = OverviewWindow(window.context, today=TODAY)
    qtbot.addWidget(overview)
    assert overview.figures is not None and overview.figures.totals.paid == Decimal("0.00")
    assert _state(tab).startswith("overdue 62 days") or _state(tab).startswith("逾期")
    first = tab.record_payment()
    qtbot.addWidget(first)
    assert first.amount_edit.text() == "767,180.28"  # the outstanding amount, pre-filled
    first.reject()
    _record(tab, qtbot, "700000")
    assert "67,180.28" in tab.installments.data(tab.installments.index(1, 5))
    assert overview.figures.totals.paid == Decimal("700000.00")
    # 67,180.28 left of installment 2, and BJMEMC's 2,738,718.50 (20 working days after signing: 2025-08-21)
    assert overview.figures.totals.overdue == Decimal("67180.28") + Decimal("2738718.50")
    assert "700,000.00" in tab.totals.text()
    assert agenda_state() == "overdue"  # partly paid: the deadline stays open
    _record(tab, qtbot, None)  # the pre-filled rest: 67,180.28
    state = _state(tab)
    assert "2026-11-20" in state and ("51" in state)  # paid late by 51 days
    assert overview.figures.totals.overdue == Decimal("2738718.50")  # BJMEMC's alone
    assert [tab.payments.data(tab.payments.index(r, 6)) for r in range(2)] == ["No.88", "No.88"]
    assert _next_due(window) != "2026-09-30"  # the list heard the same notification: paid, no longer next
    qtbot.waitUntil(lambda: agenda_state() == "done")  # the agenda too: fully paid, the deadline is done


def test_an_amount_above_what_remains_asks_first(window, qtbot) -> None:
    window.context.dialogs.answer = False
    tab = _tab(window, qtbot)
    dialog = _record(tab, qtbot, "800000")
    assert window.context.dialogs.questions and "32,819.72" in window.context.dialogs.questions[-1]
    assert tab.payments.rowCount() == 0 and dialog.isVisible()


def test_bad_amount_is_named_and_nothing_written(window, qtbot) -> None:
    tab = _tab(window, qtbot)
    dialog = _record(tab, qtbot, "七百")
    assert dialog.error.text().startswith(("Amount:", "金额")), dialog.error.text()
    assert tab.payments.rowCount() == 0


def test_overdue_installment_opens_the_calculator_with_the_statutory_rate(window, qtbot) -> None:
    tab = _tab(window, qtbot)
    dialog = tab.late_payment_interest()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.recalculate()
    # 767,180.28 outstanding × 0.05 % a day × 62 days (2026-09-30 → 2026-12-01) = 23,782.5887 → 23,782.59
    assert dialog.choice() == "statutory"
    assert dialog.result is not None and dialog.result.amount == Decimal("23782.59")


def test_editor_has_a_payments_tab(window, qtbot) -> None:
    editor = window.edit_contract(_id(window.store))
    qtbot.addWidget(editor)
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert any(t in ("Payments", "付款") for t in titles)


def test_view_menu_opens_the_overview(window, qtbot) -> None:
    assert window.overview_action.shortcut().toString() == "Ctrl+O"
    shown = window.show_overview()
    qtbot.addWidget(shown)
    assert isinstance(shown, OverviewWindow) and shown.figures is not None


def test_record_payment_from_the_agenda_marks_the_deadline_done(window, qtbot) -> None:
    from services.calendar.agenda import contract_deadlines
    from ui.payments.deadline_action import record_payment_on

    feature = window.calendar_feature
    feature.source._today = lambda: TODAY
    panel = feature.show_agenda()
    qtbot.waitUntil(lambda: feature.source.loaded)
    panel.set_window("all")
    assert panel.select(_id(window.store), "installment:2"), [d.key for d in panel.rows()][:20]
    dialog = record_payment_on(panel.view, window.context, feature.source.today)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.text() == "767,180.28"  # the amount outstanding
    dialog.record()
    with window.store.session() as session:
        states = {d.key: d.state for d in contract_deadlines(session, _id(window.store), today=TODAY,
                                                              reminder_days=0)}
    assert states["installment:2"] == "done"
    qtbot.waitUntil(lambda: all(d.state == "done" for d in feature.source.items
                                if d.contract_id == _id(window.store) and d.key == "installment:2"))
    panel.view.clearSelection()
    panel.view.setCurrentIndex(panel.view.model().index(-1, -1))
    assert record_payment_on(panel.view, window.context, feature.source.today) is None
    assert window.context.dialogs.infos  # "select a payment deadline first"


def test_editor_paid_columns_are_read_only_and_follow_the_payments(window, qtbot) -> None:
    """The Installments tab shows paid date/amount greyed with a tooltip, refuses a typed value,
    and follows a payment recorded while it is open — without an edit of the officer's."""
    from PySide6.QtCore import Qt

    editor = window.edit_contract(_id(window.store))
    qtbot.addWidget(editor)
    model = editor.installments.model
    fields = [c.field for c in model.columns]
    paid_date, paid_amount = fields.index("paid_date"), fields.index("paid_amount")
    for column in (paid_date, paid_amount):
        index = model.index(1, column)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert "Payments" in model.data(index, Qt.ItemDataRole.ToolTipRole) \
            or "付款" in model.data(index, Qt.ItemDataRole.ToolTipRole)
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None  # greyed
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert not model.setData(model.index(1, paid_amount), "5.00")  # a typed value is refused, not kept
    assert model.records[1].paid_amount is None
    assert model.flags(model.index(1, fields.index("amount"))) & Qt.ItemFlag.ItemIsEditable  # the rest is editable
    tab = editor.payments
    assert isinstance(tab, PaymentsTab)
    tab.today = TODAY
    _record(tab, qtbot, "700000")
    assert model.records[1].paid_amount == Decimal("700000.00")  # shown at once, from the payments
    assert model.data(model.index(1, paid_amount)) == "700,000.00"
    assert not editor.is_modified()  # not an edit: closing asks nothing


def test_overview_exports_what_it_shows(window, qtbot, tmp_path) -> None:
    import openpyxl

    opened: list = []
    window.context.open_file = opened.append
    overview = OverviewWindow(window.context, today=TODAY)
    qtbot.addWidget(overview)
    overview.year_box.setCurrentIndex(overview.year_box.findData(2026))
    assert overview.export_xlsx() is None  # cancelled: nothing written
    dialogs = window.context.dialogs
    dialogs.xlsx, dialogs.pdf = tmp_path, tmp_path
    xlsx = overview.export_xlsx()
    assert xlsx is not None and dialogs.xlsx_names[-1] == "overview-2026-12-01.xlsx"
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    assert sheet["B2"].value == "signed in 2026" and sheet["C2"].value == 2  # the filter shown
    assert sheet["D2"].number_format == "#,##0.00" and sheet["D2"].value == 2972847.6
    pdf = overview.export_pdf()
    assert pdf is not None and opened == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    dialogs.xlsx = tmp_path / "missing-folder-is-a-file"
    dialogs.xlsx.write_text("x")
    dialogs.xlsx = dialogs.xlsx / "o.xlsx"
    overview.export_xlsx()
    assert dialogs.errors and "o.xlsx" in dialogs.errors[-1]  # named, not a traceback


def test_a_figure_opens_the_installments_behind_it_and_a_contract(window, qtbot) -> None:
    overview = OverviewWindow(window.context, today=TODAY, open_contract=window.edit_contract)
    qtbot.addWidget(overview)
    ageing = overview.views[next(t for t in overview.views if t in ("Overdue by age", "逾期账龄"))]
    ageing.doubleClicked.emit(overview.ageing.index(1, 0))  # 31–90 days: WHZF's installment 2, 62 days
    shown = overview.lists[-1]
    qtbot.addWidget(shown)
    assert [(r.contract_no, r.seq, r.overdue_days) for r in shown.rows] == [(WHZF, 2, 62)]
    assert shown.model.data(shown.model.index(0, 7)) == "767,180.28"
    _record(_tab(window, qtbot), qtbot, "700000")  # the list hears the store-changed notification
    assert shown.model.data(shown.model.index(0, 7)) == "67,180.28"
    editor = shown.open_row(shown.model.index(0, 0))
    qtbot.addWidget(editor)
    assert editor.contract_id == _id(window.store)
    editor.close()
    bonds = overview.views[next(t for t in overview.views if t in ("Bonds held, not returned", "在押未退保证金"))]
    with window.store.session(write=True) as session:
        mark_done(session, _id(window.store), "bond:1:lodge", dt.date(2026, 3, 20))
    window.context.changes.announce(Changes.everything())
    assert [b.contract_no for b in overview.bonds.rows] == [WHZF]
    window._editors.clear()
    bonds.doubleClicked.emit(overview.bonds.index(0, 0))  # a bond's row opens its contract
    assert list(window._editors) == [_id(window.store)]
    qtbot.addWidget(window._editors[_id(window.store)])


def test_bad_amount_in_the_chinese_window_is_all_chinese(window, qtbot) -> None:
    import re

    from ui import i18n

    tab = _tab(window, qtbot)
    i18n.install("zh_CN")
    try:
        dialog = _record(tab, qtbot, "七百")
    finally:
        i18n.install("en")
    said = dialog.error.text()
    assert said.startswith("金额") and "七百" in said, said
    assert not re.findall(r"[A-Za-z]{3,}", re.sub(r"\[[A-Z_]+\]", "", said)), said  # the code alone in Latin


def test_an_installment_counted_from_an_event_gets_its_date_in_the_overview_window(window, qtbot) -> None:
    """2026-021's 1st installment (311,685.00) is due 0 days after the later of its signing (2026-03-31)
    and the invoice: the invoice recorded on Wed 8 Apr 2026 (a working day), the window's budget-year
    table dates it 2026 and counts it overdue on TODAY, on the date the Payments tab shows."""
    from services.calendar.agenda import record_event
    from services.payments.summary import contract_payments

    overview = OverviewWindow(window.context, today=TODAY)
    qtbot.addWidget(overview)
    assert overview.figures is not None
    before = overview.figures.totals.overdue
    contract_id = _id(window.store, "2026-021")
    with window.store.session(write=True) as session:
        record_event(session, contract_id, "invoice", dt.date(2026, 4, 8))
        tab = contract_payments(session, contract_id, TODAY).line(1)
    assert tab is not None and tab.status.due_date == dt.date(2026, 4, 8)
    window.context.changes.announce(Changes.everything())
    qtbot.waitUntil(lambda: overview.figures is not None
                    and overview.figures.totals.overdue == before + Decimal("311685.00"))
    shown = {overview.by_budget.data(overview.by_budget.index(r, 0)): overview.by_budget.data(
        overview.by_budget.index(r, 4)) for r in range(overview.by_budget.rowCount())}
    assert shown["2026"] == "1,078,865.28"  # the overdue column of 2026: 311,685.00 + WHZF's 767,180.28


def test_the_overview_chart_draws_the_months_table(window, qtbot) -> None:
    """The pyqtgraph chart draws what the table beside it says: WHZF's 767,180.28 due in Sep 2026
    (76.718028 万元), nothing paid; solid blue for due, hatched orange for paid (Okabe–Ito)."""
    from PySide6.QtCore import Qt

    from ui.payments.overview_chart import DUE_COLOUR, PAID_COLOUR, MonthChart

    overview = OverviewWindow(window.context, today=dt.date(2026, 9, 1))
    qtbot.addWidget(overview)
    qtbot.waitUntil(lambda: overview.figures is not None)
    chart = overview.bars
    assert isinstance(chart, MonthChart)
    drawn = chart.heights()
    assert [label for label, _due, _paid in drawn] == [f.label for f in overview.figures.by_month]
    assert drawn[0] == ("2026-09", 76.718028, 0.0) and all(d == p == 0.0 for _m, d, p in drawn[1:])
    table = overview.months
    assert table.data(table.index(0, 1)) == "767,180.28"
    assert chart.due_bars.opts["brush"].color() == DUE_COLOUR
    assert chart.paid_bars.opts["brush"].style() == Qt.BrushStyle.BDiagPattern
    assert chart.paid_bars.opts["brush"].color() == PAID_COLOUR
