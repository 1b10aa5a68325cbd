"""The public names ``classify``, ``rewrite`` and ``engine`` work whatever was imported first.

Each is a function ``maskline`` exports and the name of one of its subpackages. Python binds a subpackage to the
parent's attribute when the subpackage is imported, so before this the name's meaning depended on import order:
``from maskline import run_masked, rewrite`` gave the ``maskline.rewrite`` package, which could not be called.
Each order runs in a fresh interpreter, since import state is per process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CALLS = {
    "rewrite": "print(rewrite('SELECT email FROM t', load_policy({}), 'duckdb', schema={'t': {'email': 'text'}})"
               ".sql.count('email') > 1)",
    "classify": "import pyarrow as pa; print(classify(pa.table({'email': ['a@example.com', 'b@example.org'] * 3}))"
                ".columns[0].info_type)",
    "engine": "print(engine('PostgreSQL').name)",
}
EXPECTED = {"rewrite": "True", "classify": "EMAIL", "engine": "postgres"}

# The subpackage imported first (the order that bound the package over the function), then the function alone.
ORDERS = {
    "rewrite": ["from maskline import run_masked, rewrite, load_policy", "from maskline import rewrite, load_policy"],
    "classify": ["import maskline.classify.column\nfrom maskline import classify", "from maskline import classify"],
    "engine": ["from maskline import mask_frame, engine", "from maskline import engine"],
}


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(("name", "order"), [(n, i) for n, orders in ORDERS.items() for i in range(len(orders))])
def test_a_public_name_calls_its_function_in_any_import_order(name: str, order: int) -> None:
    imports = ORDERS[name][order]
    if name == "rewrite" and "load_policy" not in imports:
        imports += "\nfrom maskline import load_policy"
    assert _run(f"{imports}\n{CALLS[name]}") == EXPECTED[name]


def test_the_subpackage_stays_importable_as_a_module() -> None:
    """Control: the packages keep their modules; only calling them is added."""
    out = _run("import maskline.classify.column as c\nimport maskline\nfrom maskline.rewrite import api\n"
               "import types\nprint(type(maskline.classify).__name__, isinstance(c, types.ModuleType), "
               "callable(api.rewrite))")
    assert out.split()[1:] == ["True", "True"]


def test_the_bug_this_guards_is_real() -> None:
    """Without the hook, importing the subpackage first binds the package over the function."""
    out = _run("import sys, types\nimport maskline\nsys.modules['maskline'].__class__ = types.ModuleType\n"
               "from maskline import run_masked, rewrite\nprint(callable(rewrite))")
    assert out == "False"
