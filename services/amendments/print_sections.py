"""The amendments in the contract print-out and in the bilingual summary (issue 16).

Both list every supplementary agreement (补充协议) of the contract in the order recorded: its number,
signing and effective dates, whether it is in force on the day printed or pending (its terms apply
from its effective date), and each change as the printed amendment words it (原合同约定 … 现变更为 …;
fields by their Chinese names, coded values by their labels: ``services.amendments.wording``). The
summary gives the English line under each. The terms printed above the section are the contract's
terms as the store keeps them — as amended by every amendment listed — and the section says so.
Nothing is printed for a contract without amendments. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from services.amendments.changes import AmendmentData
from services.amendments.wording import day_units, sentence
from services.calendar.due_text import date_text
from services.printing.common import CONTENT_WIDTH, Printer
from services.printing.summary_sections import head_cell, heading, tight_style
from services.register.contract_data import ContractData

__all__ = ["contract_amendments", "state_words", "summary_amendments"]


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
    note = "本合同已经以下补充协议变更，以上条款为变更后的约定。"
    if pending:
        names = "、".join(a.amendment_no for a in pending)
        note += f"其中补充协议 {names} 尚未生效：在其生效日之前，相应条款仍按变更前的约定执行。"
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
    note = printer.lines([("text", "以上条款为经下列补充协议变更后的约定；待生效的补充协议自其生效日起适用。"),
                          ("en", "The terms above are as amended by the agreements below; a pending one applies "
                                 "from its effective date.")], "tight")
    return [CondPageBreak(32 * mm), heading(printer, "补充协议", "Amendments"), note, table]
