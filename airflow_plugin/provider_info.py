"""Provider metadata for Airflow's providers manager (the ``apache_airflow_provider`` entry point).

It follows the official providers' ``provider.yaml`` conventions: the
``maskline`` connection type with its form declared as data
(``ui-field-behaviour``, which Airflow reads without importing the hook), the
integration with the operators and hooks that serve it, the
``@task.maskline`` decorator and the ``[maskline]`` configuration section. The
documentation URL comes from the package's ``Documentation`` project URL.
The options are read at call time through :mod:`airflow_plugin.config`,
never at import.
"""

from __future__ import annotations

from typing import Any

INTEGRATION = "maskline"

# The key connection's form: only the password field matters, and it holds the masking key. Airflow 3.2+ reads
# this from provider info; MasklineKeyHook.get_ui_field_behaviour returns the same data for older versions.
KEY_CONNECTION_FIELDS: dict[str, Any] = {
    "hidden-fields": ["host", "schema", "login", "port", "extra"],
    "relabeling": {"password": "Masking key"},
    "placeholders": {"password": "a long random secret (32+ bytes)"},
}


def _option(description: str, type_: str, default: str | None, example: str | None = None) -> dict[str, Any]:
    return {"description": description, "version_added": "0.1.0", "type": type_, "example": example,
            "default": default}


def get_provider_info() -> dict[str, Any]:
    """What Airflow's providers manager needs to know about maskline.

    >>> info = get_provider_info()
    >>> info["connection-types"][0]["connection-type"], sorted(info["config"]["maskline"]["options"])[:2]
    ('maskline', ['classify_sample', 'key_conn_id'])
    >>> info["connection-types"][0]["ui-field-behaviour"]["relabeling"]
    {'password': 'Masking key'}
    """
    return {
        "package-name": "maskline",
        "name": "maskline",
        "description": "Mask PII and secrets at transform time: operators, XCom and log masking.\n",
        "versions": ["0.1.0"],
        "integrations": [
            {
                "integration-name": INTEGRATION,
                "external-doc-url": "https://github.com/maskline/maskline#readme",
                "tags": ["software"],
            },
        ],
        "operators": [
            {
                "integration-name": INTEGRATION,
                "python-modules": [
                    "airflow_plugin.operators.mask_table",
                    "airflow_plugin.operators.mask_query",
                    "airflow_plugin.operators.mask_file",
                    "airflow_plugin.operators.check",
                ],
            },
        ],
        "hooks": [{"integration-name": INTEGRATION, "python-modules": ["airflow_plugin.hooks.key"]}],
        "connection-types": [
            {
                "connection-type": "maskline",
                "hook-class-name": "airflow_plugin.hooks.key.MasklineKeyHook",
                "hook-name": "maskline masking key",
                "ui-field-behaviour": KEY_CONNECTION_FIELDS,
            },
        ],
        "task-decorators": [
            {"name": "maskline", "class-name": "airflow_plugin.decorators.maskline.maskline_task"},
        ],
        "plugins": [{"name": "maskline", "plugin-class": "airflow_plugin.plugin.MasklinePlugin"}],
        "config": {
            "maskline": {
                "description": "maskline masking operators, XCom backend and log filter.\n",
                "options": {
                    "policy": _option("Default policy (a YAML path) for operators given no policy.\n", "string",
                                      "", "/opt/airflow/policies/maskline.yml"),
                    "key_conn_id": _option("Airflow connection whose password is the masking key.\n", "string",
                                           "maskline_default", "maskline_default"),
                    "key_env": _option("Environment variable holding the key when the connection is absent.\n",
                                       "string", "MASKLINE_KEY", "MASKLINE_KEY"),
                    "log_filter": _option("Install the PII-scrubbing log filter when the plugin loads.\n",
                                          "boolean", "True", "True"),
                    "lineage_protection": _option(
                        "Scrub every OpenLineage event and add maskline_identity, whatever transport is set.\n",
                        "boolean", "True", "True"),
                    "classify_sample": _option("Rows sampled in the database to classify a source table.\n",
                                               "integer", "1000", "1000"),
                    "scrub_xcom_dataframes": _option(
                        "Mask the columns of DataFrames and lists of records pushed to XCom by the fail-closed "
                        "decision (False: DataFrames pass raw, records are scrubbed as text).\n",
                        "boolean", "True", "True"),
                },
            },
        },
    }
