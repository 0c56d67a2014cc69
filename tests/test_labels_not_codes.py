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


def test_the_pdfs_show_labels(store: Store, tmp_path: Path) -> None:
    """The contract print-out and the bilingual summary of each sample (deadline texts from
    ``due_text``: events by label, units in words)."""
    from pypdf import PdfReader

    from services.printing.contract import write_contract_pdf
    from services.printing.summary import write_summary_pdf
    from services.register import contracts

    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        samples = [contracts.load_by_no(session, no) for no in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")]
        items = agenda.all_deadlines(session, today=TODAY, reminder_days=30)
    texts: list[str] = []
    for data in samples:
        for name, write in (("contract", write_contract_pdf), ("summary", write_summary_pdf)):
            path = tmp_path / f"{data.contract_no}-{name}.pdf"
            if name == "summary":
                write_summary_pdf(data, path, today=TODAY,
                                  deadlines=[d for d in items if d.contract_no == data.contract_no])
            else:
                write(data, path)
            texts += [page.extract_text() for page in PdfReader(path).pages]
    joined = "\n".join(texts)
    assert "2027 budget approved" in " ".join(joined.split())  # a label that stands for event:budget_2027
    assert sorted(set(CODE.findall(joined))) == []
