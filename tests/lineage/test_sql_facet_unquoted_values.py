"""A value typed without quotes is no structure the SQL facet may copy (red team, round 3).

The SQL facet is rebuilt from an allow-list of tokens: quoted literals go, names stay. ``WHERE username =
zquartermaine77`` (a username, an API key, a passport number typed without quotes) parses as a column name, so it
was copied verbatim into every lineage event and log line. An unquoted name is now copied only when the parse tree
proves it is structure: a table, a name the query defines, a column of the catalog (the rewrite's schema, the
event's datasets). Without a catalog, a column beside another column could be either, and both become placeholders.
The controls show the tables, catalog columns, aliases, functions and keywords of ordinary SQL are kept.
"""

from __future__ import annotations

import pytest
import sqlglot

from openlineage_ext.scrubbing import WITHHELD_SQL, scrub_event, scrub_sql

VALUES = ["zquartermaine77", "X98234571", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"]
CATALOG = {"users", "id", "username", "email", "tier", "orders", "user_id", "amount"}
# Where a value typed as a name can stand: a comparison, an IN list, a function's argument, a CASE, HAVING.
SHAPES = [
    "SELECT * FROM users WHERE username = {v}",
    "SELECT id FROM users WHERE {v} = username",
    "SELECT id FROM users WHERE username IN ('a', {v})",
    "SELECT id FROM users WHERE coalesce(username, {v}) = email",
    "SELECT CASE WHEN username = {v} THEN 1 END AS hit FROM users",
    "SELECT u.id FROM users AS u JOIN orders AS o ON o.user_id = u.id WHERE u.username = {v}",
    "SELECT username, count(*) AS n FROM users GROUP BY username HAVING username <> {v}",
    "SELECT id FROM users WHERE username LIKE {v} OR email = {v}",
]


@pytest.mark.parametrize("names", [CATALOG, None, set()], ids=["catalog", "no-catalog", "empty-catalog"])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("value", VALUES)
def test_an_unquoted_value_never_reaches_the_sql_facet(value: str, shape: str, names: set[str] | None) -> None:
    out = scrub_sql(shape.format(v=value), "all", "duckdb", names)
    assert out != WITHHELD_SQL
    assert value.lower() not in out.lower()
    sqlglot.parse_one(out, read="duckdb")  # still SQL
    # The FROM table stays when the catalog names it, or without a catalog (a log line), so lineage still shows
    # the relation; an empty catalog (an event whose datasets name nothing) proves no table.
    assert ("users" in out) == (names is None or bool(names))


@pytest.mark.parametrize("value", VALUES)
def test_with_a_catalog_the_compared_column_stays(value: str) -> None:
    out = scrub_sql(f"SELECT id FROM users WHERE username = {value} AND tier > 2", "all", "duckdb", CATALOG)
    assert out == "SELECT id FROM users WHERE username = name_1 AND tier > 2"


CONTROLS = [  # ordinary SQL, copied as written with or without a catalog
    "SELECT id, lower(email) AS e FROM users WHERE username = '[REDACTED]' AND tier IS NULL",
    "WITH big AS (SELECT user_id, sum(amount) AS total FROM orders GROUP BY user_id) "
    "SELECT u.id, b.total FROM users AS u JOIN big AS b ON b.user_id = u.id ORDER BY b.total DESC",
    "SELECT date_trunc('[REDACTED]', CURRENT_DATE) AS m, EXTRACT(year FROM CURRENT_DATE) AS y FROM users",
    "SELECT id FROM users WHERE tier BETWEEN 1 AND 3 AND substr(email, 1, 3) = '[REDACTED]'",
    "SELECT list_transform([1, 2], x -> x + 1) AS l, count(DISTINCT username) AS n FROM users",
]


@pytest.mark.parametrize("names", [CATALOG, None], ids=["catalog", "no-catalog"])
@pytest.mark.parametrize("sql", CONTROLS)
def test_ordinary_sql_is_copied_unchanged(sql: str, names: set[str] | None) -> None:
    assert scrub_sql(sql, "all", "duckdb", names) == sql


def test_a_column_the_catalog_does_not_name_becomes_a_placeholder() -> None:
    """With a catalog, an unknown name is a placeholder wherever it stands, the FROM table never."""
    out = scrub_sql("SELECT zquartermaine77 FROM users", "all", "duckdb", CATALOG)
    assert out == "SELECT name_1 FROM users"


def test_an_event_keeps_its_datasets_columns_and_drops_the_value() -> None:
    """Through the event scrubber: the catalog is the event's own datasets (schema facet fields)."""
    from openlineage.client.event_v2 import InputDataset, Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import schema_dataset, sql_job

    sql = "SELECT id FROM users WHERE username = zquartermaine77"
    schema = schema_dataset.SchemaDatasetFacet(fields=[schema_dataset.SchemaDatasetFacetFields(name=n, type="text")
                                                       for n in ("id", "username")])
    event = RunEvent(eventType=RunState.COMPLETE, eventTime="2026-01-01T00:00:00Z", producer="test",
                     run=Run(runId="01890000-0000-7000-8000-000000000000"),
                     job=Job("ns", "q", {"sql": sql_job.SQLJobFacet(query=sql)}),
                     inputs=[InputDataset("duckdb://w", "main.users", facets={"schema": schema})])
    assert scrub_event(event).job.facets["sql"].query == "SELECT id FROM users WHERE username = name_1"
