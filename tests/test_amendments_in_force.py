"""An amendment not yet in force (issue 16): the agenda, the calendar's deadlines, the list's total, term
and next due use the terms in force on the day asked, and the list says which amendment is pending.

Figures by hand (``tests.amendment_cases``): as signed the term ends 2026-06-30 and the 2nd installment
(50 %) is due 30 calendar days after the end — 2026-07-30, a Thursday; total 120,000.00 元. Amendment
补1 (effective 2026-06-01) moves the end to 2026-09-30, so the 2nd installment falls due 2026-10-30 (a
Friday) and the total is 135,000.00 元.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest

from services.amendments import register as amendments
from services.amendments import today as in_force
from services.calendar import agenda
from services.register import contracts, listing
from services.store import Store
from tests.amendment_cases import AMENDMENT_NO, D, amendment, original

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

BEFORE = D(2026, 5, 25)  # signed 2026-05-20, not yet in force
FROM = D(2026, 6, 1)  # the effective date


def _recorded(store: Store, *, effective: dt.date = FROM, data: object = None) -> int:
    item = amendment()
    item.effective_date = effective
    with store.session() as session:
        contract_id = contracts.save(session, copy.deepcopy(data) if data is not None else original())
    with store.session() as session:
        amendments.record(session, contract_id, item, version=1)
    return contract_id


def _dues(found: list[agenda.Deadline]) -> dict[str, dt.date | None]:
    return {d.key: d.due for d in found}


def test_the_agenda_before_the_effective_date_follows_the_terms_as_signed(store: Store) -> None:
    _recorded(store)
    with store.session() as session:
        before = _dues(agenda.all_deadlines(session, today=BEFORE, reminder_days=0))
        on = _dues(agenda.all_deadlines(session, today=FROM, reminder_days=0))
    assert before["term_end"] == D(2026, 6, 30) and before["installment:2"] == D(2026, 7, 30)
    assert on["term_end"] == D(2026, 9, 30) and on["installment:2"] == D(2026, 10, 30)


def test_one_contracts_deadlines_follow_the_day_asked(store: Store) -> None:
    contract_id = _recorded(store)
    with store.session() as session:
        before = _dues(agenda.contract_deadlines(session, contract_id, today=BEFORE, reminder_days=0))
        after = _dues(agenda.contract_deadlines(session, contract_id, today=D(2026, 7, 1), reminder_days=0))
    assert (before["term_end"], before["installment:2"]) == (D(2026, 6, 30), D(2026, 7, 30))
    assert (after["term_end"], after["installment:2"]) == (D(2026, 9, 30), D(2026, 10, 30))


def test_the_list_shows_the_terms_in_force_and_names_the_pending_amendment(store: Store) -> None:
    contract_id = _recorded(store)
    with store.session() as session:
        [before] = listing.page(session, listing.ListQuery(today=BEFORE), 0, 10)
        [after] = listing.page(session, listing.ListQuery(today=FROM), 0, 10)
    assert before.id == contract_id
    assert (before.total_amount, before.end_date) == (Decimal("120000.00"), D(2026, 6, 30))
    assert before.pending == (AMENDMENT_NO, FROM)
    assert before.next_due == D(2026, 1, 15)  # the 1st installment, unpaid, under either terms
    assert (after.total_amount, after.end_date, after.pending) == (Decimal("135000.00"), D(2026, 9, 30), None)


def test_the_stored_next_due_does_not_use_a_pending_amendments_date(store: Store) -> None:
    # Without the 1st installment the next deadline to act on is the 2nd: 2026-07-30 as signed,
    # 2026-10-30 as amended. The amendment takes effect in 2099: today the signed terms hold.
    data = original()
    data.installments = data.installments[1:]
    contract_id = _recorded(store, effective=D(2099, 1, 1), data=data)
    with store.session() as session:
        stored = contracts.list_rows(session, [contract_id])[contract_id]
        assert in_force.pending_ids(session, dt.date.today()) == {contract_id}
        assert stored.next_due == D(2026, 7, 30)
        assert stored.total_amount == Decimal("135000.00")  # the store keeps the terms as amended …
        [row] = listing.page(session, listing.ListQuery(), 0, 10)
        assert row.total_amount == Decimal("120000.00")  # … the list shows the terms in force today
        assert row.pending == (AMENDMENT_NO, D(2099, 1, 1))
        assert agenda.refresh_next_due(session) == 0  # the batch refresh agrees


def test_terms_overwritten_after_a_pending_amendment_fall_back_to_the_stored_terms(store: Store) -> None:
    contract_id = _recorded(store, effective=D(2099, 1, 1))
    with store.session() as session:
        data = contracts.load(session, contract_id)
        data.end_date = D(2026, 12, 31)  # the officer overwrote the field the amendment changed
        contracts.save(session, data, contract_id=contract_id)
    with store.session() as session:
        shown = in_force.in_force_of(session, contracts.load(session, contract_id), contract_id, BEFORE)
    assert shown.end_date == D(2026, 12, 31) and shown.total_amount == Decimal("135000.00")


def test_the_list_derives_next_due_afresh_once_the_amendment_is_in_force(store: Store) -> None:
    # Recorded while pending (the stored next due is the signed terms' 2026-07-30); asked on a day after
    # its effective date, the list shows the amended terms' 2026-10-30.
    data = original()
    data.installments = data.installments[1:]
    contract_id = _recorded(store, effective=D(2099, 1, 1), data=data)
    with store.session() as session:
        assert contracts.list_rows(session, [contract_id])[contract_id].next_due == D(2026, 7, 30)
        [row] = listing.page(session, listing.ListQuery(today=D(2099, 1, 2)), 0, 10)
    assert (row.next_due, row.total_amount, row.pending) == (D(2026, 10, 30), Decimal("135000.00"), None)


def test_the_overview_says_which_amendments_are_not_yet_in_force(store: Store) -> None:
    from services.payments.overview import overview

    _recorded(store)
    with store.session() as session:
        before = overview(session, BEFORE)
        after = overview(session, FROM)
    assert before.pending == [("ZFY-2026-001", AMENDMENT_NO, FROM)] and after.pending == []
    assert before.totals.value == Decimal("120000.00")  # the terms in force that day (as signed) …
    assert after.totals.value == Decimal("135000.00")  # … the amended ones from the effective date
