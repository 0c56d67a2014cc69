"""``main.py admin grant USER ROLE`` / ``admin role``: the roles of a register on a PostgreSQL server.

``grant`` makes the database user USER a member of one ContractDesk role (viewer, officer, finance,
admin; ``services.store_roles``), creating the group roles and their grants on every table first;
``--create`` also creates USER as a login role. It must be run by a user who may manage roles (the
register's owner with CREATEROLE, or a superuser). ``role`` prints the role of the connected user.
"""

from __future__ import annotations

import argparse

from services.errors import UserError
from services.store import Store
from services.store_roles import ROLE_NOT_SERVER, ROLES, grant, role_of

HELP = "manage the roles of a register on a PostgreSQL server (grant USER ROLE, role)"

#: Managing roles is not a change of the register's content: no daily backup first.
DAILY_BACKUP = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``grant USER ROLE [--create]`` or ``role``."""
    actions = parser.add_subparsers(dest="action", required=True)
    granting = actions.add_parser("grant", help="make a database user a viewer, officer, finance or admin")
    granting.add_argument("user", metavar="USER")
    granting.add_argument("role", metavar="ROLE", choices=list(ROLES))
    granting.add_argument("--create", action="store_true", help="create USER as a login role if it does not exist")
    actions.add_parser("role", help="print the role of the connected database user")


def run(store: Store, args: argparse.Namespace) -> int:
    """Grant or print the role; 0 (a refusal is a ``UserError``)."""
    if not store.on_server:
        raise UserError(ROLE_NOT_SERVER, path=store.path)
    try:
        with store.engine.begin() as connection:
            if args.action == "grant":
                grant(connection, args.user, args.role, create_login=args.create)
                print(f"{args.user} is now {args.role} on {store.location}")
            else:
                print(f"{store.db_user}\t{role_of(connection) or '-'}\t{store.location}")
    except Exception as exc:
        translated = store.translate(exc)
        if translated is exc:
            raise
        raise translated from exc
    return 0
