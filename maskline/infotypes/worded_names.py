"""Column names written in ordinary words: ``earnings``, ``population``, ``MedicareRate``, ``gdp85``.

A name made of dictionary words says what the column holds. When none of them hints an info type, the column is
about something else (a measure, a count, a year, a category), and a number's shape alone (five to eight decimals
within +-180, five digits, dates spread over decades) is no evidence that it holds coordinates, postal codes or
birth dates. On the 2,293 R datasets (``benchmarks/real_tables``) reading it so removed 122 false positives (91
coordinates, 29 postal codes, 2 birth dates) and no right answer; on the tune and dev splits it changed no verdict.
Under an opaque name (``c3``, ``fld_b``, ``value_2``, ``extra4``) the values must still
decide, so words that only say "a column" or "a number" do not count, nor do words that say where something is
(``position``, ``site``, ``home``), whose numbers may well be coordinates.

The English words are :mod:`maskline.infotypes.english_words` (WordNet lemmas less every known given or family
name, so ``age`` or ``date``, which are also family names, never count: a miss, never a wrong refutation).

>>> worded_name("earnings"), worded_name("MedicareRate"), worded_name("gdp85"), worded_name("births")
(True, True, True, True)
>>> worded_name("c3"), worded_name("fld_b"), worded_name("value_2"), worded_name("extra4"), worded_name("afam")
(False, False, False, False, False)
>>> worded_name("home_position"), worded_name("zip_number")
(False, False)

:func:`opaque_name` asks the converse: whether a name is made of such placeholders only, and so gives no evidence
at all of what its values are (``c3``, ``fld_k``, ``col_7``, ``f14``, ``x``).
"""

from __future__ import annotations

# Words that only say "a column" (the opaque names of both development splits and of exported spreadsheets) or
# "a number, a code, a key": under them the values decide.
PLACEHOLDER_WORDS = frozenset({
    "col", "column", "columns", "field", "fld", "data", "datum", "value", "values", "val", "var", "variable", "attr",
    "attribute", "misc", "extra", "unnamed", "item", "entry", "feature", "info", "other", "raw", "new", "old", "tmp",
    "temp", "text", "string", "unknown", "custom", "default", "number", "num", "nr", "no", "code", "id", "key",
    "ref", "index", "level", "type", "kind", "class",
})
# Words that say where something is: numbers under them may be coordinates, codes postal codes.
WHERE_WORDS = frozenset({
    "location", "position", "pos", "place", "point", "site", "spot", "home", "address", "addr", "area", "region",
    "zone", "origin", "destination", "dest", "pickup", "dropoff", "centre", "center", "map", "grid", "geo", "where",
    "station", "stop", "residence", "postal", "post", "mail", "zip", "born", "birth",
})
MIN_LETTERS = 3  # shorter words (``ce``, ``lf``) are abbreviations more often than words


def worded_name(column: str) -> bool:
    """Whether some word of the column's name is an ordinary English word that is no placeholder and says no place.

    A plural counts as its singular (``births``, ``arrivals``).

    >>> worded_name("consumption"), worded_name("home"), worded_name("Crime_pers")
    (True, False, True)
    """
    from maskline.infotypes.english_words import dictionary_word
    from maskline.infotypes.name_hints import name_words

    words = name_words(column)
    if set(words) & WHERE_WORDS:
        return False
    return any(len(w) >= MIN_LETTERS and w not in PLACEHOLDER_WORDS
               and (dictionary_word(w) or w.endswith("s") and dictionary_word(w[:-1])) for w in words)


def opaque_name(column: str) -> bool:
    """Whether the column's name gives no evidence of what its values are: every word of it a placeholder
    (:data:`PLACEHOLDER_WORDS`) or shorter than :data:`MIN_LETTERS` letters (``c3``, ``fld_k``, ``f14``, ``x``,
    ``value_2``, a headerless file's ``column0``), and no word saying a measure or a key of records
    (:func:`~maskline.infotypes.name_hints.names_measure_or_key`: ``id``, ``ref``, ``amt``, the count ``n``).

    >>> [opaque_name(c) for c in ("c3", "fld_k", "col_7", "f14", "x", "value_2", "attr7", "column0")]
    [True, True, True, True, True, True, True, True]
    >>> [opaque_name(c) for c in ("amount", "order_id", "id", "ref3", "tracking_number", "sku", "population", "n")]
    [False, False, False, False, False, False, False, False]
    """
    from maskline.infotypes.name_hints import name_words, names_measure_or_key

    if names_measure_or_key(column):
        return False
    return all(w in PLACEHOLDER_WORDS or len(w) < MIN_LETTERS for w in name_words(column))
