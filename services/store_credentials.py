"""The password of a register on a PostgreSQL server (issue 17): from the system keyring, else asked.

Where a password comes from, in order: the URL itself (discouraged), libpq's ``PGPASSWORD`` and
``~/.pgpass`` (nothing for ContractDesk to do), then — when the server still wants one
(``services.store_pg.STORE_PASSWORD``) — the system keyring (the ``keyring`` library: Secret
Service on GNOME/UOS/Kylin, KWallet on KDE, Windows Credential Locker, macOS Keychain) under the
service ``ContractDesk`` and the register's address without password (``display_url``), else the
person at the window (``ask``). A password that opened the register may be kept in the keyring
(the person's choice). Never written to the settings file, a log or a message.

No Qt here: the window passes its prompt as ``ask``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from services.store import Store, StoreError, open_store
from services.store_pg import STORE_PASSWORD, display_url, use_password

#: The keyring's service name for every register's password.
KEYRING_SERVICE = "ContractDesk"
#: How often a wrong password may be typed before opening gives up.
ATTEMPTS = 3


@dataclass(frozen=True)
class Answer:
    """What the person typed: the ``password`` and whether to ``remember`` it in the keyring."""

    password: str
    remember: bool = False


#: ``ask(url, refused)``: the register's address (no password) and why it is asked again (the
#: server's refusal of the previous password, None the first time) -> the answer, or None (cancelled).
Ask = Callable[[str, StoreError | None], Answer | None]


def keyring_password(url: str) -> str | None:
    """The password kept in the system keyring for the register at ``url``, or None (none kept, or
    no keyring on this machine — a server without a desktop session: then the window asks)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, display_url(url))
        except KeyringError:
            return None
    except Exception:  # a broken keyring backend (D-Bus gone, locked wallet) must not stop the window
        return None


def keep_in_keyring(url: str, password: str) -> bool:
    """Keep ``password`` for ``url`` in the system keyring; False when there is no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, display_url(url), password)
        return True
    except Exception:  # no backend (keyring.errors.NoKeyringError), a locked or refused wallet
        return False


def forget_keyring_password(url: str) -> None:
    """Remove the password kept for ``url`` (it was refused by the server); nothing if none."""
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, display_url(url))
    except Exception:  # none kept, or no keyring
        return


@dataclass(frozen=True)
class Opened:
    """A register opened: the ``store`` (None: the person cancelled the prompt), where its password
    came from (``"none"``: not needed, ``"keyring"``, ``"asked"``) and whether it was ``kept``
    in the keyring just now."""

    store: Store | None
    source: str = "none"
    kept: bool = False


def open_register(name: str, ask: Ask | None = None) -> Opened:
    """Open the register ``name`` (a path or a ``postgresql://`` URL) as ``open_store`` does; when
    the server wants a password: the keyring's, else ``ask`` (up to ``ATTEMPTS`` times, telling why
    the previous one failed). A refused keyring password is forgotten and asked for.

    Raises ``StoreError`` as ``open_store`` (``STORE_PASSWORD`` when there is no ``ask`` or after
    ``ATTEMPTS`` wrong passwords)."""
    try:
        return Opened(open_store(name))
    except StoreError as exc:
        if exc.code != STORE_PASSWORD:
            raise
        refused = exc
    problem: StoreError | None = None
    kept = keyring_password(name)
    if kept is not None:
        use_password(name, kept)
        try:
            return Opened(open_store(name), "keyring")
        except StoreError as exc:
            use_password(name, None)
            if exc.code != STORE_PASSWORD:
                raise
            forget_keyring_password(name)
            refused = problem = exc
    if ask is None:
        raise refused
    for _attempt in range(ATTEMPTS):
        answer = ask(display_url(name), problem)
        if answer is None:
            return Opened(None)
        use_password(name, answer.password)
        try:
            store = open_store(name)
        except StoreError as exc:
            use_password(name, None)
            if exc.code != STORE_PASSWORD:
                raise
            refused = problem = exc
            continue
        return Opened(store, "asked", kept=answer.remember and keep_in_keyring(name, answer.password))
    raise refused
