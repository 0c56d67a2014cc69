"""``main.py penalty CONTRACT_NO CLAUSE_REF (--days N | --from DATE --to DATE) [--amount OVERDUE]``:
the working, then the amount in yuan with two decimals on the last line; exit 1 with the reason
for an unknown contract or clause and for inputs the clause cannot use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import main
from services.calendar.workdays import WorkingCalendar
from services.ledger.importer import import_ledger
from services.penalty.compute import PenaltyInput, compute, statutory_sme_clause
from services.penalty.records import save_calculation
from services.register import contracts
from services.store import open_store
from tests.conftest import CAP_LEDGER


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str], str]:
    status = main.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("penalty-cli") / "samples.db"
    store = open_store(path)
    import_ledger(store, CAP_LEDGER)
    store.close()
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    path.write_bytes(template.read_bytes())
    return path


def test_days_prints_the_working_and_the_amount_last(capsys, db):
    status, lines, err = run(capsys, "penalty", "BJMEMC-2025174-ZC", "8.1.2", "--days", "12", "--db", db,
                             "--lang", "en")
    assert status == 0 and err == ""
    assert lines[-1] == "328646.22"
    assert lines[0] == "Clause 8.1.2 (乙方): 服务方因自身原因不能按期提交工作成果（逾期）"
    assert "2. 1 % × contract total ¥2,738,718.50 × 12 days = ¥328,646.22" in lines
    assert lines[-2] == "Liquidated damages: ¥328,646.22"


def test_dates_in_chinese_with_the_termination_leg(capsys, db):
    status, lines, _err = run(capsys, "penalty", "BJMEMC-2025174-ZC", "8.1.2", "--from", "2026-05-15",
                              "--to", "2026年5月31日", "--db", db, "--lang", "zh_CN")
    assert status == 0
    assert lines[-1] == "438194.96"
    assert "1. 逾期天数：应于2026年5月15日履行，实际2026年5月31日，计16个自然日" in lines
    assert "解除合同（8.1.2(解除)）：合同总额¥2,738,718.50 × 20% = ¥547,743.70" in lines


def test_overdue_amount_and_the_cap(capsys, db):
    status, lines, _err = run(capsys, "penalty", "WHZF-2026-ZWY", "第十一条2", "--days", "30", "--amount",
                              "¥1,150,770.42", "--db", db, "--lang", "en")
    assert status == 0 and lines[-1] == "3452.31"
    assert any("Cap of the clause: 5 % of contract total ¥2,557,267.60 = ¥127,863.38; not reached" in line
               for line in lines)


def test_statutory_sme_rate_counts_the_saved_calculations_against_the_party_cap(capsys, db):
    store = open_store(db)
    with store.session() as session:
        contract_id = contracts.find_id(session, "2026-021")
        data = contracts.load_by_no(session, "2026-021")
        inputs = PenaltyInput(days=Decimal(300), overdue_amount=Decimal("207790.00"))
        result = compute(statutory_sme_clause(), data, inputs, calendar=WorkingCalendar())
        save_calculation(session, contract_id, statutory_sme_clause(), inputs, result, calculated_by="a",
                         calculated_at=dt.datetime(2026, 6, 1))
    store.close()
    status, lines, _err = run(capsys, "penalty", "2026-021", "statutory-sme", "--days", "300", "--amount",
                              "207790", "--db", db, "--lang", "en")
    assert status == 0 and lines[-1] == "10389.50"
    assert lines[0].startswith("Statutory rate (not a contract clause)")
    assert any("less ¥31,168.50 already charged to 甲方 = ¥10,389.50 remaining; reached" in line for line in lines)


@pytest.mark.parametrize(("argv", "message"), [
    (["NOPE-1", "8.1.2", "--days", "1"], "error: no contract numbered 'NOPE-1' in the store"),
    (["BJMEMC-2025174-ZC", "9.9", "--days", "1"], "error: Contract BJMEMC-2025174-ZC has no clause 9.9 (its clauses: "),
    (["BJMEMC-2025174-ZC", "8.1.2", "--days", "-3"],
     "error: days: must not be negative (-3) [PENALTY_DAYS_NEGATIVE] (--days)"),
    (["BJMEMC-2025174-ZC", "8.1.2", "--days", "abc"],
     "error: days: not a number of days: 'abc' [VALUE_NOT_NUMBER] (--days)"),
    (["BJMEMC-2025174-ZC", "8.1.2", "--from", "2026-05-15", "--to", "2026-05-01"],
     "error: actual date: 2026-05-01 is before the due date 2026-05-15 [PENALTY_ACTUAL_BEFORE_DUE] (--to)"),
    (["BJMEMC-2025174-ZC", "8.1.2", "--from", "2026-05-15"], "error: actual date: give both"),
    (["BJMEMC-2025174-ZC", "8.1.2", "--days", "3", "--from", "2026-05-15", "--to", "2026-05-16"],
     "error: days: give either the number of days or the two dates, not both"),
    (["BJMEMC-2025174-ZC", "8.1.2"], "error: days: enter the number of days"),
    (["WHZF-2026-ZWY", "第十一条2", "--days", "3"],
     "error: overdue amount: the clause's base is the overdue amount: enter it [PENALTY_OVERDUE_NEEDED] (--amount)"),
    (["2026-021", "第十一条2(2)", "--days", "3"], "caps a party's total liability; it is not a penalty"),
])
def test_refused_inputs_exit_1_with_a_clear_message(capsys, db, argv, message):
    status, lines, err = run(capsys, "penalty", *argv, "--db", db, "--lang", "en")
    assert status == 1 and lines == []
    assert message in err


def test_messages_follow_the_language(capsys, db):
    status, _lines, err = run(capsys, "penalty", "WHZF-2026-ZWY", "第十一条2", "--days", "3", "--db", db,
                              "--lang", "zh_CN")
    assert status == 1 and "逾期金额：该条款以逾期金额为计算基数，请填写逾期金额" in err


def test_penalty_is_a_command_and_needs_its_arguments(capsys, db):
    assert "penalty" in main.COMMANDS
    with pytest.raises(SystemExit) as exit_info:
        main.main(["penalty", "BJMEMC-2025174-ZC", "--db", str(db)])
    assert exit_info.value.code == 2
