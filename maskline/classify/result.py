"""What classification returns: per column, an info type or none, a confidence and evidence.

It never holds a sampled value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from maskline.classify.shape import ValueShape


@dataclass(frozen=True)
class ColumnClassification:
    """The verdict on one column.

    >>> c = ColumnClassification("email", "EMAIL", 0.98, "identifier", ("name:email", "values:0.97"))
    >>> c.as_dict()["info_type"]
    'EMAIL'
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

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "info_type": self.info_type,
            "confidence": round(self.confidence, 4),
            "category": self.category,
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
        return {c.name: c for c in self.columns}

    def as_dict(self) -> dict[str, Any]:
        return {"columns": [c.as_dict() for c in self.columns]}
