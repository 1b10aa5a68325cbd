"""Literals compared with sensitive columns: refuse them, tokenize them, or let them through.

``WHERE ssn = '123-45-6789'`` exposes the value even when every output is
masked: the literal lands in the warehouse's query history, in lineage events
and in logs. ``policy.rewrite.filter_literals`` picks the trade-off:

``refuse``
    Any literal beside a sensitive column is refused. Nothing sensitive can
    reach the query text, at the price of not being able to look up one
    person by value.
``tokenize`` (default)
    Equality, ``<>``, ``IN`` and ``IS [NOT] DISTINCT FROM`` between a *bare
    reference* (through aliases, CTEs and subqueries) to a column masked by a
    keyed deterministic method (``hmac``, ``hash``) and plain literals are
    kept, with each literal replaced by its token, computed here in Python:
    ``WHERE ssn = '3f9a...'``. The query reads masked relations, so the column
    already holds tokens and the comparison means what the user wrote (up to
    token collisions). A query may tokenize at most :data:`MAX_IN_LITERALS`
    literals, in one ``IN`` list or spread over ``OR``-ed equalities: a long
    list is a membership oracle. Every
    other literal compared with a sensitive column (a range, ``LIKE``, a
    function of the column, a shape-keeping method) is refused, so it never
    reaches the query text. A token confirms a guessed value to anyone who can
    run queries: that is visible by design.
``allow``
    Literals pass unchanged. Outputs are still masked, but the query text
    holds the literal: use it only where query history is itself protected.

This is query-text hygiene, not what makes a result safe: results are safe
because every query reads masked relations (:mod:`maskline.rewrite.substitute`).

*Beside* is decided by construction, not by a list of comparison names: a
literal is beside a sensitive column when it is an operand of any function or
operator (``=``, ``IN``, ``LIKE``, ``coalesce``, ``||``, ``-``, ``date_diff``,
a lambda's body, anything a future engine adds) whose other operand derives
from that column, at any depth (``ssn = '219-09' || substr(city, 1, 0)``), in
any clause (WHERE, JOIN ... ON, HAVING, QUALIFY, the select list, CASE). The
only literals exempt are *parameters*, which :mod:`maskline.rewrite.parameters`
allow-lists by argument slot and shape (a date part's name, a time format, a
position or width, regular-expression flags, a field name, a separator).
Connectives (``AND``, ``OR``, ``NOT``) and CASE conditions are predicates of
their own, so ``WHERE email IS NULL AND city = 'X'`` keeps its literal.

A literal need not be written in the comparison to meet the column: a column of
a CTE, subquery, derived table, VALUES list or UNION arm computed from a literal
(at any depth, mixed with other columns) carries it, and counts exactly as the
literal would (:mod:`maskline.rewrite.provenance`). Such a literal is refused in
``tokenize`` mode too: only a literal written in the comparison has a text to
tokenize.

A number compared with a *measure* of a column (``length(ssn) = 11``,
``extract(year FROM dob) > 1980``, a count: :data:`maskline.rewrite.functions.MEASURES`,
an allow-list) is not treated as sensitive. A number compared with anything else
computed from the column is, like a string literal always is: ``abs(salary) =
123457``, ``epoch(dob) = 356313600`` and ``CAST(replace(ssn, '-', '') AS BIGINT) =
219099999`` each spell the value in the query text.

One field of a date is a measure, but fields together are the date:
``year(dob) = 1981 AND month(dob) = 4 AND day(dob) = 17`` spells a date of
birth. When literals pin more than one date field of one sensitive column in a
query (``=``, ``IN``, ``BETWEEN``, or a lower and an upper bound), the numbers
count as the value (:meth:`LiteralFilter._pinned_date_fields`).

>>> import sqlglot
>>> literal_text(sqlglot.parse_one("CAST('2020-01-01' AS DATE)"))
'2020-01-01'
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, walk_in_scope

from maskline.dialects.canonical import canonical_literal
from maskline.errors import RewriteRefused
from maskline.keys import KeyMaterial
from maskline.methods.registry import METHODS
from maskline.rewrite.functions import date_field
from maskline.rewrite.parameters import is_parameter
from maskline.rewrite.provenance import OTHER_CONSTANTS, LiteralProvenance, written_literals
from maskline.rewrite.sensitivity import Sensitivity
from maskline.rewrite.trace import (
    LITERAL,
    MASKED_META,
    MEASURE,
    VALUE,
    Origin,
    Tracer,
    leaf_selects,
    table_key,
)

# Nodes whose operands meet: compared (``=``, ``IN``, ``LIKE``), combined (``coalesce``, ``||``, ``+``) or searched
# (``contains``). Every function and operator is one, whatever its name: a literal beside a sensitive operand is a
# value unless it is a parameter (:mod:`maskline.rewrite.parameters`).
MEETING: tuple[type[exp.Expr], ...] = (exp.Func, exp.Binary, exp.Unary, exp.Predicate, exp.Tuple, exp.Array,
                                        exp.Bracket, exp.Slice, exp.Interval)
# Nodes whose operands are separate predicates or a single value: nothing of one operand meets another.
SEPARATE: tuple[type[exp.Expr], ...] = (exp.Connector, exp.Not, exp.Paren, exp.Alias, exp.Exists)
COMPARING_SET_OPERATIONS = (exp.Intersect, exp.Except, exp.Union)
TOKENIZABLE_PREDICATES = (exp.EQ, exp.NEQ, exp.NullSafeEQ, exp.NullSafeNEQ, exp.In)
MAX_IN_LITERALS = 20  # a longer IN list of tokens tests membership of many guesses at once
# Comparisons that pin a date field to one value (or a closed range) on their own; a one-sided bound (``>``, ``<``)
# pins it only together with a bound on the other side.
PINNING = (exp.EQ, exp.NullSafeEQ, exp.In, exp.Between)
LOWER_IF_FIRST = (exp.GT, exp.GTE)  # field > 1980: a lower bound; 1980 > field: an upper one
UPPER_IF_FIRST = (exp.LT, exp.LTE)
MAX_PINNED_DATE_FIELDS = 1  # two fields of one date pinned (year and month, month and day) spell the date
# Where a literal that is not written in the comparison came from (never named: a relation's name could be quoted).
ROUTED = "a column of a CTE, subquery, derived table or VALUES list computed from a literal"


def tokenizing_methods() -> list[str]:
    """The methods whose token a filter literal can be turned into (they declare a ``literal_token``).

    >>> tokenizing_methods()
    ['hash', 'hmac']
    """
    return sorted(name for name, m in METHODS.items() if m.literal_token is not None)


def literal_text(node: exp.Expr) -> str | None:
    """The text of a literal operand (through casts), or None when it is not a plain literal."""
    while isinstance(node, (exp.Cast, exp.Paren)):
        node = node.this
    if isinstance(node, exp.Literal):
        return str(node.this)
    return None


def is_literal_operand(node: exp.Expr) -> bool:
    """An operand built from literals only (no column, no subquery).

    >>> import sqlglot
    >>> is_literal_operand(sqlglot.parse_one("upper('x')")), is_literal_operand(sqlglot.parse_one("upper(x)"))
    (True, False)
    >>> is_literal_operand(sqlglot.parse_one("U&'x'", read="postgres"))
    True
    """
    return (node.find(exp.Literal, *OTHER_CONSTANTS) is not None
            and node.find(exp.Column, exp.Subquery, exp.Select) is None)


def meeting_groups(node: exp.Expr) -> list[list[exp.Expr]]:
    """The groups of ``node``'s operands whose values meet (are compared or combined); parameters left out.

    A searched CASE's conditions are predicates of their own; its results meet each other (like ``coalesce``).
    A simple CASE compares its subject with each WHEN value. Connectives and single-value wrappers meet nothing.

    >>> import sqlglot
    >>> [[o.sql() for o in g] for g in meeting_groups(sqlglot.parse_one("coalesce(email, 'x')"))]
    [['email', "'x'"]]
    >>> [[o.sql() for o in g] for g in meeting_groups(sqlglot.parse_one("CASE x WHEN 'a' THEN y ELSE 'b' END"))]
    [['x', "'a'"], ['y', "'b'"]]
    >>> [[o.sql() for o in g] for g in meeting_groups(sqlglot.parse_one("substr(email, 2, 3)"))]
    [['email']]
    >>> meeting_groups(sqlglot.parse_one("a = 'x' AND b = 1"))
    []
    """
    if isinstance(node, exp.Case):
        ifs = node.args.get("ifs") or []
        results = [i.args["true"] for i in ifs if i.args.get("true") is not None]
        results += [node.args["default"]] if node.args.get("default") is not None else []
        subject = [node.this, *(i.this for i in ifs)] if node.this is not None else []
        return [g for g in (subject, results) if g]
    if isinstance(node, exp.If):
        return [[c for c in (node.args.get("true"), node.args.get("false")) if c is not None]]
    if isinstance(node, SEPARATE) or not isinstance(node, MEETING):
        return []
    out = [c for c in node.iter_expressions() if not is_parameter(c)]
    if isinstance(node.parent, exp.Dot) and node.arg_key == "expression":  # x.contains('a'): the receiver x too
        out.append(node.parent.this)
    return [out]


def written_construct(node: exp.Expr, dialect: str | None) -> str:
    """How ``dialect`` writes the comparison or function ``node`` is (``IS DISTINCT FROM``, ``~``, ``nullif(...)``),
    built from its class alone: the class is printed over two placeholder operands, never over the query's own.
    A function sqlglot does not know is named only when it is one of the engine's built-ins
    (:mod:`maskline.rewrite.function_names`); anything else is its class's key in upper case, as before.

    >>> import sqlglot
    >>> [written_construct(sqlglot.parse_one(q, read="postgres"), "postgres") for q in
    ...  ("a IS DISTINCT FROM 'x'", "a ~ 'x'", "nullif(a, 'x')", "a SIMILAR TO 'x'", "zq_x1(a, 'x')")]
    ['IS DISTINCT FROM', '~', 'nullif(...)', 'SIMILAR TO', 'ANONYMOUS']
    """
    from maskline.rewrite.function_names import builtin_functions

    fallback = node.key.upper()
    if isinstance(node, (exp.Anonymous, exp.AnonymousAggFunc)):
        name = str(node.name).lower()
        return f"{name}(...)" if dialect and name in builtin_functions(dialect) else fallback
    if isinstance(node, exp.Case):
        return "CASE"
    if not dialect or set(node.arg_types) - {"this", "expression"} and not isinstance(node, exp.Func):
        return fallback
    try:
        args = {"this": exp.column("a"), "expression": exp.column("b")} if "expression" in node.arg_types \
            else {"this": exp.column("a")}
        printed = type(node)(**args).sql(dialect=dialect)
    except Exception:  # noqa: BLE001 - a class that cannot print over two placeholders keeps its key
        return fallback
    if printed.startswith("a ") and printed.endswith(" b"):
        return printed[2:-2].strip()
    head = printed.split("(", 1)[0]
    if "(" in printed and head.replace("_", "").isalnum():
        return f"{head.lower()}(...)"
    return fallback


def _construct(node: exp.Expr, dialect: str | None = None) -> str:
    clause = node.find_ancestor(exp.Where, exp.Join, exp.Having, exp.Qualify, exp.Select)
    where = {exp.Where: "WHERE", exp.Join: "JOIN ... ON", exp.Having: "HAVING", exp.Qualify: "QUALIFY"}.get(
        type(clause), "SELECT list") if clause is not None else "query"
    return f"{where} ({written_construct(node, dialect)})"


class LiteralFilter:
    """Applies ``filter_literals`` to every comparison of a sensitive column with a literal."""

    def __init__(self, tracer: Tracer, mode: str, sensitivity: Sensitivity,
                 key: Callable[[], KeyMaterial], dialect: str | None = None) -> None:
        self.tracer = tracer
        self.dialect = dialect  # how refusals write the comparison (written_construct)
        self.mode = mode
        self.sensitivity = sensitivity
        self.key = key
        self.tokenized = 0
        self.tokens = 0  # literals tokenized so far in the query, whichever comparison holds them
        #: Each tokenized literal's text (as written and canonical) and its column, for
        #: :func:`maskline.rewrite.echoes.refuse_echoes`: the value must not be written anywhere else in the query.
        self.values: list[tuple[str, str]] = []
        self.provenance = LiteralProvenance(tracer.scopes)
        # (table, column) -> date field -> how literals bound it ("pin", "lower", "upper"), over the whole query
        self.date_bounds: dict[tuple[str, str], dict[str, set[str]]] = {}

    def apply(self, root: Scope) -> int:
        """Check (and, in ``tokenize`` mode, rewrite) every comparison; returns how many were tokenized.

        >>> import sqlglot
        >>> from sqlglot.optimizer.qualify import qualify
        >>> from sqlglot.optimizer.scope import build_scope
        >>> from maskline.keys import KeyMaterial, hmac_hex
        >>> from maskline.policy import load_policy
        >>> pol = load_policy({"unclassified": "pass",
        ...                    "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL", "method": "hmac"}}}}})
        >>> schema, key = {"t": {"id": "int", "email": "text"}}, KeyMaterial(b"k" * 16)
        >>> q = qualify(sqlglot.parse_one("SELECT id FROM t WHERE email = 'ada@example.com'"), schema=schema)
        >>> root, sensitivity = build_scope(q), Sensitivity.for_query(q, schema, pol)
        >>> LiteralFilter(Tracer(root, sensitivity.is_sensitive), "tokenize", sensitivity, lambda: key).apply(root)
        1
        >>> q.find(exp.EQ).expression.name == hmac_hex(key, "ada@example.com")  # the literal is now its token
        True
        """
        if self.mode == "allow":
            return 0
        for scope in list(root.traverse()):
            for node in list(walk_in_scope(scope.expression)):
                for group in meeting_groups(node):
                    if len(group) > 1:
                        self._one(node, group, scope)
            if isinstance(scope.expression, COMPARING_SET_OPERATIONS) and scope.expression.args.get("distinct", True):
                self._set_operation(scope.expression, scope)
        return self.tokenized

    def _literal_kinds(self, node: exp.Expr, scope: Scope) -> set[str]:
        """The kinds of the literals whose value reaches ``node``: written in it, or carried by a column of a CTE,
        subquery, derived table or VALUES it reads (:class:`~maskline.rewrite.provenance.LiteralProvenance`)."""
        kinds = self.provenance.kinds(node, scope)
        if kinds or node.find(exp.Column, exp.Subquery, exp.Select) is None:
            return kinds
        try:
            origins = self.tracer.origins(node, scope)
        except RewriteRefused:
            return set()
        if origins and all(o.table == LITERAL for o in origins):
            return {o.column for o in origins}
        return set()

    def _set_operation(self, node: exp.Expr, scope: Scope) -> None:
        """INTERSECT, EXCEPT and UNION (distinct) compare their branches row by row, like ``=``."""
        branches = leaf_selects(node)
        width = min(len(b.selects) for b in branches)
        for i in range(width):
            literal = any(self._literal_kinds(b.selects[i], self.tracer.scopes.get(id(b), scope)) for b in branches)
            exposed = [o for b in branches
                       for o in self.tracer.sensitive(self.tracer.origins(b.selects[i],
                                                                          self.tracer.scopes.get(id(b), scope)))]
            if literal and exposed:
                raise RewriteRefused(
                    f"a literal row is compared with sensitive column {exposed[0].qualified} by "
                    f"{node.key.upper()}", where=f"policy rewrite.filter_literals: {self.mode}",
                    fix="compare with a column, or set filter_literals to allow")

    def _one(self, node: exp.Expr, ops: list[exp.Expr], scope: Scope) -> None:
        self.scope = scope
        kinds = [self._literal_kinds(o, scope) for o in ops]
        if not any(kinds):
            return
        exposed_by: list[tuple[exp.Expr, list[Origin]]] = []
        for o, k in zip(ops, kinds, strict=True):
            if not k or not is_literal_operand(o):
                try:
                    sens = self.tracer.sensitive(self.tracer.origins(o, scope))
                except RewriteRefused:  # cannot tell what it reads: treat it as sensitive (fail closed)
                    sens = [Origin("(untraced)", "expression", "derived")]
                if not sens and isinstance(o, exp.Dot) and o.find(exp.Column) is None:
                    # a method call's receiver (c.email.contains('a')): names the analysis left unresolved
                    sens = [Origin("(untraced)", "expression", "derived")]
                if sens:
                    exposed_by.append((o, sens))
        # a literal beside a sensitive operand: another operand carries a literal, or the sensitive one does and
        # another operand is sensitive too
        literal_ops = [o for o, k in zip(ops, kinds, strict=True) if k]
        exposed_ids = {id(o) for o, _ in exposed_by}
        if not any(id(o) not in exposed_ids for o in literal_ops) and len(exposed_by) < 2:
            return
        if not exposed_by:
            return
        text_literal = any("string" in k for k in kinds)
        if (not text_literal and all(o.path == MEASURE for _, sens in exposed_by for o in sens)
                and not self._pinned_date_fields(node, exposed_by, scope)):
            return  # e.g. length(ssn) = 11: a number compared with a measure, never with a value's transformation
        column = exposed_by[0][1][0].qualified
        construct = _construct(node, self.dialect)
        routed = not any(written_literals(o) for o in literal_ops)  # it reached the comparison through a relation
        construct += f", carried by {ROUTED}" if routed else ""
        if self.mode == "refuse":
            raise RewriteRefused(
                f"a literal is compared with sensitive column {column} in {construct}",
                where="policy rewrite.filter_literals: refuse",
                fix=("compute that column from columns only, or " if routed else "")
                + "compare with a column or a bound parameter, or set filter_literals to tokenize (hmac/hash "
                  "columns) or allow")
        self._tokenize(node, ops, exposed_by, column, construct)

    def _pinned_date_fields(self, node: exp.Expr, exposed_by: list[tuple[exp.Expr, list[Origin]]],
                            scope: Scope) -> bool:
        """Record how ``node`` bounds date fields of sensitive columns; True once a column has more than
        :data:`MAX_PINNED_DATE_FIELDS` fields pinned in this query (their numbers together are its value).

        A field is pinned by ``=``, ``IN``, ``BETWEEN``, or by a lower and an upper bound in the same query.
        Fields compared with anything else (``<>``, arithmetic on them) are left to the measure rule.
        """
        for operand, _ in exposed_by:
            for fn in operand.find_all(exp.Func):
                field = date_field(fn)
                if field is None:
                    continue
                try:
                    origins = self.tracer.sensitive(self.tracer.origins(fn, scope))
                except RewriteRefused:
                    origins = [Origin("(untraced)", "expression", MEASURE)]
                bound = _bound(node, operand)
                for origin in origins:
                    if bound:
                        self.date_bounds.setdefault((origin.table, origin.column), {}).setdefault(
                            field, set()).add(bound)
        return any(sum(1 for kinds in fields.values() if "pin" in kinds or {"lower", "upper"} <= kinds)
                   > MAX_PINNED_DATE_FIELDS for fields in self.date_bounds.values())

    def _tokenize(self, node: exp.Expr, ops: list[exp.Expr],
                  exposed_by: list[tuple[exp.Expr, list[Origin]]], column: str, construct: str) -> None:
        def refuse(reason: str) -> RewriteRefused:
            return RewriteRefused(f"cannot tokenize the literal compared with sensitive column {column} in "
                                  f"{construct}: {reason}", where="policy rewrite.filter_literals: tokenize",
                                  fix="filter on an hmac- or hash-masked column with = or IN, or set "
                                      "filter_literals to allow")

        if not isinstance(node, TOKENIZABLE_PREDICATES) or len(exposed_by) != 1:
            raise refuse("only =, <>, IN and IS [NOT] DISTINCT FROM can be compared as tokens")
        side, _ = exposed_by[0]
        if isinstance(node, exp.In) and node.this is not side:
            raise refuse("only column IN (literals) can be compared as tokens")
        origin = bare_origin(side, self.scope)
        spec = self.sensitivity.method_of(origin) if origin else None
        if origin is None or spec is None:
            raise refuse("the column must be compared as it is, not through a function or expression")
        token_of = METHODS[spec.name].literal_token  # declared by the method (maskline.methods)
        if token_of is None:
            raise refuse(f"method {spec.name!r} is not a keyed deterministic pseudonym "
                         f"({' or '.join(tokenizing_methods())})")
        literal_ops = [o for o in ops if o is not side]
        self.tokens += len(literal_ops)
        if self.tokens > MAX_IN_LITERALS:  # OR-ed equalities test as many guesses as one long IN list
            raise refuse(f"a query may compare at most {MAX_IN_LITERALS} literals with tokenized columns "
                         "(IN lists and equalities together)")
        texts = [literal_text(o) for o in literal_ops]
        if any(t is None for t in texts):
            raise refuse("the other side is an expression, not a plain literal")
        # The column's tokens are of each value's canonical text (17.50 and 17.5 are one DECIMAL value).
        canonical = [canonical_literal(t or "", self.sensitivity.type_of(origin)) for t in texts]
        if any(c is None for c in canonical):
            raise refuse(f"a literal is not a value of the column's type ({self.sensitivity.type_of(origin)}), "
                         "or is a timestamp without a time zone, or is compared with a binary column")
        self.values += [(t, column) for t in {*(t or "" for t in texts), *(c or "" for c in canonical)}]
        key = self.key()
        for o, text in zip(literal_ops, canonical, strict=True):
            token = exp.Literal.string(token_of(key, text or "", spec.params, spec.derivation))
            token.meta[MASKED_META] = True
            o.replace(token)
        self.tokenized += 1


def _bound(node: exp.Expr, operand: exp.Expr) -> str | None:
    """How comparison ``node`` bounds its ``operand``: "pin", "lower", "upper", or None (no bound).

    >>> import sqlglot
    >>> q = sqlglot.parse_one("1980 < year(dob)")
    >>> _bound(q, q.expression), _bound(sqlglot.parse_one("a = 1"), exp.column("a"))
    ('lower', 'pin')
    """
    if isinstance(node, PINNING):
        return "pin"
    first = node.this is operand
    if isinstance(node, LOWER_IF_FIRST):
        return "lower" if first else "upper"
    if isinstance(node, UPPER_IF_FIRST):
        return "upper" if first else "lower"
    return None


def bare_origin(node: exp.Expr, scope: Scope) -> Origin | None:
    """The base column ``node`` is a bare reference to (through aliases, CTEs and subqueries), or None.

    >>> import sqlglot
    >>> from sqlglot.optimizer.qualify import qualify
    >>> from sqlglot.optimizer.scope import build_scope
    >>> q = qualify(sqlglot.parse_one("SELECT s.e FROM (SELECT email AS e, upper(email) AS u FROM t) AS s"),
    ...             schema={"t": {"email": "text"}})
    >>> root = build_scope(q)
    >>> bare_origin(q.selects[0].this, root)
    Origin(table='t', column='email', path='value')
    """
    while isinstance(node, exp.Paren):
        node = node.this
    if not isinstance(node, exp.Column) or node.is_star or not node.table:
        return None
    owner: Scope | None = scope
    source = None
    while owner is not None and source is None:
        source = owner.sources.get(node.table)
        owner = owner.parent
    if isinstance(source, exp.Table):
        return Origin(table_key(source), node.name.lower(), VALUE)
    if isinstance(source, Scope) and isinstance(source.expression, exp.Select):
        matches = [p for p in source.expression.selects if p.alias_or_name.lower() == node.name.lower()]
        if len(matches) == 1:
            inner = matches[0].this if isinstance(matches[0], exp.Alias) else matches[0]
            return bare_origin(inner, source)
    return None
