"""The contract total in Chinese capitals (大写金额) as every print-out writes it (issue 14).

One convention, on the contract print-out and on the summary alike:

* where the officer entered the contract's own spelling (``ContractData.total_in_words``) and it
  reads the total, that spelling is printed — the words the signatories see in their contract
  (``贰佰伍拾伍万柒仟贰佰陆拾柒元陆角`` stays without 人民币 and 整, as WHZF-2026-ZWY writes it), less
  the words put around it (``（大写）：``);
* otherwise the capitals are computed: ``人民币`` and the amount written by
  ``services.money.capitals.to_capitals`` (中国人民银行《支付结算办法》附一《正确填写票据和结算凭证的
  基本规定》: 整 after 元 and after a final 角, never after 分).

Capitals entered that do not read the total (``check`` reports them: ``capitals_mismatch``, an
error, or ``capitals_malformed``) are not printed: the figures and the capitals on the paper never
disagree; ``capitals_warning`` says so in the print's warnings. Installments and other amounts,
for which the register holds no spelling, are always computed.
"""

from __future__ import annotations

import re

from services.checks.contract import read_capitals
from services.errors import Notice, define
from services.money import yuan_text
from services.money.capitals import CapitalsError, to_capitals
from services.register.contract_data import ContractData

__all__ = ["capitals_warning", "entered_capitals", "total_capitals"]

#: Words put around the capitals in a contract: （大写）：, 大写:, colons.
_AROUND = re.compile(r"[（(]\s*大写\s*[）)]|大写|[:：]")


def entered_capitals(data: ContractData) -> str | None:
    """The officer's spelling of the total (``total_in_words``) less the words around it, when it
    reads ``data.total_amount``; None when none is entered or it reads another amount or none."""
    words = (data.total_in_words or "").strip()
    if not words or data.total_amount is None:
        return None
    try:
        value = read_capitals(words)
    except CapitalsError:
        return None
    return "".join(_AROUND.sub("", words).split()) if value == data.total_amount else None


def total_capitals(data: ContractData) -> str:
    """The total in capitals to print (see the module docstring): the contract's own spelling, else
    人民币 + ``to_capitals`` (no 人民币 for another currency)."""
    return entered_capitals(data) or to_capitals(data.total_amount, prefix=data.currency == "CNY")


CAPITALS_NOT_TOTAL = define(
    "PRINT_CAPITALS_NOT_TOTAL",
    "录入的大写金额“{words}”与合同总额 {total} 不符：改印总额的大写 {capitals}（见检查）。",
    "The total in capitals as entered, “{words}”, does not read the total {total}: "
    "the capitals of the total, {capitals}, are printed instead (see check).")


def capitals_warning(data: ContractData) -> list[str]:
    """A warning (a coded ``Notice``) when the capitals entered for the total were not printed because they do
    not read the total; empty otherwise."""
    words = (data.total_in_words or "").strip()
    if not words or entered_capitals(data) is not None:
        return []
    return [Notice(CAPITALS_NOT_TOTAL, words=words, total=yuan_text(data.total_amount), capitals=total_capitals(data))]
