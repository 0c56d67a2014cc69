"""A register on a PostgreSQL server (issue 17): roles refused by the server, two users saving the
same contract, copy-store between SQLite and PostgreSQL, pg_dump backups, URLs and their passwords.

Needs the test server (``CONTRACTDESK_TEST_PG``, ``.ci/postgres.sh``); skipped with the reason
without one, except the tests that need no server (URLs, a missing pg_dump, the grant rules).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from services import backup_pg, store_roles, store_stats
from services.amendments import register as amendments
from services.attachments import files
from services.backup import backup_now
from services.copy_store import COPY_TARGET_NOT_EMPTY, copy_store
from services.errors import UserError
from services.history import HistoryAction, history
from services.ledger.importer import import_ledger
from services.ledger.write import export_ledger
from services.payments.record import record_payment, remove_payment
from services.register import contracts
from services.register.contract_data import PaymentData
from services.register.contracts import ConflictError
from services.store import Store, StoreError, open_store, resolve_db_path
from services.store_pg import STORE_DENIED, STORE_UNREACHABLE, display_url, is_server_url
from tests.amendment_cases import AMENDMENT_NO, amendment, original
from tests.conftest import SAMPLE_LEDGER

NUMBER = "2026-021"


def _as(url: str, user: str) -> str:
    """``url`` with another database user (the test server trusts local users: no password)."""
    return make_url(url).set(username=user).render_as_string(hide_password=False)


@pytest.fixture
def samples(pg_store: Store) -> Store:
    import_ledger(pg_store, SAMPLE_LEDGER)
    return pg_store


@pytest.fixture
def people(samples: Store) -> Iterator[dict[str, str]]:
    """Login roles of this session, one per ContractDesk role plus a second officer: role -> user."""
    suffix = os.getpid()
    users = {role: f"cd_{role}_{suffix}" for role in (*store_roles.ROLES, "officer2")}
    with samples.engine.begin() as connection:
        for role, user in users.items():
            store_roles.grant(connection, user, role.rstrip("2"), create_login=True)
    yield users
    with samples.engine.begin() as connection:
        for user in users.values():
            connection.execute(text(f'DROP OWNED BY "{user}"'))
            connection.execute(text(f'DROP ROLE "{user}"'))


def _edit(store: Store, change: str) -> contracts.ContractData:
    with store.session() as session:
        data = contracts.load_by_no(session, NUMBER)
    data.title = change
    return data


def _save(store: Store, data: contracts.ContractData) -> None:
    with store.session(write=True) as session:
        contracts.save(session, data, contract_id=contracts.find_id(session, NUMBER))


def test_a_viewer_may_read_but_the_server_refuses_a_save(samples: Store, people: dict[str, str]) -> None:
    viewer = open_store(_as(samples.location, people["viewer"]))
    try:
        assert viewer.db_user == people["viewer"]
        with viewer.engine.connect() as connection:
            assert store_roles.role_of(connection) == "viewer"
        data = _edit(viewer, "看看而已")  # reading works
        with pytest.raises(StoreError) as refused:
            _save(viewer, data)
        assert refused.value.code == STORE_DENIED
        assert people["viewer"] in str(refused.value)
    finally:
        viewer.close()
    with samples.session() as session:
        assert contracts.load_by_no(session, NUMBER).title != "看看而已"  # nothing half-saved


def test_finance_may_record_payments_but_not_change_line_items(samples: Store, people: dict[str, str]) -> None:
    finance = open_store(_as(samples.location, people["finance"]))
    try:
        with finance.engine.begin() as connection:  # the installments' paid columns are finance's
            connection.execute(text("UPDATE installments SET paid_date = DATE '2026-06-30' WHERE id = "
                                    "(SELECT min(id) FROM installments)"))
        with pytest.raises(StoreError) as refused, finance.session() as session:  # their terms are not
            session.execute(text("UPDATE installments SET percent = '100'"))
        assert refused.value.code == STORE_DENIED
        data = _edit(finance, "财务改了条款")
        data.line_items[0].quantity += 1
        with pytest.raises(StoreError) as refused:
            _save(finance, data)
        assert refused.value.code == STORE_DENIED
        with pytest.raises(StoreError) as refused, finance.session() as session:
            session.execute(text("DELETE FROM line_items"))
        assert refused.value.code == STORE_DENIED
    finally:
        finance.close()


def test_only_the_admin_writes_the_holiday_table(samples: Store, people: dict[str, str]) -> None:
    officer = open_store(_as(samples.location, people["officer"]))
    try:
        with pytest.raises(StoreError) as refused, officer.session() as session:
            session.execute(text("DELETE FROM holidays"))
        assert refused.value.code == STORE_DENIED
        _save(officer, _edit(officer, "经办人可以改合同"))  # but edits contracts
    finally:
        officer.close()


def test_two_users_save_the_same_contract_the_second_is_told_who(samples: Store, people: dict[str, str]) -> None:
    first = open_store(_as(samples.location, people["officer"]))
    second = open_store(_as(samples.location, people["officer2"]))
    try:
        mine, theirs = _edit(first, "甲先保存"), _edit(second, "乙后保存")
        _save(first, mine)
        with pytest.raises(ConflictError) as refused:
            _save(second, theirs)
        assert refused.value.changes[-1].user == people["officer"]
        assert people["officer"] in str(refused.value)
        retry = _edit(second, "乙重新保存")  # nothing lost: B reloads and saves on top
        _save(second, retry)
    finally:
        first.close()
        second.close()
    with samples.session() as session:
        saves = [row for row in history(session) if row.action == HistoryAction.SAVE]
        assert contracts.load_by_no(session, NUMBER).title == "乙重新保存"
    assert [row.user for row in saves[-2:]] == [people["officer"], people["officer2"]]


def test_two_processes_as_two_users_save_the_same_contract(samples: Store, people: dict[str, str]) -> None:
    """Issue 17's "done when": two processes, two database users, one contract — the second save
    is refused naming the first user, and the history shows both users' saves."""
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    def start(user: str, title: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "tests.pg_save_worker", _as(samples.location, user),
                                 NUMBER, title], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def loaded(worker: subprocess.Popen[str]) -> None:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "loaded"

    def go(worker: subprocess.Popen[str]) -> dict[str, object]:
        out, _err = worker.communicate("go\n", timeout=60)
        assert worker.returncode == 0
        return dict(json.loads(out.strip().splitlines()[-1]))

    first = start(people["officer"], "甲进程保存")
    second = start(people["officer2"], "乙进程保存")
    try:
        loaded(first)
        loaded(second)  # both hold the same version
        assert go(first) == {"saved": True}
        refused = go(second)
    finally:
        for worker in (first, second):
            if worker.poll() is None:
                worker.kill()
    assert refused["refused"] == "CONTRACT_CONFLICT" and refused["user"] == people["officer"]
    assert people["officer"] in str(refused["message"])
    with samples.session() as session:
        assert contracts.load_by_no(session, NUMBER).title == "甲进程保存"
        saves = [row for row in history(session) if row.action == HistoryAction.SAVE]
    retry = _edit(open_second := open_store(_as(samples.location, people["officer2"])), "乙进程重新保存")
    try:
        _save(open_second, retry)  # the second user reloads and saves: nothing lost, both in the history
    finally:
        open_second.close()
    with samples.session() as session:
        users = [row.user for row in history(session) if row.action == HistoryAction.SAVE]
    assert [row.user for row in saves][-1:] == [people["officer"]]
    assert users[-2:] == [people["officer"], people["officer2"]]


def test_copy_store_sqlite_to_server_and_back_exports_byte_identical(pg_store: Store, tmp_path: Path) -> None:
    source, back = tmp_path / "source.db", tmp_path / "back.db"
    opened = open_store(source)
    try:
        import_ledger(opened, SAMPLE_LEDGER)
    finally:
        opened.close()
    pg_store.close()
    there = copy_store(str(source), pg_store.location)
    assert {table.table for table in there} >= {"contracts", "line_items", "history"}
    assert next(table for table in there if table.table == "contracts").rows == 3
    returned = copy_store(pg_store.location, str(back))
    assert [(t.table, t.rows, t.checksum) for t in returned] == [(t.table, t.rows, t.checksum) for t in there]
    exports = []
    for name in (source, back):
        store = open_store(name)
        try:
            with store.session() as session:
                folder = tmp_path / f"export-{Path(name).stem}"
                export_ledger(session, folder)
        finally:
            store.close()
        exports.append({path.name: path.read_bytes() for path in sorted(folder.iterdir())})
    assert exports[0] == exports[1] and exports[0]
    with pytest.raises(UserError) as refused:
        copy_store(str(source), pg_store.location)  # the server register is no longer empty
    assert refused.value.code == COPY_TARGET_NOT_EMPTY


def test_money_above_32_bits_of_fen_is_exact_on_the_server(samples: Store) -> None:
    data = _edit(samples, "大额合同")
    data.total_amount = Decimal("98765432109.87")  # 9.9 trillion fen: a 32-bit column would overflow
    _save(samples, data)
    with samples.session() as session:
        assert contracts.load_by_no(session, NUMBER).total_amount == Decimal("98765432109.87")


def test_backup_on_a_server_is_a_pg_dump(samples: Store, tmp_path: Path) -> None:
    if backup_pg.tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    made = backup_now(samples, tmp_path / "register.dump")
    assert made.stat().st_size > 0 and made.stat().st_mode & 0o077 == 0
    assert made.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format


def test_without_pg_dump_the_backup_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from types import SimpleNamespace

    monkeypatch.setattr(backup_pg, "tool", lambda _name: None)
    store = SimpleNamespace(url="postgresql://clerk:secret@db.example/contracts", location="x")
    with pytest.raises(StoreError) as refused:
        backup_pg.dump(store, tmp_path / "x.dump")  # type: ignore[arg-type]
    assert refused.value.code == backup_pg.PG_TOOL_MISSING
    assert "apt install postgresql-client" in str(refused.value) and "secret" not in str(refused.value)
    assert not (tmp_path / "x.dump").exists()


def test_urls_name_a_server_and_never_show_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_server_url("postgresql://clerk@db.example:5432/contracts")
    assert is_server_url("postgres://db.example/contracts")
    assert not is_server_url("/home/clerk/contracts.db")
    assert display_url("postgresql://clerk:s3cret@db.example:5432/contracts") == \
        "postgresql://clerk@db.example:5432/contracts"
    monkeypatch.setenv("CONTRACTDESK_DB", "postgresql://clerk@db.example/contracts")
    assert resolve_db_path(None) == "postgresql://clerk@db.example/contracts"


def test_an_unreachable_server_is_a_message_not_a_traceback() -> None:
    with pytest.raises(StoreError) as refused:
        open_store("postgresql://clerk:s3cret@127.0.0.1:9/contracts")  # port 9: nothing listens
    assert refused.value.code == STORE_UNREACHABLE
    assert "s3cret" not in str(refused.value) and "~/.pgpass" in str(refused.value)


def test_grants_follow_the_tables_of_the_models() -> None:
    import models

    rules = store_roles.grants([*models.Base.metadata.tables, "payments"])
    assert all(("SELECT", table) in rules["viewer"] for table in models.Base.metadata.tables)
    assert not any(privileges != "SELECT" for privileges, _table in rules["viewer"])
    assert ("INSERT, UPDATE, DELETE", "payments") in rules["finance"]  # a table added later: covered
    assert ("INSERT, UPDATE, DELETE", "line_items") not in rules["finance"]
    assert [p for p, table in rules["finance"] if table == "installments"] == [
        "SELECT", "UPDATE (paid_date, paid_amount)"]
    for table in ("amendments", "amendment_changes", "attachments", "attachment_blobs"):
        assert [p for p, t in rules["finance"] if t == table] == ["SELECT"]  # the officer's, not finance's
        assert ("INSERT, UPDATE, DELETE", table) in rules["officer"]
    assert ("INSERT, UPDATE, DELETE", "holidays") not in rules["officer"]
    assert ("INSERT", "history") in rules["officer"] and ("INSERT, UPDATE, DELETE", "history") not in rules["officer"]


def test_restore_of_a_pg_dump_brings_the_register_back(samples: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from services import store_pg
    from services.backup import restore

    monkeypatch.setattr(store_pg, "local_path", lambda _url: tmp_path / "server" / "register.db")

    if backup_pg.tool("pg_restore") is None:
        pytest.skip("pg_restore is not installed")
    made = backup_now(samples, tmp_path / "before.dump")
    _save(samples, _edit(samples, "备份之后的修改"))
    samples.close()
    safety = restore(samples.location, made)
    assert safety is not None and safety.read_bytes().startswith(b"PGDMP")
    assert safety.parent == tmp_path / "server" / "backups"
    again = open_store(samples.location)
    try:
        with again.session() as session:
            assert contracts.load_by_no(session, NUMBER).title != "备份之后的修改"
            assert not store_stats.missing(session.connection())  # pg_restore's tables analyzed (issue 18)
    finally:
        again.close()


def test_an_older_server_register_is_upgraded_to_head(pg_database: str) -> None:
    from services.store import current_revision, head_revision
    from tests import pg_server

    name = f"contractdesk_old{os.getpid()}"
    url = pg_server.create_database(name)
    try:
        old = open_store(url, target="0004")
        try:
            assert current_revision(old.engine) == "0004"
        finally:
            old.close()
        upgraded = open_store(url)
        try:
            assert current_revision(upgraded.engine) == head_revision()
            import_ledger(upgraded, SAMPLE_LEDGER)
            with upgraded.session() as session:
                assert contracts.count(session) == 3
        finally:
            upgraded.close()
    finally:
        pg_server.drop_database(name)


# ----- roles on the payments, amendments and attachments (issues 15 and 16) -------------------


def _amended_contract(store: Store) -> int:
    """The contract of issue 16's cases (``original()``), saved by the owner: its id."""
    with store.session() as session:
        return contracts.save(session, original())


def _pay(store: Store, contract_id: int, amount: str) -> PaymentData:
    with store.session(write=True) as session:
        return record_payment(session, contract_id, PaymentData(0, dt.date(2026, 1, 20), Decimal(amount), 1,
                                                                invoice_no="No.0001"))


def _refused(action: Callable[[], object]) -> StoreError:
    with pytest.raises(StoreError) as refused:
        action()
    assert refused.value.code == STORE_DENIED
    return refused.value


def test_finance_records_and_removes_payments_but_no_amendment_or_file(samples: Store, people: dict[str, str],
                                                                      tmp_path: Path) -> None:
    contract_id = _amended_contract(samples)
    (tmp_path / "发票.ofd").write_bytes(b"<ofd/>")
    finance = open_store(_as(samples.location, people["finance"]))
    try:
        assert _pay(finance, contract_id, "30000.00").seq == 1  # payments, installments, list columns
        assert _pay(finance, contract_id, "30000.00").seq == 2
        with finance.session(write=True) as session:
            remove_payment(session, contract_id, 2)
        with finance.session() as session:
            version = contracts.load(session, contract_id).version

        def amend() -> None:
            with finance.session(write=True) as session:
                amendments.record(session, contract_id, amendment(), version=version)

        def attach() -> None:
            with finance.session(write=True) as session:
                files.add_file(session, contract_id, tmp_path / "发票.ofd", kind="invoice")

        assert people["finance"] in str(_refused(amend))
        _refused(attach)
    finally:
        finance.close()
    with samples.session() as session:
        data = contracts.load(session, contract_id)
        assert [p.amount for p in data.payments] == [Decimal("30000.00")]
        assert data.installments[0].paid_amount == Decimal("30000.00")
        assert data.total_amount == Decimal("120000.00")  # the amendment was not applied
        assert amendments.amendments(session, contract_id) == [] and files.attachments(session, contract_id) == []
        users = [row.user for row in history(session, contract_id=contract_id)]
    assert users[-3:] == [people["finance"]] * 3


def test_an_officer_records_amendments_and_files_a_viewer_none_of_it(samples: Store, people: dict[str, str],
                                                                    tmp_path: Path) -> None:
    contract_id = _amended_contract(samples)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 signed\n")
    officer = open_store(_as(samples.location, people["officer"]))
    viewer = open_store(_as(samples.location, people["viewer"]))
    try:
        def amend(store: Store, version: int) -> None:
            with store.session(write=True) as session:
                amendments.record(session, contract_id, amendment(), version=version)

        def attach(store: Store) -> int:
            with store.session(write=True) as session:
                return files.add_file(session, contract_id, tmp_path / "scan.pdf", kind="signed_copy").row.id

        _refused(lambda: amend(viewer, 1))
        _refused(lambda: attach(viewer))
        _refused(lambda: _pay(viewer, contract_id, "100.00"))
        amend(officer, 1)
        kept = attach(officer)
        with viewer.session() as session:  # the viewer reads what the officer wrote, bytes too
            assert files.content(session, files.attachments(session, contract_id)[0].sha256) == b"%PDF-1.4 signed\n"
            assert [a.amendment_no for a in amendments.amendments(session, contract_id)] == [AMENDMENT_NO]

        def take_off(store: Store) -> None:
            with store.session(write=True) as session:
                files.remove(session, kept)

        _refused(lambda: take_off(viewer))
        take_off(officer)  # the bytes go with their last attachment
    finally:
        officer.close()
        viewer.close()
    with samples.session() as session:
        assert contracts.load(session, contract_id).total_amount == Decimal("135000.00")
        assert files.attachments(session, contract_id) == [] and files.blob_count(session) == 0


def test_copy_store_keeps_payments_amendments_and_files_byte_for_byte(pg_store: Store, tmp_path: Path) -> None:
    source, back = tmp_path / "source.db", tmp_path / "back.db"
    scan = b"%PDF-1.4 signed\n" + bytes(range(256)) * 64  # every byte value, NUL included
    (tmp_path / "scan.pdf").write_bytes(scan)
    (tmp_path / "发票.ofd").write_bytes(b"<ofd>e-invoice</ofd>")
    opened = open_store(source)
    try:
        import_ledger(opened, SAMPLE_LEDGER)
        contract_id = _amended_contract(opened)
        with opened.session(write=True) as session:
            amendments.record(session, contract_id, amendment(), version=1)
            files.add_file(session, contract_id, tmp_path / "scan.pdf", kind="signed_copy", today=dt.date(2026, 1, 5))
            files.add_file(session, contract_id, tmp_path / "发票.ofd", kind="invoice", today=dt.date(2026, 2, 1))
        _pay(opened, contract_id, "60000.00")
        with opened.session(write=True) as session:
            record_payment(session, contract_id, PaymentData(0, dt.date(2026, 3, 1), Decimal("0.01"), None,
                                                             note="尾差"))
    finally:
        opened.close()
    pg_store.close()
    there = {table.table: table for table in copy_store(str(source), pg_store.location)}
    assert {name: there[name].rows for name in ("payments", "amendments", "amendment_changes", "attachments",
                                                "attachment_blobs")} == {
        "payments": 2, "amendments": 1, "amendment_changes": len(amendment().changes), "attachments": 2,
        "attachment_blobs": 2}
    server = open_store(pg_store.location)
    try:
        with server.session() as session:
            server_id = contracts.find_id(session, "ZFY-2026-001")
            assert server_id is not None
            assert files.content(session, hashlib.sha256(scan).hexdigest()) == scan
            assert contracts.load(session, server_id).total_amount == Decimal("135000.00")
    finally:
        server.close()
    returned = copy_store(pg_store.location, str(back))
    assert [(t.table, t.rows, t.checksum) for t in returned] == [(t.table, t.rows, t.checksum) for t in there.values()]
    exports = []
    for name in (source, back):
        store = open_store(name)
        try:
            with store.session() as session:
                folder = tmp_path / f"export-{Path(name).stem}"
                written = export_ledger(session, folder)
        finally:
            store.close()
        exports.append({str(path.relative_to(folder)): path.read_bytes() for path in written})
    assert exports[0] == exports[1]
    assert {"payments.csv", "amendments.csv", "attachments.csv", f"attachments/{hashlib.sha256(scan).hexdigest()}"} \
        <= set(exports[0])


def test_copy_store_between_files_checks_the_files_bytes(tmp_path: Path) -> None:
    """No server needed: the checksum of ``attachment_blobs`` covers every byte of every file."""
    from services.copy_store import table_checksum, tables

    source, target = tmp_path / "source.db", tmp_path / "target.db"
    (tmp_path / "scan.pdf").write_bytes(b"\x00%PDF\xff" * 100)
    opened = open_store(source)
    try:
        contract_id = _amended_contract(opened)
        with opened.session(write=True) as session:
            files.add_file(session, contract_id, tmp_path / "scan.pdf", kind="signed_copy")
    finally:
        opened.close()
    copied = {table.table: table for table in copy_store(str(source), str(target))}
    assert copied["attachment_blobs"].rows == 1
    store = open_store(target)
    try:
        with store.engine.begin() as connection:
            blobs = next(table for table in tables(connection) if table.name == "attachment_blobs")
            assert table_checksum(connection, blobs)[1] == copied["attachment_blobs"].checksum
            connection.execute(blobs.update().values(content=b"\x00%PDF\xfe" + b"\x00%PDF\xff" * 99))
            assert table_checksum(connection, blobs)[1] != copied["attachment_blobs"].checksum
    finally:
        store.close()


def test_copy_store_lists_every_contract_under_its_terms_in_force(pg_store: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The list's terms in force (0020) are not models' columns: a copy derives them, on the server
    and back — the sample contracts with their stored terms, one with a pending 补充协议 as signed.
    Derived ``TERMS_BATCH`` contracts at a time (one bound parameter each: 100,000 at once passed
    PostgreSQL's 65,535 and the copy failed); 3 here, so the 4 contracts take two rounds."""
    from services import copy_store as copying
    from services.register import listing

    monkeypatch.setattr(copying, "TERMS_BATCH", 3)

    source, back = tmp_path / "source.db", tmp_path / "back.db"
    opened = open_store(source)
    pending = amendment()
    pending.effective_date = dt.date(2099, 1, 1)
    try:
        import_ledger(opened, SAMPLE_LEDGER)
        with opened.session(write=True) as session:
            first = contracts.save(session, original())
        with opened.session(write=True) as session:
            amendments.record(session, first, pending, version=1)
    finally:
        opened.close()
    pg_store.close()
    copy_store(str(source), pg_store.location)
    copy_store(pg_store.location, str(back))
    for name in (source, pg_store.location, str(back)):
        store = open_store(name)
        try:
            with store.session() as session:
                query = listing.ListQuery(sort="total_amount")
                rows = listing.page(session, query, 0, listing.count(session, query))
        finally:
            store.close()
        shown = {row.contract_no: (row.total_amount, row.end_date) for row in rows}
        assert len(shown) == 4 and all(total is not None for total, _end in shown.values()), name
        assert shown[original().contract_no] == (Decimal("120000.00"), dt.date(2026, 6, 30)), name
