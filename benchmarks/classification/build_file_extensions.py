"""Rebuild ``maskline/infotypes/data/file_extensions.txt``: the file extensions registered for a media type.

The handle rules refute columns of file names (``report_12.pdf``) by asking whether a value's last dotted part
is a registered extension. Asking :mod:`mimetypes` made the verdict depend on the machine: it reads
``/etc/mime.types`` where one exists (1,550 extensions on Debian) and knows only its own 149 where none does
(slim containers, Windows). The core reads this file instead, so a column gets the same verdict everywhere.

Sources: Python's own table (``mimetypes.MimeTypes()`` without system files) and a ``mime.types`` file, by
default ``/etc/mime.types`` from Debian's ``media-types`` package (public domain).
Run: ``python -m benchmarks.classification.build_file_extensions [path/to/mime.types]``.
"""

from __future__ import annotations

import mimetypes
import sys
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "file_extensions.txt"


def extensions(mime_types: Path) -> list[str]:
    """The extensions of Python's table and of ``mime_types``, lower case without the dot, sorted.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "mime.types"
    >>> _ = path.write_text("# comment\\napplication/x-thing  thg THX\\n")
    >>> found = extensions(path)
    >>> "thg" in found and "thx" in found and "pdf" in found
    True
    """
    found = {ext.lstrip(".").lower() for ext in mimetypes.MimeTypes().types_map[True]}
    for line in mime_types.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        found.update(f.lower() for f in fields[1:])
    return sorted(e for e in found if e.isascii() and e.replace("-", "").replace("+", "").replace(".", "").isalnum())


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/etc/mime.types")
    if not source.is_file():
        raise SystemExit(f"{source} not found: install Debian's media-types package or pass a mime.types path")
    write_data_file(TARGET, f"File extensions registered for a media type: Python's table and {source} "
                    "(build_file_extensions.py)", extensions(source))


if __name__ == "__main__":
    main()
