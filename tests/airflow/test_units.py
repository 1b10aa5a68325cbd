"""Airflow-face parts that need no dag.test(): import hygiene, provider metadata, SQLite functions,
atomic writes, the log scrubber and the XCom scrubber."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from maskline.errors import KeyMissingError, MaskingError
from maskline.keys import KeyMaterial, hmac_hex, salted_sha256_hex
from maskline.policy import load_policy

KEY = KeyMaterial(b"unit-test-key-unit-test-key-0123")


def _run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def test_importing_the_operators_imports_no_pandas_duckdb_or_great_expectations():
    loaded = json.loads(_run_python("""
        import json, sys
        from airflow_plugin.operators.mask_table import MaskTableOperator
        from airflow_plugin.operators.mask_query import MaskQueryOperator
        from airflow_plugin.operators.mask_file import MaskFileOperator
        from airflow_plugin.decorators.maskline import maskline_task
        import airflow_plugin.xcom, airflow_plugin.plugin, airflow_plugin.provider_info
        print(json.dumps([m for m in ("pandas", "duckdb", "great_expectations", "pyarrow", "sqlglot")
                          if m in sys.modules]))
    """))
    assert loaded == []


def test_provider_info_is_valid_and_registers_the_connection_type_and_decorator():
    import airflow
    import jsonschema

    from airflow_plugin.provider_info import get_provider_info

    schema_path = __import__("pathlib").Path(airflow.__file__).with_name("provider_info.schema.json")
    jsonschema.validate(get_provider_info(), json.loads(schema_path.read_text()))
    found = json.loads(_run_python("""
        import json
        from airflow.sdk.providers_manager_runtime import ProvidersManagerTaskRuntime
        pm = ProvidersManagerTaskRuntime()
        print(json.dumps({"hook": pm.hooks["maskline"].hook_class_name,
                          "decorator": "maskline" in pm.taskflow_decorators}))
    """))
    assert found == {"hook": "airflow_plugin.hooks.key.MasklineKeyHook", "decorator": True}


def test_airflow_lists_the_key_connection_form_and_documentation_url_from_provider_info(tmp_path):
    import os

    env = dict(os.environ, AIRFLOW_HOME=str(tmp_path))
    listed = subprocess.run([str(Path(sys.executable).with_name("airflow")), "providers", "behaviours",
                             "--output", "json"], capture_output=True, text=True, env=env, check=True).stdout
    assert {"field_behaviours": "maskline"} in json.loads(listed[listed.index("["):])
    found = json.loads(subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import json
        from airflow.providers_manager import ProvidersManager
        pm = ProvidersManager()
        print(json.dumps({"form": pm.field_behaviours["maskline"],
                          "docs": pm.providers["maskline"].data["documentation-url"]}))
    """)], capture_output=True, text=True, env=env, check=True).stdout.strip().splitlines()[-1])
    assert found["form"]["relabeling"] == {"password": "Masking key"}
    assert "login" in found["form"]["hidden_fields"] and "extra" in found["form"]["hidden_fields"]
    assert found["docs"].startswith("https://")


def test_hook_form_for_older_airflow_matches_the_provider_info():
    from airflow_plugin.hooks.key import MasklineKeyHook
    from airflow_plugin.provider_info import get_provider_info

    (conn,) = get_provider_info()["connection-types"]
    declared = conn["ui-field-behaviour"]
    assert MasklineKeyHook.get_ui_field_behaviour() == {
        "hidden_fields": declared["hidden-fields"], "relabeling": declared["relabeling"],
        "placeholders": declared["placeholders"]}


def test_a_log_filter_value_with_an_inline_comment_fails_loudly_and_still_scrubs_logs(tmp_path):
    import os

    env = dict(os.environ, AIRFLOW_HOME=str(tmp_path), AIRFLOW__MASKLINE__LOG_FILTER="True   # scrub logs")
    found = json.loads(subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import json
        from airflow import plugins_manager
        from airflow_plugin import log_filter
        plugins_manager.ensure_plugins_loaded()
        errors = plugins_manager.get_import_errors()
        print(json.dumps({"errors": list(errors.values()), "installed": log_filter.installed()}))
    """)], capture_output=True, text=True, env=env, check=True).stdout.strip().splitlines()[-1])
    (error,) = [e for e in found["errors"] if "log_filter" in e]
    assert "is not a boolean" in error and "inline '#' comments" in error
    assert found["installed"] is True


@pytest.mark.parametrize(("value", "expected"), [("True", True), (" off ", False), ("1", True), ("no", False)])
def test_valid_boolean_spellings_are_read_from_airflow_config(monkeypatch, value, expected):
    from airflow_plugin.config import flag

    monkeypatch.setenv("AIRFLOW__MASKLINE__SCRUB_XCOM_DATAFRAMES", value)
    assert flag("scrub_xcom_dataframes") is expected


@pytest.mark.parametrize("value", ["Ture", "True # comment", ""])
def test_a_boolean_option_that_is_not_a_boolean_raises_a_config_error(monkeypatch, value):
    from airflow_plugin.config import flag
    from maskline.errors import ConfigError

    monkeypatch.setenv("AIRFLOW__MASKLINE__SCRUB_XCOM_DATAFRAMES", value)
    with pytest.raises(ConfigError, match="scrub_xcom_dataframes"):
        flag("scrub_xcom_dataframes")


def test_plugin_is_registered_through_the_entry_point():
    from importlib.metadata import entry_points

    (ep,) = [e for e in entry_points(group="airflow.plugins") if e.name == "maskline"]
    assert ep.load().name == "maskline"


def _sqlite_with(rows):
    import sqlite3

    from maskline.adapters.sqlite import register_functions

    con = sqlite3.connect(":memory:")
    register_functions(con, KEY)
    con.execute("CREATE TABLE t (id INTEGER, v TEXT)")
    con.executemany("INSERT INTO t VALUES (?, ?)", rows)
    return con


@pytest.mark.parametrize("method", ["hmac", "hash"])
def test_sqlite_keyed_tokens_equal_the_python_reference(method):
    from maskline.dialects.sqlite import SQLite
    from maskline.plan import build_plan
    from maskline.sql.compile import compile_select

    values = ["123-45-6789", "alice@example.com", "Zoë Ünïcode", ""]
    con = _sqlite_with(list(enumerate(values)))
    plan = build_plan(load_policy({"datasets": {"t": {"columns": {"v": {"method": method}}}}}), "t",
                      [("id", "integer"), ("v", "text")])
    sql = compile_select(plan, "t", SQLite(), key=KEY).sql("sqlite")  # given the key, so the check can fail
    assert not [f for f in (KEY.secret.decode(), KEY.secret.hex(), KEY.inner_pad().hex()) if f in sql.lower()]
    got = [r[1] for r in con.execute(sql + " ORDER BY id")]
    reference = hmac_hex if method == "hmac" else salted_sha256_hex
    assert got == [reference(KEY, v) for v in values]


def test_sqlite_masking_keeps_null_null_and_matches_duckdb_for_every_method():
    import duckdb

    from maskline.dialects.sqlite import SQLite
    from maskline.plan import build_plan
    from maskline.sql.compile import compile_select
    from maskline.sql.session import apply_key_setup

    cases = {"redact": {"method": "redact"}, "partial": {"method": "partial", "keep_last": 4},
             "char_mask": {"method": "char_mask"}, "email": {"method": "email"},
             "fake": {"method": "fake", "kind": "name"}, "scrub": {"method": "scrub"},
             "prefix": {"method": "generalize", "prefix": 2}}
    rows = [(1, "mail bob@example.org or +1 415 555 0100"), (2, None), (3, "90210")]
    for name, spec in cases.items():
        plan = build_plan(load_policy({"datasets": {"t": {"columns": {"v": {"method": spec}}}}}), "t",
                          [("id", "integer"), ("v", "text")])
        lite = [r[1] for r in _sqlite_with(rows).execute(compile_select(plan, "t", SQLite()).sql("sqlite")
                                                           + " ORDER BY id")]
        duck = duckdb.connect()
        duck.execute("CREATE TABLE t (id INTEGER, v TEXT)")
        duck.executemany("INSERT INTO t VALUES (?, ?)", rows)
        apply_key_setup(duck, "duckdb", KEY)
        expected = [r[1] for r in duck.execute(compile_select(plan, "t", "duckdb").sql("duckdb") + " ORDER BY id")
                    .fetchall()]
        assert lite == expected, name
        assert lite[1] is None, name


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_a_failing_masking_select_keeps_the_old_target_and_leaves_no_staging_table(engine):
    import sqlite3

    import duckdb
    from sqlglot import exp

    from airflow_plugin.warehouse import Warehouse, engine_named

    con = duckdb.connect() if engine == "duckdb" else sqlite3.connect(":memory:")
    w = Warehouse(con, engine_named(engine))
    w.load_key(None)
    w.execute("CREATE TABLE src (id INTEGER, v TEXT)")
    w.execute("INSERT INTO src VALUES (1, 'a'), (2, 'b')")
    assert w.replace_table("dst", exp.select("id").from_("src")) == 2
    with pytest.raises(MaskingError, match="nothing was written"):
        w.replace_table("dst", exp.select("no_such_column").from_("src"))
    assert [name for name, _ in w.columns("dst")] == ["id"]
    assert w.execute("SELECT count(*) FROM dst").fetchone()[0] == 2
    names = {r[0] for r in w.execute("SELECT name FROM sqlite_master" if engine == "sqlite"
                                     else "SELECT table_name FROM information_schema.tables").fetchall()}
    assert names == {"src", "dst"}


@pytest.mark.postgres
def test_a_failing_masking_select_keeps_the_old_target_on_postgres(pg_dsn):
    import psycopg2
    from sqlglot import exp

    from airflow_plugin.warehouse import Warehouse, engine_named

    w = Warehouse(psycopg2.connect(pg_dsn), engine_named("postgresql"))
    w.execute("DROP TABLE IF EXISTS unit_src, unit_dst")
    w.execute("CREATE TABLE unit_src (id integer, v text)")
    w.execute("INSERT INTO unit_src VALUES (1, '50%% off'), (2, 'b')")
    assert w.replace_table("unit_dst", exp.select("id", "v").from_("unit_src")) == 2
    with pytest.raises(MaskingError):
        w.replace_table("unit_dst", exp.select(exp.cast(exp.column("v"), "int")).from_("unit_src"))
    assert w.execute("SELECT count(*) FROM unit_dst").fetchone()[0] == 2
    assert w.execute("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'unit_dst__maskline%'").fetchone()[0] == 0
    w.close()


@pytest.mark.postgres
def test_writes_on_postgres_keep_grants_and_comments_and_name_dependent_views(pg_dsn):
    import uuid

    import psycopg2
    from sqlglot import exp

    from airflow_plugin.warehouse import Warehouse, engine_named
    from airflow_plugin.write_mode import WriteMode

    analyst, auditor = (f"ml_{who}_{uuid.uuid4().hex[:8]}" for who in ("analyst", "auditor"))
    w = Warehouse(psycopg2.connect(pg_dsn), engine_named("postgresql"))

    def one(sql, *params):
        return w.execute(sql, params).fetchone()[0]

    def setup_survives():
        return {"analyst": one("SELECT has_table_privilege(%s, 'w_dst', 'SELECT')", analyst),
                "auditor_column": one("SELECT has_column_privilege(%s, 'w_dst', 'id', 'SELECT WITH GRANT OPTION')",
                                      auditor),
                "table_comment": one("SELECT obj_description('w_dst'::regclass, 'pg_class')"),
                "column_comment": one("SELECT col_description('w_dst'::regclass, 2)")}

    kept = {"analyst": True, "auditor_column": True, "table_comment": "masked customers, 50% sampled",
            "column_comment": "it's masked"}
    select = exp.select("id", "v").from_("w_src")
    try:
        w.execute(f'CREATE ROLE "{analyst}" NOLOGIN')
        w.execute(f'CREATE ROLE "{auditor}" NOLOGIN')
        w.execute("CREATE TABLE w_src (id integer, v text)")
        w.execute("INSERT INTO w_src VALUES (1, 'a'), (2, 'b')")
        assert w.replace_table("w_dst", select) == 2  # first run: creates the target
        w.execute(f'GRANT SELECT ON w_dst TO "{analyst}"')
        w.execute(f'GRANT SELECT (id) ON w_dst TO "{auditor}" WITH GRANT OPTION')
        w.execute("COMMENT ON TABLE w_dst IS 'masked customers, 50% sampled'")
        w.execute("COMMENT ON COLUMN w_dst.v IS 'it''s masked'")

        assert w.replace_table("w_dst", select) == 2  # the default mode: swap
        assert setup_survives() == kept

        w.execute("CREATE VIEW w_report AS SELECT id FROM w_dst")
        with pytest.raises(MaskingError, match="w_report") as refused:
            w.replace_table("w_dst", select)
        assert "truncate_insert" in str(refused.value) and "nothing was written" in str(refused.value)

        w.execute("INSERT INTO w_src VALUES (3, 'c')")
        assert w.replace_table("w_dst", select, WriteMode.TRUNCATE_INSERT) == 3
        assert one("SELECT count(*) FROM w_report") == 3
        assert setup_survives() == kept

        w.execute("DROP VIEW w_report")
        assert w.replace_table("w_dst", select, WriteMode.REPLACE) == 3
        assert setup_survives() == {"analyst": False, "auditor_column": False, "table_comment": None,
                                    "column_comment": None}
    finally:
        w.execute("DROP TABLE IF EXISTS w_dst, w_src CASCADE")
        for role in (analyst, auditor):
            if one("SELECT count(*) FROM pg_roles WHERE rolname = %s", role):
                w.execute(f'DROP OWNED BY "{role}"')
                w.execute(f'DROP ROLE "{role}"')
        w.close()


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_truncate_insert_rewrites_rows_in_place_and_keeps_dependent_views(engine):
    import sqlite3

    import duckdb
    from sqlglot import exp

    from airflow_plugin.warehouse import Warehouse, engine_named
    from airflow_plugin.write_mode import WriteMode

    con = duckdb.connect() if engine == "duckdb" else sqlite3.connect(":memory:")
    w = Warehouse(con, engine_named(engine))
    w.execute("CREATE TABLE src (id INTEGER, v TEXT)")
    w.execute("INSERT INTO src VALUES (1, 'a'), (2, 'b')")
    select = exp.select("v", "id").from_("src")  # by name, not by position
    assert w.replace_table("dst", select, WriteMode.TRUNCATE_INSERT) == 2  # created on the first run
    w.execute("CREATE VIEW report AS SELECT id, v FROM dst")
    w.execute("INSERT INTO src VALUES (3, 'c')")
    assert w.replace_table("dst", select, WriteMode.TRUNCATE_INSERT) == 3
    assert w.execute("SELECT id, v FROM report ORDER BY id").fetchall() == [(1, "a"), (2, "b"), (3, "c")]


def test_an_unknown_write_mode_fails_at_construction_with_the_closest_name():
    from airflow_plugin.operators.mask_table import MaskTableOperator
    from maskline.errors import InputError

    with pytest.raises(InputError, match="did you mean 'truncate_insert'"):
        MaskTableOperator(task_id="m", conn_id="wh", source="a", target="b", write_mode="truncate-insert")


def test_log_filter_scrubs_pii_from_a_stdlib_record():
    import logging

    from airflow_plugin.log_filter import MasklineLogFilter

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "mail %s, ssn %s", ("ann@example.com", "123-45-6789"),
                               None)
    assert MasklineLogFilter().filter(record) is True
    assert "ann@example.com" not in record.getMessage() and "123-45-6789" not in record.getMessage()
    assert "[EMAIL]" in record.getMessage()


def test_installing_the_log_filter_scrubs_structlog_and_airflow_masker_output():
    # In a child process: install() changes process-wide logging state.
    out = json.loads(_run_python("""
        import io, json, structlog
        import airflow.sdk._shared.secrets_masker  # Airflow configures logging on import, as in a worker
        stream = io.StringIO()
        structlog.configure(processors=[structlog.processors.KeyValueRenderer()],
                            logger_factory=structlog.PrintLoggerFactory(stream), cache_logger_on_first_use=True)
        log = structlog.get_logger()
        log.info("before", who="ann@example.com")   # cached with the original pipeline
        from airflow_plugin.log_filter import install, installed
        changed = install()
        log.info("after", who="ann@example.com", ssn="123-45-6789")
        from airflow.sdk._shared.secrets_masker import redact
        masked = redact({"event": "card 4111 1111 1111 1111", "timestamp": "2024-01-01T00:00:00"})
        lines = stream.getvalue().splitlines()
        print(json.dumps({"changed": changed, "installed": installed(), "again": install(),
                          "before": lines[0], "after": lines[1], "masked": masked}))
    """))
    assert out["changed"] >= 2 and out["installed"] and out["again"] == 0
    assert "ann@example.com" in out["before"]  # nothing is rewritten retroactively
    assert "ann@example.com" not in out["after"] and "123-45-6789" not in out["after"]
    assert "4111" not in out["masked"]["event"] and out["masked"]["timestamp"] == "2024-01-01T00:00:00"


def test_xcom_scrubbing_keeps_types_and_shapes():
    import pandas as pd

    from airflow_plugin.xcom import MaskingXComBackend, scrub_xcom_value

    value = {"to": "ann@example.com", "n": 3, "ok": True, "rows": [("123-45-6789", 2.5)], "none": None}
    out = scrub_xcom_value(value)
    assert out["n"] == 3 and out["ok"] is True and out["none"] is None and isinstance(out["rows"][0], tuple)
    assert "ann@example.com" not in json.dumps(out) and "123-45-6789" not in json.dumps(out)
    assert scrub_xcom_value(7) == 7 and scrub_xcom_value(("ann@example.com",)) == ("[EMAIL]",)
    frame = pd.DataFrame({"id": [1, 2], "contact": ["Ann Lee", "Bob Ray"], "email": ["a@x.org", "b@y.org"],
                          "note": ["call +1 415 555 0100", "fine"]})
    masked = scrub_xcom_value(frame)
    assert list(masked.columns) == list(frame.columns) and masked["id"].tolist() == [1, 2]
    assert masked["email"].tolist() == ["[EMAIL]", "[EMAIL]"]
    # Free text without strong evidence of NONE is masked whole by the fail-closed decision (test_xcom_tables.py).
    assert masked["note"].tolist() == ["[MASKED]", "[MASKED]"]
    assert frame["email"].tolist() == ["a@x.org", "b@y.org"]  # the task's own frame is not modified
    assert MaskingXComBackend.serialize_value("mail ann@example.com") == "mail [EMAIL]"


def test_missing_key_error_names_both_places_and_no_secret(monkeypatch):
    from airflow_plugin.key_source import key_for_plan
    from maskline.plan import build_plan

    monkeypatch.delenv("MASKLINE_KEY", raising=False)
    policy = load_policy({"datasets": {"t": {"columns": {"v": {"method": "hmac"}}}}})
    with pytest.raises(KeyMissingError) as info:
        key_for_plan(build_plan(policy, "t", [("v", "text")]), policy)
    message = str(info.value)
    assert "maskline_default" in message and "MASKLINE_KEY" in message and "hmac" in message


def test_key_comes_from_the_environment_when_no_connection_exists(monkeypatch):
    from airflow_plugin.key_source import resolve_operator_key

    monkeypatch.setenv("MASKLINE_KEY", "env-key-for-this-test-0123456789")
    key = resolve_operator_key(load_policy({}))
    assert key.secret == b"env-key-for-this-test-0123456789" and "env-key" not in repr(key)


SHORT_KEY = "short-k3y"  # 9 bytes: set, but unusable


def test_a_set_but_too_short_key_is_named_as_too_short_not_as_missing(monkeypatch):
    from airflow_plugin.key_source import resolve_operator_key

    monkeypatch.setenv("MASKLINE_TEST_SHORT_KEY", SHORT_KEY)
    with pytest.raises(KeyMissingError) as info:
        resolve_operator_key(load_policy({"key": {"env": "MASKLINE_TEST_SHORT_KEY"}}))
    message = str(info.value)
    assert "too short: 9 bytes" in message and "not set" not in message and SHORT_KEY not in message


def test_a_too_short_key_in_the_default_connection_is_not_passed_over_for_the_environments(monkeypatch):
    """Files took MASKLINE_KEY while tables refused the connection's key: their tokens would not join."""
    from airflow_plugin.key_source import optional_operator_key

    monkeypatch.setenv("AIRFLOW_CONN_MASKLINE_DEFAULT", json.dumps({"conn_type": "maskline", "password": SHORT_KEY}))
    monkeypatch.setenv("MASKLINE_KEY", "env-key-for-this-test-0123456789")
    with pytest.raises(KeyMissingError) as info:
        optional_operator_key(load_policy({}))
    assert "too short" in str(info.value) and "maskline_default" in str(info.value)


def test_a_policys_own_key_variable_unset_is_told_to_set_that_variable(monkeypatch):
    from airflow_plugin.key_source import resolve_operator_key

    monkeypatch.delenv("MASKLINE_TEST_UNSET_KEY", raising=False)
    with pytest.raises(KeyMissingError) as info:
        resolve_operator_key(load_policy({"key": {"env": "MASKLINE_TEST_UNSET_KEY"}}))
    assert "not set" in str(info.value) and "key.env" in info.value.fix and "maskline_default" not in info.value.fix


def test_an_absent_key_is_none_and_a_good_one_is_read_from_the_policys_variable(monkeypatch):
    from airflow_plugin.key_source import optional_operator_key

    monkeypatch.delenv("MASKLINE_TEST_UNSET_KEY", raising=False)
    assert optional_operator_key(load_policy({"key": {"env": "MASKLINE_TEST_UNSET_KEY"}})) is None
    monkeypatch.setenv("MASKLINE_TEST_GOOD_KEY", "good-key-for-this-test-012345678")
    key = optional_operator_key(load_policy({"key": {"env": "MASKLINE_TEST_GOOD_KEY"}}))
    assert key is not None and key.secret == b"good-key-for-this-test-012345678"


def test_policy_from_a_missing_variable_fails_with_a_fix():
    from airflow_plugin.policy_source import describe_policy_arg

    assert describe_policy_arg("variable:p") == "Airflow Variable 'p'"
    assert describe_policy_arg({"a": 1}) == "<dict>"


FACE_MODULES = (
    "airflow_plugin.provider_info", "airflow_plugin.config", "airflow_plugin.hooks.key", "airflow_plugin.plugin",
    "airflow_plugin.log_filter", "airflow_plugin.registered_secrets", "airflow_plugin.leaves", "airflow_plugin.warehouse",
    "airflow_plugin.policy_source", "airflow_plugin.key_source", "airflow_plugin.lineage", "airflow_plugin.db_task",
    "airflow_plugin.query_masking", "airflow_plugin.operators.mask_table",
    "airflow_plugin.operators.mask_query", "airflow_plugin.operators.mask_file", "airflow_plugin.decorators.maskline",
    "airflow_plugin.xcom", "airflow_plugin.xcom_tables", "airflow_plugin.xcom_stored", "airflow_plugin.masked_frames",
    "airflow_plugin.xcom_orients", "airflow_plugin.xcom_labelled",
    "airflow_plugin.demo",
    "airflow_plugin.operators", "airflow_plugin.operators.check", "airflow_plugin.operators.protect",
    "airflow_plugin.write_mode", "airflow_plugin.task_output", "airflow_plugin.lineage_flush",
    "airflow_plugin.xcom_keys", "airflow_plugin.map_index",
)


@pytest.mark.parametrize("module", FACE_MODULES)
def test_docstring_examples_of_the_airflow_face_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_mask_file_operator_names_the_policy_dataset_dataset_and_keeps_table_for_one_release():
    import warnings

    from airflow_plugin.operators.mask_file import MaskFileOperator
    from maskline.errors import InputError

    assert MaskFileOperator(task_id="new", src="a.csv", dst="b.csv", dataset="customers").dataset == "customers"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = MaskFileOperator(task_id="old", src="a.csv", dst="b.csv", table="customers")
    assert old.dataset == "customers"
    assert any(issubclass(w.category, DeprecationWarning) and "'dataset'" in str(w.message) for w in caught)
    with pytest.raises(InputError, match="both 'table' and 'dataset'"):
        MaskFileOperator(task_id="both", src="a.csv", dst="b.csv", table="a", dataset="b")


def test_an_xcom_dict_keyed_by_raw_values_is_stored_with_scrubbed_keys_and_every_entry():
    # Counts per customer ({email: n}) reached the XCom table with the e-mails as keys. The control: a clean key
    # and the values under every key stay as they were.
    from airflow_plugin.xcom import MaskingXComBackend

    stored = MaskingXComBackend.serialize_value({"ann.lee@example.com": 3, "bob.ray@example.org": 1, "total": 4})
    assert "@example" not in json.dumps(stored)
    value = json.loads(stored) if isinstance(stored, str) else stored
    assert value == {"[EMAIL]": 3, "[EMAIL] (2)": 1, "total": 4}


GOOD_KEY = "conn-key-for-this-test-012345678"


def test_a_policy_naming_the_environment_says_why_the_key_connection_was_passed_over(monkeypatch):
    """The README's policies write key: {env: MASKLINE_KEY, derivation: 2}; a user who put the key in the
    maskline_default connection, as the Airflow section says, learns how to point the policy at it."""
    from airflow_plugin.key_source import resolve_operator_key

    monkeypatch.delenv("MASKLINE_KEY", raising=False)
    monkeypatch.setenv("AIRFLOW_CONN_MASKLINE_DEFAULT", json.dumps({"conn_type": "maskline", "password": GOOD_KEY}))
    with pytest.raises(KeyMissingError) as info:
        resolve_operator_key(load_policy({"key": {"env": "MASKLINE_KEY", "derivation": 2}}))
    message = str(info.value)
    assert "not set" in message and "key: {airflow_conn: maskline_default}" in info.value.fix
    assert GOOD_KEY not in message
    # Control: the hint is there only when the connection holds a key.
    monkeypatch.delenv("AIRFLOW_CONN_MASKLINE_DEFAULT")
    with pytest.raises(KeyMissingError) as info:
        resolve_operator_key(load_policy({"key": {"env": "MASKLINE_KEY", "derivation": 2}}))
    assert "airflow_conn" not in info.value.fix
    # And the policy that names the connection reads it.
    monkeypatch.setenv("AIRFLOW_CONN_MASKLINE_DEFAULT", json.dumps({"conn_type": "maskline", "password": GOOD_KEY}))
    key = resolve_operator_key(load_policy({"key": {"airflow_conn": "maskline_default", "derivation": 2}}))
    assert key.secret == GOOD_KEY.encode()


def test_a_key_read_from_the_environment_is_masked_by_airflows_secrets_masker(monkeypatch) -> None:
    # Airflow masks a *named* secret only when the name reads as a secret; maskline's name did not, so a key
    # from the environment (key.env, MASKLINE_KEY) printed as typed in any log line or traceback holding it.
    from airflow.sdk._shared.secrets_masker import redact

    from airflow_plugin.key_source import optional_operator_key
    from maskline.policy import load_policy

    key = "envkey-Qv7731-never-shown-in-a-log"
    monkeypatch.setenv("MASKLINE_TEST_UNIT_ENV_KEY", key)
    assert optional_operator_key(load_policy({"key": {"env": "MASKLINE_TEST_UNIT_ENV_KEY"}})) is not None
    assert redact(f"careless: {key}") == "careless: ***"


def test_a_value_proven_clean_before_it_was_registered_as_a_secret_is_hidden_after():
    # The log scrubber remembers Airflow-shaped field values it found clean and skips them after; a secret
    # registered later (a key read mid-task) must not stay behind that memory.
    out = json.loads(_run_python("""
        import json
        from airflow_plugin.log_filter import install, scrub_event
        install()
        secret = "proven-Key-3319-later-registered"
        line = {"event": "ran", "task_id": secret, "timestamp": "2026-01-01T00:00:00.000000Z"}
        before = scrub_event(dict(line))["task_id"]
        scrub_event(dict(line))  # remembered as clean
        from airflow_plugin.key_source import _register_secret
        _register_secret(secret)  # as maskline registers the key it read
        print(json.dumps({"before": before, "after": scrub_event(dict(line))["task_id"]}))
    """))
    assert out == {"before": "proven-Key-3319-later-registered", "after": "***"}


def test_the_masking_xcom_backend_hides_a_registered_secret_in_the_value_and_its_stored_form():
    from dataclasses import dataclass

    from airflow_plugin.xcom import MaskingXComBackend

    @dataclass
    class Holder:
        note: str

    from airflow_plugin.key_source import _register_secret

    secret = "xcom-Key-8841-registered-secret"
    _register_secret(secret)  # as maskline registers the key it read
    stored = MaskingXComBackend.serialize_value({"note": f"key {secret}", "n": 3})
    assert secret not in json.dumps(stored) and "key ***" in json.dumps(stored)
    assert secret not in json.dumps(MaskingXComBackend.serialize_value(Holder(f"key {secret}")), default=str)



def test_a_common_password_registered_with_airflow_does_not_rewrite_xcoms_or_lineage():
    # XComs and lineage events are data: a common word registered as some connection's password (the test login's
    # ``maskline``) turned a lineage namespace ``maskline-agents`` into ``***-agents``. Only maskline's own key is
    # hidden by maskline, in logs too. A process of its own: Airflow's masker is global.
    out = json.loads(_run_python("""
        import json
        from airflow.sdk.log import mask_secret
        from airflow_plugin.key_source import _register_secret
        from airflow_plugin.log_filter import install, scrub_event
        from airflow_plugin.registered_secrets import hide_registered_secrets_in_event
        from airflow_plugin.xcom import MaskingXComBackend
        install()
        mask_secret("maskline")
        _register_secret("common-Key-5521-maskline-read")
        value = {"table": "maskline_demo", "note": "k common-Key-5521-maskline-read"}
        event = {"job": {"namespace": "maskline-agents"}, "note": "common-Key-5521-maskline-read"}
        print(json.dumps({"xcom": MaskingXComBackend.serialize_value(value),
                          "event": hide_registered_secrets_in_event(event),
                          "log": scrub_event({"event": "user maskline"})["event"]}))
    """))
    assert out["event"] == {"job": {"namespace": "maskline-agents"}, "note": "***"}
    assert "maskline_demo" in json.dumps(out["xcom"]) and "common-Key-5521" not in json.dumps(out["xcom"])
    assert out["log"] == "user maskline"  # Airflow's own masker hides it where it writes the log (a worker)
