"""Issue 12 part B: every officer-visible input error is coded and translated (zh_CN + en), and a
rejected ledger lists all its problems in one run, each at file:row:column, in row order."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
import string
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import cli
import services
from services.errors import MESSAGES, InputError, LocatedProblem, Notice, Term, file_error, localize
from services.ledger import files as ledger_files
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.values import parse_date, parse_decimal, parse_int, parse_money, parse_percent
from services.register.paste import parse_block
from services.store import Store
from tests.test_ledger_import import copy_sample, loaded, loaded_template, read_rows, set_cell, write_rows

__all__ = ["loaded", "loaded_template"]  # the fixtures

# --- every code is translated --------------------------------------------------------------


def _import_all_services() -> None:
    for module in pkgutil.walk_packages(services.__path__, "services."):
        importlib.import_module(module.name)
    for module in pkgutil.walk_packages(cli.__path__, "cli."):  # the command line's own codes
        importlib.import_module(module.name)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_code_has_both_languages_with_the_same_placeholders() -> None:
    _import_all_services()
    importlib.import_module("ui.editor.record_table_model")
    assert len(MESSAGES) > 60
    for code, message in MESSAGES.items():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", code), code
        assert message.zh_CN.strip() and message.en.strip(), code
        assert re.search(r"[\u4e00-\u9fff]", message.zh_CN), f"{code}: no Chinese in {message.zh_CN!r}"
        assert _fields(message.zh_CN) == _fields(message.en), code


def test_input_error_is_a_value_error_and_names_the_field_in_each_language() -> None:
    with pytest.raises(ValueError) as caught:
        parse_decimal("abc", Term("quantity", "数量"))
    error = caught.value
    assert isinstance(error, InputError)
    assert error.code == "VALUE_NOT_NUMBER"
    assert error.message("zh_CN") == "不是数量：“abc” [VALUE_NOT_NUMBER]"
    assert error.message("en") == "not a quantity: 'abc' [VALUE_NOT_NUMBER]"


def test_located_problem_is_text_and_localizes_the_column_header() -> None:
    problem = LocatedProblem("line_items.csv", 7, Term("quantity", "数量"), "VALUE_NOT_NUMBER",
                             {"what": Term("quantity", "数量"), "text": "abc"})
    assert problem == "line_items.csv:7:quantity: not a quantity: 'abc' [VALUE_NOT_NUMBER]"
    assert problem.localized("zh_CN") == "[VALUE_NOT_NUMBER] line_items.csv:7:数量 不是数量：“abc”"
    assert problem.localized("en") == "[VALUE_NOT_NUMBER] line_items.csv:7:quantity not a quantity: 'abc'"
    assert (problem.file, problem.row, problem.code) == ("line_items.csv", 7, "VALUE_NOT_NUMBER")


def test_notice_is_english_text_and_localizes_with_nested_notices() -> None:
    from services.printing.fonts import FONT_FALLBACK, FONT_LACKS, FONT_NONE_INSTALLED

    lacks = Notice(FONT_LACKS, path="/f.ttf", chars="㐀")
    notice = Notice(FONT_FALLBACK, looked=Notice(FONT_NONE_INSTALLED), font="STSong-Light", notes=(lacks,))
    assert notice.startswith("No Chinese TrueType font was found (tried: none of the usual system fonts is installed)")
    assert notice.endswith("/f.ttf lacks 㐀. [PRINT_FONT_FALLBACK]")
    chinese = localize(notice, "zh_CN")
    assert chinese.startswith("未找到中文 TrueType 字体（已尝试：常用系统字体均未安装）")
    assert chinese.endswith("/f.ttf 缺少字符：㐀。 [PRINT_FONT_FALLBACK]")
    assert not re.search(r"[A-Za-z]{5,}", chinese.replace("TrueType", "").replace("STSong-Light", "")
                         .replace("fonts-wqy-microhei", "").replace("PRINT_FONT_FALLBACK", ""))
    import pickle

    assert pickle.loads(pickle.dumps(notice)).message("zh_CN") == notice.message("zh_CN")


def test_a_file_error_names_the_file_and_the_systems_reason() -> None:
    error = file_error(PermissionError(13, "Permission denied", "/x/out.pdf"))
    assert error.message("zh_CN") == "无法写入 /x/out.pdf：Permission denied [FILE_CANNOT_WRITE]"
    assert file_error(FileNotFoundError(2, "No such file or directory"), "in.csv", writing=False).message("en") \
        == "Cannot read in.csv: No such file or directory [FILE_CANNOT_READ]"


# --- value forms an office suite writes, and bounds ----------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("1,234.50", Decimal("1234.50")), ("¥1,234.50", Decimal("1234.50")), ("￥１，２３４．５０", Decimal("1234.50")),
    ("1，234.50", Decimal("1234.50")), ("人民币1234.50元", Decimal("1234.50")),
])
def test_money_forms(text: str, expected: Decimal) -> None:
    assert parse_money(text)[0] == expected


def test_percent_dates_and_full_width_digits() -> None:
    assert parse_percent("6%") == Decimal(6)
    assert parse_percent("６％") == Decimal(6)
    assert parse_date("2026/1/5") == dt.date(2026, 1, 5)
    assert parse_date("2026年1月5日") == dt.date(2026, 1, 5)
    assert parse_date("２０２６－０１－０５") == dt.date(2026, 1, 5)
    assert parse_decimal("１，０８４") == Decimal(1084)


@pytest.mark.parametrize(("call", "code", "zh"), [
    (lambda: parse_decimal("-1", Term("quantity", "数量")), "VALUE_NEGATIVE", "数量不能为负数"),
    (lambda: parse_date("1899-12-31"), "VALUE_DATE_RANGE", "日期超出 1900–2200 年"),
    (lambda: parse_date("2201-01-01"), "VALUE_DATE_RANGE", "日期超出"),
    (lambda: parse_date("2025-02-30"), "VALUE_NO_SUCH_DATE", "日期不存在"),
    (lambda: parse_int("1" * 31, Term("seq", "序号")), "VALUE_OUT_OF_RANGE", "序号超出范围"),
    (lambda: parse_int("x", Term("seq", "序号")), "VALUE_NOT_INTEGER", "序号不是整数"),
    (lambda: parse_money("1" * 20), "VALUE_TOO_LARGE", "金额过大"),
    (lambda: parse_money("1.234"), "VALUE_MONEY_DECIMALS", "两位小数"),
    # more than the capitals can write (999,999,999,999.99): imported, it crashed check and printing
    (lambda: parse_money("1000000000000.00"), "VALUE_MONEY_TOO_LARGE", "大写金额能写出的最大金额"),
    (lambda: parse_money("100000001万元"), "VALUE_MONEY_TOO_LARGE", "999,999,999,999.99"),
])
def test_bad_values_are_coded_in_both_languages(call: object, code: str, zh: str) -> None:
    with pytest.raises(InputError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.code == code
    assert zh in caught.value.message("zh_CN")
    assert re.search(r"[a-z]", caught.value.message("en"))


# --- the ledger: one test per kind of bad input, zh and en ----------------------------------

BAD_CELLS = [
    # (file, row, column header, bad text, code, Chinese header, Chinese fragment)
    ("line_items.csv", 3, "quantity", "abc", "VALUE_NOT_NUMBER", "数量", "不是数量：“abc”"),
    ("line_items.csv", 3, "quantity", "-5", "VALUE_NEGATIVE", "数量", "数量不能为负数"),
    ("line_items.csv", 3, "unit_price", "1.23456", "VALUE_DECIMALS", "单价", "超过 4 位小数"),
    ("line_items.csv", 3, "amount", "-100.00", "VALUE_NEGATIVE", "合价", "不能为负数"),
    ("contracts.csv", 2, "total_amount", "12345678901234.00", "VALUE_MONEY_TOO_LARGE", "合同总额", "金额过大"),
    ("line_items.csv", 3, "seq", "1" * 31, "VALUE_OUT_OF_RANGE", "序号", "超出范围"),
    ("line_items.csv", 3, "name", "云主机\x00", "VALUE_CONTROL_CHARACTER", "名称", "控制字符 U+0000"),
    ("line_items.csv", 3, "party_role", "乙方X", "VALUE_NOT_ROLE", "承担方", "不是合同方角色"),
    ("contracts.csv", 2, "sign_date", "1850-01-01", "VALUE_DATE_RANGE", "签订日期", "日期超出"),
    ("contracts.csv", 2, "tax_rate", "六", "VALUE_NOT_NUMBER", "税率", "不是税率"),
    ("contracts.csv", 2, "status", "maybe", "LEDGER_NOT_CODE", "状态", "不是有效的状态"),
    ("contracts.csv", 2, "currency", "人民币", "LEDGER_NOT_CURRENCY", "币种", "ISO 4217"),
    ("contracts.csv", 2, "title", "", "LEDGER_VALUE_REQUIRED", "合同名称", "必须填写"),
    ("installments.csv", 2, "due_after", "tomorrow", "LEDGER_UNKNOWN_EVENT", "起算事件", "未知的事件"),
    ("milestones.csv", 2, "recurrence", "FREQ=SOMETIMES", "LEDGER_NOT_RRULE", "重复规则", "重复规则"),
    ("line_items.csv", 3, "contract_no", "NOPE-1", "LEDGER_UNKNOWN_CONTRACT", "合同编号", "未知的合同"),
    ("installments.csv", 2, "due_after", "installment:99", "LEDGER_LINK_MISSING", "起算事件", "分期付款中没有序号 99"),
]


@pytest.mark.parametrize(("name", "row", "column", "text", "code", "zh_header", "zh"), BAD_CELLS,
                         ids=[f"{c[4]}-{c[2]}" for c in BAD_CELLS])
def test_each_kind_of_bad_cell_is_coded_at_its_place(loaded: Store, tmp_path: Path, name: str, row: int,
                                                      column: str, text: str, code: str, zh_header: str,
                                                      zh: str) -> None:
    folder = copy_sample(tmp_path / "bad")
    set_cell(folder / name, row, column, text)
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    found = [p for p in caught.value.problems if isinstance(p, LocatedProblem) and p.code == code]
    assert found, caught.value.problems
    problem = found[0]
    assert (problem.file, problem.row) == (name, row)
    assert problem.startswith(f"{name}:{row}:{column}: ")
    chinese = problem.localized("zh_CN")
    assert chinese.startswith(f"[{code}] {name}:{row}:{zh_header} "), chinese
    assert zh in chinese
    assert problem.localized("en").startswith(f"[{code}] {name}:{row}:{column} ")


def test_all_kinds_of_problem_in_one_run_in_row_order(loaded: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "bad")
    set_cell(folder / "line_items.csv", 7, "quantity", "abc")  # a bad number
    set_cell(folder / "line_items.csv", 3, "contract_no", "NOPE-1")  # an unknown contract
    set_cell(folder / "installments.csv", 2, "due_after", "milestone:99")  # a missing link
    rows = read_rows(folder / "line_items.csv")
    rows.append(list(rows[1]))  # a duplicate key
    write_rows(folder / "line_items.csv", rows)
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    problems = caught.value.problems
    codes = [(p.file, p.row, p.code) for p in problems if isinstance(p, LocatedProblem)]
    assert len(codes) == len(problems) == 4, problems
    assert set(codes) == {
        ("line_items.csv", 3, "LEDGER_UNKNOWN_CONTRACT"), ("line_items.csv", 7, "VALUE_NOT_NUMBER"),
        ("line_items.csv", len(rows), "LEDGER_DUPLICATE_KEY"), ("installments.csv", 2, "LEDGER_LINK_MISSING"),
    }
    by_file: dict[str, list[int]] = {}
    for file, row, _ in codes:
        by_file.setdefault(file, []).append(row or 0)
    assert all(rows_ == sorted(rows_) for rows_ in by_file.values())
    assert [file for file, _, _ in codes] == sorted((f for f, _, _ in codes),
                                                    key=[f for f, _, _ in codes].index)  # files grouped
    chinese = caught.value.localized("zh_CN")
    assert any("line_items.csv:7:数量 不是数量：“abc”" in line for line in chinese)
    assert any("未知的合同“NOPE-1”" in line for line in chinese)


def test_short_and_long_rows_are_named(loaded: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "bad")
    rows = read_rows(folder / "line_items.csv")
    rows[2] = rows[2][:5]  # row 3: cut short
    rows[4] = [*rows[4], "extra"]  # row 5: a cell beyond the header
    write_rows(folder / "line_items.csv", rows)
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    located = [(p.row, p.code) for p in caught.value.problems if isinstance(p, LocatedProblem)]
    assert (3, "LEDGER_SHORT_ROW") in located
    assert (5, "LEDGER_LONG_ROW") in located
    short = next(p for p in caught.value.problems if isinstance(p, LocatedProblem) and p.code == "LEDGER_SHORT_ROW")
    assert "本行只有 5 个单元格" in short.localized("zh_CN")


# --- .zip limits ------------------------------------------------------------------------------


def test_zip_with_a_path_outside_it_is_refused(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../contracts.csv", "contract_no,title,total_amount\n")
    with pytest.raises(ledger_files.LedgerFileError) as caught:
        import_ledger(store, archive)
    assert caught.value.code == "LEDGER_ZIP_UNSAFE_PATH"
    assert "指向压缩包之外" in caught.value.message("zh_CN")


def test_zip_bomb_and_too_many_entries_are_refused_before_reading(store: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("contracts.csv", b"0" * (8 * 1024 * 1024))
    with pytest.raises(ledger_files.LedgerFileError) as caught:
        import_ledger(store, bomb)
    assert caught.value.code == "LEDGER_ZIP_RATIO"
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as out:
        for index in range(5):
            out.writestr(f"note{index}.txt", "x")
    monkeypatch.setattr(ledger_files, "MAX_ZIP_ENTRIES", 4)
    with pytest.raises(ledger_files.LedgerFileError) as caught:
        import_ledger(store, many)
    assert caught.value.code == "LEDGER_ZIP_TOO_MANY"
    monkeypatch.setattr(ledger_files, "MAX_ZIP_ENTRIES", 200)
    monkeypatch.setattr(ledger_files, "MAX_TOTAL_BYTES", 3)
    with pytest.raises(ledger_files.LedgerFileError) as caught:
        import_ledger(store, many)
    assert caught.value.code == "LEDGER_ZIP_TOO_LARGE"


# --- paste ----------------------------------------------------------------------------------


def test_paste_problems_in_both_languages() -> None:
    result = parse_block("名称\t数量\nvCPU\tabc\n", ["name", "quantity"])
    (problem,) = result.errors
    assert isinstance(problem, LocatedProblem)
    assert problem.localized("zh_CN") == "[VALUE_NOT_NUMBER] 第 2 行，“数量”列：不是数量：“abc”"
    assert problem.localized("en") == "[VALUE_NOT_NUMBER] row 2, column 数量: not a quantity: 'abc'"



# --- the command line ----------------------------------------------------------------------


def test_global_options_before_the_command_and_chinese_problems(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from main import main

    folder = copy_sample(tmp_path / "bad")
    set_cell(folder / "line_items.csv", 3, "quantity", "abc")
    status = main(["--db", str(tmp_path / "x.db"), "--lang", "zh_CN", "import", str(folder)])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert err[0] == "[VALUE_NOT_NUMBER] line_items.csv:3:数量 不是数量：“abc”"
    assert err[-1] == "已拒绝：未导入任何内容（1 个问题）"
    assert main([f"--db={tmp_path / 'x.db'}", "import", str(folder), "--lang", "en"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first == "[VALUE_NOT_NUMBER] line_items.csv:3:quantity not a quantity: 'abc'"


def test_a_cell_over_the_field_limit_is_reported_and_reading_goes_on(loaded: Store, tmp_path: Path) -> None:
    folder = copy_sample(tmp_path / "bad")
    set_cell(folder / "line_items.csv", 8, "quantity", "abc")  # a later problem is still found
    set_cell(folder / "line_items.csv", 3, "note", "x" * 200_000)  # beyond csv's 131,072 characters
    with pytest.raises(LedgerError) as caught:
        import_ledger(loaded, folder, replace=True)
    located = [(p.file, p.row, p.code) for p in caught.value.problems if isinstance(p, LocatedProblem)]
    assert ("line_items.csv", 3, "LEDGER_NOT_CSV") in located
    assert ("line_items.csv", 8, "VALUE_NOT_NUMBER") in located
    too_long = next(p for p in caught.value.problems if isinstance(p, LocatedProblem) and p.code == "LEDGER_NOT_CSV")
    assert too_long.localized("zh_CN") == ("[LEDGER_NOT_CSV] line_items.csv:3 无法按 CSV 读取"
                                           "（单元格超过 CSV 字段长度上限（131072 个字符））")  # no English in it
