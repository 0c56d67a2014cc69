"""An amendment against payments already made (issue 16 × 15), without Qt.

The contract of ``tests.amendment_cases``: 120,000.00 元, two installments of 50 % (60,000.00 元 each).
60,000.00 元 is paid on installment 1 on 2026-01-20 (payment #1): it is fully paid.

- Raising the total to 135,000.00 元 makes each 50 % installment 67,500.00 元: installment 1 is then
  paid 60,000.00 of 67,500.00 (7,500.00 outstanding, no longer fully paid) and the overview's
  outstanding goes from 60,000.00 (installment 2) to 7,500.00 + 67,500.00 = 75,000.00 元.
- Removing installment 1, or setting its amount to 50,000.00 (< 60,000.00 paid), or lowering the total to
  100,000.00 (50 % = 50,000.00 < 60,000.00), is refused naming payment #1; the store is unchanged.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from services.amendments import register as amendments
from services.amendments.changes import AmendmentData, ChangeData
from services.amendments.paid import BELOW_PAID, REMOVES_PAID, PaidInstallmentError
from services.calendar import agenda
from services.ledger.importer import LedgerError, import_ledger
from services.payments.overview import overview
from services.payments.record import record_payment
from services.register import contracts
from services.register.contract_data import PaymentData
from services.store import Store
from tests.amendment_cases import D, original

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

DAY = D(2026, 3, 1)


def _paid(store: Store) -> int:
    with store.session() as session:
        contract_id = contracts.save(session, original())
    with store.session() as session:
        record_payment(session, contract_id, PaymentData(0, D(2026, 1, 20), Decimal("60000.00"), 1), today=DAY)
    return contract_id


def _amend(store: Store, contract_id: int, *changes: ChangeData) -> None:
    with store.session() as session:
        version = contracts.load(session, contract_id).version
        amendments.record(session, contract_id, AmendmentData("补1", D(2026, 2, 1), changes=list(changes)),
                          version=version)


def _total(old: str, new: str) -> list[ChangeData]:
    return [ChangeData(1, "contract", field="total_amount", old_value=old, new_value=new)]


def test_raising_the_total_raises_what_is_outstanding(store: Store) -> None:
    contract_id = _paid(store)
    with store.session() as session:
        assert overview(session, DAY).totals.outstanding == Decimal("60000.00")
        assert contracts.load(session, contract_id).installments[0].paid_date == D(2026, 1, 20)
    _amend(store, contract_id, *_total("120000.00", "135000.00"))
    with store.session() as session:
        figures = overview(session, DAY).totals
        first = contracts.load(session, contract_id).installments[0]
    assert (figures.value, figures.due, figures.paid) == (Decimal("135000.00"), Decimal("135000.00"),
                                                          Decimal("60000.00"))
    assert figures.outstanding == Decimal("75000.00")
    assert first.paid_amount == Decimal("60000.00") and first.paid_date is None  # partly paid now


@pytest.mark.parametrize(("changes", "code"), [
    ([ChangeData(1, "installment", target_key="1", action="remove",
                 old_value="seq=1; name=首付款; percent=50; due_date=2026-01-15")], REMOVES_PAID),
    ([ChangeData(1, "installment", target_key="1", field="amount", old_value=None, new_value="50000.00")],
     BELOW_PAID),
    (_total("120000.00", "100000.00"), BELOW_PAID),
], ids=["removed", "amount-lowered", "total-lowered"])
def test_an_amendment_taking_away_what_was_paid_is_refused_naming_the_payment(
        store: Store, changes: list[ChangeData], code: str) -> None:
    contract_id = _paid(store)
    with store.session() as session:
        before = contracts.load(session, contract_id)
    with pytest.raises(PaidInstallmentError) as caught:
        _amend(store, contract_id, *changes)
    assert caught.value.code == code
    for language in ("zh", "en"):
        text = caught.value.message(language)
        assert "#1 2026-01-20 ¥60,000.00" in text and "补1" in text
    with store.session() as session:
        assert contracts.load(session, contract_id) == before
        assert amendments.amendments(session, contract_id) == []


def test_changing_an_unpaid_installment_is_allowed_and_keeps_the_payments(store: Store) -> None:
    contract_id = _paid(store)
    _amend(store, contract_id, ChangeData(1, "installment", target_key="2", field="due_date", old_value=None,
                                          new_value="2026-12-31"))
    with store.session() as session:
        data = contracts.load(session, contract_id)
    assert [(p.seq, p.installment_seq, p.amount) for p in data.payments] == [(1, 1, Decimal("60000.00"))]
    assert data.installments[0].paid_date == D(2026, 1, 20)
    assert data.installments[1].due_date == dt.date(2026, 12, 31)


def test_an_imported_amendment_removing_a_paid_installment_is_a_problem_at_file_row_column(
        store: Store, tmp_path: Path) -> None:
    contract_id = _paid(store)
    header = ["contract_no", "amendment_no", "sign_date", "effective_date", "seq", "target", "target_key", "field",
              "action", "old_value", "new_value", "text"]
    row = ["ZFY-2026-001", "补1", "2026-02-01", "", "1", "installment", "1", "", "remove", "", "", ""]
    path = tmp_path / "amendments.csv"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([header, row])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    with pytest.raises(LedgerError) as caught:
        import_ledger(store, path)
    assert caught.value.problems[0].startswith("amendments.csv:2:")
    assert "#1 2026-01-20 ¥60,000.00" in caught.value.problems[0]
    with store.session() as session:
        assert len(contracts.load(session, contract_id).installments) == 2


def test_a_pending_raise_of_the_total_leaves_a_paid_installment_done_until_it_applies(store: Store) -> None:
    # Installment 1 is paid in full (60,000.00 = 50 % of 120,000.00). A raise to 135,000.00 effective in
    # 2099 makes it 67,500.00 then — partly paid; today it is still paid in full and its deadline done.
    contract_id = _paid(store)
    with store.session() as session:
        amendments.record(session, contract_id, AmendmentData("补1", D(2026, 2, 1), D(2099, 1, 1),
                                                              changes=_total("120000.00", "135000.00")), version=None)
    with store.session() as session:
        assert contracts.load(session, contract_id).installments[0].paid_date is None  # stored: as amended
        now = {d.key: d for d in agenda.all_deadlines(session, today=DAY, reminder_days=0)}
        then = {d.key: d for d in agenda.all_deadlines(session, today=D(2099, 1, 2), reminder_days=0)}
    assert now["installment:1"].state == "done" and now["installment:1"].done_date == D(2026, 1, 20)
    assert then["installment:1"].state == "overdue"  # 7,500.00 still to pay once the raise applies
