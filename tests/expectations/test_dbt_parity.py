"""The dbt package's generic tests and these GX expectations agree on the same DuckDB tables.

One throwaway dbt project declares the raw, masked and broken customers tables
(written to a DuckDB file) as sources, with ``maskline_no_pii`` and
``maskline_is_masked`` on their columns; ``dbt test`` runs once. Each dbt
verdict and failure count is compared with the matching expectation's result
on the same table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.expectations import data

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt_parity")]

# (dbt generic test, its arguments, GX expectation, its kwargs besides the column), per column.
CHECKS: list[tuple[str, str, dict[str, Any], str, dict[str, Any]]] = [
    ("notes", "maskline_no_pii", {}, "ExpectColumnValuesToNotContainPii", {}),
    ("email", "maskline_no_pii", {"info_types": ["EMAIL"]}, "ExpectColumnValuesToNotContainPii",
     {"info_types": ["EMAIL"]}),
    ("ssn", "maskline_no_pii", {"info_types": ["US_SSN"]}, "ExpectColumnValuesToNotContainPii",
     {"info_types": ["US_SSN"]}),
    ("email", "maskline_is_masked", {"method": "email"}, "ExpectColumnValuesToBeMasked", {"method": "email"}),
    ("ssn", "maskline_is_masked", {"method": "partial", "keep_last": 4}, "ExpectColumnValuesToBeMasked",
     {"method": {"method": "partial", "keep_last": 4}}),
    ("phone", "maskline_is_masked", {"method": "hmac", "length": 16}, "ExpectColumnValuesToBeMasked",
     {"method": {"method": "hmac", "length": 16}}),
    ("card", "maskline_is_masked", {"method": "char_mask"}, "ExpectColumnValuesToBeMasked", {"method": "char_mask"}),
    ("dob", "maskline_is_masked", {"method": "generalize", "to": "year"}, "ExpectColumnValuesToBeMasked",
     {"method": {"method": "generalize", "to": "year"}}),
    ("amount", "maskline_is_masked", {"method": "generalize", "bucket": 10}, "ExpectColumnValuesToBeMasked",
     {"method": {"method": "generalize", "bucket": 10}}),
    ("full_name", "maskline_is_masked", {"method": "fake", "info_type": "PERSON_NAME"},
     "ExpectColumnValuesToBeMasked", {"method": "fake", "info_type": "PERSON_NAME"}),
    ("password", "maskline_is_masked", {"method": "redact", "info_type": "PASSWORD"}, "ExpectColumnValuesToBeMasked",
     {"method": "redact", "info_type": "PASSWORD"}),
    ("notes", "maskline_is_masked", {"method": "scrub"}, "ExpectColumnValuesToBeMasked", {"method": "scrub"}),
    # the types the patterns found inside hex tokens, over hmac tokens (masked; a whole token is no PII on both faces)
    # and raw phones and cards (raw); not every type, as dbt counts a value once per type it holds and GX once, and
    # a raw phone or card holds more than one
    ("phone", "maskline_no_pii", {"info_types": ["IBAN", "CREDIT_CARD"]}, "ExpectColumnValuesToNotContainPii",
     {"info_types": ["IBAN", "CREDIT_CARD"]}),
    ("card", "maskline_no_pii", {"info_types": ["IBAN", "CREDIT_CARD"]}, "ExpectColumnValuesToNotContainPii",
     {"info_types": ["IBAN", "CREDIT_CARD"]}),
]
FRAMES = ("raw", "masked", "broken")


def _test_name(frame: str, index: int) -> str:
    return f"parity_{frame}_{index}"


def _project(root: Path, database: Path) -> None:
    from tests.dbt.dbt_harness import PACKAGE

    root.mkdir(parents=True)
    (root / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "maskline_gx_parity", "version": "1.0", "config-version": 2, "profile": "parity"}))
    (root / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(PACKAGE)}]}))
    tables = []
    for frame in FRAMES:
        columns: dict[str, list[Any]] = {}
        for i, (column, test, arguments, _, _) in enumerate(CHECKS):
            columns.setdefault(column, []).append(
                {f"maskline.{test}": {"name": _test_name(frame, i), "arguments": arguments}})
        tables.append({"name": f"customers_{frame}",
                       "columns": [{"name": c, "data_tests": tests} for c, tests in columns.items()]})
    (root / "models").mkdir()
    (root / "models" / "sources.yml").write_text(yaml.safe_dump(
        {"version": 2, "sources": [{"name": "checks", "schema": "main", "tables": tables}]}, sort_keys=False))
    (root / "_profiles").mkdir()
    (root / "_profiles" / "profiles.yml").write_text(yaml.safe_dump({"parity": {"target": "duckdb", "outputs": {
        "duckdb": {"type": "duckdb", "path": str(database), "threads": 1,
                   "plugins": [{"module": "maskline.dbt.duckdb_plugin"}]}}}}))


@pytest.fixture(scope="module")
def dbt_verdicts(tmp_path_factory: pytest.TempPathFactory, frames: dict[str, Any]) -> dict[str, dict[str, Any]]:
    import os

    import duckdb

    from tests.conftest import TEST_KEY
    from tests.dbt.dbt_harness import DbtProject

    work = tmp_path_factory.mktemp("dbt_parity")
    database = work / "parity.duckdb"
    con = duckdb.connect(str(database))
    for name, frame in frames.items():
        data.create_duckdb_table(con, f"customers_{name}", frame)
    con.close()
    root = work / "project"
    _project(root, database)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBT_")}
    env.update({"MASKLINE_KEY": TEST_KEY, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    project = DbtProject(root, root / "_profiles", "duckdb", env)
    project.run("deps")
    project.run("test", check=False)
    verdicts = {}
    for result in project.run_results().values():
        name = result["unique_id"].split(".")[2]
        verdicts[name] = {"status": result["status"], "failures": result.get("failures"),
                          "message": result.get("message")}
    return verdicts


@pytest.mark.parametrize("frame", FRAMES)
def test_dbt_generic_tests_and_gx_expectations_agree(frame: str, dbt_verdicts, batch_for) -> None:
    import maskline.expectations as mx

    batch = batch_for("duckdb", frame)
    disagreements = []
    for i, (column, test, _, expectation, kwargs) in enumerate(CHECKS):
        dbt = dbt_verdicts[_test_name(frame, i)]
        assert dbt["status"] in ("pass", "fail"), dbt  # an error is not a verdict
        gx = batch.validate(getattr(mx, expectation)(column=column, **kwargs))
        gx_count = gx.result["unexpected_count"]
        if (dbt["status"] == "pass") != gx.success or int(dbt["failures"] or 0) != gx_count:
            disagreements.append((column, test, dbt["status"], dbt["failures"], gx.success, gx_count))
    assert disagreements == []


def test_parity_covers_passing_and_failing_verdicts(dbt_verdicts) -> None:
    statuses = {v["status"] for v in dbt_verdicts.values()}
    assert statuses == {"pass", "fail"}
    assert len(dbt_verdicts) == len(CHECKS) * len(FRAMES)
