"""A mapped task's rendered map index, decided as a value before Airflow stores or logs it.

``map_index_template`` renders a label for each mapped task instance (``"{{ who }}"``), and Airflow stores it in
the task instance's ``rendered_map_index``, which the grid, the REST API and the task log (the task instance's
repr) show. A template that renders one of the task's values (a customer's name) put that value there, unmasked.

When a task instance starts running, this listener hook wraps its template so that what it renders is passed
through :func:`label` before Airflow keeps it: a label is kept only when it is confidently a name (the rule of
XCom keys, :func:`airflow_plugin.xcom_keys.is_name`), any other is decided as a row label is
(:mod:`airflow_plugin.xcom_labelled`), as a frame's index is. Airflow also renders the template once before the
task runs (and before listeners are called), as a partial label that the label rendered after the run replaces;
a template that renders a value already available then (``{{ task.op_kwargs['name'] }}``) is sent raw at that
point. The hook then replaces that early label with its decided form, on the task instance (so the OpenLineage
START event carries the decided label) and in the metadata database; the raw one is stored for that moment only.
"""

from __future__ import annotations

from typing import Any

from airflow.listeners import hookimpl

LABEL = "maskline_map_index_label"  # the name label() is given in the template's context


def label(rendered: str) -> str:
    """``rendered`` (a rendered map index) as Airflow may store it.

    >>> label("us-east-1"), label("Ann Lee"), label("ann@example.com")
    ('us-east-1', '[MASKED]', '[EMAIL]')
    """
    from airflow_plugin.xcom_keys import is_name

    if not rendered or is_name(rendered):
        return rendered
    from airflow_plugin.xcom_labelled import _labels
    from airflow_plugin.xcom_tables import xcom_policy

    (decided,) = _labels([rendered], True, xcom_policy())
    return str(decided)


def wrapped(template: str) -> str:
    """``template`` rendered into a variable, then given to :func:`label`.

    >>> wrapped("{{ who }}")
    '{% set maskline_rendered %}{{ who }}{% endset %}{{ maskline_map_index_label(maskline_rendered) }}'
    """
    return f"{{% set maskline_rendered %}}{template}{{% endset %}}{{{{ {LABEL}(maskline_rendered) }}}}"


@hookimpl
def on_task_instance_running(previous_state: Any, task_instance: Any) -> None:
    """Wrap the task instance's ``map_index_template`` (kept in its template context) with :func:`wrapped`.

    >>> class TI:
    ...     context = {"map_index_template": "{{ who }}"}
    ...     def get_template_context(self): return self.context
    >>> ti = TI(); on_task_instance_running(None, ti); ti.context["map_index_template"].endswith("}}")
    True
    """
    get_context = getattr(task_instance, "get_template_context", None)
    if get_context is None:
        return
    context = get_context()  # the cached context the task runner renders the map index from
    template = context.get("map_index_template")
    if not isinstance(template, str) or LABEL in context:
        return
    context[LABEL] = label
    context["map_index_template"] = wrapped(template)
    _relabel_early(task_instance)


def _relabel_early(task_instance: Any) -> None:
    """Replace the label Airflow rendered before the task ran (before any listener) with its decided form, on the
    task instance (which the OpenLineage provider's START event reads) and in the metadata database.

    The database is told through the task runner's channel to its supervisor, as the runner itself sends the
    label: the label rendered after the run is the decided one already, equal to this, so the runner would not send
    it again and the raw early label would stay stored.
    """
    early = getattr(task_instance, "rendered_map_index", None)
    if not isinstance(early, str) or not early:
        return
    decided = label(early)
    if decided == early:
        return
    task_instance.rendered_map_index = decided
    try:
        from airflow.sdk.execution_time import task_runner
        from airflow.sdk.execution_time.comms import SetRenderedMapIndex

        task_runner.SUPERVISOR_COMMS.send(msg=SetRenderedMapIndex(rendered_map_index=decided))
    except Exception as e:  # noqa: BLE001 - the label rendered after the run is sent by Airflow in any case
        import logging

        logging.getLogger(__name__).warning("maskline: could not replace an early map index label (%s)",
                                            type(e).__name__)
