"""A refusal's reason, as lineage records it (the ``errorMessage`` facet of an agent's or MCP call's FAIL event,
scrubbed by :func:`openlineage_ext.scrubbing.scrub_error_text`), reads as the agent read it: the reason quotes
no value by construction, so nothing in it should look like a quoted literal to the scrubber. Quoting the
operators (``only '=', '<>', IN ...``) made Marquez show ``only '[REDACTED]', '[REDACTED]', IN ...``."""

from __future__ import annotations

import duckdb
import pytest

POLICY = {
    "version": 1,
    "key": {"env": "MASKLINE_KEY"},
    "datasets": {"customers": {"columns": {
        "email": {"info_type": "EMAIL"},
        "ssn": {"info_type": "US_SSN", "method": {"method": "hmac", "length": 16}},
        "id": {"pass": True},
    }}},
}


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE customers (id INTEGER, email VARCHAR, ssn VARCHAR)")
    return con


@pytest.mark.parametrize("sql", [
    "SELECT id FROM customers WHERE email LIKE 'maria%'",  # not a tokenizable comparison
    "SELECT id FROM customers WHERE '219-09-9999' IN (ssn, email)",  # a literal IN columns
    "SELECT * FROM read_csv('/etc/passwd')",
    "DELETE FROM customers",
])
def test_a_refusal_reason_is_unchanged_by_the_lineage_scrubber(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    from maskline import RewriteRefused, load_policy, rewrite
    from maskline.errors import structured_message
    from openlineage_ext.scrubbing import scrub_error_text

    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, load_policy(POLICY), "duckdb", connection=con)
    reason = structured_message(refused.value)
    assert scrub_error_text(reason) == reason
    assert "maria" not in reason and "219-09" not in reason and "passwd" not in reason


def test_the_scrubber_still_redacts_a_quoted_literal_in_an_error() -> None:
    """Control: the comparison above is not trivially true; a quoted value in error text is redacted."""
    from openlineage_ext.scrubbing import scrub_error_text

    assert "maria" not in scrub_error_text("bad value 'maria.gonzalez@example.com' in WHERE")
