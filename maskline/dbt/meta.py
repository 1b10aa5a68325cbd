"""The one reader of dbt column ``meta.maskline``, with the policy's spelling and the policy's rules.

A column's meta is written like a policy column::

    meta: {maskline: {info_type: US_SSN, method: {method: hmac, length: 16}}}
    meta: {maskline: {info_type: EMAIL}}            # the policy's method for EMAIL
    meta: {maskline: {method: redact}}              # a method name alone, as in the policy

It is checked by the policy loader itself (the same method, parameter and info
type errors, with did-you-mean), and an ``info_type`` without a method takes
the *policy's* method for it (``methods:``, then a custom ``info_types:``
entry, then the catalogue default), so a column masks the same way in dbt as in
every other face. ``maskline.dbt.check``, the OpenLineage dbt enrichment and
``maskline dbt sync`` read meta only through here; the Jinja macros
(``dbt_macros/macros/internal/column_policy.sql``) follow the same rules, and a
test renders both over the same cases.

Older spellings still work for one release and raise a ``DeprecationWarning``
(the macros log a dbt warning): parameters beside the method
(``{method: hmac, length: 16}``), a ``params:`` mapping, and a bare method name
(``maskline: hmac``).

>>> read_column_meta({"info_type": "US_SSN", "method": {"method": "hmac", "length": 16}}, "m.ssn").method.describe()
'hmac(length=16)'
>>> read_column_meta({"info_type": "EMIAL"}, "m.email")
Traceback (most recent call last):
...
maskline.errors.PolicyError: unknown info type 'EMIAL' (at m.email.meta.maskline.info_type). Fix: did you mean 'EMAIL'?
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from maskline.errors import PolicyError
from maskline.methods.base import MethodSpec

KEYS = ("info_type", "method")
# Keys the OpenLineage reader adds to the meta it builds from an inline maskline.mask() call; not user meta.
INTERNAL_KEYS = ("source",)


@dataclass(frozen=True)
class MetaPolicy:
    """What a column's ``meta.maskline`` says: its info type (or None) and the method that masks it."""

    info_type: str | None
    method: MethodSpec
    where: str

    @property
    def label(self) -> str:
        """The info type, else the method name: how a finding names the column's sensitivity.

        >>> read_column_meta({"method": "redact"}, "m.x").label
        'redact'
        """
        return self.info_type or self.method.name


def column_meta(column: Mapping[str, Any]) -> Any:
    """``meta.maskline`` of a manifest or graph column (dbt >= 1.10 may keep meta under ``config``), or None.

    >>> column_meta({"config": {"meta": {"maskline": {"method": "hmac"}}}})
    {'method': 'hmac'}
    >>> column_meta({"meta": {}}) is None
    True
    """
    meta = column.get("meta") or {}
    if "maskline" not in meta:
        meta = (column.get("config") or {}).get("meta") or {}
    return meta.get("maskline")


def canonical(meta: Any, where: str, policy: Any = None) -> dict[str, Any]:
    """``meta.maskline`` in the policy's spelling, warning once per deprecated spelling it had.

    ``policy`` resolves the method that parameters beside a bare info type adjust (the deprecated
    ``{info_type: IBAN, keep_last: 2}``).

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     canonical({"method": "partial", "keep_last": 4}, "m.card")
    {'method': {'method': 'partial', 'keep_last': 4}}
    """
    if isinstance(meta, str):
        _deprecated(where, f"a bare method name ({meta!r})", f"{{method: {meta}}}")
        meta = {"method": meta}
    if not isinstance(meta, Mapping):
        raise PolicyError("meta.maskline must be a mapping", where=f"{where}.meta.maskline",
                          fix="write meta: {maskline: {info_type: EMAIL}} or {maskline: {method: {method: hmac}}}")
    meta = {k: v for k, v in meta.items() if k not in INTERNAL_KEYS}
    out = {k: meta[k] for k in KEYS if k in meta}
    flat = {k: v for k, v in meta.items() if k not in (*KEYS, "params")}
    nested = meta.get("params")
    if (flat or nested is not None) and isinstance(out.get("method"), str):
        params = {**flat, **(nested if isinstance(nested, Mapping) else {})}
        spelled = "a params: mapping" if nested is not None else "parameters beside the method (" + \
            ", ".join(sorted(flat)) + ")"
        inner = ", ".join(f"{k}: {v}" for k, v in params.items())
        _deprecated(where, spelled, f"method: {{method: {out['method']}, {inner}}}")
        out["method"] = {"method": out["method"], **params}
    elif (flat or nested is not None) and "method" not in out and isinstance(out.get("info_type"), str) \
            and policy is not None and out["info_type"] in policy.known_info_types():
        # Parameters beside an info type adjusted its default method; in the policy's spelling that method is named.
        default = policy.method_for(out["info_type"]).as_dict()
        params = {**flat, **(nested if isinstance(nested, Mapping) else {})}
        out["method"] = {**default, **params}
        inner = ", ".join(f"{k}: {v}" for k, v in out["method"].items() if k != "method")
        _deprecated(where, "parameters beside an info type", f"method: {{method: {default['method']}, {inner}}}")
    elif flat or nested is not None:
        from maskline.errors import did_you_mean

        name = next(iter(flat), "params")
        raise PolicyError(f"unknown key {name!r} in meta.maskline", where=f"{where}.meta.maskline.{name}",
                          fix=did_you_mean(str(name), KEYS) + "; parameters go inside method: {method: NAME, ...}")
    return out


def _deprecated(where: str, spelled: str, instead: str) -> None:
    warnings.warn(f"{where}.meta.maskline: {spelled} is deprecated and will be removed in the next release; "
                  f"write {instead} (the policy's spelling)", DeprecationWarning, stacklevel=4)


def read_column_meta(meta: Any, where: str, policy: Any = None) -> MetaPolicy:
    """Validate ``meta.maskline`` with the policy loader and resolve its method under ``policy``.

    ``policy`` (a :class:`~maskline.policy.Policy`, default an empty one) supplies custom info types and the
    ``methods:`` an info type maps to. Errors are :class:`~maskline.errors.PolicyError` naming
    ``<where>.meta.maskline``.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"methods": {"EMAIL": {"method": "hmac", "length": 16}}})
    >>> read_column_meta({"info_type": "EMAIL"}, "m.email", pol).method.describe()
    'hmac(length=16)'
    """
    from maskline.policy import _join, _Loader, load_policy

    pol = policy if policy is not None else load_policy({})
    spec = canonical(meta, where, pol)
    loader = _Loader(pol.source)
    path = f"{where}.meta.maskline"
    try:
        if "info_type" not in spec and "method" not in spec:
            raise PolicyError("meta.maskline names neither an info_type nor a method", where=path,
                              fix="add info_type: <a maskline info type> or method: <redact|hmac|...>")
        info_type = (loader.info_type(spec["info_type"], pol.known_info_types(), _join(path, "info_type"))
                     if "info_type" in spec else None)
        method = loader.method(spec["method"], path) if "method" in spec else pol.method_for(str(info_type))
        loader.scrub_fits(info_type, method, f"{path}.method")
    except PolicyError as e:
        # The loader prefixes the policy's file; a meta error is in the dbt project, at ``where``.
        at = e.where.split(": ", 1)[1] if e.where and e.where.startswith(f"{pol.source}: ") else e.where
        raise PolicyError(e.what, where=at, fix=e.fix) from None
    return MetaPolicy(info_type, method, path)
