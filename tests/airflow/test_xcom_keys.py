"""What Airflow stores beside an XCom's value: its key, a mapped task's rendered map index (the mt_xcom_keys DAG).

A ``multiple_outputs`` task pushes each key of its dict as an XCom's key, ``ti.xcom_push(key=...)`` takes any
text, and ``map_index_template`` renders any value into ``task_instance.rendered_map_index``: the XCom table, the
UI, the REST API and the task log show all of them. Read from the metadata database the shared ``dag.test()``
process left behind (:func:`tests.airflow.conftest.airflow_runs`).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from tests.airflow.dags.maskline_xcom_key_dags import (
    COUNTED_BY_EMAIL,
    KEYED_BY_EMAIL,
    KEYED_BY_NAME,
    MAPPED_NAMES,
    ORDINARY,
    PEOPLE,
    PUSHED,
    raw_key_values,
)

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

DAG_ID = "mt_xcom_keys"
# Where a task's values could end up beside its XComs' values: every column of these tables' rows for the DAG.
TABLES = ("xcom", "task_instance", "rendered_task_instance_fields")


def _rows(runs: Any, table: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(runs.metadata_db)
    try:
        return con.execute(f"SELECT * FROM {table} WHERE dag_id = ?", (DAG_ID,)).fetchall()
    finally:
        con.close()


def _text(runs: Any, table: str) -> str:
    return " ".join(bytes(v).decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                    for row in _rows(runs, table) for v in row)


def _xcom_keys(runs: Any, task_id: str) -> list[str]:
    return sorted(k for t, k, _ in runs.xcoms(DAG_ID) if t == task_id)


def _stored_values(runs: Any, task_id: str) -> dict[str, Any]:
    """A task's XComs by key, as JSON values (as text: SQLite gives a JSON number back as an int)."""
    con = sqlite3.connect(runs.metadata_db)
    try:
        rows = con.execute("SELECT key, CAST(value AS TEXT) FROM xcom WHERE dag_id = ? AND task_id = ?",
                           (DAG_ID, task_id)).fetchall()
    finally:
        con.close()
    return {k: json.loads(v) for k, v in rows}


def _raw_values() -> set[str]:
    """The values put where keys and map indexes go, and the names in the rows of the table keyed by e-mail."""
    return raw_key_values() | {row["who"] for row in KEYED_BY_EMAIL.values()}


def test_the_raw_values_are_in_the_dag_source_and_the_run_succeeded(airflow_runs):
    # The control: the DAG really puts customers' e-mails and names where keys and map indexes go.
    people = {p["email"] for p in PEOPLE} | {p["full_name"] for p in PEOPLE}
    assert _raw_values() <= people and len(_raw_values()) == len(people)
    assert set(KEYED_BY_EMAIL) | set(KEYED_BY_NAME) | set(COUNTED_BY_EMAIL) | set(PUSHED) | set(MAPPED_NAMES) == people
    assert set(airflow_runs.run(DAG_ID)["tasks"].values()) == {"success"}, airflow_runs.run(DAG_ID)


@pytest.mark.parametrize("table", TABLES)
def test_no_raw_value_is_stored_in_the_metadata_database(airflow_runs, table):
    text = _text(airflow_runs, table)
    assert text  # the rows are there
    assert sorted(v for v in _raw_values() if v in text) == []


def test_a_multiple_outputs_table_is_stored_row_by_row_under_masked_numbered_keys(airflow_runs):
    # Every row is kept (no masked key overwrites another), each as the whole dict's masking has it.
    for task_id, table in (("labelled_rows", KEYED_BY_EMAIL), ("named_rows", KEYED_BY_NAME)):
        keys = [k for k in _xcom_keys(airflow_runs, task_id) if k != "return_value"]
        assert len(keys) == len(table), (task_id, keys)
        assert all(k.startswith("[") for k in keys), keys
    rows = [v for t, k, v in airflow_runs.xcoms(DAG_ID) if t == "labelled_rows" and k != "return_value"]
    assert all("[PERSON_NAME]" in v or "[MASKED]" in v for v in rows), rows  # the names column, decided


@pytest.mark.parametrize("task_id", ["labelled_rows", "named_rows", "counts_by_email"])
def test_each_key_is_stored_as_the_returned_dict_shows_it_numbered_alike(airflow_runs, task_id):
    # The whole dict (return_value) and the XComs of its keys are masked by one rule, numbering included: each key's
    # XCom is stored under the key the dict shows, with the value the dict shows there ("[EMAIL] (2)" in both).
    xcoms = _stored_values(airflow_runs, task_id)
    returned = xcoms.pop("return_value")
    assert xcoms == returned, (xcoms, returned)
    assert any(k.endswith(" (2)") for k in returned), returned  # two keys masked alike, numbered apart


def test_values_pushed_as_keys_are_masked_apart(airflow_runs):
    keys = _xcom_keys(airflow_runs, "pushed_keys")
    assert len(keys) == len(PUSHED) and all(k.startswith("[") for k in keys), keys


@pytest.mark.parametrize("task_id", ["greet", "greet_early"])
def test_mapped_task_labels_are_masked_but_the_map_indexes_kept(airflow_runs, task_id):
    # greet's label renders after the task runs; greet_early's also before (its template reads only the
    # task's arguments): the label Airflow keeps is the one rendered after, masked.
    con = sqlite3.connect(airflow_runs.metadata_db)
    try:
        labels = con.execute("SELECT map_index, rendered_map_index FROM task_instance WHERE dag_id = ? AND "
                             "task_id = ? ORDER BY map_index", (DAG_ID, task_id)).fetchall()
    finally:
        con.close()
    assert [m for m, _ in labels] == list(range(len(MAPPED_NAMES)))
    assert all(label and label.startswith("[") for _, label in labels), labels


def test_ordinary_output_names_keep_their_keys_and_values(airflow_runs):
    # The control: a dict of output names is no table; its keys are names, stored as they are.
    assert _xcom_keys(airflow_runs, "ordinary_outputs") == sorted([*ORDINARY, "return_value"])
    con = sqlite3.connect(airflow_runs.metadata_db)
    try:
        stored = dict(con.execute("SELECT key, value FROM xcom WHERE dag_id = ? AND task_id = 'ordinary_outputs'",
                                  (DAG_ID,)).fetchall())
    finally:
        con.close()
    assert stored["count"] == ORDINARY["count"] and json.loads(stored["path"]) == ORDINARY["path"], stored


def test_the_task_log_holds_no_raw_value(airflow_runs):
    # The task instance's repr (with its rendered map index) is logged when it pushes its XComs.
    assert sorted(v for v in _raw_values() if v in airflow_runs.log_text) == []


def test_a_raw_key_pushed_twice_overwrites_its_own_xcom_and_no_other():
    from airflow_plugin.xcom_keys import stored

    ti = ("d", "pushed_twice", "r", -1)
    first, again, other = (stored(k, 1, ti)[0] for k in ("Ann Lee", "Ann Lee", "Bo Ray"))
    assert first == again and first != other and "Ann" not in first + other and "Bo" not in other


def test_keys_the_whole_dicts_masking_keeps_are_still_decided_as_keys():
    # {name: count} is no table: the text scrubber keeps the names as the dict's keys, the XCom keys are decided.
    from airflow_plugin.xcom_keys import record, stored

    ti = ("d", "counts", "r", -1)
    returned = {"Ann Lee": 3, "Bo Ray": 1, "total": 4}
    record(ti, returned)
    keys = [stored(k, v, ti)[0] for k, v in returned.items()]
    assert keys[2] == "total" and len(set(keys)) == 3 and not any("Ann" in k or "Bo" in k for k in keys), keys


def test_a_key_spelled_as_a_masked_label_is_numbered_apart_from_the_key_masked_to_it():
    # Keys come one at a time: "[MASKED]" pushed after "Ann Lee" (stored as "[MASKED]") must not overwrite it.
    from airflow_plugin.xcom_keys import stored

    ti = ("d", "masked_spelling", "r", -1)
    keys = [stored(k, 1, ti)[0] for k in ("Ann Lee", "[MASKED]", "Bo Ray")]
    assert keys == ["[MASKED]", "[MASKED] (2)", "[MASKED] (3)"], keys


def test_masked_labels_are_numbered_alike_in_tables_dicts_and_xcom_keys():
    # One rule numbers them all: a labelled table's row labels, the text scrubber's dict keys, a frame's column
    # labels and the XCom keys pushed one at a time. "#" cannot be one of them: it ends an Execution API URL's path.
    import pandas as pd

    from airflow_plugin.xcom_keys import StoredKeys
    from airflow_plugin.xcom_labelled import mask_labelled
    from maskline.policy import load_policy
    from maskline.text import scrub_value

    policy = load_policy({})
    rows = {"Ann Lee": {"who": "ann lee", "n": 1}, "Bo Ray": {"who": "bo ray", "n": 2}}
    counts = {"ann@example.com": 1, "bo@example.org": 2}
    frame = pd.DataFrame({"ann@example.com": [1, 2], "bo@example.org": [3, 4]})
    keys = StoredKeys()
    from airflow_plugin.xcom import scrub_xcom_value

    assert list(mask_labelled(rows, policy)) == ["[MASKED]", "[MASKED] (2)"]
    assert list(scrub_value(counts)) == ["[EMAIL]", "[EMAIL] (2)"]
    assert list(scrub_xcom_value(frame).columns) == ["[EMAIL]", "[EMAIL] (2)"]
    assert [keys.key("ti", k, 1, policy) for k in rows] == ["[MASKED]", "[MASKED] (2)"]
