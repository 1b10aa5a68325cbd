"""Names written in lower case under a name that says person: the values read as they would be capitalised.

Exports that normalise text for matching or search keep names folded to lower case (``melany``, ``wijngaard``,
``da silva``: randomuser.me's output, CRM dedup keys, ``extcsv24``). Every person-name detector reads the name's
shape first, and that shape is capitalised words (:func:`maskline.infotypes.validators.person_name_shape`), so a
``first_name`` column of lower-case names was left untyped (a near miss, masked only by the fail-closed default).

Under a name whose strongest hint is PERSON_NAME (:func:`maskline.infotypes.name_hints.hint_score`), the values
are read capitalised, word by word, when nearly all of them (``LOWER_SHARE``) hold letters of a cased script in
lower case only. The capitalised values must then:

- have a person's name shape (one to five words of letters, no company word), ``SHAPE_SHARE`` of them;
- open with a known given name or carry a family-name ending, ``KNOWN_SHARE`` of the distinct ones: lower-case
  words under a name hint (``active``, ``gold``, ``admin``) are labels, and few of them are names;
- pass what refutes names found by a hint and the shape (:func:`maskline.infotypes.shape_checks.hinted_names`:
  names of things, categories, ordinary words, places), read on the capitalised values (the evidence's sample)
  when the classifier weighs the evidence.

Never without the name: lower-case words are tags, slugs and labels as often. Handles (``purplewolf374``) hold
digits and fail the shape. The verdict is below a capitalised column's (``STRENGTH``).

>>> v = ["melany", "nanna", "amelia", "sarah", "angela", "judith", "hector", "irene", "jeffrey", "florence"]
>>> lower_case_name_evidence(v, [1.0] * 10, 10.0, {"PERSON_NAME": 0.9})[0].detector
'lower-case-name'
>>> lower_case_name_evidence(v, [1.0] * 10, 10.0, {})
[]
>>> lower_case_name_evidence(["Melany", "Nanna", "Amelia"], [1.0] * 3, 3.0, {"PERSON_NAME": 0.9})
[]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LOWER_SHARE = 0.9  # of the column's values (weighted by rows) written in lower case only
SHAPE_SHARE = 0.8  # of the values that, capitalised, have a person's name shape
KNOWN_SHARE = 0.3  # of the distinct values that, capitalised, open with a known name or carry a family ending
MIN_DISTINCT = 5  # fewer distinct values say nothing about names
STRENGTH = 0.8  # name and shape agree once capitalised: below a capitalised column's reading
CHANCE = 0.5  # as the hinted name shape's: any evidence by values alone wins over it
DETECTOR = "lower-case-name"


def lower_cased(value: str) -> bool:
    """Whether the value holds a letter of a cased script and no capital.

    >>> lower_cased("da silva"), lower_cased("Da Silva"), lower_cased("42"), lower_cased("علی")
    (True, False, False, False)
    """
    return value != value.upper() and value == value.lower()


def capitalised(value: str) -> str:
    """The value with each word's first letter upper-cased, the rest kept (``van der berg`` -> ``Van Der Berg``).

    >>> capitalised("da silva"), capitalised("noélie"), capitalised("o'neil")
    ('Da Silva', 'Noélie', "O'neil")
    """
    return " ".join(w[:1].upper() + w[1:] for w in value.split())


def lower_case_name_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                             hints: Mapping[str, float]) -> list[Any]:
    """PERSON_NAME evidence (needing the name) for a column named for people whose values are names written in
    lower case, or ``[]``. ``values`` and ``weights`` are the column's distinct values (placeholders removed) and
    their counts, ``n`` their total."""
    person = hints.get("PERSON_NAME", 0.0)
    if not n or person <= 0 or person < max(hints.values()):
        return []
    lower = [(v, w) for v, w in zip(values, weights, strict=True) if lower_cased(v)]
    if sum(w for _, w in lower) < LOWER_SHARE * n or len(lower) < MIN_DISTINCT:
        return []
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.validators import person_name_or_family_ending, person_name_shape

    titled = [(capitalised(v), w) for v, w in lower]
    shaped = [(t, w) for t, w in titled if person_name_shape(t)]
    if sum(w for _, w in shaped) < SHAPE_SHARE * n:
        return []
    if sum(1 for t, _ in shaped if person_name_or_family_ending(t)) < KNOWN_SHARE * len(shaped):
        return []
    share = sum(w for _, w in shaped) / n
    note = f"lower case: {share:.0%} are names once capitalised; name and shape agree"
    return [Evidence("PERSON_NAME", DETECTOR, share, 1.0, len(shaped), len(shaped), 1.0, True, STRENGTH,
                     sample=[t for t, _ in shaped], refute="hinted_names", note=note, chance=CHANCE)]
