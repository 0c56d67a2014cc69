"""``main.py amendments CONTRACT_NO [--lang zh|en]``: a contract's supplementary agreements and their changes."""

from __future__ import annotations

import argparse
import datetime as dt

from cli.messages import fail
from services.amendments import register
from services.amendments.print_sections import state_words
from services.amendments.wording import day_units, sentence
from services.register import contracts
from services.store import Store

HELP = "list a contract's amendments (补充协议) and what each changed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO`` and ``--lang``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO")
    parser.add_argument("--lang", choices=("zh", "en"), default="en", help="words of the changes (default en)")


def run(store: Store, args: argparse.Namespace) -> int:
    """One block per amendment: number, signing and effective dates, in force or pending today, each
    change old → new; 1 if unknown."""
    try:
        with store.session() as session:
            data = contracts.load_by_no(session, args.contract_no)
            contract_id = contracts.find_id(session, args.contract_no)
            assert contract_id is not None  # load_by_no found it
            found = register.amendments(session, contract_id)
    except contracts.ContractError as exc:
        return fail(exc, args)
    if not found:
        print(f"{data.contract_no}: no amendments")
        return 0
    today = dt.date.today()
    for amendment in found:
        state = state_words(amendment, today, args.lang)
        print(f"{amendment.amendment_no}\tsigned {amendment.sign_date}\teffective {amendment.effective}\t{state}")
        units = day_units(amendment.changes, data)  # a changed count with its unit: 30 working days
        for change in amendment.changes:
            print(f"  {change.seq}. {sentence(change, args.lang, units.get(change.seq))}")
        if amendment.text:
            print(f"  {amendment.text}")
    return 0
