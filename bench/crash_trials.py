"""Kill -9 trials: is the store still sound after a process is killed at a random moment?

    uv run python bench/crash_trials.py                 # 200 trials in a temporary folder
    uv run python bench/crash_trials.py --trials 50 --seed 7 --keep /tmp/trials

Each trial starts a child process (this script with ``--child``) that opens the store and runs
one operation — ``import`` (a ledger of new contracts, without replace), ``save`` (contracts
saved one transaction each, announced on stdout after each commit), ``backup`` (``backup_now``)
or ``restore`` (a backup taken at the start) — and kills it with SIGKILL at a random moment of
that operation (uniform over 0 … 1.2 × its measured duration). After each kill:

* ``PRAGMA integrity_check`` of the store is ``ok`` and ``open_store`` opens it;
* an import is all there or absent (``count`` of its contracts is 0 or N);
* no contract committed before the trial, nor announced as committed by the child, is lost
  (a restore may only give back exactly the backup's contracts);
* every file with a backup's name passes ``integrity_check`` (unfinished backups have a
  temporary ``.partial`` name; they are counted).

Not a test (it takes minutes); the figures are in bench/README.md. Exit status 1 on any failure.
POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "sample_ledger"
OPERATIONS = ("import", "save", "backup", "restore")
IMPORT_SIZE = 60
SAVES = 30
BACKUPS = 10


def ledger(folder: Path, prefix: str, n: int) -> Path:
    """A ledger folder of ``n`` new contracts ``<prefix>-00000`` … (header-only children)."""
    lines = (SAMPLE / "contracts.csv").read_text(encoding="utf-8-sig").splitlines()
    rest = lines[1].split(",", 1)[1]
    folder.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{prefix}-{i:05d},{rest}\r\n" for i in range(n))
    (folder / "contracts.csv").write_text(f"{lines[0]}\r\n{body}", encoding="utf-8")
    return folder


# -- the child -------------------------------------------------------------------------------------


def child(operation: str, db: Path, argument: str) -> None:
    from services.backup import backup_now, restore
    from services.ledger.importer import import_ledger
    from services.register import contracts
    from services.register.contract_data import ContractData
    from services.store import open_store

    if operation == "restore":
        print("ready", flush=True)
        restore(db, Path(argument))
        print("done", flush=True)
        return
    store = open_store(db)
    print("ready", flush=True)
    if operation == "import":
        import_ledger(store, Path(argument))
    elif operation == "save":
        from decimal import Decimal

        for i in range(SAVES):
            number = f"{argument}-{i:05d}"
            with store.session() as session:
                contracts.save(session, ContractData(contract_no=number, title="保存试验",
                                                     total_amount=Decimal("100.00")))
            print(f"committed {number}", flush=True)
    elif operation == "backup":
        for _ in range(BACKUPS):  # several, so that kills land inside one
            backup_now(store)
    print("done", flush=True)
    store.close()


# -- the parent ------------------------------------------------------------------------------------


def numbers(db: Path) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        return {row[0] for row in connection.execute("SELECT contract_no FROM contracts")}
    finally:
        connection.close()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def run_child(operation: str, db: Path, argument: str, kill_after: float | None) -> tuple[list[str], bool, float]:
    """Run one child; kill it ``kill_after`` seconds after it is ready (None: let it finish).
    Returns its stdout lines, whether it finished, and the seconds from ready to done."""
    process = subprocess.Popen([sys.executable, __file__, "--child", operation, "--db", str(db), "--arg", argument],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    ready = time.monotonic()
    if first != "ready":
        process.wait()
        raise RuntimeError(f"child {operation} did not start: {first!r}")
    if kill_after is not None:
        time.sleep(kill_after)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
    lines = []
    seconds = 0.0
    for line in process.stdout:
        lines.append(line.strip())
        if lines[-1] == "done":
            seconds = time.monotonic() - ready  # the operation, not the interpreter's exit
    process.wait()
    return lines, "done" in lines, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", choices=OPERATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--arg", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.arg)
        return 0

    from services.backup import backup_now, list_backups
    from services.ledger.importer import import_ledger
    from services.store import open_store

    work = args.keep or Path(tempfile.mkdtemp(prefix="crash-trials-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "store" / "contracts.db"
    store = open_store(db)
    import_ledger(store, SAMPLE)
    good = backup_now(store, work / "good.db")
    store.close()
    good_numbers = numbers(good)
    rng = random.Random(args.seed)

    durations = {}
    for operation in OPERATIONS:  # calibration: each operation once, not killed
        argument = _argument(operation, work, f"CAL{operation[:2].upper()}", good)
        _, finished, seconds = run_child(operation, db, argument, None)
        assert finished, operation
        durations[operation] = seconds
    print("calibration (s after ready):", {op: round(s, 2) for op, s in durations.items()})

    failures: list[str] = []
    tally = {op: [0, 0] for op in OPERATIONS}  # killed, finished
    started = time.monotonic()
    for trial in range(args.trials):
        operation = rng.choice(OPERATIONS)
        prefix = f"T{trial:04d}"
        argument = _argument(operation, work, prefix, good)
        before = numbers(db)
        lines, finished, _ = run_child(operation, db, argument, rng.uniform(0, 1.2 * durations[operation]))
        tally[operation][1 if finished else 0] += 1
        problems = check(db, operation, prefix, before, good_numbers, lines, finished)
        failures.extend(f"trial {trial} ({operation}, {'finished' if finished else 'killed'}): {p}"
                        for p in problems)
        shutil.rmtree(work / "ledgers", ignore_errors=True)
    partial = len(list((db.parent / "backups").glob(".*.partial")))
    bad_backups = [info.path.name for info in list_backups(db, count=False) if integrity(info.path) != "ok"]
    failures.extend(f"backup {name} fails integrity_check" for name in bad_backups)
    elapsed = time.monotonic() - started
    print(f"{args.trials} trials in {elapsed:.0f} s; killed / finished per operation: "
          + ", ".join(f"{op} {k}/{f}" for op, (k, f) in tally.items()))
    print(f"backups checked: {len(list_backups(db, count=False))}, unfinished .partial files left: {partial}")
    print(f"contracts in the store at the end: {len(numbers(db))}")
    for failure in failures:
        print("FAIL", failure)
    print("all sound" if not failures else f"{len(failures)} failure(s)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


def _argument(operation: str, work: Path, prefix: str, good: Path) -> str:
    if operation == "import":
        return str(ledger(work / "ledgers" / prefix, prefix, IMPORT_SIZE))
    if operation == "restore":
        return str(good)
    return prefix


def check(db: Path, operation: str, prefix: str, before: set[str], good: set[str],
          lines: list[str], finished: bool) -> list[str]:
    """What is wrong with the store after one trial (empty: sound)."""
    from services.store import open_store

    problems = []
    result = integrity(db)
    if result != "ok":
        return [f"integrity_check: {result}"]
    try:
        open_store(db).close()
    except Exception as exc:  # reported, the trials go on
        return [f"open_store: {exc}"]
    after = numbers(db)
    mine = {no for no in after if no.startswith(prefix + "-")}
    committed = {line.split()[1] for line in lines if line.startswith("committed ")}
    if operation == "restore":
        if after not in (before, good):
            problems.append(f"after a restore the store is neither as before nor the backup ({len(after)} contracts)")
        if finished and after != good:
            problems.append("a finished restore did not give the backup's contracts")
        return problems
    if not before <= after:
        problems.append(f"{len(before - after)} committed contract(s) lost")
    if after - before - mine:
        problems.append(f"unexpected contracts appeared: {sorted(after - before - mine)[:3]}")
    if operation == "import" and len(mine) not in (0, IMPORT_SIZE):
        problems.append(f"import half there: {len(mine)} of {IMPORT_SIZE}")
    if operation == "import" and finished and len(mine) != IMPORT_SIZE:
        problems.append("a finished import is missing")
    if operation == "save" and not committed <= after:
        problems.append(f"announced commits lost: {sorted(committed - after)[:3]}")
    if operation == "backup" and after != before:
        problems.append("a backup changed the store")
    return problems


if __name__ == "__main__":
    sys.exit(main())
