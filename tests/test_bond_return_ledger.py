"""A bond's own return rule and linked deadlines in the ledger (issue 13): ``bonds.csv`` return_*
columns stored (migration 0008), exported and imported again byte-identically; ``due_after`` naming
another row; a warning per event nobody labelled; bad values rejected with ``file:row:column``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from services.calendar import agenda
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.write import export_ledger
from services.register import contracts as contract_service
from services.store import Store, current_revision, head_revision, open_store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

D = dt.date
BJMEMC = "BJMEMC-2025174-ZC"


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write(path: Path, table: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(table)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode())


def ledger_with(tmp_path: Path, **cells: str) -> Path:
    """The sample ledger with BJMEMC's bond 1 given ``cells`` (column → text)."""
    folder = tmp_path / "ledger"
    shutil.copytree(SAMPLE_LEDGER, folder)
    table = rows(folder / "bonds.csv")
    header = table[0]
    for row in table[1:]:
        if row[0] == BJMEMC:
            for column, value in cells.items():
                row[header.index(column)] = value
    write(folder / "bonds.csv", table)
    return folder


def export(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {path.name: path.read_bytes() for path in export_ledger(session, folder)}


def test_return_rule_round_trip_and_deadline(store: Store, template_store: Path, tmp_path: Path) -> None:
    folder = ledger_with(tmp_path, return_after="valid_until", return_offset="10", return_unit="工作日",
                         return_condition="无索赔", lodged_date="2025-08-10")
    import_ledger(store, folder)
    with store.session() as session:
        bond = contract_service.load_by_no(session, BJMEMC).bonds[0]
        assert (bond.return_after, bond.return_offset, bond.return_unit, bond.return_condition) == (
            "valid_until", 10, "working_days", "无索赔")
        items = agenda.all_deadlines(session, today=D(2026, 9, 1), reminder_days=30)
    back = next(d for d in items if d.contract_no == BJMEMC and d.key == "bond:1:return")
    # 10 working days after Saturday 15 August 2026: 17–21, 24–28 August
    assert (back.due, back.state, back.unreturned) == (D(2026, 8, 28), "overdue", True)
    first = export(store, tmp_path / "out1")
    again = tmp_path / "again.db"
    shutil.copyfile(template_store, again)
    second_store = open_store(again)
    try:
        import_ledger(second_store, tmp_path / "out1")
        assert export(second_store, tmp_path / "out2") == first
    finally:
        second_store.close()
    header = first["bonds.csv"].decode("utf-8-sig").splitlines()[0]
    assert "lodged_date,return_after,return_offset,return_unit,return_condition,returned_date" in header


@pytest.mark.parametrize(("column", "value", "message"), [
    ("return_after", "warranty_end", "bonds.csv:2:return_after: unknown event 'warranty_end'"),
    ("return_unit", "weeks", "bonds.csv:2:return_unit: not a deadline unit"),
    ("due_after", "installment:x", "bonds.csv:2:due_after: unknown event 'installment:x'"),
    ("return_offset", "ten", "bonds.csv:2:return_offset:"),
    ("due_after", "installment:9", "bonds.csv:2:due_after: contract BJMEMC-2025174-ZC has no installment 9"),
    ("return_after", "milestone:8+acceptance", "bonds.csv:2:return_after: contract BJMEMC-2025174-ZC has no "
                                               "milestone 8"),
    ("due_after", "bond:1", "bonds.csv:2:due_after: bond:1 is this row itself"),
])
def test_bad_return_rule_is_rejected(store: Store, tmp_path: Path, column: str, value: str, message: str) -> None:
    with pytest.raises(LedgerError) as raised:
        import_ledger(store, ledger_with(tmp_path, **{column: value}))
    assert any(problem.startswith(message) for problem in raised.value.problems), raised.value.problems


def test_a_link_to_another_row_imports(store: Store, tmp_path: Path) -> None:
    import_ledger(store, ledger_with(tmp_path, due_date="", due_after="installment:1", due_offset="-3",
                                     due_unit="days"))
    with store.session() as session:
        items = agenda.all_deadlines(session, today=D(2026, 4, 20), reminder_days=30)
    lodge = next(d for d in items if d.contract_no == BJMEMC and d.key == "bond:1:lodge")
    assert lodge.due == D(2025, 8, 18)  # 3 days before the payment of 21 August 2025
    assert lodge.rule_text("zh") == "第1期付款「一次性支付（合同总额的100%）」到期日前 3 日"


def test_each_unlabelled_event_is_reported_once(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "ledger"
    shutil.copytree(SAMPLE_LEDGER, folder)
    table = rows(folder / "events.csv")
    write(folder / "events.csv", [row for row in table if row[1] not in ("migration_start", "force_majeure")])
    result = import_ledger(store, folder)
    unlabelled = [w for w in result.warnings if "has no label" in w]
    assert len(unlabelled) == 4  # migration_start (BJMEMC) and force_majeure (in each of the three)
    assert unlabelled[0] == ("milestones.csv:4:due_after: event 'migration_start' of contract BJMEMC-2025174-ZC "
                             "has no label; shown as “migration start (migration_start)” — give it a label in "
                             "events.csv (label, label_en) [LEDGER_UNLABELLED_EVENT]")


def test_upgrade_to_0008_keeps_the_bonds(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0006")
    with old.engine.begin() as connection:
        connection.execute(text("INSERT INTO contracts (id, contract_no, title, currency, total_amount)"
                                " VALUES (1, 'OLD-1', '旧合同', 'CNY', 12345)"))
        connection.execute(text("INSERT INTO bonds (contract_id, seq, kind, valid_until)"
                                " VALUES (1, 1, 'warranty', '2027-03-09')"))
    old.close()
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.session() as session:
            bond = contract_service.load_by_no(session, "OLD-1").bonds[0]
        assert (bond.kind, bond.valid_until, bond.return_after, bond.return_condition) == (
            "warranty", D(2027, 3, 9), None, None)
    finally:
        store.close()
