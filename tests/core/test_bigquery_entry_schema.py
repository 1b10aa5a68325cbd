"""Native masking objects decide ``dataset.table`` by that table's own policy entry (round onematch).

``maskline.adapters.native.mask_objects`` (BigQuery routines, Snowflake masking policies, Databricks column masks)
and BigQuery's keyed-method check planned the table by its last name: for ``sales.customers`` they took
``hr.customers``'s entry (the first of the two of that last name), whose ``hmac`` BigQuery cannot run, and refused
a table whose own entry only redacts (or, with one entry, masked a table by another dataset's choices). Both now
plan the table as given, by the one rule (:func:`maskline.rewrite.table_names.best_entry`).
"""

from __future__ import annotations

import pytest

from maskline.adapters.bigquery import masking_routine_ddl
from maskline.errors import UnsupportedDialectError
from maskline.policy import load_policy

POLICY = load_policy({"unclassified": "pass", "datasets": {
    "hr.customers": {"columns": {"email": {"method": "hmac"}}},
    "sales.customers": {"columns": {"email": {"info_type": "EMAIL", "method": "redact"}}},
}})
COLUMNS = [("id", "int64"), ("email", "string")]


def test_a_tables_routines_follow_its_own_datasets_entry() -> None:
    ddl = masking_routine_ddl(POLICY, "sales.customers", COLUMNS)
    assert len(ddl) == 1 and "`sales`.`maskline_customers_email`" in ddl[0] and "[EMAIL]" in ddl[0]


def test_control_the_keyed_entry_is_still_refused_for_its_own_table() -> None:
    with pytest.raises(UnsupportedDialectError, match="keyed method 'hmac'"):
        masking_routine_ddl(POLICY, "hr.customers", COLUMNS)
