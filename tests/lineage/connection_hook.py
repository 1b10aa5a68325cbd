"""The two methods ``airflow_plugin.lineage`` reads of a DB-API hook, over a real Airflow ``Connection``: how an
operator's lineage names a database (``AIRFLOW_CONN_...`` gives a DuckDB file as its ``host``)."""

from __future__ import annotations

from typing import Any


class ConnectionHook:
    """A hook's ``get_conn_id``/``get_connection`` over one real ``airflow.models.Connection``, and nothing else."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def get_conn_id(self) -> str:
        return str(self._connection.conn_id)

    def get_connection(self, _conn_id: str) -> Any:
        return self._connection
