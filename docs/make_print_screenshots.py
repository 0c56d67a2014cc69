"""Render the print-out images in docs/screenshots/ from the sample ledger (issue 14).

    uv run python docs/make_print_screenshots.py

Needs poppler's ``pdftoppm``. Writes, from a temporary store of resources/sample_ledger:

- ``print_bjmemc_contract-NN.png`` — every page of BJMEMC-2025174-ZC's contract print-out (50 dpi);
- ``print_bjmemc_summary-N.png``, ``print_whzf_summary-N.png`` — every page of the bilingual
  summaries of BJMEMC-2025174-ZC and WHZF-2026-ZWY (26 line items and 7 clauses, still two pages);
- ``print_contract_p1.png`` and ``print_summary.png`` — page 1 of each for the README (80 dpi);
- ``print_article_markdown_after.png`` — an article body in Markdown (headings, list, bold, a pipe
  table, TeX residue) as printed: headings in synthetic bold, the table a real table (70 dpi).

Summaries are "prepared on" 3 December 2026, so the images do not change from day to day.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.ledger.importer import import_ledger  # noqa: E402
from services.printing.contract import write_contract_pdf  # noqa: E402
from services.printing.summary import write_summary_pdf  # noqa: E402
from services.register import contracts  # noqa: E402
from services.register.contract_data import ArticleData, ContractData, LineItemData, PartyData  # noqa: E402
from services.store import open_store  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PREPARED = dt.date(2026, 12, 3)

#: The article of the before/after images: what a .docx or a scan conversion leaves.
ARTICLE = """## 一、技术要求
#### (1) 云主机
1. 主频 $\\geq 2.4$GHz，内存 \\geq 64G；
2. 机柜面积 20\\text{m}^2，功率 \\leq 5kW；
- **重要**：7*24 小时值守

| 序号 | 名称 | 单价（元） | 数量 | 金额（元） |
|---:|---|---:|---:|---:|
""" + "\n".join(f"| {k} | 云主机服务 vCPU {k} 号资源池 | 1,395,800.00 | 12 | 16,749,600.00 |" for k in (1, 2, 3)) + """

以上价格含税 \\times 1.06。"""


def pages(pdf: Path, stem: str, dpi: int, first: int | None = None, last: int | None = None) -> None:
    """``pdftoppm`` of ``pdf`` into ``OUT/stem-N.png`` (or ``OUT/stem.png`` for a single page)."""
    span = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    single = first is not None and first == last
    target = OUT / stem
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), *span, *(["-singlefile"] if single else []),
                    str(pdf), str(target)], check=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        store = open_store(work / "sample.db")
        import_ledger(store, ROOT / "resources" / "sample_ledger")
        with store.session() as session:
            bjmemc = contracts.load_by_no(session, "BJMEMC-2025174-ZC")
            whzf = contracts.load_by_no(session, "WHZF-2026-ZWY")
        store.close()
        contract = write_contract_pdf(bjmemc, work / "bjmemc.pdf").path
        summary = write_summary_pdf(bjmemc, work / "bjmemc-summary.pdf", today=PREPARED).path
        long_summary = write_summary_pdf(whzf, work / "whzf-summary.pdf", today=PREPARED).path
        pages(contract, "print_bjmemc_contract", 50)
        pages(summary, "print_bjmemc_summary", 50)
        pages(long_summary, "print_whzf_summary", 50)
        pages(contract, "print_contract_p1", 80, 1, 1)
        pages(summary, "print_summary", 80, 1, 1)
        example = ContractData(
            contract_no="MD-2026-001", title="Markdown 条款示例合同", total_amount=Decimal("100.00"),
            parties=[PartyData(role="甲方", name="甲单位"), PartyData(role="乙方", name="乙公司")],
            line_items=[LineItemData(seq=1, name="服务", amount=Decimal("100.00"))],
            articles=[ArticleData(seq=1, heading="附件1 技术要求", body=ARTICLE)],
        )
        pages(write_contract_pdf(example, work / "article.pdf").path, "print_article_markdown_after", 70, 1, 1)


if __name__ == "__main__":
    main()
