"""Free-text scrubbing: find sensitive spans in prose, log lines, SQL and JSON, and replace them.

>>> scrub("mail ana@correo.es")[0]
'mail [EMAIL]'
"""

from __future__ import annotations

from maskline.text.scrubber import DEFAULT_TYPES, Finding, find, scrub, scrub_value

__all__ = ["DEFAULT_TYPES", "Finding", "find", "scrub", "scrub_value"]
