"""Deadlines over the store (services/calendar/agenda.py): the three sample contracts dated by hand, events
recorded, done marks set and undone (each in its own field), next_due kept, terminated left out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.calendar import agenda
from services.calendar.holidays import HolidayRow, save_holidays
from services.ledger.importer import import_ledger
from services.register import contracts as contract_service
from services.register.contract_data import BondData, ContractData, MilestoneData, PartyData
from services.store import Store
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.both_stores  # service tests: on SQLite and on PostgreSQL (issue 17)

D = dt.date
TODAY = D(2026, 4, 20)

# Checked by hand against the 2025/2026 State Council schedules (see the comments).
SAMPLES = {
    # BJMEMC: signed Thu 24 July 2025, no effective date (生效日即签订日), term 16 Oct 2025 – 15 May 2026.
    ("BJMEMC-2025174-ZC", "bond:1:lodge"): (D(2025, 8, 14), "overdue"),  # 15 working days: 25 Jul … 14 Aug
    ("BJMEMC-2025174-ZC", "milestone:1"): None,  # the same obligation as the bond's lodging: listed once
    ("BJMEMC-2025174-ZC", "installment:1"): (D(2025, 8, 21), "overdue"),  # 20 working days after effect
    ("BJMEMC-2025174-ZC", "milestone:2"): (D(2025, 10, 23), "overdue"),  # start + 7 days, a Thursday
    ("BJMEMC-2025174-ZC", "renewal"): (D(2026, 4, 15), "overdue"),  # 30 days before the end
    ("BJMEMC-2025174-ZC", "term_end"): (D(2026, 5, 15), "upcoming"),
    ("BJMEMC-2025174-ZC", "milestone:5"): (D(2026, 6, 15), "upcoming"),  # end + 1 month, a Monday
    ("BJMEMC-2025174-ZC", "bond:1:valid"): (D(2026, 8, 15), "upcoming"),
    ("BJMEMC-2025174-ZC", "milestone:7"): None,  # the bond's validity: listed once, as the bond's
    ("BJMEMC-2025174-ZC", "bond:1:return"): (None, "waiting"),  # not lodged, no acceptance yet
    ("BJMEMC-2025174-ZC", "milestone:3"): (None, "waiting"),
    # 2026-021: signed 31 March 2026, term 11 April 2026 – 10 April 2027.
    ("2026-021", "milestone:1"): (D(2026, 4, 10), "overdue"),  # signing + 10 days, a Friday
    ("2026-021", "renewal"): (D(2027, 3, 11), "upcoming"),
    ("2026-021", "milestone:4"): (D(2027, 4, 10), "upcoming"),  # a fixed date
    ("2026-021", "term_end"): (D(2027, 4, 10), "upcoming"),
    ("2026-021", "milestone:2"): (D(2027, 4, 23), "estimate"),  # end (Sat) + 10 working days in 2027
    ("2026-021", "installment:1"): (None, "waiting"),  # signing+invoice: no invoice yet
    ("2026-021", "installment:2"): (None, "waiting"),
    ("2026-021", "milestone:3"): (None, "waiting"),
    # WHZF: signed 3 March 2026, term 10 March 2026 – 9 March 2027.
    ("WHZF-2026-ZWY", "bond:1:lodge"): (D(2026, 9, 30), "upcoming"),
    ("WHZF-2026-ZWY", "installment:2"): (D(2026, 9, 30), "upcoming"),
    ("WHZF-2026-ZWY", "milestone:1"): None,  # the bond's lodging: listed once
    ("WHZF-2026-ZWY", "renewal"): (D(2027, 2, 7), "upcoming"),
    ("WHZF-2026-ZWY", "milestone:3"): (D(2027, 2, 9), "estimate"),  # end − 20 working days, 2027 estimated
    ("WHZF-2026-ZWY", "term_end"): (D(2027, 3, 9), "upcoming"),
    ("WHZF-2026-ZWY", "installment:1"): (None, "waiting"),  # effective+budget: no budget date yet
    ("WHZF-2026-ZWY", "installment:3"): (None, "waiting"),
    ("WHZF-2026-ZWY", "bond:1:return"): (None, "waiting"),
}


@pytest.fixture
def samples(store: Store) -> Store:
    import_ledger(store, SAMPLE_LEDGER)
    return store


def ids(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {no: contract_service.find_id(session, no) for no in ("BJMEMC-2025174-ZC", "2026-021", "WHZF-2026-ZWY")}


def test_the_samples_deadlines(samples: Store) -> None:
    with samples.session() as session:
        items = agenda.all_deadlines(session, today=TODAY, reminder_days=30)
    found = {(d.contract_no, d.key): (d.due, d.state) for d in items}
    assert {key: found.get(key) for key in SAMPLES} == SAMPLES
    assert len(items) == 35
    lodge = next(d for d in items if (d.contract_no, d.key) == ("BJMEMC-2025174-ZC", "bond:1:lodge"))
    assert lodge.also == "提交履约保证金"
    dated = [d.due for d in items if d.due is not None]
    assert dated == sorted(dated)
    assert all(d.due is None for d in items[len(dated):])  # waiting ones last
    whzf = {d.key: d for d in items if d.contract_no == "WHZF-2026-ZWY"}
    assert whzf["installment:1"].waiting_for == ("budget",)


def test_recording_the_budget_dates_the_first_whzf_payment(samples: Store) -> None:
    whzf = ids(samples)["WHZF-2026-ZWY"]
    with samples.session() as session:
        assert agenda.record_event(session, whzf, "预算批复或资金到账", D(2026, 4, 1)) is None
    with samples.session() as session:
        assert agenda.recorded_events(session, whzf) == {"budget": D(2026, 4, 1)}
        items = {d.key: d for d in agenda.contract_deadlines(session, whzf, today=TODAY, reminder_days=30)}
        # later of effective (3 March) and budget (1 April) + 15 working days; 清明 4–6 April off
        assert (items["installment:1"].due, items["installment:1"].state) == (D(2026, 4, 23), "due_soon")
        assert contract_service.list_rows(session, [whzf])[whzf].next_due == D(2026, 4, 23)
        assert agenda.remove_event(session, whzf, "budget") == D(2026, 4, 1)
        assert contract_service.list_rows(session, [whzf])[whzf].next_due == D(2026, 9, 30)


def test_event_codes() -> None:
    assert agenda.event_code("验收合格") == "acceptance"
    assert agenda.event_code("invoice") == "invoice"
    assert agenda.event_code("migration_start") == "event:migration_start"
    assert agenda.event_code("event:payment ") == "event:payment"
    with pytest.raises(ValueError, match="date of the contract itself"):
        agenda.event_code("签订")
    with pytest.raises(ValueError, match="needs a name"):
        agenda.event_code("event: ")


@pytest.mark.parametrize(("key", "field"), [
    ("installment:1", "installments[0].paid_date"),
    ("bond:1:lodge", "bonds[0].lodged_date"),
    ("milestone:2", "milestones[1].done_date"),
])
def test_mark_done_writes_the_records_own_field_and_undoes(samples: Store, key: str, field: str) -> None:
    bjmemc = ids(samples)["BJMEMC-2025174-ZC"]

    def stored() -> object:
        with samples.session() as session:
            data = contract_service.load(session, bjmemc)
        table, rest = field.split("[")
        index, attribute = rest.split("].")
        return getattr(getattr(data, table)[int(index)], attribute)

    with samples.session() as session:
        assert agenda.mark_done(session, bjmemc, key, D(2025, 8, 1)) is None
    assert stored() == D(2025, 8, 1)
    with samples.session() as session:
        assert agenda.done_value(session, bjmemc, key) == D(2025, 8, 1)
        state = {d.key: d.state for d in agenda.contract_deadlines(session, bjmemc, today=TODAY, reminder_days=30)}
        assert state[key] == "done"
        assert agenda.mark_done(session, bjmemc, key, None) == D(2025, 8, 1)  # undo
    assert stored() is None


def test_mark_done_of_a_renewal_or_an_occurrence_is_a_done_mark(samples: Store) -> None:
    bjmemc = ids(samples)["BJMEMC-2025174-ZC"]
    with samples.session() as session:
        assert agenda.mark_done(session, bjmemc, "renewal", D(2026, 4, 16)) is None
        assert agenda.mark_done(session, bjmemc, "renewal", D(2026, 4, 17)) == D(2026, 4, 16)
        assert agenda.done_marks(session, bjmemc) == {"renewal": D(2026, 4, 17)}
        assert agenda.mark_done(session, bjmemc, "renewal", None) == D(2026, 4, 17)
        assert agenda.done_marks(session, bjmemc) == {}
        with pytest.raises(contract_service.ContractError) as caught:
            agenda.mark_done(session, bjmemc, "installment:9", D(2026, 1, 1))
        assert caught.value.message("zh_CN") == "合同中已没有分期付款第 9 项（可能刚被修改） [AGENDA_NO_SUCH_ROW]"
        with pytest.raises(contract_service.ContractError) as gone:
            agenda.mark_done(session, 999_999, "renewal", D(2026, 1, 1))  # purged meanwhile
        assert gone.value.message("zh_CN").startswith("台账中没有这份合同")


def test_paying_moves_next_due_on(samples: Store) -> None:
    bjmemc = ids(samples)["BJMEMC-2025174-ZC"]
    with samples.session() as session:
        for key in ("bond:1:lodge", "milestone:1"):
            agenda.mark_done(session, bjmemc, key, D(2025, 8, 10))
        assert contract_service.list_rows(session, [bjmemc])[bjmemc].next_due == D(2025, 8, 21)


def test_unreturned_bond_and_terminated_contracts(store: Store) -> None:
    parties = [PartyData("甲方", "采购人"), PartyData("乙方", "供应商")]
    bond = BondData(1, kind="performance", percent=Decimal("10"), lodged_date=D(2025, 8, 1))
    with store.session() as session:
        live = contract_service.save(session, ContractData(
            contract_no="LIVE", title="t", total_amount=Decimal("1.00"), sign_date=D(2025, 7, 1), parties=parties,
            bonds=[bond]))
        contract_service.save(session, ContractData(
            contract_no="GONE", title="t", total_amount=Decimal("1.00"), status="terminated", parties=parties,
            milestones=[MilestoneData(1, "x", due_date=D(2026, 1, 1))]))
        agenda.record_event(session, live, "acceptance", D(2026, 3, 1))
    with store.session() as session:
        items = agenda.all_deadlines(session, today=TODAY, reminder_days=30)
        assert [(d.contract_no, d.key, d.unreturned) for d in items] == [("LIVE", "bond:1:return", True)]
        everything = agenda.all_deadlines(session, today=TODAY, reminder_days=30, include_terminated=True)
        assert {d.contract_no for d in everything} == {"LIVE", "GONE"}


def test_holiday_table_change_refreshes_next_due(samples: Store) -> None:
    whzf = ids(samples)["WHZF-2026-ZWY"]
    with samples.session() as session:
        agenda.record_event(session, whzf, "budget", D(2026, 4, 1))
        save_holidays(session, [HolidayRow(D(2026, 4, 22), False, "test")])
        assert agenda.refresh_next_due(session) == 1
        assert contract_service.list_rows(session, [whzf])[whzf].next_due == D(2026, 4, 24)
