"""Which key a dbt build masked with, for its ``maskline_masking`` facets: the key check value of the key the
package's macros read (``maskline.keys.key_check``), so a dbt model and an Airflow task masking under one key show
one value in Marquez, and a rotated key another.

The variable is chosen as the macros choose it (``dbt_macros/macros/internal/keys.sql``, ``_key_env`` and
``_key_derivation``): the synced policy's ``key.env`` when maskline may name it, else ``vars.maskline_key_env``
(which must match the synced policy's hash of the name), else ``MASKLINE_KEY``. dbt-ol runs dbt in its own
process with the same environment, so the variable holds the key the models were built with. Where the macros
would stop the run, or the server reads the key itself (``maskline_key_source: database``), nothing is recorded
rather than a guess: a wrong check value would say two runs are comparable when they are not.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping

from openlineage_ext.dbt_manifest import Manifest, _dbt_var


def dbt_key_name(manifest: Manifest, argv: list[str] | None = None) -> str | None:
    """The environment variable dbt's macros read the key from, or None where they would stop or read no variable.

    >>> dbt_key_name(Manifest({}, "/nonexistent/target/manifest.json"), argv=[])
    'MASKLINE_KEY'
    """
    if str(_dbt_var(manifest, "maskline_key_source", argv) or "env") != "env":
        return None  # the server copies the key maskline protect installed: no variable holds it here
    given = _dbt_var(manifest, "maskline_key_env", argv)
    given = str(given) if given else None
    synced = manifest.synced_policy
    place = (synced or {}).get("key_place")
    if not isinstance(place, Mapping):
        return given or "MASKLINE_KEY"
    if place.get("airflow_conn"):
        return given
    if place.get("env"):
        return None if given and given != place["env"] else str(place["env"])
    md5 = place.get("env_md5")
    if given and md5 and hashlib.md5(given.encode(), usedforsecurity=False).hexdigest() == md5:
        return given
    return None


def dbt_key_derivation(manifest: Manifest, argv: list[str] | None = None) -> int:
    """The key derivation the macros use: the synced policy's, else ``vars.maskline_key_derivation``, else 1.

    >>> dbt_key_derivation(Manifest({}, "/nonexistent/target/manifest.json"), argv=[])
    1
    """
    from maskline.keys import DEFAULT_DERIVATION

    synced = manifest.synced_policy
    if synced is not None:
        value = synced.get("key_derivation", DEFAULT_DERIVATION)
    else:
        value = _dbt_var(manifest, "maskline_key_derivation", argv) or DEFAULT_DERIVATION
    try:
        return int(value)
    except (TypeError, ValueError):
        return DEFAULT_DERIVATION


def dbt_key_check(manifest: Manifest, argv: list[str] | None = None,
                  environ: Mapping[str, str] | None = None) -> dict[str, object] | None:
    """``keyCheck`` for a dbt build's masked models; None when no key can be read as the macros read it.

    >>> m = Manifest({}, "/nonexistent/target/manifest.json")
    >>> dbt_key_check(m, argv=[], environ={"MASKLINE_KEY": "k" * 16})["value"]
    '2c0714e565f5fa50'
    >>> dbt_key_check(m, argv=[], environ={}) is None
    True
    """
    from maskline.errors import MasklineError
    from maskline.keys import KeyRef, key_check, resolve_key

    name = dbt_key_name(manifest, argv)
    if name is None:
        return None
    env = os.environ if environ is None else environ
    try:
        key = resolve_key(KeyRef(env=name), env)
    except MasklineError:  # no key, or one the macros refuse too: the keyed models did not build
        return None
    return key_check(key, dbt_key_derivation(manifest, argv))
