"""Search-as-you-type, sort and a new list against their floors (issue 18 goals).

    uv run python bench/bench_search.py [--n 100000] [--keep PATH] [--repeat 7] [--sorted-only]

Builds (or reuses, ``--keep``) the store of ``bench_list.py`` with N contracts. Each step runs
the app (``ContractListModel``: the first screen of 40 painted rows, then — the count follows the
first rows, computed on the store's worker thread — until its exact count has arrived) and its
floor in turn — A, B, A, B … — and reports medians and the ratio (of the first screen). The floor is the cheapest plain
``sqlite3`` way to the same answer: the count from the indexes (for words of 3+ characters the
trigram index of the text's tail and the range of the head's index, ``UNION``; ``contracts_grams``
for 1–2), the first 40 rows read from the index and sorted when
it finds few, else by walking ``ix`` of the sort key with ``LIKE`` until 40 are found;
``ORDER BY … LIMIT 40`` for a sort (status: the stored, indexed ``list_status``); a word typed with
the list sorted by title or counterparty (``SORTED_TERMS``): the same count, the hits read from the
indexes and sorted (``floor_sorted``). Each pair
is checked to give the same count and the same 40 ids. Goals (ms, median):
keystroke (to the first screen) ≤ 30 at 100k and ≤ 100 at 1M; sort to the first screen ≤ 50 at
100k and ≤ 150 at 1M (scaled linearly between); the count's arrival is shown beside.
Exit status 1 when a goal is missed or a pair disagrees.
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

from bench.bench_list import SORT_SQL, TODAY, prepare_store, read_rows, settle
from services.register import search_index
from services.register.contracts import LIST_COLUMNS
from services.register.listing import DRIVE_MAX, NULLABLE
from services.store import open_store
from ui.contracts.list_model import COLUMN_COUNT, ContractListModel

SCREEN = 40
#: Terms as an officer types them: 1 to 20 characters, Chinese and Latin, common and rare.
TERMS = ("服", "服务", "财政局", "广州市财政局", "物业服务项目合同", "翠湖", "g", "gz", "gzcg",
         "gzcg-2024", "gzcg-2024-012345", "深圳市教育局2021年度网络运维服务", "华信信息科技有限公司")
#: (sort key, term) typed with the list sorted by that key, both ways: cities at the start of a fifth of the
#: titles (珠海 last in the title order, 东莞 first, 广州市 between) and of a tenth of the suppliers (杭州).
SORTED_TERMS = (("title", "珠海"), ("title", "广州市"), ("title", "东莞"), ("counterparty", "杭州"))


def goal(n: int, at_100k: float, at_1m: float) -> float:
    """The goal for ``n`` contracts: linear between the 100k and 1M goals, the 100k one below."""
    if n <= 100_000:
        return at_100k
    return at_100k + (at_1m - at_100k) * min(1.0, (n - 100_000) / 900_000)


def interleaved(app: Callable[[], object], floor: Callable[[], object], repeat: int,
                setup: Callable[[], object] | None = None,
                then: Callable[[], object] | None = None) -> tuple[float, float, float]:
    """Median ms of ``app``, of ``app`` + ``then`` (waiting for the count) and of ``floor``, run in
    turn (``setup`` untimed before each app run)."""
    a, c, b = [], [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        app()
        a.append((time.perf_counter() - started) * 1000)
        if then is not None:
            then()
        c.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        floor()
        b.append((time.perf_counter() - started) * 1000)
    return statistics.median(a), statistics.median(c), statistics.median(b)


def floor_sorted(db: sqlite3.Connection, term: str, key: str, descending: bool) -> tuple[int, list[int]]:
    """Count and first screen of ``term`` (one word) sorted by ``key`` (``title``: the title in force,
    ``list_title``; ``counterparty``), the plain way: the count as ``floor_search``, the hits read from
    the indexes and sorted (``ORDER BY +key … LIMIT``; the walk of the key's index from its start, testing
    each row, meets a city's hits only after every contract before them: 1–5 s at 1M)."""
    found, _rows = floor_search(db, term, rows=False)
    ids, params = _hit_ids(term.lower())
    column = {"title": "list_title", "counterparty": "counterparty"}[key]
    way = "DESC" if descending else "ASC"
    rows = db.execute(f"SELECT id FROM contracts WHERE id IN ({ids}) AND deleted_at IS NULL "
                      f"ORDER BY +{column} {way}, contract_no {way} LIMIT {SCREEN}", params).fetchall()
    return found, [row[0] for row in rows]


def _hit_ids(word: str) -> tuple[str, dict[str, str | int]]:
    """The SELECT of the ids of the contracts holding ``word`` (lower-cased), by the indexes alone, and
    its parameters. The trigram index holds the text from its second character on; the texts starting
    with the word are a range of the head's index (revision 0024): the hits are both, once each."""
    if len(word) >= 3:
        head, params = search_index.head_range(word, "h")
        params["q"] = '"' + word.replace('"', '""') + '"'
        return (f"SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH :q UNION "
                f"SELECT id FROM contracts WHERE {head}"), params
    return ("SELECT rowid FROM contracts_grams WHERE contracts_grams MATCH :q",
            {"q": '"' + word.encode().hex().upper() + '"'})


def floor_search(db: sqlite3.Connection, term: str, *, rows: bool = True) -> tuple[int, list[int]]:
    """Count and first screen of ``term`` (one word) in number order, the cheapest plain way
    (``rows=False``: the count alone)."""
    word = term.lower()
    ids, params = _hit_ids(word)
    if len(word) >= 3:  # |tail| + |head| - |both|, then the Trash's few rows tested one by one
        head, _ = search_index.head_range(word, "h")  # (the same SQL and names as _hit_ids' parameters)
        tail = "SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH :q"
        found = (db.execute(f"SELECT count(*) FROM ({tail})", params).fetchone()[0]
                 + db.execute(f"SELECT count(*) FROM contracts WHERE {head}", params).fetchone()[0]
                 - db.execute(f"SELECT count(*) FROM contracts WHERE {head} AND +id IN ({tail})", params).fetchone()[0])
        (trashed,) = db.execute(f"SELECT count(*) FROM contracts WHERE id IN (SELECT id FROM contracts WHERE "
                                f"deleted_at IS NOT NULL) AND (EXISTS ({tail} AND rowid = contracts.id) OR {head})",
                                params).fetchone()
    else:
        (found,) = db.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()
        (trashed,) = db.execute("SELECT count(*) FROM contracts WHERE deleted_at IS NOT NULL AND EXISTS "
                                "(SELECT 1 FROM contracts_grams WHERE contracts_grams MATCH :q "
                                "AND rowid = contracts.id)",
                                params).fetchone()
    if not rows:
        return found - trashed, []
    columns = "id, contract_no, title, counterparty, total_amount, start_date, end_date, next_due"
    if found > DRIVE_MAX:  # many: walk the number index, testing each row
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        page = db.execute(f"SELECT {columns} FROM contracts WHERE deleted_at IS NULL AND search_text LIKE ? "
                          f"ESCAPE '\\' ORDER BY contract_no LIMIT {SCREEN}", [f"%{escaped}%"]).fetchall()
    else:  # few: read them from the index, sort them
        page = db.execute(f"SELECT {columns} FROM contracts WHERE id IN ({ids}) AND deleted_at IS NULL "
                          f"ORDER BY +contract_no LIMIT {SCREEN}", params).fetchall()
    return found - trashed, [row[0] for row in page]


def floor_sort(db: sqlite3.Connection, key: str) -> tuple[int, list[int]]:
    """Count and first screen of the whole list sorted by ``key`` ascending, plain SQL."""
    (count,) = db.execute("SELECT count(*) FROM contracts WHERE deleted_at IS NULL").fetchone()
    nulls = " NULLS LAST" if key in NULLABLE else ""
    sort = "list_status" if key == "status" else SORT_SQL[key]
    rows = db.execute(
        f"SELECT contracts.id, contract_no, title, counterparty, total_amount, start_date, end_date, next_due "
        f"FROM contracts WHERE deleted_at IS NULL ORDER BY {sort}{nulls}, contract_no "
        f"LIMIT {SCREEN}").fetchall()
    return count, [row[0] for row in rows]


def screen(model: ContractListModel) -> tuple[int, list[int]]:
    """What the app shows: its count (once arrived) and first screen's ids (painting every cell first)."""
    read_rows(model, 0, SCREEN)
    count = settle(model)
    return count, [model.contract_id(row) for row in range(min(SCREEN, count))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sorted-only", action="store_true",
                        help="only the keystrokes with the list sorted by title or counterparty (SORTED_TERMS)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need an application
    path, how = prepare_store(args.keep, args.n)
    print(f"store: {path} ({args.n:,} contracts, {how}); sqlite {sqlite3.sqlite_version}; "
          f"load {os.getloadavg()[0]:.2f}")
    store = open_store(path)
    db = sqlite3.connect(path)
    keystroke_goal, sort_goal = goal(args.n, 30, 100), goal(args.n, 50, 150)
    rows: list[tuple[str, float, float, float, float, int]] = []
    wrong: list[str] = []
    holder: list[ContractListModel] = []

    def new_list() -> None:
        holder[:] = [ContractListModel(store, today=TODAY)]
        read_rows(holder[0], 0, SCREEN)

    if not args.sorted_only:
        app_ms, counted_ms, floor_ms = interleaved(new_list, lambda: floor_sort(db, "contract_no"), args.repeat,
                                                   then=lambda: settle(holder[0]))
        rows.append(("new list + first screen", app_ms, counted_ms, floor_ms, sort_goal, args.n))

    model = ContractListModel(store, today=TODAY)
    settle(model)
    for term in () if args.sorted_only else TERMS:
        app_ms, counted_ms, floor_ms = interleaved(
            lambda t=term: (model.set_search(t), read_rows(model, 0, SCREEN)),
            lambda t=term: floor_search(db, t), args.repeat,
            setup=lambda: (model.set_search(""), settle(model)), then=lambda: settle(model))
        model.set_search(term)
        shown = screen(model)
        if shown != floor_search(db, term):
            wrong.append(f"search {term!r}")
        rows.append((f"keystroke {term!r}", app_ms, counted_ms, floor_ms, keystroke_goal, shown[0]))
    model.set_search("")
    settle(model)

    # A word at the start of a fifth of the titles (a city), typed with the list sorted by title; a
    # city at the start of a tenth of the suppliers, sorted by counterparty (issue 18, list_prefix).
    for key, term in SORTED_TERMS:
        for descending in (False, True):
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            model.sort(LIST_COLUMNS.index(key), order)
            app_ms, counted_ms, floor_ms = interleaved(
                lambda t=term: (model.set_search(t), read_rows(model, 0, SCREEN)),
                lambda t=term, k=key, d=descending: floor_sorted(db, t, k, d), args.repeat,
                setup=lambda: (model.set_search(""), settle(model)), then=lambda: settle(model))
            model.set_search(term)
            shown = screen(model)
            if shown != floor_sorted(db, term, key, descending):
                wrong.append(f"search {term!r} by {key} {'desc' if descending else 'asc'}")
            rows.append((f"keystroke {term!r} by {key} {'desc' if descending else 'asc'}", app_ms, counted_ms,
                         floor_ms, keystroke_goal, shown[0]))
            model.set_search("")
            settle(model)
    model.sort(LIST_COLUMNS.index("contract_no"), Qt.SortOrder.AscendingOrder)

    for column, key in enumerate(() if args.sorted_only else SORT_SQL):
        other = (column + 1) % COLUMN_COUNT
        app_ms, counted_ms, floor_ms = interleaved(
            lambda c=column: (model.sort(c, Qt.SortOrder.AscendingOrder), read_rows(model, 0, SCREEN)),
            lambda k=key: floor_sort(db, k), args.repeat,
            setup=lambda c=other: model.sort(c, Qt.SortOrder.AscendingOrder), then=lambda: settle(model))
        model.sort(column, Qt.SortOrder.AscendingOrder)
        if screen(model) != floor_sort(db, key):
            wrong.append(f"sort {key}")
        rows.append((f"sort {key}", app_ms, counted_ms, floor_ms, sort_goal, args.n))

    print(f"\n{'step':<44}{'app ms':>9}{'+count':>9}{'floor ms':>10}{'ratio':>7}{'goal':>7}{'rows':>10}")
    missed = []
    for label, app_ms, counted_ms, floor_ms, limit, count in rows:
        flag = "  << goal missed" if app_ms > limit else ""
        print(f"{label:<44}{app_ms:>9.1f}{counted_ms:>9.1f}{floor_ms:>10.1f}{app_ms / max(floor_ms, 0.001):>7.1f}"
              f"{limit:>7.0f}{count:>10,}{flag}")
        if flag:
            missed.append(label)
    if wrong:
        print(f"\napp and floor disagree: {', '.join(wrong)}")
    print(f"\nmedians of {args.repeat} interleaved runs; app ms: to the first screen (the goal), +count: until "
          f"the exact count has arrived (the floor: count + first screen); goals met: {len(rows) - len(missed)}/"
          f"{len(rows)}; load {os.getloadavg()[0]:.2f}")
    db.close()
    store.close()
    return 1 if missed or wrong else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # see bench_list.py: PySide6 6.12 may abort at interpreter shutdown
