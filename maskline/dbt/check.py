"""``maskline dbt check``: prove from ``manifest.json`` that no sensitive column reaches a model or snapshot unmasked.

A column is sensitive when schema.yml says so (``meta: {maskline: {...}}`` on a
source, seed, snapshot or model column: an ``info_type`` is a classification,
a ``method`` a declaration). Each model's compiled SQL is traced with sqlglot's
column lineage; an output column derived from a sensitive column passes only if
the maskline macros produced it (they mark their SQL with ``/* maskline:<method> */``).
Anything that cannot be traced fails closed, and so does a policy that does not
resolve (unknown info type, method or parameter).

>>> manifest = {"metadata": {"adapter_type": "duckdb"}, "sources": {}, "nodes": {
...   "seed.p.raw": {"resource_type": "seed", "schema": "main", "name": "raw", "alias": "raw",
...                  "columns": {"email": {"name": "email", "meta": {"maskline": {"info_type": "EMAIL"}}}}},
...   "model.p.leak": {"resource_type": "model", "schema": "main", "name": "leak", "alias": "leak", "columns": {},
...                    "depends_on": {"nodes": ["seed.p.raw"]},
...                    "compiled_code": "select id, email from main.raw"}}}
>>> [f.render() for f in check_manifest(manifest)]
['model.p.leak: column email carries raw seed.p.raw.email (EMAIL). Fix: mask it with maskline.mask(...) or select maskline.masked_columns(ref(...)), or drop it']
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.dbt.meta import column_meta, read_column_meta
from maskline.errors import InputError, MasklineError

MARKER = "maskline:"


def _dialect_of(adapter_type: str) -> str | None:
    """maskline's dialect for a dbt adapter type (the engine adapters' names); None when unknown.

    >>> _dialect_of("redshift"), _dialect_of("athena"), _dialect_of("nosuch")
    ('postgres', 'trino', None)
    """
    from maskline.adapters import engine
    from maskline.errors import UnsupportedDialectError

    try:
        return engine(adapter_type).name
    except UnsupportedDialectError:
        return None


@dataclass(frozen=True)
class Finding:
    """One reason the check fails: where (node, column), what, and the fix. Never a data value."""

    kind: str  # "unmasked", "policy" or "untraceable"
    node: str
    column: str | None
    what: str
    fix: str

    def render(self) -> str:
        where = f"{self.node}: column {self.column}" if self.column else self.node
        return f"{where} {self.what}. Fix: {self.fix}"


@dataclass(frozen=True)
class Sensitive:
    origin: str  # "<unique_id>.<column>"
    label: str  # info type, or the declared method


def resolve_column_policy(meta: Any, where: str, policy: Any = None) -> str:
    """Validate ``meta.maskline`` with the core's one meta reader; return the column's label (info type or method).

    >>> resolve_column_policy({"info_type": "EMAIL"}, "m.email")
    'EMAIL'
    >>> resolve_column_policy({"method": "hmca"}, "m.x")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: unknown masking method 'hmca' (at m.x.meta.maskline.method). Fix: did you mean 'hmac'?
    """
    return read_column_meta(meta, where, policy).label


def _relation_key(schema: str | None, name: str | None) -> tuple[str, str]:
    return ((schema or "").strip('"`').lower(), (name or "").strip('"`').lower())


def _nodes(manifest: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    yield from manifest.get("sources", {}).items()
    yield from manifest.get("nodes", {}).items()


def _has_marker(expression: Any) -> bool:
    from sqlglot import exp

    candidates = [expression]
    if isinstance(expression, exp.Alias):
        candidates.append(expression.this)
    return any(MARKER in c for e in candidates for c in (e.comments or []))


def _leaks(node: Any, masked: bool) -> Iterator[tuple[Any, str]]:
    """(table, column) leaves of a lineage tree reached on a path no maskline expression covers."""
    from sqlglot import exp

    masked = masked or _has_marker(node.expression)
    if isinstance(node.expression, exp.Table):
        if not masked:
            yield node.expression, node.name.split(".")[-1].strip('"`')
        return
    if isinstance(node.expression, exp.Placeholder) and not masked:
        yield None, node.name  # a column sqlglot could not resolve to a table: unknown, so not safe
    for child in node.downstream:
        yield from _leaks(child, masked)


TRACED = ("model", "snapshot")  # what writes a relation from SQL the project wrote (a snapshot too)


def _ephemeral(node: Mapping[str, Any]) -> bool:
    return node.get("resource_type") == "model" and (node.get("config") or {}).get("materialized") == "ephemeral"


def _upstream(nodes: Mapping[str, Any], parents: list[str]) -> list[str]:
    """The relations a node's compiled SQL reads: its parents, an ephemeral parent replaced by what it reads
    (dbt inlines an ephemeral model as a CTE, so its SQL is traced inside each model that uses it).

    >>> nodes = {"model.p.e": {"resource_type": "model", "config": {"materialized": "ephemeral"},
    ...                        "depends_on": {"nodes": ["seed.p.raw"]}}}
    >>> _upstream(nodes, ["model.p.e", "source.p.s.t"])
    ['seed.p.raw', 'source.p.s.t']
    """
    out: list[str] = []
    for p in parents:
        node = nodes.get(p) or {}
        for q in (_upstream(nodes, node.get("depends_on", {}).get("nodes", [])) if _ephemeral(node) else [p]):
            if q not in out:
                out.append(q)
    return out


def _order(manifest: Mapping[str, Any]) -> list[str]:
    """Models and snapshots in dependency order, so what one leaks is known before its children are traced.
    Ephemeral models are left out: they write nothing, and their SQL is traced where it is inlined."""
    nodes = manifest.get("nodes", {})
    seen: set[str] = set()
    out: list[str] = []

    def visit(uid: str) -> None:
        if uid in seen or uid not in nodes:
            return
        seen.add(uid)
        for parent in nodes[uid].get("depends_on", {}).get("nodes", []):
            visit(parent)
        if nodes[uid].get("resource_type") in TRACED and not _ephemeral(nodes[uid]):
            out.append(uid)

    for uid in sorted(nodes):
        visit(uid)
    return out


def _lineage(lineage: Any, column: str, sql: Any, schema: dict[str, Any], dialect: str | None) -> Any:
    """Column lineage with the known upstream columns; schema.yml rarely lists them all, so a failure to
    resolve against that partial schema is retried without one (enough when columns are qualified)."""
    if schema:
        try:
            return lineage(column, sql, schema, dialect=dialect)
        except Exception:  # noqa: BLE001 - retried below; a second failure is reported
            pass
    return lineage(column, sql, None, dialect=dialect)


def _all_lineages(lineage: Any, outputs: list[str], tree: Any, schema: dict[str, Any],
                  dialect: str | None) -> dict[str, Any]:
    """Every output's lineage from one qualify of the model (not one per column), by output name as written;
    empty when that fails, so each column is then traced, retried and reported on its own by :func:`_lineage`."""
    from sqlglot.optimizer.normalize_identifiers import normalize_identifiers

    if not outputs:
        return {}
    try:
        nodes = lineage(None, tree, schema or None, dialect=dialect)
    except Exception:  # noqa: BLE001 - the per-column fallback reports the failure
        return {}
    return {out: nodes[key] for out in outputs if (key := normalize_identifiers(out, dialect=dialect).name) in nodes}


def classified_columns(manifest: Mapping[str, Any], project_dir: str | Path, connect: str | None = None,
                       min_confidence: float = 0.6) -> dict[str, dict[str, Sensitive]]:
    """Columns the classifier finds sensitive in the seeds (and, with ``connect``, the sources), by node id.

    This is what lets the check catch a PII column nobody declared in schema.yml.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "seeds").mkdir()
    >>> _ = (d / "dbt_project.yml").write_text("name: p")
    >>> rows = "".join(f"{i},u{i}@example.com\\n" for i in range(20))
    >>> _ = (d / "seeds" / "people.csv").write_text("id,email\\n" + rows)
    >>> classified_columns({"nodes": {"seed.p.people": {"resource_type": "seed", "name": "people"}}}, d)
    {'seed.p.people': {'email': Sensitive(origin='seed.p.people.email', label='EMAIL, classified ...')}}
    """
    from maskline.dbt.suggest import suggest

    seeds = {n.get("name"): uid for uid, n in manifest.get("nodes", {}).items() if n.get("resource_type") == "seed"}
    sources = {f"{n.get('source_name')}.{n.get('name')}": uid for uid, n in manifest.get("sources", {}).items()}
    out: dict[str, dict[str, Sensitive]] = {}
    for s in suggest(project_dir, connect=connect, min_confidence=min_confidence, manifest=manifest):
        uid = seeds.get(s.table) if s.kind == "seeds" else sources.get(s.table)
        if uid:
            out.setdefault(uid, {})[s.column.lower()] = Sensitive(
                f"{uid}.{s.column}", f"{s.info_type}, classified {s.confidence:.2f}")
    return out


def policy_columns(manifest: Mapping[str, Any], policy: Any, scan: Any = None) -> dict[str, dict[str, Sensitive]]:
    """Columns of sources and seeds that the project's policy (``datasets:``) or its stored scan names sensitive.

    >>> from maskline.policy import load_policy
    >>> m = {"sources": {"source.p.shop.customers": {"schema": "raw", "name": "customers", "columns": {}}}}
    >>> policy_columns(m, load_policy({"datasets": {"raw.customers": {"columns": {"email": {"info_type": "EMAIL"}}}}}))
    {'source.p.shop.customers': {'email': Sensitive(origin='source.p.shop.customers.email', label='EMAIL')}}
    >>> policy_columns(m, load_policy({"datasets": {"raw.customers": {"columns": {"id": {"pass": True}}}}}))
    {}
    """
    out: dict[str, dict[str, Sensitive]] = {}
    for uid, node in _nodes(manifest):
        if node.get("resource_type", "source" if uid.startswith("source.") else None) not in ("source", "seed"):
            continue
        name = ".".join(p for p in (node.get("database"), node.get("schema"),
                                    node.get("identifier") or node.get("alias") or node.get("name")) if p)
        ds = policy.dataset(name)
        passed: set[str] = set()
        for col, cp in (ds.columns.items() if ds else ()):
            if cp.info_type is None and cp.method is None:  # {pass: true}: the policy says it is not sensitive
                passed.add(col.lower())
                continue
            out.setdefault(uid, {})[col.lower()] = Sensitive(f"{uid}.{col}", str(cp.info_type or cp.method.name))
        scanned = scan.for_table(name) if scan is not None else None  # the one lookup of a stored scan's entry
        for c in (scanned.columns if scanned is not None else ()):
            if c.name.lower() in passed:  # the policy's entry overrides the verdict, as in the core's plan
                continue
            if c.info_type and c.confidence >= policy.classify.min_confidence:
                out.setdefault(uid, {}).setdefault(c.name.lower(), Sensitive(
                    f"{uid}.{c.name}", f"{c.info_type}, stored scan {c.confidence:.2f}"))
    return out


def check_manifest(manifest: Mapping[str, Any], catalog: Mapping[str, Any] | None = None,
                   classified: Mapping[str, Mapping[str, Sensitive]] | None = None,
                   policy: Any = None) -> list[Finding]:
    """Every sensitive column that reaches a model or snapshot unmasked, and every policy that does not resolve.

    ``classified`` (see :func:`classified_columns` and :func:`policy_columns`) adds columns the classifier,
    the policy or its stored scan found sensitive; a column's schema.yml meta, where there is one, takes
    precedence. ``policy`` (the project's, named by ``vars.maskline_policy``) resolves meta info types
    and methods as the package does.
    """
    dialect = _dialect_of(str(manifest.get("metadata", {}).get("adapter_type")))
    findings: list[Finding] = []
    by_relation: dict[tuple[str, str], str] = {}
    columns: dict[str, dict[str, str]] = {}
    sensitive: dict[str, dict[str, Sensitive]] = {}
    declared: dict[str, set[str]] = {}
    for uid, node in _nodes(manifest):
        name = node.get("identifier") or node.get("alias") or node.get("name")
        by_relation[_relation_key(node.get("schema"), name)] = uid
        cols = {c.lower(): (spec.get("data_type") or "text") for c, spec in (node.get("columns") or {}).items()}
        cat = (catalog or {}).get("sources" if uid.startswith("source.") else "nodes", {}).get(uid)
        if cat:
            cols.update({c.lower(): (v.get("type") or "text").lower() for c, v in cat.get("columns", {}).items()})
        columns[uid] = cols
        for col, spec in (node.get("columns") or {}).items():
            meta = column_meta(spec)
            if meta is None:
                continue
            try:
                label = resolve_column_policy(meta, f"{uid}.columns.{col}", policy)
            except MasklineError as e:
                findings.append(Finding("policy", uid, col, f"has a maskline policy that does not resolve: {e.what}",
                                        e.fix or "fix meta.maskline"))
                continue
            declared.setdefault(uid, set()).add(col.lower())
            if node.get("resource_type") != "model":
                sensitive.setdefault(uid, {})[col.lower()] = Sensitive(f"{uid}.{col}", label)
    for found_uid, found in (classified or {}).items():
        for found_col, found_hit in found.items():
            if found_col not in declared.get(found_uid, set()):
                sensitive.setdefault(found_uid, {})[found_col] = found_hit
    with _sqlglot_log_silenced():
        findings.extend(_trace_models(manifest, dialect, by_relation, columns, sensitive, declared))
    return findings


@contextmanager
def _sqlglot_log_silenced() -> Iterator[None]:
    """sqlglot logs warnings that quote the SQL it traces ("Unknown subquery scope: SELECT ..."), literals
    included; a compiled model can hold a value in a literal, and the check never prints one."""
    log = logging.getLogger("sqlglot")
    was = log.disabled
    log.disabled = True
    try:
        yield
    finally:
        log.disabled = was


def _trace_models(manifest: Mapping[str, Any], dialect: str | None, by_relation: Mapping[tuple[str, str], str],
                  columns: dict[str, dict[str, str]], sensitive: dict[str, dict[str, Sensitive]],
                  declared: Mapping[str, set[str]]) -> list[Finding]:
    """Trace every model and snapshot, parents first."""
    findings: list[Finding] = []
    nodes = manifest.get("nodes", {})
    for uid in _order(manifest):
        node = nodes[uid]
        parents = _upstream(nodes, node.get("depends_on", {}).get("nodes", []))
        reaching = {p for p in parents if sensitive.get(p)}
        # A snapshot's meta classifies what it holds (its children mask it), as a seed's does; a model's declares
        # that the model itself masks the column.
        own_declared = declared if node.get("resource_type") == "model" else {}
        if not reaching and not own_declared.get(uid):
            continue
        sql = node.get("compiled_code")
        if not sql:
            findings.append(Finding("untraceable", uid, None, "has no compiled SQL in manifest.json",
                                    "run `dbt compile` (or build) before `maskline dbt check`"))
            continue
        findings.extend(_trace_model(uid, node, sql, dialect, _parent_schema(manifest, parents, columns, sensitive),
                                     by_relation, columns, sensitive, own_declared))
    return findings


def _parent_schema(manifest: Mapping[str, Any], parents: list[str], columns: Mapping[str, Mapping[str, str]],
                   sensitive: Mapping[str, Mapping[str, Sensitive]]) -> dict[str, Any]:
    """The lineage schema of a model's parents: their documented columns and every column known sensitive, so
    that a ``select *`` expands to each sensitive column even where schema.yml documents only some of them."""
    nodes = manifest.get("nodes", {})
    schema: dict[str, Any] = {}
    for p in parents:
        pnode = nodes.get(p) or manifest.get("sources", {}).get(p, {})
        pname = pnode.get("identifier") or pnode.get("alias") or pnode.get("name")
        cols = {**{c: "text" for c in sensitive.get(p, {})}, **columns.get(p, {})}
        if pnode.get("schema") and pname and cols:
            schema.setdefault(pnode.get("database") or "", {}).setdefault(pnode["schema"], {})[pname] = cols
    return schema


def _has_star(tree: Any) -> bool:
    """Whether any branch of the model's outermost select list has a ``*`` or ``t.*``."""
    from sqlglot import exp

    branches, found = [tree], False
    while branches and not found:
        node = branches.pop()
        if isinstance(node, exp.SetOperation):
            branches.extend((node.left, node.right))
        elif isinstance(node, exp.Select):
            found = any(isinstance(s, exp.Star) or (isinstance(s, exp.Column) and isinstance(s.this, exp.Star))
                        for s in node.selects)
    return found


def _trace_model(uid: str, node: Mapping[str, Any], sql: str, dialect: str | None, schema: dict[str, Any],
                 by_relation: Mapping[tuple[str, str], str], columns: dict[str, dict[str, str]],
                 sensitive: dict[str, dict[str, Sensitive]], declared: Mapping[str, set[str]]) -> list[Finding]:
    """Trace one model's outputs to their sources; record what it leaks in ``sensitive`` for its children."""
    from sqlglot import exp, parse_one
    from sqlglot.lineage import lineage as sqlglot_lineage

    from maskline.dbt.this_relation import own_columns, reads_relation, settle

    # trim_selects=False: by default each lineage node keeps, as its `source`, a copy of its SELECT trimmed to
    # that one column, a deep copy of the whole SELECT per column per scope (most of a check's time on a model of
    # generated masking SQL). The check reads only a node's expression, name and downstream, which trimming does
    # not change.
    lineage: Any = functools.partial(sqlglot_lineage, trim_selects=False)

    findings: list[Finding] = []
    untraceable_fix = "simplify the SQL, or mask the sensitive columns in an upstream model"
    leak_fix = ("snapshot a model that masks it (relation: ref('<a masked model>')), or mask it in the snapshot's "
                "select with maskline.mask(...) or maskline.masked_columns(ref(...))"
                if node.get("resource_type") == "snapshot" else
                "mask it with maskline.mask(...) or select maskline.masked_columns(ref(...)), or drop it")
    try:
        tree = parse_one(sql, read=dialect)
    except Exception as e:  # noqa: BLE001 - anything unparsable fails closed
        return [Finding("untraceable", uid, None,
                        f"cannot be traced ({type(e).__name__}), so its columns are treated as unmasked",
                        untraceable_fix)]
    own_name = node.get("identifier") or node.get("alias") or node.get("name")
    if reads_relation(tree, _relation_key(node.get("schema"), own_name)):  # {{ this }}: an incremental filter
        own = own_columns(tree, columns.get(uid, {}))
        if own and node.get("schema") and own_name:
            schema.setdefault(node.get("database") or "", {}).setdefault(node["schema"], {})[own_name] = own
    outputs = list(tree.named_selects) if isinstance(tree, exp.Query) else []
    if _has_star(tree):
        # Outputs come from the star's expansion, which needs the columns of what it reads: known sensitive
        # columns are always in the schema, so none escapes it; an expansion that fails or stays a star fails.
        try:
            traced = dict(lineage(None, tree, schema, dialect=dialect)) if schema else {}
        except Exception:  # noqa: BLE001 - reported below, from structure
            traced = {}
        if not traced or "*" in traced:
            return [Finding("untraceable", uid, None, "cannot be traced (a select * over tables with unknown "
                            "columns), so its columns are treated as unmasked",
                            "list the columns, document the upstream tables' columns in schema.yml (or run "
                            "`dbt docs generate` for catalog.json), or select maskline.masked_columns(ref(...))")]
        outputs = list(traced)
    else:
        traced = _all_lineages(lineage, outputs, tree, schema, dialect)
    base: dict[str, list[Sensitive]] = {}
    reads: dict[str, set[str]] = {}
    masked_roots: set[str] = set()
    for out in outputs:
        try:
            root = traced.get(out) or _lineage(lineage, out, tree, schema, dialect)
        except Exception as e:  # noqa: BLE001
            findings.append(Finding("untraceable", uid, out, f"cannot be traced ({type(e).__name__})",
                                    "qualify its columns with table aliases, or document every column of the "
                                    "upstream tables in schema.yml (or run `dbt docs generate` for catalog.json)"))
            continue
        if _has_marker(root.expression):
            masked_roots.add(out.lower())
        hits = base.setdefault(out.lower(), [])
        unresolved = False
        for table, col in _leaks(root, False):
            if table is None:
                unresolved = True
                continue
            parent = by_relation.get(_relation_key(table.db, table.name))
            if parent == uid:  # {{ this }}: what the model itself wrote in that column
                reads.setdefault(out.lower(), set()).add(col.lower())
                continue
            hit = sensitive.get(parent or "", {}).get(col.lower())
            if hit:
                hits.append(hit)
        if unresolved and not hits:
            findings.append(Finding("untraceable", uid, out, "derives from a column that cannot be resolved to a "
                                    "table, next to sensitive inputs", "qualify the column with its table alias"))
    settled = settle(base, reads)
    for out in outputs:
        if out.lower() not in base:
            continue  # untraceable, reported above
        for read in sorted(reads.get(out.lower(), set()) - set(base)):
            findings.append(Finding("untraceable", uid, out, f"reads column {read} of the model's own relation "
                                    "({{ this }}), which the model does not output, so what it holds is unknown",
                                    "read from {{ this }} only columns the model outputs"))
        hits = settled[out.lower()]
        for hit in hits:
            findings.append(Finding("unmasked", uid, out, f"carries raw {hit.origin} ({hit.label})", leak_fix))
        columns.setdefault(uid, {}).setdefault(out.lower(), "text")  # a child's select * expands to it
        if hits:
            sensitive.setdefault(uid, {})[out.lower()] = hits[0]
        elif out.lower() in declared.get(uid, set()) and out.lower() not in masked_roots:
            findings.append(Finding("unmasked", uid, out, "is declared sensitive in schema.yml but not masked",
                                    "mask it with maskline.mask(...) or maskline.masked_columns(...)"))
    return findings


def project_policy(project_dir: str | Path, manifest: Mapping[str, Any]) -> tuple[Any, dict[str, dict[str, Sensitive]]]:
    """The policy that ``vars.maskline_policy`` names (None without one) and the source and seed columns it and
    its stored scan name sensitive (see :func:`policy_columns`).

    >>> project_policy("/nonexistent", {})
    (None, {})
    """
    from maskline.dbt.sync import project

    try:
        synced = project(project_dir)
    except MasklineError:
        return None, {}  # no dbt_project.yml or no vars.maskline_policy: column meta alone
    if not synced.policy_path.is_file():
        return None, {}  # reported by stale_reason
    from maskline.classify.stored import load_scan
    from maskline.policy import load_policy

    policy = load_policy(synced.policy_path)
    scan = load_scan(synced.scan_path, policy) if synced.scan_path.is_file() else None
    return policy, policy_columns(manifest, policy, scan)


def check_project(project_dir: str | Path = ".", target_path: str = "target", *, classify: bool = False,
                  connect: str | None = None) -> list[Finding]:
    """Read ``<project>/target/manifest.json`` (and ``catalog.json`` if present) and check it.

    With ``classify`` (or ``connect``, a URI to classify the sources through), undeclared columns the
    classifier finds sensitive count too.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "target").mkdir()
    >>> _ = (d / "dbt_project.yml").write_text("name: p\\nvars: {maskline_policy: policy.yml}")
    >>> _ = (d / "target" / "manifest.json").write_text('{"nodes": {}, "sources": {}, "macros": {}}')
    >>> [(f.kind, f.what) for f in check_project(d)]  # the build used no synced copy of the policy
    [('policy', 'vars.maskline_policy: vars.maskline_policy names policy.yml, but the build used no synced ...')]
    """
    root = Path(project_dir)
    manifest_path = root / target_path / "manifest.json"
    if not manifest_path.is_file():
        raise InputError("no manifest.json", where=str(manifest_path),
                         fix="run `dbt compile` or `dbt build` in the project first")
    manifest = _read_json(manifest_path, "re-run `dbt compile`")
    catalog_path = root / target_path / "catalog.json"
    catalog = _read_json(catalog_path, "re-run `dbt docs generate`, or delete it") if catalog_path.is_file() else None
    catalog = _with_seed_headers(manifest, catalog, root)
    classified = dict(classified_columns(manifest, root, connect)) if (classify or connect) else {}
    findings: list[Finding] = []
    from maskline.dbt.sync import SYNC, VAR, stale_reason

    reason = stale_reason(root, manifest)
    if reason is not None:
        findings.append(Finding("policy", str(root / "dbt_project.yml"), None,
                                f"vars.{VAR}: {reason}, so the build may have masked by an older policy", SYNC))
    policy, found = project_policy(root, manifest)
    for uid, cols in found.items():
        for col, hit in cols.items():
            classified.setdefault(uid, {}).setdefault(col, hit)  # type: ignore[attr-defined]
    return findings + check_manifest(manifest, catalog, classified or None, policy)


def _with_seed_headers(manifest: Mapping[str, Any], catalog: Mapping[str, Any] | None,
                       root: Path) -> dict[str, Any]:
    """``catalog`` with each seed it lacks described by its CSV header: every column of a seed is then known, so
    a ``select *`` or a CTE over it is traced column by column even where schema.yml documents only some."""
    import csv

    out: dict[str, Any] = {k: dict(v) if isinstance(v, Mapping) else v for k, v in (catalog or {}).items()}
    nodes = out.setdefault("nodes", {})
    for uid, node in manifest.get("nodes", {}).items():
        if node.get("resource_type") != "seed" or uid in nodes or not node.get("original_file_path"):
            continue
        path = Path(node.get("root_path") or root) / node["original_file_path"]
        try:
            with path.open(newline="", encoding="utf-8-sig") as f:
                header = next(csv.reader(f, delimiter=(node.get("config") or {}).get("delimiter") or ","), [])
        except (OSError, UnicodeDecodeError, csv.Error):
            continue  # the seed's documented columns still count
        nodes[uid] = {"columns": {c.strip(): {"type": "text"} for c in header if c.strip()}}
    return out


def _read_json(path: Path, fix: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"unreadable {path.name} ({type(e).__name__})", where=str(path), fix=fix) from None
