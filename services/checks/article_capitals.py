"""Article check: amounts in capitals (大写金额) in the contract's text that no figure of the contract
has (issue 14, "capitals consistent").

Contract text quotes its amounts in capitals — the total (本合同总额为人民币贰佰柒拾叁万…元整), each
installment (大写：壹佰壹拾伍万零柒佰柒拾元肆角贰分), the performance bond. When one of them reads an
amount the register does not hold, the text and the register disagree: one was changed without the
other, or the text was mistyped (the capitals prevail in a dispute). The check warns, naming the
article, the capitals and what they read; it is a warning, not an error, because a text may quote an
amount of another document (a bid price, a cap of another contract).

Amounts of the contract (元, ``Decimal``): the total, the amount excluding tax, each line item, each
installment and bond (stated, else percent × total rounded half up to the fen), each penalty clause's
amount and cap, each consortium member's share. Runs of capitals are read by
``services.money.capitals.parse_capitals`` (《支付结算办法》附一); a run that is no amount is left alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

from services.checks.base import Problem, short, warning, yuan
from services.money import round_yuan
from services.money.capitals import CapitalsError, parse_capitals
from services.register.contract_data import ContractData

__all__ = ["check_article_capitals", "contract_amounts"]

#: A run of capitals, e.g. 人民币壹拾万元整 in "首付款人民币壹拾万元整（¥100,000.00）".
_RUN = re.compile(r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]+")
_DIGITS = frozenset("零壹贰叁肆伍陆柒捌玖")


def _share(percent: Decimal | None, amount: Decimal | None, total: Decimal) -> Decimal | None:
    if amount is not None:
        return amount
    return None if percent is None else round_yuan(total * percent / 100)


def contract_amounts(data: ContractData) -> set[Decimal]:
    """Every amount (元) the register holds for ``data`` (see the module docstring)."""
    total = data.total_amount
    found: set[Decimal | None] = {total, data.amount_excl_tax}
    found |= {item.effective_amount for item in data.line_items}
    found |= {_share(item.percent, item.amount, total) for item in data.installments}
    found |= {_share(bond.percent, bond.amount, total) for bond in data.bonds}
    for clause in data.penalty_clauses:
        found |= {clause.amount, clause.cap_amount}
    found |= {party.share_amount for party in data.parties}
    return {amount for amount in found if amount is not None}


def check_article_capitals(data: ContractData) -> list[Problem]:
    """One warning ``article_capitals_unmatched`` per run of capitals in an article (heading or body)
    that reads an amount the contract does not hold; field ``articles[i].body`` (0-based position)."""
    if data.total_amount is None:
        return []
    amounts = contract_amounts(data)
    found: list[Problem] = []
    for index, article in enumerate(data.articles):
        for match in _RUN.finditer(f"{article.heading or ''}\n{article.body or ''}"):
            run = match.group(0)
            if not (_DIGITS & set(run)) or not (set("元圆角分") & set(run)):
                continue
            try:
                value = parse_capitals(run)
            except CapitalsError:
                continue  # free text: a run that is no amount is not ours to judge
            if value in amounts:
                continue
            name = short(article.heading) or f"第 {article.seq} 条"
            name_en = short(article.heading) or f"article {article.seq}"
            found.append(warning(
                "article_capitals_unmatched",
                f"条款“{name}”写有大写金额“{run}”即{yuan(value)}，与本合同登记的任何金额（总额、分项、付款、保证金）都不符",
                f"The text of “{name_en}” writes “{run}” ({yuan(value)}) in capitals, which is none of the "
                "contract's amounts (total, line items, installments, bonds)",
                f"articles[{index}].body",
            ))
    return found
