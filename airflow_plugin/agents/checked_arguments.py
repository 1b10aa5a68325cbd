"""A pydantic-ai argument validator that answers a malformed tool call from the tool's declaration, not its input.

pydantic-ai validates a call's arguments with the tool's ``args_validator`` and, on a ``ValidationError``, hands the
model a retry prompt built from ``errors()``: each error's ``input`` (the value sent) and ``loc`` (an argument's
name, even one the tool does not declare). :class:`CheckedArguments` stands in front of that validator: it checks
the arguments with :func:`maskline.tool_arguments.argument_problem` first and answers with ``ModelRetry``, whose
text is the tool's declaration and the JSON types involved. A call that passes is validated by the toolset's own
validator as before; should that still fail, only its structure is told.

>>> from pydantic_core import SchemaValidator, core_schema
>>> schema = {"type": "object", "properties": {"sql": {"type": "string"}}, "required": ["sql"]}
>>> checked = CheckedArguments("query", schema, SchemaValidator(core_schema.dict_schema()))
>>> checked.validate_python({"sql": "SELECT 1"})
{'sql': 'SELECT 1'}
>>> checked.validate_json('{"sql": {"ssn": "219-09-9999"}}')
Traceback (most recent call last):
...
pydantic_ai.exceptions.ModelRetry: the query tool's arguments were refused: argument sql must be a string, not an object. Call query with sql (string)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic_ai.exceptions import ModelRetry

AllowPartial = Literal["off", "on", "trailing-strings"] | bool


class CheckedArguments:
    """``validate_python``/``validate_json`` of a pydantic-core validator, refusing from structure first."""

    def __init__(self, tool: str, schema: Mapping[str, Any], validator: Any) -> None:
        self.tool = tool
        self.schema = schema
        self.validator = validator

    def _refused(self, problem: str) -> ModelRetry:
        from maskline.tool_arguments import describe_parameters

        return ModelRetry(f"the {self.tool} tool's arguments were refused: {problem}. "
                          f"Call {self.tool} with {describe_parameters(self.schema)}")

    # `input`: the parameter name of pydantic-ai's SchemaValidatorProt, which this implements
    def validate_python(self, input: Any, *, allow_partial: AllowPartial = "off", **kwargs: Any) -> Any:
        from pydantic import ValidationError

        from maskline.tool_arguments import argument_problem

        problem = argument_problem(self.schema, input)
        if problem is not None:
            raise self._refused(problem)
        failure: ModelRetry | None = None
        try:
            return self.validator.validate_python(input, allow_partial=allow_partial, **kwargs)
        except ValidationError:  # pydantic's text quotes the input: only that the declaration was not met is told
            failure = self._refused("they do not match the tool's parameters")
        raise failure  # outside the handler: the ValidationError is not kept as context

    def validate_json(self, input: str | bytes | bytearray, *, allow_partial: AllowPartial = "off",
                      **kwargs: Any) -> Any:
        """Arguments sent as JSON text. A partial document (pydantic-ai validates streamed calls as they arrive)
        goes to the toolset's validator, whose verdict on it is a preview, never a retry prompt."""
        if allow_partial not in (False, "off"):
            return self.validator.validate_json(input, allow_partial=allow_partial, **kwargs)
        failure: ModelRetry | None = None
        try:
            arguments = json.loads(input or "{}")
        except ValueError:  # the decoder's message can quote the document: that it is no JSON is what is told
            failure = self._refused("they are not valid JSON")
        if failure is not None:
            raise failure
        return self.validate_python(arguments, **kwargs)
