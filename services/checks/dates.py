"""Checks of a contract's dates: the term, the signing date, fixed due dates of installments and
milestones. Dates are ``datetime.date``; the term's end is its last day (spec ``csv-format.md``).

Relative deadlines (``due_after`` + ``due_offset``) are not resolved here: they need the dates
of the events and the official working-day calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dateutil.relativedelta import relativedelta

from services.checks.base import Problem, error, warning
from services.register.contract_data import ContractData, LineItemData

#: Signing this long (or longer) before the term starts is taken for a mistyped year
#: (BJMEMC-2025174-ZC's signature blocks read "2015.7.24" for a 2025 contract).
LONG_BEFORE = relativedelta(years=1)
#: A fixed due date this long after the end of the term is suspicious.
LONG_AFTER = relativedelta(years=1)


def term_length(start: dt.date, end: dt.date) -> tuple[int, int]:
    """(whole months, remaining days) from ``start`` to ``end``, both days included:
    2025-10-16 … 2026-05-15 → (7, 0); 2026-03-10 … 2027-03-09 → (12, 0); 2025-01-01 … 2025-01-10 → (0, 10).
    Calendar months as ``dateutil.relativedelta`` counts them (a month from Jan 31 is Feb 28/29)."""
    delta = relativedelta(end + dt.timedelta(days=1), start)
    return delta.years * 12 + delta.months, delta.days


def _term_zh(months: int, days: int) -> str:
    return f"{months}个月" + (f"{days}天" if days else "")


def _term_en(months: int, days: int) -> str:
    return f"{months} months" + (f" {days} days" if days else "")


def check_term(
    start: dt.date | None, end: dt.date | None, lines: Sequence[LineItemData], term_months: int | None = None,
) -> list[Problem]:
    """The term against itself and against the billing months of the lines:

    * ``end_before_start`` (error) — the term ends before it starts;
    * ``term_months_mismatch`` (error) — ``term_months``, the term in months as the contract
      writes it (合同有效期 7 个月; not stored yet: pass it when it is), ≠ the whole months from
      start to end;
    * ``line_months_exceed_term`` (error) — a line billed for more months than the term has
      (a part month counts as one);
    * ``lines_shorter_than_term`` (warning) — every line billed per month runs for fewer months
      than the term (WHZF-2026-ZWY's 6-month lines are fine: others run the 12).
    """
    if start is None or end is None:
        return []
    if end < start:
        return [error("end_before_start", f"服务结束日期{end}早于开始日期{start}",
                      f"The term ends ({end}) before it starts ({start})", "end_date", "start_date")]
    months, days = term_length(start, end)
    problems: list[Problem] = []
    if term_months is not None and (term_months != months or days):
        problems.append(error(
            "term_months_mismatch",
            f"合同期限写为{term_months}个月，但{start}至{end}为{_term_zh(months, days)}",
            f"The term is written as {term_months} months, but {start} – {end} is {_term_en(months, days)}",
            "term_months", "start_date", "end_date",
        ))
    billed = [(i, line) for i, line in enumerate(lines) if line.periods is not None]
    allowed = months + (1 if days else 0)
    for i, line in billed:
        assert line.periods is not None
        if line.periods > allowed:
            problems.append(error(
                "line_months_exceed_term",
                f"第{line.seq}行按{line.periods}个月计费，超过服务期{start}至{end}（{_term_zh(months, days)}）",
                f"Line {line.seq} is billed for {line.periods} months, more than the term {start} – {end} "
                f"({_term_en(months, days)})",
                f"line_items[{i}].periods", "end_date",
            ))
    if billed and months >= 1:
        i, longest = max(billed, key=lambda pair: pair[1].periods or 0)
        if (longest.periods or 0) < months:
            problems.append(warning(
                "lines_shorter_than_term",
                f"服务期{start}至{end}为{_term_zh(months, days)}，但计费月数最多的行（第{longest.seq}行）"
                f"只有{longest.periods}个月",
                f"The term {start} – {end} is {_term_en(months, days)}, but no line is billed for more than "
                f"{longest.periods} months (line {longest.seq})",
                f"line_items[{i}].periods", "end_date",
            ))
    return problems


def check_signing(data: ContractData, today: dt.date) -> list[Problem]:
    """The signing date against the term and today:

    * ``signed_after_start`` (warning) — signed after the term started (service before contract);
    * ``signed_long_before_start`` (error) — signed a year or more before the term starts (or,
      without a start, before it takes effect): most likely a mistyped year;
    * ``signed_in_future`` (warning) — signed after ``today``; depends on the day, so not part of
      the stored ``problem_level`` (``TODAY_DEPENDENT``).
    """
    sign = data.sign_date
    if sign is None:
        return []
    problems: list[Problem] = []
    start = data.start_date
    if start is not None and sign > start:
        problems.append(warning(
            "signed_after_start",
            f"签订日期{sign}晚于服务开始日期{start}（先履约后签合同）",
            f"Signed on {sign}, after the term started on {start} (service before contract)",
            "sign_date", "start_date",
        ))
    reference, name_zh, name_en, field = (
        (start, "服务开始日期", "the term starts", "start_date") if start is not None
        else (data.effective_date, "生效日期", "the contract takes effect", "effective_date")
    )
    if reference is not None and sign <= reference - LONG_BEFORE:
        problems.append(error(
            "signed_long_before_start",
            f"签订日期{sign}比{name_zh}{reference}早一年以上，年份可能写错（如把2025写成2015）",
            f"Signed on {sign}, a year or more before {name_en} on {reference}: "
            "is the year mistyped (2015 for 2025)?",
            "sign_date", field,
        ))
    if sign > today:
        problems.append(warning("signed_in_future", f"签订日期{sign}晚于今天（{today}）",
                                f"The signing date {sign} is after today ({today})", "sign_date"))
    return problems


def check_due_dates(
    data: ContractData, table: str, items: Sequence[Any],
) -> list[Problem]:
    """Fixed due dates (``due_date``) of ``items`` — rows of ``table``, ``installments`` or
    ``milestones`` (any object with ``seq`` and ``due_date``) — against signing and the term:

    * ``due_before_signing`` (error) — due before the contract is signed;
    * ``due_long_after_end`` (warning) — due more than a year after the term ends.
    """
    zh_kind, en_kind = {"installments": ("期付款", "Installment"), "milestones": ("项履约事项", "Milestone")}.get(
        table, ("项", table)
    )
    problems: list[Problem] = []
    for i, item in enumerate(items):
        due = getattr(item, "due_date", None)
        if due is None:
            continue
        seq = getattr(item, "seq", i + 1)
        if data.sign_date is not None and due < data.sign_date:
            problems.append(error(
                "due_before_signing",
                f"第{seq}{zh_kind}到期日{due}早于签订日期{data.sign_date}",
                f"{en_kind} {seq} is due on {due}, before the contract is signed on {data.sign_date}",
                f"{table}[{i}].due_date", "sign_date",
            ))
        if data.end_date is not None and due > data.end_date + LONG_AFTER:
            problems.append(warning(
                "due_long_after_end",
                f"第{seq}{zh_kind}到期日{due}比服务结束日期{data.end_date}晚一年以上",
                f"{en_kind} {seq} is due on {due}, more than a year after the term ends on {data.end_date}",
                f"{table}[{i}].due_date", "end_date",
            ))
    return problems


#: Checks whose outcome depends on the day they run; left out of the stored ``problem_level``.
TODAY_DEPENDENT = frozenset({"signed_in_future"})


def check_dates(data: ContractData, today: dt.date) -> list[Problem]:
    """Every date check of ``data`` (see ``check_term``, ``check_signing``, ``check_due_dates``);
    milestones and the term in months are checked once ``ContractData`` carries them."""
    return [
        *check_term(data.start_date, data.end_date, data.line_items, getattr(data, "term_months", None)),
        *check_signing(data, today),
        *check_due_dates(data, "installments", data.installments),
        *check_due_dates(data, "milestones", getattr(data, "milestones", None) or []),
    ]
