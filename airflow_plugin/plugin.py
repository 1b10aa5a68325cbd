"""``MasklinePlugin``: registered through the ``airflow.plugins`` entry point.

On load it installs the PII log scrubber on top of Airflow's secrets masker
(unless ``[maskline] log_filter = False``) and lineage protection: every
OpenLineage event is scrubbed and carries the identity facet, whatever
transport is configured (unless ``[maskline] lineage_protection = False``; see
:mod:`airflow_plugin.lineage_protection`). Loading does no other work, so it
adds nothing measurable to DAG parsing.
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

        if config.flag("lineage_protection"):
            from airflow_plugin.lineage_protection import install as protect_lineage

            protect_lineage()
        if not config.flag("log_filter"):
            return
        from airflow_plugin.log_filter import install

        install()
