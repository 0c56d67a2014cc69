"""Start-up work off the first paint (issue 18): the notice's counts without every deadline in memory,
work after the first paint, and a computation that stops when the window closes."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtWidgets import QWidget

from services.calendar import agenda
from services.calendar.due_counts import DueCounts
from services.ledger.importer import import_ledger
from tests.conftest import SAMPLE_LEDGER
from ui import tasks

TODAY = dt.date(2026, 6, 1)


def test_deadline_counts_equal_the_counts_of_every_deadline(store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    for today in (dt.date(2025, 9, 1), TODAY, dt.date(2027, 3, 1)):
        with store.session() as session:
            items = agenda.all_deadlines(session, today=today, reminder_days=30)
            counts = agenda.deadline_counts(session, today=today, reminder_days=30)
        per_contract: dict[int, Counter[str]] = {}
        for item in items:
            assert item.contract_id is not None
            per_contract.setdefault(item.contract_id, Counter())[item.state] += 1
        expected = {cid: (c["overdue"], c["due_soon"]) for cid, c in per_contract.items()
                    if c["overdue"] or c["due_soon"]}
        assert dict(counts.items()) == expected
        assert counts.totals() == (sum(o for o, _s in expected.values()), sum(s for _o, s in expected.values()))
    assert counts.totals()[0]  # the samples do have overdue deadlines


def test_deadline_counts_stop_when_cancelled(store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        assert len(agenda.deadline_counts(session, today=TODAY, reminder_days=30, cancelled=lambda: True)) == 0


def test_due_counts_replace_a_contracts_counts_and_keep_the_totals() -> None:
    counts = DueCounts()
    for contract_id, overdue, soon in ((2, 1, 0), (5, 0, 2), (9, 3, 1), (4, 0, 0)):
        counts.add(contract_id, overdue, soon)
    counts.add(3, 1, 1)  # out of id order: kept in order
    assert list(counts.items()) == [(2, (1, 0)), (3, (1, 1)), (5, (0, 2)), (9, (3, 1))]  # no entry for (0, 0)
    assert counts.totals() == (5, 4) and len(counts) == 4
    fresh = DueCounts()
    fresh.add(5, 2, 0)
    counts.replace([5, 9, 11], fresh)  # 9 has none any more, 11 never had any
    assert list(counts.items()) == [(2, (1, 0)), (3, (1, 1)), (5, (2, 0))]
    assert counts.totals() == (4, 1) and counts.get(9) == (0, 0) and counts.get(5) == (2, 0)
    counts.add(2, 0, 0)  # recounted to nothing: dropped
    assert counts.totals() == (3, 1) and len(counts) == 2


def test_after_first_paint_waits_for_the_paint_of_a_shown_window(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()  # shown before the event loop runs, as the app does
    ran: list[bool] = []
    tasks.after_first_paint(window, lambda: ran.append(window.isVisible()))
    assert ran == []
    qtbot.waitUntil(lambda: ran == [True], timeout=tasks.FIRST_PAINT_FALLBACK_MS + 1000)
    qtbot.wait(50)
    assert ran == [True]  # once


def test_after_first_paint_runs_at_once_for_a_window_never_shown(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[int] = []
    tasks.after_first_paint(window, lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=500)


@pytest.mark.usefixtures("synchronous_tasks")
def test_the_notice_counts_without_the_items_and_a_closed_window_drops_a_late_result(qtbot, store) -> None:
    from tests.conftest import FakeDialogs
    from ui.main_window import MainWindow

    import_ledger(store, SAMPLE_LEDGER)
    window = MainWindow(store, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    feature = window.calendar_feature
    feature.check_due()
    source = feature.source
    assert not source.loaded and source.items == [] and source.due_counts
    counted = source.counts()
    source.refresh()  # every deadline, as when the agenda is shown
    assert source.loaded and source.due_counts is None
    assert source.counts() == counted
    source.stop()  # the window closes: nothing is computed any more, a late result is dropped
    source.refresh()
    assert source.loaded  # unchanged, no new computation started
