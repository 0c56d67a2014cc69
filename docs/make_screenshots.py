"""Render the screenshots in docs/screenshots/ offscreen from the sample ledger.

    uv run python docs/make_screenshots.py

Builds a temporary store from resources/sample_ledger, opens the main window and the
contract editor on BJMEMC-2025174-ZC, and saves each in English and Chinese; then the
editor's Checks panel on the same contract with three typos made (``editor_checks``), and the
liquidated-damages calculator on its clause 8.1.2, 16 days late (``penalty_dialog``); the
deadline calendar's month view and agenda as on 25 September 2026 (``calendar_month``, ``agenda``).
Last, in Chinese, after a few changes (line 3's quantity 12 → 24 and the title of BJMEMC-2025174-ZC
edited, its first installment marked paid, 2026-021 moved to the Trash): the Trash (``trash_zh``),
File → History… (``history_zh``) and the editor's History tab (``editor_history_zh``); then
File → Restore from backup… over four backups of fixed dates (``restore_zh``); then routine series
(``shoot_series``: ``agenda_series_zh``, ``calendar_overdue_zh``, ``recurrence_editor_zh``); then
input errors in Chinese (``shoot_input_errors``: a bad quantity typed and a bad block pasted in the
editor, ``editor_input_errors_zh``; a ledger rejected with all its problems, ``import_rejected_zh``);
last, where a PostgreSQL test server is named (``CONTRACTDESK_TEST_PG``), the window on a server register
and its password prompt (``shoot_server``; ``make_screenshots.py server`` shoots only those).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from services.calendar.agenda import mark_done  # noqa: E402
from services.ledger.importer import import_ledger  # noqa: E402
from services.register import contracts  # noqa: E402
from services.store import Store, open_store  # noqa: E402
from ui import i18n  # noqa: E402
from ui.dialogs import DialogService  # noqa: E402
from ui.editor.checks_panel import show_problem  # noqa: E402
from ui.editor.line_items_model import COL_AMOUNT  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.penalty.penalty_dialog import PenaltyDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def shoot_calendar(app: QApplication, window: MainWindow, suffix: str) -> None:
    """The month view (September 2026: 中秋节, a make-up Sunday, three deadlines due on the 30th) and
    the agenda, as on 25 September 2026 (fixed, so the pictures do not change with the day they
    are made), each a floating dock."""
    from ui import tasks

    tasks.set_synchronous(True)  # the deadlines are computed before the picture is taken
    feature = window.calendar_feature
    feature.source._today = lambda: dt.date(2026, 9, 25)
    feature.source.stale = True
    for dock, name, size in ((feature.calendar_dock, "calendar_month", (900, 720)),
                             (feature.agenda_dock, "agenda", (1180, 560))):
        if name == "calendar_month":
            feature.show_calendar().select_day(dt.date(2026, 9, 30))
        else:
            feature.show_agenda()
        dock.setFloating(True)
        dock.resize(*size)
        app.processEvents()
        dock.grab().save(str(OUT / f"{name}{suffix}.png"))
        dock.hide()
    tasks.set_synchronous(False)


def make_changes(store: Store, contract_id: int) -> None:
    """What the record windows show: a saved edit, a deadline marked done, a contract in the Trash."""
    with store.session() as session:
        data = contracts.load(session, contract_id)
        data.line_items[2].quantity = Decimal("24")
        data.title = data.title + "（补充）"
        contracts.save(session, data, contract_id=contract_id)
    with store.session() as session:
        mark_done(session, contract_id, "installment:1", dt.date(2026, 3, 2))
    with store.session() as session:
        contracts.delete_contract(session, contracts.find_id(session, "2026-021"))


class _Recorder(DialogService):
    """Records the questions instead of asking them (their boxes are drawn for the pictures)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.asked: list[tuple[str, str, list[tuple[str, str]]]] = []
        self.unsaved: list[tuple[str, str]] = []

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        self.asked.append((title, text, choices))
        return None  # Cancel: the editor keeps its edits

    def save_discard_cancel(self, title: str, text: str) -> str:
        self.unsaved.append((title, text))
        return "cancel"


class _ErrorRecorder(_Recorder):
    """Also records error boxes, and offers ``ledger`` to File → Import."""

    def __init__(self, parent: QWidget, ledger: Path) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.errors: list[tuple[str, str, str]] = []

    def ledger_to_import(self) -> Path | None:
        return self.ledger

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))


def shoot_input_errors(app: QApplication, store: Store, contract_id: int, folder: Path) -> None:
    """In Chinese: a bad quantity typed and a bad block pasted into the line items, and a ledger
    rejected with a bad number, an unknown contract and a missing link (issue 12)."""
    import csv
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from ui import tasks
    from ui.editor.line_items_model import COL_QUANTITY

    tasks.set_synchronous(True)
    i18n.install("zh_CN")
    ledger = folder / "bad_ledger"
    shutil.copytree(ROOT / "resources" / "sample_ledger", ledger)
    for name, row, column, value in (("line_items.csv", 7, "quantity", "abc"), ("line_items.csv", 3, "contract_no",
                                     "BJMEMC-2025174"), ("installments.csv", 2, "due_after", "milestone:9")):
        path = ledger / name
        rows = list(csv.reader(path.read_text("utf-8-sig").splitlines()))
        rows[row - 1][rows[0].index(column)] = value
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(rows)
    holder = QWidget()
    dialogs = _ErrorRecorder(holder, ledger)
    window = MainWindow(store, dialogs=dialogs)
    window._hand_over_store = True
    window.import_ledger()
    title, text, details = dialogs.errors[-1]
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.setDetailedText(details)
    _save_box(box, "import_rejected_zh.png", app)
    editor = window.edit_contract(contract_id)
    editor.resize(1100, 600)
    editor.tabs.setCurrentIndex(2)
    editor.line_items.model.setData(editor.line_items.model.index(1, COL_QUANTITY), "abc")
    editor.line_items.paste_text("名称\t单价\t数量\n堡垒机\t¥1,200.00\t-2\nWAF\t１，２００\t2天\n")
    editor.show()
    app.processEvents()
    editor.grab().save(str(OUT / "editor_input_errors_zh.png"))
    editor.undo_stack.setClean()
    editor._clean_header = editor.header.snapshot()
    editor.close()
    window.close()
    tasks.set_synchronous(False)


def _save_box(box: QWidget, name: str, app: QApplication) -> None:
    box.show()
    app.processEvents()
    box.grab().save(str(OUT / name))
    box.close()


def shoot_prompts(app: QApplication, store: Store, contract_id: int) -> None:
    """The unsaved-changes prompt and the conflict choices, in Chinese, as the editor asks them."""
    from ui import tasks

    tasks.set_synchronous(True)
    i18n.install("zh_CN")
    holder = QWidget()
    dialogs = _Recorder(holder)
    window = MainWindow(store, dialogs=dialogs)
    window._hand_over_store = True
    editor = window.edit_contract(contract_id)
    editor.header.edit("title").setText(editor.header.edit("title").text() + "（改）")
    editor.close()  # asks Save / Discard / Cancel: recorded, answered Cancel
    title, text = dialogs.unsaved[-1]
    _save_box(dialogs.unsaved_box(title, text), "unsaved_prompt_zh.png", app)
    with store.session() as session:  # somebody else saves the same contract meanwhile
        data = contracts.load(session, contract_id)
        data.line_items[0].quantity = Decimal("1200")
        contracts.save(session, data, contract_id=contract_id)
    editor.save()  # refused: the conflict's choices are recorded
    title, text, choices = dialogs.asked[-1]
    box, _keys = dialogs.choice_box(title, text, choices)
    _save_box(box, "conflict_zh.png", app)
    editor.undo_stack.setClean()
    editor._clean_header = editor.header.snapshot()
    editor.close()
    window.close()
    tasks.set_synchronous(False)


def shoot_records(app: QApplication, store: Store, contract_id: int) -> None:
    """The Trash, the History dialog and the editor's History tab, in Chinese, after ``make_changes``."""
    from ui import tasks

    tasks.set_synchronous(True)  # the entries are read before the picture is taken
    i18n.install("zh_CN")
    make_changes(store, contract_id)
    window = MainWindow(store)
    window._hand_over_store = True
    window.show()
    trash = window.show_trash()
    trash.select_contract("2026-021")
    trash.resize(860, 320)
    app.processEvents()
    trash.grab().save(str(OUT / "trash_zh.png"))
    trash.close()
    history = window.show_history()
    history.resize(1180, 620)
    saved = next(row for row in history.shown_rows() if row.action == "save")
    history.select_row(saved.id)  # the save with the quantity
    app.processEvents()
    history.grab().save(str(OUT / "history_zh.png"))
    history.close()
    editor = window.edit_contract(contract_id)
    editor.resize(1100, 560)
    editor.tabs.setCurrentWidget(editor.history)
    app.processEvents()
    editor.grab().save(str(OUT / "editor_history_zh.png"))
    editor.close()
    window.close()
    tasks.set_synchronous(False)


def shoot_backups(app: QApplication, store: Store) -> None:
    """File → Restore from backup…, in Chinese, listing four backups taken at fixed times (daily,
    manual, before an import), so the picture does not change with the day it is made."""
    from services import backup as backup_service
    from ui import tasks

    tasks.set_synchronous(True)  # the list is read before the picture is taken
    i18n.install("zh_CN")
    clock = backup_service._now
    try:
        for when, make in ((dt.datetime(2026, 11, 30, 8, 58, 12), backup_service.daily_backup),
                           (dt.datetime(2026, 12, 1, 17, 30, 5), backup_service.backup_now),
                           (dt.datetime(2026, 12, 2, 8, 59, 40), backup_service.daily_backup),
                           (dt.datetime(2026, 12, 2, 10, 15, 27),
                            lambda s: backup_service.backup_before(s, "import"))):
            backup_service._now = lambda when=when: when
            make(store)
    finally:
        backup_service._now = clock
    window = MainWindow(store)
    window._hand_over_store = True
    window.show()
    dialog = window.restore_from_backup()
    dialog.resize(860, 360)
    app.processEvents()
    dialog.grab().save(str(OUT / "restore_zh.png"))
    dialog.close()
    window.close()
    tasks.set_synchronous(False)


def shoot_series(app: QApplication, folder: Path) -> None:
    """Issue 13, in Chinese, as on 20 April 2026, over the samples and a duty contract (a daily log,
    a weekly report, a monthly report on the 31st): the agenda with a routine series as one row
    (``agenda_series_zh``), the calendar's overdue strip (``calendar_overdue_zh``) and the
    editor's Repeats… (``recurrence_editor_zh``)."""
    from services.register.contract_data import ContractData, MilestoneData, PartyData
    from ui import tasks

    store = open_store(folder / "series.db")
    import_ledger(store, ROOT / "resources" / "sample_ledger")
    duty = ContractData("ZB-2026-01", "政务云值班运维服务合同", Decimal("360000.00"), status="active",
                        sign_date=dt.date(2026, 3, 20), start_date=dt.date(2026, 4, 1), end_date=dt.date(2027, 3, 31),
                        parties=[PartyData("甲方", "某市政务服务数据管理局"),
                                 PartyData("乙方", "某云计算服务有限公司")],
                        milestones=[MilestoneData(1, "值班日志", kind="report", responsible_role="乙方",
                                                  recurrence="FREQ=DAILY"),
                                    MilestoneData(2, "运维周报", kind="report", responsible_role="乙方",
                                                  recurrence="FREQ=WEEKLY;BYDAY=FR"),
                                    MilestoneData(3, "月度运维报告", kind="report", responsible_role="乙方",
                                                  recurrence="FREQ=MONTHLY;BYMONTHDAY=31")])
    with store.session() as session:
        duty_id = contracts.save(session, duty)
    i18n.install("zh_CN")
    tasks.set_synchronous(True)
    window = MainWindow(store)
    window._hand_over_store = True
    feature = window.calendar_feature
    feature.source._today = lambda: dt.date(2026, 4, 20)
    feature.source.stale = True
    feature.agenda.window_box.setCurrentIndex(0)
    feature.show_agenda()
    feature.agenda_dock.setFloating(True)
    feature.agenda_dock.resize(1340, 520)
    app.processEvents()
    feature.agenda_dock.grab().save(str(OUT / "agenda_series_zh.png"))
    feature.agenda_dock.hide()
    feature.show_calendar()
    feature.calendar_dock.setFloating(True)
    feature.calendar_dock.resize(900, 760)
    app.processEvents()
    feature.calendar_dock.grab().save(str(OUT / "calendar_overdue_zh.png"))
    feature.calendar_dock.hide()
    editor = window.edit_contract(duty_id)
    editor.tabs.setCurrentWidget(editor.milestones)
    editor.milestones.view.selectRow(2)
    dialog = editor.edit_recurrence()
    assert dialog is not None
    dialog.resize(640, 360)
    app.processEvents()
    dialog.grab().save(str(OUT / "recurrence_editor_zh.png"))
    dialog.close()
    editor.close()
    tasks.set_synchronous(False)
    window.close()
    store.close()


def shoot_server(app: QApplication) -> None:
    """A register on a PostgreSQL server (issue 17), when ``CONTRACTDESK_TEST_PG`` names one
    (``bash .ci/postgres.sh -- uv run python docs/make_screenshots.py server``): the window as the
    contract officer ``li_officer`` (the status bar names the server, the user and the role:
    ``server_register_zh``), the password prompt after a refused password (``server_password_zh``) and
    Settings → Register… on it (``register_dialog_zh``), File → Move this register to a server…
    (``move_to_server_zh``) and the Retry question of a save that met a lost connection
    (``lost_connection_retry_zh``)."""
    from sqlalchemy.engine import make_url

    from services import store_roles
    from services.store import StoreError
    from services.store_pg import STORE_CONNECTION_LOST, STORE_PASSWORD
    from tests import pg_server
    from ui.dialogs import DialogService
    from ui.editor.lost_connection import retry_question
    from ui.register.move_to_server import MoveDialog
    from ui.register.register_dialog import RegisterDialog
    from ui.register.server_password import PasswordDialog

    if pg_server.skip_reason() is not None:
        print(f"server screenshots skipped: {pg_server.skip_reason()}")
        return
    name = "contractdesk_shots"
    url = pg_server.create_database(name)
    try:
        owner = open_store(url)
        import_ledger(owner, ROOT / "resources" / "sample_ledger")
        with owner.engine.begin() as connection:
            store_roles.grant(connection, "li_officer", "officer", create_login=True)
        owner.close()
        officer_url = make_url(url).set(username="li_officer").render_as_string(hide_password=False)
        store = open_store(officer_url)
        i18n.install("zh_CN")
        window = MainWindow(store)
        window._hand_over_store = True
        window.resize(1200, 420)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "server_register_zh.png"))
        refused = StoreError(STORE_PASSWORD, url=store.location,
                             reason='password authentication failed for user "li_officer"')
        dialog = PasswordDialog(store.location, refused)
        dialog.password_edit.setText("secret")
        dialog.remember_box.setChecked(True)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "server_password_zh.png"))
        dialog.close()
        chooser = RegisterDialog(store.location, window)  # Settings → Register…
        chooser.show()
        app.processEvents()
        chooser.grab().save(str(OUT / "register_dialog_zh.png"))
        chooser.close()
        mover = MoveDialog("/home/li/.local/share/ContractDesk/contracts.db", window)  # File → Move…
        mover.url_edit.setText("postgresql://li_officer@db.caizhengju.example:5432/contracts")
        mover.show()
        app.processEvents()
        mover.grab().save(str(OUT / "move_to_server_zh.png"))
        mover.close()
        lost = StoreError(STORE_CONNECTION_LOST, url=store.location,
                          reason="terminating connection due to administrator command")
        box, _keys = DialogService(window).choice_box(*retry_question(lost))  # a save met a lost connection
        box.show()
        app.processEvents()
        box.grab().save(str(OUT / "lost_connection_retry_zh.png"))
        box.close()
        window.close()
        store.close()
    finally:
        pg_server.drop_database(name)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["server"]:
        shoot_server(app)
        return
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "sample.db")
        import_ledger(store, ROOT / "resources" / "sample_ledger")
        with store.session() as session:
            contract_id = contracts.find_id(session, "BJMEMC-2025174-ZC")
        for language, suffix in (("en", ""), ("zh_CN", "_zh")):
            i18n.install(language)
            window = MainWindow(store)
            window._hand_over_store = True
            window.resize(1200, 420)
            window.show()
            app.processEvents()
            window.grab().save(str(OUT / f"contract_list{suffix}.png"))
            editor = window.edit_contract(contract_id)
            editor.resize(1100, 560)
            for index, name in ((2, "editor_line_items"), (1, "editor_parties"), (0, "editor_general")):
                editor.tabs.setCurrentIndex(index)
                app.processEvents()
                editor.grab().save(str(OUT / f"{name}{suffix}.png"))
            editor.close()
            editor = window.edit_contract(contract_id)  # typos for the checks to find; never saved
            editor.resize(1100, 760)
            editor.header.edit("sign_date").setText("2015-07-24")
            editor.line_items.model.setData(editor.line_items.model.index(3, COL_AMOUNT), "60775")
            editor.parties.model.setData(editor.parties.model.index(0, 7), "12110000400709393X")
            show_problem(editor, editor.checks.problems()[0])
            app.processEvents()
            editor.grab().save(str(OUT / f"editor_checks{suffix}.png"))
            editor.undo_stack.setClean()
            editor._clean_header = editor.header.snapshot()  # closed without asking: the typos are not saved
            editor.close()
            penalty = PenaltyDialog(window.context, contract_id, window, user="officer")  # 8.1.2, 16 days late
            penalty.select_clause("8.1.2")
            penalty.due_edit.setText("2026-05-15")
            penalty.actual_edit.setText("2026-05-31")
            penalty.resize(1080, 600)
            penalty.show()
            app.processEvents()
            penalty.grab().save(str(OUT / f"penalty_dialog{suffix}.png"))
            penalty.close()
            shoot_calendar(app, window, suffix)
            window.close()
        shoot_prompts(app, store, contract_id)
        shoot_records(app, store, contract_id)
        shoot_backups(app, store)
        shoot_series(app, Path(folder))
        shoot_input_errors(app, store, contract_id, Path(folder))
        empty = open_store(Path(folder) / "empty.db")
        window = MainWindow(empty)
        window.resize(900, 420)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "welcome_zh.png"))
        window.close()
        store.close()
    shoot_server(app)
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
