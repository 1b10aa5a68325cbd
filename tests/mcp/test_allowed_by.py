"""One allow-list rule for the faces that let an agent read tables (``maskline mcp --allow``, the Airflow agent
toolset's ``allowed_tables``): :func:`maskline.rewrite.table_names.allowed_by`."""

from __future__ import annotations

import pytest

from maskline.errors import PolicyError
from maskline.mcp.tools import MaskedTools
from maskline.rewrite.table_names import allowed_by

CASES = [  # entries, table, default schema, allowed
    (["customers"], "customers", "main", True),
    (["customers"], "main.customers", "main", True),
    (["customers"], "w.main.customers", "main", True),
    (["customers"], "hr.customers", "main", False),  # another schema's table of an allowed name
    (["customers"], "hr.customers", None, False),
    (["hr.customers"], "customers", "main", False),
    (["hr.customers"], "customers", "hr", True),
    (["hr.customers"], "HR.Customers", "main", True),
    (["customers", "hr.customers"], "hr.customers", "main", True),
    (["main.customers"], "customers", None, False),  # which schema "customers" is cannot be told
    (["orders"], "customers", "main", False),
]


@pytest.mark.parametrize(("entries", "table", "default", "allowed"), CASES)
def test_a_table_is_allowed_only_by_an_entry_naming_it(entries, table, default, allowed) -> None:
    assert allowed_by(entries, table, default) is allowed
    tools = MaskedTools.__new__(MaskedTools)
    tools.allow = tuple(e.lower() for e in entries)
    assert tools._allowed(table, default) is allowed  # maskline mcp decides by the same rule


def test_two_schemas_that_fit_an_unqualified_table_equally_are_refused_with_the_fix() -> None:
    with pytest.raises(PolicyError, match=r"write the table with its schema \(SCHEMA.t\)"):
        allowed_by(["hr.t", "sales.t"], "t", None, where="maskline mcp --allow")
    assert allowed_by(["hr.t", "sales.t"], "t", "sales")  # the control: the default schema's own table
