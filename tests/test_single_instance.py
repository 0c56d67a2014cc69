"""One running ContractDesk per store (ui/single_instance.py): two instances in this process play the
running app and a second start; stale locks and sockets left by a crash are taken over; and, end to
end, a second ``main.py`` on the same store exits 0 and the first brings its window forward."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QWidget

from tests.conftest import ROOT
from ui import startup
from ui.single_instance import InstanceUnreachable, SingleInstance, bring_forward, instance_key


@pytest.fixture
def key(tmp_path: Path) -> Iterator[str]:
    """The key of a store in this test's folder; its socket is removed afterwards."""
    name = instance_key(tmp_path / "contracts.db")
    yield name
    QLocalServer.removeServer(name)


def _second_start(key: str, lock_dir: Path, method: str = "acquire") -> subprocess.Popen[str]:
    """A later start in its own process, as a double-click makes it (Qt objects must stay on the
    thread that made them: a second start on a Python thread of this process crashed teardown)."""
    script = ("import sys\nfrom pathlib import Path\nfrom PySide6.QtCore import QCoreApplication\n"
              "from ui.single_instance import SingleInstance\napp = QCoreApplication([])\n"
              "start = SingleInstance(sys.argv[1], lock_dir=Path(sys.argv[2]))\n"
              f"print(start.{method}(timeout_ms=5000))\n")
    return subprocess.Popen([sys.executable, "-c", script, key, str(lock_dir)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _claim_in_another_process(db: Path, *, raise_running: bool = True) -> subprocess.Popen[str]:
    """``startup.claim_store`` in a second process, as a second double-click runs it."""
    script = ("import sys\nfrom PySide6.QtWidgets import QApplication\nfrom ui import startup\n"
              "app = QApplication([])\n"
              f"print(startup.claim_store(sys.argv[1], raise_running={raise_running}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-c", script, str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _answer(qtbot, process: subprocess.Popen[str]) -> str:
    """Let this process's event loop answer until the second start exits; its printed result."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=20000)
    out, err = process.communicate()
    assert process.returncode == 0, err
    return out.strip()


def test_key_depends_on_the_store_and_the_user_not_on_the_spelling(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "a" / "contracts.db"
    assert instance_key(store) == instance_key(tmp_path / "a" / ".." / "a" / "contracts.db")
    assert instance_key(store) == instance_key(Path("a/contracts.db"))
    assert instance_key(store) != instance_key(tmp_path / "b" / "contracts.db")
    assert instance_key(store, user="alice") != instance_key(store, user="bob")
    assert instance_key(store).startswith("contractdesk-")
    assert len(instance_key(store)) < 60  # socket paths have a length limit


def test_second_start_brings_the_first_forward(qtbot, key: str, tmp_path: Path) -> None:
    # Given a running start
    first = SingleInstance(key, lock_dir=tmp_path)
    assert first.acquire() is True
    assert first.server is not None and first.server.isListening()
    # When a second start on the same store asks
    with qtbot.waitSignal(first.activated, timeout=20000):
        result = _answer(qtbot, _second_start(key, tmp_path))
    # Then the second learns it must not open the store, and the first was asked to come forward
    assert result == "False"
    # and asking again works as often as the officer double-clicks
    with qtbot.waitSignal(first.activated, timeout=20000):
        again = _answer(qtbot, _second_start(key, tmp_path, "send_raise"))
    assert again == "True"
    first.release()


def test_after_the_first_exits_the_next_start_is_first_again(key: str, tmp_path: Path) -> None:
    first = SingleInstance(key, lock_dir=tmp_path)
    assert first.acquire()
    first.release()
    assert not (tmp_path / f"{key}.lock").exists()
    following = SingleInstance(key, lock_dir=tmp_path)
    assert following.acquire() is True
    following.release()


def test_different_stores_do_not_interfere(tmp_path: Path) -> None:
    one = SingleInstance(instance_key(tmp_path / "one.db"), lock_dir=tmp_path)
    two = SingleInstance(instance_key(tmp_path / "two.db"), lock_dir=tmp_path)
    try:
        assert one.acquire() is True
        assert two.acquire() is True
    finally:
        one.release()
        two.release()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_socket_file_left_by_a_crash_is_removed(qtbot, key: str, tmp_path: Path) -> None:
    # Given the socket file of a start that crashed (nobody listens on it, no lock held)
    path = Path(QDir.tempPath()) / key
    path.unlink(missing_ok=True)
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(path))
    leftover.close()
    assert path.exists()
    # When the app starts, it takes over and listens
    first = SingleInstance(key, lock_dir=tmp_path)
    assert first.acquire() is True
    assert first.server is not None and first.server.isListening()
    # and a second start reaches it
    with qtbot.waitSignal(first.activated, timeout=20000):
        result = _answer(qtbot, _second_start(key, tmp_path))
    assert result == "False"
    first.release()


def test_a_lock_left_by_a_dead_process_is_taken_over(key: str, tmp_path: Path) -> None:
    # Given a lock file whose process exited without releasing it
    lock = tmp_path / f"{key}.lock"
    script = ("import os, sys\nfrom PySide6.QtCore import QLockFile\n"
              "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
              "assert lock.tryLock(0)\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(lock)], check=True, timeout=60)
    assert lock.exists()
    # When the app starts, the lock is stale and taken over
    first = SingleInstance(key, lock_dir=tmp_path)
    assert first.acquire() is True
    first.release()


def test_a_running_start_that_does_not_answer_is_reported(key: str, tmp_path: Path) -> None:
    first = SingleInstance(key, lock_dir=tmp_path)
    assert first.acquire()
    assert first.server is not None
    first.server.close()  # holds the lock but no longer listens (hung, or still starting)
    started = time.monotonic()
    with pytest.raises(InstanceUnreachable):
        SingleInstance(key, lock_dir=tmp_path).acquire(timeout_ms=300)
    assert time.monotonic() - started < 5
    first.release()


def test_bring_forward_restores_a_minimised_window(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_forward(window)
    assert window.isVisible()
    assert not window.windowState() & Qt.WindowState.WindowMinimized


def test_claim_store_exits_0_when_the_store_is_open_elsewhere(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "claimed.db"
    first = startup.claim_store(db)
    assert isinstance(first, SingleInstance)
    try:
        with qtbot.waitSignal(first.activated, timeout=20000):
            assert _answer(qtbot, _claim_in_another_process(db)) == "0"
        # --screenshot never stands in for the running window
        assert _answer(qtbot, _claim_in_another_process(db, raise_running=False)) == "1"
    finally:
        first.release()
        QLocalServer.removeServer(first.key)


def test_second_main_py_on_the_same_store_exits_0_and_raises_the_first(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONTRACTDESK_LOG_DIR": str(tmp_path / "logs")}
    db = tmp_path / "shared.db"
    command = [sys.executable, "main.py", "--db", str(db)]
    first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = tmp_path / "logs" / "contractdesk.log"
    try:
        deadline = time.monotonic() + 60
        while not (db.exists() and log.exists() and "started" in log.read_text("utf-8")):
            assert first.poll() is None, "the first start exited"
            assert time.monotonic() < deadline, "the first start did not come up"
            time.sleep(0.1)
        second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert second.returncode == 0, second.stderr
        while "window brought forward" not in log.read_text("utf-8"):
            assert time.monotonic() < deadline, log.read_text("utf-8")
            time.sleep(0.1)
        assert first.poll() is None  # the first keeps running
    finally:
        first.terminate()
        first.wait(timeout=30)
        QLocalServer.removeServer(instance_key(db))
        Path(QDir.tempPath(), f"{instance_key(db)}.lock").unlink(missing_ok=True)
