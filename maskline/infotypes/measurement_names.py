"""Column names that say a column holds a measurement: its decimals are no place's coordinates.

Floats with five to eight decimals within +-180 read as coordinates when no name says so (``coordinate-decimals``).
Statistical tables name their measurements in abbreviations that are no dictionary words, so
:mod:`maskline.infotypes.worded_names` does not read them (on the R datasets, ``benchmarks/real_tables``:
``totexp``, ``nwifeinc``, ``adjpoll_clinton``, ``Diff2014``, ``max_calc_area``, ``Delta 15 N (o/oo)``). Their
structure still says "a quantity":

- a measure, count or key word or run-together head or prefix the postal rules already read
  (:func:`maskline.infotypes.name_hints.names_measure_or_key`: ``tot``-, ``-exp``, ``-inc``, ``area``, ``pct``);
- a word that names a statistical operation on a quantity: adjusted (``adj``, also opening a run-together word),
  a difference (``diff``), a logarithm (``ln``, ``log``);
- a unit of a ratio written in the name: a percent or per-mille sign, or a unit with a slash in brackets
  (``(o/oo)``, ``[mg/L]``, ``(kg/m2)``).

A coordinate has no such unit (its unit is the degree) and is no ratio, difference or logarithm of a quantity.
Differences of coordinates under a coordinate name (``delta_long``) keep their hint: callers check the hint first.

>>> [names_a_measurement(n) for n in ("totexp", "nwifeinc", "adjpoll_clinton", "Diff2014", "Delta 15 N (o/oo)")]
[True, True, True, True, True]
>>> [names_a_measurement(n) for n in ("x", "y", "c3", "fld_b", "value_2", "Y (km)", "adjacent")]
[False, False, False, False, False, False, False]
"""

from __future__ import annotations

import re

# Whole words for a statistical operation on a quantity; "adj" also opens run-together names (adjsimp, adjdep).
OPERATION_WORDS = frozenset({"adj", "adjusted", "diff", "difference", "ln", "log", "logged"})
RUN_TOGETHER_OPERATIONS = ("adj",)
MIN_RUN_TOGETHER = 6  # letters: "adj" and at least three more (adjsimp, adjpoll), not an English word (adjacent)
# A unit of a ratio: a percent or per-mille sign anywhere, or a slash inside brackets (a length such as "(km)"
# may be a position on a local map, so it does not count).
_RATIO_UNIT = re.compile(r"[%\u2030]|[(\[][^)\]]*/[^)\]]*[)\]]")


def names_a_measurement(column: str) -> bool:
    """Whether the column's name says it holds a measurement (an amount, a share, an adjusted value, a difference,
    a logarithm, a quantity with a unit of a ratio), by its structure rather than by whole dictionary words.

    A name that hints a type (``lat``, ``delta_long``) is read by that hint first: callers check it.

    >>> names_a_measurement("adjsimp"), names_a_measurement("ln_wage"), names_a_measurement("share (%)")
    (True, True, True)
    >>> names_a_measurement("adjacent"), names_a_measurement("x_pos"), names_a_measurement("Easting (m)")
    (False, False, False)
    """
    from maskline.infotypes.english_words import dictionary_word
    from maskline.infotypes.name_hints import name_words, names_measure_or_key

    if _RATIO_UNIT.search(column) or names_measure_or_key(column):
        return True
    words = name_words(column)
    return any(w in OPERATION_WORDS or len(w) >= MIN_RUN_TOGETHER and w.startswith(RUN_TOGETHER_OPERATIONS)
               and not dictionary_word(w) for w in words)
