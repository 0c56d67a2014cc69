"""The bond, penalty-clause and next-milestone sections of the bilingual summary (issue 3).

- **Bonds** (保证金 / Bonds): kind (履约保证金 Performance bond, 质保金 Warranty deposit, 投标保证金
  Bid bond), form, share and amount — the stated amount, else share × contract total rounded half
  up to the fen (``Decimal`` only), marked as computed —, the lodging deadline (its date or rule,
  ``services.calendar.due_text``), the end of validity, and the dates it was lodged and returned when known.
- **Liquidated damages** (违约条款): one row per clause — its reference, the breach (the store's
  words), who pays, and the rule in a few words in Chinese and English (``penalty_rule``); a
  ``liability_cap`` row reads "累计责任上限 合同总额的 10%" / "total liability capped at 10 % of the
  contract total".
- **Next milestones** (近期里程碑): the first ``NEXT_LIMIT`` deadlines not done (overdue ones
  included) among milestones, bond lodging and return, and installments, from
  ``services.calendar.deadlines`` — their date, or the events they wait for, and their state; an obligation
  recorded twice (same date, same words) prints once.

A section with nothing to show prints nothing, not even its heading. Text from the store goes
through ``Printer`` (escaped); amounts are ``¥2,738,718.50`` in both languages, dates per language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from models.base import decimal_text
from services.calendar.deadlines import Deadline, deadlines, kind_text, state_text, waiting_text
from services.calendar.due_text import date_text, due_text
from services.calendar.workdays import WorkingCalendar
from services.glossary import english_term
from services.ledger.schema import BOND_KIND_ALIASES
from services.money import round_yuan
from services.penalty.types import BASE_NAMES
from services.printing.common import CONTENT_WIDTH, ROLE_EN, Printer, money, percent_text, table_style
from services.register.contract_data import BondData, ContractData, PenaltyClauseData
from services.register.events import event_labels

__all__ = [
    "BOND_KIND_EN",
    "CHINESE_ONLY",
    "NEXT_KINDS",
    "NEXT_LIMIT",
    "bond_amount",
    "bond_section",
    "chinese_only",
    "head_cell",
    "heading",
    "milestone_section",
    "next_deadlines",
    "padding",
    "penalty_rule",
    "penalty_section",
    "summary_deadlines",
    "tight",
    "tight_style",
]

#: Bond kinds in English (the Chinese: ``BOND_KIND_ALIASES``).
BOND_KIND_EN = {"performance": "Performance bond", "warranty": "Warranty deposit", "bid": "Bid bond"}
#: Kinds of deadline listed under "Next milestones" (things somebody must act on).
NEXT_KINDS = frozenset({"milestone", "bond_lodge", "bond_return", "installment"})
#: Deadlines listed under "Next milestones" at most.
NEXT_LIMIT = 6
#: Width of the clause column of the penalty table.
_CLAUSE_WIDTH = 27 * mm
#: Room a section needs below its heading before it starts (else it starts on the next page).
_MIN_ROOM = 32 * mm


def tight(printer: Printer, size: float = 8.0) -> None:
    """Give ``printer`` the compact cell styles of the summary's tables (``size`` pt, 8 by default;
    the summary sets 7 to fit two pages): ``tight``, ``tight_right``, ``tight_center``, ``tight_head``;
    the first call per printer decides the size."""
    if "tight" in printer.styles:
        return
    cell = printer.styles["cell"]
    for name, alignment in (("tight", TA_LEFT), ("tight_right", TA_RIGHT), ("tight_center", TA_CENTER),
                            ("tight_head", TA_CENTER)):
        # like "cell", a left-aligned cell keeps room for a closing mark that hangs past the line end
        printer.styles[name] = ParagraphStyle(name, parent=cell, fontSize=size, leading=size * 1.25,
                                              alignment=alignment, rightIndent=size if alignment == TA_LEFT else 0)
    # the sections' headings: h2's size, closer to their tables when the tables are set small
    h2 = printer.styles["h2"]
    printer.styles["section"] = ParagraphStyle("section", parent=h2, spaceBefore=h2.spaceBefore * size / 8,
                                               spaceAfter=h2.spaceAfter * size / 8, leading=h2.fontSize * 1.3)


def padding(printer: Printer) -> float:
    """Padding (pt) above a cell's text in the summary's tables: 1.5, 1 when set small (below 8 pt);
    below it is half a point more."""
    return 1.5 if printer.styles["tight"].fontSize >= 8 else 1.0


def tight_style(font_name: str, header_rows: int = 1, extra: list[tuple] | None = None, *,
                pad: float = 1.5) -> TableStyle:
    """``pdf_common.table_style`` with less padding above (``pad`` pt) and below (``pad`` + 0.5) the text."""
    return table_style(font_name, header_rows, extra=[("TOPPADDING", (0, 0), (-1, -1), pad),
                                                      ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 0.5), *(extra or [])])


def heading(printer: Printer, zh: str, en: str) -> Paragraph:
    """A section heading, Chinese then English (the smaller heading style: the summary is short)."""
    tight(printer)
    return printer.p(f"{zh}  {en}", "section")


def head_cell(printer: Printer, zh: str, en: str) -> Paragraph:
    """A table header cell: the Chinese label with its English under it (compact)."""
    tight(printer)
    return printer.lines([("text", zh), ("en", en)], "tight_head")


def _role(printer: Printer, role: str | None) -> Paragraph:
    if not role:
        return printer.p("—", "tight_center")
    return printer.lines([("text", role), ("en", ROLE_EN.get(role, "").split(" (")[0])], "tight_center")


def _dates(day: dt.date) -> list[tuple[str, str | None]]:
    return [("text", date_text(day, "zh")), ("en", date_text(day, "en"))]


def _section(printer: Printer, zh: str, en: str, rows: list[list], widths: list[float],
             extra: list[tuple] | None = None) -> list[Flowable]:
    """Heading and table (header row repeated on a new page), started on a new page when less than
    ``_MIN_ROOM`` is left; the column given as width 0 takes the rest of the text column."""
    flex = CONTENT_WIDTH - sum(widths)
    table = Table(rows, colWidths=[w or flex for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(tight_style(printer.font_name, 1, extra=extra, pad=padding(printer)))
    return [CondPageBreak(_MIN_ROOM), heading(printer, zh, en), table]


# ----- bonds ---------------------------------------------------------------------------------------


def bond_amount(bond: BondData, total: Decimal) -> tuple[Decimal | None, bool]:
    """(amount, computed): the stated amount; else ``percent`` × ``total`` rounded half up to the fen
    (computed True); else (None, False)."""
    if bond.amount is not None:
        return bond.amount, False
    if bond.percent is not None:
        return round_yuan(total * bond.percent / 100), True
    return None, False


def bond_section(data: ContractData, printer: Printer) -> list[Flowable]:
    """保证金 / Bonds: one row per bond (see the module docstring); nothing without bonds."""
    if not data.bonds:
        return []
    rows: list[list] = [[
        head_cell(printer, "类型", "Kind"), head_cell(printer, "形式", "Form"), head_cell(printer, "比例", "Share"),
        head_cell(printer, "金额", "Amount"), head_cell(printer, "提交期限", "Lodge by"),
        head_cell(printer, "有效期至", "Valid until"),
    ]]
    labels = event_labels(data.events)
    for bond in data.bonds:
        kind = bond.kind or ""
        amount, computed = bond_amount(bond, data.total_amount)
        if amount is None:
            amount_cell = printer.p("—", "tight_right")
        else:
            amount_cell = [printer.p(money(amount, currency=data.currency), "tight_right"),
                           *([printer.lines([("text", "按比例计算"), ("en", "computed")], "tight_right", joiner=" ")]
                             if computed else [])]
        lodge: list[tuple[str, str | None]] = [
            ("text", due_text(bond.due_date, bond.due_after, bond.due_offset, bond.due_unit, "zh", labels) or "—"),
            ("en", due_text(bond.due_date, bond.due_after, bond.due_offset, bond.due_unit, "en", labels)),
        ]
        if bond.lodged_date is not None:
            lodge += [("text", f"已提交：{date_text(bond.lodged_date, 'zh')}"),
                      ("en", f"lodged {date_text(bond.lodged_date, 'en')}")]
        valid: list[tuple[str, str | None]] = (_dates(bond.valid_until) if bond.valid_until is not None
                                               else [("text", "—")])
        if bond.returned_date is not None:
            valid += [("text", f"已退还：{date_text(bond.returned_date, 'zh')}"),
                      ("en", f"returned {date_text(bond.returned_date, 'en')}")]
        rows.append([
            printer.lines([("text", BOND_KIND_ALIASES.get(kind, "保证金")), ("en", BOND_KIND_EN.get(kind, "Bond"))],
                          "tight"),
            _bond_form(printer, bond.form),
            printer.p(percent_text(bond.percent) or "—", "tight_center"),
            amount_cell, printer.lines(lodge, "tight"), printer.lines(valid, "tight"),
        ])
    return _section(printer, "保证金", "Bonds", rows, [28 * mm, 0, 12 * mm, 30 * mm, 38 * mm, 27 * mm])


def _bond_form(printer: Printer, form: str | None) -> Flowable:
    """A bond's form with the glossary's English when it is a standard term (履约保函, 银行保函 …;
    ``services.glossary.english_term``), else the Chinese once, ``(Chinese only)``."""
    if not form:
        return printer.p("—", "tight")
    english = english_term(form)
    return printer.lines([("text", form), ("en", english)], "tight") if english else chinese_only(printer, form)


# ----- penalty clauses -----------------------------------------------------------------------------


def _pct(rate: Decimal, language: str) -> str:
    return f"{decimal_text(rate)}%" if language == "zh" else f"{decimal_text(rate)} %"


def _of_base(rate: Decimal, base: str | None, language: str) -> str:
    """"合同总额的 1%" / "1 % of the contract total"."""
    en, zh = BASE_NAMES.get(base or "contract_total", (base or "", base or ""))
    return f"{zh}的 {_pct(rate, 'zh')}" if language == "zh" else f"{_pct(rate, 'en')} of the {en}"


def _cap(clause: PenaltyClauseData, language: str, currency: str) -> str | None:
    """The clause's cap in words (rate of a base and/or an amount: the lower applies), or None."""
    rate = _of_base(clause.cap_rate, clause.cap_base, language) if clause.cap_rate is not None else None
    amount = money(clause.cap_amount, currency=currency) if clause.cap_amount is not None else None
    if rate and amount:
        return f"{rate}与{amount}中较低者" if language == "zh" else f"the lower of {rate} and {amount}"
    return rate or amount


def penalty_rule(clause: PenaltyClauseData, language: str, currency: str = "CNY") -> str:
    """A clause's rule in a few words, ``zh`` or ``en``: "每日合同总额的 1%，逾期超过 15 日可解除" /
    "1 % of the contract total per day; may terminate after 15 days"; "合同总额的 20%";
    "月服务费的 200%"; "¥20,000.00"; a ``liability_cap`` row "累计责任上限 合同总额的 10%" /
    "total liability capped at 10 % of the contract total". "—" when the clause states no figure."""
    zh = language == "zh"
    cap = _cap(clause, language, currency)
    if clause.kind == "liability_cap":
        if cap is None:
            return "—"
        return f"累计责任上限 {cap}" if zh else f"total liability capped at {cap}"
    working = clause.day_count == "working"
    rate = clause.rate
    if clause.kind == "per_day" and rate is not None:
        day = ("每个工作日" if working else "每日") if zh else ("per working day" if working else "per day")
        text = f"{day}{_of_base(rate, clause.base, 'zh')}" if zh else f"{_of_base(rate, clause.base, 'en')} {day}"
    elif clause.kind == "one_off" and rate is not None:
        text = _of_base(rate, clause.base, language)
    elif clause.kind == "monthly_fee_coefficient" and rate is not None:
        text = _of_base(rate, "monthly_fee", language)
    elif clause.kind == "fixed_amount" and clause.amount is not None:
        text = money(clause.amount, currency=currency)
    else:
        text = "—"
    if cap is not None:
        text += f"，累计不超过{cap}" if zh else f"; capped at {cap}"
    if clause.part_day == "prorate":
        text += "（不足一日按比例计）" if zh else " (part days pro rata)"
    days = clause.terminate_after_days
    if days is not None:
        if zh:
            text += f"，逾期超过 {days} {'个工作日' if working else '日'}可解除"
        else:
            text += f"; may terminate after {days} {'working days' if working else 'days'}"
    return text


def _clause_ref(printer: Printer, ref: str) -> Paragraph:
    """A clause reference; one too wide for its column breaks before its parenthesis (第十一条3 /
    (解除)), not inside a word."""
    style = printer.styles["tight"]
    room = _CLAUSE_WIDTH - 6 - style.rightIndent  # the cell's padding
    head, bracket, tail = ref.partition("(")
    if head and bracket and stringWidth(ref, printer.font_name, style.fontSize) > room:
        return printer.lines([("text", head), ("text", bracket + tail)], "tight")
    return printer.p(ref, "tight")


def penalty_section(data: ContractData, printer: Printer) -> list[Flowable]:
    """违约条款 / Liquidated Damages: clause, breach, who pays, rule; nothing without clauses."""
    if not data.penalty_clauses:
        return []
    rows: list[list] = [[
        head_cell(printer, "条款", "Clause"), head_cell(printer, "违约情形", "Breach"),
        head_cell(printer, "违约方", "Payer"), head_cell(printer, "违约金", "Damages"),
    ]]
    for clause in data.penalty_clauses:
        rows.append([
            _clause_ref(printer, clause.clause_ref), chinese_only(printer, clause.trigger),
            _role(printer, clause.payer_role),
            printer.lines([("text", penalty_rule(clause, "zh", data.currency)),
                           ("en", penalty_rule(clause, "en", data.currency))], "tight"),
        ])
    return _section(printer, "违约条款", "Liquidated Damages", rows, [_CLAUSE_WIDTH, 0, 14 * mm, 64 * mm])


# ----- next milestones -----------------------------------------------------------------------------


def summary_deadlines(data: ContractData, today: dt.date) -> list[Deadline]:
    """The deadlines of ``data`` alone, for a summary printed without the store: no recorded events
    (acceptance, invoice …: those deadlines wait), no done marks but the contract's own dates (paid,
    lodged, returned, done), and the working-day calendar without the store's holiday table."""
    return deadlines(data, {}, {}, WorkingCalendar(), today, 0)


def next_deadlines(items: Sequence[Deadline], limit: int = NEXT_LIMIT) -> tuple[list[Deadline], int]:
    """The first ``limit`` of ``items`` (in their order: by date, waiting ones last) that are of
    ``NEXT_KINDS`` and not done, one of each (date, Chinese words); and how many more there are."""
    chosen: list[Deadline] = []
    seen: set[tuple[dt.date | None, str, tuple[str, ...]]] = set()
    for item in items:
        if item.kind not in NEXT_KINDS or item.state == "done":
            continue
        key = (item.due, item.label("zh"), item.waiting_for)
        if key not in seen:
            seen.add(key)
            chosen.append(item)
    return chosen[:limit], max(0, len(chosen) - limit)


#: Printed after a text that has no English form (the contract's words for a breach, a bond's form).
CHINESE_ONLY = "(Chinese only)"


def chinese_only(printer: Printer, text: str) -> Flowable:
    """A text from the store with no English form: the Chinese once, then ``(Chinese only)`` in the
    English's small grey, run on (issue 14: never a Chinese line where English is promised)."""
    return printer.lines([("text", text), ("en", CHINESE_ONLY)], "tight", joiner="&nbsp; ")


def _one_line(printer: Printer, zh: str, en: str) -> Flowable:
    """Chinese and, on the same line, its English in the small grey of ``Printer.lines``."""
    return printer.lines([("text", zh), ("en", en)], "tight", joiner="　")


def _due_cell(printer: Printer, item: Deadline) -> Paragraph:
    if item.due is None:
        return printer.lines([("text", waiting_text(item.waiting_for, "zh", item.labels)),
                              ("en", waiting_text(item.waiting_for, "en", item.labels))], "tight")
    marked = item.estimate and item.state != "estimate"
    return printer.lines([("text", date_text(item.due, "zh") + ("（估算）" if marked else "")),
                          ("en", date_text(item.due, "en") + (" (estimate)" if marked else ""))], "tight")


_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def english_label(item: Deadline) -> str:
    """The deadline in English, composed from its structured fields — never a mixed line such as
    ``Payment: 第一期``: an installment is ``Payment of installment 2``, a milestone ``Milestone due
    <its rule in English>`` (``Milestone (Chinese only)`` without a rule); other kinds as
    ``Deadline.label("en")`` when that holds no Chinese, else their kind in words."""
    if item.kind == "installment":
        return f"Payment of installment {item.seq}" if item.seq is not None else "Payment"
    label = item.label("en")
    if item.kind == "milestone":
        rule = item.rule_text("en")
        return f"Milestone due {rule}" if rule and not _CJK.search(rule) else "Milestone (Chinese only)"
    return kind_text(item.kind, "en") if _CJK.search(label) else label


def milestone_section(items: Sequence[Deadline], printer: Printer, limit: int = NEXT_LIMIT) -> list[Flowable]:
    """近期里程碑 / Next Milestones (``next_deadlines`` of ``items``, ``limit`` at most, with a line
    saying how many more there are); nothing when none is open."""
    chosen, more = next_deadlines(items, limit)
    if not chosen:
        return []
    rows: list[list] = [[
        head_cell(printer, "期限", "Due"), head_cell(printer, "事项", "Item"),
        head_cell(printer, "责任方", "Responsible"), head_cell(printer, "状态", "State"),
    ]]
    for item in chosen:
        rows.append([
            _due_cell(printer, item),
            printer.lines([("text", item.label("zh")), ("en", english_label(item))], "tight"),
            _role(printer, item.responsible_role),
            printer.lines([("text", state_text(item, "zh")), ("en", state_text(item, "en"))], "tight_center"),
        ])
    extra = None
    if more:
        rows.append([_one_line(printer, f"另有 {more} 项未列出", f"{more} more not listed"), "", "", ""])
        extra = [("SPAN", (0, -1), (-1, -1))]
    return _section(printer, "近期里程碑", "Next Milestones", rows, [56 * mm, 0, 17 * mm, 17 * mm], extra)

