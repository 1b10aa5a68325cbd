"""Scrub what a task prints: its standard streams go through the scrubber while it runs.

A task's ``print()`` output goes to ``sys.stdout``, not to a logger, so the
log filter never sees it: under ``dag.test()`` it reaches the log as it is,
and on a worker it reaches the supervisor raw. These listener hooks, which
the plugin registers, wrap the streams when a task instance starts running
and unwrap them (flushing what is held) when it ends, unless
``[maskline] log_filter = False``.
"""

from __future__ import annotations

from typing import Any

from airflow.listeners import hookimpl


def _enabled() -> bool:
    from airflow_plugin import config

    try:
        return config.flag("log_filter")
    except config.ConfigError:
        return True  # fail closed: a broken setting scrubs (the plugin reports the setting on load)


@hookimpl
def on_task_instance_running(previous_state: Any, task_instance: Any) -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` before the task's code runs.

    >>> import sys; plain = sys.stdout
    >>> on_task_instance_running(None, None); type(sys.stdout).__name__
    'ScrubbingStream'
    >>> on_task_instance_success(None, None); sys.stdout is plain
    True
    """
    if _enabled():
        from airflow_plugin.log_filter import scrub_standard_streams

        scrub_standard_streams()


@hookimpl
def on_task_instance_success(previous_state: Any, task_instance: Any) -> None:
    """Flush and unwrap the streams after a successful task.

    >>> import sys; plain = sys.stdout
    >>> on_task_instance_running(None, None); on_task_instance_success(None, None); sys.stdout is plain
    True
    """
    from airflow_plugin.log_filter import restore_standard_streams

    restore_standard_streams()


@hookimpl
def on_task_instance_failed(previous_state: Any, task_instance: Any, error: Any) -> None:
    """Flush and unwrap the streams after a failed task.

    >>> import sys; plain = sys.stdout
    >>> on_task_instance_running(None, None); on_task_instance_failed(None, None, error=None)
    >>> sys.stdout is plain
    True
    """
    from airflow_plugin.log_filter import restore_standard_streams

    restore_standard_streams()
