"""The background-task helper on a real worker thread: result, error, progress and cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from ui import tasks


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot, parent):
    seen = {}

    def work(control: tasks.TaskControl) -> int:
        seen["worker"] = threading.current_thread()
        control.progress(1, 1)
        return 42

    results: list[object] = []
    tasks.run_task(parent, "work", work, lambda r: results.append((r, threading.current_thread())),
                   lambda e: results.append(e))
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    value, thread = results[0]
    assert value == 42
    assert seen["worker"] is not threading.main_thread()
    assert thread is threading.main_thread()


def test_an_exception_in_the_work_reaches_on_error(qtbot, parent):
    errors: list[BaseException] = []

    def work(_control: tasks.TaskControl) -> None:
        raise ValueError("bad ledger")

    tasks.run_task(parent, "work", work, lambda r: pytest.fail("no result expected"), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert str(errors[0]) == "bad ledger"


def test_cancel_is_seen_by_the_work_and_a_late_progress_dialog_appears(qtbot, parent):
    started = threading.Event()
    errors: list[BaseException] = []

    def work(control: tasks.TaskControl) -> None:
        started.set()
        for step in range(200):
            if control.cancelled():
                raise RuntimeError("cancelled")
            control.progress(step, 200)
            threading.Event().wait(0.01)

    task = tasks.run_task(parent, "long work", work, lambda r: None, errors.append)
    assert started.wait(2)
    qtbot.waitUntil(lambda: task._dialog is not None, timeout=3000)  # shown after ~0.5 s
    assert task._dialog.labelText() == "long work"
    [cancel_button] = task._dialog.findChildren(QPushButton)
    cancel_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert str(errors[0]) == "cancelled"


def test_synchronous_mode_runs_inline(parent):
    tasks.set_synchronous(True)
    try:
        results: list[object] = []
        tasks.run_task(parent, "x", lambda c: threading.current_thread(), results.append, results.append)
        assert results == [threading.current_thread()]
    finally:
        tasks.set_synchronous(False)
