"""The bilingual contract summary (合同摘要 / Contract Summary), one or two A4 pages (issue 3) — a
third when a long list of line items meets many clauses (WHZF-2026-ZWY: 26 items, 7 clauses).

For leadership, auditors and foreign-language counterparts: every label in Chinese with its English
under it; the parties, the term, the total in figures, in Chinese capitals (大写) and in English
words (banking convention, ``services.money.english_amount``), the tax rate and the amount excluding
tax, the line items (name, amount), the installments with their deadlines in both languages, the
bonds, the penalty clauses and the next milestones (``services.printing.summary_sections``). Dates are
written per language by babel (2025年10月16日 / 16 October 2025); amounts as ``¥2,738,718.50`` in
both. A section with nothing to show is left out, heading and all.

Two pages at most (issue 14): the key facts stand two to a row where they are short (numbers,
dates, rate; the title, the parties and the amount in words take a whole row), and the tables
after them are set compactly (8 pt, ``summary_sections.tight``). A contract whose summary still
runs past ``SUMMARY_PAGES`` (WHZF-2026-ZWY: 26 line items, 7 clauses) is set again with those tables
in 7 pt (``COMPACT_SIZE``: 小六 is 6.5 pt) — nothing is left out to make it fit.

English where it says English: a value with no English form (a name, the place of signing, a
line item without ``name_en``) prints in Chinese once, marked ``(Chinese only)``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from services.amendments.changes import AmendmentData
from services.amendments.print_sections import printed_terms, summary_amendments, terms_note
from services.calendar.deadlines import Deadline
from services.calendar.due_text import date_text, due_text
from services.money import round_yuan
from services.money.english_amount import to_english_words
from services.printing.common import (
    CONTENT_WIDTH,
    ROLE_EN,
    Printer,
    PrintResult,
    installment_amount,
    line_total_warning,
    money,
    percent_text,
    render,
    table_style,
)
from services.printing.consortium import member_lines
from services.printing.fonts import FontChoice
from services.printing.summary_sections import (
    CHINESE_ONLY,
    NEXT_LIMIT,
    bond_section,
    head_cell,
    heading,
    milestone_section,
    padding,
    penalty_section,
    summary_deadlines,
    tight,
    tight_style,
)
from services.printing.total_capitals import capitals_warning, total_capitals
from services.register.contract_data import ContractData
from services.register.events import event_labels

__all__ = ["CHINESE_ONLY", "COMPACT_SIZE", "SUMMARY_PAGES", "party_names", "summary_story", "write_summary_pdf"]

_LABEL_WIDTH = 31 * mm
#: Pages a summary should take at most (issue 14: "two pages for a contract of ordinary size").
SUMMARY_PAGES = 2
#: Size (pt) of the tables' text when the summary is set again to fit ``SUMMARY_PAGES``.
COMPACT_SIZE = 7.0
#: How the summary is set, in turn, until it fits ``SUMMARY_PAGES``: (tables in ``COMPACT_SIZE``?,
#: next milestones listed at most — "never more than fits", the rest counted in one line).
_FITTINGS = ((False, NEXT_LIMIT), (True, NEXT_LIMIT), (True, NEXT_LIMIT - 1), (True, NEXT_LIMIT - 2), (True, 2))
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
    listed last, in force or pending on ``today`` (``services.amendments.print_sections``): ``data`` is
    the contract as the store keeps it, and the figures printed are the terms in force on ``today``
    (a pending amendment's changes not applied), with a note under the date naming the amendments.
    Raises ``OSError`` when the file cannot be written.
    """

    def footer(page: int, total: int) -> tuple[str, str]:
        return f"合同编号 Contract No. {data.contract_no}", f"第 {page} 页 共 {total} 页 · Page {page} of {total}"

    day = today or dt.date.today()
    stored, data = data, printed_terms(data, amendments, day)  # the terms in force on the day (issue 16)
    note = [line for zh, en in terms_note(stored, amendments, day) for line in (("text", zh), ("en", en))]
    items = list(deadlines) if deadlines is not None else summary_deadlines(data, day)
    for compact, limit in _FITTINGS:  # set again, smaller, only while it runs past SUMMARY_PAGES
        def story(printer: Printer, compact: bool = compact, limit: int = limit) -> list[Flowable]:
            return summary_story(data, printer, items, day, amendments, compact=compact, next_limit=limit,
                                 note=note)

        result = render(path, story, footer, title=f"合同摘要 Contract Summary — {data.title}",
                        subject=f"Contract {data.contract_no}", font_path=font_path, font=font)
        font = result.font
        if result.pages <= SUMMARY_PAGES:
            break
    result.warnings += line_total_warning(data) + capitals_warning(data)  # of the terms printed
    return result


def _both(zh: str | None, en: str | None) -> list[tuple[str, str | None]]:
    """A Chinese value with its English form under it when the two differ."""
    return [("text", zh), ("en", en if en != zh else None)]




def party_names(name: str, name_en: str | None) -> list[tuple[str, str | None]]:
    """A name with its English name under it; without one, the Chinese name once, marked
    ``(Chinese only)`` so a reader of the English knows no translation is missing by mistake
    (parties, the title, line items, the place of signing)."""
    if name_en and name_en != name:
        return [("text", name), ("en", name_en)]
    return [("text", name if name_en else f"{name} {CHINESE_ONLY}")]


def summary_story(
    data: ContractData, printer: Printer, deadlines: Sequence[Deadline], today: dt.date,
    amendments: Sequence[AmendmentData] = (), *, compact: bool = False, next_limit: int = NEXT_LIMIT,
    note: Sequence[tuple[str, str | None]] = (),
) -> list[Flowable]:
    """The flowables of the summary, in order (see the module docstring); ``deadlines`` are the
    contract's (``services.calendar.deadlines``), for "Next milestones" (``next_limit`` at most);
    ``compact`` sets the tables in ``COMPACT_SIZE`` and the title smaller (to fit ``SUMMARY_PAGES``);
    ``note``: which amendments the figures include, Chinese and English lines, under the date."""
    tight(printer, COMPACT_SIZE if compact else 8.0)
    title = printer.styles["title"]
    printer.styles["title_compact"] = ParagraphStyle("title_compact", parent=title, fontSize=16, leading=21,
                                                     spaceAfter=2 * mm)
    story: list[Flowable] = [
        printer.p("合同摘要  Contract Summary", "title_compact" if compact else "title"),
        printer.p(data.title, "subtitle"),
        printer.lines(_both(f"制表日期：{date_text(today, 'zh')}", f"Prepared on {date_text(today, 'en')}"), "center",
                      joiner=_RUN_ON),
    ]
    if note:  # which amendments the figures include (services.amendments.print_sections)
        story.append(printer.lines(note, "center"))
    story.append(Spacer(1, 2 * mm))
    story.append(_facts_table(data, printer))
    story += _line_items(data, printer)
    story += _installments(data, printer)
    story += bond_section(data, printer)
    story += penalty_section(data, printer)
    story += milestone_section(deadlines, printer, next_limit)
    story += summary_amendments(amendments, printer, today, data)
    return story


#: A key fact: (Chinese label, English label, value, whole row?).
_Fact = tuple[str, str, Flowable | list[Flowable], bool]


def _facts(data: ContractData, printer: Printer) -> list[_Fact | None]:
    """The key facts in print order: the title and the parties (a whole row each), the numbers, dates
    and money (two to a row), the amount in capitals and in words (None would end a group of short
    facts early)."""
    cur = data.currency
    facts: list[_Fact | None] = [("合同名称", "Contract Title",
                                  printer.lines(party_names(data.title, data.title_en), joiner=_RUN_ON), True)]
    for party in data.parties:
        contact = "  ".join(x for x in (party.contact, party.phone) if x)
        facts.append((party.role, ROLE_EN.get(party.role, party.role),
                      [printer.lines(party_names(party.name, party.name_en), joiner=_RUN_ON),
                       *([printer.lines([("text", f"联系人：{contact}"), ("en", f"Contact {CHINESE_ONLY}")],
                                        joiner=_RUN_ON)] if contact else [])], True))
    consortium = member_lines(data)  # 联合体: the lead and every member's share (services.printing.consortium)
    if consortium:
        facts.append(("联合体", "Consortium",
                      printer.lines([part for zh, en in consortium for part in (("text", zh), ("en", en))]), True))
    facts.append(("合同编号", "Contract No.", printer.p(data.contract_no, "cell"), False))
    if data.procurement_no:
        facts.append(("采购编号", "Procurement No.", printer.p(data.procurement_no, "cell"), False))
    if data.sign_date:
        facts.append(("签订日期", "Date Signed",
                      printer.lines(_both(date_text(data.sign_date, "zh"), date_text(data.sign_date, "en"))), False))
    if data.sign_place:
        facts.append(("签订地点", "Place Signed", printer.lines(party_names(data.sign_place, None)), False))
    if data.effective_date:
        facts.append(("生效日期", "Effective Date", printer.lines(
            _both(date_text(data.effective_date, "zh"), date_text(data.effective_date, "en"))), False))
    if data.start_date or data.end_date:
        facts.append(("服务期限", "Term", printer.lines(_both(_term(data, "zh"), _term(data, "en"))), False))
    facts.append(("合同总价（含税）", "Total (tax incl.)", printer.p(money(data.total_amount, currency=cur), "cell"),
                  False))
    not_stated = _both("未载明", "Not stated")
    rate = printer.lines(not_stated) if data.tax_rate is None else printer.p(percent_text(data.tax_rate), "cell")
    facts.append(("税率", "Tax Rate", rate, False))
    facts.append(("不含税金额", "Amount excl. Tax", printer.lines(_excl_tax(data) or not_stated), False))
    facts.append(("大写金额", "In Chinese Capitals", printer.p(total_capitals(data), "cell"), True))
    if cur == "CNY":
        facts.append(("英文金额", "In Words", printer.p(to_english_words(data.total_amount), "cell"), True))
    return facts


def _facts_table(data: ContractData, printer: Printer) -> Table:
    """The key facts (``_facts``): label | value | label | value, a long fact across the row."""
    value_width = (CONTENT_WIDTH - 2 * _LABEL_WIDTH) / 2
    rows: list[list[Flowable | list[Flowable] | str]] = []
    spans: list[tuple] = []
    pending: list[Flowable | list[Flowable] | str] = []

    def label(zh: str, en: str) -> Flowable:
        return printer.lines([("text", zh), ("en", en)])

    def flush() -> None:
        if pending:  # a short fact alone on its row takes the row
            rows.append([*pending, "", ""])
            spans.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
            pending.clear()

    for fact in _facts(data, printer):
        if fact is None:
            flush()
            continue
        zh, en, value, whole = fact
        if whole:
            flush()
            rows.append([label(zh, en), value, "", ""])
            spans.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
        elif pending:
            rows.append([*pending, label(zh, en), value])
            pending.clear()
        else:
            pending[:] = [label(zh, en), value]
    flush()
    table = Table(rows, colWidths=[_LABEL_WIDTH, value_width, _LABEL_WIDTH, value_width], hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 0, extra=[
        *spans, ("BACKGROUND", (0, 0), (0, -1), "#F2F2F2"),
        *[("BACKGROUND", (2, r), (2, r), "#F2F2F2") for r, row in enumerate(rows) if row[2] != ""],
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
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
        name = printer.lines(party_names(item.name, item.name_en), "tight", joiner=_RUN_ON)
        rows.append([printer.p(str(item.seq), "tight_center"), name,
                     printer.p(money(item.effective_amount, currency=data.currency), "tight_right")])
    total = sum((item.effective_amount for item in data.line_items), Decimal("0.00"))
    rows.append([printer.lines([("text", "合计"), ("en", "Total")], "tight_center", joiner=_RUN_ON), "",
                 printer.p(money(total, currency=data.currency), "tight_right")])
    # the amount column sized to the widest amount (the total), the name column takes the rest
    size = printer.styles["tight_right"].fontSize
    amount_width = stringWidth(money(total, currency=data.currency), printer.font_name, size) + 8 * mm
    widths = [9 * mm, CONTENT_WIDTH - 9 * mm - amount_width, amount_width]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(tight_style(printer.font_name, 1, pad=padding(printer), extra=[  # the total never alone on a page
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
    widths = [10 * mm, 17 * mm, 13 * mm, 28 * mm]
    table = Table(rows, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], repeatRows=1, hAlign="LEFT")
    table.setStyle(tight_style(printer.font_name, 1, pad=padding(printer)))
    return [KeepTogether([heading(printer, "付款计划", "Payment Schedule"), table])]

