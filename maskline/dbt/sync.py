"""``maskline dbt sync``: compile the project's policy (and its stored scan) into a macro the dbt package reads.

dbt's Jinja cannot read a file at run time: its context has ``var()``,
``env_var()`` and ``fromyaml()`` of a string, but no file access (dbt-core 1.11,
``dbt/context/base.py`` and ``providers.py``). So the policy is compiled ahead,
the way dbt users already run ``dbt deps``:

1. ``dbt_project.yml`` names the policy: ``vars: {maskline_policy: policy.yml}``
   (relative to the project directory);
2. ``maskline dbt sync`` loads it with the core loader (every policy error, with
   did-you-mean), reads the stored scan beside it (``policy.scan.json``), resolves
   every method exactly as the core does, and writes
   ``macros/maskline_policy.sql``: one macro returning that data, with the SHA-256
   of the policy file and of the scan file;
3. ``maskline.masked_columns`` applies it: the column's ``meta`` first (an
   override), then the policy's ``datasets:``, then the stored scan's verdicts,
   then ``unclassified`` (redact or pass), as :func:`maskline.plan.build_plan`
   does.

The copy cannot silently go stale: ``maskline dbt sync --check`` (CI, pre-commit)
and ``maskline dbt check`` fail when the policy or the scan changed since the
sync, and the package stops the compile when the var names another file than
the one synced, or names one and nothing was synced.

>>> from maskline.policy import load_policy
>>> data = resolve(load_policy({"unclassified": "mask", "datasets": {"raw.customers": {"columns": {
...     "email": {"info_type": "EMAIL"}}}}}), None)
>>> data["datasets"]["raw.customers"]["email"]["method"], data["unclassified"], data["explicit"]
('email', 'mask', True)
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.atomic_output import write_text_atomic
from maskline.errors import InputError, PolicyError
from maskline.keys import KeyRef

VAR = "maskline_policy"
OUT = Path("macros") / "maskline_policy.sql"
MACRO = "maskline_synced_policy"
FORMAT = 1
SYNC = "run `maskline dbt sync` in the dbt project (and commit macros/maskline_policy.sql)"
_DATA = re.compile(r"fromjson\('(?P<json>.*)'\)", re.DOTALL)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _method(spec: Any) -> dict[str, Any]:
    values = spec.as_dict()
    name = values.pop("method")
    return {"method": name, "params": json.loads(json.dumps(values, default=list))}


def resolve(policy: Any, scan: Any) -> dict[str, Any]:
    """The policy (and stored scan) as data the macros apply without deciding anything themselves.

    Every method is the core's resolution (``methods:``, custom ``info_types:``, catalogue defaults). Each
    column of a scanned relation carries :func:`maskline.plan.build_plan`'s decision on it (None: raw), so
    verdicts below ``classify.min_confidence`` and ``unclassified`` apply there exactly as in the core.
    A column the policy passes (``{pass: true}``) has no method, as in the core's plan; one it passes for a shape
    (``{pass: labels}``) also carries the ``shape`` the macros hold it to.

    >>> from maskline.policy import load_policy
    >>> resolve(load_policy({"datasets": {"t": {"columns": {"id": {"pass": True}}}}}), None)["datasets"]["t"]["id"]
    {'name': 'id', 'info_type': None, 'method': None, 'params': {}, 'where': 'datasets["t"].columns.id'}
    """
    from maskline.adapters.native import unmask_roles
    from maskline.plan import build_plan

    info_types = {name: {"category": policy.category_of(name), **_method(policy.method_for(name))}
                  for name in sorted(policy.known_info_types())}
    datasets: dict[str, dict[str, Any]] = {}
    for ds_name, ds in policy.datasets.items():
        cols = {}
        for col, cp in ds.columns.items():
            if cp.method is None and cp.info_type is None:
                # `{pass: true}`: raw by the policy's explicit choice (the core's plan gives it no method);
                # `{pass: <shape>}`: the classifier's pass written down, held to its shape as a scanned column is.
                cols[col.lower()] = {"name": col, "info_type": None, "method": None, "params": {}, "where": cp.where,
                                     **({"shape": cp.held} if cp.held else {})}
                continue
            spec = cp.method or policy.method_for(str(cp.info_type))
            cols[col.lower()] = {"name": col, "info_type": cp.info_type, **_method(spec), "where": cp.where}
        datasets[ds_name] = cols
    scanned: dict[str, dict[str, Any]] = {}
    for table, classification in (scan.tables.items() if scan is not None else ()):
        # The core decides every scanned column (policy entry, verdict, or what the policy does with the rest),
        # so the macros copy decisions instead of re-implementing them; None is "passes raw".
        plan = build_plan(policy, table, [(c.name, c.sql_type) for c in classification.columns], classification)
        scanned[table] = {c.name.lower(): _scanned_column(table, c) for c in plan.columns}
    return {
        "format": FORMAT,
        "unclassified": policy.unclassified,
        # How keyed methods use the key (maskline.keys): the macros pick the templates of this derivation.
        "key_derivation": policy.key.derivation,
        # Where the key lives, so dbt reads the variable every other face reads: _key_place.
        "key_place": _key_place(policy.key),
        # Without `unclassified:` in the policy and without stored verdicts on a relation, nobody vouched for its
        # other columns: the package masks them, as the query path does (dbt cannot run the classifier).
        "explicit": policy.unclassified_explicit,
        "unmask_for": list(policy.unmask_for),
        "unmask_roles": unmask_roles(policy),
        "info_types": info_types,
        "datasets": datasets,
        "scanned": scanned,
    }


def _key_place(key: KeyRef) -> dict[str, Any]:
    """Where the policy keeps the key, for the macros: maskline's default variable by name; a name the policy gives
    only as its MD5 (dbt's ``local_md5``), which ``vars.maskline_key_env`` must match. The generated macro is
    committed and copied into ``manifest.json`` and dbt docs, and a key pasted where its name belongs must not
    travel there (:data:`maskline.keys.SHOWN_NAMES`). An Airflow connection dbt cannot read at all.

    >>> _key_place(KeyRef(env="MASKLINE_KEY"))
    {'env': 'MASKLINE_KEY', 'env_md5': None, 'airflow_conn': False}
    >>> _key_place(KeyRef(env="HR_KEY"))["env"], _key_place(KeyRef(env="HR_KEY"))["env_md5"][:8]
    (None, '2046826f')
    """
    if key.airflow_conn:
        return {"env": None, "env_md5": None, "airflow_conn": True}
    name = key.env or ""
    if key.name_shown:
        return {"env": name, "env_md5": None, "airflow_conn": False}
    return {"env": None, "env_md5": hashlib.md5(name.encode(), usedforsecurity=False).hexdigest(), "airflow_conn": False}


def _scanned_column(table: str, column: Any) -> dict[str, Any] | None:
    """A scanned column's entry: its method; for a text column passed for its values' shape, no method and the
    ``shape`` the macros hold it to (a value past the scan's sample need not have it); None: it passes raw.

    >>> from maskline.plan import ColumnPlan
    >>> _scanned_column("t", ColumnPlan("n", None, None, None, "not sensitive", "varchar", shape="numeric"))["shape"]
    'numeric'
    >>> _scanned_column("t", ColumnPlan("n", None, None, None, "not sensitive", "bigint", shape="numeric")) is None
    True
    """
    from maskline.sql.shape_guard import shape_checked

    where = f"stored scan {table}: {column.rule}"
    if column.method is not None:
        return {"name": column.name, "info_type": column.info_type, **_method(column.method), "where": where}
    if shape_checked(column.shape, column.source_type):
        return {"name": column.name, "info_type": None, "method": None, "params": {}, "shape": column.shape,
                "where": where}
    return None


@dataclass(frozen=True)
class Project:
    """A dbt project's policy var, resolved to files."""

    root: Path
    policy_var: str
    policy_path: Path
    scan_path: Path
    out: Path


def project(project_dir: str | Path = ".") -> Project:
    """Read ``vars.maskline_policy`` from ``dbt_project.yml`` and resolve the files it implies.

    >>> project("/nonexistent")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: no dbt_project.yml (at /nonexistent/dbt_project.yml). Fix: run this in a dbt project, or pass --project-dir
    """

    from maskline.classify.stored import scan_path_for

    root = Path(project_dir)
    config = root / "dbt_project.yml"
    if not config.is_file():
        raise InputError("no dbt_project.yml", where=str(config), fix="run this in a dbt project, or pass --project-dir")
    from maskline.yaml_errors import load_yaml_text, read_utf8

    data = load_yaml_text(read_utf8(config, what="dbt_project.yml"), str(config),
                          fix="fix the YAML syntax at that line") or {}
    value = (data.get("vars") or {}).get(VAR)
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(f"the project names no policy (vars.{VAR})", where=f"{config}: vars",
                          fix=f"add vars: {{{VAR}: policy.yml}} (the policy file, relative to the project)")
    if "{{" in value:
        raise PolicyError(f"vars.{VAR} must be a plain path: maskline reads it without dbt's Jinja",
                          where=f"{config}: vars.{VAR}", fix="write the path relative to the project, e.g. policy.yml")
    policy_path = root / value
    return Project(root, value, policy_path, scan_path_for(policy_path), root / OUT)


def fingerprint(p: Project) -> dict[str, Any]:
    """The policy var and the SHA-256 of the policy file and scan file the synced copy was made from.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "policy.yml").write_text("version: 1")
    >>> _ = (d / "dbt_project.yml").write_text("name: p\\nvars: {maskline_policy: policy.yml}")
    >>> f = fingerprint(project(d))
    >>> f["policy"], f["policy_sha256"] == hashlib.sha256(b"version: 1").hexdigest()
    ('policy.yml', True)
    """
    return {"policy": p.policy_var, "policy_sha256": _sha256(p.policy_path),
            "scan_sha256": _sha256(p.scan_path) if p.scan_path.is_file() else None}


def render(data: dict[str, Any]) -> str:
    """The generated macro file: the data as JSON inside ``fromjson``, so Python can read it back from the
    manifest (:func:`synced_from_manifest`) and the macros get plain dicts.

    >>> "maskline_synced_policy" in render({"format": 1})
    True
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # Inside a single-quoted Jinja string: escape the backslash first, then the quote.
    quoted = text.replace("\\", "\\\\").replace("'", "\\'")
    return (
        "{#- GENERATED by `maskline dbt sync` from the policy named by vars.maskline_policy and its stored scan.\n"
        "    Do not edit: run `maskline dbt sync` again after changing either; `maskline dbt sync --check` and\n"
        "    `maskline dbt check` fail while this copy is stale. -#}\n"
        f"{{% macro {MACRO}() -%}}\n"
        f"{{{{ return(fromjson('{quoted}')) }}}}\n"
        "{%- endmacro %}\n"
    )


def build(project_dir: str | Path = ".") -> tuple[Project, str]:
    """Load the project's policy and scan with the core loaders and render the macro file (not written).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "policy.yml").write_text("version: 1")
    >>> _ = (d / "dbt_project.yml").write_text("name: p\\nvars: {maskline_policy: policy.yml}")
    >>> p, text = build(d); p.out.relative_to(d).as_posix(), "maskline_synced_policy" in text, p.out.exists()
    ('macros/maskline_policy.sql', True, False)
    """
    from maskline.classify.stored import load_scan
    from maskline.policy import load_policy

    p = project(project_dir)
    if not p.policy_path.is_file():
        raise PolicyError("policy file not found", where=f"{p.root / 'dbt_project.yml'}: vars.{VAR} = {p.policy_var}",
                          fix="check the path (relative to the dbt project), or run 'maskline policy init'")
    policy = load_policy(p.policy_path)
    scan = load_scan(p.scan_path, policy) if p.scan_path.is_file() else None
    data = resolve(policy, scan)
    data["synced_from"] = fingerprint(p)
    # The hash every other face records in lineage for this policy (``maskline_masking.policy.hash``), so a dbt
    # model and an Airflow task that mask by the same policy show the same hash on the same Marquez node.
    data["policy_hash"] = policy.fingerprint()
    return p, render(data)


def sync(project_dir: str | Path = ".", *, check: bool = False) -> tuple[Path, bool]:
    """Write the macro file (or with ``check``, only compare); returns ``(path, changed)``.

    With ``check``, a stale or missing file raises :class:`~maskline.errors.PolicyError`.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "policy.yml").write_text("version: 1")
    >>> _ = (d / "dbt_project.yml").write_text("name: p\\nvars: {maskline_policy: policy.yml}")
    >>> sync(d)[1], sync(d)[1], sync(d, check=True)[1]  # written, then unchanged, then checked
    (True, False, False)
    """
    p, text = build(project_dir)
    current = p.out.read_text(encoding="utf-8") if p.out.is_file() else None
    changed = current != text
    if check:
        if changed:
            raise PolicyError("the synced policy is missing or stale: the policy or its stored scan changed since "
                              "the last sync" if current is not None else "the policy was never synced",
                              where=str(p.out), fix=SYNC)
        return p.out, False
    if changed:
        p.out.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(p.out, text)  # whole or not at all: dbt never parses a macro file cut short
    return p.out, changed


def _data_of(text: str) -> dict[str, Any] | None:
    """The synced data in a generated macro's source (as :func:`render` wrote it), or None."""
    m = _DATA.search(text)
    return dict(json.loads(m.group("json").replace("\\'", "'").replace("\\\\", "\\"))) if m else None


def masking_changed(previous: str | None, current: str) -> bool:
    """Whether a re-sync changes what the macros mask, beyond where the copy came from (a first sync does not).

    >>> a, b = render({"datasets": {"t": {}}, "synced_from": 1}), render({"datasets": {"t": {}}, "synced_from": 2})
    >>> masking_changed(a, b), masking_changed(a, render({"datasets": {}})), masking_changed(None, b)
    (False, True, False)
    """
    if previous is None:
        return False
    old, new = _data_of(previous), _data_of(current)
    drop = ("synced_from", "policy_hash")  # the files' hashes: a comment in the policy changes them, not the SQL
    return old is None or new is None or ({k: v for k, v in old.items() if k not in drop}
                                          != {k: v for k, v in new.items() if k not in drop})


def models_keeping_rows(root: Path, target: str = "target") -> list[str] | None:
    """The incremental models and snapshots of the last build (``target/manifest.json``) that mask with the
    package: a change of masking reaches only the rows they add. None without a manifest.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); models_keeping_rows(d) is None
    True
    """
    path = root / target / "manifest.json"
    if not path.is_file():
        return None
    try:
        nodes = (json.loads(path.read_text(encoding="utf-8")).get("nodes") or {}).values()
    except (OSError, ValueError):
        return None
    return sorted(
        str(n.get("name")) for n in nodes
        if isinstance(n, dict) and (n.get("resource_type") == "snapshot" or (
            n.get("resource_type") == "model" and (n.get("config") or {}).get("materialized") == "incremental"))
        and any(str(m).startswith("macro.maskline.") for m in (n.get("depends_on") or {}).get("macros") or ()))


def kept_rows_note(root: Path, previous: str | None, current: str) -> str | None:
    """What to rebuild after a sync that changed the masking: incremental models and snapshots keep the rows they
    hold, masked the old way, and neither dbt nor ``maskline dbt check`` can see them. None when nothing changed.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> kept_rows_note(d, render({"datasets": {}}), render({"datasets": {"t": {}}}))[:38]
    'note: the synced masking changed, but '
    """
    if not masking_changed(previous, current):
        return None
    names = models_keeping_rows(root)
    which = (f" ({', '.join(names)})" if names else "") if names is not None else " (if any)"
    if names == []:
        return None  # the last build has none: every model it built is rebuilt whole by `dbt build`
    select = f" --select {' '.join(names)}" if names else ""
    return (f"note: the synced masking changed, but incremental models and snapshots{which} keep the rows they "
            f"already hold, masked the old way. Fix: rebuild them whole: `dbt build --full-refresh{select}` (a "
            "snapshot ignores that flag: drop its table first)")


def synced_from_manifest(manifest: Any) -> dict[str, Any] | None:
    """The synced policy data in a dbt ``manifest.json`` (the root project's generated macro), or None.

    >>> synced_from_manifest({"macros": {}}) is None
    True
    """
    for uid, macro in (manifest.get("macros") or {}).items():
        if uid.endswith(f".{MACRO}") and (data := _data_of(str(macro.get("macro_sql") or ""))) is not None:
            return data
    return None


def stale_reason(project_dir: str | Path, manifest: Any) -> str | None:
    """Why the synced copy in ``manifest`` does not match the project's policy files now, or None.

    A project without ``vars.maskline_policy`` has nothing to compare (None).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "policy.yml").write_text("version: 1")
    >>> _ = (d / "dbt_project.yml").write_text("name: p\\nvars: {maskline_policy: policy.yml}")
    >>> stale_reason(d, {"macros": {}})
    'vars.maskline_policy names policy.yml, but the build used no synced policy'
    """
    try:
        p = project(project_dir)
    except PolicyError:
        return None
    synced = synced_from_manifest(manifest)
    if synced is None:
        return f"vars.{VAR} names {p.policy_var}, but the build used no synced policy"
    if not p.policy_path.is_file():
        return f"the policy file {p.policy_var} is missing"
    if synced.get("synced_from") != fingerprint(p):
        return "the policy or its stored scan changed since the build's `maskline dbt sync`"
    return None
