"""The layering, enforced on every import statement (including imports inside functions).

* The core (``maskline``) imports no face: not ``airflow_plugin``, not ``openlineage_ext``. Only the faces
  that live inside the package (``maskline.mcp``) may use the lineage face.
* Nothing in the core imports the CLI (``maskline.cli``) except the CLI itself and ``maskline.__main__``:
  progress and output are passed in as callbacks.
* The SQL dialects (``maskline.dialects``) never import the engine adapters (``maskline.adapters``): the
  adapters hold every name of an engine and use the dialects, so the names sit above both and there is no cycle.
* The lineage face (``openlineage_ext``) never imports the Airflow face, because it serves dbt-ol too.
* The Airflow face may use the lineage face and the core.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_FACES = ("maskline.mcp",)  # faces inside the package, under their own extra
CLI = ("maskline.cli", "maskline.__main__")


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return out


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def broken_rules(package: str) -> list[str]:
    """Every ``module -> import`` of ``package`` that breaks a rule above."""
    bad: list[str] = []
    for path in sorted((ROOT / package).rglob("*.py")):
        module = _module(path)
        for name in _imports(path):
            if package == "maskline":
                if _under(name, ("airflow_plugin",)):
                    bad.append(f"{module} -> {name}")
                if _under(name, ("openlineage_ext",)) and not _under(module, CORE_FACES):
                    bad.append(f"{module} -> {name}")
                if _under(name, ("maskline.cli",)) and not _under(module, CLI + CORE_FACES):
                    bad.append(f"{module} -> {name}")
                if _under(module, ("maskline.dialects",)) and _under(name, ("maskline.adapters",)):
                    bad.append(f"{module} -> {name}")
            if package == "openlineage_ext" and _under(name, ("airflow_plugin",)):
                bad.append(f"{module} -> {name}")
    return bad


@pytest.mark.parametrize("package", ["maskline", "openlineage_ext"])
def test_no_import_breaks_the_layering(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert len(files) > 10, "the walk found too few modules to mean anything"
    assert broken_rules(package) == []


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    # Not trivially true: a lazy import of a face inside a function body is found.
    src = tmp_path / "m.py"
    src.write_text("def f():\n    from airflow_plugin.warehouse import Warehouse\n    import maskline.cli.output\n")
    assert _imports(src) == ["airflow_plugin.warehouse", "maskline.cli.output"]
