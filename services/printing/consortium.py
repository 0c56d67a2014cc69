"""A consortium contract (联合体) on paper: its lead member and each member's share (issue 14).

A contract is a consortium's when a party is marked its lead (``PartyData.consortium_lead``, ledger
``parties.csv`` ``consortium_lead`` = ``yes``, spec ``csv-format.md`` v2) or when two or more
suppliers (乙方 … 戊方, spec: "a consortium has several suppliers") state a share (``share_amount``).
The members are the suppliers, in role order. A member's share is its ``share_amount`` (元) and
that amount as a percent of the contract total, rounded half up to 0.01 % (the amount is what the
contract states; the percent is only the reader's aid).

The summary prints one row "联合体 / Consortium" — every member on a line in Chinese with its English
under it (``member_lines``); the contract print-out names the lead member under "合同当事人"
(``contract_note``) and marks the lead's heading (``lead_mark``).
"""

from __future__ import annotations

from decimal import Decimal

from services.money import round_yuan
from services.printing.common import ROLE_EN, money, percent_text
from services.register.contract_data import ContractData, PartyData

__all__ = ["CHINESE_ONLY", "contract_note", "is_consortium", "lead", "lead_mark", "member_lines", "members",
           "share_percent"]

#: How the English column marks a name with no English form (as ``summary_sections.CHINESE_ONLY``).
CHINESE_ONLY = "(Chinese only)"
_PURCHASER = "甲方"


def _suppliers(data: ContractData) -> list[PartyData]:
    return [party for party in data.parties if party.role != _PURCHASER]


def is_consortium(data: ContractData) -> bool:
    """True when a party is marked the consortium's lead, or two or more suppliers state a share."""
    suppliers = _suppliers(data)
    return any(p.consortium_lead for p in data.parties) or (
        len(suppliers) >= 2 and any(p.share_amount is not None for p in suppliers))


def members(data: ContractData) -> list[PartyData]:
    """The consortium's members (the suppliers, in the contract's party order); empty when the
    contract is not a consortium's (``is_consortium``)."""
    return _suppliers(data) if is_consortium(data) else []


def lead(data: ContractData) -> PartyData | None:
    """The member marked 联合体牵头人, or None (not a consortium, or no lead recorded)."""
    return next((p for p in data.parties if p.consortium_lead), None)


def share_percent(party: PartyData, total: Decimal) -> Decimal | None:
    """``party.share_amount`` as a percent of ``total`` (元), rounded half up to 0.01; None when no
    share is stated or the total is zero. E.g. 1,600,000.00 of 2,400,000.00 → ``Decimal("66.67")``."""
    if party.share_amount is None or not total:
        return None
    return round_yuan(party.share_amount * 100 / total)  # the one half-up rounding to two decimals


def _percent(value: Decimal) -> str:
    return percent_text(value.normalize() if value == value.to_integral_value() else value)


def _name_en(party: PartyData) -> str:
    return party.name_en if party.name_en else f"{party.name} {CHINESE_ONLY}"


def member_lines(data: ContractData) -> list[tuple[str, str]]:
    """One (Chinese, English) pair per member, lead first mark included: e.g.
    ``("乙方 首信云技术有限公司（牵头人）：分摊金额 ¥1,600,000.00，占合同总价 66.67%",
    "Party B Capinfo Cloud Technology Co., Ltd. (lead member): share ¥1,600,000.00, 66.67% of the total")``;
    a member without a stated share says so (未载明分摊金额 / share not stated). Empty when not a consortium."""
    out: list[tuple[str, str]] = []
    for party in members(data):
        role_en = ROLE_EN.get(party.role, party.role).split(" (")[0]
        mark_zh, mark_en = ("（牵头人）", " (lead member)") if party.consortium_lead else ("", "")
        percent = share_percent(party, data.total_amount)
        if party.share_amount is None:
            share_zh, share_en = "未载明分摊金额", "share not stated"
        else:
            amount = money(party.share_amount, currency=data.currency)
            amount_en = money(party.share_amount, "en", currency=data.currency)
            share_zh = f"分摊金额 {amount}" + (f"，占合同总价 {_percent(percent)}" if percent is not None else "")
            share_en = f"share {amount_en}" + (f", {_percent(percent)} of the total" if percent is not None else "")
        out.append((f"{party.role} {party.name}{mark_zh}：{share_zh}",
                    f"{role_en} {_name_en(party)}{mark_en}: {share_en}"))
    return out


def lead_mark(data: ContractData, party: PartyData) -> str:
    """``（联合体牵头人）`` after the heading of the lead member on the contract print-out, ``（联合体成员）``
    after the other members', empty for a contract that is not a consortium's and for 甲方."""
    if party.role == _PURCHASER or not is_consortium(data):
        return ""
    return "（联合体牵头人）" if party.consortium_lead else "（联合体成员）"


def contract_note(data: ContractData) -> str | None:
    """The contract print-out's line under "合同当事人" naming the consortium and its lead:
    ``乙方、丙方组成联合体，联合体牵头人：乙方 首信云技术有限公司。``; ``牵头人未载明`` when no lead is
    recorded; None when the contract is not a consortium's."""
    found = members(data)
    if not found:
        return None
    roles = "、".join(p.role for p in found)
    head = lead(data)
    named = f"联合体牵头人：{head.role} {head.name}。" if head is not None else "联合体牵头人未载明。"
    return f"{roles}组成联合体，{named}"
