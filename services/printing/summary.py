"""The bilingual contract summary (合同摘要 / Contract Summary), one or two A4 pages (issue 3) — a
third when a long list of line items meets many clauses (WHZF-2026-ZWY: 26 items, 7 clauses).

For leadership, auditors and foreign-language counterparts: every label in Chinese with its English
under it; the parties, the term, the total in figures, in Chinese capitals (大写) and in English
words (banking convention, ``services.money.english_amount``), the tax rate and the amount excluding
tax, the line items (name, amount), the installments with their deadlines in both languages, the
bonds, the penalty clauses and the next milestones (``services.printing.summary_sections``). Dates are
written per language by babel (2025年10月16日 / 16 October 2025); amounts as ``¥2,738,718.50`` in
both. A section with nothing to show is left out, heading and all. The tables after the key facts
are set compactly (8 pt, ``pdf_summary_sections.tight``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from services.amendments.changes import AmendmentData
from services.amendments.print_sections import summary_amendments
from services.calendar.deadlines import Deadline
from services.calendar.due_text import date_text, due_text
from services.money import round_yuan
from services.money.english_amount import to_english_words
from services.printing.common import (
    CONTENT_WIDTH,
    ROLE_EN,
    Printer,
    PrintResult,
    capitals,
    installment_amount,
    line_total_warning,
    money,
    percent_text,
    render,
    table_style,
)
from services.printing.fonts import FontChoice
from services.printing.summary_sections import (
    bond_section,
    head_cell,
    heading,
    milestone_section,
    penalty_section,
    summary_deadlines,
    tight,
    tight_style,
)
from services.register.contract_data import ContractData
from services.register.events import event_labels

__all__ = ["summary_story", "write_summary_pdf"]

_LABEL_WIDTH = 46 * mm
#: Between a name and its English when they run on in one paragraph (to keep to two pages).
_RUN_ON = "&nbsp;&nbsp; "


def write_summary_pdf(
    data: ContractData, path: str | os.PathLike[str], *, font_path: str | None = None, font: FontChoice | None = None,
    today: dt.date | None = None, deadlines: Sequence[Deadline] | None = None,
    amendments: Sequence[AmendmentData] = (),
) -> PrintResult:
    """Write the bilingual summary of ``data`` to ``path`` (PDF) and return what was written.

    ``font_path``/``font`` as in ``services.printing.contract.write_contract_pdf``; ``today`` is the
    "prepared on" date (default: today). ``deadlines``: the contract's deadlines from the store
    (``services.calendar.agenda.contract_deadlines``: recorded events, done marks, the holiday table), for
    "Next milestones"; when None they are computed from ``data`` alone as of ``today`` — without
    recorded events or done marks, so deadlines counted from an acceptance, an invoice … show as
    waiting (``pdf_summary_sections.summary_deadlines``). ``amendments``: the supplementary agreements,
    listed last, in force or pending on ``today`` (``services.amendments.print_sections``). Raises
    ``OSError`` when the file cannot be written.
    """

    def footer(page: int, total: int) -> tuple[str, str]:
        return f"合同编号 Contract No. {data.contract_no}", f"第 {page} 页 共 {total} 页 · Page {page} of {total}"

    day = today or dt.date.today()
    items = list(deadlines) if deadlines is not None else summary_deadlines(data, day)
    result = render(path, lambda printer: summary_story(data, printer, items, day, amendments), footer,
                    title=f"合同摘要 Contract Summary — {data.title}", subject=f"Contract {data.contract_no}",
                    font_path=font_path, font=font)
    result.warnings += line_total_warning(data)
    return result


def _both(zh: str | None, en: str | None) -> list[tuple[str, str | None]]:
    """A Chinese value with its English form under it when the two differ."""
    return [("text", zh), ("en", en if en != zh else None)]


#: What follows a party's name printed once, in Chinese, when it has no English name.
CHINESE_ONLY = "(Chinese only)"


def party_names(name: str, name_en: str | None) -> list[tuple[str, str | None]]:
    """A party's name with its English name under it; without one, the Chinese name once, marked
    ``(Chinese only)`` so a reader of the English knows no translation is missing by mistake."""
    if name_en and name_en != name:
        return [("text", name), ("en", name_en)]
    return [("text", name if name_en else f"{name} {CHINESE_ONLY}")]


def summary_story(
    data: ContractData, printer: Printer, deadlines: Sequence[Deadline], today: dt.date,
    amendments: Sequence[AmendmentData] = (),
) -> list[Flowable]:
    """The flowables of the summary, in order (see the module docstring); ``deadlines`` are the
    contract's (``services.calendar.deadlines``), for "Next milestones"."""
    tight(printer)
    story: list[Flowable] = [
        printer.p("合同摘要  Contract Summary", "title"),
        printer.p(data.title, "subtitle"),
        printer.lines(_both(f"制表日期：{date_text(today, 'zh')}", f"Prepared on {date_text(today, 'en')}"), "center"),
        Spacer(1, 4 * mm),
    ]
    story.append(_facts_table(data, printer))
    story += _line_items(data, printer)
    story += _installments(data, printer)
    story += bond_section(data, printer)
    story += penalty_section(data, printer)
    story += milestone_section(deadlines, printer)
    story += summary_amendments(amendments, printer, today)
    return story


def _row(printer: Printer, zh: str, en: str, value: Flowable | list[Flowable]) -> list[Flowable | list[Flowable]]:
    return [printer.lines([("text", zh), ("en", en)]), value]


def _facts_table(data: ContractData, printer: Printer) -> Table:
    cur = data.currency
    rows = [
        _row(printer, "合同编号", "Contract No.", printer.p(data.contract_no, "cell")),
        _row(printer, "合同名称", "Contract Title", printer.lines(_both(data.title, data.title_en), joiner=_RUN_ON)),
    ]
    if data.procurement_no:
        rows.append(_row(printer, "采购编号", "Procurement No.", printer.p(data.procurement_no, "cell")))
    for party in data.parties:
        contact = "  ".join(x for x in (party.contact, party.phone) if x)
        rows.append(_row(printer, party.role, ROLE_EN.get(party.role, party.role),
                         [printer.lines(party_names(party.name, party.name_en), joiner=_RUN_ON),
                          *([printer.lines([("en", f"联系人 Contact: {contact}")])] if contact else [])]))
    if data.sign_date:
        rows.append(_row(printer, "签订日期", "Date Signed",
                         printer.lines(_both(date_text(data.sign_date, "zh"), date_text(data.sign_date, "en")))))
    if data.sign_place:
        rows.append(_row(printer, "签订地点", "Place Signed", printer.p(data.sign_place, "cell")))
    if data.effective_date:
        rows.append(_row(printer, "生效日期", "Effective Date", printer.lines(
            _both(date_text(data.effective_date, "zh"), date_text(data.effective_date, "en")))))
    if data.start_date or data.end_date:
        rows.append(_row(printer, "服务期限", "Term", printer.lines(_both(_term(data, "zh"), _term(data, "en")))))
    rows.append(_row(printer, "合同总价（含税）", "Total Amount (tax incl.)",
                     printer.p(money(data.total_amount, currency=cur), "cell")))
    rows.append(_row(printer, "大写金额", "In Chinese Capitals", printer.p(capitals(data.total_amount, cur), "cell")))
    if cur == "CNY":
        rows.append(_row(printer, "英文金额", "In Words", printer.p(to_english_words(data.total_amount), "cell")))
    not_stated = _both("未载明", "Not stated")
    rate = printer.lines(not_stated) if data.tax_rate is None else printer.p(percent_text(data.tax_rate), "cell")
    rows.append(_row(printer, "税率", "Tax Rate", rate))
    rows.append(_row(printer, "不含税金额", "Amount excl. Tax", printer.lines(_excl_tax(data) or not_stated)))
    table = Table(rows, colWidths=[_LABEL_WIDTH, CONTENT_WIDTH - _LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 0, extra=[("BACKGROUND", (0, 0), (0, -1), "#F2F2F2")]))
    return table


def _term(data: ContractData, language: str) -> str:
    start = date_text(data.start_date, language) if data.start_date else ""
    end = date_text(data.end_date, language) if data.end_date else ""
    if language == "zh":
        return f"{start}至{end}" if start and end else (f"自{start}起" if start else f"至{end}止")
    return f"{start} to {end}" if start and end else (f"from {start}" if start else f"until {end}")


def _excl_tax(data: ContractData) -> list[tuple[str, str | None]] | None:
    """The amount excluding tax as stated; else total ÷ (1 + rate/100), rounded half up, marked
    as computed; None when neither is known."""
    if data.amount_excl_tax is not None:
        return [("text", money(data.amount_excl_tax, currency=data.currency))]
    if data.tax_rate is None:
        return None
    excl = round_yuan(data.total_amount / (1 + data.tax_rate / 100))
    return [("text", f"{money(excl, currency=data.currency)}（按税率计算，合同未载明）"),
            ("en", "computed from the tax rate; not stated in the contract")]


def _line_items(data: ContractData, printer: Printer) -> list[Flowable]:
    if not data.line_items:
        return []
    rows: list[list[Flowable | str]] = [[head_cell(printer, "序号", "No."), head_cell(printer, "名称", "Item"),
                                         head_cell(printer, "金额", "Amount")]]
    for item in data.line_items:
        name = printer.lines(_both(item.name, item.name_en), "tight", joiner=_RUN_ON)
        rows.append([printer.p(str(item.seq), "tight_center"), name,
                     printer.p(money(item.effective_amount, currency=data.currency), "tight_right")])
    total = sum((item.effective_amount for item in data.line_items), Decimal("0.00"))
    rows.append([printer.lines([("text", "合计"), ("en", "Total")], "tight_center"), "",
                 printer.p(money(total, currency=data.currency), "tight_right")])
    table = Table(rows, colWidths=[10 * mm, CONTENT_WIDTH - 10 * mm - 28 * mm, 28 * mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(tight_style(printer.font_name, 1, extra=[  # the total never starts a page alone
        ("SPAN", (0, -1), (1, -1)), ("BACKGROUND", (0, -1), (-1, -1), "#F2F2F2"), ("NOSPLIT", (0, -2), (-1, -1))]))
    return [heading(printer, "分项明细", "Line Items"), table]


def _installments(data: ContractData, printer: Printer) -> list[Flowable]:
    if not data.installments:
        return []
    rows: list[list[Flowable]] = [[
        head_cell(printer, "序号", "No."), head_cell(printer, "收款方", "Payee"),
        head_cell(printer, "比例", "Share"), head_cell(printer, "金额", "Amount"),
        head_cell(printer, "付款时间", "Due"),
    ]]
    labels = event_labels(data.events)
    for item in data.installments:
        amount = installment_amount(item, data.total_amount)
        role = item.payee_role or ""
        due_zh = due_text(item.due_date, item.due_after, item.due_offset, item.due_unit, "zh", labels)
        due_en = due_text(item.due_date, item.due_after, item.due_offset, item.due_unit, "en", labels)
        rows.append([
            printer.p(str(item.seq), "tight_center"),
            printer.lines([("text", role), ("en", ROLE_EN.get(role, "").split(" (")[0])], "tight_center"),
            printer.p(percent_text(item.percent) or "—", "tight_center"),
            printer.p("—" if amount is None else money(amount, currency=data.currency), "tight_right"),
            printer.lines([("text", due_zh or "—"), ("en", due_en)], "tight"),
        ])
    widths = [12 * mm, 24 * mm, 16 * mm, 32 * mm]
    table = Table(rows, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], repeatRows=1, hAlign="LEFT")
    table.setStyle(tight_style(printer.font_name, 1))
    return [KeepTogether([heading(printer, "付款计划", "Payment Schedule"), table])]

