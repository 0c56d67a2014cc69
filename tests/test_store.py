"""The local store (services/store.py) and the register's use cases (services/register/contracts.py):
migrations to head, pragmas, schema = ORM metadata, refusal of newer stores, backups before an
upgrade, one transaction per user action, save/load/delete, list search and sort, and the
upgrade of a real revision-0001 store (tests/resources/db/contracts-0001.sqlite)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, select, text
from sqlalchemy.exc import IntegrityError, SAWarning, StatementError

from models import overview_figures
from models.base import Base
from models.contract import Contract
from services.history import history, verify
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.register import list_status, list_terms, search_index
from services.register.contract_data import ArticleData, ContractData, InstallmentData, LineItemData, PartyData
from services.register.contracts import ContractError
from services.register.trash import purge, trash_rows
from services.store import Store, StoreError, current_revision, head_revision, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER

STORE_0001 = ROOT / "tests" / "resources" / "db" / "contracts-0001.sqlite"
NUMBERS = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")
TOTALS = {
    "BJMEMC-2025174-ZC": Decimal("2738718.50"),
    "2026-021": Decimal("415580.00"),
    "WHZF-2026-ZWY": Decimal("2557267.60"),
}


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def count_rows(store: Store, table: str) -> int:
    with store.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def full_contract(contract_no: str = "TEST-1") -> ContractData:
    return ContractData(
        contract_no=contract_no,
        title="政务云基础资源服务",
        total_amount=Decimal("60774.00"),
        procurement_no="BGPC-G25124",
        status="active",
        sign_date=dt.date(2025, 7, 24),
        sign_place="北京市海淀区",
        effective_date=dt.date(2025, 7, 25),
        start_date=dt.date(2025, 10, 16),
        end_date=dt.date(2026, 5, 15),
        currency="CNY",
        total_in_words="陆万零柒佰柒拾肆元整",
        tax_rate=Decimal("6"),
        amount_excl_tax=Decimal("57334.00"),
        notes="备注\n第二行",
        parties=[
            PartyData(role="甲方", name="北京市生态环境监测中心", contact="严京海", phone="010-68717284",
                      tax_id="12110000400709393P", bank="北京银行阜成支行", account="01090323600120105239987"),
            PartyData(role="乙方", name="ACME Cloud Ltd", legal_rep="廖伟", address="北京市海淀区",
                      email="ops@example.com", share_amount=Decimal("60774.00")),
        ],
        line_items=[
            LineItemData(seq=1, name="普通性能存储", unit="GB", unit_price=Decimal("0.15"),
                         quantity=Decimal("57880"), periods=7, amount=Decimal("60774.00"), party_role="乙方",
                         note="7 个月*0.15*57880=60774 元"),
            LineItemData(seq=2, name="WAF防护", unit="套", unit_price=Decimal("0.0001"), quantity=Decimal("1.5")),
        ],
        installments=[
            InstallmentData(seq=1, name="一次性支付", payee_role="乙方", percent=Decimal("100"),
                            amount=Decimal("60774.00"), due_after="effective+budget", due_offset=20,
                            due_unit="working_days", condition="生效后 20 个工作日内",
                            paid_date=dt.date(2025, 8, 20), paid_amount=Decimal("60774.00")),
            InstallmentData(seq=2, percent=Decimal("0.01"), due_date=dt.date(2026, 1, 5)),
        ],
        articles=[ArticleData(seq=1, heading="一、服务内容", body="第一段\n第二段"), ArticleData(seq=2)],
    )


# --- opening, migrating --------------------------------------------------------------------


def test_new_store_is_migrated_to_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.db"
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.backup_path is None
    finally:
        store.close()
    assert revision_of(path) == head_revision()
    assert list(tmp_path.joinpath("sub").glob("*backup*")) == []
    reopened = open_store(path)  # already at head: nothing to do, no backup
    reopened.close()
    assert reopened.backup_path is None
    assert list(tmp_path.joinpath("sub").glob("*backup*")) == []


def test_head_revision_is_the_newest_script() -> None:
    versions = sorted(p.name.split("_")[0] for p in (ROOT / "models" / "migrations" / "versions").glob("0*.py"))
    assert head_revision() == versions[-1]


def test_revisions_read_from_the_scripts_are_alembics() -> None:
    """The store reads revision ids from the scripts' text (to spare importing Alembic): they
    must be exactly Alembic's graph, or a store would be judged newer/older wrongly."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from services.store import MIGRATIONS, known_revisions

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    assert known_revisions() == {script.revision for script in scripts.walk_revisions()}
    assert head_revision() == scripts.get_current_head()


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    """``main.py list`` on a store at head must not pay for importing Alembic and mako (issue 18)."""
    path = tmp_path / "s.db"
    open_store(path).close()
    code = ("import sys; from cli.app import run_command; "
            f"status = run_command(['list', '--db', {str(path)!r}]); "
            "sys.exit(10 + status if 'alembic' in sys.modules or 'cn2an' in sys.modules else status)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_connections_use_wal_and_foreign_keys(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with store.session() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(text("INSERT INTO line_items (contract_id, seq, name) VALUES (999, 1, 'x')"))


def schema_diff(connection: Connection) -> list[object]:
    """Alembic's differences between the ORM and the store, the list filter's FTS5 indexes (no ORM
    model: ``services.register.search_index``) with their shadow and position tables and the head's
    expression index, and the list
    status's day (``services.register.list_status``) and the list's terms in force
    (``services.register.list_terms``) aside."""
    unmodelled = (search_index.TABLE, search_index.GRAMS, "contracts_gram_pos")

    def include(name: str | None, kind: str, _parent: object) -> bool:
        return (not (kind == "table" and (name or "").startswith(unmodelled)) and name not in list_status.UNMODELLED
                and name not in list_terms.UNMODELLED and name != search_index.HEAD_INDEX)

    context = MigrationContext.configure(connection, opts={"include_name": include})
    with warnings.catch_warnings():  # the head's expression index, left aside above, cannot be reflected
        warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based index",
                                category=SAWarning)
        return list(compare_metadata(context, Base.metadata))


def test_orm_metadata_matches_the_migrated_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        diff = schema_diff(connection)
    assert diff == []


def _predicate(sql: str) -> str:
    """A partial index's WHERE as compared here: PostgreSQL's ``pg_get_expr`` adds brackets, SQLite
    keeps the text of ``CREATE INDEX``; both without brackets, in one case, spaces collapsed."""
    return " ".join(sql.replace("(", " ").replace(")", " ").split()).lower()


@pytest.mark.both_stores
def test_partial_indexes_are_the_models_on_both_stores(store: Store) -> None:
    """The models declare the partial indexes' predicates for SQLite only (a ``postgresql_where``
    would load SQLAlchemy's PostgreSQL dialect at every start, issue 18); migration 0019 gives a server
    register the same predicates. Every index the models declare with a predicate is listed in
    ``PARTIAL_INDEXES``, and the store holds it with that predicate."""
    declared = {index.name: str(index.dialect_options["sqlite"]["where"])
                for table in Base.metadata.tables.values() for index in table.indexes
                if index.dialect_options["sqlite"]["where"] is not None}
    assert declared == overview_figures.PARTIAL_INDEXES
    with store.engine.connect() as connection:
        for name, where in declared.items():
            if store.on_server:
                stored = connection.execute(text(
                    "SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "WHERE c.relname = :name"), {"name": name}).scalar_one()
            else:
                sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"),
                                         {"name": name}).scalar_one()
                stored = sql.split(" WHERE ", 1)[1]
            assert _predicate(stored) == _predicate(where), name


def test_newer_store_is_refused(store: Store) -> None:
    with store.session() as session:
        contract_service.save(session, full_contract())
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError, match=r"newer version of ContractDesk \(schema 9999\)"):
        open_store(store.path)
    assert revision_of(store.path) == "9999"  # left untouched
    assert list(store.path.parent.glob("*backup*")) == []


def test_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"hello")
    with pytest.raises(StoreError, match="not a ContractDesk store"):
        open_store(path)
    assert path.read_bytes() == b"hello"


def test_backup_before_upgrading_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path, target="0001")
    with old.engine.begin() as connection:
        assert current_revision(old.engine) == "0001"
        connection.execute(text(
            "INSERT INTO contracts (contract_no, title, currency, total_amount)"
            " VALUES ('OLD-1', '旧合同', 'CNY', 12345)"
        ))
    old.close()

    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.backup_path is not None
        assert store.backup_path.exists()
        assert store.backup_path.parent == tmp_path
        assert store.backup_path.name.startswith("old.backup-0001-")
        with store.session() as session:
            assert contract_service.load_by_no(session, "OLD-1").total_amount == Decimal("123.45")
    finally:
        store.close()
    assert revision_of(store.backup_path) == "0001"
    backup = sqlite3.connect(store.backup_path)
    try:
        assert backup.execute("SELECT contract_no, total_amount FROM contracts").fetchall() == [("OLD-1", 12345)]
        columns = [row[1] for row in backup.execute("PRAGMA table_info(contracts)")]
        assert "search_text" not in columns  # the old schema, as it was
    finally:
        backup.close()


# --- transactions --------------------------------------------------------------------------


def test_one_user_action_is_one_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError, match="boom"), store.session() as session:
        contract_service.save(session, full_contract("A-1"))
        assert contract_service.count(session) == 1  # written in the transaction…
        raise RuntimeError("boom")
    with store.session() as session:
        assert contract_service.count(session) == 0  # …and rolled back
    for table in ("contracts", "parties", "line_items", "installments", "articles"):
        assert count_rows(store, table) == 0, table

    with store.session() as session:
        contract_service.save(session, full_contract("A-1"))
    with store.session() as session:
        assert contract_service.count(session) == 1


def test_money_with_more_than_two_decimals_is_not_rounded_by_the_store(store: Store) -> None:
    data = full_contract()
    data.total_amount = Decimal("60774.005")
    with pytest.raises(StatementError, match="more than two decimals"), store.session() as session:
        contract_service.save(session, data)
    assert count_rows(store, "contracts") == 0


# --- save, load, delete --------------------------------------------------------------------


def test_save_load_round_trip(store: Store) -> None:
    data = full_contract()
    with store.session() as session:
        contract_id = contract_service.save(session, data)
    with store.session() as session:
        loaded = contract_service.load(session, contract_id)
    assert loaded == data
    item = loaded.line_items[0]
    assert (item.unit_price, item.quantity, item.periods) == (Decimal("0.15"), Decimal("57880"), 7)
    assert item.computed_amount == Decimal("60774.00")
    assert loaded.installments[1].percent == Decimal("0.01")
    assert loaded.line_items[1].computed_amount == Decimal("0.00")
    # stored exactly: fen as integers, decimals as text
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT total_amount, tax_rate FROM contracts")).one() == (6077400, "6")
        assert connection.execute(text("SELECT unit_price, quantity FROM line_items WHERE seq = 1")).one() == (
            "0.15", "57880")


def test_save_update_replaces_children(store: Store) -> None:
    with store.session() as session:
        contract_id = contract_service.save(session, full_contract())
    changed = full_contract()
    changed.version = 1  # the version it was created at (an update names the version it changes)
    changed.title = "新名称"
    changed.line_items = changed.line_items[:1]
    changed.parties[1].name = "另一家公司"
    with store.session() as session:
        assert contract_service.save(session, changed, contract_id=contract_id) == contract_id
    with store.session() as session:
        assert contract_service.load(session, contract_id) == changed
        row = contract_service.list_rows(session, [contract_id])[contract_id]
        assert row.counterparty == "另一家公司"
    assert count_rows(store, "line_items") == 1


def test_save_refuses_a_duplicate_number(store: Store) -> None:
    with store.session() as session:
        first = contract_service.save(session, full_contract("A-1"))
        second = contract_service.save(session, full_contract("A-2"))
    with pytest.raises(ContractError, match="'A-1' is already in the store"), store.session() as session:
        contract_service.save(session, full_contract("A-1"))
    renamed = full_contract("A-1")
    renamed.version = 1
    with pytest.raises(ContractError, match="'A-1' is already in the store"), store.session() as session:
        contract_service.save(session, renamed, contract_id=second)  # renamed to another contract's number
    with store.session() as session:
        assert contract_service.count(session) == 2
        assert contract_service.load(session, first).contract_no == "A-1"
        assert contract_service.load(session, second).contract_no == "A-2"


def test_missing_contract(store: Store) -> None:
    with store.session() as session:
        with pytest.raises(ContractError):
            contract_service.load(session, 42)
        with pytest.raises(ContractError, match="no contract numbered 'X'"):
            contract_service.load_by_no(session, "X")
        with pytest.raises(ContractError):
            contract_service.delete_contract(session, 42)
        absent = full_contract()
        absent.version = 1
        with pytest.raises(ContractError):
            contract_service.save(session, absent, contract_id=42)


def test_delete_cascades_to_children(store: Store) -> None:
    """Delete moves to the Trash (rows kept); purging from the Trash deletes the children by cascade."""
    with store.session() as session:
        doomed = contract_service.save(session, full_contract("A-1"))
        kept = contract_service.save(session, full_contract("A-2"))
    with store.session() as session:
        contract_service.delete_contract(session, doomed)
    with store.session() as session:
        assert contract_service.count(session) == 1
        assert contract_service.find_id(session, "A-1") is None
        assert len(contract_service.load(session, kept).line_items) == 2
    assert count_rows(store, "line_items") == 4  # in the Trash: nothing deleted yet
    with store.session() as session:
        purge(session, doomed)
    for table, per_contract in (("parties", 2), ("line_items", 2), ("installments", 2), ("articles", 2)):
        assert count_rows(store, table) == per_contract, table


def test_database_cascade_without_the_orm(store: Store) -> None:
    with store.session() as session:
        contract_service.save(session, full_contract("A-1"))
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM contracts"))
    for table in ("parties", "line_items", "installments", "articles"):
        assert count_rows(store, table) == 0, table


# --- the list: search and sort -------------------------------------------------------------


@pytest.fixture
def listed(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        contract_service.save(session, full_contract("TEST-1"))
    return store


def numbers(store: Store, **query: object) -> list[str]:
    with store.session() as session:
        ids = contract_service.search_ids(session, **query)  # type: ignore[arg-type]
        rows = contract_service.list_rows(session, ids)
    return [rows[i].contract_no for i in ids]


def test_search_sorting(listed: Store) -> None:
    assert numbers(listed) == ["2026-021", "BJMEMC-2025174-ZC", "TEST-1", "WHZF-2026-ZWY"]
    assert numbers(listed, sort="total_amount") == ["TEST-1", "2026-021", "WHZF-2026-ZWY", "BJMEMC-2025174-ZC"]
    assert numbers(listed, sort="total_amount", descending=True) == [
        "BJMEMC-2025174-ZC", "WHZF-2026-ZWY", "2026-021", "TEST-1",
    ]
    assert numbers(listed, sort="term") == ["BJMEMC-2025174-ZC", "TEST-1", "WHZF-2026-ZWY", "2026-021"]
    # equal counterparties are ordered by number
    assert numbers(listed, sort="counterparty") == ["TEST-1", "2026-021", "BJMEMC-2025174-ZC", "WHZF-2026-ZWY"]


def test_search_filters_on_number_title_and_party_names(listed: Store) -> None:
    assert numbers(listed, text="首信云") == ["2026-021", "BJMEMC-2025174-ZC", "WHZF-2026-ZWY"]
    assert numbers(listed, text="红十字会") == ["2026-021"]
    assert numbers(listed, text="首信云 红十字会") == ["2026-021"]  # every word must match
    assert numbers(listed, text="acme cloud") == ["TEST-1"]  # case-insensitive on party names
    assert numbers(listed, text="ACME") == ["TEST-1"]
    assert numbers(listed, text="bjmemc") == ["BJMEMC-2025174-ZC"]
    assert numbers(listed, text="政务云") == ["2026-021", "BJMEMC-2025174-ZC", "TEST-1", "WHZF-2026-ZWY"]
    assert numbers(listed, text="基础资源") == ["BJMEMC-2025174-ZC", "TEST-1", "WHZF-2026-ZWY"]
    assert numbers(listed, text="2026_021") == []  # _ and % are literal, not wildcards
    assert numbers(listed, text="%") == []
    assert numbers(listed, text="没有这个") == []
    with listed.session() as session:
        some = [contract_service.find_id(session, "TEST-1"), contract_service.find_id(session, "2026-021")]
    assert numbers(listed, text="首信云", only_ids=some) == ["2026-021"]


def test_list_rows(listed: Store) -> None:
    with listed.session() as session:
        ids = contract_service.search_ids(session)
        rows = {row.contract_no: row for row in contract_service.list_rows(session, ids, today=dt.date(2026, 6, 1))
                .values()}
    assert {no: rows[no].total_amount for no in NUMBERS} == TOTALS
    assert {row.counterparty for no, row in rows.items() if no in NUMBERS} == {"首信云技术有限公司"}
    assert rows["TEST-1"].counterparty == "ACME Cloud Ltd"
    assert rows["BJMEMC-2025174-ZC"].status == "completed"  # ended 2026-05-15
    assert rows["2026-021"].status == "active"
    assert rows["TEST-1"].status == "active"  # stored status wins over the dates
    # the earliest open deadline on the working-day calendar (services.calendar.deadlines): 10 days after
    # signing on 31 March 2026, the list of technical documents (milestone 1)
    assert rows["2026-021"].next_due == dt.date(2026, 4, 10)
    assert rows["BJMEMC-2025174-ZC"].next_due == dt.date(2025, 8, 14)  # 15 working days after 24 July 2025
    assert rows["TEST-1"].next_due == dt.date(2026, 1, 5)  # the unpaid installment


# --- the migration path: a real store written at revision 0001 ----------------------------


def test_fixture_store_is_at_0001_and_self_contained() -> None:
    assert revision_of(STORE_0001) == "0001"
    assert not Path(f"{STORE_0001}-wal").exists()
    connection = sqlite3.connect(f"file:{STORE_0001}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT count(*) FROM contracts").fetchone()[0] == 3
    finally:
        connection.close()
    assert STORE_0001.stat().st_size < 200_000


def test_upgrade_from_0001(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "contracts.db"
    shutil.copyfile(STORE_0001, path)
    upgraded = open_store(path)
    try:
        assert current_revision(upgraded.engine) == head_revision()
        assert upgraded.backup_path is not None and upgraded.backup_path.exists()
        assert revision_of(upgraded.backup_path) == "0001"

        assert numbers(upgraded) == sorted(NUMBERS)
        with upgraded.session() as session:
            ids = contract_service.search_ids(session)
            rows = contract_service.list_rows(session, ids)
            assert {row.contract_no: row.total_amount for row in rows.values()} == TOTALS
            assert {row.counterparty for row in rows.values()} == {"首信云技术有限公司"}
            migrated = {no: contract_service.load_by_no(session, no) for no in NUMBERS}
            migrated_columns = dict(session.execute(
                select(Contract.contract_no, Contract.search_text).order_by(Contract.contract_no)).all())
            # revision 0003 added problem_level; opening the upgraded store checked every contract
            levels = dict(session.execute(select(Contract.contract_no, Contract.problem_level)).all())
        assert levels == dict.fromkeys(NUMBERS, 0)
        # revision 0005: every contract at version 1, none in the Trash, an empty, intact history
        assert {data.version for data in migrated.values()} == {1}
        with upgraded.session() as session:
            assert trash_rows(session) == []
            assert history(session) == []
            assert verify(session) == []
        # migration 0002 filled search_text: search by party name works
        assert numbers(upgraded, text="首信云") == sorted(NUMBERS)
        assert numbers(upgraded, text="红十字会") == ["2026-021"]
        assert numbers(upgraded, text="bjmemc 北京市生态环境监测中心") == ["BJMEMC-2025174-ZC"]
        with upgraded.engine.connect() as connection:
            diff = schema_diff(connection)
        assert diff == []
    finally:
        upgraded.close()

    # the same contracts imported today give the same data and the same list columns (0001
    # had no milestones, bonds, penalty clauses or events, nor English names: those start empty
    # after the upgrade)
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        fresh = {no: contract_service.load_by_no(session, no) for no in NUMBERS}
        for contract in fresh.values():
            contract.milestones, contract.bonds, contract.penalty_clauses, contract.events = [], [], [], []
            contract.title_en = None
            for row in [*contract.parties, *contract.line_items]:
                row.name_en = None
        assert fresh == migrated
        fresh_columns = dict(session.execute(
            select(Contract.contract_no, Contract.search_text).order_by(Contract.contract_no)).all())
    assert fresh_columns == migrated_columns
