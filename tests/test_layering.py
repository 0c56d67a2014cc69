"""Layering: models/ and services/ are Qt-free — nothing there imports PySide6 or the ui package,
neither in the source nor at run time (checked in a fresh interpreter) — and no two modules import
each other, directly or round a circle (imports under ``TYPE_CHECKING`` excepted)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import ROOT
from tests.import_graph import cycles, graph, module_name

LAYERS = ("models", "services")

_PROBE = r"""
import importlib, json, pkgutil, sys

imported = []
for package_name in ("models", "services"):
    package = importlib.import_module(package_name)
    imported.append(package_name)
    for info in pkgutil.walk_packages(package.__path__, prefix=package_name + "."):
        name = info.name
        # Alembic's env.py and the version scripts run only inside an Alembic migration context.
        if name == "models.migrations.env" or name.startswith("models.migrations.versions"):
            continue
        importlib.import_module(name)
        imported.append(name)
loaded_ui = sorted(m for m in sys.modules if m == "ui" or m.startswith("ui."))
loaded_qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith(("PySide6.", "shiboken6")))
print(json.dumps({"imported": imported, "ui": loaded_ui, "qt": loaded_qt}))
"""

_IMPORT = re.compile(r"^\s*(?:from\s+(PySide6|shiboken6|ui)\b|import\s+(?:[\w.]+\s*,\s*)*(PySide6|shiboken6|ui)\b)",
                     re.MULTILINE)


def test_importing_models_and_services_loads_no_qt_and_no_ui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    imported = set(report["imported"])
    # the walk really reached every module (so an empty walk cannot pass)
    expected = {module_name(ROOT, path) for layer in LAYERS for path in (ROOT / layer).rglob("*.py")
                if "migrations" not in path.parts}
    assert expected <= imported
    assert {"models.contract", "services.store", "services.ledger.importer"} <= imported
    assert report["qt"] == []
    assert report["ui"] == []


def test_no_source_file_in_models_or_services_imports_qt_or_ui() -> None:
    files = [path for layer in LAYERS for path in sorted((ROOT / layer).rglob("*.py"))]
    assert len(files) >= 10
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in files
        for match in _IMPORT.finditer(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_the_static_check_would_catch_an_import() -> None:
    for line in ("from PySide6.QtCore import Qt", "import PySide6", "from ui.main_window import MainWindow",
                 "import ui", "    from ui import formatting", "import os, PySide6.QtGui"):
        assert _IMPORT.search(line), line
    for line in ("import uiautomation", "from services import ui_text", "# PySide6 is not used here",
                 "from models.base import Base"):
        assert not _IMPORT.search(line), line


def test_no_import_circle_between_modules() -> None:
    edges = graph(ROOT)
    assert {"services.register.contracts", "ui.main_window", "cli.app"} <= edges.keys()
    assert "services.calendar.stored" in edges["services.register.contracts"]
    assert cycles(edges) == [], "modules that import each other (directly or round a circle)"


def test_the_circle_check_finds_a_circle_and_skips_typing_only_imports(tmp_path) -> None:
    package = tmp_path / "services"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from services.b import thing\n")
    (package / "b.py").write_text("def f():\n    from services.c import other\n")
    (package / "c.py").write_text("import services.a\n")
    (package / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from services.a import x\n")
    (package / "e.py").write_text("from services.d import y\n")
    assert cycles(graph(tmp_path)) == [["services.a", "services.b", "services.c"]]
    (package / "d.py").write_text("from services.e import x\n")
    assert cycles(graph(tmp_path)) == [["services.a", "services.b", "services.c"], ["services.d", "services.e"]]
