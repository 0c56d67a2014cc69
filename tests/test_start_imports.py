"""What the main window loads before the officer asks for a feature (issue 18: start-up work and
memory): the spreadsheet readers and writers, the PDF library and the .ics writer load on first use;
and what the running app holds once its list is painted and its start-up work done: not SQLAlchemy's
PostgreSQL dialect on a SQLite register, not the lunar calendar nor babel's dates unless a deadline
needs them, not the source lines PySide6's import hook reads."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from services.register import contracts
from services.register.contract_data import ContractData, InstallmentData, PartyData
from services.store import Store
from tests.conftest import ROOT

_PROBE = """
import json, sys
import ui.main_window
print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))
"""


def test_the_main_window_loads_no_feature_library_up_front() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert {"PySide6", "sqlalchemy", "models"} <= loaded  # the probe did load the window
    assert not loaded & {"openpyxl", "xlrd", "reportlab", "icalendar", "charset_normalizer", "alembic", "psycopg"}


#: Libraries no feature the list and the start-up work use needs (the first test's, and more).
_NOT_AT_START = ("openpyxl", "xlrd", "reportlab", "icalendar", "charset_normalizer", "alembic", "psycopg",
                 "sqlalchemy.dialects.postgresql", "lunar_python", "babel.dates")

_RUN_TO_READY = """
import json, linecache, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])

def ready():
    from ui import tasks
    from ui.main_window import MainWindow
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    early = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "EarlyWindow" and w.isVisible()]
    if windows and not early and windows[0].calendar_feature.source.due_counts is not None and tasks.idle():
        print(json.dumps({"modules": sorted(sys.modules), "lines": len(linecache.cache),
                          "counts": windows[0].calendar_feature.source.counts()}), flush=True)
        windows[0].close()
        app.quit()
    else:
        QTimer.singleShot(50, ready)

def poll():
    if "ui.main_window" in sys.modules:
        ready()
    else:
        QTimer.singleShot(50, poll)

QTimer.singleShot(0, poll)
from ui.app import run_app
sys.exit(run_app(["--db", sys.argv[1]]))
"""


def test_the_started_app_holds_no_library_its_list_and_start_up_work_do_not_need(store: Store, tmp_path: Path) -> None:
    """The app started on a SQLite register (the early window, then the main window), once its start-up
    work (the deadline counts behind the notice, the daily backup) is done."""
    with store.session(write=True) as session:
        for number in range(30):
            data = ContractData(contract_no=f"M-{number:03d}", title=f"运维服务 {number}",
                                total_amount=Decimal(1000 + number), sign_date=dt.date(2025, 1, 2),
                                start_date=dt.date(2025, 1, 2), end_date=dt.date(2030, 12, 31))
            data.parties = [PartyData(role="甲方", name="某局"), PartyData(role="乙方", name=f"供应商 {number}")]
            data.installments = [InstallmentData(seq=1, name="首付款", amount=Decimal(500),
                                                 due_date=dt.date(2025, 3, 1))]
            contracts.save(session, data)
    store.close()
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _RUN_TO_READY, str(store.path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, check=False, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    modules = set(found["modules"])
    assert {"sqlalchemy.orm", "models.overview_figures", "services.calendar.agenda"} <= modules  # it did start
    assert found["counts"][0] == 30  # the start-up work ran: every contract's first payment is overdue
    loaded = {name for name in modules if name.startswith(_NOT_AT_START)}
    assert not loaded, sorted(loaded)
    assert found["lines"] < 30, "linecache keeps the sources PySide6's import hook read"
