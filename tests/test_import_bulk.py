"""The importer's bulk path for new contracts (services/ledger/import_bulk.py, issue 18) writes what
the contract-at-a-time path writes: the same ledger on export, list columns, search index, history
entries (details), changes announced, result and progress — for a ledger with payments, amendments,
attachments, events and done marks, for a version 1 ledger (payments derived from installments),
and for new contracts interleaved with contracts replaced."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models.contract import Contract
from models.history import HistoryEntry
from services import history as history_log
from services.errors import InputError
from services.ledger import import_bulk
from services.ledger.importer import ImportCancelled, ImportResult, apply_ledger, import_ledger, read_ledger
from services.ledger.values import check_text
from services.ledger.write import export_ledger, ledger_files
from services.register import contracts
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER
from tests.test_export_rows import filled  # noqa: F401  # the fixture: samples, payments, amendments, …


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


def _import(store: Store, ledger: Path, *, replace: bool = False) -> tuple[ImportResult, Any, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    with store.session(write=True) as session:
        plan = read_ledger(ledger, session)
        result = apply_ledger(session, plan, replace=replace, progress=lambda done, of: seen.append((done, of)))
        announced = history_log.changes(session)
    return result, announced, seen


def _state(store: Store) -> dict[str, object]:
    with store.session() as session:
        files = ledger_files(session)
        listed = session.execute(select(Contract.id, Contract.contract_no, Contract.counterparty, Contract.search_text,
                                        Contract.next_due, Contract.problem_level, Contract.version)
                                 .order_by(Contract.id)).all()
        history = session.execute(select(HistoryEntry.action, HistoryEntry.contract_id, HistoryEntry.contract_no,
                                         HistoryEntry.contract_version, HistoryEntry.details)
                                  .order_by(HistoryEntry.id)).all()
        found = {word: contracts.search_ids(session, text=word) for word in ("政务云", "2026", "有限公司", "云")}
        chain = history_log.verify(session)  # each entry's hash and prev_hash in order
    assert chain == []
    return {"files": files, "listed": listed, "history": history, "found": found}


def _both_ways(fresh: Callable[[], Store], monkeypatch: pytest.MonkeyPatch, ledger: Path, *,
               before: Path | None = None) -> tuple[dict[str, object], dict[str, object]]:
    outcomes = []
    for batch in (0, 2):  # 0: one by one (the path before issue 18); 2: bulk, several batches
        monkeypatch.setattr(import_bulk, "BATCH", batch)
        store = fresh()
        if before is not None:
            _import(store, before)
        result, announced, seen = _import(store, ledger, replace=before is not None)
        outcomes.append({"result": result, "announced": announced, "progress": seen, **_state(store)})
    return outcomes[0], outcomes[1]


def test_bulk_import_writes_what_one_by_one_wrote(filled: Store, fresh: Callable[[], Store],  # noqa: F811
                                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with filled.session() as session:
        export_ledger(session, tmp_path / "ledger")
    one_by_one, bulk = _both_ways(fresh, monkeypatch, tmp_path / "ledger")
    assert bulk == one_by_one
    assert len(bulk["history"]) >= 4 and bulk["progress"][-1] == (4, 4)  # type: ignore[index, arg-type]
    assert bulk["announced"]  # the history entries' changes


def test_a_version_1_ledger_derives_the_same_payments(filled: Store, fresh: Callable[[], Store],  # noqa: F811
                                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with filled.session() as session:
        export_ledger(session, tmp_path / "ledger")
    (tmp_path / "ledger" / "payments.csv").unlink()
    one_by_one, bulk = _both_ways(fresh, monkeypatch, tmp_path / "ledger")
    assert bulk == one_by_one


def test_new_contracts_between_replaced_ones(filled: Store, fresh: Callable[[], Store],  # noqa: F811
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with filled.session() as session:
        export_ledger(session, tmp_path / "ledger")
    one_by_one, bulk = _both_ways(fresh, monkeypatch, tmp_path / "ledger", before=SAMPLE_LEDGER)
    assert bulk == one_by_one
    result = bulk["result"]
    assert isinstance(result, ImportResult) and result.added and result.updated


def test_progress_and_cancel_come_contract_by_contract(filled: Store, fresh: Callable[[], Store],  # noqa: F811
                                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with filled.session() as session:
        export_ledger(session, tmp_path / "ledger")
    calls = []
    for batch in (0, 2, 500):
        monkeypatch.setattr(import_bulk, "BATCH", batch)
        store = fresh()
        asked: list[int] = []
        seen: list[tuple[int, int]] = []

        def cancelled(asked: list[int] = asked, seen: list[tuple[int, int]] = seen) -> bool:
            asked.append(len(seen))
            return len(asked) > 3

        with pytest.raises(ImportCancelled):
            import_ledger(store, tmp_path / "ledger", progress=lambda done, of, seen=seen: seen.append((done, of)),
                          cancelled=cancelled)
        with store.session() as session:
            assert contracts.count(session) == 0  # rolled back
        calls.append((asked, seen))
    assert calls[0] == calls[1] == calls[2] == ([0, 1, 2, 3], [(1, 4), (2, 4), (3, 4)])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.characters(max_codepoint=0xA0)), st.booleans())
def test_check_text_refuses_exactly_the_control_characters(text: str, line_breaks: bool) -> None:
    allowed = "\t\r\n" if line_breaks else "\t"
    bad = next((c for c in text if unicodedata.category(c) == "Cc" and c not in allowed), None)
    if bad is None:
        assert check_text(text, line_breaks=line_breaks) == text
    else:
        with pytest.raises(InputError):
            check_text(text, line_breaks=line_breaks)
