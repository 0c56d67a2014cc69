"""Every deadline of a contract, dated on China's working-day calendar — computed, never stored.

Sources of the rules (spec ``csv-format.md``, "Events that deadlines count from"):

- A deadline is a fixed date, or ``due_offset`` ``due_unit``s (``working_days``, ``days``,
  ``months``) after the ``due_after`` event — before it when the offset is negative. Several
  events joined with ``+`` count from the *latest* of them (``effective+budget``); until every
  one has a date, the deadline is *waiting*, not due.
- Events: ``signing`` = the signing date; ``effective`` = the effective date, or the signing
  date when none is recorded (民法典 第五百零二条: a contract lawfully formed takes effect when
  formed; the sample contracts' notes say 生效日即签订日); ``start`` / ``end`` = the service
  term; ``acceptance``, ``invoice``, ``budget`` and ``event:NAME`` = dates the officer records
  (table ``contract_events``).
- Counting (民法典 第二百零一条 to 第二百零三条): the day of the event is not counted — the first
  (working) day after it is day 1. Months end on the same day of the month (31 January + 1 month
  = 28/29 February: 第二百零二条, ``dateutil.relativedelta``). When a period of *days or months*
  counted after an event ends on a non-working day (a weekend or public holiday of the official
  calendar), it ends on the next working day instead (第二百零三条); ``Deadline.nominal`` then keeps
  the day before that move. Working-day periods, periods before an event and fixed dates do not move.
- Working days: ``services.calendar.workdays.WorkingCalendar`` (holiday table, then chinesecalendar, then
  an *estimate* for years not yet published); a date whose counting touched an estimated year
  is flagged ``estimate``.
- Derived deadlines: each installment's due date (done when paid); each bond's lodging deadline
  (done when lodged), end of validity (``valid_until``; passes by itself) and return — a bid bond
  5 working days after signing (财政部令第87号《政府采购货物和服务招标投标管理办法》第三十八条),
  a warranty deposit at ``valid_until`` (the end of the warranty) when given, any other bond on
  the acceptance (履约保证金 is returned after the acceptance: sample contract BJMEMC clause
  4.1.3); a return that is overdue is 应退未退 (``Deadline.unreturned``); the end of the term
  (passes by itself); a renewal reminder ``reminder_days`` calendar days before the end.
- Linked deadlines: ``due_after`` may name another row's due date — ``installment:SEQ``,
  ``milestone:SEQ``, ``bond:SEQ`` (its lodging; ``bond:SEQ:return`` / ``bond:SEQ:valid`` its return
  and end of validity) — before or after it ("the invoice 7 days before the 2nd payment":
  ``installment:2``, -7 days). A row waits while the row it names waits; a circle of links waits.
- A bond's return follows its own rule (``return_after``/``return_offset``/``return_unit``; the
  event ``valid_until`` is the bond's expiry, left out of a ``+`` when the bond has none:
  "after acceptance, or after the warranty where there is one" is ``acceptance+valid_until``) and
  ``return_condition`` (the contract's words); without a rule, the default of its kind (below).
- One obligation, one deadline: a milestone linked to a bond (``due_after`` ``bond:SEQ[:return|:valid]``
  with no offset, or the same rule as the bond's lodging / a fixed date on its ``valid_until``
  with a name that speaks of 保证金 or 保函) is listed once, as the bond's deadline
  (``Deadline.also`` names the milestone); the milestone's done date counts for it.
- Recurring milestones (``recurrence``, an RFC 5545 RRULE) are expanded by
  ``services.calendar.recurrence.occurrences`` from the milestone's own date or rule when it has one,
  else from the start of the term (a month's missing day → its last day; every period of the
  term; COUNT honoured; rest-day occurrences moved). Each occurrence is marked done on its own
  (``DeadlineDone``, keyed by its scheduled date); a ``done_date`` on the milestone marks every
  occurrence up to that date done ("done through").

States, first that applies: ``done``; ``waiting`` (an event has no date yet); ``overdue`` (due
before today); ``due_soon`` (due today or within ``SOON_DAYS`` calendar days); ``estimate``
(an estimated date further ahead); ``upcoming``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from services.calendar.deadline_text import LODGED, kind_text, state_text, waiting_text
from services.calendar.due_dates import Resolved, Rule, event_dates, resolve_rule
from services.calendar.due_text import Labels, due_text
from services.calendar.links import BOND_EN, Known, Overlay, bond_links, is_link, link_labels
from services.calendar.recurrence import MAX_OCCURRENCES, frequency, occurrences, recurrence_text
from services.calendar.workdays import WorkingCalendar
from services.ledger.schema import BOND_KIND_ALIASES
from services.register.contract_data import BondData, ContractData, InstallmentData, MilestoneData
from services.register.events import event_labels

__all__ = [
    "ACTION_KINDS",
    "DEFAULT_REMINDER_DAYS",
    "KINDS",
    "MAX_OCCURRENCES",
    "SOON_DAYS",
    "STATES",
    "Deadline",
    "DeadlineKind",
    "DeadlineState",
    "deadlines",
    "default_return_rule",
    "installment_dues",
    "is_link",
    "kind_text",
    "next_due",
    "next_due_of",
    "state_text",
    "waiting_text",
]

class DeadlineKind(StrEnum):
    """Kinds of deadline, in the order they sort on one day (the value is the stored/CSV code)."""

    INSTALLMENT = "installment"
    BOND_LODGE = "bond_lodge"
    BOND_RETURN = "bond_return"
    MILESTONE = "milestone"
    BOND_VALID = "bond_valid"
    TERM_END = "term_end"
    RENEWAL = "renewal"


class DeadlineState(StrEnum):
    """Where a deadline stands on a given day (``SOON_DAYS`` for ``DUE_SOON``)."""

    DONE = "done"
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    WAITING = "waiting"  # an event it counts from has no date yet
    ESTIMATE = "estimate"  # upcoming, dated on a working-day schedule not yet published


#: Kinds of deadline, in the order they sort on one day.
KINDS: tuple[DeadlineKind, ...] = tuple(DeadlineKind)
#: Kinds somebody must act on (the others are dates that pass by themselves); ``next_due`` uses these.
ACTION_KINDS = frozenset({DeadlineKind.INSTALLMENT, DeadlineKind.BOND_LODGE, DeadlineKind.BOND_RETURN,
                          DeadlineKind.MILESTONE})
STATES: tuple[DeadlineState, ...] = tuple(DeadlineState)
#: "Due soon": due today or within this many calendar days.
SOON_DAYS = 7
#: Renewal reminder and calendar alarm lead time in calendar days when the officer chose none.
DEFAULT_REMINDER_DAYS = 30

_KIND_ORDER: dict[str, int] = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(slots=True)
class Deadline:
    """One dated (or waiting) obligation of a contract (a value: treat it as read-only; not frozen
    only because frozen dataclasses are built twice as slowly, and the agenda builds 100,000s).

    ``kind``: one of ``KINDS``; ``seq``: the installment / bond / milestone number (None for the
    term's own dates); ``name``: the record's own words (may be empty); ``due``: the date (None
    while waiting); ``state``: one of ``STATES``; ``key``: stable name of the deadline within its
    contract (``installment:1``, ``bond:1:lodge``, ``bond:1:valid``, ``bond:1:return``,
    ``milestone:3``, ``milestone:3:2026-05-05`` for an occurrence, ``term_end``, ``renewal``) —
    the key of ``DeadlineDone``; ``rule``: (due_date, due_after, due_offset, due_unit) it came from;
    ``labels``: the contract's event labels, code → (label, label_en), that its texts use.
    """

    contract_no: str
    contract_id: int | None
    kind: str
    seq: int | None
    name: str
    due: dt.date | None
    state: str
    key: str
    waiting_for: tuple[str, ...] = ()
    estimate: bool = False
    responsible_role: str | None = None
    done_date: dt.date | None = None
    nominal: dt.date | None = None
    recurring: bool = False
    detail: str | None = None
    rule: Rule | None = None
    labels: Labels | None = None
    recurrence: str | None = None
    also: str | None = None
    condition: str | None = None

    @property
    def series(self) -> str | None:
        """The FREQ of the series an occurrence belongs to (``DAILY`` …), None for a single deadline."""
        return frequency(self.recurrence) if self.recurring else None

    @property
    def unreturned(self) -> bool:
        """A bond that should have been returned and was not (应退未退)."""
        return self.kind == "bond_return" and self.state == "overdue"

    def label(self, language: str) -> str:
        """What the deadline is, in ``language`` (``zh`` / ``en``): "提交履约保证金", "Payment: 第一期"."""
        zh = language == "zh"
        if self.kind == "milestone":
            return self.name
        if self.kind == "installment":
            name = self.name or (f"第{self.seq}期" if zh else f"installment {self.seq}")
            return f"付款：{name}" if zh else f"Payment: {name}"
        if self.kind.startswith("bond_"):
            bond = BOND_KIND_ALIASES.get(self.name, "保证金") if zh else BOND_EN.get(self.name, "bond")
            if self.kind == "bond_lodge":
                return f"提交{bond}" if zh else f"Lodge the {bond}"
            if self.kind == "bond_return":
                return f"退还{bond}" if zh else f"Return the {bond}"
            return f"{bond}有效期届满" if zh else f"The {bond} expires"
        if self.kind == "term_end":
            return "服务期满" if zh else "End of the service term"
        return (f"续约提醒（服务期 {self.detail} 届满）" if zh
                else f"Renewal reminder (the term ends on {self.detail})")

    def rule_text(self, language: str) -> str | None:
        """The rule in words (``services.calendar.due_text``; a series' recurrence and a bond's return
        condition after it), or None."""
        parts = [due_text(*self.rule, language, self.labels) if self.rule is not None else None,
                 recurrence_text(self.recurrence, language) if self.recurring else None]
        if self.condition:
            parts.append(f"条件：{self.condition}" if language == "zh" else f"condition: {self.condition}")
        words = [part for part in parts if part]
        return ("，" if language == "zh" else "; ").join(words) if words else None


def _state(due: dt.date | None, done: bool, estimate: bool, today: dt.date) -> DeadlineState:
    if done:
        return DeadlineState.DONE
    if due is None:
        return DeadlineState.WAITING
    if due < today:
        return DeadlineState.OVERDUE
    if due <= today + dt.timedelta(days=SOON_DAYS):
        return DeadlineState.DUE_SOON
    return DeadlineState.ESTIMATE if estimate else DeadlineState.UPCOMING


class _Builder:
    """Collects the deadlines of one contract."""

    def __init__(self, contract: ContractData, contract_id: int | None, today: dt.date,
                 labels: Labels | None = None) -> None:
        self.contract, self.contract_id, self.today = contract, contract_id, today
        self.labels = labels or None
        self.items: list[Deadline] = []

    def add(self, kind: str, seq: int | None, name: str, key: str, resolved: Resolved, *,
            done_date: dt.date | None = None, passed: bool = False, responsible: str | None = None,
            rule: Rule | None = None, recurring: bool = False, detail: str | None = None,
            recurrence: str | None = None, also: str | None = None, condition: str | None = None) -> None:
        """``passed``: a date that passes by itself (done once it is behind us, without a date)."""
        done = done_date is not None or passed
        self.items.append(Deadline(
            contract_no=self.contract.contract_no, contract_id=self.contract_id, kind=kind, seq=seq, name=name,
            due=resolved.due, state=_state(resolved.due, done, resolved.estimate, self.today), key=key,
            waiting_for=() if done else resolved.waiting_for, estimate=resolved.estimate,
            responsible_role=responsible, done_date=done_date, nominal=resolved.nominal, recurring=recurring,
            detail=detail, rule=rule, labels=self.labels, recurrence=recurrence, also=also, condition=condition,
        ))


def deadlines(
    contract: ContractData, events: Mapping[str, dt.date], done: Mapping[str, dt.date],
    calendar: WorkingCalendar, today: dt.date, reminder_days: int = DEFAULT_REMINDER_DAYS,
    *, contract_id: int | None = None, labels: Labels | None = None,
) -> list[Deadline]:
    """Every deadline of ``contract``, sorted by date (waiting ones last), then kind and number.

    ``events``: dates the officer recorded (``acceptance``, ``invoice``, ``budget``,
    ``event:NAME``; the contract's own dates are added here); ``done``: ``DeadlineDone`` marks
    by key; ``today`` decides the states; ``reminder_days`` (calendar days, ≥ 0; 0 = none): the
    renewal reminder's lead before the end of the term; ``labels``: the event labels the texts use
    (default: those of ``contract.events``). See the module docstring for the rules.
    """
    items = _build(contract, events, done, calendar, today, reminder_days, contract_id, labels, first_open=False)
    far = dt.date.max
    return sorted(items, key=lambda d: (d.due or far, _KIND_ORDER[d.kind], d.seq or 0, d.key))


def next_due_of(contract: ContractData, events: Mapping[str, dt.date], done: Mapping[str, dt.date],
                calendar: WorkingCalendar, today: dt.date) -> dt.date | None:
    """``next_due(deadlines(contract, events, done, calendar, today, 0))`` — the list's "next due" —
    without building every occurrence of a recurring milestone: each series is walked only up to
    its first occurrence not done (its dates never go down, so the later ones cannot be earlier).
    Same arguments as ``deadlines``; the same rules, by the same code."""
    return next_due(_build(contract, events, done, calendar, today, 0, None, {}, first_open=True))


def installment_dues(contract: ContractData, events: Mapping[str, dt.date], done: Mapping[str, dt.date],
                     calendar: WorkingCalendar, today: dt.date) -> dict[int, dt.date | None]:
    """Installment seq → its due date as ``deadlines`` gives it (None while waiting; an installment
    with neither date nor rule left out), without building every occurrence of a recurring
    milestone (as ``next_due_of``). Same arguments as ``deadlines``."""
    return {d.seq: d.due for d in _build(contract, events, done, calendar, today, 0, None, {}, first_open=True)
            if d.kind == "installment" and d.seq is not None}


def next_due_and_installment_dues(contract: ContractData, events: Mapping[str, dt.date], done: Mapping[str, dt.date],
                                  calendar: WorkingCalendar, today: dt.date
                                  ) -> tuple[dt.date | None, dict[int, dt.date | None]]:
    """``(next_due_of(…), installment_dues(…))`` of the same arguments from one build of the
    deadlines (an import deriving both for every contract builds them once)."""
    items = _build(contract, events, done, calendar, today, 0, None, {}, first_open=True)
    return next_due(items), {d.seq: d.due for d in items if d.kind == "installment" and d.seq is not None}


def _build(contract: ContractData, events: Mapping[str, dt.date], done: Mapping[str, dt.date],
           calendar: WorkingCalendar, today: dt.date, reminder_days: int, contract_id: int | None,
           labels: Labels | None, *, first_open: bool) -> list[Deadline]:
    """The deadlines of ``contract``, unsorted (``deadlines``); ``first_open``: of a recurring
    milestone only its first occurrence not done, and no labels for the texts (``next_due_of``)."""
    links: dict[str, Callable[[Mapping[str, dt.date]], Resolved | None]] = {}
    known = Known(event_dates(contract, events), links)
    labels = dict(labels if labels is not None else event_labels(contract.events))
    rows: list[InstallmentData | MilestoneData | BondData] = [*contract.installments, *contract.milestones,
                                                               *contract.bonds]
    linked_codes = {code.strip() for row in rows if row.due_after and ":" in row.due_after
                    for code in row.due_after.split("+") if is_link(code.strip())}
    linked_codes |= {code.strip() for bond in contract.bonds if bond.return_after
                     for code in bond.return_after.split("+") if is_link(code.strip())}
    if linked_codes and not first_open:
        labels.update(link_labels(contract, linked_codes))
    build = _Builder(contract, contract_id, today, labels)

    def rule_of(rule: Rule) -> Callable[[Mapping[str, dt.date]], Resolved | None]:
        return lambda mapping: resolve_rule(*rule, mapping, calendar)

    for item in contract.installments:
        links[f"installment:{item.seq}"] = rule_of((item.due_date, item.due_after, item.due_offset, item.due_unit))
    for m in contract.milestones:
        links[f"milestone:{m.seq}"] = rule_of((m.due_date, m.due_after, m.due_offset, m.due_unit))
    for bond in contract.bonds:
        links[f"bond:{bond.seq}"] = rule_of((bond.due_date, bond.due_after, bond.due_offset, bond.due_unit))
        links[f"bond:{bond.seq}:return"] = (lambda mapping, b=bond: resolve_rule(  # type: ignore[misc]
            *_return_rule(b), _bond_events(mapping, b), calendar))
        if bond.valid_until is not None:
            links[f"bond:{bond.seq}:valid"] = (lambda _mapping, day=bond.valid_until: Resolved(day))  # type: ignore[misc]

    for item in contract.installments:
        rule = (item.due_date, item.due_after, item.due_offset, item.due_unit)
        resolved = resolve_rule(*rule, known, calendar)
        if resolved is not None:
            build.add("installment", item.seq, item.name or "", f"installment:{item.seq}", resolved,
                      done_date=item.paid_date, responsible="甲方", rule=rule)
    merged = bond_links(contract)
    by_bond_key = {key: next(m for m in contract.milestones if m.seq == seq) for seq, key in merged.items()}
    for bond in contract.bonds:
        _bond(build, bond, known, done, calendar, today, by_bond_key)
    for milestone in contract.milestones:
        if milestone.seq in merged and any(d.key == merged[milestone.seq] for d in build.items):
            continue
        _milestone(build, milestone, known, done, calendar, today, first_open=first_open)
    end = contract.end_date
    if end is not None:
        build.add("term_end", None, "", "term_end", Resolved(end), done_date=done.get("term_end"),
                  passed=end < today)
        if reminder_days > 0:
            build.add("renewal", None, "", "renewal", Resolved(end - dt.timedelta(days=reminder_days)),
                      done_date=done.get("renewal"), passed=end < today, responsible="甲方",
                      detail=end.isoformat())
    return build.items


def _bond_events(known: Mapping[str, dt.date], bond: BondData) -> Mapping[str, dt.date]:
    return Overlay(known, {"valid_until": bond.valid_until} if bond.valid_until is not None else {})


def _bond(build: _Builder, bond: BondData, known: Mapping[str, dt.date], done: Mapping[str, dt.date],
          calendar: WorkingCalendar, today: dt.date, milestones: Mapping[str, MilestoneData]) -> None:
    seq, kind = bond.seq, bond.kind or ""

    def same(key: str) -> tuple[str | None, dt.date | None]:
        """The milestone listed as this deadline (its name, its done date)."""
        m = milestones.get(key)
        return (m.name, m.done_date) if m is not None else (None, None)

    rule = (bond.due_date, bond.due_after, bond.due_offset, bond.due_unit)
    resolved = resolve_rule(*rule, known, calendar)
    if resolved is not None:
        also, also_done = same(f"bond:{seq}:lodge")
        build.add("bond_lodge", seq, kind, f"bond:{seq}:lodge", resolved, done_date=bond.lodged_date or also_done,
                  responsible="乙方", rule=rule, also=also)
    if bond.valid_until is not None:
        key = f"bond:{seq}:valid"
        also, also_done = same(key)
        build.add("bond_valid", seq, kind, key, Resolved(bond.valid_until), done_date=done.get(key) or also_done,
                  passed=bond.returned_date is not None or bond.valid_until < today, responsible="乙方", also=also)
    back_rule = _return_rule(bond)
    back = resolve_rule(*back_rule, _bond_events(known, bond), calendar) or Resolved(None)
    if bond.lodged_date is None and bond.returned_date is None:
        back = Resolved(None, waiting_for=(LODGED, *back.waiting_for))
    also, also_done = same(f"bond:{seq}:return")
    build.add("bond_return", seq, kind, f"bond:{seq}:return", back, done_date=bond.returned_date or also_done,
              responsible="甲方", rule=back_rule, also=also, condition=bond.return_condition)


def default_return_rule(kind: str | None, valid_until: dt.date | None) -> Rule:
    """When a bond of ``kind`` is due back without a rule of its own: a bid bond 5 working days after
    signing (财政部令第87号 第三十八条), a warranty deposit at ``valid_until`` when given, any other
    after the acceptance (sample contract BJMEMC clause 4.1.3)."""
    if kind == "bid":
        return (None, "signing", 5, "working_days")
    if kind == "warranty" and valid_until is not None:
        return (valid_until, None, None, None)
    return (None, "acceptance", 0, "days")


def _return_rule(bond: BondData) -> Rule:
    """The bond's own return rule, else the default of its kind; ``valid_until`` dropped from a ``+``
    of several events when the bond has none ("or after the warranty, where there is one")."""
    after = (bond.return_after or "").strip()
    if not after:
        return default_return_rule(bond.kind, bond.valid_until)
    codes = [code.strip() for code in after.split("+") if code.strip()]
    if bond.valid_until is None and len(codes) > 1:
        codes = [code for code in codes if code != "valid_until"]
    return (None, "+".join(codes), bond.return_offset, bond.return_unit)


def _milestone(build: _Builder, m: MilestoneData, known: Mapping[str, dt.date], done: Mapping[str, dt.date],
               calendar: WorkingCalendar, today: dt.date, *, first_open: bool = False) -> None:
    """Add the milestone's deadline, or one per occurrence of its series; ``first_open``: only the
    series' first occurrence not done (the later ones are not earlier: ``recurrence.occurrences``)."""
    rule = (m.due_date, m.due_after, m.due_offset, m.due_unit)
    resolved = resolve_rule(*rule, known, calendar)
    series = None
    if m.recurrence:
        if resolved is None:  # no rule of its own: the series starts with the term
            resolved = resolve_rule(None, "start" if "start" in known else "effective", 0, "days", known, calendar)
        if resolved is not None and resolved.due is not None:
            first = resolved.nominal or resolved.due  # the series' own rule moves its dates
            term_start = known.get("start") or known.get("effective")
            series = occurrences(m.recurrence, first, calendar, term_start=term_start, term_end=known.get("end"),
                                 today=today)
    if resolved is None:
        return
    if series is None:  # not recurring, waiting for its start, or an RRULE that does not parse
        build.add("milestone", m.seq, m.name, f"milestone:{m.seq}", resolved, done_date=m.done_date,
                  responsible=m.responsible_role, rule=rule, recurring=bool(m.recurrence), recurrence=m.recurrence)
        return
    up_to = m.done_date
    for occurrence in series:
        key = f"milestone:{m.seq}:{occurrence.nominal.isoformat()}"
        done_date = done.get(key) or (up_to if up_to is not None and occurrence.nominal <= up_to else None)
        if first_open and done_date is not None:
            continue
        moved = occurrence.nominal if occurrence.due != occurrence.nominal else None
        build.add("milestone", m.seq, m.name, key,
                  Resolved(occurrence.due, estimate=resolved.estimate or occurrence.estimate, nominal=moved),
                  done_date=done_date, responsible=m.responsible_role, recurring=True, rule=rule,
                  recurrence=m.recurrence)
        if first_open:
            return


def next_due(items: list[Deadline]) -> dt.date | None:
    """The earliest date of a deadline somebody must act on (``ACTION_KINDS``) that is not done,
    overdue ones included; None when there is none (the list's "next due" column)."""
    dates = [d.due for d in items if d.kind in ACTION_KINDS and d.state != "done" and d.due is not None]
    return min(dates, default=None)
