"""Optimistic concurrency (services/register/contracts.py): a contract written since it was loaded
is never overwritten — by another editor, an import, a deadline marked done, another process —
and a contract deleted since gives its own error."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from decimal import Decimal

import pytest

from services import history as history_log
from services.calendar.agenda import mark_done, record_event
from services.history import HistoryAction
from services.ledger.importer import import_ledger
from services.penalty.records import current_user
from services.register import contracts
from services.register.contracts import ConflictError, ContractDeletedError
from services.register.trash import purge
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

NUMBER = "2026-021"


@pytest.fixture
def samples(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


def _load(store: Store, number: str = NUMBER) -> contracts.ContractData:
    with store.session() as session:
        return contracts.load_by_no(session, number)


def _contract_id(store: Store, number: str = NUMBER) -> int:
    with store.session() as session:
        found = contracts.find_id(session, number)
    assert found is not None
    return found


def test_load_gives_the_version_and_save_moves_it_on(samples: Store) -> None:
    data = _load(samples)
    assert data.version == 1
    contract_id = _contract_id(samples)
    data.title = "改一次"
    with samples.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    assert data.version == 2  # the caller's copy follows: saving it again is no conflict
    data.title = "改两次"
    with samples.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    assert _load(samples).version == 3
    assert _load(samples).title == "改两次"


def test_a_new_contract_starts_at_version_1(samples: Store) -> None:
    data = _load(samples)
    data.contract_no = "NEW-1"
    with samples.session() as session:
        contracts.save(session, data)
    assert data.version == 1
    assert _load(samples, "NEW-1").version == 1


def test_second_editor_is_refused_with_what_changed(samples: Store) -> None:
    first, second = _load(samples), _load(samples)
    contract_id = _contract_id(samples)
    first.line_items[0].quantity = Decimal("2")
    with samples.session() as session:
        contracts.save(session, first, contract_id=contract_id)
    second.title = "另一个人的修改"
    with pytest.raises(ConflictError) as raised, samples.session() as session:
        contracts.save(session, second, contract_id=contract_id)
    error = raised.value
    assert error.code == "CONTRACT_CONFLICT"
    assert [row.action for row in error.changes] == [HistoryAction.SAVE]
    latest = error.changes[-1]
    assert latest.user == (samples.db_user or current_user())
    assert latest.at <= history_log.utc_now()
    assert latest.details["children"]["line_items"]["changed"]["1"]["quantity"][1] == "2"
    assert f"Contract {NUMBER} was changed by {latest.user}" in str(error)
    assert "[CONTRACT_CONFLICT]" in str(error)
    assert "合同 2026-021 在您打开后已被" in error.message("zh_CN")
    # never a silent overwrite: the store holds the first save
    stored = _load(samples)
    assert stored.line_items[0].quantity == Decimal("2")
    assert stored.title != "另一个人的修改"
    assert stored.version == 2


def test_the_conflict_names_the_write_that_made_the_stored_version(samples: Store) -> None:
    """An event recorded after another's save does not move the version: the save is named."""
    first, second = _load(samples), _load(samples)
    contract_id = _contract_id(samples)
    first.title = "先保存"
    with samples.session() as session:
        contracts.save(session, first, contract_id=contract_id)
    with samples.session() as session:
        record_event(session, contract_id, "acceptance", dt.date(2026, 3, 1))
    with pytest.raises(ConflictError) as raised, samples.session() as session:
        contracts.save(session, second, contract_id=contract_id)
    assert [row.action for row in raised.value.changes] == [HistoryAction.SAVE, HistoryAction.RECORD_EVENT]
    assert raised.value.latest is not None and raised.value.latest.action == HistoryAction.SAVE
    assert "(save)" in str(raised.value)


def test_update_without_a_version_is_a_programming_error(samples: Store) -> None:
    data = _load(samples)
    data.version = None
    with pytest.raises(ValueError, match="version"), samples.session() as session:
        contracts.save(session, data, contract_id=_contract_id(samples))


def test_an_import_since_loading_is_a_conflict(samples: Store) -> None:
    data = _load(samples)
    import_ledger(samples, SAMPLE_LEDGER, replace=True)
    with pytest.raises(ConflictError) as raised, samples.session() as session:
        contracts.save(session, data, contract_id=_contract_id(samples))
    assert raised.value.changes[-1].action == HistoryAction.IMPORT


def test_marking_a_payment_since_loading_is_a_conflict(samples: Store) -> None:
    """A paid date is stored on the installment: saving the older copy would erase it."""
    data = _load(samples)
    contract_id = _contract_id(samples)
    with samples.session() as session:
        mark_done(session, contract_id, "installment:1", dt.date(2026, 3, 1))
    with pytest.raises(ConflictError) as raised, samples.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    assert raised.value.changes[-1].action == HistoryAction.MARK_DONE
    assert _load(samples).installments[0].paid_date == dt.date(2026, 3, 1)


def test_recording_an_event_is_not_a_conflict(samples: Store) -> None:
    """Events are not part of the contract's data (the editor records them while open)."""
    data = _load(samples)
    contract_id = _contract_id(samples)
    with samples.session() as session:
        record_event(session, contract_id, "acceptance", dt.date(2026, 3, 1))
    data.title = "验收后修改"
    with samples.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    assert _load(samples).title == "验收后修改"


def test_a_contract_trashed_since_loading(samples: Store) -> None:
    data = _load(samples)
    contract_id = _contract_id(samples)
    with samples.session() as session:
        contracts.delete_contract(session, contract_id)
    with pytest.raises(ContractDeletedError) as raised, samples.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    assert raised.value.trashed
    assert raised.value.code == "CONTRACT_TRASHED_SINCE"
    with samples.session() as session:
        purge(session, contract_id)
    with pytest.raises(ContractDeletedError) as raised, samples.session() as session:
        contracts.save(session, data, contract_id=contract_id)
    assert not raised.value.trashed
    assert raised.value.code == "CONTRACT_PURGED_SINCE"
    assert NUMBER in str(raised.value)  # the number comes from the history
    # "save as a new contract" still works
    with samples.session() as session:
        new_id = contracts.save(session, data)
    assert new_id != contract_id


# --- two processes on one store file ---------------------------------------------------------


def _editor(path: str, name: str, rounds, results) -> None:  # type: ignore[no-untyped-def]
    """One editor in its own process; per round: load, wait until the other has loaded too, wait
    for the go, save ``title`` = name + round, and report ``(round, name, outcome, message)``."""
    store = open_store(path)
    try:
        for number, (loaded, go) in enumerate(rounds):
            with store.session() as session:
                contract_id = contracts.find_id(session, NUMBER)
                assert contract_id is not None
                data = contracts.load(session, contract_id)
            loaded.wait(timeout=60)
            go.wait(timeout=60)
            data.title = f"{name}{number}"
            try:
                with store.session() as session:
                    contracts.save(session, data, contract_id=contract_id)
                results.put((number, name, "saved", ""))
            except ConflictError as exc:
                results.put((number, name, exc.code, str(exc)))
            except Exception as exc:  # reported to the test, not swallowed
                results.put((number, name, type(exc).__name__, str(exc)))
    finally:
        store.close()


def test_two_processes_save_the_same_contract(samples: Store) -> None:
    """Two processes on one store file both load the contract, both save: the second save is
    refused, the store holds the first, and the history shows it. Round 0: A saves, then B;
    round 1: both at once (whichever comes second is refused)."""
    if samples.on_server:
        pytest.skip("two processes on one SQLite file; on a server: tests/test_store_server.py")
    path = str(samples.path)
    samples.close()
    context = multiprocessing.get_context("spawn")
    rounds_a, rounds_b = [], []
    for _round in range(2):
        loaded = context.Barrier(2)
        rounds_a.append((loaded, context.Event()))
        rounds_b.append((loaded, context.Event()))
    results = context.Queue()
    a = context.Process(target=_editor, args=(path, "甲", rounds_a, results))
    b = context.Process(target=_editor, args=(path, "乙", rounds_b, results))
    a.start()
    b.start()
    outcomes: dict[tuple[int, str], tuple[str, str]] = {}

    def collect(count: int) -> None:
        for _ in range(count):
            number, name, status, message = results.get(timeout=120)
            outcomes[(number, name)] = (status, message)

    try:
        rounds_a[0][1].set()
        collect(1)  # A's save is done before B may save
        rounds_b[0][1].set()
        collect(1)
        rounds_a[1][1].set()
        rounds_b[1][1].set()
        collect(2)
    finally:
        for _loaded, go in rounds_a + rounds_b:
            go.set()
        a.join(timeout=60)
        b.join(timeout=60)
    assert outcomes[(0, "甲")] == ("saved", ""), outcomes
    assert outcomes[(0, "乙")][0] == "CONTRACT_CONFLICT", outcomes
    assert "was changed by" in outcomes[(0, "乙")][1]
    at_once = {name: outcomes[(1, name)][0] for name in ("甲", "乙")}
    assert sorted(at_once.values()) == ["CONTRACT_CONFLICT", "saved"], outcomes
    winner = next(name for name, status in at_once.items() if status == "saved")
    reopened = open_store(path)
    try:
        with reopened.session() as session:
            stored = contracts.load_by_no(session, NUMBER)
            saves = history_log.history(session, contract_no=NUMBER, actions=[HistoryAction.SAVE])
            problems = history_log.verify(session)
    finally:
        reopened.close()
    assert stored.title == f"{winner}1"
    assert stored.version == 3  # imported at 1, one save per round
    assert [entry.details["header"]["title"][1] for entry in saves] == ["甲0", f"{winner}1"]
    assert problems == []
