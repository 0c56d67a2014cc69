"""The liquidated-damages calculation print-out (违约金计算书 / Liquidated Damages Calculation), one A4 page.

What the officer hands to the other party or the auditors: the contract, the clause (reference,
breach, its words quoted), the inputs, every step of the working, the notes (termination
threshold, caps, statutory rate), the termination leg, the result in figures and in Chinese
capitals (大写), when and by whom it was calculated, and a line for the reviewer. Labels follow the
language of the working (``PenaltyResult.language``). Fonts, escaping and the footer are the
print-outs' (``services.printing.common``, ``services.printing.fonts``): a subset of a Chinese TrueType font is
embedded. A long clause text never spills onto a second page: the content is shrunk to fit
(reportlab ``KeepInFrame``).
"""

from __future__ import annotations

import datetime as dt
import os
import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table

from services.calendar.due_text import date_text
from services.penalty.types import PenaltyInput, PenaltyResult, days_text, yuan
from services.printing.common import (
    BOTTOM_MARGIN,
    CONTENT_WIDTH,
    MARGIN,
    PAGE_SIZE,
    Printer,
    PrintResult,
    capitals,
    party_name,
    render,
    table_style,
)
from services.printing.fonts import FontChoice
from services.register.contract_data import ContractData, PenaltyClauseData

__all__ = ["default_penalty_pdf_name", "penalty_story", "write_penalty_pdf"]

_LABEL_WIDTH = 34 * mm
#: The height a page's frame offers (SimpleDocTemplate's frame has 6 pt padding on each side).
_FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN - BOTTOM_MARGIN - 12

_LABELS = {
    "title": ("Liquidated Damages Calculation (违约金计算书)", "违约金计算书"),
    "contract_no": ("Contract No.", "合同编号"), "contract": ("Contract", "合同名称"),
    "payer": ("Party in breach", "违约方"), "clause": ("Clause", "条款"), "words": ("Clause text", "条款原文"),
    "statutory": ("Statutory rate (not a contract clause)", "法定利率（非合同条款）"),
    "inputs": ("Inputs", "计算依据"), "due": ("Due date", "应履行日"), "actual": ("Actual date", "实际履行日"),
    "days": ("Days", "天数"), "overdue": ("Overdue amount", "逾期金额"),
    "prev_clause": ("Already charged under this clause", "本条已计违约金"),
    "prev_party": ("Already charged to the party", "该方已计违约金"),
    "working": ("Working", "计算过程"), "notes": ("Notes", "说明"), "leg": ("Termination", "解除合同"),
    "result": ("Amount due", "违约金金额"), "interest": ("Late-payment interest", "逾期利息"),
    "capitals": ("In Chinese capitals", "大写"), "at": ("Calculated on", "计算时间"),
    "by": ("Calculated by", "计算人"), "reviewer": ("Reviewed by", "复核人"),
    "footer": ("Liquidated damages calculation", "违约金计算书"),
}


def _label(key: str, language: str) -> str:
    return _LABELS[key][language == "zh"]


def default_penalty_pdf_name(contract_no: str, clause_ref: str) -> str:
    """File name offered for the print-out, safe on any file system:
    ``BJMEMC-2025174-ZC-违约金-8.1.2.pdf``."""
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", f"{contract_no}-违约金-{clause_ref}").strip("._") or "penalty"
    return f"{stem}.pdf"


def write_penalty_pdf(
    data: ContractData, clause: PenaltyClauseData, inputs: PenaltyInput, result: PenaltyResult,
    path: str | os.PathLike[str], *, calculated_at: dt.datetime | None = None, calculated_by: str | None = None,
    font_path: str | None = None, font: FontChoice | None = None,
) -> PrintResult:
    """Write the one-page calculation of ``result`` (``clause`` of ``data`` applied to ``inputs``) to
    ``path``; ``calculated_at`` (default now) and ``calculated_by`` are printed under the result.
    ``font_path``/``font`` as in ``services.printing.contract.write_contract_pdf``. Raises ``OSError``
    when the file cannot be written."""
    language = result.language
    at = calculated_at or dt.datetime.now().replace(microsecond=0)

    def footer(page: int, total: int) -> tuple[str, str]:
        left = f"{_label('contract_no', language)} {data.contract_no} · {_label('footer', language)}"
        right = f"第 {page} 页 共 {total} 页" if language == "zh" else f"Page {page} of {total}"
        return left, right

    def story(printer: Printer) -> list[Flowable]:
        return penalty_story(data, clause, inputs, result, printer, at, calculated_by)

    return render(path, story, footer, title=f"{_label('title', language)} — {data.contract_no} {clause.clause_ref}",
                  subject=f"Contract {data.contract_no}", font_path=font_path, font=font)


def _facts(rows: list[tuple[str, str]], printer: Printer, *, bold_last: bool = False) -> Table:
    table = Table([[printer.p(label, "cell"), printer.p(value, "cell")] for label, value in rows],
                  colWidths=[_LABEL_WIDTH, CONTENT_WIDTH - _LABEL_WIDTH], hAlign="LEFT")
    extra: list[tuple] = [("BACKGROUND", (0, 0), (0, -1), "#F2F2F2")]
    if bold_last:
        extra.append(("BACKGROUND", (1, 0), (1, -1), "#FFF8E1"))
    table.setStyle(table_style(printer.font_name, 0, extra=extra))
    return table


def penalty_story(
    data: ContractData, clause: PenaltyClauseData, inputs: PenaltyInput, result: PenaltyResult, printer: Printer,
    calculated_at: dt.datetime, calculated_by: str | None,
) -> list[Flowable]:
    """The flowables of the page (see the module docstring), shrunk to fit one page."""
    lang = result.language
    zh = lang == "zh"
    payer = result.payer_role or ""
    name = party_name(data, result.payer_role)
    clause_head = _label("statutory", lang) if result.statutory else f"{clause.clause_ref}  {clause.trigger}"
    facts = [
        (_label("contract_no", lang), data.contract_no),
        (_label("contract", lang), data.title),
        (_label("payer", lang), f"{payer} {name}".strip() or "—"),
        (_label("clause", lang), clause_head if not result.statutory else f"{clause_head}: {clause.trigger}"),
    ]
    if clause.text:
        facts.append((_label("words", lang), f"“{clause.text}”"))
    given: list[tuple[str, str]] = []
    if inputs.due is not None and inputs.actual is not None:
        given += [(_label("due", lang), date_text(inputs.due, lang)),
                  (_label("actual", lang), date_text(inputs.actual, lang))]
    if result.days is not None:
        given.append((_label("days", lang), days_text(result.days, clause.day_count == "working", lang)))
    if inputs.overdue_amount is not None:
        given.append((_label("overdue", lang), yuan(inputs.overdue_amount)))
    if inputs.previous_clause:
        given.append((_label("prev_clause", lang), yuan(inputs.previous_clause)))
    if inputs.previous_liability:
        given.append((_label("prev_party", lang), yuan(inputs.previous_liability)))

    content: list[Flowable] = [
        printer.p(_label("title", lang), "title"),
        _facts(facts, printer),
    ]
    if given:
        content += [printer.p(_label("inputs", lang), "h2"), _facts(given, printer)]
    content.append(printer.p(_label("working", lang), "h2"))
    content += [printer.p(f"{number}. {step}", "body") for number, step in enumerate(result.steps, start=1)]
    if result.notes:
        content.append(printer.p(_label("notes", lang), "h2"))
        content += [printer.p(f"• {note}", "body") for note in result.notes]
    leg = result.termination_leg
    if leg is not None:
        ref = f"（{leg.clause_ref}）" if zh else f" ({leg.clause_ref})"
        content.append(printer.p(_label("leg", lang) + ref, "h2"))
        content += [printer.p(step, "body") for step in leg.steps]
        if leg.refund:
            content.append(printer.p(("并" if zh else "and, as the clause names: ") + leg.refund, "body"))
    amount_label = _label("interest" if result.statutory else "result", lang)
    result_rows = [(amount_label, yuan(result.amount))]
    if data.currency == "CNY":
        result_rows.append((_label("capitals", lang), capitals(result.amount)))
    content += [Spacer(1, 3 * mm), _facts(result_rows, printer, bold_last=True), Spacer(1, 4 * mm)]
    when = date_text(calculated_at.date(), lang) + calculated_at.strftime(" %H:%M")
    colon = "：" if zh else ": "
    sign = Table([[printer.p(f"{_label('at', lang)}{colon}{when}", "cell"),
                   printer.p(f"{_label('by', lang)}{colon}{calculated_by or '—'}", "cell"),
                   printer.p(f"{_label('reviewer', lang)}{colon}", "cell")]],
                 colWidths=[CONTENT_WIDTH * 0.42, CONTENT_WIDTH * 0.28, CONTENT_WIDTH * 0.30], hAlign="LEFT")
    sign.setStyle(table_style(printer.font_name, 0, grid=False))
    content.append(sign)
    return [KeepInFrame(CONTENT_WIDTH, _FRAME_HEIGHT, content, mode="shrink")]
