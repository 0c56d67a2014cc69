"""``main.py export PATH``: the register as a ledger — a folder of CSV files, a ``.zip`` of them,
or a ``.xlsx`` workbook, chosen by the suffix of ``PATH``."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.language import cli_language
from cli.words import META_PATH, is_chinese, say
from services.errors import define
from services.ledger.workbook_write import export_to
from services.store import Store

HELP = define("CLI_HELP_EXPORT", "导出台账：CSV 文件夹、CSV 文件的 .zip 或 .xlsx 工作簿（按后缀）",
              "export the register as a ledger: a folder of CSV files, a .zip of them, or a .xlsx workbook (by suffix)")
HELP_PATH = define("CLI_HELP_EXPORT_PATH", "文件夹（CSV 文件）、名称.zip（压缩的 CSV 文件）或 名称.xlsx（工作簿）",
                   "a folder (CSV files), NAME.zip (the CSV files zipped) or NAME.xlsx (a workbook)")
HELP_CHINESE = define("CLI_HELP_EXPORT_CHINESE", "工作簿用中文工作表名和表头（默认：输出语言为中文时）",
                      "workbook with Chinese sheet names and headers (default: when the language is Chinese)")
EXPORTED_TO = define("CLI_EXPORTED_TO", "台账已导出到 {path}", "exported the ledger to {path}")
ATTACHED_FILES = define("CLI_EXPORTED_ATTACHED", "合同附件：{path}（请与工作簿放在一起）",
                        "the contracts' attached files: {path} (keep it beside the workbook)")
EXPORTED_FILES = define("CLI_EXPORTED_FILES", "已导出 {count} 个文件到 {folder}", "exported {count} files to {folder}")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``PATH``: the folder, ``.zip`` or ``.xlsx`` to write; ``--chinese``: Chinese sheet names and headers."""
    parser.add_argument("folder", type=Path, metavar=say(META_PATH, language), help=say(HELP_PATH, language))
    parser.add_argument("--chinese", action="store_true", default=None, help=say(HELP_CHINESE, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """Write the ledger to ``args.folder`` in the form its suffix names (a folder holding other
    files gets a new ``ledger-…`` folder inside it, see ``export_ledger``); 0. The ledger's own
    files are as ``--chinese`` says, whatever the language of the lines printed."""
    language = cli_language(args.lang)
    chinese = args.chinese if args.chinese is not None else is_chinese(language)
    with store.session() as session:
        written = export_to(session, args.folder, chinese=chinese)
    if written and written[0].suffix.lower() in (".xlsx", ".zip") and written[0] == Path(args.folder):
        print(say(EXPORTED_TO, language, path=written[0]))
        for side in written[1:]:  # a workbook's attached files, in the .zip beside it
            print(say(ATTACHED_FILES, language, path=side))
    else:
        print(say(EXPORTED_FILES, language, count=len(written), folder=written[0].parent if written else args.folder))
    return 0
