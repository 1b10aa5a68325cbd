"""``maskline mcp``: serve masked, read-only database access to AI agents over MCP.

The MCP SDK is imported only when the command runs (``pip install 'maskline[mcp]'``).

>>> from maskline.cli.main import build_parser
>>> args = build_parser().parse_args(["mcp", "--policy", "p.yml", "--database", "duckdb:///w.duckdb",
...                                   "--allow", "customers", "--allow", "orders"])
>>> args.allow, args.http, args.host, args.max_rows
(['customers', 'orders'], False, '127.0.0.1', 200)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

DEFAULT_PORT = 8765


def register(sub: Any) -> None:
    """Add ``maskline mcp`` and its options to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> sub.choices["mcp"].parse_args(["--policy", "p.yml", "--database", "duckdb://", "--http"]).port
    8765
    """
    p = sub.add_parser(
        "mcp", help="serve masked read-only SQL to AI agents over the Model Context Protocol",
        description="An MCP server with the tools list_tables, describe_table, query and explain. Every query is "
                    "rewritten so that outputs derived from sensitive columns are masked; each call is sent to "
                    "OpenLineage with the agent's identity. stdio by default; --http serves streamable HTTP.")
    p.add_argument("--policy", type=Path, required=True,
                   help="policy YAML file; the scan stored beside it (maskline scan --save) is read too")
    p.add_argument("--database", required=True, metavar="URI",
                   help="duckdb:///file.duckdb or postgresql://user@host/db (opened read-only)")
    p.add_argument("--allow", action="append", metavar="TABLE",
                   help="a table the agent may read (repeatable; default: every table of the default schema)")
    p.add_argument("--http", action="store_true", help="serve streamable HTTP instead of stdio")
    p.add_argument("--host", default="127.0.0.1", help="HTTP host (default: loopback only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"HTTP port (default {DEFAULT_PORT})")
    p.add_argument("--principal", metavar="NAME",
                   help="stdio only: the person the agent acts for, checked against unmask_for as user:NAME")
    p.add_argument("--max-rows", dest="max_rows", type=int, default=200, metavar="N",
                   help="rows per query; more are cut and the result says truncated (default 200)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S",
                   help="seconds before a query is cancelled (default 30)")
    p.add_argument("--masked-schema", dest="masked_schema", metavar="SCHEMA",
                   help="PostgreSQL: read the masked views maskline protect created there (the reader role's path); "
                        "unqualified names and --allow entries are that schema's")
    auth = p.add_mutually_exclusive_group()
    auth.add_argument("--jwt-secret-env", dest="jwt_secret_env", metavar="VAR",
                      help="HTTP: verify bearer tokens with the HS256 secret in this environment variable")
    auth.add_argument("--jwks", metavar="FILE", help="HTTP: verify bearer tokens with the public keys of a JWKS file")
    p.add_argument("--audience", help="HTTP: the aud claim tokens must carry")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Serve the MCP tools over stdio, or streamable HTTP with ``--http`` (which needs a token verifier).

    >>> from maskline.cli.main import build_parser
    >>> run(build_parser().parse_args(["mcp", "--policy", "p.yml", "--database", "duckdb://", "--http"]))
    Traceback (most recent call last):
    maskline.errors.InputError: --http needs a way to verify who the agent acts for (at maskline mcp --http)...
    """
    from maskline.errors import InputError
    from maskline.policy import load_policy

    verifier = None
    if args.http:
        if args.principal:
            raise InputError("--principal is for stdio only", where="maskline mcp --http --principal",
                             fix="over HTTP the person comes from a verified bearer token: use --jwt-secret-env or "
                                 "--jwks")
        if not (args.jwt_secret_env or args.jwks):
            raise InputError("--http needs a way to verify who the agent acts for", where="maskline mcp --http",
                             fix="add --jwt-secret-env VAR (HS256) or --jwks FILE")
    elif args.jwt_secret_env or args.jwks or args.audience:
        # --audience too: over stdio no token is read, so an audience the user meant to enforce would check nothing
        raise InputError("bearer tokens are checked over HTTP only",
                         where="maskline mcp --jwt-secret-env/--jwks/--audience",
                         fix="add --http, or use --principal over stdio")
    if args.max_rows < 1:  # each flag named on its own: the user is told which one to change
        raise InputError("--max-rows must be a whole number of rows above 0", where="maskline mcp --max-rows",
                         fix="e.g. --max-rows 200 (the default)")
    if args.timeout <= 0:
        raise InputError("--timeout must be a number of seconds above 0", where="maskline mcp --timeout",
                         fix="e.g. --timeout 30 (the default)")
    try:
        import mcp  # noqa: F401
    except ImportError:
        raise InputError("the MCP SDK is not installed", where="maskline mcp",
                         fix="pip install 'maskline[mcp]'") from None
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server, serve
    from maskline.mcp.tokens import TokenVerifier
    from maskline.mcp.tools import MaskedTools

    if args.http:
        verifier = (TokenVerifier.from_env(args.jwt_secret_env, audience=args.audience) if args.jwt_secret_env
                    else TokenVerifier.from_jwks_file(args.jwks, audience=args.audience))
    database = Database.from_uri(args.database)
    database.check()
    from maskline.classify.stored import scan_beside

    policy = load_policy(args.policy)
    scan = scan_beside(policy)  # a stale or broken stored scan stops the server now, not its first query
    from maskline.mcp.lineage import check_settings

    check_settings()  # so does a bad lineage queue size or flush timeout
    if not args.masked_schema:
        _warn_without_key(policy, scan)
        _warn_unmatched_datasets(policy, database, allow=args.allow)
    tools = MaskedTools(policy, database, allow=args.allow, max_rows=args.max_rows,
                        timeout=args.timeout, masked_schema=args.masked_schema)
    server = build_server(tools, principal=args.principal, verifier=verifier, http=args.http, host=args.host,
                          port=args.port)
    serve(server, http=args.http, host=args.host, port=args.port)
    return 0


def _warn_without_key(policy: Any, scan: Any = None) -> None:
    """Tell the operator at start-up, on stderr (the client's server log), that the key is missing: otherwise
    only the agent hears of it, as each query reading a keyed column fails. Only when the policy (or the stored
    ``scan``) can apply a keyed method (:meth:`maskline.policy.Policy.keyed_methods`): a policy of redact, partial and pass needs no key.
    Not fatal: the masked views of ``--masked-schema`` hold their own.

    >>> from maskline.policy import load_policy
    >>> cols = {"email": {"method": "hash"}}
    >>> key = {"env": "NO_SUCH_MASKLINE_KEY_VAR"}
    >>> _warn_without_key(load_policy({"key": key, "datasets": {"t": {"columns": cols}}}))  # stderr only
    """
    import sys

    from maskline.errors import MasklineError, structured_message
    from maskline.keys import resolve_key

    keyed = policy.keyed_methods(scan)
    if not keyed:
        return
    try:
        resolve_key(policy.key)
    except MasklineError as e:
        print(f"warning: {structured_message(e)}. Until it is set, every query that reads a column masked with "
              f"{' or '.join(keyed)} (or filters one with a literal) fails.", file=sys.stderr)


def _warn_unmatched_datasets(policy: Any, database: Any, allow: list[str] | None = None) -> None:
    """Warn, on stderr at start-up, of each ``datasets:`` entry that names no table of ``--database``, with the
    closest table: a misspelt entry (``main.custmers``) leaves its table to ``unclassified``, which under
    ``unclassified: pass`` passes every column of it raw. Not fatal: one policy may serve several databases.

    >>> import duckdb, os, tempfile
    >>> from maskline.mcp.database import Database
    >>> from maskline.policy import load_policy
    >>> path = os.path.join(tempfile.mkdtemp(), "w.duckdb")
    >>> duckdb.connect(path).execute("CREATE TABLE customers (id INTEGER)").close()
    >>> import contextlib, io; err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     _warn_unmatched_datasets(load_policy({"datasets": {"custmers": {}, "customers": {}}}), Database.from_uri(path),
    ...                              allow=["customers", "main.custmer"])
    >>> print(err.getvalue().strip())
    warning: the policy's dataset 'custmers' names no table of --database (at datasets["custmers"]). Fix: did you mean 'main.customers'? Its rules apply to no table the agent can read.
    warning: --allow main.custmer names no table of --database (at --allow). Fix: did you mean 'main.customers'?
    """
    import sys

    from maskline.errors import did_you_mean

    sql = ("SELECT table_schema, table_name FROM information_schema.tables "
           "WHERE table_schema NOT IN ('information_schema', 'pg_catalog')")
    from maskline.rewrite.table_names import connection_schema

    try:
        with database.connect() as con:
            if database.dialect == "duckdb":
                rows = con.execute(sql).fetchall()
            else:
                with con.cursor() as cur:
                    cur.execute(sql)
                    rows = cur.fetchall()
            default = connection_schema(con)  # the one way the default schema is asked (the engine's adapter)
    except Exception:  # noqa: BLE001 - a warning never stops the server; the check at start did that
        return
    tables = {f"{schema}.{name}".lower(): f"{schema}.{name}" for schema, name in rows}

    def missing(entry: str) -> str | None:
        parts = str(entry).split(".")
        qualified = ".".join(parts[-2:]) if len(parts) > 1 else f"{default}.{parts[-1]}"
        return None if qualified.lower() in tables else did_you_mean(qualified, tables.values())

    for entry in policy.datasets:
        if fix := missing(entry):
            print(f"warning: the policy's dataset {entry!r} names no table of --database (at datasets[\"{entry}\"]). "
                  f"Fix: {fix} Its rules apply to no table the agent can read.", file=sys.stderr)
    # A misspelt --allow hides its table from the agent: list_tables does not show it and queries are refused.
    for entry in allow or ():
        if fix := missing(entry):
            print(f"warning: --allow {entry} names no table of --database (at --allow). Fix: {fix}", file=sys.stderr)
