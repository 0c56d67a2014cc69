"""Shared fixtures: offscreen Qt, a fresh temporary store per test, scripted dialogs (``FakeDialogs``)
and background tasks run inline (``synchronous_tasks``).

Migrating a new store takes a moment, so one migrated template is built per session and
copied for each test (the pattern of Anki's ``getEmptyCol``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CONTRACTDESK_DB", None)
# The command line speaks the locale's language when --lang is not given (cli.language): pin the
# neutral locale CI has, so that a Chinese desktop locale does not change what the tests read.
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)
os.environ.pop("LANGUAGE", None)
os.environ.update(LANG="C.UTF-8")

from services.store import CHECKS_AFTER_UPGRADE, Store, open_store, register_after_upgrade

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LEDGER = ROOT / "resources" / "sample_ledger"
register_after_upgrade(CHECKS_AFTER_UPGRADE)  # as the app: checks after an upgrade


class FakeDialogs:
    """Scripted answers instead of modal dialogs; records what would have been shown."""

    def __init__(self, *, ledger: Path | None = None, folder: Path | None = None, answer: bool = True) -> None:
        self.ledger = ledger
        self.folder = folder
        self.answer = answer
        self.questions: list[str] = []
        self.infos: list[str] = []
        self.errors: list[str] = []

    def ledger_to_import(self) -> Path | None:
        return self.ledger

    def folder_to_export(self) -> Path | None:
        return self.folder

    def ledger_export_target(self) -> Path | None:
        return self.folder

    def pdf_to_save(self, default_name: str) -> Path | None:
        """``self.pdf`` (a folder: the default name in it; None: cancelled); records the name offered."""
        self.pdf_names = [*getattr(self, "pdf_names", []), default_name]
        pdf = getattr(self, "pdf", None)
        return pdf / default_name if pdf is not None and pdf.is_dir() else pdf

    def csv_to_save(self, default_name: str) -> Path | None:
        """``self.csv`` (a folder: the default name in it; None: cancelled); records the name offered."""
        self.csv_names = [*getattr(self, "csv_names", []), default_name]
        csv = getattr(self, "csv", None)
        return csv / default_name if csv is not None and csv.is_dir() else csv

    def xlsx_to_save(self, default_name: str) -> Path | None:
        """``self.xlsx`` (a folder: the default name in it; None: cancelled); records the name offered."""
        self.xlsx_names = [*getattr(self, "xlsx_names", []), default_name]
        xlsx = getattr(self, "xlsx", None)
        return xlsx / default_name if xlsx is not None and xlsx.is_dir() else xlsx

    def backup_to_save(self, default_name: str) -> Path | None:
        """``self.backup_target`` (a folder: the default name in it; None, the default: cancelled);
        records the name offered."""
        self.backup_names = [*getattr(self, "backup_names", []), default_name]
        target = getattr(self, "backup_target", None)
        return target / default_name if target is not None and target.is_dir() else target

    def backup_to_open(self, folder: Path | None = None) -> Path | None:
        """``self.backup_file`` (None, the default: cancelled); records the folder offered."""
        self.backup_folders = [*getattr(self, "backup_folders", []), folder]
        return getattr(self, "backup_file", None)

    def confirm(self, title: str, text: str, *, default_no: bool = False) -> bool:
        self.questions.append(text)
        self.default_no = [*getattr(self, "default_no", []), default_no]
        return self.answer

    def save_discard_cancel(self, title: str, text: str) -> str:
        """``self.unsaved`` (default ``"discard"``, as a test that closes an edited editor expects)."""
        self.unsaved_questions = [*getattr(self, "unsaved_questions", []), text]
        return getattr(self, "unsaved", "discard")

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        """``self.choice`` (default: the first key; a list: the next answer each time); records the
        question and the keys offered."""
        self.choices = [*getattr(self, "choices", []), (text, [key for key, _label in choices])]
        choice = getattr(self, "choice", choices[0][0])
        return choice.pop(0) if isinstance(choice, list) else choice  # a list: one answer per question

    def info(self, title: str, text: str, details: str = "") -> None:
        self.infos.append(text)
        self.info_details = [*getattr(self, "info_details", []), details]

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append(text + "\n" + details)


@pytest.fixture
def synchronous_tasks() -> Iterator[None]:
    """Background tasks run inline on the test's thread (``ui.tasks.set_synchronous``), so a test
    sees a write's outcome as soon as the action returns. Modules of window tests make it autouse."""
    from ui import tasks  # Qt only for the tests that ask for it

    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_store(path).close()
    return path


#: The contract numbers of the sample ledger's three real contracts.
SAMPLE_NUMBERS = ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")


@pytest.fixture(scope="session")
def sample_contracts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample ledger's contracts (``ContractData`` by number), imported once per session; a test
    that changes one changes a ``copy.deepcopy`` of it."""
    from services.ledger.importer import import_ledger
    from services.register import contracts

    store = open_store(tmp_path_factory.mktemp("sample-contracts") / "samples.db")
    try:
        import_ledger(store, SAMPLE_LEDGER)
        with store.session() as session:
            return {no: contracts.load_by_no(session, no) for no in SAMPLE_NUMBERS}
    finally:
        store.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_stores: run the test's `store` on SQLite and on PostgreSQL (tests/pg_server.py)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``both_stores`` that uses ``store`` (or a fixture asking ``store_backend``) runs
    twice: ``[sqlite]`` and ``[postgresql]``."""
    if "store_backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_stores"):
        metafunc.parametrize("store_backend", ["sqlite", "postgresql"], indirect=True)


#: Fixtures whose tests share one server or one program profile: under pytest-xdist (``-n``) each
#: such group runs on one worker, one test at a time (``--dist loadgroup`` in pyproject.toml).
#: PostgreSQL roles are cluster-wide, and LibreOffice keeps one user profile.
_SERIAL_GROUPS = {"pg_store": "postgresql", "pg_database": "postgresql", "soffice": "libreoffice"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put each test that touches the PostgreSQL test server or LibreOffice in its serial group."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        group = None
        if callspec is not None and callspec.params.get("store_backend") == "postgresql":
            group = "postgresql"
        group = group or next((g for name, g in _SERIAL_GROUPS.items() if name in names), None)
        if group is None and item.path.name == "test_libreoffice.py":
            group = "libreoffice"
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def store_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` (default) or ``postgresql`` (tests marked ``both_stores``)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """The URL of this session's throw-away register database on the test server (skips without one)."""
    from tests import pg_server

    reason = pg_server.skip_reason()
    if reason is not None:
        pytest.skip(reason)
    name = f"contractdesk_t{os.getpid()}"
    url = pg_server.create_database(name)
    open_store(url).close()  # migrated once per session
    yield url
    pg_server.drop_database(name)


@pytest.fixture
def pg_store(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A migrated, empty register on the PostgreSQL test server (skipped when none is reachable);
    its local folder (pg_dump backups before a purge, a restore …) in this test's temporary folder."""
    from services import store_pg
    from tests import pg_server

    monkeypatch.setattr(store_pg, "local_path", lambda _url: tmp_path / "server" / "register.db")
    pg_server.empty(pg_database)
    opened = open_store(pg_database)
    yield opened
    opened.close()


@pytest.fixture
def store(store_backend: str, request: pytest.FixtureRequest, template_store: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated, empty store in this test's temporary folder (SQLite), or on the
    PostgreSQL test server for a test marked ``both_stores`` in its ``[postgresql]`` run."""
    if store_backend == "postgresql":
        yield request.getfixturevalue("pg_store")
        return
    path = tmp_path / "store.db"
    shutil.copyfile(template_store, path)
    opened = open_store(path)
    yield opened
    opened.close()
#: The sample ledger plus the 10 % cap on the purchaser's total liability of 2026-021 (its
#: clause 第十一条2(2), recorded in the sample only in the contract's notes) as a
#: ``liability_cap`` row — our extension of the ledger format (docs/csv-format.md).
CAP_LEDGER = ROOT / "tests" / "resources" / "ledger_with_liability_cap"
