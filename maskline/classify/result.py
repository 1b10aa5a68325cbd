"""What classification returns: per column, an info type or none, a confidence and evidence.

It never holds a sampled value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from maskline.classify.shape import ValueShape
from maskline.classify.signals import Signals

# A column without an info type is "safe" (passes raw under a fail-closed default) only when the classifier is
# at least this sure that it holds nothing sensitive. Below it, the verdict is "uncertain".
SAFE_CONFIDENCE = 0.9
# How sure "no info type" is (calibrated on the tuning split, checked on the frozen test split).
NONE_NOTHING_FOUND = 0.95  # no detector matched, no name hint
NONE_NAME_DISAGREES = 0.7  # the name points to a sensitive type, the values do not confirm it
NONE_WEAK_VALUES = 0.75  # some values validated, too few to decide
NONE_PROSE = 0.8  # prose without a validated span: names and addresses in prose need NER
NONE_NO_VALUES = 0.5  # nothing sampled
NONE_IDENTIFYING_SHAPE = 0.8  # values shaped like identifiers, names or coordinates that no detector confirmed

Verdict = Literal["sensitive", "safe", "uncertain"]


@dataclass(frozen=True)
class ColumnClassification:
    """The verdict on one column.

    ``confidence`` is the probability that the verdict is right: for a column with an
    info type, that it holds that type; for a column without one, that it holds nothing
    sensitive. :attr:`verdict` turns that into three words: ``sensitive`` (an info type),
    ``safe`` (no info type, confidence at least :data:`SAFE_CONFIDENCE`) and ``uncertain``
    (no info type, less sure: a fail-closed policy masks it). ``evidence`` says why, for people;
    ``shape`` and ``signals`` (:mod:`maskline.classify.signals`) say it typed, for the fail-closed decision.

    >>> c = ColumnClassification("email", "EMAIL", 0.98, "identifier", ("name:email", "values:0.97"))
    >>> c.as_dict()["info_type"], c.verdict
    ('EMAIL', 'sensitive')
    >>> ColumnClassification("qty", None, 0.95, None).safe, ColumnClassification("notes", None, 0.8, None).verdict
    (True, 'uncertain')
    """

    name: str
    info_type: str | None
    confidence: float
    category: str | None
    evidence: tuple[str, ...] = ()
    match_share: float | None = None  # share of sampled non-null values that validated
    sql_type: str | None = None
    # What the values look like (value-free), for the fail-closed decision; None when nothing was sampled.
    shape: ValueShape | None = None
    # What the classifier saw short of an info type, typed for the fail-closed decision, which never reads
    # ``evidence`` (those strings are for people).
    signals: Signals = Signals()

    @property
    def verdict(self) -> Verdict:
        """``sensitive``, ``safe`` (confidently nothing sensitive) or ``uncertain``."""
        if self.info_type is not None:
            return "sensitive"
        return "safe" if self.confidence >= SAFE_CONFIDENCE else "uncertain"

    @property
    def safe(self) -> bool:
        """True only when the column confidently holds nothing sensitive (the only case to pass raw)."""
        return self.verdict == "safe"

    def as_dict(self) -> dict[str, Any]:
        """The verdict as JSON-ready data (confidence rounded; no sampled value).

        >>> ColumnClassification("qty", None, 0.951234, None).as_dict()["confidence"]
        0.9512
        """
        return {
            "name": self.name,
            "info_type": self.info_type,
            "confidence": round(self.confidence, 4),
            "category": self.category,
            "verdict": self.verdict,
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Classification:
    """The verdicts on every column of one table, in column order."""

    columns: tuple[ColumnClassification, ...]
    table: str | None = None
    sampled_rows: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    def by_name(self) -> dict[str, ColumnClassification]:
        """The verdicts keyed by column name.

        >>> c = Classification((ColumnClassification("email", "EMAIL", 0.98, "identifier"),))
        >>> c.by_name()["email"].info_type
        'EMAIL'
        """
        return {c.name: c for c in self.columns}

    def as_dict(self) -> dict[str, Any]:
        """The verdicts as JSON-ready data, in column order.

        >>> c = Classification((ColumnClassification("qty", None, 0.95, None),))
        >>> c.as_dict()["columns"][0]["verdict"]
        'safe'
        """
        return {"columns": [c.as_dict() for c in self.columns]}
