"""The password of a server register (issue 17, services.store_credentials), without a server: the
system keyring first (an in-memory keyring backend here), else the prompt; a refused keyring
password is forgotten; the password never reaches a message; libpq's refusals are recognised."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError

from services import store_credentials, store_pg
from services.store import StoreError
from services.store_credentials import Answer, open_register
from services.store_pg import STORE_PASSWORD, STORE_UNREACHABLE, engine_url, use_password, wants_password

URL = "postgresql://clerk@db.example:5432/contracts"
RIGHT = "s3cret-密码"


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict (the tests never touch the machine's own)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class NoKeyring(KeyringBackend):
    """A machine without a keyring (a server with no desktop session)."""

    priority = 0  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("no keyring")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("no keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("no keyring")


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)
    use_password(URL, None)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """A server that accepts only ``RIGHT``: ``open_store`` as the server would answer; the
    passwords it was offered, in order."""
    offered: list[str | None] = []

    def open_store(name: str) -> Any:
        password = engine_url(name).password
        offered.append(password)
        if password != RIGHT:
            raise StoreError(STORE_PASSWORD, url=store_pg.display_url(name),
                             reason="password authentication failed for user \"clerk\"")
        return f"store of {store_pg.display_url(name)}"

    monkeypatch.setattr(store_credentials, "open_store", open_store)
    return offered


def test_the_keyring_password_opens_without_a_prompt(ring: MemoryKeyring, server: list[str | None]) -> None:
    ring.set_password("ContractDesk", URL, RIGHT)
    opened = open_register(URL, ask=lambda _url, _refused: pytest.fail("asked although the keyring knew"))
    assert (opened.store, opened.source) == (f"store of {URL}", "keyring")
    assert server == [None, RIGHT]
    assert engine_url(URL).password == RIGHT  # a reopen in this process (restore, pg_dump) has it too


def test_without_a_kept_password_the_prompt_asks_and_may_keep_it(ring: MemoryKeyring,
                                                                  server: list[str | None]) -> None:
    asked: list[tuple[str, StoreError | None]] = []

    def ask(url: str, refused: StoreError | None) -> Answer:
        asked.append((url, refused))
        return Answer("wrong", remember=True) if len(asked) == 1 else Answer(RIGHT, remember=True)

    opened = open_register(URL, ask=ask)
    assert (opened.source, opened.kept) == ("asked", True)
    assert [url for url, _refused in asked] == [URL, URL]  # the address shown: no password in it
    assert asked[0][1] is None
    second = asked[1][1]
    assert second is not None and second.code == STORE_PASSWORD
    assert "wrong" not in second.message("en") and "wrong" not in second.message("zh_CN")
    assert ring.kept == {("ContractDesk", URL): RIGHT}
    assert server == [None, "wrong", RIGHT]


def test_a_refused_keyring_password_is_forgotten_and_asked_for(ring: MemoryKeyring, server: list[str | None]) -> None:
    ring.set_password("ContractDesk", URL, "changed-by-the-admin")
    refusals: list[StoreError | None] = []

    def ask(_url: str, refused: StoreError | None) -> Answer:
        refusals.append(refused)
        return Answer(RIGHT, remember=False)

    opened = open_register(URL, ask=ask)
    assert (opened.source, opened.kept) == ("asked", False)
    assert refusals[0] is not None and refusals[0].code == STORE_PASSWORD  # says why it asks
    assert ring.kept == {}  # the stale one is gone, the new one not kept: the person said so


def test_cancel_wrong_thrice_and_no_prompt(ring: MemoryKeyring, server: list[str | None]) -> None:
    assert open_register(URL, ask=lambda _url, _refused: None).store is None
    with pytest.raises(StoreError) as refused:
        open_register(URL, ask=lambda _url, _refused: Answer("nope"))
    assert refused.value.code == STORE_PASSWORD
    assert server.count("nope") == store_credentials.ATTEMPTS
    with pytest.raises(StoreError) as refused:
        open_register(URL)  # the command line: no prompt, libpq's PGPASSWORD / ~/.pgpass only
    assert refused.value.code == STORE_PASSWORD
    assert engine_url(URL).password is None  # a refused password is not kept for the process


def test_no_keyring_on_the_machine_falls_back_to_the_prompt(server: list[str | None]) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        opened = open_register(URL, ask=lambda _url, _refused: Answer(RIGHT, remember=True))
    finally:
        keyring.set_keyring(before)
        use_password(URL, None)
    assert (opened.source, opened.kept) == ("asked", False)  # asked to keep it, but there is no keyring


def test_other_errors_are_not_password_questions(ring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(name: str) -> Any:
        raise StoreError(STORE_UNREACHABLE, url=name, reason="connection refused")

    monkeypatch.setattr(store_credentials, "open_store", unreachable)
    with pytest.raises(StoreError) as refused:
        open_register(URL, ask=lambda _url, _refused: pytest.fail("a password cannot help"))
    assert refused.value.code == STORE_UNREACHABLE


def test_libpq_refusals_for_the_password_are_recognised() -> None:
    assert wants_password(psycopg.OperationalError(
        'connection to server at "127.0.0.1", port 5432 failed: fe_sendauth: no password supplied'))
    assert wants_password(psycopg.errors.InvalidPassword("password authentication failed for user \"clerk\""))
    assert not wants_password(psycopg.OperationalError("connection refused"))
    assert not wants_password(psycopg.errors.InsufficientPrivilege("permission denied for table contracts"))
