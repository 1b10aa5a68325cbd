"""Examples are executable documentation: README snippets come from examples/, and the examples run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY

ROOT = Path(__file__).parents[1]
SNIPPET = re.compile(r"<!-- example: (?P<path>[^ ]+) -->\s*```[a-z]*\n(?P<code>.*?)```", re.S)


def _env() -> dict[str, str]:
    env = dict(os.environ, MASKLINE_KEY=TEST_KEY)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return env


def test_every_readme_snippet_is_copied_from_an_example_file() -> None:
    readme = (ROOT / "README.md").read_text()
    snippets = list(SNIPPET.finditer(readme))
    assert len(snippets) >= 3
    for m in snippets:
        source = (ROOT / m["path"]).read_text()
        assert m["code"].strip() in source, f"README snippet drifted from {m['path']}"


def test_python_quickstart_runs_and_masks() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], capture_output=True, text=True,
                       env=_env(), check=False)
    assert r.returncode == 0, r.stderr
    assert "ada@example.com" not in r.stdout and "*****@example.com" in r.stdout
    assert "123-45-6789" not in r.stdout
    assert TEST_KEY not in r.stdout + r.stderr


@pytest.mark.skipif(not (ROOT / "maskline" / "cli" / "scan.py").exists(), reason="needs maskline scan")
def test_cli_quickstart_runs_end_to_end() -> None:
    r = subprocess.run(["bash", str(ROOT / "examples" / "quickstart.sh")], capture_output=True, text=True,
                       env=_env(), check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "SELECT" in r.stdout
    assert TEST_KEY not in r.stdout + r.stderr
