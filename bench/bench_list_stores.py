"""The contract list on both stores: SQLite and PostgreSQL, N contracts each (issue 17).

    uv run python bench/bench_list_stores.py --pg postgresql://postgres@127.0.0.1:54329/bench --n 1000000
    bash .ci/postgres.sh -- uv run python bench/bench_list_stores.py --n 100000   # a throw-away server

Builds the SQLite store as ``bench_list.py`` does (N contracts, 2 parties, 3 line items and 2
installments each; ``--keep FILE`` reuses one), then loads the same rows into the (emptied) server
register with PostgreSQL's COPY (secondary indexes dropped, then built once each) and VACUUM ANALYZE; a
server that already holds N contracts is reused (``--reload`` loads it again; ``--load-only`` stops
there). On each store it times the list's interactive steps through ``ContractListModel`` (offscreen
Qt) — open, first screen (and, apart, until its exact count has arrived from the worker thread),
filter-as-you-type, clear, sort by each column both ways, a cold page of 40 rows when scrolling, then
scrolling on — and, interleaved run by run with each app step, its floor: the very statements the
step sent to the database (caught with SQLAlchemy's ``before_cursor_execute``) replayed on the raw
driver connection (sqlite3 / psycopg), every row fetched. ``ratio`` = app ÷ floor: what SQLAlchemy,
Python and Qt add. Medians of ``--repeat`` runs; the rows are checked (each step's count and first 40
ids equal on both stores, scroll pages equal to plain ``OFFSET`` SQL); load average before and after.
Exit status 1 when an interactive step's median is over 300 ms on either store, or rows differ.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_list import BUDGET_MS, COMMON_WORD, RARE_WORD, TODAY, head, prepare_store, read_rows, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event, select

from models.contract import Contract
from services.register import list_prefix, list_seek, listing
from services.register.contracts import LIST_COLUMNS
from services.store import Store, open_store
from ui.contracts.list_model import ContractListModel

#: (sort key, word) typed with the list sorted by that key: a city at the start of a fifth of the titles, far
#: from the order's start one way or both (``services.register.list_prefix``).
SORTED_WORDS = (("title", "珠海"), ("title", "广州市"))
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
            # VACUUM too, not only ANALYZE: the visibility map lets PostgreSQL answer an OFFSET over
            # an index from the index alone (the list's skip to a far page). Outside a transaction.
            raw.driver_connection.autocommit = True  # type: ignore[union-attr]
            cursor.execute("VACUUM ANALYZE")
        finally:
            raw.close()
    finally:
        store.close()
    return time.perf_counter() - started


class Statements:
    """The statements an engine sends while ``catching`` (as the driver gets them)."""

    def __init__(self, store: Store) -> None:
        self.catching = False
        self.worker = False  # also those sent from the store's worker thread (the deferred count)
        self.sent: list[tuple[str, Any]] = []
        event.listen(store.engine, "before_cursor_execute", self._caught)

    def _caught(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                executemany: bool) -> None:
        main = threading.current_thread() is threading.main_thread()
        if self.catching and not executemany and (main or self.worker):
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
            setup: Callable[[], object] | None = None, after: Callable[[], object] | None = None,
            worker: bool = False) -> tuple[float, float, int]:
    """(app ms, floor ms, statements) medians: one untimed run catches the statements, then each run
    times the app step and its floor one after the other. ``after``: untimed, between the app step and
    its floor (waiting for the count, so that it does not run alongside the floor); ``worker``: the
    statements of the worker thread (the count) belong to the step."""
    if setup is not None:
        setup()
    statements.sent.clear()
    statements.catching, statements.worker = True, worker
    step()
    if after is not None:
        after()
    statements.catching = False
    replay = floor(store, list(statements.sent))
    app, raw = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        step()
        app.append((time.perf_counter() - started) * 1000)
        if after is not None:
            after()
        started = time.perf_counter()
        replay()
        raw.append((time.perf_counter() - started) * 1000)
    return statistics.median(app), statistics.median(raw), len(statements.sent)


#: What each step showed, per store: (step, count, the ids shown) — the two stores must agree.
Shown = list[tuple[str, int, list[int]]]


def plain_page(store: Store, first: int, rows: int = 40, sort: str = "contract_no",
               descending: bool = False) -> list[int]:
    """The ids at ``first`` … of the unfiltered list in the order of ``sort`` by plain ``ORDER BY … LIMIT/OFFSET``
    SQL (untimed check): the list's ORDER BY clauses (``list_seek.order_by`` on the sort key), compiled."""
    with store.session() as session:
        query = listing.ListQuery(sort=sort, descending=descending, today=TODAY)
        key = listing._sort_key(session, query)
        order = list_seek.order_by(key, descending=descending, nullable=sort in listing.NULLABLE)
        statement = (select(Contract.id).where(Contract.deleted_at.is_(None)).order_by(*order)
                     .limit(rows).offset(first))
        return list(session.scalars(statement))


def plain_offset(store: Store, first: int, rows: int, sort: str, descending: bool) -> Callable[[], None]:
    """The page's rows by one plain ``ORDER BY … LIMIT rows OFFSET first`` on the raw driver connection:
    the plan the list had before its sample (a reference, not the floor of the sampled jump)."""
    with store.session() as session:
        query = listing.ListQuery(sort=sort, descending=descending, today=TODAY)
        key = listing._sort_key(session, query)
        order = list_seek.order_by(key, descending=descending, nullable=sort in listing.NULLABLE)
        statement = (select(Contract.id, Contract.contract_no, key).where(Contract.deleted_at.is_(None))
                     .order_by(*order).limit(rows).offset(first))
        sql = str(statement.compile(store.engine, compile_kwargs={"literal_binds": True}))
    return floor(store, [(sql, ())])


def timed(step: Callable[[], object]) -> float:
    """Milliseconds ``step()`` takes."""
    started = time.perf_counter()
    step()
    return (time.perf_counter() - started) * 1000


def quiet(model: ContractListModel) -> int:
    """Wait until the model's count and the sample of its order (the worker's walk) have arrived."""
    app = QApplication.instance()
    assert app is not None
    while model.counting() or model.sampling():
        app.processEvents()
        time.sleep(0.0005)
    return model.rowCount()


def sorted_words(store: Store, statements: Statements, model: ContractListModel, repeat: int,
                 results: list[tuple[str, float, float, int]], shown: Shown, wrong: list[str], name: str) -> None:
    """A city typed with the list sorted by title (``SORTED_WORDS``), both ways: the first 40 rows (the
    range's proof taken afresh each run: ``list_prefix`` keeps it per server state), then a cold jump
    to the middle of its hits; the middle's rows checked against the first screen's order."""
    for key, word in SORTED_WORDS:
        column = LIST_COLUMNS.index(key)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            way = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
            model.sort(column, order)

            def cleared() -> None:
                model.set_search("")
                settle(model)
                list_prefix.forget(store.engine)

            results.append((f"{word!r} by {key} {way}: first 40 rows", *measure(
                store, statements, lambda w=word: (model.set_search(w), read_rows(model, 0, 40)), repeat,
                setup=cleared, after=lambda: settle(model))))
            model.set_search(word)
            n = settle(model)
            shown.append((f"{word!r} by {key} {way}", *head(model)))

            def refreshed() -> None:
                model.refresh()
                quiet(model)
                list_prefix.forget(store.engine)

            label = f"  … its page of 40 at {n // 2:,} (cold)"
            results.append((label, *measure(store, statements, lambda m=n // 2: read_rows(model, m, 40), repeat,
                                            setup=refreshed)))
            ids = [model.contract_id(row) for row in range(n // 2, min(n, n // 2 + 40))]
            shown.append((f"{word!r} by {key} {way} at {n // 2:,}", n, ids))
            with store.session() as session:
                query = listing.ListQuery(text=word, sort=key, descending=order == Qt.SortOrder.DescendingOrder,
                                          today=TODAY)
                if [listing.position(session, query, i) for i in ids[:3]] != list(range(n // 2, n // 2 + 3)):
                    wrong.append(f"{name}: positions {word!r} by {key} {way}")
    model.set_search("")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle(model)


def bench(name: str, repeat: int, sorted_only: bool = False) -> tuple[list[tuple[str, float, float, int]], Shown,
                                                                     list[str]]:
    """The list's steps on the register ``name`` (a path or a URL): (step, app ms, floor ms, statements),
    what each step showed, and the scroll pages that differ from plain ``OFFSET`` SQL. ``sorted_only``:
    only the new model and the words typed with the list sorted by title (``sorted_words``)."""
    started = time.perf_counter()
    store = open_store(name)
    results = [("open store", (time.perf_counter() - started) * 1000, 0.0, 0)]
    statements = Statements(store)
    holder: list[ContractListModel] = []
    shown: Shown = []
    wrong: list[str] = []

    def first_screen() -> None:
        holder[:] = [ContractListModel(store, today=TODAY)]
        read_rows(holder[0], 0, 40)

    def first_screen_counted() -> None:
        first_screen()
        settle(holder[0])

    def settled(model: ContractListModel, change: Callable[[], object]) -> Callable[[], None]:
        return lambda: (change(), settle(model))  # type: ignore[func-returns-value]

    results.append(("new model + first 40 rows", *measure(store, statements, first_screen, repeat,
                                                          after=lambda: settle(holder[0]))))
    results.append(("  … and its exact count", *measure(store, statements, first_screen_counted, repeat,
                                                        worker=True)))
    model = holder[0]
    shown.append(("first screen", *head(model)))
    sorted_words(store, statements, model, repeat, results, shown, wrong, name)
    if sorted_only:
        store.close()
        return results, shown, wrong
    for word in (COMMON_WORD, "服", RARE_WORD, "gzcg-2024-0123"):  # 服, 翠湖: 1–2 characters
        clear = settled(model, lambda: model.set_search(""))
        results.append((f"filter {word!r}: first 40 rows",
                        *measure(store, statements, lambda w=word: (model.set_search(w), read_rows(model, 0, 40)),
                                 repeat, setup=clear, after=lambda: settle(model))))
        results.append(("  … and its exact count",
                        *measure(store, statements, lambda w=word: (model.set_search(w), read_rows(model, 0, 40),
                                                                    settle(model)), repeat, setup=clear,
                                 worker=True)))
        shown.append((f"filter {word!r}", *head(model)))
    results.append(("clear filter: first 40 rows",
                    *measure(store, statements, lambda: (model.set_search(""), read_rows(model, 0, 40)), repeat,
                             setup=settled(model, lambda: model.set_search(RARE_WORD)), after=lambda: settle(model))))
    settle(model)
    for column, key in enumerate(LIST_COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            other = (column + 1) % len(LIST_COLUMNS)
            label = f"sort {key} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"
            results.append((label, *measure(
                store, statements, lambda c=column, o=order: (model.sort(c, o), read_rows(model, 0, 40)), repeat,
                setup=lambda c=other: model.sort(c, Qt.SortOrder.AscendingOrder))))
            shown.append((label, *head(model)))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    n = settle(model)
    for first in (n // 2, n - 40):
        label = f"scroll: page of 40 at {first:,} (cold)"
        # The scroll bar dragged there a while after the list was shown: its count and the sample of
        # its order (SQLite, 200,000+ contracts) have arrived from the worker; no block near is cached.
        results.append((label, *measure(store, statements, lambda f=first: read_rows(model, f, 40), repeat,
                                        setup=lambda: (model.refresh(), quiet(model)))))
        ids = [model.contract_id(row) for row in range(first, min(n, first + 40))]
        shown.append((label, n, ids))
        if ids != plain_page(store, first):
            wrong.append(f"{name}: {label}")
    middle = n // 2
    reference = plain_offset(store, middle - middle % 256, 256, "contract_no", False)
    results.append(("  … plain OFFSET of that block (reference)",
                    statistics.median(timed(reference) for _ in range(repeat)), 0.0, 1))
    for column, key in enumerate(LIST_COLUMNS[1:], start=1):  # the jump to the middle in every other order
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            descending = order == Qt.SortOrder.DescendingOrder
            label = f"scroll: at {middle:,}, {key} {'desc' if descending else 'asc'} (cold)"

            def jump_setup(c: int = column, o: Qt.SortOrder = order) -> None:
                model.sort(c, o)
                model.refresh()
                quiet(model)

            results.append((label, *measure(store, statements, lambda: read_rows(model, middle, 40), repeat,
                                            setup=jump_setup)))
            ids = [model.contract_id(row) for row in range(middle, min(n, middle + 40))]
            shown.append((label, n, ids))
            if ids != plain_page(store, middle, sort=key, descending=descending):
                wrong.append(f"{name}: {label}")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    for first in (n // 2 + 40, n // 2 + 256):  # scrolling on: the next rows, after the cached block's last
        label = f"scroll on: page of 40 at {first:,}"
        model.refresh()
        settle(model)
        read_rows(model, n // 2, 40)
        results.append((label, *measure(store, statements, lambda f=first: read_rows(model, f, 40), 1)))
        ids = [model.contract_id(row) for row in range(first, min(n, first + 40))]
        if ids != plain_page(store, first):
            wrong.append(f"{name}: {label}")
    store.close()
    return results, shown, wrong


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
    parser.add_argument("--sorted-only", action="store_true",
                        help="only the new list and the words typed with the list sorted by title (SORTED_WORDS)")
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
    load_before = os.getloadavg()
    cpu_before = time.process_time()
    runs = {"SQLite": bench(str(path), args.repeat, args.sorted_only),
            "PostgreSQL": bench(args.pg, args.repeat, args.sorted_only)}
    cpu = time.process_time() - cpu_before
    tables = {name: run[0] for name, run in runs.items()}
    wrong = [w for run in runs.values() for w in run[2]]
    for (label, *sqlite_shown), (_label, *pg_shown) in zip(runs["SQLite"][1], runs["PostgreSQL"][1], strict=True):
        if sqlite_shown != pg_shown:
            wrong.append(f"SQLite and PostgreSQL show different rows: {label}")
    print(f"\n{'step':<40}" + "".join(f"{name + ' app':>16}{'floor':>8}{'ratio':>7}" for name in tables))
    print("-" * (40 + 31 * len(tables)))
    for index, (label, *_rest) in enumerate(tables["SQLite"]):
        line = f"{label:<40}"
        for name, results in tables.items():
            _label, app_ms, raw_ms, _count = results[index]
            ratio = f"{app_ms / raw_ms:.1f}" if raw_ms else ""
            line += f"{app_ms:>16.1f}{(f'{raw_ms:.1f}' if raw_ms else ''):>8}{ratio:>7}"
            # The exact count arrives off the GUI thread after the first rows: shown, not budgeted.
            if app_ms > BUDGET_MS and not label.startswith(("open", "  …")):
                over.append(f"{name}: {label}")
        print(line)
    print(f"\napp ms and floor ms: medians of {args.repeat} interleaved runs; floor = the same statements on "
          "the raw driver connection; ratio = app / floor")
    print(f"budget {BUDGET_MS:.0f} ms per interactive step (not the '… and its exact count' lines: the count "
          "follows the first rows from the worker thread): " + ("all within" if not over else
                                                                   f"{len(over)} over ({'; '.join(over)})"))
    print(f"rows checked (each step's count and first 40 ids equal on both stores; scroll pages equal to "
          f"plain OFFSET SQL): {'all agree' if not wrong else '; '.join(wrong)}")
    print(f"load average before {' '.join(f'{x:.2f}' for x in load_before)}, after "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; bench process CPU {cpu:.1f} s")
    return 1 if over or wrong else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # as bench_list.py: skip the interpreter's shutdown (PySide6 on Python 3.11)
