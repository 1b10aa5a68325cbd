"""Native column masking DDL for Snowflake, Databricks and BigQuery: golden SQL, re-parsed in each dialect.

These engines are not reachable here, so their DDL is checked as the golden SQL of the other dialects is:
reviewed fixtures, regenerated with ``MASKLINE_UPDATE_GOLDEN=1``, and every statement (and every masking body)
parsed back by sqlglot in its dialect. Keys never appear in it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlglot

from maskline.errors import UnsupportedDialectError
from maskline.policy import load_policy

GOLDEN = Path(__file__).with_name("golden") / "native"
POLICY = load_policy({
    "unclassified": "pass", "unmask_for": ["role:PII_READER", "user:bob"],
    "datasets": {"customers": {"columns": {
        "email": {"info_type": "EMAIL"}, "ssn": {"info_type": "US_SSN"},
        "username": {"info_type": "USERNAME", "method": {"method": "hmac", "length": 16}},
        "phone": {"info_type": "PHONE", "method": {"method": "char_mask"}}}}}})
COLUMNS = [("id", "int"), ("email", "varchar"), ("ssn", "varchar"), ("username", "varchar"), ("phone", "varchar"),
           ("city", "varchar")]
NO_KEYED = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {
    "email": {"info_type": "EMAIL"}, "ssn": {"info_type": "US_SSN"}}}}})


def _generate() -> dict[str, list[str]]:
    from maskline.adapters.bigquery import masking_routine_ddl
    from maskline.adapters.snowflake import masking_policy_ddl
    from maskline.adapters.spark import column_mask_ddl

    return {
        "snowflake": masking_policy_ddl(POLICY, "analytics.raw.customers", COLUMNS),
        "databricks": column_mask_ddl(POLICY, "main.raw.customers", [(c, "string" if t == "varchar" else t)
                                                                     for c, t in COLUMNS]),
        "bigquery": masking_routine_ddl(NO_KEYED, "proj.raw.customers", [(c, "string" if t == "varchar" else "int64")
                                                                         for c, t in COLUMNS]),
    }


@pytest.mark.parametrize("engine", ["snowflake", "databricks", "bigquery"])
def test_native_masking_ddl_matches_its_golden_file_and_parses_back(engine: str) -> None:
    got = _generate()[engine]
    path = GOLDEN / f"{engine}.sql"
    text = ";\n\n".join(got) + ";\n"
    if os.environ.get("MASKLINE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert path.read_text() == text
    dialect = "databricks" if engine == "databricks" else engine
    for statement in got:
        assert sqlglot.parse_one(statement, read=dialect) is not None
        if engine == "snowflake" and " -> " in statement:  # sqlglot keeps policy DDL as a command: parse its body
            sqlglot.parse_one(statement.split(" -> ", 1)[1], read="snowflake")


def test_every_masked_column_gets_an_object_and_raw_roles_are_honoured() -> None:
    ddl = _generate()
    for engine in ("snowflake", "databricks"):
        attached = [s for s in ddl[engine] if s.startswith("ALTER TABLE")]
        assert len(attached) == 4, engine  # email, ssn, username, phone; id and city pass
    assert all("IS_ROLE_IN_SESSION('PII_READER')" in s for s in ddl["snowflake"] if "MASKING POLICY" in s and "->" in s)
    assert any("IS_ACCOUNT_GROUP_MEMBER('PII_READER')" in s.upper() for s in ddl["databricks"])
    assert not any("bob" in s for statements in ddl.values() for s in statements)  # users are not roles


def test_keyed_methods_read_the_owner_only_key_table_never_a_key() -> None:
    from tests.conftest import TEST_KEY

    ddl = _generate()
    keyed = [s for s in ddl["snowflake"] + ddl["databricks"] if "username" in s and "FUNCTION" in s or
             ("maskline_customers_username" in s and "->" in s)]
    assert keyed and all("maskline_private.maskline_key" in s for s in keyed)
    assert all(TEST_KEY not in s and TEST_KEY.encode().hex() not in s for st in ddl.values() for s in st)


def test_bigquery_refuses_keyed_methods_rather_than_inlining_the_key() -> None:
    from maskline.adapters.bigquery import masking_routine_ddl

    with pytest.raises(UnsupportedDialectError, match="keyed method 'hmac'.*column username"):
        masking_routine_ddl(POLICY, "proj.raw.customers", [(c, "string") for c, _ in COLUMNS])


def test_a_text_method_on_a_number_column_is_refused_because_masks_keep_the_type() -> None:
    from maskline.adapters.snowflake import masking_policy_ddl

    pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"n": {"info_type": "US_SSN"}}}}})
    with pytest.raises(UnsupportedDialectError, match="returns text for a number column"):
        masking_policy_ddl(pol, "db.s.t", [("n", "number")])
