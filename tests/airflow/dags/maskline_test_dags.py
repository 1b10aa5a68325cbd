"""DAGs the Airflow tests run with dag.test(), all in one process (see tests/airflow/conftest.py).

- ``mt_<engine>`` for each connection the environment provides (duckdb, sqlite, postgres, trino):
  MaskTableOperator (twice into the same target: the swap must replace), MaskQueryOperator
  over a join with functions (the rewrite), policy as a path, a dict or an Airflow Variable.
- ``mt_files``: MaskFileOperator CSV -> Parquet and CSV -> CSV.
- ``mt_decorator``: @task.maskline hands a masked DataFrame to the next task, which puts raw values back.
- ``mt_failures``: every task must fail and leave no target.
- ``mt_pii``: plain tasks that return and log raw PII; the XCom backend and the log filter must scrub it
  (tables by the fail-closed decision: ``uncertain_table``).
"""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path
from urllib.parse import urlparse

import pendulum
import yaml
from airflow.sdk import DAG, task

from airflow_plugin.operators.mask_file import MaskFileOperator
from airflow_plugin.operators.mask_query import MaskQueryOperator
from airflow_plugin.operators.mask_table import MaskTableOperator
from airflow_plugin.operators.protect import ProtectPostgresOperator

POLICY_PATH = str(Path(__file__).with_name("maskline_policy.yml"))
DATA_DIR = Path(os.environ.get("MASKLINE_TEST_DATA_DIR", "/tmp/maskline-airflow-tests"))
START = pendulum.datetime(2024, 1, 1, tz="UTC")
JOIN_QUERY = (
    "SELECT c.customer_id, upper(c.email) AS contact, c.full_name || ' <' || c.phone || '>' AS who, "
    "t.body, t.status FROM raw_customers AS c JOIN raw_tickets AS t ON t.customer_id = c.customer_id"
)
ENGINES = {
    "duckdb": ("test_duckdb", POLICY_PATH),
    "sqlite": ("test_sqlite", "dict"),
    "postgres": ("test_pg", "variable:maskline_policy"),
    "trino": ("test_trino", POLICY_PATH),
}


def _policy(kind: str):
    if kind == "dict":
        return yaml.safe_load(Path(POLICY_PATH).read_text())
    return kind


for engine, (conn_id, policy_kind) in ENGINES.items():
    if f"AIRFLOW_CONN_{conn_id.upper()}" not in os.environ:
        continue
    with DAG(f"mt_{engine}", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]) as dag:
        policy = _policy(policy_kind)
        first = MaskTableOperator(task_id="mask_customers", conn_id=conn_id, source="raw_customers",
                                  target="customers_masked", policy=policy, classify=True)
        again = MaskTableOperator(task_id="mask_customers_again", conn_id=conn_id, source="raw_customers",
                                  target="customers_masked", policy=policy, classify=True)
        tickets = MaskTableOperator(task_id="mask_tickets", conn_id=conn_id, source="raw_tickets",
                                    target="tickets_masked", policy=policy, classify=True)
        query = MaskQueryOperator(task_id="mask_join_query", conn_id=conn_id, sql=JOIN_QUERY,
                                  target="contacts_masked", policy=policy)
        first >> again
        if engine == "postgres":  # the database enforces masked access itself: views, owner-only key, reader
            ProtectPostgresOperator(task_id="protect_raw", conn_id=conn_id, schema="public",
                                    tables=["raw_customers", "raw_tickets"], policy=policy,
                                    masked_schema="mt_masked", reader="mt_reader", private_schema="mt_private",
                                    # the role the task connects as: the key store's expected owner (dbt's var)
                                    key_owner=urlparse(os.environ[f"AIRFLOW_CONN_{conn_id.upper()}"]).username)
    globals()[dag.dag_id] = dag


with DAG("mt_files", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]) as files_dag:
    MaskFileOperator(task_id="csv_to_parquet", src=f"file://{DATA_DIR}/raw_customers.csv",
                     dst=f"file://{DATA_DIR}/out/customers_masked.parquet", policy=POLICY_PATH)
    MaskFileOperator(task_id="csv_to_csv", src=f"file://{DATA_DIR}/raw_customers.csv",
                     dst=f"file://{DATA_DIR}/out/customers_masked.csv", policy=POLICY_PATH)


with DAG("mt_decorator", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]) as deco_dag:

    @task.maskline(policy=POLICY_PATH, dataset="raw_customers")
    def customers_frame():
        import pandas as pd
        from maskline_demo_data import customers

        return pd.DataFrame(customers())

    @task
    def describe(frame) -> dict[str, object]:
        return {"rows": len(frame), "columns": list(frame.columns), "type": type(frame).__name__}

    @task
    def recontact(frame):
        # A plain task puts the CRM's raw contacts back beside the masked columns: pandas carries the masked
        # frame's attrs over to the new frame, so a marker in them would vouch for raw values.
        from maskline_demo_data import customers

        people = customers()
        return frame.assign(email=[p["email"] for p in people], full_name=[p["full_name"] for p in people])

    masked = customers_frame()
    describe(masked)
    recontact(masked)


@dataclasses.dataclass
class Contact:
    """A task's own record type: serde stores its fields."""

    email: str
    phone: str
    visits: int


def _customer(field: str) -> str:
    from maskline_demo_data import customers

    return str(customers()[0][field])


with DAG("mt_failures", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]) as fail_dag:
    MaskTableOperator(task_id="bad_policy", conn_id="test_duckdb", source="raw_customers",
                      target="fail_bad_policy", classify=False,
                      policy={"datasets": {"raw_customers": {"columns": {"email": {"method": "hmca"}}}}})
    MaskTableOperator(task_id="missing_key", conn_id="test_duckdb", source="raw_customers",
                      target="fail_missing_key", classify=False,
                      policy={"key": {"env": "MASKLINE_KEY_THAT_IS_NOT_SET"},
                              "datasets": {"raw_customers": {"columns": {"ssn": {"method": "hmac"}}}}})
    # The variable holds a key, but a too short one: the error says so (not "not set"), and nothing is written.
    MaskTableOperator(task_id="short_key", conn_id="test_duckdb", source="raw_customers",
                      target="fail_short_key", classify=False,
                      policy={"key": {"env": "MASKLINE_TEST_SHORT_KEY"},
                              "datasets": {"raw_customers": {"columns": {"ssn": {"method": "hmac"}}}}})
    MaskTableOperator(task_id="missing_variable", conn_id="test_duckdb", source="raw_customers",
                      target="fail_missing_variable", policy="variable:no_such_policy_variable")
    MaskTableOperator(task_id="unreachable", conn_id="test_pg_down", source="raw_customers",
                      target="fail_unreachable", policy=POLICY_PATH)
    MaskTableOperator(task_id="missing_source", conn_id="test_duckdb", source="no_such_table",
                      target="fail_missing_source", policy=POLICY_PATH)
    MaskTableOperator(task_id="fails_mid_write", conn_id="test_duckdb", source="raw_customers",
                      target="fail_mid_write", classify=False,
                      # bucket on a DATE column: the engine has no cast from a date to a number and fails
                      policy={"datasets": {"raw_customers": {"columns": {
                          "date_of_birth": {"method": {"method": "generalize", "bucket": 10}}}}}})
    MaskQueryOperator(task_id="refused_delete", conn_id="test_duckdb", sql="DELETE FROM raw_customers",
                      target="fail_refused_delete", policy=POLICY_PATH)
    # A probe for one customer's e-mail: refused, and the typed value must be stored nowhere (rendered fields too).
    MaskQueryOperator(task_id="refused_probe", conn_id="test_duckdb",
                      sql="SELECT customer_id FROM raw_customers WHERE email LIKE '{{ var.value.get('probe_email', "
                          "'nobody') }}%'", target="fail_refused_probe", policy=POLICY_PATH)

    @task.maskline(policy=POLICY_PATH, table="raw_customers")
    def returns_not_a_frame():
        return {"email": _customer("email")}

    returns_not_a_frame()


with DAG("mt_pii", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]) as pii_dag:

    @task
    def returns_dict() -> dict[str, object]:
        return {"email": _customer("email"), "note": f"call me on {_customer('phone')}", "n": 3,
                "nested": [_customer("ssn"), {"card": _customer("credit_card")}]}

    @task
    def returns_text() -> str:
        return f"customer {_customer('email')} has SSN {_customer('ssn')}"

    @task
    def returns_frame():
        import pandas as pd
        from maskline_demo_data import customers

        return pd.DataFrame(customers()).drop(columns=["date_of_birth"])

    @task
    def returns_uncertain_frame():
        from uncertain_table import uncertain_frame

        return uncertain_frame()  # columns the classifier leaves uncertain: the fail-closed decision masks them

    @task
    def returns_uncertain_rows() -> list[dict[str, object]]:
        from uncertain_table import uncertain_rows

        return uncertain_rows()

    @task
    def returns_labelled_index():  # no dict annotation: Airflow would push each row as an XCom of its own
        from uncertain_table import uncertain_labelled

        return uncertain_labelled("index", dates=False)  # {row label: {column: value}}

    @task
    def returns_labelled_dict():
        from uncertain_table import uncertain_labelled

        return uncertain_labelled("dict", dates=False)  # df.to_dict() of a frame with a text index

    @task
    def returns_objects() -> dict[str, object]:
        # Objects the value scrubber does not walk: Airflow's serde stores their fields.
        import decimal

        return {"contact": Contact(_customer("email"), _customer("phone"), 7),
                "seen": {_customer("ssn")}, "card": decimal.Decimal(_customer("credit_card").replace(" ", "")),
                "amount": decimal.Decimal("12.50")}

    @task
    def returns_nested_frame() -> dict[str, object]:
        import pandas as pd
        from maskline_demo_data import customers

        return {"frame": pd.DataFrame(customers()).drop(columns=["date_of_birth"]), "rows": 40}

    @task
    def logs_pii() -> int:
        log = logging.getLogger("airflow.task")
        log.info("contact %s at %s", _customer("email"), _customer("phone"))
        log.warning("card %s, ssn %s, ip %s", _customer("credit_card"), _customer("ssn"), _customer("ip_address"))
        import structlog

        structlog.get_logger().info("structlog line", email=_customer("email"))
        return 1

    @task
    def receives(value: dict) -> dict[str, str]:
        return {k: type(v).__name__ for k, v in value.items()}

    receives(returns_dict())
    returns_text()
    returns_frame()
    returns_uncertain_frame()
    returns_uncertain_rows()
    returns_labelled_index()
    returns_labelled_dict()
    returns_objects()
    returns_nested_frame()
    logs_pii()
