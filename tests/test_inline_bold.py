"""Inline Markdown bold (``**…**``) prints visibly bold in the one-face CJK font (issue 14): the run
is drawn filled and stroked (text render mode 2) like the headings, the text around it filled only,
and the font is embedded once. Read from the PDF's content stream (ASCII text in a TrueType subset is
written as itself, so the runs can be found by their words)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

from services.printing.common import BOLD_STROKE
from services.printing.contract import write_contract_pdf
from services.register.contract_data import ArticleData, ContractData, LineItemData, PartyData


def contract(body: str) -> ContractData:
    return ContractData(
        contract_no="B-1", title="加粗测试", total_amount=Decimal("1.00"),
        parties=[PartyData(role="甲方", name="某中心"), PartyData(role="乙方", name="某公司")],
        line_items=[LineItemData(seq=1, name="服务", amount=Decimal("1.00"))],
        articles=[ArticleData(seq=1, heading="第一条 付款", body=body)])


def _bytes(value: object) -> bytes:
    """A string operand as its bytes (a ``ByteStringObject`` is bytes; a ``TextStringObject`` keeps them)."""
    original = getattr(value, "get_original_bytes", None)
    return bytes(original()) if original is not None else bytes(value)  # type: ignore[call-overload]


def shown(path: Path) -> list[tuple[int, float, bytes]]:
    """(render mode, line width, text bytes) of every text-showing operator of page 1, in order."""
    reader = PdfReader(path)
    page = reader.pages[0]
    mode, width, out = 0, 1.0, []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tr":
            mode = int(operands[0])
        elif operator == b"w":
            width = float(operands[0])
        elif operator == b"ET":
            mode = 0  # each text object starts in fill mode (reportlab's BT … ET)
        elif operator == b"Tj":
            out.append((mode, width, _bytes(operands[0])))
        elif operator == b"TJ":
            parts = [part for part in operands[0] if not isinstance(part, float | int)]
            out.append((mode, width, b"".join(_bytes(part) for part in parts)))
    return out


def mode_of(runs: list[tuple[int, float, bytes]], word: bytes) -> tuple[int, float]:
    found = [(mode, width) for mode, width, text in runs if word in text]
    assert found, (word, runs)
    return found[0]


def test_a_bold_run_is_stroked_and_the_text_around_it_is_not(tmp_path: Path) -> None:
    path = write_contract_pdf(contract("Before **BOLDRUN** after; 普通 **ANOTHER** tail"), tmp_path / "b.pdf").path
    runs = shown(path)
    body_size = 10.5
    assert mode_of(runs, b"BOLDRUN") == (2, round(body_size * BOLD_STROKE, 4))
    assert mode_of(runs, b"ANOTHER")[0] == 2
    assert mode_of(runs, b"Before")[0] == 0
    assert mode_of(runs, b"after")[0] == 0
    assert mode_of(runs, b"tail")[0] == 0
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    assert len(fonts) == 1  # the bold alias is the same embedded font


def test_without_bold_nothing_is_stroked_in_the_body(tmp_path: Path) -> None:
    runs = shown(write_contract_pdf(contract("Plain words only"), tmp_path / "p.pdf").path)
    assert mode_of(runs, b"Plain")[0] == 0
