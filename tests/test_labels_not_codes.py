"""Labels, never codes (issue 13): the agenda's texts, ``main.py calendar`` and the .ics of the sample
contracts name every event by its label and every unit in words — no ``budget_2027``,
``working_days`` or ``event:…`` where a label belongs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cli.calendar import deadline_line
from services.calendar import agenda
from services.calendar.deadlines import Deadline, kind_text, state_text, waiting_text
from services.calendar.ics import calendar_ics
from services.ledger.importer import import_ledger
from services.store import Store
from tests.conftest import SAMPLE_LEDGER

CODE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|event:")
TODAY = dt.date(2026, 4, 20)


@pytest.fixture
def items(store: Store) -> list[Deadline]:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        return agenda.all_deadlines(session, today=TODAY, reminder_days=30)


def agenda_texts(item: Deadline, language: str) -> list[str]:
    """What the agenda and the calendar's day list show of a deadline (``DeadlineTableModel``)."""
    return [item.label(language), kind_text(item.kind, language), state_text(item, language),
            waiting_text(item.waiting_for, language, item.labels) if item.waiting_for else "",
            item.rule_text(language) or "", item.also or ""]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_agenda_cli_and_ics_show_labels(items: list[Deadline], language: str) -> None:
    assert any(item.waiting_for and any(c.startswith("event:") for c in item.waiting_for) for item in items)
    assert any("working_days" in (item.rule or ()) for item in items)  # there are codes to hide
    shown = [text for item in items for text in agenda_texts(item, language)]
    shown += [deadline_line(item, language) for item in items]
    shown.append(calendar_ics(items, 30, language, stamp=dt.datetime(2026, 4, 20, tzinfo=dt.UTC)).decode())
    found = sorted({match for text in shown for match in CODE.findall(text)})
    assert found == []


def test_the_cli_lists_labels(capsys: pytest.CaptureFixture[str], store: Store, tmp_path: Path) -> None:
    from cli.app import run_command

    import_ledger(store, SAMPLE_LEDGER)
    store.close()
    status = run_command(["calendar", "--db", str(store.path), "--today", "2026-04-20", "--lang", "en"])
    out = capsys.readouterr().out
    assert status == 0 and "Request to replace staff" in out
    assert CODE.findall(out) == []
