"""The list's first screen read with plain ``sqlite3`` (issue 18): the same rows and order as
``services.register.listing.page`` for every sort key, None wherever the normal path must answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from services.amendments.register import record
from services.attachments import files
from services.register import contracts, first_screen, list_status, listing, trash
from services.register.contract_data import ContractData, PartyData
from services.store import Store, head_revision
from tests.amendment_cases import amendment, original

DAY = dt.date(2026, 6, 1)
PDF = b"%PDF-1.4\n%signed\n"


def _generated(store: Store, seed: int, n: int = 70) -> None:
    """``n`` contracts with ties in every key, NULL dates, drafts, terminated ones, a few in the
    Trash, signed copies (one in the Trash of files), problem levels and next dues."""
    rng = random.Random(seed)
    titles = ["物业服务", "Network upkeep", "网络运维", "保洁", "食堂"]
    suppliers = ["某公司", "Acme Ltd", "华信信息科技有限公司", "乙公司"]
    ids = []
    with store.session(write=True) as session:
        for number in range(n):
            data = ContractData(contract_no=f"C-{rng.randrange(10_000):04d}-{number}", title=rng.choice(titles),
                                total_amount=Decimal(rng.choice([100, 2500, 99999])) / rng.choice([1, 100]),
                                status=rng.choice([None, None, None, "terminated", "draft"]))
            data.start_date = rng.choice([None, dt.date(2026, 1, 1), dt.date(2025, rng.randrange(1, 13), 1)])
            data.end_date = rng.choice([None, DAY - dt.timedelta(days=1), DAY, DAY + dt.timedelta(days=30)])
            data.sign_date = rng.choice([None, dt.date(2025, 12, 1)])
            data.parties = [PartyData(role="甲方", name="某局"), PartyData(role="乙方", name=rng.choice(suppliers))]
            ids.append(contracts.save(session, data))
        for contract_id in rng.sample(ids, min(6, n // 3)):
            trash.move_to_trash(session, contract_id)
        for contract_id in ids:  # stored columns the list reads as they are
            session.execute(text("UPDATE contracts SET next_due = :due, problem_level = :level WHERE id = :id"),
                            {"id": contract_id, "level": rng.choice([None, 0, 1, 2]),
                             "due": rng.choice([None, "2026-06-15", "2026-07-01"])})
        list_status.refresh(session, DAY)
    with store.session() as session:
        for contract_id in rng.sample(ids, min(8, n // 3)):
            files.add_bytes(session, contract_id, PDF, "盖章版.pdf", kind="signed_copy", note="", today=DAY)


def _page(store: Store, sort: str, descending: bool, limit: int) -> list[tuple[object, ...]]:
    with store.session() as session:
        query = listing.ListQuery(sort=sort, descending=descending, today=DAY)
        return [dataclasses.astuple(row) for row in listing.page(session, query, 0, limit)]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_first_screen_is_the_lists_first_page_for_every_sort_key(store: Store, seed: int) -> None:
    _generated(store, seed)
    with store.session() as session:
        live = listing.count(session, listing.ListQuery(today=DAY))
    for sort in first_screen.SORTS:
        for descending in (False, True):
            for limit in (first_screen.SCREEN_ROWS, 200):
                screen = first_screen.read(store.path, sort=sort, descending=descending, limit=limit, day=DAY)
                assert screen is not None, (sort, descending)
                assert screen.count == live == 64
                got = [dataclasses.astuple(row) for row in screen.rows]
                assert got == _page(store, sort, descending, limit), (sort, descending, limit)
    assert any(row.signed for row in first_screen.read(store.path, limit=200, day=DAY).rows)  # type: ignore[union-attr]


def test_every_contract_in_the_order_and_with_the_fields_of_the_command_line(store: Store) -> None:
    _generated(store, 3)
    with store.session() as session:
        ids = contracts.search_ids(session, today=DAY)
        rows = contracts.list_rows(session, ids, today=DAY)
    expected = [dataclasses.astuple(rows[contract_id])[:10] for contract_id in ids]
    got = first_screen.read_all(store.path, day=DAY)
    assert got is not None
    assert [dataclasses.astuple(row)[:10] for row in got] == expected


def test_the_normal_path_answers_a_status_sort_on_another_day_an_unknown_key_and_an_amended_contract(
        store: Store) -> None:
    _generated(store, 4, n=10)
    assert first_screen.read(store.path, sort="status", day=DAY) is not None
    assert first_screen.read(store.path, sort="status", day=DAY + dt.timedelta(days=1)) is None
    assert first_screen.read(store.path, sort="signed", day=DAY) is None
    with store.session(write=True) as session:
        contract_id = contracts.save(session, original())
        record(session, contract_id, amendment(), version=None)
    assert first_screen.read(store.path, day=DAY) is None  # ZFY-… sorts among the first 60
    assert first_screen.read_all(store.path, day=DAY) is not None  # the command prints the stored terms


def test_a_store_behind_the_head_a_missing_file_or_a_foreign_file_is_not_read(store: Store, tmp_path: Path) -> None:
    _generated(store, 5, n=5)
    store.close()
    behind = tmp_path / "behind.db"
    shutil.copyfile(store.path, behind)
    with sqlite3.connect(behind) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0017'")
    connection.close()
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).close()
    (tmp_path / "text.db").write_text("not a database")
    assert head_revision() != "0017"
    for path in (behind, foreign, tmp_path / "missing.db", tmp_path / "text.db", "postgresql://u@h/db"):
        assert first_screen.read(path, day=DAY) is None
        assert first_screen.read_all(path, day=DAY) is None
    assert first_screen.read(store.path, day=DAY) is not None


def test_the_days_backup_is_found_by_its_name(tmp_path: Path) -> None:
    store = tmp_path / "contracts.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    assert not first_screen.daily_backup_taken(store, DAY)
    (folder / "contracts-20260601-090000.db").touch()  # made on request: not the daily one
    (folder / "other-20260601-090000-daily.db").touch()  # another store's
    (folder / "contracts-20260531-090000-daily.db").touch()  # yesterday's
    assert not first_screen.daily_backup_taken(store, DAY)
    (folder / "contracts-20260601-090000-daily-2.db").touch()
    assert first_screen.daily_backup_taken(store, DAY)
