"""The core must not import Airflow, dbt, Great Expectations or OpenLineage (only the faces inside it may)."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("airflow", "dbt", "great_expectations", "openlineage")
# Modules that only a framework loads, by path, from inside its own process.
LOADED_BY_FRAMEWORKS = ("maskline.expectations", "maskline.dbt.duckdb_plugin", "maskline.__main__")
# Faces that live inside the package under their own extra, and may use the lineage face.
FACES = ("maskline.mcp",)


def test_importing_every_core_module_imports_no_framework() -> None:
    code = (
        "import importlib, pkgutil, sys, maskline\n"
        "names = [m.name for m in pkgutil.walk_packages(maskline.__path__, 'maskline.')\n"
        f"         if not m.name.startswith({LOADED_BY_FRAMEWORKS + FACES!r})]\n"
        "for name in names: importlib.import_module(name)\n"
        f"bad = sorted({{m.split('.')[0] for m in sys.modules}} & set({FORBIDDEN!r}))\n"
        "print(len(names), ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 50, "the walk found too few modules to mean anything"
    assert out[1:] == [], f"the core imported framework modules: {out[1:]}"
