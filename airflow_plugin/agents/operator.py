"""``MaskedAgentOperator``: common-ai's ``AgentOperator`` with prompt scrubbing on, and an optional fixed model.

It adds :class:`~airflow_plugin.agents.scrubbing.ScrubbingCapability` to the
agent (unless ``scrub_prompts=False``), so prompts, tool results and answers
are scrubbed before the model, the logs and the XComs see them, and always
:class:`~airflow_plugin.agents.known_tool_calls.KnownToolCalls`, so a call to a
tool name the model made up (which can carry a value) is answered without
repeating that name. ``model=``
takes a pydantic-ai ``Model`` object instead of an LLM connection: a
``FunctionModel`` or ``TestModel`` runs the agent offline and deterministically
(tests, examples, dry runs); with ``model=None`` the ``llm_conn_id`` connection
decides, exactly as in ``AgentOperator``.

With ``@task.agent``, pass ``capabilities=[ScrubbingCapability(), KnownToolCalls()]`` yourself.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from airflow.providers.common.ai.hooks.pydantic_ai import PydanticAIHook
from airflow.providers.common.ai.operators.agent import AgentOperator

from airflow_plugin.agents.known_tool_calls import KnownToolCalls
from airflow_plugin.agents.scrubbing import ScrubbingCapability


class FixedModelHook(PydanticAIHook):
    """A ``PydanticAIHook`` that always returns the given model (no connection, no network)."""

    def __init__(self, model: Any) -> None:
        super().__init__(llm_conn_id=None)
        self._fixed_model = model

    def get_conn(self) -> Any:
        """The model given at construction.

        >>> from pydantic_ai.models.test import TestModel
        >>> model = TestModel()
        >>> FixedModelHook(model).get_conn() is model
        True
        """
        return self._fixed_model


class MaskedAgentOperator(AgentOperator):
    """``AgentOperator`` that scrubs what reaches the model and the logs; ``model=`` for offline runs.

    >>> from pydantic_ai.models.test import TestModel  # doctest: +SKIP
    >>> MaskedAgentOperator(task_id="ask", prompt="How many tickets?", model=TestModel(),
    ...                     toolsets=[MaskedSQLToolset("warehouse", policy="policy.yml")])  # doctest: +SKIP
    """

    def __init__(self, *, model: Any = None, llm_conn_id: str = "pydanticai_default", scrub_prompts: bool = True,
                 capabilities: list[Any] | None = None, **kwargs: Any) -> None:
        caps = list(capabilities or [])
        if scrub_prompts and not any(isinstance(c, ScrubbingCapability) for c in caps):
            caps.append(ScrubbingCapability())
        if not any(isinstance(c, KnownToolCalls) for c in caps):
            caps.append(KnownToolCalls())
        super().__init__(llm_conn_id=llm_conn_id, capabilities=caps, **kwargs)
        self.fixed_model = model

    @cached_property
    def llm_hook(self) -> PydanticAIHook:
        """The hook ``AgentOperator`` takes its model from: the fixed model's, else the connection's.

        >>> from pydantic_ai.models.test import TestModel
        >>> model = TestModel()
        >>> MaskedAgentOperator(task_id="ask", prompt="How many tickets?", model=model).llm_hook.get_conn() is model
        True
        """
        if self.fixed_model is not None:
            return FixedModelHook(self.fixed_model)
        return super().llm_hook
