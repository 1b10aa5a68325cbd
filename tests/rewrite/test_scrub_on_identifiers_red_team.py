"""``scrub`` on a column that is not free text fails closed (redteam19).

``scrub`` replaces the spans its detectors find in prose and passes the rest as written. A policy could give it to an
SSN or card column: a value written as bare digits (``123456789``) was no span, and passed raw through the CLI, the
query path and dbt. The policy is refused now, naming the file, the column and the fix.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml
from sqlglot import exp

from maskline.errors import PolicyError
from maskline.policy import load_policy

BARE_SSN = "219099999"
SCRUB_SSN = {"datasets": {"people": {"columns": {"ssn": {"info_type": "US_SSN", "method": "scrub"}}}}}


def test_the_control_scrub_passes_a_bare_ssn_raw() -> None:
    """What the refusal prevents: scrub's SQL leaves an SSN written without dashes as it is."""
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression

    sql = mask_expression(exp.column("ssn"), method_spec("scrub"), "duckdb").sql("duckdb")
    assert duckdb.connect().execute(f"SELECT {sql} FROM (SELECT '{BARE_SSN}' AS ssn)").fetchall() == [(BARE_SSN,)]


@pytest.mark.parametrize(("raw", "where"), [
    (SCRUB_SSN, 'datasets["people"].columns.ssn.method'),
    ({"methods": {"CREDIT_CARD": "scrub"}}, "methods.CREDIT_CARD"),
    ({"info_types": {"EMPLOYEE_ID": {"pattern": "E[0-9]{6}", "method": "scrub"}}}, "info_types.EMPLOYEE_ID.method"),
])
def test_scrub_for_an_identifier_is_refused_at_load(raw: dict, where: str, tmp_path: Path) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(PolicyError) as refused:
        load_policy(path)
    assert refused.value.where == f"{path}: {where}"
    assert "method scrub is for free text" in refused.value.what
    assert "redact" in refused.value.fix and "FREE_TEXT_WITH_PII" in refused.value.fix


def test_scrub_for_prose_still_loads() -> None:
    load_policy({"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}})
    load_policy({"methods": {"FREE_TEXT_WITH_PII": "scrub"}})


def test_the_cli_query_path_refuses_the_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from maskline.cli.main import main

    policy = tmp_path / "policy.yml"
    policy.write_text(yaml.safe_dump(SCRUB_SSN))
    schema = tmp_path / "schema.yml"
    schema.write_text(yaml.safe_dump({"people": {"id": "integer", "ssn": "varchar"}}))
    code = main(["sql", "--dialect", "duckdb", "--policy", str(policy), "--schema-from", str(schema),
                 "--query", "SELECT ssn FROM people"])
    err = capsys.readouterr().err
    assert code != 0 and "method scrub is for free text, not US_SSN" in err and "columns.ssn" in err


def test_dbt_meta_refuses_scrub_on_an_ssn() -> None:
    from maskline.dbt.meta import read_column_meta

    with pytest.raises(PolicyError) as refused:
        read_column_meta({"info_type": "US_SSN", "method": "scrub"}, "model.p.people.ssn")
    assert refused.value.where == "model.p.people.ssn.meta.maskline.method"


def test_scrub_without_an_info_type_on_a_column_the_scan_typed_is_refused() -> None:
    """``{method: scrub}`` alone on a column the scan found holds SSNs: the rows would pass as the control shows."""
    from maskline.classify.result import Classification, ColumnClassification
    from maskline.plan import build_plan

    pol = load_policy({"datasets": {"people": {"columns": {"ssn": {"method": "scrub"}}}}})
    scan = Classification((ColumnClassification("ssn", "US_SSN", 0.97, "identifier"),), table="people")
    with pytest.raises(PolicyError) as refused:
        build_plan(pol, "people", [("ssn", "text")], scan)
    assert "column people.ssn" in refused.value.what and "the scan found US_SSN" in refused.value.what
    prose = Classification((ColumnClassification("ssn", "FREE_TEXT_WITH_PII", 0.9, "sensitive"),), table="people")
    assert build_plan(pol, "people", [("ssn", "text")], prose).columns[0].method.name == "scrub"
