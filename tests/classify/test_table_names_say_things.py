"""A table's name says what its generic ``name`` column holds (issue 15, the real tables' things named like people):
``storms.name`` reads as ``storm_name`` did, and nothing else changes.

The classifier already refuted first names under a column name that says "things" (``storm_name``, ``pet_name``);
a table of storms usually calls that column just ``name``, and only the table's name (a file's stem, a warehouse
relation, a DataFrame's ``table=``) says what of. Controls: tables of people, tables whose name has a person word
beside a thing word, opaque names, and specific person columns in a table of things keep PERSON_NAME; other types
are untouched; and the decision still masks what the table's name untyped (as it does for ``storm_name``).

Values are given names and full names drawn by Faker with fixed seeds: storms, ships and horses are named with
given names, which is why the values alone cannot tell them from people.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from faker import Faker

from maskline.classify import classify, classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

ROWS = 300


def _first_names(seed: int) -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    return [fake.first_name() for _ in range(ROWS)]


def _full_names(seed: int) -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    return [fake.name() for _ in range(ROWS)]


def _verdict(column: str, values: list[str], table: str | None) -> object:
    return classify(pd.DataFrame({column: values}), table=table).columns[0]


THING_TABLES = ("storms", "dplyr.storms", "Hurricanes", "hurricanes_raw", "dim_products", "ships", "race_horses",
                "planets", "public.dishes", "storm_tracks", "Track")
PEOPLE_TABLES = ("customers", "patients", "employees", "users", "people", "contacts", "staff", "authors", "members",
                 "storm_victims", "hurricane_contacts", "ship_crew", "horse_owners")
# storm_readings: a thing word (storm) that does not head the table's name. It was storm_tracks until round
# `extcsv21` made "track" a thing word (a music catalogue's recordings); a storm's track is named after the storm.
OPAQUE_TABLES = (None, "t1", "dv01_en_gb", "greek_data", "hurricNamed", "storm_readings")


@pytest.mark.parametrize("table", THING_TABLES)
@pytest.mark.parametrize("column", ["name", "Name", "title", "label"])
def test_generic_name_column_of_a_table_of_things_is_not_person_name(table: str, column: str) -> None:
    verdict = _verdict(column, _first_names(7), table)
    assert verdict.info_type is None, (table, column, verdict.evidence)
    assert "PERSON_NAME" in verdict.signals.refuted
    assert any(e.startswith("refuted:person_name (the table's name") for e in verdict.evidence)


@pytest.mark.parametrize("table", PEOPLE_TABLES + OPAQUE_TABLES)
def test_name_column_of_people_or_of_an_unknown_table_stays_person_name(table: str | None) -> None:
    # Control (passes on main too): the same values, under the same column name, in tables of people or of
    # anything the name does not say.
    assert _verdict("name", _first_names(7), table).info_type == "PERSON_NAME"


@pytest.mark.parametrize("column", ["first_name", "owner_name", "captain", "full_name"])
def test_specific_person_columns_in_a_table_of_things_stay_person_name(column: str) -> None:
    # Control: only a column whose name says no more than "a name" reads its table's name.
    assert _verdict(column, _full_names(8), "storms").info_type == "PERSON_NAME"


@pytest.mark.parametrize("values", [_first_names(9), _full_names(9)], ids=["first names", "full names"])
def test_table_of_things_mirrors_the_column_name_rule_and_is_still_masked(values: list[str]) -> None:
    # storms.name reads as storm_name does today, full names with surnames included: untyped, with PERSON_NAME
    # refuted, and masked by the fail-closed decision (never passed raw as confidently safe).
    by_table = _verdict("name", values, "storms")
    by_column = _verdict("storm_name", values, None)
    assert (by_table.info_type, by_table.signals.refuted) == (by_column.info_type, by_column.signals.refuted)
    policy = load_policy({})
    assert decide_unnamed(policy, "name", by_table).method is not None
    assert decide_unnamed(policy, "storm_name", by_column).method is not None


def test_other_types_ignore_the_table_name() -> None:
    # Control: the table's name is evidence against PERSON_NAME only; e-mails in a table of storms are e-mails.
    fake = Faker("en_US")
    fake.seed_instance(10)
    frame = pd.DataFrame({"name": _first_names(10), "email": [fake.email() for _ in range(ROWS)]})
    by = classify(frame, table="storms").by_name()
    assert (by["name"].info_type, by["email"].info_type) == (None, "EMAIL")


def test_file_stem_is_the_table_name(tmp_path: Path) -> None:
    # `maskline scan storms.csv` classifies the path: the file's name without its extension names the table.
    frame = pd.DataFrame({"name": _first_names(12)})
    frame.to_csv(tmp_path / "storms.csv", index=False)
    frame.to_csv(tmp_path / "customers.csv", index=False)
    assert classify(str(tmp_path / "storms.csv")).columns[0].info_type is None
    assert classify(str(tmp_path / "customers.csv")).columns[0].info_type == "PERSON_NAME"


def test_warehouse_relation_is_the_table_name() -> None:
    # The Airflow operators classify the relation they read (classify(connection, table=...)); the schema is no
    # part of what the rows are.
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE SCHEMA weather; CREATE SCHEMA crm")
    for relation in ("weather.hurricanes", "crm.customers"):
        con.execute(f"CREATE TABLE {relation} (name VARCHAR)")
        con.executemany(f"INSERT INTO {relation} VALUES (?)", [(v,) for v in _first_names(13)])
    assert classify(con, table="weather.hurricanes").columns[0].info_type is None
    assert classify(con, table="crm.customers").columns[0].info_type == "PERSON_NAME"


def test_classify_column_takes_the_table_as_an_optional_keyword() -> None:
    values = _first_names(14)
    assert classify_column("name", values).info_type == "PERSON_NAME"  # no table: as before
    assert classify_column("name", values, table="storms").info_type is None
