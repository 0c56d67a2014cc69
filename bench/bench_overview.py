"""Benchmark of the overview (总览) over a large store (default 20,000 contracts).

    uv run python bench/bench_overview.py [--n 20000] [--repeat 5]

Builds a store with N contracts (4 installments — two stated amounts, two only percents — and 3
payments each) by bulk inserts into the migrated schema (``resolved_due_date`` as the writer keeps
it: the fixed date), computes the overview's kept figures for every contract as the upgrade to
revision 0019 does (``services.payments.overview_keep.keep_figures``, timed), then times
``services.payments.overview``: opening the overview (every table), a filter change (year of signing
+ supplier), each other filter change in ``MORE`` (status ``completed``: most contracts; year, supplier,
status ``active``, and combinations), and, as the floor, one plain
``sqlite3`` query per table for the totals (value, paid, outstanding and overdue) on the same file —
whose figures must agree with the overview's, as must the overview computed from scratch
(``kept=False``) in every figure. The app step and the floor run interleaved (A, B, A, B …) so a burst of
load on the machine hits both. Times in ms, median of ``--repeat`` runs; the load average is
printed. Exit status 1 if the overview takes 1 s or more, a filter change 300 ms or more, or a
figure disagrees with the floor or with the figures computed from scratch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.payments.overview import OverviewFilter, overview
from services.payments.overview_keep import keep_figures
from services.store import open_store

TODAY = dt.date(2026, 6, 1)
OPEN_BUDGET_MS = 1000.0
FILTER_BUDGET_MS = 300.0
#: The other filter changes timed (each checked against the figures computed from scratch).
MORE = {"completed": OverviewFilter(status="completed"), "active": OverviewFilter(status="active"),
        "year": OverviewFilter(year=2024), "supplier": OverviewFilter(supplier="北京"),
        "year+completed": OverviewFilter(year=2024, status="completed"),
        "supplier+completed": OverviewFilter(supplier="北京", status="completed")}
SUPPLIERS = [f"{city}{brand}信息科技有限公司" for city in ("广州", "深圳", "北京", "上海", "杭州")
             for brand in ("华信", "中科", "恒通", "远景", "金盾", "天成", "博雅", "蓝海")]


def build_store(path: Path, n: int) -> None:
    """The store at ``path`` with ``n`` contracts, 4 installments and 3 payments each."""
    open_store(path).close()
    rng = random.Random(15)
    contracts, installments, payments = [], [], []
    for cid in range(1, n + 1):
        sign = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(0, 1600))
        end = sign + dt.timedelta(days=rng.choice((180, 365, 730)))
        total = rng.randrange(100_000, 500_000_000) * 4  # fen, divisible by 4
        supplier = rng.choice(SUPPLIERS)
        contracts.append((cid, f"BENCH-{cid:06d}", f"合同{cid}", sign.isoformat(), end.isoformat(), total,
                          supplier, f"bench-{cid:06d} {supplier}"))
        paid = []
        for seq in range(1, 4):
            pay = sign + dt.timedelta(days=90 * seq + rng.randrange(-10, 40))
            paid.append(total // 4 - rng.choice((0, 0, 100_00)))
            payments.append((cid, seq, seq, pay.isoformat(), paid[-1]))
        for seq in range(1, 5):
            due = sign + dt.timedelta(days=90 * seq)
            stated = total // 4 if seq % 2 else None
            # paid_amount / paid_date as services.payments.rows.refresh_installments keeps them
            paid_amount = paid[seq - 1] if seq <= 3 else None
            paid_date = payments[-3 + seq - 1][3] if seq <= 3 and paid_amount == total // 4 else None
            installments.append((cid, seq, "25", stated, due.isoformat(), due.isoformat(), paid_amount, paid_date))
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    with db:
        db.executemany("INSERT INTO contracts (id, contract_no, title, sign_date, end_date, currency, total_amount,"
                       " counterparty, search_text) VALUES (?,?,?,?,?,'CNY',?,?,?)", contracts)
        db.executemany("INSERT INTO installments (contract_id, seq, percent, amount, due_date, resolved_due_date,"
                       " paid_amount, paid_date) VALUES (?,?,?,?,?,?,?,?)", installments)
        db.executemany("INSERT INTO payments (contract_id, seq, installment_seq, payer_role, payee_role, paid_date,"
                       " amount) VALUES (?,?,?,'甲方','乙方',?,?)", payments)
    db.execute("ANALYZE")
    db.close()


CPU: dict[str, list[float]] = {}


def timed_ms(run: Callable[[], object], name: str = "") -> float:
    """Wall-clock ms of ``run()``; its CPU ms (this process) are kept in ``CPU[name]`` — on a
    machine shared with other work the CPU time says more about the work done than the wall clock."""
    started, cpu = time.perf_counter(), time.process_time()
    run()
    CPU.setdefault(name, []).append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000


def floor_queries(db: sqlite3.Connection, today: dt.date, flt: tuple[str, str] | None = None) -> tuple[int, ...]:
    """The totals by one plain SQL query per table: contract value, paid (payments), outstanding and
    overdue (installments; outstanding from the payments themselves, not the kept ``paid_amount``).
    ``flt``: (first day, last day) of the year of signing and part of a supplier's name."""
    where, params = "c.deleted_at IS NULL", {"today": today.isoformat()}
    if flt is not None:
        where += " AND c.sign_date BETWEEN :first AND :last AND lower(c.counterparty) LIKE :supplier"
        params |= {"first": flt[0][:10], "last": flt[0][11:], "supplier": f"%{flt[1]}%"}
    value = db.execute(f"SELECT SUM(total_amount) FROM contracts c WHERE {where}", params).fetchone()[0]
    paid = db.execute(f"SELECT SUM(p.amount) FROM payments p JOIN contracts c ON c.id = p.contract_id"
                      f" WHERE {where}", params).fetchone()[0]
    outstanding, overdue = db.execute(
        "SELECT SUM(o), SUM(CASE WHEN d < :today THEN o ELSE 0 END) FROM"
        " (SELECT MAX(i.amount_due - COALESCE(p.fen, 0), 0) AS o, i.d FROM"
        f" (SELECT i.contract_id, i.seq, i.resolved_due_date AS d, c.total_amount / 4 AS amount_due FROM installments i"
        f"  JOIN contracts c ON c.id = i.contract_id WHERE {where}) i LEFT JOIN"
        " (SELECT contract_id, installment_seq, SUM(amount) AS fen FROM payments GROUP BY 1, 2) p"
        " ON p.contract_id = i.contract_id AND p.installment_seq = i.seq)", params).fetchone()
    return value or 0, paid or 0, outstanding or 0, overdue or 0


def main(argv: list[str] | None = None) -> int:
    """Build, time, compare; the exit status (see the module docstring)."""
    import os

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        build_store(path, args.n)
        print(f"built {args.n} contracts in {time.perf_counter() - started:.1f} s")
        store = open_store(path)
        started, cpu = time.perf_counter(), time.process_time()
        with store.session(write=True) as session:
            keep_figures(session)  # what the upgrades to 0019 and 0021 do for an existing store
        print(f"kept figures computed in {time.perf_counter() - started:.1f} s ({time.process_time() - cpu:.1f} s CPU)")
        db = sqlite3.connect(path)
        flt = OverviewFilter(year=2024, supplier="北京")
        floor_flt = ("2024-01-01 2024-12-31", "北京")
        times: dict[str, list[float]] = {"open": [], "floor": [], "filter": [], "floor filter": []}
        times |= {name: [] for name in MORE}
        try:
            with store.session() as session:
                figures = overview(session, TODAY)
                filtered = overview(session, TODAY, flt)
                scratch = (figures == overview(session, TODAY, kept=False)
                           and filtered == overview(session, TODAY, flt, kept=False)
                           and all(overview(session, TODAY, more) == overview(session, TODAY, more, kept=False)
                                   for more in MORE.values()))
                print(f"kept figures equal the figures computed from scratch: {scratch}")
                print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
                for _ in range(args.repeat):  # interleaved: A, B, A, B …
                    times["open"].append(timed_ms(lambda: overview(session, TODAY), "open"))
                    times["floor"].append(timed_ms(lambda: floor_queries(db, TODAY), "floor"))
                    times["filter"].append(timed_ms(lambda: overview(session, TODAY, flt), "filter"))
                    times["floor filter"].append(timed_ms(lambda: floor_queries(db, TODAY, floor_flt), "floor filter"))
                    for name, more in MORE.items():
                        times[name].append(timed_ms(lambda more=more: overview(session, TODAY, more), name))
                print(f"load average after:  {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
        finally:
            store.close()
        whole, part = floor_queries(db, TODAY), floor_queries(db, TODAY, floor_flt)
        db.close()

    def agree(view: object, found: tuple[int, ...]) -> bool:
        t = view.totals  # type: ignore[attr-defined]
        return (t.value, t.paid, t.outstanding, t.overdue) == tuple(Decimal(f) / 100 for f in found)

    same = agree(figures, whole) and agree(filtered, part) and figures.totals.due == figures.totals.value and scratch
    ms = {name: statistics.median(values) for name, values in times.items()}
    print(f"overview open    {ms['open']:8.1f} ms (budget {OPEN_BUDGET_MS:.0f}); floor {ms['floor']:8.1f} ms")
    print(f"filter change    {ms['filter']:8.1f} ms (budget {FILTER_BUDGET_MS:.0f});"
          f" floor {ms['floor filter']:8.1f} ms")
    cpu = {name: statistics.median(values) for name, values in CPU.items()}
    for name in MORE:
        print(f"{name:18s} {ms[name]:8.1f} ms (budget {FILTER_BUDGET_MS:.0f}); CPU {cpu[name]:.0f} ms")
    print(f"CPU time (median ms): open {cpu['open']:.0f}, floor {cpu['floor']:.0f}; filter {cpu['filter']:.0f},"
          f" floor {cpu['floor filter']:.0f}")
    print(f"figures agree with the plain-SQL floor: {same}")
    print(f"totals: value {figures.totals.value}  paid {figures.totals.paid}  outstanding "
          f"{figures.totals.outstanding}  overdue {figures.totals.overdue}")
    fast = (ms["open"] < OPEN_BUDGET_MS and ms["filter"] < FILTER_BUDGET_MS
            and all(ms[name] < FILTER_BUDGET_MS for name in MORE))
    return 0 if same and fast else 1


if __name__ == "__main__":
    sys.exit(main())
