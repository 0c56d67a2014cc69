"""The amendments in the contract print-out and in the bilingual summary (issue 16).

Both list every supplementary agreement (补充协议) of the contract in the order recorded: its number,
signing and effective dates, whether it is in force on the day printed or pending (its terms apply
from its effective date), and each change as the printed amendment words it (原合同约定 … 现变更为 …;
fields by their Chinese names, coded values by their labels: ``services.amendments.wording``). The
summary gives the English line under each.

The terms printed are those in force on the day printed (``printed_terms``): the amendments in force
applied — total, 大写金额, term, line items, installments … as amended — and a pending one not yet
(its changes taken back, ``services.amendments.today.terms_on``). Under the title a note says which
amendments the figures include, by number and effective date, and which are pending and not applied
(``terms_note``: 「本文本金额及期限已按补充协议 …（2026年6月1日起生效）变更。」 / "Amounts and dates as
amended by Supplementary Agreement …, effective 1 June 2026"). Nothing is printed for a contract
without amendments. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from services.amendments.changes import AmendmentData
from services.amendments.today import applied_pending, terms_on
from services.amendments.wording import day_units, sentence
from services.calendar.due_text import date_text
from services.printing.common import CONTENT_WIDTH, Printer
from services.printing.summary_sections import head_cell, heading, tight_style
from services.register.contract_data import ContractData

__all__ = ["contract_amendments", "printed_terms", "state_words", "summary_amendments", "terms_note"]


def printed_terms(data: ContractData, amendments: Sequence[AmendmentData], day: dt.date) -> ContractData:
    """The contract as printed on ``day``: ``data`` (as the store keeps it, amended by all of
    ``amendments``) with the amendments pending on ``day`` taken back — ``data`` itself when none is."""
    return terms_on(data, list(amendments), day)


def terms_note(data: ContractData, amendments: Sequence[AmendmentData], day: dt.date) -> list[tuple[str, str]]:
    """Which amendments the figures printed on ``day`` include, then which are pending and not
    applied: one (Chinese, English) sentence each, none without amendments. ``data``: the contract as
    the store keeps it (a pending amendment that cannot be taken back is said to be included)."""
    if not amendments:
        return []
    forced = applied_pending(data, list(amendments), day)
    applied = [a for a in amendments if a.effective <= day or forced]
    waiting = [a for a in amendments if a.effective > day and not forced]
    notes = []
    if applied:
        notes.append((
            "本文本金额及期限已按" + "、".join(
                f"补充协议 {a.amendment_no}（{date_text(a.effective, 'zh')}起生效）" for a in applied) + "变更。",
            "Amounts and dates as amended by " + "; ".join(
                f"Supplementary Agreement {a.amendment_no}, effective {date_text(a.effective, 'en')}"
                for a in applied) + "."))
    if waiting:
        notes.append((
            "、".join(f"补充协议 {a.amendment_no}（{date_text(a.effective, 'zh')}起生效）" for a in waiting)
            + "尚未生效，本文本未按其变更。",
            "; ".join(f"Supplementary Agreement {a.amendment_no}, effective {date_text(a.effective, 'en')}"
                      for a in waiting) + ": pending, not applied."))
    return notes


def state_words(amendment: AmendmentData, day: dt.date, language: str) -> str:
    """已生效 / 待生效（2027年1月1日起生效） — or in English "in force" / "pending, effective 1 January 2027"."""
    if amendment.effective <= day:
        return "已生效" if language == "zh" else "in force"
    when = date_text(amendment.effective, language)
    return f"待生效（{when}起生效）" if language == "zh" else f"pending, effective {when}"


def _heading_zh(amendment: AmendmentData, day: dt.date) -> str:
    return (f"补充协议 {amendment.amendment_no}（签订日期：{date_text(amendment.sign_date, 'zh')}；"
            f"生效日期：{date_text(amendment.effective, 'zh')}；{state_words(amendment, day, 'zh')}）")


def contract_amendments(amendments: Sequence[AmendmentData], printer: Printer, day: dt.date,
                        contract: ContractData | None = None) -> list[Flowable]:
    """附：补充协议 — the contract print-out's section (Chinese): a note on which terms are printed,
    then each amendment's heading and its changes numbered (1. 原合同约定 …); ``contract`` gives the
    units of changed counts (30 个工作日)."""
    if not amendments:
        return []
    pending = [a for a in amendments if a.effective > day]
    note = f"本合同已经以下补充协议变更，以上条款为{date_text(day, 'zh')}有效的约定。"
    if pending:
        names = "、".join(a.amendment_no for a in pending)
        note += f"其中补充协议 {names} 尚未生效，以上条款未按其变更：自其生效日起，相应条款按其约定执行。"
    flow: list[Flowable] = [CondPageBreak(40 * mm), printer.p("附：补充协议", "h1"), printer.p(note, "body")]
    for amendment in amendments:
        block: list[Flowable] = [printer.p(_heading_zh(amendment, day), "h2")]
        units = day_units(amendment.changes, contract)
        for number, change in enumerate(amendment.changes, start=1):
            block.append(printer.p(f"{number}. {sentence(change, 'zh', units.get(change.seq))}", "body"))
        flow += [KeepTogether(block[:2]), *block[2:], Spacer(1, 2 * mm)]
    return flow


def summary_amendments(amendments: Sequence[AmendmentData], printer: Printer, day: dt.date,
                       contract: ContractData | None = None) -> list[Flowable]:
    """补充协议 Amendments — the summary's table: number, signed / effective, state, and the changes
    (Chinese with the English under each), one row per amendment; nothing without amendments.
    ``contract`` gives the units of changed counts (30 个工作日 / 30 working days)."""
    if not amendments:
        return []
    rows: list[list] = [[head_cell(printer, "编号", "No."), head_cell(printer, "签订／生效", "Signed / effective"),
                         head_cell(printer, "状态", "State"),
                         head_cell(printer, "变更（原 → 新）", "Changes (old → new)")]]
    for amendment in amendments:
        changes: list[tuple[str, str | None]] = []
        units = day_units(amendment.changes, contract)
        for number, change in enumerate(amendment.changes, start=1):
            unit = units.get(change.seq)
            changes += [("text", f"{number}. {sentence(change, 'zh', unit)}"),
                        ("en", f"{number}. {sentence(change, 'en', unit)}")]
        rows.append([
            printer.p(amendment.amendment_no, "tight"),
            printer.lines([("text", date_text(amendment.sign_date, "zh")), ("en", date_text(amendment.sign_date, "en")),
                           ("text", date_text(amendment.effective, "zh")),
                           ("en", date_text(amendment.effective, "en"))], "tight"),
            printer.lines([("text", state_words(amendment, day, "zh")), ("en", state_words(amendment, day, "en"))],
                          "tight"),
            printer.lines(changes, "tight"),
        ])
    widths = [28 * mm, 27 * mm, 33 * mm]
    table = Table(rows, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], repeatRows=1, hAlign="LEFT")
    table.setStyle(tight_style(printer.font_name, 1))
    note = printer.lines([("text", f"以上条款为{date_text(day, 'zh')}有效的约定：已生效的补充协议已并入；"
                                   "待生效的补充协议未并入，自其生效日起适用。"),
                          ("en", f"The terms above are those in force on {date_text(day, 'en')}: the agreements "
                                 "in force below are applied; a pending one is not, and applies from its effective "
                                 "date.")], "tight")
    return [CondPageBreak(32 * mm), heading(printer, "补充协议", "Amendments"), note, table]
