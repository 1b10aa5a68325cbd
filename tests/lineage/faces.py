"""The masked outputs of every face, as the lineage tests look them up (one table, two test files).

``face -> (producer fixture, job name or suffix, columns that must show as masked)``.
"""

from __future__ import annotations

from tests.lineage.conftest import LineageRun

MASKED_OUTPUTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "airflow-table": ("airflow", "maskline_lineage_test.mask_customers", ("email", "ssn", "credit_card")),
    "airflow-query": ("airflow", "maskline_lineage_test.mask_plan_summary", ("first_email", "name_upper")),
    "airflow-query-example": ("airflow", "maskline_example.mask_contacts_query", ("email", "full_name")),
    "airflow-file": ("airflow", "maskline_example.mask_customers_file", ("email", "ssn")),
    "dbt-masked-columns": ("dbt", ".stg_customers.build.run", ("email", "birth_date")),
    "dbt-inline-mask": ("dbt", ".support_queue.build.run", ("notes", "customer_email")),
}


def output_of(run: LineageRun, job: str) -> dict:
    """The first output dataset of the job's COMPLETE event."""
    events = run.for_job(job, "COMPLETE")
    assert events, f"no COMPLETE event for {job}: {sorted({e['job']['name'] for e in run.events})}"
    return events[0]["outputs"][0]
