"""The masking policy: frozen dataclasses loaded from YAML or a dict, validated on load.

Errors name the file, the key path and the closest valid name:

>>> load_policy({"version": 1, "methods": {"EMAIL": {"method": "emial"}}})
Traceback (most recent call last):
...
maskline.errors.PolicyError: unknown masking method 'emial' (at <dict>: methods.EMAIL.method). Fix: did you mean 'email'?
>>> p = load_policy({"version": 1, "datasets": {"raw.customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> p.dataset("customers").columns["email"].info_type
'EMAIL'
>>> p.method_for("EMAIL").name
'email'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from maskline.errors import PolicyError, did_you_mean
from maskline.keys import DEFAULT_KEY_REF, KeyRef
from maskline.methods.base import MethodSpec
from maskline.methods.registry import METHODS, method_spec

SCHEMA_PATH = Path(__file__).with_name("schemas") / "policy.schema.json"
TOP_LEVEL_KEYS = ("version", "key", "unclassified", "methods", "datasets", "unmask_for", "info_types",
                  "allow_list", "rewrite", "classify")
COLUMN_KEYS = ("info_type", "method", "pass")


@dataclass(frozen=True)
class ColumnPolicy:
    """A column the policy names: its info type and, optionally, a method that overrides the default.

    A column written ``{pass: true}`` has neither: it passes raw, by the policy's explicit choice.
    """

    name: str
    info_type: str | None
    method: MethodSpec | None
    where: str  # key path, for messages and lineage ("datasets["customers"].columns.email")


@dataclass(frozen=True)
class DatasetPolicy:
    name: str
    columns: Mapping[str, ColumnPolicy]


@dataclass(frozen=True)
class CustomInfoType:
    """An info type the user adds in ``info_types:``."""

    name: str
    category: str
    pattern: str | None
    validator: str | None
    name_hints: tuple[str, ...]
    method: MethodSpec | None


@dataclass(frozen=True)
class RewriteSettings:
    """Settings of the query rewrite: how literals compared with sensitive columns are handled."""

    filter_literals: Literal["refuse", "tokenize", "allow"] = "tokenize"


@dataclass(frozen=True)
class ClassifySettings:
    min_confidence: float = 0.6
    sample: int = 10_000


@dataclass(frozen=True)
class Policy:
    """A validated policy. Build one with :func:`load_policy`."""

    version: int = 1
    key: KeyRef = DEFAULT_KEY_REF
    # Columns the policy does not name: "mask" (the default) masks them unless the classifier is confident
    # they hold nothing sensitive (maskline.classify.decision); "pass" passes them raw.
    unclassified: Literal["pass", "mask"] = "mask"
    unclassified_explicit: bool = False  # whether the policy wrote ``unclassified:`` itself
    methods: Mapping[str, MethodSpec] = field(default_factory=dict)
    datasets: Mapping[str, DatasetPolicy] = field(default_factory=dict)
    unmask_for: tuple[str, ...] = ()
    info_types: Mapping[str, CustomInfoType] = field(default_factory=dict)
    allow_list: tuple[str, ...] = ()
    rewrite: RewriteSettings = field(default_factory=RewriteSettings)
    classify: ClassifySettings = field(default_factory=ClassifySettings)
    source: str = "<dict>"
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def known_info_types(self) -> set[str]:
        from maskline.infotypes import INFO_TYPES

        return set(INFO_TYPES) | set(self.info_types)

    def category_of(self, info_type: str) -> str:
        from maskline.infotypes import INFO_TYPES

        if info_type in self.info_types:
            return self.info_types[info_type].category
        return INFO_TYPES[info_type].category

    def method_for(self, info_type: str) -> MethodSpec:
        """The method for an info type: the policy's ``methods:`` entry, else the catalogue default."""
        if info_type in self.methods:
            return self.methods[info_type]
        custom = self.info_types.get(info_type)
        if custom and custom.method:
            return custom.method
        from maskline.infotypes import INFO_TYPES

        default = dict(INFO_TYPES[info_type].default_method) if info_type in INFO_TYPES else {"method": "redact"}
        return method_spec(default.pop("method"), default, where=f"catalogue default of {info_type}")

    def dataset(self, table: str) -> DatasetPolicy | None:
        """The dataset entry for ``table``, matching ``db.schema.table`` against shorter names and back.

        Matching is case-insensitive and ignores quoting.
        """
        wanted = _name_parts(table)
        best: tuple[int, DatasetPolicy] | None = None
        for name, ds in self.datasets.items():
            parts = _name_parts(name)
            n = min(len(parts), len(wanted))
            if parts[-n:] == wanted[-n:] and (best is None or n > best[0]):
                best = (n, ds)
        return best[1] if best else None

    def allows_raw(self, identities: tuple[str, ...] | list[str]) -> bool:
        """Whether any of the given identities (``role:x``, ``user:y``) is listed in ``unmask_for``."""
        return any(i in self.unmask_for for i in identities)

    def fingerprint(self) -> str:
        """A stable SHA-256 of the policy's content, recorded in lineage as the policy hash."""
        canonical = json.dumps(self.raw, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(p.strip('"`[]').lower() for p in name.split("."))


def _path_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else f'["{name}"]'


def _join(path: str, key: str) -> str:
    k = _path_key(key)
    return f"{path}{k}" if k.startswith("[") else (f"{path}.{k}" if path else k)


class _Loader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, what: str, path: str, fix: str) -> PolicyError:
        return PolicyError(what, where=f"{self.source}: {path}" if path else self.source, fix=fix)

    def mapping(self, value: Any, path: str) -> Mapping[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(f"expected a mapping, got {type(value).__name__}", path, "write it as 'key: value' lines")
        return value

    def keys(self, value: Mapping[str, Any], allowed: tuple[str, ...], path: str) -> None:
        for k in value:
            if k not in allowed:
                raise self.fail(f"unknown key {k!r}", _join(path, str(k)), did_you_mean(str(k), allowed))

    def info_type(self, name: Any, known: set[str], path: str) -> str:
        if not isinstance(name, str) or name not in known:
            raise self.fail(f"unknown info type {name!r}", path, did_you_mean(str(name), known))
        return name

    def method(self, value: Any, path: str) -> MethodSpec:
        if isinstance(value, str):
            value = {"method": value}
        value = dict(self.mapping(value, path))
        if "method" not in value:
            raise self.fail("a method entry needs 'method'", path, "e.g. {method: hmac}")
        name = str(value.pop("method"))
        if name not in METHODS:
            raise self.fail(f"unknown masking method {name!r}", f"{path}.method", did_you_mean(name, METHODS))
        try:
            return method_spec(name, value, where=path)
        except PolicyError as e:  # a parameter error: add the file to its key path
            raise PolicyError(e.what, where=f"{self.source}: {e.where}", fix=e.fix) from None

    def load(self, raw: Mapping[str, Any]) -> Policy:
        from maskline.infotypes import CATEGORIES, INFO_TYPES

        raw = self.mapping(raw, "")
        self.keys(raw, TOP_LEVEL_KEYS, "")
        version = raw.get("version", 1)
        if version != 1:
            raise self.fail(f"unsupported policy version {version!r}", "version", "use version: 1")

        key = DEFAULT_KEY_REF
        if "key" in raw:
            k = self.mapping(raw["key"], "key")
            self.keys(k, ("env", "airflow_conn"), "key")
            if len(k) != 1 or not all(isinstance(v, str) and v for v in k.values()):
                raise self.fail("key must name exactly one source", "key",
                                "use key: {env: MASKLINE_KEY} or key: {airflow_conn: maskline_default}")
            key = KeyRef(env=k.get("env"), airflow_conn=k.get("airflow_conn"))

        unclassified = raw.get("unclassified", "mask")
        if unclassified not in ("pass", "mask"):
            raise self.fail(f"unclassified must be 'pass' or 'mask', not {unclassified!r}", "unclassified",
                            "use 'mask' to fail closed on columns nobody classified")

        custom: dict[str, CustomInfoType] = {}
        for name, spec in self.mapping(raw.get("info_types"), "info_types").items():
            path = _join("info_types", name)
            spec = self.mapping(spec, path)
            self.keys(spec, ("category", "pattern", "validator", "name_hints", "method"), path)
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                raise self.fail(f"info type name {name!r} must be UPPER_SNAKE_CASE", path, "e.g. EMPLOYEE_ID")
            if name in INFO_TYPES:
                raise self.fail(f"info type {name!r} is built in", path, "choose another name")
            category = spec.get("category", "identifier")
            if category not in CATEGORIES:
                raise self.fail(f"unknown category {category!r}", f"{path}.category", did_you_mean(category, CATEGORIES))
            pattern = spec.get("pattern")
            if pattern is not None:
                try:
                    re.compile(pattern)
                except re.error as e:
                    raise self.fail(f"invalid regular expression: {e.msg}", f"{path}.pattern",
                                    "write a Python-compatible pattern") from None
            validator = spec.get("validator")
            if validator is not None:
                self._check_validator(validator, f"{path}.validator")
            hints = spec.get("name_hints", [])
            if not isinstance(hints, list) or not all(isinstance(h, str) for h in hints):
                raise self.fail("name_hints must be a list of strings", f"{path}.name_hints", "e.g. [emp_id, staff_no]")
            method = self.method(spec["method"], path) if "method" in spec else None
            custom[name] = CustomInfoType(name, category, pattern, validator, tuple(hints), method)
        known = set(INFO_TYPES) | set(custom)

        methods: dict[str, MethodSpec] = {}
        for it, spec in self.mapping(raw.get("methods"), "methods").items():
            path = _join("methods", it)
            self.info_type(it, known, path)
            methods[it] = self.method(spec, path)

        datasets: dict[str, DatasetPolicy] = {}
        for ds_name, ds in self.mapping(raw.get("datasets"), "datasets").items():
            ds_path = f'datasets["{ds_name}"]'
            ds = self.mapping(ds, ds_path)
            self.keys(ds, ("columns",), ds_path)
            cols: dict[str, ColumnPolicy] = {}
            for col, spec in self.mapping(ds.get("columns"), f"{ds_path}.columns").items():
                path = _join(f"{ds_path}.columns", str(col))
                spec = self.mapping(spec, path)
                self.keys(spec, COLUMN_KEYS, path)
                if "pass" in spec:
                    if spec["pass"] is not True or len(spec) != 1:
                        raise self.fail("'pass' must be 'true' and alone", f"{path}.pass",
                                        "write {pass: true} to pass the column raw, or give an info_type/method")
                    cols[str(col)] = ColumnPolicy(str(col), None, None, path)
                    continue
                if "info_type" not in spec and "method" not in spec:
                    raise self.fail("a column needs 'info_type', 'method' or 'pass'", path,
                                    "e.g. {info_type: EMAIL}, or {pass: true} to pass it raw")
                info_type = self.info_type(spec["info_type"], known, f"{path}.info_type") if "info_type" in spec else None
                method = self.method(spec["method"], path) if "method" in spec else None
                cols[str(col)] = ColumnPolicy(str(col), info_type, method, path)
            datasets[str(ds_name)] = DatasetPolicy(str(ds_name), cols)

        unmask_for = raw.get("unmask_for", [])
        if not isinstance(unmask_for, list) or not all(isinstance(i, str) and ":" in i for i in unmask_for):
            raise self.fail("unmask_for must be a list of 'kind:name' identities", "unmask_for",
                            "e.g. [role:pii_reader, user:alice]")
        allow = raw.get("allow_list", [])
        if not isinstance(allow, list) or not all(isinstance(v, str) for v in allow):
            raise self.fail("allow_list must be a list of strings", "allow_list", "e.g. [noreply@example.com]")

        rw = self.mapping(raw.get("rewrite"), "rewrite")
        self.keys(rw, ("safe_functions", "filter_literals"), "rewrite")
        fl = rw.get("filter_literals", "tokenize")
        if fl not in ("refuse", "tokenize", "allow"):
            raise self.fail(f"unknown filter_literals mode {fl!r}", "rewrite.filter_literals",
                            did_you_mean(str(fl), ("refuse", "tokenize", "allow")))
        if "safe_functions" in rw:
            import warnings

            # Safety no longer depends on which functions see a column: every query reads masked relations.
            warnings.warn(f"{self.source}: rewrite.safe_functions is ignored and will be removed; functions are "
                          "checked against a per-dialect allow-list and every query reads masked relations",
                          DeprecationWarning, stacklevel=3)
        cl = self.mapping(raw.get("classify"), "classify")
        self.keys(cl, ("min_confidence", "sample"), "classify")
        mc = cl.get("min_confidence", 0.6)
        if not isinstance(mc, (int, float)) or not 0 <= mc <= 1:
            raise self.fail("min_confidence must be between 0 and 1", "classify.min_confidence", "e.g. 0.6")
        sample = cl.get("sample", 10_000)
        if not isinstance(sample, int) or sample <= 0:
            raise self.fail("sample must be a positive integer", "classify.sample", "e.g. 10000")

        return Policy(
            version=1, key=key, unclassified=unclassified, unclassified_explicit="unclassified" in raw,
            methods=methods, datasets=datasets,
            unmask_for=tuple(unmask_for), info_types=custom, allow_list=tuple(allow),
            rewrite=RewriteSettings(fl),
            classify=ClassifySettings(float(mc), sample), source=self.source, raw=dict(raw),
        )

    def _check_validator(self, name: Any, path: str) -> None:
        try:
            from maskline.infotypes.validators import VALIDATORS
        except ImportError:  # the classifier's validators are optional at this layer
            return
        if name not in VALIDATORS:
            raise self.fail(f"unknown validator {name!r}", path, did_you_mean(str(name), VALIDATORS))


def load_policy(source: str | Path | Mapping[str, Any] | Policy) -> Policy:
    """Load and validate a policy from a YAML file path, a YAML string, or a dict.

    >>> load_policy("version: 1\\nunclassified: mask\\n").unclassified
    'mask'
    """
    if isinstance(source, Policy):
        return source
    if isinstance(source, Mapping):
        return _Loader("<dict>").load(source)
    import yaml

    text: str
    name: str
    if isinstance(source, Path) or ("\n" not in str(source) and str(source).endswith((".yml", ".yaml", ".json"))):
        path = Path(source)
        name = str(path)
        if not path.is_file():
            raise PolicyError(f"policy file not found: {path}", where=name, fix="check the path, or run 'maskline policy init'")
        text = path.read_text(encoding="utf-8")
    else:
        text, name = str(source), "<string>"
    from maskline.policy_yaml import load_policy_yaml

    try:
        raw = load_policy_yaml(text, name)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise PolicyError(f"policy is not valid YAML: {getattr(e, 'problem', e)}", where=where,
                          fix="fix the YAML syntax at that line") from None
    if raw is None:
        raise PolicyError("policy is empty", where=name, fix="start from 'maskline policy init' or the README example")
    return _Loader(name).load(raw)


def policy_schema() -> dict[str, Any]:
    """The JSON Schema of the policy file, shipped in the package.

    >>> policy_schema()["title"]
    'maskline policy'
    """
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
