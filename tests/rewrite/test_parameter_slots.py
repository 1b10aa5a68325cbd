"""The parameter allow-list (maskline.rewrite.parameters): named shapes, and the slots that take them.

A literal beside a sensitive column is a value unless its slot is a parameter's and it has that parameter's
shape. The tables below state the shapes; the DuckDB tests show the slots added for time buckets' widths and
list indexes run on masked values, and that the same slots given free text are still refused.
"""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot import exp

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.parameters import PARAMETERS, PATTERNS, SHAPES, interval_width

RAW_TAGS = ("zebulon_quill", "philo_harbour")


@pytest.mark.parametrize("shape, text, expected", [
    ("date_part", "Month", True), ("date_part", " year ", True), ("date_part", "1981", False),
    ("date_part", "wee\u212a", False),  # a look-alike letter is no date part
    ("time_format", "%Y-%m-%d", True), ("time_format", "1981-%m", False),
    ("template_format", "YYYY-MM", True), ("template_format", "1981-MM", False),
    ("regex_flags", "gi", True), ("regex_flags", "guess", False),
    ("field_name", "e", True), ("field_name", "first_name", True), ("field_name", "ada@example.com", False),
    ("separator", ", ", True), ("separator", "", True), ("separator", "a", False), ("separator", "9", False),
])
def test_a_string_parameter_has_the_shape_its_pattern_names(shape: str, text: str, expected: bool) -> None:
    assert SHAPES[shape](exp.Literal.string(text)) is expected
    assert SHAPES[shape](exp.Literal.number(7)) is False  # a string shape is never a number


def test_every_slot_names_a_shape_and_every_pattern_is_a_shape() -> None:
    assert set(PARAMETERS.values()) <= set(SHAPES)
    assert set(PATTERNS) <= set(SHAPES)


@pytest.mark.parametrize("sql, expected", [
    ("INTERVAL '1 day'", True), ("INTERVAL '7' DAY", True), ("INTERVAL 15 MINUTES", True),
    ("INTERVAL '2 hours 30 minutes'", True), ("INTERVAL '-1 week'", True),
    ("INTERVAL '1 zebulon'", False),  # a unit that is no date part: free text
    ("INTERVAL 'zebulon'", False), ("INTERVAL '219099999 days'", False),  # a count too long to be a width
    ("INTERVAL '1 day 219099999 hours'", False), ("INTERVAL '1.5 days'", False),
    ("INTERVAL '1-2' YEAR TO MONTH", False), ("'1 day'", False), ("1", False),
])
def test_an_interval_width_is_small_counts_of_date_parts(sql: str, expected: bool) -> None:
    assert interval_width(sqlglot.parse_one(sql, read="duckdb")) is expected


@pytest.fixture(scope="module")
def profiles():
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE profiles (id INTEGER, tags VARCHAR[], seen TIMESTAMP)")
    con.execute("INSERT INTO profiles VALUES (1, [?, ?], TIMESTAMP '2024-03-05 10:00:00'), "
                "(2, [?], TIMESTAMP '2024-07-06 11:30:00')", [RAW_TAGS[0], "quill", RAW_TAGS[1]])
    yield con
    con.close()


POLICY = load_policy({"version": 1, "unclassified": "pass", "rewrite": {"filter_literals": "refuse"},
                      "datasets": {"profiles": {"columns": {"tags": {"info_type": "USERNAME", "method": "redact"},
                                                            "seen": {"info_type": "DATE_OF_BIRTH"}}}}})


@pytest.mark.parametrize("sql", [
    "SELECT tags[1] AS t FROM profiles",
    "SELECT tags[-1] AS t FROM profiles",
    "SELECT list_extract(tags, 2) AS t FROM profiles",
    "SELECT time_bucket(INTERVAL '1 day', seen) AS b, count(*) AS n FROM profiles GROUP BY 1",
    "SELECT time_bucket(INTERVAL '2 hours 30 minutes', seen) AS b FROM profiles",
    "SELECT time_bucket(INTERVAL 7 DAY, seen) AS b FROM profiles",
])
def test_a_list_index_or_a_bucket_width_beside_a_sensitive_column_runs_on_masked_values(profiles, sql: str) -> None:
    r = rewrite(sql, POLICY, "duckdb", connection=profiles)
    rows = profiles.execute(r.sql).fetchall()
    assert rows and not [v for row in rows for v in row if any(raw in str(v) for raw in RAW_TAGS)]
    assert "2024-03-05" not in str(rows) and "2024-07-06" not in str(rows)  # seen is generalized first


def test_a_list_index_reads_the_masked_value(profiles) -> None:
    """tags is redacted before the query sees it: the index picks from the masked value, never from the list."""
    masked = profiles.execute(rewrite("SELECT tags FROM profiles ORDER BY id", POLICY, "duckdb",
                                      connection=profiles).sql).fetchall()
    indexed = profiles.execute(rewrite("SELECT tags[1] AS t FROM profiles ORDER BY id", POLICY, "duckdb",
                                       connection=profiles).sql).fetchall()
    assert indexed == [(m[0][0],) for m in masked]


@pytest.mark.parametrize("sql", [
    "SELECT tags['zebulon'] AS t FROM profiles",  # an index slot given free text
    "SELECT list_extract(tags, 'zebulon') AS t FROM profiles",
    "SELECT tags[219099999] AS t FROM profiles",  # a number too long to be an index: a value in disguise
    "SELECT time_bucket(INTERVAL '1 zebulon', seen) AS b FROM profiles",  # a width slot given free text
    "SELECT time_bucket('zebulon', seen) AS b FROM profiles",
    "SELECT time_bucket(INTERVAL '219099999 days', seen) AS b FROM profiles",
    "SELECT id FROM profiles WHERE time_bucket(INTERVAL '1 day', seen) = TIMESTAMP '2024-03-05'",  # a compared value
])
def test_a_width_or_index_slot_given_a_value_is_still_refused(profiles, sql: str) -> None:
    with pytest.raises(RewriteRefused, match="literal is compared with sensitive column profiles") as info:
        rewrite(sql, POLICY, "duckdb", connection=profiles)
    assert "zebulon" not in str(info.value) and "219099999" not in str(info.value)
    assert ". Fix: " in str(info.value)
