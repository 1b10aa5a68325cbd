"""maskline: mask PII and secrets at transform time.

``maskline.__version__`` is the installed distribution's version, which the
build takes from the git tag (see CHANGELOG.md). It is looked up on first
access, so importing maskline does no work.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """The lazily computed ``__version__``.

    >>> import maskline
    >>> maskline.__version__.split(".")[0].isdigit()
    True
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("maskline")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    raise AttributeError(f"module 'maskline' has no attribute {name!r}")
