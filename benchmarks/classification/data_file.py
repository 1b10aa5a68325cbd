"""Write a generated data file of ``maskline/infotypes/data``: a ``#`` header naming its source, then one entry a
line. The build scripts (names, street types, postal formats) share it, and the core reads the same layout.
"""

from __future__ import annotations

from pathlib import Path


def write_data_file(target: Path, header: str, lines: list[str]) -> None:
    """Write ``lines`` under ``# header`` to ``target`` and say how many.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "x.txt"
    >>> write_data_file(path, "words, from a test", ["a", "b"])
    2 lines -> ...x.txt
    >>> path.read_text()
    '# words, from a test\\na\\nb\\n'
    """
    target.write_text(f"# {header}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {target}")
