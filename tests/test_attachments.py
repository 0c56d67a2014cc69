"""Files kept with a contract (issue 16), without Qt: stored once by SHA-256, 200 MB at most,
unreadable files refused, extracted as they were, removed with their bytes when unused."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from services import history
from services.attachments import files
from services.changes import ChangeKind
from services.errors import UserError
from services.history import HistoryAction
from services.register import contracts
from services.store import Store
from tests.amendment_cases import original

PDF = b"%PDF-1.4\n% signed copy with both seals\n" + bytes(range(256)) * 40


def _contract(store: Store, number: str = "ZFY-2026-001") -> int:
    data = original()
    data.contract_no = number
    with store.session() as session:
        return contracts.save(session, data)


@pytest.mark.both_stores
def test_a_file_is_kept_with_its_hash_and_extracted_byte_for_byte(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "合同扫描件.pdf"
    source.write_bytes(PDF)
    contract_id = _contract(store)
    with store.session() as session:
        added = files.add_file(session, contract_id, source, kind="signed_copy", note="双方盖章",
                               today=dt.date(2026, 1, 5))
        announced = history.changes(session)
    assert added.stored and not added.already_here
    assert added.row.sha256 == hashlib.sha256(PDF).hexdigest()
    assert contract_id in announced.contract_ids and ChangeKind.CONTRACTS in announced.kinds
    with store.session() as session:
        rows = files.attachments(session, contract_id)
        written = files.extract(session, contract_id, tmp_path / "out")
        assert files.with_signed_copy(session, [contract_id, 999]) == {contract_id}
        assert history.history(session, contract_id=contract_id)[-1].action == HistoryAction.ATTACHMENT
    assert [(r.file_name, r.kind, r.added_date, r.note, r.size) for r in rows] == [
        ("合同扫描件.pdf", "signed_copy", dt.date(2026, 1, 5), "双方盖章", len(PDF))]
    assert [p.name for p in written] == ["合同扫描件.pdf"]
    assert written[0].read_bytes() == PDF
    assert written[0].stat().st_mode & 0o777 == 0o600


@pytest.mark.both_stores
def test_the_same_file_twice_is_stored_once_and_says_so(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "copy of a.pdf"
    first.write_bytes(PDF)
    second.write_bytes(PDF)
    one, two = _contract(store), _contract(store, "ZFY-2026-002")
    with store.session() as session:
        assert files.add_file(session, one, first).stored
        again = files.add_file(session, one, second)
        elsewhere = files.add_file(session, two, second)
        assert files.blob_count(session) == 1
    assert again.already_here and not again.stored
    assert not elsewhere.already_here and not elsewhere.stored
    with store.session() as session:
        assert len(files.attachments(session, one)) == 1
        files.remove(session, files.attachments(session, one)[0].id)
        assert files.blob_count(session) == 1  # contract two still keeps it
        files.remove(session, files.attachments(session, two)[0].id)
        assert files.blob_count(session) == 0


def test_a_file_of_200_mb_and_one_byte_is_refused_before_it_is_read(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as handle:  # sparse: no 200 MB written
        handle.truncate(files.MAX_BYTES + 1)
    contract_id = _contract(store)
    with pytest.raises(UserError) as caught, store.session() as session:
        files.add_file(session, contract_id, big)
    assert caught.value.code == "ATTACHMENT_TOO_LARGE"
    assert "huge.pdf" in str(caught.value) and "200.0 MB" in str(caught.value)
    with store.session() as session:
        assert files.attachments(session, contract_id) == []


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_an_unreadable_file_is_refused_with_its_name(store: Store, tmp_path: Path, make: str) -> None:
    path = tmp_path / "scan.pdf"
    if make == "folder":
        path.mkdir()
    contract_id = _contract(store)
    with pytest.raises(UserError) as caught, store.session() as session:
        files.add_file(session, contract_id, path)
    assert caught.value.code == "ATTACHMENT_UNREADABLE" and "scan.pdf" in str(caught.value)


def test_an_unknown_kind_is_refused(store: Store) -> None:
    contract_id = _contract(store)
    with pytest.raises(UserError) as caught, store.session() as session:
        files.add_bytes(session, contract_id, b"x", "x.txt", kind="receipt")
    assert caught.value.code == "ATTACHMENT_KIND"


def test_size_text() -> None:
    assert [files.size_text(n) for n in (812, 3481, files.MAX_BYTES)] == ["812 B", "3.4 KB", "200.0 MB"]


def test_a_removed_file_is_restored_as_it_was_until_its_bytes_are_purged(store: Store, tmp_path: Path) -> None:
    from services.attachments import undo

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    one = _contract(store)
    with store.session() as session:
        added = files.add_file(session, one, scan, kind="signed_copy", note="两方盖章", today=dt.date(2026, 1, 5)).row
        removed = files.remove(session, added.id, keep_bytes=True)
        assert files.attachments(session, one) == [] and files.blob_count(session) == 1
        back = undo.restore(session, removed)
    assert (back.file_name, back.kind, back.note, back.added_date, back.sha256) == (
        "scan.pdf", "signed_copy", "两方盖章", dt.date(2026, 1, 5), added.sha256)
    with store.session() as session:
        again = files.remove(session, back.id, keep_bytes=True)
        assert undo.purge_unused(session, keep={again.sha256}) == 0
        assert undo.purge_unused(session) == 1
        with pytest.raises(UserError) as caught:
            undo.restore(session, again)
    assert caught.value.code == "ATTACHMENT_GONE" and "scan.pdf" in caught.value.message("zh")
