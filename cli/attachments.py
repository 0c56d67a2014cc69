"""``main.py attachments CONTRACT_NO [--extract DIR]``: the files kept with a contract."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.language import cli_language
from cli.messages import cannot_write, fail
from cli.words import META_CONTRACT_NO, META_DIR, WROTE, say
from services.attachments import files
from services.errors import define
from services.register import contracts
from services.store import Store

HELP = define("CLI_HELP_ATTACHMENTS", "列出合同的附件（--extract 文件夹：把附件写出）",
              "list the files kept with a contract (--extract DIR writes them out)")
HELP_EXTRACT = define("CLI_HELP_ATTACHMENTS_EXTRACT", "把附件写入此文件夹", "write the files into this folder")
NO_FILES = define("CLI_ATTACHMENTS_NONE", "{contract_no}：没有附件", "{contract_no}: no files")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO`` and ``--extract DIR``."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language))
    parser.add_argument("--extract", metavar=say(META_DIR, language), type=Path, help=say(HELP_EXTRACT, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """One tab-separated line per file (name, kind by its label, size, date added, sha256, note); with
    ``--extract`` the files are written and their paths printed. 1 if the contract is unknown or the
    folder unwritable."""
    language = cli_language(args.lang)
    with store.session() as session:
        contract_id = contracts.find_id(session, args.contract_no)
        if contract_id is None:
            return fail(contracts.ContractNotFoundError(contract_no=args.contract_no), args)
        rows = files.attachments(session, contract_id)
        try:
            written = files.extract(session, contract_id, args.extract) if args.extract else []
        except OSError as exc:
            return fail(cannot_write(args.extract, exc), args)
    if not rows:
        print(say(NO_FILES, language, contract_no=args.contract_no))
    for row in rows:
        print(f"{row.file_name}\t{files.kind_label(row.kind, language)}\t{files.size_text(row.size)}\t"
              f"{row.added_date or ''}\t{row.sha256}\t{row.note or ''}")
    for path in written:
        print(say(WROTE, language, path=path))
    return 0
