"""What a dbt project's ``target/manifest.json`` says about masking, as maskline plans.

The dbt package declares masking in column ``meta`` (``meta: {maskline: {info_type: EMAIL}}``,
``{method: hmac}``, or a method name), on a model's own columns or on the
columns of the source/ref it reads through ``maskline.masked_columns``. dbt-ol
emits neither column meta nor column tags, so the event transformer reads the
manifest to add masking facets, field tags and masked column lineage.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from maskline.dbt.meta import column_meta, read_column_meta

MASKING_MACROS = ("macro.maskline.masked_columns",)
# Inline calls in a model's SQL: ``{{ maskline.mask('t.notes', 'scrub') }} as notes``. dynamic_mask masks
# for everyone but its unmask_roles, so its output is recorded as masked too.
INLINE_MACROS = {"mask": "macro.maskline.mask", "dynamic_mask": "macro.maskline.dynamic_mask"}
_INLINE_CALL = re.compile(r"""\{\{-?\s*maskline\.(mask|dynamic_mask)\((.*?)\)\s*-?\}\}\s*(?:as\s+)?["`]?(\w+)""",
                          re.IGNORECASE | re.DOTALL)
_NOT_PARAMS = ("unmask_for", "unmask_roles")
_ENV_VAR = re.compile(r"""\{\{\s*env_var\(\s*['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]*)['"]\s*)?\)\s*\}\}""")


def _argv_option(name: str, argv: list[str] | None = None) -> str | None:
    args = sys.argv if argv is None else argv
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def find_manifest(properties: Mapping[str, Any] | None = None, argv: list[str] | None = None) -> Path | None:
    """Where the manifest of the running dbt project is: ``manifest_path`` or ``project_dir`` properties,
    ``DBT_PROJECT_DIR``, ``--project-dir`` on the dbt-ol command line, else the working directory.

    >>> find_manifest({"manifest_path": "/nonexistent/manifest.json"}) is None
    True
    """
    props = properties or {}
    if props.get("manifest_path"):
        path = Path(str(props["manifest_path"]))
        return path if path.is_file() else None
    project = props.get("project_dir") or os.environ.get("DBT_PROJECT_DIR") or _argv_option("--project-dir", argv) \
        or "."
    target = os.environ.get("DBT_TARGET_PATH") or _argv_option("--target-path", argv) or "target"
    path = Path(str(project)) / target / "manifest.json"
    return path if path.is_file() else None


@dataclass(frozen=True)
class Manifest:
    """A loaded dbt manifest with lookups by unique id and by relation name.

    >>> m = Manifest({"metadata": {"project_name": "shop"},
    ...               "nodes": {"model.shop.customers": {"database": "dw", "schema": "mart", "name": "customers"}},
    ...               "sources": {"source.shop.raw.orders": {"schema": "raw", "identifier": "orders"}}}, "x.json")
    >>> m.project_name, m.node("model.shop.customers")["schema"], m.node("model.shop.nope"), len(list(m.nodes()))
    ('shop', 'mart', None, 2)
    >>> m.node_for_dataset('DW.mart."customers"')["name"], m.node_for_dataset("customers")  # one part is too few
    ('customers', None)
    >>> print(m.synced_policy)  # no `maskline dbt sync` compiled into this project
    None
    """

    data: Mapping[str, Any]
    path: str

    def node(self, unique_id: str | None) -> Mapping[str, Any] | None:
        if not unique_id:
            return None
        return self.data.get("nodes", {}).get(unique_id) or self.data.get("sources", {}).get(unique_id)

    def nodes(self) -> Iterable[Mapping[str, Any]]:
        yield from self.data.get("nodes", {}).values()
        yield from self.data.get("sources", {}).values()

    def node_for_dataset(self, name: str) -> Mapping[str, Any] | None:
        """The node whose ``database.schema.identifier`` ends like the dataset name (case-insensitive)."""
        wanted = [p.strip('"`').lower() for p in name.split(".")]
        best: tuple[int, Mapping[str, Any]] | None = None
        for node in self.nodes():
            ident = node.get("identifier") or node.get("alias") or node.get("name")
            parts = [str(p).lower() for p in (node.get("database"), node.get("schema"), ident) if p]
            n = min(len(parts), len(wanted))
            if n >= 2 and parts[-n:] == wanted[-n:] and (best is None or n > best[0]):
                best = (n, node)
        return best[1] if best else None

    @property
    def project_name(self) -> str:
        return str(self.data.get("metadata", {}).get("project_name") or "dbt")

    @cached_property
    def synced_policy(self) -> Mapping[str, Any] | None:
        """The project's policy as ``maskline dbt sync`` compiled it into the manifest's macros, or None."""
        from maskline.dbt.sync import synced_from_manifest

        return synced_from_manifest(self.data)


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> Manifest:
    with open(path, encoding="utf-8") as f:
        return Manifest(json.load(f), path)


@lru_cache(maxsize=16)
def _yaml(path: str, mtime: float) -> Any:
    import yaml

    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def load_yaml(path: str | Path) -> Any:
    """A YAML file's content, cached until the file changes (read for every dbt-ol event otherwise).

    Callers must not mutate the result: it is shared between calls.

    >>> load_yaml("/nonexistent.yml")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent.yml'
    """
    p = str(path)
    return _yaml(p, os.stat(p).st_mtime)


def load_manifest(path: str | Path) -> Manifest:
    """Load a manifest, cached until the file changes (the client may build a transformer per event).

    >>> load_manifest("/nonexistent.json")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent.json'
    """
    p = str(path)
    return _load(p, os.stat(p).st_mtime)


def inline_masks(node: Mapping[str, Any]) -> dict[str, tuple[str, dict[str, Any], str]]:
    """``{lower output name: (name, meta, where)}`` for each inline ``maskline.mask()`` /
    ``maskline.dynamic_mask()`` call in a model's SQL, read as the meta the dbt package would take.

    Only calls whose arguments are literals count (what the macros accept anyway).

    >>> node = {"unique_id": "model.p.q", "depends_on": {"macros": ["macro.maskline.mask"]},
    ...         "raw_code": "select {{ maskline.mask('t.notes', 'scrub') }} as notes,\\n"
    ...                     "  {{ maskline.mask('c.email', 'hmac', length=16, info_type='EMAIL') }} as email_token"}
    >>> inline_masks(node)["email_token"][1], inline_masks(node)["notes"][2]
    ({'method': {'method': 'hmac', 'length': 16}, 'info_type': 'EMAIL', 'source': 'c.email'}, 'model.p.q.raw_code: maskline.mask(t.notes)')
    """
    import ast

    macros = (node.get("depends_on") or {}).get("macros") or []
    if not any(m in macros for m in INLINE_MACROS.values()):
        return {}
    out: dict[str, tuple[str, dict[str, Any], str]] = {}
    for match in _INLINE_CALL.finditer(str(node.get("raw_code") or "")):
        macro, args, alias = match.group(1).lower(), match.group(2), match.group(3)
        try:
            call = ast.parse(f"f({args})", mode="eval").body
            assert isinstance(call, ast.Call)
            positional = [ast.literal_eval(a) for a in call.args]
            named = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
        except (SyntaxError, ValueError, AssertionError):
            continue  # not literals: dbt renders it, maskline cannot know the method statically
        column = positional[0] if positional else named.pop("column", None)
        method = positional[1] if len(positional) > 1 else named.pop("method", None)
        if not isinstance(column, str) or not isinstance(method, str):
            continue
        meta: dict[str, Any] = {"method": {"method": method, **{k: v for k, v in named.items()
                                                             if k not in _NOT_PARAMS and k != "info_type"}}}
        if named.get("info_type"):
            meta["info_type"] = named["info_type"]
        meta["source"] = column
        out[alias.lower()] = (alias, meta, f"{node.get('unique_id')}.raw_code: maskline.{macro}({column})")
    return out


def declared_columns(manifest: Manifest, node: Mapping[str, Any]) -> dict[str, tuple[str, Any, str]]:
    """``{lower name: (name, meta, where)}`` for every masked column of a model's output.

    Upstream columns count when the model masks through ``maskline.masked_columns``;
    the model's own column meta overrides them, as in the dbt package; an inline
    ``maskline.mask()`` call in the model's SQL decides its output column. Upstream
    columns nobody classified are redacted where the package redacts them
    (:func:`unclassified_redacted`); only columns the manifest or catalog lists for
    the parent count, so a column the model computes is never claimed masked.

    >>> node = {"unique_id": "model.p.q", "depends_on": {"macros": ["macro.maskline.mask"]},
    ...         "raw_code": "select id, {{ maskline.mask('c.email', 'hmac', info_type='EMAIL') }} as token"}
    >>> declared_columns(Manifest({}, "/x/target/manifest.json"), node)["token"][1]
    {'method': {'method': 'hmac'}, 'info_type': 'EMAIL', 'source': 'c.email'}
    """
    out: dict[str, tuple[str, Any, str]] = {}
    macros = (node.get("depends_on") or {}).get("macros") or []
    if any(m in macros for m in MASKING_MACROS):
        for parent_id in (node.get("depends_on") or {}).get("nodes") or []:
            parent = manifest.node(parent_id) or {}
            where = unclassified_redacted(manifest, parent, node)
            if where:
                for col in known_columns(manifest, parent):
                    out[col] = (col, {"method": {"method": "redact"}}, where)
            policy_columns = _policy_columns(manifest, parent)
            for col, item in policy_columns.items():
                if item is None:
                    out.pop(col, None)  # the stored scan's verdict passes it, before any unclassified rule
                else:
                    out[col] = item
            for name, col in (parent.get("columns") or {}).items():
                meta = column_meta(col)
                if meta is not None:
                    out[name.lower()] = (name, meta, f"{parent_id}.columns.{name}.meta.maskline")
    for name, col in (node.get("columns") or {}).items():
        meta = column_meta(col)
        if meta is not None:
            out[name.lower()] = (name, meta, f"{node.get('unique_id')}.columns.{name}.meta.maskline")
    out.update(inline_masks(node))
    return out


def known_columns(manifest: Manifest, node: Mapping[str, Any]) -> list[str]:
    """The lower-case columns the manifest or catalog knows ``node`` has: its catalog entry, declared columns
    and a seed's ``column_types``.

    >>> known_columns(Manifest({}, "/nonexistent/manifest.json"), {"columns": {"Email": {}},
    ...                                                            "config": {"column_types": {"id": "integer"}}})
    ['email', 'id']
    """
    names = list(column_types(manifest, node)) + [c.lower() for c in node.get("columns") or {}]
    names += [c.lower() for c in ((node.get("config") or {}).get("column_types") or {})]
    return list(dict.fromkeys(names))


def unclassified_redacted(manifest: Manifest, parent: Mapping[str, Any], node: Mapping[str, Any] | None = None) -> str | None:
    """Where the rule comes from when ``maskline.masked_columns`` in ``node`` redacts ``parent``'s columns nobody
    classified (as the dbt package decides), or None when it passes them.

    With a synced policy: its ``unclassified: mask``, or no stored verdicts on ``parent`` and no explicit
    ``unclassified:``, or stored verdicts on ``parent`` (under ``pass``, its columns the scan never saw). Without
    one, the rule the macros recorded in ``node``'s meta while dbt parsed it (``maskline_unclassified``:
    ``_record_unclassified`` in dbt_macros/macros/internal/column_policy.sql reads ``vars.maskline_unclassified``,
    so the var's rule lives there alone); ``mask`` when nothing was recorded (a package before the record), as the
    package's default.

    >>> unclassified_redacted(Manifest({}, "/nonexistent/target/manifest.json"), {})
    'dbt vars.maskline_unclassified (default mask: no synced policy, no meta)'
    >>> unclassified_redacted(Manifest({}, "/x/target/manifest.json"), {}, {"meta": {"maskline_unclassified": "pass"}})
    """
    from maskline.rewrite.table_names import best_entry

    synced = manifest.synced_policy
    if synced:
        ident = parent.get("identifier") or parent.get("alias") or parent.get("name")
        relation = ".".join(str(p) for p in (parent.get("database"), parent.get("schema"), ident) if p)
        scan_entry = best_entry(synced.get("scanned") or {}, relation, where="synced policy: scanned")
        vouched = synced.get("explicit") or scan_entry is not None
        if synced.get("unclassified") == "mask" or not vouched:
            return f"policy {synced['synced_from']['policy']}: unclassified columns are masked"
        if scan_entry is not None:  # `pass` covers what the scan judged; the scanned columns override this
            return f"policy {synced['synced_from']['policy']}: columns not in the stored scan are masked"
        return None
    recorded = recorded_unclassified(node)
    if recorded is None:
        return "dbt vars.maskline_unclassified (default mask: no synced policy, no meta)"
    return None if recorded == "pass" else "dbt vars.maskline_unclassified: mask"


UNCLASSIFIED = "maskline_unclassified"  # the meta key the macros write (column_policy.sql, _record_unclassified)


def recorded_unclassified(node: Mapping[str, Any] | None) -> str | None:
    """The rule (``mask`` or ``pass``) the macros recorded in a model's meta for its unclassified columns, or None.

    >>> recorded_unclassified({"config": {"meta": {"maskline_unclassified": "pass"}}}), recorded_unclassified({})
    ('pass', None)
    """
    for meta in ((node or {}).get("meta"), ((node or {}).get("config") or {}).get("meta")):
        rule = meta.get(UNCLASSIFIED) if isinstance(meta, Mapping) else None
        if rule in ("mask", "pass"):
            return str(rule)
    return None


def _policy_columns(manifest: Manifest, parent: Mapping[str, Any]) -> dict[str, tuple[str, Any, str] | None]:
    """``{lower name: (name, meta, where)}`` the synced policy masks in ``parent`` (its stored scan's verdicts,
    then its ``datasets:`` entry), as ``maskline.masked_columns`` applies them, None for a scanned column it
    passes; meta then overrides these."""
    from maskline.rewrite.table_names import best_entry

    synced = manifest.synced_policy
    if not synced:
        return {}
    ident = parent.get("identifier") or parent.get("alias") or parent.get("name")
    relation = ".".join(str(p) for p in (parent.get("database"), parent.get("schema"), ident) if p)
    out: dict[str, tuple[str, Any, str] | None] = {}
    for kind in ("scanned", "datasets"):
        entries = synced.get(kind) or {}
        name = best_entry(entries, relation, where=f"synced policy: {kind}")
        for col, e in (entries[name].items() if name is not None else ()):
            if e is None or e.get("method") is None:
                out[col] = None  # a scanned column the policy passes, or a policy entry {pass: true}
                continue
            meta = {"method": {"method": e["method"], **e["params"]}}
            if e.get("info_type"):
                meta["info_type"] = e["info_type"]
            out[col] = (e["name"], meta, f"policy {synced['synced_from']['policy']}: {e['where']}")
    return out


# dbt-ol options passed on to ``dbt docs generate`` so that it reads the same project, profile and target.
_DBT_OPTIONS = ("--project-dir", "--profiles-dir", "--profile", "--target", "--vars")
_GENERATED: dict[tuple[str, float], str | None] = {}


def generated_catalog(manifest: Manifest, argv: list[str] | None = None, timeout: float = 300) -> str | None:
    """The path of a ``catalog.json`` that ``dbt docs generate`` wrote, into a temporary target path, for
    the project and target of this dbt-ol run: the relations' real column types, read by the adapter
    after the build. Run once per manifest and process; None if dbt cannot (the types then fall back).
    """
    key = (manifest.path, os.stat(manifest.path).st_mtime)
    if key in _GENERATED:
        return _GENERATED[key]
    import subprocess
    import tempfile

    args = sys.argv if argv is None else argv
    dbt = Path(sys.executable).with_name("dbt")
    project_dir = str(Path(manifest.path).resolve().parent.parent)
    command = [str(dbt) if dbt.exists() else "dbt", "docs", "generate", "--project-dir", project_dir,
               "--target-path", tempfile.mkdtemp(prefix="maskline-dbt-catalog-"), "--quiet"]
    for option in _DBT_OPTIONS[1:]:
        value = _argv_option(option, args)
        if value is not None:
            command += [option, value]
    path: str | None = None
    try:
        # In this process's working directory, the one dbt-ol ran dbt in: a relative profile ``path`` (DuckDB
        # opens it against the working directory) and relative options such as ``--profiles-dir`` name the files
        # the build used only there, not in the project directory.
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        catalog = Path(command[command.index("--target-path") + 1]) / "catalog.json"
        path = str(catalog) if proc.returncode == 0 and catalog.is_file() else None
    except (OSError, subprocess.SubprocessError):
        path = None
    _GENERATED[key] = path
    return path


def column_types(manifest: Manifest, node: Mapping[str, Any] | None, *, generate: bool = False) -> dict[str, str]:
    """``{lower column: type}`` of a node: from the catalog (:func:`generated_catalog` when ``generate``,
    else ``catalog.json`` beside the manifest, what ``dbt docs generate`` wrote), else the columns'
    declared ``data_type``. Unknown ones are absent.

    >>> column_types(Manifest({}, "/nonexistent/manifest.json"), {"columns": {"id": {"data_type": "integer"}}})
    {'id': 'integer'}
    """
    if node is None:
        return {}
    out = {name.lower(): str(col["data_type"]) for name, col in (node.get("columns") or {}).items()
           if col.get("data_type")}
    fresh = generated_catalog(manifest) if generate else None
    catalog = Path(fresh) if fresh else Path(manifest.path).with_name("catalog.json")
    try:
        data = _catalog(str(catalog), os.stat(catalog).st_mtime)
    except OSError:
        return out
    entry = (data.get("nodes") or {}).get(node.get("unique_id")) or \
        (data.get("sources") or {}).get(node.get("unique_id")) or {}
    for name, col in (entry.get("columns") or {}).items():
        if col.get("type"):
            out[name.lower()] = str(col["type"])
    return out


# The columns dbt's snapshot materialization adds to the selected ones (dbt-core's SnapshotConfig
# ``snapshot_table_column_names``), each renamable through ``snapshot_meta_column_names``.
_SNAPSHOT_META = ("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to")


def snapshot_meta_columns(node: Mapping[str, Any] | None) -> list[str]:
    """The columns a dbt snapshot's table holds beside its select list, as the node's config names them: none
    for another kind of node. ``dbt_is_deleted`` only with ``hard_deletes: new_record``, the one setting under which
    dbt writes it. Read from the manifest, so a START (before the table exists) lists them too.

    >>> snapshot_meta_columns({"resource_type": "snapshot", "config": {"snapshot_meta_column_names": {"dbt_valid_to": "valid_until"}}})
    ['dbt_scd_id', 'dbt_updated_at', 'dbt_valid_from', 'valid_until']
    >>> snapshot_meta_columns({"resource_type": "snapshot", "config": {"hard_deletes": "new_record"}})[-1]
    'dbt_is_deleted'
    >>> snapshot_meta_columns({"resource_type": "model"})
    []
    """
    if node is None or node.get("resource_type") != "snapshot":
        return []
    config = node.get("config") or {}
    renamed = config.get("snapshot_meta_column_names") or {}
    kinds = _SNAPSHOT_META + (("dbt_is_deleted",) if config.get("hard_deletes") == "new_record" else ())
    return [str(renamed.get(kind) or kind) for kind in kinds]


@lru_cache(maxsize=4)
def _catalog(path: str, mtime: float) -> Mapping[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except ValueError:
        return {}


def column_info_types(node: Mapping[str, Any], manifest: Manifest | None = None) -> list[tuple[str, str | None]]:
    """``(column, info type)`` of a node's columns that name one, in the synced policy (with ``manifest``) or in
    meta (for input dataset tags).

    >>> column_info_types({"columns": {"email": {"meta": {"maskline": {"info_type": "EMAIL"}}}, "id": {}}})
    [('email', 'EMAIL')]
    """
    out: list[tuple[str, str | None]] = []
    if manifest is not None:
        out += [(item[0], item[1]["info_type"]) for item in _policy_columns(manifest, node).values()
                if item is not None and item[1].get("info_type")]
    for name, col in (node.get("columns") or {}).items():
        meta = column_meta(col)
        if isinstance(meta, Mapping) and meta.get("info_type"):
            out.append((name, str(meta["info_type"])))
    return out


def synced_as_policy(synced: Mapping[str, Any] | None) -> Any:
    """A :class:`maskline.policy.Policy` holding what the synced copy says info types map to (its ``methods:``
    and custom ``info_types:``), so meta resolves as the package resolved it; None without a synced copy.

    >>> synced_as_policy({"info_types": {"EMAIL": {"category": "identifier", "method": "hmac", "params": {}}}}
    ...                  ).method_for("EMAIL").name
    'hmac'
    """
    from maskline.infotypes import INFO_TYPES
    from maskline.policy import load_policy

    if not synced:
        return None
    types = synced.get("info_types") or {}
    return load_policy({
        "methods": {n: {"method": t["method"], **t["params"]} for n, t in types.items()},
        "info_types": {n: {"category": t["category"]} for n, t in types.items() if n not in INFO_TYPES},
    })


def _spec(meta: Any, where: str, policy: Any = None) -> tuple[str | None, Any]:
    """``(info_type, MethodSpec)`` of ``meta.maskline``, read by the core's one meta reader (as the macros read it)."""
    read = read_column_meta(meta, where, policy)
    return read.info_type, read.method


def model_plan(manifest: Manifest, node: Mapping[str, Any], output_columns: Iterable[str] = ()) -> Any:
    """A :class:`maskline.plan.Plan` for a model's output, from the manifest's column meta.

    Columns come from the model's declared columns, ``output_columns`` (what
    dbt-ol saw) and the masked ones; undeclared columns pass. The policy hash is the
    synced policy's own hash (:meth:`maskline.policy.Policy.fingerprint`, what the
    Airflow operators and ``maskline policy validate`` show) when that policy alone
    decided every column; when column meta or an inline ``mask()`` call decided one,
    it is the SHA-256 of the masking meta involved (with the policy's hash), since
    the rules are then not the policy file's alone.

    >>> node = {"unique_id": "model.p.q", "name": "q", "depends_on": {"macros": ["macro.maskline.mask"]},
    ...         "raw_code": "select id, {{ maskline.mask('c.email', 'hmac', info_type='EMAIL') }} as token"}
    >>> plan = model_plan(Manifest({}, "/x/target/manifest.json"), node, ["id", "token"])
    >>> [(c.name, c.method.name if c.method else None) for c in plan.columns]
    [('id', None), ('token', 'hmac')]
    """
    from maskline.infotypes import INFO_TYPES
    from maskline.plan import ColumnPlan, Plan

    declared = declared_columns(manifest, node)
    policy = synced_as_policy(manifest.synced_policy)
    names: list[str] = []
    for name in list(node.get("columns") or {}) + list(output_columns) + [v[0] for v in declared.values()]:
        if name.lower() not in {n.lower() for n in names}:
            names.append(name)
    columns: list[ColumnPlan] = []
    canonical: dict[str, Any] = {}
    for name in names:
        item = declared.get(name.lower())
        if item is None:
            columns.append(ColumnPlan(name, None, None, None, "pass"))
            continue
        _, meta, where = item
        try:
            info_type, spec = _spec(meta, where, policy)
        except Exception:  # noqa: BLE001 - dbt itself refuses such meta at compile time
            continue
        canonical[name.lower()] = meta
        category = (policy.category_of(info_type) if policy is not None and info_type else
                    INFO_TYPES[info_type].category if info_type in INFO_TYPES else None)
        columns.append(ColumnPlan(name, info_type, category, spec, where))
    synced_hash = (manifest.synced_policy or {}).get("policy_hash")
    outside = {n for n, (_, _, where) in declared.items() if where.endswith(".meta.maskline")} | set(inline_masks(node))
    if synced_hash and not outside:
        digest = str(synced_hash)
    else:
        if synced_hash:
            canonical["@policy"] = synced_hash
        digest = hashlib.sha256(json.dumps(canonical, sort_keys=True, default=str).encode()).hexdigest()
    return Plan(str(node.get("relation_name") or node.get("name")), tuple(columns), digest,
                f"dbt:{manifest.project_name}:{node.get('unique_id')}")


def _render_env(value: str) -> str | None:
    match = _ENV_VAR.search(value)
    if not match:
        return value if "{{" not in value else None
    return os.environ.get(match.group(1), match.group(2))


def dbt_target_user(manifest_path: str | Path, argv: list[str] | None = None) -> str | None:
    """The database user of the dbt target in use, from ``profiles.yml`` (best effort, never raises).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "dbt_project.yml").write_text("profile: shop")
    >>> _ = (d / "profiles.yml").write_text("shop: {target: dev, outputs: {dev: {type: duckdb, user: ann}}}")
    >>> dbt_target_user(d / "target" / "manifest.json", argv=["--profiles-dir", str(d)])
    'ann'
    >>> dbt_target_user("/nonexistent/target/manifest.json") is None  # best effort: never raises
    True
    """
    try:
        project_dir = Path(manifest_path).resolve().parent.parent
        project = load_yaml(project_dir / "dbt_project.yml")
        profiles_dir = os.environ.get("DBT_PROFILES_DIR") or _argv_option("--profiles-dir", argv)
        candidates = [Path(profiles_dir)] if profiles_dir else [project_dir, Path.home() / ".dbt"]
        for directory in candidates:
            path = directory / "profiles.yml"
            if not path.is_file():
                continue
            profiles = load_yaml(path)
            profile = profiles.get(_argv_option("--profile", argv) or project.get("profile")) or {}
            target = _argv_option("--target", argv) or os.environ.get("DBT_TARGET") or profile.get("target")
            output = (profile.get("outputs") or {}).get(target) or {}
            user = output.get("user") or output.get("username")
            return _render_env(str(user)) if user else None
    except Exception:  # noqa: BLE001 - identity is best effort
        return None
    return None
