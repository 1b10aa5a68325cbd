"""The dbt package's "did you mean" (``maskline._closest``) is the Python side's (``maskline.errors.closest``): the same
suggestion, or none, for every typo, so a misspelt ``maskline_key_source`` var is answered as a misspelt policy key is.

The macro file is rendered by plain Jinja with dbt's two pieces it uses stood in: ``return`` (dbt ends a macro with
the value it is given) and the ``maskline`` namespace the macros call each other through. Jinja keeps a name that
starts with ``_`` out of a template's module, so the package's private macros are read under a public prefix.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import jinja2
import pytest

from maskline.errors import closest

PUBLIC = "m"
MACROS = Path(__file__).resolve().parents[2] / "dbt_macros" / "macros" / "internal" / "closest.sql"


class _Return(Exception):  # dbt ends a macro at return() with its own exception (MacroReturn)
    def __init__(self, value: Any) -> None:
        self.value = value


def _dbt_return(value: Any) -> None:
    raise _Return(value)


class _Namespace:
    """``maskline.<macro>`` as dbt offers it: each call returns what the macro's ``return()`` gave."""

    def __init__(self, module: Any) -> None:
        self.module = module

    def __getattr__(self, name: str) -> Any:
        macro = getattr(self.module, PUBLIC + name)

        def call(*args: Any) -> Any:
            try:
                macro(*args)
            except _Return as r:
                return r.value
            return None

        return call


@pytest.fixture(scope="module")
def maskline_macros() -> _Namespace:
    env = jinja2.Environment(extensions=["jinja2.ext.do"])
    namespace = _Namespace(None)
    env.globals.update({"return": _dbt_return, "maskline": namespace})
    text = MACROS.read_text().replace("{% macro _", "{% macro " + PUBLIC + "_")
    namespace.module = env.from_string(text).module
    return namespace


KEY_SOURCES = ["env", "database"]
TYPOS = ["databse", "DATABASE", "datbase", "data", "base", "envv", "ENV", "en", "vault", "e", "", "dtabase",
         "environment", "db", "database_", "env var", "nev"]
CHOICE_SETS = [KEY_SOURCES, ["hmac", "hash", "redact", "fake"], ["check", "cheek", "chess"], ["ab", "ba"]]


@pytest.mark.parametrize("choices", CHOICE_SETS)
def test_the_macro_suggests_what_python_suggests(maskline_macros: _Namespace, choices: list[str]) -> None:
    words = TYPOS + ["".join(p) for n in (2, 3) for p in itertools.product("abhcek", repeat=n)]
    differ = [w for w in words if maskline_macros._closest(w, choices) != closest(w, choices)]
    assert differ == []


def test_a_misspelt_key_source_gets_the_valid_one(maskline_macros: _Namespace) -> None:
    assert maskline_macros._closest("databse", KEY_SOURCES) == "database"
    assert maskline_macros._closest("vault", KEY_SOURCES) is None
