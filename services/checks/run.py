"""Running the contract checks over the store (``check_stored``), and the ``problem_level`` of
contracts that were never checked (after an upgrade to revision 0003).

Checking a stored contract also stores its ``problem_level`` (the list's icon and filter), so a
contract left unchecked — NULL, e.g. written by a bulk insert — is checked from then on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import Select, bindparam, select, update
from sqlalchemy.orm import Session

from models.contract import Contract, Installment, LineItem, Party
from services.checks.contract import Problem, check_contract, stored_level
from services.register.contract_data import ContractData, InstallmentData, LineItemData, PartyData, scalar_fields
from services.register.contracts import LIVE, ContractInTrashError, trashed_id
from services.register.versions import ContractNotFoundError

#: Contracts read (with parties, lines and installments) per round of queries.
BATCH = 500
_CHILDREN = (("parties", Party, PartyData, "role_order"), ("line_items", LineItem, LineItemData, "seq"),
             ("installments", Installment, InstallmentData, "seq"))


def _load(session: Session, ids: list[int]) -> dict[int, ContractData]:
    """What the checks read of the contracts ``ids``: header, parties, lines, installments (no
    articles). Plain Core selects — four queries per batch, no ORM objects — so checking
    100,000 contracts costs seconds, not a minute; the column types still give Decimal and date."""
    table = Contract.__table__
    names = scalar_fields(ContractData)
    query = select(table.c.id, *(table.c[name] for name in names)).where(table.c.id.in_(ids))
    loaded = {row[0]: ContractData(**dict(zip(names, row[1:], strict=True))) for row in session.execute(query)}
    for attribute, orm_cls, data_cls, order in _CHILDREN:
        child = orm_cls.__table__
        fields = scalar_fields(data_cls)
        rows = session.execute(select(child.c.contract_id, *(child.c[name] for name in fields))
                               .where(child.c.contract_id.in_(ids)).order_by(child.c.contract_id, child.c[order]))
        for row in rows:
            getattr(loaded[row[0]], attribute).append(data_cls(**dict(zip(fields, row[1:], strict=True))))
    return loaded


def _check_ids(session: Session, ids: list[int], today: dt.date | None) -> Iterator[tuple[str, list[Problem]]]:
    """Check the contracts ``ids`` in that order, batch by batch, storing each one's level."""
    table = Contract.__table__
    store_level = update(table).where(table.c.id == bindparam("contract_id")).values(
        problem_level=bindparam("level"))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        loaded = _load(session, chunk)
        levels = []
        for contract_id in chunk:
            problems = check_contract(loaded[contract_id], today=today)
            levels.append({"contract_id": contract_id, "level": stored_level(problems)})
            yield loaded[contract_id].contract_no, problems
        session.execute(store_level, levels)


def check_stored(
    session: Session, contract_no: str | None = None, *, today: dt.date | None = None,
) -> Iterator[tuple[str, list[Problem]]]:
    """(contract number, problems) of ``contract_no``, or of every contract in number order;
    stores each one's ``problem_level`` on the way. ``today`` as in ``check_contract``. Contracts
    in the Trash are not checked. Raises ``ContractInTrashError`` for a ``contract_no`` in the
    Trash, ``ContractError`` for an unknown one."""
    query: Select = select(Contract.id).where(LIVE).order_by(Contract.contract_no)
    if contract_no is not None:
        query = query.where(Contract.contract_no == contract_no)
    ids = list(session.scalars(query))
    if contract_no is not None and not ids:
        if trashed_id(session, contract_no) is not None:
            raise ContractInTrashError(contract_no)
        raise ContractNotFoundError(contract_no=contract_no)
    yield from _check_ids(session, ids, today)


def refresh_problem_levels(session: Session, *, only_unchecked: bool = True) -> int:
    """Check and store ``problem_level`` of every contract whose level is NULL (not checked yet:
    written before revision 0003, or reset by a later revision), or of all with
    ``only_unchecked=False``. Returns how many contracts were checked."""
    query: Select = select(Contract.id).order_by(Contract.id)
    if only_unchecked:
        query = query.where(Contract.problem_level.is_(None))
    return sum(1 for _ in _check_ids(session, list(session.scalars(query)), None))

