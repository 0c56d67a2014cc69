"""Consortium contracts (issue 14): parties' ``consortium_lead`` (spec v2) through the store
(migration 0015), the ledger CSV and workbook, the summary's "联合体 / Consortium" row with every
member's share, and the contract print-out naming the lead; and the ``other_signatories``
extension column, written only when a party has one.

Hand-checked figures: total ¥2,400,000.00; 乙方 1,600,000.00 = 66.666…% → 66.67%; 丙方 800,000.00
= 33.333…% → 33.33%.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import inspect

from services.ledger import values
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.workbook_write import export_to
from services.ledger.write import export_ledger
from services.printing.consortium import contract_note, is_consortium, lead, member_lines, share_percent
from services.printing.contract import write_contract_pdf
from services.printing.summary import write_summary_pdf
from services.register import contracts
from services.register.contract_data import ContractData, LineItemData, PartyData
from services.store import Store, current_revision, head_revision, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER

NUMBER = "LHT-2026-7"
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def consortium(*, lead_role: str | None = "乙方", others: str | None = None) -> ContractData:
    return ContractData(
        contract_no=NUMBER, title="政务云联合体服务合同", title_en="Government cloud consortium service contract",
        total_amount=Decimal("2400000.00"),
        parties=[
            PartyData(role="甲方", name="北京市某监测中心", name_en="Beijing Monitoring Center",
                      other_signatories=others),
            PartyData(role="乙方", name="首信云技术有限公司", name_en="Capinfo Cloud Technology Co., Ltd.",
                      share_amount=Decimal("1600000.00"), consortium_lead=lead_role == "乙方"),
            PartyData(role="丙方", name="北京云安科技有限公司", share_amount=Decimal("800000.00"),
                      consortium_lead=lead_role == "丙方"),
        ],
        line_items=[LineItemData(seq=1, name="云服务器", name_en="Cloud server", amount=Decimal("1600000.00"),
                                 party_role="乙方"),
                    LineItemData(seq=2, name="安全服务", name_en="Security services", amount=Decimal("800000.00"),
                                 party_role="丙方")],
    )


def flat(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def spec_parties_columns() -> list[str]:
    """The parties.csv columns of spec v2, in order, from the format's table in docs/csv-format.md."""
    text = (ROOT / "docs" / "csv-format.md").read_text(encoding="utf-8")
    section = text.split("## parties.csv", 1)[1].split("\n## ", 1)[0]
    return [m.group(1) for m in re.finditer(r"^\| ([a-z_]+) \|", section, re.MULTILINE) if m.group(1) != "column"]


def header(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# --- the rule, without Qt or PDF ---------------------------------------------------------------


def test_members_shares_and_lead_in_both_languages() -> None:
    data = consortium()
    assert is_consortium(data) and lead(data) is data.parties[1]
    assert share_percent(data.parties[1], data.total_amount) == Decimal("66.67")
    assert share_percent(data.parties[2], data.total_amount) == Decimal("33.33")
    assert member_lines(data) == [
        ("乙方 首信云技术有限公司（牵头人）：分摊金额 ¥1,600,000.00，占合同总价 66.67%",
         "Party B Capinfo Cloud Technology Co., Ltd. (lead member): share ¥1,600,000.00, 66.67% of the total"),
        ("丙方 北京云安科技有限公司：分摊金额 ¥800,000.00，占合同总价 33.33%",
         "Party C 北京云安科技有限公司 (Chinese only): share ¥800,000.00, 33.33% of the total"),
    ]
    assert contract_note(data) == "乙方、丙方组成联合体，联合体牵头人：乙方 首信云技术有限公司。"


def test_whole_percent_and_missing_share_and_missing_lead() -> None:
    data = consortium(lead_role=None)
    data.parties[1].share_amount = Decimal("1200000.00")
    data.parties[2].share_amount = None
    assert member_lines(data)[0][0] == "乙方 首信云技术有限公司：分摊金额 ¥1,200,000.00，占合同总价 50%"
    assert member_lines(data)[1] == ("丙方 北京云安科技有限公司：未载明分摊金额",
                                     "Party C 北京云安科技有限公司 (Chinese only): share not stated")
    assert contract_note(data) == "乙方、丙方组成联合体，联合体牵头人未载明。"


def test_an_ordinary_contract_is_no_consortium() -> None:
    data = consortium(lead_role=None)
    data.parties = data.parties[:2]  # one supplier, with a share: not a consortium
    assert not is_consortium(data) and member_lines(data) == [] and contract_note(data) is None


@pytest.mark.parametrize(("text", "flag"), [("yes", True), ("YES", True), ("是", True), ("1", True), ("√", True),
                                            ("no", False), ("否", False), ("0", False), ("false", False)])
def test_the_reader_takes_yes_and_no_words(text: str, flag: bool) -> None:
    assert values.parse_flag(text) is flag


# --- on paper -----------------------------------------------------------------------------------


def test_summary_prints_the_consortium_row(tmp_path: Path) -> None:
    text = flat(write_summary_pdf(consortium(), tmp_path / "s.pdf").path)
    squeezed = "".join(text.split())
    assert "联合体" in text and "Consortium" in text
    assert "乙方首信云技术有限公司（牵头人）：分摊金额¥1,600,000.00，占合同总价66.67%" in squeezed
    assert "丙方北京云安科技有限公司：分摊金额¥800,000.00，占合同总价33.33%" in squeezed
    assert "(lead member): share ¥1,600,000.00, 66.67% of the total" in " ".join(text.split())
    assert "share ¥800,000.00, 33.33% of the total" in " ".join(text.split())
    english = [line for line in text.splitlines() if "of the total" in line]
    assert english and all(not _CJK.search(line.replace("北京云安科技有限公司 (Chinese only)", "")) for line in english)


def test_contract_print_out_names_the_lead(tmp_path: Path) -> None:
    text = "".join(flat(write_contract_pdf(consortium(lead_role="丙方"), tmp_path / "c.pdf").path).split())
    assert "乙方、丙方组成联合体，联合体牵头人：丙方北京云安科技有限公司。" in text
    assert "北京云安科技有限公司（联合体牵头人）" in text and "首信云技术有限公司（联合体成员）" in text
    assert "分摊金额¥800,000.00" in text


# --- the store and the ledger ----------------------------------------------------------------


def test_lead_survives_save_and_the_csv_round_trip_and_the_header_is_spec_v2(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        contracts.save(session, consortium())
    with store.session() as session:
        assert [p.consortium_lead for p in contracts.load_by_no(session, NUMBER).parties] == [False, True, False]
        first = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "one")}
    assert header(first["parties.csv"]) == spec_parties_columns()  # no other_signatories: exactly v2
    rows = list(csv.DictReader(io.StringIO(first["parties.csv"].decode("utf-8-sig"))))
    assert [r["consortium_lead"] for r in rows] == ["", "yes", ""]
    again = open_store(tmp_path / "again.db")
    try:
        import_ledger(again, tmp_path / "one")
        with again.session() as session:
            second = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "two")}
    finally:
        again.close()
    assert first == second


def test_other_signatories_column_only_when_a_party_has_one(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        contracts.save(session, consortium(others="部门负责人、经办人"))
        first = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "one")}
    assert header(first["parties.csv"]) == [*spec_parties_columns(), "other_signatories"]
    assert first["parties.csv"].decode("utf-8-sig").splitlines()[1].endswith(",部门负责人、经办人")
    again = open_store(tmp_path / "again.db")
    try:
        import_ledger(again, tmp_path / "one")
        with again.session() as session:
            assert contracts.load_by_no(session, NUMBER).parties[0].other_signatories == "部门负责人、经办人"
            second = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "two")}
    finally:
        again.close()
    assert first == second


def test_the_samples_export_exactly_spec_v2(store: Store, tmp_path: Path) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        written = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "out")}
    assert header(written["parties.csv"]) == spec_parties_columns()
    assert written["parties.csv"] == (SAMPLE_LEDGER / "parties.csv").read_bytes()


@pytest.mark.parametrize("others", [None, "经办人"])
def test_workbook_carries_the_lead_and_the_extension_only_when_used(store: Store, tmp_path: Path,
                                                                   others: str | None) -> None:
    with store.session() as session:
        contracts.save(session, consortium(others=others))
        book = export_to(session, tmp_path / "book.xlsx")[0]
    sheet = load_workbook(book)["parties"]
    heads = [cell.value for cell in sheet[1]]
    assert heads == spec_parties_columns() + (["other_signatories"] if others else [])
    lead_column = heads.index("consortium_lead")
    assert [row[lead_column].value for row in sheet.iter_rows(min_row=2)] == [None, "yes", None]
    again = open_store(tmp_path / "again.db")
    try:
        import_ledger(again, book)
        with again.session() as session:
            parties = contracts.load_by_no(session, NUMBER).parties
            assert [p.consortium_lead for p in parties] == [False, True, False]
            assert parties[0].other_signatories == others
    finally:
        again.close()


def test_a_bad_lead_cell_names_file_row_and_column(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name in ("contracts.csv", "parties.csv"):
        (folder / name).write_bytes((SAMPLE_LEDGER / name).read_bytes())
    rows = list(csv.reader(io.StringIO((folder / "parties.csv").read_bytes().decode("utf-8-sig"))))
    rows[2][rows[0].index("consortium_lead")] = "maybe"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (folder / "parties.csv").write_bytes(buffer.getvalue().encode("utf-8-sig"))
    with pytest.raises(LedgerError) as info:
        import_ledger(store, folder)
    assert info.value.problems == ["parties.csv:3:consortium_lead: yes or no: 'maybe' [VALUE_NOT_FLAG]"]


def test_an_old_store_upgrades_through_0015_and_records_a_lead(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(ROOT / "tests" / "resources" / "db" / "contracts-0004.sqlite", path)
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert "consortium_lead" in {c["name"] for c in inspect(store.engine).get_columns("parties")}
        with store.session() as session:
            contract_id = contracts.find_id(session, "2026-021")
            upgraded = contracts.load(session, contract_id)
            assert [p.consortium_lead for p in upgraded.parties] == [False, False]
            upgraded.parties[1].consortium_lead = True
            contracts.save(session, upgraded, contract_id=contract_id)
        with store.session() as session:
            assert lead(contracts.load(session, contract_id)).role == "乙方"  # type: ignore[union-attr]
    finally:
        store.close()
