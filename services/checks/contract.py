"""Contract checks (核对): every figure, amount in capitals and date verified against the others,
the way an auditor reads a contract before it is signed or paid.

``check_contract(data)`` runs every check on a ``ContractData`` and returns the ``Problem``s,
errors first. Money is exact ``Decimal`` 元; a computed amount is rounded half up to the fen
once, at the end (spec ``csv-format.md``). The checks by subject:

* figures — ``check_lines`` (unit price × quantity × months, line sum = total),
  ``check_consortium`` (shares = total, a party's lines = its share), ``check_installments``
  (percent × total, schedule = total), ``check_bonds``, ``check_tax``;
* amounts in capitals (大写金额) — ``check_capitals``, and capitals written into installment
  conditions and bond notes (``services.money.capitals``);
* dates — ``services.checks.dates``; parties — ``services.checks.parties`` (GB 32100-2015);
  article text — ``services.checks.articles`` (TeX residue from scans),
  ``services.checks.article_capitals`` (capitals in the text that no amount of the contract has);
* amounts written in 万元 in an imported ledger — ``wan_problem``, at import time only (the
  stored amount no longer shows the unit).

Bonds and milestones are checked once ``ContractData`` carries them (``bonds``, ``milestones``
lists); until then ``check_bonds`` can be called with any rows that have ``seq``, ``percent``,
``amount`` (and optionally ``amount_in_words``, ``note``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from services.checks.article_capitals import check_article_capitals
from services.checks.articles import check_articles
from services.checks.base import (
    ERROR,
    LEVEL_ERRORS,
    LEVEL_NONE,
    LEVEL_WARNINGS,
    SEVERITIES,
    WARNING,
    Problem,
    error,
    of_total,
    percent,
    problem_level,
    short,
    warning,
    yuan,
)
from services.checks.damage import check_damage
from services.checks.dates import TODAY_DEPENDENT, check_dates
from services.checks.parties import PURCHASER, check_parties, role_en
from services.money import FEN, round_yuan
from services.money.capitals import CapitalsError, parse_capitals
from services.register.contract_data import ContractData, InstallmentData

__all__ = [
    "ERROR", "LEVEL_ERRORS", "LEVEL_NONE", "LEVEL_WARNINGS", "TODAY_DEPENDENT", "WARNING", "Problem",
    "check_contract", "problem_level", "stored_level", "wan_problem",
]

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
# A run of capitals in free text, e.g. 人民币壹拾万元整 in "首付款人民币壹拾万元整（¥100,000.00）".
_CAPITALS_RUN = re.compile(r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]+")
# Words contracts put around the total in capitals: 人民币（大写）：…
_DECORATION = re.compile(r"[（(]?\s*大写\s*[）)]?\s*[:：]?|[:：]")


def check_contract(data: ContractData, *, today: dt.date | None = None) -> list[Problem]:
    """Every check of one contract, errors first (in check order within a severity).

    ``today`` (default: the current date) is used only by ``signed_in_future``. A ``None``
    total (the editor's total field does not parse) skips the checks that need it.
    """
    today = today or dt.date.today()
    found = [
        *check_lines(data),
        *check_consortium(data),
        *check_capitals(data),
        *check_installments(data),
        *check_bonds(getattr(data, "bonds", None) or [], data.total_amount),
        *check_tax(data),
        *check_dates(data, today),
        *check_parties(data.parties),
        *check_damage(data),  # identifiers a spreadsheet turned into numbers or dates
        *check_article_capitals(data),
        *check_articles(data.articles),
    ]
    return sorted(found, key=lambda problem: SEVERITIES.index(problem.severity))


def stored_level(problems: Iterable[Problem]) -> int:
    """``contracts.problem_level`` for a contract's ``problems`` (``check_contract``): their
    ``problem_level``, leaving out the checks that depend on the day (``TODAY_DEPENDENT``), so
    the stored level does not go stale."""
    return problem_level(p for p in problems if p.code not in TODAY_DEPENDENT)


# --- figures ---------------------------------------------------------------------------------


def check_lines(data: ContractData) -> list[Problem]:
    """Line items (model ``LineItem``):

    * ``line_amount_mismatch`` (error) — a stated amount ≠ unit price × quantity × months,
      rounded half up to the fen (a line without price or quantity is not checked);
    * ``lines_total_mismatch`` (error) — the lines' amounts (stated, else computed) do not add
      up to the contract total.
    """
    problems: list[Problem] = []
    for i, line in enumerate(data.line_items):
        computed = line.computed_amount
        if line.amount is not None and computed is not None and line.amount != computed:
            months = line.periods if line.periods is not None else 1
            problems.append(error(
                "line_amount_mismatch",
                f"第{line.seq}行“{short(line.name)}”：合价{yuan(line.amount)}与单价×数量×月数"
                f"（{line.unit_price}×{line.quantity}×{months}={yuan(computed)}）不符，"
                f"相差{yuan(line.amount - computed)}",
                f"Line {line.seq} ({short(line.name)}): the stated amount {yuan(line.amount)} is not unit price × "
                f"quantity × months ({line.unit_price} × {line.quantity} × {months} = {yuan(computed)}); "
                f"difference {yuan(line.amount - computed)}",
                f"line_items[{i}].amount",
            ))
    if data.line_items and data.total_amount is not None:
        lines = sum((line.effective_amount for line in data.line_items), Decimal("0.00"))
        if lines != data.total_amount:
            problems.append(error(
                "lines_total_mismatch",
                f"各行合价合计{yuan(lines)}，与合同总额{yuan(data.total_amount)}不符，"
                f"相差{yuan(lines - data.total_amount)}",
                f"The line amounts add up to {yuan(lines)}, not the contract total {yuan(data.total_amount)}; "
                f"difference {yuan(lines - data.total_amount)}",
                "total_amount", "line_items",
            ))
    return problems


def check_consortium(data: ContractData) -> list[Problem]:
    """A consortium's shares (``share_amount`` of the suppliers) and the lines each delivers
    (``party_role``), when the contract states them:

    * ``shares_total_mismatch`` (error) — the shares do not add up to the total;
    * ``share_missing`` (warning) — some suppliers have a share and another has none;
    * ``party_lines_mismatch`` (error) — a party's lines do not add up to its share (a sole
      supplier's lines are all its own);
    * ``line_party_unknown`` (error) — a line delivered by a role that is no supplier here;
    * ``line_without_party`` (warning) — with several suppliers, a line assigned to none while
      others are assigned.
    """
    problems: list[Problem] = []
    suppliers = [(i, p) for i, p in enumerate(data.parties) if p.role != PURCHASER]
    shared = [(i, p) for i, p in suppliers if p.share_amount is not None]
    total = data.total_amount
    if shared and total is not None:
        shares = sum((p.share_amount for _, p in shared if p.share_amount is not None), Decimal("0.00"))
        if shares != total:
            problems.append(error(
                "shares_total_mismatch",
                f"各方分摊金额合计{yuan(shares)}，与合同总额{yuan(total)}不符，相差{yuan(shares - total)}",
                f"The parties' shares add up to {yuan(shares)}, not the contract total {yuan(total)}; "
                f"difference {yuan(shares - total)}",
                f"parties[{shared[0][0]}].share_amount", "total_amount",
            ))
    if shared and len(suppliers) > 1:
        for i, party in suppliers:
            if party.share_amount is None:
                problems.append(warning(
                    "share_missing", f"{party.role}“{party.name}”没有分摊金额，其他供应商有",
                    f"{role_en(party.role)} {party.name} has no share while the other suppliers have one",
                    f"parties[{i}].share_amount",
                ))
    if not any(line.party_role for line in data.line_items):
        return problems
    roles = {p.role for _, p in suppliers}
    for i, line in enumerate(data.line_items):
        if line.party_role and line.party_role not in roles:
            problems.append(error(
                "line_party_unknown", f"第{line.seq}行的承担方“{line.party_role}”不是本合同的供应商",
                f"Line {line.seq} is delivered by {role_en(line.party_role)}, who is no supplier of this contract",
                f"line_items[{i}].party_role",
            ))
        elif not line.party_role and len(suppliers) > 1:
            problems.append(warning(
                "line_without_party", f"第{line.seq}行没有写明承担方（联合体合同）",
                f"Line {line.seq} names no supplier (consortium contract)", f"line_items[{i}].party_role",
            ))
    for i, party in shared:
        assert party.share_amount is not None
        own = sum((line.effective_amount for line in data.line_items
                   if line.party_role == party.role or (not line.party_role and len(suppliers) == 1)),
                  Decimal("0.00"))
        if own != party.share_amount:
            problems.append(error(
                "party_lines_mismatch",
                f"{party.role}承担的各行合计{yuan(own)}，与其分摊金额{yuan(party.share_amount)}不符",
                f"The lines of {role_en(party.role)} add up to {yuan(own)}, not its share {yuan(party.share_amount)}",
                f"parties[{i}].share_amount",
            ))
    return problems


def installment_amount(installment: Any, total: Decimal | None) -> Decimal | None:
    """What an installment (or bond) is worth in 元: its stated ``amount``, else ``percent`` of
    ``total`` rounded half up to the fen, else None (nothing measurable)."""
    if installment.amount is not None:
        return installment.amount
    if installment.percent is not None and total is not None:
        return of_total(installment.percent, total)
    return None


def check_installments(data: ContractData) -> list[Problem]:
    """The payment schedule (model ``Installment``) against the total:

    * ``installment_unmeasured`` (warning) — neither a percent nor an amount: it contributes
      nothing measurable, so the schedule is not summed;
    * ``installment_percent_mismatch`` (error) — amount ≠ percent × total (rounded half up),
      except that the last installment may take the remainder (total − the others);
    * ``installments_total_mismatch`` (error) — when every installment has a percent: they do
      not add up to 100 %; otherwise the amounts (stated, else percent × total) do not add up to
      the total, allowing one fen of rounding per amount derived from a percent;
    * capitals in an installment's ``condition`` (or ``amount_in_words``, once stored): see
      ``_capitals_of_row``.
    """
    items: Sequence[InstallmentData] = data.installments
    total = data.total_amount
    problems: list[Problem] = []
    for i, item in enumerate(items):
        if item.amount is None and item.percent is None:
            problems.append(warning(
                "installment_unmeasured",
                f"第{item.seq}期付款既无比例也无金额，无法与合同总额核对",
                f"Installment {item.seq} has neither a percent nor an amount; the schedule cannot be checked "
                "against the total",
                f"installments[{i}].amount", f"installments[{i}].percent",
            ))
    if not items or total is None:
        return problems
    measured = [installment_amount(item, total) for item in items]
    known = [amount for amount in measured if amount is not None]
    complete = len(known) == len(measured)
    for i, item in enumerate(items):
        if item.amount is None or item.percent is None:
            continue
        expected = of_total(item.percent, total)
        remainder = complete and i == len(items) - 1 and item.amount == total - sum(known[:-1])
        if item.amount != expected and not remainder:
            problems.append(error(
                "installment_percent_mismatch",
                f"第{item.seq}期付款金额{yuan(item.amount)}，与{percent(item.percent)}×合同总额={yuan(expected)}不符",
                f"Installment {item.seq}: the amount {yuan(item.amount)} is not {percent(item.percent)} × "
                f"the total = {yuan(expected)}",
                f"installments[{i}].amount", f"installments[{i}].percent",
            ))
    if complete:
        if all(item.percent is not None for item in items):
            share = sum((item.percent for item in items if item.percent is not None), Decimal(0))
            if share != 100:
                problems.append(error(
                    "installments_total_mismatch", f"各期付款比例合计{percent(share)}，不是100%",
                    f"The installments' percents add up to {percent(share)}, not 100%",
                    "installments", "total_amount",
                ))
        else:
            paid = sum((amount for amount in measured if amount is not None), Decimal("0.00"))
            derived = sum(1 for item in items if item.amount is None)
            if abs(paid - total) > FEN * derived:
                problems.append(error(
                    "installments_total_mismatch",
                    f"各期付款合计{yuan(paid)}，与合同总额{yuan(total)}不符，相差{yuan(paid - total)}",
                    f"The installments add up to {yuan(paid)}, not the contract total {yuan(total)}; "
                    f"difference {yuan(paid - total)}",
                    "installments", "total_amount",
                ))
    for i, item in enumerate(items):
        problems += _capitals_of_row(item, "installments", i, installment_amount(item, total), total,
                                     "第{}期付款", "installment {}", "condition")
    return problems


def check_bonds(bonds: Sequence[Any], total: Decimal | None) -> list[Problem]:
    """Bonds (履约保证金, 质保金 …; rows with ``seq``, ``percent``, ``amount`` as in the ledger's
    bonds.csv) against the total:

    * ``bond_percent_mismatch`` (error) — amount ≠ percent × total, rounded half up to the fen
      (BJMEMC-2025174-ZC: 10 % of ¥2,738,718.50 = ¥273,871.85);
    * capitals in ``amount_in_words`` or the ``note``, as for installments.
    """
    problems: list[Problem] = []
    for i, bond in enumerate(bonds):
        seq = getattr(bond, "seq", i + 1)
        if bond.amount is not None and bond.percent is not None and total is not None:
            expected = of_total(bond.percent, total)
            if bond.amount != expected:
                problems.append(error(
                    "bond_percent_mismatch",
                    f"第{seq}项保证金金额{yuan(bond.amount)}，与{percent(bond.percent)}×合同总额={yuan(expected)}不符",
                    f"Bond {seq}: the amount {yuan(bond.amount)} is not {percent(bond.percent)} × the total = "
                    f"{yuan(expected)}",
                    f"bonds[{i}].amount", f"bonds[{i}].percent",
                ))
        problems += _capitals_of_row(bond, "bonds", i, installment_amount(bond, total), total,
                                     "第{}项保证金", "bond {}", "note")
    return problems


def check_tax(data: ContractData) -> list[Problem]:
    """``tax_mismatch`` (error): amount excl. tax × (1 + tax rate) ≠ the total (tax included),
    allowing one fen of rounding per line item (at least one fen): contracts round each line's
    tax, so the sum may stray by that much (VAT, 增值税; ``tax_rate`` in percent)."""
    total, excl, rate = data.total_amount, data.amount_excl_tax, data.tax_rate
    if total is None or excl is None or rate is None:
        return []
    expected = round_yuan(excl * (100 + rate) / 100)
    tolerance = FEN * max(1, len(data.line_items))
    if abs(expected - total) <= tolerance:
        return []
    return [error(
        "tax_mismatch",
        f"不含税金额{yuan(excl)}×(1+{percent(rate)})={yuan(expected)}，与合同总额{yuan(total)}不符"
        f"（相差{yuan(expected - total)}，允许{yuan(tolerance)}）",
        f"Amount excl. tax {yuan(excl)} × (1 + {percent(rate)}) = {yuan(expected)}, not the total {yuan(total)} "
        f"(difference {yuan(expected - total)}, {yuan(tolerance)} allowed)",
        "amount_excl_tax", "tax_rate", "total_amount",
    )]


# --- amounts in capitals ---------------------------------------------------------------------


def read_capitals(text: str) -> Decimal:
    """``parse_capitals`` of ``text``, else of ``text`` without the words contracts put around it
    (人民币（大写）：…). Raises the ``CapitalsError`` of the text as written."""
    try:
        return parse_capitals(text)
    except CapitalsError as exc:
        cleaned = _DECORATION.sub("", text)
        if cleaned == text:
            raise
        try:
            return parse_capitals(cleaned)
        except CapitalsError:
            raise exc from None


def _split_message(exc: CapitalsError) -> tuple[str, str]:
    """The Chinese and the English half of a ``CapitalsError`` message."""
    message = str(exc)
    zh, _, en = message.partition(" Malformed amount in capitals ")
    return zh, ("Malformed amount in capitals " + en) if en else message


def check_capitals(data: ContractData) -> list[Problem]:
    """The total in capitals as written (``total_in_words``, 大写金额) against the total in figures:

    * ``capitals_mismatch`` (error) — they differ (the capitals prevail in a dispute; the
      figures are the usual typo, as BJMEMC-2025174-ZC's "¥2738718.5 万元");
    * ``capitals_malformed`` (warning) — the text is not an amount in capitals
      (``services.money.capitals.parse_capitals``: 《支付结算办法》附一).
    """
    words, total = (data.total_in_words or "").strip(), data.total_amount
    if not words or total is None:
        return []
    try:
        value = read_capitals(words)
    except CapitalsError as exc:
        zh, en = _split_message(exc)
        return [warning("capitals_malformed", zh, en, "total_in_words")]
    if value == total:
        return []
    return [error(
        "capitals_mismatch",
        f"大写金额“{words}”即{yuan(value)}，与小写合同总额{yuan(total)}不符",
        f"The total in capitals “{words}” reads {yuan(value)}, not the total in figures {yuan(total)}",
        "total_in_words", "total_amount",
    )]


def capitals_in_text(text: str | None) -> list[str]:
    """Amounts in capitals written in free text (a payment condition, a bond's note): runs of
    capitals characters that hold a digit and 元/圆/角/分, e.g. ``人民币壹拾万元整``."""
    runs = [match.group(0) for match in _CAPITALS_RUN.finditer(text or "")]
    return [run for run in runs if any(ch in _DIGITS for ch in run) and any(ch in "元圆角分" for ch in run)]


def _capitals_of_row(
    row: Any, table: str, index: int, amount: Decimal | None, total: Decimal | None,
    what_zh: str, what_en: str, text_field: str,
) -> list[Problem]:
    """Capitals of an installment or bond: ``amount_in_words`` (a field to come; error if it
    differs from the amount, warning if malformed) and capitals in the free text ``text_field``
    (warning if they match neither the row's amount nor the contract total, which conditions
    quote)."""
    if amount is None:
        return []
    seq = getattr(row, "seq", index + 1)
    zh_name, en_name = what_zh.format(seq), what_en.format(seq)
    problems: list[Problem] = []
    words = (getattr(row, "amount_in_words", None) or "").strip()
    if words:
        try:
            value = read_capitals(words)
        except CapitalsError as exc:
            zh, en = _split_message(exc)
            problems.append(warning("capitals_malformed", zh, en, f"{table}[{index}].amount_in_words"))
        else:
            if value != amount:
                problems.append(error(
                    "capitals_mismatch", f"{zh_name}大写金额“{words}”即{yuan(value)}，与小写金额{yuan(amount)}不符",
                    f"The capitals of {en_name} “{words}” read {yuan(value)}, not the amount {yuan(amount)}",
                    f"{table}[{index}].amount_in_words", f"{table}[{index}].amount",
                ))
    for run in capitals_in_text(getattr(row, text_field, None)):
        try:
            value = read_capitals(run)
        except CapitalsError:
            continue  # free text: a run that is no amount is not ours to judge
        if value not in (amount, total):
            problems.append(warning(
                "text_capitals_mismatch",
                f"{zh_name}的文字写有大写金额“{run}”即{yuan(value)}，与其金额{yuan(amount)}不符",
                f"The text of {en_name} writes “{run}” ({yuan(value)}) in capitals, not its amount {yuan(amount)}",
                f"{table}[{index}].{text_field}", f"{table}[{index}].amount",
            ))
    return problems


# --- import ----------------------------------------------------------------------------------

_COLUMN_NAMES = {
    "total_amount": ("合同总额", "total"), "amount_excl_tax": ("不含税金额", "amount excl. tax"),
    "share_amount": ("分摊金额", "share"), "amount": ("金额", "amount"), "paid_amount": ("实付金额", "amount paid"),
}


def wan_problem(path: str, table: str, key: object, column: str, cell: str, amount: Decimal) -> Problem:
    """``amount_in_wan`` (warning): a money cell of an imported ledger written with a 万元 unit,
    read as ``amount`` 元 (× 10,000; spec ``csv-format.md``). ``table``/``key``/``column`` name the
    cell (key: a row's seq, a party's role); ``path`` the field it went to. Only the import can
    tell: the stored amount no longer shows the unit."""
    col_zh, col_en = _COLUMN_NAMES.get(column, (column, column))
    where_zh, where_en = {
        "parties": (f"{key}{col_zh}", f"the {col_en} of {role_en(str(key))}"),
        "line_items": (f"第{key}行{col_zh}", f"the {col_en} of line {key}"),
        "installments": (f"第{key}期付款{col_zh}", f"the {col_en} of installment {key}"),
    }.get(table, (col_zh, f"the {col_en}"))
    return warning(
        "amount_in_wan",
        f"{where_zh}在台账中写作“{cell}”（万元），已按{yuan(amount)}读入，请与合同原文核对",
        f"{where_en[0].upper()}{where_en[1:]} was written {cell!r} in the ledger (万元, ten thousand yuan) and read "
        f"as {yuan(amount)}; check it against the contract",
        path,
    )
