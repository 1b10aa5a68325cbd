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

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from maskline.errors import PolicyError, closest, did_you_mean
from maskline.keys import DEFAULT_DERIVATION, DEFAULT_KEY_REF, KeyRef, check_derivation
from maskline.methods.base import MethodSpec
from maskline.methods.registry import METHODS, method_spec
from maskline.policy_schema import SCHEMA_PATH

#: The info types whose values are prose, the only ones ``scrub`` may mask (:meth:`_Loader.scrub_fits`).
FREE_TEXT_TYPES = frozenset({"FREE_TEXT_WITH_PII"})


@dataclass(frozen=True)
class ColumnPolicy:
    """A column the policy names: its info type and, optionally, a method that overrides the default.

    A column written ``{pass: true}`` has neither: it passes raw, by a person's explicit choice, which stands on every
    row. A column written ``{pass: <shape>}`` (``{pass: labels_0}``, ``{pass: status_words}``: what ``maskline policy
    init`` writes for a column the classifier let pass) passes by the classifier's judgement of a sample, so every
    row is held to that shape and a value without it is masked (:mod:`maskline.sql.shape_guard`); ``held`` is the
    shape. A person who reviewed such a column and wants it raw whatever it holds writes ``true``.
    """

    name: str
    info_type: str | None
    method: MethodSpec | None
    where: str  # key path, for messages and lineage ("datasets["customers"].columns.email")
    held: str | None = None  # {pass: <shape>}: the shape every row is held to (the classifier's pass, not a person's)


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
    """A validated policy. Build one with :func:`load_policy` (a file, a dict) or :meth:`from_yaml` (YAML text)."""

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

    @classmethod
    def from_yaml(cls, text: str, source: str = "<string>") -> Policy:
        """The policy in YAML ``text``, as :func:`load_policy_text` reads it (``source`` names it in errors).

        >>> Policy.from_yaml("unclassified: pass").unclassified
        'pass'
        """
        return load_policy_text(text, source)

    def known_info_types(self) -> set[str]:
        """The built-in info types and the policy's own.

        >>> {"EMAIL", "US_SSN"} <= load_policy({}).known_info_types()
        True
        """
        from maskline.infotypes import INFO_TYPES

        return set(INFO_TYPES) | set(self.info_types)

    def category_of(self, info_type: str) -> str:
        """The category of an info type (built-in or the policy's own).

        >>> load_policy({}).category_of("EMAIL")
        'identifier'
        """
        from maskline.infotypes import INFO_TYPES

        if info_type in self.info_types:
            return self.info_types[info_type].category
        return INFO_TYPES[info_type].category

    def method_for(self, info_type: str) -> MethodSpec:
        """The method for an info type: the policy's ``methods:`` entry, else the catalogue default.

        >>> load_policy({}).method_for("US_SSN").name
        'partial'
        >>> load_policy({"methods": {"US_SSN": "null"}}).method_for("US_SSN").name
        'null'
        """
        if info_type in self.methods:
            return self.methods[info_type]
        custom = self.info_types.get(info_type)
        if custom and custom.method:
            return custom.method
        from maskline.infotypes import INFO_TYPES

        default = dict(INFO_TYPES[info_type].default_method) if info_type in INFO_TYPES else {"method": "redact"}
        return with_derivation(method_spec(default.pop("method"), default, where=f"catalogue default of {info_type}"),
                               self.key.derivation)

    def keyed_methods(self, scan: Any = None) -> list[str]:
        """The keyed methods (those that read the key) this policy can apply, sorted: its column entries' and those
        of the info types the stored ``scan`` found. A column neither names is passed or redacted (no key), whatever
        ``methods:`` or the catalogue would give an info type nobody found. The policy-wide counterpart of
        :meth:`maskline.plan.Plan.keyed_methods`, for a server that warns at start-up, before any table is read.

        >>> cols = {"email": {"info_type": "EMAIL", "method": "hmac"}, "ssn": {"method": "redact"}}
        >>> load_policy({"datasets": {"t": {"columns": cols}}}).keyed_methods()
        ['hmac']
        >>> load_policy({"methods": {"EMAIL": "hash"}, "datasets": {"t": {"columns": {"n": {"pass": True}}}}}).keyed_methods()
        []
        """
        from maskline.methods.registry import METHODS

        specs = [c.method or (self.method_for(c.info_type) if c.info_type else None)
                 for d in self.datasets.values() for c in d.columns.values()]
        for classification in (scan.tables.values() if scan is not None else ()):
            specs += [self.method_for(v.info_type) for v in classification.columns if v.info_type]
        return sorted({s.name for s in specs if s is not None and METHODS[s.name].keyed})

    def dataset(self, table: str, default_schema: str | None = None) -> DatasetPolicy | None:
        """The dataset entry for ``table``, matching ``db.schema.table`` against shorter names and back
        (:func:`maskline.rewrite.table_names.best_entry`, the rule every face looks an entry up by).

        Each part matches as the engine resolves it: an unquoted part in any case, a quoted one exactly
        (``customers`` is PostgreSQL's ``customers``, never its ``"Customers"``, whose entry is written quoted;
        an entry that fits only were case ignored is refused). The entry naming the most parts wins; between
        equals, the one naming as many parts as ``table`` (``customers`` is not ``hr.customers``'s entry when
        both are listed, whatever their order). With ``default_schema`` an unqualified ``table`` is that
        schema's, so an entry naming another schema's table of the same name is not its entry.

        >>> pol = load_policy({"datasets": {"hr.customers": {"columns": {}}, "customers": {"columns": {}}}})
        >>> [next(n for n, d in pol.datasets.items() if d is pol.dataset(t)) for t in ("customers", "hr.customers")]
        ['customers', 'hr.customers']
        >>> pol = load_policy({"datasets": {"hr.customers": {"columns": {}}}})
        >>> pol.dataset("customers", "main") is None, pol.dataset("customers", "hr") is not None
        (True, True)
        >>> pol = load_policy({"datasets": {"crm.customers": {"columns": {}}}})
        >>> pol.dataset('DB.CRM."customers"') is pol.datasets["crm.customers"], pol.dataset("orders")
        (True, None)
        """
        from maskline.rewrite.table_names import best_entry

        name = best_entry(self.datasets, table, default_schema, where=f"{self.source}: datasets")
        return self.datasets[name] if name is not None else None

    def allows_raw(self, identities: tuple[str, ...] | list[str]) -> bool:
        """Whether any of the given identities (``role:x``, ``user:y``) is listed in ``unmask_for``.

        >>> load_policy({"unmask_for": ["role:auditor"]}).allows_raw(["user:ann", "role:auditor"])
        True
        """
        return any(i in self.unmask_for for i in identities)

    def fingerprint(self) -> str:
        """A stable SHA-256 of the policy's content, recorded in lineage as the policy hash.

        >>> pol = load_policy({"unclassified": "pass"})
        >>> pol.fingerprint() == load_policy({"unclassified": "pass"}).fingerprint()
        True
        >>> load_policy({}).fingerprint() == load_policy({"unclassified": "pass"}).fingerprint()
        False
        """
        canonical = json.dumps(self.raw, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def with_derivation(spec: MethodSpec, derivation: int) -> MethodSpec:
    """``spec`` carrying the policy's key derivation when its method reads the key (others ignore it).

    >>> from maskline.methods.registry import method_spec
    >>> with_derivation(method_spec("hash"), 2).derivation, with_derivation(method_spec("redact"), 2).derivation
    (2, 1)
    """
    if not METHODS[spec.name].keyed or spec.derivation == derivation:
        return spec
    return dataclasses.replace(spec, derivation=derivation)


def _path_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else f'["{name}"]'


def _join(path: str, key: str) -> str:
    k = _path_key(key)
    return f"{path}{k}" if k.startswith("[") else (f"{path}.{k}" if path else k)


def _nested_parameter_fix(entry: Mapping[str, Any], key: str, allowed: list[str]) -> str | None:
    """The fix for a method parameter written beside ``method:`` in an entry that nests them, or None.

    ``methods:`` takes ``US_SSN: {method: partial, keep_last: 4}``, so the same spelling in a dataset's column
    is the natural first try; there the parameters go inside ``method:``, and "valid values: info_type,
    method, pass" would not say so.

    >>> _nested_parameter_fix({"method": "partial", "keep_last": 4}, "keep_last", ["info_type", "method", "pass"])
    'parameters go inside method: {method: partial, keep_last: ...}'
    >>> _nested_parameter_fix({"method": "partial", "keep_lst": 4}, "keep_lst", ["info_type", "method"]) is None
    True
    """
    from maskline.methods.registry import METHODS

    method = entry.get("method")
    if "method" not in allowed or not isinstance(method, str) or method not in METHODS:
        return None
    if key not in {f.name for f in METHODS[method].param_fields()}:
        return None
    return f"parameters go inside method: {{method: {method}, {key}: ...}}"


def _path_of(steps: list[Any]) -> str:
    """A key path as messages write it: ``datasets["raw.customers"].columns.email``, ``unmask_for[0]``.

    >>> _path_of(["datasets", "raw.customers", "columns", "email"])
    'datasets["raw.customers"].columns.email'
    >>> _path_of(["unmask_for", 0])
    'unmask_for[0]'
    """
    path = ""
    for i, step in enumerate(steps):
        if isinstance(step, int):
            path += f"[{step}]"
        elif i == 1 and steps[0] == "datasets":
            path += f'["{step}"]'  # dataset names hold dots: always quoted, as the loader writes them
        else:
            path = _join(path, str(step))
    return path


def _one_of_hint(instance: Any, branches: list[Any]) -> str | None:
    """"did you mean" for a mapping that fits none of a ``oneOf``'s shapes because a name is misspelt: the name
    each shape requires (``key:``'s ``env`` or ``airflow_conn``) closest to one the mapping has and no shape knows.

    >>> branches = [{"required": ["env"], "properties": {"env": {}}}, {"required": ["airflow_conn"]}]
    >>> _one_of_hint({"envv": "X"}, branches), _one_of_hint({"vault": "X"}, branches)
    ("did you mean 'env'?", None)
    """
    if not isinstance(instance, Mapping):
        return None
    required = [str(r) for b in branches if isinstance(b, Mapping) for r in b.get("required", ())]
    known = set(required) | {str(k) for b in branches if isinstance(b, Mapping) for k in b.get("properties", {})}
    for name in instance:
        if str(name) not in known and (best := closest(str(name), required)):
            return f"did you mean {best!r}?"
    return None


# Which of several violations at one place is reported: the shape first, then unknown keys.
_PRIORITY = {"type": 0, "additionalProperties": 1, "propertyNames": 2, "required": 3}


def _annotations(err: Any) -> dict[str, Any]:
    """The deepest ``x-what``, ``x-fix`` and ``x-method`` on the schema path of a violation."""
    from maskline.policy_schema import validator

    root = validator().schema  # refs inlined: the schema path can be followed step by step
    notes: dict[str, Any] = {}
    node: Any = root

    def note(n: Any) -> None:
        if isinstance(n, dict):
            notes.update({k: v for k, v in n.items() if k in ("x-what", "x-fix", "x-method")})

    for step in err.absolute_schema_path:
        if isinstance(node, dict) and step not in node and "$ref" in node:  # jsonschema leaves $ref out of paths
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
            note(node)
        present = step in node if isinstance(node, dict) else (
            isinstance(node, list) and isinstance(step, int) and step < len(node))
        if not present:
            break
        node = node[step]
        note(node)
    note(err.schema)
    return notes


class _Loader:
    """Validates a raw policy against its schema, then reads its meaning (info types, methods, patterns)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.derivation = DEFAULT_DERIVATION  # the key's, once read: every keyed method entry carries it

    def fail(self, what: str, path: str, fix: str) -> PolicyError:
        return PolicyError(what, where=f"{self.source}: {path}" if path else self.source, fix=fix)

    def info_type(self, name: Any, known: set[str], path: str) -> str:
        if not isinstance(name, str) or name not in known:
            raise self.fail(f"unknown info type {name!r}", path, did_you_mean(str(name), known))
        return name

    def method(self, value: Any, path: str) -> MethodSpec:
        """A method entry (a name, or ``{method: name, **params}``), checked by the method's own definition."""
        if isinstance(value, str):
            value = {"method": value}
        if not isinstance(value, Mapping):
            raise self.fail(f"expected a mapping, got {type(value).__name__}", path, "e.g. {method: hmac}")
        value = dict(value)
        if "method" not in value:
            raise self.fail("a method entry needs 'method'", path, "e.g. {method: hmac}")
        name = str(value.pop("method"))
        if name not in METHODS:
            raise self.fail(f"unknown masking method {name!r}", f"{path}.method", did_you_mean(name, METHODS))
        try:
            return with_derivation(method_spec(name, value, where=path), self.derivation)
        except PolicyError as e:  # a parameter error: add the file to its key path
            raise PolicyError(e.what, where=f"{self.source}: {e.where}", fix=e.fix) from None

    def scrub_fits(self, info_type: str | None, method: MethodSpec | None, path: str) -> None:
        """Refuse ``scrub`` for an info type that is not free text.

        ``scrub`` replaces the spans its detectors find inside prose and passes the rest as written: on a column of
        SSNs, cards or account numbers written bare (``123456789``), or in any form its SQL patterns do not have,
        nothing is found and the raw value passes. So ``scrub`` fails closed here, at load, rather than masking
        whole what it does not recognise: the policy said "mask this identifier", and a method that keeps every
        value it cannot read is not that, while the fix (a method that masks the whole value) is one line.

        >>> _Loader("p.yml").scrub_fits("US_SSN", method_spec("scrub"), "methods.US_SSN")
        Traceback (most recent call last):
        ...
        maskline.errors.PolicyError: method scrub is for free text, not US_SSN: a value its detectors do not recognise (one written as bare digits) would pass raw (at p.yml: methods.US_SSN). Fix: mask US_SSN with a method that masks the whole value (redact, partial, hmac, hash, null); keep scrub for prose columns (info_type: FREE_TEXT_WITH_PII)
        >>> _Loader("p.yml").scrub_fits("FREE_TEXT_WITH_PII", method_spec("scrub"), "methods.FREE_TEXT_WITH_PII")
        """
        if method is None or method.name != "scrub" or info_type is None or info_type in FREE_TEXT_TYPES:
            return
        raise self.fail(f"method scrub is for free text, not {info_type}: a value its detectors do not recognise "
                        "(one written as bare digits) would pass raw", path,
                        f"mask {info_type} with a method that masks the whole value (redact, partial, hmac, hash, "
                        "null); keep scrub for prose columns (info_type: FREE_TEXT_WITH_PII)")

    def check_schema(self, raw: Any) -> None:
        """Raise the first schema violation as a what/where/fix error (see :mod:`maskline.policy_schema`)."""
        from maskline.policy_schema import passes_schema, validator

        if passes_schema(raw):  # the common case, without importing jsonschema
            return
        errors = sorted(validator().iter_errors(raw), key=lambda e: (len(e.absolute_path), _PRIORITY.get(
            str(e.validator), len(_PRIORITY))))
        if errors:
            raise self.schema_error(errors[0], raw)

    def schema_error(self, err: Any, raw: Any) -> PolicyError:
        steps = list(err.absolute_path)
        path = _path_of(steps)
        notes = _annotations(err)
        if notes.get("x-method"):
            # A method entry: its own definition names the parameter and the closest valid name.
            owner = _path_of(steps[:-1]) if steps and steps[-1] == "method" else path
            self.method(err.instance, owner)
            return self.fail("invalid method entry", path, "e.g. {method: hmac, length: 16}")  # not reached
        expected = err.schema.get("type") if err.validator == "type" else None
        if expected == "object" or (isinstance(expected, list) and "object" in expected):
            # The entry's own fix, where the schema has one, shows the mapping it wants (key: {env: ...}).
            return self.fail(f"expected a mapping, got {type(err.instance).__name__}", path,
                             notes.get("x-fix", "write it as 'key: value' lines"))
        if err.validator == "additionalProperties" and isinstance(err.instance, Mapping):
            allowed = list(err.schema.get("properties", {}))
            extra = next(str(k) for k in err.instance if k not in allowed)
            return self.fail(f"unknown key {extra!r}", _join(path, extra),
                             _nested_parameter_fix(err.instance, extra, allowed) or did_you_mean(extra, allowed))
        if "propertyNames" in err.absolute_schema_path:  # the name itself is wrong: point at it
            path = _join(path, str(err.instance))
        label = str(steps[-1]) if steps else "the policy"
        if "x-what" in notes:
            what = notes["x-what"]
        elif err.validator == "enum":
            what = f"{label} must be one of {', '.join(repr(v) for v in err.validator_value)}"
            what += f", not {err.instance!r}" if isinstance(err.instance, str) else ""
        else:
            what = f"invalid value for {label}"
        if "x-fix" in notes:
            fix = notes["x-fix"]
            if err.validator == "oneOf" and (hint := _one_of_hint(err.instance, err.validator_value)):
                fix = f"{hint} {fix}"  # key: {envv: X}: the source meant, then the shapes it takes
        elif err.validator == "enum":
            fix = did_you_mean(str(err.instance), [str(v) for v in err.validator_value])
        else:
            fix = "see the policy's JSON Schema: maskline policy schema"
        return self.fail(what, path, fix)

    def load(self, raw: Any) -> Policy:
        from maskline.infotypes import INFO_TYPES

        if isinstance(raw, Mapping) and not isinstance(raw, dict):
            raw = dict(raw)  # JSON Schema's "object" is a dict
        if isinstance(raw, Mapping) and isinstance(raw.get("key"), Mapping) and "derivation" in raw["key"]:
            # Before the schema, whose oneOf would only say the key names no single source.
            check_derivation(raw["key"]["derivation"], f"{self.source}: key.derivation")
        self.check_schema(raw)
        sections = {k: (raw.get(k) or {}) for k in ("key", "methods", "datasets", "info_types", "rewrite", "classify")}
        key = DEFAULT_KEY_REF
        if "key" in raw:
            key = KeyRef(env=sections["key"].get("env"), airflow_conn=sections["key"].get("airflow_conn"),
                         derivation=sections["key"].get("derivation", DEFAULT_DERIVATION))
        self.derivation = key.derivation

        custom: dict[str, CustomInfoType] = {}
        for name, spec in sections["info_types"].items():
            path = _join("info_types", name)
            spec = spec or {}
            if name in INFO_TYPES:
                raise self.fail(f"info type {name!r} is built in", path, "choose another name")
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
            method = self.method(spec["method"], path) if "method" in spec else None
            self.scrub_fits(name, method, f"{path}.method")
            custom[name] = CustomInfoType(name, spec.get("category", "identifier"), pattern, validator,
                                          tuple(spec.get("name_hints", [])), method)
        known = set(INFO_TYPES) | set(custom)

        methods: dict[str, MethodSpec] = {}
        for it, spec in sections["methods"].items():
            path = _join("methods", str(it))
            self.info_type(it, known, path)
            methods[it] = self.method(spec, path)
            self.scrub_fits(str(it), methods[it], path)

        datasets: dict[str, DatasetPolicy] = {}
        for ds_name, ds in sections["datasets"].items():
            ds_path = f'datasets["{ds_name}"]'
            cols: dict[str, ColumnPolicy] = {}
            folded: dict[str, str] = {}
            for col, spec in ((ds or {}).get("columns") or {}).items():
                path = _join(f"{ds_path}.columns", str(col))
                # Columns are matched without regard to case, so `Email` and `email` are one column: the entry
                # read last would win silently, a `pass` over an info type included.
                first = folded.setdefault(str(col).lower(), str(col))
                if first != str(col):
                    raise self.fail(f"columns {first!r} and {str(col)!r} name one column (names are matched "
                                    "without regard to case)", path, f"keep one entry for it, e.g. {first!r}")
                if "pass" in spec and len(spec) > 1:
                    raise self.fail("'pass' must stand alone", f"{path}.pass",
                                    "write {pass: true} to pass the column raw, or give only an info_type/method")
                info_type = self.info_type(spec["info_type"], known, f"{path}.info_type") if "info_type" in spec else None
                method = self.method(spec["method"], path) if "method" in spec else None
                self.scrub_fits(info_type, method, f"{path}.method")
                held = spec["pass"] if isinstance(spec.get("pass"), str) else None  # the schema lists the shapes
                cols[str(col)] = ColumnPolicy(str(col), info_type, method, path, held)
            datasets[str(ds_name)] = DatasetPolicy(str(ds_name), cols)

        rw = sections["rewrite"]
        if "safe_functions" in rw:
            import warnings

            # Safety no longer depends on which functions see a column: every query reads masked relations.
            warnings.warn(f"{self.source}: rewrite.safe_functions is ignored and will be removed; functions are "
                          "checked against a per-dialect allow-list and every query reads masked relations",
                          DeprecationWarning, stacklevel=3)
        cl = sections["classify"]
        return Policy(
            version=1, key=key, unclassified=raw.get("unclassified", "mask"),
            unclassified_explicit="unclassified" in raw, methods=methods, datasets=datasets,
            unmask_for=tuple(raw.get("unmask_for", [])), info_types=custom, allow_list=tuple(raw.get("allow_list", [])),
            rewrite=RewriteSettings(rw.get("filter_literals", "tokenize")),
            classify=ClassifySettings(float(cl.get("min_confidence", 0.6)), cl.get("sample", 10_000)),
            source=self.source, raw=dict(raw),
        )

    def _check_validator(self, name: Any, path: str) -> None:
        try:
            from maskline.infotypes.validators import VALIDATORS
        except ImportError:  # the classifier's validators are optional at this layer
            return
        if name not in VALIDATORS:
            raise self.fail(f"unknown validator {name!r}", path, did_you_mean(str(name), VALIDATORS))


def load_policy(source: str | os.PathLike[str] | Mapping[str, Any] | Policy) -> Policy:
    """Load and validate a policy from its YAML file, a mapping, or a :class:`Policy` (returned as it is).

    A string is always a path, by its type, never by what it looks like: ``"conf/customers"``, ``"policy"`` or
    ``"team: ops.yml"`` each name a file, and a file that is missing is "not found" under that name. The policy's
    YAML text itself goes to :func:`load_policy_text` (or :meth:`Policy.from_yaml`). A string of several lines is
    still read as YAML text, as before, with a :class:`DeprecationWarning` (no file name holds a line break); that
    reading will be removed.

    >>> load_policy({"unclassified": "pass"}).unclassified
    'pass'
    >>> try:
    ...     load_policy("no/such/policy.yml")
    ... except PolicyError as e:
    ...     print(e.what, "|", e.fix.split("; ")[-1])  # the first part names the working directory
    policy file not found: no/such/policy.yml | to give the policy's YAML text itself, pass \
maskline.load_policy_text(text), or the policy as a dict
    """
    if isinstance(source, Policy):
        return source
    if isinstance(source, Mapping):
        return _Loader("<dict>").load(source)
    if isinstance(source, str) and "\n" in source:
        import warnings

        # No file name holds a line break, so this is the YAML text older releases took here: read as it was, and
        # the caller told where it goes now. One line is never guessed at: it is a path, like any other string.
        warnings.warn("load_policy() got the policy's YAML text as a string; reading it so is deprecated and will be "
                      "removed (a string is a file path). Pass the text to maskline.load_policy_text(text) (or "
                      "Policy.from_yaml(text)), or pass a dict", DeprecationWarning, stacklevel=2)
        return load_policy_text(source)
    if isinstance(source, str) and not source.strip():  # Path("") is ".", which would be "a directory"
        raise PolicyError("the policy path is empty", where="load_policy(source)",
                          fix="pass the policy file's path, e.g. 'policy.yml', or a dict")
    if isinstance(source, (str, os.PathLike)):
        return _load_file(Path(source), given_as_str=isinstance(source, str))
    raise PolicyError(f"a policy cannot be read from a {type(source).__name__}", where="load_policy(source)",
                      fix="pass the policy file's path, a dict, or maskline.load_policy_text(yaml_text)")


def load_policy_text(text: str, source: str = "<string>") -> Policy:
    """Load and validate a policy from its YAML text; ``source`` names it in errors (a Variable, a setting).

    >>> load_policy_text("version: 1\\nunclassified: pass\\n").unclassified
    'pass'
    >>> try:
    ...     load_policy_text("unclassified: sometimes", source="Airflow Variable 'p'")
    ... except PolicyError as e:
    ...     print(e.where)
    Airflow Variable 'p': unclassified
    """
    if not isinstance(text, str):
        raise PolicyError(f"policy YAML text must be a str, not {type(text).__name__}", where=source,
                          fix="pass a path or a mapping to maskline.load_policy instead")
    import yaml

    from maskline.policy_yaml import load_policy_yaml

    try:
        raw = load_policy_yaml(text, source)
    except yaml.YAMLError as e:
        from maskline.yaml_errors import describe_yaml_error

        # By kind and position only: PyYAML's message quotes the file's lines, which can hold values.
        what, where = describe_yaml_error(e, text, source)
    else:
        what = ""
    if what:  # raised outside the handler, so the error does not hold PyYAML's as its context either
        raise PolicyError(f"policy is not valid YAML: {what}", where=where, fix="fix the YAML syntax at that line")
    if raw is None:
        raise PolicyError("policy is empty", where=source, fix="start from 'maskline policy init' or the README example")
    return _Loader(source).load(raw)


def _load_file(path: Path, *, given_as_str: bool) -> Policy:
    """The policy in the file at ``path``; a missing file or a directory is refused by that name."""
    name = str(path)
    if path.is_dir():
        raise PolicyError("the policy path is a directory", where=name,
                          fix="pass the policy file itself, e.g. policy.yml inside it")
    if not path.is_file():
        fix = "check the path"
        if not path.is_absolute():  # an Airflow worker or a dbt run may start elsewhere than the DAG's author
            fix += f" (a relative path is read from the working directory, {Path.cwd()})"
        # A string was read as a path by its type: say where YAML text goes, since that may be what was meant.
        fix += ("; to give the policy's YAML text itself, pass maskline.load_policy_text(text), or the policy as "
                "a dict"
                if given_as_str else ", or run 'maskline policy init'")
        raise PolicyError(f"policy file not found: {path}", where=name, fix=fix)
    from maskline.yaml_errors import read_utf8

    return load_policy_text(read_utf8(path, what="the policy", error=PolicyError), name)


def policy_schema() -> dict[str, Any]:
    """The JSON Schema of the policy file, shipped in the package.

    >>> policy_schema()["title"]
    'maskline policy'
    """
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
