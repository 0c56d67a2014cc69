"""The command line's ``pay``: record one payment on a contract (the same writer as the window).

    main.py pay CONTRACT_NO --installment N --amount X --date D [--invoice NO] [--voucher NO]
                [--note TEXT] [--payer ROLE] [--payee ROLE] [--allow-over]

``--installment 0`` records a payment tied to no installment. A payment above what remains of its
installment is refused (exit 1, the excess named) unless ``--allow-over``. Prints the payment's
number and the installment's state. Exit status 1 for bad input, with the option named.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from cli.language import cli_language
from cli.messages import OVER_REMAINING, REQUIRED, fail, option_error
from cli.words import META_CONTRACT_NO, META_DATE, META_TEXT, say
from services.errors import UserError, define
from services.ledger.values import parse_date, parse_int, parse_money, parse_role
from services.money import yuan_text
from services.payments.record import exceeds_remaining, record_payment
from services.payments.states import state_label
from services.payments.summary import contract_payments
from services.register import contracts
from services.register.contract_data import PaymentData
from services.store import Store

HELP = define("CLI_HELP_PAY", "登记一笔合同付款（分期、金额、日期、发票、凭证）",
              "record a payment made on a contract (installment, amount, date, invoice, voucher)")
HELP_INSTALLMENT = define("CLI_HELP_PAY_INSTALLMENT", "所付的分期序号；0：不对应分期",
                          "the installment it pays; 0: none")
HELP_AMOUNT = define("CLI_HELP_PAY_AMOUNT", "金额（元），如 100000.00", "yuan, e.g. 100000.00")
HELP_DATE = define("CLI_HELP_PAY_DATE", "付款日期，如 2026-03-02", "the day it was paid, e.g. 2026-03-02")
HELP_INVOICE = define("CLI_HELP_PAY_INVOICE", "发票号", "invoice number (发票号)")
HELP_VOUCHER = define("CLI_HELP_PAY_VOUCHER", "凭证号", "accounting voucher number (凭证号)")
HELP_NOTE = define("CLI_HELP_PAY_NOTE", "备注", "a note")
HELP_PAYER = define("CLI_HELP_PAY_PAYER", "付款方（默认 甲方）", "the payer (default 甲方)")
HELP_PAYEE = define("CLI_HELP_PAY_PAYEE", "收款方（默认 乙方）", "the payee (default 乙方)")
HELP_ALLOW_OVER = define("CLI_HELP_PAY_ALLOW_OVER", "超过该期剩余应付时仍然登记", "record it even above what remains")
META_AMOUNT = define("CLI_META_AMOUNT", "金额", "X")
META_NO = define("CLI_META_NO", "编号", "NO")
META_ROLE = define("CLI_META_PARTY_ROLE", "当事方", "ROLE")
RECORDED = define("CLI_PAYMENT_RECORDED", "已登记第 {seq} 笔付款：{amount} 元，{date}{state}",
                  "payment {seq} recorded: {amount} on {date}{state}")
INSTALLMENT_STATE = define("CLI_PAYMENT_INSTALLMENT_STATE", "；第 {seq} 期：{state}", ", installment {seq}: {state}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO`` and the payment's options."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language))
    parser.add_argument("--installment", metavar="N", required=True, help=say(HELP_INSTALLMENT, language))
    parser.add_argument("--amount", metavar=say(META_AMOUNT, language), required=True, help=say(HELP_AMOUNT, language))
    parser.add_argument("--date", metavar=say(META_DATE, language), required=True, help=say(HELP_DATE, language))
    parser.add_argument("--invoice", metavar=say(META_NO, language), help=say(HELP_INVOICE, language))
    parser.add_argument("--voucher", metavar=say(META_NO, language), help=say(HELP_VOUCHER, language))
    parser.add_argument("--note", metavar=say(META_TEXT, language), help=say(HELP_NOTE, language))
    parser.add_argument("--payer", metavar=say(META_ROLE, language), help=say(HELP_PAYER, language))
    parser.add_argument("--payee", metavar=say(META_ROLE, language), help=say(HELP_PAYEE, language))
    parser.add_argument("--allow-over", action="store_true", help=say(HELP_ALLOW_OVER, language))


T = TypeVar("T")


def _field(option: str, parse: Callable[[str], T], text: str | None) -> T | None:
    try:
        return parse(text) if text else None
    except ValueError as exc:
        raise option_error(option, exc) from None


def _parse(args: argparse.Namespace) -> PaymentData:
    field = _field
    seq = field("--installment", parse_int, args.installment)
    amount = field("--amount", lambda text: parse_money(text)[0], args.amount)
    day = field("--date", parse_date, args.date)
    if amount is None:
        raise UserError(REQUIRED, option="--amount")
    if day is None:
        raise UserError(REQUIRED, option="--date")
    return PaymentData(seq=0, paid_date=day, amount=amount,
                       installment_seq=seq or None, payer_role=field("--payer", parse_role, args.payer),
                       payee_role=field("--payee", parse_role, args.payee), invoice_no=args.invoice or None,
                       voucher_no=args.voucher or None, note=args.note or None)


def run(store: Store, args: argparse.Namespace) -> int:
    """``main.py pay``: see the module docstring."""
    try:
        payment = _parse(args)
    except UserError as exc:
        return fail(exc, args)
    with store.session(write=True) as session:
        contract_id = contracts.find_id(session, args.contract_no)
        if contract_id is None:
            return fail(contracts.ContractNotFoundError(contract_no=args.contract_no), args)
        over = exceeds_remaining(session, contract_id, payment) if payment.installment_seq else None
        if over is not None and not args.allow_over:
            return fail(UserError(OVER_REMAINING, amount=yuan_text(payment.amount), over=yuan_text(over),
                                  seq=payment.installment_seq), args)
        stored = record_payment(session, contract_id, payment)
        picture = contract_payments(session, contract_id, dt.date.today())
    language = cli_language(args.lang)
    line = picture.line(stored.installment_seq) if stored.installment_seq is not None else None
    state = "" if line is None else say(INSTALLMENT_STATE, language, seq=stored.installment_seq,
                                        state=state_label(line.status.state, language))
    print(say(RECORDED, language, seq=stored.seq, amount=yuan_text(stored.amount), date=stored.paid_date.isoformat(),
              state=state))
    return 0
