"""``KnownToolCalls``: a call to a tool the model was not offered reaches the run under a fixed name, without its
arguments.

pydantic-ai answers a call to an unknown tool in its tool manager, before any toolset sees it, with
``Unknown tool name: '<the name the model typed>'``: a retry prompt that goes back to the model, into the run's
history (the ``message_history`` XCom, the task log, traces). The name is the model's text, and can carry a value
(``nosuch_219-09-9999``). This capability rewrites the model's response as it arrives (``after_model_request``,
before the agent records or dispatches it): a tool call whose name is not one of the tools offered for that
request is renamed :data:`UNKNOWN_TOOL` and its arguments dropped (no declaration says what they may hold). The
model then gets pydantic-ai's own answer built from structure, ``Unknown tool name: '(not an offered tool)'.
Available tools: 'check_query', 'get_schema', ...``, and the typed name is kept nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic_ai.capabilities import AbstractCapability

# Not a valid tool name for any model API (spaces, parentheses), so it can never name a tool that exists.
UNKNOWN_TOOL = "(not an offered tool)"


def offered_tool_names(params: Any) -> frozenset[str]:
    """The names of the function and output tools a model request offered (``ModelRequestParameters``).

    >>> from pydantic_ai.models import ModelRequestParameters
    >>> from pydantic_ai.tools import ToolDefinition
    >>> sorted(offered_tool_names(ModelRequestParameters(function_tools=[ToolDefinition(name="query")])))
    ['query']
    """
    tools = [*(getattr(params, "function_tools", None) or ()), *(getattr(params, "output_tools", None) or ())]
    return frozenset(t.name for t in tools)


def rename_unknown_calls(response: Any, offered: frozenset[str]) -> Any:
    """Rename, in ``response``, every tool call to a name not in ``offered`` to :data:`UNKNOWN_TOOL`, with no
    arguments; returns the response. Calls to native (provider-run) tools are the provider's and left as they are.

    >>> from pydantic_ai.messages import ModelResponse, ToolCallPart
    >>> r = ModelResponse(parts=[ToolCallPart("nosuch_219-09-9999", {"x": 1}), ToolCallPart("query", {"sql": "1"})])
    >>> [(p.tool_name, p.args) for p in rename_unknown_calls(r, frozenset({"query"})).parts]
    [('(not an offered tool)', {}), ('query', {'sql': '1'})]
    """
    from pydantic_ai.messages import ToolCallPart

    response.parts = [
        replace(part, tool_name=UNKNOWN_TOOL, args={})
        if isinstance(part, ToolCallPart) and part.tool_name not in offered else part
        for part in response.parts
    ]
    return response


@dataclass
class KnownToolCalls(AbstractCapability[Any]):
    """Calls to tools the model was not offered lose the name it typed and their arguments. See the module docs.

    >>> from pydantic_ai import Agent
    >>> from pydantic_ai.messages import ModelResponse, TextPart, ToolCallPart
    >>> from pydantic_ai.models.function import FunctionModel
    >>> def model(messages, info):  # a stand-in model: one call to a made-up tool, then an answer
    ...     if len(messages) == 1:
    ...         return ModelResponse(parts=[ToolCallPart("nosuch_219-09-9999", {"ssn": "219-09-9999"})])
    ...     return ModelResponse(parts=[TextPart(str(messages[-1].parts[0].content))])
    >>> agent = Agent(FunctionModel(model), capabilities=[KnownToolCalls()])
    >>> agent.run_sync("go").output
    "Unknown tool name: '(not an offered tool)'. No tools available."
    """

    async def after_model_request(self, ctx: Any, *, request_context: Any, response: Any) -> Any:
        """Rename the response's calls to tools its request did not offer.

        >>> import asyncio
        >>> from types import SimpleNamespace
        >>> from pydantic_ai.messages import ModelResponse, ToolCallPart
        >>> request = SimpleNamespace(model_request_parameters=None)  # no tools offered: no call names one
        >>> answer = ModelResponse(parts=[ToolCallPart("nosuch_219-09-9999", {})])
        >>> asyncio.run(KnownToolCalls().after_model_request(None, request_context=request, response=answer)).parts
        [ToolCallPart(tool_name='(not an offered tool)', args={}, tool_call_id=...)]
        """
        params = getattr(request_context, "model_request_parameters", None)
        return rename_unknown_calls(response, offered_tool_names(params))
