"""The integration project on a local PySpark session (dbt-spark `session`): the engine users scale out to."""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject, assert_build_passed
from tests.dbt.parity import case_frame, case_policy, core_masked, mismatches, seed_meta_policy

pytestmark = [pytest.mark.dbt, pytest.mark.spark, pytest.mark.xdist_group("dbt")]

READ_SCRIPT = """
import json, sys
from decimal import Decimal
from pyspark.sql import SparkSession
spark = (SparkSession.builder.enableHiveSupport()
         .config("spark.sql.warehouse.dir", sys.argv[1]).config("spark.ui.enabled", "false")
         .config("spark.driver.extraJavaOptions", "-Dderby.system.home=" + sys.argv[2]).getOrCreate())
out = {}
for table in ("raw_customers", "every_method", "customers_masked"):
    df = spark.sql(f"select * from maskline_it.{table} order by id").toPandas()
    out[table] = df.astype(object).where(df.notna(), None).to_dict("split")
print("MASKLINE_JSON" + json.dumps(out, default=lambda v: float(v) if isinstance(v, Decimal) else str(v)))
"""


@pytest.fixture(scope="module")
def spark_tables(spark_project: DbtProject):
    """The seed and the masked tables, read back through Spark (a fresh session on the same metastore)."""
    import json
    import subprocess
    import sys

    import pandas as pd

    base = spark_project.root.parent
    proc = subprocess.run([sys.executable, "-c", READ_SCRIPT, str(base / "warehouse"), str(base)],
                          cwd=spark_project.root, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    payload = json.loads(proc.stdout.split("MASKLINE_JSON", 1)[1])
    return {t: pd.DataFrame(d["data"], columns=d["columns"]) for t, d in payload.items()}


def test_build_passes_every_model_and_expected_pass_test(spark_project: DbtProject) -> None:
    assert_build_passed(spark_project)


def test_tests_tagged_expected_fail_fail(spark_project: DbtProject) -> None:
    assert spark_project.expected_fail.returncode != 0
    results = spark_project.run_results()
    assert len(results) == 4
    assert {r["status"] for r in results.values()} == {"fail"}


def _typed_raw(raw):
    import pandas as pd

    raw = raw.copy()
    raw["id"] = raw["id"].astype(int)
    raw["amount"] = pd.to_numeric(raw["amount"])
    raw["birth_date"] = pd.to_datetime(raw["birth_date"]).dt.date
    return raw


def test_every_method_matches_the_core_value_by_value(spark_tables) -> None:
    expected = core_masked(case_frame(_typed_raw(spark_tables["raw_customers"])), case_policy(), "cases")
    assert mismatches(spark_tables["every_method"], expected) == []


def test_masked_columns_matches_the_core_policy_from_schema_meta(spark_tables) -> None:
    expected = core_masked(_typed_raw(spark_tables["raw_customers"]), seed_meta_policy(), "raw_customers")
    assert mismatches(spark_tables["customers_masked"], expected) == []
