"""Every parameter of every maskline operator is documented under its own name (``:param name:``), so the
docstring a user reads in their editor names what the README and the signature name."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import airflow_plugin.operators as operators


def _operators() -> list[type]:
    from airflow.sdk import BaseOperator

    found = []
    for info in pkgutil.iter_modules(operators.__path__):
        module = importlib.import_module(f"{operators.__name__}.{info.name}")
        found += [c for c in vars(module).values()
                  if inspect.isclass(c) and issubclass(c, BaseOperator) and c.__module__ == module.__name__]
    return sorted(found, key=lambda c: c.__name__)


@pytest.mark.parametrize("operator", _operators(), ids=lambda c: c.__name__)
def test_every_operator_parameter_has_a_param_line_under_its_name(operator: type) -> None:
    names = [name for name, p in inspect.signature(operator.__init__).parameters.items()
             if name != "self" and p.kind is not p.VAR_KEYWORD]
    documented = inspect.getdoc(operator) or ""
    assert [n for n in names if f":param {n}:" not in documented] == []
    assert len(_operators()) >= 5  # the operators were found, not an empty package
