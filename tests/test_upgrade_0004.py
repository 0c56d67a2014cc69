"""The upgrade of a real store written at revision 0004 (tests/resources/db/contracts-0004.sqlite,
built by make_0004.py) to revision 0005: versions, the Trash and the history.

Every contract and row is kept (the export is byte-identical to the same data written today),
each contract starts at version 1 and out of the Trash, the history starts empty and intact with
its append-only triggers, and the new features work on the upgraded file at once."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from services import history as history_log
from services.calendar.agenda import record_event, recorded_events
from services.history import HistoryAction
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.payments.record import record_payment
from services.register import contracts
from services.register.contract_data import PaymentData
from services.register.trash import restore, trash_rows
from services.store import Store, current_revision, head_revision, open_store
from tests.conftest import ROOT

STORE_0004 = ROOT / "tests" / "resources" / "db" / "contracts-0004.sqlite"
#: The sample ledger as it was when that store was made (format v1: no English names, no events.csv).
SAMPLE_LEDGER = ROOT / "tests" / "resources" / "sample_ledger_v1"
NUMBER = "2026-021"


def _export(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {path.name: path.read_bytes() for path in export_ledger(session, folder)}


def test_fixture_store_is_at_0004_and_self_contained() -> None:
    connection = sqlite3.connect(f"file:{STORE_0004}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT count(*) FROM contracts").fetchone()[0] == 3
        assert connection.execute("SELECT count(*) FROM contract_events").fetchone()[0] == 1
    finally:
        connection.close()
    assert not Path(f"{STORE_0004}-wal").exists()
    assert STORE_0004.stat().st_size < 200_000


def test_upgrade_from_0004(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "contracts.db"
    shutil.copyfile(STORE_0004, path)
    upgraded = open_store(path)
    try:
        assert current_revision(upgraded.engine) == head_revision()
        assert upgraded.backup_path is not None and upgraded.backup_path.exists()
        with upgraded.session() as session:
            ids = contracts.search_ids(session)
            assert len(ids) == 3
            assert {contracts.load(session, i).version for i in ids} == {1}
            assert trash_rows(session) == []
            assert history_log.history(session) == []
            assert history_log.verify(session) == []
            triggers = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
            contract_id = contracts.find_id(session, NUMBER)
            assert contract_id is not None
            assert recorded_events(session, contract_id) == {"acceptance": dt.date(2026, 2, 1)}
        assert set(history_log.TRIGGERS) <= triggers
        upgraded_export = _export(upgraded, tmp_path / "upgraded")

        # the same data written today exports byte for byte the same
        import_ledger(store, SAMPLE_LEDGER)
        with store.session() as session:
            fresh_id = contracts.find_id(session, NUMBER)
            assert fresh_id is not None
            record_event(session, fresh_id, "acceptance", dt.date(2026, 2, 1))
            # revision 0013 moves the old "marked paid" into a payment of the whole installment (issue 15):
            # today that is a payment recorded on it
            record_payment(session, fresh_id, PaymentData(0, dt.date(2026, 2, 10), Decimal("311685.00"), 1,
                                                          payer_role="甲方", payee_role="乙方"))
        assert upgraded_export == _export(store, tmp_path / "fresh")

        # versions, the Trash and the history work on the upgraded file at once
        with upgraded.session() as session:
            data = contracts.load(session, contract_id)
            data.title = data.title + "（修订）"
            contracts.save(session, data, contract_id=contract_id)
            contracts.delete_contract(session, contract_id)
        with upgraded.session() as session:
            restore(session, contract_id)
        with upgraded.session() as session:
            actions = [row.action for row in history_log.history(session)]
            assert actions == [HistoryAction.SAVE, HistoryAction.DELETE, HistoryAction.RESTORE]
            assert contracts.load(session, contract_id).version == 4
            assert history_log.verify(session) == []
    finally:
        upgraded.close()
