"""The history (services/history.py): one entry per change from every write path, field-level
details of a save, the hash chain and its verification, append-only triggers, queries, the CSV,
the Changes a write makes available, and the upgrade of an older store (revision 0004 → 0005)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from services import history as history_log
from services.calendar.agenda import mark_done, record_event, remove_event
from services.calendar.holidays import HolidayRow, save_holidays
from services.changes import ChangeKind, Changes
from services.history import HistoryAction, change_lines, verify, write_history_csv
from services.ledger.importer import import_ledger
from services.penalty.compute import PenaltyInput, compute, find_clause
from services.penalty.records import current_user, delete_calculation, save_calculation, store_calendar
from services.register import contracts
from services.register.contract_data import LineItemData
from services.register.trash import purge, restore
from services.store import Store, current_revision, head_revision, open_store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

NUMBER = "2026-021"


@pytest.fixture
def samples(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


def _id(store: Store, number: str = NUMBER) -> int:
    with store.session() as session:
        found = contracts.find_id(session, number)
    assert found is not None
    return found


def _edit(store: Store, change) -> history_log.HistoryRow:  # type: ignore[no-untyped-def]
    contract_id = _id(store)
    with store.session() as session:
        data = contracts.load(session, contract_id)
    change(data)
    with store.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    with store.session() as session:
        return history_log.history(session, contract_id=contract_id, limit=1)[0]


def test_a_save_records_field_level_before_and_after(samples: Store) -> None:
    def change(data):  # type: ignore[no-untyped-def]
        data.title = "新标题"
        data.line_items[0].quantity = data.line_items[0].quantity + 1
        data.parties[1].phone = "010-1234"
        data.line_items.append(LineItemData(seq=99, name="新增", quantity=Decimal("1.5")))
        del data.installments[-1]
        data.penalty_clauses[0].rate = Decimal("2")

    with samples.session() as session:
        before = contracts.load_by_no(session, NUMBER)
    entry = _edit(samples, change)
    assert entry.action == HistoryAction.SAVE
    assert entry.contract_no == NUMBER and entry.contract_version == 2
    assert entry.user == (samples.db_user or current_user())
    assert entry.details["header"] == {"title": [before.title, "新标题"]}
    children = entry.details["children"]
    quantity = before.line_items[0].quantity
    assert children["line_items"]["changed"] == {"1": {"quantity": [str(quantity), str(quantity + 1)]}}
    assert children["line_items"]["added"]["99"]["quantity"] == "1.5"
    assert children["parties"]["changed"] == {"乙方": {"phone": [before.parties[1].phone, "010-1234"]}}
    last = before.installments[-1]
    assert children["installments"]["removed"][str(last.seq)]["name"] == last.name
    clause = before.penalty_clauses[0]
    assert children["penalty_clauses"]["changed"][clause.clause_ref]["rate"][1] == "2"
    lines = change_lines(entry)
    assert ("line_items[1].quantity", str(quantity), str(quantity + 1)) in lines
    assert ("title", before.title, "新标题") in lines


def test_every_write_path_records_its_entry(samples: Store) -> None:
    contract_id = _id(samples)
    with samples.session() as session:
        data = contracts.load(session, contract_id)
        clause = find_clause(data, "第十一条1(5)")
        result = compute(clause, data, PenaltyInput(), calendar=store_calendar(session))
    data.contract_no, data.version = "COPY-1", None
    with samples.session() as session:
        copy_id = contracts.save(session, data)
    with samples.session() as session:
        record_event(session, contract_id, "acceptance", dt.date(2026, 2, 1))
    with samples.session() as session:
        remove_event(session, contract_id, "acceptance")
    with samples.session() as session:
        mark_done(session, contract_id, "installment:1", dt.date(2026, 2, 10))
    with samples.session() as session:
        calculation = save_calculation(session, contract_id, clause, PenaltyInput(), result)
    with samples.session() as session:
        delete_calculation(session, calculation)
    with samples.session() as session:
        save_holidays(session, [HolidayRow(dt.date(2027, 1, 1), False, "元旦")])
    with samples.session() as session:
        contracts.delete_contract(session, copy_id)
    with samples.session() as session:
        restore(session, copy_id)
    with samples.session() as session:
        contracts.delete_contract(session, copy_id)
    with samples.session() as session:
        purge(session, copy_id)
    with samples.session() as session:
        rows = history_log.history(session)
    assert [(row.action, row.contract_no) for row in rows] == [
        (HistoryAction.IMPORT, "BJMEMC-2025174-ZC"), (HistoryAction.IMPORT, NUMBER),
        (HistoryAction.IMPORT, "WHZF-2026-ZWY"),
        (HistoryAction.CREATE, "COPY-1"),
        (HistoryAction.RECORD_EVENT, NUMBER), (HistoryAction.RECORD_EVENT, NUMBER),
        (HistoryAction.MARK_DONE, NUMBER), (HistoryAction.PENALTY_SAVED, NUMBER),
        (HistoryAction.PENALTY_DELETED, NUMBER), (HistoryAction.HOLIDAYS, None),
        (HistoryAction.DELETE, "COPY-1"), (HistoryAction.RESTORE, "COPY-1"), (HistoryAction.DELETE, "COPY-1"),
        (HistoryAction.PURGE, "COPY-1"),
    ]
    assert rows[4].details == {"event": "acceptance", "before": None, "after": "2026-02-01"}
    assert rows[5].details == {"event": "acceptance", "before": "2026-02-01", "after": None}
    assert rows[6].details == {"key": "installment:1", "before": None, "after": "2026-02-10"}
    assert rows[7].details["amount"] == str(result.amount)
    assert rows[8].details == {"calculation": calculation, "clause_ref": clause.clause_ref,
                               "amount": str(result.amount)}
    assert "2027-01-01" in rows[9].details["added"]
    assert rows[3].details["header"]["contract_no"] == [None, "COPY-1"]
    with samples.session() as session:
        assert verify(session) == []


def test_a_write_makes_its_changes_available(samples: Store) -> None:
    contract_id = _id(samples)
    with samples.session() as session:
        assert history_log.changes(session) == Changes()
        mark_done(session, contract_id, "installment:1", dt.date(2026, 2, 10))
        changed = history_log.changes(session)
    assert changed.contract_ids == {contract_id}
    assert {ChangeKind.DEADLINES, ChangeKind.CONTRACTS, ChangeKind.HISTORY} <= changed.kinds
    with samples.session() as session:
        save_holidays(session, [])
        assert ChangeKind.HOLIDAYS in history_log.changes(session).kinds
        assert history_log.changes(session).touches(contract_id)  # every contract


def test_history_is_append_only(samples: Store) -> None:
    with pytest.raises(DatabaseError, match="append-only"), samples.engine.begin() as connection:
        connection.execute(text("""UPDATE history SET "user" = 'mallory'"""))
    with pytest.raises(DatabaseError, match="append-only"), samples.engine.begin() as connection:
        connection.execute(text("DELETE FROM history"))
    with samples.session() as session:
        assert len(history_log.history(session)) == 3


def _tamper(path: Path, *statements: str) -> None:
    """What an attacker with the file would do: raw sqlite3, triggers dropped first."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("DROP TRIGGER history_no_update")
        connection.execute("DROP TRIGGER history_no_delete")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(("statement", "wrong"), [
    ("UPDATE history SET user = 'mallory' WHERE id = 2", {2: "does not match its hash"}),
    ("DELETE FROM history WHERE id = 2", {3: "does not follow"}),
    ("DELETE FROM history WHERE id = (SELECT max(id) FROM history)", {}),
], ids=["changed", "removed", "tail-cut"])
def test_verify_finds_a_tampered_entry(samples: Store, statement: str, wrong: dict[int, str]) -> None:
    if samples.on_server:
        pytest.skip("tampers with the SQLite file itself (raw sqlite3); on a server only its owner could")
    _edit(samples, lambda data: setattr(data, "title", "改"))  # entry 4: a save of 2026-021 (version 2)
    samples.close()
    _tamper(samples.path, statement)
    reopened = open_store(samples.path)
    try:
        with reopened.session() as session:
            problems = verify(session)
    finally:
        reopened.close()
    entries = {problem.entry_id: problem.problem for problem in problems if problem.entry_id is not None}
    assert entries.keys() == wrong.keys()
    for entry_id, words in wrong.items():
        assert words in entries[entry_id]
    texts = [p.problem for p in problems]  # the English text; str() adds the code
    assert "append-only trigger history_no_update is missing" in texts
    assert "append-only trigger history_no_update is missing [HISTORY_TRIGGER_MISSING]" in map(str, problems)
    assert all("[HISTORY_" in p.message("zh_CN") and not re.search(r"[a-z]{4,} [a-z]{4,}", p.message("zh_CN"))
               for p in problems)  # Chinese words, not English sentences
    if not wrong:  # the last entry, the save of 2026-021, removed: only the contract's version tells
        assert f"contract {NUMBER} is at version 2 but its history ends at version 1: its latest entries are missing" \
            in texts


def test_history_queries(samples: Store) -> None:
    contract_id = _id(samples)
    _edit(samples, lambda data: setattr(data, "title", "一"))
    _edit(samples, lambda data: setattr(data, "title", "二"))
    with samples.session() as session:
        assert len(history_log.history(session)) == 5
        mine = history_log.history(session, contract_id=contract_id)
        assert [row.action for row in mine] == [HistoryAction.IMPORT, HistoryAction.SAVE, HistoryAction.SAVE]
        assert [row.details["header"]["title"][1] for row in history_log.history(
            session, contract_id=contract_id, actions=[HistoryAction.SAVE], limit=1)] == ["二"]
        assert len(history_log.history(session, contract_no=NUMBER, after_version=2)) == 1
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        assert history_log.history(session, since=tomorrow) == []
        assert len(history_log.history(session, since=dt.date.today() - dt.timedelta(days=1))) == 5
        assert len(history_log.history(session, since=mine[1].at)) == 2
        assert all(row.at.tzinfo is not None for row in mine)


def test_history_csv(samples: Store, tmp_path: Path) -> None:
    _edit(samples, lambda data: setattr(data, "title", "新"))
    with samples.session() as session:
        rows = history_log.history(session, actions=[HistoryAction.SAVE])
    path = tmp_path / "history.csv"
    write_history_csv(rows, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw[3:].decode("utf-8").split("\r\n")
    assert lines[0] == "entry,time,user,action,contract_no,field,before,after"
    assert lines[1].startswith(f"{rows[0].id},")
    who = samples.db_user or current_user()
    assert lines[1].endswith(f",{who},save,{NUMBER},title,{rows[0].details['header']['title'][0]},新")
    assert lines[-1] == ""


def test_upgrade_from_0004_starts_versions_and_an_empty_history(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0004")
    with old.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO contracts (id, contract_no, title, currency, total_amount, counterparty, search_text) "
            "VALUES (7, 'OLD-1', '旧合同', 'CNY', 10000, '', 'old-1 旧合同')"))
    old.close()
    upgraded = open_store(path)
    try:
        assert current_revision(upgraded.engine) == head_revision()
        assert upgraded.backup_path is not None
        with upgraded.session() as session:
            data = contracts.load_by_no(session, "OLD-1")
            assert data.version == 1
            assert history_log.history(session) == []
            assert verify(session) == []
            triggers = set(session.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history%'")))
        assert triggers == set(history_log.TRIGGERS)
        data.title = "旧合同（修订）"
        with upgraded.session() as session:
            contracts.save(session, data, contract_id=7)
        with upgraded.session() as session:
            (entry,) = history_log.history(session)
            assert entry.details["header"]["title"] == ["旧合同", "旧合同（修订）"]
            assert entry.contract_version == 2
    finally:
        upgraded.close()


def test_the_user_is_the_database_user_on_a_server_engine() -> None:
    from types import SimpleNamespace

    from sqlalchemy.engine import make_url

    def session_on(url: str) -> SimpleNamespace:
        bind = SimpleNamespace(dialect=SimpleNamespace(name=make_url(url).get_backend_name()), url=make_url(url))
        return SimpleNamespace(get_bind=lambda: bind)

    # PostgreSQL asks the server (SELECT current_user): its [postgresql] runs check entry.user == store.db_user
    assert history_log.actor(session_on("mysql://registrar@db.example/contracts")) == "registrar"  # type: ignore[arg-type]
    assert history_log.actor(session_on("sqlite:///x.db")) == current_user()  # type: ignore[arg-type]


def test_the_version_is_bookkeeping_not_contract_data(samples: Store) -> None:
    from services.register.contract_data import ContractData, scalar_fields

    assert "version" not in scalar_fields(ContractData)  # not written by write_header, not a ledger column
    with samples.session() as session:
        data = contracts.load_by_no(session, NUMBER)
    other = contracts.ContractData(**{name: getattr(data, name) for name in scalar_fields(ContractData)})
    for table in ("parties", "line_items", "installments", "articles", "milestones", "bonds", "penalty_clauses",
                  "events", "done_marks"):
        setattr(other, table, getattr(data, table))
    assert other.version is None and other == data
