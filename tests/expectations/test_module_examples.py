"""The ``>>>`` examples of maskline.expectations run here (pytest's doctest collection skips the package,
because collecting it would import Great Expectations for every run of the suite)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["shapes", "pii_conditions", "shape_conditions", "value_free", "batches", "sampling", "report",
           "metrics.errors", "rendering", "checkpoint_guard",
           "batch_classification", "metrics.classification"]


@pytest.mark.parametrize("name", MODULES)
def test_module_examples_pass(name: str) -> None:
    module = importlib.import_module(f"maskline.expectations.{name}")
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0


def test_importing_the_package_does_not_import_great_expectations() -> None:
    import subprocess
    import sys

    code = ("import sys, maskline.expectations, maskline.expectations.shapes, maskline.expectations.value_free;"
            "print('great_expectations' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
