"""The ``maskline`` connection type: the masking key lives in the connection's password.

Airflow stores connection passwords encrypted and masks them in logs as soon
as they are read, which is why the key lives there and not in ``extra``.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import BaseHook

from airflow_plugin.provider_info import KEY_CONNECTION_FIELDS


class MasklineKeyHook(BaseHook):
    """Reads the masking key from a ``maskline`` connection (default ``maskline_default``).

    >>> MasklineKeyHook.default_conn_name
    'maskline_default'
    """

    conn_name_attr = "maskline_conn_id"
    default_conn_name = "maskline_default"
    conn_type = "maskline"
    hook_name = "maskline masking key"

    def __init__(self, maskline_conn_id: str = default_conn_name, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.maskline_conn_id = maskline_conn_id

    @classmethod
    def get_ui_field_behaviour(cls) -> dict[str, Any]:
        """The connection form for Airflow versions that read it from the hook (before 3.2).

        The same data is declared in provider info (``ui-field-behaviour``), which newer Airflow reads
        without importing the hook: only the password field matters, and it is labelled as the key.

        >>> MasklineKeyHook.get_ui_field_behaviour()["relabeling"]
        {'password': 'Masking key'}
        """
        return {
            "hidden_fields": list(KEY_CONNECTION_FIELDS["hidden-fields"]),
            "relabeling": dict(KEY_CONNECTION_FIELDS["relabeling"]),
            "placeholders": dict(KEY_CONNECTION_FIELDS["placeholders"]),
        }

    def get_conn(self) -> str | None:
        """The key (the connection's password), or None when the connection has none.

        >>> import json, os
        >>> os.environ["AIRFLOW_CONN_DOCTEST_KEY"] = json.dumps({"conn_type": "maskline", "password": "k" * 32})
        >>> MasklineKeyHook("doctest_key").get_conn() == "k" * 32
        True
        >>> del os.environ["AIRFLOW_CONN_DOCTEST_KEY"]
        """
        return self.get_connection(self.maskline_conn_id).password or None
