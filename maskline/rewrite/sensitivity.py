"""Which base columns a query reads are sensitive, and with which method: one plan per table.

The decision is :func:`maskline.plan.build_plan`'s, the same as for masking the
table itself: the policy's datasets first, then the classification (if given),
then ``unclassified: mask``; identities in ``unmask_for`` get raw values.

>>> import sqlglot
>>> from maskline.policy import load_policy
>>> pol = load_policy({"datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> s = Sensitivity.for_query(sqlglot.parse_one("SELECT * FROM t"), {"t": {"id": "int", "email": "text"}}, pol)
>>> s.is_sensitive("t", "email"), s.is_sensitive("t", "id"), s.column_type("t", "email")
(True, True, 'text')

``id`` is masked too: nobody vouched for it (no classification, no ``unclassified: pass``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlglot import exp

from maskline.classify.result import Classification
from maskline.errors import InputError
from maskline.methods.base import MethodSpec
from maskline.plan import ColumnPlan, Plan, build_plan
from maskline.policy import Policy
from maskline.rewrite.schema_source import Schema, columns_for
from maskline.rewrite.table_names import resolved_name, written_parts
from maskline.rewrite.trace import Origin, table_key


@dataclass
class Sensitivity:
    """The plans of the tables a query reads, looked up by the table name as the query writes it.

    >>> import sqlglot
    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> s = Sensitivity.for_query(sqlglot.parse_one("SELECT email FROM t"), {"t": {"email": "text"}}, pol)
    >>> email = Origin("t", "email", "value")
    >>> s.plan_of(email).name, s.method_of(email).name, s.info_type_of(email), s.type_of(email)  # type: ignore[union-attr]
    ('email', 'email', 'EMAIL', 'text')
    >>> print(s.plan_of(Origin("u", "email", "value")))  # a table the query does not read
    None
    """

    plans: dict[str, Plan] = field(default_factory=dict)  # by relation name (resolved_name), or schema name
    columns: dict[str, dict[str, ColumnPlan]] = field(default_factory=dict)  # by written name, then column
    names: dict[str, str] = field(default_factory=dict)  # written name -> the key of its plan

    @classmethod
    def for_query(cls, query: exp.Expr, schema: Schema, policy: Policy,
                  classification: Mapping[str, Classification] | None = None,
                  identities: Sequence[str] = (), default_schema: str | None = None,
                  views: frozenset[str] = frozenset(),
                  computed: Mapping[str, Collection[str]] | None = None,
                  home: tuple[str | None, str | None] | None = None) -> Sensitivity:
        """Build the plan of every base table ``query`` reads (CTE names that match no table are skipped).

        Tables, schema keys and policy datasets are matched as qualified names, unqualified ones being in
        ``default_schema`` (the connection's): ``hr.customers`` never gets the plan of ``customers``.

        ``views`` are the schema keys of relations that do not store their rows: a view reads its tables as
        they are, so a column of it the policy does not name is masked even under ``unclassified: pass``
        (the policy's rules for the tables below it cannot reach through it):

        >>> import sqlglot
        >>> from maskline.policy import load_policy
        >>> pol = load_policy({"unclassified": "pass"})
        >>> q, schema = sqlglot.parse_one("SELECT * FROM v"), {"v": {"contact": "text"}}
        >>> Sensitivity.for_query(q, schema, pol).is_sensitive("v", "contact")
        False
        >>> Sensitivity.for_query(q, schema, pol, views=frozenset({"v"})).is_sensitive("v", "contact")
        True

        ``computed`` maps schema keys to their generated columns (``GENERATED ALWAYS AS``): masked unless the
        policy names them, whatever ``unclassified`` says (:func:`maskline.plan.build_plan`):

        >>> Sensitivity.for_query(q, schema, pol, computed={"v": ("contact",)}).is_sensitive("v", "contact")
        True

        ``home`` is the connection's catalog and the schema its engine resolves unqualified names to: the plans are
        then keyed by each relation's one resolved name (:func:`~maskline.rewrite.table_names.resolved_name`),
        whatever spelling the query used; without it, by the schema's key.

        >>> s = Sensitivity.for_query(sqlglot.parse_one("SELECT * FROM v JOIN hr.v ON true"),
        ...                           {"v": {"a": "text"}, "hr.v": {"b": "text"}}, pol, home=("shop", "main"))
        >>> sorted(s.plans), s.names["v"], s.names["hr.v"]
        (['shop.hr.v', 'shop.main.v'], 'shop.main.v', 'shop.hr.v')
        """
        out = cls()
        for table in query.find_all(exp.Table):
            if isinstance(table.this, exp.Func) or not table.name:
                continue
            written = table_key(table)
            if written in out.columns:
                continue
            try:
                name, cols = columns_for(table, schema, default_schema)
            except InputError:
                continue  # a CTE, not a table
            relation = resolved_name(written_parts(table), *home) if home else name
            if relation not in out.plans:
                decided_by = replace(policy, unclassified="mask") if name in views else policy
                out.plans[relation] = build_plan(decided_by, name, cols, (classification or {}).get(name),
                                                 identities, default_schema=default_schema,
                                                 computed=(computed or {}).get(name, ()))
            out.names[written] = relation
            out.columns[written] = {c.name.lower(): c for c in out.plans[relation].columns}
        return out

    def relation_of(self, table: exp.Table) -> Plan | None:
        """The plan of a table of the query, by its written name; None for a table the query does not read.

        >>> import sqlglot
        >>> from maskline.policy import load_policy
        >>> s = Sensitivity.for_query(sqlglot.parse_one("SELECT * FROM t"), {"t": {"e": "text"}}, load_policy({}),
        ...                           home=("shop", "main"))
        >>> s.relation_of(exp.to_table("t")).table, s.relation_of(exp.to_table("u"))  # type: ignore[union-attr]
        ('t', None)
        """
        name = self.names.get(table_key(table))
        return self.plans.get(name) if name is not None else None

    def source_name(self, o: Origin) -> str:
        """``relation.column`` of an origin, the relation named as the plans are keyed (its written name when the
        query reads no such table: a literal, an untraced expression).

        >>> Sensitivity(names={"t": "shop.main.t"}).source_name(Origin("t", "email", "value"))
        'shop.main.t.email'
        """
        return f"{self.names.get(o.table, o.table)}.{o.column}"

    def plan_of(self, o: Origin) -> ColumnPlan | None:
        return self.columns.get(o.table, {}).get(o.column.lower())

    def method_of(self, o: Origin) -> MethodSpec | None:
        p = self.plan_of(o)
        return p.method if p else None

    def info_type_of(self, o: Origin) -> str | None:
        p = self.plan_of(o)
        return p.info_type if p else None

    def type_of(self, o: Origin) -> str | None:
        p = self.plan_of(o)
        return p.source_type if p else None

    def is_sensitive(self, table: str, column: str) -> bool:
        return self.method_of(Origin(table, column, "value")) is not None

    def column_type(self, table: str, column: str) -> str | None:
        return self.type_of(Origin(table, column, "value"))
