"""Liquidated damages (违约金) under a contract's own clauses, computed step by step (issue 5).

A clause is a ``PenaltyClauseData`` (ledger ``penalty_clauses.csv``); ``compute`` applies it to
the officer's inputs and returns the amount with every step of the working, in Chinese or English.

Rules (each step of the working names the one it used):

* **Kinds.** ``per_day``: rate % × base × days; ``one_off``: rate % × base;
  ``monthly_fee_coefficient``: the monthly fee × rate % (the severity table's coefficient, 200 =
  200 %); ``fixed_amount``: the stated yuan. ``liability_cap`` rows are not penalties: they cap the
  total that ``payer_role`` pays under all clauses (e.g. 2026-021 第十一条2(2): 甲方's penalties and
  damages together at most 10 % of the total).
* **Bases** (yuan). ``contract_total``: the contract's total (tax included); ``overdue_amount``: the
  unpaid or late sum the officer enters; ``monthly_fee``: total ÷ term months; ``daily_fee``: total ÷
  term days. The term is ``start_date``..``end_date``, both days included. Term months =
  ``relativedelta(end + 1 day, start)`` in whole months, a remaining part month at 30 days a month
  (2025-10-16..2026-05-15 is 7 months; the contracts give no rule for part months). Term days =
  ``end − start + 1`` (WHZF-2026-ZWY 第十一条4 refunds "按照合同约定服务费折算出的日服务费": the fee
  spread evenly over the days of the term).
* **Days.** Either a number of days (fractions allowed) or the due date and the actual date:
  the days late are the days after the due date up to and including the actual date —
  calendar days (``day_count`` ``calendar``, the default) or working days on the China working-day
  calendar (``services.calendar.workdays.WorkingCalendar``, holidays and 调休 make-up days included). A part
  of a day counts as a whole day (``part_day`` ``whole``, also when the clause says nothing: the
  contracts charge "每逾期一日", per started day) or pro rata (``prorate``).
* **Caps.** A clause's own cap (``cap_rate`` % of ``cap_base``, default the contract total, and/or
  ``cap_amount``; the lower one) bounds the clause's cumulative total ("违约金额累计不超过…"), so
  amounts already charged under the same clause (``PenaltyInput.previous_clause``) use up part of it.
  A ``liability_cap`` row of the payer bounds everything the payer is charged: amounts already
  charged under any clause (``previous_liability``) count against it.
* **Termination.** ``terminate_after_days``: after more than N days late the other party may
  terminate ("逾期超过15日"). When crossed, the clause ``<ref>(解除)`` of the same contract, if any, is
  computed beside the daily figure (its one-off percent), with the refund its text names (退还…).
* **Statutory rate.** Where the contract names no rate for the purchaser's late payment to a small
  or medium supplier, 《保障中小企业款项支付条例》 (国务院令第802号, in force 1 June 2025) sets
  late-payment interest at 万分之五 (0.05 %) per day of the overdue amount: ``statutory_sme_clause``.
* **Money.** ``Decimal`` throughout, at 60 significant digits (divisions by months or days are the
  only inexact operations); caps compare exact values; the result is rounded half up to the fen once,
  at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import ROUND_CEILING, Decimal, localcontext

from dateutil.relativedelta import relativedelta

from models.base import decimal_text
from services.calendar.workdays import WorkingCalendar
from services.money import round_yuan
from services.penalty.types import (
    BASE_NAMES,
    PENALTY_ACTUAL_BEFORE_DUE,
    PENALTY_CAP_NEEDS_OVERDUE,
    PENALTY_CLAUSE_IS_CAP,
    PENALTY_CLAUSE_NO_AMOUNT,
    PENALTY_CLAUSE_NO_RATE,
    PENALTY_CLAUSE_UNKNOWN_BASE,
    PENALTY_CLAUSE_UNKNOWN_KIND,
    PENALTY_DATES_INCOMPLETE,
    PENALTY_DAYS_AND_DATES,
    PENALTY_DAYS_NEEDED,
    PENALTY_DAYS_NEGATIVE,
    PENALTY_NEGATIVE,
    PENALTY_OVERDUE_NEEDED,
    PENALTY_TERM_MISSING,
    PENALTY_TERM_REVERSED,
    ZERO,
    PenaltyInput,
    PenaltyInputError,
    PenaltyResult,
    TerminationLeg,
    date_text,
    days_text,
    lang_code,
    pct,
    yuan,
)
from services.register.contract_data import ContractData, PenaltyClauseData

__all__ = [
    "BASES",
    "KINDS",
    "LIABILITY_CAP",
    "STATUTORY_SME_REF",
    "PenaltyInput",
    "PenaltyInputError",
    "PenaltyResult",
    "TerminationLeg",
    "computable_clauses",
    "compute",
    "find_clause",
    "is_statutory",
    "statutory_sme_clause",
    "term_days",
    "term_months",
    "yuan",
]

KINDS = ("per_day", "one_off", "monthly_fee_coefficient", "fixed_amount")
#: A row that caps the payer's total liability instead of stating a penalty.
LIABILITY_CAP = "liability_cap"
BASES = ("contract_total", "overdue_amount", "monthly_fee", "daily_fee")
#: The suffix of the clause that states what terminating for a clause's breach costs (8.1.2(解除)).
TERMINATION_SUFFIX = "(解除)"
#: Reference of the ad-hoc statutory rule (never a contract's own clause reference).
STATUTORY_SME_REF = "statutory-sme"
STATUTORY_SME_RATE = Decimal("0.05")
STATUTORY_SME_TEXT = (
    "《保障中小企业款项支付条例》（2020年国务院令第728号公布，2025年国务院令第802号修订，2025年6月1日起施行）："
    "机关、事业单位和大型企业迟延支付中小企业款项的，应当支付逾期利息。双方对逾期利息的利率有约定的，约定利率"
    "不得低于合同订立时1年期贷款市场报价利率；未作约定的，按照每日利率万分之五支付逾期利息。"
)
PRECISION = 60

# ----- clauses ----------------------------------------------------------------------------------


def statutory_sme_clause(payer_role: str = "甲方") -> PenaltyClauseData:
    """The ad-hoc statutory rule: late payment to a small or medium supplier where the contract names
    no rate — 0.05 % per day of the overdue amount, calendar days, per started day
    (《保障中小企业款项支付条例》, 2025 revision: "未作约定的，按照每日利率万分之五支付逾期利息")."""
    return PenaltyClauseData(
        clause_ref=STATUTORY_SME_REF, trigger="迟延支付中小企业款项（合同未约定逾期利率）", kind="per_day",
        payer_role=payer_role, rate=STATUTORY_SME_RATE, base="overdue_amount", day_count="calendar",
        part_day="whole", text=STATUTORY_SME_TEXT,
    )


def is_statutory(clause: PenaltyClauseData) -> bool:
    """True for the rule of ``statutory_sme_clause`` (not one of the contract's clauses)."""
    return clause.clause_ref == STATUTORY_SME_REF


def computable_clauses(contract: ContractData) -> list[PenaltyClauseData]:
    """The contract's clauses that state a penalty (all but ``liability_cap`` rows), in order."""
    return [c for c in contract.penalty_clauses if c.kind != LIABILITY_CAP]


def find_clause(contract: ContractData, clause_ref: str) -> PenaltyClauseData | None:
    """The clause ``clause_ref`` of ``contract`` (spaces around it ignored), else None."""
    wanted = clause_ref.strip()
    return next((c for c in contract.penalty_clauses if c.clause_ref.strip() == wanted), None)


# ----- the term ---------------------------------------------------------------------------------


def _term(contract: ContractData) -> tuple[dt.date, dt.date]:
    start, end = contract.start_date, contract.end_date
    if start is None or end is None:
        raise PenaltyInputError("term", PENALTY_TERM_MISSING)
    if end < start:
        raise PenaltyInputError("term", PENALTY_TERM_REVERSED)
    return start, end


def term_months(start: dt.date, end: dt.date) -> Decimal:
    """Months of the term ``start``..``end`` (both included): whole months of
    ``relativedelta(end + 1 day, start)`` plus remaining days ÷ 30."""
    delta = relativedelta(end + dt.timedelta(days=1), start)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return Decimal(delta.years * 12 + delta.months) + Decimal(delta.days) / 30


def term_days(start: dt.date, end: dt.date) -> int:
    """Calendar days of the term ``start``..``end``, both included."""
    return (end - start).days + 1


# ----- the calculation --------------------------------------------------------------------------


class _Working:
    """Collects the steps and notes of one calculation in one language; bases computed once."""

    def __init__(self, contract: ContractData, inputs: PenaltyInput, lang: str) -> None:
        self.contract, self.inputs, self.lang = contract, inputs, lang
        self.steps: list[str] = []
        self.notes: list[str] = []
        self._bases: dict[str, tuple[Decimal, str]] = {}

    def say(self, en: str, zh: str) -> str:
        return zh if self.lang == "zh" else en

    def base(self, name: str | None) -> tuple[Decimal, str]:
        """(value in yuan, its label for a formula) of the base ``name``, adding its step once."""
        name = name or "contract_total"
        if name in self._bases:
            return self._bases[name]
        label = BASE_NAMES[name][self.lang == "zh"]
        total = self.contract.total_amount
        if name == "contract_total":
            value = total
        elif name == "overdue_amount":
            if self.inputs.overdue_amount is None:  # a liability cap measured on the overdue amount
                raise PenaltyInputError("overdue_amount", PENALTY_CAP_NEEDS_OVERDUE)
            value = self.inputs.overdue_amount
        else:
            start, end = _term(self.contract)
            span = f"{date_text(start, self.lang)}–{date_text(end, self.lang)}"
            if name == "monthly_fee":
                months = term_months(start, end)
                value = total / months
                count = self.say(f"{decimal_text(months)} months", f"{decimal_text(months)}个月")
            else:
                days = term_days(start, end)
                value = total / days
                count = self.say(f"{days} days", f"{days}日")
            self.steps.append(self.say(f"{label} = contract total {yuan(total)} ÷ {count} ({span}) = {yuan(value)}",
                                       f"{label} = 合同总额{yuan(total)} ÷ {count}（{span}）= {yuan(value)}"))
        self._bases[name] = (value, f"{label} {yuan(value)}" if self.lang == "en" else f"{label}{yuan(value)}")
        return self._bases[name]


def _check_clause(clause: PenaltyClauseData) -> None:
    if clause.kind == LIABILITY_CAP:
        raise PenaltyInputError("clause", PENALTY_CLAUSE_IS_CAP, clause=clause.clause_ref)
    if clause.kind not in KINDS:
        raise PenaltyInputError("clause", PENALTY_CLAUSE_UNKNOWN_KIND, clause=clause.clause_ref, kind=clause.kind)
    if clause.kind == "fixed_amount":
        if clause.amount is None:
            raise PenaltyInputError("clause", PENALTY_CLAUSE_NO_AMOUNT, clause=clause.clause_ref)
    elif clause.rate is None:
        raise PenaltyInputError("clause", PENALTY_CLAUSE_NO_RATE, clause=clause.clause_ref)
    for base in (clause.base, clause.cap_base):
        if base is not None and base not in BASES:
            raise PenaltyInputError("clause", PENALTY_CLAUSE_UNKNOWN_BASE, clause=clause.clause_ref, base=base)


def _check_inputs(clause: PenaltyClauseData, inputs: PenaltyInput) -> None:
    if inputs.days is not None and (inputs.due is not None or inputs.actual is not None):
        raise PenaltyInputError("days", PENALTY_DAYS_AND_DATES)
    if inputs.days is not None and inputs.days < 0:
        raise PenaltyInputError("days", PENALTY_DAYS_NEGATIVE, days=decimal_text(inputs.days))
    if (inputs.due is None) != (inputs.actual is None):
        missing = "actual" if inputs.actual is None else "due"
        raise PenaltyInputError(missing, PENALTY_DATES_INCOMPLETE)
    if inputs.due is not None and inputs.actual is not None and inputs.actual < inputs.due:
        raise PenaltyInputError("actual", PENALTY_ACTUAL_BEFORE_DUE, actual=inputs.actual.isoformat(),
                                due=inputs.due.isoformat())
    if clause.kind == "per_day" and inputs.days is None and inputs.due is None:
        raise PenaltyInputError("days", PENALTY_DAYS_NEEDED)
    needs_overdue = clause.kind != "fixed_amount" and clause.base == "overdue_amount"
    needs_overdue = needs_overdue or (clause.cap_rate is not None and clause.cap_base == "overdue_amount")
    if needs_overdue and inputs.overdue_amount is None:
        raise PenaltyInputError("overdue_amount", PENALTY_OVERDUE_NEEDED)
    if inputs.overdue_amount is not None and inputs.overdue_amount < 0:
        raise PenaltyInputError("overdue_amount", PENALTY_NEGATIVE)
    if inputs.previous_liability < 0 or inputs.previous_clause < 0:
        raise PenaltyInputError("previous", PENALTY_NEGATIVE)


def _count_days(clause: PenaltyClauseData, inputs: PenaltyInput, calendar: WorkingCalendar, w: _Working) -> Decimal:
    """The days the clause charges for, after the day-count and part-day rules (steps added)."""
    working = clause.day_count == "working"
    lang = w.lang
    if inputs.due is not None and inputs.actual is not None:
        due, actual = inputs.due, inputs.actual
        calendar_days = (actual - due).days
        if working:
            count = calendar.working_days_between(due, actual)
            w.steps.append(w.say(
                f"Days late: due {date_text(due, lang)}, done {date_text(actual, lang)}: {calendar_days} calendar "
                f"days, of which {count} working days on the China working-day calendar (holidays and make-up days "
                "included)",
                f"逾期天数：应于{date_text(due, lang)}履行，实际{date_text(actual, lang)}，共{calendar_days}个自然日，"
                f"按国家法定节假日及调休安排计{count}个工作日"))
            span = [due + dt.timedelta(days=n) for n in range(1, calendar_days + 1)]
            estimated = sorted({day.year for day in span if calendar.is_estimate(day)})
            if estimated:
                years = ", ".join(str(y) for y in estimated)
                w.notes.append(w.say(f"the holidays of {years} are not published yet: working days are an estimate",
                                     f"{years}年节假日安排尚未公布，工作日为估算"))
        else:
            count = calendar_days
            w.steps.append(w.say(
                f"Days late: due {date_text(due, lang)}, done {date_text(actual, lang)}: {count} calendar days",
                f"逾期天数：应于{date_text(due, lang)}履行，实际{date_text(actual, lang)}，计{count}个自然日"))
        return Decimal(count)
    days = inputs.days
    assert days is not None
    entered = days_text(days, working, lang)
    w.steps.append(w.say(f"Days entered: {entered}", f"输入天数：{entered}"))
    if days == days.to_integral_value():
        return days
    if clause.part_day == "prorate":
        w.steps.append(w.say("A part of a day is counted pro rata (the clause)", "不足一日按比例计算（依条款）"))
        return days
    whole = days.to_integral_value(rounding=ROUND_CEILING)
    source = w.say("the clause", "依条款") if clause.part_day == "whole" else w.say(
        "the clause does not say; charged per started day", "条款未约定，按每逾期一日计")
    w.steps.append(w.say(f"A part of a day counts as a whole day ({source}): {days_text(whole, working, lang)}",
                         f"不足一日按一日计（{source}）：{days_text(whole, working, lang)}"))
    return whole


def _cap_value(clause: PenaltyClauseData, w: _Working) -> tuple[Decimal, str] | None:
    """The clause's cap in yuan (the lower of cap_rate % of cap_base and cap_amount) and how it was found."""
    caps: list[tuple[Decimal, str]] = []
    if clause.cap_rate is not None:
        base, label = w.base(clause.cap_base)
        value = base * clause.cap_rate / 100
        caps.append((value, w.say(f"{pct(clause.cap_rate, 'en')} of {label} = {yuan(value)}",
                                  f"{label} × {pct(clause.cap_rate, 'zh')} = {yuan(value)}")))
    if clause.cap_amount is not None:
        caps.append((clause.cap_amount, yuan(clause.cap_amount)))
    return min(caps, key=lambda cap: cap[0]) if caps else None


def _apply_cap(amount: Decimal, cap: Decimal, how: str, previous: Decimal, w: _Working, en: str, zh: str,
               previous_en: str, previous_zh: str) -> tuple[Decimal, bool]:
    text = w.say(f"{en}: {how}", f"{zh}：{how}")
    room = cap
    if previous:
        room = max(cap - previous, ZERO)
        text += w.say(f", less {yuan(previous)} {previous_en} = {yuan(room)} remaining",
                      f"，扣除{previous_zh}{yuan(previous)}，尚余{yuan(room)}")
    if amount > room:
        w.steps.append(text + w.say(f"; reached: the amount is limited to {yuan(room)}",
                                    f"；已达上限，按{yuan(room)}计"))
        w.notes.append(w.say(f"{en} applied: {yuan(amount)} reduced to {yuan(room)}",
                             f"适用{zh}：{yuan(amount)}减至{yuan(room)}"))
        return room, True
    w.steps.append(text + w.say("; not reached", "；未达上限"))
    return amount, False


def compute(
    clause: PenaltyClauseData, contract: ContractData, inputs: PenaltyInput, *, calendar: WorkingCalendar,
    language: str = "zh", clauses: list[PenaltyClauseData] | None = None,
) -> PenaltyResult:
    """Liquidated damages under ``clause`` of ``contract`` for ``inputs``, with the working in
    ``language`` (``zh``/``zh_CN`` or ``en``); see the module docstring for every rule.

    ``clauses`` are the contract's clauses searched for the termination leg and the payer's
    ``liability_cap`` (default ``contract.penalty_clauses``). ``calendar`` counts working days.
    Raises ``PenaltyInputError`` for inputs the clause cannot use (naming the field).
    """
    lang = lang_code(language)
    clauses = contract.penalty_clauses if clauses is None else clauses
    _check_clause(clause)
    _check_inputs(clause, inputs)
    w = _Working(contract, inputs, lang)
    days: Decimal | None = None
    capped = False
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if clause.kind == "fixed_amount":
            assert clause.amount is not None
            exact = clause.amount
            w.steps.append(w.say(f"Fixed amount stated by the clause: {yuan(exact)}",
                                 f"条款约定的固定金额：{yuan(exact)}"))
        else:
            assert clause.rate is not None
            rate = clause.rate
            if clause.kind == "per_day":
                days = _count_days(clause, inputs, calendar, w)
            base, label = w.base("monthly_fee" if clause.kind == "monthly_fee_coefficient" else clause.base)
            exact = base * rate / 100 * (days if days is not None else 1)
            if days is not None:
                per = days_text(days, clause.day_count == "working", lang)
                w.steps.append(w.say(f"{pct(rate, 'en')} × {label} × {per} = {yuan(exact)}",
                                     f"{label} × {pct(rate, 'zh')}/日 × {per} = {yuan(exact)}"))
            elif clause.kind == "monthly_fee_coefficient":
                w.steps.append(w.say(f"{label} × coefficient {pct(rate, 'en')} = {yuan(exact)}",
                                     f"{label} × 系数{pct(rate, 'zh')} = {yuan(exact)}"))
            else:
                w.steps.append(w.say(f"{pct(rate, 'en')} × {label} = {yuan(exact)}",
                                     f"{label} × {pct(rate, 'zh')} = {yuan(exact)}"))
        if clause.kind != "per_day" and (inputs.days is not None or inputs.due is not None):
            w.notes.append(w.say("the days entered are not used: this clause is not charged per day",
                                 "该条款不按日计算，所填天数未使用"))
        cap = _cap_value(clause, w)
        if cap is not None:
            exact, hit = _apply_cap(exact, cap[0], cap[1], inputs.previous_clause, w, "Cap of the clause",
                                    "本条上限", "already charged under this clause", "本条已计")
            capped |= hit
        for limit in clauses:
            if limit.kind != LIABILITY_CAP or not clause.payer_role or limit.payer_role != clause.payer_role:
                continue
            found = _cap_value(limit, w)
            if found is None:
                continue
            exact, hit = _apply_cap(
                exact, found[0], found[1], inputs.previous_liability, w,
                f"Cap on {clause.payer_role}'s total liability ({limit.clause_ref})",
                f"{clause.payer_role}违约责任累计上限（{limit.clause_ref}）",
                f"already charged to {clause.payer_role}", f"{clause.payer_role}已计")
            capped |= hit
        amount = round_yuan(exact)
        if amount != exact:
            w.steps.append(w.say(f"Rounded half up to the fen, once: {yuan(amount)}",
                                 f"四舍五入至分（仅此一次）：{yuan(amount)}"))
    result = PenaltyResult(
        clause_ref=clause.clause_ref, trigger=clause.trigger, payer_role=clause.payer_role, clause_text=clause.text,
        language=lang, amount=amount, exact=exact, steps=w.steps, notes=w.notes, days=days, capped=capped,
        statutory=is_statutory(clause),
    )
    if result.statutory:
        _statutory_notes(clause, clauses, w)
    if clause.terminate_after_days is not None and days is not None:
        _termination(clause, contract, inputs, result, clauses, calendar, w)
    return result


def _statutory_notes(clause: PenaltyClauseData, clauses: list[PenaltyClauseData], w: _Working) -> None:
    w.notes.append(w.say(
        "statutory rate, not a contract clause: late-payment interest of 0.05 % per day of the overdue amount "
        "(保障中小企业款项支付条例, 2025); it applies only when the supplier is a small or medium enterprise and "
        "the contract names no rate",
        "法定利率，非合同条款：按逾期金额每日万分之五支付逾期利息（《保障中小企业款项支付条例》，2025年修订）；"
        "仅适用于供应商为中小企业且合同未约定逾期利率的情形"))
    own = [c.clause_ref for c in clauses if c.kind == "per_day" and c.base == "overdue_amount"
           and c.payer_role == clause.payer_role]
    if own:
        refs = "、".join(own)
        w.notes.append(w.say(f"the contract names its own rate for late payment ({refs}): the statutory rate "
                             "applies only where the contract names none",
                             f"合同已约定逾期付款违约金（{refs}），法定利率仅在合同未约定时适用"))


_REFUND = re.compile(r"退还[^，。；,;]*")


def _termination(clause: PenaltyClauseData, contract: ContractData, inputs: PenaltyInput, result: PenaltyResult,
                 clauses: list[PenaltyClauseData], calendar: WorkingCalendar, w: _Working) -> None:
    threshold = clause.terminate_after_days
    days = result.days
    assert threshold is not None and days is not None
    other = "乙方" if clause.payer_role == "甲方" else "甲方"
    counted = days_text(days, clause.day_count == "working", w.lang)
    if days <= threshold:
        w.notes.append(w.say(f"termination threshold: more than {threshold} days; {counted}: not crossed",
                             f"解除阈值：逾期超过{threshold}日；现{counted}，未超过"))
        return
    result.terminated = True
    w.notes.append(w.say(f"more than {threshold} days late ({counted}): {other} may terminate the contract "
                         f"({clause.clause_ref})",
                         f"逾期超过{threshold}日（{counted}）：{other}有权解除合同（{clause.clause_ref}）"))
    leg_clause = next((c for c in clauses if c.clause_ref == clause.clause_ref + TERMINATION_SUFFIX), None)
    if leg_clause is None:
        return
    leg_inputs = replace(inputs, days=None, due=None, actual=None, previous_clause=ZERO,
                         previous_liability=inputs.previous_liability + result.exact)
    leg = compute(leg_clause, contract, leg_inputs, calendar=calendar, language=w.lang, clauses=clauses)
    refund = _REFUND.search(leg_clause.text or "")
    result.termination_leg = TerminationLeg(leg_clause.clause_ref, leg.amount, leg.steps,
                                            refund.group(0) if refund else None)
