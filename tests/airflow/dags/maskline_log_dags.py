"""A DAG whose tasks write raw PII to their log every way a task can: print(), the returned value, exceptions.

- ``mt_task_logs``: ``print`` to stdout and stderr, a returned object whose repr holds PII (logged by
  Airflow as "Done. Returned value was: ..."), a returned dict with a phone number with an extension
  (the XCom), and a task that raises an exception whose message and chained cause hold PII. The last
  task fails on purpose, so the run fails. ``raises_engine_error`` fails in DuckDB on a made-up name
  that no detector recognises: the engine's own message quotes it. ``takes_arguments`` is given a
  made-up name as its argument, which Airflow stores as a rendered template field (``op_args``).

The values are fixed here (``LOG_VALUES``) so that a test can look for each of them in the log.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pendulum
from airflow.sdk import DAG, task

LOG_VALUES = {
    "print_email": "printed.person@example.com",
    "stderr_phone": "+49 30 901820",
    "returned_email": "returned.person@example.org",
    "returned_card": "4111 1111 1111 1111",
    "xcom_phone": "(415)555-2671x123",
    "error_email": "failing.person@example.net",
    "cause_ssn": "536-90-4399",
    "context_iban": "DE89 3704 0044 0532 0130 00",
    "engine_name": "Quillon Vexmarra",
}

# Stored by Airflow for the Rendered Template tab, not written to the log.
RENDERED_VALUES = {"argument_name": "Ottoline Brackwater"}


@dataclass
class Customer:
    """Not JSON: Airflow logs its repr as the returned value."""

    email: str
    card: str


with DAG("mt_task_logs", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as task_logs_dag:

    @task
    def prints() -> int:
        print(f"mailing {LOG_VALUES['print_email']}")
        print(f"calling {LOG_VALUES['stderr_phone']}", file=sys.stderr)
        return 1

    @task(do_xcom_push=False)
    def returns_object() -> Customer:
        return Customer(LOG_VALUES["returned_email"], LOG_VALUES["returned_card"])

    @task
    def returns_phone_with_extension() -> dict[str, str]:
        return {"note": f"call {LOG_VALUES['xcom_phone']}"}

    @task
    def raises() -> None:
        try:
            try:
                raise KeyError(f"no customer with ssn {LOG_VALUES['cause_ssn']}")
            except KeyError as cause:
                raise RuntimeError(f"refund to {LOG_VALUES['context_iban']} failed") from cause  # a cause
        except RuntimeError:
            raise ValueError(f"cannot bill {LOG_VALUES['error_email']}")  # noqa: B904 (a context, on purpose)

    @task
    def raises_engine_error() -> None:
        import duckdb

        con = duckdb.connect()
        try:
            con.execute("CREATE TABLE people (name VARCHAR)")
            con.execute("INSERT INTO people VALUES (?)", [LOG_VALUES["engine_name"]])
            con.execute("SELECT error(name) FROM people").fetchall()  # the engine's message is the value itself
        finally:
            # Closed here: dag.test() keeps a failed task's error in a reference cycle (TaskRunResult.error, its
            # traceback's frames, _run_task's frame holding the result), so the open connection in this frame
            # would otherwise be freed by the cyclic GC, or as late as interpreter teardown.
            con.close()

    raises_engine_error()

    @task
    def takes_arguments(customer: dict[str, str]) -> int:
        return len(customer)

    takes_arguments({"name": RENDERED_VALUES["argument_name"]})
    prints() >> returns_object() >> returns_phone_with_extension() >> raises()
