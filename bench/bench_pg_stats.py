"""The list's short words on a server register without statistics, then after ANALYZE (issue 18).

    uv run python bench/bench_pg_stats.py --pg postgresql://postgres@127.0.0.1:54342/bench100k_fresh

``--pg`` names a server register that was loaded and never analyzed (``pg_class.reltuples`` -1, no
``pg_stats``): e.g. ``services.copy_store.copy_store`` of a bench store into an empty register on a
server started with ``-c autovacuum=off`` (before this branch the copy left it so; since, the copy
analyzes: make the template with main's copy, or with a raw COPY as ``bench_list_stores.load_server``
without its VACUUM ANALYZE). The bench never touches it: it works on ``<db>_run``, made from it with
``CREATE DATABASE … TEMPLATE`` (the statistics are per database: the copy has none either; the
server's admin user needed) and dropped at the end.

For each word, through the app's list service on a fresh ``Store`` (``listing.page`` of the first
screen, ``FIRST_ROWS`` rows, and apart ``listing.count``) and, in turn A,B,A,B with it, the floor: the
plain way to the same rows on the raw driver connection (``search_text LIKE '%word%'``, live
contracts, ``ORDER BY contract_no``). Medians of ``--repeat`` runs after one untimed run; the ids and
counts are checked equal. Then ``store_stats.refresh`` (timed: what a copy or an import now adds),
and the same again on a new ``Store`` (``pg_grams.rare`` keeps its estimates per engine); then once more
with the grams index's statistics removed (``pg_statistic``; the server's admin user), as after an
upgrade that made the index in an analyzed register. Load average and UTC time before and after.
Exit status 1 when rows differ.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from services import store_stats
from services.register import listing, pg_grams
from services.store import Store, open_store

#: 36 %, 36 %, 5.3 %, 0.9 %, 0.005 %, 0.005 % of the bench's contracts (bench_list.build_store).
WORDS = ("服", "服务", "华信", "京蓝", "翠湖", "翠")
FIRST_ROWS = 40  # ui.contracts.list_model.FIRST_ROWS (not imported: no Qt here)


def load() -> str:
    """The machine's load average (1, 5, 15 minutes)."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def admin(url: str, *statements: str) -> None:
    """Run ``statements`` (outside a transaction) on the server's ``postgres`` database."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg", database="postgres"),
                           isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def ms(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return (time.perf_counter() - started) * 1000, result


def measure(store: Store, word: str, repeat: int) -> dict[str, Any]:
    """App and floor, in turn, for ``word``'s first screen and count; medians and the checked rows."""
    query = listing.ListQuery(text=word)
    raw = store.engine.raw_connection()
    cursor = raw.cursor()
    pattern = f"%{word}%"

    def app_page() -> list[int]:
        with store.session() as session:
            return [row.id for row in listing.page(session, query, 0, FIRST_ROWS)]

    def app_count() -> int:
        with store.session() as session:
            return listing.count(session, query)

    def floor_page() -> list[int]:
        cursor.execute("SELECT id FROM contracts WHERE deleted_at IS NULL AND search_text LIKE %s "
                       "ORDER BY contract_no LIMIT %s", (pattern, FIRST_ROWS))
        ids = [row[0] for row in cursor.fetchall()]
        raw.rollback()
        return ids

    def floor_count() -> int:
        cursor.execute("SELECT count(*) FROM contracts WHERE deleted_at IS NULL AND search_text LIKE %s", (pattern,))
        found = int(cursor.fetchone()[0])  # type: ignore[index]  # a count always has its row
        raw.rollback()
        return found

    steps = {"page": app_page, "page floor": floor_page, "count": app_count, "count floor": floor_count}
    times: dict[str, list[float]] = {name: [] for name in steps}
    results: dict[str, Any] = {}
    for run in range(repeat + 1):  # the first run untimed: estimates asked, pages read into the cache
        for name, step in steps.items():
            took, results[name] = ms(step)
            if run:
                times[name].append(took)
    raw.close()
    with store.session() as session:
        rare = pg_grams.rare(session, word)
    agree = results["page"] == results["page floor"] and results["count"] == results["count floor"]
    return {"rare": rare, "agree": agree, "hits": results["count"],
            **{name: statistics.median(values) for name, values in times.items()}}


def phase(url: str, title: str, repeat: int) -> bool:
    """Every word measured on a new ``Store`` of ``url``; True when the rows agree."""
    store = open_store(url)
    try:
        print(f"\n{title} ({now()}, load {load()})")
        print(f"{'word':6} {'hits':>6} {'rare()':>6} {'page ms':>8} {'floor':>7} {'count ms':>9} {'floor':>7} rows")
        good = True
        for word in WORDS:
            m = measure(store, word, repeat)
            good = good and m["agree"]
            print(f"{word:6} {m['hits']:>6} {m['rare']!s:>6} {m['page']:8.1f} {m['page floor']:7.1f} "
                  f"{m['count']:9.1f} {m['count floor']:7.1f} {'ok' if m['agree'] else 'DIFFER'}")
        return good
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", required=True, help="a never-analyzed server register (the template)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    template = make_url(args.pg).database
    scratch = f"{template}_run"
    url = make_url(args.pg).set(database=scratch).render_as_string(hide_password=False)
    print(f"load {load()} at {now()}")
    admin(args.pg, f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)',
          f'CREATE DATABASE "{scratch}" TEMPLATE "{template}"')
    try:
        engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
        with engine.connect() as connection:
            tuples = connection.execute(text(
                "SELECT reltuples FROM pg_class WHERE oid = 'contracts'::regclass")).scalar()
        print(f"contracts.reltuples {tuples} (-1: never analyzed)")
        good = phase(url, "never analyzed", args.repeat)
        with engine.connect() as connection:  # the app's step after a copy, an import, an upgrade
            took, _ = ms(lambda: store_stats.refresh(connection))
            connection.commit()
        engine.dispose()
        print(f"\nstore_stats.refresh (ANALYZE of the register's tables): {took:.0f} ms")
        good = phase(url, "after ANALYZE", args.repeat) and good
        with engine.connect() as connection:  # as an upgrade that makes the index after the last ANALYZE
            connection.execute(text(f"DELETE FROM pg_statistic WHERE starelid = '{pg_grams.INDEX}'::regclass"))
            connection.commit()
        engine.dispose()
        good = phase(url, "the table analyzed, the grams index not (its pg_statistic rows removed)",
                     args.repeat) and good
    finally:
        admin(args.pg, f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    print(f"\nload {load()} at {now()}; rows: {'all agree' if good else 'DIFFER'}")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
