"""The registry of masking methods: an explicit dict, no magic.

>>> sorted(METHODS)
['char_mask', 'email', 'fake', 'generalize', 'hash', 'hmac', 'null', 'partial', 'redact', 'scrub']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from maskline.errors import PolicyError, did_you_mean
from maskline.methods import char_mask, email, fake, generalize, hash, hmac, null, partial, redact, scrub
from maskline.methods.base import MethodDef, MethodSpec, parse_params

METHODS: dict[str, MethodDef] = {
    m.METHOD.name: m.METHOD
    for m in (redact, null, partial, char_mask, email, hash, hmac, generalize, fake, scrub)
}


def method_spec(name: str, params: Mapping[str, Any] | None = None, where: str = "method") -> MethodSpec:
    """A validated :class:`MethodSpec`; unknown names suggest the closest one.

    >>> method_spec("partial", {"keep_last": 4}).describe()
    'partial(keep_last=4)'
    >>> method_spec("hmca")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: unknown masking method 'hmca' (at method). Fix: did you mean 'hmac'?
    """
    if name not in METHODS:
        raise PolicyError(f"unknown masking method {name!r}", where=where, fix=did_you_mean(name, METHODS))
    return MethodSpec(name, parse_params(METHODS[name], dict(params or {}), where))
