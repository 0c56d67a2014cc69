"""``main.py admin grant USER ROLE`` / ``admin role``: the roles of a register on a PostgreSQL server.

``grant`` makes the database user USER a member of one ContractDesk role (viewer, officer, finance,
admin; ``services.store_roles``), creating the group roles and their grants on every table first;
``--create`` also creates USER as a login role. It must be run by a user who may manage roles (the
register's owner with CREATEROLE, or a superuser). ``role`` prints the role of the connected user.
Roles are typed by their names (``officer``) and printed by their labels (经办人 / contract officer),
as the window's status bar names them.
"""

from __future__ import annotations

import argparse

from cli.language import cli_language
from cli.words import add_common_options, say
from services.errors import Term, UserError, define
from services.store import Store
from services.store_roles import ROLE_NOT_SERVER, ROLES, grant, role_of

HELP = define("CLI_HELP_ADMIN", "管理服务器台账的角色（grant 用户 角色；role）",
              "manage the roles of a register on a PostgreSQL server (grant USER ROLE, role)")
HELP_GRANT = define("CLI_HELP_ADMIN_GRANT",
                    "让数据库用户成为 viewer（查看者）、officer（经办人）、finance（财务）或 admin（管理员）",
                    "make a database user a viewer, officer (contract officer), finance or admin (administrator)")
HELP_CREATE = define("CLI_HELP_ADMIN_CREATE", "用户不存在时将其建为可登录的角色",
                     "create USER as a login role if it does not exist")
HELP_ROLE = define("CLI_HELP_ADMIN_ROLE", "显示当前连接的数据库用户的角色",
                   "print the role of the connected database user")
META_ACTION = define("CLI_META_ADMIN_ACTION", "操作", "{{grant,role}}")  # argparse's own in English
META_USER = define("CLI_META_USER", "用户", "USER")
META_ROLE = define("CLI_META_ROLE", "角色", "ROLE")
GRANTED = define("CLI_ROLE_GRANTED", "{user} 现为 {location} 上的{role}", "{user} is now {role} on {location}")
#: Role name → its label, as the window's status bar shows it.
ROLE_LABELS = {"viewer": Term("viewer", "查看者"), "officer": Term("contract officer", "经办人"),
               "finance": Term("finance", "财务"), "admin": Term("administrator", "管理员")}

#: Managing roles is not a change of the register's content: no daily backup first.
DAILY_BACKUP = False


def add_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """``grant USER ROLE [--create]`` or ``role``."""
    actions = parser.add_subparsers(dest="action", required=True, metavar=say(META_ACTION, language))
    granting = actions.add_parser("grant", help=say(HELP_GRANT, language), description=say(HELP_GRANT, language),
                                  formatter_class=parser.formatter_class)
    add_common_options(granting, language, nested=True)  # admin role --db URL, as the README writes it
    granting.add_argument("user", metavar=say(META_USER, language))
    granting.add_argument("role", metavar=say(META_ROLE, language), choices=list(ROLES))
    granting.add_argument("--create", action="store_true", help=say(HELP_CREATE, language))
    role = actions.add_parser("role", help=say(HELP_ROLE, language), description=say(HELP_ROLE, language),
                              formatter_class=parser.formatter_class)
    add_common_options(role, language, nested=True)


def role_label(role: str | None, language: str) -> str:
    """The label of a role name in ``language``; ``-`` for none, an unknown name as it is."""
    if role is None:
        return "-"
    term = ROLE_LABELS.get(role)
    return role if term is None else term.label(language)


def run(store: Store, args: argparse.Namespace) -> int:
    """Grant or print the role; 0 (a refusal is a ``UserError``)."""
    language = cli_language(args.lang)
    if not store.on_server:
        raise UserError(ROLE_NOT_SERVER, path=store.path)
    try:
        with store.engine.begin() as connection:
            if args.action == "grant":
                grant(connection, args.user, args.role, create_login=args.create)
                print(say(GRANTED, language, user=args.user, role=role_label(args.role, language),
                          location=store.location))
            else:
                print(f"{store.db_user}\t{role_label(role_of(connection), language)}\t{store.location}")
    except Exception as exc:
        translated = store.translate(exc)
        if translated is exc:
            raise
        raise translated from exc
    return 0
