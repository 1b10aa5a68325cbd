"""``MasklinePlugin``: registered through the ``airflow.plugins`` entry point.

Its listeners scrub what tasks print (:mod:`airflow_plugin.task_output`), decide a mapped task's rendered map
index as a value (:mod:`airflow_plugin.map_index`) and send an agent's queued lineage at the task's end
(:mod:`airflow_plugin.lineage_flush`). On load it installs the PII log
scrubber on top of Airflow's secrets masker
(unless ``[maskline] log_filter = False``) and lineage protection: every
OpenLineage event is scrubbed and carries the identity facet, whatever
transport is configured (unless ``[maskline] lineage_protection = False``; see
:mod:`airflow_plugin.lineage_protection`). A value that is not a boolean installs
both anyway and raises. Loading does no other work, so it adds nothing
measurable to DAG parsing.
"""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin

from airflow_plugin import lineage_flush, map_index, task_output, xcom_keys


class MasklinePlugin(AirflowPlugin):
    """The maskline Airflow plugin.

    >>> MasklinePlugin.name
    'maskline'
    """

    name = "maskline"
    # Scrubs what tasks print (their standard streams) while they run; see airflow_plugin.task_output.
    # lineage_flush: at a task's end, sends the agent tool calls' lineage still queued (bounded wait).
    # map_index: a mapped task's rendered map index decided as a value before Airflow stores it.
    # xcom_keys: records a multiple_outputs task's dict, so that its keys' XComs are masked as the dict whole.
    listeners = [task_output, lineage_flush, map_index, xcom_keys]

    @classmethod
    def on_load(cls, *args, **kwargs) -> None:
        from airflow_plugin import config
        from airflow_plugin.lineage_protection import install as protect_lineage
        from airflow_plugin.log_filter import install

        invalid: config.ConfigError | None = None
        for option, installer in (("log_filter", install), ("lineage_protection", protect_lineage)):
            try:
                enabled = config.flag(option)
            except config.ConfigError as e:
                enabled, invalid = True, e  # fail closed: protect anyway, then report the bad setting loudly
            if enabled:
                installer()
        if invalid is not None:
            raise invalid
