"""maskline: mask PII and secrets at transform time.

The public API is what ``__all__`` lists; everything else is internal and may
change. Names are imported on first access, so ``import maskline`` does no work
(DAG parsing stays fast).

>>> import maskline
>>> pol = maskline.load_policy({"unclassified": "pass",
...                             "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> maskline.compile_select(maskline.build_plan(pol, "t", [("email", "text")]), "t", "duckdb").sql("duckdb")[:29]
'SELECT CASE WHEN email IS NUL'
>>> maskline.scrub("mail bob@example.com")[0]
'mail [EMAIL]'

``maskline.__version__`` is the installed distribution's version, which the
build takes from the git tag (see CHANGELOG.md).
"""

from __future__ import annotations

import sys
import types
from typing import Any

# Public name -> the module that defines it.
_EXPORTS = {
    # policy, plan and SQL
    "Policy": "maskline.policy",
    "load_policy": "maskline.policy",
    "load_policy_text": "maskline.policy",
    "build_plan": "maskline.plan",
    "Plan": "maskline.plan",
    "compile_select": "maskline.sql.compile",
    "key_setup": "maskline.sql.session",
    # keys
    "KeyMaterial": "maskline.keys",
    "KeyRef": "maskline.keys",
    "resolve_key": "maskline.keys",
    "hmac_hex": "maskline.keys",
    # classification
    "classify": "maskline.classify",
    "classify_column": "maskline.classify",
    "Classification": "maskline.classify",
    # local masking
    "mask_frame": "maskline.engine",
    "mask_file": "maskline.engine",
    # safe query path
    "rewrite": "maskline.rewrite",
    "run_masked": "maskline.rewrite.run",
    # free text
    "scrub": "maskline.text",
    "find": "maskline.text",
    # engines
    "engine": "maskline.adapters",
    "engine_of": "maskline.adapters",
    "parse_url": "maskline.adapters.url",
    # errors
    "MasklineError": "maskline.errors",
    "PolicyError": "maskline.errors",
    "KeyMissingError": "maskline.errors",
    "ClassificationError": "maskline.errors",
    "MaskingError": "maskline.errors",
    "InputError": "maskline.errors",
    "UnsupportedDialectError": "maskline.errors",
    "RewriteRefused": "maskline.errors",
    "QueryFailed": "maskline.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    """A public name, imported on first access; ``__version__`` from the installed distribution.

    >>> import maskline
    >>> maskline.__version__.split(".")[0].isdigit()
    True
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("maskline")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'maskline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


class _CallablePackage(types.ModuleType):
    """A subpackage that shares its name with a public function, and calls it.

    Python binds a subpackage to its parent's attribute of the same name when it is first imported, so without
    this ``maskline.rewrite`` would be the function or the package depending on what was imported first
    (``from maskline import run_masked, rewrite`` gave the package, which cannot be called). Calling the package
    calls the function, so the public name works whichever it is bound to.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        import importlib

        name = self.__name__.rpartition(".")[2]
        return getattr(importlib.import_module(_EXPORTS[name]), name)(*args, **kwargs)


class _Maskline(types.ModuleType):
    """The ``maskline`` package: a subpackage bound over a public function is made callable (see above).

    >>> import maskline, maskline.rewrite
    >>> callable(maskline.rewrite) and callable(maskline.classify) and callable(maskline.engine)
    True
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _EXPORTS and value.__name__ == f"{__name__}.{name}":
            value.__class__ = _CallablePackage
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Maskline
