"""Build ``contracts-0004.sqlite``: a store at schema revision 0004 (the last before versions,
the Trash and the history) holding the three sample contracts, a recorded event and a deadline
marked done.

Why: the migration test (``tests/test_store.py``) opens this file with the current code and
checks that the upgrade to 0005 keeps every contract and row, starts each contract at version 1,
none in the Trash, with an empty history that ``verify`` finds intact. It stands for a store
written by the release with revision 0004, so it must not be regenerated with a newer schema —
only rebuilt, with this script, if revision 0004 itself changes (it must not, once released).

How: as ``make_0001.py``: the sample ledger (``resources/sample_ledger``) is imported into a
temporary store at head, an acceptance date recorded and the first installment of 2026-021
marked paid; its rows are copied with plain SQL into a new store migrated only to 0004
(``open_store(path, target="0004")``), exactly the columns 0004 has. The result is VACUUMed and
left in ``journal_mode=DELETE``: one small file with no ``-wal``/``-shm`` companions.

Run from the repository root::

    uv run python tests/resources/db/make_0004.py
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from services.calendar.agenda import mark_done, record_event  # noqa: E402
from services.ledger.importer import import_ledger  # noqa: E402
from services.register import contracts  # noqa: E402
from services.store import open_store  # noqa: E402

TARGET = Path(__file__).resolve().parent / "contracts-0004.sqlite"
SAMPLE = ROOT / "tests" / "resources" / "sample_ledger_v1"  # the sample as it was at revision 0004
#: The tables of revision 0004, parents first (foreign keys).
TABLES = ("contracts", "parties", "line_items", "installments", "articles", "milestones", "bonds",
          "contract_events", "deadline_done", "holidays", "penalty_clauses", "penalty_calculations")


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def build(target: Path = TARGET) -> Path:
    """Write the revision-0004 store to ``target`` (replacing it) and return the path."""
    with tempfile.TemporaryDirectory() as folder:
        head_path = Path(folder) / "head.db"
        head = open_store(head_path)
        import_ledger(head, SAMPLE)
        with head.session() as session:
            contract_id = contracts.find_id(session, "2026-021")
            assert contract_id is not None
            record_event(session, contract_id, "acceptance", dt.date(2026, 2, 1))
            mark_done(session, contract_id, "installment:1", dt.date(2026, 2, 10))
        head.close()

        old_path = Path(folder) / "old.db"
        open_store(old_path, target="0004").close()

        source = sqlite3.connect(head_path)
        old = sqlite3.connect(old_path)
        try:
            (revision,) = old.execute("SELECT version_num FROM alembic_version").fetchone()
            assert revision == "0004", revision
            for table in TABLES:
                columns = _columns(old, table)  # exactly the 0004 columns, no later additions
                names = ", ".join(columns)
                marks = ", ".join("?" for _ in columns)
                rows = source.execute(f"SELECT {names} FROM {table} ORDER BY rowid").fetchall()
                old.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            old.commit()
            old.execute("PRAGMA journal_mode=DELETE")
            old.execute("PRAGMA page_size=1024")  # less slack per page: a smaller file
            old.execute("VACUUM")
        finally:
            source.close()
            old.close()
        target.unlink(missing_ok=True)
        target.write_bytes(old_path.read_bytes())
    return target


if __name__ == "__main__":
    path = build()
    print(f"wrote {path} ({path.stat().st_size} bytes)")
