"""Benchmark of the overview (总览) over a large store (default 20,000 contracts).

    uv run python bench/bench_overview.py [--n 20000] [--repeat 3]

Builds a store with N contracts (4 installments — two stated amounts, two only percents — and 3
payments each) by bulk inserts into the migrated schema, then times ``services.payments.overview``:
opening the overview (every table) and a filter change (year of signing + supplier), and, as the
baseline, plain ``sqlite3`` queries for the totals on the same file — whose figures must agree with
the overview's. Times in ms, median of ``--repeat`` runs. Exit status 1 if the overview takes 1 s
or more, a filter change 300 ms or more, or a figure disagrees with the baseline.
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
from services.store import open_store

TODAY = dt.date(2026, 6, 1)
OPEN_BUDGET_MS = 1000.0
FILTER_BUDGET_MS = 300.0
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
            installments.append((cid, seq, "25", stated, due.isoformat(), paid_amount, paid_date))
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    with db:
        db.executemany("INSERT INTO contracts (id, contract_no, title, sign_date, end_date, currency, total_amount,"
                       " counterparty, search_text) VALUES (?,?,?,?,?,'CNY',?,?,?)", contracts)
        db.executemany("INSERT INTO installments (contract_id, seq, percent, amount, due_date, paid_amount, paid_date)"
                       " VALUES (?,?,?,?,?,?,?)", installments)
        db.executemany("INSERT INTO payments (contract_id, seq, installment_seq, payer_role, payee_role, paid_date,"
                       " amount) VALUES (?,?,?,'甲方','乙方',?,?)", payments)
    db.execute("ANALYZE")
    db.close()


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Build, time, compare; the exit status (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        build_store(path, args.n)
        print(f"built {args.n} contracts in {time.perf_counter() - started:.1f} s")
        store = open_store(path)
        try:
            with store.session() as session:
                figures = overview(session, TODAY)
                open_ms = median_ms(lambda: overview(session, TODAY), args.repeat)
                flt = OverviewFilter(year=2024, supplier="北京")
                filter_ms = median_ms(lambda: overview(session, TODAY, flt), args.repeat)
        finally:
            store.close()
        db = sqlite3.connect(path)

        def baseline() -> tuple[int, int, int]:
            value = db.execute("SELECT SUM(total_amount) FROM contracts WHERE deleted_at IS NULL").fetchone()[0]
            paid = db.execute("SELECT SUM(p.amount) FROM payments p JOIN contracts c ON c.id = p.contract_id"
                              " WHERE c.deleted_at IS NULL").fetchone()[0]
            # outstanding from the payments themselves (not the installments' kept paid_amount)
            outstanding = db.execute(
                "SELECT SUM(MAX(i.amount_due - COALESCE(p.fen, 0), 0)) FROM"
                " (SELECT i.contract_id, i.seq, c.total_amount / 4 AS amount_due FROM installments i"
                "  JOIN contracts c ON c.id = i.contract_id WHERE c.deleted_at IS NULL) i LEFT JOIN"
                " (SELECT contract_id, installment_seq, SUM(amount) AS fen FROM payments GROUP BY 1, 2) p"
                " ON p.contract_id = i.contract_id AND p.installment_seq = i.seq").fetchone()[0]
            return value, paid, outstanding

        raw_ms = median_ms(baseline, args.repeat)
        value, paid, outstanding = baseline()
        db.close()
    agree = figures.totals.value == Decimal(value) / 100 and figures.totals.paid == Decimal(paid) / 100 \
        and figures.totals.due == figures.totals.value and figures.totals.outstanding == Decimal(outstanding) / 100
    print(f"overview open    {open_ms:8.1f} ms (budget {OPEN_BUDGET_MS:.0f})")
    print(f"filter change    {filter_ms:8.1f} ms (budget {FILTER_BUDGET_MS:.0f})")
    print(f"baseline totals  {raw_ms:8.1f} ms (plain SQL)  figures agree: {agree}")
    print(f"totals: value {figures.totals.value}  paid {figures.totals.paid}  outstanding "
          f"{figures.totals.outstanding}  overdue {figures.totals.overdue}")
    return 0 if agree and open_ms < OPEN_BUDGET_MS and filter_ms < FILTER_BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
