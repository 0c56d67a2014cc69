"""Removed files go to the Trash (issue 16: "remove (to the Trash if one exists)"): out of the contract's
files, the ledger and the signed-copy column, restorable as they were, deleted permanently from the Trash
with their bytes once no row references them; revision 0018 upgrades a store at 0014."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect

from services.attachments import files
from services.attachments import trash as file_trash
from services.errors import UserError
from services.history import HistoryAction, history
from services.ledger.write import export_ledger
from services.register import contracts, trash
from services.store import Store, current_revision, head_revision, open_store
from tests.amendment_cases import original

PDF = b"%PDF-1.4 both seals\n" + bytes(range(256)) * 4


def _contract(store: Store, number: str = "ZFY-2026-001") -> int:
    data = original()
    data.contract_no = number
    with store.session() as session:
        return contracts.save(session, data)


def test_a_removed_file_waits_in_the_trash_and_comes_back_as_it_was(store: Store) -> None:
    contract_id = _contract(store)
    with store.session() as session:
        added = files.add_bytes(session, contract_id, PDF, "盖章版.pdf", kind="signed_copy", note="两方盖章",
                                today=dt.date(2026, 1, 5)).row
    with store.session() as session:
        removed = file_trash.to_trash(session, added.id)
    with store.session() as session:
        assert files.attachments(session, contract_id) == []
        assert files.with_signed_copy(session, [contract_id]) == set()
        [waiting] = file_trash.trashed_files(session)
        assert files.blob_count(session) == 1 and files.content(session, added.sha256) == PDF
    assert (waiting.id, waiting.contract_no, waiting.file_name, waiting.size) == (
        added.id, "ZFY-2026-001", "盖章版.pdf", len(PDF))
    assert removed == added
    with store.session() as session:
        back = file_trash.restore_file(session, added.id)
    assert back == added  # name, kind, note, date added as they were
    with store.session() as session:
        assert file_trash.trashed_files(session) == []
        assert files.with_signed_copy(session, [contract_id]) == {contract_id}
        actions = [e.action for e in history(session, contract_id=contract_id)]
    assert actions.count(HistoryAction.ATTACHMENT) == 3  # added, to the Trash, restored


def test_deleting_permanently_keeps_bytes_another_row_references(store: Store) -> None:
    one, two = _contract(store), _contract(store, "ZFY-2026-002")
    with store.session() as session:
        first = files.add_bytes(session, one, PDF, "a.pdf").row
        second = files.add_bytes(session, two, PDF, "b.pdf").row
        file_trash.to_trash(session, first.id)
        with pytest.raises(UserError) as caught:
            file_trash.purge_file(session, second.id)  # not in the Trash
        assert caught.value.code == "ATTACHMENT_NOT_IN_TRASH"
        file_trash.purge_file(session, first.id)
        assert files.blob_count(session) == 1  # contract two still keeps the bytes
        file_trash.to_trash(session, second.id)
        file_trash.purge_file(session, second.id)
        assert files.blob_count(session) == 0 and file_trash.trashed_files(session) == []
        with pytest.raises(UserError) as gone:
            file_trash.restore_file(session, second.id)
    assert gone.value.code == "ATTACHMENT_NO_SUCH_FILE"


def test_adding_the_same_file_again_takes_it_out_of_the_trash(store: Store) -> None:
    contract_id = _contract(store)
    with store.session() as session:
        added = files.add_bytes(session, contract_id, PDF, "old.pdf", kind="invoice").row
        file_trash.to_trash(session, added.id)
        again = files.add_bytes(session, contract_id, PDF, "new.pdf", kind="signed_copy")
        assert not again.already_here and (again.row.id, again.row.file_name, again.row.kind) == (
            added.id, "new.pdf", "signed_copy")
        assert file_trash.trashed_files(session) == []


def test_the_ledger_leaves_out_a_file_in_the_trash(store: Store, tmp_path: Path) -> None:
    contract_id = _contract(store)
    with store.session() as session:
        kept = files.add_bytes(session, contract_id, b"kept", "kept.pdf").row
        gone = files.add_bytes(session, contract_id, PDF, "gone.pdf").row
        file_trash.to_trash(session, gone.id)
        written = {path.relative_to(tmp_path / "out").as_posix() for path in export_ledger(session, tmp_path / "out")}
    assert f"attachments/{kept.sha256}" in written and f"attachments/{gone.sha256}" not in written
    assert "gone.pdf" not in (tmp_path / "out" / "attachments.csv").read_text(encoding="utf-8-sig")


def test_purging_a_contract_takes_its_files_in_the_trash_with_it(store: Store) -> None:
    contract_id = _contract(store)
    with store.session() as session:
        added = files.add_bytes(session, contract_id, PDF, "a.pdf").row
        file_trash.to_trash(session, added.id)
        trash.move_to_trash(session, contract_id)
    with store.session() as session:
        trash.purge(session, contract_id)
    with store.session() as session:
        assert file_trash.trashed_files(session) == []


def test_a_store_at_0014_upgrades_to_attachments_with_a_trash(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0014")
    assert current_revision(old.engine) == "0014"
    assert "deleted_at" not in {c["name"] for c in inspect(old.engine).get_columns("attachments")}
    old.close()
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert {"deleted_at", "deleted_by"} <= {c["name"] for c in inspect(store.engine).get_columns("attachments")}
        contract_id = _contract(store)
        with store.session() as session:
            added = files.add_bytes(session, contract_id, PDF, "a.pdf").row
            file_trash.to_trash(session, added.id)
            assert [t.file_name for t in file_trash.trashed_files(session)] == ["a.pdf"]
    finally:
        store.close()


def test_a_signed_copy_in_the_trash_no_longer_marks_the_contract_signed_in_the_list(store: Store) -> None:
    from services.register import listing

    contract_id = _contract(store)
    with store.session() as session:
        added = files.add_bytes(session, contract_id, PDF, "盖章版.pdf", kind="signed_copy").row
    unsigned = listing.ListQuery(unsigned_only=True)
    with store.session() as session:
        assert [row.signed for row in listing.page(session, listing.ListQuery(), 0, 10)] == [True]
        assert listing.count(session, unsigned) == 0
        file_trash.to_trash(session, added.id)
    with store.session() as session:
        assert [row.signed for row in listing.page(session, listing.ListQuery(), 0, 10)] == [False]
        assert [row.id for row in listing.page(session, unsigned, 0, 10)] == [contract_id]
        assert listing.count(session, unsigned) == 1
