"""File extensions registered for a media type, read from ``data/file_extensions.txt``.

A value whose last dotted part is one of them (``report_12.pdf``) names a file. The list ships with maskline
(built by ``benchmarks/classification/build_file_extensions.py`` from Python's table and Debian's
``mime.types``), so the verdict does not depend on the machine's ``/etc/mime.types`` as :mod:`mimetypes` would.

>>> registered_extension("pdf"), registered_extension("PDF"), registered_extension("smith")
(True, True, False)
"""

from __future__ import annotations

from functools import cache


@cache
def _extensions() -> frozenset[str]:
    from importlib.resources import files

    text = files("maskline.infotypes").joinpath("data/file_extensions.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def registered_extensions() -> frozenset[str]:
    """Every file extension registered for a media type, lower case, without its dot.

    >>> "csv" in registered_extensions(), "smith" in registered_extensions()
    (True, False)
    """
    return _extensions()


def registered_extension(ext: str) -> bool:
    """Whether ``ext`` (without its dot, any case) is a file extension registered for a media type.

    >>> registered_extension("csv"), registered_extension("7z"), registered_extension("")
    (True, True, False)
    """
    return ext.lower() in _extensions()


def file_name(value: str) -> bool:
    """Whether ``value`` ends in a dot and a registered extension.

    >>> file_name("report_12.pdf"), file_name("anna.smith"), file_name("v1.")
    (True, False, False)
    """
    return "." in value and registered_extension(value.rsplit(".", 1)[1])
