"""``main.py`` itself: ``--help`` without a command shows the commands (and that the window opens
without one) in the run's language; a reader that stops early ends a command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from tests.conftest import ROOT, SAMPLE_LEDGER


def test_help_without_a_command_lists_the_commands_and_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: contractdesk" in out and "payments" in out and "copy-store" in out
    assert "Without a command, main.py opens the window" in out


def test_help_without_a_command_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["--lang", "zh_CN", "-h"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：contractdesk") and "不带命令时打开合同台账窗口" in out
    assert "usage:" not in out and "Without a command" not in out


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    db = tmp_path / "contracts.db"
    assert main.run_command(["import", str(SAMPLE_LEDGER), "--db", str(db)]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The reader's end is closed before the command has started, so its first write meets a closed pipe
    # (what `main.py list | head -0` does); Python ignores SIGPIPE, so the write raises BrokenPipeError.
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "list", "--db", str(db)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in error and "BrokenPipeError" not in error


def test_a_new_store_is_made_without_a_word_on_stderr(tmp_path: Path) -> None:
    # The migrations' batch copies once printed SQLAlchemy's "Skipped unsupported reflection of
    # expression-based index ix_contracts_search_head" on every new store (models/migrations/env.py).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-W", "default", str(ROOT / "main.py"), "import", str(SAMPLE_LEDGER),
                           "--db", str(tmp_path / "new.db"), "--lang", "en"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("imported 3 new")
    assert done.stderr == ""
