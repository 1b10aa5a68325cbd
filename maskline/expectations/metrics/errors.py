"""Metric failures without values: database drivers quote offending data in their error messages.

GX stores a failed metric's message and traceback in the validation result
(and so in Data Docs), bypassing the expectation's own result handling, so the
metrics maskline computes itself re-raise any failure as a one-line,
scrubbed :class:`~maskline.errors.MaskingError` with no chained traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def value_free_failures(what: str) -> Callable[[F], F]:
    """Decorate a metric function so its failures carry no value (``what`` names the metric).

    >>> @value_free_failures("demo metric")
    ... def boom():
    ...     raise ValueError("invalid input syntax for type date: 'ana@correo.es'")
    >>> try:
    ...     boom()
    ... except Exception as e:
    ...     print(e)
    demo metric failed: ValueError (at maskline expectation metric). Fix: check the column types and the connection; no value is shown on purpose
    """

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            from maskline.errors import MaskingError, MasklineError

            try:
                return fn(*args, **kwargs)
            except MasklineError:
                raise
            except Exception as e:  # noqa: BLE001 - any driver error may quote a value
                from maskline.engine.failures import safe_engine_message

                raise MaskingError(f"{what} failed: {safe_engine_message(e)}", where="maskline expectation metric",
                                   fix="check the column types and the connection; no value is shown on purpose") \
                    from None

        return inner  # type: ignore[return-value]

    return wrap
