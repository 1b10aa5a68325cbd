"""What one detector found in one column's values: the share that validated, how unlikely that is by chance, and
the values it matched (kept for the column's shape statistics, never printed or logged).

The classifier (``maskline.classify.column``) weighs a column's evidence; the modules that read one kind of value
(cards, postal codes, names, records...) each return theirs in this one form.

>>> e = Evidence("EMAIL", "email", 1.0, 1.0, 3, 3, 0.0, False, 0.9)
>>> e.info_type, e.share, e.sample
('EMAIL', 1.0, [])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Evidence:
    """One detector's finding in one column (see the module); ``strength`` is how much the detector alone says."""

    info_type: str
    detector: str
    share: float  # of non-null values that validated
    rate: float  # of checked candidates that validated
    checked: int
    validated: int
    p_value: float
    needs_hint: bool
    strength: float
    # The values the pattern matched, for the column's shape statistics; never printed or logged.
    sample: list[str] = field(default_factory=list, repr=False)
    refute: str | tuple[str, ...] | None = None
    note: str = ""
    chance: float = 0.0  # how often random strings of the pattern's shape validate
    min_share: float = 0.0  # share of values a value-only verdict needs (besides MIN_SHARE)
    # Every value the patterns ran on, for checks that read the whole column (shape_checks.READS_COLUMN): the rows
    # the pattern did not match (a delta column's "-567") say what the matched ones are. Never printed or logged.
    column: Sequence[str] = field(default_factory=tuple, repr=False)
