"""The signature copy (issue 14): each party's signatory titled as the contract states it, further
signatories, a tax-id line (blank when none is recorded), the seal band of the cross-page seal
(骑缝章), and the columns that carry them through the store (migration 0012), the ledger and the
command line."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import inspect

import main
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.printing.contract import write_contract_pdf
from services.printing.signature import other_signatories, signatory_line
from services.register import contracts
from services.register.contract_data import ContractData, LineItemData, PartyData
from services.store import current_revision, head_revision, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER

STORE_0004 = ROOT / "tests" / "resources" / "db" / "contracts-0004.sqlite"


def contract(**parties: PartyData) -> ContractData:
    return ContractData(
        contract_no="SIG-2026-1", title="签署页测试合同", total_amount=Decimal("100.00"),
        parties=[PartyData(role="甲方", name="北京市某监测中心", signatory_title="负责人",
                           other_signatories="部门负责人、经办人", tax_id="12110000400709393P"),
                 PartyData(role="乙方", name="某某云技术有限公司", signatory_title="委托代理人")],
        line_items=[LineItemData(seq=1, name="服务", amount=Decimal("100.00"))],
    )


def last_page(path: Path) -> str:
    return "".join(PdfReader(path).pages[-1].extract_text().split())


def test_signatory_lines_follow_the_contracts_titles():
    assert signatory_line(PartyData(role="甲方", name="x")) == "法定代表人或授权代表（签字）："
    assert signatory_line(PartyData(role="甲方", name="x", signatory_title="负责人")) == "负责人或授权代表（签字）："
    assert signatory_line(PartyData(role="乙方", name="x", signatory_title="授权代表")) == "授权代表（签字）："
    assert other_signatories(PartyData(role="甲方", name="x", other_signatories="经办人，部门负责人; ")) == [
        "经办人", "部门负责人"]


def test_signature_page_prints_titles_extra_signatories_and_tax_id_lines(tmp_path):
    text = last_page(write_contract_pdf(contract(), tmp_path / "c.pdf").path)
    assert "负责人或授权代表（签字）" in text and "委托代理人（签字）" in text
    assert "法定代表人" not in text  # neither party is titled so
    assert "部门负责人（签字）" in text and "经办人（签字）" in text
    assert "纳税人识别号：12110000400709393P" in text
    assert "纳税人识别号：____" in text  # Party B has none recorded: a line to write it on
    assert text.count("日期：") == 2


def test_the_seal_band_is_on_every_page_only_when_asked(tmp_path):
    data = contract()
    data.line_items = [LineItemData(seq=k, name=f"服务 {k}", amount=Decimal("1.00")) for k in range(1, 101)]
    data.total_amount = Decimal("100.00")
    with_seam = PdfReader(write_contract_pdf(data, tmp_path / "s.pdf", seam=True).path)
    assert len(with_seam.pages) >= 3
    assert all("骑缝章" in "".join(page.extract_text().split()) for page in with_seam.pages)
    without = PdfReader(write_contract_pdf(data, tmp_path / "n.pdf").path)
    assert not any("骑缝章" in "".join(page.extract_text().split()) for page in without.pages)


def test_signatories_survive_save_load_and_the_ledger_round_trip(store, tmp_path):
    with store.session() as session:
        contracts.save(session, contract())
    with store.session() as session:
        party = contracts.load_by_no(session, "SIG-2026-1").parties[0]
        assert (party.signatory_title, party.other_signatories) == ("负责人", "部门负责人、经办人")
        first = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "one")}
    assert "签字人职务" not in first["parties.csv"].decode("utf-8-sig").splitlines()[0]  # English header
    assert "signatory_title" in first["parties.csv"].decode("utf-8-sig").splitlines()[0]
    again = open_store(tmp_path / "again.db")
    try:
        import_ledger(again, tmp_path / "one")
        with again.session() as session:
            second = {p.name: p.read_bytes() for p in export_ledger(session, tmp_path / "two")}
    finally:
        again.close()
    assert first == second


def test_upgrade_adds_the_signatory_columns_to_an_old_store(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(STORE_0004, path)
    upgraded = open_store(path)
    try:
        assert current_revision(upgraded.engine) == head_revision()
        columns = {column["name"] for column in inspect(upgraded.engine).get_columns("parties")}
        assert {"signatory_title", "other_signatories"} <= columns
        with upgraded.session() as session:
            data = contracts.load_by_no(session, "2026-021")
            assert all(p.signatory_title is None for p in data.parties)  # default: 法定代表人
            data.parties[0].signatory_title = "负责人"
            contract_id = contracts.find_id(session, "2026-021")
            contracts.save(session, data, contract_id=contract_id)
        with upgraded.session() as session:
            assert contracts.load_by_no(session, "2026-021").parties[0].signatory_title == "负责人"
    finally:
        upgraded.close()


def test_cli_seam_flag(tmp_path, capsys):
    db = tmp_path / "x.db"
    assert main.run_command(["import", str(SAMPLE_LEDGER), "--db", str(db)]) == 0
    out = tmp_path / "c.pdf"
    assert main.run_command(["print", "2026-021", "--out", str(out), "--db", str(db), "--seam"]) == 0
    capsys.readouterr()
    assert all("骑缝章" in "".join(page.extract_text().split()) for page in PdfReader(out).pages)
