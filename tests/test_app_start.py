"""Starting the window as the installed app does (``main.py`` in a fresh process, offscreen): the
``--screenshot`` smoke test that .ci/run also runs on the built bundle, logging to the log folder."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_screenshot_opens_the_window_on_a_fresh_store_and_exits_0(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONTRACTDESK_LOG_DIR": str(tmp_path / "logs")}
    shot = tmp_path / "out" / "shot.png"
    result = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "t.db"), "--lang", "en",
                             "--screenshot", str(shot)], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 720)
    assert len(data) > 5000
    assert (tmp_path / "t.db").exists()  # migrated to head
    log = (tmp_path / "logs" / "contractdesk.log").read_text("utf-8")
    assert "started: ContractDesk" in log
    assert "ERROR" not in log
    assert (tmp_path / "logs" / "faulthandler.log").exists()


def test_an_unwritable_log_folder_does_not_keep_the_window_from_opening(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be", "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONTRACTDESK_LOG_DIR": str(blocker / "logs")}
    shot = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "t.db"), "--screenshot", str(shot)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert shot.exists()
    assert f"warning: no log file in {blocker / 'logs'}" in result.stderr
