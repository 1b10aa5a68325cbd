"""dbt_macros/README.md: `maskline_no_pii` checks shapes only, so over a `hmac` column with no `info_types` it fails
on hex tokens shaped like IBANs or cards, while naming the types the column could hold (and `maskline_is_masked`)
pass. Real dbt on DuckDB, twenty e-mails masked with full-length HMAC tokens."""

from __future__ import annotations

import pytest
import yaml

from tests.dbt.fresh_project import fresh_project

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

EMAILS = [f"person{i}@example.com" for i in range(20)]


def test_no_pii_over_tokens_needs_info_types(tmp_path_factory) -> None:
    tests = {"version": 2, "models": [{"name": "people", "columns": [{"name": "email", "data_tests": [
        {"maskline.maskline_no_pii": {"name": "every_type"}},
        {"maskline.maskline_no_pii": {"name": "email_only", "arguments": {"info_types": ["EMAIL"]}}},
        {"maskline.maskline_is_masked": {"name": "is_hmac", "arguments": {"method": "hmac"}}},
    ]}]}]}
    files = {"seeds/raw_people.csv": "id,email\n" + "".join(f"{i},{e}\n" for i, e in enumerate(EMAILS)),
             "models/people.sql": "select id, {{ maskline.mask('email', 'hmac') }} as email from {{ ref('raw_people') }}\n",
             "models/schema.yml": yaml.safe_dump(tests, sort_keys=False)}
    project = fresh_project(tmp_path_factory.mktemp("dbt_no_pii_tokens") / "project", files)
    project.run("build", check=False)
    status = {uid.split(".")[2]: (r["status"], r.get("failures")) for uid, r in project.run_results().items()
              if uid.startswith("test.")}
    assert status["email_only"] == ("pass", 0) and status["is_hmac"] == ("pass", 0)
    assert status["every_type"][0] == "fail" and status["every_type"][1] > 0
