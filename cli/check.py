"""``main.py check [CONTRACT_NO] [--lang zh_CN|en]``: the contract checks, one line per problem."""

from __future__ import annotations

import argparse
import sys

from cli.language import cli_language
from cli.messages import fail
from services.checks.contract import LEVEL_ERRORS, LEVEL_WARNINGS, problem_level
from services.checks.run import check_stored
from services.register.contracts import ContractError
from services.store import Store

HELP = "check figures, capitals, dates and parties; 1 on errors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``CONTRACT_NO`` (optional) and ``--lang``."""
    parser.add_argument("contract_no", metavar="CONTRACT_NO", nargs="?", help="one contract (default: every one)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the messages (default: the locale's)")


def run(store: Store, args: argparse.Namespace) -> int:
    """One line per problem on stdout, ``CONTRACT_NO: severity:
    message`` (message in ``cli_language(language)``), a count on stderr. Exit status 1 when a
    check at error level fails or the contract is unknown, else 0."""
    language = cli_language(args.lang)
    contract_no = args.contract_no
    checked = with_errors = with_warnings = 0
    try:
        with store.session() as session:
            for number, problems in check_stored(session, contract_no):
                checked += 1
                level = problem_level(problems)
                with_errors += level == LEVEL_ERRORS
                with_warnings += level == LEVEL_WARNINGS
                for problem in problems:
                    print(f"{number}: {problem.severity}: {problem.message(language)}")
    except ContractError as exc:
        return fail(exc, args)
    print(f"checked {checked} contract(s): {with_errors} with errors, {with_warnings} with warnings only",
          file=sys.stderr)
    return 1 if with_errors else 0
