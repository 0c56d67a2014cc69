"""The print-outs (issue 3), read back with pypdf: the contract for signature and the bilingual
summary — footers, figures, capitals and English words, repeated table headers, escaping, the
signature page for 2–5 parties, the embedded font and the fallback when there is none."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from models.contract import ROLES
from services.ledger.importer import import_ledger
from services.printing.common import default_pdf_name, escape, money
from services.printing.contract import LINE_ITEM_HEADER, write_contract_pdf
from services.printing.fonts import CID_FALLBACK, find_cjk_font, missing_characters, system_candidates
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.register.contract_data import ArticleData, ContractData, InstallmentData, LineItemData, PartyData
from services.store import open_store
from tests.conftest import SAMPLE_LEDGER

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
needs_cjk_font = pytest.mark.skipif(not system_candidates(), reason="no Chinese TrueType font on this machine")


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ContractData]:
    store = open_store(tmp_path_factory.mktemp("samples") / "samples.db")
    try:
        import_ledger(store, SAMPLE_LEDGER)
        with store.session() as session:
            return {no: contracts.load_by_no(session, no) for no in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")}
    finally:
        store.close()


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Text with every run of whitespace (line breaks from wrapping included) made one space."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any whitespace: Chinese wraps between any two characters."""
    return "".join(text.split())


def make_contract(*, parties: int = 2, lines: int = 3, title: str = "测试合同", **extra: object) -> ContractData:
    items = [LineItemData(seq=i, name=f"服务项目-{i:03d} 云主机 vCPU（主频不低于2.4GHz）", unit="核",
                          unit_price=Decimal("14"), quantity=Decimal("812"), periods=12) for i in range(1, lines + 1)]
    return ContractData(
        contract_no="T-2026-001", title=title, total_amount=sum((i.effective_amount for i in items), Decimal("0.00")),
        parties=[PartyData(role=ROLES[k], name=f"第{k + 1}家单位有限公司") for k in range(parties)],
        line_items=items, **extra,
    )


def fonts_of(path: Path) -> list[dict]:
    """The font dictionaries used on every page (resolved)."""
    found = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            found.append(ref.get_object())
    return found


# ----- the contract print-out -----------------------------------------------------------------------


def test_every_page_carries_the_number_and_page_x_of_y(samples, tmp_path):
    result = write_contract_pdf(samples["BJMEMC-2025174-ZC"], tmp_path / "c.pdf")
    texts = pages_text(result.path)
    assert result.pages == len(texts) > 3
    for number, text in enumerate(texts, start=1):
        assert "合同编号：BJMEMC-2025174-ZC" in text
        assert f"第 {number} 页 共 {len(texts)} 页" in text


def test_contract_prints_heading_parties_articles_figures_and_capitals(samples, tmp_path):
    data = samples["BJMEMC-2025174-ZC"]
    texts = pages_text(write_contract_pdf(data, tmp_path / "c.pdf").path)
    first, everything = flat(texts[0]), flat("\n".join(texts))
    assert squash(data.title) in squash(first)
    assert "采购编号：BGPC-G25124" in first
    assert "甲方： 北京市生态环境监测中心" in first
    assert "01090323600120105239987" in first  # 甲方's account
    assert "法定代表人" not in first  # not filled for these parties: not printed
    assert "合同总价（小写）：¥2,738,718.50" in everything
    # the contract's own spelling of the total, as the officer entered it (services.printing.total_capitals)
    assert "合同总价（大写）：贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整" in everything
    assert "1,954,120.00" in everything and "1,395,800" in everything  # line 5: amount, exact quantity
    assert "生效后 20 个工作日内" in everything  # the installment's deadline
    # the articles in order, heading then body
    headings = [a.heading for a in data.articles if a.heading]
    positions = [squash(everything).index(squash(h)) for h in headings]
    assert positions == sorted(positions)
    assert "3.1.1要求服务方按时、按质、按量完成本项目服务工作。" in squash(everything)


def test_line_item_header_repeats_on_every_page_of_a_long_table(tmp_path):
    data = make_contract(lines=120)
    result = write_contract_pdf(data, tmp_path / "long.pdf")
    table_pages = [text for text in pages_text(result.path) if "服务项目-" in text]
    assert len(table_pages) >= 3
    for text in table_pages:
        for heading in LINE_ITEM_HEADER:
            assert heading in text
    everything = flat("\n".join(table_pages))
    assert [everything.index(f"服务项目-{i:03d}") for i in (1, 60, 120)] == sorted(
        everything.index(f"服务项目-{i:03d}") for i in (1, 60, 120))
    assert "合计" in table_pages[-1] and "16,369,920.00" in table_pages[-1]  # 120 × 14 × 812 × 12


def test_markup_in_store_text_prints_literally(tmp_path):
    data = make_contract(title="A<b>&C 合同", procurement_no="P&<1>",
                         articles=[ArticleData(seq=1, heading="第一条 <i>定义</i>", body="甲 &amp; 乙\n<br/>不是换行")])
    data.parties[1].name = "R&D <Lab> 有限公司"
    everything = "\n".join(pages_text(write_contract_pdf(data, tmp_path / "x.pdf").path))
    for literal in ("A<b>&C 合同", "P&<1>", "第一条 <i>定义</i>", "甲 &amp; 乙", "<br/>不是换行", "R&D <Lab> 有限公司"):
        assert literal in everything


def test_only_filled_party_fields_are_printed(tmp_path):
    data = make_contract()
    data.parties[0].phone = "010-12345678"
    data.parties[0].tax_id = "12110000400709393P"
    first = pages_text(write_contract_pdf(data, tmp_path / "p.pdf").path)[0]
    assert "电话" in first and "010-12345678" in first and "纳税人识别号" in first
    for label in ("地址", "开户银行", "账号", "联系人", "电子邮箱"):
        assert label not in first


@pytest.mark.parametrize("count", [2, 3, 4, 5])
def test_signature_page_has_one_block_per_party(count, tmp_path):
    data = make_contract(parties=count, sign_place="北京市海淀区")
    texts = pages_text(write_contract_pdf(data, tmp_path / f"s{count}.pdf").path)
    last = texts[-1]
    assert "签署页" in last and "合同编号：T-2026-001" in last
    assert last.count("法定代表人或授权代表（签字）") == count
    assert last.count("日期：") == count
    for k in range(count):
        assert f"{ROLES[k]}（盖章）：" in last
        assert f"第{k + 1}家单位有限公司" in last
    assert "（盖章）" not in texts[-2]  # the blocks are all on the one signature page


def test_installments_print_amounts_in_figures_and_capitals(samples, tmp_path):
    everything = flat("\n".join(pages_text(write_contract_pdf(samples["WHZF-2026-ZWY"], tmp_path / "w.pdf").path)))
    assert "¥1,150,770.42" in everything
    assert "人民币壹佰壹拾伍万零柒佰柒拾元零肆角贰分" in squash(everything)
    assert "2026年9月30日前" in everything
    assert "生效、预算批复或资金到账后15个工作日内（以最晚者起算）" in squash(everything)


def test_percent_only_installment_is_computed_from_the_total(tmp_path):
    installment = InstallmentData(seq=1, payee_role="乙方", percent=Decimal("30"), due_after="acceptance",
                                  due_offset=10, due_unit="days")
    data = make_contract(lines=1, installments=[installment])
    everything = flat("\n".join(pages_text(write_contract_pdf(data, tmp_path / "i.pdf").path)))
    assert "¥40,924.80" in everything  # 30 % of 136,416.00
    assert "验收合格后 10 日内" in everything


# ----- fonts ----------------------------------------------------------------------------------------


@needs_cjk_font
def test_a_subset_of_the_cjk_font_is_embedded(samples, tmp_path):
    result = write_contract_pdf(samples["2026-021"], tmp_path / "f.pdf")
    assert result.font.embedded and result.font.warning is None and result.warnings == []
    fonts = fonts_of(result.path)
    assert fonts
    for font in fonts:  # every font is an embedded TrueType subset: nothing left to the viewer
        assert "+" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"]


@needs_cjk_font
def test_chosen_font_has_every_glyph_printed():
    choice = find_cjk_font(None, "¥中文合同")
    assert choice.path and choice.embedded
    from reportlab.pdfbase import pdfmetrics

    assert missing_characters(pdfmetrics.getFont(choice.name), "¥人民币贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整") == ""


def test_no_font_found_falls_back_to_stsong_with_a_warning(samples, tmp_path):
    choice = find_cjk_font(None, candidates=[])
    assert (choice.name, choice.embedded, choice.path) == (CID_FALLBACK, False, None)
    assert "not embedded" in choice.warning
    result = write_contract_pdf(samples["2026-021"], tmp_path / "cid.pdf", font=choice)
    assert result.warnings and "not embedded" in result.warnings[0]
    names = {str(font["/BaseFont"]) for font in fonts_of(result.path)}
    assert names == {f"/{CID_FALLBACK}"}


def test_a_latin_only_font_is_never_used_for_chinese(tmp_path):
    choice = find_cjk_font(DEJAVU, candidates=[])
    assert choice.name == CID_FALLBACK  # DejaVu Sans has ¥ but no Chinese: boxes would print
    assert "lacks" in choice.warning and DEJAVU in choice.warning


@needs_cjk_font
def test_font_set_in_the_settings_is_tried_first_and_replaced_when_unfit(tmp_path):
    wqy_path, _index = system_candidates()[0]
    assert find_cjk_font(wqy_path).path == wqy_path
    choice = find_cjk_font(DEJAVU)
    assert choice.embedded and choice.path != DEJAVU
    assert "settings" in choice.warning and DEJAVU in choice.warning
    missing = find_cjk_font(str(tmp_path / "nope.ttf"))
    assert missing.embedded and "does not exist" in missing.warning


@needs_cjk_font
def test_characters_missing_from_every_font_are_named_not_hidden():
    rare = "\U0002a6d6"  # a CJK Extension B character few fonts have
    choice = find_cjk_font(None, f"合同{rare}")
    assert choice.embedded
    assert rare in choice.warning and "empty boxes" in choice.warning


# ----- the bilingual summary ---------------------------------------------------------------------------


def test_summary_is_bilingual_with_words_capitals_and_dates(samples, tmp_path):
    result = write_summary_pdf(samples["BJMEMC-2025174-ZC"], tmp_path / "s.pdf", today=dt.date(2025, 11, 1))
    texts = pages_text(result.path)
    assert 1 <= result.pages == len(texts) <= 2
    everything = flat("\n".join(texts))
    for zh, en in (("合同编号", "Contract No."), ("甲方", "Party A (Purchaser)"), ("乙方", "Party B (Supplier)"),
                   ("服务期限", "Term"), ("大写金额", "In Chinese Capitals"), ("英文金额", "In Words"),
                   ("税率", "Tax Rate"), ("不含税金额", "Amount excl. Tax"), ("付款计划", "Payment Schedule")):
        assert zh in everything and en in everything
    assert ("SAY RMB TWO MILLION SEVEN HUNDRED THIRTY-EIGHT THOUSAND SEVEN HUNDRED EIGHTEEN YUAN "
            "AND FIFTY FEN ONLY") in everything
    assert "大写金额 In Chinese Capitals 贰佰柒拾叁万捌仟柒佰壹拾捌元伍角整" in everything  # as the contract spells it
    assert "¥2,738,718.50" in everything and "CN¥" not in everything
    assert "2025年10月16日至2026年5月15日" in everything and "16 October 2025 to 15 May 2026" in everything
    assert "生效后 20 个工作日内" in everything
    assert "within 20 working days after the contract takes effect" in everything
    assert "¥1,954,120.00" in everything  # a line item
    for number, text in enumerate(texts, start=1):
        assert "BJMEMC-2025174-ZC" in text and f"第 {number} 页 共 {len(texts)} 页" in text
        assert f"Page {number} of {len(texts)}" in text


def test_summary_tax_and_excl_tax(samples, tmp_path):
    whzf = flat("\n".join(pages_text(write_summary_pdf(samples["WHZF-2026-ZWY"], tmp_path / "w.pdf").path)))
    assert "6%" in whzf and "¥2,412,516.60" in whzf  # stated
    assert "by 30 September 2026" in whzf
    assert "within 15 working days after the later of: the contract takes effect; the budget is approved" in whzf
    red_cross = flat("\n".join(pages_text(write_summary_pdf(samples["2026-021"], tmp_path / "r.pdf").path)))
    assert "¥392,056.60" in red_cross  # 415,580.00 ÷ 1.06, computed and marked so
    assert "computed from the tax rate" in red_cross
    assert "SAY RMB FOUR HUNDRED FIFTEEN THOUSAND FIVE HUNDRED EIGHTY YUAN ONLY" in red_cross


#: WHZF-2026-ZWY has 26 line items, 3 installments, a bond, 7 penalty clauses and milestones: its
#: summary, line items printed compactly, takes three pages; the others fit on two.
@pytest.mark.parametrize(("number", "most"), [("BJMEMC-2025174-ZC", 2), ("2026-021", 2), ("WHZF-2026-ZWY", 3)])
def test_summary_of_each_sample_fits_two_pages(samples, tmp_path, number, most):
    assert write_summary_pdf(samples[number], tmp_path / "s.pdf").pages <= most


def test_summary_prints_the_stored_bond_and_penalty_clauses(samples, tmp_path):
    text = flat("\n".join(pages_text(write_summary_pdf(samples["BJMEMC-2025174-ZC"], tmp_path / "a.pdf").path)))
    assert "履约保证金" in text and "Performance bond" in text and "¥273,871.85" in text
    assert "8.1.2" in text and "1%" in text and "15" in squash(text)
    assert "每日合同总额的1%，逾期超过15日可解除" in squash(text)
    whzf = squash("\n".join(pages_text(write_summary_pdf(samples["WHZF-2026-ZWY"], tmp_path / "w.pdf").path)))
    assert "第十一条2" in whzf


# ----- small pieces ----------------------------------------------------------------------------------


def test_escape_and_money_and_file_names():
    assert escape("A<b>&C\nline 2") == "A&lt;b&gt;&amp;C<br/>line 2"
    assert escape(None) == ""
    assert money(Decimal("2738718.50"), "zh") == money(Decimal("2738718.50"), "en") == "¥2,738,718.50"
    assert money(Decimal("0.5"), "en") == "¥0.50"
    assert default_pdf_name("BJMEMC-2025174-ZC") == "BJMEMC-2025174-ZC.pdf"
    assert default_pdf_name("GZ/2025:01 号", summary=True) == "GZ_2025_01_号-summary.pdf"


def test_a_failed_write_leaves_no_file(tmp_path):
    target = tmp_path / "folder.pdf"
    target.mkdir()  # a folder where the file should go: the move fails
    with pytest.raises(OSError):
        write_contract_pdf(make_contract(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["folder.pdf"]


# ----- wrapping in table cells -------------------------------------------------------------------------

_MIXED = st.text(alphabet=st.sampled_from(list("政务云服务安全密码国产化操作系统（）。，、：；“”")
                                          + list("QD-MSSP NAG SSL 2/3/4 vCPU 2.4GHz ABCxyz 0123456789 ")),
                 min_size=1, max_size=120)


@needs_cjk_font
@settings(max_examples=150, deadline=None)
@given(text=_MIXED, width=st.integers(min_value=30, max_value=220))
def test_cell_text_never_runs_past_the_cell(text, width):
    """Chinese wraps between any two characters; a closing mark that may not start a line hangs,
    but into the room the cell style keeps for it, never across the cell's border."""
    from services.printing.common import Printer

    printer = Printer(find_cjk_font(None).name)
    paragraph = printer.p(text, "cell")
    paragraph.wrap(width, 10_000)
    indent = paragraph.style.rightIndent  # reportlab counts it in each line's width
    for used in paragraph.getActualLineWidths0():
        assert used - indent <= width + 0.01, (text, width, used - indent)
