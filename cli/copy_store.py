"""``main.py copy-store FROM TO``: copy a whole register between an SQLite file and a PostgreSQL server.

FROM and TO are store paths or ``postgresql://user@host:port/dbname`` URLs; TO must be empty (it is
created if absent). Every table is verified by row count and checksum (``services.copy_store``); one
line per table is printed: the database table's name (as the server's administrator sees it),
rows, checksum; then a summary line in the language of ``--lang`` or the locale.
"""

from __future__ import annotations

import argparse

from cli.language import cli_language
from cli.words import say
from services.copy_store import copy_store
from services.errors import define

HELP = define("CLI_HELP_COPY_STORE",
              "把整个台账从一个台账（SQLite 文件或 postgresql:// 地址）复制到一个空台账，并逐表校验",
              "copy a whole register FROM a store TO an empty one (SQLite file or postgresql:// URL), verified")
META_FROM = define("CLI_META_FROM", "来源", "FROM")
META_TO = define("CLI_META_TO", "目标", "TO")
HELP_FROM = define("CLI_HELP_COPY_FROM", "要复制的台账：文件路径或 postgresql:// 地址",
                   "the register to copy: a file path or a postgresql:// URL")
HELP_TO = define("CLI_HELP_COPY_TO", "空的目标台账：文件路径或 postgresql:// 地址（不存在时新建）",
                 "the empty register to copy into: a file path or a postgresql:// URL (created if absent)")
COPIED = define("CLI_COPIED", "已从 {source} 复制 {rows} 行（{tables} 张表）到 {target}；行数和校验和均已核对",
                "copied {rows} row(s) in {tables} table(s) from {source} to {target}; counts and checksums verified")

#: ``run`` gets the ``--db`` path, unused: FROM and TO are named on the command line.
OPENS_STORE = False


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``FROM`` and ``TO``: store paths or server URLs."""
    parser.add_argument("source", metavar=say(META_FROM, language), help=say(HELP_FROM, language))
    parser.add_argument("target", metavar=say(META_TO, language), help=say(HELP_TO, language))


def run(_store_path: object, args: argparse.Namespace) -> int:
    """Copy and print the verified tables; 0 (a refusal is a ``UserError``)."""
    from services.store_pg import display_url

    copied = copy_store(args.source, args.target)
    for table in copied:
        print(f"{table.table}\t{table.rows}\t{table.checksum}")
    total = sum(table.rows for table in copied)
    print(say(COPIED, cli_language(args.lang), rows=total, tables=len(copied), source=display_url(args.source),
              target=display_url(args.target)))
    return 0
