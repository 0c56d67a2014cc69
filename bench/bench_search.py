"""Search-as-you-type, sort and a new list against their floors (issue 18 goals).

    uv run python bench/bench_search.py [--n 100000] [--keep PATH] [--repeat 7]

Builds (or reuses, ``--keep``) the store of ``bench_list.py`` with N contracts. Each step runs
the app (``ContractListModel``: count + the first screen of 40 painted rows) and its floor in
turn — A, B, A, B … — and reports medians and the ratio. The floor is the cheapest plain
``sqlite3`` way to the same answer: the count and the first 40 rows, by the FTS5 trigram index
for words of 3+ characters and by a ``LIKE`` scan below that, ``ORDER BY … LIMIT 40`` for a
sort. Each pair is checked to give the same count and the same 40 ids. Goals (ms, median):
keystroke ≤ 30 at 100k and ≤ 100 at 1M; sort to the first screen ≤ 50 at 100k and ≤ 150 at
1M (scaled linearly between). Exit status 1 when a goal is missed or a pair disagrees.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench.bench_list import SORT_SQL, STATUS_PARAMS, TODAY, prepare_store, read_rows
from services.register.listing import NULLABLE
from services.store import open_store
from ui.contracts.list_model import COLUMN_COUNT, ContractListModel

SCREEN = 40
#: Terms as an officer types them: 1 to 20 characters, Chinese and Latin, common and rare.
TERMS = ("服", "服务", "财政局", "广州市财政局", "物业服务项目合同", "翠湖", "g", "gz", "gzcg",
         "gzcg-2024", "gzcg-2024-012345", "深圳市教育局2021年度网络运维服务", "华信信息科技有限公司")


def goal(n: int, at_100k: float, at_1m: float) -> float:
    """The goal for ``n`` contracts: linear between the 100k and 1M goals, the 100k one below."""
    if n <= 100_000:
        return at_100k
    return at_100k + (at_1m - at_100k) * min(1.0, (n - 100_000) / 900_000)


def interleaved(app: Callable[[], object], floor: Callable[[], object], repeat: int,
                setup: Callable[[], object] | None = None) -> tuple[float, float]:
    """Median ms of ``app`` and of ``floor``, run in turn (``setup`` untimed before each app run)."""
    a, b = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        app()
        a.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        floor()
        b.append((time.perf_counter() - started) * 1000)
    return statistics.median(a), statistics.median(b)


def floor_search(db: sqlite3.Connection, term: str) -> tuple[int, list[int]]:
    """Count and first screen of ``term`` (one word) in number order, the cheapest plain way."""
    word = term.lower()
    if len(word) >= 3:
        phrase = '"' + word.replace('"', '""') + '"'
        where = "id IN (SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH ?) AND deleted_at IS NULL"
        params: list[object] = [phrase]
    else:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where, params = "search_text LIKE ? ESCAPE '\\' AND deleted_at IS NULL", [f"%{escaped}%"]
    (count,) = db.execute(f"SELECT count(*) FROM contracts WHERE {where}", params).fetchone()
    rows = db.execute(f"SELECT id, contract_no, title, counterparty, total_amount, start_date, end_date, next_due "
                      f"FROM contracts WHERE {where} ORDER BY +contract_no LIMIT {SCREEN}", params).fetchall()
    return count, [row[0] for row in rows]


def floor_sort(db: sqlite3.Connection, key: str) -> tuple[int, list[int]]:
    """Count and first screen of the whole list sorted by ``key`` ascending, plain SQL."""
    (count,) = db.execute("SELECT count(*) FROM contracts WHERE deleted_at IS NULL").fetchone()
    params = list(STATUS_PARAMS) if key == "status" else []
    nulls = " NULLS LAST" if key in NULLABLE else ""
    rows = db.execute(
        f"SELECT contracts.id, contract_no, title, counterparty, total_amount, start_date, end_date, next_due "
        f"FROM contracts WHERE deleted_at IS NULL ORDER BY {SORT_SQL[key]}{nulls}, contract_no "
        f"LIMIT {SCREEN}", params).fetchall()
    return count, [row[0] for row in rows]


def screen(model: ContractListModel) -> tuple[int, list[int]]:
    """What the app shows: its count and first screen's ids (painting every cell first)."""
    read_rows(model, 0, SCREEN)
    return model.rowCount(), [model.contract_id(row) for row in range(min(SCREEN, model.rowCount()))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need an application
    path, how = prepare_store(args.keep, args.n)
    print(f"store: {path} ({args.n:,} contracts, {how}); sqlite {sqlite3.sqlite_version}; "
          f"load {os.getloadavg()[0]:.2f}")
    store = open_store(path)
    db = sqlite3.connect(path)
    keystroke_goal, sort_goal = goal(args.n, 30, 100), goal(args.n, 50, 150)
    rows: list[tuple[str, float, float, float, int]] = []
    wrong: list[str] = []

    def new_list() -> None:
        screen(ContractListModel(store, today=TODAY))

    app_ms, floor_ms = interleaved(new_list, lambda: floor_sort(db, "contract_no"), args.repeat)
    rows.append(("new list + first screen", app_ms, floor_ms, sort_goal, args.n))

    model = ContractListModel(store, today=TODAY)
    for term in TERMS:
        app_ms, floor_ms = interleaved(lambda t=term: (model.set_search(t), screen(model)),
                                       lambda t=term: floor_search(db, t), args.repeat,
                                       setup=lambda: model.set_search(""))
        model.set_search(term)
        if screen(model) != floor_search(db, term):
            wrong.append(f"search {term!r}")
        rows.append((f"keystroke {term!r}", app_ms, floor_ms, keystroke_goal, model.rowCount()))
    model.set_search("")

    for column, key in enumerate(SORT_SQL):
        other = (column + 1) % COLUMN_COUNT
        app_ms, floor_ms = interleaved(
            lambda c=column: (model.sort(c, Qt.SortOrder.AscendingOrder), screen(model)),
            lambda k=key: floor_sort(db, k), args.repeat,
            setup=lambda c=other: model.sort(c, Qt.SortOrder.AscendingOrder))
        model.sort(column, Qt.SortOrder.AscendingOrder)
        if screen(model) != floor_sort(db, key):
            wrong.append(f"sort {key}")
        rows.append((f"sort {key}", app_ms, floor_ms, sort_goal, args.n))

    print(f"\n{'step':<44}{'app ms':>9}{'floor ms':>10}{'ratio':>7}{'goal':>7}{'rows':>10}")
    missed = []
    for label, app_ms, floor_ms, limit, count in rows:
        flag = "  << goal missed" if app_ms > limit else ""
        print(f"{label:<44}{app_ms:>9.1f}{floor_ms:>10.1f}{app_ms / max(floor_ms, 0.001):>7.1f}"
              f"{limit:>7.0f}{count:>10,}{flag}")
        if flag:
            missed.append(label)
    if wrong:
        print(f"\napp and floor disagree: {', '.join(wrong)}")
    print(f"\nmedians of {args.repeat} interleaved runs; goals met: {len(rows) - len(missed)}/{len(rows)}")
    db.close()
    store.close()
    return 1 if missed or wrong else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # see bench_list.py: PySide6 6.12 may abort at interpreter shutdown
