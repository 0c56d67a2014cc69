"""Article text printed formatted (issue 14): Markdown bodies (headings, lists, bold, pipe tables)
and TeX residue never reach the paper as marks; tables never break a figure; the check warns
about TeX residue. Read back with ``pdftotext`` (the layout an auditor sees)."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.checks.articles import check_articles
from services.checks.contract import check_contract
from services.printing.article_text import plain_text
from services.printing.common import exact_number, figures
from services.printing.contract import write_contract_pdf
from services.printing.tables import Column, column_widths, is_figure
from services.printing.tex import tex_residue, tex_to_unicode
from services.register.contract_data import ArticleData, ContractData, LineItemData, PartyData

SAMPLES = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")

#: A body as a .docx/scan conversion leaves it: headings, lists, bold, a pipe table, TeX residue.
MARKDOWN_BODY = """## 一、技术要求
#### (1) 云主机
1. 主频 $\\geq 2.4$GHz，内存 \\geq 64G；
2. 机柜面积 20\\text{m}^2，功率 \\leq 5kW；
- **重要**：7*24 小时值守

| 序号 | 名称 | 单价（元） | 数量 | 金额（元） |
|---:|---|---:|---:|---:|
""" + "\n".join(f"| {k} | 云主机服务 vCPU {k} 号资源池 | 1,395,800.00 | 12 | 16,749,600.00 |"
              for k in range(1, 61)) + """

以上价格含税 \\times 1.06。"""

#: Marks that must never be printed: Markdown heading/table/bold/escape marks and TeX commands.
RAW_MARKS = re.compile(r"^\s*#{1,6}\s|^\s*\|.*\||\*\*|\\[A-Za-z]+|\$[^$\n]+\$|\^\d|\\\*|:?-{3,}:?\s*\|")


@pytest.fixture(scope="module")
def samples(sample_contracts: dict[str, ContractData]) -> dict[str, ContractData]:
    return copy.deepcopy(sample_contracts)  # this module's own: a test may change one


@pytest.fixture(scope="module")
def printed(samples, tmp_path_factory) -> dict[str, str]:
    """Each sample's contract print-out as ``pdftotext -layout`` text."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext not installed")
    folder = tmp_path_factory.mktemp("printed")
    return {no: layout_text(write_contract_pdf(data, folder / f"{no}.pdf").path) for no, data in samples.items()}


def layout_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def markdown_contract() -> ContractData:
    return ContractData(
        contract_no="MD-2026-001", title="Markdown 条款测试合同", total_amount=Decimal("100.00"),
        parties=[PartyData(role="甲方", name="甲单位"), PartyData(role="乙方", name="乙公司")],
        line_items=[LineItemData(seq=1, name="服务", amount=Decimal("100.00"))],
        articles=[ArticleData(seq=1, heading="附件1 技术要求", body=MARKDOWN_BODY)],
    )


# ----- TeX residue ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "printed"), [
    ("主频 \\geq 2.0GHz", "主频 ≥ 2.0GHz"), ("$\\leq 5$ 秒", "≤ 5 秒"), ("10 \\times 20", "10 × 20"),
    ("20\\text{m}^2", "20m²"), ("\\text{\\mathrm{kW}}", "kW"), ("H_{2}O", "H₂O"),
])
def test_tex_residue_becomes_the_unicode_it_means(text, printed):
    assert tex_to_unicode(text) == printed
    assert tex_residue(text)
    assert not tex_residue(printed)


@pytest.mark.parametrize("text", ["$5 and $6", "7*24 小时", "\\#不是标题", "单价（元）", "¥2,738,718.50"])
def test_text_without_tex_is_left_alone(text):
    assert tex_to_unicode(text) == text


@given(st.text(alphabet=st.sampled_from(list("甲乙12 .,%$^_{}\\abgeqtimes\n|#*")), max_size=40))
def test_tex_conversion_never_raises_and_is_stable(text):
    once = tex_to_unicode(text)
    assert isinstance(once, str)
    assert "\\geq" not in once


def test_check_warns_about_tex_residue_naming_the_article():
    clean = ArticleData(seq=1, heading="第一条", body="主频 ≥ 2.0GHz")
    dirty = ArticleData(seq=2, heading="附件1", body="主频 \\geq 2.0GHz")
    problems = check_articles([clean, dirty])
    assert [p.code for p in problems] == ["article_tex_residue"]
    assert problems[0].fields == ("articles[1].body",)
    assert "\\geq → ≥" in problems[0].message_en and "附件1" in problems[0].message_zh


def test_the_sample_with_a_geq_gets_the_warning(samples):
    codes = [p.code for p in check_contract(samples["BJMEMC-2025174-ZC"])]
    assert "article_tex_residue" in codes
    assert "article_tex_residue" not in [p.code for p in check_contract(samples["2026-021"])]


# ----- Markdown ------------------------------------------------------------------------------------


def test_plain_text_of_markdown_keeps_words_and_numbers_not_marks():
    text = plain_text(MARKDOWN_BODY)
    assert "一、技术要求" in text and "(1) 云主机" in text
    assert "1. 主频 ≥ 2.4GHz" in text and "20m²" in text and "• 重要：7*24 小时值守" in text
    assert "1,395,800.00" in text and "× 1.06" in text
    for line in text.splitlines():
        assert not RAW_MARKS.search(line), line


def test_plain_lines_stay_lines_and_numbers_stay_the_contracts():
    body = "1. 基本要求\n乙方利用监控系统巡检。\n3) 第三项\n&amp; 照印"
    assert plain_text(body).splitlines() == ["1. 基本要求", "乙方利用监控系统巡检。", "3) 第三项", "&amp; 照印"]


@needs_pdftotext
def test_markdown_article_prints_formatted_with_its_table_header_on_every_page(tmp_path):
    result = write_contract_pdf(markdown_contract(), tmp_path / "md.pdf")
    text = layout_text(result.path)
    for line in text.splitlines():
        assert not RAW_MARKS.search(line), line
    assert "≥ 2.4GHz" in text and "≤ 5kW" in text and "20m²" in text and "7*24" in text
    pages = text.split("\f")
    table_pages = [page for page in pages if "16,749,600.00" in page]
    assert len(table_pages) >= 2, "the 60-row table spans pages"
    for page in table_pages:
        assert re.search(r"序号\s+名称\s+单价（元）\s+数量\s+金额（元）", page), "header row repeated"
    assert len(re.findall(r"\b16,749,600\.00\b", text)) == 60, "every figure whole"


# ----- the samples -----------------------------------------------------------------------------------


def test_no_raw_mark_of_any_sample_article_reaches_the_pdf(samples, printed):
    for number, data in samples.items():
        for line in printed[number].splitlines():
            assert not RAW_MARKS.search(line), f"{number}: {line}"
        for article in data.articles:
            for line in plain_text(article.body).splitlines():
                assert not RAW_MARKS.search(line), f"{number} {article.heading}: {line}"


def _sample_figures(data: ContractData) -> set[str]:
    """Every figure a sample prints in a table: line items (exact, grouped), the tables in articles."""
    found: set[str] = set()
    for item in data.line_items:
        found |= {exact_number(item.unit_price), exact_number(item.quantity), figures(item.effective_amount)}
    for article in data.articles:
        for line in (article.body or "").splitlines():
            if "\t" in line:
                found |= {cell.strip() for cell in line.split("\t") if is_figure(cell) and len(cell.strip()) > 1}
    return {figure for figure in found if figure and figure not in ("—", "-")}


def test_every_figure_in_every_sample_table_is_printed_whole(samples, printed):
    for number, data in samples.items():
        tokens = set(re.split(r"\s+", printed[number]))
        missing = sorted(figure for figure in _sample_figures(data) if figure not in tokens)
        assert not missing, f"{number}: figures broken or missing: {missing}"


def test_headers_never_wrap_one_character_a_line(samples, printed):
    for number in samples:
        lines = printed[number].splitlines()
        for head in ("序号", "单价", "金额", "数量"):
            assert not any(line.strip() == head[0] for line in lines), f"{number}: {head} broken"


def test_columns_keep_their_widest_figure_and_fill_the_width():
    columns = [Column("序号", figures=["1", "10"]), Column("名称", texts=["x86 平台云主机服务-vCPU " * 4]),
               Column("金额（元）", figures=["2,557,267.60", "16,749,600.00"])]
    widths = column_widths(columns, "Helvetica", 400)
    assert abs(sum(widths) - 400) < 0.01
    from reportlab.pdfbase.pdfmetrics import stringWidth
    assert widths[2] > stringWidth("16,749,600.00", "Helvetica", 9)
    assert widths[1] > widths[2] > widths[0]


# ----- labels, never codes; English that is English ------------------------------------------------

CODE_TOKEN = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|event:")


@pytest.fixture(scope="module")
def summaries(samples, tmp_path_factory) -> dict[str, str]:
    from services.printing.summary import write_summary_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext not installed")
    folder = tmp_path_factory.mktemp("summaries")
    return {no: layout_text(write_summary_pdf(data, folder / f"{no}.pdf").path) for no, data in samples.items()}


def test_no_code_reaches_any_sample_print_out(samples, printed, summaries):
    for number in samples:
        for text in (printed[number], summaries[number]):
            assert not CODE_TOKEN.findall(text), f"{number}: {CODE_TOKEN.findall(text)}"


def test_next_milestones_are_english_in_the_english_lines(samples):
    import datetime as dt

    from services.printing.summary import summary_deadlines
    from services.printing.summary_sections import english_label

    cjk = re.compile(r"[\u3400-\u9fff]")
    for data in samples.values():
        items = summary_deadlines(data, dt.date(2026, 6, 1))
        assert items
        for item in items:
            label = english_label(item)
            assert not cjk.search(label), label
            assert label not in ("Milestone", "Payment")
