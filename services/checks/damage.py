"""The contract check for spreadsheet damage already in the store: identifiers that a spreadsheet
turned into numbers or dates before they were imported (or typed so), by the rules of
``services.ledger.damage`` — so ``check`` flags what an older import let in.

Codes: ``spreadsheet_scientific``, ``spreadsheet_leading_zero``, ``spreadsheet_cut_short``,
``spreadsheet_date_clause`` (errors) and ``spreadsheet_trailing_zeros`` (warning); the field is
the cell (``parties[1].account``, ``penalty_clauses[0].clause_ref``, ``procurement_no``).
"""

from __future__ import annotations

from collections.abc import Iterator

from services.checks.base import Problem, error, warning
from services.errors import MESSAGES
from services.ledger import damage
from services.register.contract_data import ContractData

_CODES = {damage.SCIENTIFIC: "spreadsheet_scientific", damage.LEADING_ZERO: "spreadsheet_leading_zero",
          damage.CUT_SHORT: "spreadsheet_cut_short", damage.DATE_FOR_CLAUSE: "spreadsheet_date_clause",
          damage.TRAILING_ZEROS: "spreadsheet_trailing_zeros"}


def _cells(data: ContractData) -> Iterator[tuple[str, str, object]]:
    """(field path, column name, value) of every identifier of the contract the rules look at."""
    yield "contract_no", "contract_no", data.contract_no
    yield "procurement_no", "procurement_no", data.procurement_no
    for index, party in enumerate(getattr(data, "parties", None) or []):
        for name in ("phone", "tax_id", "account"):
            yield f"parties[{index}].{name}", name, getattr(party, name, None)
    for index, clause in enumerate(getattr(data, "penalty_clauses", None) or []):
        yield f"penalty_clauses[{index}].clause_ref", "clause_ref", getattr(clause, "clause_ref", None)


def check_damage(data: ContractData) -> list[Problem]:
    """Spreadsheet damage in the identifiers of ``data`` (see the module doc), in field order."""
    problems: list[Problem] = []
    for path, column, value in _cells(data):
        found = damage.value_damage(column, value) if isinstance(value, str) else None
        if found is None:
            continue
        severity, code, params = found
        texts = MESSAGES[code]
        make = error if severity == "error" else warning
        problems.append(make(_CODES[code], texts.zh_CN.format(**params), texts.en.format(**params), path))
    return problems
