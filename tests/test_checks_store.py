"""The checks in the store: problem_level kept on save and import, the list's problems filter in
SQL, levels filled after an upgrade, and what an import reports (万元 amounts included)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from models.contract import Contract
from services.checks.contract import LEVEL_ERRORS, LEVEL_NONE, LEVEL_WARNINGS
from services.checks.run import check_stored, refresh_problem_levels
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.register.contract_data import ContractData, LineItemData, PartyData
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

NUMBERS = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")


def contract(number: str, **changes: object) -> ContractData:
    data = ContractData(
        contract_no=number, title="测试", total_amount=Decimal("100.00"),
        sign_date=dt.date(2025, 1, 2), start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 12, 31),
        parties=[PartyData("甲方", "采购人"), PartyData("乙方", "供应商")],
        line_items=[LineItemData(1, "服务", unit_price=Decimal("100"), quantity=Decimal("1"),
                                 amount=Decimal("100.00"))],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def levels(store: Store) -> dict[str, int | None]:
    with store.session() as session:
        return dict(session.execute(select(Contract.contract_no, Contract.problem_level)).all())


def edit_csv(folder: Path, name: str, contract_no: str, column: str, value: str, row: int = 0) -> None:
    """Set ``column`` of the ``row``-th record of ``contract_no`` in ``folder/name``."""
    path = folder / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    mine = [r for r in records if r["contract_no"] == contract_no]
    mine[row][column] = value
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    folder = tmp_path / "ledger"
    shutil.copytree(SAMPLE_LEDGER, folder)
    return folder


def test_save_stores_the_level(store: Store) -> None:
    with store.session() as session:
        contract_service.save(session, contract("OK"))
        contract_service.save(session, contract("WARN", sign_date=dt.date(2025, 2, 2)))  # signed after the start
        contract_service.save(session, contract("ERR", total_in_words="壹元整"))
    assert levels(store) == {"OK": LEVEL_NONE, "WARN": LEVEL_WARNINGS, "ERR": LEVEL_ERRORS}
    with store.session() as session:  # fixing it on a later save clears it
        contract_id = contract_service.find_id(session, "ERR")
        fixed = contract("ERR", total_in_words="壹佰元整")
        fixed.version = 1
        contract_service.save(session, fixed, contract_id=contract_id)
    assert levels(store)["ERR"] == LEVEL_NONE


def test_a_date_in_the_future_is_not_stored_as_a_problem(store: Store) -> None:
    future = dt.date.today() + dt.timedelta(days=30)
    with store.session() as session:
        contract_service.save(session, contract("LATER", sign_date=future, start_date=future + dt.timedelta(days=1),
                                                end_date=future + dt.timedelta(days=300)))
    assert levels(store) == {"LATER": LEVEL_NONE}


def test_problems_only_filter_and_list_rows(store: Store) -> None:
    with store.session() as session:
        for data in (contract("A-OK"), contract("B-WARN", sign_date=dt.date(2025, 2, 2)),
                     contract("C-ERR", total_amount=Decimal("99.00"))):
            contract_service.save(session, data)
        assert [contract_service.list_rows(session, [i])[i].contract_no
                for i in contract_service.search_ids(session, problems_only=True)] == ["B-WARN", "C-ERR"]
        assert len(contract_service.search_ids(session)) == 3
        assert contract_service.search_ids(session, text="c-err", problems_only=True) == [
            contract_service.find_id(session, "C-ERR")]
        rows = contract_service.list_rows(session, contract_service.search_ids(session))
    assert {row.contract_no: row.problem_level for row in rows.values()} == {"A-OK": 0, "B-WARN": 1, "C-ERR": 2}


def test_the_samples_import_without_problems(store: Store) -> None:
    result = import_ledger(store, SAMPLE_LEDGER)
    assert result.problems == {number: [] for number in NUMBERS}
    assert result.with_problems == []
    assert levels(store) == dict.fromkeys(NUMBERS, LEVEL_NONE)


def test_an_import_reports_each_contract_with_problems(store: Store, ledger: Path) -> None:
    edit_csv(ledger, "parties.csv", "2026-021", "tax_id", "12110000760901469X")
    edit_csv(ledger, "line_items.csv", "WHZF-2026-ZWY", "amount", "136417.00")
    result = import_ledger(store, ledger)
    assert result.with_problems == ["2026-021", "WHZF-2026-ZWY"]  # ledger order
    assert [p.code for p in result.problems["2026-021"]] == ["tax_id_invalid"]
    assert result.problems["2026-021"][0].fields == ("parties[0].tax_id",)
    assert [p.code for p in result.problems["WHZF-2026-ZWY"]] == ["line_amount_mismatch", "lines_total_mismatch"]
    assert levels(store) == {"BJMEMC-2025174-ZC": 0, "2026-021": 2, "WHZF-2026-ZWY": 2}


def test_amounts_written_in_wan_are_reported_by_the_import(store: Store, ledger: Path) -> None:
    edit_csv(ledger, "contracts.csv", "BJMEMC-2025174-ZC", "total_amount", "273.87185万元")
    edit_csv(ledger, "line_items.csv", "BJMEMC-2025174-ZC", "amount", "6.0704万", row=0)
    edit_csv(ledger, "installments.csv", "2026-021", "amount", "10.3895万元", row=1)
    result = import_ledger(store, ledger)
    bjmemc = result.problems["BJMEMC-2025174-ZC"]
    assert [(p.code, p.severity, p.fields) for p in bjmemc] == [
        ("amount_in_wan", "warning", ("total_amount",)),
        ("amount_in_wan", "warning", ("line_items[0].amount",)),
    ]
    assert "¥2,738,718.50" in bjmemc[0].message_zh and "273.87185万元" in bjmemc[0].message_en
    assert [p.fields for p in result.problems["2026-021"]] == [("installments[1].amount",)]
    assert result.with_problems == ["BJMEMC-2025174-ZC", "2026-021"]
    assert sum("万元" in warning for warning in result.warnings) == 3  # the reader's warnings stay
    # the amounts were right once multiplied out: nothing wrong with the stored contracts
    assert levels(store) == dict.fromkeys(NUMBERS, LEVEL_NONE)


def test_unchecked_contracts_are_checked_by_refresh_and_by_check(store: Store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE contracts SET problem_level = NULL"))
        connection.execute(text("UPDATE contracts SET total_amount = 1 WHERE contract_no = '2026-021'"))
    assert set(levels(store).values()) == {None}
    with store.session() as session:
        assert refresh_problem_levels(session) == 3
        assert refresh_problem_levels(session) == 0  # nothing left unchecked
    assert levels(store) == {"BJMEMC-2025174-ZC": 0, "2026-021": 2, "WHZF-2026-ZWY": 0}
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE contracts SET problem_level = NULL"))
    with store.session() as session:
        checked = dict(check_stored(session))
    assert list(checked) == sorted(NUMBERS)
    assert {p.code for p in checked["2026-021"]} >= {"capitals_mismatch", "lines_total_mismatch"}
    assert levels(store)["2026-021"] == LEVEL_ERRORS


def test_opening_an_upgraded_store_checks_its_contracts(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0002")
    import_ledger_at_0002(old)
    old.close()
    upgraded = open_store(path)
    try:
        assert upgraded.backup_path is not None
        assert levels(upgraded) == {"OLD-1": LEVEL_ERRORS}
    finally:
        upgraded.close()


def import_ledger_at_0002(store: Store) -> None:
    """A contract written by revision 0002 (no problem_level yet): its capitals disagree."""
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO contracts (id, contract_no, title, currency, total_amount, total_in_words, counterparty,"
            " search_text) VALUES (1, 'OLD-1', '旧合同', 'CNY', 10000, '壹元整', '', '')"))
        connection.execute(text(
            "INSERT INTO parties (contract_id, role, role_order, name)"
            " VALUES (1, '甲方', 0, 'A'), (1, '乙方', 1, 'B')"))
