"""``ProtectPostgresOperator``: have PostgreSQL enforce masked access, downstream of the tasks that build tables.

A thin operator over :func:`maskline.adapters.postgres.protect` (and ``unprotect``): masked views, the
owner-only key with its token functions, and the reader role. Run it after every build that replaces a table
(a dbt build's ``DROP ... CASCADE`` or a swap drops the views that read it); it is idempotent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseOperator

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg


class ProtectPostgresOperator(BaseOperator):
    """Create or update (or, with ``drop=True``, remove) masked views and the reader role in PostgreSQL.

    What ``maskline protect`` does, from a task.

    :param conn_id: an Airflow connection to the PostgreSQL database.
    :param schema: the schema of the raw tables.
    :param tables: the tables to protect.
    :param policy: a policy file path, a dict, a ``Policy`` (YAML text: ``Policy.from_yaml(text)``),
        ``"variable:NAME"`` or ``None`` for ``[maskline] policy``.
    :param masked_schema: the schema of the masked views (default ``maskline_masked``).
    :param reader: the role that may read the masked views and nothing else (default ``maskline_reader``).
    :param private_schema: the schema of the owner-only key and its token functions (default
        ``maskline_private``).
    :param key_owner: the role that must own the key store (dbt's ``vars.maskline_key_owner``): the task refuses
        to write the key as any other role (``maskline protect --key-owner``). None: no check.
    :param drop: drop the masked views, the key and its functions instead.

    >>> op = ProtectPostgresOperator(task_id="protect", conn_id="warehouse", schema="raw", tables=["customers"])
    >>> op.masked_schema, op.reader
    ('maskline_masked', 'maskline_reader')
    """

    template_fields: Sequence[str] = ("schema", "tables")
    ui_color = "#d1f2eb"

    def __init__(self, *, conn_id: str, schema: str, tables: Sequence[str], policy: PolicyArg = None,
                 masked_schema: str = "maskline_masked", reader: str = "maskline_reader",
                 private_schema: str = "maskline_private", key_owner: str | None = None, drop: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from airflow_plugin.own_lineage import own_lineage_only

        own_lineage_only(self)  # its facets say what it read and wrote: never another task's hook SQL
        self.conn_id = conn_id
        self.schema = schema
        self.tables = list(tables)
        self.policy = policy
        self.masked_schema = masked_schema
        self.reader = reader
        self.private_schema = private_schema
        self.key_owner = key_owner
        self.drop = drop

    def execute(self, context: Any) -> dict[str, Any]:
        from airflow_plugin.db_task import db_hook
        from airflow_plugin.key_source import resolve_operator_key
        from airflow_plugin.policy_source import resolve_policy
        from maskline.adapters.postgres import protect, unprotect
        from maskline.errors import InputError
        from maskline.rewrite.run import query_failed

        hook = db_hook(self.conn_id)
        if getattr(hook, "conn_type", None) not in ("postgres", None) and "Postgres" not in type(hook).__name__:
            raise InputError(f"connection {self.conn_id!r} is not PostgreSQL", where=f"conn_id={self.conn_id!r}",
                             fix="masked views and a reader role are PostgreSQL's; use a postgres connection")
        conn = hook.get_conn()
        failure = None
        try:
            if self.drop:
                unprotect(conn, masked_schema=self.masked_schema, private_schema=self.private_schema)
                return {"dropped": [self.masked_schema, self.private_schema]}
            policy = resolve_policy(self.policy)
            key = resolve_operator_key(policy)
            try:
                done = protect(conn, policy, self.schema, self.tables, key, masked_schema=self.masked_schema,
                               reader=self.reader, private_schema=self.private_schema, key_owner=self.key_owner)
            except Exception as e:  # a driver error is rebuilt from its structure, never its text
                if type(e).__module__.startswith("maskline"):
                    raise
                failure = query_failed(e, where=f"schema {self.schema}")
            if failure is not None:
                raise failure
        finally:
            conn.close()
        self.log.info("maskline: %s protected in %s, readable by role %s", ", ".join(done.views),
                      done.masked_schema, done.reader_role)
        return {"views": list(done.views), "masked_schema": done.masked_schema, "reader_role": done.reader_role}
