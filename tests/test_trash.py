"""The Trash (services/register/trash.py): delete moves a contract out of the list, the agenda,
the checks and the export; restore brings it back with every row (the export is byte-identical
to the one before the delete); purge deletes it for good; its number stays taken meanwhile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services import history as history_log
from services.calendar.agenda import all_deadlines, mark_done, record_event, recorded_events
from services.checks.run import check_stored
from services.history import HistoryAction
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.write import export_ledger
from services.penalty.records import current_user
from services.register import contracts
from services.register.contracts import ContractError, ContractInTrashError
from services.register.trash import NotInTrashError, UnknownContractError, purge, restore, trash_rows, trashed_by_no
from services.store import Store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

NUMBER = "2026-021"
OTHERS = ["BJMEMC-2025174-ZC", "WHZF-2026-ZWY"]


@pytest.fixture
def samples(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


def _id(store: Store, number: str = NUMBER) -> int:
    with store.session() as session:
        found = contracts.find_id(session, number) or contracts.trashed_id(session, number)
    assert found is not None
    return found


def _export(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        written = export_ledger(session, folder)
    return {path.name: path.read_bytes() for path in written}


def _numbers(store: Store) -> list[str]:
    with store.session() as session:
        ids = contracts.search_ids(session)
        rows = contracts.list_rows(session, ids)
    return sorted(rows[i].contract_no for i in ids)


def test_delete_restore_gives_a_byte_identical_export(samples: Store, tmp_path: Path) -> None:
    contract_id = _id(samples)
    with samples.session() as session:  # rows beyond the ledger come back too
        record_event(session, contract_id, "acceptance", dt.date(2026, 2, 1))
        mark_done(session, contract_id, "installment:1", dt.date(2026, 2, 10))
    before = _export(samples, tmp_path / "before")
    with samples.session() as session:
        contracts.delete_contract(session, contract_id)
    trashed = _export(samples, tmp_path / "trashed")
    assert NUMBER.encode() not in trashed["contracts.csv"]
    assert NUMBER.encode() not in trashed["line_items.csv"]
    with samples.session() as session:
        restore(session, contract_id)
    assert _export(samples, tmp_path / "after") == before
    with samples.session() as session:
        assert recorded_events(session, contract_id) == {"acceptance": dt.date(2026, 2, 1)}
    assert _numbers(samples) == sorted([NUMBER, *OTHERS])


def test_a_contract_in_the_trash_is_out_of_list_agenda_and_checks(samples: Store) -> None:
    contract_id = _id(samples)
    with samples.session() as session:
        contracts.delete_contract(session, contract_id)
    assert _numbers(samples) == sorted(OTHERS)
    with samples.session() as session:
        assert contracts.count(session) == 2
        assert contracts.list_rows(session, [contract_id]) == {}
        assert contracts.search_ids(session, text="2026-021") == []
        assert contracts.find_id(session, NUMBER) is None
        deadlines = all_deadlines(session, today=dt.date(2026, 1, 1), reminder_days=30)
        assert deadlines and NUMBER not in {d.contract_no for d in deadlines}
        assert sorted(number for number, _ in check_stored(session)) == sorted(OTHERS)
        with pytest.raises(ContractInTrashError):
            list(check_stored(session, NUMBER))
        with pytest.raises(ContractInTrashError, match="in the Trash"):
            contracts.load_by_no(session, NUMBER)
        assert contracts.load(session, contract_id).contract_no == NUMBER  # the Trash can show it


def test_trash_rows_say_what_when_and_who(samples: Store) -> None:
    first, second = _id(samples), _id(samples, OTHERS[0])
    with samples.session() as session:
        contracts.delete_contract(session, first)
    with samples.session() as session:
        contracts.delete_contract(session, second)
        rows = trash_rows(session)
    assert [row.contract_no for row in rows] == [OTHERS[0], NUMBER]  # latest first
    assert rows[1].title and rows[1].deleted_by == (samples.db_user or current_user())
    assert abs(history_log.utc_now() - rows[1].deleted_at) < dt.timedelta(minutes=5)


def test_purge_deletes_for_good_and_keeps_the_history(samples: Store) -> None:
    contract_id = _id(samples)
    with samples.session() as session:
        with pytest.raises(NotInTrashError):
            purge(session, contract_id)  # only from the Trash
        contracts.delete_contract(session, contract_id)
    with samples.session() as session:
        purge(session, contract_id)
    with samples.session() as session:
        assert trash_rows(session) == []
        assert contracts.trashed_id(session, NUMBER) is None
        with pytest.raises(ContractError):
            contracts.load(session, contract_id)
        actions = [row.action for row in history_log.history(session, contract_id=contract_id)]
        assert actions == [HistoryAction.IMPORT, HistoryAction.DELETE, HistoryAction.PURGE]
        assert history_log.history(session, contract_no=NUMBER)[-1].action == HistoryAction.PURGE
    # the number is free again; the new contract gets a new id (not the purged one's history)
    import_ledger(samples, SAMPLE_LEDGER, replace=True)
    new_id = _id(samples)
    assert new_id != contract_id
    with samples.session() as session:
        assert [row.action for row in history_log.history(session, contract_id=new_id)] == [HistoryAction.IMPORT]


def test_restore_and_purge_need_a_contract_in_the_trash(samples: Store) -> None:
    with samples.session() as session:
        with pytest.raises(NotInTrashError, match="not in the Trash"):
            restore(session, _id(samples))
        with pytest.raises(ContractError):
            restore(session, 999)
        with pytest.raises(NotInTrashError):
            trashed_by_no(session, NUMBER)
        with pytest.raises(UnknownContractError, match="No contract numbered X "):
            trashed_by_no(session, "X")
        contracts.delete_contract(session, _id(samples))
        with pytest.raises(ContractInTrashError):
            contracts.delete_contract(session, _id(samples))  # already there


def test_a_number_in_the_trash_cannot_be_created_or_imported(samples: Store) -> None:
    contract_id = _id(samples)
    with samples.session() as session:
        data = contracts.load(session, contract_id)
        contracts.delete_contract(session, contract_id)
    data.version = None
    with pytest.raises(ContractInTrashError) as raised, samples.session() as session:
        contracts.save(session, data)
    assert raised.value.code == "CONTRACT_IN_TRASH"
    other = _id(samples, OTHERS[0])
    with samples.session() as session:
        renamed = contracts.load(session, other)
    renamed.contract_no = NUMBER
    with pytest.raises(ContractInTrashError), samples.session() as session:
        contracts.save(session, renamed, contract_id=other)
    with pytest.raises(LedgerError) as rejected:
        import_ledger(samples, SAMPLE_LEDGER, replace=True)
    problems = "\n".join(rejected.value.problems)
    assert f"contracts.csv:3:contract_no: Contract number {NUMBER} belongs to a contract in the Trash" in problems
    assert "[CONTRACT_IN_TRASH]" in problems
    assert "line_items.csv" in problems  # child files naming it too
    with samples.session() as session:  # nothing imported
        assert len(history_log.history(session, actions=[HistoryAction.IMPORT])) == 3
