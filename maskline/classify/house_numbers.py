"""Street addresses without a street word: names with a house number, read as a column.

The street-type lexicon (``data/street_types.txt``) finds "Rue de la Paix 12" and "Hauptstraße 5", but many
addresses carry no street word at all, in any script: Greek streets are a name in the genitive ("Μέτωνος 672"),
Persian ones a name ("آزادی 358"), English ones may open with the number ("848 Lydia Koidula park"). One such value
proves little (a model and its number, "Boeing 737", read the same); a column proves more:

- nearly every value is one to five words and a house number (1-4 digits, a letter or ``/n`` after it), the
  number at the same end of the value in nearly all of them;
- the values are nearly unique (a street and a house number single out a household), not a few models or labels
  repeated over the rows (``Gate 12``, ``Peugeot 308``, ``Route 66``), and the names are many (20 or more, one
  for every twenty values at least: many houses share a street);
- the numbers vary (many distinct ones) and are not years (``Summer 2019``).

A street's name may open with an ordinal: streets named for a date or numbered in order are common in many
countries ("28ης Οκτωβρίου 12", "3ης Σεπτεμβρίου 1171", "1-я Тверская 5", "17. Juni 4", "1º de Maio 50"). The
ordinal is digits with its marker attached (letters, ``.``, ``º``/``ª`` or a hyphen and letters), never bare digits, so
the house number and the name stay apart; the name must still hold a word (three letters, not in capitals).

:func:`numbered_street_evidence` gives the classifier STREET_ADDRESS evidence for such a column, at
``STRENGTH``, below a street word's.

>>> streets = ["Μέτωνος", "Κορίνθου", "Τυρταίου", "Καρτερίας", "Παράλου", "Ιππονίκου", "Αρίωνος", "Κρεούσης"]
>>> values = [f"{s}{k} {7 * i % 400 + 1}" for i, (s, k) in enumerate((s, k) for k in "ABCD" for s in streets)]
>>> numbered_street_evidence(values, [1.0] * len(values), float(len(values)))[0].detector
'numbered-names'
>>> numbered_street_evidence([f"Gate {i % 30}" for i in range(40)], [1.0] * 40, 40.0)
[]
>>> bool(_NAME_FIRST.match("28ης Οκτωβρίου 12")), bool(_NAME_FIRST.match("28 Οκτωβρίου 12"))
(True, False)
>>> bool(_NAME_FIRST.match("1-я Тверская-Ямская 5")), bool(_NAME_FIRST.match("آیت‌اله کاشانی 41"))
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Letters, with inner apostrophes, dots, hyphens and the zero-width joiners Persian words carry ("آیت‌اله"). (The
# marks were once inside the negated class, so a word holding one, "Тверская-Ямская", "Saint-Martin", was no word.)
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-\u200c\u200d])*"
# An ordinal opening a street's name ("28ης", "5th", "1-я", "17.", "1º"): digits with their marker attached.
_ORDINAL = r"\d{1,2}(?:[^\W\d_]{1,3}|-[^\W\d_]{1,3}|[.ºª°])"
_NAME = rf"(?:{_ORDINAL} )?{_WORD}(?: {_WORD}){{0,4}}"
_NUMBER = r"\d{1,4}[^\W\d_]?(?:/\d{1,3})?"
_NAME_FIRST = re.compile(rf"^(?P<name>{_NAME}),? (?P<number>{_NUMBER})$")
_NUMBER_FIRST = re.compile(rf"^(?P<number>{_NUMBER}),? (?P<name>{_NAME})$")
_LETTERS = re.compile(r"[^\W\d_]{3,}")


def _a_name(text: str) -> bool:
    """A word of three letters or more, not in capitals: "1382 AP" is a Dutch postcode, "FVS 713" a Swedish plate."""
    return any(not w.isupper() for w in _LETTERS.findall(text))


MIN_SHARE = 0.8  # of a column's values that are a name and a house number
ONE_END = 0.9  # of those, with the number at the same end
UNIQUE = 0.7  # distinct values per row holding one: a street and a house number single out a household
DISTINCT_NAMES = 0.05  # distinct names per distinct value (many houses share a street) ...
MIN_DISTINCT = 20  # ... and at least this many distinct names and numbers
YEARS = 0.5  # numbers in 1900-2099 this often are years, not house numbers
STRENGTH = 0.72  # the shape of a column alone: below a street word (0.85)


def numbered_street_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """STREET_ADDRESS evidence for a text column of names with house numbers, by the conditions in this module's
    docstring, or ``[]``. ``values`` and ``weights`` are the column's distinct values (placeholders removed) and
    their counts, ``n`` their total.
    """
    from maskline.classify.evidence import Evidence

    if not n:
        return []
    first, last = [], []
    for v, w in zip(values, weights, strict=True):
        text = v.strip()
        m = _NAME_FIRST.match(text)
        if m and _a_name(m.group("name")):
            last.append((m.group("name"), m.group("number"), w))
            continue
        m = _NUMBER_FIRST.match(text)
        if m and _a_name(m.group("name")):
            first.append((m.group("name"), m.group("number"), w))
    fits = max(first, last, key=lambda f: sum(w for *_, w in f))
    fit_w = sum(w for *_, w in fits)
    all_w = sum(w for *_, w in first) + sum(w for *_, w in last)
    if fit_w < MIN_SHARE * n or fit_w < ONE_END * all_w or len(fits) < MIN_DISTINCT:
        return []
    names = {name.casefold() for name, _, _ in fits}
    numbers = {int(re.match(r"\d+", number).group()) for _, number, _ in fits}  # type: ignore[union-attr]
    if len(fits) < UNIQUE * fit_w or len(names) < DISTINCT_NAMES * len(fits) or len(names) < MIN_DISTINCT \
            or len(numbers) < MIN_DISTINCT:
        return []
    if sum(1 for x in numbers if 1900 <= x <= 2099) >= YEARS * len(numbers):
        return []
    share = fit_w / n
    return [Evidence("STREET_ADDRESS", "numbered-names", share, 1.0, len(fits), len(fits), 0.0, False, STRENGTH,
                      note=f"{share:.0%} names with a house number, {len(names)} distinct names")]
