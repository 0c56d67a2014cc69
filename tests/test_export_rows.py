"""The export's one row source (services/ledger/export_rows.py, issue 18): one query per table gives
the same files, byte for byte, as loading every contract one by one did — on the samples with
payments, amendments, attachments, recorded events, done marks (out of order, and one the format
cannot carry), formula-like cells, negative offsets and a contract in the Trash — and the
workbook the same typed values; progress counts rows, cancel writes nothing."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.contract import Contract
from models.obligations import DeadlineDone
from services.amendments import register as amendments
from services.attachments import files as attachment_files
from services.calendar.agenda import record_event
from services.ledger import apart
from services.ledger.export_rows import ledger_rows, live_ids
from services.ledger.importer import import_ledger
from services.ledger.schema import SUPPORTED, Column, Table
from services.ledger.workbook_write import workbook_bytes
from services.ledger.write import ExportCancelled, cell_formatter, format_cell, ledger_files, written_columns
from services.payments.record import record_payment
from services.register import contracts
from services.register.contract_data import ContractData, PaymentData
from services.store import Store
from tests.amendment_cases import amendment, original
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

D = dt.date


def _old_values(table: Table, contract: ContractData) -> list[list[object]]:
    """The rows of one contract as the writers built them before issue 18 (from ``load_by_no``)."""
    records: list[object] = [contract] if table.name == "contracts" else list(getattr(contract, table.name))
    return [[contract.contract_no if column.name == "contract_no" else getattr(record, column.name)
             for column in table.columns] for record in records]


def _old_tables(session: Session) -> dict[str, list[list[object]]]:
    numbers = list(session.scalars(select(Contract.contract_no).where(contracts.LIVE).order_by(Contract.id)))
    tables: dict[str, list[list[object]]] = {table.name: [] for table in SUPPORTED}
    for number in numbers:
        contract = contracts.load_by_no(session, number)
        for table in SUPPORTED:
            tables[table.name].extend(_old_values(table, contract))
    return tables


def _old_ledger_files(session: Session) -> dict[str, bytes]:
    """``ledger_files`` as it was: ``load_by_no`` per contract, then ``format_cell`` per value."""
    tables = _old_tables(session)
    out: dict[str, bytes] = {}
    for table in SUPPORTED:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        kept = written_columns(table, tables[table.name])  # an extension column only when used
        columns = [table.columns[i] for i in kept]
        writer.writerow([column.name for column in columns])
        for row in tables[table.name]:
            writer.writerow([format_cell(row[i], column) for i, column in zip(kept, columns, strict=True)])
        out[table.file_name] = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    ids = list(session.scalars(select(Contract.id).where(contracts.LIVE).order_by(Contract.id)))
    out.update(apart.files(session, ids, format_cell))
    return out


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    """The samples, then the amendment case, payments, events, done marks, tricky cells and a
    contract in the Trash."""
    import_ledger(store, SAMPLE_LEDGER)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 scan")
    with store.session() as session:
        amended = contracts.save(session, original())
    with store.session() as session:
        amendments.record(session, amended, amendment(), version=1)
        attachment_files.add_file(session, amended, tmp_path / "scan.pdf", kind="signed_copy", note="=盖章版",
                                  today=D(2026, 1, 5))
        record_payment(session, amended, PaymentData(seq=0, paid_date=D(2026, 1, 20), amount=Decimal("30000.00"),
                                                     installment_seq=1, invoice_no="00012345", note="+首付"))
        record_payment(session, amended, PaymentData(seq=0, paid_date=D(2026, 1, 10), amount=Decimal("0.50")))
        record_event(session, amended, "invoice", D(2026, 1, 12))
        record_event(session, amended, "试运行", D(2026, 2, 1), label="试运行完成")
        record_event(session, amended, "acceptance", D(2026, 3, 1))
        # done marks stored out of ledger order, and one the format does not carry (term_end)
        for key, done in (("milestone:2:2026-03-01", D(2026, 3, 2)), ("term_end", D(2026, 6, 30)),
                          ("milestone:1:2026-02-01", D(2026, 2, 3)), ("milestone:1:2026-01-01", D(2026, 1, 4))):
            session.add(DeadlineDone(contract_id=amended, key=key, done_date=done, note=None))
    with store.session() as session:
        data = contracts.load_by_no(session, "WHZF-2026-ZWY")
        data.notes = "=SUM(A1), \"quoted\"\nsecond line"
        data.installments[0].due_offset = -5
        data.installments[0].due_after = "start"
        data.installments[0].due_unit = "days"
        data.line_items[0].name = "-折扣"
        contracts.save(session, data, contract_id=contracts.find_id(session, data.contract_no))
        trashed = contracts.save(session, dataclasses.replace(original(), contract_no="TRASH-1", title="废弃"))
        contracts.delete_contract(session, trashed)
    return store


def test_one_query_per_table_writes_the_same_bytes_as_loading_each_contract(filled: Store) -> None:
    with filled.session() as session:
        old = _old_ledger_files(session)
        new = ledger_files(session)
    assert list(new) == list(old)
    for name in old:
        assert new[name] == old[name], name
    assert "amendments.csv" in new and "attachments.csv" in new and b"TRASH-1" not in new["contracts.csv"]
    assert b"'=SUM(A1)" in new["contracts.csv"] and b"'-5" in new["installments.csv"]
    marks = new["done_marks.csv"].decode("utf-8-sig").splitlines()
    assert [line.split(",")[3] for line in marks[1:]] == ["2026-01-01", "2026-02-01", "2026-03-01"]


def test_the_workbook_gets_the_same_typed_values(filled: Store) -> None:
    with filled.session() as session:
        old = _old_tables(session)
        new = ledger_rows(session)
        assert live_ids(session) == sorted(live_ids(session))
    assert set(new) == {table.name for table in SUPPORTED}
    for table in SUPPORTED:
        assert [list(row) for row in new[table.name]] == old[table.name], table.name
        assert all(type(a) is type(b) for row, before in zip(new[table.name], old[table.name], strict=True)
                   for a, b in zip(row, before, strict=True)), table.name
    assert any(isinstance(value, Decimal) for row in new["payments"] for value in row)


def test_progress_counts_rows_and_cancel_writes_nothing(filled: Store) -> None:
    seen: list[tuple[int, int]] = []
    with filled.session() as session:
        total = sum(len(rows) for rows in ledger_rows(session).values())
        ledger_files(session, progress=lambda done, of: seen.append((done, of)))
        with pytest.raises(ExportCancelled):
            ledger_files(session, cancelled=lambda: True)
        with pytest.raises(ExportCancelled):
            workbook_bytes(session, cancelled=lambda: True)
        booked: list[tuple[int, int]] = []
        workbook_bytes(session, progress=lambda done, of: booked.append((done, of)))
        live = live_ids(session)
        apart_rows = sum(len(rows) for rows in apart.table_rows(session, live)[0].values())
    assert seen[-1] == (total, total) and all(of == total for _done, of in seen)
    assert [done for done, _of in seen] == sorted(done for done, _of in seen)
    assert apart_rows > 0  # the workbook also counts its amendments and attachments sheets
    assert booked[-1] == (total + apart_rows, total + apart_rows)


_VALUES = st.one_of(
    st.none(), st.text(max_size=6), st.sampled_from(["=1+1", "-3", "+x", "@a", "\tx", "\rx", "'=a", "event:试运行",
                                                      "acceptance", "验收合格", "event:acceptance", ""]),
    st.integers(-10**6, 10**6), st.dates(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**6, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([(table, column) for table in SUPPORTED for column in table.columns]), _VALUES)
def test_the_writers_cell_formatter_is_format_cell(where: tuple[Table, Column], value: object) -> None:
    _table, column = where

    def outcome(write: Callable[[], str]) -> tuple[str, object]:
        try:
            return "text", write()
        except Exception as exc:  # a value the column never holds: both must fail alike
            return "error", type(exc)

    assert outcome(lambda: cell_formatter(column)(value)) == outcome(lambda: format_cell(value, column))


@pytest.mark.parametrize("text", ["0", "0.00", "-0.00", "-0", "1234.56", "-0.05", "1E+3", "1.00E+3", "5.5", "0.001",
                                  "123456789012.34", "-1", "1.2345"])
def test_money_cells_as_format_cell_writes_them(text: str) -> None:
    column = SUPPORTED[0].column("total_amount")
    for value in (Decimal(text), (Decimal(text)).quantize(Decimal("0.01"))):
        assert cell_formatter(column)(value) == format_cell(value, column)
