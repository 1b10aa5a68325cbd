"""The ``[maskline]`` section of Airflow's configuration, read at call time (never at import).

Each accessor falls back to the documented default, so the operators work
without any configuration; see :func:`airflow_plugin.provider_info.get_provider_info`.
"""

from __future__ import annotations

DEFAULTS: dict[str, str] = {
    "policy": "",
    "key_conn_id": "maskline_default",
    "key_env": "MASKLINE_KEY",
    "log_filter": "True",
    "lineage_protection": "True",
    "classify_sample": "1000",
    "scrub_xcom_dataframes": "True",
}


def option(name: str) -> str:
    """One ``[maskline]`` option as a string, or its default when unset or Airflow is absent.

    >>> option("key_env")  # doctest: +SKIP
    'MASKLINE_KEY'
    """
    default = DEFAULTS[name]
    try:
        from airflow.sdk.configuration import conf
    except ImportError:  # pragma: no cover - only without Airflow
        return default
    value = conf.get("maskline", name, fallback=default)
    return default if value is None else str(value)


def flag(name: str) -> bool:
    """A boolean ``[maskline]`` option.

    >>> flag("log_filter")  # doctest: +SKIP
    True
    """
    return option(name).strip().lower() in ("1", "true", "yes", "on")


def number(name: str) -> int:
    """An integer ``[maskline]`` option.

    >>> number("classify_sample")  # doctest: +SKIP
    1000
    """
    return int(option(name))
