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
from services.errors import UserError
from services.ledger.values import parse_date, parse_int, parse_money, parse_role
from services.money import yuan_text
from services.payments.record import exceeds_remaining, record_payment
from services.payments.states import state_label
from services.payments.summary import contract_payments
from services.register import contracts
from services.register.contract_data import PaymentData
from services.store import Store

HELP = "record a payment made on a contract (installment, amount, date, invoice, voucher)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO`` and the payment's options."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO")
    parser.add_argument("--installment", metavar="N", required=True, help="the installment it pays; 0: none")
    parser.add_argument("--amount", metavar="X", required=True, help="yuan, e.g. 100000.00")
    parser.add_argument("--date", metavar="D", required=True, help="the day it was paid, e.g. 2026-03-02")
    parser.add_argument("--invoice", metavar="NO", help="invoice number (发票号)")
    parser.add_argument("--voucher", metavar="NO", help="accounting voucher number (凭证号)")
    parser.add_argument("--note", metavar="TEXT")
    parser.add_argument("--payer", metavar="ROLE", help="default 甲方")
    parser.add_argument("--payee", metavar="ROLE", help="default 乙方")
    parser.add_argument("--allow-over", action="store_true", help="record it even above what remains")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the state (default: the locale's)")


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
    line = picture.line(stored.installment_seq) if stored.installment_seq is not None else None
    state = f", installment {stored.installment_seq}: {state_label(line.status.state, cli_language(args.lang))}" \
        if line is not None else ""
    print(f"payment {stored.seq} recorded: {yuan_text(stored.amount)} on {stored.paid_date.isoformat()}{state}")
    return 0
