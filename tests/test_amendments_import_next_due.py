"""A pending amendment imported from a ledger (issue 16): the stored next due — the list's column, kept
on the contract row — is computed after the amendment is kept, under the terms in force today, in the
import's transaction.

By hand (``tests.amendment_cases`` without the 1st installment): the next deadline to act on is the
2nd installment, 30 days after the end of the term — 2026-07-30 as signed (end 2026-06-30), 2026-10-30
as amended by 补1 (end 2026-09-30). 补1 is made effective 2099-01-01 here: pending today.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sqlalchemy import select

from models.contract import Contract
from services.amendments import register as amendments
from services.calendar import agenda
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.register import contracts, listing
from services.store import Store, open_store
from tests.amendment_cases import D, amendment, original

SIGNED, AMENDED = D(2026, 7, 30), D(2026, 10, 30)


def _contract() -> object:
    data = copy.deepcopy(original())
    data.installments = data.installments[1:]
    return data


def _ledger(tmp_path: Path) -> Path:
    """The ledger of a store holding the contract with 补1 pending (effective 2099-01-01)."""
    source = open_store(tmp_path / "source.db")
    try:
        item = amendment()
        item.effective_date = D(2099, 1, 1)
        with source.session() as session:
            contract_id = contracts.save(session, _contract())  # type: ignore[arg-type]
        with source.session() as session:
            amendments.record(session, contract_id, item, version=1)
            stored = session.scalar(select(Contract.next_due).where(Contract.id == contract_id))
            assert stored == SIGNED  # recorded in the editor: right already
        with source.session() as session:
            export_ledger(session, tmp_path / "ledger")
    finally:
        source.close()
    return tmp_path / "ledger"


def _stored_next_due(store: Store) -> object:
    with store.session() as session:
        return session.scalar(select(Contract.next_due).where(Contract.contract_no == "ZFY-2026-001"))


@pytest.mark.parametrize("bulk", [True, False])
def test_a_new_contract_imported_with_its_pending_amendment_stores_todays_next_due(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool) -> None:
    from services.ledger import import_bulk

    if not bulk:  # the contract-at-a-time path (BATCH 0: no bulk runs)
        monkeypatch.setattr(import_bulk, "BATCH", 0)
    import_ledger(store, _ledger(tmp_path))
    assert _stored_next_due(store) == SIGNED
    with store.session() as session:
        assert agenda.refresh_next_due(session) == 0  # the batch refresh finds nothing to correct


def test_an_existing_contract_updated_with_its_pending_amendment_stores_todays_next_due(
        store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        contracts.save(session, _contract())  # type: ignore[arg-type]
    import_ledger(store, _ledger(tmp_path), replace=True)  # contracts.csv: the terms as amended; amendments.csv: 补1
    assert _stored_next_due(store) == SIGNED
    with store.session() as session:
        contract_id = contracts.find_id(session, "ZFY-2026-001")
        assert contract_id is not None
        assert contracts.load(session, contract_id).end_date == D(2026, 9, 30)  # stored as amended
        assert agenda.refresh_next_due(session) == 0


def test_an_amendment_imported_alone_stores_todays_next_due(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        contracts.save(session, _contract())  # type: ignore[arg-type]
    ledger = _ledger(tmp_path)
    import_ledger(store, ledger / "amendments.csv")
    assert _stored_next_due(store) == SIGNED
    with store.session() as session:
        assert agenda.refresh_next_due(session) == 0
        [row] = listing.page(session, listing.ListQuery(today=D(2099, 1, 2)), 0, 10)
    assert row.next_due == AMENDED  # from the effective date on, the amended terms' deadline
