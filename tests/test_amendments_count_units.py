"""A changed count of days or months is worded with its unit (issue 16): the Compare view, the printed
补充协议, the command line and the history read "20 个工作日 → 30 个工作日" / "20 working days → 30 working
days", never a bare "20 → 30"."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

import main
from services import history
from services.amendments import register as amendments
from services.amendments.changes import AmendmentData, diff
from services.amendments.printing import write_amendment_pdf
from services.amendments.wording import day_units, sentence
from services.register import contracts
from services.register.contract_data import ContractData
from services.register.count_units import count_text, unit_of
from services.store import open_store
from tests.amendment_cases import original


def _contract() -> ContractData:
    """The 2nd installment due 20 working days after acceptance; clause 第八条 counts working days and
    allows termination after 15 of them."""
    data = copy.deepcopy(original())
    second = data.installments[1]
    second.due_after, second.due_offset, second.due_unit = "acceptance", 20, "working_days"
    clause = data.penalty_clauses[0]
    clause.day_count, clause.terminate_after_days = "working", 15
    return data


def _amended(data: ContractData) -> ContractData:
    after = copy.deepcopy(data)
    after.installments[1].due_offset = 30
    after.penalty_clauses[0].terminate_after_days = 20
    after.line_items[0].periods = 9
    return after


def _amendment(data: ContractData) -> AmendmentData:
    return AmendmentData(amendment_no="补3", sign_date=dt.date(2026, 5, 20), effective_date=dt.date(2026, 6, 1),
                         changes=diff(data, _amended(data)))


def test_each_changed_count_reads_with_its_unit() -> None:
    data = _contract()
    item = _amendment(data)
    units = day_units(item.changes, data)
    zh = [sentence(c, "zh", units.get(c.seq)) for c in item.changes]
    en = [sentence(c, "en", units.get(c.seq)) for c in item.changes]
    assert "原合同约定服务明细第1项的计费月数为6 个月，现变更为9 个月。" in zh
    assert "原合同约定分期付款第2项的期限为20 个工作日，现变更为30 个工作日。" in zh
    assert "原合同约定违约条款第八条的解除阈值天数为15 个工作日，现变更为20 个工作日。" in zh
    assert "line item 1 periods: 6 months → 9 months" in en
    assert "installment 2 due offset: 20 working days → 30 working days" in en
    assert "liquidated-damages clause 第八条 terminate after days: 15 working days → 20 working days" in en


def test_a_unit_changed_by_the_same_amendment_words_each_side_in_its_own_unit() -> None:
    data = _contract()
    data.installments[1].due_unit = None  # calendar days (the default of an empty unit)
    after = copy.deepcopy(data)
    after.installments[1].due_offset, after.installments[1].due_unit = 10, "working_days"
    changes = diff(data, after)
    units = day_units(changes, after)
    words = [sentence(c, "en", units.get(c.seq)) for c in changes]
    assert "installment 2 due offset: 20 days → 10 working days" in words
    assert "installment 2 due unit: (empty) → working days" in words


def test_a_row_added_words_its_count_in_its_own_unit() -> None:
    data = _contract()
    after = copy.deepcopy(data)
    extra = copy.deepcopy(after.installments[1])
    extra.seq, extra.name, extra.due_offset, extra.due_unit = 3, "质保金", 1, "months"
    after.installments.append(extra)
    [added] = diff(data, after)
    assert "期限：1 个月" in sentence(added, "zh") and "due offset: 1 month;" in sentence(added, "en")


@pytest.mark.parametrize(("table", "field", "row", "unit", "zh", "en"), [
    ("installments", "due_offset", {"due_unit": None}, "days", "2 日", "2 days"),
    ("bonds", "return_offset", {"return_unit": "working_days"}, "working_days", "2 个工作日", "2 working days"),
    ("penalty_clauses", "terminate_after_days", {"day_count": "calendar"}, "days", "2 日", "2 days"),
    ("line_items", "periods", None, "months", "2 个月", "2 months"),
    ("installments", "percent", {}, None, "2", "2"),
])
def test_the_unit_of_a_count_comes_from_its_row(table: str, field: str, row: object, unit: str | None,
                                                zh: str, en: str) -> None:
    assert unit_of(table, field, row) == unit
    assert (count_text(2, unit, "zh"), count_text(2, unit, "en")) == (zh, en)


def test_the_compare_view_the_printed_amendment_the_command_line_and_the_history_carry_the_unit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ui.amendments.models import change_row
    from ui.register.history_labels import change_texts

    data = _contract()
    item = _amendment(data)
    db = tmp_path / "x.db"
    store = open_store(db)
    try:
        with store.session() as session:
            contract_id = contracts.save(session, copy.deepcopy(data))
        with store.session() as session:
            amendments.record(session, contract_id, item, version=1)
            current = contracts.load(session, contract_id)
            entry = history.history(session, contract_id=contract_id)[-1]
    finally:
        store.close()
    units = day_units(item.changes, current)
    rows = {row[1]: row[2:] for row in (change_row(c, zh=True, units=units.get(c.seq)) for c in item.changes)}
    assert rows["分期付款 2 · 期限"] == ("20 个工作日", "30 个工作日")  # the Compare view
    assert rows["服务明细 1 · 计费月数"] == ("6 个月", "9 个月")
    assert "Installments, row 2: Within 20 working days → 30 working days" in change_texts(entry)  # the history

    pdf = write_amendment_pdf(current, item, tmp_path / "补3.pdf").path  # the printed 补充协议
    text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages).replace("\n", "").replace(" ", "")
    assert "期限为20个工作日，现变更为30个工作日" in text and "解除阈值天数为15个工作日" in text

    assert main.run_command(["amendments", "ZFY-2026-001", "--lang", "en", "--db", str(db)]) == 0
    assert "installment 2 due offset: 20 working days → 30 working days" in capsys.readouterr().out
