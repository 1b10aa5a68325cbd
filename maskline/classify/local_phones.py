"""Local phone numbers under a name that says phone: seven or eight digits written in groups, no area code.

A subscriber's number dialled inside its area (``555-0101``, ``938-3998``, ``9123 4567``) carries no area or
calling code, so no numbering plan can validate it: python-phonenumbers needs the area code, and a column named
``phone`` or ``owner_contact`` holding such numbers was left untyped, masked only by the fail-closed default
(``extcsv17``: an animal hospital's staff and owners, ``555-0101``). The rule maskline applies to cards whose
check fails (:data:`maskline.infotypes.detectors.DETECTORS`' ``card-shape``) and to named national numbers
(:mod:`maskline.classify.named_templates`) holds here too: when the name and the shape agree and only the
validation fails, the column is the named type, at lower confidence. The shape read, under a name whose strongest
hint is PHONE (:func:`maskline.infotypes.name_hints.hint_score`) and that hints no postal code:

- one template (each digit written ``9``, separators kept) for ``TEMPLATE_SHARE`` of the values;
- ``MIN_DIGITS`` to ``MAX_DIGITS`` digits in two to four groups of ``MIN_GROUP`` to ``MAX_GROUP`` digits, joined by
  one kind of separator (a hyphen, a space or a dot): how a local number is written (``999-9999``, ``9999 9999``,
  ``99.99.99.99``), not a bare run of digits (integers stay to :mod:`maskline.classify.shape`'s suspicions);
- no date (``12-05-1998``, ``1998.05.12``) and no amount;
- ``MIN_DISTINCT`` distinct values at least.

Never from the name alone: a phone column of e-mails or words has no digit template, and a contact word the values
refute is gone before this runs (:func:`maskline.infotypes.name_hints.hints_refuted_by_values`). Never without the
name either: ``123-4567`` is a Japanese postal code's shape too, so a postal name or no name reads nothing here.
The verdict is below a validated number's (``STRENGTH``, as the card shape's).

>>> named_local_phone_evidence(["555-0101", "555-0102", "555-0103"], [1.0] * 3, 3.0, {"PHONE": 1.0})[0].detector
'named-local-phone'
>>> named_local_phone_evidence(["555-0101", "555-0102", "555-0103"], [1.0] * 3, 3.0, {})
[]
>>> named_local_phone_evidence(["123-4567", "150-0001", "530-0001"], [1.0] * 3, 3.0, {"POSTAL_CODE": 1.0})
[]
>>> named_local_phone_evidence(["12-05-1998", "01-11-2001", "30-06-1975"], [1.0] * 3, 3.0, {"PHONE": 1.0})
[]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

TEMPLATE_SHARE = 0.8  # of the column's values (weighted by rows) that must share the dominant template
MIN_DIGITS = 7  # a subscriber's number: North America's and Iceland's seven digits; fewer are extensions and codes
MAX_DIGITS = 8  # Singapore's, Hong Kong's, Norway's eight; more carry an area code, which the plans validate
MIN_GROUP = 2  # digits in a group: "12 34 56 78"
MAX_GROUP = 4  # digits in a group: "555-0101"; a longer group is an id's body, not how numbers are spoken
MIN_DISTINCT = 3  # fewer distinct values say nothing about a template
STRENGTH = 0.78  # name and shape agree, no plan validated them: the named type, below a validated number
CHANCE = 0.5  # not distinctive: any evidence by values alone wins over it
DETECTOR = "named-local-phone"

_TEMPLATE_CHAR = str.maketrans("0123456789", "9999999999")
_GROUPED = re.compile(r"^9+(?:([-. ])9+){1,3}$")
_DATE = re.compile(r"^9{1,2}[-. ]9{1,2}[-. ]9{4}$|^9{4}[-. ]9{1,2}[-. ]9{1,2}$")


def local_template(value: str) -> str | None:
    """The value's template (digits ``9``, separators kept) when it is digits in groups joined by one separator,
    seven or eight digits in two to four groups of two to four; else None.

    >>> local_template("555-0101"), local_template("9123 4567"), local_template("12.34.56.78")
    ('999-9999', '9999 9999', '99.99.99.99')
    >>> local_template("5550101"), local_template("555-0101-7"), local_template("(555) 0101"), local_template("55-501.01")
    (None, None, None, None)
    """
    t = value.strip().translate(_TEMPLATE_CHAR)
    if not _GROUPED.match(t) or len({c for c in t if c != "9"}) != 1:
        return None
    groups = re.split(r"[-. ]", t)
    digits = sum(len(g) for g in groups)
    if not MIN_DIGITS <= digits <= MAX_DIGITS or any(not MIN_GROUP <= len(g) <= MAX_GROUP for g in groups):
        return None
    return t


def named_local_phone_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                               hints: Mapping[str, float]) -> list[Any]:
    """PHONE evidence (needing the name) for a column named for a phone whose values share one template of a local
    number (seven or eight digits in groups, no area code), or ``[]``. ``values`` and ``weights`` are the column's
    distinct values (placeholders removed) and their counts, ``n`` their total."""
    phone = hints.get("PHONE", 0.0)
    if not n or phone <= 0 or "POSTAL_CODE" in hints or phone < max(hints.values()):
        return []
    from maskline.classify.evidence import Evidence

    templates: dict[str, float] = {}
    shapes = [local_template(v) for v in values]
    for t, w in zip(shapes, weights, strict=True):
        if t is not None:
            templates[t] = templates.get(t, 0.0) + w
    if not templates:
        return []
    best, weight = max(templates.items(), key=lambda kv: kv[1])
    if weight < TEMPLATE_SHARE * n or _DATE.match(best):
        return []
    fitting = [v for v, t in zip(values, shapes, strict=True) if t == best]
    if len(fitting) < MIN_DISTINCT:
        return []
    share = weight / n
    note = f"template:{best} for {share:.0%}; name and shape agree, no area code to validate"
    return [Evidence("PHONE", DETECTOR, share, 1.0, len(fitting), len(fitting), 1.0, True, STRENGTH,
                      sample=list(fitting), note=note, chance=CHANCE)]
