"""What a column's table says about it: postal codes stored as numbers beside people's contact data, and columns
of measurements that only look like coordinates.

Each column is classified on its own name and values (:mod:`maskline.classify.column`). A few readings need the
table too. Four-digit numbers of one width (``8709``: many countries' postcodes have four digits, and a number
column keeps them without their format) are no evidence alone: PINs, product numbers and door codes have the same
shape, so :func:`maskline.classify.postal_shape.postal_number_evidence` leaves them a near miss (never "safe",
never typed).
In a table that holds people's contact data (a person's name, a street address, a phone or an e-mail, each typed
with some confidence), one-width four-digit codes are the address's postal code far more often than
anything else: an address is a name, a street, a place and its code. The near miss then reads as POSTAL_CODE, at
a confidence below the readings values give alone.

The other reading goes the other way. Coordinates name places, and a place has two (latitude and longitude):
the tables of places in both development splits hold at most two coordinate columns, real ones a pair or two (a
trip's start and end). Floats with five to eight decimals within +-180 read as coordinates when no name says so
(``coordinate-decimals``), and so do spectra, gene expression levels, rates and shares. A table in which more than
:data:`MAX_UNNAMED_COORDINATES` columns read as coordinates by their values alone is a matrix of measurements (on the
R datasets: 1,174 expression columns of one table, 100 absorbances of another, 13 shares of a third), so none of
them is typed; each keeps its coordinate-like shape, which the fail-closed decision still masks. At the other
end, a single such column with no other coordinate in its table (no partner, no named latitude or longitude) whose
values stay in a band of one sign (ages, prices, log wages, rates) is a measurement too: places over the world
spread over both hemispheres. A lone column of one region's coordinates under an opaque name reads the same, and
is left untyped too; a name (``lat``, ``lng``) or a partner column keeps it typed.

A third reading compares rows: a postcode or a coordinate that is, in every row, the sum, difference, product or
ratio of two other number columns is a computed measurement (:mod:`maskline.classify.derived_columns`); it is
left untyped, with its reading as a near miss that the fail-closed decision still masks.

What does not change for the postal codes: a column whose name points to a type, says it holds a measure or a key (the near miss is
not computed for those) or numbers something (``store_no``, ``door_code``, ``pin``); numbers the postal statistics
refute (years, row ids, several widths, a few categories); tables of numbers without contact data (ids, PINs and
articles stay near misses); five and six digits of one width without lost zeros (ids drawn at random look the
same, and most five-digit code spaces start at 0, so their codes lose zeros and are read without the table).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from maskline.classify.postal_shape import FOUR_DIGIT_NEAR_MISS
from maskline.classify.result import ColumnClassification
from maskline.classify.signals import NearMiss

CONTACT_TYPES = ("PERSON_NAME", "STREET_ADDRESS", "PHONE", "EMAIL")
CONTACT_CONFIDENCE = 0.7  # a contact column must be typed at least this surely to vouch for its table
BESIDE_CONTACTS_CONFIDENCE = 0.64  # below the lost-zero reading (0.68): the table vouches, the values do not
MAX_UNNAMED_COORDINATES = 4  # two places' latitude and longitude; more, read by values alone, are measurements
MIN_PLACES_SPAN = 90  # degrees: a lone unnamed "coordinate" must spread over both hemispheres and this much
DERIVED_TYPES = ("POSTAL_CODE", "GEO_COORDINATE")  # recorded, never computed from a row's other numbers
MAX_SPREAD_VALUES = 10_000  # values read to measure the spread (the classifier's default sample)


def unnamed_coordinates(columns: Sequence[ColumnClassification]) -> tuple[str, ...]:
    """The columns typed GEO_COORDINATE by their values alone (no coordinate name), when more than
    :data:`MAX_UNNAMED_COORDINATES` of them share the table; else none.

    >>> geo = [ColumnClassification(f"x_{i}", "GEO_COORDINATE", 0.72, "quasi-identifier") for i in range(6)]
    >>> lat = ColumnClassification("lat", "GEO_COORDINATE", 0.95, "quasi-identifier")
    >>> unnamed_coordinates(geo + [lat])
    ('x_0', 'x_1', 'x_2', 'x_3', 'x_4', 'x_5')
    >>> unnamed_coordinates(geo[:2] + [lat])
    ()
    """
    from maskline.infotypes.name_hints import hint_score

    unnamed = tuple(c.name for c in columns if c.info_type == "GEO_COORDINATE"
                    and "GEO_COORDINATE" not in dict(hint_score(c.name)))
    return unnamed if len(unnamed) > MAX_UNNAMED_COORDINATES else ()


def lone_unnamed_coordinate(columns: Sequence[ColumnClassification]) -> str | None:
    """The column typed GEO_COORDINATE by its values alone (no coordinate name) when no other column of its table
    is typed GEO_COORDINATE at all; else None.

    A place has a latitude and a longitude, kept as a pair of columns or as one ``lat,lon`` text; a single float
    column that only looks like degrees, with no partner, is a measurement far more often (on the R datasets: ages
    such as ``33.66667``, prices in float32 such as ``27.20000076``, log wages, rates).

    >>> x = ColumnClassification("x_1", "GEO_COORDINATE", 0.72, "quasi-identifier")
    >>> y = ColumnClassification("x_2", "GEO_COORDINATE", 0.72, "quasi-identifier")
    >>> lon = ColumnClassification("lon", "GEO_COORDINATE", 0.95, "quasi-identifier")
    >>> qty = ColumnClassification("qty", None, 0.95, None)
    >>> lone_unnamed_coordinate([x, qty])
    'x_1'
    >>> lone_unnamed_coordinate([x, y, qty]), lone_unnamed_coordinate([x, lon])
    (None, None)
    """
    from maskline.infotypes.name_hints import hint_score

    geo = [c for c in columns if c.info_type == "GEO_COORDINATE"]
    if len(geo) != 1 or "GEO_COORDINATE" in dict(hint_score(geo[0].name)):
        return None
    return geo[0].name


def spread_like_places(values: Iterable[Any]) -> bool | None:
    """Whether single numbers spread like places over the world (both hemispheres, over more than
    :data:`MIN_PLACES_SPAN` degrees); None when no value is a single number (``"48.85, 2.35"`` pairs, text).

    Ages (15 to 80), prices, log wages, rates and shares stay in a band of one sign; coordinates of places
    anywhere do not.

    >>> spread_like_places([37.66667, 33.25, 33.66667, 52.1, 18.5])
    False
    >>> spread_like_places([48.856613, -33.868820, 2.352222, 151.209290, "n/a", None])
    True
    >>> spread_like_places(["48.85, 2.35", "n/a"]) is None
    True
    """
    numbers = []
    for v in itertools.islice(values, MAX_SPREAD_VALUES):
        if isinstance(v, (int, float, str)) and not isinstance(v, bool):
            try:
                f = float(v)
            except ValueError:
                continue
            if math.isfinite(f):
                numbers.append(f)
    if not numbers:
        return None
    lo, hi = min(numbers), max(numbers)
    return lo < 0 < hi and hi - lo > MIN_PLACES_SPAN


def _as_measurement(c: ColumnClassification, why: str) -> ColumnClassification:
    from maskline.classify.result import NONE_IDENTIFYING_SHAPE
    from maskline.classify.signals import IdentifyingShape

    return replace(c, info_type=None, confidence=NONE_IDENTIFYING_SHAPE, category=None, match_share=0.0,
                   evidence=(f"table:{why}: a measurement, not a place",) + c.evidence,
                   signals=replace(c.signals, refuted=(*c.signals.refuted, "GEO_COORDINATE"), near_misses=(),
                                   identifying_shape=IdentifyingShape.COORDINATE_DECIMALS))


def contact_columns(columns: Sequence[ColumnClassification]) -> tuple[str, ...]:
    """The names of the columns typed as people's contact data (name, street address, phone, e-mail).

    >>> cols = (ColumnClassification("nev", "PERSON_NAME", 0.8, "quasi-identifier"),
    ...         ColumnClassification("x", "PHONE", 0.62, "identifier"), ColumnClassification("qty", None, 0.95, None))
    >>> contact_columns(cols)
    ('nev',)
    """
    return tuple(c.name for c in columns if c.info_type in CONTACT_TYPES and c.confidence >= CONTACT_CONFIDENCE)


def _postal_near_miss(c: ColumnClassification) -> NearMiss | None:
    """The four-digit postal near miss that nearly decided ``c``, read from its typed signals, or None."""
    from maskline.infotypes.name_hints import names_a_numbering

    # The near miss is its strongest value evidence, and no name hint (a name pointing to another type, or to this
    # one, decided already: the classifier recorded it when it weighed the name). A name saying the digits number
    # something (store_no, door_code, pin) speaks for the column more than its table does.
    if c.info_type is not None or c.signals.name_hint or names_a_numbering(c.name):
        return None
    return next((m for m in c.signals.near_misses if m.weak and m.detector == FOUR_DIGIT_NEAR_MISS), None)


def derived_measurements(columns: Sequence[ColumnClassification],
                         heads: Mapping[str, Sequence[float]]) -> dict[str, tuple[str, str, str]]:
    """The columns typed as a postcode or a coordinate that are, row by row, the sum, difference, product or ratio
    of two other number columns (``heads``: each one's first sampled values in row order), neither of which is
    typed the same under a name that says so, with the operation and the operands
    (:mod:`maskline.classify.derived_columns`).

    Three columns tied by one relation (``end = start + delta``) each pass the arithmetic test. A trip's start and
    end under names that say they are latitudes vouch for each other; two numbers read as postcodes by their values
    alone (a count minus a margin is another count, and both have five digits) do not.

    >>> heads = {"dem": (47767.0, 44437, 55662, 58327, 78270, 54812, 77136, 39034),
    ...          "margin": (26427.0, 15904, 42448, 19444, 71797, -1017, 63406, 15671),
    ...          "rep": (21340.0, 28533, 13214, 38883, 6473, 55829, 13730, 23363)}
    >>> rep = ColumnClassification("rep", "POSTAL_CODE", 0.68, "quasi-identifier")
    >>> dem = ColumnClassification("dem", None, 0.9, None)
    >>> derived_measurements([dem, rep], heads)
    {'rep': ('difference', 'dem', 'margin')}
    >>> derived_measurements([dem.__class__("dem", "POSTAL_CODE", 0.68, "quasi-identifier"), rep], heads)
    {'dem': ('sum', 'margin', 'rep'), 'rep': ('difference', 'dem', 'margin')}
    >>> trip = {"start_lat": (36.01, 36.04, 36.02, 36.05, 36.03, 36.00, 36.06, 36.02),
    ...         "d_lat": (0.01, -0.02, 0.03, 0.01, -0.01, 0.02, -0.03, 0.02)}
    >>> trip["end_lat"] = tuple(round(s + d, 6) for s, d in zip(trip["start_lat"], trip["d_lat"]))
    >>> lats = [ColumnClassification(n, "GEO_COORDINATE", 0.95, "quasi-identifier") for n in ("start_lat", "end_lat")]
    >>> derived_measurements(lats, trip)
    {}
    """
    from maskline.classify.derived_columns import derived_from_siblings
    from maskline.infotypes.name_hints import hint_score

    types = {c.name: c.info_type for c in columns}
    out = {}
    for c in columns:
        if c.info_type not in DERIVED_TYPES or c.name not in heads:
            continue
        found = derived_from_siblings(c.name, heads)
        if found is None:
            continue
        vouching = [o for o in found[1:] if types.get(o) == c.info_type and c.info_type in dict(hint_score(o))]
        if not vouching:
            out[c.name] = found
    return out


def _as_derived(c: ColumnClassification, found: tuple[str, str, str]) -> ColumnClassification:
    from maskline.classify.result import NONE_IDENTIFYING_SHAPE

    word, a, b = found
    # Untyped, not safe: the near miss keeps the fail-closed default masking it.
    return replace(c, info_type=None, confidence=NONE_IDENTIFYING_SHAPE, category=None, match_share=0.0,
                   evidence=(f"table:the {word} of {a} and {b} in each row: a measurement, not a "
                             f"{(c.info_type or '').lower().replace('_', ' ')}",) + c.evidence,
                   signals=replace(c.signals, refuted=(*c.signals.refuted, c.info_type or ""),
                                   near_misses=(NearMiss(c.info_type or "", c.confidence),)))


def with_table_context(columns: Sequence[ColumnClassification], min_confidence: float,
                       values: Mapping[str, Iterable[Any]] | None = None,
                       heads: Mapping[str, Sequence[float]] | None = None) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns: a matrix of unnamed "coordinates" untyped, and a lone one whose
    ``values`` (each column's sampled text forms, by name) stay in a band of one sign; the postal near misses beside
    contact data read as POSTAL_CODE; postcodes and coordinates computed from two other columns (``heads``: number
    columns' first sampled values in row order) untyped.

    >>> from maskline.classify.column import classify_column
    >>> import random
    >>> rng = random.Random(3)
    >>> codes = classify_column("unnamed_1", [float(rng.randint(1000, 9999)) for _ in range(200)])
    >>> codes.info_type is None  # four digits alone: a near miss
    True
    >>> people = ColumnClassification("nev", "PERSON_NAME", 0.8, "quasi-identifier")
    >>> [c.info_type for c in with_table_context((people, codes), 0.6)]
    ['PERSON_NAME', 'POSTAL_CODE']
    >>> [c.info_type for c in with_table_context((codes,), 0.6)]
    [None]
    """
    matrix = set(unnamed_coordinates(columns))
    if matrix:
        why = f"{len(matrix)} columns read as coordinates by their values alone"
        columns = [_as_measurement(c, why) if c.name in matrix else c for c in columns]
    # Without the values (a caller that kept only the verdicts) nothing says the lone column's spread: it stays typed.
    lone = lone_unnamed_coordinate(columns) if values is not None else None
    if values is not None and lone is not None and lone in values and spread_like_places(values[lone]) is False:
        why = "the only column read as a coordinate, by its values alone, without a partner"
        columns = [_as_measurement(c, why) if c.name == lone else c for c in columns]
    if min_confidence <= BESIDE_CONTACTS_CONFIDENCE:
        columns = [_beside_contacts(c, columns) for c in columns]
    # Not ``if heads``: a sample's heads are read on first use (values.NumberHeads), and only for a column a
    # postcode or coordinate reading makes derived_measurements look at.
    derived = derived_measurements(columns, heads) if heads is not None else {}
    return tuple(_as_derived(c, derived[c.name]) if c.name in derived else c for c in columns)


def _beside_contacts(c: ColumnClassification, columns: Sequence[ColumnClassification]) -> ColumnClassification:
    """``c``, read as POSTAL_CODE when its four-digit near miss sits beside people's contact data in ``columns``."""
    miss = _postal_near_miss(c)
    contacts = contact_columns([o for o in columns if o is not c]) if miss else ()
    if not (miss and contacts):
        return c
    from maskline.infotypes import INFO_TYPES

    # Evidence strings are for people; the near miss itself comes from the typed signals.
    rest = tuple(e for e in c.evidence if not e.startswith(("weak:", "shape:")))
    types = ", ".join(sorted({o.info_type or "" for o in columns if o.name in contacts}))
    return replace(c, info_type="POSTAL_CODE", confidence=BESIDE_CONTACTS_CONFIDENCE,
                   category=INFO_TYPES["POSTAL_CODE"].category,
                   evidence=(f"values:{miss.detector} {miss.confidence:.2f} validated",
                             f"table:one-width codes beside people's contact data ({types})") + rest,
                   signals=replace(c.signals, near_misses=tuple(m for m in c.signals.near_misses if m is not miss)))
