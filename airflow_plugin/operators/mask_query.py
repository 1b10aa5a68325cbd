"""``MaskQueryOperator``: run a user's query with every sensitive output masked, into a table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseOperator

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg


class MaskQueryOperator(BaseOperator):
    """Mask the result of ``sql`` at transform time and write it to ``target``, in the database.

    The query runs over masked relations (``maskline.rewrite``): every table
    it reads is replaced by its masked relation, so every output, filter and
    join sees masked values only. The rendered ``sql`` field keeps the query's
    shape without its literals (``maskline.rewrite.literals``), so a value
    typed into a refused query is stored nowhere. The result is written like
    :class:`~airflow_plugin.operators.mask_table.MaskTableOperator` writes:
    staging table, then a swap, in one transaction (``write_mode`` as there).

    :param conn_id: an Airflow connection whose hook is a common-sql ``DbApiHook``.
    :param sql: a read-only ``SELECT``; every table it reads is read masked. Templated.
    :param target: the table to write (replaced atomically). Templated.
    :param policy: a policy file path, a dict, a ``Policy`` (YAML text: ``Policy.from_yaml(text)``),
        ``"variable:NAME"`` or ``None`` for ``[maskline] policy``.
    :param identities: who the data is for (``role:analyst``); the policy's ``unmask_for`` may allow raw values.
    :param hook_params: keyword arguments for the connection's hook (``BaseHook.get_hook(conn_id, hook_params=...)``).
    :param write_mode: ``swap`` (default), ``truncate_insert`` or ``replace``, as for ``MaskTableOperator``.

    >>> op = MaskQueryOperator(task_id="q", conn_id="wh", sql="SELECT email FROM customers", target="contacts")
    >>> op.template_fields
    ('sql', 'target')
    """

    template_fields: Sequence[str] = ("sql", "target")
    template_ext: Sequence[str] = (".sql",)
    template_fields_renderers = {"sql": "sql"}
    ui_color = "#d1f2eb"

    def __init__(self, *, conn_id: str, sql: str, target: str, policy: PolicyArg = None,
                 identities: Sequence[str] = (), hook_params: dict[str, Any] | None = None,
                 write_mode: str = "swap", **kwargs: Any) -> None:
        from airflow_plugin.write_mode import WriteMode

        super().__init__(**kwargs)
        from airflow_plugin.own_lineage import own_lineage_only

        own_lineage_only(self)  # its facets say what it read and wrote: never another task's hook SQL
        self.write_mode = WriteMode.parse(write_mode, f"MaskQueryOperator(task_id={self.task_id!r}, write_mode)")
        self.conn_id = conn_id
        self.sql = sql
        self.target = target
        self.policy = policy
        self.identities = tuple(identities)
        self.hook_params = hook_params
        self._lineage: Any = None
        self._query: str | None = None  # the rendered query as written; ``sql`` then shows it without literals

    def render_template_fields(self, context: Any, jinja_env: Any = None) -> None:
        """Render as usual, then keep the query aside and show it without literals (rendered fields are stored)."""
        from maskline.rewrite.literals import without_literals

        super().render_template_fields(context, jinja_env)
        self._query = self.sql
        self.sql = without_literals(self.sql)

    def execute(self, context: Any) -> dict[str, Any]:
        from airflow_plugin.db_task import db_hook, open_warehouse, summary
        from airflow_plugin.key_source import optional_operator_key, resolve_operator_key
        from airflow_plugin.lineage import key_check_of, query_record, written_fields
        from airflow_plugin.policy_source import resolve_policy
        from airflow_plugin.query_masking import mask_query

        policy = resolve_policy(self.policy)
        hook = db_hook(self.conn_id, self.hook_params)
        warehouse = open_warehouse(hook, self.conn_id)
        try:
            key = optional_operator_key(policy)
            query = self._query if self._query is not None else self.sql
            masked = mask_query(query, policy, warehouse, key=key, identities=self.identities)
            if masked.keyed and key is None:
                key = resolve_operator_key(policy)  # raises the clear KeyMissingError: nothing is written
            warehouse.load_key(key if masked.keyed else None)
            rows = warehouse.replace_table(self.target, masked.select, self.write_mode)
            output_fields = written_fields(warehouse, self.target)
        finally:
            warehouse.close()
        self._lineage = query_record(masked, rows, hook, warehouse.dialect.name, self.target, output_fields,
                                     key_check_of(key if masked.keyed else None, policy))
        result = summary(masked.plan, rows, self.target)
        self.log.info("maskline: query masked into %s: %s rows; masked columns: %s",
                      self.target, rows, ", ".join(result["masked_columns"]) or "none")
        return result

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        from airflow_plugin.lineage import operator_lineage

        return operator_lineage(self._lineage)

