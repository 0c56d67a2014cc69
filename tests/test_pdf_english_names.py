"""The bilingual summary uses the English names of ledger v2 (title_en, parties' and line items'
name_en); a party without one prints its Chinese name once, marked "(Chinese only)"; deadline texts
name events by their labels, never by their codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from services.calendar.agenda import contract_deadlines
from services.ledger.importer import import_ledger
from services.printing.summary import CHINESE_ONLY, party_names, write_summary_pdf
from services.register import contracts
from services.register.contract_data import ContractData
from tests.conftest import SAMPLE_LEDGER

TODAY = dt.date(2026, 4, 20)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def sample(store):
    import_ledger(store, SAMPLE_LEDGER)
    return store


def printed(store, number: str, path: Path, change=None) -> tuple[str, int]:
    """The summary's text (whitespace removed) and page count; ``change`` edits the data first."""
    with store.session() as session:
        contract_id = contracts.find_id(session, number)
        data: ContractData = contracts.load(session, contract_id)
        if change is not None:
            data = change(data)
        items = contract_deadlines(session, contract_id, today=TODAY, reminder_days=0, data=data)
    result = write_summary_pdf(data, path, today=TODAY, deadlines=items)
    return squash("\n".join(page.extract_text() for page in PdfReader(result.path).pages)), result.pages


def test_summary_prints_the_english_names(sample, tmp_path):
    text, pages = printed(sample, "2026-021", tmp_path / "s.pdf")
    assert pages <= 2
    assert squash("Beijing Red Cross Emergency Service Center Information Platform Operations Project") in text
    assert squash("Capinfo Cloud Technology Co., Ltd.") in text
    assert squash("Cloud anti-DDoS service") in text and squash("Database audit service") in text
    marked = CHINESE_ONLY.replace(" ", "")
    for name in ("北京市红十字会应急服务中心", "首信云技术有限公司", "云端抗DDOS服务", "数据库审计服务"):
        assert name + marked not in text  # every name has its English: none is marked


def test_party_without_english_name_is_printed_once_marked_chinese_only(sample, tmp_path):
    def drop(data: ContractData) -> ContractData:
        data.parties[1] = dataclasses.replace(data.parties[1], name_en=None)
        return data

    text, _ = printed(sample, "WHZF-2026-ZWY", tmp_path / "w.pdf", drop)
    assert text.count("首信云技术有限公司(Chineseonly)") == 1
    assert squash("Beijing Municipal Cultural Market Comprehensive Law Enforcement Corps") in text


def test_party_names_rule():
    assert party_names("首信云技术有限公司", None) == [("text", "首信云技术有限公司 (Chinese only)")]
    assert party_names("首信云技术有限公司", "") == [("text", "首信云技术有限公司 (Chinese only)")]
    assert party_names("甲", "Party") == [("text", "甲"), ("en", "Party")]
    assert party_names("ACME", "ACME") == [("text", "ACME")]


def test_summary_names_events_by_their_labels(sample, tmp_path):
    text, pages = printed(sample, "WHZF-2026-ZWY", tmp_path / "w.pdf")
    assert pages <= 2
    assert "2027年预算批复后15个工作日内" in text
    assert squash("within 15 working days after 2027 budget approved") in text
    assert "budget_2027" not in text
