"""The signature page of the contract print-out (issues 3 and 14).

One block per party, two side by side: the role with 盖章 and the name, room for the seal (a 40 mm
stamp overlaps the name, as usual), the signatory's line titled as the contract titles them
(``PartyData.signatory_title``: 法定代表人 — the default —, 负责人, 授权代表, 委托代理人), a line for
each further signatory the contract lists (``other_signatories``: 经办人, 部门负责人 …), the
taxpayer id (纳税人识别号) as recorded or a blank line to write it, and 日期.

The blocks are rows of one table, so the lines of two blocks side by side stay level even when
one name wraps or one party has more signatories than the other.
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from services.printing.common import CONTENT_WIDTH, GRID, Printer, table_style
from services.register.contract_data import ContractData, PartyData

__all__ = ["DEFAULT_SIGNATORY", "SIGNATURE_LINES", "other_signatories", "signatory_line", "signature_page"]

#: The lines of one signature block, after the role and name (seal, signature, date), for a party
#: whose signatory title is the default.
SIGNATURE_LINES = ("（盖章）", "法定代表人或授权代表（签字）：", "日期：________年______月______日")
#: The signatory title when the contract states none.
DEFAULT_SIGNATORY = "法定代表人"
#: Titles that sign in person; an authorised representative may sign in their place ("…或授权代表").
_PRINCIPALS = ("法定代表人", "负责人", "主要负责人", "单位负责人")
_TAX_ID = "纳税人识别号："
_BLANK = "_" * 26


def signatory_line(party: PartyData) -> str:
    """The signature line of ``party``: ``法定代表人或授权代表（签字）：`` by default,
    ``负责人或授权代表（签字）：`` for 负责人, ``授权代表（签字）：`` for an authorised representative."""
    title = (party.signatory_title or "").strip() or DEFAULT_SIGNATORY
    if title in _PRINCIPALS:
        return f"{title}或授权代表（签字）："
    return f"{title}（签字）："


def other_signatories(party: PartyData) -> list[str]:
    """The further signatories of ``party`` (``"经办人、部门负责人"`` → ``["经办人", "部门负责人"]``),
    split at 、 , ， ; ； and line breaks, blanks dropped."""
    return [name.strip() for name in re.split(r"[、,，;；\n]+", party.other_signatories or "") if name.strip()]


def signature_page(data: ContractData, printer: Printer) -> list[Flowable]:
    """The signature page: the contract named again, then one block per party, two side by side
    (2 parties: one row of blocks; 3–4: two; 5: three, with less room each to stay on one page)."""
    flow: list[Flowable] = [
        printer.p("签署页", "title"),
        printer.p(f"合同名称：{data.title}", "body"),
        printer.p(f"合同编号：{data.contract_no}", "body"),
    ]
    if data.sign_place:
        flow.append(printer.p(f"签订地点：{data.sign_place}", "body"))
    roomy = len(data.parties) <= 4  # three rows of blocks (5 parties) get less room, to fit one page
    flow.append(Spacer(1, (8 if roomy else 5) * mm))
    parties = data.parties
    for first in range(0, len(parties), 2):
        flow.append(KeepTogether([_pair(parties[first:first + 2], printer, roomy)]))  # never split a block
        if first + 2 < len(parties):
            flow.append(Spacer(1, (14 if roomy else 4) * mm))
    return flow


def _pair(pair: list[PartyData], printer: Printer, roomy: bool) -> Table:
    """The table of one or two blocks side by side (see the module docstring)."""
    seal_text, _signature, date = SIGNATURE_LINES
    seal_gap, sign_gap, extra_gap = (30 * mm, 14 * mm, 10 * mm) if roomy else (19 * mm, 9 * mm, 7 * mm)
    gap = 14 * mm
    block = (CONTENT_WIDTH - gap) / 2
    rows: list[list[Flowable | str]] = []
    heights: list[float | None] = []
    lines: list[int] = []  # rows drawn with a line to sign on

    def add(cells: list[Flowable | str], height: float | None = None, line: bool = False) -> None:
        padded: list[Flowable | str] = [*cells, "", ""][:2]
        rows.append([padded[0], "", padded[1]])
        heights.append(height)
        if line:
            lines.append(len(rows) - 1)

    add([printer.p(f"{p.role}{seal_text}：", "h2") for p in pair])
    add([printer.p(p.name, "body") for p in pair])
    add([], seal_gap)
    add([printer.p(signatory_line(p), "body") for p in pair])
    add([], sign_gap, line=True)
    others = [other_signatories(p) for p in pair]
    for index in range(max(len(names) for names in others)):
        add([printer.p(f"{names[index]}（签字）：", "body") if index < len(names) else "" for names in others])
        add([], extra_gap, line=True)
    add([printer.p(f"{_TAX_ID}{p.tax_id or _BLANK}", "body") for p in pair])
    add([printer.p(date, "body") for p in pair])
    commands = [("LINEBELOW", (2 * k, row), (2 * k, row), 0.5, GRID) for row in lines for k in range(len(pair))
                if row == lines[0] or _has_extra(others[k], lines.index(row) - 1)]
    table = Table(rows, colWidths=[block, gap, block], rowHeights=heights, hAlign="LEFT")
    table.setStyle(table_style(printer.font_name, 0, grid=False, extra=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                                         *commands]))
    return table


def _has_extra(names: list[str], index: int) -> bool:
    return 0 <= index < len(names)
