"""An agenda that can be worked through, in the window (pytest-qt, issue 13): a daily series as one
row, marked done through a date (the open count and the status bar drop); completing a contract
closes its routine occurrences after one confirmation; the calendar opens on today with an overdue
strip and its day list follows the month shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.calendar import agenda
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.register.contract_data import ContractData, InstallmentData, MilestoneData, PartyData
from tests.conftest import SAMPLE_LEDGER
from tests.test_calendar_window import TODAY, make_window, user_config  # noqa: F401  (a fixture)

D = dt.date
pytestmark = pytest.mark.usefixtures("synchronous_tasks")


def duty_contract(store) -> int:
    """DUTY-1: a daily duty log over April–June 2026 and a payment due 1 April."""
    data = ContractData("DUTY-1", "值班服务合同", Decimal("1000.00"), status="active", sign_date=D(2026, 3, 20),
                        start_date=D(2026, 4, 1), end_date=D(2026, 6, 30),
                        parties=[PartyData("甲方", "某市政务服务中心"), PartyData("乙方", "某值班服务公司")],
                        milestones=[MilestoneData(1, "值班日志", kind="report", responsible_role="乙方",
                                                  recurrence="FREQ=DAILY")],
                        installments=[InstallmentData(1, "服务费", amount=Decimal("1000.00"), due_date=D(2026, 4, 1))])
    with store.session() as session:
        return contract_service.save(session, data)


@pytest.fixture
def window(qtbot, store):
    import_ledger(store, SAMPLE_LEDGER)
    duty = duty_contract(store)
    main = make_window(qtbot, store)
    main.model.refresh()
    main.duty_id = duty
    return main


def series_row(panel, contract_id: int):
    for row in range(panel.proxy.rowCount()):
        index = panel.proxy.index(row, 0)
        summary = panel.model.summary(panel.proxy.mapToSource(index).row())
        item = panel.proxy.data(index, 0x0101)  # ObjectRole
        if summary is not None and item.contract_id == contract_id:
            return row, item, summary
    raise AssertionError("no series row")


def test_a_daily_series_is_one_row_and_marking_it_done_through_a_date_drops_the_counts(window) -> None:
    window.show()
    feature = window.calendar_feature
    feature.check_due()
    # the samples' 5 overdue, DUTY-1's payment and the logs of 1–19 April; due soon: the logs of 20–27 April
    assert feature.source.counts() == (5 + 1 + 19, 8)
    assert "25 overdue, 8 due within 7 days" in feature.notice.text()
    panel = feature.show_agenda()
    duty = [d for d in panel.rows() if d.contract_id == window.duty_id]
    assert [d.key for d in duty] == ["installment:1", "milestone:1"]  # 91 logs: one row
    row, item, summary = series_row(panel, window.duty_id)
    assert (summary.total, summary.open, summary.overdue, summary.done_through) == (91, 91, 19, None)
    assert item.due == D(2026, 4, 1) and item.state == "overdue"
    details = panel.proxy.index(row, 6).data()
    assert "91 open, 19 overdue" in details and "every day" in panel.proxy.index(row, 2).data()
    window.dialogs.date = D(2026, 4, 15)
    panel.view.selectRow(row)
    panel.mark_selected_done()
    assert window.dialogs.asked[-1] == "Mark done through: 2026-04-20"
    with window.store.session() as session:
        assert contract_service.load(session, window.duty_id).milestones[0].done_date == D(2026, 4, 15)
    _row, item, summary = series_row(panel, window.duty_id)
    assert (summary.open, summary.overdue, summary.done_through, item.due) == (76, 4, D(2026, 4, 15), D(2026, 4, 16))
    assert feature.source.counts() == (5 + 1 + 4, 8)
    assert "10 overdue, 8 due within 7 days" in feature.notice.text()  # the status bar follows
    panel.undo_stack.undo()
    assert feature.source.counts() == (25, 8)
    panel.each_box.setChecked(True)  # every occurrence on demand
    # the payment, 19 overdue logs and those of the next 30 days (20 April – 20 May)
    assert sum(d.contract_id == window.duty_id for d in panel.rows()) == 1 + 19 + 31


def test_completing_a_contract_closes_its_routine_occurrences_after_one_confirmation(window, qtbot) -> None:
    window.show()
    feature = window.calendar_feature
    feature.check_due()
    assert feature.source.counts() == (25, 8)
    editor = window.edit_contract(window.duty_id)
    editor.header.status.setCurrentIndex(editor.header.status.findData("completed"))
    window.dialogs.answer = True
    with qtbot.waitSignal(editor.saved):
        assert editor.save(), (editor.problems_list(), window.dialogs.errors, window.dialogs.questions)
    closing = [q for q in window.dialogs.questions if "routine duties" in q]
    assert len(closing) == 1 and "91 open occurrence(s)" in closing[0] and "值班日志: 91" in closing[0]
    with window.store.session() as session:
        data = contract_service.load(session, window.duty_id)
        items = agenda.contract_deadlines(session, window.duty_id, today=TODAY, reminder_days=30)
        history = session.execute(__import__("sqlalchemy").text(
            "SELECT details FROM history WHERE contract_id = :id ORDER BY id DESC LIMIT 1"),
            {"id": window.duty_id}).scalar_one()
    assert data.status == "completed" and data.milestones[0].done_date == D(2026, 6, 30)
    assert "done_date" in history  # the save's history names the change
    assert [d.key for d in items if d.state == "overdue"] == ["installment:1"]  # the payment stays open
    assert feature.source.counts() == (5 + 1, 0)
    # saving again asks nothing: nothing routine is open
    editor = window.edit_contract(window.duty_id)
    editor.header.notes.setPlainText("完成")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert len([q for q in window.dialogs.questions if "routine duties" in q]) == 1


def test_the_calendar_opens_on_today_with_an_overdue_strip(window) -> None:
    window.show()
    panel = window.calendar_feature.show_calendar()
    assert panel.selected_day() == TODAY
    assert not panel.overdue_strip.isHidden()
    assert panel.overdue_label.text() == "⚠ 25 overdue, the oldest due on 2025-08-14"
    panel.oldest_button.click()
    assert panel.selected_day() == D(2025, 8, 14)
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (2025, 8)
    assert [d.key for d in panel.items_of_day()] == ["bond:1:lodge"]
    panel.calendar.showNextMonth()  # the day list follows the month shown
    assert panel.selected_day() == D(2025, 9, 1)
    panel.calendar.setCurrentPage(2026, 4)
    assert panel.selected_day() == TODAY


def test_the_recurrence_editor_offers_the_shapes_and_keeps_the_rrule_visible(window, qtbot) -> None:
    editor = window.edit_contract(window.duty_id)
    editor.milestones.view.selectRow(0)
    dialog = editor.edit_recurrence()
    assert dialog is not None and dialog.rule() == "FREQ=DAILY"
    dialog.freq.setCurrentIndex(dialog.freq.findData("MONTHLY"))
    dialog.on_working.setChecked(True)
    dialog.working_day.setValue(3)
    assert dialog.rule() == "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3"
    assert dialog.words.text() == "every month on the 3rd working day"
    assert dialog.preview.text() == "Dates over the term: 2026-04-03, 2026-05-08, 2026-06-03"  # 1–5 May: 劳动节
    dialog.on_last.setChecked(True)
    dialog.times.setChecked(True)
    dialog.count.setValue(2)
    assert dialog.rule() == "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=2"
    dialog.rrule.setText("FREQ=SOMETIMES")
    dialog.rrule.textEdited.emit("FREQ=SOMETIMES")
    dialog.accept()
    assert "not an RFC 5545 RRULE" in dialog.error.text() and dialog.isVisible()
    dialog.rrule.setText("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31")
    dialog.accept()
    assert editor.milestones.model.records[0].recurrence == "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31"
    editor.undo_stack.undo()
    assert editor.milestones.model.records[0].recurrence == "FREQ=DAILY"
    editor.close()


def test_the_editors_obligation_tables_show_labels_not_codes(window, store) -> None:
    import re

    code = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|event:")
    for number in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"):
        with store.session() as session:
            found = contract_service.find_id(session, number)
        assert found is not None
        editor = window.edit_contract(found)
        for table in (editor.milestones, editor.bonds):
            model = table.model
            texts = [model.index(row, column).data() for row in range(model.rowCount())
                     for column in range(model.columnCount())]
            assert [t for t in texts if t and code.search(t)] == [], number
        if number == "BJMEMC-2025174-ZC":
            milestones = editor.milestones.model
            assert milestones.index(2, 5).data() == "Migration starts"  # event:migration_start
            assert milestones.index(2, 7).data() == "working days"
            assert milestones.index(2, 5).data(0x0002) == "event:migration_start"  # editing shows the code
        editor.close()


def test_a_new_event_gets_a_label_when_it_is_recorded(window) -> None:
    from ui.calendar.calendar_dialogs import RecordEventDialog

    for typed, label in (("开始上线切换", "开始上线切换"), ("go_live_2026", "2026 go live (go_live_2026)")):
        dialog = RecordEventDialog(window.context, window.duty_id, window, today=TODAY)
        dialog.event.setEditText(typed)
        dialog.accept()
        with window.store.session() as session:
            assert agenda.recorded_labels(session, window.duty_id)[f"event:{typed}"] == (label, None)
        dialog.close()
    dialog = RecordEventDialog(window.context, window.duty_id, window, today=TODAY)
    texts = [dialog.event.itemText(i) for i in range(dialog.event.count())]
    assert "2026 go live (go_live_2026) (2026-04-20)" in texts  # by its label, with its date
    dialog.close()
