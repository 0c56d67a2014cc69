"""Roles of a register on a PostgreSQL server, enforced by the server with GRANTs (issue 17).

Four group roles (NOLOGIN), one per kind of work; a person's login role is a member of one:

* ``contractdesk_viewer`` — read, print, export: SELECT on every table;
* ``contractdesk_officer`` — edit contracts: the viewer's rights, and INSERT/UPDATE/DELETE on every
  table except the administrator's (``ADMIN_TABLES``: the holiday table) and the history (INSERT only);
* ``contractdesk_finance`` — record payments: the viewer's rights, and INSERT/UPDATE/DELETE on the
  payment tables (``is_payment_table``: ``payments`` and every later table whose name starts with
  ``payment``), UPDATE of the installments' paid columns the payments keep
  (``FINANCE_INSTALLMENT_COLUMNS``: ``paid_date``, ``paid_amount`` — ``services.payments.rows``) and
  of the contract's bookkeeping columns (``FINANCE_CONTRACT_COLUMNS``: its version and list columns),
  INSERT into the history — never the line items, the installments' terms, the amendments
  (补充协议: ``amendments``, ``amendment_changes``) or the files kept with a contract
  (``attachments``, ``attachment_blobs``): those are the officer's;
* ``contractdesk_admin`` — everything on every table (holiday table, Trash, permanent deletes).

The grants are computed from the models' metadata (every table ``models.Base`` knows, so tables
added by later features are covered without a list here) and applied again after every upgrade
(``grant_all``), so a new table is never left without its grants. The history stays append-only for
everyone through its trigger (revision 0005), whatever the grants.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

from services.errors import UserError, define

#: Role name -> the PostgreSQL group role.
ROLES = {"viewer": "contractdesk_viewer", "officer": "contractdesk_officer",
         "finance": "contractdesk_finance", "admin": "contractdesk_admin"}
#: Tables only the administrator writes.
ADMIN_TABLES = frozenset({"holidays"})
#: Tables only ever appended to.
APPEND_ONLY_TABLES = frozenset({"history"})
#: Columns of ``contracts`` that recording a payment changes (its version and derived list columns).
FINANCE_CONTRACT_COLUMNS = ("version", "next_due", "problem_level", "search_text", "counterparty",
                            # the list's terms in force (revision 0020, services.register.list_terms)
                            "list_title", "list_total_amount", "list_start_date", "list_end_date",
                            # and its status (revision 0022 on PostgreSQL, services.register.list_status)
                            "list_status")
#: Columns of ``installments`` that recording a payment changes (``services.payments.rows.refresh_installments``).
FINANCE_INSTALLMENT_COLUMNS = ("paid_date", "paid_amount")

ROLE_UNKNOWN = define(
    "ROLE_UNKNOWN",
    "未知的角色 {role}；可用角色：{roles}。",
    "Unknown role {role}; the roles are: {roles}.")
ROLE_NOT_SERVER = define(
    "ROLE_NOT_SERVER",
    "角色只适用于服务器上的台账（postgresql://…）；{path} 是本机文件，由文件权限保护。",
    "Roles apply to a register on a server (postgresql://…); {path} is a local file, protected by its "
    "file permissions.")
ROLE_BAD_USER = define(
    "ROLE_BAD_USER",
    "数据库用户名 {user} 无效：只能包含字母、数字、下划线、点和连字符。",
    "The database user name {user} is not valid: letters, digits, underscore, dot and hyphen only.")


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _tables(connection: Connection) -> list[str]:
    """Every table of the register: the models' metadata (``models.Base``) that exists, and Alembic's."""
    import models

    present = {row[0] for row in connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))}
    # list_terms_day, list_status_day: the list's days (revisions 0020, 0022: services.register.list_terms,
    # list_status), outside the models
    return sorted(name for name in (*models.Base.metadata.tables, "alembic_version", "list_terms_day",
                                    "list_status_day") if name in present)


def is_payment_table(name: str) -> bool:
    """True for a table finance writes whole: ``payments`` (issue 15) and any later ``payment*``."""
    return name.startswith("payment")


def grants(tables: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Role name -> (privileges, table) pairs for ``tables`` (privileges as in GRANT, e.g.
    ``"SELECT"``, ``"UPDATE (version, next_due)"``). Pure: the rules above, testable without a server."""
    result: dict[str, list[tuple[str, str]]] = {role: [] for role in ROLES}
    for table in tables:
        for role in ROLES:
            result[role].append(("SELECT", table))
        if table == "alembic_version":
            continue
        result["admin"].append(("INSERT, UPDATE, DELETE", table))
        if table in APPEND_ONLY_TABLES:
            result["officer"].append(("INSERT", table))
            result["finance"].append(("INSERT", table))
        elif table not in ADMIN_TABLES:
            result["officer"].append(("INSERT, UPDATE, DELETE", table))
        if is_payment_table(table):
            result["finance"].append(("INSERT, UPDATE, DELETE", table))
        elif table == "contracts":
            result["finance"].append((f"UPDATE ({', '.join(FINANCE_CONTRACT_COLUMNS)})", table))
        elif table == "installments":
            result["finance"].append((f"UPDATE ({', '.join(FINANCE_INSTALLMENT_COLUMNS)})", table))
    return result


def may_write(role: str | None, table: str) -> bool:
    """Whether a user of ``role`` may add rows to ``table`` under ``grants`` (the window disables
    what it may not); None — a file register, or a server that cannot say — True (the store's own
    limits still apply: read-only, the server's refusal)."""
    if role is None:
        return True
    return any(name == table and "INSERT" in privileges for privileges, name in grants([table])[role])


def ensure_roles(connection: Connection) -> None:
    """Create the four group roles that do not exist yet (needs CREATEROLE)."""
    existing = {row[0] for row in connection.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(ROLES.values())})}
    for group in ROLES.values():
        if group not in existing:
            connection.execute(text(f"CREATE ROLE {_quote(connection, group)} NOLOGIN"))


def grant_all(connection: Connection) -> bool:
    """(Re)apply every group role's grants on every table and sequence of the register; False (and
    nothing done) when the roles were never created (a register without ``admin grant``).
    Called after each upgrade on a server, by ``admin grant`` and after a restore."""
    existing = {row[0] for row in connection.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(ROLES.values())})}
    if existing != set(ROLES.values()):
        return False
    tables = _tables(connection)
    for role, pairs in grants(tables).items():
        group = _quote(connection, ROLES[role])
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {group}"))
        for table in tables:
            connection.execute(text(f"REVOKE ALL ON {_quote(connection, table)} FROM {group}"))
        for privileges, table in pairs:
            connection.execute(text(f"GRANT {privileges} ON {_quote(connection, table)} TO {group}"))
        if role != "viewer":
            connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}"))
    return True


#: (group role, table or sequence, privilege, column or None): one privilege a group holds.
Privilege = tuple[str, str, str, str | None]


def expected_privileges(tables: Iterable[str], sequences: Iterable[str]) -> set[Privilege]:
    """Every privilege ``grant_all`` gives on ``tables`` and ``sequences``, one by one (a column
    grant per column). Pure: what ``grants_current`` compares the server's ACLs with."""
    result: set[Privilege] = set()
    for role, pairs in grants(tables).items():
        group = ROLES[role]
        for privileges, table in pairs:
            if "(" in privileges:
                name, columns = privileges.split("(", 1)
                for column in columns.rstrip(")").split(","):
                    result.add((group, table, name.strip(), column.strip()))
            else:
                result.update((group, table, name.strip(), None) for name in privileges.split(","))
        if role != "viewer":
            result.update((group, sequence, name, None) for sequence in sequences for name in ("USAGE", "SELECT"))
    return result


def granted_privileges(connection: Connection) -> set[Privilege]:
    """The privileges the four groups hold on this register's tables, columns and sequences, read
    from the server's ACLs (``aclexplode`` of ``pg_class.relacl`` and ``pg_attribute.attacl``)."""
    groups = {"groups": list(ROLES.values())}
    tables = connection.execute(text(
        "SELECT g.rolname, c.relname, a.privilege_type FROM pg_class c "
        "CROSS JOIN LATERAL aclexplode(c.relacl) a JOIN pg_roles g ON g.oid = a.grantee "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'S') "
        "AND g.rolname = ANY(:groups)"), groups)
    columns = connection.execute(text(
        "SELECT g.rolname, c.relname, a.privilege_type, t.attname FROM pg_attribute t "
        "JOIN pg_class c ON c.oid = t.attrelid CROSS JOIN LATERAL aclexplode(t.attacl) a "
        "JOIN pg_roles g ON g.oid = a.grantee WHERE t.attacl IS NOT NULL AND c.relkind = 'r' "
        "AND c.relnamespace = current_schema()::regnamespace AND g.rolname = ANY(:groups)"), groups)
    return {(str(r[0]), str(r[1]), str(r[2]), None) for r in tables} | {
        (str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in columns}


def grants_current(connection: Connection) -> bool | None:
    """True when the groups hold exactly what ``grant_all`` gives today; False when a grant differs
    (a register set up by an older ContractDesk: finance's whole-table UPDATE on ``installments``,
    before it was narrowed to the paid columns); None when the groups were never created."""
    existing = {row[0] for row in connection.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(ROLES.values())})}
    if existing != set(ROLES.values()):
        return None
    sequences = [row[0] for row in connection.execute(text(
        "SELECT relname FROM pg_class WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace"))]
    return granted_privileges(connection) == expected_privileges(_tables(connection), sequences)


def may_grant(connection: Connection) -> bool:
    """True when the connected user may change the register's grants: a superuser, or the owner
    (or a member of the owning role) of the ``contracts`` table."""
    row = connection.execute(text(
        "SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.relname = 'contracts' AND c.relkind = 'r' "
        "AND c.relnamespace = current_schema()::regnamespace")).first()
    return bool(row is not None and row[0])


def refresh_grants(connection: Connection) -> bool:
    """Re-apply the grants (``grant_all``) when they are not what this version gives and the
    connected user may change them; True when they were re-applied. Idempotent: a register whose
    grants are current is left alone. Called when a server register is opened (``store_pg``)."""
    if grants_current(connection) is not False or not may_grant(connection):
        return False
    connection.execute(text("SELECT pg_advisory_xact_lock(1701202617)"))  # the migration runner's lock
    if grants_current(connection) is False:  # not fixed meanwhile by another first start
        return grant_all(connection)
    return False


def grant(connection: Connection, user: str, role: str, *, create_login: bool = False) -> None:
    """Make the database user ``user`` a member of ``role``'s group (and of no other ContractDesk
    group): ``main.py admin grant USER ROLE``. Creates the groups and applies the grants first.
    ``create_login``: create ``user`` as a LOGIN role (no password: set it with ``ALTER ROLE`` or use
    the server's authentication) when it does not exist.

    Raises ``UserError`` ``ROLE_UNKNOWN``, ``ROLE_BAD_USER``; a user who may not manage roles gets
    the server's refusal (``services.store_pg.STORE_DENIED`` through the store).
    """
    if role not in ROLES:
        raise UserError(ROLE_UNKNOWN, role=role, roles=", ".join(ROLES))
    if not user or not all(ch.isalnum() or ch in "_.-" for ch in user):
        raise UserError(ROLE_BAD_USER, user=user)
    ensure_roles(connection)
    grant_all(connection)
    quoted = _quote(connection, user)
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :user"), {"user": user}).first()
    if exists is None and create_login:
        connection.execute(text(f"CREATE ROLE {quoted} LOGIN"))
    for other, group in ROLES.items():
        if other != role:
            connection.execute(text(f"REVOKE {_quote(connection, group)} FROM {quoted}"))
    connection.execute(text(f"GRANT {_quote(connection, ROLES[role])} TO {quoted}"))


def role_of(connection: Connection) -> str | None:
    """The ContractDesk role of the connected user: ``"admin"`` for a superuser or the owner of the
    ``contracts`` table, else the strongest group it belongs to, else None (no role: the server
    refuses everything but what PUBLIC may do)."""
    row = connection.execute(text(
        "SELECT r.rolsuper OR pg_get_userbyid(c.relowner) = current_user FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.relname = 'contracts' AND c.relkind = 'r' "
        "AND c.relnamespace = current_schema()::regnamespace")).first()
    if row is not None and row[0]:
        return "admin"
    for role in ("admin", "officer", "finance", "viewer"):
        member = connection.execute(text(
            "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = :group"),
            {"group": ROLES[role]}).scalar()
        if member:
            return role
    return None


def store_role(store: object) -> str | None:
    """The ContractDesk role of ``store``'s database user (``role_of``); None for an SQLite file or
    when the server cannot say (the server still refuses what the role may not do)."""
    from sqlalchemy.exc import DBAPIError

    if not getattr(store, "on_server", False):
        return None
    try:
        with store.engine.connect() as connection:  # type: ignore[attr-defined]  # a services.store.Store
            return role_of(connection)
    except DBAPIError:
        return None
