"""``main.py check [CONTRACT_NO] [--lang zh_CN|en]``: the contract checks, one line per problem."""

from __future__ import annotations

import argparse
import sys

from cli.language import cli_language
from cli.messages import fail
from cli.words import HELP_CONTRACT_NO, META_CONTRACT_NO, is_chinese, say
from services.checks.base import ERROR, WARNING
from services.checks.contract import LEVEL_ERRORS, LEVEL_WARNINGS, problem_level
from services.checks.run import check_stored
from services.errors import Term, define
from services.register.contracts import ContractError
from services.store import Store

HELP = define("CLI_HELP_CHECK", "检查金额、大写、日期和当事方；有错误时退出状态为 1",
              "check figures, capitals, dates and parties; 1 on errors")
CHECKED = define("CLI_CHECKED", "已检查 {checked} 份合同：{errors} 份有错误，{warnings} 份仅有警告",
                 "checked {checked} contract(s): {errors} with errors, {warnings} with warnings only")
#: A problem's severity by its word.
SEVERITY = {ERROR: Term("error", "错误"), WARNING: Term("warning", "警告")}


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO`` (optional)."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language), nargs="?",
                        help=say(HELP_CONTRACT_NO, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """One line per problem on stdout, ``CONTRACT_NO: severity: message`` (``CONTRACT_NO：错误：…``)
    in ``cli_language(args.lang)``, a count on stderr. Exit status 1 when a check at error level
    fails or the contract is unknown, else 0."""
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
                    severity = SEVERITY.get(problem.severity, Term(problem.severity, problem.severity))
                    colon = "：" if is_chinese(language) else ": "
                    print(f"{number}{colon}{severity.label(language)}{colon}{problem.message(language)}")
    except ContractError as exc:
        return fail(exc, args)
    print(say(CHECKED, language, checked=checked, errors=with_errors, warnings=with_warnings), file=sys.stderr)
    return 1 if with_errors else 0
