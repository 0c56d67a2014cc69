"""The import's fast paths (issue 18) give exactly what the general code gives:

* the reader's per-column converters (``services.ledger.read._read_clean_row``, values remembered by
  cell text) against ``_read_cell`` on every cell — values, 万元 cells, bad cells, errors and
  warnings with their codes, parameters and places — on the sample ledger and on generated cells
  (valid values, the same value repeated, bad values, formula guards, line breaks, control
  characters);
* a new contract's history details (``contract_diff(None, …)``) against the field-by-field
  comparison with nothing;
* ``stored_dates`` (one build of the deadlines) against ``stored_next_due`` and
  ``resolved_due_dates``;
* an RRULE parsed once per first date gives the occurrences a fresh parse gives;
* money in the writer's form (``2738718.50``) reads as ``parse_money`` reads it.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.calendar import recurrence
from services.calendar.stored import resolved_due_dates, stored_dates, stored_next_due
from services.calendar.workdays import WorkingCalendar
from services.errors import InputError
from services.ledger import read, values
from services.ledger.read import Problems, read_table
from services.ledger.schema import SUPPORTED, Table
from services.register import diff
from services.register.contract_data import ContractData, MilestoneData
from services.store import Store, open_store
from tests.conftest import SAMPLE_LEDGER


def _outcome(text: str, table: Table, *, general: bool) -> tuple[list[Any], list[Any], list[Any]]:
    """read_table's records and problems, every detail; ``general``: each cell through ``_read_cell``."""
    problems = Problems()
    if general:
        with mock.patch.object(read, "_has_control", lambda _text: True):
            records = read_table(text, table, f"{table.name}.csv", problems)
    else:
        records = read_table(text, table, f"{table.name}.csv", problems)

    def detail(found: list[str]) -> list[Any]:
        return [(str(p), getattr(p, "code", None), getattr(p, "params", None), getattr(p, "row", None),
                 getattr(p, "column", None), getattr(p, "severity", None)) for p in found]

    shown = [(r.row, {k: (type(v), v) for k, v in r.values.items()}, r.wan, r.bad) for r in records]
    return shown, detail(problems.errors), detail(problems.warnings)


@pytest.mark.parametrize("table", SUPPORTED, ids=lambda t: t.name)
def test_the_sample_ledger_reads_the_same_both_ways(table: Table) -> None:
    path = SAMPLE_LEDGER / table.file_name
    if not path.exists():
        pytest.skip(f"no {table.file_name} in the sample ledger")
    text = path.read_bytes().decode("utf-8-sig")
    fast = _outcome(text, table, general=False)
    assert fast == _outcome(text, table, general=True)
    assert fast[0] and all(values for _row, values, _wan, _bad in fast[0])  # rows were read


#: Cells that exercise each kind: valid forms, near misses, guards, breaks and control characters.
_CELLS = st.sampled_from([
    "", " ", "2025-10-16", "2025年10月16日", "２０２５/１/２", "2025-02-30", "1800-01-01", "100", "2738718.50", "0.00",
    "1,234.50", "¥2,738,718.50",
    "273.87万元", "-5", "+3", "0.05", "75%", "７５％", "1.23456", "abc", "'=1+2", "'-5", "'+3", "=SUM(A1)",
    "甲方", "Party B", "乙方", "yes", "是", "否", "maybe", "acceptance", "验收", "signing+acceptance", "installment:1",
    "event:试运行", "valid_until", "有效期届满", "working_days", "工作日", "months", "days", "FREQ=MONTHLY;COUNT=12",
    "RRULE:FREQ=WEEKLY", "FREQ=SOMETIMES", "CNY", "cny", "RMB1", "performance", "report", "per_day", "contract_total",
    "calendar", "whole", "milestone", "bond", "installment", "draft", "active", "两行\n文字", "1\n2", "\r\n",
    "a\x00b", "\x07", "tab\there", "x" * 70, "0", "12", "99999999999999999", "1e5", "１２",
])


def _ledger_text(table: Table, rows: list[list[str]], separator: str) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(rows)
    return buffer.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_cells_read_the_same_both_ways(data: st.DataObject) -> None:
    table = data.draw(st.sampled_from(SUPPORTED))
    width = len(table.columns)
    row = st.lists(_CELLS, min_size=width - 1, max_size=width + 1)  # short and long rows too
    rows = data.draw(st.lists(row, min_size=1, max_size=6))
    rows += rows[:2]  # the same cells again: remembered values, duplicate keys
    text = _ledger_text(table, rows, data.draw(st.sampled_from([",", ";"])))
    assert _outcome(text, table, general=False) == _outcome(text, table, general=True)


# --- history details of a new contract ----------------------------------------------------------

def test_a_new_contracts_details_are_the_comparison_with_nothing(sample_contracts: dict[str, ContractData]) -> None:
    for data in sample_contracts.values():
        both = copy.deepcopy(data)
        both.line_items = [*both.line_items, copy.deepcopy(both.line_items[0])]  # two rows with one key
        for contract in (data, both, ContractData(contract_no="X-1", title="", total_amount=Decimal("0.00"))):
            assert diff.contract_diff(None, contract) == diff._compared(None, contract)
    assert diff.contract_diff(None, next(iter(sample_contracts.values())))["children"]["parties"]["added"]


# --- next due and installment dues from one build --------------------------------------------------

@pytest.fixture
def samples_store(template_store: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "store.db"
    path.write_bytes(template_store.read_bytes())
    store = open_store(path)
    yield store
    store.close()


def _variants(data: ContractData) -> Iterator[ContractData]:
    yield data
    monthly = copy.deepcopy(data)
    monthly.milestones = [*monthly.milestones, MilestoneData(seq=90, name="月报", due_after="start", due_offset=1,
                                                             due_unit="months", recurrence="FREQ=MONTHLY;COUNT=12")]
    yield monthly
    fixed = copy.deepcopy(data)
    for item in fixed.installments:
        item.due_date, item.due_after = item.due_date or dt.date(2026, 3, 1), None
    yield fixed
    yield ContractData(contract_no="X-2", title="", total_amount=Decimal("0.00"))


def test_stored_dates_are_next_due_and_resolved_due_dates(samples_store: Store,
                                                          sample_contracts: dict[str, ContractData]) -> None:
    recorded_cases = [({}, {}), ({"acceptance": dt.date(2026, 4, 30), "event:试运行": dt.date(2026, 2, 1)},
                                 {"milestone:90:2026-02-01": dt.date(2026, 2, 3)})]
    checked = 0
    with samples_store.session() as session:
        for data in sample_contracts.values():
            for contract in _variants(data):
                for recorded in recorded_cases:
                    for today in (dt.date(2025, 6, 1), dt.date(2026, 5, 1), dt.date(2030, 1, 1)):
                        expected = (stored_next_due(session, 7, contract, today=today, recorded=recorded),
                                    resolved_due_dates(session, 7, contract, recorded=recorded, today=today))
                        assert stored_dates(session, 7, contract, recorded, today=today) == expected
                        checked += 1
    assert checked == 3 * 4 * 2 * 3


# --- an RRULE parsed once per first date ------------------------------------------------------------

@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;COUNT=12", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=WEEKLY;INTERVAL=2",
                                  "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1", "FREQ=DAILY;UNTIL=20260301"])
def test_a_remembered_rule_walks_as_a_fresh_one(rule: str) -> None:
    calendar = WorkingCalendar({}, {})
    first, start, end, today = dt.date(2026, 1, 31), dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2026, 1, 1)

    def walk() -> list[recurrence.Occurrence] | None:
        return recurrence.expand(rule, first, calendar, term_start=start, term_end=end, today=today)

    recurrence._parsed_rule.cache_clear()
    fresh = walk()
    again = walk()  # from the remembered rrule
    assert recurrence._parsed_rule.cache_info().hits >= 1
    assert fresh and again == fresh


# --- money in the writer's form ------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[0-9]{1,17}\.[0-9]{1,3}", fullmatch=True) | st.from_regex(r"-?[0-9０-９]{1,16}[.．][0-9]{2}",
                                                                                   fullmatch=True))
def test_money_in_the_writers_form_reads_as_parse_money_does(text: str) -> None:
    try:
        general: object = values.parse_money(text)
        if general[0] < 0:  # type: ignore[index]
            general = "refused"
    except InputError:
        general = "refused"
    try:
        fast: object = values.parse_money_amount(text)
    except InputError:
        fast = "refused"
    assert fast == general
    if fast != "refused":
        assert str(fast[0]) == str(general[0])  # type: ignore[index]  # the same digits, not only an equal value
