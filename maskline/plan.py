"""A masking plan: for each column of a table, its info type and the method (or none).

The plan is where the policy, the classification and the table's real columns
meet; everything downstream (SQL, dbt, lineage) reads the plan.

>>> from maskline.policy import load_policy
>>> pol = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> plan = build_plan(pol, "customers", [("id", "integer"), ("email", "varchar")])
>>> [(c.name, c.method.name if c.method else None) for c in plan.columns]  # nothing vouched for id
[('id', 'redact'), ('email', 'email')]
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from maskline.classify.decision import decide_unnamed
from maskline.classify.result import Classification
from maskline.errors import PolicyError, did_you_mean
from maskline.methods.base import MethodSpec
from maskline.methods.registry import method_spec
from maskline.methods.structure import (
    has_engine_text,
    keeps_structure,
    keyed_without_one_text,
    refusal_message,
    shown_type,
)
from maskline.policy import Policy

# Why a generated column the policy does not name is masked (rule text, shown by --explain and describe_table).
# Why a column a scan let pass is masked once a column that scan judged is gone from the table.
RESHAPED_RULE = ("unclassified: mask (a column the table's scan judged is gone or moved: renamed or dropped since? "
                 "scan again)")
GENERATED_RULE = "unclassified: mask (generated: computed from other columns; name it in the policy to decide it)"


@dataclass(frozen=True)
class ColumnPlan:
    """What happens to one column, and why (``rule``: the policy key path or the classifier)."""

    name: str
    info_type: str | None
    category: str | None
    method: MethodSpec | None
    rule: str
    source_type: str | None = None
    confidence: float | None = None
    shape: str | None = None  # passed by the classifier for this shape of its values: held on every row

    @property
    def masked(self) -> bool:
        """Whether the column gets a method (a passed column has none).

        >>> from maskline.policy import load_policy
        >>> [c.masked for c in build_plan(load_policy({"unclassified": "pass"}), "t", [("n", "int")]).columns]
        [False]
        """
        return self.method is not None


@dataclass(frozen=True)
class Plan:
    table: str
    columns: tuple[ColumnPlan, ...]
    policy_hash: str
    policy_source: str

    @property
    def masked(self) -> tuple[ColumnPlan, ...]:
        """The columns that get a method, in column order.

        >>> from maskline.policy import load_policy
        >>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
        >>> [c.name for c in build_plan(pol, "t", [("email", "text"), ("n", "int")]).masked]
        ['email']
        """
        return tuple(c for c in self.columns if c.masked)

    @property
    def keyed(self) -> bool:
        """Whether a masked column's method reads the key (then the key must resolve before anything runs).

        >>> from maskline.policy import load_policy
        >>> pol = load_policy({"datasets": {"t": {"columns": {"ssn": {"info_type": "US_SSN", "method": "hmac"}}}}})
        >>> build_plan(pol, "t", [("ssn", "text")]).keyed
        True
        >>> build_plan(load_policy({}), "t", [("n", "int")]).keyed  # redact reads no key
        False
        """
        return bool(self.keyed_methods())

    def keyed_methods(self) -> list[str]:
        """The plan's methods that read the key, sorted: what a missing-key error names.

        >>> from maskline.policy import load_policy
        >>> pol = load_policy({"datasets": {"t": {"columns": {"e": {"method": "email"}, "u": {"method": "hmac"}}}}})
        >>> build_plan(pol, "t", [("e", "text"), ("u", "text")]).keyed_methods()
        ['hmac']
        """
        from maskline.methods.registry import METHODS

        return sorted({c.method.name for c in self.columns if c.method is not None and METHODS[c.method.name].keyed})


def _refuse_other_schemas_entry(policy: Policy, entry: str, table: str, default_schema: str) -> None:
    """Refuse to describe ``table`` by an entry that names another schema's table of the same name.

    An unqualified entry (``customers``) is the default schema's table: on a connection, the schema its
    unqualified names resolve to (the session's current schema), so a module working in a schema of its own
    (``search_path`` set to it, dbt's dev schemas beside prod) describes its tables without qualifying entries.
    Taking it for ``hr.customers`` would apply its choices, ``pass: true`` columns included, to a table nobody
    described; leaving the table without an entry would pass what the entry masks under ``unclassified: pass``.
    Neither is silent here. The session's schema is the role's, the database's or the DSN's setting, not the
    policy's author's: where it resolved the name to a view while the engine's own default schema (``public``,
    ``main``) holds a namesake, the safe query path refuses the read before any plan is built
    (``maskline.rewrite.api._refuse_moved_entries`` says why only that case is ambiguous).

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> _refuse_other_schemas_entry(pol, "customers", "main.customers", "main")
    >>> _refuse_other_schemas_entry(pol, "customers", "hr.customers", "main")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: policy entry 'customers' names the table of the default schema main, not hr.customers (at <dict>: datasets["customers"]). Fix: add an entry datasets["hr.customers"] (and name the other one "main.customers" to be explicit)
    """
    from maskline.rewrite.table_names import name_parts, same_table, stored_part

    if same_table(entry, table, default_schema):
        return
    default = stored_part(name_parts(default_schema)[-1])  # as an entry would write it ("Sales" quoted)
    raise PolicyError(f"policy entry {entry!r} names the table of the default schema {default}, not {table}",
                      where=f'{policy.source}: datasets["{entry}"]',
                      fix=f'add an entry datasets["{table}"] (and name the other one '
                          f'"{default}.{name_parts(entry)[-1]}" to be explicit)')


def _refuse_structure_kept(policy: Policy, table: str, column: str, sql_type: str | None, method: MethodSpec,
                           where: str) -> None:
    """Refuse a policy's method that would keep part of a structured column's text
    (:func:`maskline.methods.structure.keeps_structure`), or hash each engine's own text of it
    (:func:`maskline.methods.structure.keyed_without_one_text`).

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"t": {"columns": {"e": {"method": "email"}}}}})
    >>> _refuse_structure_kept(pol, "t", "e", "text", pol.datasets["t"].columns["e"].method, "columns.e")
    >>> _refuse_structure_kept(pol, "t", "e", "varchar[]", pol.datasets["t"].columns["e"].method, "columns.e")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: column t.e has type varchar[], whose text form has structure the method email would keep in part (brackets, keys, separators, whole elements) (at <dict>: columns.e). Fix: mask t.e with a method whose output keeps nothing of the value (redact, null), or unnest it or cast the field you need to text in a staging model and mask that column
    >>> pol = load_policy({"datasets": {"t": {"columns": {"j": {"method": "hmac"}}}}})
    >>> _refuse_structure_kept(pol, "t", "j", "jsonb", pol.datasets["t"].columns["j"].method, "columns.j")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: column t.j has type jsonb, which has no one text on every engine, so the keyed method hmac would give one value a different token on DuckDB, PostgreSQL and Trino (at <dict>: columns.j). Fix: mask t.j with redact or null, or cast it (or the field you need) to text in a staging model and mask that column: text is hashed as written, on every engine
    """
    from maskline.errors import shown_name

    message = refusal_message(method.name, sql_type, shown_name(*table.split("."), column))
    if message is not None:
        raise PolicyError(message[0], where=f"{policy.source}: {where}", fix=message[1])


def build_plan(
    policy: Policy,
    table: str,
    columns: Sequence[tuple[str, str | None]],
    classification: Classification | None = None,
    identities: Sequence[str] = (),
    *,
    default_schema: str | None = None,
    computed: Collection[str] = (),
) -> Plan:
    """Decide the method of every column of ``table``, failing closed on policy errors.

    ``columns`` are the table's real ``(name, sql_type)`` pairs. A column the
    policy names but the table lacks is an error (a renamed column would
    otherwise pass unmasked). Identities listed in ``unmask_for`` get raw values.
    Columns the policy does not name are decided by
    :func:`maskline.classify.decision.decide_unnamed`: masked unless the
    classification is confident they hold nothing sensitive, or the policy says
    ``unclassified: pass``. With ``default_schema`` (the connection's), an unqualified
    ``table`` is that schema's table when the policy's datasets are looked up
    (:meth:`maskline.policy.Policy.dataset`), and an entry naming the default schema's
    table (``customers``) is not silently taken for another schema's (``hr.customers``).
    ``computed`` names the columns the engine computes from the row (``GENERATED ALWAYS AS``): one the policy
    does not name is masked whatever ``unclassified`` or a scan says, since ``lower(email)`` or ``md5(email)``
    is the sensitive column again, and a scan of its values (hex digits, numbers) cannot tell.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> plan = build_plan(pol, "t", [("email", "text"), ("notes", "text")])
    >>> [(c.name, c.method.name if c.method else None) for c in plan.columns]
    [('email', 'email'), ('notes', 'redact')]
    >>> open_pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> plan = build_plan(open_pol, "t", [("email", "text"), ("h", "text")], computed=("h",))
    >>> plan.columns[1].method.name, plan.columns[1].rule
    ('redact', 'unclassified: mask (generated: computed from other columns; name it in the policy to decide it)')

    A scan whose judged column is gone (renamed or dropped since) lets no column pass until the table is
    scanned again: a column it passed may now be another under that name.

    >>> from maskline.classify.result import Classification, ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> scan = Classification((ColumnClassification("qty", None, 0.9, None, shape=ValueShape("numeric")),
    ...                        ColumnClassification("ssn", "US_SSN", 0.95, "identifier")))
    >>> [c.method.name if c.method else None for c in build_plan(load_policy({}), "t", [("qty", "text")], scan).columns]
    ['redact']
    >>> [c.method for c in build_plan(load_policy({}), "t", [("qty", "text"), ("ssn", "text")], scan).columns][0]
    >>> build_plan(pol, "t", [("mail", "text")])
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: column 'email' is in the policy but not in table 't' (at <dict>: datasets["t"].columns.email). Fix: did you mean 'mail'? (or remove it from the policy)
    """
    ds = policy.dataset(table, default_schema)
    if ds is not None and default_schema is not None:
        _refuse_other_schemas_entry(policy, ds.name, table, default_schema)
    names = [c for c, _ in columns]
    lower = {c.lower(): c for c in names}
    if ds:
        for col, declared in ds.columns.items():
            if col.lower() not in lower:
                raise PolicyError(
                    f"column {col!r} is in the policy but not in table {table!r}",
                    where=f"{policy.source}: {declared.where}",
                    fix=did_you_mean(col, names) + " (or remove it from the policy)",
                )
    if identities and policy.allows_raw(tuple(identities)):
        return Plan(table, tuple(ColumnPlan(n, None, None, None, "unmask_for", t) for n, t in columns),
                    policy.fingerprint(), policy.source)
    by_policy = {c.lower(): cp for c, cp in ds.columns.items()} if ds else {}
    verdicts = classification.by_name() if classification else {}
    generated = {c.lower() for c in computed}
    # A column the scan judged is gone: dropped, or renamed, perhaps into the place of a column the scan let pass
    # (drop status; rename email to status). Its verdicts then describe a table that is no longer there: none of
    # them passes a column (those that mask still do) until the table is scanned again.
    reshaped = any(v.lower() not in lower for v in verdicts)
    if classification is not None and classification.meta.get("stored"):
        # A stored scan lists the columns in the table's order when it ran: two names swapped since (email and
        # status renamed into each other's place) keep every name but not that order.
        judged = {v.lower() for v in verdicts}
        reshaped = reshaped or [v.lower() for v in verdicts] != [n.lower() for n in names if n.lower() in judged]
    out: list[ColumnPlan] = []
    for name, sql_type in columns:
        cp = by_policy.get(name.lower())
        if cp is not None:
            method = cp.method or (policy.method_for(cp.info_type) if cp.info_type else None)
            found = verdicts.get(name)
            if method is not None and method.name == "scrub" and cp.info_type is None and found is not None \
                    and found.info_type and found.confidence >= policy.classify.min_confidence:
                # {method: scrub} without an info type, on a column the scan found holds identifiers: what
                # scrub does not recognise in it would pass raw (the same refusal as info_type + scrub at load).
                from maskline.policy import _Loader

                try:
                    _Loader(policy.source).scrub_fits(found.info_type, method, f"{cp.where}.method")
                except PolicyError as e:
                    raise PolicyError(f"column {table}.{name}: {e.what} (the scan found {found.info_type})",
                                      where=e.where, fix=f"{e.fix}, or give the column its info_type") from None
            if method is not None:
                _refuse_structure_kept(policy, table, name, sql_type, method, cp.where)
            category = policy.category_of(cp.info_type) if cp.info_type else None
            # {pass: <shape>} is the classifier's pass written into the policy: held to its shape on every row;
            # {pass: true} is a person's decision and passes as it is (held is None).
            held = cp.held if method is None else None
            out.append(ColumnPlan(name, cp.info_type, category, method, cp.where, sql_type, shape=held))
            continue
        if name.lower() in generated:  # a function of the row: no verdict on its values vouches for it
            out.append(ColumnPlan(name, None, None, method_spec("redact"), GENERATED_RULE, sql_type))
            continue
        verdict = verdicts.get(name)
        if reshaped and verdict is not None and not (verdict.info_type
                                                     and verdict.confidence >= policy.classify.min_confidence):
            out.append(ColumnPlan(name, None, None, method_spec("redact"), RESHAPED_RULE, sql_type))
            continue
        d = decide_unnamed(policy, name, verdict, table_scanned=classification is not None)
        method, rule = d.method, d.rule
        if method is not None and (keeps_structure(method.name, sql_type)
                                   or keyed_without_one_text(method.name, sql_type)):
            # Nobody chose this method for this column: the classifier's info type brought it. Refusing would stop
            # every run on a table with a list of e-mails; an opaque method that needs no key masks it whole, the
            # same on every engine (a keyed token of a structured value differs from engine to engine).
            why = "is each engine's own" if has_engine_text(sql_type) else "has structure"
            method, rule = method_spec("redact"), f"{d.rule}; redact: its {shown_type(sql_type or '')} text {why}"
        out.append(ColumnPlan(name, d.info_type, d.category, method, rule, sql_type, d.confidence, d.shape))
    return Plan(table, tuple(out), policy.fingerprint(), policy.source)
