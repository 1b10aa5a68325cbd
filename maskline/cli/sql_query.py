"""``maskline sql --query``: rewrite any SELECT to read masked relations, and explain each output's lineage.

``--schema-from`` names where the tables' columns come from:

* ``duckdb:///path/to/file.duckdb`` (or a path ending in ``.duckdb``/``.db``), opened read-only;
* ``postgresql://user@host/db`` (read through ``information_schema``);
* a YAML or JSON file mapping ``table -> {column: type}``; its column names are identifiers of ``--dialect``
  (:func:`as_stored`: ``Phone`` folded as the engine folds it, ``'"Phone"'`` exact).

>>> import argparse
>>> p = argparse.ArgumentParser()
>>> add_query_arguments(p)
>>> p.parse_args(["--query", "SELECT 1", "--explain"]).explain
True
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from maskline.errors import InputError


def add_query_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--query``, ``--schema-from`` and ``--explain`` to a parser (the ``maskline sql`` one)."""
    parser.add_argument("--query", help="a SELECT to rewrite so that it reads masked relations instead of the raw tables")
    parser.add_argument("--schema-from", dest="schema_from", metavar="URI",
                        help="where the tables' columns come from: duckdb:///file.duckdb, postgresql://..., "
                             "or a YAML/JSON file {table: {column: type}} whose names are read as --dialect reads "
                             "them: Phone folded, '\"Phone\"' exact")
    parser.add_argument("--explain", action="store_true",
                        help="also print the lineage of each output column and what was masked")


@contextmanager
def schema_source(uri: str | None) -> Iterator[tuple[dict[str, dict[str, str]] | None, Any]]:
    """Open ``uri`` as ``(schema mapping, connection)``; exactly one of them is set (both None without a URI).

    >>> with schema_source(None) as (schema, connection):
    ...     (schema, connection)
    (None, None)
    """
    if not uri:
        yield None, None
        return
    suffix = Path(uri).suffix.lower()
    if "://" not in uri and suffix in (".yml", ".yaml", ".json"):
        yield _schema_file(Path(uri)), None
        return
    # a bare DuckDB file path, relative or absolute; not a URI missing its slashes (duckdb:/w.duckdb), which
    # read as a path named that way was reported as a database not found at duckdb:///duckdb:/w.duckdb
    if "://" not in uri and suffix in (".duckdb", ".db") and not re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", uri):
        uri = "duckdb:///" + uri
    from maskline.adapters.url import parse_url
    from maskline.errors import MasklineError, UnsupportedDialectError

    failure: InputError | None
    try:
        url = parse_url(uri, where="--schema-from")
        con = url.connect(read_only=True)
    except UnsupportedDialectError as e:  # said in the CLI's words: the library's fix is to pass a connection in
        if (e.fix or "").startswith("did you mean"):  # a typo'd scheme (postgress://): its one fix
            raise
        # parse_url places its refusal at --schema-from itself; connect() at the URI (credentials hidden)
        failure = InputError(e.what, where=e.where if e.where == "--schema-from" else f"--schema-from {e.where}",
                             fix=_schema_file_fix())
    else:
        failure = None
    if failure is not None:
        raise failure
    try:
        yield None, con
    except MasklineError as e:
        if e.where != "rewrite(connection=...)":
            raise
        raise type(e)(e.what, where=f"--schema-from {url.shown}",
                      fix="check that the server is up and the URI's login can read the tables' columns, or "
                          "pass --schema-from a YAML/JSON file {table: {column: type}}") from None
    finally:
        con.close()


def _schema_file_fix() -> str:
    """What ``--schema-from`` takes instead of a URI maskline cannot open: a file, or a URI of a scheme it opens.

    >>> print(_schema_file_fix())  # doctest: +ELLIPSIS
    pass --schema-from a YAML/JSON file ... or a URI maskline reads: duckdb:// (installed with maskline), ...
    """
    from maskline.adapters import readable_uris

    return ("pass --schema-from a YAML/JSON file {table: {column: type}} written from the engine's catalog, or a URI "
            "maskline reads: " + readable_uris())


def _json(text: str, path: Path, fix: str) -> Any:
    """``json.loads(text)``; a syntax error names its position and JSON's fixed phrase, never the text."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        reason, where = e.msg, f"{path}:{e.lineno}:{e.colno}"
    raise InputError(f"not valid JSON: {reason}", where=where, fix=fix)  # outside the handler: nothing chained


def _schema_file(path: Path) -> dict[str, dict[str, str]]:
    """A YAML or JSON file mapping table -> {column: type}."""
    if not path.is_file():
        raise InputError(f"schema file {path} does not exist", where="--schema-from", fix="check the path")
    from maskline.yaml_errors import load_yaml_text, read_utf8

    text = read_utf8(path, what="the schema file")
    fix = "write it as table -> {column: type}, e.g. customers: {id: integer, email: varchar}"
    data = load_yaml_text(text, str(path), fix=fix) if path.suffix.lower() != ".json" else _json(text, path, fix)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise InputError("a schema file maps table -> {column: type}", where=f"--schema-from {path}",
                         fix="e.g. customers: {id: integer, email: varchar}")
    return {str(t): {str(c): str(ty) for c, ty in cols.items()} for t, cols in data.items()}


def as_stored(schema: dict[str, dict[str, str]], dialect: str, *, where: str) -> dict[str, dict[str, str]]:
    """A schema file's column names as ``dialect``'s catalog stores them: a key is an identifier written in
    ``dialect``, so an unquoted key is folded as the engine folds an unquoted name (``Phone`` is PostgreSQL's
    ``phone`` and Snowflake's ``PHONE``), and a key quoted inside its string (``'"Phone"': text``) is that exact name.
    Two keys of one table that name one column are refused (neither would be the other's type), and so are two
    table keys that name one table (``Orders`` and ``orders``, both unquoted; on DuckDB, which ignores case, any
    two that differ only in case): the query would get one of them's columns, and which cannot be told.

    >>> as_stored({"t": {"Phone": "text", '"Email"': "text"}}, "postgres", where="s.yml")
    {'t': {'phone': 'text', 'Email': 'text'}}
    >>> as_stored({"t": {"Phone": "text"}}, "snowflake", where="s.yml")
    {'t': {'PHONE': 'text'}}
    >>> as_stored({"t": {"Phone": "text", "phone": "text"}}, "postgres", where="s.yml")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: columns 'Phone' and 'phone' of table 't' name one column of postgres, 'phone' (at s.yml). Fix: an unquoted key is folded as the engine folds a name: quote the one whose case matters inside its string ('"Phone"': text)
    >>> as_stored({"Orders": {"id": "int"}, "orders": {"id": "int"}}, "postgres", where="s.yml")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: tables 'Orders' and 'orders' name one table of postgres (at s.yml). Fix: keep the entry of the table your queries read and remove the other, or quote the one whose case the engine keeps inside its string ('"Orders"': {...})
    """
    from sqlglot import exp
    from sqlglot.dialects.dialect import Dialect

    from maskline.adapters import engine

    sqlglot_name = engine(dialect, where="--dialect").dialect().sqlglot_name
    read = Dialect.get_or_raise(sqlglot_name)

    def stored(key: str) -> str:
        if len(key) >= 2 and key[0] == key[-1] == '"':
            return key[1:-1].replace('""', '"')  # SQL's quoted identifier: "" is one quote
        return read.normalize_identifier(exp.Identifier(this=key, quoted=False)).name

    from maskline.rewrite.table_names import identity_parts

    tables: dict[tuple[str, ...], str] = {}
    for table in schema:  # the keys are the file's table names (structure), never a value
        identity = identity_parts(exp.to_table(table, dialect=read), sqlglot_name)
        if (first := tables.setdefault(identity, table)) != table:
            raise InputError(f"tables {first!r} and {table!r} name one table of {dialect}", where=where,
                             fix="keep the entry of the table your queries read and remove the other, or quote the "
                                 "one whose case the engine keeps inside its string ('\"Orders\"': {...})")
    out: dict[str, dict[str, str]] = {}
    for table, columns in schema.items():
        names: dict[str, tuple[str, str]] = {}
        for key, type_ in columns.items():
            name = stored(key)
            if name in names:  # the keys are the file's column names (structure), never a value
                raise InputError(f"columns {names[name][0]!r} and {key!r} of table {table!r} name one column of "
                                 f"{dialect}, {name!r}", where=where,
                                 fix='an unquoted key is folded as the engine folds a name: quote the one whose '
                                     'case matters inside its string (\'"Phone"\': text)')
            names[name] = (key, type_)
        out[table] = {name: t for name, (_, t) in names.items()}
    return out


def run_query(args: argparse.Namespace) -> int:
    """Rewrite ``args.query`` for ``args.dialect`` under ``args.policy`` and print it (and, with --explain, lineage).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> pol = os.path.join(d, "p.yml"); sch = os.path.join(d, "s.yml")
    >>> _ = open(pol, "w").write("unclassified: pass\\ndatasets: {t: {columns: {email: {info_type: EMAIL}}}}")
    >>> _ = open(sch, "w").write("t: {id: integer, email: varchar}")
    >>> ns = argparse.Namespace(query="SELECT id, email FROM t", policy=pol, dialect="duckdb", schema_from=sch,
    ...                         explain=False, pretty=False)
    >>> run_query(ns)  # doctest: +ELLIPSIS
    SELECT t.id AS id, t.email AS email FROM (SELECT id, CASE WHEN email IS NULL THEN NULL ELSE ... FROM t) AS t;
    0
    """
    from maskline.policy import load_policy
    from maskline.rewrite.api import rewrite

    policy = load_policy(args.policy)
    if args.schema_from is None:  # said here in the CLI's words: the library's error names rewrite()'s arguments
        from maskline.errors import RewriteRefused

        raise RewriteRefused("no schema to trace the query's columns", where="maskline sql --query",
                             fix="pass --schema-from duckdb:///file.duckdb, a postgresql:// URI, or a YAML/JSON "
                                 "file {table: {column: type}}")
    with schema_source(args.schema_from) as (schema, connection):
        stored = as_stored(schema, args.dialect, where=f"--schema-from {args.schema_from}") if schema else None
        result = rewrite(args.query, policy, args.dialect, schema=stored, connection=connection,
                         schema_as_stored=True)
    sql = result.sql
    if getattr(args, "pretty", False):
        import sqlglot

        from maskline.adapters import engine

        name = engine(args.dialect, where="--dialect").dialect().sqlglot_name
        sql = sqlglot.transpile(sql, read=name, write=name, pretty=True)[0]
    if result.keyed:
        print(f"-- keyed methods read maskline_ipad/opad/salt from the {args.dialect} session; "
              "load them with maskline.sql.session.apply_key_setup (the key is never in this SQL)")
    print(sql + ";")
    if args.explain:
        _print_lineage(result)
    return 0


def _print_lineage(result: Any) -> None:
    from rich.table import Table

    from maskline.cli.output import console

    table = Table(title="lineage of each output column")
    for header in ("output", "sources", "treatment", "method"):
        table.add_column(header)
    for c in result.lineage:
        table.add_row(c.name, ", ".join(c.sources) or "-", c.treatment, c.method or "-")
    console().print(table)
