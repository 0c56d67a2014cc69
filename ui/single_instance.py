"""One running ContractDesk per store: a second start brings the running window forward instead.

The first start on a store takes a lock file and listens on a local socket (``QLocalServer``;
a named pipe on Windows), both named after a hash of the user and the store's resolved path.
A later start on the same store finds the lock taken, connects, sends ``raise``, waits for
``ok`` and exits; the running one emits ``activated`` and brings its window forward. A lock
left by a crashed start (its process is gone) is taken over, and a socket file it left is
removed (``QLocalServer.removeServer``) before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise"
ACK = b"ok"


class InstanceUnreachable(Exception):
    """Another start holds the store's lock but does not answer."""


def instance_key(store_path: str | os.PathLike[str], user: str | None = None) -> str:
    """The lock and socket name for ``store_path`` and ``user`` (default: the current user)."""
    if user is None:
        try:
            user = getpass.getuser()
        except (OSError, KeyError):  # no login name (some containers)
            user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    path = os.path.normcase(str(Path(store_path).expanduser().resolve()))
    digest = hashlib.sha256(f"{user}\0{path}".encode()).hexdigest()[:24]
    return f"contractdesk-{digest}"


def bring_forward(window: QWidget) -> None:
    """Show ``window`` un-minimised, on top and active."""
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The single-instance rule for one key (see ``instance_key``).

    ``acquire()`` returns True in the first start (which then listens and emits ``activated``
    whenever a later start asks), False in a later start once the first has answered.
    """

    activated = Signal()

    def __init__(self, key: str, *, lock_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.lock_path = (lock_dir or Path(QDir.tempPath())) / f"{key}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # held as long as the app runs: stale only when its process is gone
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def acquire(self, *, timeout_ms: int = 5000) -> bool:
        """Take the rule: True if this is the first start, False if the running one came forward.

        Raises ``InstanceUnreachable`` if another start holds the lock but does not answer
        within ``timeout_ms`` (it may be starting; the call retries until then).
        """
        if self._lock.tryLock(0):
            self._listen()
            return True
        if self.send_raise(timeout_ms=timeout_ms):
            return False
        raise InstanceUnreachable(self.key)

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # We hold the lock, so nobody listens: a socket file left by a crashed start.
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                logging.getLogger("contractdesk").warning("single instance: cannot listen on %s: %s",
                                                          self.key, server.errorString())
                return
        server.newConnection.connect(self._accept)
        self.server = server

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        *lines, rest = data.split(b"\n")
        self._buffers[socket] = rest
        for line in lines:
            if line.strip() == RAISE:
                socket.write(ACK + b"\n")
                socket.flush()
                self.activated.emit()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def send_raise(self, *, timeout_ms: int = 5000, retry_ms: int = 100) -> bool:
        """Ask the running start to come forward; True once it answered ``ok``.

        Blocking (used before the event loop runs, or from a thread without one).
        """
        if sys.platform == "win32":  # let the running process take the foreground
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]
        socket = QLocalSocket()
        waited = 0
        while True:
            socket.connectToServer(self.key)
            if socket.waitForConnected(retry_ms):
                break
            socket.abort()
            waited += retry_ms
            if waited >= timeout_ms:
                return False
            time.sleep(retry_ms / 1000)  # the first start may not listen yet
        try:
            socket.write(RAISE + b"\n")
            if not _wait(lambda ms: socket.bytesToWrite() == 0 or socket.waitForBytesWritten(ms), timeout_ms):
                return False
            answer = b""
            while b"\n" not in answer:
                if not _wait(socket.waitForReadyRead, timeout_ms):
                    return False
                answer += bytes(socket.readAll().data())
            return answer.split(b"\n", 1)[0].strip() == ACK
        finally:
            socket.disconnectFromServer()

    def release(self) -> None:
        """Stop listening and free the lock (at exit)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        self._lock.unlock()


def _wait(wait_for: Callable[[int], bool], timeout_ms: int, step_ms: int = 20) -> bool:
    """Call a blocking ``waitFor…(ms)`` in short steps until it succeeds or ``timeout_ms`` passed.

    Short steps let other Python threads run in between (the call may hold the GIL), so a
    running instance in this same process (tests) can answer.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        if wait_for(step_ms):
            return True
        if time.monotonic() >= deadline:
            return False
