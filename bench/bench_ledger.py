"""Ledger export and import at scale, each against its floor, run in turn (issue 18).

    uv run python bench/bench_ledger.py                       # 10,000 contracts, 3 turns
    uv run python bench/bench_ledger.py --n 25000 --runs 5
    uv run python bench/bench_ledger.py --keep /tmp/ledger.db # reuse the store (same N)
    uv run python bench/bench_ledger.py --skip-import         # export only
    uv run python bench/bench_ledger.py --skip-export         # import only

Builds a store with N contracts filling every table of the ledger (2 parties, 3 line items,
2 installments, a milestone, a bond, a penalty clause, an article, events, done marks and a
payment; cells that start like a formula, quotes and line breaks; 1 in 500 in the Trash) by bulk
inserts into the migrated schema. Then, app (A) and floor (B) in turn, A B A B …:

* export (after one untimed turn of each): ``services.ledger.write.ledger_files`` vs the floor —
  one plain ``sqlite3`` SELECT per table, the values put in writer form in plain Python,
  ``csv.writer``. Both must give the same bytes. Goal: app ≤ 1.5 × floor.
* import: ``services.ledger.importer.import_ledger`` of the exported ledger into an empty store
  vs the floor — ``csv.reader`` and one ``executemany`` per table in one transaction into an
  empty store. The two stores must export the same ledger. Goal: app ≥ 25 % of the floor's
  speed (app ≤ 4 × floor).

Prints medians (s) and ratios, wall and CPU time (on a shared machine the CPU time is the steadier
figure); exits 1 when a goal is missed or the two sides differ.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.base import decimal_text
from services.ledger.schema import EVENT_ALIASES, SUPPORTED, Table
from services.ledger.write import ledger_files
from services.store import Store, head_revision, open_store

T = TypeVar("T")
EXPORT_GOAL = 1.5
IMPORT_GOAL = 4.0
FORMULA = ("=", "+", "-", "@", "\t", "\r")
ROLES = ("甲方", "乙方", "丙方", "丁方", "戊方")
PURCHASERS = [f"{city}{office}" for city in ("广州市", "深圳市", "佛山市", "东莞市", "珠海市")
              for office in ("财政局", "教育局", "卫生健康委员会", "交通运输局", "第一中学", "人民医院")]
SUPPLIERS = [f"{c}{b}{t}有限公司" for c in ("广州", "深圳", "北京", "上海", "杭州")
             for b in ("华信", "中科", "恒通", "远景", "金盾", "天成") for t in ("信息科技", "物业服务", "网络技术")]
ITEMS = ("办公设备", "物业管理", "保安", "网络运维", "软件开发", "档案数字化", "清洁")


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _fen_text(fen: int) -> str:
    return f"{'-' if fen < 0 else ''}{abs(fen) // 100}.{abs(fen) % 100:02d}"


# --- the store ----------------------------------------------------------------------------------

def _rows(n: int) -> dict[str, list[tuple]]:
    """Rows of every table for contract ids 1..n (money in fen, dates ISO text, decimals shortest text)."""
    rng = random.Random(18)
    out: dict[str, list[tuple]] = {name: [] for name in (
        "contracts", "parties", "line_items", "installments", "milestones", "bonds", "penalty_clauses",
        "articles", "contract_events", "deadline_done", "payments")}
    base = dt.date(2022, 1, 1)
    for cid in range(1, n + 1):
        purchaser, supplier, item = rng.choice(PURCHASERS), rng.choice(SUPPLIERS), rng.choice(ITEMS)
        number = f"GZCG-{2022 + cid % 4}-{cid:06d}"
        title = f"{purchaser}{item}服务项目合同"
        start = base + dt.timedelta(days=rng.randrange(0, 1400))
        end = start + dt.timedelta(days=365)
        sign = start - dt.timedelta(days=10)
        lines = [rng.randrange(1_000, 5_000_000) for _ in range(3)]
        total = sum(lines)
        notes = rng.choice((None, None, "=见附件", '含"税", 分期\n第二行', "+按月结算"))
        deleted = "2025-01-01 00:00:00" if cid % 500 == 0 else None
        search = " ".join([number, title, purchaser, supplier]).lower()
        out["contracts"].append((
            cid, number, title, "Service contract" if cid % 3 == 0 else None, f"ZC-{cid:07d}", None, _iso(sign),
            "广州", None, _iso(start), _iso(end), "CNY", total, None, "6", None, notes, supplier, search,
            _iso(end), 0, 1, deleted))
        out["parties"] += [(cid, "甲方", 0, purchaser, None, "张三", None, "广州市天河区", "李四", "020-12345678",
                            None, "12440000MB1234567X", "工商银行", f"{cid:019d}", None, 0, None),
                           (cid, "乙方", 1, supplier, None, "王五", "授权代表", None, "赵六", "13800000000",
                            "a@b.cn", "91440101MA5ABCDE1F", "建设银行", f"44{cid:017d}", None, int(cid % 4 == 0),
                            "经办人")]
        out["line_items"] += [(cid, seq, f"{item}第{seq}项", None, "项", decimal_text(Decimal(fen) / 100), "1", None,
                               fen, None, "-折让" if seq == 3 and cid % 7 == 0 else None)
                              for seq, fen in enumerate(lines, start=1)]
        first, rest = total * 30 // 100, total - total * 30 // 100
        out["installments"] += [
            (cid, 1, "预付款", "乙方", "30", first, _iso(start + dt.timedelta(days=30)), None, None, None,
             "合同签订后", _iso(start + dt.timedelta(days=28)) if cid % 5 < 3 else None,
             first if cid % 5 < 3 else None),
            (cid, 2, "尾款", "乙方", "70", rest, None, "acceptance", -5 if cid % 11 == 0 else 15, "working_days",
             "验收合格后", None, None)]
        out["milestones"].append((cid, 1, "月度报告", "report", "乙方", None, "start", 1, "months",
                                  "FREQ=MONTHLY;COUNT=12", None, None))
        out["bonds"].append((cid, 1, "performance", "银行保函", "5", total * 5 // 100, None, "signing", 5,
                             "working_days", _iso(end + dt.timedelta(days=90)), _iso(sign), None, None, None,
                             "验收合格后退还", None, None))
        out["penalty_clauses"].append((cid, 1, "第十条", "逾期交付", "乙方", "per_day", "0.05", "contract_total",
                                       None, "10", "contract_total", None, "calendar", "whole", 30,
                                       "每逾期一日按合同总额的0.05%支付违约金"))
        out["articles"].append((cid, 1, "第一条 服务内容", f"乙方为甲方提供{item}服务。\n\n详见附件一。"))
        out["contract_events"].append((cid, "acceptance", _iso(end), None, None, None))
        if cid % 2:
            out["contract_events"].append((cid, "event:试运行", _iso(start + dt.timedelta(days=60)), None,
                                           "试运行完成", "Trial run done"))
        if cid % 2 == 0:
            occurrence = start + dt.timedelta(days=31)
            out["deadline_done"] += [(cid, f"milestone:1:{occurrence}", _iso(occurrence + dt.timedelta(days=2)), None),
                                     (cid, "bond:1:valid", _iso(end + dt.timedelta(days=90)), "已退还")]
        if cid % 5 < 3:
            out["payments"].append((cid, 1, 1, None, None, _iso(start + dt.timedelta(days=28)), first,
                                    f"{cid:08d}", None, None))
    return out


COLUMNS = {
    "contracts": "id, contract_no, title, title_en, procurement_no, status, sign_date, sign_place, effective_date,"
                 " start_date, end_date, currency, total_amount, total_in_words, tax_rate, amount_excl_tax, notes,"
                 " counterparty, search_text, next_due, problem_level, version, deleted_at",
    "parties": "contract_id, role, role_order, name, name_en, legal_rep, signatory_title, address, contact, phone,"
               " email, tax_id, bank, account, share_amount, consortium_lead, other_signatories",
    "line_items": "contract_id, seq, name, name_en, unit, unit_price, quantity, periods, amount, party_role, note",
    "installments": "contract_id, seq, name, payee_role, percent, amount, due_date, due_after, due_offset, due_unit,"
                    " condition, paid_date, paid_amount",
    "milestones": "contract_id, seq, name, kind, responsible_role, due_date, due_after, due_offset, due_unit,"
                  " recurrence, done_date, note",
    "bonds": "contract_id, seq, kind, form, percent, amount, due_date, due_after, due_offset, due_unit, valid_until,"
             " lodged_date, return_after, return_offset, return_unit, return_condition, returned_date, note",
    "penalty_clauses": "contract_id, seq, clause_ref, trigger, payer_role, kind, rate, base, amount, cap_rate,"
                       " cap_base, cap_amount, day_count, part_day, terminate_after_days, text",
    "articles": "contract_id, seq, heading, body",
    "contract_events": "contract_id, name, event_date, note, label, label_en",
    "deadline_done": "contract_id, key, done_date, note",
    "payments": "contract_id, seq, installment_seq, payer_role, payee_role, paid_date, amount, invoice_no,"
                " voucher_no, note",
}


def _insert(db: sqlite3.Connection, table: str, rows: Iterable[Sequence[object]]) -> None:
    columns = COLUMNS[table]
    marks = ", ".join("?" * len(columns.split(",")))
    db.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def build_store(path: Path, n: int) -> float:
    started = time.perf_counter()
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    with db:
        for table, rows in _rows(n).items():
            _insert(db, table, rows)
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - started


def prepare_store(keep: Path | None, n: int) -> tuple[Path, str]:
    path = keep or Path(tempfile.mkdtemp(prefix="contractdesk-ledger-")) / "bench.db"
    if keep is not None and path.exists():
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
    return path, f"built in {build_store(path, n):.1f} s"


# --- export: the floor --------------------------------------------------------------------------

def _guard(text: str) -> str:
    return "'" + text if text[:1] in FORMULA and text else text


def _plain_cell(kind: str) -> Callable[[object], str]:
    """The writer form of a stored value (fen, ISO text, shortest decimal text), in plain Python."""
    if kind == "money":
        return lambda v: "" if v is None else _guard(_fen_text(v))  # type: ignore[arg-type]
    if kind == "event_name":
        def event(v: object) -> str:
            bare = str(v).removeprefix("event:")
            standard = bare in EVENT_ALIASES or bare in EVENT_ALIASES.values()
            return _guard(str(v) if standard and v != bare else bare)
        return event
    if kind == "flag":  # yes for the lead, nothing otherwise (spec csv-format.md v2)
        return lambda v: "yes" if v else ""
    return lambda v: "" if v is None else _guard(str(v))


#: The floor's SELECT of each table (contract_no first, then the ledger's columns, in writer order).
_ORDER = {"parties": "t.role_order", "events": "t.id", "done_marks": "t.id"}
_SOURCE = {"events": "contract_events", "done_marks": "deadline_done"}
_RENAMED = {"events": {"event": "name", "date": "event_date"}}


def _floor_sql(table: Table) -> str:
    if table.name == "contracts":
        names = ", ".join(f"c.{column.name}" for column in table.columns)
        return f"SELECT {names} FROM contracts c WHERE c.deleted_at IS NULL ORDER BY c.id"
    if table.name == "done_marks":
        return ("SELECT c.contract_no, t.key, t.done_date, t.note, t.contract_id FROM deadline_done t"
                " JOIN contracts c ON c.id = t.contract_id WHERE c.deleted_at IS NULL ORDER BY t.contract_id, t.id")
    renamed = _RENAMED.get(table.name, {})
    names = ", ".join(f"t.{renamed.get(column.name, column.name)}" for column in table.columns[1:])
    order = _ORDER.get(table.name, "t.seq")
    return (f"SELECT c.contract_no, {names} FROM {_SOURCE.get(table.name, table.name)} t"
            f" JOIN contracts c ON c.id = t.contract_id WHERE c.deleted_at IS NULL ORDER BY t.contract_id, {order}")


def _floor_done_marks(db: sqlite3.Connection, sql: str) -> list[tuple]:
    valid = {(cid, seq): until for cid, seq, until in db.execute("SELECT contract_id, seq, valid_until FROM bonds")}
    by_contract: dict[int, list[tuple]] = {}
    for number, key, done, note, cid in db.execute(sql):
        source, seq, rest = key.split(":") if key.count(":") == 2 else ("", "0", "")
        if source == "milestone":
            mark = (number, "milestone", int(seq), rest, done, note)
        elif source == "bond" and rest == "valid":
            mark = (number, "bond", int(seq), valid.get((cid, int(seq))) or done, done, note)
        else:
            continue
        by_contract.setdefault(cid, []).append(mark)
    order = {"installment": 0, "milestone": 1, "bond": 2}
    return [mark for marks in by_contract.values() for mark in sorted(marks, key=lambda m: (order[m[1]], m[2], m[3]))]


def floor_export(path: Path) -> dict[str, bytes]:
    db = sqlite3.connect(path)
    files = {}
    for table in SUPPORTED:
        sql = _floor_sql(table)
        if table.name == "done_marks":
            rows: Iterable[tuple] = _floor_done_marks(db, sql)
        elif table.name == "events":
            fetched = db.execute(sql).fetchall()  # each contract's events by the name the ledger writes
            groups: dict[str, list[tuple]] = {}
            for row in fetched:
                groups.setdefault(row[0], []).append(row)
            rows = [r for group in groups.values() for r in sorted(group, key=lambda r: r[1].removeprefix("event:"))]
        else:
            rows = db.execute(sql)
        cells = [_plain_cell(column.kind) for column in table.columns]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column.name for column in table.columns])
        writer.writerows([[f(v) for f, v in zip(cells, row, strict=True)] for row in rows])
        files[table.file_name] = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    db.close()
    return files


def app_export(store: Store) -> dict[str, bytes]:
    """What File → Export writes, the store already open (as in the window)."""
    with store.session() as session:
        return ledger_files(session)


# --- import: the floor --------------------------------------------------------------------------

def _unguard(text: str) -> str:
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in FORMULA else text


def _stored(kind: str) -> Callable[[str], object]:
    """The stored form of a writer-form cell, in plain Python (empty: NULL)."""
    if kind == "money":
        return lambda s: None if s == "" else int(Decimal(_unguard(s)) * 100)
    if kind == "int":
        return lambda s: None if s == "" else int(_unguard(s))
    if kind == "event_name":
        return lambda s: s if s in EVENT_ALIASES or s.startswith("event:") else "event:" + s
    if kind == "flag":  # the writer's form only: yes or nothing
        return lambda s: int(s == "yes")
    return lambda s: None if s == "" else _unguard(s)


def floor_import(path: Path, folder: Path) -> None:
    """csv.reader and one executemany per table, in one transaction, into the empty store ``path``."""
    db = sqlite3.connect(path)
    ids: dict[str, int] = {}
    names: dict[int, list[tuple[int, str]]] = {}
    with db:
        for table in SUPPORTED:
            file = folder / table.file_name
            if not file.exists():
                continue
            reader = csv.reader(io.StringIO(file.read_bytes().decode("utf-8-sig"), newline=""))
            next(reader)
            stored = [_stored(column.kind) for column in table.columns]
            rows = [[f(cell) for f, cell in zip(stored, row, strict=True)] for row in reader]
            if table.name == "contracts":
                for index, row in enumerate(rows, start=1):
                    ids[str(row[0])] = index
                _insert(db, "contracts", [(ids[str(r[0])], *r[:16], "", "", None, None, 1, None) for r in rows])
                continue
            for row in rows:
                row[0] = ids[str(row[0])]
            if table.name == "parties":
                for row in rows:
                    names.setdefault(row[0], []).append((ROLES.index(row[1]), row[2]))  # type: ignore[arg-type]
                rows = [[r[0], r[1], ROLES.index(r[1]), *r[2:]] for r in rows]
            elif table.name == "penalty_clauses":
                position: dict[object, int] = {}
                for row in rows:
                    position[row[0]] = position.get(row[0], 0) + 1
                    row.insert(1, position[row[0]])
            elif table.name == "events":
                rows = [[r[0], r[1], r[4], None, r[2], r[3]] for r in rows]
            elif table.name == "done_marks":
                rows = [[r[0], f"milestone:{r[2]}:{r[3]}" if r[1] == "milestone" else f"bond:{r[2]}:valid", r[4], r[5]]
                        for r in rows if r[1] != "installment"]
            _insert(db, _SOURCE.get(table.name, table.name), rows)
        cursor = db.execute("SELECT id, contract_no, title FROM contracts")
        derived = []
        for cid, number, title in cursor.fetchall():
            parties = [name for _order, name in sorted(names.get(cid, []))]
            derived.append(("、".join(parties[1:]), " ".join([number, title, *parties]).lower(), cid))
        db.executemany("UPDATE contracts SET counterparty = ?, search_text = ? WHERE id = ?", derived)
    db.close()


def app_import(path: Path, folder: Path) -> None:
    from services.ledger.importer import import_ledger

    store = open_store(path)
    try:
        import_ledger(store, folder)
    finally:
        store.close()


# --- the run --------------------------------------------------------------------------------------

#: CPU seconds of each side's turns (``time.process_time``: both sides run in this process), by the
#: ``_turns`` call that took them last: on a shared machine the wall time waits for other work, the
#: CPU time much less.
CPU: dict[str, list[float]] = {"a": [], "b": []}


def _turns(runs: int, a: Callable[[], T], b: Callable[[], T], before: Callable[[], None] | None = None, *,
           warm_up: bool = False) -> tuple[list[float], list[float], T, T]:
    """Time ``a`` and ``b`` in turn (A B A B …), ``before`` untimed ahead of each; the last results.
    Their CPU times go to ``CPU``."""
    times_a: list[float] = []
    times_b: list[float] = []
    results: dict[str, T] = {}
    CPU["a"], CPU["b"] = [], []
    if warm_up:  # one untimed turn: the app's first run compiles its statements and imports lazily
        a()
        b()
    for _ in range(runs):
        for fn, times, which in ((a, times_a, "a"), (b, times_b, "b")):
            if before is not None:
                before()
            started, cpu = time.perf_counter(), time.process_time()
            result = fn()
            times.append(time.perf_counter() - started)
            CPU[which].append(time.process_time() - cpu)
            results[which] = result
    return times_a, times_b, results["a"], results["b"]


def _cpu_line() -> str:
    app, floor = statistics.median(CPU["a"]), statistics.median(CPU["b"])
    return (f"         CPU: app {app:7.2f} s   floor {floor:7.2f} s   ratio {app / floor:5.2f} "
            f"({100 * floor / app:.1f} % of raw)")


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-export", action="store_true", help="time the import only")
    args = parser.parse_args()
    path, how = prepare_store(args.keep, args.n)
    with sqlite3.connect(path) as db:
        counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COLUMNS}
    rows = sum(counts.values())
    print(f"store {path}: {args.n:,} contracts, {rows:,} rows ({how}); load {_load()}")
    failed = False

    if args.skip_export:
        floor_files = floor_export(path)  # the ledger to import, untimed
    else:
        store = open_store(path)
        app_s, floor_s, app_files, floor_files = _turns(args.runs, lambda: app_export(store),
                                                        lambda: floor_export(path), warm_up=True)
        store.close()
        same = app_files == floor_files
        ratio = statistics.median(app_s) / statistics.median(floor_s)
        print(f"export   app {statistics.median(app_s):7.2f} s   floor {statistics.median(floor_s):7.2f} s   "
              f"ratio {ratio:5.2f} (goal ≤ {EXPORT_GOAL})   same bytes: {same}   "
              f"[app {', '.join(f'{t:.2f}' for t in app_s)}; floor {', '.join(f'{t:.2f}' for t in floor_s)}]")
        if not same:
            for name in floor_files:
                if app_files.get(name) != floor_files[name]:
                    print(f"  differs: {name}")
        print(_cpu_line())
        failed |= not same or ratio > EXPORT_GOAL

    if not args.skip_import:
        work = Path(tempfile.mkdtemp(prefix="contractdesk-ledger-import-"))
        folder = work / "ledger"
        folder.mkdir()
        for name, data in floor_files.items():
            (folder / name).write_bytes(data)
        template = work / "empty.db"
        open_store(template).close()
        targets = {"app": work / "app.db", "floor": work / "floor.db"}
        turn = iter(["app", "floor"] * args.runs)

        def fresh() -> None:
            target = targets[next(turn)]
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(template, target)

        app_s, floor_s, _a, _b = _turns(args.runs, lambda: app_import(targets["app"], folder),
                                        lambda: floor_import(targets["floor"], folder), before=fresh)
        exported = []
        for target in targets.values():
            opened = open_store(target)
            exported.append(app_export(opened))
            opened.close()
        same = exported[0] == exported[1]
        imported = rows - counts["contracts"] // 500 * (rows // counts["contracts"])
        ratio = statistics.median(app_s) / statistics.median(floor_s)
        print(f"import   app {statistics.median(app_s):7.2f} s   floor {statistics.median(floor_s):7.2f} s   "
              f"ratio {ratio:5.2f} (goal ≤ {IMPORT_GOAL}: {100 / ratio:.1f} % of raw)   same store: {same}   "
              f"~{imported / statistics.median(app_s):,.0f} rows/s app   "
              f"[app {', '.join(f'{t:.2f}' for t in app_s)}; floor {', '.join(f'{t:.2f}' for t in floor_s)}]")
        print(_cpu_line())
        failed |= not same or ratio > IMPORT_GOAL
        shutil.rmtree(work, ignore_errors=True)
    print(f"load after: {_load()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
