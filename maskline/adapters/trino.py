"""Trino: native ``hmac_sha256``; no session variables, so key values travel as bound parameters.

Where the key can appear: Trino's query history, which records the parameters of
``EXECUTE ... USING``.

>>> from maskline.adapters import engine
>>> engine("presto").name, engine("trino").namespace("localhost", 8080, "memory")
('trino', 'trino://localhost:8080')
"""

from __future__ import annotations

from maskline.adapters.base import EngineAdapter


class TrinoAdapter(EngineAdapter):
    """Trino through the ``trino`` DB-API client (qmark parameters)."""

    name = "trino"
    names = ("trino", "presto", "starburst", "athena")  # dbt adapter types that speak Trino SQL
    driver_modules = ("trino",)
    placeholder = "?"
    key_exposure = "query history (the parameters of EXECUTE ... USING)"
