"""Saved liquidated-damages calculations: the round trip through the store (inputs as JSON of
strings, the clause as it read, the amount, the working, who and when), the amounts already
charged that the next calculation's caps use, and the print-out (违约金计算书) read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.penalty import PenaltyCalculation
from services.calendar.workdays import WorkingCalendar
from services.ledger.importer import import_ledger
from services.penalty.compute import PenaltyInput, compute, find_clause, statutory_sme_clause
from services.penalty.records import (
    clause_from_json,
    current_user,
    delete_calculation,
    input_from_json,
    list_calculations,
    previous_amounts,
    save_calculation,
    store_calendar,
)
from services.printing.fonts import system_candidates
from services.printing.penalty import default_penalty_pdf_name, write_penalty_pdf
from services.register import contracts
from services.register.trash import purge
from tests.conftest import CAP_LEDGER

D = Decimal
CALENDAR = WorkingCalendar()
needs_cjk_font = pytest.mark.skipif(not system_candidates(), reason="no Chinese TrueType font on this machine")


@pytest.fixture
def samples(store):
    import_ledger(store, CAP_LEDGER)
    return store


def _load(store, number: str):
    with store.session() as session:
        return contracts.find_id(session, number), contracts.load_by_no(session, number)


def test_saved_calculation_round_trip(samples):
    contract_id, data = _load(samples, "BJMEMC-2025174-ZC")
    clause = find_clause(data, "8.1.2")
    inputs = PenaltyInput(due=dt.date(2026, 5, 15), actual=dt.date(2026, 5, 31))
    result = compute(clause, data, inputs, calendar=CALENDAR, language="zh")
    at = dt.datetime(2026, 6, 1, 9, 30, 5)
    with samples.session() as session:
        calculation_id = save_calculation(session, contract_id, clause, inputs, result, calculated_by="张三",
                                          calculated_at=at)
    with samples.session() as session:
        row = session.get(PenaltyCalculation, calculation_id)
        stored = json.loads(row.inputs)
        (saved,) = list_calculations(session, contract_id)
    assert stored["input"] == {"due": "2026-05-15", "actual": "2026-05-31", "previous_clause": "0",
                               "previous_liability": "0"}
    assert stored["clause"]["rate"] == "1" and stored["clause"]["terminate_after_days"] == "15"
    assert all(isinstance(v, str) for part in (stored["clause"], stored["input"]) for v in part.values())
    assert (saved.clause_ref, saved.calculated_at, saved.calculated_by, saved.amount) == (
        "8.1.2", at, "张三", D("438194.96"))
    assert saved.working == result.working() and saved.payer_role == "乙方"
    # the saved inputs give the same figure and working again, even if the clause is edited later
    again = compute(clause_from_json(saved.inputs), data, input_from_json(saved.inputs), calendar=CALENDAR,
                    language=saved.inputs["language"])
    assert clause_from_json(saved.inputs) == clause
    assert (again.amount, again.working()) == (saved.amount, saved.working)


def test_who_defaults_to_the_os_user(samples):
    contract_id, data = _load(samples, "2026-021")
    clause = find_clause(data, "第十一条1(5)")
    result = compute(clause, data, PenaltyInput(), calendar=CALENDAR)
    with samples.session() as session:
        save_calculation(session, contract_id, clause, PenaltyInput(), result)
        (saved,) = list_calculations(session, contract_id)
    assert saved.calculated_by == current_user() != ""
    assert abs(saved.calculated_at - dt.datetime.now()) < dt.timedelta(minutes=1)


def test_previous_amounts_feed_the_caps(samples):
    contract_id, data = _load(samples, "2026-021")
    statutory = statutory_sme_clause()
    inputs = PenaltyInput(days=D(300), overdue_amount=D("207790.00"))
    first = compute(statutory, data, inputs, calendar=CALENDAR)
    assert first.amount == D("31168.50")  # 0.05 % × 207,790.00 × 300
    with samples.session() as session:
        first_id = save_calculation(session, contract_id, statutory, inputs, first, calculated_by="a")
        supplier = find_clause(data, "第十一条1(1)")
        save_calculation(session, contract_id, supplier, PenaltyInput(days=D(1)),
                         compute(supplier, data, PenaltyInput(days=D(1)), calendar=CALENDAR), calculated_by="a")
        under_clause, for_payer = previous_amounts(session, contract_id, statutory.clause_ref, "甲方")
    assert (under_clause, for_payer) == (D("31168.50"), D("31168.50"))  # the supplier's penalty is not 甲方's
    second = compute(statutory, data, dataclasses.replace(inputs, previous_liability=for_payer), calendar=CALENDAR)
    assert second.amount == D("10389.50")  # 41,558.00 − 31,168.50 left under 第十一条2(2)
    with samples.session() as session:
        delete_calculation(session, first_id)
        assert previous_amounts(session, contract_id, statutory.clause_ref, "甲方") == (D(0), D(0))
        assert len(list_calculations(session, contract_id)) == 1


def test_deleting_the_contract_permanently_deletes_its_calculations(samples):
    contract_id, data = _load(samples, "2026-021")
    clause = find_clause(data, "第十一条1(5)")
    with samples.session() as session:
        save_calculation(session, contract_id, clause, PenaltyInput(),
                         compute(clause, data, PenaltyInput(), calendar=CALENDAR), calculated_by="a")
    with samples.session() as session:
        contracts.delete_contract(session, contract_id)  # to the Trash: kept for a restore
    with samples.session() as session:
        assert len(list_calculations(session, contract_id)) == 1
        purge(session, contract_id)
    with samples.session() as session:
        assert list_calculations(session, contract_id) == []


def test_store_calendar_is_a_working_calendar(samples):
    with samples.session() as session:
        calendar = store_calendar(session)
    assert not calendar.is_working_day(dt.date(2025, 10, 1))
    assert calendar.is_working_day(dt.date(2025, 9, 28))  # a make-up Sunday (调休)


# ----- the print-out ----------------------------------------------------------------------------


def _text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


@needs_cjk_font
def test_penalty_pdf_is_one_page_with_the_working_and_the_capitals(samples, tmp_path):
    _contract_id, data = _load(samples, "BJMEMC-2025174-ZC")
    clause = find_clause(data, "8.1.2")
    inputs = PenaltyInput(due=dt.date(2026, 5, 15), actual=dt.date(2026, 5, 31))
    result = compute(clause, data, inputs, calendar=CALENDAR, language="zh")
    out = tmp_path / default_penalty_pdf_name(data.contract_no, clause.clause_ref)
    assert out.name == "BJMEMC-2025174-ZC-违约金-8.1.2.pdf"
    printed = write_penalty_pdf(data, clause, inputs, result, out, calculated_by="张三",
                                calculated_at=dt.datetime(2026, 6, 1, 9, 30))
    assert printed.pages == 1 and printed.font.embedded and printed.warnings == []
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _text(out)
    for expected in ("违约金计算书", "BJMEMC-2025174-ZC", "8.1.2", "服务方因自身原因不能按期提交工作成果",
                     "每逾期一日，违约方应向甲方支付合同总额1%的违约金", "2026年5月15日", "2026年5月31日",
                     "合同总额¥2,738,718.50×1%/日×16日=¥438,194.96", "逾期超过15日（16日）：甲方有权解除合同",
                     "合同总额¥2,738,718.50×20%=¥547,743.70", "退还甲方已支付的全部服务费用",
                     "¥438,194.96", "人民币肆拾叁万捌仟壹佰玖拾肆元玖角陆分", "计算人：张三", "2026年6月1日09:30",
                     "复核人", "第1页共1页"):
        assert expected in text, expected
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:  # embedded TrueType subsets only, as in the other print-outs
        assert "+" in str(font["/BaseFont"]) and "/FontFile2" in font["/FontDescriptor"]


@needs_cjk_font
def test_penalty_pdf_in_english_and_a_long_clause_stays_on_one_page(samples, tmp_path):
    _contract_id, data = _load(samples, "2026-021")
    clause = dataclasses.replace(statutory_sme_clause(), text=statutory_sme_clause().text * 12)
    inputs = PenaltyInput(days=D(500), overdue_amount=D("207790.00"), previous_liability=D("1000.00"))
    result = compute(clause, data, inputs, calendar=CALENDAR, language="en")
    printed = write_penalty_pdf(data, clause, inputs, result, tmp_path / "p.pdf", calculated_by="li")
    assert printed.pages == 1
    text = _text(tmp_path / "p.pdf")
    for expected in ("LiquidatedDamagesCalculation(违约金计算书)", "Statutoryrate(notacontractclause)",
                     "Alreadychargedtotheparty", "¥1,000.00", "Late-paymentinterest", "¥40,558.00",
                     "人民币肆万零伍佰伍拾捌元整", "Page1of1"):
        assert expected in text, expected
