"""The amendments in the contract print-out and the bilingual summary (issue 16): each amendment's number,
dates, in force or pending, and every change old → new in words — labels, never internal codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

import main
from services.amendments import register as amendments
from services.amendments.changes import AmendmentData, ChangeData, apply
from services.amendments.print_sections import state_words
from services.amendments.wording import sentence
from services.printing.contract import write_contract_pdf
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.register.contract_data import ContractData
from services.store import open_store
from tests.amendment_cases import AMENDMENT_NO, amendment, original

TODAY = dt.date(2026, 12, 3)
PENDING = AmendmentData("ZFY-2026-001-补2", dt.date(2026, 11, 20), dt.date(2027, 1, 1), changes=[
    ChangeData(1, "contract", field="end_date", old_value="2026-09-30", new_value="2026-12-31"),
    ChangeData(2, "penalty_clause", target_key="第八条", field="day_count", old_value="calendar", new_value="working"),
])


def _text(path: Path) -> str:
    return "".join((page.extract_text() or "") for page in PdfReader(path).pages).replace("\n", "").replace(" ", "")


def _amended() -> ContractData:
    return apply(apply(original(), amendment()), PENDING)


def test_the_contract_print_out_lists_each_amendment_with_its_state_and_changes(tmp_path: Path) -> None:
    path = write_contract_pdf(_amended(), tmp_path / "c.pdf", amendments=[amendment(), PENDING],
                              today=TODAY).path
    text = _text(path)
    assert "附：补充协议" in text
    assert f"补充协议{AMENDMENT_NO}（签订日期：2026年5月20日；生效日期：2026年6月1日；已生效）" in text
    assert "生效日期：2027年1月1日；待生效（2027年1月1日起生效）" in text
    assert "原合同约定结束日期为2026年6月30日，现变更为2026年9月30日。" in text
    assert "计日方式为自然日，现变更为工作日" in text
    assert "尚未生效" in text  # which terms are printed, said plainly
    assert "calendar" not in text and "day_count" not in text


def test_the_summary_lists_them_in_both_languages_without_codes(tmp_path: Path) -> None:
    path = write_summary_pdf(_amended(), tmp_path / "s.pdf", amendments=[amendment(), PENDING],
                             today=TODAY).path
    text = _text(path)
    assert "补充协议Amendments" in text
    assert "已生效" in text and "inforce" in text and "pendin" in text
    assert "enddate:30June2026→30September2026" in text
    assert "daycount:calendardays→workingdays" in text
    assert "day_count" not in text and "penalty_clause" not in text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_code_reaches_the_words_of_a_change(language: str) -> None:
    words = sentence(PENDING.changes[1], language)
    assert "calendar" not in words.replace("calendar days", "") and "working" not in words.replace("working days", "")
    assert state_words(PENDING, TODAY, language) != state_words(PENDING, dt.date(2027, 1, 1), language)


def test_main_print_includes_the_stored_amendments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "store.db"
    store = open_store(db)
    try:
        with store.session() as session:
            contract_id = contracts.save(session, original())
        with store.session() as session:
            amendments.record(session, contract_id, amendment(), version=1)
    finally:
        store.close()
    out = tmp_path / "s.pdf"
    assert main.run_command(["print", "ZFY-2026-001", "--summary", "--out", str(out), "--db", str(db)]) == 0
    assert AMENDMENT_NO.replace(" ", "") in _text(out)
