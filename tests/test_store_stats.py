"""The planner's statistics after the app's own bulk writes, and short words without them (issue 18).

A store the app filled (a ledger import, a copy of a register, an upgrade, a restore) is analyzed in
the same transaction (``services.store_stats``), so the list's plans are those the benches measure;
without statistics ``pg_grams.rare`` takes every short word for common (``LIKE`` alone). Plans only:
the rows are the same either way. The PostgreSQL tests need the test server (``CONTRACTDESK_TEST_PG``,
``.ci/postgres.sh``) and are skipped with the reason without one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url

from models.contract import Contract
from services import store_roles, store_stats
from services.copy_store import copy_store
from services.ledger.importer import import_ledger
from services.register import contracts, listing, pg_grams
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER

#: The list's first screen, unfiltered, in number order (``listing._page_statement``'s shape).
FIRST_SCREEN = "SELECT id FROM contracts WHERE deleted_at IS NULL ORDER BY contract_no LIMIT 40"


def _plan(store: Store) -> tuple[str, str]:
    """SQLite's plan of ``FIRST_SCREEN`` on two connections of ``store``'s pool at once, each after
    a read (a connection learns of a change of the schema when it next reads; EXPLAIN does not read)."""
    with store.session() as first, store.session() as second:
        for session in (first, second):
            session.execute(text(FIRST_SCREEN)).all()
        return tuple(" ".join(str(row[3]) for row in session.execute(text("EXPLAIN QUERY PLAN " + FIRST_SCREEN)))
                     for session in (first, second))  # type: ignore[return-value]


def _contract_rows(n: int) -> list[dict[str, object]]:
    """``n`` contracts: 服务 in all but every 400th, which holds 翠湖 instead."""
    return [{"contract_no": f"P-{i:04d}", "title": title, "currency": "CNY", "total_amount": Decimal(1),
             "counterparty": "", "search_text": f"p-{i:04d} {title}"}
            for i in range(n) for title in [("翠湖公园" if i % 400 == 0 else "服务采购") + str(i % 97)]]


def _listed(store: Store, word: str) -> list[int]:
    with store.session() as session:
        query = listing.ListQuery(text=word)
        return [row.id for row in listing.page(session, query, 0, listing.count(session, query))]


# ----- SQLite ----------------------------------------------------------------------------------


def test_an_import_analyzes_the_store_and_every_open_connection_plans_with_it(store: Store) -> None:
    with store.session(write=True) as session:
        session.execute(insert(Contract), _contract_rows(50))  # not the import: no statistics
        session.execute(text("ANALYZE holidays"))  # sqlite_stat1 made, but nothing of the contracts in it
    with store.session() as session:
        assert store_stats.missing(session.connection())
    # Without sqlite_stat1 SQLite takes ix_contracts_deleted_at for selective and sorts every contract.
    assert all("TEMP B-TREE" in plan for plan in _plan(store))
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        assert not store_stats.missing(session.connection())
        expected = {word: contracts.search_ids(session, text=word) for word in ("", "服务", "翠湖")}
    # Both connections, also the one that did not run ANALYZE, walk the number index now.
    assert all("TEMP B-TREE" not in plan and "sqlite_autoindex_contracts_1" in plan for plan in _plan(store))
    analyzed = {word: _listed(store, word) for word in expected}
    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE sqlite_stat1"))
    store.engine.dispose()  # the pool's connections keep the row counts they loaded: new ones, as after a start
    assert all("TEMP B-TREE" in plan for plan in _plan(store))
    assert analyzed == {word: _listed(store, word) for word in expected} == expected  # plans only, never rows
    assert len(expected[""]) == 53 and len(expected["翠湖"]) == 1


def test_an_import_of_a_small_share_into_an_analyzed_store_does_not_analyze_again(store: Store) -> None:
    with store.session(write=True) as session:
        session.execute(insert(Contract), _contract_rows(100))
        assert store_stats.after_import(session, 100)  # no statistics yet
        assert not store_stats.after_import(session, 9)  # 9 of 100: below SHARE
        assert store_stats.after_import(session, 10)
        assert not store_stats.after_import(session, 0)
    with store.session() as session:
        assert not store_stats.missing(session.connection())
        assert session.execute(text("SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_contracts_deleted_at'")
                               ).scalar() == "100 100"  # one value for every contract: useless for the list


def test_a_copy_into_a_file_and_an_upgrade_analyze_it(tmp_path: Path) -> None:
    source, target, old = tmp_path / "source.db", tmp_path / "target.db", tmp_path / "old.db"
    opened = open_store(source)
    try:
        import_ledger(opened, SAMPLE_LEDGER)
        with opened.engine.begin() as connection:
            connection.execute(text("DROP TABLE sqlite_stat1"))  # as a store filled before this version
    finally:
        opened.close()
    copy_store(str(source), str(target))
    opened = open_store(old, target="0022")  # new: nothing to analyze
    try:
        with opened.engine.connect() as connection:
            assert store_stats.missing(connection)
        import_ledger(opened, SAMPLE_LEDGER)
        with opened.engine.begin() as connection:
            connection.execute(text("DROP TABLE sqlite_stat1"))
    finally:
        opened.close()
    for path in (target, old):
        opened = open_store(path)  # old.db: upgraded 0022 -> head
        try:
            with opened.engine.connect() as connection:
                assert not store_stats.missing(connection), path
        finally:
            opened.close()


# ----- PostgreSQL ------------------------------------------------------------------------------


def _analyzed_since(store: Store, since: object, table: str = "contracts") -> bool:
    with store.engine.connect() as connection:
        return bool(connection.execute(text(
            "SELECT last_analyze >= :since FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            "AND relname = :table"), {"since": since, "table": table}).scalar())


def _server_now(store: Store) -> object:
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT clock_timestamp()")).scalar()


def test_a_register_imported_on_a_server_or_copied_there_is_analyzed(pg_store: Store, pg_database: str,
                                                                    tmp_path: Path) -> None:
    from tests import pg_server

    started = _server_now(pg_store)
    import_ledger(pg_store, SAMPLE_LEDGER)
    assert _analyzed_since(pg_store, started)
    source = tmp_path / "source.db"
    opened = open_store(source)
    try:
        import_ledger(opened, SAMPLE_LEDGER)
    finally:
        opened.close()
    pg_server.empty(pg_database)
    started = _server_now(pg_store)
    copy_store(str(source), pg_store.location)
    for table in ("contracts", "parties", "line_items", "installments", "history"):
        assert _analyzed_since(pg_store, started, table), table
    with pg_store.session() as session:
        assert session.execute(text("SELECT reltuples FROM pg_class WHERE oid = 'contracts'::regclass")).scalar() == 3
        assert not pg_grams.without_statistics(session)


@pytest.fixture
def fresh_register(pg_database: str) -> Iterator[str]:
    """A register of its own on the test server, never analyzed: autovacuum kept off its contracts."""
    from tests import pg_server

    name = f"contractdesk_stats{os.getpid()}"
    url = pg_server.create_database(name)
    store = open_store(url)
    try:
        with store.engine.begin() as connection:
            connection.execute(text("ALTER TABLE contracts SET (autovacuum_enabled = off)"))
    finally:
        store.close()
    yield url
    pg_server.drop_database(name)


def test_without_statistics_every_short_word_is_read_by_like_alone(fresh_register: str) -> None:
    store = open_store(fresh_register)
    try:
        with store.session(write=True) as session:
            session.execute(insert(Contract), _contract_rows(2000))  # not the import: no ANALYZE
        with store.session() as session:
            assert store_stats.missing(session.connection()) and pg_grams.without_statistics(session)
            # The planner's default would have found 翠湖 and 服务 alike in 0.5 %: "rare", by the index.
            assert not pg_grams.rare(session, "服务") and not pg_grams.rare(session, "翠湖")
            where = " ".join(str(c) for c in listing._where(session, listing.ListQuery(text="服务 翠湖")))
            assert "contract_grams" not in where
            expected = {word: contracts.search_ids(session, text=word) for word in ("服务", "翠湖")}
        unanalyzed = {word: _listed(store, word) for word in ("服务", "翠湖")}
        assert unanalyzed == expected and len(expected["翠湖"]) == 5 and len(expected["服务"]) == 1995
        with store.session(write=True) as session:
            store_stats.refresh(session.connection())  # forgets the kept estimates too
        with store.session() as session:
            assert not pg_grams.without_statistics(session)
            assert pg_grams.rare(session, "翠湖") and not pg_grams.rare(session, "服务")
        assert {word: _listed(store, word) for word in ("服务", "翠湖")} == expected  # other plan, same rows
        viewer = f"cd_statsviewer_{os.getpid()}"
        with store.engine.begin() as connection:
            store_roles.grant(connection, viewer, "viewer", create_login=True)
            # As after an upgrade that made the index in an analyzed register (only its owner sees this).
            connection.execute(text(f"DELETE FROM pg_statistic WHERE starelid = '{pg_grams.INDEX}'::regclass"))
        pg_grams.forget(store.engine)
        with store.session() as session:
            assert pg_grams.without_statistics(session) and not pg_grams.rare(session, "翠湖")
        reader = open_store(make_url(fresh_register).set(username=viewer).render_as_string(hide_password=False))
        try:
            with reader.session() as session:  # who cannot see the index's statistics goes by the table's
                assert not pg_grams.without_statistics(session)
        finally:
            reader.close()
            with store.engine.begin() as connection:
                connection.execute(text(f'DROP OWNED BY "{viewer}"'))
                connection.execute(text(f'DROP ROLE "{viewer}"'))
    finally:
        store.close()


def test_an_upgraded_server_register_is_analyzed(pg_database: str) -> None:
    from tests import pg_server

    name = f"contractdesk_statsold{os.getpid()}"
    url = pg_server.create_database(name)
    try:
        open_store(url, target="0021").close()  # before 0022 made the grams index
        store = open_store(url, target="0021")
        try:
            started = _server_now(store)
        finally:
            store.close()
        upgraded = open_store(url)
        try:
            assert _analyzed_since(upgraded, started)
        finally:
            upgraded.close()
    finally:
        pg_server.drop_database(name)
