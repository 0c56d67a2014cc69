"""What the main window loads before the officer asks for a feature (issue 18: start-up work and
memory): the spreadsheet readers and writers, the PDF library and the .ics writer load on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
