"""Benchmark of the contract list over a large store (default 100,000 contracts).

    uv run python bench/bench_list.py [--n 100000] [--keep PATH] [--plans]

Builds a store with N contracts (2 parties, 3 line items, 2 installments each) by bulk
inserts into the migrated schema, then times what the list does interactively — open,
first screen, filter, sort by every column, scroll — through ``ContractListModel`` (each step
until its exact count has arrived: the count follows the first rows), and the same answer by
plain ``sqlite3`` as a baseline — the count and the first 40 ids by ``LIMIT``, the rows of a
page by id (``ratio`` = model ÷ raw: the cost of SQLAlchemy, Python and Qt on top of SQLite). Times in ms, median of
``--repeat`` runs. ``--keep PATH`` writes the store there and reuses it next time if it
already holds N contracts at the current schema revision (building 100,000 takes a few
seconds). Each raw answer is checked against the model's count and first 40 ids; ``--plans``
prints SQLite's plan of each sort. Exit status 1 if a step is over budget or out of step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine

from services.register import list_status, search_index
from services.register.contract_data import PartyData
from services.register.contracts import LIST_COLUMNS, list_columns
from services.store import head_revision, open_store
from ui.contracts.list_model import BLOCK_SIZE, COLUMN_COUNT, ContractListModel

#: The list's day: the real date, the day the store's stored status (revision 0017) is moved to
#: when it opens — so the status sort reads the indexed column as in the window.
TODAY = dt.date.today()
#: Interactive steps should stay under this (ms) to feel immediate.
BUDGET_MS = 300.0
#: A word in about a third of the titles, and one in a handful of contracts.
COMMON_WORD = "服务"
RARE_WORD = "翠湖"

PURCHASERS = [f"{city}{office}" for city in ("广州市", "深圳市", "佛山市", "东莞市", "珠海市")
              for office in ("财政局", "教育局", "卫生健康委员会", "交通运输局", "第一中学", "人民医院",
                             "公安局", "图书馆", "水务局", "城市管理局")]
CITIES = ("广州", "深圳", "北京", "上海", "杭州", "成都", "武汉", "南京", "西安", "长沙")
BRANDS = ("华信", "中科", "恒通", "远景", "金盾", "天成", "博雅", "安居", "蓝海", "新宇",
          "鸿运", "正和", "国泰", "瑞丰", "万达", "同创", "启明", "东方", "开元", "众合")
TRADES = ("信息科技", "物业服务", "建筑工程", "医疗器械", "餐饮管理", "保安服务", "印刷", "环境科技",
          "网络技术", "办公设备")
ITEMS = ("办公设备", "物业管理", "保安", "食材配送", "网络运维", "医疗设备", "印刷", "绿化养护",
         "软件开发", "车辆租赁", "档案数字化", "清洁")
KINDS = ("服务", "采购", "货物", "工程", "租赁")
# Status column: mostly derived from the dates; a few stored as draft/terminated.
STORED_STATUS = [None] * 92 + ["terminated"] * 5 + ["draft"] * 3


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _contract_rows(n: int, rng: random.Random) -> Iterator[tuple[tuple, list[tuple], list[tuple], list[tuple]]]:
    """(contract, parties, line items, installments) rows for contract ids 1..n, money in fen."""
    suppliers = [f"{c}{b}{t}有限公司" for c in CITIES for b in BRANDS for t in TRADES]
    base = dt.date(2020, 1, 1)
    for cid in range(1, n + 1):
        year = 2020 + cid % 7
        purchaser = rng.choice(PURCHASERS)
        supplier = rng.choice(suppliers)
        item = rng.choice(ITEMS)
        place = RARE_WORD if cid % 20000 == 7 else ""
        title = f"{purchaser}{place}{year}年度{item}{rng.choice(KINDS)}项目合同"
        contract_no = f"GZCG-{year}-{cid:06d}"
        status = rng.choice(STORED_STATUS)
        start = base + dt.timedelta(days=rng.randrange(0, 2400))
        end = start + dt.timedelta(days=rng.choice((90, 180, 365, 730)))
        sign = None if status == "draft" else start - dt.timedelta(days=rng.randrange(1, 30))
        if rng.random() < 0.02:  # a few without a term at all
            start = end = None
        lines = [rng.randrange(1_000, 50_000_000) for _ in range(3)]  # fen
        total = sum(lines)
        parties = [PartyData("甲方", purchaser), PartyData("乙方", supplier)]
        counterparty, search_text = list_columns(parties, contract_no, title)
        party_rows = [(cid, p.role, order, p.name) for order, p in enumerate(parties)]
        line_rows = [(cid, seq, f"{item}第{seq}项", "项", f"{amount // 100}.{amount % 100:02d}", "1",
                      None, amount) for seq, amount in enumerate(lines, start=1)]
        first_due = (start or base) + dt.timedelta(days=30)
        paid = _iso(first_due) if rng.random() < 0.6 else None
        second_due = _iso(end) if end and rng.random() < 0.7 else None  # else relative ("after acceptance")
        installment_rows = [
            (cid, 1, "预付款", "30", None, _iso(first_due), None, None, None, paid),
            (cid, 2, "尾款", "70", None, second_due, None if second_due else "验收合格",
             None if second_due else 15, None if second_due else "工作日", None),
        ]
        # next_due as services.register.contracts.refresh_list_columns keeps it: the earliest due_date of
        # an unpaid installment (min() skips relative deadlines); None if there is none.
        next_due = min((i[5] for i in installment_rows if i[9] is None and i[5] is not None), default=None)
        contract = (cid, contract_no, title, status, _iso(sign), _iso(start), _iso(end), "CNY", total,
                    "6", counterparty, search_text, next_due)
        yield contract, party_rows, line_rows, installment_rows


def _indexes(path: Path, *, build: bool) -> None:
    """Drop (``build`` False) or build and fill (True) the list's trigger-kept indexes: the bulk
    path — one pass each over the filled table instead of triggers firing per row."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        if build:
            search_index.create(connection)
            search_index.create_grams(connection)
            list_status.create(connection, TODAY)
        else:
            search_index.drop(connection)
            search_index.drop_grams(connection)
            list_status.drop(connection)
    engine.dispose()


def build_store(path: Path, n: int, chunk: int = 200_000) -> float:
    """Create the store at ``path`` with ``n`` contracts; returns the seconds it took.

    The fast bulk path: the migrated, empty schema; the list's indexes and their triggers dropped;
    ``executemany`` in chunks of ``chunk`` contracts (bounded memory at 1,000,000); then each index
    built in one pass and ANALYZE."""
    started = time.perf_counter()
    open_store(path).close()  # the migrated, empty schema
    _indexes(path, build=False)
    rng = random.Random(20250601)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    rows = _contract_rows(n, rng)
    for _ in range(0, n, chunk):
        _insert_chunk(db, rows, chunk)
    db.close()
    _indexes(path, build=True)
    db = sqlite3.connect(path)
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - started


def _insert_chunk(db: sqlite3.Connection, source: Iterator[tuple[tuple, list[tuple], list[tuple], list[tuple]]],
                  size: int) -> None:
    contracts: list[tuple] = []
    parties: list[tuple] = []
    lines: list[tuple] = []
    installments: list[tuple] = []
    for contract, party_rows, line_rows, installment_rows in source:
        contracts.append(contract)
        parties.extend(party_rows)
        lines.extend(line_rows)
        installments.extend(installment_rows)
        if len(contracts) == size:
            break
    with db:
        db.executemany(
            "INSERT INTO contracts (id, contract_no, title, status, sign_date, start_date, end_date, currency,"
            " total_amount, tax_rate, counterparty, search_text, next_due) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            contracts)
        db.executemany("INSERT INTO parties (contract_id, role, role_order, name) VALUES (?,?,?,?)", parties)
        db.executemany(
            "INSERT INTO line_items (contract_id, seq, name, unit, unit_price, quantity, periods, amount)"
            " VALUES (?,?,?,?,?,?,?,?)", lines)
        db.executemany(
            "INSERT INTO installments (contract_id, seq, name, percent, amount, due_date, due_after, due_offset,"
            " due_unit, paid_date) VALUES (?,?,?,?,?,?,?,?,?,?)", installments)


def prepare_store(keep: Path | None, n: int) -> tuple[Path, str]:
    """The store path to benchmark, building it unless ``keep`` already holds ``n`` contracts
    at the newest schema revision (an older one is rebuilt: ANALYZE must see the new indexes)."""
    if keep is None:
        path = Path(tempfile.mkdtemp(prefix="contractdesk-bench-")) / "bench.db"
    else:
        path = keep
        if path.exists():
            try:
                with sqlite3.connect(path) as db:
                    (have,) = db.execute("SELECT count(*) FROM contracts").fetchone()
                    (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
            except (sqlite3.Error, TypeError):
                have, revision = -1, None
            if have == n and revision == head_revision():
                return path, "reused"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    seconds = build_store(path, n)
    return path, f"built in {seconds:.1f} s"


# --- raw SQL baseline: the SQL search_ids / list_rows issue, verbatim ----------------------------

#: The stored status (revision 0017) when its day is TODAY; the derived CASE below otherwise.
STATUS_SQL = ("CASE WHEN (contracts.status IS NOT NULL) THEN contracts.status WHEN (contracts.sign_date IS NULL) "
              "THEN ? WHEN (contracts.end_date < ?) THEN ? ELSE ? END")
STATUS_PARAMS = ("draft", TODAY.isoformat(), "completed", "active")
SORT_SQL = {
    "contract_no": "contracts.contract_no", "title": "contracts.title", "counterparty": "contracts.counterparty",
    "total_amount": "contracts.total_amount", "term": "contracts.start_date", "status": STATUS_SQL,
    "next_due": "contracts.next_due",
}
SORT_KEYS = list(SORT_SQL)
#: Keys search_ids sorts with NULLS LAST (contracts without a date at the end either way).
NULLS_LAST = ("term", "next_due", "status")


def raw_ids_sql(word: str = "", sort: str = "contract_no", descending: bool = False) -> tuple[str, list]:
    """search_ids' SELECT and its parameters (one search word at most)."""
    direction = "DESC" if descending else "ASC"
    where, params = "", []
    if word:
        where = " WHERE contracts.search_text LIKE ? ESCAPE '\\'"
        params.append(f"%{word.lower()}%")
    nulls = " NULLS LAST" if sort in NULLS_LAST else ""
    if sort == "status":
        params.extend(STATUS_PARAMS)
    sql = (f"SELECT contracts.id FROM contracts{where} "
           f"ORDER BY {SORT_SQL[sort]} {direction}{nulls}, contracts.contract_no {direction}")
    return sql, params


def raw_ids(db: sqlite3.Connection, word: str = "", sort: str = "contract_no", descending: bool = False) -> list:
    sql, params = raw_ids_sql(word, sort, descending)
    return [row[0] for row in db.execute(sql, params)]


def raw_rows(db: sqlite3.Connection, ids: list[int]) -> list:
    """list_rows' SELECT."""
    marks = ", ".join("?" * len(ids))
    sql = ("SELECT contracts.id, contracts.contract_no, contracts.title, contracts.counterparty, "
           f"contracts.total_amount, contracts.start_date, contracts.end_date, {STATUS_SQL} AS anon_1, "
           f"contracts.next_due FROM contracts WHERE contracts.id IN ({marks})")
    return db.execute(sql, [*STATUS_PARAMS, *ids]).fetchall()


# --- timing ------------------------------------------------------------------------------------


class Timing(float):
    """Median milliseconds of a measurement (a float), with the fastest run in ``best``."""

    best: float


def timed(run: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None) -> Timing:
    """Milliseconds of ``run()`` over ``repeat`` runs (median; ``.best`` the minimum), ``setup()``
    before each (untimed). The minimum is what the code costs on an otherwise idle machine."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    result = Timing(statistics.median(times))
    result.best = min(times)
    return result


PAINT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole,
               Qt.ItemDataRole.CheckStateRole)


def read_rows(model: ContractListModel, first: int, count: int) -> None:
    """What painting ``count`` rows asks of the model: every cell, the roles a delegate reads."""
    for row in range(first, min(first + count, model.rowCount())):
        for column in range(COLUMN_COUNT):
            index = model.index(row, column)
            for role in PAINT_ROLES:
                model.data(index, role)


def settle(model: ContractListModel) -> int:
    """Wait (processing events) until the model's exact count has arrived from the worker; the count."""
    app = QApplication.instance()
    assert app is not None
    while model.counting():
        app.processEvents()
        time.sleep(0.0005)
    return model.rowCount()


def head(model: ContractListModel, rows: int = 40) -> tuple[int, list[int]]:
    """What the model shows: its exact count and the ids of its first ``rows`` rows (not every id:
    the list never reads them all, issue 18)."""
    count = settle(model)
    return count, [model.contract_id(row) for row in range(min(rows, count))]


def raw_head(db: sqlite3.Connection, word: str = "", sort: str = "contract_no", descending: bool = False,
             rows: int = 40) -> tuple[int, list[int]]:
    """The same from plain SQL: the count, and the first ``rows`` ids of the search_ids order by ``LIMIT``."""
    sql, params = raw_ids_sql(word, sort, descending)
    where, count_params = "", []
    if word:
        where, count_params = " WHERE contracts.search_text LIKE ? ESCAPE '\\'", [f"%{word.lower()}%"]
    (count,) = db.execute(f"SELECT count(*) FROM contracts{where}", count_params).fetchone()
    return count, [row[0] for row in db.execute(f"{sql} LIMIT {rows}", params)]


def block_ids(model: ContractListModel, first: int, count: int) -> list[int]:
    """The ids the model fetches for rows first..first+count-1 (whole aligned blocks)."""
    start = first - first % BLOCK_SIZE
    stop = min(model.rowCount(), first + count)
    stop = stop + (-stop) % BLOCK_SIZE
    return [model.contract_id(r) for r in range(start, min(stop, model.rowCount()))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="number of contracts (default 100000)")
    parser.add_argument("--keep", type=Path, help="store file to write (and reuse when it holds N contracts)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the median is shown")
    parser.add_argument("--plans", action="store_true", help="print SQLite's query plan of each sort")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need an application

    path, how = prepare_store(args.keep, args.n)
    print(f"store: {path} ({args.n:,} contracts, {how}); sqlite {sqlite3.sqlite_version}; today={TODAY}")
    results: list[tuple[str, Timing, float | None, int | None]] = []
    assert tuple(SORT_KEYS) == LIST_COLUMNS, "SORT_SQL is out of step with services.register.contracts.LIST_COLUMNS"
    mismatched: list[str] = []  # steps where the raw SQL did not return the model's ids in its order

    started = time.perf_counter()
    store = open_store(path)
    opened = Timing((time.perf_counter() - started) * 1000)
    opened.best = opened
    results.append(("open store (migrated already)", opened, None, None))
    db = sqlite3.connect(path)

    def first_screen() -> ContractListModel:
        model = ContractListModel(store, today=TODAY)
        read_rows(model, 0, 40)
        settle(model)  # the count arrives after the first rows; the step ends when it has
        return model

    raw_first = timed(lambda: raw_rows(db, raw_head(db, rows=BLOCK_SIZE)[1]), args.repeat)
    results.append(("new model + first 40 rows", timed(first_screen, args.repeat), raw_first, args.n))
    model = first_screen()

    for word in (COMMON_WORD, RARE_WORD, "gzcg-2024-0123"):
        matches = raw_head(db, word)[0]
        raw = timed(lambda w=word: raw_head(db, w), args.repeat)
        ms = timed(lambda w=word: (model.set_search(w), settle(model)), args.repeat,
                   setup=lambda: (model.set_search(""), settle(model)))
        results.append((f"filter {word!r}", ms, raw, matches))
        if head(model) != raw_head(db, word):
            mismatched.append(f"filter {word!r}")
    raw = timed(lambda: raw_head(db), args.repeat)
    results.append(("clear filter", timed(lambda: (model.set_search(""), settle(model)), args.repeat,
                                          setup=lambda: (model.set_search(RARE_WORD), settle(model))), raw, args.n))

    for column, key in enumerate(SORT_KEYS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            descending = order == Qt.SortOrder.DescendingOrder
            other = (column + 1) % COLUMN_COUNT
            raw = timed(lambda k=key, d=descending: raw_head(db, sort=k, descending=d), args.repeat)
            ms = timed(lambda c=column, o=order: (model.sort(c, o), read_rows(model, 0, 40)), args.repeat,
                       setup=lambda c=other: model.sort(c, Qt.SortOrder.AscendingOrder))
            results.append((f"sort {key} {'desc' if descending else 'asc'}", ms, raw, args.n))
            if head(model) != raw_head(db, sort=key, descending=descending):
                mismatched.append(results[-1][0])

    # Sorting while filtered: the LIKE needs the row, so an index walk is no longer covering.
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_search(COMMON_WORD)
    settle(model)
    for column, key in enumerate(SORT_KEYS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            descending = order == Qt.SortOrder.DescendingOrder
            other = (column + 1) % COLUMN_COUNT
            raw = timed(lambda k=key, d=descending: raw_head(db, COMMON_WORD, sort=k, descending=d),
                        args.repeat)
            ms = timed(lambda c=column, o=order: (model.sort(c, o), read_rows(model, 0, 40)), args.repeat,
                       setup=lambda c=other: model.sort(c, Qt.SortOrder.AscendingOrder))
            label = f"sort {key} {'desc' if descending else 'asc'}, filtered"
            results.append((label, ms, raw, model.rowCount()))
            if head(model) != raw_head(db, COMMON_WORD, sort=key, descending=descending):
                mismatched.append(label)
    model.set_search("")
    model.sort(0, Qt.SortOrder.AscendingOrder)

    n = settle(model)

    def refreshed() -> None:
        model.refresh()
        settle(model)

    for label, row in (("row 0", 0), ("row N/2", n // 2), ("row N-1", n - 1)):
        ids = block_ids(model, row, 1)
        raw = timed(lambda i=ids: raw_rows(db, i), args.repeat)
        ms = timed(lambda r=row: model.data(model.index(r, 1)), args.repeat, setup=refreshed)
        results.append((f"scroll: one cell at {label} (cold)", ms, raw, len(ids)))
    for first in (0, n // 4 + 100, n // 2, n - 40):
        ids = block_ids(model, first, 40)
        raw = timed(lambda i=ids: raw_rows(db, i), args.repeat)
        ms = timed(lambda f=first: read_rows(model, f, 40), args.repeat, setup=refreshed)
        results.append((f"scroll: page of 40 at {first:,} (cold)", ms, raw, len(ids)))
    read_rows(model, n // 2, 40)
    results.append(("scroll: same page again (cached)",
                    timed(lambda: read_rows(model, n // 2, 40), args.repeat), None, 40))

    print()
    print(f"{'step':<44}{'model ms':>10}{'(best)':>8}{'raw ms':>10}{'ratio':>8}{'rows':>9}")
    print("-" * 89)
    slow = []
    for label, ms, raw, rows in results:
        ratio = f"{ms / raw:.1f}" if raw else ""
        raw_text = f"{raw:.1f}" if raw is not None else ""
        rows_text = f"{rows:,}" if rows is not None else ""
        flag = "  << over budget" if ms > BUDGET_MS and not label.startswith("open") else ""
        print(f"{label:<44}{ms:>10.1f}{ms.best:>8.1f}{raw_text:>10}{ratio:>8}{rows_text:>9}{flag}")
        if flag:
            slow.append(label)
    if mismatched:
        print(f"\nraw SQL out of step with the model (order differs): {', '.join(mismatched)}")
    if args.plans:
        print(f"\nquery plans (EXPLAIN QUERY PLAN) of search_ids, unfiltered | filtered {COMMON_WORD!r}:")
        for key in SORT_KEYS:
            for descending in (False, True):
                plans = []
                for word in ("", COMMON_WORD):
                    sql, params = raw_ids_sql(word, sort=key, descending=descending)
                    plans.append("; ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params)))
                print(f"  {key} {'desc' if descending else 'asc'}: {' | '.join(plans)}")
    print()
    print(f"model ms: median of {args.repeat} runs (best: fastest run); raw ms: median of the same SQL "
          "through sqlite3; ratio = model / raw")
    print(f"budget {BUDGET_MS:.0f} ms per interactive step (median): "
          + ("all within" if not slow else f"{len(slow)} over ({', '.join(slow)})"))
    db.close()
    store.close()
    return 1 if slow or mismatched else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # PySide6 6.12.0 on Python 3.11 drops a reference to True at every Signal.emit() from
    # Python; after a few thousand emits, interpreter shutdown aborts ("bool_dealloc").
    # Skipping the shutdown keeps the exit code meaningful (see bench/README.md).
    os._exit(code)
