"""Revision 0014 (issue 16): a store at 0013 (the revision before it) with contracts upgrades to the
amendment and attachment tables, and an amendment can be recorded on a contract it held."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import inspect, text

from services.amendments import register as amendments
from services.register import contracts
from services.store import current_revision, head_revision, open_store
from tests.amendment_cases import amendment, original
from tests.store_revisions import downgrade_to


def test_a_store_at_0013_upgrades_and_takes_an_amendment(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path)  # written at head (today's models), then taken down to 0013
    with old.session() as session:
        contract_id = contracts.save(session, original())
    old.close()
    downgrade_to(path, "0013")
    old = open_store(path, target="0013")
    assert "amendments" not in inspect(old.engine).get_table_names()
    old.close()

    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        names = set(inspect(store.engine).get_table_names())
        assert {"amendments", "amendment_changes", "attachment_blobs", "attachments"} <= names
        with store.session() as session:
            amendments.record(session, contract_id, amendment(), version=1)
        with store.session() as session:
            assert contracts.load(session, contract_id).total_amount == Decimal("135000.00")
            assert session.execute(text("SELECT count(*) FROM amendment_changes")).scalar() == 4
    finally:
        store.close()
