"""``@task.maskline``: a TaskFlow task whose returned DataFrame is masked before it becomes an XCom.

Registered through the provider's ``task-decorators``; ``maskline_task`` is the
same decorator for code that prefers an explicit import::

    @task.maskline(policy="policies/customers.yml", dataset="customers")
    def extract() -> pd.DataFrame: ...

The value is masked with :func:`maskline.engine.mask_frame` inside the task,
before Airflow logs or stores it. A return value that is not a pandas
DataFrame or an Arrow table fails the task (fail closed): nothing is pushed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk.bases.decorator import DecoratedOperator, task_decorator_factory

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg


def mask_returned_value(value: Any, policy: PolicyArg, table: str | None, identities: Sequence[str]) -> Any:
    """Mask a returned DataFrame or Arrow table; refuse anything else.

    >>> mask_returned_value(None, {}, None, ())
    """
    if value is None:
        return None
    from maskline.errors import InputError

    kind = f"{type(value).__module__}.{type(value).__name__}"
    if kind not in ("pandas.DataFrame", "pandas.core.frame.DataFrame", "pyarrow.lib.Table", "pyarrow.Table"):
        raise InputError(f"@task.maskline returned a {type(value).__name__}, not a DataFrame",
                         where="the decorated function's return value",
                         fix="return a pandas DataFrame or a pyarrow Table (nothing was pushed to XCom)")
    from airflow_plugin.key_source import optional_operator_key
    from airflow_plugin.policy_source import resolve_policy
    from maskline.engine import mask_frame

    resolved = resolve_policy(policy)
    key = optional_operator_key(resolved)
    masked = mask_frame(value, resolved, table=table, key=key, identities=tuple(identities))
    if hasattr(masked, "attrs"):
        # Tells MaskingXComBackend this very frame is masked by policy, so that it does not replace
        # format-preserving tokens (joinable HMACs, masked emails) with placeholders. By identity: a frame a
        # downstream task derives from it (raw columns put back) is decided afresh.
        from airflow_plugin.masked_frames import remember

        remember(masked)
    return masked


class _MasklineDecoratedOperator(DecoratedOperator, PythonOperator):
    """Runs the decorated function, then masks its DataFrame before Airflow logs or stores it."""

    custom_operator_name = "@task.maskline"
    template_fields: Sequence[str] = ("templates_dict", "op_args", "op_kwargs")

    def __init__(self, *, python_callable: Callable[..., Any], op_args: Any, op_kwargs: Any,
                 policy: PolicyArg = None, dataset: str | None = None, identities: Sequence[str] = (),
                 table: str | None = None, **kwargs: Any) -> None:
        from maskline.deprecation import renamed

        kwargs.setdefault("show_return_value_in_logs", False)
        super().__init__(
            kwargs_to_upstream={"python_callable": python_callable, "op_args": op_args, "op_kwargs": op_kwargs},
            python_callable=python_callable, op_args=op_args, op_kwargs=op_kwargs, **kwargs,
        )
        self.policy = policy
        self.dataset = renamed("table", "dataset", table, dataset, f"@task.maskline(task_id={kwargs.get('task_id')!r})")
        self.identities = tuple(identities)

    def execute_callable(self) -> Any:
        return mask_returned_value(super().execute_callable(), self.policy, self.dataset, self.identities)


def maskline_task(python_callable: Callable[..., Any] | None = None, multiple_outputs: bool | None = None,
                  **kwargs: Any) -> Any:
    """Wrap a function returning a DataFrame into a task that masks it (``@task.maskline``).

    >>> callable(maskline_task(policy={}))
    True
    """
    return task_decorator_factory(
        python_callable=python_callable,
        multiple_outputs=multiple_outputs,
        decorated_operator_class=_MasklineDecoratedOperator,
        **kwargs,
    )
