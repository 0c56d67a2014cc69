"""A server register set up by an older ContractDesk gets today's grants when its owner opens it
(issue 17): finance's whole-table UPDATE on ``installments`` (before it was narrowed to the paid
columns) is taken back without running ``admin grant`` again; opening a register whose grants are
current changes nothing; a user who may not grant opens it as it is. Skipped without the test
server (``tests/pg_server.py``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from services import store_roles
from services.ledger.importer import import_ledger
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER


def _as(url: str, user: str) -> str:
    return make_url(url).set(username=user).render_as_string(hide_password=False)


@pytest.fixture
def finance(pg_store: Store) -> Iterator[str]:
    """A finance login of this session on a register holding the samples, grants as today."""
    import_ledger(pg_store, SAMPLE_LEDGER)
    user = f"cd_refresh_finance_{os.getpid()}"
    with pg_store.engine.begin() as connection:
        store_roles.grant(connection, user, "finance", create_login=True)
    yield user
    with pg_store.engine.begin() as connection:
        connection.execute(text(f'DROP OWNED BY "{user}"'))
        connection.execute(text(f'DROP ROLE "{user}"'))


def _change_installment_terms(url: str) -> None:
    """As the user of ``url``: change an installment's amount (its terms: the officer's)."""
    store = open_store(url)
    try:
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE installments SET amount = amount WHERE id = "
                                    "(SELECT min(id) FROM installments)"))
    finally:
        store.close()


def _current(store: Store) -> bool | None:
    with store.engine.connect() as connection:
        return store_roles.grants_current(connection)


def test_an_old_wider_installments_grant_is_taken_back_when_the_owner_opens(pg_store: Store, finance: str) -> None:
    assert _current(pg_store) is True
    with pg_store.engine.begin() as connection:  # as a register set up before the grant was narrowed
        connection.execute(text("GRANT UPDATE ON installments TO contractdesk_finance"))
    assert _current(pg_store) is False
    _change_installment_terms(_as(pg_store.location, finance))  # the old grant lets finance do it

    reopened = open_store(pg_store.location)  # the owner (here a superuser) opens it: no admin grant
    try:
        assert _current(reopened) is True
        with reopened.engine.connect() as connection:
            assert store_roles.refresh_grants(connection) is False  # current: nothing to do again
    finally:
        reopened.close()
    with pytest.raises(DBAPIError) as refused:
        _change_installment_terms(_as(pg_store.location, finance))
    assert getattr(refused.value.orig, "sqlstate", None) == "42501"


def test_a_user_who_may_not_grant_opens_a_stale_register_as_it_is(pg_store: Store, finance: str) -> None:
    with pg_store.engine.begin() as connection:
        connection.execute(text("GRANT UPDATE ON installments TO contractdesk_finance"))
    as_finance = open_store(_as(pg_store.location, finance))  # no error: the owner will fix it
    try:
        with as_finance.engine.connect() as connection:
            assert store_roles.may_grant(connection) is False
        assert _current(as_finance) is False
    finally:
        as_finance.close()


def test_the_expected_privileges_split_column_grants() -> None:
    expected = store_roles.expected_privileges(["installments", "holidays"], ["installments_id_seq"])
    assert ("contractdesk_finance", "installments", "UPDATE", "paid_amount") in expected
    assert ("contractdesk_finance", "installments", "UPDATE", None) not in expected
    assert ("contractdesk_officer", "holidays", "INSERT", None) not in expected
    assert ("contractdesk_viewer", "installments_id_seq", "USAGE", None) not in expected
    assert ("contractdesk_officer", "installments_id_seq", "USAGE", None) in expected
