"""What the classifier saw short of an info type, as typed, value-free fields the fail-closed decision reads.

A verdict's ``evidence`` strings are for people (the CLI, reports, lineage facets) and may be reworded at any
time. The decision (:mod:`maskline.classify.decision`) never reads them: whatever it needs, the classifier
records here as well, by construction, so rewording an evidence string cannot change what is masked.

- ``near_misses``: guesses that fell short, each a :class:`NearMiss` (an info type below ``min_confidence``, or a
  detector whose values validated too rarely to guess at all);
- ``identifying_shape``: the shape that could single someone out though no detector confirmed it
  (:class:`IdentifyingShape`: names' shape, dates over decades, check-digit numbers...);
- ``prose``: most values are sentences in which no span validated (names in prose need NER);
- ``refuted``: info types whose value evidence was refuted, by the column's name (storms, products, public codes)
  or by a shape statistic (version strings, not IP addresses); every refutation, once per refuted detector, though
  the evidence shows only those of a type something claimed (``column._claimed_types``), each once;
- ``safe_kind``: the kind every value proves, from an allow-list of kinds that cannot carry a person's identity
  (:class:`~maskline.classify.safe_kinds.SafeKind`: money amounts, event epochs, ISBNs, versions...), or None. It
  is tested only for a column without an info type, the only one the decision reads it for. A stored scan without
  it reads None, and the decision is what it was before the kind was recorded.
- ``name_hint``: the column's name hints at an info type (:func:`maskline.infotypes.name_hints.hint_score`, or a
  custom detector's ``name_hints``), as the classifier found when it weighed the name; a reading of the whole
  table (:mod:`maskline.classify.table_context`) then leaves the column to what its name said, and the decision
  reads it instead of weighing the name again. None: not recorded (a scan stored before it was kept, a verdict
  built by hand), and the decision reads the name itself, as it did before.

>>> s = Signals(near_misses=(NearMiss("PHONE", 0.4),), identifying_shape=IdentifyingShape.LOWER_CASE_NAMES)
>>> s.person_shaped, [str(m) for m in s.near_misses]
(True, ['PHONE 0.40'])
>>> Signals.from_dict(s.as_dict()) == s
True
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from maskline.classify.safe_kinds import SafeKind


class IdentifyingShape(StrEnum):
    """A shape of values no detector confirmed that could still single someone out (stored by its value).

    >>> IdentifyingShape("name_like_words") is IdentifyingShape.NAME_LIKE_WORDS
    True
    """

    COORDINATE_DECIMALS = "coordinate_decimals"
    DATES_OVER_DECADES = "dates_over_decades"
    DRAWN_DIGITS = "drawn_digits"
    PADDED_RECORD_NUMBERS = "padded_record_numbers"
    CHECK_DIGIT = "check_digit"
    IDENTIFIER_LIKE = "identifier_like"
    NAME_LIKE_WORDS = "name_like_words"
    LOWER_CASE_NAMES = "lower_case_names"


# The identifying shapes of people's names (``Ann Lee``, ``john smith``).
PERSON_SHAPES = frozenset({IdentifyingShape.NAME_LIKE_WORDS, IdentifyingShape.LOWER_CASE_NAMES})


@dataclass(frozen=True)
class NearMiss:
    """A guess the classifier did not make.

    ``weak`` false: the best info type's confidence fell below ``min_confidence`` (``confidence`` is that
    confidence). ``weak`` true: some values validated, too few to guess (``confidence`` is the share that
    validated, ``detector`` the detector's name). ``str()`` is how reasons show it.

    >>> str(NearMiss("PHONE", 0.4)), str(NearMiss("PERSON_NAME", 0.12, weak=True, detector="first-name"))
    ('PHONE 0.40', 'first-name')
    """

    info_type: str
    confidence: float
    weak: bool = False
    detector: str = ""

    def __str__(self) -> str:
        return self.detector if self.weak else f"{self.info_type} {self.confidence:.2f}"


@dataclass(frozen=True)
class Signals:
    """The typed, value-free signals of one verdict (see the module docstring); the default says none was seen."""

    near_misses: tuple[NearMiss, ...] = ()
    identifying_shape: IdentifyingShape | None = None
    prose: bool = False
    refuted: tuple[str, ...] = ()
    safe_kind: SafeKind | None = None
    name_hint: bool | None = None

    @property
    def person_shaped(self) -> bool:
        """Whether the values have people's names' shape, which no detector confirmed.

        >>> Signals(identifying_shape=IdentifyingShape.NAME_LIKE_WORDS).person_shaped, Signals().person_shaped
        (True, False)
        """
        return self.identifying_shape in PERSON_SHAPES

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data (a stored scan keeps it; :meth:`from_dict` reads it back).

        >>> Signals(prose=True).as_dict()["prose"]
        True
        """
        data: dict[str, Any] = {
            "near_misses": [{"info_type": m.info_type, "confidence": m.confidence, "weak": m.weak,
                             "detector": m.detector} for m in self.near_misses],
            "identifying_shape": None if self.identifying_shape is None else self.identifying_shape.value,
            "prose": self.prose,
            "refuted": list(self.refuted),
            "safe_kind": None if self.safe_kind is None else self.safe_kind.value,
        }
        if self.name_hint is not None:  # not recorded stays absent, so reading it back leaves it to the name
            data["name_hint"] = self.name_hint
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Signals:
        """The signals :meth:`as_dict` wrote (a stored scan's entry, already checked against its schema).

        A scan stored before ``name_hint`` was kept reads it as None (not recorded): the decision then weighs the
        column's name itself, so such a scan is decided as before.

        >>> Signals.from_dict({"refuted": ["PERSON_NAME"]}).refuted
        ('PERSON_NAME',)
        >>> Signals.from_dict({}).safe_kind is None  # stored before kinds were recorded: decided as before
        True
        >>> Signals.from_dict({"name_hint": True}).name_hint, Signals.from_dict({}).name_hint
        (True, None)
        """
        shape = data.get("identifying_shape")
        kind = data.get("safe_kind")
        return cls(
            near_misses=tuple(NearMiss(str(m["info_type"]), float(m["confidence"]), bool(m.get("weak")),
                                       str(m.get("detector") or "")) for m in data.get("near_misses") or ()),
            identifying_shape=None if shape is None else IdentifyingShape(shape),
            prose=bool(data.get("prose")),
            refuted=tuple(str(t) for t in data.get("refuted") or ()),
            safe_kind=None if kind is None else SafeKind(kind),
            name_hint=None if data.get("name_hint") is None else bool(data["name_hint"]),
        )
