"""maskline tasks never re-report another task's hook lineage, even when every task runs in one process.

Airflow's hook lineage collector (``airflow.sdk.lineage.get_hook_lineage_collector``, a ``functools.cache``
singleton) is never cleared between tasks. Under ``dag.test()`` (the suite's shared process here, a developer's
``dag.test()`` too) it still holds every earlier task's SQL when a maskline task starts, and the OpenLineage provider
read it for the task's START (a maskline operator names its datasets only once it ran): ``mask_customers`` and
``mask_plan_summary``, both maskline tasks of one process, each re-emitted ``count_vip_customer``'s ``SELECT`` (and a
``SELECT CURRENT_SCHEMA``) as ``<task>.query.<n>`` jobs, and Marquez drew ``raw_customers -> mask_customers.query.2``.
Now maskline operators switch the provider's hook-lineage fallback off for themselves
(``airflow_plugin.own_lineage``). The control: a plain Airflow task of the same process that does read the
collector (``notify_customer``, a ``PythonOperator``) still gets its ``.query.<n>`` jobs, so the collector did hold
that SQL when the maskline tasks ran.
"""

from __future__ import annotations

import pytest

from tests.lineage.conftest import AIRFLOW_NAMESPACE, LineageRun
from tests.lineage.marquez_api import eventually as _eventually
from tests.lineage.marquez_api import lineage_nodes as _lineage_nodes

pytestmark = [pytest.mark.airflow, pytest.mark.postgres, pytest.mark.xdist_group("lineage")]

DAG = "maskline_lineage_test"
MASKLINE_TASKS = ("mask_customers", "mask_plan_summary")  # MaskTableOperator, then MaskQueryOperator
EXPECTED_OUTPUT = {"mask_customers": "customers_masked", "mask_plan_summary": "plan_summary"}


def _query_jobs(run: LineageRun, task: str) -> list[str]:
    return sorted({e["job"]["name"] for e in run.events if e["job"]["name"].startswith(f"{DAG}.{task}.query.")})


def test_maskline_tasks_emit_no_query_jobs_of_earlier_tasks(airflow_lineage: LineageRun) -> None:
    for task in MASKLINE_TASKS:
        assert _query_jobs(airflow_lineage, task) == [], task
    # Control: the collector held earlier tasks' SQL, and a task that reads it still reports it.
    assert _query_jobs(airflow_lineage, "notify_customer")


@pytest.mark.marquez
def test_marquez_draws_each_maskline_task_from_the_raw_table_to_its_own_output(marquez_url: str,
                                                                              airflow_lineage: LineageRun) -> None:
    """The graph around this session's raw table (its database is the session's own, so is the node)."""
    event = airflow_lineage.for_job(f"{DAG}.mask_customers", "COMPLETE")[0]
    raw = event["inputs"][0]

    def drawn() -> None:  # read again until Marquez draws it (a bounded number of times)
        graph = _lineage_nodes(marquez_url, f"dataset:{raw['namespace']}:{raw['name']}", depth=2)
        jobs = {i.split(":", 2)[2]: n for i, n in graph.items() if n["type"] == "JOB"
                and i.startswith(f"job:{AIRFLOW_NAMESPACE}:")}
        for task in MASKLINE_TASKS:
            assert not [j for j in jobs if j.startswith(f"{DAG}.{task}.query.")], sorted(jobs)
            outputs = [e["destination"].rsplit(".", 1)[-1] for e in jobs[f"{DAG}.{task}"]["outEdges"]]
            assert outputs == [EXPECTED_OUTPUT[task]], (task, outputs)

    _eventually(drawn)
