"""Which key a dbt build masked with, for its ``maskline_masking`` facets: the key check value of the key the
package's macros read (``maskline.keys.key_check``), so a dbt model and an Airflow task masking under one key show
one value in Marquez, and a rotated key another.

Which variable holds the key, and under which derivation, is decided once, by the dbt package
(``dbt_macros/macros/internal/keys.sql``: ``_key_env_choice``, ``_key_derivation_choice``). While dbt parses a
model that masks, the macros record that decision in the model's meta (``_record_key_place``)::

    meta: {maskline_key_place: {source: env, env_md5: <MD5 of the variable's name>, derivation: 2}}

This module reads the record and decides nothing itself. The name is recorded only as its MD5 (a key pasted where
its name belongs must not reach manifest.json, dbt docs or lineage), so the variable is the one in this process's
environment whose name has that MD5: dbt-ol runs dbt in its own process with the same environment, so it holds
the key the models were built with. Nothing is recorded, and so no ``keyCheck``, where the macros would stop the
run, where the server reads the key itself (``source: database``), and in a manifest written by a package before
the record existed: a wrong check value would say two runs are comparable when they are not.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from typing import Any

PLACE = "maskline_key_place"  # the meta key the macros write (keys.sql, _record_key_place)


def recorded_key_place(node: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """Where the macros recorded the model's key to be (its meta's ``maskline_key_place``), or None.

    >>> recorded_key_place({"meta": {"maskline_key_place": {"source": "database", "derivation": 1}}})["source"]
    'database'
    >>> recorded_key_place({"config": {"meta": {}}}) is None  # an older package recorded nothing
    True
    """
    for meta in ((node or {}).get("meta"), ((node or {}).get("config") or {}).get("meta")):
        place = meta.get(PLACE) if isinstance(meta, Mapping) else None
        if isinstance(place, Mapping):
            return place
    return None


def variable_named_by_md5(md5: str, environ: Mapping[str, str]) -> str | None:
    """The environment variable whose name has MD5 ``md5`` (dbt's ``local_md5``), or None.

    >>> variable_named_by_md5(hashlib.md5(b"HR_KEY").hexdigest(), {"HR_KEY": "...", "PATH": "/bin"})
    'HR_KEY'
    >>> variable_named_by_md5(hashlib.md5(b"HR_KEY").hexdigest(), {"PATH": "/bin"}) is None
    True
    """
    found = [name for name in environ if hashlib.md5(name.encode(), usedforsecurity=False).hexdigest() == md5]
    return found[0] if len(found) == 1 else None


def dbt_key_check(node: Mapping[str, Any] | None,
                  environ: Mapping[str, str] | None = None) -> dict[str, object] | None:
    """``keyCheck`` of a dbt model's keyed methods, from the key place the macros recorded in its meta; None when
    nothing was recorded, the key is not read from a variable, or the variable holds no key the macros accept.

    >>> node = {"meta": {"maskline_key_place": {"source": "env", "derivation": 1,
    ...                                         "env_md5": hashlib.md5(b"MASKLINE_KEY").hexdigest()}}}
    >>> dbt_key_check(node, environ={"MASKLINE_KEY": "k" * 16})["value"]
    '2c0714e565f5fa50'
    >>> dbt_key_check(node, environ={}) is None, dbt_key_check({"meta": {}}, environ={"MASKLINE_KEY": "k" * 16})
    (True, None)
    """
    from maskline.errors import MasklineError
    from maskline.keys import KeyRef, key_check, resolve_key

    place = recorded_key_place(node)
    if place is None or place.get("source") != "env":
        return None  # no record (an older package), or the server copies the key: no variable holds it here
    env = os.environ if environ is None else environ
    name = variable_named_by_md5(str(place.get("env_md5") or ""), env)
    derivation = place.get("derivation")
    if name is None or not isinstance(derivation, int) or isinstance(derivation, bool):
        return None
    try:
        key = resolve_key(KeyRef(env=name), env)
    except MasklineError:  # no key, or one the macros refuse too: the keyed models did not build
        return None
    return key_check(key, derivation)
