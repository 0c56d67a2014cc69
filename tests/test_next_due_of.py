"""``next_due_of`` (the list's "next due" walking each recurring milestone only to its first open
occurrence) equals ``next_due(deadlines(...))`` (every occurrence built), and ``installment_dues``
the installments' dates ``deadlines`` gives: generated contracts and the three sample contracts
(issue 18)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models.contract import Contract
from services.calendar.deadlines import deadlines, installment_dues, next_due, next_due_of
from services.calendar.holidays import working_calendar
from services.calendar.recurrence import expand, occurrences
from services.calendar.stored import done_marks, recorded_events
from services.calendar.workdays import WorkingCalendar
from services.ledger.importer import import_ledger
from services.register.contract_data import BondData, ContractData, InstallmentData, MilestoneData
from services.register.contracts import load
from services.store import Store
from tests.conftest import SAMPLE_LEDGER

D = dt.date
LOW, HIGH = D(2024, 1, 1), D(2028, 12, 31)
days = st.dates(min_value=LOW, max_value=HIGH)


@st.composite
def recurrences(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "MONTHLY_NTH"]))
    parts = [f"FREQ={'MONTHLY' if freq == 'MONTHLY_NTH' else freq}"]
    interval = draw(st.integers(1, 3))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if freq == "MONTHLY" and draw(st.booleans()):
        parts.append(f"BYMONTHDAY={draw(st.sampled_from([1, 5, 15, 28, 29, 30, 31, -1]))}")
    if freq == "MONTHLY_NTH":
        parts += ["BYDAY=MO,TU,WE,TH,FR", f"BYSETPOS={draw(st.integers(1, 5))}"]
    if freq == "WEEKLY" and draw(st.booleans()):
        parts.append(f"BYDAY={draw(st.sampled_from(['MO', 'WE', 'FR', 'SA', 'SU']))}")
    end = draw(st.sampled_from(["none", "count", "until"]))
    if end == "count":
        parts.append(f"COUNT={draw(st.integers(1, 60))}")
    elif end == "until":
        parts.append(f"UNTIL={draw(days).strftime('%Y%m%d')}")
    rule = ";".join(parts)
    return draw(st.sampled_from([rule, rule, rule, "RRULE:" + rule, "FREQ=HOURLY", "not a rule"]))


@st.composite
def milestones(draw: st.DrawFn, seq: int) -> MilestoneData:
    shape = draw(st.sampled_from(["term", "fixed", "event", "start"]))
    due_date = draw(days) if shape == "fixed" else None
    due_after = {"event": draw(st.sampled_from(["acceptance", "event:kickoff", "effective+acceptance"])),
                 "start": "start"}.get(shape)
    offset = draw(st.integers(-10, 40)) if due_after else None
    unit = draw(st.sampled_from(["days", "working_days", "months"])) if due_after else None
    recurrence = draw(st.one_of(st.none(), recurrences(), recurrences()))
    return MilestoneData(seq, f"m{seq}", due_date=due_date, due_after=due_after, due_offset=offset, due_unit=unit,
                         recurrence=recurrence, done_date=draw(st.one_of(st.none(), days)))


@st.composite
def cases(draw: st.DrawFn) -> tuple[ContractData, dict[str, dt.date], dict[str, dt.date], WorkingCalendar, dt.date]:
    start = draw(days)
    end = draw(st.one_of(st.none(), st.integers(0, 1500).map(lambda n: start + dt.timedelta(days=n))))
    sign = draw(st.one_of(st.none(), st.integers(0, 60).map(lambda n: start - dt.timedelta(days=n))))
    installments = [InstallmentData(seq, due_date=draw(st.one_of(st.none(), days)),
                                    due_after=draw(st.sampled_from([None, "signing", "acceptance"])),
                                    due_offset=draw(st.integers(0, 30)), due_unit="working_days",
                                    paid_date=draw(st.one_of(st.none(), days)))
                    for seq in range(1, draw(st.integers(0, 2)) + 1)]
    bonds = [BondData(1, kind=draw(st.sampled_from(["performance", "bid", "warranty"])), due_after="signing",
                      due_offset=5, due_unit="working_days", valid_until=draw(st.one_of(st.none(), days)),
                      lodged_date=draw(st.one_of(st.none(), days)))] if draw(st.booleans()) else []
    ms = [draw(milestones(seq)) for seq in range(1, draw(st.integers(1, 3)) + 1)]
    data = ContractData("T-1", "t", Decimal("100.00"), sign_date=sign,
                        start_date=start if draw(st.booleans()) else None,
                        effective_date=draw(st.one_of(st.none(), st.just(start))), end_date=end,
                        installments=installments, milestones=ms, bonds=bonds)
    events = {code: draw(days) for code in draw(st.sets(st.sampled_from(["acceptance", "event:kickoff"])))}
    holidays = draw(st.dictionaries(days, st.booleans(), max_size=20))
    calendar = WorkingCalendar(holidays)
    today = draw(days)
    # done marks on occurrences the series really has (the first few, and some others), and one stray key
    keys = [d.key for d in deadlines(data, events, {}, calendar, today, 0)
            if d.kind == "milestone" and d.key.count(":") == 2]
    first = draw(st.integers(0, min(len(keys), 40)))
    chosen = keys[:first] + draw(st.lists(st.sampled_from(keys), max_size=10) if keys else st.just([]))
    done = {key: draw(days) for key in chosen}
    if draw(st.booleans()):
        done[f"milestone:1:{draw(days).isoformat()}"] = draw(days)
    return data, events, done, WorkingCalendar(holidays), today


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_next_due_of_and_installment_dues_equal_what_every_deadline_gives(
        case: tuple[ContractData, dict[str, dt.date], dict[str, dt.date], WorkingCalendar, dt.date]) -> None:
    data, events, done, calendar, today = case
    every = deadlines(data, events, done, calendar, today, 0)
    assert next_due_of(data, events, done, WorkingCalendar(calendar.overrides), today) == next_due(every)
    assert installment_dues(data, events, done, WorkingCalendar(calendar.overrides), today) == {
        d.seq: d.due for d in every if d.kind == "installment"}


def test_occurrences_is_lazy_and_gives_what_expand_gives() -> None:
    calendar = WorkingCalendar()
    rule, first = "FREQ=MONTHLY;BYMONTHDAY=31", D(2026, 1, 31)
    walked = occurrences(rule, first, calendar, term_start=first, term_end=D(2028, 12, 31), today=first)
    assert walked is not None
    assert next(walked).due == D(2026, 2, 2)  # 31 January 2026 is a Saturday
    assert list(occurrences(rule, first, calendar, term_start=first, term_end=D(2028, 12, 31), today=first)
                or []) == expand(rule, first, calendar, term_start=first, term_end=D(2028, 12, 31), today=first)
    assert occurrences("FREQ=HOURLY", first, calendar, term_start=None, term_end=None, today=first) is None


def test_a_daily_duty_done_through_a_date_is_next_due_the_day_after() -> None:
    data = ContractData("T-1", "t", Decimal("1.00"), start_date=D(2025, 1, 1), end_date=D(2027, 12, 31),
                        milestones=[MilestoneData(1, "值班日志", recurrence="FREQ=DAILY", done_date=D(2026, 5, 1))])
    calendar = WorkingCalendar()
    assert next_due_of(data, {}, {}, calendar, D(2026, 6, 1)) == D(2026, 5, 2)
    marked = {"milestone:1:2026-05-02": D(2026, 5, 2)}
    assert next_due_of(data, {}, marked, calendar, D(2026, 6, 1)) == D(2026, 5, 3)
    assert next_due(deadlines(data, {}, marked, calendar, D(2026, 6, 1), 0)) == D(2026, 5, 3)


def test_the_sample_contracts_with_recurring_milestones_added(store: Store) -> None:
    import_ledger(store, SAMPLE_LEDGER)
    with store.session() as session:
        ids = list(session.scalars(select(Contract.id)))
        assert len(ids) == 3
        calendar = working_calendar(session)
        compared = 0
        for contract_id in ids:
            data = load(session, contract_id)
            events, done = recorded_events(session, contract_id), done_marks(session, contract_id)
            base = len(data.milestones)
            added = [MilestoneData(base + 1, "月报", recurrence="FREQ=MONTHLY;BYMONTHDAY=31"),
                     MilestoneData(base + 2, "值班日志", recurrence="FREQ=DAILY"),
                     MilestoneData(base + 3, "周报", recurrence="FREQ=WEEKLY;BYDAY=FR", due_after="start",
                                   due_offset=3),
                     MilestoneData(base + 4, "第3个工作日", recurrence="FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3")]
            for through in (None, data.start_date, D(2026, 10, 7), D(2027, 2, 14)):
                ms = [*data.milestones, *(dataclasses.replace(m, done_date=through) for m in added)]
                terms = dataclasses.replace(data, milestones=ms)
                marks = dict(done)
                if through is not None:  # the day after "done through" and a later one marked one by one
                    for m in added:
                        for d in deadlines(terms, events, marks, calendar, through, 0):
                            if d.kind == "milestone" and d.seq == m.seq and d.state != "done" and d.due is not None:
                                marks[d.key] = d.due
                                break
                for today in (D(2025, 8, 1), D(2026, 1, 1), D(2026, 9, 30), D(2027, 6, 1), D(2029, 1, 1)):
                    expected = next_due(deadlines(terms, events, marks, calendar, today, 0))
                    assert next_due_of(terms, events, marks, calendar, today) == expected
                    assert installment_dues(terms, events, marks, calendar, today) == {
                        d.seq: d.due for d in deadlines(terms, events, marks, calendar, today, 0)
                        if d.kind == "installment"}
                    compared += expected is not None
        assert compared > 20
