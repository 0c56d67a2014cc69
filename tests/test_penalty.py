"""The liquidated-damages calculator (issue 5), on the sample contracts' own clauses: each clause
shape, day counting (calendar, working days across a holiday, part days), caps (a clause's own,
cumulative; a party's total liability), the termination threshold and leg, the statutory SME rate,
bad inputs, and the money properties (never above a cap, monotone in days, rounded once)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.calendar.workdays import WorkingCalendar
from services.ledger.importer import import_ledger
from services.penalty.compute import (
    PenaltyInput,
    PenaltyInputError,
    computable_clauses,
    compute,
    find_clause,
    statutory_sme_clause,
    term_days,
    term_months,
    yuan,
)
from services.register import contracts
from services.register.contract_data import ContractData, PenaltyClauseData
from services.store import open_store
from tests.conftest import CAP_LEDGER

D = Decimal
CALENDAR = WorkingCalendar()


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ContractData]:
    store = open_store(tmp_path_factory.mktemp("samples") / "samples.db")
    try:
        import_ledger(store, CAP_LEDGER)
        with store.session() as session:
            return {no: contracts.load_by_no(session, no) for no in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")}
    finally:
        store.close()


def run(contract: ContractData, ref: str, language: str = "en", **inputs: object):
    clause = find_clause(contract, ref)
    assert clause is not None, ref
    return compute(clause, contract, PenaltyInput(**inputs), calendar=CALENDAR, language=language)


# ----- per day, on the contract total ---------------------------------------------------------------


def test_bjmemc_8_1_2_one_percent_a_day_of_the_total(samples):
    result = run(samples["BJMEMC-2025174-ZC"], "8.1.2", days=D(12))
    assert result.amount == D("328646.22")  # 1 % × 2,738,718.50 × 12
    assert "1 % × contract total ¥2,738,718.50 × 12 days = ¥328,646.22" in result.steps
    assert not result.terminated and result.termination_leg is None
    assert "termination threshold: more than 15 days; 12 days: not crossed" in result.notes
    assert result.working().splitlines()[-1] == "Liquidated damages: ¥328,646.22"


def test_bjmemc_8_1_2_from_dates_crosses_the_15_day_threshold_with_the_termination_leg(samples):
    result = run(samples["BJMEMC-2025174-ZC"], "8.1.2", due=dt.date(2026, 5, 15), actual=dt.date(2026, 5, 31))
    assert result.days == 16
    assert result.amount == D("438194.96")
    assert result.terminated
    assert "more than 15 days late (16 days): 甲方 may terminate the contract (8.1.2)" in result.notes
    leg = result.termination_leg
    assert leg is not None and leg.clause_ref == "8.1.2(解除)"
    assert leg.amount == D("547743.70")  # 20 % × 2,738,718.50
    assert leg.steps == ["20 % × contract total ¥2,738,718.50 = ¥547,743.70"]
    assert leg.refund == "退还甲方已支付的全部服务费用"
    working = result.working()
    assert "Termination leg (8.1.2(解除)): 20 % × contract total ¥2,738,718.50 = ¥547,743.70" in working
    assert "“每逾期一日，违约方应向甲方支付合同总额1%的违约金；逾期超过15日，甲方有权解除本合同”" in working


def test_exactly_at_the_threshold_is_not_crossed(samples):
    assert not run(samples["BJMEMC-2025174-ZC"], "8.1.2", days=D(15)).terminated
    assert run(samples["BJMEMC-2025174-ZC"], "8.1.2", days=D("15.5")).terminated  # a started day counts


def test_2026_021_three_percent_a_day_with_a_ten_day_threshold_and_no_leg(samples):
    result = run(samples["2026-021"], "第十一条1(1)", days=D(11), language="zh")
    assert result.amount == D("137141.40")  # 3 % × 415,580.00 × 11
    assert "合同总额¥415,580.00 × 3%/日 × 11日 = ¥137,141.40" in result.steps
    assert result.terminated and result.termination_leg is None  # the contract names no (解除) clause
    assert "逾期超过10日（11日）：甲方有权解除合同（第十一条1(1)）" in result.notes
    assert result.working().splitlines()[-1] == "违约金：¥137,141.40"


def test_2026_021_outage_0_01_percent_a_day_rounded_once(samples):
    result = run(samples["2026-021"], "第十一条1(2)", days=D(3))
    assert result.exact == D("124.674")
    assert result.amount == D("124.67")  # not 3 × 41.56 = 124.68: rounded once, at the end
    assert result.steps[-2:] == ["0.01 % × contract total ¥415,580.00 × 3 days = ¥124.674",
                                 "Rounded half up to the fen, once: ¥124.67"]


def test_issue_example_wording_with_a_cap_not_reached():
    contract = ContractData(contract_no="X", title="X", total_amount=D("24742400.00"))
    clause = PenaltyClauseData("9.1", "逾期", "per_day", payer_role="乙方", rate=D("0.1"), base="contract_total",
                               cap_rate=D(5))
    result = compute(clause, contract, PenaltyInput(days=D(12)), calendar=CALENDAR, language="en")
    assert result.steps == [
        "Days entered: 12 days",
        "0.1 % × contract total ¥24,742,400.00 × 12 days = ¥296,908.80",
        "Cap of the clause: 5 % of contract total ¥24,742,400.00 = ¥1,237,120.00; not reached",
    ]
    assert result.amount == D("296908.80") and not result.capped


# ----- the overdue amount, caps ----------------------------------------------------------------------


def test_whzf_late_payment_needs_the_overdue_amount(samples):
    with pytest.raises(PenaltyInputError) as error:
        run(samples["WHZF-2026-ZWY"], "第十一条2", days=D(3))
    assert error.value.field == "overdue_amount"
    assert "overdue amount" in str(error.value)
    assert error.value.code == "PENALTY_OVERDUE_NEEDED"
    assert error.value.message("zh") == "逾期金额：该条款以逾期金额为计算基数，请填写逾期金额 [PENALTY_OVERDUE_NEEDED]"


def test_whzf_late_payment_capped_cumulatively_at_5_percent_of_the_total(samples):
    contract = samples["WHZF-2026-ZWY"]
    result = run(contract, "第十一条2", days=D(30), overdue_amount=D("1150770.42"))
    assert result.amount == D("3452.31")  # 0.01 % × 1,150,770.42 × 30 = 3,452.31126
    assert "Cap of the clause: 5 % of contract total ¥2,557,267.60 = ¥127,863.38; not reached" in result.steps
    # 累计: what was charged before under the same clause uses the cap up
    result = run(contract, "第十一条2", days=D(30), overdue_amount=D("1150770.42"), previous_clause=D("127000.00"))
    assert result.capped and result.amount == D("863.38")
    assert ("Cap of the clause: 5 % of contract total ¥2,557,267.60 = ¥127,863.38, less ¥127,000.00 already "
            "charged under this clause = ¥863.38 remaining; reached: the amount is limited to ¥863.38") in result.steps


def test_2026_021_purchaser_total_liability_capped_at_10_percent(samples):
    contract = samples["2026-021"]
    cap = find_clause(contract, "第十一条2(2)")
    assert cap is not None and (cap.kind, cap.payer_role, cap.cap_rate) == ("liability_cap", "甲方", D(10))
    assert cap not in computable_clauses(contract)
    statutory = statutory_sme_clause()
    inputs = PenaltyInput(days=D(500), overdue_amount=D("207790.00"))
    result = compute(statutory, contract, inputs, calendar=CALENDAR, language="en")
    assert result.capped and result.amount == D("41558.00")  # 51,947.50 uncapped; 10 % × 415,580.00
    assert ("Cap on 甲方's total liability (第十一条2(2)): 10 % of contract total ¥415,580.00 = ¥41,558.00; reached: "
            "the amount is limited to ¥41,558.00") in result.steps
    assert "Cap on 甲方's total liability (第十一条2(2)) applied: ¥51,947.50 reduced to ¥41,558.00" in result.notes
    earlier = dataclasses.replace(inputs, previous_liability=D("30000.00"))
    assert compute(statutory, contract, earlier, calendar=CALENDAR).amount == D("11558.00")
    spent = dataclasses.replace(inputs, previous_liability=D("50000.00"))
    assert compute(statutory, contract, spent, calendar=CALENDAR).amount == D("0.00")
    # the supplier's clauses are not under the purchaser's cap
    assert not run(contract, "第十一条1(1)", days=D(30)).capped


def test_a_liability_cap_row_is_not_a_penalty(samples):
    with pytest.raises(PenaltyInputError, match="caps a party's total liability") as error:
        run(samples["2026-021"], "第十一条2(2)", days=D(1))
    assert error.value.field == "clause"


# ----- the statutory SME rate -------------------------------------------------------------------------


def test_statutory_sme_rate_is_labelled_as_statutory(samples):
    result = compute(statutory_sme_clause(), samples["2026-021"], PenaltyInput(days=D(10), overdue_amount=D("100000")),
                     calendar=CALENDAR, language="en")
    assert result.statutory and result.amount == D("500.00")  # 0.05 % × 100,000 × 10
    working = result.working()
    assert working.startswith("Statutory rate (not a contract clause) (甲方)")
    assert "按照每日利率万分之五支付逾期利息" in working and "保障中小企业款项支付条例" in working
    assert working.splitlines()[-1] == "Late-payment interest (statutory): ¥500.00"
    assert any("statutory rate, not a contract clause" in note for note in result.notes)
    zh = compute(statutory_sme_clause(), samples["2026-021"], PenaltyInput(days=D(10), overdue_amount=D("100000")),
                 calendar=CALENDAR, language="zh").working()
    assert zh.startswith("法定利率（非合同条款）（甲方）") and zh.endswith("逾期利息（法定）：¥500.00")


def test_statutory_rate_notes_a_contract_that_names_its_own(samples):
    result = compute(statutory_sme_clause(), samples["WHZF-2026-ZWY"], PenaltyInput(days=D(1), overdue_amount=D(100)),
                     calendar=CALENDAR, language="en")
    assert any("names its own rate for late payment (第十一条2)" in note for note in result.notes)


# ----- other shapes -------------------------------------------------------------------------------------


def test_one_off_and_fixed_amount(samples):
    assert run(samples["BJMEMC-2025174-ZC"], "8.1.1").amount == D("547743.70")
    assert run(samples["2026-021"], "第十一条1(5)").amount == D("6233.70")  # 1.5 % × 415,580.00
    fixed = run(samples["WHZF-2026-ZWY"], "保密协议第六条1", language="zh")
    assert fixed.amount == D("20000.00") and fixed.steps == ["条款约定的固定金额：¥20,000.00"]
    noted = run(samples["BJMEMC-2025174-ZC"], "8.1.1", days=D(3))
    assert noted.amount == D("547743.70") and noted.days is None
    assert "the days entered are not used: this clause is not charged per day" in noted.notes


def test_daily_fee_is_the_total_spread_over_the_days_of_the_term(samples):
    contract = samples["WHZF-2026-ZWY"]
    assert term_days(contract.start_date, contract.end_date) == 365
    result = run(contract, "第十一条4(日服务费)", days=D(2))
    assert result.amount == D("14012.43")  # 2,557,267.60 ÷ 365 × 2 = 14,012.4252…
    assert result.steps[1] == ("daily fee = contract total ¥2,557,267.60 ÷ 365 days (2026-03-10–2027-03-09) "
                               "= ¥7,006.212602…")


def test_monthly_fee_and_coefficient(samples):
    contract = samples["BJMEMC-2025174-ZC"]
    assert term_months(contract.start_date, contract.end_date) == 7  # 2025-10-16..2026-05-15
    assert term_months(dt.date(2026, 1, 1), dt.date(2026, 1, 15)) == D(15) / 30
    clause = PenaltyClauseData("附件", "严重故障", "monthly_fee_coefficient", payer_role="乙方", rate=D(200))
    result = compute(clause, contract, PenaltyInput(), calendar=CALENDAR, language="en")
    assert result.amount == D("782491.00")  # 2,738,718.50 ÷ 7 = 391,245.50; × 200 %
    assert result.steps == [
        "monthly fee = contract total ¥2,738,718.50 ÷ 7 months (2025-10-16–2026-05-15) = ¥391,245.50",
        "monthly fee ¥391,245.50 × coefficient 200 % = ¥782,491.00",
    ]
    per_day = dataclasses.replace(clause, kind="per_day", rate=D("0.5"), base="monthly_fee")
    assert compute(per_day, contract, PenaltyInput(days=D(3)), calendar=CALENDAR).amount == D("5868.68")
    no_term = dataclasses.replace(contract, start_date=None)
    with pytest.raises(PenaltyInputError) as error:
        compute(clause, no_term, PenaltyInput(), calendar=CALENDAR)
    assert error.value.field == "term"


# ----- day counting -------------------------------------------------------------------------------------


def test_working_days_across_the_national_day_holiday(samples):
    contract = samples["BJMEMC-2025174-ZC"]
    clause = dataclasses.replace(find_clause(contract, "8.1.2"), day_count="working")
    inputs = PenaltyInput(due=dt.date(2025, 9, 30), actual=dt.date(2025, 10, 10))
    result = compute(clause, contract, inputs, calendar=CALENDAR, language="en")
    assert result.days == 2  # 1–8 October 2025 are holidays: only 9 and 10 October count
    assert result.amount == D("54774.37")
    assert "10 calendar days, of which 2 working days" in result.steps[0]
    calendar_days = compute(find_clause(contract, "8.1.2"), contract, inputs, calendar=CALENDAR)
    assert calendar_days.days == 10


def test_working_days_follow_the_officers_holiday_table(samples):
    contract = samples["BJMEMC-2025174-ZC"]
    clause = dataclasses.replace(find_clause(contract, "8.1.2"), day_count="working")
    inputs = PenaltyInput(due=dt.date(2025, 9, 30), actual=dt.date(2025, 10, 10))
    table = WorkingCalendar({dt.date(2025, 10, 9): False})
    assert compute(clause, contract, inputs, calendar=table).days == 1


def test_working_days_in_an_unpublished_year_are_marked_as_an_estimate(samples):
    contract = samples["BJMEMC-2025174-ZC"]
    clause = dataclasses.replace(find_clause(contract, "8.1.2"), day_count="working")
    result = compute(clause, contract, PenaltyInput(due=dt.date(2031, 3, 2), actual=dt.date(2031, 3, 6)),
                     calendar=CALENDAR, language="en")
    assert result.days == 4
    assert any("2031 are not published yet" in note for note in result.notes)


def test_part_days_whole_or_pro_rata(samples):
    contract = samples["2026-021"]
    clause = find_clause(contract, "第十一条1(2)")
    whole = compute(clause, contract, PenaltyInput(days=D("2.5")), calendar=CALENDAR, language="en")
    assert whole.days == 3 and whole.amount == D("124.67")
    assert "A part of a day counts as a whole day (the clause does not say; charged per started day): 3 days" \
        in whole.steps
    prorate = dataclasses.replace(clause, part_day="prorate")
    result = compute(prorate, contract, PenaltyInput(days=D("2.5")), calendar=CALENDAR, language="en")
    assert result.days == D("2.5") and result.amount == D("103.90")  # 41.558 × 2.5 = 103.895
    assert "A part of a day is counted pro rata (the clause)" in result.steps


# ----- bad inputs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("inputs", "field", "words"), [
    ({"days": D(-1)}, "days", "must not be negative"),
    ({"due": dt.date(2026, 5, 15), "actual": dt.date(2026, 5, 1)}, "actual", "before the due date"),
    ({"due": dt.date(2026, 5, 15)}, "actual", "give both"),
    ({"days": D(3), "due": dt.date(2026, 5, 15), "actual": dt.date(2026, 5, 16)}, "days", "not both"),
    ({}, "days", "enter the number of days"),
    ({"days": D(3), "previous_liability": D(-1)}, "previous", "must not be negative"),
])
def test_bad_inputs_are_refused_naming_the_field(samples, inputs, field, words):
    with pytest.raises(PenaltyInputError) as error:
        run(samples["BJMEMC-2025174-ZC"], "8.1.2", **inputs)
    assert error.value.field == field and words in str(error.value)


def test_unknown_clause_and_clauses_that_state_too_little(samples):
    contract = samples["BJMEMC-2025174-ZC"]
    assert find_clause(contract, "9.9") is None
    assert find_clause(contract, " 8.1.2 ") is not None
    for clause, words in (
        (PenaltyClauseData("x", "t", "per_hour", rate=D(1)), "unknown kind"),
        (PenaltyClauseData("x", "t", "per_day"), "states no rate"),
        (PenaltyClauseData("x", "t", "fixed_amount"), "states no amount"),
    ):
        with pytest.raises(PenaltyInputError, match=words):
            compute(clause, contract, PenaltyInput(days=D(1)), calendar=CALENDAR)


def test_yuan_shows_intermediates_exactly_or_marks_the_cut():
    assert yuan(D("2738718.5")) == "¥2,738,718.50"
    assert yuan(D("767.18028")) == "¥767.18028"
    assert yuan(D("2557267.60") / 365) == "¥7,006.212602…"
    assert yuan(D("100.0000001")) == "¥100.00…"


# ----- money properties -----------------------------------------------------------------------------------

totals = st.decimals(min_value=D("0.01"), max_value=D("99999999.99"), places=2)
rates = st.decimals(min_value=D("0.0001"), max_value=D("100"), places=4)
day_counts = st.integers(min_value=0, max_value=3650)


def _half_up(value: Fraction) -> Decimal:
    """Exact rational → yuan, half up (the oracle)."""
    fen = value * 100
    whole = fen.numerator // fen.denominator
    if fen - whole >= Fraction(1, 2):
        whole += 1
    return (D(whole) / 100).quantize(D("0.01"))


def _contract(total: Decimal) -> ContractData:
    return ContractData("P", "P", total, start_date=dt.date(2025, 10, 16), end_date=dt.date(2026, 5, 15))


@settings(max_examples=150, deadline=None)
@given(total=totals, rate=rates, days=day_counts, cap_rate=rates)
def test_never_above_the_cap_and_monotone_in_days(total, rate, days, cap_rate):
    contract = _contract(total)
    clause = PenaltyClauseData("p", "t", "per_day", rate=rate, base="contract_total", cap_rate=cap_rate)
    cap = (total * cap_rate / 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    amount = compute(clause, contract, PenaltyInput(days=D(days)), calendar=CALENDAR).amount
    later = compute(clause, contract, PenaltyInput(days=D(days + 1)), calendar=CALENDAR).amount
    assert D(0) <= amount <= later <= cap


@settings(max_examples=150, deadline=None)
@given(total=totals, rate=rates, days=day_counts, base=st.sampled_from(["contract_total", "monthly_fee", "daily_fee"]))
def test_rounded_once_from_the_exact_value(total, rate, days, base):
    contract = _contract(total)
    clause = PenaltyClauseData("p", "t", "per_day", rate=rate, base=base)
    exact_base = {"contract_total": Fraction(total), "monthly_fee": Fraction(total) / 7,
                  "daily_fee": Fraction(total) / 212}[base]
    expected = _half_up(exact_base * Fraction(rate) / 100 * days)
    assert compute(clause, contract, PenaltyInput(days=D(days)), calendar=CALENDAR).amount == expected


@settings(max_examples=100, deadline=None)
@given(overdue=totals, days=day_counts, previous=st.decimals(min_value=0, max_value=D("60000"), places=2))
def test_party_cap_bounds_what_was_charged_before_plus_this(samples, overdue, days, previous):
    contract = samples["2026-021"]
    result = compute(statutory_sme_clause(), contract,
                     PenaltyInput(days=D(days), overdue_amount=overdue, previous_liability=previous),
                     calendar=CALENDAR)
    assert result.amount >= 0
    assert result.amount + previous <= max(D("41558.00"), previous)
