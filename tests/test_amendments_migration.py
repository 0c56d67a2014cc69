"""Revision 0014 (issue 16): a store at 0013 (the revision before it) with contracts upgrades to the
amendment and attachment tables, and an amendment can be recorded on a contract it held."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import MetaData, create_engine, inspect, select, text

from models.base import Base
from services.amendments import register as amendments
from services.register import contracts
from services.store import current_revision, head_revision, open_store
from tests.amendment_cases import amendment, original


def saved_at_old_revision(tmp_path: Path, path: Path) -> int:
    """Save ``original()`` into the old store at ``path``: saved in a store of today's revision, then
    its rows copied over in the columns the old tables have (today's models name columns that later
    revisions add, so they cannot write to an old store themselves). Returns the contract's id."""
    scratch = open_store(tmp_path / "scratch.db")
    with scratch.session() as session:
        contract_id = contracts.save(session, original())
    old_engine = create_engine(f"sqlite:///{path}")
    try:
        with scratch.engine.connect() as source, old_engine.begin() as target:
            old_tables, new_tables = MetaData(), MetaData()  # as reflected: raw values, no defaults
            old_tables.reflect(target)
            new_tables.reflect(source)
            for table in Base.metadata.sorted_tables:
                if table.name not in old_tables.tables:
                    continue
                own, stored = old_tables.tables[table.name], new_tables.tables[table.name]
                rows = [dict(row._mapping) for row in source.execute(select(*(stored.c[c.name] for c in own.c)))]
                if rows:
                    target.execute(own.delete())
                    target.execute(own.insert(), rows)
    finally:
        old_engine.dispose()
        scratch.close()
    return contract_id


def test_a_store_at_0013_upgrades_and_takes_an_amendment(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0013")
    assert current_revision(old.engine) == "0013"
    assert "amendments" not in inspect(old.engine).get_table_names()
    old.close()
    contract_id = saved_at_old_revision(tmp_path, path)

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
