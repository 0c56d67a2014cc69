"""The contract list on both stores: SQLite and PostgreSQL, N contracts each (issue 17).

    uv run python bench/bench_list_stores.py --pg postgresql://postgres@127.0.0.1:54329/bench --n 1000000
    bash .ci/postgres.sh -- uv run python bench/bench_list_stores.py --n 100000   # a throw-away server

Builds the SQLite store as ``bench_list.py`` does (N contracts, 2 parties, 3 line items and 2
installments each; ``--keep FILE`` reuses one), then loads the same rows into the (emptied) server
register with PostgreSQL's COPY and runs ANALYZE. On each store it times the list's interactive
steps through ``ContractListModel`` (offscreen Qt) — open, first screen, filter-as-you-type, clear,
sort by each column both ways, a cold page of 40 rows when scrolling — and, interleaved run by run
with each app step, its floor: the very statements the step sent to the database (caught with
SQLAlchemy's ``before_cursor_execute``) replayed on the raw driver connection (sqlite3 / psycopg),
every row fetched. ``ratio`` = app ÷ floor: what SQLAlchemy, Python and Qt add. Medians of
``--repeat`` runs; exit status 1 when an interactive step's median is over 300 ms on either store.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_list import BUDGET_MS, COMMON_WORD, RARE_WORD, TODAY, prepare_store, read_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from services.register.contracts import LIST_COLUMNS
from services.store import Store, open_store
from ui.contracts.list_model import ContractListModel

#: The tables ``bench_list.build_store`` fills (in foreign-key order).
TABLES = ("contracts", "parties", "line_items", "installments")


def server_holds(url: str, n: int) -> bool:
    """True when the server register at ``url`` already holds ``n`` contracts (a previous load)."""
    store = open_store(url)
    try:
        with store.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT count(*) FROM contracts").scalar() == n
    finally:
        store.close()


def load_server(source: Path, url: str) -> float:
    """Empty the server register at ``url`` (created if new) and COPY the four tables of the SQLite
    store ``source`` into it; sequences moved past the ids, ANALYZE. Seconds taken."""
    started = time.perf_counter()
    store = open_store(url)
    try:
        raw = store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
            # The bulk path, as bench_list.build_store on SQLite: the tables' secondary indexes (the
            # pg_trgm GIN index among them) dropped for the COPY and built once each afterwards.
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                           "AND tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                           (list(TABLES),))
            indexes = cursor.fetchall()
            for index_name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{index_name}"')
            with sqlite3.connect(source) as db:
                for table in TABLES:
                    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
                    names = ", ".join(f'"{c}"' for c in columns)
                    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                        for row in db.execute(f"SELECT {names} FROM {table}"):
                            copy.write_row(row)
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                   f"(SELECT coalesce(max(id), 1) FROM {table}))")
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _index_name, definition in indexes:
                cursor.execute(definition)
            raw.commit()
            cursor.execute("ANALYZE")
            raw.commit()
        finally:
            raw.close()
    finally:
        store.close()
    return time.perf_counter() - started


class Statements:
    """The statements an engine sends while ``catching`` (as the driver gets them)."""

    def __init__(self, store: Store) -> None:
        self.catching = False
        self.sent: list[tuple[str, Any]] = []
        event.listen(store.engine, "before_cursor_execute", self._caught)

    def _caught(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                executemany: bool) -> None:
        if self.catching and not executemany:
            self.sent.append((statement, parameters))


def floor(store: Store, sent: list[tuple[str, Any]]) -> Callable[[], None]:
    """Replays ``sent`` on a raw driver connection of ``store``, fetching every row."""
    raw = store.engine.raw_connection()

    def replay() -> None:
        cursor = raw.cursor()
        for statement, parameters in sent:
            cursor.execute(statement, parameters)
            if cursor.description is not None:
                cursor.fetchall()
        cursor.close()
        raw.rollback()

    return replay


def measure(store: Store, statements: Statements, step: Callable[[], object], repeat: int,
            setup: Callable[[], object] | None = None) -> tuple[float, float, int]:
    """(app ms, floor ms, statements) medians: one untimed run catches the statements, then each run
    times the app step and its floor one after the other."""
    if setup is not None:
        setup()
    statements.sent.clear()
    statements.catching = True
    step()
    statements.catching = False
    replay = floor(store, list(statements.sent))
    app, raw = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        step()
        app.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        replay()
        raw.append((time.perf_counter() - started) * 1000)
    return statistics.median(app), statistics.median(raw), len(statements.sent)


def bench(name: str, repeat: int) -> list[tuple[str, float, float, int]]:
    """The list's steps on the register ``name`` (a path or a URL): (step, app ms, floor ms, statements)."""
    started = time.perf_counter()
    store = open_store(name)
    results = [("open store", (time.perf_counter() - started) * 1000, 0.0, 0)]
    statements = Statements(store)
    holder: list[ContractListModel] = []

    def first_screen() -> None:
        holder[:] = [ContractListModel(store, today=TODAY)]
        holder[0].rowCount()
        read_rows(holder[0], 0, 40)

    results.append(("new model + first 40 rows", *measure(store, statements, first_screen, repeat)))
    model = holder[0]
    for word in (COMMON_WORD, RARE_WORD, "gzcg-2024-0123"):
        results.append((f"filter {word!r}", *measure(store, statements, lambda w=word: model.set_search(w), repeat,
                                                   setup=lambda: model.set_search(""))))
    results.append(("clear filter", *measure(store, statements, lambda: model.set_search(""), repeat,
                                             setup=lambda: model.set_search(RARE_WORD))))
    for column, key in enumerate(LIST_COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            other = (column + 1) % len(LIST_COLUMNS)
            label = f"sort {key} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"
            results.append((label, *measure(store, statements, lambda c=column, o=order: model.sort(c, o), repeat,
                                            setup=lambda c=other: model.sort(c, Qt.SortOrder.AscendingOrder))))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    n = model.rowCount()
    for first in (n // 2, n - 40):
        results.append((f"scroll: page of 40 at {first:,} (cold)",
                        *measure(store, statements, lambda f=first: read_rows(model, f, 40), repeat,
                                 setup=model.refresh)))
    store.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="number of contracts (default 1000000)")
    parser.add_argument("--pg", default=os.environ.get("CONTRACTDESK_TEST_PG"),
                        help="the server register to (re)fill: postgresql://… (default $CONTRACTDESK_TEST_PG)")
    parser.add_argument("--keep", type=Path, help="SQLite store to write (and reuse when it holds N contracts)")
    parser.add_argument("--reload", action="store_true",
                        help="load the server register again even when it already holds N contracts")
    parser.add_argument("--load-only", action="store_true", help="build/load the stores, time nothing")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; the median is shown")
    args = parser.parse_args(argv)
    if not args.pg:
        parser.error("name a PostgreSQL register with --pg or CONTRACTDESK_TEST_PG")
    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need an application
    path, how = prepare_store(args.keep, args.n)
    print(f"SQLite: {path} ({args.n:,} contracts, {how})")
    if how == "reused" and not args.reload and server_holds(args.pg, args.n):
        print(f"PostgreSQL: {args.pg} (reused: it holds {args.n:,} contracts; --reload to load it again)")
    else:
        seconds = load_server(path, args.pg)
        print(f"PostgreSQL: {args.pg} (loaded by COPY in {seconds:.1f} s)")
    if args.load_only:
        return 0
    over: list[str] = []
    tables = {"SQLite": bench(str(path), args.repeat), "PostgreSQL": bench(args.pg, args.repeat)}
    print(f"\n{'step':<40}" + "".join(f"{name + ' app':>16}{'floor':>8}{'ratio':>7}" for name in tables))
    print("-" * (40 + 31 * len(tables)))
    for index, (label, *_rest) in enumerate(tables["SQLite"]):
        line = f"{label:<40}"
        for name, results in tables.items():
            _label, app_ms, raw_ms, _count = results[index]
            ratio = f"{app_ms / raw_ms:.1f}" if raw_ms else ""
            line += f"{app_ms:>16.1f}{(f'{raw_ms:.1f}' if raw_ms else ''):>8}{ratio:>7}"
            if app_ms > BUDGET_MS and not label.startswith("open"):
                over.append(f"{name}: {label}")
        print(line)
    print(f"\napp ms and floor ms: medians of {args.repeat} interleaved runs; floor = the same statements on "
          "the raw driver connection; ratio = app / floor")
    print(f"budget {BUDGET_MS:.0f} ms per interactive step: " + ("all within" if not over else
                                                                   f"{len(over)} over ({'; '.join(over)})"))
    return 1 if over else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # as bench_list.py: skip the interpreter's shutdown (PySide6 on Python 3.11)
