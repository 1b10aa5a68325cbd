"""``MaskedSQLToolset``: common-ai's ``SQLToolset`` where every query the model writes is masked.

A drop-in for :class:`airflow.providers.common.ai.toolsets.sql.SQLToolset`
(same tools: ``list_tables``, ``get_schema``, ``query``, ``check_query``; same
arguments) plus a ``policy``. For each ``query``:

1. maskline's structural checks run (one read-only SELECT, allow-listed functions), then the
   toolset's own guards (read-only statements, ``allowed_tables``, unknown functions);
2. :func:`maskline.rewrite.rewrite` rewrites the query for the hook's dialect with
   the policy (and optional classification) of the tables it reads, so every
   output derived from a sensitive column is masked, through aliases, CTEs,
   joins, ``*`` and functions, or the query is refused;
3. the key, when a keyed method is used, is loaded into the DB session with
   :func:`maskline.sql.session.apply_key_setup` (never into the SQL text);
4. the rows are scrubbed once more with :func:`maskline.text.scrub_value`
   before the model sees them, catching PII in columns no rule names.

A refused query comes back to the model as a tool error (pydantic-ai
``ModelRetry``) with a reason that holds no value (maskline's own error, or a foreign
error's class with a fixed explanation, never its text), so the agent can rephrase and
the task goes on. The identity the agent acts for (``acting_for=``, else the
DAG run's triggering user, else the task or DAG owner) is checked against the
policy's ``unmask_for`` as ``user:<name>`` (or ``service:<name>``): listed
identities get raw values, everyone else masked ones.

Every call is tallied (:mod:`airflow_plugin.agents.activity`) and sent to
OpenLineage as a child run of the task (:mod:`airflow_plugin.agents.lineage`).

>>> from airflow_plugin.agents import MaskedSQLToolset  # doctest: +SKIP
>>> MaskedSQLToolset("warehouse", policy="policy.yml", allowed_tables=["raw_tickets"])  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, suppress
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from airflow.providers.common.ai.toolsets.sql import SQLToolset
from airflow.providers.common.ai.utils.masking import dumps_masked
from airflow.providers.common.ai.utils.query_results import build_query_result
from pydantic_ai.exceptions import ModelRetry

from airflow_plugin.agents.activity import MaskedColumn, ToolCall, record, task_key
from maskline.errors import Unchained

if TYPE_CHECKING:
    from pydantic_ai._run_context import RunContext
    from pydantic_ai.toolsets.abstract import ToolsetTool

    from airflow_plugin.policy_source import PolicyArg
    from airflow_plugin.warehouse import Warehouse
    from maskline.classify.result import Classification
    from maskline.policy import Policy
    from maskline.rewrite import Rewritten
    from openlineage_ext.identity import Principal

log = logging.getLogger(__name__)

TOOLS = ("list_tables", "get_schema", "query", "check_query")
# Owners Airflow fills in when nobody set one: not someone an agent acts for.
PLACEHOLDER_OWNERS = frozenset({"airflow", ""})


class QueryRefused(Unchained):
    """A query maskline or the toolset's guards would not run; ``reason`` holds no data value, nor does the
    error it was raised during (:class:`maskline.errors.Unchained`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _engine_reason(exc: BaseException) -> str:
    """A database error as maskline reports it: class, SQLSTATE and identifiers, never the driver's text."""
    from maskline.errors import QueryFailed, structured_message
    from maskline.rewrite.run import query_failed

    return structured_message(exc if isinstance(exc, QueryFailed) else query_failed(exc))


# What a refusal that is not maskline's own says: its class and this, never its text. The toolset's safety check
# (common-ai's SQLSafetyError) quotes the query in several of its messages: sqlglot's parse errors with the SQL
# around the failure, a table function with its arguments. maskline's own structural checks run first and name
# what they refuse; these explanations are for what only the toolset's check catches.
FOREIGN_REFUSALS: Mapping[str, str] = {
    "SQLSafetyError": "the toolset's SQL safety check refused it (its message is not repeated, as it can quote "
                      "the query): send one read-only SELECT over the allowed tables, without comments, table "
                      "functions or functions outside allowed_functions",
}
OTHER_REFUSAL = "the query was refused (the error's message is not repeated, as it can quote the query)"


def _refusal_reason(exc: BaseException) -> str:
    """A refusal's text, built from structure: maskline's own errors by their fields, any other by its class alone.

    maskline's errors (:class:`~maskline.errors.MasklineError`) are told from the fields maskline's code set
    (what, where, fix: :func:`maskline.errors.structured_message`), never their ``str()``. Any other error's
    message is foreign text that may quote the query, so it is never repeated.

    >>> from maskline.errors import RewriteRefused
    >>> _refusal_reason(RewriteRefused("a DELETE statement inside a query", where="query", fix="use a SELECT"))
    'a DELETE statement inside a query (at query). Fix: use a SELECT'
    >>> _refusal_reason(ValueError("name = 'Jo Bloggs'"))
    "ValueError: the query was refused (the error's message is not repeated, as it can quote the query)"

    A maskline error whose ``str()`` says more than its fields (here, the literal it refused) is told by its fields:

    >>> class QuotingRefusal(RewriteRefused):
    ...     def __str__(self) -> str:
    ...         return f"{self.render()}: 'Jo Bloggs'"
    >>> _refusal_reason(QuotingRefusal("a literal is compared with a sensitive column", where="WHERE", fix="compare "
    ...                                "with a column"))
    'a literal is compared with a sensitive column (at WHERE). Fix: compare with a column'
    """
    from maskline.errors import MasklineError, structured_message

    if isinstance(exc, MasklineError):  # told from its fields (what, where, fix), never its str() or args
        return structured_message(exc)
    name = type(exc).__name__
    return f"{name}: {FOREIGN_REFUSALS.get(name, OTHER_REFUSAL)}"


def _default_schema(connection: Any) -> str | None:
    """The schema the connection resolves unqualified names in (None when it cannot say: then only unqualified
    ``allowed_tables`` entries allow unqualified names)."""
    from maskline.rewrite.table_names import connection_schema

    try:
        return connection_schema(connection)
    except Exception:  # noqa: BLE001 - an engine without current_schema(); the comparison fails closed
        return None


def _scrubbed_sql(sql: str, dialect: str | None, result: Rewritten | None = None,
                  allowed: Sequence[str] | None = None, columns: Iterable[str] = ()) -> str:
    """The SQL lineage and the tally record: rebuilt from its structure. After a rewrite, the names it read from
    the catalog (tables, their columns) prove which names are structure; before one (a refused or failed query)
    nothing the query read does, and a column beside another column is renamed too (``openlineage_ext.sql_names``).
    The operator's ``allowed`` tables are proven either way: configuration, not text the agent typed, as the MCP
    server's ``--allow`` (:func:`maskline.mcp.lineage.proven_names`). A name typed as any other table, or as a
    function nothing lists, stays a placeholder. ``columns`` are the allowed tables' columns as the catalog lists
    them (:meth:`MaskedSQLToolset._allowed_columns`): a refused query on an allowed table keeps its columns' names.

    >>> _scrubbed_sql("DELETE FROM raw_customers", "duckdb", allowed=["raw_customers"])
    'DELETE FROM raw_customers'
    >>> _scrubbed_sql("SELECT * FROM zq_Qv7x98234571", "duckdb", allowed=["raw_customers"])
    'SELECT * FROM name_1'
    >>> _scrubbed_sql("SELECT id FROM raw_customers WHERE email LIKE 'a%' OR X98234571 = 1", "duckdb",
    ...               allowed=["raw_customers"], columns=["id", "email"])
    "SELECT id FROM raw_customers WHERE email LIKE '[REDACTED]' OR name_1 = 1"
    """
    from openlineage_ext.catalog_names import call_names, relation_names
    from openlineage_ext.scrubbing import scrub_sql

    proven = {n for t in allowed or () for n in relation_names(t)} | {c.lower() for c in columns}
    if result is None:
        return scrub_sql(sql, "all", dialect, proven or None)
    return scrub_sql(sql, "all", dialect, call_names(result.tables, result.plans) | proven)


def _current_context() -> Mapping[str, Any] | None:
    try:
        from airflow.sdk import get_current_context

        return get_current_context()
    except Exception:  # noqa: BLE001 - outside a running task there is no context, and no task lineage
        return None


def _model_name(ctx: Any) -> str | None:
    model = getattr(ctx, "model", None)
    name = getattr(model, "model_name", None)
    system = getattr(model, "system", None)
    if not name:
        return None
    return name if ":" in name or not system else f"{system}:{name}"


def _owners(value: Any) -> list[str]:
    if not value:
        return []
    names = value if isinstance(value, (list, tuple, set)) else str(value).split(",")
    return [n.strip() for n in names if n and n.strip() and n.strip() not in PLACEHOLDER_OWNERS]


def acting_for(context: Mapping[str, Any] | None, explicit: str | None = None) -> Principal | None:
    """Whom the agent acts for: ``explicit``, else the run's triggering user, else the task or DAG owner.

    >>> from types import SimpleNamespace as NS
    >>> ctx = {"dag_run": NS(triggering_user_name=None), "task": NS(owner="airflow"), "dag": NS(owner="support-ops")}
    >>> p = acting_for(ctx); (p.kind, p.name, p.origin)
    ('user', 'support-ops', 'agent.on_behalf_of')
    """
    from openlineage_ext.identity import Principal, kind_of

    name = explicit
    if not name and context:
        dag_run = context.get("dag_run")
        name = getattr(dag_run, "triggering_user_name", None)
        if not name:
            task, dag = context.get("task"), context.get("dag")
            owners = _owners(getattr(task, "owner", None)) or _owners(getattr(dag, "owner", None))
            name = owners[0] if owners else None
    if not name:
        return None
    return Principal(kind_of(str(name)), str(name), "agent.on_behalf_of")


class MaskedSQLToolset(SQLToolset):
    """``SQLToolset`` whose ``query`` tool runs only maskline-rewritten SQL and returns scrubbed rows.

    :param db_conn_id: Airflow connection of the database (a common-sql ``DbApiHook``:
        DuckDB, PostgreSQL, Snowflake, BigQuery, Trino, Spark...).
    :param policy: the maskline policy: a file path, a dict, a ``Policy`` (``Policy.from_yaml(text)``) or
        ``"variable:NAME"``; ``None`` reads ``[maskline] policy``.
    :param classification: optional ``{table: Classification}`` for tables the
        policy does not describe column by column.
    :param acting_for: the identity the agent acts for; default: the DAG run's
        triggering user, else the task or DAG owner.
    :param scrub_results: scrub every returned cell with the text scrubber (default True).
    :param emit_lineage: send one OpenLineage run per tool call, a START and its end (default True).

    Every other argument is ``SQLToolset``'s (``allowed_tables``, ``schema``,
    ``max_rows``...), except ``allow_writes``, which is refused: the rewrite
    masks ``SELECT`` statements only.
    """

    def __init__(
        self,
        db_conn_id: str,
        *,
        policy: PolicyArg = None,
        classification: Mapping[str, Classification] | None = None,
        acting_for: str | None = None,
        scrub_results: bool = True,
        emit_lineage: bool = True,
        **kwargs: Any,
    ) -> None:
        if kwargs.get("allow_writes"):
            from maskline.errors import PolicyError

            raise PolicyError("MaskedSQLToolset cannot allow writes", where="MaskedSQLToolset(allow_writes=True)",
                              fix="drop allow_writes: only SELECT queries can be masked")
        super().__init__(db_conn_id, **kwargs)
        self._policy_arg = policy
        self._policy: Policy | None = None
        self._classification = dict(classification or {})
        self._acting_for = acting_for
        self._scrub_results = scrub_results
        self._emit_lineage = emit_lineage
        # Set per call by execute_tool; calls are serialized by run_blocking's process-wide lock.
        self._call_model: str | None = None
        self._call_context: Mapping[str, Any] | None = None
        self._allowed_column_names: frozenset[str] | None = None  # read on the first refused or failed query

    # ------------------------------------------------------------------
    # What the toolset needs at call time, resolved lazily (never at DAG parse)
    # ------------------------------------------------------------------

    @property
    def policy(self) -> Policy:
        """The resolved policy (read on first use, so parsing the DAG reads nothing).

        >>> MaskedSQLToolset("warehouse", policy={"unclassified": "pass"}).policy.unclassified
        'pass'
        """
        if self._policy is None:
            from airflow_plugin.policy_source import resolve_policy

            self._policy = resolve_policy(self._policy_arg)
        return self._policy

    def _identities(self, principal: Principal | None) -> tuple[str, ...]:
        return (f"{principal.kind}:{principal.name}",) if principal is not None else ()

    def _engine(self) -> Any:
        from airflow_plugin.warehouse import engine_for_hook

        return engine_for_hook(self._get_db_hook())

    def _dialect(self) -> Any:
        return self._engine().dialect()

    def _warehouse(self) -> AbstractContextManager[Warehouse]:
        """The hook's connection as a :class:`~airflow_plugin.warehouse.Warehouse`, closed when the block ends,
        however it ends (:func:`~airflow_plugin.warehouse.connected`). The engine is resolved before anything is
        opened: an argument list evaluated after the connect would leave the session to the failure's traceback.

        >>> import contextlib, io, json, os, tempfile
        >>> import duckdb
        >>> path = os.path.join(tempfile.mkdtemp(), "w.duckdb"); duckdb.connect(path).close()
        >>> os.environ["AIRFLOW_CONN_DOCTEST_W"] = json.dumps({"conn_type": "duckdb", "host": path})
        >>> with contextlib.redirect_stdout(io.StringIO()), MaskedSQLToolset("doctest_w", policy={})._warehouse() as w:
        ...     answer = w.execute("SELECT 42").fetchall()
        >>> answer
        [(42,)]
        >>> del os.environ["AIRFLOW_CONN_DOCTEST_W"]
        """
        from airflow_plugin.warehouse import connected

        engine = self._engine()
        return connected(self._get_db_hook().get_conn, engine)

    def _db_namespace(self) -> str:
        """The namespace maskline's operators give this database (a DuckDB file's path, ``postgres://host:port``),
        so the call's datasets are the nodes the tasks that wrote the tables made."""
        from airflow_plugin.lineage import dataset_namespace

        with suppress(Exception):
            return dataset_namespace(self._get_db_hook(), self._engine().name)
        return f"{self._dialect().name}://{self._db_conn_id}"

    def _dataset_names(self, tables: Sequence[str]) -> dict[str, str]:
        """Each table the rewrite read (its resolved ``catalog.schema.table``) -> ``database.schema.table``, as the
        operators and the provider name it."""
        from airflow_plugin.lineage import relation_dataset_name

        names: dict[str, str] = {}
        for table in tables:
            with suppress(Exception):  # lineage is best effort: a table keeps the rewrite's name
                names[table] = relation_dataset_name(table, self._engine().name, self._get_db_hook())
        return names

    def _allowed_columns(self) -> frozenset[str]:
        """The lower-case column names the catalog lists for the operator's ``allowed_tables``, read once.

        A refused query read no table, so nothing it ran proves its columns; the allowed tables' columns are the
        catalog's (what ``get_schema`` shows the agent), structure like the tables' names. A name typed as a
        column the catalog lacks stays a placeholder. Without ``allowed_tables``, or when the catalog cannot be
        read, none: the names stay placeholders (fail closed).
        """
        if self._allowed_column_names is None:
            names: set[str] = set()
            entries = self._allowed_entries() or []
            if entries:
                with suppress(Exception), self._warehouse() as warehouse:
                    for entry in entries:
                        with suppress(Exception):  # an entry naming no table proves nothing
                            names |= {str(column).lower() for column, _ in warehouse.columns(entry)}
            self._allowed_column_names = frozenset(names)
        return self._allowed_column_names

    # ------------------------------------------------------------------
    # Tool entry point: refusals and failures become tool errors for the model
    # ------------------------------------------------------------------

    async def get_tools(self, ctx: RunContext[Any]) -> dict[str, ToolsetTool[Any]]:
        """``SQLToolset``'s tools, each with its arguments checked from its declaration first
        (:mod:`airflow_plugin.agents.checked_arguments`): pydantic-ai's own retry prompt quotes what was sent.

        >>> import asyncio
        >>> from types import SimpleNamespace
        >>> tools = asyncio.run(MaskedSQLToolset("warehouse", policy={}).get_tools(SimpleNamespace(max_retries=1)))
        >>> sorted(tools), type(tools["query"].args_validator).__name__
        (['check_query', 'get_schema', 'list_tables', 'query'], 'CheckedArguments')
        """
        from dataclasses import replace

        from airflow_plugin.agents.checked_arguments import CheckedArguments

        tools = await super().get_tools(ctx)
        return {name: replace(tool, args_validator=CheckedArguments(
                    name, tool.tool_def.parameters_json_schema, tool.args_validator))
                for name, tool in tools.items()}

    async def execute_tool(
        self,
        name: str,
        tool_args: dict[str, Any],
        *,
        ctx: RunContext[Any],
        tool: ToolsetTool[Any],
    ) -> Any:
        """Run one tool call for the model; a refusal or a failure comes back as ``ModelRetry``, value-free.

        >>> import asyncio, contextlib, io, json, os, tempfile
        >>> import duckdb
        >>> path = os.path.join(tempfile.mkdtemp(), "shop.duckdb")
        >>> duckdb.connect(path).execute("CREATE TABLE customers AS SELECT 1 AS id, 'ana@correo.es' AS email").close()
        >>> os.environ["AIRFLOW_CONN_DOCTEST_SHOP"] = json.dumps({"conn_type": "duckdb", "host": path})
        >>> toolset = MaskedSQLToolset("doctest_shop", emit_lineage=False, policy={
        ...     "unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
        >>> def call(sql):  # (the DuckDB hook prints a line for each connection it opens)
        ...     with contextlib.redirect_stdout(io.StringIO()):
        ...         return asyncio.run(toolset.execute_tool("query", {"sql": sql}, ctx=None, tool=None))
        >>> json.loads(call("SELECT id, email FROM customers"))["rows"]
        [[1, '*****@correo.es']]
        >>> call("DELETE FROM customers")
        Traceback (most recent call last):
        ...
        pydantic_ai.exceptions.ModelRetry: maskline refused this query: only SELECT queries can be masked, not DELETE ...
        >>> del os.environ["AIRFLOW_CONN_DOCTEST_SHOP"]
        """
        if name not in TOOLS:
            raise ValueError(f"Unknown tool: {name!r}")
        self._call_model = _model_name(ctx)
        self._call_context = _current_context()
        try:
            return await self.run_blocking(self._run_tool, name, tool_args)
        except QueryRefused as e:
            raise ModelRetry(
                f"maskline refused this query: {e.reason}\n"
                "Sensitive columns are masked in every result; ask for aggregates or non-sensitive columns, "
                "and only SELECT from the tables list_tables shows."
            ) from None
        except Exception as e:  # noqa: BLE001 - any driver error; only its structure goes back
            # Drivers quote offending values in their errors: the model gets the error's structure, not its text.
            raise ModelRetry(
                f"The {name} tool failed: {_engine_reason(e)}\n"
                "Use the list_tables and get_schema tools to inspect the database, then fix the query and try again."
            ) from None

    def _run_tool(self, name: str, tool_args: dict[str, Any]) -> str:
        if name == "query":
            return self._masked_query(tool_args["sql"])
        if name == "check_query":
            return self._masked_check_query(tool_args["sql"])
        if name == "get_schema":
            schema, table = self._split_table_identifier(tool_args["table_name"])
            if not self._is_ref_allowed("", schema, table):
                # SQLToolset's own answer repeats the name; the model's text is no table, and may be a value
                return dumps_masked({"error": "the table named is not in the allowed tables list (the name is not "
                                              "repeated); call list_tables for the tables you may inspect"})
        if self._dialect().name == "duckdb":
            # SQLToolset inspects through a SQLAlchemy engine, whose DuckDB connection (opened with another
            # configuration) would then stop the hook's own connections to the same file from opening.
            if name == "list_tables":
                return self._duckdb_list_tables()
            return self._duckdb_get_schema(tool_args["table_name"], tool_args.get("name_contains"))
        try:
            return super()._run_tool(name, tool_args)
        finally:
            self._release_inspector()

    def _release_inspector(self) -> None:
        """Close the connection the hook's SQLAlchemy inspector (``list_tables``, ``get_schema``) keeps in its pool.

        common-sql caches one engine per hook and never disposes it: its pool kept an idle connection for as long
        as the toolset lived, and past it until the cyclic garbage collector ran, one per agent run in a worker
        process. Disposed after each call, the engine opens a fresh connection for the next one.
        """
        inspector = vars(self._hook).get("inspector") if self._hook is not None else None  # cached_property
        if inspector is not None:
            with suppress(Exception):  # closing must not turn an answer into a failure
                inspector.bind.dispose()

    def _duckdb_list_tables(self) -> str:
        with self._warehouse() as warehouse:
            rows = warehouse.execute(
                "SELECT table_schema, table_name FROM information_schema.tables "
                "WHERE table_schema = COALESCE(?, current_schema()) ORDER BY table_name", (self._schema,)).fetchall()
        return dumps_masked([name for schema, name in rows if self._is_ref_allowed("", self._schema, name)])

    def _duckdb_get_schema(self, table_name: str, name_contains: str | None) -> str:
        schema, table = self._split_table_identifier(table_name)  # allowed: checked by _run_tool
        with self._warehouse() as warehouse:
            columns = warehouse.columns(f"{schema}.{table}" if schema else table)
        return self._schema_result([{"name": n, "type": t} for n, t in columns], name_contains)

    def _get_schema(self, table_name: str, name_contains: str | None = None) -> str:
        """``SQLToolset``'s ``get_schema`` on the hook's engine, with each type as it may be shown. (Whether the
        table is allowed is checked, without repeating its name, by :meth:`_run_tool`.)"""
        schema, table = self._split_table_identifier(table_name)
        return self._schema_result(self._get_db_hook().get_table_schema(table, schema=schema), name_contains)

    def _schema_result(self, columns: list[dict[str, Any]], name_contains: str | None) -> str:
        """``get_schema``'s answer. A type keeps its name and numeric parameters only
        (:func:`maskline.shown_types.shown_type`): DuckDB's ``ENUM('Ada Lovelace', ...)`` spells the column's values.

        >>> import json
        >>> t = MaskedSQLToolset("warehouse", policy={})
        >>> json.loads(t._schema_result([{"name": "who", "type": "ENUM('Ada Lovelace')"}], None))["columns"]
        [{'name': 'who', 'type': 'ENUM(...)'}]
        """
        from airflow.providers.common.ai.utils.query_results import build_schema_result

        from maskline.shown_types import shown_type

        shown = [{**c, "type": shown_type(str(c.get("type"))) if c.get("type") is not None else None}
                 for c in columns]
        return build_schema_result(shown, max_columns=self._max_columns, max_result_bytes=self._max_result_bytes,
                                   name_contains=name_contains)

    # ------------------------------------------------------------------
    # query and check_query
    # ------------------------------------------------------------------

    def _guard(self, sql: str) -> None:
        """maskline's structural checks (one read-only SELECT, allow-listed functions), then the toolset's own.

        maskline's checks run first, so what they refuse is described from the query's structure; the
        toolset's check (read-only statements, ``allowed_tables``, unknown functions) follows, and only its
        error's class is told (:func:`_refusal_reason`).
        """
        from maskline.errors import MasklineError
        from maskline.rewrite.allowlist import check_allowed
        from maskline.rewrite.refusals import parse_select

        dialect = self._dialect()
        try:
            check_allowed(parse_select(sql, dialect.sqlglot_name), dialect.name, sql)
        except MasklineError as e:
            raise QueryRefused(_refusal_reason(e)) from None
        try:
            self._validate_for_execution(sql, dialect=self._dialect_for_validation(), require_parse=True)
        except Exception as e:  # noqa: BLE001 - SQLSafetyError, or whatever the toolset's check raises
            raise QueryRefused(_refusal_reason(e)) from None

    def _rewrite(self, sql: str, connection: Any, identities: Sequence[str]) -> Rewritten:
        from maskline.errors import MasklineError
        from maskline.rewrite import rewrite

        try:
            result = rewrite(sql, self.policy, self._dialect(), connection=connection,
                             classification=self._classification or None, identities=identities)
        except MasklineError as e:  # RewriteRefused, and key or policy errors: fail closed, nothing runs
            raise QueryRefused(_refusal_reason(e)) from None
        self._check_tables_allowed(result.tables, _default_schema(connection))
        return result

    def _check_tables_allowed(self, tables: Sequence[str], default_schema: str | None) -> None:
        """``allowed_tables`` checked on the tables the rewrite substituted, whatever syntax named them.

        Names are compared qualified, by the one allow-list rule (:func:`maskline.rewrite.table_names.allowed_by`,
        ``maskline mcp --allow``'s too): an entry with a schema allows only that schema's table; one without a
        schema, the table in the toolset's ``schema`` (as ``SQLToolset`` reads its entries), else in the
        connection's default schema. A table the query wrote without a schema is in the connection's default
        schema, where the database reads it, whatever ``schema`` says.
        """
        from maskline.errors import PolicyError
        from maskline.rewrite.table_names import allowed_by

        entries = self._allowed_entries()
        if entries is None:
            return
        for table in tables:
            try:
                allowed = allowed_by(entries, table, default_schema, where="allowed_tables")
            except PolicyError as e:  # two entries of different schemas fit a table written without one
                raise QueryRefused(_refusal_reason(e)) from None
            if not allowed:
                raise QueryRefused(f"table {table} is not in allowed_tables")

    def _allowed_entries(self) -> list[str] | None:
        """``allowed_tables`` as ``SQLToolset`` reads them (an unqualified entry is in ``schema`` when one is set);
        None when every table is allowed."""
        allowed = getattr(self, "_allowed_tables", None)
        if allowed is None:
            return None
        return [entry if "." in entry or not self._schema else f"{self._schema}.{entry}" for entry in allowed]

    def _masked_check_query(self, sql: str) -> str:
        try:
            self._guard(sql)  # not SQLToolset._check_query, whose verdict quotes the toolset's error text
        except QueryRefused as e:
            return dumps_masked({"valid": False, "error": e.reason})
        try:
            with self._warehouse() as warehouse:
                principal = acting_for(self._call_context, self._acting_for)
                result = self._rewrite(sql, warehouse.connection, self._identities(principal))
        except QueryRefused as e:
            return dumps_masked({"valid": False, "error": f"maskline would refuse it: {e.reason}"})
        return dumps_masked({"valid": True, "masked_columns": list(result.masked_columns)})

    def _masked_query(self, sql: str) -> str:
        from airflow_plugin.key_source import resolve_operator_key
        from maskline.rewrite.run import run_masked

        dialect = self._dialect()
        principal = acting_for(self._call_context, self._acting_for)
        identities = self._identities(principal)
        allowed = self._allowed_entries()
        started = datetime.now(UTC).isoformat()
        try:
            self._guard(sql)
            with self._warehouse() as warehouse:
                result = self._rewrite(sql, warehouse.connection, identities)
                # run_masked loads the key itself, inside the query's transaction (PostgreSQL: it ends with it).
                key = resolve_operator_key(self.policy) if result.keyed else None
                fetched = run_masked(warehouse.connection, result, key, max_rows=self._max_rows)
        except QueryRefused as e:
            shown_sql = _scrubbed_sql(sql, dialect.sqlglot_name, allowed=allowed, columns=self._allowed_columns())
            self._record(ToolCall("query", "refused", shown_sql, reason=e.reason), principal, None, dialect, started)
            raise
        except Exception as e:
            reason = _engine_reason(e)
            shown_sql = _scrubbed_sql(sql, dialect.sqlglot_name, allowed=allowed, columns=self._allowed_columns())
            self._record(ToolCall("query", "failed", shown_sql, reason=reason), principal, None, dialect, started)
            raise
        shown_sql = _scrubbed_sql(sql, dialect.sqlglot_name, result, allowed)  # the catalog it read proves columns
        columns, rows = list(fetched.columns), fetched.rows
        shown, cells = self._scrub_rows(columns, rows, result, identities)
        masked = tuple(MaskedColumn(c.name, tuple(c.sensitive_sources or c.sources), c.method)
                       for c in result.lineage if c.masked)
        call = ToolCall("query", "executed", shown_sql, tables=result.tables, masked_columns=masked,
                        rows=len(shown), cells_masked=cells)
        self._record(call, principal, result, dialect, started)
        return build_query_result(columns, shown, max_rows=self._max_rows, max_result_bytes=self._max_result_bytes,
                                  more_rows_available=fetched.truncated, total_rows=None)

    def _scrub_rows(self, columns: list[str], rows: Sequence[Sequence[Any]], result: Rewritten,
                    identities: Sequence[str]) -> tuple[list[tuple[Any, ...]], int]:
        """Rows for the model, and how many cells were masked (by the rewrite) or scrubbed (here)."""
        from maskline.text import scrub_value

        masked_idx = {i for i, c in enumerate(columns) if c in set(result.masked_columns)}
        raw_allowed = bool(identities) and self.policy.allows_raw(tuple(identities))
        out: list[tuple[Any, ...]] = []
        cells = 0
        for row in rows:
            new_row = []
            for i, value in enumerate(row):
                masked = i in masked_idx and value is not None
                cells += masked
                # Every cell, masked or not, and nested ones (a whole-row struct holds passed columns too).
                if self._scrub_results and not raw_allowed and isinstance(value, (str, dict, list, tuple)):
                    cleaned = scrub_value(value)
                    if cleaned != value and not masked:
                        cells += 1
                    value = cleaned
                new_row.append(value)
            out.append(tuple(new_row))
        return out, cells

    # ------------------------------------------------------------------
    # Tally and lineage
    # ------------------------------------------------------------------

    def _key_check(self, result: Rewritten | None) -> Any:
        """The check value of the key the keyed columns of the tables read are masked with (their ``maskline_masking``
        lists every column of each table), else None."""
        if result is None or not any(getattr(p, "keyed", False) for p in (result.plans or {}).values()):
            return None
        try:
            from airflow_plugin.key_source import resolve_operator_key
            from airflow_plugin.lineage import key_check_of

            return key_check_of(resolve_operator_key(self.policy), self.policy)
        except Exception as e:  # noqa: BLE001 - lineage must never fail the agent's task
            log.warning("maskline: no key check value for the agent's lineage (%s)", type(e).__name__)
            return None

    def _record(self, call: ToolCall, principal: Principal | None, result: Rewritten | None, dialect: Any,
                started: str | None = None) -> None:
        context = self._call_context
        ti = context.get("ti") or context.get("task_instance") if context else None
        if ti is None:
            return  # outside a task: nothing to attach the call to
        try:
            record(task_key(ti), call, model=self._call_model)
            if call.refused:
                log.info("maskline refused a query from the agent: %s", call.reason)
            if not self._emit_lineage:
                return
            from airflow_plugin.agents.lineage import agent_identity, call_event, emit, start_event

            identity = agent_identity(self._call_model or "unknown-model", principal, ti, context)
            event = call_event(call, ti=ti, identity=identity, model=self._call_model,
                               db_namespace=self._db_namespace(), plans=result.plans if result else None,
                               dialect=dialect.name,  # the engine, as lineage names it (not the printer)
                               dataset_names=self._dataset_names(call.tables),
                               key_check=self._key_check(result))
            # The scrubber behind the client sees only the event: the operator's allowed tables (and, for a query
            # that read none, their catalog columns) are proven for this run alone, so a refused query on an
            # allowed table keeps its names (openlineage_ext.run_names).
            from openlineage_ext.run_names import run_names

            proven = list(self._allowed_entries() or ())
            if result is None:
                proven += sorted(self._allowed_columns())
            run_names().prove(event.run.runId, proven)
            # Both are queued, START first: one sender thread sends them in order (Marquez takes the run's start
            # time from its START), off the agent's path (airflow_plugin.agents.lineage.emit).
            emit(start_event(event, started))
            emit(event)
        except Exception as e:  # noqa: BLE001 - lineage must never fail the agent's task
            log.warning("maskline: could not record the agent's tool call (%s)", type(e).__name__)
