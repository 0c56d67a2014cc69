"""``main.py import PATH [--replace]``: a ledger folder, a .zip of one, or one table's .csv into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.language import cli_language
from services.errors import localize
from services.ledger.files import LedgerFileError
from services.ledger.importer import LedgerError, import_ledger
from services.store import Store

HELP = "import a ledger (folder, .zip or one CSV file)"

#: Command-line lines in (English, Chinese), indexed by "is the language Chinese".
REJECTED = ("rejected: nothing imported ({0} problem(s))", "已拒绝：未导入任何内容（{0} 个问题）")
WARNING = ("warning: ", "警告：")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``PATH`` and ``--replace``."""
    parser.add_argument("path", type=Path)
    parser.add_argument("--replace", action="store_true", help="update contracts already in the store")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the messages (default: the locale's)")


def run(store: Store, args: argparse.Namespace) -> int:
    """Import all or nothing: 1 with every problem on stderr (``[CODE] file:row:column text``, in the
    language of ``--lang`` or the locale), else 0."""
    language = cli_language(getattr(args, "lang", None))
    try:
        result = import_ledger(store, args.path, replace=args.replace)
    except LedgerFileError as exc:
        print(exc.message(language), file=sys.stderr)
        return 1
    except LedgerError as exc:
        for problem in exc.localized(language):
            print(problem, file=sys.stderr)
        print(REJECTED[language == "zh_CN"].format(len(exc.problems)), file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"{WARNING[language == 'zh_CN']}{localize(warning, language)}", file=sys.stderr)
    print(f"imported {len(result.added)} new, {len(result.updated)} updated contract(s) into {store.path}")
    if result.with_problems:
        print(f"{len(result.with_problems)} with problems: see main.py check")
    return 0
