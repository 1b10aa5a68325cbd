"""``ScrubbingCapability``: scrub what an agent sends to the model and what the model answers.

A pydantic-ai capability, so it works with ``AgentOperator``, ``@task.agent``
(``capabilities=[ScrubbingCapability()]``) and any ``Agent`` built by hand.
Before every model request it scrubs, with :func:`maskline.text.scrub_value`,
the user prompt, the system prompt and instructions, tool results and retry
messages; after every response, the model's text. Message parts are scrubbed
in place, so the run's history (``result.all_messages()``, the
``message_history`` XCom, the task log and traces) holds the scrubbed text,
not only the request on the wire.

The tool calls the model writes (its SQL) are left as written: the query
rewrite and the lineage scrubber handle them.

Data a DAG puts into the prompt from a table should be read masked in the first
place: :func:`masked_rows_for_prompt` reads it through the same rewrite as the
toolset. The scrubber is the net under that, not the only guard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic_ai.capabilities import AbstractCapability


def _scrub_text(text: str) -> str:
    from maskline.text import scrub_value

    return scrub_value(text) if text else text


def _scrub_content(content: Any) -> Any:
    from maskline.text import scrub_value

    if isinstance(content, str):
        return _scrub_text(content)
    if isinstance(content, (list, tuple, dict)):
        # Media items (images, documents) are not text and pass unchanged; strings inside are scrubbed.
        return scrub_value(content)
    return content


def scrub_message(message: Any) -> Any:
    """Scrub, in place, every text part of one pydantic-ai message (request or response); returns it.

    >>> from pydantic_ai.messages import ModelRequest, UserPromptPart
    >>> m = scrub_message(ModelRequest(parts=[UserPromptPart("summarize for ana@correo.es")]))
    >>> m.parts[0].content
    'summarize for [EMAIL]'
    """
    from pydantic_ai.messages import (
        RetryPromptPart,
        SystemPromptPart,
        TextPart,
        ThinkingPart,
        ToolReturnPart,
        UserPromptPart,
    )

    instructions = getattr(message, "instructions", None)
    if isinstance(instructions, str):
        message.instructions = _scrub_text(instructions)
    for part in getattr(message, "parts", ()):
        if isinstance(part, (UserPromptPart, SystemPromptPart, ToolReturnPart, RetryPromptPart)):
            part.content = _scrub_content(part.content)
        elif isinstance(part, (TextPart, ThinkingPart)):
            part.content = _scrub_text(part.content)
    return message


@dataclass
class ScrubbingCapability(AbstractCapability[Any]):
    """Scrub prompts, tool results and answers with maskline's text scrubber. See the module docs.

    >>> from pydantic_ai import Agent
    >>> from pydantic_ai.models.test import TestModel
    >>> agent = Agent(TestModel(custom_output_text="reach me at ana@correo.es"), capabilities=[ScrubbingCapability()])
    >>> agent.run_sync("hello from bob@example.org").output
    'reach me at [EMAIL]'
    """

    async def before_model_request(self, ctx: Any, request_context: Any) -> Any:
        """Scrub the run's history and the request's messages and instructions, in place.

        >>> import asyncio
        >>> from types import SimpleNamespace
        >>> from pydantic_ai.messages import ModelRequest, UserPromptPart
        >>> request = SimpleNamespace(messages=[ModelRequest(parts=[UserPromptPart("hello from bob@example.org")])])
        >>> asyncio.run(ScrubbingCapability().before_model_request(None, request)).messages[0].parts[0].content
        'hello from [EMAIL]'
        """
        # The run's history first, so what is kept and logged is scrubbed, then what goes on the wire.
        for message in getattr(ctx, "messages", None) or ():
            scrub_message(message)
        for message in request_context.messages:
            scrub_message(message)
        # The instructions the model reads; pydantic-ai records these parts on the request it keeps.
        params = getattr(request_context, "model_request_parameters", None)
        for part in getattr(params, "instruction_parts", None) or ():
            part.content = _scrub_text(part.content)
        return request_context

    async def after_model_request(self, ctx: Any, *, request_context: Any, response: Any) -> Any:
        """Scrub the model's answer, in place.

        >>> import asyncio
        >>> from pydantic_ai.messages import ModelResponse, TextPart
        >>> answer = ModelResponse(parts=[TextPart("write to ana@correo.es")])
        >>> capability = ScrubbingCapability()
        >>> asyncio.run(capability.after_model_request(None, request_context=None, response=answer)).parts[0].content
        'write to [EMAIL]'
        """
        return scrub_message(response)


def masked_rows_for_prompt(conn_id: str, sql: str, policy: Any, *, max_rows: int = 200,
                           acting_for: str | None = None) -> list[dict[str, Any]]:
    """Rows of ``sql`` read through the maskline rewrite and scrubbed, ready to put into a prompt.

    Same path as the toolset's ``query`` tool (rewrite, key in the session,
    scrub), so data a DAG puts into a prompt is masked the same way as data
    the agent fetches itself. Raises ``MasklineError`` if the query is refused.

    >>> masked_rows_for_prompt("warehouse", "SELECT subject, body FROM raw_tickets", "policy.yml")  # doctest: +SKIP
    [{'subject': 'Refund request', 'body': 'My card [CREDIT_CARD] was charged twice'}]
    """
    from airflow_plugin.agents.masked_sql_toolset import acting_for as principal_for
    from airflow_plugin.db_task import db_hook, open_warehouse
    from airflow_plugin.key_source import resolve_operator_key
    from airflow_plugin.policy_source import resolve_policy
    from airflow_plugin.warehouse import safe_error
    from maskline.errors import MaskingError, MasklineError
    from maskline.rewrite import rewrite
    from maskline.text import scrub_value

    pol = resolve_policy(policy)
    context = None
    try:
        from airflow.sdk import get_current_context

        context = get_current_context()
    except Exception:  # noqa: BLE001 - outside a task: no run to take the identity from
        context = None
    principal = principal_for(context, acting_for)
    identities = (f"{principal.kind}:{principal.name}",) if principal else ()
    warehouse = open_warehouse(db_hook(conn_id), conn_id)
    try:
        result = rewrite(sql, pol, warehouse.dialect, connection=warehouse.connection, identities=identities)
        if result.keyed:
            warehouse.load_key(resolve_operator_key(pol))
        warehouse.cursor.execute(result.sql)
        rows = warehouse.cursor.fetchmany(max_rows) or []
        names = [d[0] for d in warehouse.cursor.description or ()]
    except MasklineError:
        raise
    except Exception as e:  # noqa: BLE001 - drivers quote offending data; the task log must not get it
        raise MaskingError(f"reading rows for the prompt failed: {safe_error(e)}", where=f"conn_id={conn_id!r}",
                           fix="check the query against the connection's tables; nothing was read") from None
    finally:
        warehouse.close()
    raw_allowed = bool(identities) and pol.allows_raw(identities)
    out = [dict(zip(names, row, strict=False)) for row in rows]
    return out if raw_allowed else [scrub_value(r) for r in out]
