"""Who owns and who may use ``maskline protect``'s key store on PostgreSQL: checked before the key is written.

The private schema and its key table hold the key's salt and HMAC pads. A role that owns either, or may write the
key row, decides the key (and may read it); a role that may read the row has the key. Protect trusts a store only
when its role owns both, and it builds the rights by construction: a schema or table it creates now keeps no grant
that the admin role's default privileges (``ALTER DEFAULT PRIVILEGES``) added, whoever they name, and an existing
store may grant others only what maskline's own paths use: ``USAGE`` on the schema, and ``SELECT`` on the key table
to a role other than the reader (dbt's ``maskline_key_source: database`` role, granted by hand). Anything else is
refused with the object, the role and the ``REVOKE`` that fixes it, before any key is written.

>>> allowed("schema", "reader", "USAGE", reader="reader"), allowed("table", "dbt", "SELECT", reader="reader")
(True, True)
>>> allowed("table", "reader", "SELECT", reader="reader"), allowed("table", "etl", "UPDATE", reader="reader")
(False, False)
"""

from __future__ import annotations

from typing import Any

from maskline.errors import InputError

_EQ = "OPERATOR(pg_catalog.=)"
# The store's owners, or NULL where it does not exist yet, and the role that runs protect. Catalog reads only, every
# name qualified: nothing on the admin's search path runs here.
_OWNERS_SQL = (
    "SELECT pg_catalog.pg_get_userbyid(n.nspowner)::pg_catalog.text, "
    "pg_catalog.pg_get_userbyid(c.relowner)::pg_catalog.text, CURRENT_USER::pg_catalog.text "
    "FROM (SELECT 1) AS one "
    f"LEFT JOIN pg_catalog.pg_namespace n ON n.nspname::pg_catalog.text {_EQ} %s "
    f"LEFT JOIN pg_catalog.pg_class c ON c.relnamespace {_EQ} n.oid AND c.relname::pg_catalog.text {_EQ} %s"
)
# Every privilege a role other than the owner holds on the schema and on the key table (grantee 0 is PUBLIC).
_GRANTEE = (f"CASE WHEN a.grantee {_EQ} 0::pg_catalog.oid THEN 'PUBLIC' "
            "ELSE pg_catalog.pg_get_userbyid(a.grantee)::pg_catalog.text END")
_GRANTS_SQL = (
    f"SELECT 'schema', {_GRANTEE}, a.privilege_type::pg_catalog.text FROM pg_catalog.pg_namespace n, "
    f"pg_catalog.aclexplode(n.nspacl) a WHERE n.nspname::pg_catalog.text {_EQ} %s "
    f"AND a.grantee OPERATOR(pg_catalog.<>) n.nspowner "
    f"UNION ALL SELECT 'table', {_GRANTEE}, a.privilege_type::pg_catalog.text FROM pg_catalog.pg_class c "
    f"JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace, pg_catalog.aclexplode(c.relacl) a "
    f"WHERE n.nspname::pg_catalog.text {_EQ} %s AND c.relname::pg_catalog.text {_EQ} %s "
    f"AND a.grantee OPERATOR(pg_catalog.<>) c.relowner ORDER BY 1, 2, 3"
)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _grantee_sql(grantee: str) -> str:
    return "PUBLIC" if grantee == "PUBLIC" else _ident(grantee)


def allowed(kind: str, grantee: str, privilege: str, *, reader: str) -> bool:
    """Whether a role other than the owner may hold ``privilege`` on the store's ``kind`` (schema or table).

    >>> allowed("schema", "PUBLIC", "USAGE", reader="r"), allowed("schema", "etl", "CREATE", reader="r")
    (True, False)
    """
    if kind == "schema":
        return privilege == "USAGE"  # lets a role name the table and call the token functions, never create
    return privilege == "SELECT" and grantee not in (reader, "PUBLIC")


def owners(cur: Any, private_schema: str, table: str) -> tuple[str | None, str | None, str]:
    """The private schema's owner, the key table's (None where absent) and the role that runs protect.

    >>> # owners(cur, "maskline_private", "key") -> ('admin', 'admin', 'admin')
    """
    cur.execute(_OWNERS_SQL, (private_schema, table))
    schema_owner, table_owner, me = cur.fetchone()
    return schema_owner, table_owner, str(me)


def refuse_foreign_owner(private_schema: str, table: str, schema_owner: str | None, table_owner: str | None,
                         me: str) -> None:
    """Refuse a store another role owns: it may read what protect writes there, and replace it.

    >>> refuse_foreign_owner("p", "key", "admin", None, "admin")  # a store of its own, or none yet: fine
    >>> refuse_foreign_owner("p", "key", "mallory", None, "admin")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: the private schema p is owned by role mallory, not by admin, which runs protect (at protect(private_schema=p)). Fix: as its owner or a superuser, check what it holds and DROP SCHEMA p CASCADE, or give protect another private schema (--private-schema, or private_schema= of the operator); protect creates the schema and the key table owner-only
    """
    for kind, name, owner in (("private schema", private_schema, schema_owner),
                              ("key table", f"{private_schema}.{table}", table_owner)):
        if owner is not None and owner != me:
            raise InputError(f"the {kind} {name} is owned by role {owner}, not by {me}, which runs protect",
                             where=f"protect(private_schema={private_schema})",
                             fix=f"as its owner or a superuser, check what it holds and DROP SCHEMA {private_schema} "
                                 "CASCADE, or give protect another private schema (--private-schema, or "
                                 "private_schema= of the operator); protect creates the schema and "
                                 "the key table owner-only")


def refuse_other_runner(private_schema: str, me: str, key_owner: str | None) -> None:
    """Refuse to write the key as a role other than ``key_owner``, the role dbt's ``vars.maskline_key_owner`` trusts
    (``--key-owner``): a store made by another role would then be refused by every dbt run, or, worse, trusted by a
    project that names the wrong role.

    >>> refuse_other_runner("p", "admin", None), refuse_other_runner("p", "admin", "admin")
    (None, None)
    >>> refuse_other_runner("p", "etl", "admin")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: protect runs as role etl, not as admin, the key store's expected owner (at protect(private_schema=p)). Fix: run protect as role admin (the login of --dsn or of the operator's conn_id, or SET ROLE in the role's settings), or give etl as the owner (--key-owner, or key_owner= of the operator) and set the same role in dbt's vars.maskline_key_owner
    """
    if key_owner is not None and me != key_owner:
        raise InputError(f"protect runs as role {me}, not as {key_owner}, the key store's expected owner",
                         where=f"protect(private_schema={private_schema})",
                         # the fix names both faces' spellings: the CLI's flags and ProtectPostgresOperator's
                         fix=f"run protect as role {key_owner} (the login of --dsn or of the operator's conn_id, or "
                             f"SET ROLE in the role's settings), or give {me} as the owner (--key-owner, or "
                             "key_owner= of the operator) and set the same role in dbt's vars.maskline_key_owner")


def grants(cur: Any, private_schema: str, table: str) -> list[tuple[str, str, str]]:
    """(schema or table, grantee, privilege) of every right a role other than the owner holds on the store.

    >>> # grants(cur, "maskline_private", "key") -> [('schema', 'maskline_reader', 'USAGE')]
    """
    cur.execute(_GRANTS_SQL, (private_schema, private_schema, table))
    return [(str(k), str(g), str(p)) for k, g, p in cur.fetchall()]


def strip_defaults(cur: Any, private_schema: str, table: str, *, schema_new: bool, table_new: bool) -> None:
    """Revoke every grant to another role on what protect created in this run: those came from the admin role's
    default privileges, which never meant the key (protect grants the reader its ``USAGE`` afterwards).

    >>> # strip_defaults(cur, "maskline_private", "key", schema_new=True, table_new=True)
    """
    objects = {"schema": f"SCHEMA {_ident(private_schema)}", "table": f"{_ident(private_schema)}.{_ident(table)}"}
    fresh = {"schema": schema_new, "table": table_new}
    for kind, grantee in sorted({(k, g) for k, g, _ in grants(cur, private_schema, table) if fresh[k]}):
        cur.execute(f"REVOKE ALL ON {objects[kind]} FROM {_grantee_sql(grantee)}")


def refuse_extra_grants(found: list[tuple[str, str, str]], private_schema: str, table: str, reader: str) -> None:
    """Refuse a right on the store beyond :func:`allowed`: a role that may write the key row decides the key, and a
    reader that may read it has the key.

    >>> refuse_extra_grants([("schema", "r", "USAGE"), ("table", "dbt", "SELECT")], "p", "key", "r")
    >>> refuse_extra_grants([("table", "etl", "UPDATE")], "p", "key", "r")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: role etl holds UPDATE on the masking key table p.key: it may read or replace the key (at protect(private_schema=p)). Fix: REVOKE UPDATE ON p.key FROM etl, then run protect again (others may hold USAGE on the schema and, but for the reader role, SELECT on the key table)
    """
    for kind, grantee, privilege in found:
        if allowed(kind, grantee, privilege, reader=reader):
            continue
        name, target = ((f"the private schema {private_schema}", f"SCHEMA {private_schema}") if kind == "schema"
                        else (f"the masking key table {private_schema}.{table}", f"{private_schema}.{table}"))
        raise InputError(f"role {grantee} holds {privilege} on {name}: it may read or replace the key",
                         where=f"protect(private_schema={private_schema})",
                         fix=f"REVOKE {privilege} ON {target} FROM {grantee}, then run protect again (others may "
                             "hold USAGE on the schema and, but for the reader role, SELECT on the key table)")
