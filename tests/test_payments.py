"""Payments in the store (services.payments.record / summary), no Qt: the one writer, the
installment columns it keeps, history and Changes, each kind of bad input, and the upgrade of a
revision-0004 store (migration 0013 moves paid_date/paid_amount into payments)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from services import history as history_log
from services.calendar.agenda import contract_deadlines
from services.changes import ChangeKind
from services.errors import UserError
from services.history import HistoryAction
from services.ledger.importer import import_ledger
from services.payments.record import exceeds_remaining, record_payment, remaining, remove_payment
from services.payments.states import InstallmentState
from services.payments.summary import contract_payments
from services.register import contracts
from services.register.contract_data import PaymentData
from services.store import Store, open_store
from tests.conftest import ROOT, SAMPLE_LEDGER

NUMBER = "2026-021"  # installment 1: 75 % = 311,685.00; installment 2: 25 % = 103,895.00
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def samples_template(template_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pay") / "samples.db"
    shutil.copyfile(template_store, path)
    opened = open_store(path)
    import_ledger(opened, SAMPLE_LEDGER)
    opened.close()
    return path


@pytest.fixture
def samples(store_backend: str, request: pytest.FixtureRequest, samples_template: Path,
            tmp_path: Path) -> Iterator[Store]:
    """The sample register: a copy of the module's template, or imported on the PostgreSQL test
    server (tests marked ``both_stores``, their ``[postgresql]`` run)."""
    if store_backend == "postgresql":
        server: Store = request.getfixturevalue("pg_store")
        import_ledger(server, SAMPLE_LEDGER)
        yield server
        return
    path = tmp_path / "samples.db"
    shutil.copyfile(samples_template, path)
    opened = open_store(path)
    yield opened
    opened.close()


def _id(store: Store, number: str = NUMBER) -> int:
    with store.session() as session:
        found = contracts.find_id(session, number)
    assert found is not None
    return found


def _pay(store: Store, amount: str, day: dt.date, installment: int | None = 1, **more: object) -> PaymentData:
    with store.session(write=True) as session:
        return record_payment(session, _id(store), PaymentData(0, day, Decimal(amount), installment, **more),  # type: ignore[arg-type]
                              today=TODAY)


@pytest.mark.both_stores
def test_partial_then_final_payment(samples: Store) -> None:
    contract_id = _id(samples)
    first = _pay(samples, "100000.00", dt.date(2026, 3, 2), invoice_no="No.0012", voucher_no="记-0301")
    assert first.seq == 1
    with samples.session() as session:
        picture = contract_payments(session, contract_id, TODAY)
        line = picture.line(1)
        assert line is not None and line.status.state is InstallmentState.PARTLY_PAID
        assert line.status.outstanding_fen == 211_685_00
        assert remaining(session, contract_id, 1) == Decimal("211685.00")
        data = contracts.load(session, contract_id)
        assert data.installments[0].paid_amount == Decimal("100000.00")
        assert data.installments[0].paid_date is None  # not fully paid: the deadline stays open
        assert data.version == 1  # recorded beside the contract: an open editor keeps its version
        assert history_log.changes(session).kinds == frozenset()  # a read announces nothing
    second = _pay(samples, "211685.00", dt.date(2026, 4, 1))
    assert second.seq == 2
    with samples.session() as session:
        picture = contract_payments(session, contract_id, TODAY)
        line = picture.line(1)
        assert line is not None and line.status.state is InstallmentState.PAID
        assert line.status.paid_on == dt.date(2026, 4, 1)
        assert picture.paid == Decimal("311685.00")
        assert picture.outstanding == Decimal("103895.00")  # the second installment, waiting for its invoice
        assert picture.overdue == Decimal("0.00")
        data = contracts.load(session, contract_id)
        assert data.installments[0].paid_date == dt.date(2026, 4, 1)
        assert [p.invoice_no for p in data.payments] == ["No.0012", None]
        deadline = next(d for d in contract_deadlines(session, contract_id, today=TODAY, reminder_days=0)
                        if d.key == "installment:1")
        assert deadline.state == "done"
        rows = history_log.history(session, contract_id=contract_id)
        assert [r.action for r in rows] == [HistoryAction.IMPORT, HistoryAction.PAYMENT, HistoryAction.PAYMENT]


def test_a_payment_announces_contracts_and_deadlines(samples: Store) -> None:
    with samples.session(write=True) as session:
        record_payment(session, _id(samples), PaymentData(0, dt.date(2026, 3, 2), Decimal("1.00"), 1))
        changes = history_log.changes(session)
    assert changes.contract_ids == frozenset({_id(samples)})
    assert {ChangeKind.CONTRACTS, ChangeKind.DEADLINES, ChangeKind.HISTORY} <= changes.kinds


def test_exceeding_what_remains_is_reported_before_it_is_recorded(samples: Store) -> None:
    _pay(samples, "300000.00", dt.date(2026, 3, 2))
    with samples.session() as session:
        over = exceeds_remaining(session, _id(samples), PaymentData(0, TODAY, Decimal("12000.00"), 1))
        within = exceeds_remaining(session, _id(samples), PaymentData(0, TODAY, Decimal("11685.00"), 1))
        untied = exceeds_remaining(session, _id(samples), PaymentData(0, TODAY, Decimal("9e6"), None))
    assert over == Decimal("315.00")
    assert within is None and untied is None


@pytest.mark.both_stores
def test_remove_payment_clears_the_installment(samples: Store) -> None:
    _pay(samples, "311685.00", dt.date(2026, 3, 2))
    with samples.session(write=True) as session:
        removed = remove_payment(session, _id(samples), 1)
    assert removed.amount == Decimal("311685.00")
    with samples.session() as session:
        data = contracts.load(session, _id(samples))
    assert data.payments == []
    assert (data.installments[0].paid_date, data.installments[0].paid_amount) == (None, None)


@pytest.mark.both_stores
def test_an_editor_copy_saved_after_a_payment_keeps_the_paid_columns(samples: Store) -> None:
    with samples.session() as session:
        edited = contracts.load(session, _id(samples))  # an editor opened before the payment
    _pay(samples, "311685.00", dt.date(2026, 3, 2))
    edited.title = "改过的名称"
    with samples.session(write=True) as session:
        contracts.save(session, edited, contract_id=_id(samples))
    with samples.session() as session:
        data = contracts.load(session, _id(samples))
    assert data.title == "改过的名称"
    assert (data.installments[0].paid_date, data.installments[0].paid_amount) \
        == (dt.date(2026, 3, 2), Decimal("311685.00"))


def test_change_a_payment_keeps_its_number(samples: Store) -> None:
    _pay(samples, "100.00", dt.date(2026, 3, 2))
    with samples.session(write=True) as session:
        record_payment(session, _id(samples), PaymentData(1, dt.date(2026, 3, 3), Decimal("311685.00"), 1))
    with samples.session() as session:
        data = contracts.load(session, _id(samples))
    assert [(p.seq, p.amount) for p in data.payments] == [(1, Decimal("311685.00"))]
    assert data.installments[0].paid_date == dt.date(2026, 3, 3)


@pytest.mark.parametrize(("payment", "code"), [
    (PaymentData(0, TODAY, Decimal("0.00"), 1), "PAYMENT_AMOUNT"),
    (PaymentData(0, TODAY, Decimal("-5.00"), 1), "PAYMENT_AMOUNT"),
    (PaymentData(0, TODAY, Decimal("1.005"), 1), "PAYMENT_AMOUNT"),
    (PaymentData(0, TODAY, Decimal("1.00"), 9), "PAYMENT_NO_INSTALLMENT"),
    (PaymentData(0, TODAY, Decimal("1.00"), 1, payer_role="丙"), "PAYMENT_ROLE"),
])
def test_bad_payment_is_refused_with_its_code(samples: Store, payment: PaymentData, code: str) -> None:
    with pytest.raises(UserError) as caught, samples.session(write=True) as session:
        record_payment(session, _id(samples), payment)
    assert caught.value.code == code
    assert "[" + code + "]" in caught.value.message("zh_CN")
    with samples.session() as session:
        assert contracts.load(session, _id(samples)).payments == []  # nothing half-written


def test_removing_a_missing_payment(samples: Store) -> None:
    with pytest.raises(UserError) as caught, samples.session(write=True) as session:
        remove_payment(session, _id(samples), 4)
    assert caught.value.code == "PAYMENT_NOT_FOUND"


STORE_0004 = ROOT / "tests" / "resources" / "db" / "contracts-0004.sqlite"


def test_upgrade_moves_paid_columns_into_payments(tmp_path: Path) -> None:
    path = tmp_path / "contracts.db"
    shutil.copyfile(STORE_0004, path)
    connection = sqlite3.connect(path)  # a partly paid installment too, as revision 0004 could hold it
    connection.execute("UPDATE installments SET paid_date = '2026-10-08', paid_amount = 50000000"
                       " WHERE contract_id = 3 AND seq = 2")
    connection.commit()
    connection.close()
    upgraded = open_store(path)
    try:
        with upgraded.session() as session:
            whole = contracts.load_by_no(session, "2026-021")  # 0004 holds it marked paid, no amount
            part = contracts.load_by_no(session, "WHZF-2026-ZWY")
    finally:
        upgraded.close()
    assert [(p.seq, p.installment_seq, p.paid_date, p.amount, p.payer_role, p.payee_role) for p in whole.payments] \
        == [(1, 1, dt.date(2026, 2, 10), Decimal("311685.00"), "甲方", "乙方")]
    assert (whole.installments[0].paid_date, whole.installments[0].paid_amount) \
        == (dt.date(2026, 2, 10), Decimal("311685.00"))
    assert [(p.installment_seq, p.paid_date, p.amount) for p in part.payments] \
        == [(2, dt.date(2026, 10, 8), Decimal("500000.00"))]
    second = part.installments[1]
    assert second.paid_amount == Decimal("500000.00")
    assert second.paid_date is None  # 500,000.00 of 767,180.28: partly paid, the deadline stays open
