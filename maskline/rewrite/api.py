"""``rewrite()``: run any read-only SELECT over masked relations instead of raw tables.

Safety comes from construction, not inspection:

1. the query is parsed in its dialect and refused unless it is one read-only
   SELECT (:mod:`~maskline.rewrite.refusals`);
2. every function, table function and construct must be on the dialect's
   allow-list (:mod:`~maskline.rewrite.allowlist`);
3. every base relation, at any depth, is replaced by its masked relation
   (:mod:`~maskline.rewrite.substitute`), so no predicate, join, window,
   limit or function of the query ever sees a raw sensitive value.

The contract: the rewritten query over the raw tables returns what the
original returns over masked copies of them, with literals in tokenizable
equalities replaced by their tokens (:mod:`~maskline.rewrite.filters`).
Tracing each output back to its sources is kept for ``--explain`` and lineage
(:mod:`~maskline.rewrite.outputs`); it is not what makes a result safe.

Which columns are masked, and how, is :func:`maskline.plan.build_plan`'s
decision for each table, the same as masking the table itself. Columns no rule
are decided by :func:`maskline.classify.decision.decide_unnamed`: masked unless
a stored classification is confident they hold nothing sensitive, or the policy
says ``unclassified: pass`` (fail closed).

Keyed methods read the key from the session (``KeyMode.SESSION``): run
:func:`maskline.sql.session.apply_key_setup` on the connection first, or use
:func:`maskline.rewrite.run.run_masked`, which does both.

>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass",
...                    "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> r = rewrite("SELECT id, upper(email) AS contact FROM customers", pol, "duckdb",
...             schema={"customers": {"id": "integer", "email": "varchar"}})
>>> r.masked_columns
('contact',)
>>> [(c.name, c.sources, c.treatment) for c in r.lineage]
[('id', ('customers.id',), 'raw'), ('contact', ('customers.email',), 'masked')]
>>> "FROM (SELECT id, CASE WHEN email IS NULL" in r.sql
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlglot import exp
from sqlglot.errors import OptimizeError, SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import build_scope

from maskline.adapters import engine
from maskline.adapters.facts import CatalogFacts
from maskline.classify.result import Classification
from maskline.dialects import Dialect, KeyMode
from maskline.errors import MasklineError, RewriteRefused
from maskline.keys import KeyMaterial, resolve_key
from maskline.plan import Plan
from maskline.policy import Policy
from maskline.rewrite.allowlist import check_allowed
from maskline.rewrite.echoes import refuse_echoes
from maskline.rewrite.filters import LiteralFilter
from maskline.rewrite.held_catalog import CatalogRead
from maskline.rewrite.mentions import at, mention, suggestion
from maskline.rewrite.output_names import restore_names, written_names
from maskline.rewrite.outputs import OutputLineage, output_lineage
from maskline.rewrite.query_text import too_deep
from maskline.rewrite.refusals import base_tables, parse_select, refuse_unknown_tables, refuse_unpinned_calls
from maskline.rewrite.schema_source import (
    Schema,
    default_db,
    find_table,
    refuse_defined_types,
    refuse_function_path,
    refuse_key_stores,
    ruled_below,
    sqlglot_schema,
    views_among,
)
from maskline.rewrite.sensitivity import Sensitivity
from maskline.rewrite.substitute import InlineRelations, ViewRelations, substitute
from maskline.rewrite.table_names import normalize_tables, resolved_name, stored_name, written_parts
from maskline.rewrite.trace import Tracer, table_key
from maskline.sql.compile import to_sql


@dataclass(frozen=True)
class Rewritten:
    """A rewritten query: its SQL, the output columns that were masked, and every output's lineage.

    ``over_masked`` is the same query with only its filter literals tokenized, to run over materialized
    masked copies of the tables (the contract's right-hand side; tests and benchmarks use it).
    """

    sql: str
    masked_columns: tuple[str, ...]
    lineage: tuple[OutputLineage, ...]
    dialect: str = ""
    tables: tuple[str, ...] = ()  # the base tables read, each by its one resolved name (the keys of plans)
    keyed: bool = False  # whether executing it needs the key in the session (apply_key_setup)
    tokenized_filters: int = 0
    plans: Mapping[str, Plan] = field(default_factory=dict, repr=False, compare=False)
    over_masked: str = field(default="", repr=False, compare=False)
    #: The catalog read the masks were decided on, checked again where the query runs
    #: (:mod:`maskline.rewrite.held_catalog`); None when the rewrite was given its schema and no connection.
    catalog: CatalogRead | None = field(default=None, repr=False, compare=False)
    #: Each spelling of a table in the query (as written and as qualified, each part as
    #: :func:`~maskline.rewrite.trace.table_key` writes it: unquoted in lower case, a quoted mixed-case part quoted)
    #: -> its name in ``tables``.
    relations: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def explain(self) -> str:
        """One line per output column: its sources and what the rewrite did.

        >>> Rewritten("SELECT 1", (), (OutputLineage("n", ("t.id",), (), "raw"),)).explain()
        'n <- t.id: raw'
        """
        lines = []
        for c in self.lineage:
            sources = ", ".join(c.sources) or "(no column)"
            how = c.treatment + (f" with {c.method}" if c.method else "")
            if c.sensitive_sources:
                how += f" (sensitive: {', '.join(c.sensitive_sources)})"
            lines.append(f"{c.name} <- {sources}: {how}")
        return "\n".join(lines)


def _catalog_facts(connection: Any, tables: list[exp.Table], masked_schema: str | None) -> CatalogRead:
    """One read of the connection's catalog for this rewrite (:mod:`maskline.adapters.facts`): the columns of
    every table the query names (with ``masked_schema``: of its masked view), their kinds and key-store marks,
    and the current schema and catalog. Nothing is kept for the next rewrite: the catalog may change between
    queries. A catalog that cannot be read is a refusal (fail closed).
    """
    from maskline.adapters import engine_of

    described = [exp.table_(t.name, db=masked_schema) for t in tables] if masked_schema else tables
    try:
        adapter = engine_of(connection)
        cursor = adapter.cursor(connection)
        try:
            return CatalogRead.of(tables, described, adapter.catalog_facts(cursor, tables, described))
        finally:
            if cursor is not connection:
                cursor.close()
    except Exception as e:  # noqa: BLE001 - the driver's own error; it names tables, never values
        raise RewriteRefused(f"cannot read the tables' columns from the connection ({type(e).__name__})",
                             where="rewrite(connection=...)",
                             fix="pass schema={table: {column: type}} instead") from None


def _schema_for(tables: list[exp.Table], schema: Schema | None, facts: CatalogFacts | None,
                default_schema: str | None = None) -> Schema:
    """``schema`` plus, for each table it lacks, the columns the catalog facts read (under the name the query
    wrote: with ``masked_schema`` its masked view's columns, which are the table's, stand for it)."""
    if schema is None and facts is None:
        raise RewriteRefused("no schema to trace the query's columns", where="rewrite(schema=..., connection=...)",
                             fix="pass schema={table: {column: type}} or a connection to read it from")
    merged: dict[str, Mapping[str, str]] = dict(schema or {})
    missing = [i for i, t in enumerate(tables) if find_table(t, list(merged), default_schema) is None]
    for i in missing if facts is not None else ():
        name = ".".join(written_parts(tables[i]))  # the relation's identity: "Customers" is not customers
        columns = facts.columns_of(i) if facts is not None else ()
        if columns and name not in merged:
            merged[name] = dict(columns)
    return merged


def _default_schema(d: Dialect, facts: CatalogFacts | None) -> str | None:
    """The schema unqualified table names are in: the connection's current one, else the engine's default
    (DuckDB ``main``, PostgreSQL ``public``); None when neither is known."""
    if facts is not None and facts.current_schema:
        return facts.current_schema
    try:
        return engine(d.name).default_schema
    except Exception:  # noqa: BLE001 - a dialect without an adapter has no known default
        return None


def _checked_home(connection: Any, facts: CatalogFacts | None, default_schema: str | None) -> tuple[str, str] | None:
    """The catalog and schema unqualified tables' columns and kinds were read from, for engines whose masked
    relations name them (:attr:`maskline.adapters.base.EngineAdapter.pins_catalog`); None otherwise.

    >>> import duckdb
    >>> from maskline.adapters.facts import CatalogFacts
    >>> facts = CatalogFacts("main", "memory", {}, (), ())
    >>> _checked_home(duckdb.connect(), facts, "main"), _checked_home(None, None, "main")
    (('memory', 'main'), None)
    """
    if connection is None or facts is None or not default_schema:
        return None
    from maskline.adapters import engine_of

    if not engine_of(connection).pins_catalog:
        return None
    if not facts.current_catalog:  # unpinned, the relation checked may not be the one read
        raise RewriteRefused("cannot read the connection's catalog", where="rewrite(connection=...)",
                             fix="check the connection is open")
    return facts.current_catalog, default_schema


def rewrite(
    sql: str,
    policy: Policy,
    dialect: str | Dialect,
    *,
    schema: Schema | None = None,
    connection: Any = None,
    classification: Mapping[str, Classification] | None = None,
    identities: Sequence[str] = (),
    key: KeyMaterial | None = None,
    key_mode: KeyMode = KeyMode.SESSION,
    masked_schema: str | None = None,
    schema_as_stored: bool = False,
) -> Rewritten:
    """Rewrite ``sql`` to read masked relations instead of raw tables, or raise ``RewriteRefused``.

    ``schema`` maps table names to ``{column: type}``; tables it lacks are read
    from ``connection`` (DuckDB or DB-API) when one is given. ``classification``
    maps table names to a :class:`~maskline.classify.result.Classification`; without it, the scan
    stored beside the policy file (``maskline scan --save``) is read when there is one.
    ``key`` is needed only to tokenize filter literals (resolved from the
    policy's key reference when omitted); it never appears in the SQL in
    ``KeyMode.SESSION``. With ``masked_schema`` the masked relations are the
    views maskline created in that schema (the PostgreSQL reader role's path,
    :mod:`maskline.adapters.postgres`) instead of inline derived tables. ``schema``'s column names are read as
    names written unquoted in ``dialect`` (folded as the engine folds them), or with ``schema_as_stored`` as the
    catalog stores them (exactly: ``Phone`` is PostgreSQL's ``"Phone"``), as columns read from ``connection`` are.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"unclassified": "pass",
    ...                    "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> schema = {"customers": {"id": "integer", "email": "varchar"}}
    >>> "FROM (SELECT id, CASE WHEN email" in rewrite("SELECT id FROM customers", pol, "duckdb", schema=schema).sql
    True

    A literal compared with a masked column could probe its raw values, so only comparisons that work on tokens
    are rewritten; the rest are refused before anything runs:

    >>> rewrite("SELECT count(*) FROM customers WHERE email LIKE 'a%'", pol, "duckdb", schema=schema)
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: cannot tokenize the literal compared with sensitive column customers.email in WHERE (LIKE): ...
    """
    failure: RewriteRefused | None = None
    try:
        return _rewrite(sql, policy, dialect, schema=schema, connection=connection, classification=classification,
                        identities=identities, key=key, key_mode=key_mode, masked_schema=masked_schema,
                        schema_as_stored=schema_as_stored)
    except RecursionError:  # any step's walk of a tree nested deeper than Python recurses
        failure = too_deep()
    except MasklineError:
        raise  # built from structure already (what, where, fix)
    except Exception as e:  # noqa: BLE001 - a library's own failure: its text quotes the query, literals included
        # sqlglot asserts with the statement's text (``SUMMARIZE ... WHERE ssn = '219-09-9999' is not Selectable``),
        # which reached the CLI's traceback and whatever logged the exception: the refusal names only its class.
        failure = RewriteRefused(f"cannot analyse the query ({type(e).__name__})", where="query",
                                 fix="simplify the query (a plain SELECT over tables, CTEs and subqueries); if it is "
                                     "one, report the error's class to maskline's maintainers")
    raise failure  # outside the handler: the library's error (its text, its frames) is not kept as context


def _rewrite(
    sql: str,
    policy: Policy,
    dialect: str | Dialect,
    *,
    schema: Schema | None,
    connection: Any,
    classification: Mapping[str, Classification] | None,
    identities: Sequence[str],
    key: KeyMaterial | None,
    key_mode: KeyMode,
    masked_schema: str | None,
    schema_as_stored: bool,
) -> Rewritten:
    """:func:`rewrite`'s steps, which any nesting deeper than Python recurses may overflow."""
    d = dialect if isinstance(dialect, Dialect) else engine(dialect, where="dialect").dialect()
    read = d.sqlglot_name or None
    tree = parse_select(sql, d.sqlglot_name)
    check_allowed(tree, d.name, sql)
    tables = base_tables(tree)
    # Each table named as the engine resolves it (its folding: PostgreSQL keeps "Customers", DuckDB ignores case),
    # so every name read from them below is that relation's identity, two relations never one name.
    normalize_tables(tables, read)
    # Table names are matched qualified (schema keys, policy datasets): hr.customers never gets customers' plan.
    # Everything this rewrite needs of the catalog, read once (as few statements as the engine allows).
    catalog = _catalog_facts(connection, tables, masked_schema) if connection is not None else None
    facts = catalog.facts if catalog is not None else None
    stored_schema = _default_schema(d, facts)  # as the catalog stores it (quoted where the engine pins it)
    default_schema = stored_name(stored_schema, read)  # as names are matched (table_names.name_parts)
    full_schema = _schema_for(tables, schema, facts, default_schema)
    refuse_unknown_tables(tables, list(full_schema), default_schema, nearby=list(policy.datasets),
                          from_connection=facts is not None)
    if facts is not None:  # the key store is never a relation, whatever the policy says of its columns
        refuse_key_stores(tables, facts.key_store)
        if masked_schema is None:  # inline, the masking expressions (and the key) meet the raw columns' casts
            refuse_defined_types(tables, facts.defined_types)
        refuse_function_path(facts.function_path)
    db = default_db(tables) and (default_schema or default_db(tables))  # where the engine reads unqualified ones
    # the catalog's names are spelled as stored; a caller's schema mapping is read as names written unquoted
    exact = [k for k in full_schema if schema is None or k not in schema or schema_as_stored]
    written = written_names(tree, d.name)  # read before qualify folds them (DuckDB keeps the case written)
    # One name per relation, resolved once from the catalog (catalog.schema.table, unqualified names in the schema
    # the engine resolves them to): plans, tables and lineage are keyed by it. Without a connection there is no
    # catalog to resolve against, and the schema's keys name the relations. The spellings are read here, before
    # qualify() rewrites the tables in place, for consumers that trace the query's own text.
    # With masked_schema an unqualified name reads that schema's view (the reader's path), whatever the session's
    # current schema: the name it resolves to is the view's.
    home = ((stored_name(facts.current_catalog, read), masked_schema or default_schema) if facts is not None
            else None)
    spelled = {table_key(t): resolved_name(written_parts(t), *home) for t in tables} if home else {}
    failure: RewriteRefused | None = None
    try:
        qualified = qualify(tree, dialect=read, db=db,
                            schema=sqlglot_schema(tables, full_schema, db, default_schema, read, exact),
                            identify=False, validate_qualify_columns=True)
    except OptimizeError:
        reason, fix = _unknown_columns(tree, full_schema, read)
        failure = RewriteRefused(f"cannot resolve the query's columns: {reason}", where="query", fix=fix)
    except SqlglotError as e:
        failure = RewriteRefused(f"cannot analyse the query: {type(e).__name__}", where="query",
                                 fix="simplify the query")
    if failure is not None:  # outside the handler: sqlglot's error (it quotes names) is not kept as context
        raise failure
    # the catalog's types the printer needs (DuckDB pins x[i] as array_extract, struct_extract or map_extract_value)
    d.mark_types(qualified, sqlglot_schema(tables, full_schema, db, default_schema, read, exact))
    root = build_scope(qualified)
    if root is None:
        raise RewriteRefused("cannot build the query's scopes", where="query", fix="use a plain SELECT")

    if classification is None:  # the scan stored beside the policy file, when it covers these tables
        from maskline.classify.stored import scan_beside

        stored = scan_beside(policy)
        classification = stored.by_table(full_schema, default_schema) if stored is not None else None
    if facts is not None and not masked_schema:  # the session's path chose a view over the default's namesake
        _refuse_moved_entries(tables, facts, policy, classification, full_schema, d, read, default_schema)
    # Unlisted columns: maskline.classify.decision, as for every face (masked unless a scan vouches for them).
    # The views of masked_schema are read by name, whatever schema the query wrote: their policy entry too.
    plan_schema = None if masked_schema else default_schema
    # A view is no masked relation's floor: it reads its tables raw. masked_schema's views are the floor itself.
    views = frozenset() if masked_schema or facts is None else views_among(connection, tables, full_schema,
                                                                            default_schema, stored=facts.stored)
    if facts is not None and not masked_schema:  # a parent returns its descendants' rows: theirs to decide
        views |= ruled_below(tables, facts.descendants, full_schema, default_schema, policy)
    sensitivity = Sensitivity.for_query(qualified, full_schema, policy, classification, identities, plan_schema,
                                        views, _generated(tables, facts, full_schema, default_schema, masked_schema),
                                        home=home)
    tracer = Tracer(root, sensitivity.is_sensitive)
    _refuse_masked_unnest(root, tracer, sensitivity)
    key_holder = _Key(policy, key)
    literal_filter = LiteralFilter(tracer, policy.rewrite.filter_literals, sensitivity, key_holder.get, d.name)
    tokenized = literal_filter.apply(root)
    if tokenized:
        # A tokenized value written again (an alias, a literal beside an unmasked column) would reach the SQL whole.
        refuse_echoes(qualified, literal_filter.values, known=_catalog_names(full_schema))
        tracer.reset()
    lineage = output_lineage(tracer, root, sensitivity)
    over_masked = to_sql(qualified, d)  # type: ignore[arg-type]  # printed from a copy: the tree is rewritten next
    # The query's own calls, as printed: each must name the built-in (DuckDB: system.main.<name>), so no macro of
    # the connection can stand in for one. Read back by the engine's parser; the masked relations are maskline's.
    refuse_unpinned_calls(d.unpinned_calls(over_masked), d.unpinned_fix)

    def plan_of(table: exp.Table) -> Plan:
        plan = sensitivity.relation_of(table)
        if plan is None:
            raise RewriteRefused(f"{mention('table', table)} has no masking plan", where="FROM clause",
                                 fix="add the table to the schema")
        return plan

    relations = (ViewRelations(masked_schema) if masked_schema
                 else InlineRelations(d, key_mode, key_holder.key, home=_checked_home(connection, facts, stored_schema)))
    substitute(qualified, root, plan_of, relations)
    keyed = not masked_schema and any(p.keyed for p in sensitivity.plans.values())
    names = restore_names(qualified, written, full_schema)  # last: every step above reads the folded names
    if len(names) == len(lineage):  # one lineage per output, in order
        lineage = [replace(c, name=n) for c, n in zip(lineage, names, strict=True)]
    return Rewritten(
        sql=to_sql(qualified, d, copy=False),  # type: ignore[arg-type]  # the tree's last use: no copy to print
        masked_columns=tuple(c.name for c in lineage if c.masked),
        lineage=tuple(lineage), dialect=d.name, tables=tuple(sorted(sensitivity.plans)), keyed=keyed,
        tokenized_filters=tokenized, plans=sensitivity.plans, over_masked=over_masked, catalog=catalog,
        relations={**spelled, **sensitivity.names})


def _refuse_moved_entries(tables: list[exp.Table], facts: CatalogFacts, policy: Policy,
                          classification: Mapping[str, Classification] | None, schema: Schema, d: Dialect,
                          read: str | None, session_schema: str | None) -> None:
    """Refuse a relation an unqualified policy (or scan) entry would describe when the session's ``search_path``
    resolved its name, away from the engine's default schema, to a relation that stores no rows of its own (a
    view, a materialized view, a foreign table) while the default schema holds a namesake.

    What an unqualified entry (``customers:``) means: the table of the schema unqualified names resolve to on the
    connection (its current schema), so a module working in a schema of its own (``search_path`` set to it,
    dbt's dev schemas beside a prod ``public`` of the same table names) needs no qualified entries. That schema is
    chosen by the role (``ALTER ROLE ... SET search_path``), the database, the DSN's ``options`` or a ``SET``
    (DuckDB's ``SET schema``), none of them the policy's author, and a path that put a look-alike first (a view
    ``look.customers`` over ``public.customers`` that renames ``ssn`` to the entry's ``pass: true`` column) moved
    the entry, allowances included, onto raw values. A stored table holds its own rows: whoever filled it held
    them already, and the entry's choices mask what it holds. A view reads another relation's rows under any names
    it likes, so a view the path chose over a namesake where the engine resolves names by default is the one
    reading that is both ambiguous and unsafe, and which of the two the entry meant cannot be told from the policy:
    it is refused, naming both and the fix. The check reads only the one catalog statement's facts
    (:attr:`~maskline.adapters.facts.CatalogFacts.default_namesake`, :attr:`~maskline.adapters.facts.CatalogFacts.stored`).
    A relation the policy names with its schema (``look.customers:``) has its own entry: nothing was moved.

    >>> import duckdb
    >>> from maskline.policy import load_policy
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE customers (id INT, ssn TEXT, note TEXT); CREATE SCHEMA look; "
    ...                 "CREATE VIEW look.customers AS SELECT id, ssn AS note, 'none' AS ssn FROM main.customers; "
    ...                 "SET schema = 'look'")
    >>> pol = load_policy({"datasets": {"customers": {"columns": {"note": {"pass": True}}}}})
    >>> rewrite("SELECT note FROM customers", pol, "duckdb", connection=con)
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the table at line 1, column 18 resolves through the session's search_path to look.customers, a relation that stores no rows of its own (a view), while main.customers exists too: the policy's unqualified entry 'customers' cannot tell which of them it describes, and a view may show another table's columns under other names (at <dict>: datasets["customers"]). Fix: qualify the entry ("main.customers" or "look.customers") and give the other relation an entry of its own if it is read, or connect with a search_path that names the entry's schema first
    """
    from maskline.rewrite.table_names import name_parts

    if not facts.default_namesake or not session_schema:
        return
    try:
        default = stored_name(engine(d.name).default_schema, read)
    except Exception:  # noqa: BLE001 - an engine without a default schema of its own (Trino): nothing to move
        return
    if not default or default == session_schema:
        return
    unqualified = {name_parts(n)[-1] for n in policy.datasets if len(name_parts(n)) == 1}
    # a relation the policy describes by the session's schema (look.customers) has its own entry
    own = {name_parts(n)[-1] for n in policy.datasets if name_parts(n)[-2:-1] == name_parts(session_schema)}
    for i, table in enumerate(tables):
        parts = written_parts(table)
        # the relations an unqualified entry is taken for: unqualified, or written in the session's schema
        if (len(parts) > 1 and parts[-2] != session_schema) or i >= len(facts.default_namesake):
            continue
        if facts.stored[i] or not facts.default_namesake[i] or parts[-1] in own:
            continue
        name = parts[-1]
        key = find_table(table, list(schema), session_schema)
        if name not in unqualified and not (classification and key is not None and key in classification):
            continue  # no entry could have moved: the view is decided as any view is (masked unless named)
        raise RewriteRefused(
            f"{mention('table', table)} resolves through the session's search_path to {session_schema}.{name}, "
            f"a relation that stores no rows of its own (a view), while {default}.{name} exists too: the "
            f"policy's unqualified entry {name!r} cannot tell which of them it describes, and a view may show "
            "another table's columns under other names", where=f'{policy.source}: datasets["{name}"]',
            fix=f'qualify the entry ("{default}.{name}" or "{session_schema}.{name}") and give the other relation '
                "an entry of its own if it is read, or connect with a search_path that names the entry's schema "
                "first")


def _refuse_masked_unnest(root: Any, tracer: Tracer, sensitivity: Sensitivity) -> None:
    """Refuse ``UNNEST(col)`` (DuckDB's ``unnest(col)``, Spark's ``explode``) of a sensitive column, before anything
    runs: its mask replaces the whole array (a label, NULL), so the masked relation has no array to unnest and the
    query failed on the engine with only "check the query" to say why. ``UNNEST(ARRAY[email, ssn])`` (an array of
    masked values) and ``UNNEST(split(email, '@'))`` (a function's array of the masked value) run.
    """
    for scope in root.traverse():
        for node in scope.expression.find_all(exp.Unnest, exp.Explode):
            if node.find_ancestor(exp.Select, exp.SetOperation) is not scope.expression:
                continue  # another scope's (a subquery's): checked with it
            args = node.expressions if isinstance(node, exp.Unnest) else [node.this]
            for arg in args:
                if not isinstance(arg, exp.Column) or not _may_read_a_table(scope, arg):
                    continue  # a derived relation's array (array_agg of masked values) holds masked elements
                hit = tracer.sensitive(tracer.column(scope, arg))
                if hit:
                    raise RewriteRefused(
                        f"UNNEST of sensitive column {sensitivity.source_name(hit[0])} at {at(arg) or 'the query'}: "
                        "its mask replaces the whole array, so the masked column has no elements to unnest",
                        where="FROM clause",
                        fix="unnest an array of masked values (UNNEST(ARRAY[col, ...])), or unnest the column in a "
                            "staging model and mask its element column there")


def _may_read_a_table(scope: Any, column: exp.Column) -> bool:
    """Whether ``column`` may carry a stored table's own column unchanged (whose mask replaced the whole array):
    read from the table, or passed through a derived relation as a bare column. A derived relation's array built
    by a function (``(SELECT array_agg(email) AS a FROM customers) s``) holds masked elements, so it is not.
    Unqualified, it may be any source's; a source this cannot follow counts (refused rather than guessed).

    >>> import sqlglot
    >>> from sqlglot.optimizer.scope import build_scope
    >>> def reads(sql):
    ...     q = sqlglot.parse_one(sql)
    ...     return _may_read_a_table(build_scope(q), q.find(exp.Unnest).expressions[0])
    >>> reads("SELECT v FROM (SELECT array_agg(e) AS a FROM c) s, unnest(s.a) AS t(v)")
    False
    >>> reads("SELECT x FROM (SELECT tags AS tg FROM c) AS s, unnest(s.tg) AS t(x)")
    True
    """
    from sqlglot.optimizer.scope import Scope

    sources = [scope.sources.get(column.table)] if column.table else list(scope.sources.values())
    for source in sources:
        if not isinstance(source, Scope):
            return True  # a stored table, or a source whose columns are not followed here
        query = source.expression
        if not isinstance(query, exp.Query):
            return True  # a source that is not a query (a VALUES list): not followed here, so counted
        for projection in query.selects:
            inner = projection.unalias()
            if projection.alias_or_name == column.name and isinstance(inner, exp.Column) \
                    and _may_read_a_table(source, inner):
                return True
    return False


def _generated(tables: list[exp.Table], facts: CatalogFacts | None, schema: Schema, default_schema: str | None,
               masked_schema: str | None) -> dict[str, tuple[str, ...]]:
    """The generated columns of each table the query reads, by schema key, as the catalog facts read them.

    A generated column is a function of its row, sensitive columns included (``lower(email)``): masked unless the
    policy names it (:func:`maskline.plan.build_plan`). The views of ``masked_schema`` are maskline's own masked
    relations, and a schema passed without a connection says nothing of generated columns: none then.

    >>> from maskline.adapters.facts import CatalogFacts
    >>> facts = CatalogFacts("main", "memory", {0: (("e", "text"), ("h", "text"))}, (True,), (False,),
    ...                      generated={0: ("h",)})
    >>> _generated([exp.to_table("t")], facts, {"t": {"e": "text", "h": "text"}}, "main", None)
    {'t': ('h',)}
    """
    if facts is None or masked_schema:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for i, table in enumerate(tables):
        name = find_table(table, list(schema), default_schema)
        if name is not None and facts.generated_of(i):
            out[name] = (*out.get(name, ()), *facts.generated_of(i))
    return out


def _catalog_names(schema: Schema) -> set[str]:
    """Every part of the schema's table names and every column name: the names that are structure, not text.

    >>> sorted(_catalog_names({"main.t": {"Id": "int"}}))
    ['Id', 'main', 't']
    """
    names = {part for table in schema for part in table.replace('"', "").split(".")}
    return names | {column for columns in schema.values() for column in columns}


class _Key:
    """The key for tokenizing filter literals, resolved from the policy only when one needs it."""

    def __init__(self, policy: Policy, key: KeyMaterial | None) -> None:
        self.policy = policy
        self.key = key

    def get(self) -> KeyMaterial:
        if self.key is None:
            self.key = resolve_key(self.policy.key)
        return self.key


def _unknown_columns(tree: exp.Expr, schema: Schema, dialect: str | None = None) -> tuple[str, str]:
    """Why the query's columns do not resolve, and the fix, built from the parse tree and the schema's names.

    sqlglot's own message is not forwarded, and no name the query wrote is echoed, plain or quoted: a value typed
    without quotes is parsed as a column (``WHERE username = zquartermaine77``), and refusals reach logs and
    lineage. The first such name is placed by line and column; the fix names the schema's closest columns.

    >>> import sqlglot
    >>> _unknown_columns(sqlglot.parse_one('SELECT emial, "219-09-9999", id FROM t'), {"t": {"id": "int", "email": "text"}})
    ('2 names are no column of the tables read (the first at line 1, column 8)', "did you mean 'email'?")
    >>> _unknown_columns(sqlglot.parse_one("SELECT id FROM t WHERE id = zquartermaine77"), {"t": {"id": "int"}})
    ('1 name is no column of the tables read (the first at line 1, column 29)', 'check column names against the schema')

    A name that differs from a catalog's column in case alone (PostgreSQL folds an unquoted name to lower case):

    >>> _unknown_columns(sqlglot.parse_one("SELECT phone FROM t", read="postgres"), {"t": {"Phone": "text"}}, "postgres")
    ('1 name matches a column only in another case (the first at line 1, column 8)', 'write the column as the catalog spells it, quoted: "Phone"')
    """
    known = {c.lower(): c for cols in schema.values() for c in cols}
    unknown = [c for c in tree.find_all(exp.Column) if c.name and c.name.lower() not in known]
    exact = {c for cols in schema.values() for c in cols}
    cased = [c for c in tree.find_all(exp.Column) if c.name and c.name not in exact and c.name.lower() in known]
    if not unknown and cased:  # only the catalog's own spelling is shown, never the name the query wrote
        first = min(cased, key=lambda c: c.this.meta.get("start", 0))
        place = at(first.this)
        count = len({c.name for c in cased})
        text = (f"{count} name{' matches a column' if count == 1 else 's match columns'} only in another case"
                + (f" (the first at {place})" if place else ""))
        spelled = exp.to_identifier(known[first.name.lower()], quoted=True).sql(dialect=dialect)
        return text, f"write the column as the catalog spells it, quoted: {spelled}"
    if not unknown:
        return "a column reference does not resolve to one table", "check column names against the schema"
    first = min(unknown, key=lambda c: c.this.meta.get("start", 0))
    place = at(first.this)  # the name's own place (a qualified column's table part is a name the query wrote too)
    where = f" (the first at {place})" if place else ""
    count = len({c.name for c in unknown})
    text = f"{count} name{' is' if count == 1 else 's are'} no column of the tables read{where}"
    # only the schema's own names are shown, the closest to any name the query wrote
    fix = suggestion([c.name for c in unknown], known.values()) or "check column names against the schema"
    return text, fix
