"""Fuzzing the ledger importer (issue 12): mutated sample ledgers never end in a traceback; a
rejection lists coded problems located at file:row (whole-file ones excepted) and leaves the store
unchanged. The longer run is ``bench/fuzz_ledger.py`` (same mutations)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz_ledger import make_template, mutate, run_case, sample_files

BASE = sample_files()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_ledgers_are_imported_or_rejected_with_located_problems(template: Path, tmp_path: Path,
                                                                      seed: int) -> None:
    outcome = run_case(mutate(BASE, random.Random(seed)), template, tmp_path / "case")
    assert outcome.kind != "crash", outcome.bad
    assert outcome.bad == []


CELLS = st.text(st.characters(codec="utf-8", exclude_characters="\r\n,\""), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(sorted(BASE)), row=st.integers(1, 12), column=st.integers(0, 20), text=CELLS)
def test_any_text_in_any_cell(template: Path, tmp_path: Path, file: str, row: int, column: int, text: str) -> None:
    lines = BASE[file].decode("utf-8-sig").split("\r\n")
    index = min(row, len(lines) - 1)
    cells = lines[index].split(",")
    cells[min(column, len(cells) - 1)] = text
    lines[index] = ",".join(cells)
    outcome = run_case({**BASE, file: "\r\n".join(lines).encode("utf-8-sig")}, template, tmp_path / "case")
    assert outcome.kind != "crash", outcome.bad
    assert outcome.bad == []
