"""Help → About (ui/about.py): the version (kept equal to pyproject's), the store's path, and a licence
line for every component the app ships."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement

from tests.conftest import ROOT, FakeDialogs
from ui import about
from ui.main_window import MainWindow
from ui.version import __version__

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_version_is_pyprojects() -> None:
    assert __version__ == PYPROJECT["project"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def _runtime_distributions() -> set[str]:
    """The project's dependencies and theirs, as installed here (normalised names)."""
    seen: set[str] = set()
    todo = [Requirement(text) for text in PYPROJECT["project"]["dependencies"]]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if name in seen:
            continue
        seen.add(name)
        todo += [Requirement(text) for text in metadata.requires(requirement.name) or []]
    return seen


def test_every_bundled_distribution_has_a_licence_line() -> None:
    listed = {re.sub(r"[-_.]+", "-", c.distribution).lower() for c in about.COMPONENTS if c.distribution}
    missing = _runtime_distributions() - listed
    assert not missing, f"add these to ui/about.py COMPONENTS (and the spec's BUNDLED): {sorted(missing)}"
    assert all(c.licence for c in about.COMPONENTS)
    assert {c.name: c.licence for c in about.COMPONENTS}["PySide6"] == "LGPL-3.0-only"
    assert all(c.version() for c in about.COMPONENTS), [c.name for c in about.COMPONENTS if not c.version()]


def test_spec_ships_the_metadata_of_every_component() -> None:
    spec = (ROOT / "packaging" / "contractdesk.spec").read_text("utf-8")
    for component in about.COMPONENTS:
        if component.distribution:
            assert f'"{component.distribution}"' in spec, component.distribution


def test_help_about_shows_version_store_and_licences(qtbot, store) -> None:
    window = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window._hand_over_store = True
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    assert window.about_action.text() == "&About ContractDesk"
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert not dialog.isModal()
    labels = [label.text() for label in dialog.findChildren(about.QLabel)]
    assert f"ContractDesk {__version__}" in labels
    assert str(store.path) in labels
    assert dialog.paths["store"] == str(store.path)
    text = dialog.licences.toPlainText()
    for name in ("Qt", "PySide6", "SQLAlchemy", "Alembic", "ReportLab", "Babel", "python-dateutil", "platformdirs",
                 "charset-normalizer", "cn2an"):
        assert name in text
    assert "LGPL-3.0-only" in text
    assert "MIT" in text
    assert about.QT_SOURCE in text
    assert str(about.LICENCES) in text
    assert {"LGPL-3.0.txt", "GPL-3.0.txt", "Python-PSF-2.0.txt"} <= {p.name for p in about.LICENCES.iterdir()}
    dialog.close()
