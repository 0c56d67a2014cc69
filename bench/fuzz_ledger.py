"""Fuzz the ledger importer with mutated copies of the sample ledger (issue 12).

    uv run python bench/fuzz_ledger.py                 # 10,000 mutated ledgers, seed 1
    uv run python bench/fuzz_ledger.py --n 500 --seed 7 --show 5

Each case copies the sample ledger (resources/sample_ledger), applies 1–4 random mutations (a
cell replaced by hostile text, a cell removed or added, a row duplicated or dropped, the file cut
off mid-row, bytes flipped, a header cell changed, a file removed) and imports it into an empty
store (a copy of one template store). It prints the number of:

* uncaught exceptions — anything but an import or a coded rejection (must be 0);
* rejections with a problem that is not coded or has no file:row location where one belongs
  (must be 0);
* rejections that changed the store (must be 0);

and the accepted / rejected counts. ``tests/test_ledger_fuzz.py`` runs the same mutations a few
hundred times per test run (``mutate`` and ``run_case`` are shared).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from models.contract import Contract
from models.history import HistoryEntry
from services.errors import MESSAGES, LocatedProblem
from services.ledger.files import LedgerFileError
from services.ledger.importer import LedgerError, import_ledger
from services.store import open_store

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample_ledger"
#: Problems about a whole file or contract, rightly without a row.
FILE_LEVEL = {"LEDGER_SECOND_FILE", "LEDGER_TOO_MANY_PARTIES", "LEDGER_UNDECODABLE", "LEDGER_ALREADY_IN_STORE",
              "LEDGER_IGNORED_FILE", "LEDGER_NOT_STORED_YET"}
HOSTILE = ["", "abc", "-100.00", "1" * 31, "9" * 16, "-" + "9" * 16, "云主机\x00", "\x07", "１，２３４．５０", "1e5",
           "2026-13-45", "9999-01-01", "0001-01-01", "=SUM(A1)", "'=1", "NaN", "Infinity", "1.09E+21", "-0",
           "installment:99", "bond:1:return", "event:", "NOPE-1", "甲方", "戊方", "Party F",
           "FREQ=DAILY;COUNT=99999999999", "6%", "0.06", "万元", "1.2万元", "¥", "\"", "\"\"", "\r", "\n",
           "a,b", "x" * 5000, "\u202e", "\ufeff"]


def _split(data: bytes) -> tuple[str, list[str]]:
    text = data.decode("utf-8-sig")
    return text, text.split("\r\n")


def _cell_edit(lines: list[str], rng: random.Random, edit: str) -> None:
    if len(lines) < 2:
        return
    index = rng.randrange(1, len(lines))
    cells = lines[index].split(",")
    position = rng.randrange(len(cells))
    if edit == "replace":
        value = rng.choice(HOSTILE) if rng.random() < 0.8 else "".join(chr(rng.randrange(1, 0x3000))
                                                                       for _ in range(rng.randrange(1, 12)))
        cells[position] = value
    elif edit == "remove":
        del cells[position]
    else:
        cells.insert(position, rng.choice(HOSTILE))
    lines[index] = ",".join(cells)


def mutate(files: dict[str, bytes], rng: random.Random) -> dict[str, bytes]:
    """A mutated copy of ``files`` (name → bytes of the sample ledger's CSV files)."""
    out = dict(files)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        name = rng.choice(sorted(out))
        data = out[name]
        kind = rng.choice(["replace", "replace", "replace", "remove", "insert", "duplicate", "drop_row", "cut",
                           "flip", "header", "drop_file"])
        if kind == "cut":
            out[name] = data[: rng.randrange(len(data) + 1)]
            continue
        if kind == "flip":
            mutable = bytearray(data)
            for _ in range(rng.randint(1, 3)):
                if mutable:
                    mutable[rng.randrange(len(mutable))] = rng.randrange(256)
            out[name] = bytes(mutable)
            continue
        if kind == "drop_file":
            del out[name]
            continue
        try:
            _, lines = _split(data)
        except UnicodeDecodeError:
            continue
        if kind in ("replace", "remove", "insert"):
            _cell_edit(lines, rng, kind)
        elif kind == "duplicate" and len(lines) > 1:
            lines.insert(rng.randrange(1, len(lines)), rng.choice(lines[1:]))
        elif kind == "drop_row" and len(lines) > 2:
            del lines[rng.randrange(1, len(lines))]
        elif kind == "header":
            cells = lines[0].split(",")
            cells[rng.randrange(len(cells))] = rng.choice(["", "x", "数量", "seq", "合同编号", "amount"])
            lines[0] = ",".join(cells)
        out[name] = "\r\n".join(lines).encode("utf-8-sig")
    return out


def sample_files() -> dict[str, bytes]:
    """The sample ledger's files, name → bytes."""
    return {path.name: path.read_bytes() for path in sorted(SAMPLE.glob("*.csv"))}


@dataclass
class Outcome:
    """One case: ``kind`` accepted / rejected / file_error / crash; ``bad``: what broke a rule (empty if none)."""

    kind: str
    bad: list[str] = field(default_factory=list)


def _store_state(store: object) -> tuple[int, int]:
    with store.session() as session:  # type: ignore[attr-defined]
        contracts = session.scalar(select(func.count()).select_from(Contract)) or 0
        history = session.scalar(select(func.count()).select_from(HistoryEntry)) or 0
    return contracts, history


def run_case(files: dict[str, bytes], template: Path, work: Path) -> Outcome:
    """Import ``files`` into a copy of the empty store ``template`` (in folder ``work``); judge the result."""
    if work.exists():
        shutil.rmtree(work)
    ledger = work / "ledger"
    ledger.mkdir(parents=True)
    for name, data in files.items():
        (ledger / name).write_bytes(data)
    shutil.copyfile(template, work / "store.db")
    store = open_store(work / "store.db")
    try:
        before = _store_state(store)
        try:
            import_ledger(store, ledger)
        except LedgerError as exc:
            bad = [f"not coded: {p!r}" for p in exc.problems if not isinstance(p, LocatedProblem)]
            bad += [f"unknown code: {p!r}" for p in exc.problems
                    if isinstance(p, LocatedProblem) and p.code not in MESSAGES]
            bad += [f"no row: {p!r}" for p in exc.problems
                    if isinstance(p, LocatedProblem) and p.row is None and p.code not in FILE_LEVEL]
            bad += [f"not localizable: {p!r}" for p in exc.problems
                    if isinstance(p, LocatedProblem) and not p.localized("zh_CN")]
            if not exc.problems:
                bad.append("rejected without a problem")
            if _store_state(store) != before:
                bad.append("a rejection changed the store")
            return Outcome("rejected", bad)
        except LedgerFileError as exc:
            bad = [] if exc.code in MESSAGES else [f"unknown code {exc.code}"]
            if _store_state(store) != before:
                bad.append("a rejection changed the store")
            return Outcome("file_error", bad)
        except Exception:
            return Outcome("crash", [traceback.format_exc(limit=6)])
        return Outcome("accepted")
    finally:
        store.close()


def make_template(folder: Path) -> Path:
    """An empty, migrated store file to copy for each case."""
    path = folder / "template.db"
    open_store(path).close()
    return path


def _print_counts(done: int, elapsed: float, seed: int, counts: Counter[str], *, flush: bool = False) -> None:
    print(f"{done} mutated ledgers in {elapsed:.0f} s (seed {seed})")
    print(f"  accepted {counts['accepted']}, rejected {counts['rejected']}, unreadable {counts['file_error']}")
    print(f"  uncaught exceptions:               {counts['uncaught']} (must be 0)")
    print(f"  rejections without a location:     {counts['unlocated']} (must be 0)")
    print(f"  rejections that changed the store: {counts['changed']} (must be 0)", flush=flush)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="mutated ledgers (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=3, help="print the first N failures in full")
    parser.add_argument("--every", type=int, default=0,
                        help="also print the running counts every N cases (a long run, niced, can be followed)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = sample_files()
    counts: Counter[str] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        template = make_template(Path(tmp))
        for case in range(args.n):
            outcome = run_case(mutate(base, rng), template, Path(tmp) / "case")
            counts[outcome.kind] += 1
            if outcome.kind == "crash":
                counts["uncaught"] += 1
            for problem in outcome.bad:
                key = ("changed" if "changed the store" in problem else
                       "uncaught" if outcome.kind == "crash" else "unlocated")
                if outcome.kind != "crash":
                    counts[key] += 1
                failures.append(f"case {case}: {problem}")
                if args.every and len(failures) <= args.show:
                    print(failures[-1], flush=True)
            if args.every and (case + 1) % args.every == 0 and case + 1 < args.n:
                _print_counts(case + 1, time.perf_counter() - started, args.seed, counts, flush=True)
    _print_counts(args.n, time.perf_counter() - started, args.seed, counts)
    for failure in failures[: args.show]:
        print(failure)
    return 1 if counts["uncaught"] or counts["unlocated"] or counts["changed"] else 0


if __name__ == "__main__":
    sys.exit(main())
