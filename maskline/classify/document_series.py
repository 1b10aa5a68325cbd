"""Passports of one issuer numbered behind a fixed series letter: what a column of them can and cannot prove.

Many issuers number their passports with one series letter (or two or three in turn) and a number of fixed
width: Kazakhstan ``N`` and eight digits, India one letter and seven, Indonesia ``A``/``B``/``C`` and seven,
Malaysia ``A``/``H``/``K`` and eight, Nigeria ``A`` and eight, Iceland ``A`` and seven, Switzerland ``X``/``S``
and seven. :mod:`maskline.classify.document_numbers` refutes such a column ("one series"), because order numbers,
SKUs, tickets and invoices share one prefix too. Some of those look-alikes betray themselves in their values,
and this module refutes them by what they are in the real world:

- catalogue codes repeat: an article appears on many order lines, a passport belongs to one person, so nearly
  every value is distinct (``DISTINCT_SHARE``);
- counters and number blocks share their leading digits: invoices are a year and a counter (``R2024…``),
  tickets and article ranges are issued from a block (``T0001…``, ``A4512…``), so few leading digits occur
  (``MIN_LEADING``); receipts numbered by a few stores' codes then a serial crowd into a few three-digit openings
  (``TOP_OPENING``); numbers padded with zeros open with ``00`` far more often than the one in a hundred drawn
  numbers do (``PADDED_SHARE``);
- a catalogue that merges several suppliers' templates holds only a minority of one template: the series must
  fill most of the column (``MIN_SHARE``).

What none of this can refute is a business code drawn at random behind one letter (a SKU ``P`` and eight random
digits, a loyalty number ``C`` and eight): by its values it is exactly a passport number. So the values alone
give a guess below the default ``min_confidence`` (``STRENGTH``, the column stays unclassified and is masked by
the fail-closed default, its evidence naming the guess), and a name carrying a word of an identity or travel
document (:data:`maskline.infotypes.name_hints.IDENTITY_DOCUMENT_WORDS`: ``doc_no``, ``travel_id``, ``id_dokumen``), which SKUs and loyalty numbers do
not carry, raises it to a moderate verdict (``NAMED_STRENGTH``), below what a passport name gives. (Accounting
systems call their vouchers "documents" too; those are a year and a counter, refuted above.)

>>> import random
>>> r = random.Random(3)
>>> docs = ["N" + "".join(r.choice("0123456789") for _ in range(8)) for _ in range(60)]
>>> not_one_series(docs, [1.0] * 60, 60.0) is None
True
>>> not_one_series(["T%08d" % (5000 + i) for i in range(60)], [1.0] * 60, 60.0)
'counted, not drawn: 1 distinct leading digits'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

MIN_VALUES = 20  # distinct values of the template; fewer say nothing about a column
MIN_SHARE = 0.8  # of the column's rows (placeholders removed) that the one template must fill
MAX_SERIES = 3  # distinct series letters an issuer uses in turn (Indonesia A, B, C; Malaysia A, H, K)
DISTINCT_SHARE = 0.95  # of the template's rows that are distinct values: catalogue codes repeat on order lines
MIN_LEADING = 7  # distinct leading digits: drawn numbers show nearly all ten, a block or a counter one or two
TOP_OPENING = 0.1  # most common three-digit opening; drawn: about one in a thousand, a year or a block: all
PADDED_SHARE = 0.1  # numbers opening with "00"; drawn: one in a hundred, small counters padded: most
STRENGTH = 0.55  # the values alone: below the default min_confidence (0.6), a guess the evidence names
NAMED_STRENGTH = 0.74  # ... with an identity or travel document word in the name: moderate, under a passport name
CHANCE = 0.3  # not distinctive: a name pointing to another type wins

# A series letter, the number, and (the Philippines since 2016: P1234567A) a closing letter in every value or none.
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TEMPLATE = re.compile(r"^([A-Z])([0-9]{7,8})([A-Z]?)$")


def _one_template(values: Sequence[str]) -> list[int]:
    """Indices of the values of the most common template: a number of the most common width (closed by a letter
    or not) behind one of the ``MAX_SERIES`` most common series letters."""
    fits = [(i, m.group(1), (len(m.group(2)), bool(m.group(3)))) for i, v in enumerate(values)
            for m in [_TEMPLATE.match(v)] if m]
    if not fits:
        return []
    width = Counter(d for _, _, d in fits).most_common(1)[0][0]
    kept = {a for a, _ in Counter(a for _, a, d in fits if d == width).most_common(MAX_SERIES)}
    return [i for i, a, d in fits if d == width and a in kept]


def not_one_series(values: Sequence[str], weights: Sequence[float], n: float) -> str | None:
    """Why a column is not one issuer's passports behind a fixed series letter (a statistic, never a value), or
    None. ``values`` and ``weights`` are the column's distinct values (placeholders removed) and their counts,
    ``n`` their total.

    >>> not_one_series(["P%08d" % (i * 2477113 % 10**8) for i in range(40)], [3.0] * 40, 120.0)  # a catalogue
    'repeated: 33% of the rows are distinct'
    >>> not_one_series(["SO1234567"] * 30, [1.0] * 30, 30.0)
    'no one series: 0% of the rows'
    """
    return _refutation(values, weights, n, _one_template(values))


def _refutation(values: Sequence[str], weights: Sequence[float], n: float, chosen: list[int]) -> str | None:
    """:func:`not_one_series` for the indices ``chosen`` of the column's one template (:func:`_one_template`)."""
    if not n:
        return "no values"
    weight = sum(weights[i] for i in chosen)
    if weight < MIN_SHARE * n:
        return f"no one series: {weight / n:.0%} of the rows"
    numbers = [values[i][1:].rstrip(_LETTERS) for i in chosen]
    if len(numbers) < MIN_VALUES:
        return f"too few distinct values of one template: {len(numbers)}"
    if len(numbers) < DISTINCT_SHARE * weight:
        return f"repeated: {len(numbers) / weight:.0%} of the rows are distinct"
    leading = len({b[0] for b in numbers})
    if leading < MIN_LEADING:
        return f"counted, not drawn: {leading} distinct leading digits"
    top = Counter(b[:3] for b in numbers).most_common(1)[0][1]
    if top > max(2, TOP_OPENING * len(numbers)):
        return f"one number block: {top / len(numbers):.0%} share their first three digits"
    padded = sum(b.startswith("00") for b in numbers) / len(numbers)
    if padded > PADDED_SHARE:
        return f"counted, not drawn: {padded:.0%} padded with zeros"
    return None


def one_series_evidence(values: Sequence[str], weights: Sequence[float], n: float, name: str = "") -> list[Any]:
    """PASSPORT evidence for a column of one series letter (or up to three) and drawn digits of one width that
    :func:`not_one_series` does not refute, or ``[]``: below the default ``min_confidence`` from the values alone,
    moderate with a document word in the name (:func:`~maskline.infotypes.name_hints.names_identity_document`).

    >>> import random
    >>> r = random.Random(4)
    >>> docs = [r.choice("ABC") + "".join(r.choice("0123456789") for _ in range(7)) for _ in range(80)]
    >>> ev = one_series_evidence(docs, [1.0] * 80, 80.0, "doc_no")[0]
    >>> ev.detector, ev.strength, ev.note
    ('document-number-one-series', 0.74, 'one template: 3 series letters, 7 drawn digits, a document word in the name')
    >>> one_series_evidence(docs, [1.0] * 80, 80.0, "c4")[0].strength
    0.55
    """
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.name_hints import names_identity_document

    chosen = _one_template(values)
    if not n or _refutation(values, weights, n, chosen):
        return []
    weight = sum(weights[i] for i in chosen)
    letters = len({values[i][0] for i in chosen})
    width = Counter(len(values[i][1:].rstrip(_LETTERS)) for i in chosen).most_common(1)[0][0]
    named = names_identity_document(name)
    note = (f"one template: {letters} series letter{'s' if letters > 1 else ''}, {width} drawn digits"
            + (", a document word in the name" if named else ", no name to say so"))
    return [Evidence("PASSPORT", "document-number-one-series", weight / n, 1.0, len(chosen), len(chosen),
                      tail_at_least(len(chosen), len(chosen), CHANCE), False,
                      NAMED_STRENGTH if named else STRENGTH, note=note, chance=CHANCE, min_share=MIN_SHARE)]
