"""Time the deadlines of every contract — what the Calendar and Agenda compute in the background.

    uv run python bench/bench_agenda.py                  # 100,000 contracts in a temporary store
    uv run python bench/bench_agenda.py --n 20000 --keep /tmp/b.db

Builds the store as ``bench_list.py`` does (2 installments per contract, a few terminated), then
times ``services.calendar.agenda.all_deadlines`` as the window calls it (done deadlines older than a year
left out), the same with every done deadline kept, and ``refresh_next_due`` (after a change of
the working-day schedule). Figures: see bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_list import build_store

from services.calendar import agenda
from services.store import open_store

TODAY = dt.date(2026, 4, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="number of contracts (default 100000)")
    parser.add_argument("--keep", type=Path, help="store file to write (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        if not path.exists():
            started = time.perf_counter()
            build_store(path, args.n)
            print(f"built {args.n} contracts in {time.perf_counter() - started:.1f} s")
        store = open_store(path)
        with store.session() as session:
            for label, since in (("window (done ≤ 1 year)", TODAY - dt.timedelta(days=366)), ("all, done kept", None)):
                started = time.perf_counter()
                items = agenda.all_deadlines(session, today=TODAY, reminder_days=30, done_since=since)
                print(f"all_deadlines, {label}: {len(items)} deadlines in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            changed = agenda.refresh_next_due(session)
            print(f"refresh_next_due: {changed} changed in {time.perf_counter() - started:.1f} s")
            session.rollback()
        store.close()


if __name__ == "__main__":
    main()
