"""``maskline_identity`` on every Airflow task event, maskline operator or not.

Enable it with one line of Airflow configuration::

    [openlineage]
    custom_run_facets = openlineage_ext.airflow_run_facets.identity_run_facets

(or ``AIRFLOW__OPENLINEAGE__CUSTOM_RUN_FACETS=openlineage_ext.airflow_run_facets.identity_run_facets``).
The provider calls it as ``func(ti, ti_state)`` on START, COMPLETE and FAIL of
each task. Lineage is best effort: any error is logged and yields no facet,
never a failed task.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def identity_run_facets(ti: Any, ti_state: Any) -> dict[str, Any]:
    """``{"maskline_identity": facet}`` for the task instance ``ti``; ``{}`` if it cannot be built.

    >>> from types import SimpleNamespace as NS
    >>> task = NS(owner="data-eng", run_as_user=None)
    >>> ti = NS(task=task, get_template_context=lambda: {"dag_run": NS(triggering_user_name="alice", conf={}),
    ...                                                   "task": task, "dag": None})
    >>> identity_run_facets(ti, "running")["maskline_identity"].executedBy["origin"]
    'os.user'
    """
    try:
        from openlineage_ext.airflow_identity import task_identity
        from openlineage_ext.facets import IDENTITY, identity_facet

        return {IDENTITY: identity_facet(task_identity(ti))}
    except Exception as e:  # noqa: BLE001 - lineage must never fail a task
        log.warning("maskline: no identity facet for this task (%s)", type(e).__name__)
        return {}
