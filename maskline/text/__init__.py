"""Free-text scrubbing: find sensitive spans in prose, log lines, SQL and JSON, and replace them.

>>> scrub("mail ana@correo.es")[0]
'mail [EMAIL]'
"""

from __future__ import annotations

from maskline.text.scrubber import DEFAULT_TYPES, Finding, find, scrub, scrub_value

__all__ = ["DEFAULT_TYPES", "PROSE_TYPES", "Finding", "find", "find_prose", "scrub", "scrub_value"]

_PROSE = ("PROSE_TYPES", "find_prose", "find_prose_many")


def __getattr__(name: str) -> object:
    """Prose detection loads on first use, so importing the scrubber (the log filter does) never loads it."""
    if name in _PROSE:
        from maskline.text import prose

        return getattr(prose, name)
    raise AttributeError(f"module 'maskline.text' has no attribute {name!r}")
