"""Ledger format version 2, first slice (spec csv-format.md): English names (``title_en``,
``name_en``), ``events.csv`` (events with labels) and ``done_marks.csv`` read, stored, exported
and imported again byte-identically; bad rows rejected with ``file:row:column:`` problems."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from services.calendar import agenda
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from services.register.contract_data import ContractData, DoneMarkData, EventData
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

D = dt.date
BJMEMC, RED_CROSS, WHZF = "BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY"
TODAY = D(2026, 4, 20)


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def load(store: Store, contract_no: str) -> ContractData:
    with store.session() as session:
        return contract_service.load_by_no(session, contract_no)


def export_bytes(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {path.name: path.read_bytes() for path in export_ledger(session, folder)}


@pytest.fixture(scope="module")
def loaded_template(template_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("v2") / "loaded.db"
    shutil.copyfile(template_store, path)
    opened = open_store(path)
    import_ledger(opened, SAMPLE_LEDGER)
    opened.close()
    return path


@pytest.fixture
def loaded(loaded_template: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "loaded.db"
    shutil.copyfile(loaded_template, path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def fresh(template_store: Path, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def make() -> Store:
        path = tmp_path / f"fresh-{len(opened)}.db"
        shutil.copyfile(template_store, path)
        opened.append(open_store(path))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


# --- English names -----------------------------------------------------------------------


def test_english_names_are_stored(loaded: Store) -> None:
    contract = load(loaded, RED_CROSS)
    assert contract.title_en is not None and contract.title_en.startswith("Beijing Red Cross Emergency Service")
    assert [p.name_en for p in contract.parties] == ["Beijing Red Cross Emergency Service Center",
                                                     "Capinfo Cloud Technology Co., Ltd."]
    assert contract.line_items[0].name_en == "Cloud anti-DDoS service"
    assert load(loaded, WHZF).line_items[4].name_en == \
        "Basic services, storage: high-performance storage (3,000-20,000 IOPS per disk)"


def test_english_names_read_under_their_chinese_alias(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    write_rows(folder / "contracts.csv", [["合同编号", "合同名称", "英文名称", "合同总额"],
                                          ["X-1", "云服务合同", "Cloud service contract", "100"]])
    write_rows(folder / "line_items.csv", [["合同编号", "序号", "名称", "英文名称", "合价"],
                                           ["X-1", "1", "云主机", "Cloud host", "100"]])
    import_ledger(store, folder)
    contract = load(store, "X-1")
    assert (contract.title_en, contract.line_items[0].name_en) == ("Cloud service contract", "Cloud host")


# --- events and done marks ---------------------------------------------------------------


def test_sample_events_are_stored_with_labels_and_no_dates(loaded: Store) -> None:
    events = load(loaded, WHZF).events
    assert [e.event for e in events] == ["event:acceptance_report", "event:budget_2027", "event:force_majeure",
                                         "event:payment"]
    assert events[1] == EventData("event:budget_2027", "2027年预算批复", "2027 budget approved", None)
    with loaded.session() as session:
        assert agenda.recorded_events(session, contract_service.find_id(session, WHZF)) == {}


def _record(store: Store) -> None:
    """An event date, a relabelled standard event, a done occurrence and a done bond validity."""
    with store.session() as session:
        whzf = contract_service.find_id(session, WHZF)
        bj = contract_service.find_id(session, BJMEMC)
        agenda.record_event(session, whzf, "event:budget_2027", D(2027, 1, 20))
        agenda.record_event(session, whzf, "budget", D(2026, 3, 20), "财政批复")
        agenda.mark_done(session, bj, "milestone:2:2025-10-23", D(2025, 10, 22))
        agenda.mark_done(session, bj, "bond:1:valid", D(2026, 8, 15))
        agenda.mark_done(session, bj, "term_end", D(2026, 5, 15))  # not in the format


def test_export_import_export_keeps_events_and_done_marks(loaded: Store, fresh: Callable[[], Store],
                                                           tmp_path: Path) -> None:
    _record(loaded)
    first = export_bytes(loaded, tmp_path / "first")
    events = read_rows(tmp_path / "first" / "events.csv")
    assert events[0] == ["contract_no", "event", "label", "label_en", "date"]
    assert [WHZF, "budget_2027", "2027年预算批复", "2027 budget approved", "2027-01-20"] in events
    assert [WHZF, "budget", "", "", "2026-03-20"] in events
    assert read_rows(tmp_path / "first" / "done_marks.csv") == [
        ["contract_no", "source", "seq", "due_date", "done_date", "note"],
        [BJMEMC, "milestone", "2", "2025-10-23", "2025-10-22", ""],
        [BJMEMC, "bond", "1", "2026-08-15", "2026-08-15", ""],
    ]
    empty = fresh()
    result = import_ledger(empty, tmp_path / "first")
    assert result.warnings == []
    assert export_bytes(empty, tmp_path / "second") == first
    contract = load(empty, BJMEMC)
    assert contract.done_marks == [DoneMarkData("milestone", 2, D(2025, 10, 23), D(2025, 10, 22)),
                                   DoneMarkData("bond", 1, D(2026, 8, 15), D(2026, 8, 15))]
    with empty.session() as session:
        whzf = contract_service.find_id(session, WHZF)
        assert agenda.recorded_events(session, whzf) == {"event:budget_2027": D(2027, 1, 20),
                                                         "budget": D(2026, 3, 20)}
        assert agenda.done_value(session, contract_service.find_id(session, BJMEMC), "bond:1:valid") == D(2026, 8, 15)


def test_events_file_replaces_the_events_and_keeps_agenda_notes(loaded: Store, tmp_path: Path) -> None:
    _record(loaded)
    folder = tmp_path / "ev"
    folder.mkdir()
    write_rows(folder / "events.csv", [["contract_no", "event", "label", "date"],
                                       [WHZF, "budget", "预算批复", "2026-03-21"]])
    import_ledger(loaded, folder, replace=True)
    assert load(loaded, WHZF).events == [EventData("budget", "预算批复", None, D(2026, 3, 21))]
    assert load(loaded, RED_CROSS).events[0].label == "不可抗力事件发生"  # not named: left alone
    with loaded.session() as session:
        whzf = contract_service.find_id(session, WHZF)
        deadline = next(d for d in agenda.contract_deadlines(session, whzf, today=TODAY, reminder_days=0)
                        if d.key == "installment:1")
        assert deadline.due == D(2026, 4, 13)  # effective (3 March) + budget (21 March) + 15 working days
        assert deadline.rule_text("zh") == "生效、预算批复后 15 个工作日内（以最晚者起算）"


def test_done_mark_of_an_installment_is_reported_and_skipped(loaded: Store, tmp_path: Path) -> None:
    folder = tmp_path / "dm"
    folder.mkdir()
    write_rows(folder / "done_marks.csv", [["contract_no", "source", "seq", "due_date", "done_date", "note"],
                                           [BJMEMC, "installment", "1", "2025-08-21", "2025-08-20", ""],
                                           [BJMEMC, "履约事项", "5", "2026-06-15", "2026-06-01", "已提交"]])
    result = import_ledger(loaded, folder, replace=True)
    assert result.warnings == ["done_marks.csv:2:source: a done mark of installment 1 is skipped: an installment "
                               "is done when paid (installments.csv paid_date) [LEDGER_INSTALLMENT_MARK]"]
    assert load(loaded, BJMEMC).done_marks == [DoneMarkData("milestone", 5, D(2026, 6, 15), D(2026, 6, 1), "已提交")]


EVENTS_HEADER = ["contract_no", "event", "label", "label_en", "date"]
MARKS_HEADER = ["contract_no", "source", "seq", "due_date", "done_date", "note"]
BAD_ROWS = [
    # (file, header, row, column the problem names, reason fragment)
    ("events.csv", EVENTS_HEADER, [WHZF, "signing", "", "", "2026-03-03"], "event",
     "'signing' is a date of the contract itself: give it in contracts.csv"),
    ("events.csv", EVENTS_HEADER, [WHZF, "budget+x", "", "", ""], "event", "not an event name"),
    ("events.csv", EVENTS_HEADER, [WHZF, "event:", "", "", ""], "event", "not an event name"),
    ("events.csv", EVENTS_HEADER, [WHZF, "", "预算", "", ""], "event", "a value is required"),
    ("events.csv", EVENTS_HEADER, [WHZF, "budget", "", "", "2026-13-01"], "date", "no such date"),
    ("events.csv", EVENTS_HEADER, ["NOPE-1", "budget", "", "", ""], "contract_no", "unknown contract 'NOPE-1'"),
    ("done_marks.csv", MARKS_HEADER, [BJMEMC, "payment", "1", "2026-01-01", "2026-01-01", ""], "source",
     "not a done-mark source (installment, milestone, bond): 'payment'"),
    ("done_marks.csv", MARKS_HEADER, [BJMEMC, "milestone", "1", "", "2026-01-01", ""], "due_date",
     "a value is required"),
    ("done_marks.csv", MARKS_HEADER, [BJMEMC, "milestone", "1", "2026-01-01", "", ""], "done_date",
     "a value is required"),
    ("done_marks.csv", MARKS_HEADER, [BJMEMC, "milestone", "x", "2026-01-01", "2026-01-01", ""], "seq",
     "not an integer"),
]


@pytest.mark.parametrize(("name", "header", "row", "column", "reason"), BAD_ROWS,
                         ids=[f"{r[0].removesuffix('.csv')}-{r[3]}-{i}" for i, r in enumerate(BAD_ROWS)])
def test_bad_row_rejects_the_ledger(loaded: Store, tmp_path: Path, name: str, header: list[str], row: list[str],
                                    column: str, reason: str) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    write_rows(folder / name, [header, row])
    before = load(loaded, WHZF), load(loaded, BJMEMC)
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{name}:2:{column}: "), problems
    assert reason in problems[0]
    assert (load(loaded, WHZF), load(loaded, BJMEMC)) == before


def test_duplicate_event(loaded: Store, tmp_path: Path) -> None:
    folder = tmp_path / "dup"
    folder.mkdir()
    write_rows(folder / "events.csv", [EVENTS_HEADER, [WHZF, "budget_2027", "", "", ""],
                                       [WHZF, "event:budget_2027", "", "", ""]])
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    assert caught.value.problems == [f"events.csv:3:event: duplicate key {WHZF} + event:budget_2027 (also on row 2)"
        " [LEDGER_DUPLICATE_KEY]"]


def test_two_marks_of_one_bonds_validity(loaded: Store, tmp_path: Path) -> None:
    folder = tmp_path / "dup"
    folder.mkdir()
    write_rows(folder / "done_marks.csv", [MARKS_HEADER, [BJMEMC, "bond", "1", "2026-08-15", "2026-08-15", ""],
                                           [BJMEMC, "bond", "1", "2026-08-16", "2026-08-16", ""]])
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    assert caught.value.problems == [
        "done_marks.csv:3:due_date: bond 1 is already marked done on row 2 (a bond's validity ends once)"
            " [LEDGER_BOND_MARKED_TWICE]"]


# --- deadline texts name events by their labels ------------------------------------------


def test_deadline_texts_use_event_labels(loaded: Store) -> None:
    with loaded.session() as session:
        whzf = contract_service.find_id(session, WHZF)
        items = {d.key: d for d in agenda.contract_deadlines(session, whzf, today=TODAY, reminder_days=0)}
    third = items["installment:3"]
    assert third.rule_text("zh") == "2027年预算批复后 15 个工作日内"
    assert third.rule_text("en") == "within 15 working days after 2027 budget approved"
    invoice = items["milestone:2"]
    assert invoice.rule_text("zh") == "付款前 7 日"
    assert invoice.rule_text("en") == "7 days before Payment made"
    from services.calendar.deadlines import waiting_text
    assert waiting_text(third.waiting_for, "zh", third.labels) == "等待：2027年预算批复"
    assert waiting_text(third.waiting_for, "en", third.labels) == "waiting for: 2027 budget approved"
    assert items["installment:1"].rule_text("en") == (
        "within 15 working days after the later of: the contract takes effect; "
        "the budget is approved or the funds arrive")


def test_agenda_of_the_register_uses_event_labels(loaded: Store) -> None:
    with loaded.session() as session:
        found = agenda.all_deadlines(session, today=TODAY, reminder_days=0)
    third = next(d for d in found if d.contract_no == WHZF and d.key == "installment:3")
    assert third.rule_text("zh") == "2027年预算批复后 15 个工作日内"


def test_removing_the_date_of_a_labelled_event_keeps_its_label(loaded: Store) -> None:
    with loaded.session() as session:
        whzf = contract_service.find_id(session, WHZF)
        agenda.record_event(session, whzf, "event:budget_2027", D(2027, 1, 20))
        assert agenda.remove_event(session, whzf, "event:budget_2027") == D(2027, 1, 20)
    assert EventData("event:budget_2027", "2027年预算批复", "2027 budget approved", None) in load(loaded, WHZF).events


# --- migration 0006 ----------------------------------------------------------------------


def test_upgrade_from_0004_keeps_events_and_done_marks(tmp_path: Path) -> None:
    from sqlalchemy import text

    from services.store import current_revision, head_revision

    path = tmp_path / "old.db"
    old = open_store(path, target="0004")
    with old.engine.begin() as connection:
        connection.execute(text("INSERT INTO contracts (id, contract_no, title, currency, total_amount)"
                                " VALUES (1, 'OLD-1', '旧合同', 'CNY', 12345)"))
        connection.execute(text("INSERT INTO contract_events (contract_id, name, event_date)"
                                " VALUES (1, 'event:budget_2027', '2027-01-20')"))
        connection.execute(text("INSERT INTO deadline_done (contract_id, key, done_date)"
                                " VALUES (1, 'milestone:1:2026-05-05', '2026-05-06')"))
    old.close()
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        contract = load(store, "OLD-1")
        assert contract.title_en is None
        assert contract.events == [EventData("event:budget_2027", None, None, D(2027, 1, 20))]
        assert contract.done_marks == [DoneMarkData("milestone", 1, D(2026, 5, 5), D(2026, 5, 6))]
        with store.session() as session:  # an event may now be named, with a label, without a date
            session.execute(text("UPDATE contract_events SET event_date = NULL, label = '2027年预算批复'"))
            assert agenda.recorded_events(session, 1) == {}
        assert load(store, "OLD-1").events == [EventData("event:budget_2027", "2027年预算批复", None, None)]
    finally:
        store.close()


def test_event_text_falls_back_from_label_en_to_label_to_the_builtin_name() -> None:
    from services.calendar.due_text import due_text, event_text

    labels = {"event:budget_2027": ("2027年预算批复", None), "invoice": ("收到第二期发票", "Invoice 2 received")}
    assert event_text("event:budget_2027", "en", labels) == "2027年预算批复"  # no English: the Chinese label
    assert event_text("invoice", "zh", labels) == "收到第二期发票"  # a label wins over the built-in name
    assert event_text("budget", "en", labels) == "the budget is approved or the funds arrive"
    assert event_text("event:payment", "zh", labels) == "payment"  # nothing else to call it
    assert due_text(None, "effective+event:budget_2027", 15, "working_days", "zh", labels) == \
        "生效、2027年预算批复后 15 个工作日内（以最晚者起算）"


def test_pasted_english_name_column() -> None:
    from services.register.paste import header_field, parse_block

    assert header_field("英文名称") == "name_en"
    assert header_field("Name_EN") == "name_en"
    result = parse_block("名称\t英文名称\t合价\n云主机\tCloud host\t100\n", ["seq", "name", "amount"])
    assert result.rows[0]["name_en"] == "Cloud host"


def test_a_named_event_called_like_a_standard_one_keeps_its_prefix(loaded: Store, fresh: Callable[[], Store],
                                                                    tmp_path: Path) -> None:
    with loaded.session() as session:
        whzf = contract_service.find_id(session, WHZF)
        agenda.record_event(session, whzf, "event:budget", D(2026, 5, 1))  # not the standard 预算批复或资金到账
        agenda.record_event(session, whzf, "budget", D(2026, 5, 2))
    first = export_bytes(loaded, tmp_path / "first")
    rows = read_rows(tmp_path / "first" / "events.csv")
    assert [WHZF, "event:budget", "", "", "2026-05-01"] in rows and [WHZF, "budget", "", "", "2026-05-02"] in rows
    empty = fresh()
    import_ledger(empty, tmp_path / "first")
    assert export_bytes(empty, tmp_path / "second") == first
