"""Red team (round redteam6): a profiled DuckDB session printed the masking key.

DuckDB folds session variables into constants of the plan. With profiling on (``PRAGMA enable_profiling``, which
a host application, an Airflow hook's setup or a dbt profile's ``settings`` can turn on), DuckDB prints every
plan on stderr, where task and server logs collect it: the ``SET VARIABLE maskline_salt = ?`` statement showed
the key itself and the masked query's filter showed its HMAC pads. Now the key enters a DuckDB session only with
the profiler off, and a session whose profiler cannot be turned off (configuration locked) is refused. The
profiler's output goes to the process's own stderr, so each case runs in a child process and its whole output
is searched. The control runs the same statement with profiling on outside maskline: the key is printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).parents[2]
KEY = "K3yMaterialThatMustNeverLeak!!!!"  # printable, so any print of the key's bytes shows it whole
SSN = "219-09-9999"

SETUP = f"""
import duckdb
from maskline.keys import KeyMaterial
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
key = KeyMaterial({KEY!r}.encode(), source="test")
con = duckdb.connect()
con.execute("CREATE TABLE t (id INTEGER, ssn VARCHAR)")
con.execute("INSERT INTO t VALUES (1, '{SSN}')")
policy = load_policy({{"unclassified": "pass", "datasets": {{"t": {{"columns": {{
    "ssn": {{"info_type": "US_SSN", "method": "hmac"}}}}}}}}}})
"""


def _run(body: str) -> str:
    """stdout and stderr of a child process that runs SETUP then ``body`` (the profiler writes to them)."""
    done = subprocess.run([sys.executable, "-c", SETUP + textwrap.dedent(body)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    return done.stdout + done.stderr


def _key_forms() -> list[str]:
    """The key and its HMAC pads, as DuckDB prints a BLOB constant (printable bytes as themselves)."""
    import duckdb

    from maskline.adapters.base import key_values
    from maskline.keys import KeyMaterial

    values = key_values(KeyMaterial(KEY.encode(), source="test")).values()
    # A connection of its own, each result read whole: a fetchone() on DuckDB's process-wide default connection left
    # its result unfinished, and every later duckdb.sql() in the worker (doctests) failed with ResourceInUse.
    with duckdb.connect() as con:
        return [KEY, *(str(con.execute("SELECT ?::BLOB::VARCHAR", [v]).fetchall()[0][0])[:16] for v in values)]


def _found(output: str) -> list[str]:
    return [form for form in _key_forms() if form in output]


def test_control_a_profiled_duckdb_session_prints_the_key_it_is_given() -> None:
    output = _run("""
        con.execute("PRAGMA enable_profiling='query_tree'")
        con.execute("SET VARIABLE maskline_salt = ?", [key.secret])
        print("ran")
    """)
    assert "ran" in output and KEY in output


def test_a_masked_query_on_a_profiled_session_prints_no_key_and_runs_unprofiled() -> None:
    output = _run(f"""
        con.execute("PRAGMA enable_profiling='query_tree'")
        r = rewrite("SELECT id, ssn FROM t WHERE ssn = '{SSN}'", policy, "duckdb", connection=con, key=key)
        print("rows", run_masked(con, r, key).rows)
        print("profiling", con.execute("SELECT current_setting('enable_profiling')").fetchone())
    """)
    assert "rows [(1, '" in output and "profiling (None,)" in output
    assert _found(output) == []
    assert SSN not in output.replace(f"ssn = '{SSN}'", "")  # the raw value is never printed either


def test_the_key_loaded_through_apply_key_setup_is_never_profiled() -> None:
    # the dbt plugin's and the local engine's route: the same adapter call loads the key
    output = _run("""
        from maskline.sql.session import apply_key_setup
        con.execute("PRAGMA enable_profiling='json'")
        apply_key_setup(con, "duckdb", key)
        print("loaded", con.execute("SELECT getvariable('maskline_salt') IS NOT NULL").fetchone())
    """)
    assert "loaded (True,)" in output and _found(output) == []


def test_a_profiled_session_with_a_locked_configuration_is_refused_before_the_key_enters_it() -> None:
    output = _run("""
        from maskline.errors import QueryFailed
        con.execute("PRAGMA enable_profiling='query_tree'")
        con.execute("SET lock_configuration = true")
        r = rewrite("SELECT id, ssn FROM t", policy, "duckdb", connection=con, key=key)
        try:
            run_masked(con, r, key)
        except QueryFailed as e:
            print("refused:", e)
        print("variable", con.execute("SELECT getvariable('maskline_salt') IS NULL").fetchone())
    """)
    assert "refused: the DuckDB connection profiles its queries" in output
    assert "variable (True,)" in output and _found(output) == []


def test_an_unkeyed_query_still_runs_on_a_profiled_session() -> None:
    # the control for what is not changed: a query that reads no key leaves the caller's profiler on
    output = _run("""
        con.execute("PRAGMA enable_profiling='no_output'")
        unkeyed = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {
            "ssn": {"info_type": "US_SSN", "method": "redact"}}}}})
        r = rewrite("SELECT id, ssn FROM t", unkeyed, "duckdb", connection=con)
        print("rows", run_masked(con, r).rows)
        print("profiling", con.execute("SELECT current_setting('enable_profiling')").fetchone())
    """)
    assert "rows [(1, '[REDACTED]')]" in output or "rows [(1, '" in output
    assert "profiling ('no_output',)" in output
