"""Shared fixtures: offscreen Qt, and a fresh temporary store per test.

Migrating a new store takes a moment, so one migrated template is built per session and
copied for each test (the pattern of Anki's ``getEmptyCol``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CONTRACTDESK_DB", None)

from services.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LEDGER = ROOT / "resources" / "sample_ledger"


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_store(path).close()
    return path


@pytest.fixture
def store(template_store: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated, empty store in this test's temporary folder."""
    path = tmp_path / "store.db"
    shutil.copyfile(template_store, path)
    opened = open_store(path)
    yield opened
    opened.close()
#: The sample ledger plus the 10 % cap on the purchaser's total liability of 2026-021 (its
#: clause 第十一条2(2), recorded in the sample only in the contract's notes) as a
#: ``liability_cap`` row — our extension of the ledger format (docs/csv-format.md).
CAP_LEDGER = ROOT / "tests" / "resources" / "ledger_with_liability_cap"
