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

Airflow's Task SDK has no public way to set a task instance's rendered map index (checked in Airflow 3.3 / Task SDK
1.3: the task runner sends ``SetRenderedMapIndex`` itself, through its module's ``SUPERVISOR_COMMS``), so the hook
sends the decided label the way the task runner does. It fails closed, whatever Airflow version runs it: the label
on the task instance is replaced first, before anything is sent, and a label that cannot be decided becomes
``[MASKED]``, so the task instance never carries the raw label (the OpenLineage START event, the log, and the task's
end, where Airflow stores the task instance's label with its state). When the channel is missing or refuses the
message, a warning says so and what follows: the database keeps the early raw label until the task ends.
"""

from __future__ import annotations

import logging
from typing import Any

from airflow.listeners import hookimpl

LABEL = "maskline_map_index_label"  # the name label() is given in the template's context
UNDECIDED = "[MASKED]"  # a label that could not be decided (fail closed)
log = logging.getLogger(__name__)


def label(rendered: str) -> str:
    """``rendered`` (a rendered map index) as Airflow may store it; ``[MASKED]`` when it cannot be decided.

    >>> label("us-east-1"), label("Ann Lee"), label("ann@example.com")
    ('us-east-1', '[MASKED]', '[EMAIL]')
    """
    try:
        from airflow_plugin.xcom_keys import is_name

        if not rendered or is_name(rendered):
            return rendered
        from airflow_plugin.xcom_labelled import _labels
        from airflow_plugin.xcom_tables import xcom_policy

        (decided,) = _labels([rendered], True, xcom_policy())
        return str(decided)
    except Exception as e:  # noqa: BLE001 - fail closed: a label that cannot be decided is masked, never kept
        log.warning("maskline: a map index label could not be decided (%s); it is stored as %s",
                    type(e).__name__, UNDECIDED)
        return UNDECIDED


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
    label (see the module: the Task SDK has no public call for it): the label rendered after the run is the decided
    one already, equal to this, so the runner would not send it again before the task ends.
    """
    early = getattr(task_instance, "rendered_map_index", None)
    if not isinstance(early, str) or not early:
        return
    decided = label(early)
    if decided == early:
        return
    # First, and whatever follows: from here on the task instance carries the decided label only.
    task_instance.rendered_map_index = decided
    _send(decided)


def _send(decided: str) -> None:
    """Send ``decided`` as the task instance's rendered map index, as Airflow's task runner does."""
    try:
        from airflow.sdk.execution_time import task_runner
        from airflow.sdk.execution_time.comms import SetRenderedMapIndex

        comms = getattr(task_runner, "SUPERVISOR_COMMS", None)  # set only in a task process; moved in another Airflow?
        if comms is None:
            raise LookupError("airflow.sdk.execution_time.task_runner.SUPERVISOR_COMMS")
        comms.send(msg=SetRenderedMapIndex(rendered_map_index=decided))
    except Exception as e:  # noqa: BLE001 - the task instance carries the decided label already (fail closed)
        log.warning("maskline: the map index label Airflow rendered before the task ran could not be replaced in "
                    "the metadata database (%s: no channel to the supervisor, as Airflow 3.3's task runner has). "
                    "The task instance carries the decided label, which Airflow stores when the task ends; until "
                    "then the database keeps the early one. To avoid it, render map_index_template only from values "
                    "the task sets while it runs (get_current_context()), which Airflow cannot render early.",
                    type(e).__name__)
