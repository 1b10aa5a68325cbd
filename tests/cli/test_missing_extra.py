"""A command that needs a module an extra installs, run without it, says which extra to install in one error line:
a ``postgresql://`` scan (or ``protect``) without psycopg2 ended in a traceback. The command's process is real;
the module is made missing in it as an uninstalled package is (``sys.modules[name] = None``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from maskline.extras import EXTRA_OF_MODULE

ROOT = Path(__file__).resolve().parents[2]


def without(module: str, *argv: str) -> subprocess.CompletedProcess[str]:
    code = (f"import sys; sys.modules[{module!r}] = None; sys.argv = ['maskline', *sys.argv[1:]]; "
            "from maskline.cli.main import run; run()")
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)


@pytest.mark.parametrize("argv", [["scan", "postgresql://nobody@127.0.0.1:9/db::public.customers"],
                                  ["protect", "--dsn", "postgresql://nobody@127.0.0.1:9/db", "--policy",
                                   str(ROOT / "examples" / "policy.yml")]])
def test_a_postgresql_command_without_psycopg2_names_the_extra(argv: list[str]) -> None:
    r = without("psycopg2", *argv)
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip() == "error: psycopg2 is not installed (at import psycopg2). Fix: pip install " \
                               "'maskline[postgres]'"


def test_every_extra_named_is_one_pyproject_declares() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert set(EXTRA_OF_MODULE.values()) <= set(declared)


# The faces a user imports from Python, each without the framework its extra installs (made missing in a fresh
# process as an uninstalled package is): the import names the pip install, where it said "No module named 'airflow'".
FACES = {
    "from airflow_plugin.operators.mask_table import MaskTableOperator": (
        "airflow", "maskline's Airflow operators need the 'airflow' extra: pip install 'maskline[airflow]' "
                   "(airflow is not installed)"),
    "from airflow_plugin.operators import MaskFileOperator": (
        "airflow", "maskline's Airflow operators need the 'airflow' extra: pip install 'maskline[airflow]' "
                   "(airflow is not installed)"),
    "from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset": (
        "pydantic_ai", "maskline's Airflow agent tools need the 'ai' extra: pip install 'maskline[ai]' "
                       "(pydantic_ai is not installed)"),
    "from maskline.expectations import ExpectColumnValuesToNotContainPii": (
        "great_expectations", "maskline's Great Expectations checks need the 'gx' extra: pip install "
                              "'maskline[gx]' (great_expectations is not installed)"),
    # CheckMaskingOperator imports (as the provider's module list does) without GX, and its run names the extra
    "from airflow_plugin.operators.check import CheckMaskingOperator; "
    "CheckMaskingOperator(task_id='check', conn_id='wh', table='customers', policy={'version': 1}).execute({})": (
        "great_expectations", "maskline's Great Expectations checks need the 'gx' extra: pip install "
                              "'maskline[gx]' (great_expectations is not installed)"),
    "from maskline.expectations.batches import duckdb_batch": (
        "great_expectations", "maskline's Great Expectations checks need the 'gx' extra: pip install "
                              "'maskline[gx]' (great_expectations is not installed)"),
}


@pytest.mark.parametrize("statement", sorted(FACES))
def test_importing_a_face_without_its_extra_names_the_pip_install(statement: str) -> None:
    module, message = FACES[statement]
    code = (f"import sys; sys.modules[{module!r}] = None\n"
            f"try:\n    {statement}\n"
            "except ModuleNotFoundError as e:\n    print('', type(e).__name__, e.name, str(e), sep='|')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    # the last line: Airflow may log to stdout before it (an operator's execute called outside a task runner)
    _, kind, name, text = r.stdout.strip().splitlines()[-1].split("|")
    assert (kind, name, text) == ("MissingExtra", module, message)
    assert missing_extra_fix(kind, module) == f"pip install 'maskline[{message.split('[')[1].split(']')[0]}]'"


def missing_extra_fix(kind: str, module: str) -> str | None:
    """What the CLI would say of the same error: the table and the face agree on the extra."""
    from maskline.extras import missing_extra

    found = missing_extra(ModuleNotFoundError(kind, name=module))
    return found.fix if found is not None else None
