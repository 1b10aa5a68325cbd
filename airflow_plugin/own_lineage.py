"""maskline operators report their own lineage only, never what Airflow's hook lineage collector holds.

The collector (``airflow.sdk.lineage.get_hook_lineage_collector``) is a per-process singleton (``functools.cache``)
that nothing clears between tasks. A worker runs each task in a process of its own, so there it holds the task's own
hook calls; in ``dag.test()`` (a developer's, and the suite's shared one) every task runs in one process, and it holds
every earlier task's SQL. The OpenLineage provider reads it whenever an extractor returns no datasets: a maskline
operator's START does (its datasets are known once it ran), so each maskline task re-emitted every earlier task's
``SELECT`` as its own ``<dag>.<task>.query.<n>`` jobs, and Marquez drew edges from tables it never read.

maskline's operators read their data through the hook's connection, never through the hook methods that report to the
collector, and say everything they read and wrote in their own facets. So they switch the provider's hook-lineage
fallback off for themselves with the provider's documented per-task API,
``extend_global_openlineage_emission_policy(task, hook_lineage=False)`` (OpenLineage provider 2.x): no collector
state is touched or cleared, other tasks keep theirs, and an administrator's locked ``emission_policy`` rule still
wins. The flag is stored through the provider's light module (its public API package imports the OpenLineage client,
about 0.4 s per DAG-parsing process); with a provider too old to have the API, nothing changes.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar, cast

log = logging.getLogger(__name__)

T = TypeVar("T")


def own_lineage_only(task: T) -> T:
    """Tell the OpenLineage provider that ``task``'s lineage is its own facets, never the hook lineage collector's.

    >>> class Task:  # a stand-in with what the provider's API reads: a task id and params
    ...     task_id, params = "mask", {}
    >>> task = own_lineage_only(Task())
    >>> task.params["_openlineage_emission_policy"].value
    {'hook_lineage': False}
    """
    try:
        # The provider's public function stores the flag with these two helpers. Its module's package
        # (`airflow.providers.openlineage.api`) imports the OpenLineage client, requests and the listener at its
        # top: about 0.43 s CPU in every process that parses a DAG file with a maskline operator (measured,
        # provider 2.x), where this module alone takes 4 ms. The flag stored is the same; the provider still
        # resolves it against an administrator's locked rules when the task runs.
        from airflow.providers.openlineage.utils.emission_policy import (
            HOOK_LINEAGE,
            OL_EMISSION_POLICY_PARAM,
            _merge_param,
        )
    except ImportError:  # a provider that lays it out otherwise: its public function (slower to import)
        return _through_public_api(task)
    try:
        _merge_param(task, OL_EMISSION_POLICY_PARAM, {HOOK_LINEAGE: False})
    except Exception as e:  # noqa: BLE001 - lineage settings must never stop a DAG from loading
        log.warning("maskline: could not keep hook lineage out of task %s (%s)", getattr(task, "task_id", "?"),
                    type(e).__name__)
    return task


def _through_public_api(task: T) -> T:
    """The provider's documented call, for a provider whose private layout differs from 2.x's.

    >>> class Task:
    ...     task_id, params = "mask", {}
    >>> _through_public_api(Task()).params["_openlineage_emission_policy"].value
    {'hook_lineage': False}
    """
    try:
        from airflow.providers.openlineage.api.emission_policy import (
            extend_global_openlineage_emission_policy,
        )
    except ImportError:  # no provider, or one without per-task emission policies: nothing to switch off
        return task
    try:
        extend_global_openlineage_emission_policy(cast(Any, task), hook_lineage=False)
    except Exception as e:  # noqa: BLE001 - lineage settings must never stop a DAG from loading
        log.warning("maskline: could not keep hook lineage out of task %s (%s)", getattr(task, "task_id", "?"),
                    type(e).__name__)
    return task
