"""Every line of the command line in the officer's language: each command run in zh_CN and in en on
the same register, a line of each checked for its words, and every Chinese output — information
lines, tables, history, ``--help``, argparse's own errors — walked for English words left over from
the English catalogue (the ``en`` texts of the command line's and the history's messages and labels).
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Protocol

import pytest

import main
from cli import COMMANDS
from cli.argparse_words import ARGPARSE_ZH, wrap
from cli.list_lines import STATUS, total_text
from cli.words import display_width
from services.amendments import register as amendments
from services.attachments import files
from services.errors import MESSAGES, Term
from services.ledger.importer import import_ledger
from services.money import yuan_text
from services.penalty.records import current_user
from services.register import contracts, trash
from services.register.contract_data import ContractData
from services.store import open_store
from tests.amendment_cases import AMENDMENT_NO, amendment, original
from tests.conftest import SAMPLE_LEDGER

#: One worker runs the module: its fixture runs every command in both languages once.
pytestmark = pytest.mark.xdist_group("cli_words")

TODAY = "2026-04-20"
SCAN = b"%PDF-1.4 scan\n" + bytes(range(256)) * 4


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample register, the amendment cases' contract with 补1, a contract in the Trash."""
    path = tmp_path_factory.mktemp("words") / "template.db"
    store = open_store(path)
    try:
        import_ledger(store, SAMPLE_LEDGER)
        with store.session(write=True) as session:
            contract_id = contracts.save(session, original())
        with store.session(write=True) as session:
            amendments.record(session, contract_id, amendment(), version=1)
        with store.session(write=True) as session:
            gone = contracts.save(session, ContractData(contract_no="Z-1", title="已删除的合同",
                                                        total_amount=Decimal("1")))
            trash.move_to_trash(session, gone)
    finally:
        store.close()
    return path


class _Captured(Protocol):
    def readouterr(self) -> tuple[str, str]: ...


class _Capture:
    """What a run printed, for the module's fixture (pytest's capsys is one test's)."""

    def __init__(self) -> None:
        self.out, self.err = io.StringIO(), io.StringIO()

    def readouterr(self) -> tuple[str, str]:
        out, err = self.out.getvalue(), self.err.getvalue()
        for stream in (self.out, self.err):
            stream.seek(0)
            stream.truncate()
        return out, err


def _run(capsys: _Captured, argv: list[str]) -> tuple[int, str]:
    """``main.py argv``: the exit status and what it printed, stdout then stderr."""
    try:
        status = main.main(argv)
    except SystemExit as exit_:  # --help, wrong usage
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out + err


def _every_command(template: Path, folder: Path, capsys: _Captured, language: str) -> dict[str, tuple[int, str]]:
    """Each command (and each one's ``--help``) run in ``language`` on a copy of ``template``:
    name → (exit status, output)."""
    db = folder / "r.db"
    shutil.copyfile(template, db)
    scan = folder / "s.pdf"
    scan.write_bytes(SCAN)
    common = ["--db", str(db), "--lang", language]
    runs: dict[str, list[str]] = {
        "import": ["import", str(SAMPLE_LEDGER), "--db", str(folder / "n.db"), "--lang", language],
        "import again": ["import", str(SAMPLE_LEDGER), *common],
        "export": ["export", str(folder / "e"), *common],
        "export xlsx": ["export", str(folder / "w.xlsx"), *common],
        "list": ["list", *common],
        "print": ["print", "2026-021", "--out", str(folder / "c.pdf"), *common],
        "print amendment": ["print", "ZFY-2026-001", "--amendment", AMENDMENT_NO, "--out", str(folder / "a.pdf"),
                            *common],
        "check": ["check", *common],
        "penalty": ["penalty", "BJMEMC-2025174-ZC", "8.1.2", "--days", "10", *common],
        "calendar": ["calendar", "--today", TODAY, *common],
        "calendar ics": ["calendar", "--today", TODAY, "--ics", str(folder / "d.ics"), *common],
        "pay": ["pay", "2026-021", "--installment", "1", "--amount", "1000", "--date", "2026-03-02",
                "--invoice", "7", "--note", "首笔", *common],
        "payments": ["payments", "--today", TODAY, *common],
        "overview": ["overview", "--today", TODAY, *common],
        "amendments": ["amendments", "ZFY-2026-001", *common],
        "attach": ["attach", "2026-021", str(scan), "--kind", "invoice", *common],
        "attach again": ["attach", "2026-021", str(scan), *common],
        "attachments": ["attachments", "2026-021", "--extract", str(folder / "x"), *common],
        "history": ["history", "ZFY-2026-001", *common],
        "history payment": ["history", "2026-021", *common],
        "history csv": ["history", "--csv", str(folder / "h.csv"), *common],
        "verify": ["verify", *common],
        "trash": ["trash", *common],
        "restore-contract": ["restore-contract", "Z-1", *common],
        "backup": ["backup", "--to", str(folder / "b.db"), *common],
        "restore": ["restore", str(folder / "b.db"), *common],
        "copy-store": ["copy-store", str(db), str(folder / "k.db"), *common],
        "admin": ["admin", "role", *common],
        "error": ["payments", "NO-SUCH", *common],
        "usage error": ["pay", "2026-021", *common],
        "bad date": ["calendar", "--from", "2026-02-30", *common],
        "unknown command": ["frobnicate", "--lang", language],
    }
    runs.update({f"{name} --help": [name, "--help", "--lang", language] for name in COMMANDS})
    return {name: _run(capsys, argv) for name, argv in runs.items()}


@pytest.fixture(scope="module")
def outputs(template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, tuple[int, str]]]:
    """Both languages' runs, once for the module."""
    found = {}
    for language in ("zh_CN", "en"):
        capture = _Capture()
        with contextlib.redirect_stdout(capture.out), contextlib.redirect_stderr(capture.err):
            found[language] = _every_command(template, tmp_path_factory.mktemp(f"run-{language}"), capture, language)
    return found


#: command → (a Chinese piece of its output, the English piece in the same place).
EXPECTED = {
    "import": ("已导入 3 份新合同，更新 0 份", "imported 3 new, 0 updated contract(s)"),
    "import again": ("已拒绝：未导入任何内容（3 个问题）", "rejected: nothing imported (3 problem(s))"),
    "export": ("个文件到", "files to"),
    "export xlsx": ("台账已导出到", "exported the ledger to"),
    "list": ("2026-021\t415,580.00\t履行中\t", "2026-021\t415,580.00\tActive\t"),
    "print": ("已写入", "wrote"),
    "print amendment": ("页）", "page(s))"),
    "check": ("已检查 4 份合同：", "checked 4 contract(s):"),
    "penalty": ("违约金：¥273,871.85\n273871.85\n", "Liquidated damages: ¥273,871.85\n273871.85\n"),
    "calendar": ("提交履约保证金\t2025-08-14\t已逾期", "Lodge the performance bond\t2025-08-14\toverdue"),
    "calendar ics": ("个事件写入", "event(s) to"),
    "pay": ("已登记第 1 笔付款：1,000.00 元，2026-03-02；第 1 期：部分支付",
            "payment 1 recorded: 1,000.00 on 2026-03-02, installment 1: partly paid"),
    "payments": ("  期次         到期日      金额（元）        已付（元）        未付（元）        状态",
                 "  installment  due         amount            paid              outstanding       state"),
    "overview": ("按签订年度", "By year of signing"),
    "amendments": ("\t签订 2026-05-20\t生效 2026-06-01\t已生效", "\tsigned 2026-05-20\teffective 2026-06-01\tin force"),
    "attach": ("已将 s.pdf 保存到 2026-021", "kept s.pdf with 2026-021"),
    "attach again": ("已保存此文件", "already keeps this file"),
    "attachments": ("s.pdf\t发票\t", "s.pdf\tInvoice\t"),
    "history": ("\t合同变更\tZFY-2026-001\t补充协议 ZFY-2026-001-补1，2026-06-01 起生效",
                "\tAmendment\tZFY-2026-001\tAmendment ZFY-2026-001-补1, effective 2026-06-01"),
    "history payment": ("\t登记付款\t2026-021\t第 1 笔付款：1,000.00 元，2026-03-02，第 1 期\n",
                        "\tPayment recorded\t2026-021\tPayment 1: 1,000.00 on 2026-03-02, installment 1\n"),
    "history csv": ("条历史记录写入", "history entries written to"),
    "verify": ("历史记录完整，数据库完好", "history intact, integrity ok"),
    "trash": ("回收站中有 1 份合同", "1 contract(s) in the Trash"),
    "restore-contract": ("已还原 Z-1", "restored Z-1"),
    "backup": ("已将 5 份合同备份到", "backed up 5 contract(s) to"),
    "restore": ("台账原有内容已备份到", "the store's previous content was backed up to"),
    "copy-store": ("行数和校验和均已核对", "counts and checksums verified"),
    "admin": ("错误：角色只适用于服务器上的台账", "error: Roles apply to a register on a server"),
    "error": ("错误：台账中没有编号为 NO-SUCH 的合同", "error: no contract numbered 'NO-SUCH' in the store"),
    "usage error": ("contractdesk pay：错误：缺少必需的参数：--installment",
                    "contractdesk pay: error: the following arguments are required: --installment"),
    "bad date": ("参数 --from：日期不存在", "argument --from: no such date"),
    "unknown command": ("无效的选择：'frobnicate'", "invalid choice: 'frobnicate'"),
    "list --help": ("用法：contractdesk list", "usage: contractdesk list"),
    "payments --help": ("只列逾期的分期", "only overdue installments"),
    "history --help": ("位置参数", "positional arguments"),
    "pay --help": ("显示本帮助并退出", "show this help message and exit"),
}


@pytest.mark.parametrize("command", sorted(EXPECTED))
def test_each_command_speaks_the_language_of_the_run(outputs: dict[str, dict[str, tuple[int, str]]],
                                                      command: str) -> None:
    chinese, english = EXPECTED[command]
    assert chinese in outputs["zh_CN"][command][1], outputs["zh_CN"][command][1]
    assert english in outputs["en"][command][1], outputs["en"][command][1]
    assert outputs["zh_CN"][command][0] == outputs["en"][command][0]  # the exit status does not depend on it


def test_every_command_and_its_help_ran(outputs: dict[str, dict[str, tuple[int, str]]]) -> None:
    for name in COMMANDS:
        assert outputs["zh_CN"][f"{name} --help"][0] == 0 and "用法：" in outputs["zh_CN"][f"{name} --help"][1]
    statuses = {name: status for name, (status, _text) in outputs["en"].items()}
    failing = {"import again", "admin", "error"}  # refused on purpose: exit 1
    usage = {"usage error", "bad date", "unknown command"}  # argparse: exit 2
    assert {name for name, status in statuses.items() if status == 1} == failing
    assert {name for name, status in statuses.items() if status == 2} == usage


# --- the walk for English left in the Chinese output ----------------------------------------------

#: What may stay in Latin letters in a Chinese line: names typed on the command line (commands, the
#: values of --kind, --status, admin's roles and actions, statutory-sme), the program's name, the
#: backups folder's name, file formats and standards, the currency code.
_TYPED = [*COMMANDS, "grant", "role", *files.KINDS, "draft", "active", "completed", "terminated", "viewer",
          "officer", "finance", "admin", "statutory-sme"]
ALLOWED = {run for name in _TYPED for run in re.findall(r"[a-z]+", name)} | {
    "contractdesk", "backups", "sha", "csv", "utf", "bom", "pdf", "xlsx", "zip", "ics", "icalendar", "sqlite",
    "truetype", "ttf", "postgresql", "cny"}


def _catalogue_words() -> set[str]:
    """Every English word (3 letters or more) of the command line's and the history's catalogue:
    the ``en`` of every ``CLI_…``/``HISTORY_TEXT_…`` message, every ``Term`` of those modules,
    argparse's message ids."""
    import importlib
    import pkgutil

    import cli
    from services import history_text

    texts = [m.en for code, m in MESSAGES.items() if code.startswith(("CLI_", "HISTORY_TEXT_"))]
    modules = [importlib.import_module(info.name) for info in pkgutil.walk_packages(cli.__path__, "cli.")]
    for module in [*modules, history_text]:
        for value in vars(module).values():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
            for item in items:
                for term in item if isinstance(item, tuple) else (item,):
                    if isinstance(term, Term):
                        texts.append(term.en)
    texts += list(ARGPARSE_ZH) + [english for english, _chinese in STATUS.values()]
    words = {word for text in texts for word in re.findall(r"[a-z]+", re.sub(r"\{[^{}]*\}|%\(\w+\)\w|%\w", " ",
                                                                            text.lower()))}
    return {word for word in words if len(word) >= 3}


def _data() -> list[str]:
    """The register's own texts that hold Latin letters (English titles and names, clause texts …):
    data, shown as entered, not words of the command line."""
    cells = {cell for table in SAMPLE_LEDGER.glob("*.csv")
             for row in csv.reader(table.read_text("utf-8-sig").splitlines()) for cell in row}
    return sorted((cell for cell in cells if re.search(r"[A-Za-z]", cell)), key=len, reverse=True)


def _masked(text: str, data: list[str]) -> str:
    for value in data:
        text = text.replace(value, " ")
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths and URLs
    text = re.sub(r"[\w-]+\.(?:csv|xlsx|zip|pdf|db|ics|py)\b", " ", text)  # file names (contracts.csv)
    text = re.sub(r"--?[A-Za-z][\w-]*", " ", text)  # options
    text = re.sub(r"\{[^{}]*\}", " ", text)  # argparse's choices
    text = re.sub(r"\b[0-9a-f]{12,}\b", " ", text)  # sha256 digests
    text = re.sub(r"\[[A-Z][A-Z0-9_]+\]", " ", text)  # message codes
    return text.replace(current_user(), " ")


def test_no_english_word_of_the_catalogue_is_left_in_chinese(
    outputs: dict[str, dict[str, tuple[int, str]]], template: Path,
) -> None:
    catalogue = _catalogue_words()
    assert {"wrote", "installment", "outstanding", "usage", "positional", "contract", "saved", "active"} <= catalogue
    data = _data()
    left = {}
    for name, (_status, text) in outputs["zh_CN"].items():
        if name == "copy-store":  # a line per database table: its name as the server's administrator sees it
            text = re.sub(r"(?m)^[a-z_]+\t\d+\t[0-9a-f]+$", " ", text)
        words = set(re.findall(r"[a-z]+", _masked(text, data).lower())) & catalogue - ALLOWED
        if words:
            left[name] = sorted(words)
    assert left == {}
    english = " ".join(text for _status, text in outputs["en"].values()).lower()
    assert len(set(re.findall(r"[a-z]+", english)) & catalogue) > 100  # the walk looks for words that are there


# --- the pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["0", "0.00", "1234.05", "2738718.50", "999999999999.99", "-3.50", "-0.00"])
def test_the_lists_total_is_written_as_yuan_text(amount: str) -> None:
    assert total_text(Decimal(amount)) == yuan_text(Decimal(amount))


def test_chinese_help_wraps_and_aligns_by_terminal_columns() -> None:
    lines = wrap("台账数据库文件，或 postgresql://用户@主机:端口/数据库（默认：$CONTRACTDESK_DB，否则为用户数据文件夹中的台账）",
                 40)
    assert all(display_width(line) <= 40 for line in lines[1:]) and len(lines) >= 3
    assert "".join(lines).replace(" ", "") == ("台账数据库文件，或postgresql://用户@主机:端口/数据库（默认：$CONTRACTDESK_DB，"
                                               "否则为用户数据文件夹中的台账）").replace(" ", "")
    assert wrap("two words", 3) == ["two", "words"]


def test_chinese_help_columns_line_up(outputs: dict[str, dict[str, tuple[int, str]]]) -> None:
    """The help texts of ``payments --help`` start in one terminal column, Chinese options included."""
    text = outputs["zh_CN"]["payments --help"][1]
    starts = set()
    for line in text.splitlines():
        match = re.match(r"^  (--[a-z]+(?: \S+)?|-h, --help)( +)(\S.*)$", line)
        if match:
            starts.add(display_width(line) - display_width(match.group(3)))
    assert len(starts) == 1, text


def test_argparse_words_are_put_back(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    with pytest.raises(SystemExit):
        main.main(["pay", "--lang", "zh_CN"])
    assert "缺少必需的参数" in capsys.readouterr().err
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


def test_the_locale_chooses_when_lang_is_not_given(capsys: pytest.CaptureFixture[str], template: Path,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "r.db"
    shutil.copyfile(template, db)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "回收站中有 1 份合同" in _run(capsys, ["trash", "--db", str(db)])[1]
    assert "用法：" in _run(capsys, ["trash", "--help"])[1]
    assert "1 contract(s) in the Trash" in _run(capsys, ["trash", "--db", str(db), "--lang", "en"])[1]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "1 contract(s) in the Trash" in _run(capsys, ["--db", str(db), "trash"])[1]
    assert "回收站中有 1 份合同" in _run(capsys, ["--lang", "zh_CN", "--db", str(db), "trash"])[1]  # before the command


def test_history_labels_are_the_windows(template: Path) -> None:
    """``main.py history`` and the window's History read one table: the same words in each language."""
    from services import history as history_log
    from services.history_text import change_texts

    store = open_store(template)
    try:
        with store.session() as session:
            rows = history_log.history(session, contract_no="ZFY-2026-001")
    finally:
        store.close()
    amended = next(row for row in rows if row.action == "amendment")
    assert "服务结束日期 2026-06-30 → 2026-09-30" in change_texts(amended, "zh_CN")
    assert "End of term 2026-06-30 → 2026-09-30" in change_texts(amended, "en")
