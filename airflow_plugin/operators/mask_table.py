"""``MaskTableOperator``: mask a table into another, inside the database of any common-sql connection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseOperator

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg


class MaskTableOperator(BaseOperator):
    """Mask ``source`` into ``target`` in the connection's own database.

    The source's verdicts come from the scan stored beside the policy file (``maskline scan --save``)
    when it covers the table; otherwise it is classified by sampling it in the database
    (``classify=True``). A database table's scan covers that table, its schema spelled out (an unqualified
    name is the connection's default schema's): ``main.t``'s scan is refused for ``hr.t``. A file's scan
    covers the table it was saved as (``--dataset hr.people``; ``people`` is the default schema's). The policy's
    ``datasets:`` entry, matched by the same rule (``hr.t``'s entry never decides ``main.t``, and ``t``'s is
    refused for ``hr.t``), overrides either, column by column.
    The masking ``SELECT`` is compiled for the hook's dialect, with the key held
    in the session, and written as ``CREATE TABLE staging AS SELECT``, then
    renamed over ``target`` in the same transaction: no row passes through the
    worker, and a failure leaves no target.

    :param conn_id: an Airflow connection whose hook is a common-sql ``DbApiHook``
        (DuckDB, PostgreSQL, SQLite, ...).
    :param source: the raw table (``schema.table`` allowed). Templated.
    :param target: the table to write (replaced atomically). Templated.
    :param policy: a policy file path, a dict, a ``Policy`` (YAML text: ``Policy.from_yaml(text)``),
        ``"variable:NAME"`` or ``None`` for ``[maskline] policy``.
    :param classify: classify the source's columns by sampling them in the database when no stored scan
        covers it.
    :param identities: who the data is for (``role:analyst``); the policy's ``unmask_for`` may allow raw values.
    :param write_mode: ``swap`` (default: a new table that keeps the target's grants and comments),
        ``truncate_insert`` (rewrite the rows in place: keeps views, indexes, everything) or ``replace``
        (a new table, nothing kept); see :mod:`maskline.adapters.table_setup`.
    :param hook_params: keyword arguments for the connection's hook (``BaseHook.get_hook(conn_id, hook_params=...)``).

    >>> op = MaskTableOperator(task_id="m", conn_id="warehouse", source="raw.customers", target="customers")
    >>> op.template_fields
    ('source', 'target')
    """

    template_fields: Sequence[str] = ("source", "target")
    ui_color = "#d6eaf8"

    def __init__(
        self,
        *,
        conn_id: str,
        source: str,
        target: str,
        policy: PolicyArg = None,
        classify: bool = True,
        identities: Sequence[str] = (),
        hook_params: dict[str, Any] | None = None,
        write_mode: str = "swap",
        **kwargs: Any,
    ) -> None:
        from airflow_plugin.write_mode import WriteMode

        super().__init__(**kwargs)
        from airflow_plugin.own_lineage import own_lineage_only

        own_lineage_only(self)  # its facets say what it read and wrote: never another task's hook SQL
        self.write_mode = WriteMode.parse(write_mode, f"MaskTableOperator(task_id={self.task_id!r}, write_mode)")
        self.conn_id = conn_id
        self.source = source
        self.target = target
        self.policy = policy
        self.classify = classify
        self.identities = tuple(identities)
        self.hook_params = hook_params
        self._lineage: Any = None

    def execute(self, context: Any) -> dict[str, Any]:
        from airflow_plugin.config import number
        from airflow_plugin.db_task import classify_table, db_hook, open_warehouse, summary
        from airflow_plugin.key_source import key_for_plan
        from airflow_plugin.lineage import (
            LineageRecord,
            dataset_name,
            dataset_namespace,
            key_check_of,
            written_fields,
        )
        from airflow_plugin.policy_source import resolve_policy
        from maskline.classify.source_scan import source_classification
        from maskline.dialects import KeyMode
        from maskline.errors import InputError
        from maskline.plan import build_plan
        from maskline.sql.compile import compile_select

        policy = resolve_policy(self.policy)
        hook = db_hook(self.conn_id, self.hook_params)
        warehouse = open_warehouse(hook, self.conn_id)
        try:
            columns = warehouse.columns(self.source)
            if not columns:
                raise InputError(f"source table {self.source!r} not found", where=f"conn_id={self.conn_id!r}",
                                 fix="check the table name and schema; nothing was written")
            # The stored scan beside the policy (`maskline scan --save`) is the reviewed verdict every face
            # shares; the live classifier runs only for tables it does not cover. An entry vouches for the table
            # it names only (schema spelled out, as on the query path; maskline.classify.source_scan).
            default_schema = warehouse.engine.current_schema(warehouse.cursor)
            classification = source_classification(policy, self.source, default_schema)
            if classification is None and self.classify:
                classification = classify_table(warehouse, policy, self.source, number("classify_sample"))
            # The policy's entries too: `hr.t`'s entry never decides `main.t`, and `t`'s is refused for `hr.t`.
            plan = build_plan(policy, self.source, columns, classification, self.identities,
                              default_schema=default_schema)
            key = key_for_plan(plan, policy)
            warehouse.load_key(key)
            select = compile_select(plan, warehouse.table(self.source), warehouse.dialect, key_mode=KeyMode.SESSION)
            rows = warehouse.replace_table(self.target, select, self.write_mode)
            output_fields = written_fields(warehouse, self.target)
        finally:
            warehouse.close()
        dialect = warehouse.dialect.name
        namespace = dataset_namespace(hook, dialect)
        self._lineage = LineageRecord(plan, classification, rows, namespace, dataset_name(self.source, dialect, hook),
                                      namespace, dataset_name(self.target, dialect, hook), engine=dialect,
                                      output_fields=output_fields, key_check=key_check_of(key, policy))
        result = summary(plan, rows, self.target)
        self.log.info("maskline: wrote %s rows to %s; masked columns: %s", rows, self.target,
                      ", ".join(f"{c} ({m})" for c, m in result["masked_columns"].items()) or "none")
        return result

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        from airflow_plugin.lineage import operator_lineage

        return operator_lineage(self._lineage)
