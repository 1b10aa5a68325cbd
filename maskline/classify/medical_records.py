"""Medical record numbers without a column name: record numbers a share of which open with a medical-record word.

A hospital's export rarely keeps one template: numbers from merged systems, wards and years sit in one column
(``MR13677007``, ``PT974471``, ``H7894417``, ``63-067-376``). Their digits say nothing a random id does not, and a
column of mixed random ids is not, by itself, a column of medical records: it stays untyped (the fail-closed
default masks it as uncertain). What does say "medical record" is the prefix some of them carry, a word hospitals
write for *medical record* or *patient* (:data:`maskline.infotypes.medical_prefixes.MEDICAL_RECORD_PREFIXES`).
A column is read as MEDICAL_RECORD_NUMBER when:

- nearly all its values are record numbers (a token of letters and digits with four digits or more, or a word and
  six to ten digits: :data:`FAMILY_SHARE`);
- a tenth or more of them open with a medical-record word and six to ten digits (:data:`PREFIXED_SHARE`, the
  share the ``mrn-prefix`` detector asks of ``MRN`` and digits; random two- and three-letter series, as passports
  have, hit such a word under one time in a hundred), at least :data:`MIN_VALUES` distinct ones;
- those are mostly distinct (a few codes repeated are labels, :data:`DISTINCT_SHARE`);
- and their numbers are not the table's row ids (``PT000001`` ... ``PT000300``, a dense run about as long as the
  table: :func:`maskline.infotypes.shape_checks.surrogate_keys`).

Mixed templates are allowed here, on purpose: the word is the evidence, not the template. Its strength is below
the ``mrn-prefix`` detector's (every value ``MRN`` and digits) and a name that points to another type wins
(:data:`CHANCE`).

>>> import random
>>> r = random.Random(3)
>>> mixed = [r.choice(["MR%08d", "PT%06d", "H%07d"]) % r.randint(0, 999999) for _ in range(60)]
>>> medical_record_evidence(mixed, [1.0] * 60, 60.0)[0].detector
'medical-record-prefix'
>>> medical_record_evidence(["H%07d" % r.randint(0, 10**7 - 1) for _ in range(60)], [1.0] * 60, 60.0)
[]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

FAMILY_SHARE = 0.9  # of a column's values (placeholders removed) that must be record numbers
PREFIXED_SHARE = 0.1  # ... and that must open with a medical-record word (as for the mrn-prefix detector)
MIN_VALUES = 5  # distinct values with the word, at least
DISTINCT_SHARE = 0.5  # of the worded values' rows that must be distinct values
STRENGTH = 0.8  # the word in a tenth of the values or more, the rest record numbers: a verdict, not a sure one
CHANCE = 0.3  # not distinctive: a name that points to another type wins
PROBE = 256  # distinct values looked at before the whole column is read


def not_medical_records(prefixed: Sequence[tuple[str, str]], rows: int) -> str | None:
    """Why worded numbers are not medical records (a statistic, never a value), or None.

    ``prefixed`` holds each distinct value's (word, digits); ``rows`` is the table's row count. The numbers of the
    most common word that run densely over about the table's rows are its row ids.

    >>> not_medical_records([("pt", "%06d" % i) for i in range(1, 41)], 40)
    "row ids: the integers span 40, about the table's 40 rows"
    >>> not_medical_records([("pt", "%06d" % (i * 7919 % 999983)) for i in range(1, 41)], 40) is None
    True
    """
    from maskline.infotypes.shape_checks import surrogate_keys

    word = Counter(w for w, _ in prefixed).most_common(1)[0][0]
    return surrogate_keys([d for w, d in prefixed if w == word], rows)


def medical_record_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                            rows: int | None = None) -> list[Any]:
    """MEDICAL_RECORD_NUMBER evidence for a text column of record numbers a share of which carry a medical-record
    word (see the module's conditions), or ``[]``. ``values`` and ``weights`` are the column's distinct values
    (placeholders removed) and their counts, ``n`` their total, ``rows`` the table's row count (``n`` if None).

    >>> medical_record_evidence(["PT%06d" % i for i in range(1, 61)], [1.0] * 60, 60.0)  # row ids
    []
    >>> medical_record_evidence(["PT123456", "PT654321"], [30.0, 30.0], 60.0)  # two values repeated
    []
    """
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.medical_prefixes import medical_record_split
    from maskline.infotypes.validators import record_number

    if not n or not any(medical_record_split(v) for v in values[:PROBE]):
        return []
    split = {i: p for i, v in enumerate(values) for p in [medical_record_split(v)] if p}
    prefixed_w = sum(weights[i] for i in split)
    if len(split) < MIN_VALUES or prefixed_w < PREFIXED_SHARE * n or len(split) < DISTINCT_SHARE * prefixed_w:
        return []
    family_w = prefixed_w + sum(w for i, (v, w) in enumerate(zip(values, weights, strict=True))
                                if i not in split and record_number(v))
    if family_w < FAMILY_SHARE * n:
        return []
    if not_medical_records(list(split.values()), rows or int(n)):
        return []
    return [Evidence("MEDICAL_RECORD_NUMBER", "medical-record-prefix", family_w / n, 1.0, len(split), len(split),
                      tail_at_least(len(split), len(split), CHANCE), False, STRENGTH,
                      note=f"{prefixed_w / n:.0%} open with a medical-record word", chance=CHANCE,
                      min_share=FAMILY_SHARE)]
