"""The four tools of ``maskline mcp``, independent of MCP: list, describe, query and explain.

Every query goes through the safe query path: :func:`maskline.rewrite.rewrite`
(one read-only SELECT, allow-listed functions, every table replaced by its
masked relation) and :func:`maskline.rewrite.run.run_masked` (key in the
session, DuckDB hardened, engine errors rebuilt from their structure). Only
the tables named with ``--allow`` (all of the database's tables without it)
can be listed, described or read.

The person a call acts for is passed to the rewrite as ``user:NAME`` only
when it was verified (``--principal`` over stdio, a bearer token over HTTP);
the agent's own name is recorded, never checked against ``unmask_for``.

>>> import duckdb, os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "w.duckdb")
>>> con = duckdb.connect(path); _ = con.execute("CREATE TABLE t AS SELECT 1 AS id, 'ana@correo.es' AS email")
>>> con.close()
>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> tools = MaskedTools(pol, Database.from_uri(path), lineage=False)
>>> tools.query("SELECT id, email FROM t", Caller("doctest-agent"))["rows"]
[[1, '*****@correo.es']]
>>> tools.list_tables(Caller("doctest-agent"))
{'tables': ['t']}
>>> [(c["name"], c["method"]) for c in tools.describe_table("t", Caller("doctest-agent"))["columns"]]
[('id', None), ('email', 'email')]
>>> tools.explain("SELECT email FROM t", Caller("doctest-agent"))["explain"]  # nothing runs
'email <- w.main.t.email: masked with email (sensitive: w.main.t.email)'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from maskline.errors import MasklineError, RewriteRefused, structured_message
from maskline.mcp.database import Database
from maskline.mcp.lineage import CallRecord, record
from maskline.policy import Policy

DEFAULT_MAX_ROWS = 200
DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Caller:
    """Who is calling: the agent's claimed name and the verified person it acts for (if any).

    >>> Caller("copilot", "alice").identities
    ('user:alice',)
    >>> Caller("copilot").identities
    ()
    """

    agent: str = "unknown-agent"
    person: str | None = None

    @property
    def identities(self) -> tuple[str, ...]:
        return (f"user:{self.person}",) if self.person else ()


class ToolRefused(MasklineError):
    """A tool call maskline would not run; the message names the construct or table, never a value."""

    exit_code = 6


class MaskedTools:
    """The tools over one database and policy; each call opens its own read-only connection.

    :param policy: the loaded maskline policy.
    :param database: where the tables live.
    :param allow: the only tables the tools may touch (None: every base table of the default schema).
    :param max_rows: the most rows a query returns (the result says when more were left unread).
    :param timeout: seconds before a query is interrupted.
    :param masked_schema: PostgreSQL schema of maskline's masked views (the reader role's path).
    :param lineage: emit one OpenLineage run per call.
    """

    def __init__(self, policy: Policy, database: Database, *, allow: Sequence[str] | None = None,
                 max_rows: int = DEFAULT_MAX_ROWS, timeout: float | None = DEFAULT_TIMEOUT_S,
                 masked_schema: str | None = None, lineage: bool = True, job_namespace: str | None = None) -> None:
        self.policy = policy
        self.database = database
        self.allow = tuple(a.lower() for a in allow) if allow else None
        self.max_rows = max_rows
        self.timeout = timeout
        self.masked_schema = masked_schema
        self.lineage = lineage
        self.job_namespace = job_namespace
        from maskline.text.library_logs import withhold_sqlglot_messages

        withhold_sqlglot_messages()  # parsing an agent's SQL, sqlglot may log it whole, literals included

    # ------------------------------------------------------------------
    # The tools
    # ------------------------------------------------------------------

    def list_tables(self, caller: Caller) -> dict[str, Any]:
        """``{"tables": [...]}``: the allowed tables that exist."""
        def run(con: Any) -> tuple[dict[str, Any], CallRecord]:
            default = self._default_schema(con)  # the default schema's tables are listed by their bare names
            names = [n for n in self.database.table_names(con, self.masked_schema) if self._allowed(n, default)]
            names += [n for n in self._allowed_elsewhere(con, default) if n not in names]
            return {"tables": names}, CallRecord("list_tables", "executed")
        return self._call("list_tables", caller, run)

    def describe_table(self, table: str, caller: Caller) -> dict[str, Any]:
        """Each column's type, info type, category and masking method, as the query path would apply them."""
        def run(con: Any) -> tuple[dict[str, Any], CallRecord]:
            plan = self._plan(con, table, caller)
            from maskline.shown_types import shown_type

            # The type as shown: DuckDB's ENUM('Ada Lovelace', ...) spells the column's values (shown_types)
            columns = [{"name": c.name, "type": shown_type(c.source_type), "info_type": c.info_type,
                        "category": c.category,
                        "masked": c.masked, "method": c.method.name if c.method else None,
                        "method_description": c.method.describe() if c.method else None, "rule": c.rule}
                       for c in plan.columns]
            out = {"table": plan.table, "columns": columns}
            return out, CallRecord("describe_table", "executed", tables=(plan.table,), plans={plan.table: plan})
        return self._call("describe_table", caller, run)

    def query(self, sql: str, caller: Caller) -> dict[str, Any]:
        """Run ``sql`` masked: ``{"columns", "rows", "truncated", "masked_columns"}``."""
        def run(con: Any) -> tuple[dict[str, Any], CallRecord]:
            from maskline.rewrite.run import run_masked

            rewritten = self._rewrite(sql, con, caller)
            key = self._key() if rewritten.keyed else None
            with self.database.deadline(con, self.timeout):
                result = run_masked(con, rewritten, key, max_rows=self.max_rows)
            by_type, by_table, rows_by_table = _masked_cells(rewritten, result.columns, result.rows)
            out = {"columns": list(result.columns), "rows": [list(r) for r in result.rows],
                   "truncated": result.truncated, "masked_columns": list(rewritten.masked_columns)}
            return out, CallRecord("query", "executed", sql=sql, tables=rewritten.tables, plans=rewritten.plans,
                                   rows=len(result.rows), cells_by_info_type=by_type, cells_by_table=by_table,
                                   rows_by_table=rows_by_table)
        return self._call("query", caller, run, sql=sql)

    def explain(self, sql: str, caller: Caller) -> dict[str, Any]:
        """What the query would mask and why: each output column's sources and treatment. Nothing runs."""
        def run(con: Any) -> tuple[dict[str, Any], CallRecord]:
            rewritten = self._rewrite(sql, con, caller)
            outputs = [{"name": c.name, "sources": list(c.sources), "sensitive_sources": list(c.sensitive_sources),
                        "treatment": c.treatment, "method": c.method} for c in rewritten.lineage]
            out = {"explain": rewritten.explain(), "outputs": outputs, "tables": list(rewritten.tables)}
            return out, CallRecord("explain", "executed", sql=sql, tables=rewritten.tables, plans=rewritten.plans)
        return self._call("explain", caller, run, sql=sql)

    def refuse_arguments(self, tool: str, reason: str, caller: Caller) -> None:
        """Record in lineage a call refused for its arguments (:mod:`maskline.tool_arguments`); nothing ran.

        ``reason`` is built from the tool's declaration, never from what the agent sent, and no SQL is recorded:
        a call whose ``sql`` is not a string has none to keep.

        >>> from maskline.policy import load_policy
        >>> t = MaskedTools(load_policy({}), Database.from_uri("duckdb:///w.duckdb"), lineage=False)
        >>> t.refuse_arguments("query", "argument sql is missing", Caller("agent"))  # lineage off: nothing sent
        """
        self._record(CallRecord(tool, "refused", reason=reason), caller)

    # ------------------------------------------------------------------
    # Shared steps
    # ------------------------------------------------------------------

    def _call(self, tool: str, caller: Caller, run: Any, sql: str | None = None) -> dict[str, Any]:
        """Run one tool on a fresh connection; record it in lineage whatever happens; re-raise value-free."""
        call: CallRecord
        started = datetime.now(UTC).isoformat()  # the run's START: Marquez shows when the call began
        try:
            with self.database.connect(self.timeout) as con:
                out, call = run(con)
                if self.lineage and call.tables:
                    call = replace(call, dataset_names=self._dataset_names(con, call.tables),
                                   key_check=self._key_check(call))
        # The reason recorded and answered is told from the error's fields (what, where, fix), never its text
        # (maskline.errors.structured_message): a subclass's str() or args could quote what the agent sent.
        except (RewriteRefused, ToolRefused) as e:
            reason = structured_message(e)
            self._record(CallRecord(tool, "refused", sql=sql, reason=reason, started=started), caller)
            raise ToolRefused(f"maskline refused this {tool}: {reason}") from None
        except MasklineError as e:  # QueryFailed and key errors: the server answers them told from their fields
            call = CallRecord(tool, "failed", sql=sql, reason=structured_message(e), started=started)
            self._record(call, caller)
            raise
        except Exception as e:  # noqa: BLE001 - a driver's error: its text may quote values, so only its structure goes back
            from maskline.rewrite.run import query_failed

            failure = query_failed(e, where=tool)
            self._record(CallRecord(tool, "failed", sql=sql, reason=structured_message(failure), started=started),
                         caller)
            raise failure from None
        self._record(replace(call, started=started), caller)
        return out

    def _dataset_names(self, con: Any, tables: Sequence[str]) -> dict[str, str]:
        """Each table the call read -> its lineage name, by the rule maskline's operators and the Airflow agent
        toolset use (:func:`maskline.lineage_names.table_dataset_name`), from the catalog's current database and
        schema (the masked views' schema with ``--masked-schema``: the relations the call really read), each table
        spelled as the catalog stores it (:func:`maskline.lineage_names.catalog_table`). A table the catalog
        cannot name keeps the query's spelling."""
        from maskline.lineage_names import catalog_table, connection_catalog, table_dataset_name

        names: dict[str, str] = {}
        try:
            database, schema = connection_catalog(con)
            for table in tables:
                # The masked views are read by their last name, whatever schema the query wrote.
                spelled = table.split(".")[-1] if self.masked_schema else table
                stored = catalog_table(con, spelled, self.masked_schema or schema)
                if stored is not None:  # as the catalog spells it, so every spelling of the table is one node
                    names[table] = table_dataset_name(self.database.dialect, stored, database=database)
        except Exception:  # noqa: BLE001 - lineage never fails a call
            return names
        return names

    def _listed_tables(self) -> tuple[str, ...]:
        """The tables ``list_tables`` shows (read from the catalog), for the lineage of a refused or failed query,
        whose SQL keeps only table names something proves; none if the catalog cannot be read (fail closed)."""
        try:
            with self.database.connect(self.timeout) as con:
                default = self._default_schema(con)
                return tuple(n for n in self.database.table_names(con, self.masked_schema) if self._allowed(n, default))
        except Exception:  # noqa: BLE001 - lineage never fails a call; without names, tables become placeholders
            return ()

    def _record(self, call: CallRecord, caller: Caller) -> None:
        if not self.lineage:
            return
        import os

        from maskline.mcp.lineage import DEFAULT_NAMESPACE

        namespace = self.job_namespace or os.environ.get("OPENLINEAGE_NAMESPACE") or DEFAULT_NAMESPACE
        allowed = self.allow if self.allow is not None or not (call.failed and call.sql) else self._listed_tables()
        record(replace(call, agent=caller.agent, person=caller.person, allowed=tuple(allowed or ())),
               job_namespace=namespace, db_namespace=self.database.namespace, dialect=self.database.dialect)

    def _allowed(self, table: str, default_schema: str | None = None) -> bool:
        """Whether ``table`` (``[catalog.][schema.]name``) is one of ``--allow``'s tables.

        The one allow-list rule (:func:`maskline.rewrite.table_names.allowed_by`, the agent toolset's too): an
        unqualified name is in ``default_schema`` (the connection's, or ``--masked-schema``, where the views are
        read), so ``hr.customers`` is not ``customers``. Without a default schema an unqualified table and an entry
        of a schema are not the same table, and two entries of different schemas that fit it equally are refused
        (:class:`~maskline.errors.PolicyError`: what, where, fix).

        >>> t = MaskedTools.__new__(MaskedTools); t.allow = ("customers",)
        >>> t._allowed("hr.customers", "main"), t._allowed("main.customers", "main"), t._allowed("hr.customers")
        (False, True, False)

        Without ``--allow``, the tables are the default schema's (what ``list_tables`` shows), not every
        schema's:

        >>> t.allow = None
        >>> t._allowed("hr.staff", "main"), t._allowed("customers", "main"), t._allowed("memory.main.orders", "main")
        (False, True, True)
        """
        from maskline.rewrite.table_names import allowed_by, name_parts, same_table

        if self.allow is None:  # the default schema's tables: each is the table of its own last name there
            return same_table(table, name_parts(table)[-1:], default_schema)
        return allowed_by(self.allow, table, default_schema, where="maskline mcp --allow")

    def _allowed_elsewhere(self, con: Any, default_schema: str | None) -> list[str]:
        """The ``--allow`` entries of another schema than the default that exist, as ``schema.name`` (as the
        catalog spells them): the agent may query them, so ``list_tables`` shows them, qualified as they must be
        queried. None without ``--allow`` (only the default schema is readable) or with ``--masked-schema``
        (the views are read by their last name)."""
        from maskline.lineage_names import catalog_table

        if self.allow is None or self.masked_schema or default_schema is None:
            return []
        out: list[str] = []
        for entry in self.allow:
            if "." not in entry:
                continue
            stored = catalog_table(con, entry, default_schema)
            if stored is not None and stored.split(".")[0].lower() != default_schema.lower() and stored not in out:
                out.append(stored)
        return out

    def _check_allowed(self, tables: Sequence[str], default_schema: str | None = None,
                       nodes: Sequence[Any] = (), *, described: bool = False) -> None:
        """Refuse unless every one of ``tables`` is one the tools may read.

        ``described``: the one table is describe_table's argument, so the refusal says so and places it there,
        not in a query's FROM clause the agent never wrote.

        The tables refused are counted (and, given the parsed ``nodes`` they were written as, placed), never
        named: a name the query wrote that is not allowed is no proven structure (it may be a value typed where
        a name goes). The fix names the closest ``--allow`` entry.

        >>> t = MaskedTools.__new__(MaskedTools); t.allow = ("customers",)
        >>> t._check_allowed(["custmers"])
        Traceback (most recent call last):
        ...
        maskline.mcp.tools.ToolRefused: 1 table the query reads is not one of the tables the tools may read (not in --allow, or, without --allow, not in the default schema) (at FROM clause). Fix: did you mean 'customers'? Query only the tables list_tables shows
        >>> t._check_allowed(["orders"], described=True)
        Traceback (most recent call last):
        ...
        maskline.mcp.tools.ToolRefused: the table named is not one of the tables the tools may read (not in --allow, or, without --allow, not in the default schema) (at describe_table(table=...)). Fix: describe only the tables list_tables shows
        """
        from maskline.errors import PolicyError
        from maskline.rewrite.mentions import counted, suggestion

        try:
            denied = [i for i, t in enumerate(tables) if not self._allowed(t, default_schema)]
        except PolicyError as e:  # two --allow entries of different schemas fit an unqualified table
            raise ToolRefused(e.what, where=e.where, fix=e.fix) from None
        if not denied:
            return
        verb = "not one of the tables the tools may read (not in --allow, or, without --allow, not in the default schema)"
        if described:
            what = f"the table named is {verb}"
        elif len(nodes) == len(tables):
            what = counted("table", [nodes[i] for i in denied], f"is {verb}")
        else:
            what = f"{len(denied)} table{'s' if len(denied) > 1 else ''} the query reads {'are' if len(denied) > 1 else 'is'} {verb}"
        hint = suggestion([tables[i].split(".")[-1] for i in denied], self.allow) if self.allow else None
        verb = "describe" if described else "query"
        raise ToolRefused(what, where="describe_table(table=...)" if described else "FROM clause",
                          fix=f"{hint} {verb.capitalize()} only the tables list_tables shows" if hint
                          else f"{verb} only the tables list_tables shows")

    def _rewrite(self, sql: str, con: Any, caller: Caller) -> Any:
        from maskline.rewrite import rewrite

        if self.allow is not None:  # checked on the parsed tables before the schema is read for them
            from maskline.adapters import engine
            from maskline.rewrite.refusals import base_tables, parse_select

            tree = parse_select(sql, engine(self.database.dialect).dialect().sqlglot_name)
            written = base_tables(tree)
            self._check_allowed([".".join(p.name for p in t.parts) for t in written], self._default_schema(con),
                                nodes=written)
        rewritten = rewrite(sql, self.policy, self.database.dialect, connection=con, identities=caller.identities,
                            key=self._key_if_set(), masked_schema=self.masked_schema)
        self._check_allowed(rewritten.tables, self._default_schema(con))
        return rewritten

    def _default_schema(self, con: Any) -> str | None:
        """The schema unqualified names resolve to, against which ``--allow`` is checked: with ``--masked-schema``
        that schema (the reader role's path, holding the views), so a table written with another schema is not
        one of its views."""
        if self.masked_schema:
            return self.masked_schema
        from maskline.rewrite.table_names import connection_schema

        return connection_schema(con)  # not _current_schema's None on failure: the check must not run without it

    def _plan(self, con: Any, table: str, caller: Caller) -> Any:
        from sqlglot import exp

        from maskline.plan import build_plan
        from maskline.rewrite.schema_source import read_schema

        try:
            target = exp.to_table(table)
        except Exception:  # noqa: BLE001 - sqlglot's message would echo the argument
            raise ToolRefused("not a table name", where="describe_table(table=...)",
                              fix="use a name list_tables shows") from None
        self._check_allowed([".".join(p.name for p in target.parts)], self._default_schema(con), described=True)
        if self.masked_schema:  # the reader role sees the masked views, which have the tables' columns
            target = exp.table_(target.name, db=self.masked_schema)
        found = read_schema(con, [target])
        if not found:
            # the argument is the agent's text, not a table the catalog knows: it is not repeated
            raise ToolRefused("the table named does not exist", where="describe_table(table=...)",
                              fix="use a name list_tables shows")
        name, columns = next(iter(found.items()))
        name = name.split(".")[-1] if self.masked_schema else name
        # The same decision as the query path: the stored scan beside the policy when it covers the table;
        # unlisted columns otherwise follow maskline.classify.decision (masked unless the policy says pass).
        from maskline.classify.stored import stored_classification

        # The policy's entry (and the stored scan's) for the table the connection reads: an unqualified name is
        # the current schema's.
        default = None if self.masked_schema else _current_schema(con)
        stored = stored_classification(self.policy, name, default)
        policy = self.policy
        facts = None
        if not self.masked_schema:  # a view's (or a named table's parent's) unnamed columns are masked, as the
            from dataclasses import replace as with_changes  # query path masks them

            from maskline.rewrite.schema_source import ruled_below, table_facts, views_among

            facts = table_facts(con, target)
            if views_among(con, [target], found) or facts is None \
                    or ruled_below([target], facts.descendants, found, default, policy):
                policy = with_changes(policy, unclassified="mask")
        # Generated columns as the query path decides them: masked unless the policy names them (all of them,
        # when the catalog cannot say which are generated).
        computed = () if self.masked_schema else (facts.generated_of(0) if facts is not None else tuple(columns))
        return build_plan(policy, name, [(c, t.lower()) for c, t in columns.items()], stored, caller.identities,
                          default_schema=default, computed=computed)

    def _key_check(self, call: CallRecord) -> Any:
        """The check value of the policy's key when a plan of the call reads it (and the key is set), for lineage."""
        from maskline.keys import key_check

        if not any(getattr(p, "keyed", False) for p in call.plans.values()):
            return None
        try:
            return key_check(self._key_if_set(), self.policy.key.derivation)
        except Exception:  # noqa: BLE001 - lineage never fails a tool call: the facet then names no key
            return None

    def _key_if_set(self) -> Any:
        try:
            return self._key()
        except MasklineError:
            return None  # the rewrite asks again only when it tokenizes a filter literal, and fails closed then

    def _key(self) -> Any:
        from maskline.keys import resolve_key

        return resolve_key(self.policy.key)


def _current_schema(con: Any) -> str | None:
    from maskline.rewrite.table_names import connection_schema

    try:
        return connection_schema(con)
    except Exception:  # noqa: BLE001 - the policy lookup then matches names as written
        return None


def _masked_cells(rewritten: Any, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                  ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Non-null cells of masked output columns, counted per info type and per source table, and per source table
    the rows holding at least one of them (what ``rowsMasked`` reports: a read of ``unmask_for`` masks no row).

    An output drawn from several sensitive sources counts once, under its first source's info type.
    """
    by_type: Counter[str] = Counter()
    by_table: Counter[str] = Counter()
    rows_of: dict[str, set[int]] = {}
    lineage = {c.name: c for c in rewritten.lineage}
    for i, name in enumerate(columns):
        out = lineage.get(name)
        if out is None or not out.masked:
            continue
        held = [n for n, r in enumerate(rows) if r[i] is not None]
        if not held:
            continue
        source = (out.sensitive_sources or out.sources or ("unknown.unknown",))[0]
        table, _, column = source.rpartition(".")
        plan = rewritten.plans.get(table)
        col = next((c for c in plan.columns if c.name == column), None) if plan is not None else None
        by_type[(col.info_type if col is not None else None) or "UNCLASSIFIED"] += len(held)
        by_table[table] += len(held)
        rows_of.setdefault(table, set()).update(held)
    return dict(by_type), dict(by_table), {t: len(r) for t, r in rows_of.items()}
