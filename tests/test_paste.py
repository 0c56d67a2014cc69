"""Reading blocks copied from Excel/WPS into line-item values (services.register.paste, Qt-free)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.register.paste import PASTE_FIELDS, header_field, parse_block, parse_field, split_block

COLUMNS = ["seq", "name", "unit", "unit_price", "quantity", "periods", "amount", "computed_amount", "note"]


def test_split_plain_block_with_crlf_and_trailing_line_end() -> None:
    assert split_block("1\tvCPU\r\n2\t内存\r\n") == [["1", "vCPU"], ["2", "内存"]]
    assert split_block("1\tvCPU\n2\t内存") == [["1", "vCPU"], ["2", "内存"]]
    assert split_block("a\t\tc\n") == [["a", "", "c"]]


def test_split_undoes_excel_quoting_of_tabs_newlines_and_quotes() -> None:
    text = '1\t"两行\r\n名称"\t"a\tb"\t"say ""hi"""\n2\t12" 显示器\t"x\n'
    assert split_block(text) == [
        ["1", "两行\n名称", "a\tb", 'say "hi"'],
        # a quote not opening a quoted cell is kept as typed
        ["2", '12" 显示器', '"x'],
    ]


def test_positional_block_maps_to_visible_columns_from_column_zero() -> None:
    text = "1\tx86 平台云主机服务-vCPU\t核\t8\t1084\t7\t60704.00\t60704.00\t7 个月*8*1084\r\n"
    result = parse_block(text, COLUMNS)
    assert result.errors == []
    assert not result.header
    assert result.rows == [
        {
            "name": "x86 平台云主机服务-vCPU",
            "unit": "核",
            "unit_price": Decimal("8"),
            "quantity": Decimal("1084"),
            "periods": 7,
            "amount": Decimal("60704.00"),
            "note": "7 个月*8*1084",
        }
    ]


def test_positional_block_starts_at_the_target_column() -> None:
    result = parse_block("高性能存储\tGB\t0.2\t1,395,800\n", COLUMNS, start_column=1)
    assert result.errors == []
    assert result.rows == [
        {"name": "高性能存储", "unit": "GB", "unit_price": Decimal("0.2"), "quantity": Decimal("1395800")}
    ]


def test_english_header_maps_columns_by_name_in_any_order() -> None:
    text = "Quantity\tName\tUnit Price\tMonths\tAMOUNT\n1084\tvCPU\t8\t7\t60,704.00\n"
    result = parse_block(text, COLUMNS, start_column=5)  # the target column is irrelevant with a header
    assert result.header
    assert result.errors == []
    assert result.rows == [
        {
            "quantity": Decimal("1084"),
            "name": "vCPU",
            "unit_price": Decimal("8"),
            "periods": 7,
            "amount": Decimal("60704.00"),
        }
    ]


def test_chinese_header_with_units_in_brackets_and_spaces() -> None:
    text = (
        "序 号\t服务名称\t单位\t单价（元）\t数量\t服务期限(月)\t合价(元)\t承担方\t备注\r\n"
        "4\t普通性能存储\tGB\t0.15\t57880\t7\t60774.00\t乙方\t单盘 IOPS 2000-5000\r\n"
        "10\tWAF防护\t套\t0.5\t1\t7\t3.50\t\t\r\n"
    )
    result = parse_block(text, COLUMNS)
    assert result.header
    assert result.errors == []
    assert [row["name"] for row in result.rows] == ["普通性能存储", "WAF防护"]
    assert result.rows[0]["unit_price"] == Decimal("0.15")
    assert result.rows[0]["party_role"] == "乙方"
    assert result.rows[1]["amount"] == Decimal("3.50")
    assert result.rows[1]["party_role"] is None
    assert result.rows[1]["note"] is None
    assert "seq" not in result.rows[0]  # renumbered by the table, never read


@pytest.mark.parametrize(
    ("cell", "field"),
    [
        ("名称", "name"),
        ("项目名称", "name"),
        ("计费月数", "periods"),
        ("月数", "periods"),
        ("服务期限（月）", "periods"),
        ("小计", "amount"),
        ("金额（元）", "amount"),
        (" Unit  Price ", "unit_price"),
        ("unit_price", "unit_price"),
        ("NOTE", "note"),
        ("规格", None),
        ("", None),
    ],
)
def test_header_names(cell: str, field: str | None) -> None:
    assert header_field(cell) == field


def test_unknown_header_columns_are_reported_and_dropped() -> None:
    result = parse_block("名称\t规格\t数量\nVPN服务\tSSL\t5\n", COLUMNS)
    assert result.header
    assert result.ignored_columns == ["规格"]
    assert result.rows == [{"name": "VPN服务", "quantity": Decimal("5")}]


def test_subtotal_line_with_a_number_is_data_not_header() -> None:
    result = parse_block("\t小计\t\t\t\t\t2,738,718.50\n", COLUMNS)
    assert not result.header
    assert result.rows[0]["name"] == "小计"
    assert result.rows[0]["amount"] == Decimal("2738718.50")


def test_money_with_yen_prefix_thousands_separators_and_wan() -> None:
    text = "A\t¥2,738,718.50\nB\t￥ 91.00\nC\t273.87万元\nD\t4130元\n"
    result = parse_block(text, ["name", "amount"])
    assert result.errors == []
    assert [row["amount"] for row in result.rows] == [
        Decimal("2738718.50"),
        Decimal("91.00"),
        Decimal("2738700.00"),
        Decimal("4130.00"),
    ]
    assert result.warnings == ["row 3, column amount: 273.87万元 read as 2738700.00 yuan [PASTE_WAN_READ]"]


def test_unit_price_may_carry_a_currency_sign_and_months_a_unit() -> None:
    result = parse_block("¥1,084.5\t7个月\n", ["unit_price", "periods"])
    assert result.errors == []
    assert result.rows == [{"unit_price": Decimal("1084.5"), "periods": 7}]


def test_bad_cells_are_all_reported_with_row_and_column() -> None:
    text = (
        "序号\t名称\t单价\t数量\t计费月数\t合价\n"
        "1\tvCPU\tabc\t1084\t7\t60704.00\n"
        "2\t内存\t32\t-5\t7.5\t1.234\n"
    )
    result = parse_block(text, COLUMNS)
    assert result.errors == [
        "row 2, column 单价: not a unit price: 'abc' [VALUE_NOT_NUMBER]",
        "row 3, column 数量: quantity is negative: '-5' [VALUE_NEGATIVE]",
        "row 3, column 计费月数: not an integer (number of months): '7.5' [VALUE_NOT_INTEGER]",
        "row 3, column 合价: money amount has more than two decimals: '1.234' [VALUE_MONEY_DECIMALS]",
    ]
    assert [error.localized("zh_CN") for error in result.errors] == [  # type: ignore[attr-defined]
        "[VALUE_NOT_NUMBER] 第 2 行，“单价”列：不是单价：“abc”",
        "[VALUE_NEGATIVE] 第 3 行，“数量”列：数量不能为负数：“-5”",
        "[VALUE_NOT_INTEGER] 第 3 行，“计费月数”列：计费月数不是整数：“7.5”",
        "[VALUE_MONEY_DECIMALS] 第 3 行，“合价”列：金额超过两位小数（不会自动舍入）：“1.234”",
    ]


def test_errors_without_header_use_the_labels_given() -> None:
    labels = {"unit_price": "Unit price", "quantity": "Quantity"}
    result = parse_block("vCPU\t核\tx\t1084\n", COLUMNS, start_column=1, labels=labels)
    assert result.errors == ["row 1, column Unit price: not a unit price: 'x' [VALUE_NOT_NUMBER]"]


def test_cells_beyond_the_last_column_are_an_error() -> None:
    result = parse_block("说明\textra\n", COLUMNS, start_column=8)
    assert result.errors == ["row 1, column 2: no table column to paste into [PASTE_NO_COLUMN]"]


def test_cells_on_read_only_columns_are_ignored() -> None:
    result = parse_block("99\tvCPU\t\t\t\t\t\tnot a number\n", COLUMNS)
    assert result.errors == []
    assert result.rows == [
        {"name": "vCPU", "unit": None, "unit_price": None, "quantity": None, "periods": None, "amount": None}
    ]


def test_blank_rows_and_empty_text_give_no_rows() -> None:
    assert parse_block("", COLUMNS).rows == []
    assert parse_block("\r\n\t\t\r\n", COLUMNS).rows == []
    result = parse_block("1\tA\n\t\t\n3\tC\n\n\n", COLUMNS)
    assert [row["name"] for row in result.rows] == ["A", "C"]


def test_multiline_quoted_note_is_kept() -> None:
    result = parse_block('x86 物理服务器\t"2 路 12 核\r\n64G 内存"\n', ["name", "note"])
    assert result.rows == [{"name": "x86 物理服务器", "note": "2 路 12 核\n64G 内存"}]


def test_parse_field_matches_the_paste_rules() -> None:
    assert parse_field("amount", "¥60,704") == Decimal("60704.00")
    assert parse_field("amount", "") is None
    assert parse_field("unit", "  ") is None
    assert parse_field("name", "  VPN服务 ") == "VPN服务"
    assert parse_field("periods", "7") == 7
    with pytest.raises(ValueError, match="not a quantity"):
        parse_field("quantity", "many")
    with pytest.raises(ValueError, match="not a line-item field"):
        parse_field("seq", "1")


CELL_CHARS = list('0123456789.,-+¥￥万元个月 \t\r\n"abc名称单价序号')
CELL_TEXT = st.text(alphabet=st.sampled_from(CELL_CHARS), max_size=60)


@given(text=CELL_TEXT, start=st.integers(min_value=-2, max_value=12))
def test_any_text_parses_without_raising(text: str, start: int) -> None:
    result = parse_block(text, COLUMNS, start_column=start)
    for row in result.rows:
        assert set(row) <= set(PASTE_FIELDS)
        for key in ("unit_price", "quantity", "amount"):
            assert row.get(key) is None or isinstance(row[key], Decimal)
    assert all(error.startswith("row ") for error in result.errors)


@given(cells=st.lists(st.lists(st.text(max_size=8), min_size=1, max_size=4), min_size=1, max_size=4))
def test_excel_quoting_round_trips(cells: list[list[str]]) -> None:
    def quote(cell: str) -> str:
        if any(char in cell for char in '\t\r\n"'):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    normalised = [[cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in cells]
    text = "\r\n".join("\t".join(quote(cell) for cell in row) for row in cells) + "\r\n"
    assert split_block(text) == normalised


def test_numbers_beyond_the_store_are_errors_not_crashes() -> None:
    text = "A\t" + "9" * 60 + "\t1\nB\t99999999\t99999999\n"
    result = parse_block(text, ["name", "unit_price", "quantity"])
    assert result.errors == [
        "row 1, column unit_price: unit price is too large: '" + "9" * 60 + "' [VALUE_TOO_LARGE]",
        "row 2: unit price × quantity × months is too large [PASTE_LINE_TOO_LARGE]",
    ]
