"""Listener: at a task's end, wait (a bounded time) for its agent tool calls' lineage still queued to be sent.

The agent toolset sends its events from a background thread (:func:`airflow_plugin.agents.lineage.emit`), so a
lineage server that is down or slow never holds the agent. The task's end is where the queue must be sent, or
the operator told how many events were lost: :func:`airflow_plugin.agents.lineage.flush`. A task that ran no agent
never loaded that module, and pays nothing here.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from airflow.listeners import hookimpl

log = logging.getLogger(__name__)

AGENT_LINEAGE = "airflow_plugin.agents.lineage"


def flush_agent_lineage() -> bool:
    """Flush the agent toolset's lineage queue if this process used it; True when nothing is left.

    >>> flush_agent_lineage()
    True
    """
    module = sys.modules.get(AGENT_LINEAGE)
    if module is None:
        return True
    try:
        return bool(module.flush())
    except Exception as e:  # noqa: BLE001 - lineage must never fail a task
        from maskline.errors import structured_message

        log.warning("maskline: could not wait for the agent's lineage events (%s)", structured_message(e))
        return False


@hookimpl
def on_task_instance_success(previous_state: Any, task_instance: Any) -> None:
    """Send the agent's queued lineage before the task is done.

    >>> on_task_instance_success(None, None)  # no agent ran in this process: nothing to wait for
    """
    flush_agent_lineage()


@hookimpl
def on_task_instance_failed(previous_state: Any, task_instance: Any, error: Any) -> None:
    """Send the agent's queued lineage before the task is done, failed or not.

    >>> on_task_instance_failed(None, None, None)  # no agent ran in this process: nothing to wait for
    """
    flush_agent_lineage()
