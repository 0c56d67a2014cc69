"""The summary's bond, penalty-clause and next-milestone sections (issue 3), read back with pypdf:
the sample ledger's figures and clauses in Chinese and English, amounts computed from a share,
deadlines from the store (events, done marks) or from the contract alone, no empty headings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

import main
from services.calendar.agenda import contract_deadlines, mark_done, record_event
from services.ledger.importer import import_ledger
from services.printing.summary import write_summary_pdf
from services.printing.summary_sections import NEXT_LIMIT, bond_amount, penalty_rule
from services.register import contracts
from services.register.contract_data import BondData, ContractData, MilestoneData, PartyData, PenaltyClauseData
from tests.conftest import CAP_LEDGER, SAMPLE_LEDGER

HEADINGS = ("保证金", "Bonds", "违约条款", "Liquidated Damages", "近期里程碑", "Next Milestones")


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squash(text: str) -> str:
    """Text without any whitespace: a cell wraps between any two characters."""
    return "".join(text.split())


@pytest.fixture
def sample(store):
    import_ledger(store, SAMPLE_LEDGER)
    return store


def load(store, number: str) -> tuple[int, ContractData]:
    with store.session() as session:
        contract_id = contracts.find_id(session, number)
        return contract_id, contracts.load(session, contract_id)


def summary(store, number: str, path: Path, today: dt.date, *, from_store: bool = True) -> tuple[str, int]:
    """The summary's text (whitespace removed) and its page count."""
    contract_id, data = load(store, number)
    items = None
    if from_store:
        with store.session() as session:
            items = contract_deadlines(session, contract_id, today=today, reminder_days=0, data=data)
    result = write_summary_pdf(data, path, today=today, deadlines=items)
    return squash(text_of(result.path)), result.pages


def test_bjmemc_prints_its_bond_and_clauses_in_both_languages(sample, tmp_path):
    text, pages = summary(sample, "BJMEMC-2025174-ZC", tmp_path / "b.pdf", dt.date(2025, 11, 1))
    assert pages <= 2
    for heading in HEADINGS:
        assert squash(heading) in text
    assert "履约保证金" in text and "Performancebond" in text
    assert "¥273,871.85" in text  # stated: 10 % of ¥2,738,718.50
    assert "签订后15个工作日内" in text and "within15workingdaysafterthecontractissigned" in text
    assert "2026年8月15日" in text and "15August2026" in text  # valid until
    assert "8.1.2" in text
    assert "每日合同总额的1%，逾期超过15日可解除" in text
    assert squash("1 % of the contract total per day; may terminate after 15 days") in text
    assert "8.1.2(解除)" in text and "合同总额的20%" in text and squash("20 % of the contract total") in text
    assert "服务方因自身原因不能按期提交工作成果（逾期）" in text  # the breach, as stored
    assert "CN¥" not in text


def test_whzf_prints_a_computed_bond_amount_caps_and_fixed_amounts(sample, tmp_path):
    text, pages = summary(sample, "WHZF-2026-ZWY", tmp_path / "w.pdf", dt.date(2026, 8, 1))
    # 26 line items, 3 installments, a bond, 7 clauses and the next milestones: still two pages
    assert pages <= 2
    assert "第十一条2" in text and "甲方迟延支付运维服务费" in text
    assert "每日逾期金额的0.01%，累计不超过合同总额的5%" in text
    assert squash("0.01 % of the overdue amount per day; capped at 5 % of the contract total") in text
    assert "¥255,726.76" in text and "按比例计算computed" in text  # 10 % × ¥2,557,267.60, half up
    assert "履约保函" in text and "2026年9月30日前" in text and "by30September2026" in text
    assert "¥20,000.00" in text  # 保密协议第六条1, fixed amount
    assert "每日日服务费的100%" in text


def test_liability_cap_row_reads_as_a_cap(store, tmp_path):
    import_ledger(store, CAP_LEDGER)
    text, _pages = summary(store, "2026-021", tmp_path / "c.pdf", dt.date(2026, 5, 1))
    assert "第十一条2(2)" in text
    assert "累计责任上限合同总额的10%" in text
    assert squash("total liability capped at 10 % of the contract total") in text


def test_next_milestones_follow_the_store(sample, tmp_path):
    today = dt.date(2025, 8, 1)
    contract_id, _data = load(sample, "BJMEMC-2025174-ZC")
    before, _ = summary(sample, "BJMEMC-2025174-ZC", tmp_path / "a.pdf", today)
    # the bond's lodging, also recorded as milestone 1 with the same words and date, prints once
    assert before.count("提交履约保证金") == 1 and before.count("Lodgetheperformancebond") == 1
    assert "2025年8月14日" in before  # 15 working days after signing on 24 July 2025
    assert "waitingfor:thebondislodged;theacceptanceispassed" in before
    with sample.session() as session:
        mark_done(session, contract_id, "bond:1:lodge", dt.date(2025, 8, 10))
        mark_done(session, contract_id, "milestone:1", dt.date(2025, 8, 10))
        record_event(session, contract_id, "acceptance", dt.date(2026, 5, 20))
    after, _ = summary(sample, "BJMEMC-2025174-ZC", tmp_path / "b.pdf", today)
    assert "Lodgetheperformancebond" not in after
    assert "已提交：2025年8月10日" in after and "lodged10August2025" in after  # in the bond's row
    assert "Returntheperformancebond" in after and "20May2026" in after  # on the acceptance
    # printed from the contract alone, the recorded acceptance is unknown: the return waits for it
    alone, _ = summary(sample, "BJMEMC-2025174-ZC", tmp_path / "c.pdf", today, from_store=False)
    assert "Returntheperformancebond" in alone and "waitingfor:theacceptanceispassed" in alone


def test_print_command_passes_the_stored_deadlines(sample, tmp_path, capsys):
    contract_id, _data = load(sample, "BJMEMC-2025174-ZC")
    with sample.session() as session:
        mark_done(session, contract_id, "bond:1:lodge", dt.date(2025, 8, 10))
        record_event(session, contract_id, "acceptance", dt.date(2026, 5, 20))
    out = tmp_path / "s.pdf"
    assert main.run_command(["print", "BJMEMC-2025174-ZC", "--summary", "--out", str(out),
                             "--db", str(sample.path)]) == 0
    capsys.readouterr()
    text = squash(text_of(out))
    assert "Returntheperformancebond" in text and "20May2026" in text


def test_at_most_the_next_few_milestones_are_listed(tmp_path):
    milestones = [MilestoneData(seq=k, name=f"第{k}项交付", kind="deliverable", responsible_role="乙方",
                                due_date=dt.date(2026, 1, k)) for k in range(1, 10)]
    milestones[0].done_date = dt.date(2025, 12, 30)
    data = ContractData(contract_no="T-1", title="测试", total_amount=Decimal("100.00"), milestones=milestones)
    text = squash(text_of(write_summary_pdf(data, tmp_path / "m.pdf", today=dt.date(2025, 12, 1)).path))
    assert "第1项交付" not in text  # done
    listed = [k for k in range(2, 10) if f"第{k}项交付" in text]
    assert listed == list(range(2, 2 + NEXT_LIMIT))
    assert "另有2项未列出" in text and "2morenotlisted" in text
    assert "2026年1月2日" in text and "2January2026" in text


def test_a_contract_without_bonds_clauses_or_milestones_prints_no_empty_heading(tmp_path):
    data = ContractData(contract_no="T-2", title="服务合同", total_amount=Decimal("1000.00"),
                        end_date=dt.date(2026, 12, 31), parties=[PartyData(role="甲方", name="甲单位")])
    text = text_of(write_summary_pdf(data, tmp_path / "e.pdf", today=dt.date(2026, 1, 1)).path)
    for heading in HEADINGS:
        assert heading not in text


def test_store_text_in_the_sections_prints_literally(tmp_path):
    data = ContractData(
        contract_no="T-3", title="转义", total_amount=Decimal("1000.00"),
        bonds=[BondData(seq=1, kind="warranty", form="<b>保函</b> & 现金", percent=Decimal("5"))],
        penalty_clauses=[PenaltyClauseData(clause_ref="9.<1>", trigger="A<i>&B 违约", kind="one_off",
                                           payer_role="乙方", rate=Decimal("2"))],
        milestones=[MilestoneData(seq=1, name="交付 <br/> & 验收", due_date=dt.date(2026, 3, 1))],
    )
    text = text_of(write_summary_pdf(data, tmp_path / "x.pdf", today=dt.date(2026, 1, 1)).path)
    for literal in ("<b>保函</b> & 现金", "9.<1>", "A<i>&B 违约", "交付 <br/> & 验收"):
        assert squash(literal) in squash(text)
    assert "质保金" in text and "Warranty deposit" in text and "¥50.00" in squash(text)


# ----- the pieces ---------------------------------------------------------------------------------


def clause(kind: str, **values: object) -> PenaltyClauseData:
    return PenaltyClauseData(clause_ref="1", trigger="违约", kind=kind, **values)


@pytest.mark.parametrize(("made", "zh", "en"), [
    (clause("per_day", rate=Decimal("1"), base="contract_total", terminate_after_days=15),
     "每日合同总额的 1%，逾期超过 15 日可解除", "1 % of the contract total per day; may terminate after 15 days"),
    (clause("one_off", rate=Decimal("20"), base="contract_total"), "合同总额的 20%", "20 % of the contract total"),
    (clause("one_off", rate=Decimal("20")), "合同总额的 20%", "20 % of the contract total"),  # default base
    (clause("monthly_fee_coefficient", rate=Decimal("200")), "月服务费的 200%", "200 % of the monthly fee"),
    (clause("fixed_amount", amount=Decimal("20000")), "¥20,000.00", "¥20,000.00"),
    (clause("per_day", rate=Decimal("0.05"), base="overdue_amount", day_count="working", part_day="prorate",
            cap_amount=Decimal("5000")),
     "每个工作日逾期金额的 0.05%，累计不超过¥5,000.00（不足一日按比例计）",
     "0.05 % of the overdue amount per working day; capped at ¥5,000.00 (part days pro rata)"),
    (clause("per_day", rate=Decimal("1"), cap_rate=Decimal("10"), cap_amount=Decimal("100")),
     "每日合同总额的 1%，累计不超过合同总额的 10%与¥100.00中较低者",
     "1 % of the contract total per day; capped at the lower of 10 % of the contract total and ¥100.00"),
    (clause("liability_cap", cap_rate=Decimal("10"), cap_base="contract_total"),
     "累计责任上限 合同总额的 10%", "total liability capped at 10 % of the contract total"),
    (clause("one_off"), "—", "—"),  # no rate stated: nothing made up
])
def test_penalty_rule_in_short_words(made, zh, en):
    assert (penalty_rule(made, "zh"), penalty_rule(made, "en")) == (zh, en)


def test_bond_amount_is_stated_else_share_of_the_total_rounded_half_up():
    assert bond_amount(BondData(seq=1, percent=Decimal("10"), amount=Decimal("1.00")), Decimal("100.05")) == (
        Decimal("1.00"), False)
    assert bond_amount(BondData(seq=1, percent=Decimal("10")), Decimal("100.05")) == (Decimal("10.01"), True)
    assert bond_amount(BondData(seq=1), Decimal("100.05")) == (None, False)
