"""``MaskQueryOperator``: run a user's query with every sensitive output masked, into a table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseOperator

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg


class MaskQueryOperator(BaseOperator):
    """Mask the result of ``sql`` at transform time and write it to ``target``, in the database.

    The query is rewritten so that every output derived from a sensitive
    column is masked (``maskline.rewrite``); what the rewrite cannot prove
    masked is refused. The result is written like
    :class:`~airflow_plugin.operators.mask_table.MaskTableOperator` writes:
    staging table, then a swap, in one transaction.

    >>> op = MaskQueryOperator(task_id="q", conn_id="wh", sql="SELECT email FROM customers", target="contacts")
    >>> op.template_fields
    ('sql', 'target')
    """

    template_fields: Sequence[str] = ("sql", "target")
    template_ext: Sequence[str] = (".sql",)
    template_fields_renderers = {"sql": "sql"}
    ui_color = "#d1f2eb"

    def __init__(self, *, conn_id: str, sql: str, target: str, policy: PolicyArg = None,
                 identities: Sequence[str] = (), hook_params: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.conn_id = conn_id
        self.sql = sql
        self.target = target
        self.policy = policy
        self.identities = tuple(identities)
        self.hook_params = hook_params
        self._lineage: Any = None

    def execute(self, context: Any) -> dict[str, Any]:
        from airflow_plugin.db_task import db_hook, open_warehouse, summary
        from airflow_plugin.key_source import optional_operator_key, resolve_operator_key
        from airflow_plugin.lineage import query_record, written_fields
        from airflow_plugin.policy_source import resolve_policy
        from airflow_plugin.query_masking import mask_query

        policy = resolve_policy(self.policy)
        hook = db_hook(self.conn_id, self.hook_params)
        warehouse = open_warehouse(hook, self.conn_id)
        try:
            key = optional_operator_key(policy)
            masked = mask_query(self.sql, policy, warehouse, key=key, identities=self.identities)
            if masked.keyed and key is None:
                key = resolve_operator_key(policy)  # raises the clear KeyMissingError: nothing is written
            warehouse.load_key(key if masked.keyed else None)
            rows = warehouse.replace_table(self.target, masked.select)
            output_fields = written_fields(warehouse, self.target)
        finally:
            warehouse.close()
        self._lineage = query_record(masked, rows, hook, warehouse.dialect.name, self.target, output_fields)
        result = summary(masked.plan, rows, self.target)
        self.log.info("maskline: query masked into %s: %s rows; masked columns: %s",
                      self.target, rows, ", ".join(result["masked_columns"]) or "none")
        return result

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        from airflow_plugin.lineage import operator_lineage

        return operator_lineage(self._lineage)

