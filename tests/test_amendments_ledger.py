"""amendments.csv and attachments.csv with attachments/<sha256> (issue 16; spec csv-format.md v2):
byte-identical round trips, old values checked against the register at file:row:column, the
files' hashes verified on import."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from services.amendments import register as amendments
from services.attachments import files
from services.ledger.importer import LedgerError, import_ledger
from services.ledger.write import export_ledger
from services.register import contracts
from services.store import Store, open_store
from tests.amendment_cases import AMENDMENT_NO, D, amendment, original

SCAN = b"%PDF-1.4 signed, both seals\n" + bytes(range(256)) * 8
INVOICE = b"<ofd>e-invoice</ofd>"


def _filled(store: Store, tmp_path: Path) -> int:
    (tmp_path / "scan.pdf").write_bytes(SCAN)
    (tmp_path / "发票.ofd").write_bytes(INVOICE)
    with store.session() as session:
        contract_id = contracts.save(session, original())
    with store.session() as session:
        amendments.record(session, contract_id, amendment(), version=1)
        files.add_file(session, contract_id, tmp_path / "scan.pdf", kind="signed_copy", note="=盖章版",
                       today=D(2026, 1, 5))
        files.add_file(session, contract_id, tmp_path / "发票.ofd", kind="invoice", today=D(2026, 2, 1))
    return contract_id


def _export(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        written = export_ledger(session, folder)
    return {str(path.relative_to(folder)): path.read_bytes() for path in written}


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


@pytest.mark.both_stores
def test_export_import_export_is_byte_identical_with_amendments_and_files(store: Store, tmp_path: Path) -> None:
    _filled(store, tmp_path)
    first = _export(store, tmp_path / "one")
    sha = hashlib.sha256(SCAN).hexdigest()
    assert f"attachments/{sha}" in first and first[f"attachments/{sha}"] == SCAN
    assert _rows(tmp_path / "one" / "amendments.csv")[1][:6] == [
        "ZFY-2026-001", AMENDMENT_NO, "2026-05-20", "2026-06-01", "1", "contract"]
    attachment_rows = _rows(tmp_path / "one" / "attachments.csv")
    assert attachment_rows[1] == ["ZFY-2026-001", sha, "scan.pdf", "signed_copy", "2026-01-05", "'=盖章版"]

    empty = open_store(tmp_path / "empty.db")
    try:
        import_ledger(empty, tmp_path / "one")
        second = _export(empty, tmp_path / "two")
        with empty.session() as session:
            contract_id = contracts.find_id(session, "ZFY-2026-001")
            assert contract_id is not None
            current = contracts.load(session, contract_id)
            kept = files.attachments(session, contract_id)
            assert [a.amendment_no for a in amendments.amendments(session, contract_id)] == [AMENDMENT_NO]
            assert amendments.load_as_of(session, contract_id, D(2026, 5, 31)) == original()
            assert {k.sha256 for k in kept} == {sha, hashlib.sha256(INVOICE).hexdigest()}
            assert files.content(session, sha) == SCAN
    finally:
        empty.close()
    assert current.total_amount == Decimal("135000.00")
    assert second == first


def test_a_zip_of_the_ledger_imports_its_files(store: Store, tmp_path: Path) -> None:
    _filled(store, tmp_path)
    _export(store, tmp_path / "one")
    archive = tmp_path / "ledger.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted((tmp_path / "one").rglob("*")):
            if path.is_file():
                handle.write(path, f"ledger/{path.relative_to(tmp_path / 'one')}")
    empty = open_store(tmp_path / "empty.db")
    try:
        result = import_ledger(empty, archive)
        assert not [w for w in result.warnings if "attachments/" in w]
        assert _export(empty, tmp_path / "two") == _export(store, tmp_path / "three")
    finally:
        empty.close()


def test_amendments_csv_alone_applies_to_the_register_and_checks_old_values(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        contract_id = contracts.save(session, original())
    source = open_store(tmp_path / "source.db")
    try:
        _filled(source, tmp_path)
        _export(source, tmp_path / "one")
    finally:
        source.close()
    alone = tmp_path / "alone"
    alone.mkdir()
    rows = _rows(tmp_path / "one" / "amendments.csv")
    assert rows[2][9] == "120000.00"  # change 2: total_amount's old value
    wrong = [list(row) for row in rows]
    wrong[2][9] = "110000.00"
    _write(alone / "amendments.csv", wrong)
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, alone / "amendments.csv")
    assert caught.value.problems[0].startswith("amendments.csv:3:old_value: ")
    with store.session() as session:
        assert contracts.load(session, contract_id).total_amount == Decimal("120000.00")
        assert amendments.amendments(session, contract_id) == []

    _write(alone / "amendments.csv", rows)
    import_ledger(store, alone / "amendments.csv")
    with store.session() as session:
        assert contracts.load(session, contract_id).total_amount == Decimal("135000.00")
        assert [a.changes for a in amendments.amendments(session, contract_id)] == [amendment().changes]
    import_ledger(store, alone / "amendments.csv")  # the same amendment again: kept, not applied twice
    with store.session() as session:
        assert contracts.load(session, contract_id).total_amount == Decimal("135000.00")


def test_an_exported_amendment_that_no_longer_matches_the_terms_is_rejected(store: Store, tmp_path: Path) -> None:
    _filled(store, tmp_path)
    _export(store, tmp_path / "one")
    rows = _rows(tmp_path / "one" / "contracts.csv")
    rows[1][rows[0].index("end_date")] = "2026-12-31"  # the amendment says it set 2026-09-30
    _write(tmp_path / "one" / "contracts.csv", rows)
    empty = open_store(tmp_path / "empty.db")
    try:
        with pytest.raises(LedgerError) as caught:
            import_ledger(empty, tmp_path / "one")
        assert caught.value.problems[0].startswith("amendments.csv:2:new_value: ")
    finally:
        empty.close()


@pytest.mark.parametrize(("cell", "value", "where"), [
    (5, "invoice", "amendments.csv:2:target"),
    (8, "replace", "amendments.csv:2:action"),
    (0, "NO-SUCH", "amendments.csv:2:contract_no"),
    (2, "2026-02-30", "amendments.csv:2:sign_date"),
])
def test_bad_amendment_rows_name_file_row_column(store: Store, tmp_path: Path, cell: int, value: str,
                                                 where: str) -> None:
    _filled(store, tmp_path)
    _export(store, tmp_path / "one")
    rows = _rows(tmp_path / "one" / "amendments.csv")
    rows[1][cell] = value
    _write(tmp_path / "one" / "amendments.csv", rows)
    empty = open_store(tmp_path / "empty.db")
    try:
        with pytest.raises(LedgerError) as caught:
            import_ledger(empty, tmp_path / "one")
        assert any(problem.startswith(where) for problem in caught.value.problems), caught.value.problems
    finally:
        empty.close()


@pytest.mark.parametrize("damage", ["changed", "missing", "bad_hash", "bad_kind"])
def test_a_damaged_or_missing_file_is_an_error_naming_it(store: Store, tmp_path: Path, damage: str) -> None:
    _filled(store, tmp_path)
    _export(store, tmp_path / "one")
    sha = hashlib.sha256(SCAN).hexdigest()
    blob = tmp_path / "one" / "attachments" / sha
    expected = f"one/attachments/{sha}: "
    if damage == "changed":
        blob.write_bytes(SCAN + b"tampered")
    elif damage == "missing":
        blob.unlink()
    else:
        rows = _rows(tmp_path / "one" / "attachments.csv")
        rows[1][1 if damage == "bad_hash" else 3] = "xyz"
        _write(tmp_path / "one" / "attachments.csv", rows)
        expected = "attachments.csv:2:" + ("sha256" if damage == "bad_hash" else "kind")
    empty = open_store(tmp_path / "empty.db")
    try:
        with pytest.raises(LedgerError) as caught:
            import_ledger(empty, tmp_path / "one")
        assert [p for p in caught.value.problems if p.startswith(expected)], caught.value.problems
        if damage == "changed":
            assert "SHA-256" in caught.value.problems[0]
        with empty.session() as session:
            assert files.blob_count(session) == 0
    finally:
        empty.close()
    shutil.rmtree(tmp_path / "one")
