"""Files are made in one place: no module of ``maskline`` but :mod:`maskline.atomic_output` renames a file into
place, makes a temporary file, writes a file's text or bytes, or opens a file for writing. A writer that did would
leave half a file when stopped (SIGTERM, Ctrl-C, an error), as ``maskline scan --save`` and ``maskline dbt sync``
did (tests/cli/test_terminated_writes_leave_nothing.py runs every writing command, stopped). A writer that needs
an engine or pyarrow to write takes its path from ``atomic_output``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from maskline.atomic_output import atomic_output, write_text_atomic

ROOT = Path(__file__).resolve().parents[1]
THE_PLACE = ROOT / "maskline" / "atomic_output.py"
# Calls that make or replace a file whatever their arguments.
WRITING_CALLS = {"replace": "os", "rename": "os", "mkstemp": "tempfile", "NamedTemporaryFile": "tempfile",
                 "fdopen": "os"}
WRITING_METHODS = {"write_text", "write_bytes"}


def _mode(call: ast.Call, position: int) -> str | None:
    """The literal mode of an ``open`` call, or None when it reads (no mode) or is not a literal."""
    given = [*call.args[position:position + 1], *(k.value for k in call.keywords if k.arg == "mode")]
    return given[0].value if given and isinstance(given[0], ast.Constant) else ("r" if not given else "?")


def writing_calls(path: Path) -> list[str]:
    """Each call in ``path`` that writes a file itself, as ``line: source``.

    >>> [c.split(": ", 1)[1] for c in writing_calls(THE_PLACE)]  # the one place renames the finished file
    ['os.replace(tmp, dst)', "tmp.open('xb')"]
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # The temporary paths atomic_output yields (`with atomic_output(dst) as tmp:`) are written freely.
    temporaries = {item.optional_vars.id for node in ast.walk(tree) if isinstance(node, ast.With)
                   for item in node.items if isinstance(item.optional_vars, ast.Name)
                   and isinstance(item.context_expr, ast.Call) and isinstance(item.context_expr.func, ast.Name)
                   and item.context_expr.func.id == "atomic_output"}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        fn = node.func
        owner = fn.value.id if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name) else None
        name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else None
        makes = name in WRITING_CALLS and owner == WRITING_CALLS[name]
        if makes or (name in WRITING_METHODS and isinstance(fn, ast.Attribute) and owner not in temporaries):
            found.append(node)
        elif name == "open" and owner != "os":  # os.open(devnull) points a descriptor, it makes no file
            mode = _mode(node, 1 if isinstance(fn, ast.Name) or owner in ("io", "gzip") else 0)
            if mode is None or set(str(mode)) & set("wxa+?"):
                found.append(node)
    return [f"{n.lineno}: {ast.unparse(n)}" for n in found]


def test_no_module_but_atomic_output_writes_a_file_itself() -> None:
    offenders = {str(p.relative_to(ROOT)): calls for p in sorted((ROOT / "maskline").rglob("*.py"))
                 if p != THE_PLACE and (calls := writing_calls(p))}
    assert offenders == {}, "write through maskline.atomic_output (atomic_output / write_text_atomic)"


def test_an_error_inside_the_block_leaves_the_destination_and_no_temporary_file(tmp_path: Path) -> None:
    dst = write_text_atomic(tmp_path / "policy.scan.json", "{}\n")
    with pytest.raises(RuntimeError), atomic_output(dst) as tmp:
        tmp.write_text('{"tables": {')
        raise RuntimeError("stopped")
    assert [p.name for p in tmp_path.iterdir()] == ["policy.scan.json"] and dst.read_text() == "{}\n"


def test_an_unwritable_directory_is_reported_by_the_callers_error_before_any_work(tmp_path: Path) -> None:
    ran = []
    with pytest.raises(ValueError, match="FileNotFoundError"), atomic_output(
            tmp_path / "missing" / "out.csv", on_unwritable=lambda e, d: ValueError(type(e).__name__)):
        ran.append(True)
    assert ran == []
