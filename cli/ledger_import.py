"""``main.py import PATH [--replace]``: a ledger folder, a .zip of one, or one table's .csv into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.language import cli_language
from cli.words import META_PATH, WARNING_LINE, say
from services.errors import define, localize
from services.ledger.files import LedgerFileError
from services.ledger.importer import LedgerError, import_ledger
from services.store import Store

HELP = define("CLI_HELP_IMPORT", "导入台账（文件夹、.zip、.xlsx 工作簿或单个 CSV 文件）",
              "import a ledger (folder, .zip, .xlsx workbook or one CSV file)")
HELP_PATH = define("CLI_HELP_IMPORT_PATH", "台账文件夹、其 .zip、.xlsx 工作簿或一张表的 .csv",
                   "the ledger folder, a .zip of it, a .xlsx workbook or one table's .csv")
HELP_REPLACE = define("CLI_HELP_IMPORT_REPLACE", "更新台账中已有的合同", "update contracts already in the store")
REJECTED = define("CLI_IMPORT_REJECTED", "已拒绝：未导入任何内容（{count} 个问题）",
                  "rejected: nothing imported ({count} problem(s))")
IMPORTED = define("CLI_IMPORTED", "已导入 {added} 份新合同，更新 {updated} 份，台账：{store}",
                  "imported {added} new, {updated} updated contract(s) into {store}")
WITH_PROBLEMS = define("CLI_IMPORTED_WITH_PROBLEMS", "其中 {count} 份有问题：见 main.py check",
                       "{count} with problems: see main.py check")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``PATH`` and ``--replace``."""
    parser.add_argument("path", type=Path, metavar=say(META_PATH, language), help=say(HELP_PATH, language))
    parser.add_argument("--replace", action="store_true", help=say(HELP_REPLACE, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """Import all or nothing: 1 with every problem on stderr (``[CODE] file:row:column text``, in the
    language of ``--lang`` or the locale), else 0."""
    language = cli_language(args.lang)
    try:
        result = import_ledger(store, args.path, replace=args.replace)
    except LedgerFileError as exc:
        print(exc.message(language), file=sys.stderr)
        return 1
    except LedgerError as exc:
        for problem in exc.localized(language):
            print(problem, file=sys.stderr)
        print(say(REJECTED, language, count=len(exc.problems)), file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(say(WARNING_LINE, language, text=localize(warning, language)), file=sys.stderr)
    print(say(IMPORTED, language, added=len(result.added), updated=len(result.updated), store=store.path))
    if result.with_problems:
        print(say(WITH_PROBLEMS, language, count=len(result.with_problems)))
    return 0
