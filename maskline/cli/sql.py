"""``maskline sql``: print the masking SELECT for a policy table, in any dialect.

With ``--query`` it rewrites any SELECT instead (:mod:`maskline.rewrite`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add ``maskline sql`` and its options (those of ``--query`` too) to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> args = sub.choices["sql"].parse_args(["--dialect", "trino", "--policy", "p.yml"])
    >>> args.dialect, args.run is run
    ('trino', True)
    """
    p = sub.add_parser(
        "sql",
        help="print masking SQL for a table or rewrite a query",
        description="Print the SELECT that masks --table (its columns as listed in the policy, plus any --columns) "
        "for --dialect, or, with --query, the safe form of any read-only SELECT. Safety model: every table the "
        "query reads, at any depth, is replaced by its masked relation (same columns and names, sensitive ones "
        "masked by their method, unclassified ones masked unless the policy says unclassified: pass), so no "
        "select list, filter, join, window, limit or function sees a raw value; functions must be on the "
        "dialect's allow-list; literals compared with hmac/hash columns become tokens. What stays visible by "
        "design: row counts and join cardinalities, which values are NULL, equality of tokens, what each method "
        "keeps (length, kept characters, e-mail domain, buckets), and confirmation of guessed values through "
        "tokenized filters. Keyed methods read the key from session variables (shown as a comment); the key "
        "itself is never printed.",
    )
    p.add_argument("--dialect", required=True,
                   help="duckdb, postgres, sqlite, snowflake, bigquery, spark or trino, or another name of those "
                        "engines (databricks, postgresql, ...)")
    p.add_argument("--policy", type=Path, required=True,
                   help="policy YAML file; the scan stored beside it (maskline scan --save) is read too: a "
                        "column it found sensitive is masked, one it passed for its values' shape passes only the "
                        "values of that shape, and one it never saw follows 'unclassified'")
    p.add_argument("--table", help="table name as written in the policy's datasets")
    p.add_argument("--columns", help="comma-separated full column list of the table, in order (default: only the "
                   "policy's columns, so the others are dropped; the SQL says so in a comment)")
    p.add_argument("--source", help="relation to select from (default: --table)")
    p.add_argument("--pretty", action="store_true", help="pretty-print the SQL")
    from maskline.cli.sql_query import add_query_arguments

    add_query_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the masking SELECT of ``--table`` in ``--dialect`` (or, with ``--query``, the rewritten query).

    >>> import pathlib, tempfile; from maskline.cli.main import main
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.yml"
    >>> _ = p.write_text("datasets: {t: {columns: {email: {info_type: EMAIL, method: redact}}}}")
    >>> main(["sql", "--dialect", "duckdb", "--policy", str(p), "--table", "t"])
    -- selects only the 1 column(s) the policy lists for t; ...
    SELECT CASE WHEN email IS NULL THEN NULL ELSE '[EMAIL]' END AS "email" FROM t;
    0
    """
    from maskline.adapters import engine
    from maskline.errors import PolicyError, did_you_mean
    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.sql.compile import compile_select, to_sql

    if getattr(args, "query", None):
        from maskline.cli.sql_query import run_query

        return run_query(args)
    if not args.table:
        raise PolicyError("nothing to compile", where="maskline sql", fix="pass --table T (or --query SQL)")
    policy = load_policy(args.policy)
    # An unqualified --table is in the schema the engine resolves it to (DuckDB main, PostgreSQL public...), as a
    # connection would: a policy entry or a stored scan of another schema's same-named table says nothing of it.
    default_schema = engine(args.dialect, where="--dialect").default_schema
    ds = policy.dataset(args.table, default_schema)
    if ds is None:
        # Refused even with --columns: a typo or an unnamed table has no stored scan, so its columns would be
        # decided by `unclassified` alone.
        fix = "name the table in the policy's datasets (`maskline policy init` drafts an entry)"
        if policy.datasets:
            fix = f"{did_you_mean(args.table, policy.datasets)}; or {fix}"
        raise PolicyError(f"table {args.table!r} is not in the policy", where=f"{policy.source}: datasets", fix=fix)
    names = [c.strip() for c in args.columns.split(",")] if args.columns else list(ds.columns)
    plan = build_plan(policy, args.table, [(n, None) for n in names],
                      _stored_verdicts(policy, args.table, default_schema), default_schema=default_schema)
    select = compile_select(plan, args.source or args.table, args.dialect)
    if not args.columns:
        print(f"-- selects only the {len(names)} column(s) the policy lists for {args.table}; any other column of "
              "the table is DROPPED. Pass --columns with the table's full column list to keep them")
    if plan.keyed:
        print(f"-- keyed methods read maskline_ipad/opad/salt from the {args.dialect} session; "
              "load them with maskline.sql.session.apply_key_setup (the key is never in this SQL)")
    print(to_sql(select, args.dialect, pretty=args.pretty) + ";")
    return 0


def _stored_verdicts(policy: Any, table: str, default_schema: str | None = None) -> Any:
    """The stored scan's verdicts on ``table`` (None when there is no scan), whatever ``unclassified`` says.

    Under ``pass`` a column the policy does not name passes raw unless a scan found it sensitive (or never saw
    it), so without the stored verdicts an ``email`` the scan typed EMAIL would pass raw here while ``maskline
    mask`` masks it. Under ``mask`` they let a column the scan proved safe pass, as ``maskline mask`` does, instead
    of redacting it. Entries are matched with the schema spelled out (``default_schema``): ``main.t``'s scan
    never vouches for ``hr.t``. A column passed for its values' shape gets the shape check on its text
    (:func:`maskline.sql.shape_guard.as_text`): ``--columns`` carries no types.

    >>> from maskline.policy import load_policy
    >>> _stored_verdicts(load_policy({"unclassified": "mask"}), "customers") is None  # no scan beside a dict
    True
    """
    from maskline.classify.stored import stored_classification

    return stored_classification(policy, table, default_schema)
