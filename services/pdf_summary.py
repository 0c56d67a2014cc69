"""The bilingual contract summary (合同摘要 / Contract Summary), one or two A4 pages (issue 3).

For leadership, auditors and foreign-language counterparts: every label in Chinese with its English
under it; the parties, the term, the total in figures, in Chinese capitals (大写) and in English
words (banking convention, ``services.english_amount``), the tax rate and the amount excluding
tax, the line items (name, amount) and the installments with their deadlines in both languages.
Dates are written per language by babel (2025年10月16日 / 16 October 2025); amounts as
``¥2,738,718.50`` in both.

Bonds, penalty clauses and milestones are not stored yet: ``pending_sections`` is the marked
extension point where they will join, and ``write_summary_pdf(sections=…)`` already prints any
``SummarySection`` it is given.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from models.base import FEN
from services.contract_data import ContractData
from services.due_text import date_text, due_text
from services.english_amount import to_english_words
from services.pdf_common import (
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
from services.pdf_fonts import FontChoice

__all__ = ["SummarySection", "pending_sections", "summary_story", "write_summary_pdf"]

_LABEL_WIDTH = 46 * mm


@dataclass(frozen=True)
class SummarySection:
    """A further section of the summary: a bilingual title and rows of (Chinese label, English
    label, Chinese value, English value); an empty English value prints the Chinese one alone."""

    title_zh: str
    title_en: str
    rows: tuple[tuple[str, str, str, str], ...]


def pending_sections(data: ContractData) -> list[SummarySection]:
    """EXTENSION POINT (issue 3): the bond (履约保证金 / Performance Bond), the penalty clauses
    (违约责任 / Penalty Clauses) and the next milestones (近期节点 / Next Milestones).

    The store does not keep them yet (the ledger's bonds.csv, penalty_clauses.csv and milestones.csv
    are skipped on import), so nothing is printed for them: build their ``SummarySection``s here
    from ``data`` once ``ContractData`` carries them. Returns an empty list until then.
    """
    return []


def write_summary_pdf(
    data: ContractData, path: str | os.PathLike[str], *, font_path: str | None = None, font: FontChoice | None = None,
    sections: Sequence[SummarySection] = (), today: dt.date | None = None,
) -> PrintResult:
    """Write the bilingual summary of ``data`` to ``path`` (PDF) and return what was written.

    ``font_path``/``font`` as in ``services.pdf_contract.write_contract_pdf``; ``sections`` are printed
    after the installments (see ``pending_sections``); ``today`` is the "prepared on" date (default:
    today). Raises ``OSError`` when the file cannot be written.
    """

    def footer(page: int, total: int) -> tuple[str, str]:
        return f"合同编号 Contract No. {data.contract_no}", f"第 {page} 页 共 {total} 页 · Page {page} of {total}"

    extra = [*pending_sections(data), *sections]
    result = render(path, lambda printer: summary_story(data, printer, extra, today or dt.date.today()), footer,
                    title=f"合同摘要 Contract Summary — {data.title}", subject=f"Contract {data.contract_no}",
                    font_path=font_path, font=font)
    result.warnings += line_total_warning(data)
    return result


def _both(zh: str | None, en: str | None) -> list[tuple[str, str | None]]:
    """A Chinese value with its English form under it when the two differ."""
    return [("text", zh), ("en", en if en != zh else None)]


def summary_story(
    data: ContractData, printer: Printer, sections: Sequence[SummarySection], today: dt.date,
) -> list[Flowable]:
    """The flowables of the summary, in order (see the module docstring)."""
    story: list[Flowable] = [
        printer.p("合同摘要  Contract Summary", "title"),
        printer.p(data.title, "subtitle"),
        printer.lines(_both(f"制表日期：{date_text(today, 'zh')}", f"Prepared on {date_text(today, 'en')}"), "center"),
        Spacer(1, 4 * mm),
    ]
    story.append(_facts_table(data, printer))
    story += _line_items(data, printer)
    story += _installments(data, printer)
    for section in sections:
        story += _section(section, printer)
    return story


def _row(printer: Printer, zh: str, en: str, value: Paragraph) -> list[Flowable]:
    return [printer.lines([("text", zh), ("en", en)]), value]


def _facts_table(data: ContractData, printer: Printer) -> Table:
    cur = data.currency
    rows = [
        _row(printer, "合同编号", "Contract No.", printer.p(data.contract_no, "cell")),
        _row(printer, "合同名称", "Contract Title", printer.p(data.title, "cell")),
    ]
    if data.procurement_no:
        rows.append(_row(printer, "采购编号", "Procurement No.", printer.p(data.procurement_no, "cell")))
    for party in data.parties:
        contact = "  ".join(x for x in (party.contact, party.phone) if x)
        rows.append(_row(printer, party.role, ROLE_EN.get(party.role, party.role),
                         printer.lines([("text", party.name), ("en", contact and f"联系人 Contact: {contact}")])))
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
    excl = (data.total_amount / (1 + data.tax_rate / 100)).quantize(FEN, rounding=ROUND_HALF_UP)
    return [("text", f"{money(excl, currency=data.currency)}（按税率计算，合同未载明）"),
            ("en", "computed from the tax rate; not stated in the contract")]


def _heading(printer: Printer, zh: str, en: str) -> Paragraph:
    return printer.p(f"{zh}  {en}", "h1")


def _head_cell(printer: Printer, zh: str, en: str) -> Paragraph:
    return printer.lines([("text", zh), ("en", en)], "cell_head")


def _line_items(data: ContractData, printer: Printer) -> list[Flowable]:
    if not data.line_items:
        return []
    rows: list[list[Flowable | str]] = [[_head_cell(printer, "序号", "No."), _head_cell(printer, "名称", "Item"),
                                         _head_cell(printer, "金额", "Amount")]]
    for item in data.line_items:
        rows.append([printer.p(str(item.seq), "cell_center"), printer.p(item.name, "cell"),
                     printer.p(money(item.effective_amount, currency=data.currency), "cell_right")])
    total = sum((item.effective_amount for item in data.line_items), Decimal("0.00"))
    rows.append([printer.lines([("text", "合计"), ("en", "Total")], "cell_center"), "",
                 printer.p(money(total, currency=data.currency), "cell_right")])
    table = Table(rows, colWidths=[14 * mm, CONTENT_WIDTH - 14 * mm - 36 * mm, 36 * mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 1, extra=[
        ("SPAN", (0, -1), (1, -1)), ("BACKGROUND", (0, -1), (-1, -1), "#F2F2F2")]))
    return [_heading(printer, "分项明细", "Line Items"), table]


def _installments(data: ContractData, printer: Printer) -> list[Flowable]:
    if not data.installments:
        return []
    rows: list[list[Flowable]] = [[
        _head_cell(printer, "序号", "No."), _head_cell(printer, "收款方", "Payee"),
        _head_cell(printer, "比例", "Share"), _head_cell(printer, "金额", "Amount"),
        _head_cell(printer, "付款时间", "Due"),
    ]]
    for item in data.installments:
        amount = installment_amount(item, data.total_amount)
        role = item.payee_role or ""
        due_zh = due_text(item.due_date, item.due_after, item.due_offset, item.due_unit, "zh")
        due_en = due_text(item.due_date, item.due_after, item.due_offset, item.due_unit, "en")
        rows.append([
            printer.p(str(item.seq), "cell_center"),
            printer.lines([("text", role), ("en", ROLE_EN.get(role, "").split(" (")[0])], "cell_center"),
            printer.p(percent_text(item.percent) or "—", "cell_center"),
            printer.p("—" if amount is None else money(amount, currency=data.currency), "cell_right"),
            printer.lines([("text", due_zh or "—"), ("en", due_en)]),
        ])
    widths = [12 * mm, 24 * mm, 16 * mm, 32 * mm]
    table = Table(rows, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 1))
    return [KeepTogether([_heading(printer, "付款计划", "Payment Schedule"), table])]


def _section(section: SummarySection, printer: Printer) -> list[Flowable]:
    rows = [_row(printer, zh, en, printer.lines(_both(value_zh, value_en or value_zh)))
            for zh, en, value_zh, value_en in section.rows]
    if not rows:
        return []
    table = Table(rows, colWidths=[_LABEL_WIDTH, CONTENT_WIDTH - _LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 0, extra=[("BACKGROUND", (0, 0), (0, -1), "#F2F2F2")]))
    return [_heading(printer, section.title_zh, section.title_en), table]
