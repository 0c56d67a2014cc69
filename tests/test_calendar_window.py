"""The milestone calendar in the window (pytest-qt, no modal): start-up notice, month view, agenda
(filters, mark done + undo, record event), .ics export, working-day schedule, reminder days, and the
contract editor's Milestones and Bonds tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMenu, QPushButton

from services.calendar import agenda
from services.calendar.deadlines import DEFAULT_REMINDER_DAYS
from services.calendar.holidays import load_holidays
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from tests.conftest import SAMPLE_LEDGER, FakeDialogs
from ui import settings
from ui.contracts.list_model import COL_NEXT_DUE
from ui.main_window import MainWindow

D = dt.date
TODAY = D(2026, 4, 20)


class CalendarDialogs(FakeDialogs):
    """FakeDialogs plus the calendar's questions."""

    def __init__(self) -> None:
        super().__init__()
        self.date: dt.date | None = D(2026, 4, 18)
        self.number: int | None = None
        self.ics: Path | None = None
        self.holiday_csv: Path | None = None
        self.asked: list[str] = []

    def ask_date(self, title: str, label: str, default: dt.date) -> dt.date | None:
        self.asked.append(f"{title}: {default.isoformat()}")
        return self.date

    def ask_int(self, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
        self.asked.append(f"{title}: {value}")
        return self.number

    def ics_to_save(self, default_name: str) -> Path | None:
        return self.ics

    def holiday_csv_to_open(self) -> Path | None:
        return self.holiday_csv

    def holiday_csv_to_save(self) -> Path | None:
        return self.holiday_csv


pytestmark = pytest.mark.usefixtures("synchronous_tasks")


@pytest.fixture(autouse=True)
def user_config(qapp, tmp_path: Path) -> Iterator[Path]:
    """QSettings in tmp_path (reminder days at their default), never the officer's own."""
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(store, dialogs=CalendarDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True  # the store fixture closes it
    window.calendar_feature.source._today = lambda: TODAY
    return window


@pytest.fixture
def window(qtbot, store) -> MainWindow:
    import_ledger(store, SAMPLE_LEDGER)
    main = make_window(qtbot, store)
    main.model.refresh()
    return main


def contract_id(store, number: str) -> int:
    with store.session() as session:
        found = contract_service.find_id(session, number)
    assert found is not None
    return found


def test_empty_store_opens_without_a_notice(qtbot, store) -> None:
    window = make_window(qtbot, store)
    qtbot.wait(20)  # the start-up check runs once the event loop does
    feature = window.calendar_feature
    # only the counts are computed at start (issue 18: the items wait for the calendar or agenda)
    counts = feature.source.due_counts
    assert counts is not None and len(counts) == 0 and not feature.source.loaded and not feature.docks_built
    feature.show_agenda()  # the items once a dock is shown
    assert feature.source.loaded and feature.source.items == [] and feature.source.due_counts is None
    assert not feature.notice.isVisible()
    assert feature.calendar_action.shortcut().toString() == "Ctrl+K"
    assert feature.agenda_action.shortcut().toString() == "Ctrl+G"
    menus = {menu.title(): menu for menu in window.menuBar().findChildren(QMenu)}
    assert feature.holidays_action in menus["&Settings"].actions()
    assert feature.export_action in menus["&File"].actions()


def test_start_up_notice_counts_and_opens_the_agenda(window) -> None:
    feature = window.calendar_feature
    window.show()
    feature.check_due()
    assert feature.source.counts() == (5, 0)
    assert feature.notice.isVisible()
    assert "5 overdue, 0 due within 7 days" in feature.notice.text()
    assert window.statusBar().currentMessage() == "5 overdue, 0 due within 7 days"
    assert not feature.agenda_dock.isVisible()
    feature.notice.linkActivated.emit("agenda")
    assert feature.agenda_dock.isVisible()


def test_agenda_filters_and_sorts(window) -> None:
    window.show()
    panel = window.calendar_feature.show_agenda()
    rows = panel.rows()
    # overdue and the next 30 days, by date
    assert [(d.contract_no, d.key) for d in rows] == [
        ("BJMEMC-2025174-ZC", "bond:1:lodge"),  # milestone 1 lodges it: one obligation, one row
        ("BJMEMC-2025174-ZC", "installment:1"), ("BJMEMC-2025174-ZC", "milestone:2"), ("2026-021", "milestone:1"),
        ("BJMEMC-2025174-ZC", "renewal"), ("BJMEMC-2025174-ZC", "term_end")]
    panel.set_window("next_90")
    assert [d.key for d in panel.rows()] == ["term_end", "milestone:5"]
    panel.set_window("waiting")
    assert len(panel.rows()) == 18 and all(d.state == "waiting" for d in panel.rows())
    panel.contract_edit.setText("whzf")
    assert {d.contract_no for d in panel.rows()} == {"WHZF-2026-ZWY"}
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("installment"))
    assert [d.key for d in panel.rows()] == ["installment:1", "installment:3"]
    panel.set_window("all")
    panel.contract_edit.clear()
    panel.role_box.setCurrentIndex(panel.role_box.findData("甲方"))
    assert {d.kind for d in panel.rows()} == {"installment"}
    panel.kind_box.setCurrentIndex(0)
    panel.role_box.setCurrentIndex(0)
    panel.view.sortByColumn(1, panel.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    assert panel.rows()[0].contract_no == "WHZF-2026-ZWY"
    assert "overdue" in panel.summary.text()


def test_mark_done_with_the_actual_date_and_undo(window, store) -> None:
    window.show()
    panel = window.calendar_feature.show_agenda()
    bjmemc = contract_id(store, "BJMEMC-2025174-ZC")
    assert panel.select(bjmemc, "installment:1")
    panel.mark_selected_done()
    assert window.dialogs.asked == ["Mark done: 2026-04-20"]
    with store.session() as session:
        assert contract_service.load(session, bjmemc).installments[0].paid_date == D(2026, 4, 18)
    assert "installment:1" not in [d.key for d in panel.rows()]  # done: out of the overdue window
    assert window.calendar_feature.source.counts() == (4, 0)
    panel.undo_stack.undo()
    with store.session() as session:
        assert contract_service.load(session, bjmemc).installments[0].paid_date is None
    assert "installment:1" in [d.key for d in panel.rows()]
    panel.undo_stack.redo()
    with store.session() as session:
        assert agenda.done_value(session, bjmemc, "installment:1") == D(2026, 4, 18)
    window.dialogs.date = None  # cancelled: nothing happens
    panel.select(bjmemc, "renewal")
    panel.mark_selected_done()
    assert panel.undo_stack.count() == 1


def test_record_event_from_the_agenda_dates_a_waiting_payment(window, store) -> None:
    window.show()
    panel = window.calendar_feature.show_agenda()
    panel.set_window("waiting")
    whzf = contract_id(store, "WHZF-2026-ZWY")
    assert panel.select(whzf, "installment:1")
    dialog = panel.record_event()
    assert dialog is not None and dialog.code() == "budget"
    dialog.date.setText("2026-04-01")
    dialog.accept()
    with store.session() as session:
        assert agenda.recorded_events(session, whzf) == {"budget": D(2026, 4, 1)}
    dated = {d.key: d for d in window.calendar_feature.source.items if d.contract_id == whzf}
    assert (dated["installment:1"].due, dated["installment:1"].state) == (D(2026, 4, 23), "due_soon")
    # a bad date keeps the dialog open with the reason
    assert panel.select(whzf, "installment:3")
    dialog = panel.record_event() or pytest.fail("no dialog")
    assert dialog.code() == "event:budget_2027"
    dialog.date.setText("2026-02-30")
    dialog.accept()
    assert "no such date" in dialog.error.text()
    dialog.close()


def test_month_view_marks_days_and_opens_the_contract(window, store, qtbot) -> None:
    window.show()
    panel = window.calendar_feature.show_calendar()
    panel.select_day(D(2025, 8, 14))
    assert {d.key for d in panel.items_of_day()} == {"bond:1:lodge"}  # milestone 1 is the same obligation
    assert panel.calendar.main_state(D(2025, 8, 14)) == "overdue"
    assert panel.calendar.main_state(D(2027, 2, 9)) == "estimate"
    assert panel.calendar.main_state(D(2025, 8, 15)) is None
    assert "2025-08-14: 1 deadline(s)" in panel.day_title.text()
    assert panel.calendar._day_tag(D(2025, 10, 1)) == ("休", "#d32f2f")
    assert panel.calendar._day_tag(D(2025, 9, 28))[0] == "班"
    assert panel.calendar._day_tag(D(2027, 2, 8))[0] == "估"
    panel.select_day(D(2025, 10, 1))
    assert "国庆节" in panel.day_title.text()
    panel.calendar.setSelectedDate(panel.calendar.selectedDate().addMonths(1))
    panel.calendar.grab()  # paints every cell
    panel.select_day(D(2025, 8, 14))
    with qtbot.waitSignal(panel.contractActivated) as signal:
        panel.view.doubleClicked.emit(panel.proxy.index(0, 0))
    assert signal.args == [contract_id(store, "BJMEMC-2025174-ZC")]


def test_export_ics(window, tmp_path: Path) -> None:
    window.dialogs.ics = tmp_path / "deadlines.ics"
    window.calendar_feature.export_ics()
    events = list(Calendar.from_ical(window.dialogs.ics.read_bytes()).walk("VEVENT"))
    assert len(events) == 17  # a bond lodged or expiring per a milestone is one deadline
    assert all(len(list(event.walk("VALARM"))) == 1 for event in events)
    assert window.statusBar().currentMessage().startswith("17 deadline(s) written to")
    assert "30 day(s) before" in window.statusBar().currentMessage()


def test_working_day_schedule_imported_makes_2027_firm(window, store, tmp_path: Path) -> None:
    feature = window.calendar_feature
    feature.source.refresh()  # every deadline held (as when the calendar or agenda is shown), then kept current
    whzf = contract_id(store, "WHZF-2026-ZWY")

    def final_acceptance() -> object:
        return next(d for d in feature.source.items if d.contract_id == whzf and d.key == "milestone:3")

    assert (final_acceptance().due, final_acceptance().state) == (D(2027, 2, 9), "estimate")
    csv = tmp_path / "2027.csv"
    csv.write_text("日期,是否工作日,名称\n" + "".join(f"2027-02-{day:02d},否,春节\n" for day in range(5, 14))
                   + "2027-02-20,是,春节调休\n", encoding="utf-8")
    window.dialogs.holiday_csv = csv
    dialog = feature.edit_holidays()
    dialog.import_csv()
    assert dialog.model.rowCount() == 10
    dialog.accept()
    with store.session() as session:
        assert len(load_holidays(session)) == 10
    # counting back 20 working days from 9 March with 5–13 Feb off and Saturday 20 Feb worked
    assert (final_acceptance().due, final_acceptance().state, final_acceptance().estimate) == (
        D(2027, 2, 2), "upcoming", False)
    assert feature.calendar.calendar._day_tag(D(2027, 2, 20))[0] == "班"


def test_schedule_dialog_refuses_bad_rows_and_bad_files(window, tmp_path: Path) -> None:
    dialog = window.calendar_feature.edit_holidays()
    dialog.insert_row()
    dialog.insert_row()
    model = dialog.model
    assert model.setData(model.index(0, 0), "2027-01-01")
    assert not model.setData(model.index(1, 0), "2027-13-01")
    dialog.accept()
    assert dialog.error.text() == "Row 2: a date is needed"
    assert model.setData(model.index(1, 0), "2027/1/1")
    dialog.accept()
    assert dialog.error.text() == "Row 2: 2027-01-01 is also on row 1"
    bad = tmp_path / "bad.csv"
    bad.write_text("date,is_working_day\n2027-01-01,perhaps\n", encoding="utf-8")
    window.dialogs.holiday_csv = bad
    dialog.import_csv()
    assert "bad.csv:2:is_working_day: not a yes/no value" in window.dialogs.errors[-1]
    assert model.rowCount() == 2  # unchanged
    dialog.close()


def test_reminder_days_setting_moves_the_renewal_reminder(window, store) -> None:
    feature = window.calendar_feature
    feature.source.refresh()  # every deadline held, as when the agenda is shown
    window.dialogs.number = 60
    feature.edit_reminder_days()
    assert window.dialogs.asked[-1] == "Reminder days: 30"
    assert settings.DEFAULT_REMINDER_DAYS == DEFAULT_REMINDER_DAYS == 30  # window and command line agree
    assert settings.reminder_days() == 60
    renewal = next(d for d in feature.source.items if d.contract_no == "2026-021" and d.key == "renewal")
    assert renewal.due == D(2027, 2, 9)  # 60 days before 10 April 2027


def test_editor_milestones_and_bonds_tabs(window, store, qtbot) -> None:
    bjmemc = contract_id(store, "BJMEMC-2025174-ZC")
    editor = window.edit_contract(bjmemc)
    tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert tabs.index("Milestones") == tabs.index("Installments") + 1
    assert tabs.index("Bonds") == tabs.index("Milestones") + 1
    assert len(editor.milestones.model.records) == 7
    assert editor.bonds.model.records[0].valid_until == D(2026, 8, 15)
    milestones = editor.milestones.model
    milestones.insert_row(7)
    assert editor.problems_list() == ["Milestones: every milestone needs a name"]
    milestones.setData(milestones.index(7, 1), "月度运维报告")
    milestones.setData(milestones.index(7, 5), "服务开始")  # Counted from, in Chinese
    milestones.setData(milestones.index(7, 8), "FREQ=SOMETIMES")
    assert any("not an RFC 5545 RRULE" in p for p in editor.problems_list())
    milestones.setData(milestones.index(7, 8), "FREQ=MONTHLY;BYMONTHDAY=5")
    milestones.setData(milestones.index(7, 5), "accept")
    assert any("unknown event 'accept'" in p for p in editor.problems_list())
    milestones.setData(milestones.index(7, 5), "服务开始")
    assert editor.problems_list() == []
    bonds = editor.bonds.model
    bonds.setData(bonds.index(0, 10), "2025-08-12")  # lodged on
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    with store.session() as session:
        data = contract_service.load(session, bjmemc)
        items = agenda.contract_deadlines(session, bjmemc, today=TODAY, reminder_days=30)
    assert data.milestones[7].due_after == "start"
    assert data.bonds[0].lodged_date == D(2025, 8, 12)
    reports = [d.due for d in items if d.key.startswith("milestone:8:")]
    assert reports[0] == D(2025, 11, 5) and reports[-1] == D(2026, 5, 6)  # 5 May 2026: 劳动节, moved
    assert {d.key: d.state for d in items}["bond:1:lodge"] == "done"


def test_editor_record_event_button(window, store, qtbot) -> None:
    new = window.new_contract()
    assert not new.event_button.isEnabled()
    assert new.record_event() is None
    new.close()
    editor = window.edit_contract(contract_id(store, "2026-021"))
    assert editor.event_button.text() == "Record event…"
    assert editor.event_button in editor.buttons.findChildren(QPushButton)
    dialog = editor.record_event()
    codes = [dialog.event.itemData(i) for i in range(dialog.event.count())]
    assert codes[:3] == ["acceptance", "invoice", "budget"]
    assert "event:invoice_2" in codes
    # a named event shows by its label (events.csv), never by its code
    assert dialog.event.itemText(codes.index("event:invoice_2")) == "Second-installment invoice received"
    assert "event:termination_notice" in codes
    dialog.event.setCurrentIndex(codes.index("invoice"))
    dialog.date.setText("2026-04-02")
    with qtbot.waitSignal(window.context.changes.changed) as announced:  # the one store-changed signal
        dialog.accept()
    assert announced.args[0].contract_ids == {editor.contract_id}
    with store.session() as session:
        items = {d.key: d for d in agenda.contract_deadlines(session, editor.contract_id, today=TODAY,
                                                            reminder_days=30)}
    assert items["installment:1"].due == D(2026, 4, 2)  # signing+invoice, payable on receipt
    editor.close()


def test_mark_done_in_the_agenda_updates_the_list_and_the_status_bar_at_once(window, store) -> None:
    """One store-changed signal: the agenda writes, the list's next due and the notice follow."""
    window.show()
    feature = window.calendar_feature
    feature.check_due()
    assert "5 overdue, 0 due within 7 days" in feature.notice.text()
    bjmemc = contract_id(store, "BJMEMC-2025174-ZC")

    def list_next_due() -> str:
        return window.model.index(window.model.row_of(bjmemc), COL_NEXT_DUE).data()

    before = list_next_due()
    panel = feature.show_agenda()
    earliest = [d for d in panel.rows() if d.contract_id == bjmemc and d.due and d.due.isoformat() == before]
    assert [d.key for d in earliest] == ["bond:1:lodge"]  # 2025-08-14, overdue (milestone 1: the same)
    for item in earliest:
        assert panel.select(bjmemc, item.key)
        panel.mark_selected_done()
    assert list_next_due() != before  # the list shows the store's new next due at once
    with store.session() as session:
        stored = contract_service.list_rows(session, [bjmemc])[bjmemc].next_due
    assert list_next_due() == (stored.isoformat() if stored else "")
    assert "4 overdue, 0 due within 7 days" in feature.notice.text()  # and the status bar's count
    panel.undo_stack.undo()
    assert list_next_due() == before
    assert "5 overdue, 0 due within 7 days" in feature.notice.text()


def test_marking_done_a_deadline_gone_meanwhile_says_so_in_chinese(window, store) -> None:
    from ui import i18n

    panel = window.calendar_feature.agenda
    bjmemc = contract_id(store, "BJMEMC-2025174-ZC")
    i18n.install("zh_CN")
    try:
        panel.write_done(bjmemc, "installment:9", D(2026, 4, 18))  # another window removed installment 9
    finally:
        i18n.install("en")
    assert window.dialogs.errors == ["合同中已没有分期付款第 9 项（可能刚被修改） [AGENDA_NO_SUCH_ROW]\n"]


def test_editor_installments_show_rules_in_words_not_codes(window, store, qtbot) -> None:
    """The Installments tab shows "Counted from" and "Unit" as words (生效, 工作日), as the
    Milestones tab does; editing the cell still shows the code the ledger uses."""
    from PySide6.QtCore import Qt

    from ui import i18n

    i18n.install("zh_CN")
    try:
        editor = window.edit_contract(contract_id(store, "BJMEMC-2025174-ZC"))
        qtbot.addWidget(editor)
        model = editor.installments.model
        fields = [c.field for c in model.columns]
        after, unit = model.index(0, fields.index("due_after")), model.index(0, fields.index("due_unit"))
        assert model.records[0].due_after == "effective" and model.records[0].due_unit == "working_days"
        assert (model.data(after), model.data(unit)) == ("生效", "工作日")
        assert model.data(unit, Qt.ItemDataRole.EditRole) == "working_days"
    finally:
        i18n.install("en")
