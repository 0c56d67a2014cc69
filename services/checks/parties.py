"""Checks of a contract's parties: a purchaser and a supplier, each role once, each body in one
role, tax ids that are unified social credit codes (GB 32100-2015)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from models.contract import ROLES
from services.checks.base import Problem, error
from services.register.contract_data import PartyData
from services.register.uscc import uscc_problem

PURCHASER = ROLES[0]


def role_en(role: str) -> str:
    """``甲方`` → ``甲方 (Party A)``; other text unchanged."""
    return f"{role} (Party {'ABCDE'[ROLES.index(role)]})" if role in ROLES else role


def _name_key(name: str | None) -> str:
    """A name as compared: NFKC (full-width brackets and letters folded), no spaces, case-folded."""
    return "".join(unicodedata.normalize("NFKC", name or "").split()).casefold()


def check_parties(parties: Sequence[PartyData]) -> list[Problem]:
    """The parties of one contract (model ``Party``; roles 甲方 … 戊方, 甲方 the purchaser):

    * ``no_purchaser`` / ``no_supplier`` — no 甲方, or no party in another role;
    * ``role_repeated`` — a role held by two parties;
    * ``name_in_two_roles`` — one name (compared after NFKC, spaces and case folded) in two roles;
    * ``tax_id_invalid`` — a tax id that is not an 18-character unified social credit code with
      a valid check character (GB 32100-2015; ``services.register.uscc``). An empty tax id is not checked.

    All are errors.
    """
    problems: list[Problem] = []
    roles = [p.role for p in parties]
    if PURCHASER not in roles:
        problems.append(error("no_purchaser", "没有甲方（采购人）", "No purchaser (甲方, Party A)", "parties"))
    if not any(role != PURCHASER for role in roles):
        problems.append(error("no_supplier", "没有乙方（供应商）", "No supplier (乙方 or another party)", "parties"))
    first_with_role: dict[str, int] = {}
    for i, party in enumerate(parties):
        if party.role in first_with_role:
            j = first_with_role[party.role]
            problems.append(error(
                "role_repeated",
                f"角色“{party.role}”出现两次（第{j + 1}和第{i + 1}个当事人）",
                f"The role {role_en(party.role)} is used twice (parties {j + 1} and {i + 1})",
                f"parties[{i}].role", f"parties[{j}].role",
            ))
        else:
            first_with_role[party.role] = i
    first_with_name: dict[str, int] = {}
    for i, party in enumerate(parties):
        key = _name_key(party.name)
        if not key:
            continue
        if key in first_with_name:
            j = first_with_name[key]
            if parties[j].role != party.role:
                problems.append(error(
                    "name_in_two_roles",
                    f"“{party.name.strip()}”同时是{parties[j].role}和{party.role}",
                    f"{party.name.strip()} is both {role_en(parties[j].role)} and {role_en(party.role)}",
                    f"parties[{i}].name", f"parties[{j}].name",
                ))
        else:
            first_with_name[key] = i
    for i, party in enumerate(parties):
        if not (party.tax_id or "").strip():
            continue
        reason = uscc_problem(party.tax_id or "")
        if reason is not None:
            problems.append(error(
                "tax_id_invalid",
                f"{party.role}纳税人识别号“{party.tax_id}”不是有效的统一社会信用代码："
                f"{reason.reason_zh}（GB 32100-2015）",
                f"The tax id {party.tax_id!r} of {role_en(party.role)} is not a valid unified social credit code: "
                f"{reason.reason_en} (GB 32100-2015)",
                f"parties[{i}].tax_id",
            ))
    return problems
