"""Issue 14's "Done when", read back from the PDFs of all three sample contracts.

For the contract print-out and the bilingual summary of each sample (``pdftotext``, the text an
auditor's tools see): no Markdown or TeX mark, no code token, every figure whole, a signature block
for every party, the amounts in capitals consistent with the figures and with each other, the
summary at most two pages and its English column free of Chinese except what is marked
"(Chinese only)"; headings drawn bold although the Chinese font has no bold face.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from services.checks.article_capitals import check_article_capitals, contract_amounts
from services.checks.contract import check_contract, read_capitals
from services.glossary import english_term
from services.money.capitals import CapitalsError
from services.printing.common import BOLD_STYLES, Printer, money
from services.printing.contract import write_contract_pdf
from services.printing.signature import other_signatories, signatory_line
from services.printing.summary import SUMMARY_PAGES, summary_story, write_summary_pdf
from services.printing.summary_sections import CHINESE_ONLY, bond_amount, summary_deadlines
from services.printing.total_capitals import capitals_warning, entered_capitals, total_capitals
from services.register.contract_data import ArticleData, ContractData, PartyData
from tests.test_print_articles import CODE_TOKEN, RAW_MARKS

SAMPLES = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")
KINDS = ("contract", "summary")
TODAY = dt.date(2026, 6, 1)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
#: A run of Chinese capitals as printed (人民币 optional).
CAPITALS_RUN = re.compile(r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]{2,}")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")


def squash(text: str) -> str:
    return "".join(text.split())


def pdftotext(path: Path, *, layout: bool = True) -> list[str]:
    """The text of each page (``-layout``: columns kept apart, as an auditor reads a table)."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def samples(sample_contracts: dict[str, ContractData]) -> dict[str, ContractData]:
    return copy.deepcopy(sample_contracts)  # this module's own: a test may change one


@pytest.fixture(scope="module")
def printed(samples, tmp_path_factory) -> dict[tuple[str, str], tuple[Path, int]]:
    """(path, pages) of both PDFs of every sample, written once."""
    folder = tmp_path_factory.mktemp("done14-pdfs")
    written = {}
    for no, data in samples.items():
        contract = write_contract_pdf(data, folder / f"{no}.pdf")
        summary = write_summary_pdf(data, folder / f"{no}-summary.pdf", today=TODAY)
        written[no, "contract"] = (contract.path, contract.pages)
        written[no, "summary"] = (summary.path, summary.pages)
    return written


@pytest.fixture(scope="module")
def layout(printed) -> dict[tuple[str, str], list[str]]:
    return {key: pdftotext(path) for key, (path, _pages) in printed.items()}


def drawn_text(path: Path) -> str:
    """The text in the order it is drawn — cell after cell, so a wrapped cell reads on — whitespace
    removed (pypdf: pdftotext reorders the lines of a table's cells)."""
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def raw(printed) -> dict[tuple[str, str], str]:
    return {key: drawn_text(path) for key, (path, _pages) in printed.items()}


CASES = [pytest.param(no, kind, id=f"{no}-{kind}") for no in SAMPLES for kind in KINDS]


# ----- two pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("number", SAMPLES)
def test_every_summary_is_at_most_two_pages(printed, layout, number):
    _path, pages = printed[number, "summary"]
    assert pages <= SUMMARY_PAGES == 2
    assert len(layout[number, "summary"]) == pages


def test_nothing_is_dropped_to_fit(samples, raw):
    """WHZF-2026-ZWY is set small to fit: still every line item, installment, bond and clause."""
    data, text = samples["WHZF-2026-ZWY"], raw["WHZF-2026-ZWY", "summary"]
    for item in data.line_items:
        assert squash(item.name) in text and squash(item.name_en or "") in text, item.seq
    for clause in data.penalty_clauses:
        assert squash(clause.trigger) in text
    assert re.search(r"另有\d+项未列出", text)  # the next milestones beyond those listed are counted, not hidden


# ----- no marks, no codes ------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "kind"), CASES)
def test_no_markdown_or_tex_mark_and_no_code(layout, number, kind):
    for page, text in enumerate(layout[number, kind], start=1):
        for line in text.splitlines():
            assert not RAW_MARKS.search(line), f"page {page}: {line}"
            assert not CODE_TOKEN.search(line), f"page {page}: {line}"


# ----- every figure whole --------------------------------------------------------------------------


def _summary_amounts(data: ContractData) -> set[str]:
    """Every amount the summary prints in its tables and key facts, as printed (¥2,738,718.50)."""
    amounts = {data.total_amount, *(item.effective_amount for item in data.line_items)}
    amounts.add(sum((item.effective_amount for item in data.line_items), Decimal("0.00")))
    amounts |= {amount for amount in (bond_amount(bond, data.total_amount)[0] for bond in data.bonds) if amount}
    amounts |= {clause.amount for clause in data.penalty_clauses if clause.amount is not None}
    for item in data.installments:
        if item.amount is not None:
            amounts.add(item.amount)
    return {money(amount, currency=data.currency) for amount in amounts}


@pytest.mark.parametrize("number", SAMPLES)
def test_every_amount_of_the_summary_is_whole(samples, layout, number):
    tokens = set("\n".join(layout[number, "summary"]).split())
    missing = sorted(amount for amount in _summary_amounts(samples[number]) if amount not in tokens)
    assert not missing, f"amounts broken or missing: {missing}"


@pytest.mark.parametrize("number", SAMPLES)
def test_every_installment_amount_of_the_contract_is_whole(samples, layout, number):
    data = samples[number]
    tokens = set("\n".join(layout[number, "contract"]).split())
    for item in data.installments:
        if item.amount is not None:
            assert money(item.amount, currency=data.currency) in tokens, item.seq


# ----- every party signs --------------------------------------------------------------------------


@pytest.mark.parametrize("number", SAMPLES)
def test_every_party_has_its_signature_block(samples, layout, number):
    data = samples[number]
    pages = layout[number, "contract"]
    start = next(i for i, text in enumerate(pages) if "签署页" in text)
    signing = squash("".join(pages[start:]))
    for party in data.parties:
        assert f"{party.role}（盖章）：" in signing, party.role
        assert squash(party.name) in signing
        assert squash(signatory_line(party)) in signing
        for name in other_signatories(party):
            assert f"{name}（签字）：" in signing
        assert f"纳税人识别号：{party.tax_id or '___'}" in signing
    assert signing.count("日期：") == len(data.parties)


# ----- capitals consistent -------------------------------------------------------------------------


@pytest.mark.parametrize("number", SAMPLES)
def test_the_total_in_capitals_is_the_contracts_spelling_on_both_print_outs(samples, raw, number):
    data = samples[number]
    printed_capitals = total_capitals(data)
    assert read_capitals(printed_capitals) == data.total_amount
    assert printed_capitals == entered_capitals(data) == squash(data.total_in_words or "")  # all three enter one
    contract, summary = raw[number, "contract"], raw[number, "summary"]
    assert f"合同总价（大写）：{printed_capitals}" in contract
    assert f"合同总价（小写）：{money(data.total_amount, currency=data.currency)}" in contract
    assert f"大写金额InChineseCapitals{printed_capitals}" in summary


@pytest.mark.parametrize(("number", "kind"), CASES)
def test_every_amount_in_capitals_on_paper_is_an_amount_of_the_contract(samples, raw, number, kind):
    """Capitals printed anywhere — the total, the installment schedule, the contract's own text —
    read an amount the contract holds (no capitals contradict the figures)."""
    data = samples[number]
    amounts = contract_amounts(data)
    read = []
    for run in CAPITALS_RUN.findall(raw[number, kind]):
        if not any(ch in run for ch in "元圆角分"):
            continue
        try:
            value = read_capitals(run)
        except CapitalsError:
            continue  # a word such as 壹 in a name
        read.append(run)
        assert value in amounts, f"{run} reads {value}"
    assert read  # the total at least


def test_capitals_convention():
    data = ContractData(contract_no="C-1", title="t", total_amount=Decimal("2557267.60"))
    assert total_capitals(data) == "人民币贰佰伍拾伍万柒仟贰佰陆拾柒元陆角整"  # computed: 整 after a final 角
    assert capitals_warning(data) == []
    data.total_in_words = "人民币（大写）：贰佰伍拾伍万柒仟贰佰陆拾柒元陆角"
    assert total_capitals(data) == "人民币贰佰伍拾伍万柒仟贰佰陆拾柒元陆角"  # as entered, less （大写）：
    data.total_in_words = "贰佰伍拾伍万柒仟贰佰陆拾柒元整"  # reads another amount: not printed
    assert total_capitals(data) == "人民币贰佰伍拾伍万柒仟贰佰陆拾柒元陆角整"
    assert "does not read the total" in capitals_warning(data)[0]
    data.total_in_words = "贰佰伍拾伍万柒仟贰佰陆拾柒元陆角整分"  # malformed: not printed
    assert total_capitals(data).startswith("人民币") and capitals_warning(data)
    usd = ContractData(contract_no="C-2", title="t", total_amount=Decimal("10.00"), currency="USD")
    assert total_capitals(usd) == "壹拾元整"


def test_print_outs_of_a_mismatched_spelling_print_the_computed_capitals_and_say_so(samples, tmp_path):
    data = copy.deepcopy(samples["2026-021"])
    data.total_in_words = "人民币肆拾壹万伍仟伍佰元整"
    result = write_summary_pdf(data, tmp_path / "s.pdf", today=TODAY)
    assert "人民币肆拾壹万伍仟伍佰捌拾元整" in drawn_text(result.path)
    assert any("does not read the total" in warning for warning in result.warnings)


def test_check_warns_about_capitals_in_the_text_that_no_amount_has(samples):
    data = copy.deepcopy(samples["BJMEMC-2025174-ZC"])
    assert check_article_capitals(data) == []  # the total and the bond, both quoted in capitals
    body = "合同总价为人民币贰佰捌拾贰万玖仟柒佰壹拾捌元伍角整。"  # the annex's ¥2,829,718.50, not the total
    data.articles.append(ArticleData(seq=99, heading="补充条款", body=body))
    problems = [p for p in check_contract(data, today=TODAY) if p.code == "article_capitals_unmatched"]
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert "¥2,829,718.50" in problems[0].message_en and "补充条款" in problems[0].message_zh
    assert problems[0].fields == (f"articles[{len(data.articles) - 1}].body",)


# ----- English where it says English --------------------------------------------------------------


class _EnglishRecorder(Printer):
    """A printer noting every text set as English (the grey lines under or after the Chinese)."""

    def __init__(self, font_name: str) -> None:
        super().__init__(font_name)
        self.english: list[str] = []

    def lines(self, parts, style="cell", *, joiner="<br/>"):
        self.english += [text for kind, text in parts if kind == "en" and text]
        return super().lines(parts, style, joiner=joiner)


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("number", SAMPLES)
def test_the_english_column_has_no_chinese(samples, number, compact):
    data = samples[number]
    printer = _EnglishRecorder("Helvetica")
    summary_story(data, printer, summary_deadlines(data, TODAY), TODAY, compact=compact)
    assert len(printer.english) > 20
    for text in printer.english:
        assert not CJK.search(text), text


@pytest.mark.parametrize("number", SAMPLES)
def test_chinese_without_english_is_marked_chinese_only(samples, raw, number):
    """Text with no English form — the place of signing, a breach in the contract's words, a bond's
    form, a contact's name — prints once in Chinese, marked; names with English are not marked."""
    data, text = samples[number], raw[number, "summary"]
    marked = squash(CHINESE_ONLY)
    if data.sign_place:
        assert squash(data.sign_place) + marked in text
    for clause in data.penalty_clauses:
        assert squash(clause.trigger) + marked in text
    for bond in data.bonds:
        if bond.form:  # a form that is a glossary term (履约保函) prints the term's English instead
            english = english_term(bond.form)
            assert squash(bond.form) + (squash(english) if english else marked) in text
    for party in data.parties:
        assert (squash(party.name) + marked in text) == (not party.name_en)


def test_a_name_without_english_is_marked_in_the_english_column(samples, tmp_path):
    data = copy.deepcopy(samples["2026-021"])
    data.title_en = None
    data.line_items[0].name_en = None
    text = drawn_text(write_summary_pdf(data, tmp_path / "s.pdf", today=TODAY).path)
    assert squash(data.title) + "(Chineseonly)" in text
    assert squash(data.line_items[0].name) + "(Chineseonly)" in text


# ----- bold headings -------------------------------------------------------------------------------


def _render_modes(path: Path) -> list[bytes]:
    """The text render-mode operands (``Tr``) of the first page, in order."""
    content = PdfReader(path).pages[0].get_contents()
    assert content is not None
    return re.findall(rb"(\d) Tr\b", content.get_data())


@pytest.mark.parametrize(("number", "kind"), CASES)
def test_headings_are_drawn_bold(printed, number, kind):
    """The Chinese font has one face: headings are filled and stroked (render mode 2)."""
    assert b"2" in _render_modes(printed[number, kind][0])
    assert {"title", "h1", "h2", "h3", "section"} <= BOLD_STYLES


def test_bold_ends_with_its_heading(tmp_path):
    """Headings are drawn in mode 2, the text after them in mode 0 again (the mode is saved and
    restored around each bold paragraph)."""
    data = ContractData(contract_no="B-1", title="标题", total_amount=Decimal("1.00"),
                        parties=[PartyData(role="甲方", name="甲", address="北京市")])
    path = write_contract_pdf(data, tmp_path / "b.pdf").path
    reader = PdfReader(path)
    operations = ContentStream(reader.pages[0].get_contents(), reader).operations
    modes, mode, shown = [], 0, {0: 0, 2: 0}
    for operands, operator in operations:
        if operator == b"q":
            modes.append(mode)
        elif operator == b"Q":
            mode = modes.pop()
        elif operator == b"Tr":
            mode = int(operands[0])
        elif operator in (b"Tj", b"TJ"):
            shown[mode] += 1
    assert shown[2] >= 3  # the title, 合同当事人, 甲方：, 甲
    assert shown[0] >= 3  # the address, the footer …
