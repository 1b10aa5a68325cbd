"""The example DAG and the per-operator DAGs, run once with dag.test() (see conftest.airflow_runs).

Every assertion is on what the runs left behind: the tables and files written in DuckDB, SQLite
and PostgreSQL, the XComs stored in Airflow's metadata database, the task logs and the lineage events.
"""

from __future__ import annotations

import io
import json

import pytest

from maskline.keys import KeyMaterial, hmac_hex
from tests.airflow.conftest import raw_people, raw_values
from tests.airflow.engines import connect, leaked, rows, table_names
from tests.conftest import TEST_KEY

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

ENGINES = ["duckdb", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres),
           pytest.param("trino", marks=pytest.mark.trino)]
MASKED_TABLES = {"customers_masked": 40, "tickets_masked": 80, "contacts_masked": 80}
# Methods whose output keeps the shape of the type on purpose (masked email keeps its domain, fakes look
# real, a generalized date is a date): the classifier may still name these, nothing else.
SHAPE_KEEPING = {"email", "fake", "generalize"}


def _engine_run(runs, engine):
    if engine == "postgres" and not runs.pg_dsn:
        pytest.skip("PostgreSQL not started (run `make test`)")
    if engine == "trino" and not runs.trino_url:
        pytest.skip("Trino not started (run `make test`)")
    return runs.run(f"mt_{engine}")


def _cells(table_rows):
    return [v for r in table_rows for v in r.values()]


def test_example_dag_runs_every_task_successfully(airflow_runs):
    run = airflow_runs.run("maskline_example")
    assert run["tasks"] and set(run["tasks"].values()) == {"success"}, run["tasks"]
    assert run["state"] == "success"


def test_example_dag_outputs_hold_no_raw_value(airflow_runs):
    import duckdb

    con = duckdb.connect(str(airflow_runs.demo_duckdb_path), read_only=True)
    parquet = airflow_runs.data_dir / "demo" / "customers_masked.parquet"
    try:
        outputs = {t: con.execute(f"SELECT * FROM {t}").fetchall()
                   for t in ("customers_masked", "tickets_masked", "customer_contacts")}
        outputs["parquet"] = con.execute(f"SELECT * FROM '{parquet}'").fetchall()
    finally:
        con.close()
    assert {k: len(v) for k, v in outputs.items()} == {
        "customers_masked": 40, "tickets_masked": 80, "customer_contacts": 34, "parquet": 40}
    for name, table_rows in outputs.items():
        assert not leaked(raw_values(), [c for r in table_rows for c in r]), name


@pytest.mark.parametrize("engine", ENGINES)
def test_every_operator_succeeds_on_each_engine(airflow_runs, engine):
    run = _engine_run(airflow_runs, engine)
    assert run["state"] == "success", run["tasks"]
    expected = {"mask_customers", "mask_customers_again", "mask_tickets", "mask_join_query"}
    assert set(run["tasks"]) == expected | ({"protect_raw"} if engine == "postgres" else set())


@pytest.mark.parametrize("engine", ENGINES)
def test_masked_tables_hold_no_raw_value_and_every_row(airflow_runs, engine):
    _engine_run(airflow_runs, engine)
    for table, count in MASKED_TABLES.items():
        table_rows = rows(airflow_runs, engine, table)
        assert len(table_rows) == count, table
        found = leaked(raw_values(), _cells(table_rows))
        assert not found, f"{len(found)} raw values survived in {engine}.{table}"


@pytest.mark.parametrize("engine", ENGINES)
def test_classifier_finds_only_shape_keeping_columns_in_masked_tables(airflow_runs, engine):
    from maskline.classify import classify
    from maskline.policy import load_policy
    from tests.airflow.conftest import EXAMPLE_DAGS

    _engine_run(airflow_runs, engine)
    policy = load_policy(EXAMPLE_DAGS / "maskline_policy.yml")
    con = connect(airflow_runs, engine)
    try:
        raw = {c.name: c.info_type for c in classify(con, table="raw_customers").columns if c.info_type}
        masked = {c.name: c.info_type for c in classify(con, table="customers_masked").columns if c.info_type}
    finally:
        con.close()
    # The raw table really is full of PII the classifier finds...
    assert {"phone", "ssn", "credit_card", "ip_address", "postal_code"} <= set(raw)
    # ...and in the masked table it finds only columns whose method keeps the shape on purpose.
    columns = policy.dataset("raw_customers").columns
    for name in masked:
        method = columns[name].method or policy.method_for(columns[name].info_type)
        assert method.name in SHAPE_KEEPING, f"{engine}: classifier still finds {masked[name]} in {name}"


@pytest.mark.parametrize("engine", ENGINES)
def test_hmac_tokens_equal_the_python_reference_with_the_connection_key(airflow_runs, engine):
    _engine_run(airflow_runs, engine)
    key = KeyMaterial(TEST_KEY.encode())
    expected = {p["customer_id"]: hmac_hex(key, p["ssn"], length=16) for p in raw_people()}
    got = {r["customer_id"]: r["ssn"] for r in rows(airflow_runs, engine, "customers_masked")}
    assert got == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_masking_twice_replaces_the_target_and_leaves_no_staging_table(airflow_runs, engine):
    run = _engine_run(airflow_runs, engine)
    assert run["tasks"]["mask_customers_again"] == "success"
    assert len(rows(airflow_runs, engine, "customers_masked")) == 40
    assert not [t for t in table_names(airflow_runs, engine) if "__maskline_" in t]


@pytest.mark.parametrize("engine", ENGINES)
def test_query_rewrite_masks_columns_derived_from_pii_and_keeps_the_rest(airflow_runs, engine):
    _engine_run(airflow_runs, engine)
    people = {p["customer_id"]: p for p in raw_people()}
    out = rows(airflow_runs, engine, "contacts_masked")
    assert len(out) == 80
    for r in out:
        person = people[r["customer_id"]]
        assert person["email"].upper() not in r["contact"] and person["email"] not in r["contact"]
        assert person["full_name"] not in r["who"] and person["phone"] not in r["who"]
        assert r["status"] in ("open", "pending", "solved")  # not sensitive: untouched


def test_file_operator_writes_masked_parquet_and_csv(airflow_runs):
    import duckdb

    assert airflow_runs.run("mt_files")["state"] == "success"
    out = airflow_runs.data_dir / "out"
    con = duckdb.connect()
    for name in ("customers_masked.parquet", "customers_masked.csv"):
        table_rows = con.execute(f"SELECT * FROM '{out / name}'").fetchall()
        assert len(table_rows) == 40, name
        assert not leaked(raw_values(), [c for r in table_rows for c in r]), name
    assert not [p.name for p in out.iterdir() if "maskline" in p.name and p.name.endswith(".tmp")]


def _frame_from_xcom(value: str):
    """Airflow's serde stores a DataFrame as hex-encoded Parquet."""
    data = json.loads(value)
    assert data["__classname__"] == "pandas.DataFrame"
    return pq_frame(data["__data__"])


def pq_frame(hex_parquet: str):
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(bytes.fromhex(hex_parquet))).to_pandas()


def test_maskline_decorator_hands_a_masked_frame_downstream(airflow_runs):
    assert airflow_runs.run("mt_decorator")["state"] == "success"
    xcoms = {t: v for t, k, v in airflow_runs.xcoms("mt_decorator") if k == "return_value"}
    described = json.loads(xcoms["describe"])
    assert described["rows"] == 40 and described["type"] == "DataFrame"
    assert "email" in described["columns"]
    frame = _frame_from_xcom(xcoms["customers_frame"])
    assert len(frame) == 40
    assert not leaked(raw_values(), frame.astype(str).to_numpy().ravel().tolist())
    # Masked by the policy, and the XCom backend leaves it so: tokens still join across systems.
    key = KeyMaterial(TEST_KEY.encode())
    assert frame["ssn"].tolist() == [hmac_hex(key, p["ssn"], length=16) for p in raw_people()]
    # A single plain address keeps its domain; anything else in the cell (several addresses, "Name <addr>") is
    # masked whole. Either way no raw address is handed downstream.
    assert all(set(e.split("@")[0]) == {"*"} for e in frame["email"])
    assert not {p["email"] for p in raw_people()} & set(frame["email"])


FAILURES = {
    "bad_policy": ("fail_bad_policy", "unknown masking method 'hmca'"),
    "missing_key": ("fail_missing_key", "no masking key"),
    "short_key": ("fail_short_key", "the key is too short: 9 bytes"),
    "missing_variable": ("fail_missing_variable", "no_such_policy_variable"),
    "unreachable": ("fail_unreachable", "cannot connect through Airflow connection 'test_pg_down'"),
    "missing_source": ("fail_missing_source", "source table 'no_such_table' not found"),
    "fails_mid_write": ("fail_mid_write", "writing the masked table failed"),
    "refused_delete": ("fail_refused_delete", "DELETE"),
    "refused_probe": ("fail_refused_probe", "cannot tokenize the literal compared with sensitive column"),
    "returns_not_a_frame": (None, "returned a dict, not a DataFrame"),
}


@pytest.mark.parametrize("task_id", sorted(FAILURES))
def test_failure_paths_fail_the_task_clearly_and_write_nothing(airflow_runs, task_id):
    run = airflow_runs.run("mt_failures")
    assert run["state"] == "failed"
    assert run["tasks"][task_id] == "failed"
    target, message = FAILURES[task_id]
    assert message in airflow_runs.log_text
    tables = table_names(airflow_runs, "duckdb")
    if target:
        assert target not in tables
    assert not [t for t in tables if "__maskline_" in t]
    assert len(rows(airflow_runs, "duckdb", "raw_customers")) == 40  # the refused DELETE deleted nothing
    assert not [t for t, k, _ in airflow_runs.xcoms("mt_failures") if t == task_id and k == "return_value"]


def test_xcoms_of_a_pii_dag_are_scrubbed_and_keep_their_types(airflow_runs):
    assert airflow_runs.run("mt_pii")["state"] == "success"
    xcoms = {t: v for t, k, v in airflow_runs.xcoms("mt_pii") if k == "return_value"}
    for task_id, value in xcoms.items():
        if task_id != "returns_frame":
            assert not leaked(raw_values(), [value]), task_id
    as_dict = json.loads(xcoms["returns_dict"])
    assert as_dict["n"] == 3 and isinstance(as_dict["nested"], list) and isinstance(as_dict["nested"][1], dict)
    assert json.loads(xcoms["receives"]) == {"email": "str", "note": "str", "n": "int", "nested": "list"}
    assert isinstance(json.loads(xcoms["returns_text"]), str)
    frame = _frame_from_xcom(xcoms["returns_frame"])
    assert len(frame) == 40 and "email" in frame.columns and frame["customer_id"].tolist() == list(range(1, 41))
    assert not leaked(raw_values(), frame.astype(str).to_numpy().ravel().tolist())


def test_objects_and_frames_inside_an_xcom_are_stored_scrubbed(airflow_runs):
    """A dataclass, a set, a Decimal card number and a frame inside a dict: each is stored without a raw value."""
    tasks = airflow_runs.run("mt_pii")["tasks"]
    assert tasks["returns_objects"] == "success" and tasks["returns_nested_frame"] == "success"
    xcoms = {t: v for t, k, v in airflow_runs.xcoms("mt_pii") if k == "return_value"}
    objects = xcoms["returns_objects"]
    digits = {v.replace(" ", "") for v in raw_values() if v.replace(" ", "").isdigit()}
    assert not leaked(raw_values() | digits, [objects])
    stored = json.loads(objects)
    # Control: what is not sensitive is stored as it was, the object's fields named as serde stores them.
    assert "visits" in json.dumps(stored["contact"]) and "12.5" in json.dumps(stored["amount"])
    nested = json.loads(xcoms["returns_nested_frame"])
    assert nested["rows"] == 40
    frame = pq_frame(nested["frame"]["__data__"])
    assert len(frame) == 40 and frame["customer_id"].tolist() == list(range(1, 41))
    assert not leaked(raw_values(), frame.astype(str).to_numpy().ravel().tolist())


def test_raw_values_put_back_into_a_masked_frame_downstream_are_stored_masked(airflow_runs):
    """A plain task that assigns raw columns to the frame @task.maskline masked returns a new frame that pandas
    gave the masked frame's attrs: it is decided like any other frame, never passed as already masked."""
    xcoms = {t: v for t, k, v in airflow_runs.xcoms("mt_decorator") if k == "return_value"}
    frame = _frame_from_xcom(xcoms["recontact"])
    people = raw_people()
    assert len(frame) == len(people)
    stored = frame.astype(str).to_numpy().ravel().tolist()
    assert not leaked({p["email"] for p in people} | {p["full_name"] for p in people}, stored)
    # Control: the task ran and returned the frame with the columns it put back (their raw values are the
    # demo's customers, which raw_people() reads).
    assert airflow_runs.run("mt_decorator")["tasks"]["recontact"] == "success"
    assert {"email", "full_name", "ssn"} <= set(frame.columns)


def test_a_frame_of_uncertain_columns_is_stored_masked(airflow_runs):
    from tests.airflow.dags.uncertain_table import ROWS, SAFE, raw_uncertain_values, uncertain_frame

    assert airflow_runs.run("mt_pii")["state"] == "success"
    xcoms = {t: v for t, k, v in airflow_runs.xcoms("mt_pii") if k == "return_value"}
    frame = _frame_from_xcom(xcoms["returns_uncertain_frame"])
    assert not leaked(raw_uncertain_values(), frame.astype(str).to_numpy().ravel().tolist())
    assert frame["who"].tolist() == ["[MASKED]"] * ROWS and frame["c3"].isna().all()
    raw = uncertain_frame()
    assert all(frame[c].tolist() == raw[c].tolist() for c in SAFE)  # confidently safe: stored unchanged
    rows = xcoms["returns_uncertain_rows"]
    assert not leaked(raw_uncertain_values(), [rows]) and rows.count("[MASKED]") == ROWS


def test_a_table_with_text_row_labels_is_stored_decided_column_by_column(airflow_runs):
    """``df.to_dict("index")`` and ``df.to_dict()`` of a frame with a text index: the uncertain columns were stored
    as the text scrubber left them (lower-case names, bare account numbers raw); now decided as the frame's are."""
    from tests.airflow.dags.uncertain_table import ROWS, SAFE, raw_uncertain_values, uncertain_frame

    tasks = airflow_runs.run("mt_pii")["tasks"]
    assert tasks["returns_labelled_index"] == "success" and tasks["returns_labelled_dict"] == "success"
    xcoms = {t: v for t, k, v in airflow_runs.xcoms("mt_pii") if k == "return_value"}
    raw = uncertain_frame()
    by_index, by_column = json.loads(xcoms["returns_labelled_index"]), json.loads(xcoms["returns_labelled_dict"])
    for stored in (xcoms["returns_labelled_index"], xcoms["returns_labelled_dict"]):
        assert not leaked(raw_uncertain_values(), [stored])
    rows = list(by_index.values())
    raw = raw.drop(columns=["day"])  # the DAG pushes the table without its dates (uncertain_labelled)
    assert len(rows) == ROWS and all(list(r) == list(raw.columns) for r in rows)  # the shape, every row kept
    assert {r["who"] for r in rows} == {"[MASKED]"} and {r["c3"] for r in rows} == {None}
    assert list(by_column) == list(raw.columns) and all(len(c) == ROWS for c in by_column.values())
    assert set(by_column["who"].values()) == {"[MASKED]"}
    for column in ("id", "status", "amount"):  # the control: confidently safe columns stored unchanged
        assert column in SAFE
        assert [r[column] for r in rows] == list(by_column[column].values()) == raw[column].tolist(), column


def test_task_logs_hold_no_raw_value_and_never_the_key(airflow_runs):
    assert "logs_pii" in airflow_runs.run("mt_pii")["tasks"]
    assert "structlog line" in airflow_runs.log_text and "contact " in airflow_runs.log_text
    found = leaked(raw_values(), [airflow_runs.log_text])
    assert not found, f"{len(found)} raw values in the task logs"
    assert TEST_KEY not in airflow_runs.log_text


@pytest.mark.postgres
def test_protect_operator_leaves_masked_views_a_reader_role_can_read(airflow_runs):
    import psycopg2

    run = _engine_run(airflow_runs, "postgres")
    assert run["tasks"]["protect_raw"] == "success"
    con = psycopg2.connect(airflow_runs.pg_dsn)
    try:
        with con.cursor() as cur:
            cur.execute("SELECT * FROM mt_masked.raw_customers")
            masked = cur.fetchall()
            cur.execute("SELECT has_table_privilege('mt_reader', 'public.raw_customers', 'SELECT'), "
                        "has_table_privilege('mt_reader', 'mt_masked.raw_customers', 'SELECT'), "
                        "has_table_privilege('mt_reader', 'mt_private.key', 'SELECT')")
            privileges = cur.fetchone()
    finally:
        con.close()
    assert len(masked) == 40 and not leaked(raw_values(), [str(v) for row in masked for v in row])
    assert privileges == (False, True, False)


def test_a_refused_querys_literal_is_stored_in_no_rendered_field_log_xcom_or_event(airflow_runs):
    import sqlite3

    from tests.airflow.conftest import PROBE_EMAIL

    assert airflow_runs.run("mt_failures")["tasks"]["refused_probe"] == "failed"
    con = sqlite3.connect(airflow_runs.metadata_db)
    try:
        rendered = [str(r) for r in con.execute("SELECT rendered_fields FROM rendered_task_instance_fields "
                                                "WHERE task_id = 'refused_probe'")]
        xcoms = " ".join(str(r) for r in con.execute("SELECT value FROM xcom"))
    finally:
        con.close()
    assert rendered and "raw_customers WHERE email LIKE" in rendered[0]  # the shape is kept
    for text in (*rendered, xcoms, airflow_runs.log_text, json.dumps(airflow_runs.lineage_events)):
        assert PROBE_EMAIL not in text


def test_key_is_in_no_xcom_rendered_field_or_lineage_event(airflow_runs):
    import sqlite3

    con = sqlite3.connect(airflow_runs.metadata_db)
    try:
        rendered = " ".join(str(r) for r in con.execute("SELECT rendered_fields FROM rendered_task_instance_fields"))
        xcoms = " ".join(str(r) for r in con.execute("SELECT value FROM xcom"))
    finally:
        con.close()
    events = json.dumps(airflow_runs.lineage_events)
    for text in (rendered, xcoms, events):
        assert TEST_KEY not in text
        assert TEST_KEY.encode().hex() not in text


def test_operators_report_masked_columns_to_lineage_without_values(airflow_runs):
    events = [e for e in airflow_runs.lineage_events if e.get("eventType") == "COMPLETE"
              and e.get("job", {}).get("name") == "mt_duckdb.mask_customers"]
    assert events, "no COMPLETE event for mt_duckdb.mask_customers"
    output = events[-1]["outputs"][0]
    assert output["name"].endswith("customers_masked")
    lineage = output["facets"]["columnLineage"]["fields"]
    assert lineage["ssn"]["inputFields"][0]["field"] == "ssn"
    assert not leaked(raw_values(), [json.dumps(airflow_runs.lineage_events)])


def test_the_returned_value_logged_by_airflow_holds_none_of_an_uncertain_frames_values(airflow_runs):
    """Airflow logs a plain task's returned value ("Returned value was: ..."): the frame's uncertain columns
    (lower-case names, bare account numbers) must be no easier to read in the task log than in the XCom."""
    from tests.airflow.dags.uncertain_table import raw_uncertain_values

    assert airflow_runs.run("mt_pii")["tasks"]["returns_uncertain_frame"] == "success"
    assert not leaked(raw_uncertain_values(), [airflow_runs.log_text])
