"""The ``[maskline]`` section of Airflow's configuration, read at call time (never at import).

Each accessor falls back to the documented default, so the operators work
without any configuration; see :func:`airflow_plugin.provider_info.get_provider_info`.
"""

from __future__ import annotations

from maskline.errors import ConfigError

# The spellings Airflow itself accepts for booleans; anything else (a typo, an inline "# comment", which
# Airflow does not strip from values) is an error rather than a silent False.
TRUE_WORDS = frozenset({"true", "t", "1", "yes", "y", "on"})
FALSE_WORDS = frozenset({"false", "f", "0", "no", "n", "off"})

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
    """A boolean ``[maskline]`` option; a value that is not a boolean raises :class:`ConfigError`.

    >>> flag("log_filter")  # doctest: +SKIP
    True
    >>> parse_flag("log_filter", "True   # scrub logs")
    Traceback (most recent call last):
    ...
    maskline.errors.ConfigError: [maskline] log_filter = 'True   # scrub logs' is not a boolean ...
    """
    return parse_flag(name, option(name))


def parse_flag(name: str, value: str) -> bool:
    """Parse one boolean option value strictly, naming the option and the fix when it is not a boolean.

    >>> parse_flag("log_filter", " Off "), parse_flag("log_filter", "yes")
    (False, True)
    """
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(
        f"[maskline] {name} = {value!r} is not a boolean",
        where=f"airflow.cfg [maskline] {name} (or AIRFLOW__MASKLINE__{name.upper()})",
        fix="write True or False alone on the line; airflow.cfg does not strip inline '#' comments, "
            "so put comments on their own line",
    )


def number(name: str) -> int:
    """An integer ``[maskline]`` option; a value that is not an integer raises :class:`ConfigError`.

    >>> number("classify_sample")  # doctest: +SKIP
    1000
    """
    value = option(name)
    try:
        return int(value.strip())
    except ValueError:
        raise ConfigError(f"[maskline] {name} = {value!r} is not an integer",
                          where=f"airflow.cfg [maskline] {name} (or AIRFLOW__MASKLINE__{name.upper()})",
                          fix="write a whole number alone on the line, with no inline comment") from None
