"""Whether a contract may be printed for signature: its check errors (issue 14).

A contract whose figures contradict each other (the text says ¥2,738,718.5, the annex
¥2,829,718.50) must not reach the signatories unnoticed. ``signature_blockers`` returns the check
errors (``services.checks.contract.check_contract``, severity ``error``); the window asks before
printing (Print anyway / Cancel) and ``main.py print`` refuses without ``--force``. Warnings never
block. Qt-free.
"""

from __future__ import annotations

import datetime as dt

from services.checks.base import ERROR, Problem
from services.checks.contract import check_contract
from services.errors import UserError, define
from services.register.contract_data import ContractData

__all__ = ["PRINT_HAS_ERRORS", "blockers_error", "signature_blockers"]

PRINT_HAS_ERRORS = define(
    "PRINT_HAS_ERRORS",
    "合同 {contract_no} 有 {count} 项核对错误，不宜交付签署：\n{problems}\n请先改正；确需打印请加 --force。",
    "Contract {contract_no} has {count} check error(s) and should not go out for signature:\n{problems}\n"
    "Correct them first, or print anyway with --force.",
)


def signature_blockers(data: ContractData, *, today: dt.date | None = None) -> list[Problem]:
    """The check errors of ``data`` (in check order); empty when it may be printed for signature."""
    return [problem for problem in check_contract(data, today=today) if problem.severity == ERROR]


def blockers_error(data: ContractData, blockers: list[Problem], language: str = "en") -> UserError:
    """The ``PRINT_HAS_ERRORS`` error listing ``blockers`` (one ``- message`` line each, in ``language``)."""
    lines = "\n".join(f"- {problem.message(language)}" for problem in blockers)
    return UserError(PRINT_HAS_ERRORS, contract_no=data.contract_no, count=len(blockers), problems=lines)
