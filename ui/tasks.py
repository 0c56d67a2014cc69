"""The one background-task helper: long work off the GUI thread, with late progress and cancel.

Work runs on a single worker thread (the store's lane: SQLite wants one writer at a time).
The GUI thread polls the work's progress and completion on a 100 ms timer, so no Qt object
is ever touched from the worker; a progress dialog appears only if the work takes longer
than half a second. Tests call ``set_synchronous(True)`` to run work inline.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="contractdesk-store")
_SYNCHRONOUS = False
_RUNNING: set[BackgroundTask] = set()


def set_synchronous(value: bool) -> None:
    """Run every task inline on the calling thread (tests), or on the worker (the app)."""
    global _SYNCHRONOUS
    _SYNCHRONOUS = value


class TaskControl:
    """Handed to the work function: report progress, and ask whether the user cancelled.

    Thread-safe: the worker writes, the GUI thread reads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        """Record that ``done`` of ``total`` steps are finished."""
        with self._lock:
            self._done, self._total = done, total

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once the user pressed Cancel; the work should stop and raise."""
        return self._cancel.is_set()


class BackgroundTask(QObject):
    """Run ``work(control)`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` on it.

    ``label`` is shown in the progress dialog (already translated by the caller).
    """

    def __init__(
        self, parent: QWidget, label: str, work: Callable[[TaskControl], Any],
        on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
        *, cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._label = label
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._cancellable = cancellable
        self.control = TaskControl()
        self._future: Future[Any] | None = None
        self._dialog: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self._ticks = 0

    def start(self) -> None:
        """Start the work (inline when synchronous)."""
        if _SYNCHRONOUS:
            future: Future[Any] = Future()
            try:
                future.set_result(self._work(self.control))
            except BaseException as exc:  # handed to on_error, like the threaded path
                future.set_exception(exc)
            self._future = future
            self._finish()
            return
        self._parent.setCursor(Qt.CursorShape.BusyCursor)
        _RUNNING.add(self)
        self._future = _EXECUTOR.submit(self._work, self.control)
        self._timer.start()

    def _poll(self) -> None:
        assert self._future is not None
        self._ticks += 1
        if self._future.done():
            self._finish()
            return
        if self._ticks >= 5 and self._dialog is None:
            self._dialog = QProgressDialog(self._label, self.tr("Cancel") if self._cancellable else "",
                                           0, 0, self._parent)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(0)
            if self._cancellable:
                self._dialog.canceled.connect(self.control.cancel)
            else:
                self._dialog.setCancelButton(None)
            self._dialog.show()
        if self._dialog is not None:
            done, total = self.control.snapshot()
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _finish(self) -> None:
        _RUNNING.discard(self)
        self._timer.stop()
        self._parent.unsetCursor()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        assert self._future is not None
        future, on_done, on_error = self._future, self._on_done, self._on_error
        # Let go of the work and its callbacks now, not at deleteLater: they may hold a dialog the
        # callback closes (WA_DeleteOnClose), whose wrapper must not outlive it.
        self._future = None
        del self._work, self._on_done, self._on_error
        error = future.exception()
        if error is not None:
            on_error(error)
        else:
            on_done(future.result())
        self.deleteLater()


def submit(work: Callable[[], Any]) -> Future[Any]:
    """Run ``work()`` on the store's worker thread (inline when synchronous, as in tests) and return
    its future, for quiet work that needs no progress dialog or busy cursor (the list's count). The
    caller polls the future on the GUI thread."""
    if _SYNCHRONOUS:
        future: Future[Any] = Future()
        try:
            future.set_result(work())
        except BaseException as exc:  # handed to the caller through the future
            future.set_exception(exc)
        return future
    return _EXECUTOR.submit(work)


def idle() -> bool:
    """True when no background task is running or waiting for its callback (the start-up bench)."""
    return not _RUNNING


def run_task(
    parent: QWidget, label: str, work: Callable[[TaskControl], Any],
    on_done: Callable[[Any], None], on_error: Callable[[BaseException], None], *, cancellable: bool = True,
) -> BackgroundTask:
    """Start a ``BackgroundTask`` and return it (see its docstring)."""
    task = BackgroundTask(parent, label, work, on_done, on_error, cancellable=cancellable)
    task.start()
    return task


#: ``after_first_paint`` runs its work at the latest this long after the window asked (milliseconds),
#: painted or not.
FIRST_PAINT_FALLBACK_MS = 1500


class _AfterFirstPaint(QObject):
    """See ``after_first_paint``."""

    def __init__(self, window: QWidget, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._work: Callable[[], None] | None = work
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self._never_shown)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _never_shown(self) -> None:
        window = self.parent()
        if isinstance(window, QWidget) and not window.isVisible():  # never shown (tests): nothing to wait for
            self._run()

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        window = self.parent()
        if isinstance(window, QWidget):
            window.removeEventFilter(self)
        work()


def after_first_paint(window: QWidget, work: Callable[[], None]) -> None:
    """Call ``work()`` on the GUI thread once ``window`` has painted for the first time, so start-up
    work (the deadlines behind the start-up notice, the day's backup) never delays the first paint
    (issue 18). A window not shown when the event loop starts (tests) gets it at once; at the latest
    after ``FIRST_PAINT_FALLBACK_MS``. Called once."""
    _AfterFirstPaint(window, work)
