"""The issue's "Done when" for the print-outs (issue 3), checked on the PDFs as written.

1. For each sample contract both PDFs (contract print-out, bilingual summary) carry the title,
   every party name, the total in figures and in Chinese capitals (the summary also in English
   words), the footer (contract number, "第 X 页 共 Y 页") on every page, an embedded TrueType font
   (a ``/FontFile2`` in every font descriptor), and pass ``qpdf --check``.
2. A contract with five parties and 300 line items prints correctly: the line-item header on every
   page holding line items, five signature blocks on the signature page, ``qpdf --check`` passes.

Text read back with pypdf has line breaks (and sometimes spaces) wherever Chinese wrapped, so
long texts are compared with all whitespace removed (``squash``).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from services.money.english_amount import to_english_words
from services.printing.common import money
from services.printing.contract import LINE_ITEM_HEADER, SIGNATURE_LINES, write_contract_pdf
from services.printing.fonts import system_candidates
from services.printing.summary import write_summary_pdf
from services.printing.total_capitals import total_capitals
from services.register.contract_data import ContractData, LineItemData, PartyData

SAMPLES = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")
KINDS = ("contract", "summary")
QPDF = shutil.which("qpdf")

needs_cjk_font = pytest.mark.skipif(not system_candidates(), reason="no Chinese TrueType font on this machine")
needs_qpdf = pytest.mark.skipif(QPDF is None, reason="qpdf is not installed (.ci/run installs Debian's qpdf)")


def squash(text: str) -> str:
    """Text without any whitespace: Chinese wraps between any two characters."""
    return "".join(text.split())


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def font_files(path: Path) -> list[tuple[str, bool]]:
    """(base font, has a /FontFile2) for every font on every page, descendant fonts included."""
    found = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for leaf in descendants:
                descriptor = leaf["/FontDescriptor"].get_object()
                found.append((str(leaf["/BaseFont"]), "/FontFile2" in descriptor))
    return found


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([QPDF, "--check", str(path)], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def samples(sample_contracts: dict[str, ContractData]) -> dict[str, ContractData]:
    return copy.deepcopy(sample_contracts)  # this module's own: a test may change one


@pytest.fixture(scope="module")
def printed(samples: dict[str, ContractData], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Both PDFs of every sample, written once."""
    folder = tmp_path_factory.mktemp("done-pdfs")
    written = {}
    for no, data in samples.items():
        written[no, "contract"] = write_contract_pdf(data, folder / f"{no}.pdf").path
        written[no, "summary"] = write_summary_pdf(data, folder / f"{no}-summary.pdf").path
    return written


CASES = [pytest.param(no, kind, id=f"{no}-{kind}") for no in SAMPLES for kind in KINDS]


# ----- 1. both PDFs of every sample ------------------------------------------------------------------


@pytest.mark.parametrize(("number", "kind"), CASES)
def test_title_parties_and_total_in_figures_capitals_and_words(samples, printed, number, kind):
    data = samples[number]
    everything = squash("\n".join(pages_text(printed[number, kind])))
    assert squash(data.title) in everything
    for party in data.parties:
        assert squash(party.name) in everything, party.name
    total = money(data.total_amount, currency=data.currency)  # ¥2,738,718.50
    chinese = total_capitals(data)  # the contract's own spelling where entered: 贰佰柒拾叁万…
    if kind == "contract":
        assert f"合同总价（小写）：{total}" in everything
        assert f"合同总价（大写）：{chinese}" in everything
    else:
        assert total in everything and chinese in everything
        assert squash(to_english_words(data.total_amount)) in everything  # SAY RMB … ONLY


@pytest.mark.parametrize(("number", "kind"), CASES)
def test_footer_on_every_page(printed, number, kind):
    texts = pages_text(printed[number, kind])
    assert texts
    for page, text in enumerate(texts, start=1):
        assert number in text, page
        assert f"第 {page} 页 共 {len(texts)} 页" in text, page
        if kind == "summary":
            assert f"Page {page} of {len(texts)}" in text, page


@needs_cjk_font
@pytest.mark.parametrize(("number", "kind"), CASES)
def test_font_is_embedded(printed, number, kind):
    fonts = font_files(printed[number, kind])
    assert fonts
    for name, embedded in fonts:
        assert embedded, f"{name} has no /FontFile2: not embedded"


@needs_qpdf
@pytest.mark.parametrize(("number", "kind"), CASES)
def test_qpdf_check_passes(printed, number, kind):
    checked = qpdf_check(printed[number, kind])
    assert checked.returncode == 0, checked.stdout + checked.stderr


# ----- 2. five parties, 300 line items ---------------------------------------------------------------

FIVE_ROLES = ("甲方", "乙方", "丙方", "丁方", "戊方")
FIVE_NAMES = ("北京市某某监测中心", "首信云技术有限公司", "中国电信股份有限公司北京分公司",
              "北京数字认证股份有限公司", "奇安信网神信息技术（北京）股份有限公司")


def five_party_contract(lines: int = 300) -> ContractData:
    """Five parties, ``lines`` line items: the largest contract the print-out must handle."""
    items = [LineItemData(seq=i, name=f"政务云资源-{i:03d} 云主机 vCPU（主频不低于2.4GHz）", unit="核",
                          unit_price=Decimal("14.50"), quantity=Decimal(8 + i % 7), periods=12)
             for i in range(1, lines + 1)]
    return ContractData(
        contract_no="T-2026-300", title="五方三百行测试合同",
        total_amount=sum((i.effective_amount for i in items), Decimal("0.00")),
        parties=[PartyData(role=role, name=name) for role, name in zip(FIVE_ROLES, FIVE_NAMES, strict=True)],
        line_items=items, sign_place="北京市海淀区",
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[ContractData, Path]:
    data = five_party_contract()
    result = write_contract_pdf(data, tmp_path_factory.mktemp("big") / "big.pdf")
    return data, result.path


def test_300_lines_header_repeats_and_every_line_is_printed(big):
    data, path = big
    texts = pages_text(path)
    table_pages = [text for text in texts if "政务云资源-" in text]
    assert len(table_pages) >= 5
    for text in table_pages:
        for heading in LINE_ITEM_HEADER:
            assert heading in text
    everything = "\n".join(texts)
    positions = [everything.index(f"政务云资源-{i:03d}") for i in range(1, 301)]
    assert positions == sorted(positions)  # every line, in order
    assert f"合同总价（小写）：{money(data.total_amount)}" in everything
    for page, text in enumerate(texts, start=1):
        assert "合同编号：T-2026-300" in text and f"第 {page} 页 共 {len(texts)} 页" in text


def test_five_signature_blocks_on_the_signature_page(big):
    _data, path = big
    texts = pages_text(path)
    last = texts[-1]
    seal, signature, _date = SIGNATURE_LINES
    assert "签署页" in last
    for role, name in zip(FIVE_ROLES, FIVE_NAMES, strict=True):
        assert f"{role}{seal}：" in last
        assert squash(name) in squash(last)
    assert last.count(signature) == 5
    assert last.count("日期：") == 5
    assert seal not in texts[-2]  # no block strayed onto the page before


@needs_cjk_font
def test_300_lines_font_is_embedded(big):
    for name, embedded in font_files(big[1]):
        assert embedded, name


@needs_qpdf
def test_300_lines_qpdf_check_passes(big):
    checked = qpdf_check(big[1])
    assert checked.returncode == 0, checked.stdout + checked.stderr
