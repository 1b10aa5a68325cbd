"""``MasklinePlugin``: registered through the ``airflow.plugins`` entry point.

On load it installs the PII log scrubber on top of Airflow's secrets masker
(unless ``[maskline] log_filter = False``; a value that is not a boolean installs it
and raises). Loading does no other work, so
it adds nothing measurable to DAG parsing.
"""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin


class MasklinePlugin(AirflowPlugin):
    """The maskline Airflow plugin.

    >>> MasklinePlugin.name
    'maskline'
    """

    name = "maskline"

    @classmethod
    def on_load(cls, *args, **kwargs) -> None:
        from airflow_plugin import config
        from airflow_plugin.log_filter import install

        try:
            enabled = config.flag("log_filter")
        except config.ConfigError:
            install()  # fail closed: scrub logs anyway, then report the bad setting loudly
            raise
        if enabled:
            install()
