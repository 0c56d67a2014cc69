"""The contract print-out, for the parties to sign and seal (issue 3).

Layout (A4, 20 mm margins): the heading (title, contract and procurement numbers, place and date
of signing); the parties (two to five: role, name and only the filled fields); the articles in
order, heading and body with their paragraphs (tab-separated lines, as contracts paste their price
tables, print as a table); schedule 1, the line items (sequence, name, unit, unit price, quantity,
months, amount; the header row repeated on every page; a total row) with the contract total in
figures and in Chinese capitals (大写金额, the contract's own spelling where entered:
``services.printing.total_capitals``); schedule 2, the installments (payee, share — percent, or 定额 for a
stated amount —, amount in figures and capitals, deadline; column widths from content so no figure
breaks: ``services.printing.tables``); and a signature page with one block per party
(``services.printing.signature``: 盖章, the signatory as the contract titles them, further
signatories, the tax id or a line for it, 日期), two blocks to a row. Optionally a seal band for the
cross-page seal (骑缝章) on every page. Every page's footer carries the contract number and
"第 X 页 共 Y 页" so pages cannot be swapped unnoticed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from services.amendments.changes import AmendmentData
from services.amendments.print_sections import contract_amendments, printed_terms, terms_note
from services.calendar.due_text import date_text, due_text
from services.printing.article_text import body_flowables
from services.printing.common import (
    CONTENT_WIDTH,
    GRID,
    PARTY_FIELDS,
    Printer,
    PrintResult,
    capitals,
    exact_number,
    figures,
    installment_amount,
    line_total_warning,
    money,
    party_name,
    percent_text,
    render,
    table_style,
)
from services.printing.consortium import contract_note, lead_mark
from services.printing.fonts import FontChoice
from services.printing.signature import SIGNATURE_LINES, signature_page
from services.printing.tables import Column, column_widths, header_cells
from services.printing.total_capitals import capitals_warning, total_capitals
from services.register.contract_data import ContractData, InstallmentData
from services.register.events import event_labels

__all__ = ["LINE_ITEM_HEADER", "SIGNATURE_LINES", "contract_story", "signature_page", "write_contract_pdf"]

#: Column headings of the line-item table (schedule 1), as printed.
LINE_ITEM_HEADER = ("序号", "名称", "单位", "单价（元）", "数量", "月数", "金额（元）")
#: Columns of figures (never wrapped, sized to the widest: ``services.printing.tables``).
_LINE_FIGURES = frozenset({0, 3, 4, 5, 6})
_INSTALLMENT_HEADER = ("序号", "款项", "收款方", "比例", "金额（小写／大写）", "付款时间")


def write_contract_pdf(
    data: ContractData, path: str | os.PathLike[str], *, font_path: str | None = None, font: FontChoice | None = None,
    seam: bool = False, amendments: Sequence[AmendmentData] = (), today: dt.date | None = None,
) -> PrintResult:
    """Write the contract print-out of ``data`` to ``path`` (PDF) and return what was written.

    ``font_path``: a TrueType font set by the officer, tried before the system fonts; ``font``: a
    font already chosen (skips the search); ``seam``: a seal band for the cross-page seal (骑缝章)
    on the outer margin of every page (``services.printing.common.render``); ``amendments``: the
    contract's supplementary agreements, listed after the schedules, in force or pending on ``today``
    (default: the current date; ``services.amendments.print_sections``): ``data`` is the contract as
    the store keeps it, and the terms printed are those in force on ``today`` (a pending amendment's
    changes not applied), with a note under the title naming the amendments. Raises ``OSError``
    when the file cannot be written.
    """

    def footer(page: int, total: int) -> tuple[str, str]:
        return f"合同编号：{data.contract_no}", f"第 {page} 页 共 {total} 页"

    day = today or dt.date.today()
    printed = printed_terms(data, amendments, day)  # the terms in force on the day printed (issue 16)
    note = [zh for zh, _en in terms_note(data, amendments, day)]
    result = render(path, lambda printer: contract_story(printed, printer, amendments, day, note=note), footer,
                    title=data.title, subject=f"合同 {data.contract_no}", font_path=font_path, font=font, seam=seam)
    result.warnings += line_total_warning(printed) + capitals_warning(printed)
    return result


def contract_story(data: ContractData, printer: Printer, amendments: Sequence[AmendmentData] = (),
                   today: dt.date | None = None, *, note: Sequence[str] = ()) -> list[Flowable]:
    """The flowables of the contract print-out, in order (see the module docstring); ``note``: which
    amendments the terms include (``services.amendments.print_sections.terms_note``), under the title."""
    story: list[Flowable] = []
    story += _heading(data, printer)
    if note:
        printer.styles["note"] = ParagraphStyle("note", parent=printer.styles["small"], alignment=TA_CENTER)
        story += [printer.lines([("text", line) for line in note], "note"), Spacer(1, 3 * mm)]
    story += _parties(data, printer)
    story += _articles(data, printer)
    story += _line_items(data, printer)
    story += _installments(data, printer)
    story += contract_amendments(amendments, printer, today or dt.date.today(), data)
    story.append(PageBreak())
    story += signature_page(data, printer)
    return story


def _heading(data: ContractData, printer: Printer) -> list[Flowable]:
    flow: list[Flowable] = [printer.p(data.title, "title"), printer.p(f"合同编号：{data.contract_no}", "subtitle")]
    if data.procurement_no:
        flow.append(printer.p(f"采购编号：{data.procurement_no}", "subtitle"))
    if data.sign_place:
        flow.append(printer.p(f"签订地点：{data.sign_place}", "center"))
    if data.sign_date:
        flow.append(printer.p(f"签订日期：{date_text(data.sign_date, 'zh')}", "center"))
    flow.append(Spacer(1, 4 * mm))
    return flow


def _parties(data: ContractData, printer: Printer) -> list[Flowable]:
    flow: list[Flowable] = [printer.p("合同当事人", "h1")]
    note = contract_note(data)  # a consortium's members and its lead (联合体牵头人)
    if note:
        flow += [printer.p(note, "body"), Spacer(1, 2 * mm)]
    label_width = 28 * mm
    for party in data.parties:
        rows = [[printer.p(f"{party.role}：", "h2"), printer.p(party.name + lead_mark(data, party), "h2")]]
        rows += [[printer.p(label, "cell"), printer.p(getattr(party, attr), "cell")]
                 for attr, label, _en in PARTY_FIELDS if getattr(party, attr)]
        if party.share_amount is not None and lead_mark(data, party):
            rows.append([printer.p("分摊金额", "cell"), printer.p(money(party.share_amount, currency=data.currency),
                                                               "cell")])
        table = Table(rows, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
        table.setStyle(table_style(printer.font_name, 0, grid=False, extra=[
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        flow += [KeepTogether([table]), Spacer(1, 3 * mm)]
    return flow


def _articles(data: ContractData, printer: Printer) -> list[Flowable]:
    if not data.articles:
        return []
    flow: list[Flowable] = [printer.p("合同条款", "h1")]
    for article in data.articles:
        if article.heading:
            heading = printer.p(article.heading, "h2")
            heading.keepWithNext = 1  # an article's heading never ends a page without its text
            flow.append(heading)
        flow += body_flowables(article.body, printer)
    return flow


def _line_items(data: ContractData, printer: Printer) -> list[Flowable]:
    flow: list[Flowable] = [printer.p("附表一　分项价格表", "h1")]
    body: list[list[str]] = []
    for item in data.line_items:
        body.append([str(item.seq), item.name, item.unit or "", exact_number(item.unit_price),
                     exact_number(item.quantity), "" if item.periods is None else str(item.periods),
                     figures(item.effective_amount)])
    lines_total = sum((item.effective_amount for item in data.line_items), Decimal("0.00"))
    columns = [Column(head) for head in LINE_ITEM_HEADER]
    for row in body:
        for c, text in enumerate(row):
            if text:
                (columns[c].figures if c in _LINE_FIGURES else columns[c].texts).append(text)
    columns[-1].figures.append(figures(lines_total))
    widths = column_widths(columns, printer.font_name)
    rows: list[list[Flowable | str]] = [list(header_cells(printer, LINE_ITEM_HEADER, widths))]
    for row in body:
        rows.append([printer.p(text, "cell_right" if c in _LINE_FIGURES else "cell") for c, text in enumerate(row)])
    rows.append([printer.p("合计", "cell_center"), "", "", "", "", "", printer.p(figures(lines_total), "cell_right")])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 1, extra=[
        ("SPAN", (0, -1), (-2, -1)), ("BACKGROUND", (0, -1), (-1, -1), "#F2F2F2")]))
    flow.append(table)
    flow.append(Spacer(1, 3 * mm))
    flow.append(KeepTogether([
        printer.p(f"合同总价（小写）：{money(data.total_amount, currency=data.currency)}", "body"),
        printer.p(f"合同总价（大写）：{total_capitals(data)}", "body"),
    ]))
    return flow


def share_text(item: InstallmentData) -> str:
    """The installment's share as the contract states it: its percent of the total (``60%``), or
    ``定额`` (a fixed amount, printed in the amount column) when only an amount is stated."""
    if item.percent is not None:
        return percent_text(item.percent)
    return "定额" if item.amount is not None else "—"


def _installments(data: ContractData, printer: Printer) -> list[Flowable]:
    if not data.installments:
        return []
    flow: list[Flowable] = [printer.p("附表二　付款计划", "h1")]
    labels = event_labels(data.events)
    columns = [Column(head) for head in _INSTALLMENT_HEADER]
    body: list[tuple[InstallmentData, Decimal | None, str]] = []
    for item in data.installments:
        amount = installment_amount(item, data.total_amount)
        due = due_text(item.due_date, item.due_after, item.due_offset, item.due_unit, "zh", labels) or "—"
        body.append((item, amount, due))
        columns[0].figures.append(str(item.seq))
        columns[1].texts.append(item.name or "")
        columns[2].texts += [item.payee_role or "", party_name(data, item.payee_role)]
        share = share_text(item)
        (columns[3].figures if share.endswith("%") else columns[3].texts).append(share)
        if amount is not None:
            columns[4].figures.append(money(amount, currency=data.currency))
            columns[4].texts.append(capitals(amount, data.currency))
        columns[5].texts.append(due)
    widths = column_widths(columns, printer.font_name)
    rows: list[list[Flowable]] = [header_cells(printer, _INSTALLMENT_HEADER, widths)]
    for item, amount, due in body:
        payee = printer.lines([("text", item.payee_role), ("en", party_name(data, item.payee_role))])
        rows.append([
            printer.p(str(item.seq), "cell_center"), printer.p(item.name, "cell"), payee,
            printer.p(share_text(item), "cell_center"),
            printer.p("—", "cell_center") if amount is None else printer.lines(
                [("text", money(amount, currency=data.currency)), ("text", capitals(amount, data.currency))]),
            printer.p(due, "cell"),
        ])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 1))
    flow.append(table)
    return flow
