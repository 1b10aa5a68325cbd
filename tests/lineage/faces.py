"""The masked outputs of every face, as the lineage tests look them up (one table, two test files).

``face -> (producer fixture, job name or suffix, columns that must show as masked)``, and per face the columns
passed as is and the generalized ones with their description.
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

# ``face -> columns passed unmasked, each a plain select of one input column`` (Marquez shows them as IDENTITY).
PASSED_OUTPUTS: dict[str, tuple[str, ...]] = {
    "airflow-table": ("customer_id", "plan", "lifetime_value"),
    "airflow-query": ("tier",),  # ``plan AS tier``: one column under another name
    "airflow-query-example": ("customer_id", "plan"),
    "airflow-file": ("customer_id", "plan", "lifetime_value"),
    "dbt-masked-columns": ("customer_id",),
    "dbt-inline-mask": ("ticket_id", "opened_at", "channel"),
}

# ``face -> {generalized column: the description of its own form}`` (not the summary of all three forms).
_TO_YEAR = "masked with generalize(to=year): date truncated to the year"
_PREFIX_2 = "masked with generalize(prefix=2): text cut to its first 2 characters, the rest *"
GENERALIZED_OUTPUTS: dict[str, dict[str, str]] = {
    "airflow-table": {"date_of_birth": _TO_YEAR, "postal_code": _PREFIX_2},
    "airflow-file": {"date_of_birth": _TO_YEAR, "postal_code": _PREFIX_2},
    "dbt-masked-columns": {"birth_date": _TO_YEAR, "postal_code": _PREFIX_2},
}


def output_of(run: LineageRun, job: str) -> dict:
    """The first output dataset of the job's COMPLETE event."""
    events = run.for_job(job, "COMPLETE")
    assert events, f"no COMPLETE event for {job}: {sorted({e['job']['name'] for e in run.events})}"
    return events[0]["outputs"][0]
