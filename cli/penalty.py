"""The command line's ``penalty``: liquidated damages under one clause of a stored contract.

    main.py penalty CONTRACT_NO CLAUSE_REF (--days N | --from DATE --to DATE) [--amount OVERDUE] [--lang zh_CN|en]

prints the working (``services.penalty.compute``) and, on its last line, the amount in yuan with two
decimals and nothing else (``438194.96``), so a script can take it. CLAUSE_REF ``statutory-sme`` is
the statutory rate for late payment to a small or medium supplier (``statutory_sme_clause``, paid by
甲方) when the contract has no clause of that reference. Amounts already charged (the caps'
"累计") are the calculations saved to the contract's record. Exit status 1, with the reason on
stderr, for an unknown contract or clause and for inputs the clause cannot use.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from cli.language import cli_language
from cli.words import ERROR_LINE, META_CONTRACT_NO, META_DATE, say
from services.errors import InputError, UserError, define
from services.ledger.values import parse_date, parse_decimal, parse_money
from services.money import yuan_text
from services.penalty.compute import (
    STATUTORY_SME_REF,
    PenaltyInput,
    PenaltyInputError,
    compute,
    find_clause,
    statutory_sme_clause,
)
from services.penalty.records import previous_amounts, store_calendar
from services.penalty.types import PENALTY_BAD_VALUE
from services.register import contracts
from services.store import Store

__all__ = ["HELP", "add_arguments", "parse_days", "parse_inputs", "penalty_command", "run"]

NO_CLAUSE = define(
    "PENALTY_NO_CLAUSE",
    "合同 {contract_no} 没有条款 {clause}（其条款：{clauses}；法定中小企业逾期付款利率请用 {sme}）",
    "Contract {contract_no} has no clause {clause} (its clauses: {clauses}; {sme} for the statutory SME rate)",
)

HELP = define("CLI_HELP_PENALTY", "按一条违约条款计算违约金并列出计算过程；最后一行为金额",
              "liquidated damages under a clause, with the working; the amount on the last line")
HELP_CLAUSE = define("CLI_HELP_PENALTY_CLAUSE", "如 8.1.2；statutory-sme：迟延支付中小企业款项的法定利率",
                     "e.g. 8.1.2; statutory-sme for the statutory SME rate")
HELP_DAYS = define("CLI_HELP_PENALTY_DAYS", "逾期或中断的天数（可有小数）",
                   "days late or interrupted (a fraction allowed)")
HELP_FROM = define("CLI_HELP_PENALTY_FROM", "应履行日期（与 --to 同用）", "the due date (with --to)")
HELP_TO = define("CLI_HELP_PENALTY_TO", "实际履行日期", "the actual date")
HELP_AMOUNT = define("CLI_HELP_PENALTY_AMOUNT", "逾期金额（元），计算基数需要时给出",
                     "the overdue amount in yuan, when the base needs it")
META_CLAUSE = define("CLI_META_CLAUSE", "条款号", "CLAUSE_REF")
META_OVERDUE = define("CLI_META_OVERDUE", "逾期金额", "OVERDUE")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO CLAUSE_REF`` and ``--days N`` or ``--from DATE --to DATE``, ``--amount``."""
    date = say(META_DATE, language)
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language))
    parser.add_argument("clause_ref", metavar=say(META_CLAUSE, language), help=say(HELP_CLAUSE, language))
    parser.add_argument("--days", metavar="N", help=say(HELP_DAYS, language))
    parser.add_argument("--from", dest="due", metavar=date, help=say(HELP_FROM, language))
    parser.add_argument("--to", dest="actual", metavar=date, help=say(HELP_TO, language))
    parser.add_argument("--amount", metavar=say(META_OVERDUE, language), help=say(HELP_AMOUNT, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """``main.py penalty``: see ``penalty_command``."""
    return penalty_command(store, args.contract_no, args.clause_ref, days=args.days, due=args.due,
                           actual=args.actual, amount=args.amount, language=args.lang)

T = TypeVar("T")


def _parse(field: str, text: str | None, parser: Callable[[str], T]) -> T | None:
    if text is None:
        return None
    try:
        return parser(text)
    except ValueError as exc:  # an InputError: coded, in both languages
        if isinstance(exc, InputError):
            raise PenaltyInputError(field, exc.code, **exc.params) from None
        raise PenaltyInputError(field, PENALTY_BAD_VALUE, text=text) from None


def parse_days(text: str) -> Decimal:
    """A number of days (a fraction allowed); a negative one is kept, for the calculation to refuse by name."""
    body = text.strip()
    if body.startswith("-"):
        return -parse_decimal(body[1:], "number of days")
    return parse_decimal(body, "number of days")


def parse_inputs(days: str | None, due: str | None, actual: str | None, amount: str | None) -> PenaltyInput:
    """The command line's texts as ``PenaltyInput`` (dates as the ledger writes them, the amount as
    money). Raises ``PenaltyInputError`` naming the field of a text that does not parse."""
    return PenaltyInput(
        days=_parse("days", days, parse_days), due=_parse("due", due, parse_date),
        actual=_parse("actual", actual, parse_date),
        overdue_amount=_parse("overdue_amount", amount, lambda text: parse_money(text)[0]),
    )


def _fail(error: Exception, language: str | None) -> int:
    shown = cli_language(language)
    text = error.message(shown) if isinstance(error, UserError) else str(error)
    print(say(ERROR_LINE, shown, text=text), file=sys.stderr)
    return 1


def penalty_command(
    store: Store, contract_no: str, clause_ref: str, *, days: str | None = None, due: str | None = None,
    actual: str | None = None, amount: str | None = None, language: str | None = None,
) -> int:
    """Run ``main.py penalty`` (see the module docstring); returns the exit status."""
    lang = "zh" if cli_language(language).startswith("zh") else "en"
    try:
        with store.session() as session:
            data = contracts.load_by_no(session, contract_no)
            contract_id = contracts.find_id(session, contract_no)
            clause = find_clause(data, clause_ref)
            if clause is None and clause_ref.strip() == STATUTORY_SME_REF:
                clause = statutory_sme_clause()
            if clause is None:
                refs = "、".join(c.clause_ref for c in data.penalty_clauses) or "—"
                return _fail(UserError(NO_CLAUSE, contract_no=contract_no, clause=clause_ref, clauses=refs,
                                       sme=STATUTORY_SME_REF), language)
            assert contract_id is not None
            under_clause, for_payer = previous_amounts(session, contract_id, clause.clause_ref, clause.payer_role)
            calendar = store_calendar(session)
    except contracts.ContractError as exc:
        return _fail(exc, language)
    try:
        inputs = parse_inputs(days, due, actual, amount)
        inputs = PenaltyInput(inputs.days, inputs.due, inputs.actual, inputs.overdue_amount,
                              previous_liability=for_payer, previous_clause=under_clause)
        result = compute(clause, data, inputs, calendar=calendar, language=lang)
    except PenaltyInputError as exc:
        flag = {"days": "--days", "due": "--from", "actual": "--to", "overdue_amount": "--amount"}.get(exc.field)
        text = exc.message(lang) + ((f"（{flag}）" if lang == "zh" else f" ({flag})") if flag else "")
        print(say(ERROR_LINE, lang, text=text), file=sys.stderr)
        return 1
    print(result.working())
    print(yuan_text(result.amount, thousands=False))
    return 0
