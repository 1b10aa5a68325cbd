"""``maskline protect``: create, update or drop PostgreSQL's masked views, owner-only key and reader role.

See :mod:`maskline.adapters.postgres` for what is created and the privileges the admin connection needs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add ``maskline protect`` and its options to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> args = sub.choices["protect"].parse_args(["--dsn", "postgresql://a@h/db", "--policy", "p.yml"])
    >>> args.schema, args.reader, args.drop, args.run is run
    ('public', 'maskline_reader', False, True)
    """
    p = sub.add_parser(
        "protect",
        help="make PostgreSQL enforce masked access: masked views, owner-only key, reader role",
        description="Create or update, in a PostgreSQL database, one masked view per table (schema "
        "maskline_masked), the masking key in a table only the admin role can read, two SECURITY DEFINER token "
        "functions, and the role maskline_reader, which may read the views and nothing else. Grant that role to "
        "people and agents. Idempotent: run it again after each build that replaces a table. The key comes from "
        "the policy's key reference (MASKLINE_KEY by default) and is sent as COPY data, never in a statement's text. A column of a type "
        "the database defined (enum, composite, range) is masked only by null or redact, and text[], jsonb and "
        "other built-in types with structured text only by hash, hmac, fake, redact or null; anything else is "
        "refused before anything is created.",
    )
    p.add_argument("--dsn", required=True, help="an admin connection: postgresql://user@host/db")
    p.add_argument("--policy", type=Path, required=True, help="policy YAML file")
    p.add_argument("--schema", default="public", help="the schema of the raw tables (default: public)")
    p.add_argument("--tables", help="comma-separated tables to protect (default: the policy's datasets of "
                                        "--schema, and its unqualified ones)")
    p.add_argument("--masked-schema", dest="masked_schema", default="maskline_masked",
                   help="schema of the masked views (default: maskline_masked)")
    p.add_argument("--reader", default="maskline_reader", help="the reader role (default: maskline_reader)")
    p.add_argument("--private-schema", dest="private_schema", default="maskline_private",
                   help="schema of the owner-only key and its token functions (default: maskline_private)")
    p.add_argument("--key-owner", dest="key_owner", default=None,
                   help="the role that must own the key store, as dbt's vars.maskline_key_owner names it: protect "
                        "refuses to run as another role (default: the --dsn role, whichever it is)")
    p.add_argument("--drop", action="store_true", help="drop the masked views, the key and its functions")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``maskline protect``; engine errors are reported from their structure, never their text.

    >>> import pathlib, tempfile; p = pathlib.Path(tempfile.mkdtemp()) / "p.yml"
    >>> _ = p.write_text("version: 1")
    >>> run(argparse.Namespace(dsn="postgresql://nobody@127.0.0.1:9/x", policy=str(p)))  # no server there
    Traceback (most recent call last):
    maskline.errors.InputError: cannot connect to PostgreSQL: OperationalError (at --dsn). Fix: check host, port, ...
    """
    import psycopg2

    from maskline.adapters.pg_types import TABLES_ARGUMENT
    from maskline.adapters.postgres import protect, unprotect
    from maskline.errors import InputError, MasklineError
    from maskline.keys import resolve_key
    from maskline.policy import load_policy
    from maskline.rewrite.run import query_failed

    policy = load_policy(args.policy)
    refuse_other_engines(args.dsn)
    failure: MasklineError | None = None
    try:
        conn = psycopg2.connect(args.dsn)
    except psycopg2.Error as e:
        # The driver's message can quote the DSN (its password included): the error says what and where only.
        failure = InputError(f"cannot connect to PostgreSQL: {type(e).__name__}", where="--dsn",
                             fix="check host, port, database and credentials in --dsn")
    if failure is not None:
        raise failure
    try:
        if args.drop:
            unprotect(conn, masked_schema=args.masked_schema, private_schema=args.private_schema)
            print(f"dropped {args.masked_schema} and {args.private_schema}")
            return 0
        tables = [t.strip() for t in args.tables.split(",")] if args.tables else _datasets_of(policy, args.schema)
        if not tables:
            others = sorted(policy.datasets)
            fix = "pass --tables a,b or list datasets"
            if others:
                # an entry naming another schema's table decides nothing of --schema's (as on the query path)
                fix = f"the policy's datasets name other schemas' tables ({', '.join(others[:3])}): pass their " \
                      "schema as --schema, or list datasets of --schema"
            raise InputError(f"no tables of schema {args.schema} to protect", where="--tables", fix=fix)
        key = resolve_key(policy.key)
        try:
            done = protect(conn, policy, args.schema, tables, key, masked_schema=args.masked_schema,
                           reader=args.reader, private_schema=args.private_schema,
                           key_owner=args.key_owner)
        except psycopg2.Error as e:
            failure = query_failed(e, where=f"schema {args.schema}")
        except InputError as e:  # a refused table or column: it came from --tables (or the policy's datasets)
            if e.where != TABLES_ARGUMENT:
                raise
            raise InputError(e.what, where="--tables" if args.tables else "the policy's datasets", fix=e.fix) from None
        if failure is not None:
            raise failure
        print(f"protected {', '.join(done.views)}: views in {done.masked_schema}, readable by role {done.reader_role}")
        return 0
    finally:
        conn.close()


def refuse_other_engines(dsn: str) -> None:
    """Refuse a ``--dsn`` URI of another engine before psycopg2 reads it as a PostgreSQL keyword string.

    psycopg2 takes ``postgresql://`` and ``postgres://`` URIs or ``host=... dbname=...`` keywords; anything else
    failed as "cannot connect to PostgreSQL: ProgrammingError ... check host, port", which sent the user to the
    wrong fix. Only the scheme is named: the rest of the URI can hold a password.

    >>> refuse_other_engines("postgresql://admin@db/shop"); refuse_other_engines("host=db dbname=shop")
    >>> refuse_other_engines("duckdb:///warehouse.duckdb")
    Traceback (most recent call last):
    maskline.errors.InputError: --dsn is a duckdb:// URI, and maskline protect works on PostgreSQL only (at --dsn). Fix: ...
    """
    import re

    from maskline.errors import InputError

    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", dsn)
    if scheme and scheme[1].lower() not in ("postgresql", "postgres"):
        raise InputError(f"--dsn is a {scheme[1].lower()}:// URI, and maskline protect works on PostgreSQL only",
                         where="--dsn", fix="pass an admin connection as postgresql://user@host/db; other "
                         "engines mask with `maskline sql` or their native masking DDL (see the README)")


def _datasets_of(policy: Any, schema: str) -> list[str]:
    """The tables of ``schema`` (as the catalog stores its name) the policy's datasets name: its unqualified entries
    and those of that schema, each as the catalog stores the table the entry names (PostgreSQL folds an unquoted
    name to lower case: ``Staff`` is ``staff``; ``'"Staff"'`` is ``Staff``).

    >>> from maskline.policy import load_policy
    >>> _datasets_of(load_policy({"datasets": {"people": {}, "hr.staff": {}, "crm.orders": {}}}), "hr")
    ['people', 'staff']
    >>> _datasets_of(load_policy({"datasets": {"People": {}, '"Staff"': {}, '"HR".x': {}}}), "hr")
    ['people', 'Staff']
    """
    from maskline.rewrite.table_names import name_parts

    out = []
    for name in policy.datasets:
        parts = name_parts(name)
        if len(parts) == 1 or parts[-2] == schema:
            out.append(parts[-1])  # the table the engine resolves the entry's name to, never its case-only namesake
    return out
