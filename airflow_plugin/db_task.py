"""The steps shared by the table and query operators: open the hook's connection, classify, mask, write.

Every failure is raised as a :class:`~maskline.errors.MasklineError` whose
message names the connection, table or column and never a value.
"""

from __future__ import annotations

from typing import Any

from maskline.errors import ClassificationError, InputError, MaskingError, MasklineError
from maskline.policy import Policy


def db_hook(conn_id: str, hook_params: dict[str, Any] | None = None) -> Any:
    """The common-sql ``DbApiHook`` of an Airflow connection; anything else is refused.

    >>> db_hook("nope")  # doctest: +SKIP
    Traceback (most recent call last):
    maskline.errors.InputError: Airflow connection 'nope' not found ...
    """
    from airflow.providers.common.sql.hooks.sql import DbApiHook
    from airflow.sdk import BaseHook

    try:
        hook = BaseHook.get_hook(conn_id, hook_params=hook_params)
    except Exception as e:  # noqa: BLE001 - missing connection or unknown type
        raise InputError(f"Airflow connection {conn_id!r} not found or has an unknown type ({type(e).__name__})",
                         where=f"conn_id={conn_id!r}",
                         fix=f"create it (e.g. AIRFLOW_CONN_{conn_id.upper()}) with a SQL connection type") from None
    if not isinstance(hook, DbApiHook):
        raise InputError(f"connection {conn_id!r} is not a SQL connection ({type(hook).__name__})",
                         where=f"conn_id={conn_id!r}", fix="use a connection whose hook is a common-sql DbApiHook")
    return hook


def open_warehouse(hook: Any, conn_id: str) -> Any:
    """Connect through the hook, turning connection failures into a clear, value-free error.

    >>> class Down:  # a common-sql hook whose database refuses the connection
    ...     dialect_name = "duckdb"
    ...     def get_conn(self): raise OSError("db.internal refused ann@example.com")
    >>> open_warehouse(Down(), "warehouse")
    Traceback (most recent call last):
    maskline.errors.MaskingError: cannot connect through Airflow connection 'warehouse': OSError (at conn_id=...
    """
    from airflow_plugin.warehouse import Warehouse, engine_for_hook, safe_error

    adapter = engine_for_hook(hook)
    try:
        connection = hook.get_conn()
    except Exception as e:  # noqa: BLE001 - any driver error means "cannot connect"
        raise MaskingError(f"cannot connect through Airflow connection {conn_id!r}: {safe_error(e)}",
                           where=f"conn_id={conn_id!r}",
                           fix="check the host, port, database and credentials of the connection; nothing was written") \
            from None
    # A setup that fails closes the connection there (Warehouse owns it from the call), not when the failed
    # task's traceback is freed (for dag.test(), only by the cyclic GC).
    return Warehouse(connection, adapter)


def classify_table(warehouse: Any, policy: Policy, table: str, sample: int) -> Any:
    """Classify ``table`` by sampling it in the database; any failure fails closed.

    >>> import duckdb; from types import SimpleNamespace
    >>> con = duckdb.connect(); _ = con.execute("CREATE TABLE t AS SELECT 'ann@example.com' AS email")
    >>> classify_table(SimpleNamespace(connection=con), Policy(), "t", sample=100).columns[0].info_type
    'EMAIL'
    """
    from maskline.classify import classify

    try:
        return classify(warehouse.connection, policy, table=table, sample=sample)
    except MasklineError:
        raise
    except Exception as e:  # noqa: BLE001 - fail closed on any classifier failure
        from airflow_plugin.warehouse import safe_error

        raise ClassificationError(f"classifying {table!r} failed: {safe_error(e)}", where=f"table {table!r}",
                                  fix="fix the source, or pass classify=False and describe the table in the policy") \
            from None


def summary(plan: Any, rows: int, target: str) -> dict[str, Any]:
    """The task's return value (its XCom): counts, names and methods, never a value.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> p = build_plan(load_policy({"datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}}), "t", [("e", "text")])
    >>> summary(p, 2, "t_masked")["masked_columns"]
    {'e': 'email'}
    """
    return {
        "target": target,
        "rows": rows,
        "masked_columns": {c.name: c.method.describe() for c in plan.masked if c.method},
        "policy_hash": plan.policy_hash,
    }
