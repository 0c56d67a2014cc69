"""Settings persist between runs (ui/settings.py, QSettings in the user's folder, never the install folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from tests.conftest import ROOT
from ui import i18n, settings


@pytest.fixture
def user_config(qapp, tmp_path: Path) -> Iterator[Path]:
    """QSettings' user folder redirected to tmp_path for this test (never the officer's own)."""
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


@pytest.mark.skipif(sys.platform == "win32", reason="the registry holds native settings on Windows")
def test_values_written_persist_across_settings_objects_and_runs(user_config: Path) -> None:
    # Given the officer's choices, saved
    i18n.settings().setValue(settings.LANGUAGE, "zh_CN")
    settings.set_pdf_font_path(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))
    settings.set_reminder_days(14)
    i18n.settings().sync()
    # Then they are in a file of the user's folder
    path = Path(i18n.settings().fileName())
    assert path.is_relative_to(user_config)
    assert not path.is_relative_to(ROOT)
    # and a new settings object reads them back
    assert i18n.preferred_language() == "zh_CN"
    assert settings.pdf_font_path() == Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    assert settings.reminder_days() == 14
    # and so does the next run of the app (another process, same user folder)
    probe = ("from PySide6.QtCore import QCoreApplication\napp = QCoreApplication([])\n"
             "from ui import i18n, settings\n"
             "print(i18n.preferred_language(), settings.reminder_days(), settings.pdf_font_path())")
    env = {**os.environ, "XDG_CONFIG_HOME": str(user_config)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split() == ["zh_CN", "14", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"]


def test_defaults_and_bad_values(user_config: Path) -> None:
    assert settings.pdf_font_path() is None
    assert settings.reminder_days() == settings.DEFAULT_REMINDER_DAYS
    i18n.settings().setValue(settings.REMINDER_DAYS, "soon")
    assert settings.reminder_days() == settings.DEFAULT_REMINDER_DAYS
    i18n.settings().setValue(settings.REMINDER_DAYS, -3)
    assert settings.reminder_days() == settings.DEFAULT_REMINDER_DAYS
    with pytest.raises(ValueError):
        settings.set_reminder_days(-1)
    settings.set_pdf_font_path(Path("/x.ttf"))
    settings.set_pdf_font_path(None)
    assert settings.pdf_font_path() is None
