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
