"""``main.py attach CONTRACT_NO FILE [--kind K] [--note TEXT]``: keep a file with a contract."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.language import cli_language
from cli.messages import fail
from cli.words import META_CONTRACT_NO, META_FILE, META_TEXT, say, short_language
from services.attachments import files
from services.errors import define
from services.register import contracts
from services.store import Store

HELP = define("CLI_HELP_ATTACH", "把文件（扫描件、发票、报告……）作为附件保存到合同",
              "keep a file (scan, invoice, report …) with a contract")
HELP_FILE = define("CLI_HELP_ATTACH_FILE", "要保存的文件", "the file to keep")
HELP_KIND = define("CLI_HELP_ATTACH_KIND", "文件类别：{kinds}（默认 other）",
                   "what the file is: {kinds} (default other)")
HELP_NOTE = define("CLI_HELP_ATTACH_NOTE", "随文件保存的备注", "a note kept with it")
META_KIND = define("CLI_META_KIND", "类别", "KIND")
ALREADY_HERE = define("CLI_ATTACH_ALREADY_HERE", "{contract_no} 已保存此文件，名为 {name}（{sha}…）：未添加",
                      "{contract_no} already keeps this file as {name} ({sha}…): nothing added")
KEPT_ONCE = define("CLI_ATTACH_KEPT_ONCE", "已将 {name} 保存到 {contract_no}（{size}）；台账中已有相同文件，只存一份",
                   "kept {name} with {contract_no} ({size}); the store already held the same file, stored once")
KEPT = define("CLI_ATTACH_KEPT", "已将 {name} 保存到 {contract_no}（{size}，sha256 {sha}）",
              "kept {name} with {contract_no} ({size}, sha256 {sha})")


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``CONTRACT_NO``, ``FILE``, ``--kind``, ``--note``; ``--kind``'s help names each kind by its label."""
    parser.add_argument("contract_no", metavar=say(META_CONTRACT_NO, language))
    parser.add_argument("file", metavar=say(META_FILE, language), type=Path, help=say(HELP_FILE, language))
    short = short_language(language)
    kinds = ("、" if short == "zh" else ", ").join(f"{kind} {files.kind_label(kind, short)}" for kind in files.KINDS)
    parser.add_argument("--kind", choices=tuple(files.KINDS), default="other", metavar=say(META_KIND, language),
                        help=say(HELP_KIND, language, kinds=kinds))
    parser.add_argument("--note", metavar=say(META_TEXT, language), help=say(HELP_NOTE, language))


def run(store: Store, args: argparse.Namespace) -> int:
    """Add the file; says when the store already held it (kept once). 1 if the contract is unknown;
    a file too large or unreadable is a ``UserError`` (``error: …``, 1)."""
    language = cli_language(args.lang)
    with store.session(write=True) as session:
        contract_id = contracts.find_id(session, args.contract_no)
        if contract_id is None:
            return fail(contracts.ContractNotFoundError(contract_no=args.contract_no), args)
        added = files.add_file(session, contract_id, args.file, kind=args.kind, note=args.note)
    row = added.row
    if added.already_here:
        print(say(ALREADY_HERE, language, contract_no=args.contract_no, name=row.file_name, sha=row.sha256[:12]))
    elif not added.stored:
        print(say(KEPT_ONCE, language, name=row.file_name, contract_no=args.contract_no,
                  size=files.size_text(row.size)))
    else:
        print(say(KEPT, language, name=row.file_name, contract_no=args.contract_no, size=files.size_text(row.size),
                  sha=row.sha256))
    return 0
