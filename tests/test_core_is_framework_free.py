"""The core must not import Airflow, dbt, Great Expectations or OpenLineage."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("airflow", "dbt", "great_expectations", "openlineage")


def test_importing_the_core_imports_no_framework() -> None:
    code = (
        "import sys, maskline, maskline.policy, maskline.plan, maskline.sql.compile, maskline.engine, maskline.cli.main;"
        f"bad=[m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"the core imported framework modules: {out}"
