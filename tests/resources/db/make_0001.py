"""Build ``contracts-0001.sqlite``: a store at schema revision 0001 holding the three sample contracts.

Why: the migration test (``tests/test_store.py``) opens this file with the current code and
checks that the upgrade to head keeps every contract and fills what later revisions add
(0002: ``counterparty`` and ``search_text``). It stands for a store written by the first
release, so it must not be regenerated with a newer schema — only rebuilt, with this script,
if revision 0001 itself changes (it must not, once released).

How: the sample ledger (``resources/sample_ledger``) is imported into a temporary store at
head; its rows are read back and inserted with plain SQL into a new store migrated only to
0001 (``open_store(path, target="0001")``), column for column as 0001 defines them — money as
integer fen, decimals as text, dates as ISO text. The result is VACUUMed and left in
``journal_mode=DELETE`` so it is one small file with no ``-wal``/``-shm`` companions.

Run from the repository root::

    uv run python tests/resources/db/make_0001.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from services.ledger.importer import import_ledger  # noqa: E402
from services.store import open_store  # noqa: E402

TARGET = Path(__file__).resolve().parent / "contracts-0001.sqlite"
SAMPLE = ROOT / "resources" / "sample_ledger"
#: The tables of revision 0001, parents first (foreign keys).
TABLES = ("contracts", "parties", "line_items", "installments", "articles")


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def build(target: Path = TARGET) -> Path:
    """Write the revision-0001 store to ``target`` (replacing it) and return the path."""
    with tempfile.TemporaryDirectory() as folder:
        head_path = Path(folder) / "head.db"
        head = open_store(head_path)
        import_ledger(head, SAMPLE)
        head.close()

        old_path = Path(folder) / "old.db"
        open_store(old_path, target="0001").close()

        source = sqlite3.connect(head_path)
        old = sqlite3.connect(old_path)
        try:
            (revision,) = old.execute("SELECT version_num FROM alembic_version").fetchone()
            assert revision == "0001", revision
            for table in TABLES:
                columns = _columns(old, table)  # exactly the 0001 columns, no later additions
                names = ", ".join(columns)
                marks = ", ".join("?" for _ in columns)
                rows = source.execute(f"SELECT {names} FROM {table} ORDER BY id").fetchall()
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
