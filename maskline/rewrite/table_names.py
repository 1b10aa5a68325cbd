"""Whether two table names name the same table of a connection: compared qualified, never by last name.

A name is ``table``, ``schema.table`` or ``catalog.schema.table``. A name without a schema is in the
connection's default schema (DuckDB ``main``, PostgreSQL ``public``, or what ``current_schema()`` says),
so ``customers`` is ``main.customers`` and never ``hr.customers``. When the default schema is not known,
a qualified and an unqualified name are not the same table: which schema the unqualified one meant
cannot be told, and guessing would hand one schema's table the rules (or the allowance) of another.
Catalogs are compared when both names have one.

>>> same_table("customers", "main.customers", "main"), same_table("customers", "hr.customers", "main")
(True, False)
>>> same_table("customers", "hr.customers", None), same_table("Customers", '"customers"', None)
(False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # sqlglot is imported where a name is parsed: loading a policy reads names and imports none
    from sqlglot import exp


def name_parts(name: str | Sequence[str]) -> tuple[str, ...]:
    """A dotted name (or its parts) as the parts of one table's identity: an unquoted part in lower case (the
    name the engine folds it to: PostgreSQL and Trino fold to lower case, DuckDB ignores case), a double-quoted
    part exactly as written, without its quotes (PostgreSQL keeps a quoted name's case: ``"Customers"`` is not
    ``customers``). Dots inside quotes are part of the name.

    >>> name_parts('Memory."Main".customers'), name_parts('"a.b".T'), name_parts(["hr", '"Staff"'])
    (('memory', 'Main', 'customers'), ('a.b', 't'), ('hr', 'Staff'))
    """
    parts = _split(name) if isinstance(name, str) else list(name)
    return tuple(_part(p) for p in parts)


def _split(name: str) -> list[str]:
    """``name``'s dotted parts, a dot inside double quotes being part of its name."""
    return [m.group(0) for m in re.finditer(r'(?:"(?:[^"]|"")*"|[^."])+', name)] or [name]


def _part(part: str) -> str:
    """One part of a name: quoted, exactly (``""`` is one quote); unquoted, in lower case."""
    if len(part) >= 2 and part[0] == part[-1] == '"':
        return part[1:-1].replace('""', '"')
    return part.strip("`[]").lower()


def stored_part(name: str) -> str:
    """A name as a catalog stores it (``current_schema()``, ``information_schema``), written so
    :func:`name_parts` reads it back exactly: bare when it is in lower case, else double-quoted.

    >>> stored_part("customers"), stored_part("Customers"), name_parts(stored_part("Customers"))
    ('customers', '"Customers"', ('Customers',))
    """
    return name if name == name.lower() and '"' not in name and "." not in name \
        else '"' + name.replace('"', '""') + '"'


def dotted(parts: Sequence[str]) -> str:
    """A table's identity (:func:`name_parts`) as one dotted name that :func:`name_parts` reads back: the key
    plans, ``Rewritten.relations`` and lineage share, whichever spelling a query or a schema file used.

    >>> dotted(name_parts('Sales."Customers"')), name_parts(dotted(("a.b", "Main")))
    ('sales."Customers"', ('a.b', 'Main'))
    """
    return ".".join(stored_part(p) for p in parts)


def identity_parts(table: exp.Table, dialect: str | None) -> tuple[str, ...]:
    """The parts of ``table`` (as a query of ``dialect`` writes it) naming the relation the engine resolves it
    to, written for :func:`name_parts`: the engine's own folding (sqlglot's ``normalize_identifiers``: an
    unquoted name folds to lower case on PostgreSQL and Trino, to upper case on Snowflake; DuckDB ignores case,
    quoted or not), a name that folding leaves mixed-case double-quoted, so it keeps its case.

    >>> from sqlglot import exp
    >>> t = exp.to_table('"Sales"."Customers"', dialect="postgres")
    >>> identity_parts(t, "postgres"), identity_parts(t, "duckdb"), identity_parts(exp.to_table("Customers"), "postgres")
    (('"Sales"', '"Customers"'), ('sales', 'customers'), ('customers',))
    >>> identity_parts(exp.to_table('"CUSTOMERS"'), "snowflake"), identity_parts(exp.to_table("customers"), "snowflake")
    (('customers',), ('customers',))
    """
    from sqlglot import exp
    from sqlglot.dialects.dialect import Dialect
    from sqlglot.optimizer.normalize_identifiers import normalize_identifiers

    d = Dialect.get_or_raise(dialect)
    out = []
    for ident in normalize_identifiers(table.copy(), dialect=d).parts:
        name = ident.name
        # the name an unquoted spelling of it folds to: that one is the engine's "unquoted" relation
        folded = d.normalize_identifier(exp.to_identifier(name, quoted=False)).name
        if not ident.args.get("quoted") or name == folded:
            out.append(stored_part(name.lower()))
        else:  # Snowflake's quoted "customers" reads back as its CUSTOMERS (name_parts has no case to tell them)
            out.append('"' + name.replace('"', '""') + '"')
    return tuple(out)


def stored_dotted(name: str) -> str:
    """``schema.table`` as a catalog query joins it (PostgreSQL's descendants: ``concat_ws('.', nspname, relname)``),
    each part written as :func:`name_parts` reads it back exactly (:func:`stored_part`).

    >>> stored_dotted("sales.Orders_2024"), name_parts(stored_dotted("sales.Orders_2024"))
    ('sales."Orders_2024"', ('sales', 'Orders_2024'))
    """
    return ".".join(stored_part(p) for p in name.split(".", 1))


def stored_name(name: str | None, dialect: str | None) -> str | None:
    """A catalog's name (a schema ``current_schema()`` reports, a database) as :func:`identity_parts` writes it on
    ``dialect``: DuckDB's ``Main`` is its ``main``; PostgreSQL's ``Sales`` stays ``"Sales"``.

    >>> stored_name("Sales", "postgres"), stored_name("Sales", "duckdb"), stored_name(None, "postgres")
    ('"Sales"', 'sales', None)
    """
    from sqlglot import exp

    if name is None:
        return None
    return identity_parts(exp.Table(this=exp.to_identifier(name, quoted=True)), dialect)[0]


def written_parts(table: exp.Table) -> tuple[str, ...]:
    """The parts of ``table`` written for :func:`name_parts`: an unquoted part in lower case, a quoted one that is
    not double-quoted. For a table whose identifiers the engine's folding has normalized
    (:func:`normalize_tables`), this is its :func:`identity_parts`.

    >>> from sqlglot import exp
    >>> written_parts(exp.to_table('hr."Customers"', dialect="postgres")), written_parts(exp.to_table("HR.T"))
    (('hr', '"Customers"'), ('hr', 't'))
    """
    return tuple(stored_part(p.name) if p.args.get("quoted") and p.name != p.name.lower()
                 and not p.meta.get(_FOLDED) else stored_part(p.name.lower()) for p in table.parts)


def normalize_tables(tables: Iterable[exp.Table], dialect: str | None) -> None:
    """Fold the names of ``tables`` (nodes of a parsed query) in place as the engine folds them (sqlglot's
    ``normalize_identifiers``: DuckDB's quoted ``"Customers"`` is its ``customers``; PostgreSQL keeps it), so every
    name read from them afterwards (:func:`written_parts`) is the relation's identity on that engine.

    >>> from sqlglot import exp
    >>> t, s = exp.to_table('"Customers"', dialect="duckdb"), exp.to_table('"CUSTOMERS"', dialect="snowflake")
    >>> normalize_tables([t], "duckdb"); normalize_tables([s], "snowflake"); written_parts(t), written_parts(s)
    (('customers',), ('customers',))
    """
    from sqlglot import exp
    from sqlglot.dialects.dialect import Dialect
    from sqlglot.optimizer.normalize_identifiers import normalize_identifiers

    d = Dialect.get_or_raise(dialect)
    for table in tables:
        for ident in table.find_all(exp.Identifier):
            if ident.parent is table:
                normalize_identifiers(ident, dialect=d)
                # a quoted name the engine's folding of an unquoted one gives (Snowflake's "CUSTOMERS") is that
                # relation: marked, so written_parts reads it as the unquoted name
                if ident.args.get("quoted") and \
                        d.normalize_identifier(exp.to_identifier(ident.name, quoted=False)).name == ident.name:
                    ident.meta[_FOLDED] = True


_FOLDED = "maskline_folded"  # Identifier.meta mark of normalize_tables


def same_table(a: str | Sequence[str], b: str | Sequence[str], default_schema: str | None) -> bool:
    """Whether names ``a`` and ``b`` name one table, unqualified names being in ``default_schema`` (written as
    :func:`name_parts` reads it: a mixed-case schema the catalog stores is double-quoted, :func:`stored_part`).

    >>> same_table('"Customers"', "customers", None), same_table('public."Customers"', '"Customers"', "public")
    (False, True)
    """
    pa, pb = name_parts(a), name_parts(b)
    if pa[-1] != pb[-1]:
        return False
    default = name_parts(default_schema)[-1] if default_schema else None
    schema_a = pa[-2] if len(pa) > 1 else default
    schema_b = pb[-2] if len(pb) > 1 else default
    if schema_a != schema_b:
        return False
    return len(pa) < 3 or len(pb) < 3 or pa[0] == pb[0]


def resolved_name(parts: str | Sequence[str], catalog: str | None, schema: str | None) -> str:
    """``catalog.schema.table`` of a table written as ``parts`` (:func:`identity_parts`): the parts it leaves out
    are the connection's catalog and the schema the engine resolves an unqualified name to (``current_schema()``),
    as far as they are known, each written as :func:`name_parts` reads it (a mixed-case catalog name
    double-quoted: :func:`stored_part`). A rewrite keys its plans and its lineage by this one name, so whoever
    reads them looks a relation up by equality, whichever spelling the query used; two relations whose names
    differ only in case (PostgreSQL's ``customers`` and ``"Customers"``) keep two names.

    >>> resolved_name("customers", "shop", "b"), resolved_name("a.Customers", "shop", "b")
    ('shop.b.customers', 'shop.a.customers')
    >>> resolved_name("memory.main.t", "memory", "main"), resolved_name("t", None, "main")
    ('memory.main.t', 'main.t')
    >>> resolved_name('"Customers"', "shop", '"Sales"')
    'shop."Sales"."Customers"'
    """
    written = name_parts(parts)
    if len(written) == 1 and schema:  # without the schema, the catalog's would be a guess
        written = (*name_parts(schema)[-1:], *written)
    if len(written) == 2 and catalog:
        written = (*name_parts(catalog)[-1:], *written)
    return dotted(written)


def best_entry(names: Iterable[str], table: str | Sequence[str], default_schema: str | None = None, *,
               where: str = "datasets") -> str | None:
    """The entry among ``names`` (a policy's datasets, a stored scan's tables) that describes ``table``: the one
    rule every face looks an entry up by.

    ``db.schema.table`` is matched against shorter names and back, part by part as :func:`name_parts` reads them
    (an unquoted part in lower case, a quoted one exactly); the entry naming the most parts wins, and between
    equals the one naming as many parts as ``table``. With ``default_schema`` (the connection's, or the engine's
    search path) an unqualified ``table`` is that schema's, so ``hr.t``'s entry is never ``t``'s. Without it
    (a file, or an engine with no default schema) an unqualified ``table`` is matched by its name, and two
    entries of different schemas that fit it equally well are refused, not picked in file order: which one the
    user meant cannot be told.

    >>> best_entry(["customers", "raw.customers", "raw.orders"], "shop.raw.customers")
    'raw.customers'
    >>> best_entry(["hr.t"], "t", "main") is None, best_entry(["hr.t"], "t", "hr"), best_entry(["t", "hr.t"], "t")
    (True, 'hr.t', 't')
    >>> best_entry(["hr.t", "sales.t"], "t")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: table 't' is written without a schema and entries 'hr.t' and 'sales.t' of different schemas describe it (at datasets). Fix: write the table with its schema (SCHEMA.t), or give the connection's default schema

    An entry names the relation the engine resolves its name to: ``customers`` (or ``Customers``, unquoted) is
    PostgreSQL's ``customers``, never its ``"Customers"``, whose entry is written quoted. An entry that would fit
    only were case ignored is refused, not taken and not skipped: taken, its allowances (``pass: true``) would
    reach a table nobody described; skipped, the columns it masks would pass under ``unclassified: pass``.

    >>> best_entry(["customers", '"Customers"'], '"Customers"'), best_entry(["customers", '"Customers"'], "customers")
    ('"Customers"', 'customers')
    >>> best_entry(["customers"], '"Customers"')
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: table "Customers" differs only in case from the table entry 'customers' names, and the engine keeps a quoted name's case (at datasets). Fix: describe the table in an entry of its own, its name quoted as the engine stores it: '"Customers"'
    """
    from maskline.errors import PolicyError

    wanted = name_parts(table)
    if default_schema and len(wanted) == 1:
        wanted = (*name_parts(default_schema)[-1:], *wanted)
    entries = list(names)
    rank, fits = _matches(entries, wanted, "exact")
    # An entry that fits only were case ignored is never a guess: with no entry of its own the table is refused,
    # and so it is when an entry written unquoted (Sales.customers, read as sales.customers) would name it
    # more closely than the one that fits ("Sales".customers's entry is not customers).
    near_rank, near = _matches(entries, wanted, "any case" if not fits else "unquoted")
    if near and (not fits or near_rank > rank):
        other = next(n for n in near if n not in fits)
        shown = dotted(wanted[-len(name_parts(other)):])
        raise PolicyError(f"table {shown} differs only in case from the table entry {other!r} names, and the "
                          "engine keeps a quoted name's case", where=where,
                          fix=f"describe the table in an entry of its own, its name quoted as the engine stores it: "
                              f"{shown!r}")
    tied = [n for i, n in enumerate(fits) if all(name_parts(n) != name_parts(m) for m in fits[:i])]
    if len(tied) > 1:
        shown_last = name_parts(table)[-1]
        raise PolicyError(f"table {shown_last!r} is written without a schema and entries "
                          f"{' and '.join(repr(t) for t in tied)} of different schemas describe it", where=where,
                          fix=f"write the table with its schema (SCHEMA.{shown_last}), or give the connection's "
                              "default schema")
    return tied[0] if tied else None


_Case = Literal["exact", "any case", "unquoted"]


def _matches(names: list[str], wanted: tuple[str, ...], case: _Case) -> tuple[tuple[int, bool], list[str]]:
    """The best rank among ``names`` fitting ``wanted`` (the number of parts they share, then whether the entry
    names as many parts) and every entry of that rank. ``case`` says how parts compare: ``exact``; ``any case``;
    ``unquoted``: an entry's unquoted part in any case, its quoted one exactly."""
    best: tuple[int, bool] = (0, False)
    fits: list[str] = []
    for name in names:
        parts = name_parts(name)
        quoted = [len(p) >= 2 and p[0] == p[-1] == '"' for p in (_split(name) if isinstance(name, str) else name)]
        n = min(len(parts), len(wanted))
        if not all(_part_fits(mine, theirs, q, case)
                   for mine, theirs, q in zip(parts[-n:], wanted[-n:], quoted[-n:], strict=True)):
            continue
        rank = (n, len(parts) == len(wanted))
        if not fits or rank > best:
            best, fits = rank, [name]
        elif rank == best:
            fits.append(name)
    return best, fits


def _part_fits(entry_part: str, table_part: str, entry_quoted: bool, case: _Case) -> bool:
    """Whether an entry's part (as :func:`name_parts` reads it) names the table's part under ``case``
    (:func:`_matches`). An unquoted entry part is already in lower case, so under ``unquoted`` it fits the table's
    part in any case."""
    if case == "any case":
        return entry_part.lower() == table_part.lower()
    if case == "unquoted" and not entry_quoted:
        return entry_part == table_part.lower()
    return entry_part == table_part


def allowed_by(entries: Iterable[str], table: str | Sequence[str], default_schema: str | None, *,
               where: str = "allowed tables") -> bool:
    """Whether ``table`` is one of the tables an allow-list names (``maskline mcp --allow``, the agent toolset's
    ``allowed_tables``): the entry :func:`best_entry` picks for it, and only when that entry names the table itself
    (:func:`same_table`, unqualified names in ``default_schema``), so an allowed ``customers`` never lets
    ``hr.customers`` through. Two entries of different schemas that fit an unqualified table equally are refused
    (:class:`~maskline.errors.PolicyError` at ``where``), as :func:`best_entry` refuses them.

    >>> allowed_by(["customers"], "hr.customers", "main"), allowed_by(["customers"], "main.customers", "main")
    (False, True)
    >>> allowed_by(["hr.customers"], "customers", None), allowed_by(["hr.customers"], "customers", "hr")
    (False, True)
    """
    entry = best_entry(entries, table, default_schema, where=where)
    return entry is not None and same_table(entry, table, default_schema)


def connection_schema(connection: Any) -> str | None:
    """The default schema of a connection (DuckDB or DB-API), asked through its engine adapter.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE SCHEMA hr; SET schema = 'hr'")
    >>> connection_schema(con)
    'hr'
    """
    from maskline.adapters import engine_of

    adapter = engine_of(connection)
    cursor = adapter.cursor(connection)
    try:
        return adapter.current_schema(cursor)
    finally:
        if cursor is not connection:
            cursor.close()
