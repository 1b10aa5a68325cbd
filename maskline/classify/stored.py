"""A stored scan: the classification ``maskline scan --save`` keeps beside the policy, read by every face.

``policy.yml`` has its scan in ``policy.scan.json`` (:func:`scan_path_for`). The
file is versioned (``version: 1``), has a JSON Schema
(``maskline/schemas/scan.schema.json``) and holds, per dataset, each column's
verdict: info type, confidence, category and evidence, and what the fail-closed
decision reads (the values' shape and the classifier's typed signals), never a
sampled value.
The Airflow operators, the dbt package (through ``maskline dbt sync``), the
query path and the MCP server read it with :func:`load_scan` or
:func:`scan_beside`, so a column is judged once, reviewed, and masked the same
way everywhere.

Loading fails closed: a missing file that was asked for, another format
version, a file the schema rejects, or a scan made under different
classification settings (``info_types``, ``allow_list``, ``classify``: the
policy digest differs) raises :class:`~maskline.errors.ClassificationError`
naming the file and the fix.

>>> import tempfile, pathlib
>>> from maskline.classify.result import Classification, ColumnClassification
>>> from maskline.policy import load_policy
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> pol = load_policy({"version": 1})
>>> verdicts = Classification((ColumnClassification("email", "EMAIL", 0.97, "identifier", ("name:email",)),))
>>> path = save_scan(d / "policy.scan.json", "raw.customers", verdicts, pol, source="customers.csv")
>>> load_scan(path, pol).for_table("customers").columns[0].info_type
'EMAIL'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maskline.classify.result import Classification, ColumnClassification
from maskline.errors import ClassificationError

SCAN_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "scan.schema.json"
SUFFIX = ".scan.json"
# The policy settings a classification depends on: change one, and the stored verdicts are stale.
CLASSIFYING_KEYS = ("info_types", "allow_list", "classify")
RESCAN = "re-run `maskline scan SOURCE --policy POLICY --save` for each dataset"


def scan_path_for(policy_path: str | Path) -> Path:
    """Where the stored scan of a policy file lives: beside it, ``<stem>.scan.json``.

    >>> str(scan_path_for("conf/policy.yml"))
    'conf/policy.scan.json'
    """
    p = Path(policy_path)
    return p.with_name(p.stem + SUFFIX)


def policy_digest(policy: Any) -> str:
    """SHA-256 of the policy settings that change a classification (see ``CLASSIFYING_KEYS``).

    >>> from maskline.policy import load_policy
    >>> policy_digest(load_policy({})) == policy_digest(load_policy({"unclassified": "mask"}))
    True
    """
    raw = getattr(policy, "raw", None) or {}
    relevant = {k: raw.get(k) for k in CLASSIFYING_KEYS}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class StoredScan:
    """The verdicts of a stored scan, by dataset name."""

    tables: Mapping[str, Classification]
    path: str
    digest: str
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def for_table(self, table: str, default_schema: str | None = None) -> Classification | None:
        """The classification of ``table`` (matched like a policy dataset), or None when it was not scanned.

        The entry is the one :func:`maskline.rewrite.table_names.best_entry` picks, as for a policy's datasets;
        with ``default_schema`` (the connection's) an unqualified ``table`` is that schema's. A scan stored for
        ``t`` judged the default schema's table, and its verdicts (``qty`` holds counts) say nothing of ``hr.t``, whose ``qty``
        may hold SSNs. Such an entry is refused rather than ignored: without it, ``unclassified: pass`` would pass
        what the scan masks.

        >>> from maskline.classify.result import Classification
        >>> scan = StoredScan({"t": Classification("t", ())}, "p.scan.json", "")
        >>> scan.for_table("x") is None, scan.for_table("main.t", "main") is not None
        (True, True)
        >>> scan.for_table("hr.t", "main")
        Traceback (most recent call last):
        ...
        maskline.errors.ClassificationError: the stored scan's entry 't' judged the table of the default schema main, not the same-named table of another schema read here (at p.scan.json). Fix: scan that table too: maskline scan SOURCE --table SCHEMA.TABLE --policy POLICY --save
        """
        from maskline.rewrite.table_names import best_entry, same_table

        # One rule picks the entry (best_entry, as Policy.dataset does); the scan's own part is only the refusal.
        name = best_entry(self.tables, table, default_schema, where=f"{self.path}: tables")
        if default_schema is not None and name is not None and not same_table(name, table, default_schema):
            # best_entry takes an unqualified entry for any schema's table of its name; the scan judged only the
            # default schema's. The table as the query wrote it is not repeated (refusals never echo a name).
            raise _fail(f"the stored scan's entry {name!r} judged the table of the default schema "
                        f"{default_schema.lower()}, not the same-named table of another schema read here",
                        self.path, fix="scan that table too: maskline scan SOURCE --table SCHEMA.TABLE "
                                       "--policy POLICY --save")
        return self.tables[name] if name is not None else None

    def by_table(self, tables: Any, default_schema: str | None = None) -> dict[str, Classification]:
        """``{table: classification}`` for those of ``tables`` the scan covers (the query path's argument), names
        compared qualified with ``default_schema`` (:meth:`for_table`).

        >>> StoredScan({}, "p.scan.json", "").by_table(["t"])
        {}
        """
        out = {}
        for t in tables:
            found = self.for_table(t, default_schema)
            if found is not None:
                out[t] = found
        return out


def _fail(what: str, path: str | Path, fix: str = RESCAN) -> ClassificationError:
    return ClassificationError(what, where=str(path), fix=fix)


def _validate(data: Any, path: str | Path) -> None:
    import jsonschema
    import jsonschema.exceptions

    if not isinstance(data, Mapping):
        raise _fail("a stored scan must be a JSON object", path)
    version = data.get("version")
    if version != SCAN_VERSION:
        raise _fail(f"stored scan format version {version!r} is not supported (this maskline reads {SCAN_VERSION})",
                    path, fix="re-run `maskline scan SOURCE --policy POLICY --save` with this maskline")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        # The key path and the rule that failed, built from the error's structure, not its message (which can
        # quote the offending value).
        at = "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in error.absolute_path) or "top level"
        raise _fail(f"stored scan does not match its schema at {at} (rule {error.validator!r})", path)


def _shape_dict(shape: Any) -> dict[str, Any] | None:
    if shape is None:
        return None
    out = {"kind": shape.kind, "suspicions": list(shape.suspicions)}
    if shape.facts:
        out["facts"] = list(shape.facts)
    if shape.vocabulary:
        out["vocabulary"] = shape.vocabulary
    if shape.width is not None:
        out["width"] = shape.width
    return out


def _shape(entry: Any) -> Any:
    from maskline.classify.shape import ValueShape

    return None if not entry else ValueShape(str(entry["kind"]), tuple(entry.get("suspicions") or ()),
                                             tuple(entry.get("facts") or ()), entry.get("vocabulary"),
                                             _width(entry.get("width")))


def _width(stored: Any) -> int | None:
    """A stored number column's width, or None when absent or not a whole number (then held to the narrowest bound).

    >>> _width(7), _width(None), _width("7"), _width(True)
    (7, None, None, None)
    """
    return stored if isinstance(stored, int) and not isinstance(stored, bool) and stored >= 0 else None


def _column(c: Mapping[str, Any]) -> ColumnClassification:
    """One stored verdict. The decision reads ``shape`` and ``signals``, never ``evidence``: a column stored
    without ``signals`` (written before they were kept) is read without its shape, so the decision masks it as
    unscanned until the dataset is scanned again, rather than pass it on a shape whose cautions were lost."""
    from maskline.classify.signals import Signals

    signals = c.get("signals")
    return ColumnClassification(str(c["name"]), c.get("info_type"), float(c["confidence"]), c.get("category"),
                                tuple(c.get("evidence") or ()), None, c.get("sql_type"),
                                shape=_shape(c.get("shape")) if signals is not None else None,
                                signals=Signals.from_dict(signals) if signals is not None else Signals())


def _classification(name: str, entry: Mapping[str, Any]) -> Classification:
    columns = tuple(_column(c) for c in entry.get("columns", []))
    return Classification(columns, table=name, sampled_rows=int(entry.get("sampled_rows") or 0),
                          meta={"total_rows": entry.get("total_rows"), "stored": True})


def load_scan(path: str | Path, policy: Any = None) -> StoredScan:
    """Read and check a stored scan; with ``policy``, refuse one made under other classification settings.

    >>> load_scan("/nonexistent/policy.scan.json")
    Traceback (most recent call last):
    ...
    maskline.errors.ClassificationError: stored scan not found (at /nonexistent/policy.scan.json). Fix: re-run `maskline scan SOURCE --policy POLICY --save` for each dataset
    """
    p = Path(path)
    if not p.is_file():
        raise _fail("stored scan not found", p)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise _fail(f"stored scan is not readable JSON ({type(e).__name__})", p) from None
    _validate(data, p)
    if policy is not None and data["policy_digest"] != policy_digest(policy):
        raise _fail("stored scan is stale: the policy's info_types, allow_list or classify settings changed "
                    "since it was saved", p)
    tables = {str(name): _classification(str(name), entry) for name, entry in data["tables"].items()}
    if policy is not None:
        _check_info_types(tables, policy, p)
    return StoredScan(tables, str(p), data["policy_digest"], data)


def _check_info_types(tables: Mapping[str, Classification], policy: Any, path: Path) -> None:
    known = policy.known_info_types()
    for name, c in tables.items():
        for col in c.columns:
            if col.info_type is not None and col.info_type not in known:
                raise _fail(f"stored scan names unknown info type {col.info_type!r} for {name}.{col.name}", path)


def scan_beside(policy: Any) -> StoredScan | None:
    """The stored scan beside the policy's file, checked against it; None when the policy has no file or
    no scan was saved beside it (then columns no rule names follow ``unclassified``).

    >>> from maskline.policy import load_policy
    >>> scan_beside(load_policy({})) is None
    True
    """
    source = getattr(policy, "source", "") or ""
    if not source.endswith((".yml", ".yaml", ".json")) or source.endswith(SUFFIX):
        return None
    path = scan_path_for(source)
    if not path.is_file():
        return None
    # One parse and schema check per file content and policy settings: the query path and the MCP server look
    # it up per query. Keyed by content, not mtime, which file systems keep too coarsely to see a quick rewrite.
    content = hashlib.sha256(path.read_bytes()).hexdigest()
    key = (str(path.resolve()), content, policy_digest(policy), frozenset(policy.known_info_types()))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_scan(path, policy)
    return _CACHE[key]


_CACHE: dict[tuple[Any, ...], StoredScan] = {}


def stored_classification(policy: Any, table: str | None, default_schema: str | None = None) -> Classification | None:
    """The stored verdicts on ``table`` from the scan beside the policy, or None (no scan, or not scanned);
    names compared qualified with ``default_schema`` (:meth:`StoredScan.for_table`).

    >>> from maskline.policy import load_policy
    >>> stored_classification(load_policy({}), "customers") is None
    True
    """
    scan = scan_beside(policy)
    return scan.for_table(table, default_schema) if scan is not None and table else None


def save_scan(path: str | Path, dataset: str, classification: Classification, policy: Any, *,
              source: str | None = None) -> Path:
    """Store ``classification`` as dataset ``dataset`` in the scan file at ``path`` (other datasets kept).

    An existing file is replaced only when it is a valid scan made under the same policy settings;
    the write is atomic (a temporary file renamed over it).
    """
    from maskline.atomic_output import write_text_atomic

    p = Path(path)
    data: dict[str, Any]
    if p.is_file():
        data = dict(load_scan(p, policy).raw)
    else:
        data = {"version": SCAN_VERSION, "policy_digest": policy_digest(policy), "tables": {}}
    data["generator"] = "maskline scan --save"
    tables = dict(data["tables"])
    entry: dict[str, Any] = {
        "source": source or classification.table or dataset,
        "scanned_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "sampled_rows": classification.sampled_rows,
        "total_rows": classification.meta.get("total_rows"),
        # The type as shown (its name and numeric parameters): the file sits beside the policy, often in git, and
        # DuckDB's ENUM('Ann Smith', ...) lists its column's values. Its readers need only the name (dbt sync's plan).
        "columns": [{**c.as_dict(), "sql_type": _shown(c.sql_type), "shape": _shape_dict(c.shape),
                     "signals": c.signals.as_dict()} for c in classification.columns],
    }
    tables[dataset] = entry
    data["tables"] = dict(sorted(tables.items()))
    _validate(data, p)
    p.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomic(p, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _shown(sql_type: str | None) -> str | None:
    """A column's type as the stored scan keeps it: :func:`maskline.shown_types.shown_type` (an allow-list).

    >>> _shown("ENUM('Ann Smith', 'Bob Jones')"), _shown("decimal(18,3)"), _shown(None)
    ('ENUM(...)', 'decimal(18,3)', None)
    """
    from maskline.shown_types import shown_type

    return shown_type(sql_type)
