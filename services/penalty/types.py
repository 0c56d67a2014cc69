"""The values of a liquidated-damages calculation (``services.penalty.compute``): what the officer enters
(``PenaltyInput``), what comes out (``PenaltyResult``, ``TerminationLeg``), the error naming the
field (``PenaltyInputError``), and how amounts, percents, days and dates read in the working, in
Chinese (``zh``) or English (``en``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from models.base import decimal_text
from services.errors import InputError, define
from services.money import round_yuan, yuan_text

__all__ = ["PenaltyInput", "PenaltyInputError", "PenaltyResult", "TerminationLeg", "yuan"]

ZERO = Decimal("0")

FIELDS = {
    "clause": ("clause", "条款"), "days": ("days", "天数"), "due": ("due date", "应履行日"),
    "actual": ("actual date", "实际履行日"), "overdue_amount": ("overdue amount", "逾期金额"),
    "term": ("contract term", "服务期限"), "previous": ("amounts already charged", "已计金额"),
}
# The messages of ``PenaltyInputError`` (the field's label is put before them).
PENALTY_TERM_MISSING = define("PENALTY_TERM_MISSING", "按月或按日服务费计算需要合同的开始日期和结束日期",
                              "the contract needs a start and an end date for a monthly or daily fee")
PENALTY_TERM_REVERSED = define("PENALTY_TERM_REVERSED", "合同结束日期早于开始日期",
                               "the contract ends before it starts")
PENALTY_CAP_NEEDS_OVERDUE = define("PENALTY_CAP_NEEDS_OVERDUE", "上限以逾期金额为基数，请填写逾期金额",
                                   "the cap's base is the overdue amount: enter it")
PENALTY_CLAUSE_IS_CAP = define("PENALTY_CLAUSE_IS_CAP", "{clause}为违约责任累计上限，不是违约金条款",
                               "{clause} caps a party's total liability; it is not a penalty")
PENALTY_CLAUSE_UNKNOWN_KIND = define("PENALTY_CLAUSE_UNKNOWN_KIND", "{clause}：未知的计算方式“{kind}”",
                                     "{clause}: unknown kind '{kind}'")
PENALTY_CLAUSE_NO_AMOUNT = define("PENALTY_CLAUSE_NO_AMOUNT", "{clause}未载明金额", "{clause} states no amount")
PENALTY_CLAUSE_NO_RATE = define("PENALTY_CLAUSE_NO_RATE", "{clause}未载明比例", "{clause} states no rate")
PENALTY_CLAUSE_UNKNOWN_BASE = define("PENALTY_CLAUSE_UNKNOWN_BASE", "{clause}：未知的计算基数“{base}”",
                                     "{clause}: unknown base '{base}'")
PENALTY_DAYS_AND_DATES = define("PENALTY_DAYS_AND_DATES", "请填写天数或两个日期，不能同时填写",
                                "give either the number of days or the two dates, not both")
PENALTY_DAYS_NEGATIVE = define("PENALTY_DAYS_NEGATIVE", "不能为负数（{days}）", "must not be negative ({days})")
PENALTY_DATES_INCOMPLETE = define("PENALTY_DATES_INCOMPLETE", "请同时填写应履行日和实际履行日",
                                  "give both the due date and the actual date")
PENALTY_ACTUAL_BEFORE_DUE = define("PENALTY_ACTUAL_BEFORE_DUE", "{actual}早于应履行日{due}",
                                   "{actual} is before the due date {due}")
PENALTY_DAYS_NEEDED = define("PENALTY_DAYS_NEEDED", "请填写天数，或应履行日和实际履行日",
                             "enter the number of days, or the due date and the actual date")
PENALTY_OVERDUE_NEEDED = define("PENALTY_OVERDUE_NEEDED", "该条款以逾期金额为计算基数，请填写逾期金额",
                                "the clause's base is the overdue amount: enter it")
PENALTY_BAD_VALUE = define("PENALTY_BAD_VALUE", "无法识别“{text}”", "cannot read '{text}'")
PENALTY_NEGATIVE = define("PENALTY_NEGATIVE", "不能为负数", "must not be negative")
PENALTY_CLAUSE_NOT_IN_FORCE = define("PENALTY_CLAUSE_NOT_IN_FORCE", "{date}时合同无条款 {clause}",
                                     "clause {clause} was not in force on {date}")

BASE_NAMES = {
    "contract_total": ("contract total", "合同总额"), "overdue_amount": ("overdue amount", "逾期金额"),
    "monthly_fee": ("monthly fee", "月服务费"), "daily_fee": ("daily fee", "日服务费"),
}


class PenaltyInputError(InputError):
    """Inputs (or a clause) the calculation cannot use: a coded, translated ``InputError`` that also
    names the input in ``field`` (``days``, ``due``, ``actual``, ``overdue_amount``, ``term``,
    ``clause``, ``previous``). ``message(language)`` reads "field label：text [CODE]" in Chinese or
    English (``str()`` is the English). Raises ``KeyError`` for an undefined ``code``."""

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.field = field
        super().__init__(code, **params)

    def text(self, language: str = "en") -> str:
        """The field's label and the text in ``language``, without the code."""
        zh = lang_code(language) == "zh"
        return f"{FIELDS[self.field][zh]}{'：' if zh else ': '}{super().text('zh_CN' if zh else 'en')}"


@dataclass(frozen=True)
class PenaltyInput:
    """What the officer enters. ``days`` (may have a fraction) *or* ``due`` and ``actual`` (the day
    performance was due and the day it happened); ``overdue_amount`` in yuan when a base needs it;
    ``previous_liability``: yuan already charged to the payer under any clause (for a
    ``liability_cap``); ``previous_clause``: yuan already charged under this clause (for its cap)."""

    days: Decimal | None = None
    due: dt.date | None = None
    actual: dt.date | None = None
    overdue_amount: Decimal | None = None
    previous_liability: Decimal = ZERO
    previous_clause: Decimal = ZERO


@dataclass
class TerminationLeg:
    """What terminating costs the payer under the clause ``clause_ref`` (e.g. 8.1.2(解除)): ``amount``
    in yuan (rounded half up once), its ``steps``, and the ``refund`` the clause names (its words)."""

    clause_ref: str
    amount: Decimal
    steps: list[str]
    refund: str | None


@dataclass
class PenaltyResult:
    """The outcome: ``amount`` in yuan rounded half up to the fen once (``exact`` before that),
    the ``steps`` of the working and ``notes`` (threshold, caps, statutory rate) in ``language``,
    the ``days`` counted (None for a one-off), whether the termination threshold was crossed
    (``terminated``) and the ``termination_leg`` computed beside it, whether a cap limited the
    amount (``capped``)."""

    clause_ref: str
    trigger: str
    payer_role: str | None
    clause_text: str | None
    language: str
    amount: Decimal
    exact: Decimal
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    days: Decimal | None = None
    terminated: bool = False
    termination_leg: TerminationLeg | None = None
    capped: bool = False
    statutory: bool = False

    def working(self) -> str:
        """The whole working as plain text: the clause and its words, numbered steps, notes, the
        termination leg and the result (what is copied, saved and printed)."""
        zh = self.language == "zh"
        payer = ""
        if self.payer_role:
            payer = f"（{self.payer_role}）" if zh else f" ({self.payer_role})"
        if self.statutory:
            head = "法定利率（非合同条款）" if zh else "Statutory rate (not a contract clause)"
        else:
            head = f"条款 {self.clause_ref}" if zh else f"Clause {self.clause_ref}"
        lines = [f"{head}{payer}{'：' if zh else ': '}{self.trigger}"]
        if self.clause_text:
            lines.append(f"“{self.clause_text}”")
        lines += [f"{number}. {step}" for number, step in enumerate(self.steps, start=1)]
        lines += [("注：" if zh else "Note: ") + note for note in self.notes]
        leg = self.termination_leg
        if leg is not None:
            if zh:
                lines.append(f"解除合同（{leg.clause_ref}）：" + "；".join(leg.steps))
            else:
                lines.append(f"Termination leg ({leg.clause_ref}): " + "; ".join(leg.steps))
            if leg.refund:
                lines.append(("并" if zh else "and, as the clause names: ") + leg.refund)
        if self.statutory:
            lines.append(("逾期利息（法定）：" if zh else "Late-payment interest (statutory): ") + yuan(self.amount))
        else:
            lines.append(("违约金：" if zh else "Liquidated damages: ") + yuan(self.amount))
        return "\n".join(lines)


# ----- formatting -------------------------------------------------------------------------------


def yuan(value: Decimal) -> str:
    """``¥2,738,718.50``: two decimals when the value has no more; an unrounded intermediate with up
    to six decimals exactly (``¥767.18028``), or cut at six with ``…`` (``¥7,006.212602…``)."""
    if value == round_yuan(value):
        return f"¥{yuan_text(value)}"
    cut = value.quantize(Decimal("0.000001"), rounding=ROUND_DOWN)
    whole, _, fraction = f"{cut:,f}".partition(".")
    fraction = fraction.rstrip("0").ljust(2, "0")
    return f"¥{whole}.{fraction}" + ("" if cut == value else "…")


def lang_code(language: str) -> str:
    return "zh" if language.lower().startswith("zh") else "en"


def pct(rate: Decimal, lang: str) -> str:
    return f"{decimal_text(rate)}%" if lang == "zh" else f"{decimal_text(rate)} %"


def days_text(days: Decimal, working: bool, lang: str) -> str:
    number = decimal_text(days)
    if lang == "zh":
        return f"{number}个工作日" if working else f"{number}日"
    unit = "working day" if working else "day"
    return f"{number} {unit}" + ("" if days == 1 else "s")


def date_text(day: dt.date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()
