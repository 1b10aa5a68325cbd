"""Lineage protection on by default: once the plugin loads, every task's OpenLineage events are scrubbed
by maskline and carry ``maskline_identity``, whatever transport the user configured.

The OpenLineage provider offers no hook around its client, so :func:`install` wraps two of its call-time
accessors (never at import, idempotently):

- ``OpenLineageAdapter.get_or_create_openlineage_client``: the client it returns sends through
  :class:`openlineage_ext.guarded_transport.GuardedTransport`;
- ``conf.custom_run_facets``: it always includes maskline's identity function, beside the user's own.

``[maskline] lineage_protection = False`` turns it off (for a deployment that configures the
``transform`` transport itself). Any failure here is logged; lineage never fails a task.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger(__name__)
IDENTITY_FACETS_FUNC = "openlineage_ext.airflow_run_facets.identity_run_facets"
_MARK = "__maskline_guarded__"


def _guarded_client_factory(original: Any) -> Any:
    @functools.wraps(original)
    def get_or_create_openlineage_client(self: Any) -> Any:
        client = original(self)
        try:
            from airflow_plugin.registered_secrets import hide_registered_secrets_in_event
            from openlineage_ext.guarded_transport import guard_client

            guard_client(client, hide=hide_registered_secrets_in_event)
        except Exception as e:  # noqa: BLE001
            log.warning("maskline: could not guard the OpenLineage client (%s)", type(e).__name__)
        return client

    setattr(get_or_create_openlineage_client, _MARK, True)
    return get_or_create_openlineage_client


def _with_identity(original: Any) -> Any:
    @functools.wraps(original)
    def custom_run_facets() -> set[str]:
        return {*original(), IDENTITY_FACETS_FUNC}

    setattr(custom_run_facets, _MARK, True)
    return custom_run_facets


def _operator_key() -> Any:
    """The key as operators resolve it (Airflow connection first), for identity pseudonyms."""
    from airflow_plugin.key_source import resolve_operator_key
    from maskline.policy import load_policy

    return resolve_operator_key(load_policy({}))


def install() -> bool:
    """Guard the provider's client and add the identity facet function; True if the provider is there.

    >>> install() in (True, False)
    True
    """
    try:
        from airflow.providers.openlineage import conf
        from airflow.providers.openlineage.plugins.adapter import OpenLineageAdapter
    except Exception:  # noqa: BLE001 - the OpenLineage provider is optional
        return False
    try:
        current = OpenLineageAdapter.get_or_create_openlineage_client
        if not getattr(current, _MARK, False):
            OpenLineageAdapter.get_or_create_openlineage_client = _guarded_client_factory(current)  # type: ignore[method-assign]
        if not getattr(conf.custom_run_facets, _MARK, False):
            conf.custom_run_facets = _with_identity(conf.custom_run_facets)  # type: ignore[assignment]
        from openlineage_ext.airflow_identity import use_key_source
        from openlineage_ext.guarded_transport import silence_raw_event_logs

        silence_raw_event_logs()
        use_key_source(_operator_key)
    except Exception as e:  # noqa: BLE001 - lineage protection must never break plugin loading
        log.warning("maskline: lineage protection not installed (%s)", type(e).__name__)
        return False
    return True
