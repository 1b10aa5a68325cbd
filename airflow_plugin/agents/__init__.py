"""maskline for Airflow's AI agents (apache-airflow-providers-common-ai, the ``[ai]`` extra).

- :class:`MaskedSQLToolset`: a drop-in for common-ai's ``SQLToolset``; every query is rewritten and masked.
- :class:`ScrubbingCapability`: scrubs prompts, tool results and answers (``@task.agent`` and ``AgentOperator``).
- :class:`KnownToolCalls`: a call to a tool name the model made up is answered without repeating the name.
- :class:`MaskedAgentOperator`: ``AgentOperator`` with scrubbing on and an optional fixed (offline) model.
- :func:`agent_run_facets`: the task-level lineage totals (``[openlineage] custom_run_facets``).

Names are imported on first use, so importing this package (at DAG parse time) loads neither
pydantic-ai nor the provider.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from maskline.extras import require_extra

# Looked up, not imported: the provider and pydantic-ai still load on first use.
require_extra("maskline's Airflow agent tools", "ai", "airflow.providers.common.ai", "pydantic_ai")

_EXPORTS = {
    "MaskedSQLToolset": "airflow_plugin.agents.masked_sql_toolset",
    "QueryRefused": "airflow_plugin.agents.masked_sql_toolset",
    "ScrubbingCapability": "airflow_plugin.agents.scrubbing",
    "KnownToolCalls": "airflow_plugin.agents.known_tool_calls",
    "masked_rows_for_prompt": "airflow_plugin.agents.scrubbing",
    "MaskedAgentOperator": "airflow_plugin.agents.operator",
    "agent_run_facets": "airflow_plugin.agents.lineage",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
