"""An installment due "within 20 working days of acceptance" (issue 15): its due date, once the
acceptance is recorded, is the same in the overview (SQL over ``installments.resolved_due_date``),
the agenda and the Payments tab's figures — kept by the one writer when the event, the contract
or the holiday table changes, and filled by migration 0016 for a store written at 0014. No Qt.

Hand count (民法典 第二百零一条: the day of the event is not counted): acceptance Wed 1 July 2026;
working days Thu 2 (1), Fri 3 (2), 6–10 (3–7), 13–17 (8–12), 20–24 (13–17), Mon 27 (18), Tue 28 (19),
Wed 29 July 2026 (20). No public holiday in July. With Wed 15 July made a rest day in the holiday
table, day 20 moves to Thu 30 July."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sqlalchemy import inspect, text

from services.calendar.agenda import all_deadlines, mark_done, record_event, refresh_next_due
from services.calendar.holidays import HolidayRow, save_holidays
from services.payments.overview import overview
from services.payments.overview_detail import Selection, installments_behind
from services.payments.summary import contract_payments
from services.register import contracts
from services.register.contract_data import ContractData, InstallmentData, PartyData
from services.store import Store, current_revision, head_revision, open_store
from tests.store_revisions import downgrade_to

D = dt.date
TODAY = D(2026, 6, 15)
ACCEPTED = D(2026, 7, 1)
DUE = D(2026, 7, 29)


def _contract() -> ContractData:
    return ContractData(
        contract_no="YS-2026-01", title="政务云安全服务", total_amount=Decimal("200000.00"),
        sign_date=D(2026, 3, 2), start_date=D(2026, 3, 2), end_date=D(2027, 3, 1),
        parties=[PartyData(role="甲方", name="某市大数据中心"), PartyData(role="乙方", name="某安全服务有限公司")],
        installments=[
            InstallmentData(seq=1, name="首付款", amount=Decimal("60000.00"), due_date=D(2026, 3, 31)),
            InstallmentData(seq=2, name="验收款", amount=Decimal("140000.00"), due_after="acceptance",
                            due_offset=20, due_unit="working_days"),
        ],
    )


def _three_dates(store: Store, contract_id: int, today: dt.date = TODAY) -> tuple[object, object, object]:
    """Installment 2's due date in the overview, the agenda and the Payments tab's figures."""
    with store.session() as session:
        months = {f.label: f.due for f in overview(session, today).by_month}
        supplier = Selection(supplier="某安全服务有限公司")
        behind = [r.due_date for r in installments_behind(session, today, None, supplier)
                  if r.contract_id == contract_id and r.seq == 2]
        agenda = [d.due for d in all_deadlines(session, today=today, reminder_days=0)
                  if d.contract_id == contract_id and d.key == "installment:2"]
        tab = contract_payments(session, contract_id, today).line(2)
    assert tab is not None and len(behind) == 1 and len(agenda) == 1
    if behind[0] is not None:  # the overview's month table counts it in its month
        assert months[f"{behind[0]:%Y-%m}"] >= Decimal("140000.00")
    return behind[0], agenda[0], tab.status.due_date


def test_the_overview_agenda_and_payments_tab_agree(store: Store) -> None:
    with store.session(write=True) as session:
        contract_id = contracts.save(session, _contract())
    assert _three_dates(store, contract_id) == (None, None, None)  # waiting for the acceptance
    with store.session() as session:
        waiting = overview(session, TODAY)
    assert [(f.label, f.due) for f in waiting.by_budget_year] == [
        ("2026", Decimal("60000.00")), ("—", Decimal("140000.00"))]
    with store.session(write=True) as session:
        record_event(session, contract_id, "acceptance", ACCEPTED)
    assert _three_dates(store, contract_id) == (DUE, DUE, DUE)
    with store.session() as session:
        after = overview(session, TODAY)
        later = overview(session, D(2026, 8, 10))  # 12 days late, nothing paid
    assert [(f.label, f.due) for f in after.by_budget_year] == [("2026", Decimal("200000.00"))]
    assert [f.due for f in after.due_next] == [Decimal("0.00"), Decimal("140000.00")]  # within 90 days, not 30
    assert later.ageing[0].overdue == Decimal("140000.00") and later.ageing[0].count == 1  # 1–30 days
    with store.session(write=True) as session:  # the event taken back: no date anywhere again
        record_event(session, contract_id, "acceptance", None)
    assert _three_dates(store, contract_id) == (None, None, None)


def test_saving_the_contract_with_a_new_rule_moves_the_date(store: Store) -> None:
    with store.session(write=True) as session:
        contract_id = contracts.save(session, _contract())
        record_event(session, contract_id, "acceptance", ACCEPTED)
    with store.session(write=True) as session:
        data = contracts.load(session, contract_id)
        data.installments[1].due_offset = 10  # 10 working days: Wed 15 July
        contracts.save(session, data, contract_id=contract_id)
    assert _three_dates(store, contract_id) == (D(2026, 7, 15),) * 3
    with store.session(write=True) as session:  # marked paid in the agenda: still dated, as the agenda has it
        mark_done(session, contract_id, "installment:2", D(2026, 7, 20))
    with store.session() as session:
        assert session.execute(text("SELECT resolved_due_date FROM installments WHERE seq = 2")).scalar() \
            == "2026-07-15"


def test_a_holiday_table_change_moves_every_resolved_date_in_one_transaction(store: Store) -> None:
    with store.session(write=True) as session:
        first = contracts.save(session, _contract())
        other = _contract()
        other.contract_no = "YS-2026-02"
        second = contracts.save(session, other)
        for contract_id in (first, second):
            record_event(session, contract_id, "acceptance", ACCEPTED)
    with store.session(write=True) as session:  # what the holiday dialog's task does, in one transaction
        save_holidays(session, [HolidayRow(D(2026, 7, 15), False, "防汛")])
        refresh_next_due(session)
    assert _three_dates(store, first) == (D(2026, 7, 30),) * 3
    assert _three_dates(store, second) == (D(2026, 7, 30),) * 3


def test_a_store_at_0014_upgrades_and_fills_the_resolved_dates(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_store(path)
    with old.session(write=True) as session:
        contract_id = contracts.save(session, _contract())
        record_event(session, contract_id, "acceptance", ACCEPTED)
        other = _contract()
        other.contract_no = "YS-2026-02"  # acceptance never recorded: stays without a date
        contracts.save(session, other)
    old.close()
    downgrade_to(path, "0014")
    old = open_store(path, target="0014")
    assert "resolved_due_date" not in {c["name"] for c in inspect(old.engine).get_columns("installments")}
    old.close()

    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.session() as session:
            rows = session.execute(text(
                "SELECT c.contract_no, i.seq, i.resolved_due_date FROM installments i"
                " JOIN contracts c ON c.id = i.contract_id ORDER BY 1, 2")).all()
        assert [tuple(r) for r in rows] == [
            ("YS-2026-01", 1, "2026-03-31"), ("YS-2026-01", 2, "2026-07-29"),
            ("YS-2026-02", 1, "2026-03-31"), ("YS-2026-02", 2, None)]
        assert _three_dates(store, contract_id) == (DUE, DUE, DUE)
    finally:
        store.close()
