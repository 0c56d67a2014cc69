"""The packaging files stay consistent with the code (no build here: .ci/run builds and smoke-tests
the app after the tests, see packaging/smoke_test.sh)."""

from __future__ import annotations

import configparser
import re
import struct
import tomllib

from PySide6.QtGui import QImage

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_gui_script_entry_point_and_wheel_contents() -> None:
    assert PYPROJECT["project"]["gui-scripts"] == {"contractdesk": "main:main"}
    included = set(PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["only-include"])
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench", "docs"}
    assert packages <= included, f"add to [tool.hatch.build.targets.wheel] only-include: {packages - included}"
    assert {"main.py", "resources"} <= included


def test_spec_bundles_resources_and_the_alembic_scripts() -> None:
    spec = (PACKAGING / "contractdesk.spec").read_text("utf-8")
    compile(spec, "contractdesk.spec", "exec")
    assert 'data_files("resources")' in spec
    assert 'data_files("models/migrations", skip_suffixes=(".pyc",))' in spec  # .py files kept: Alembic loads them
    assert "console=False" in spec
    assert "contractdesk.ico" in spec


def test_desktop_entry_points_at_the_installed_binary() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keep key case
    entry.read(PACKAGING / "linux" / "contractdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "/opt/contractdesk/contractdesk"
    assert desktop["Icon"] == "contractdesk"
    assert desktop["Terminal"] == "false"
    assert desktop["Name[zh_CN]"] == "合同台账"
    assert "Office;" in desktop["Categories"]


def test_icons_have_their_sizes() -> None:
    for size in (16, 32, 48, 64, 128, 256):
        image = QImage(str(ROOT / "resources" / "icons" / f"contractdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    ico = (ROOT / "resources" / "icons" / "contractdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    assert count >= 5


def test_deb_depends_on_what_the_readme_installs() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    apt_line = re.search(r"apt-get install -y (.+)", readme)
    assert apt_line is not None
    build_deb = (PACKAGING / "build_deb.sh").read_text("utf-8")
    for package in apt_line.group(1).split():
        assert package in build_deb, package
    for path in ("/opt/contractdesk", "/usr/share/applications/contractdesk.desktop", "hicolor/${size}x${size}/apps"):
        assert path in build_deb


def test_build_output_is_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text("utf-8").split()
    assert "/dist/" in ignored
    assert "/build/" in ignored
