"""The supplementary agreement (补充协议) printed for signature (issue 16).

A4 in the contract print-out's style (``services.printing``): the heading 补充协议 with its number,
the original contract's title and number; a preamble naming the parties and the contract; the
changes as numbered articles (第一条 原合同约定 … 现变更为 …, and the officer's words under each when
given); the closing articles (effective date, the rest of the contract unchanged); then the
signature page with one block per party of the contract. Every page's footer carries the
amendment's and the contract's numbers and 第 X 页 共 Y 页.
"""

from __future__ import annotations

import os
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from services.amendments.changes import AmendmentData
from services.amendments.wording import chinese_number, day_units, sentence
from services.calendar.due_text import date_text
from services.printing.common import Printer, PrintResult, render
from services.printing.contract import signature_page
from services.printing.fonts import FontChoice
from services.register.contract_data import ContractData


def default_amendment_pdf_name(amendment_no: str) -> str:
    """``补充协议-<number>.pdf`` with characters a file name cannot hold replaced by ``_``."""
    safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in amendment_no)
    return f"补充协议-{safe}.pdf"


def write_amendment_pdf(
    contract: ContractData, amendment: AmendmentData, path: str | os.PathLike[str], *,
    font_path: str | None = None, font: FontChoice | None = None,
) -> PrintResult:
    """Write ``amendment`` of ``contract`` (its parties and title as they stand) to ``path`` as PDF.
    ``font_path``/``font`` as for the contract print-out. Raises ``OSError`` when it cannot be written."""

    def footer(page: int, total: int) -> tuple[str, str]:
        left = f"补充协议编号：{amendment.amendment_no}　原合同编号：{contract.contract_no}"
        return left, f"第 {page} 页 共 {total} 页"

    return render(path, lambda printer: amendment_story(contract, amendment, printer), footer,
                  title=f"{contract.title} 补充协议", subject=f"补充协议 {amendment.amendment_no}",
                  font_path=font_path, font=font)


def amendment_story(contract: ContractData, amendment: AmendmentData, printer: Printer) -> list[Flowable]:
    """The flowables of the amendment print-out, in order (see the module docstring)."""
    flow: list[Flowable] = [
        printer.p("补充协议", "title"),
        printer.p(f"补充协议编号：{amendment.amendment_no}", "subtitle"),
        printer.p(f"原合同名称：{contract.title}", "center"),
        printer.p(f"原合同编号：{contract.contract_no}", "center"),
        printer.p(f"签订日期：{date_text(amendment.sign_date, 'zh')}", "center"),
        Spacer(1, 4 * mm),
    ]
    for party in contract.parties:
        flow.append(printer.p(f"{party.role}：{party.name}", "h2"))
    signed = f"于{date_text(contract.sign_date, 'zh')}" if contract.sign_date else ""
    flow.append(Spacer(1, 2 * mm))
    flow.append(printer.p(
        f"各方{signed}签订的《{contract.title}》（合同编号：{contract.contract_no}，以下简称“原合同”），"
        "经各方友好协商，一致同意对原合同作如下变更：", "body"))
    number = 0
    units = day_units(amendment.changes, contract)  # a count of days with its unit: 30 个工作日
    for change in amendment.changes:
        number += 1
        heading = printer.p(f"第{chinese_number(number)}条", "h2")
        heading.keepWithNext = 1
        flow += [heading, printer.p(sentence(change, "zh", units.get(change.seq)), "body")]
        if change.text:
            flow.append(printer.p(change.text, "body"))
    if amendment.text:
        number += 1
        flow += [printer.p(f"第{chinese_number(number)}条", "h2"), printer.p(amendment.text, "body")]
    closing = [
        f"本补充协议自{date_text(amendment.effective, 'zh')}起生效；此前已履行的部分按原合同约定执行。",
        "本补充协议是原合同不可分割的组成部分，与原合同具有同等法律效力。本补充协议未涉及的事项，仍按原合同执行；"
        "本补充协议与原合同不一致的，以本补充协议为准。",
        "本补充协议经各方法定代表人或授权代表签字并加盖公章后成立，一式份数与原合同相同，各方各执一份或数份，具有同等法律效力。",
    ]
    for text in closing:
        number += 1
        flow += [printer.p(f"第{chinese_number(number)}条", "h2"), printer.p(text, "body")]
    flow.append(PageBreak())
    named = replace(contract, title=f"《{contract.title}》补充协议（{amendment.amendment_no}）")
    flow += signature_page(named, printer)  # its 合同名称 names the agreement, 合同编号 the original contract
    return flow
