"""payments.csv (ledger version 2, issue 15): payments exported, imported and exported again
byte-identically; a version 1 ledger's paid_date/paid_amount read as one payment; a lone
installments.csv keeps the recorded payments; each kind of bad row rejected as file:row:column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from services.ledger.importer import LedgerError, import_ledger
from services.ledger.write import export_ledger
from services.payments.record import record_payment
from services.register import contracts
from services.register.contract_data import ContractData, PaymentData
from services.store import Store, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER

RED_CROSS, WHZF = "2026-021", "WHZF-2026-ZWY"
HEADER = ["contract_no", "seq", "installment_seq", "payer_role", "payee_role", "paid_date", "amount",
          "invoice_no", "voucher_no", "note"]


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def export_bytes(store: Store, folder: Path) -> dict[str, bytes]:
    with store.session() as session:
        return {path.name: path.read_bytes() for path in export_ledger(session, folder)}


def load(store: Store, number: str) -> ContractData:
    with store.session() as session:
        return contracts.load_by_no(session, number)


@pytest.fixture
def fresh(template_store: Path, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def make() -> Store:
        path = tmp_path / f"fresh-{len(opened)}.db"
        shutil.copyfile(template_store, path)
        opened.append(open_store(path))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


def _pay(store: Store, number: str, payment: PaymentData) -> None:
    with store.session(write=True) as session:
        contract_id = contracts.find_id(session, number)
        assert contract_id is not None
        record_payment(session, contract_id, payment)


def test_export_import_export_is_byte_identical_with_payments(fresh: Callable[[], Store], tmp_path: Path) -> None:
    first = fresh()
    import_ledger(first, SAMPLE_LEDGER)
    _pay(first, RED_CROSS, PaymentData(0, dt.date(2026, 3, 2), Decimal("100000.00"), 1, invoice_no="=0012",
                                       voucher_no="记-0301", note="第一笔，部分"))
    _pay(first, RED_CROSS, PaymentData(0, dt.date(2027, 1, 4), Decimal("211685.00"), 1))
    _pay(first, WHZF, PaymentData(0, dt.date(2026, 5, 6), Decimal("88.80"), None, payer_role="乙方",
                                  payee_role="甲方", note="退回多收的电费"))
    exported = export_bytes(first, tmp_path / "one")
    rows = read_rows(tmp_path / "one" / "payments.csv")
    assert rows == [
        HEADER,
        [RED_CROSS, "1", "1", "", "", "2026-03-02", "100000.00", "'=0012", "记-0301", "第一笔，部分"],
        [RED_CROSS, "2", "1", "", "", "2027-01-04", "211685.00", "", "", ""],
        [WHZF, "1", "", "乙方", "甲方", "2026-05-06", "88.80", "", "", "退回多收的电费"],
    ]
    second = fresh()
    import_ledger(second, tmp_path / "one")
    assert export_bytes(second, tmp_path / "two") == exported
    again = load(second, RED_CROSS)
    assert again.installments[0].paid_date == dt.date(2027, 1, 4)  # fully paid with the second payment
    assert [p.invoice_no for p in again.payments] == ["=0012", None]


def test_version_1_paid_columns_read_as_one_payment(fresh: Callable[[], Store], tmp_path: Path) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(ROOT / "tests" / "resources" / "sample_ledger_v1", folder)
    rows = read_rows(folder / "installments.csv")
    header = rows[0]
    for row in rows[1:]:
        if row[0] == RED_CROSS and row[1] == "1":
            row[header.index("paid_date")] = "2026/3/2"
        if row[0] == WHZF and row[1] == "2":
            row[header.index("paid_date")] = "2026年10月8日"
            row[header.index("paid_amount")] = "50万元"
    write_rows(folder / "installments.csv", rows)
    store = fresh()
    result = import_ledger(store, folder)
    assert any("万元" in warning for warning in result.warnings)
    red, whzf = load(store, RED_CROSS), load(store, WHZF)
    assert [(p.installment_seq, p.paid_date, p.amount, p.payee_role) for p in red.payments] \
        == [(1, dt.date(2026, 3, 2), Decimal("311685.00"), "乙方")]  # no amount: the installment's 75 %
    assert red.installments[0].paid_date == dt.date(2026, 3, 2)
    assert [(p.installment_seq, p.amount) for p in whzf.payments] == [(2, Decimal("500000.00"))]
    assert whzf.installments[1].paid_date is None  # partly paid


def test_a_lone_installments_file_keeps_recorded_payments(fresh: Callable[[], Store], tmp_path: Path) -> None:
    store = fresh()
    import_ledger(store, SAMPLE_LEDGER)
    _pay(store, RED_CROSS, PaymentData(0, dt.date(2026, 3, 2), Decimal("1000.00"), 1))
    export_bytes(store, tmp_path / "all")
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(tmp_path / "all" / "installments.csv", lone / "installments.csv")
    import_ledger(store, lone, replace=True)
    red = load(store, RED_CROSS)
    assert [(p.seq, p.amount) for p in red.payments] == [(1, Decimal("1000.00"))]
    assert red.installments[0].paid_amount == Decimal("1000.00")


BAD = [
    ([RED_CROSS, "1", "1", "", "", "", "10.00", "", "", ""], "paid_date", "a value is required"),
    ([RED_CROSS, "1", "1", "", "", "2026-03-02", "", "", "", ""], "amount", "a value is required"),
    ([RED_CROSS, "1", "1", "", "", "2026-03-02", "十元", "", "", ""], "amount", ""),
    ([RED_CROSS, "1", "1", "X方", "", "2026-03-02", "10.00", "", "", ""], "payer_role", ""),
    ([RED_CROSS, "1", "一", "", "", "2026-03-02", "10.00", "", "", ""], "installment_seq", "not an integer"),
    ([RED_CROSS, "1", "1", "", "", "2026-13-02", "10.00", "", "", ""], "paid_date", ""),
    (["NOPE-1", "1", "1", "", "", "2026-03-02", "10.00", "", "", ""], "contract_no", "unknown contract"),
]


@pytest.mark.parametrize(("row", "column", "reason"), BAD, ids=[f"{b[1]}-{i}" for i, b in enumerate(BAD)])
def test_bad_payment_row_rejects_the_ledger(fresh: Callable[[], Store], tmp_path: Path, row: list[str],
                                            column: str, reason: str) -> None:
    store = fresh()
    import_ledger(store, SAMPLE_LEDGER)
    folder = tmp_path / "bad"
    folder.mkdir()
    write_rows(folder / "payments.csv", [HEADER, row])
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, folder, replace=True)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"payments.csv:2:{column}: "), problems
    assert reason in problems[0]
    assert load(store, RED_CROSS).payments == []
