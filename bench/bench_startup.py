"""Start-up benchmark (issue 18): start to the first painted contract list, against a bare PySide6 window.

    uv run python bench/bench_startup.py                      # 10,000 and 100,000 contracts, 5 turns each
    uv run python bench/bench_startup.py --n 10000 --runs 3
    uv run python bench/bench_startup.py --keep /tmp/startup  # keep the stores (bench-N.db) for the next run

Each turn starts two fresh processes in turn (A, B, A, B …) on the same store:

* **app** — ``ui.app.run_app`` as ``main.py --db STORE`` runs it (Qt's offscreen platform).
* **bare** — the floor: a ``QMainWindow`` with a ``QTableView`` over a 40-row ``QAbstractTableModel``
  whose rows come from one plain ``sqlite3`` SELECT of the same store (number, title, counterparty,
  total, term).

Both processes import PySide6's widgets and create the ``QApplication`` the same way (an event filter
on it sees the first paint of a table's viewport that shows rows) before anything else, so what differs
is only what each does to get its list on screen. Measured per process, from the parent's ``Popen``:

* ``paint`` — seconds to the end of the first paint of a table showing rows (the contract list);
* ``main`` — the app only: to the end of the first paint of the real main window's list (the early
  window's successor, SQLAlchemy and the services loaded): from then on the officer's first keystroke
  is answered within its goal. ``main − paint`` is what that first action would wait if SQLAlchemy
  were loaded only then (the memory goal's price; bench/README.md, "Memory: measured again");
* ``ready`` — the app only: until the start-up work (the deadlines behind the start-up notice, the
  day's backup) has finished — that is when memory is read;
* ``rss`` — peak resident memory (``VmHWM``) at ``ready``;
* ``exit`` — from asking the window to close at ``ready`` … and, separately, ``exit-early``: closing
  the window right at the first paint, while the start-up work still runs (it must not hold the exit).

Goals (issue 18): paint ≤ 2× bare; peak RSS ≤ 1.5× (bare + one connection's SQLite page cache, the
default ``cache_size`` of 2,000 KiB: the bare window's own connection reads a few pages); exit-early ≤ 1 s.
Exits 1 when a goal is missed.

``CONTRACTDESK_BENCH_TRACE=1`` in a child's environment dumps every thread's stack every 0.3 s
after the window is closed: where an exit waits.

Byte code: the machine's environment may set ``PYTHONDONTWRITEBYTECODE``, which makes every start
compile every module from source (SQLAlchemy alone: ~1.2 s instead of ~0.5 s). An installed app has
its ``.pyc`` files, so the children run without that variable, after one untimed warm-up each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAINT_RATIO_GOAL = 2.0
RSS_RATIO_GOAL = 1.5
EXIT_EARLY_GOAL_S = 1.0
#: SQLite's default page cache per connection (PRAGMA cache_size = -2000: 2,000 KiB).
PAGE_CACHE_KB = 2000


# ----- the child processes -------------------------------------------------------------------------

def _child(kind: str, db: str, close_at: str) -> int:
    """Run one start (``kind`` app|bare) and print ``paint <s>``, ``ready <s> <rss KB>`` on stdout
    (seconds since ``CONTRACTDESK_BENCH_T0``)."""
    t0 = float(os.environ["CONTRACTDESK_BENCH_T0"])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([sys.argv[0]])
    state = {"painted": False, "main": False}

    def say(*words: object) -> None:
        print(*words, flush=True)

    def ready() -> None:
        say("ready", f"{time.time() - t0:.4f}", _peak_rss_kb())
        say("closing", f"{time.time() - t0:.4f}")
        for widget in QApplication.topLevelWidgets():
            widget.close()
        app.quit()

    def app_ready() -> bool:
        if "ui.main_window" not in sys.modules:  # not imported here: the app imports it when it takes over
            return False
        from ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            return False
        from ui import tasks

        source = windows[0].calendar_feature.source
        idle = getattr(tasks, "idle", lambda: True)  # (a checkout before tasks.idle: the "before" figures)
        return (source.loaded or getattr(source, "due_counts", None) is not None) and idle()

    def wait_ready() -> None:
        if kind == "bare" or app_ready():
            ready()
        else:
            QTimer.singleShot(20, wait_ready)

    def painted() -> None:
        say("paint", f"{time.time() - t0:.4f}")
        if close_at == "paint":
            say("ready", f"{time.time() - t0:.4f}", _peak_rss_kb())
            say("closing", f"{time.time() - t0:.4f}")
            if os.environ.get("CONTRACTDESK_BENCH_TRACE"):  # where the exit waits: every thread's stack
                import faulthandler

                faulthandler.dump_traceback_later(0.3, repeat=True)
            for widget in QApplication.topLevelWidgets():
                widget.close()
            app.quit()
        else:
            wait_ready()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not state["main"] and event.type() == QEvent.Type.Paint and isinstance(watched.parent(), QTableView) \
                    and type(watched.parent().window()).__name__ == "MainWindow":
                state["main"] = True  # (ui.main_window.MainWindow: not imported here before the app does)
                say("main", f"{time.time() - t0:.4f}")
            if not state["painted"] and event.type() == QEvent.Type.Paint:
                view = watched.parent()
                if isinstance(view, QTableView) and view.viewport() is watched and view.isVisible() \
                        and view.model() is not None and view.model().rowCount() > 0:
                    state["painted"] = True
                    QTimer.singleShot(0, painted)  # after this paint has been done
            return False

    watch = FirstPaint()
    app.installEventFilter(watch)
    if kind == "bare":
        return _bare_window(app, db)
    sys.path.insert(0, str(ROOT))
    from ui.app import run_app

    return run_app(["--db", db])


def _peak_rss_kb() -> int:
    """This process's peak resident memory in KiB (``VmHWM``: unlike ``ru_maxrss``, it does not carry
    the parent's peak over the fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def _bare_window(app: object, db: str) -> int:
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    connection = sqlite3.connect(db)
    rows = connection.execute(
        "SELECT contract_no, title, counterparty, total_amount, start_date || '..' || end_date FROM contracts "
        "ORDER BY contract_no LIMIT 40").fetchall()
    headers = ["No.", "Title", "Counterparty", "Total", "Term"]
    ROOT_INDEX = QModelIndex()

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT_INDEX) -> int:
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT_INDEX) -> int:
            return 0 if parent.isValid() else len(headers)

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                value = rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

        def headerData(self, section: int, orientation: Qt.Orientation,
                       role: int = Qt.ItemDataRole.DisplayRole) -> object:
            if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                return headers[section]
            return None

    window = QMainWindow()
    view = QTableView()
    model = Model()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1200, 720)
    window.show()
    assert isinstance(app, QApplication)
    return app.exec()


# ----- the parent ---------------------------------------------------------------------------------

def _run(kind: str, db: Path, env: dict[str, str], close_at: str) -> dict[str, float]:
    env = dict(env, CONTRACTDESK_BENCH_T0=repr(time.time()))
    started = time.time()
    process = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--db", str(db), "--close-at", close_at],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    ended = time.time()
    found: dict[str, float] = {}
    t0 = float(env["CONTRACTDESK_BENCH_T0"])
    for line in process.stdout.splitlines():
        words = line.split()
        if words and words[0] in ("paint", "main", "ready", "closing"):
            found[words[0]] = float(words[1])
            if words[0] == "ready":
                found["rss"] = float(words[2])
    if process.returncode != 0 or "paint" not in found:
        raise SystemExit(f"{kind} start failed ({process.returncode}):\n{process.stdout}\n{process.stderr[-3000:]}")
    found["exit"] = ended - t0 - found["closing"]
    found["total"] = ended - started
    return found


def _stores(keep: Path | None, sizes: list[int]) -> dict[int, Path]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_list import prepare_store

    folder = keep or Path(tempfile.mkdtemp(prefix="contractdesk-startup-"))
    folder.mkdir(parents=True, exist_ok=True)
    stores = {}
    for n in sizes:
        path, how = prepare_store(folder / f"bench-{n}.db", n)
        print(f"store {n:,}: {path} ({how})", flush=True)
        stores[n] = path
    return stores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder for the stores, reused next time")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--close-at", choices=("paint", "ready"), default="ready", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child, args.db, args.close_at)

    stores = _stores(args.keep, args.n)
    home = Path(tempfile.mkdtemp(prefix="contractdesk-startup-home-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"), CONTRACTDESK_DB="")
    env.pop("CONTRACTDESK_DB")
    failures: list[str] = []
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    for n, db in stores.items():
        for kind in ("app", "bare"):  # warm-up: byte code written, the day's backup taken, files cached
            _run(kind, db, env, "ready")
        app_runs, bare_runs, early_runs = [], [], []
        for _ in range(args.runs):
            app_runs.append(_run("app", db, env, "ready"))
            bare_runs.append(_run("bare", db, env, "ready"))
            early_runs.append(_run("app", db, env, "paint"))

        def med(runs: list[dict[str, float]], key: str) -> float:
            return statistics.median(r[key] for r in runs)

        paint_app, paint_bare = med(app_runs, "paint"), med(bare_runs, "paint")
        rss_app, rss_bare = med(app_runs, "rss") / 1024, med(bare_runs, "rss") / 1024
        rss_floor = rss_bare + PAGE_CACHE_KB / 1024
        exit_early = max(r["exit"] for r in early_runs)
        print(f"\nN = {n:,} contracts, {args.runs} turns (medians)")
        print(f"  first painted list   app {paint_app:6.3f} s   bare {paint_bare:6.3f} s   "
              f"ratio {paint_app / paint_bare:5.2f}   goal ≤ {PAINT_RATIO_GOAL}")
        print(f"  real window painted  app {med(app_runs, 'main'):6.3f} s   (after the early window: "
              f"{statistics.median(r['main'] - r['paint'] for r in app_runs):.3f} s)")
        print(f"  start-up work done   app {med(app_runs, 'ready'):6.3f} s")
        print(f"  peak RSS at ready    app {rss_app:6.1f} MB  bare {rss_bare:6.1f} MB + page cache "
              f"{PAGE_CACHE_KB / 1024:.1f} MB   ratio {rss_app / rss_floor:5.2f}   goal ≤ {RSS_RATIO_GOAL}")
        print(f"  exit after ready     app {med(app_runs, 'exit'):6.3f} s   bare {med(bare_runs, 'exit'):6.3f} s")
        print(f"  exit at first paint  app {med(early_runs, 'exit'):6.3f} s (max {exit_early:.3f})   "
              f"goal ≤ {EXIT_EARLY_GOAL_S} s")
        if paint_app > PAINT_RATIO_GOAL * paint_bare:
            failures.append(f"{n}: first paint {paint_app / paint_bare:.2f}× bare")
        if rss_app > RSS_RATIO_GOAL * rss_floor:
            failures.append(f"{n}: peak RSS {rss_app / rss_floor:.2f}× floor")
        if exit_early > EXIT_EARLY_GOAL_S:
            failures.append(f"{n}: exit while start-up work runs took {exit_early:.2f} s")
    print(f"\nload average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for failure in failures:
        print(f"MISSED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
