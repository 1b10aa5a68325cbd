"""A dbt-duckdb plugin that loads the masking key into every DuckDB cursor with bound parameters.

With it, the key never appears in any SQL text (not in ``target/``, not in
``logs/dbt.log``); ``maskline.set_key()`` sees the session already holds it and
does nothing. Add it to the DuckDB output in ``profiles.yml``::

    plugins:
      - module: maskline.dbt.duckdb_plugin
        config: {key_env: MASKLINE_KEY}   # optional; this is the default

A missing key fails the connection (closed), naming the variable to set.

>>> Plugin.__mro__[1].__name__  # doctest: +SKIP
'BasePlugin'
"""

from __future__ import annotations

from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

from maskline.keys import KeyRef, resolve_key
from maskline.sql.session import apply_key_setup


class Plugin(BasePlugin):
    """Runs :func:`maskline.sql.session.key_setup` for DuckDB on each cursor dbt opens."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        """Read the plugin's ``config``: the environment variable that holds the key.

        >>> plugin = Plugin("maskline", {})  # dbt-duckdb's constructor calls initialize
        >>> plugin.key_env, (plugin.initialize({"key_env": "SHOP_KEY"}), plugin.key_env)[1]
        ('MASKLINE_KEY', 'SHOP_KEY')
        """
        self.key_env = str(plugin_config.get("key_env") or "MASKLINE_KEY")

    def configure_connection(self, conn: Any) -> None:
        """Load the key into the session of ``conn``; a missing key fails it.

        >>> import duckdb, os
        >>> plugin, con = Plugin("maskline", {"key_env": "DOCTEST_MASKLINE_KEY"}), duckdb.connect()
        >>> plugin.configure_connection(con)
        Traceback (most recent call last):
        ...
        maskline.errors.KeyMissingError: no masking key: the environment variable named at key.env in the policy ...
        >>> os.environ["DOCTEST_MASKLINE_KEY"] = "k" * 32
        >>> plugin.configure_connection(con); con.sql("SELECT getvariable('maskline_salt') IS NOT NULL").fetchall()
        [(True,)]
        >>> del os.environ["DOCTEST_MASKLINE_KEY"]
        """
        apply_key_setup(conn, "duckdb", resolve_key(KeyRef(env=self.key_env)))

    def configure_cursor(self, cursor: Any) -> None:
        """Load the key into ``cursor``'s session too (a DuckDB cursor is a connection of its own).

        >>> import duckdb, os
        >>> os.environ["DOCTEST_MASKLINE_KEY"] = "k" * 32
        >>> cursor = duckdb.connect().cursor()
        >>> Plugin("maskline", {"key_env": "DOCTEST_MASKLINE_KEY"}).configure_cursor(cursor)
        >>> cursor.sql("SELECT getvariable('maskline_salt') IS NOT NULL").fetchall()
        [(True,)]
        >>> del os.environ["DOCTEST_MASKLINE_KEY"]
        """
        # DuckDB variables belong to one connection; dbt's cursors are fresh connections.
        apply_key_setup(cursor, "duckdb", resolve_key(KeyRef(env=self.key_env)))
