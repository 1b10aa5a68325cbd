"""A table's name columns read together: people's records split a name into its parts, side by side.

Each column is classified on its own (:mod:`maskline.classify.column`), and a column of family names the name
lists lack (Persian, Swiss, Kazakh, Brazilian ones) shows only its shape: single capitalised words, nearly one per
row. So do brands, storms, products and towns, which is why no bar on the column alone is low enough to take it
without taking them (the ``clsdev8`` round measured it). What a column of family names has that they lack is its
table: people's records keep the given name beside the family name (``first_name``/``last_name``,
``prenom``/``nom``, ``vorname``/``nachname``, or opaque ``c1``/``c2``), and often the full name as well. Two
readings follow:

- **Parts side by side** (:func:`other_part`). A column typed PERSON_NAME whose values are single words, most of
  them known given names (or most of them known family names), is one part of a name. The column right beside it
  (before or after) whose values are single name-shaped words (:func:`~maskline.infotypes.validators.
  person_name_shape`), written as names are (:func:`unseen_name_part`: nearly one per row, hardly any of them
  dictionary words, function words, towns, countries or other tokens of a closed vocabulary, and some of them known
  names of the missing part, more than of the other part) is the other part. Only the neighbour: a table of
  products may hold a seller's first name several columns from its brands.
- **Parts of a full name** (:func:`part_of_full_names`). A column typed PERSON_NAME whose values are two or three
  words holds each person's given and family names; a sibling column of single name-shaped words most of whose
  values are the first or the last word of those names (or the word before the comma in ``Family, Given``) holds
  one of the parts, wherever it stands in the table. In a record they agree row by row; across the sample, the
  sibling's words are found among the full names' words.

The readings refuse on their own terms, not on the refutations the column drew alone (whose category bar, 50
distinct words, is a count over the column by itself; a pair asks for nearly one value per row instead): a category
of few words or many repeats, values that are no single name-shaped words, words that are no name, a column whose
name says a thing (``brand``, ``city``) or points to another type, and every column of a table whose name says its
rows are things (``products``, ``storms``). The confidence, :data:`PAIR_CONFIDENCE`, is below what a name hint or
the given-name lexicon gives (0.75 to 0.95): the table vouches, the values do not.

>>> from maskline.classify.values import from_python
>>> given = ["Anna", "Jonas", "Maria", "Lukas", "Sofia", "Elias", "Lea", "Noah", "Mia", "Paul", "Ella", "Ben"] * 3
>>> family = ["Thomet", "Würsch", "Reusser", "Greter", "Plomb", "Kuenzi", "Tschanz", "Aebersold", "Zbinden",
...           "Wyssbrod", "Rüfenacht", "Liechti", "Gfeller", "Stucki", "Bigler", "Jenni", "Hostettler",
...           "Feuz", "Brügger", "Schwab", "Gerber", "Zaugg", "Hirschi", "Wüthrich", "Lüthi", "Ryser", "Baumgartner",
...           "Aeschlimann", "Grossenbacher", "Kläy", "Mosimann", "Nyffeler", "Oppliger", "Rentsch", "Schürch",
...           "Tanner"]
>>> cols = (ColumnClassification("c1", "PERSON_NAME", 0.95, "quasi-identifier"),
...         ColumnClassification("c2", None, 0.75, None))
>>> [(c.name, c.info_type) for c in with_name_parts(cols, {"c1": from_python(given), "c2": from_python(family)})]
[('c1', 'PERSON_NAME'), ('c2', 'PERSON_NAME')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from maskline.classify.result import ColumnClassification
from maskline.classify.values import ColumnValues

PAIR_CONFIDENCE = 0.66  # below single-word names (0.75) and the lexicon (0.85): the table vouches, not the values
ANCHOR_CONFIDENCE = 0.7  # a column must be typed PERSON_NAME at least this surely to vouch for its neighbour
SINGLE_SHARE = 0.9  # values of one name part: one word, or one after particles ("van der Welle")
ANCHOR_SHARE = 0.5  # of an anchor's single words, known given names (or known family names)
MIN_DISTINCT = 12  # fewer distinct words are a category (a few brands, storms, colours), not people
# A name part nearly one per row: family names repeat (Müller, Silva), but labels and categories far more. Given
# names repeat more than family names (a few popular ones), so a given-name column needs less.
FAMILY_DISTINCT_SHARE = 0.6
GIVEN_DISTINCT_SHARE = 0.3
# Words that are no name: dictionary words (and their inflections), one language's function words, towns of the
# gazetteer, countries and other closed vocabularies. Family names that are words or towns (Baker, Berlin) exist,
# so a few are allowed; a column of things has many.
WORD_SHARE = 0.1
# Of a column of one part, known names of that part (and more than of the other part): see unseen_name_part.
KNOWN_SHARE = 0.12
PART_OF_SHARE = 0.5  # of a sibling's single words, first or last words of a full-name column's values
FULL_SHARE = 0.8  # of a full-name column's values, two or three words
CHECK_CAP = 256


class _Texts:
    """Each column's distinct text values that are values (no placeholders, no NULL words, a letter at least),
    with their counts, read once per table: the readings ask for the same columns.

    >>> from maskline.classify.values import from_python
    >>> _Texts({"c": from_python(["Anna", "n/a", "—", "Anna", None, 3]), "n": from_python([1, 2])})("c")
    (['Anna'], [2.0])
    """

    def __init__(self, values: Mapping[str, ColumnValues]) -> None:
        self._values = values
        self._read: dict[str, tuple[list[str], list[float]]] = {}

    def __call__(self, name: str) -> tuple[list[str], list[float]]:
        if name not in self._read:
            self._read[name] = _texts_of(self._values[name])
        return self._read[name]


_LETTER = re.compile(r"[^\W\d_]")


def _texts_of(col: ColumnValues) -> tuple[list[str], list[float]]:
    from maskline.classify.placeholders import NULL_LIKE, placeholders_of

    if col.kind != "string":
        return [], []
    skip = placeholders_of(col.kind) | frozenset(NULL_LIKE)
    longest = max(map(len, skip))
    out_v, out_w = [], []
    for v, n in zip(col.values, col.counts, strict=True):
        if (len(v) > longest or v.casefold() not in skip) and _LETTER.search(v):
            out_v.append(v)
            out_w.append(float(n))
    return out_v, out_w


def _checked(values: Sequence[str], weights: Sequence[float]) -> tuple[list[str], list[float]]:
    """At most :data:`CHECK_CAP` of the distinct values, seeded by their number, with their counts: the shares
    are read on these, the distinct counts on all."""
    from maskline.infotypes.distinct_sample import seeded_indices

    keep = seeded_indices(len(values), CHECK_CAP)
    return [values[i] for i in keep], [float(weights[i]) for i in keep]


def _given_name(value: str) -> bool:
    """The last word (after any particles) is a known given name, or its first half when hyphenated (Jean-Luc)."""
    from maskline.infotypes.person_names import first_names, name_key

    return name_key(value.split()[-1]).split("-")[0] in first_names()


def _single(value: str) -> bool:
    from maskline.classify.single_names import one_name
    from maskline.infotypes.validators import person_name_shape

    return one_name(value) and person_name_shape(value)


def name_part(values: Sequence[str], weights: Sequence[float]) -> str | None:
    """``"given"`` when nearly every value is one word and :data:`ANCHOR_SHARE` of them (by rows) are known given
    names, ``"family"`` when as many are known family names and fewer given names, else None.

    >>> name_part(["Anna", "Jonas", "Maria"], [3.0, 2.0, 1.0]), name_part(["Jansen", "Meier", "Bakker"], [1.0] * 3)
    ('given', 'family')
    >>> name_part(["Anna Jansen", "Jonas Meier"], [1.0, 1.0]), name_part(["Berlin", "Hamburg"], [1.0, 1.0])
    (None, None)
    """
    from maskline.classify.single_names import ends_in_family_name

    values, weights = _checked(values, weights)
    total = sum(weights)
    single = [(v, w) for v, w in zip(values, weights, strict=True) if _single(v)]
    single_w = sum(w for _, w in single)
    if not total or single_w < SINGLE_SHARE * total:
        return None
    given = sum(w for v, w in single if _given_name(v)) / single_w
    if given >= ANCHOR_SHARE:
        return "given"
    family = sum(w for v, w in single if ends_in_family_name(v)) / single_w
    return "family" if family >= ANCHOR_SHARE and family > given else None


def unseen_name_part(values: Sequence[str], weights: Sequence[float], part: str) -> str | None:
    """Why ``values`` (distinct, with their counts) cannot be the ``part`` (``"given"`` or ``"family"``) of people's
    names, or None when they can: what :func:`not_name_words` finds, or fewer than :data:`KNOWN_SHARE` of the
    values (by rows) known names of that part, or more of the other part's.

    Names spread across countries: a column of family names the lists lack still holds some they know (15% to
    65% on the development splits' missed columns: Persian, Swiss, Brazilian, Estonian ones), and more of those
    than given names (at most 15%). Pets' names are given names and words (given names 11% to 38%, family
    names at most 7%); job titles and nationalities in languages without a word list hold neither (at most 9%).

    >>> swiss = ["Thomet", "Würsch", "Reusser", "Greter", "Plomb", "Kuenzi", "Tschanz", "Aebersold", "Zbinden",
    ...          "Wyssbrod", "Rüfenacht", "Liechti", "Gfeller", "Stucki", "Meier", "Keller"]
    >>> unseen_name_part(swiss, [1.0] * len(swiss), "family") is None
    True
    >>> unseen_name_part(swiss, [1.0] * len(swiss), "given")
    'given names 0%, family names 31%'
    >>> unseen_name_part(["Dell", "Lada", "Lenovo", "Toyota"], [36.0] * 4, "family")
    'a category: 4 distinct words over 144 rows'
    """
    from maskline.classify.single_names import ends_in_family_name

    share = FAMILY_DISTINCT_SHARE if part == "family" else GIVEN_DISTINCT_SHARE
    why = not_name_words(values, weights, share)
    if why is not None:
        return why
    values, weights = _checked(values, weights)
    single = [i for i, v in enumerate(values) if _single(v)]
    single_w = sum(weights[i] for i in single)
    given = sum(weights[i] for i in single if _given_name(values[i])) / single_w
    family = sum(weights[i] for i in single if ends_in_family_name(values[i])) / single_w
    mine, other = (given, family) if part == "given" else (family, given)
    return None if mine >= KNOWN_SHARE and mine > other else f"given names {given:.0%}, family names {family:.0%}"


def not_name_words(values: Sequence[str], weights: Sequence[float], distinct_share: float) -> str | None:
    """Why ``values`` (distinct, with their counts) are no column of one name part, or None when they may be: too
    few distinct words, or fewer than ``distinct_share`` of the rows (a category), values that are not single
    name-shaped words, or words that are no name (dictionary and function words, towns, countries).

    >>> towns = ["Lemgo", "Frauenfeld", "Aarau", "Bülach", "Uster", "Wetzikon", "Thun", "Köniz", "Olten", "Baden",
    ...          "Zug", "Wil", "Sion"]
    >>> not_name_words(towns, [1.0] * len(towns), 0.6)
    'words that are no name: 100% towns, countries or dictionary words'
    >>> not_name_words(["Anna Meier"] * 12, [1.0] * 12, 0.6)
    '100% not single name-shaped words'
    """
    from maskline.infotypes.function_words import most_function_words
    from maskline.infotypes.places import is_place
    from maskline.infotypes.vocabularies import fits_a_vocabulary

    total = sum(weights)
    if len(values) < MIN_DISTINCT or len(values) < distinct_share * total:
        return f"a category: {len(values)} distinct words over {total:.0f} rows"
    values, weights = _checked(values, weights)
    checked_w = sum(weights)
    single = [i for i, v in enumerate(values) if _single(v)]
    single_w = sum(weights[i] for i in single)
    if single_w < SINGLE_SHARE * checked_w:
        return f"{1 - single_w / checked_w:.0%} not single name-shaped words"
    words = [values[i] for i in single]
    _lang, function = most_function_words(words)
    no_name = sum(1 for w in words if not _known(w) and (_dictionary(w) or is_place(w) or fits_a_vocabulary(w)))
    if no_name + function >= WORD_SHARE * len(words) and no_name + function >= 2:
        return f"words that are no name: {(no_name + function) / len(words):.0%} towns, countries or dictionary words"
    return None


def _known(word: str) -> bool:
    """A known given or family name: many are towns too (Powell, Lincoln), which then says nothing.

    >>> _known("Powell"), _known("Frauenfeld")
    (True, False)
    """
    from maskline.infotypes.person_names import first_names, name_key, surnames

    key = name_key(word.split()[-1])
    return key in first_names() or key in surnames()


def _dictionary(word: str) -> bool:
    """An English dictionary word or an inflection of one, read only for Latin words written as a name
    (``Amerikanischen`` is no English word; the function words and the gazetteer cover other languages)."""
    from maskline.infotypes.english_words import dictionary_word_form

    return word.isascii() and dictionary_word_form(word.lower())


def other_part(columns: Sequence[ColumnClassification], values: Mapping[str, ColumnValues],
               texts: _Texts | None = None) -> dict[str, str]:
    """The untyped columns that sit right beside a typed name part (:func:`name_part`) and read as the other part
    (:func:`unseen_name_part`), each with what vouches for it.

    >>> from maskline.classify.values import from_python
    >>> family = ["Thomet", "Würsch", "Reusser", "Greter", "Plomb", "Kuenzi", "Tschanz", "Aebersold", "Zbinden",
    ...           "Wyssbrod", "Rüfenacht", "Liechti", "Gfeller", "Stucki"]
    >>> vals = {"fn": from_python(["Anna", "Jonas", "Maria", "Lukas"] * 4), "c2": from_python(family),
    ...         "qty": from_python(list(range(14)))}
    >>> typed = ColumnClassification("fn", "PERSON_NAME", 0.95, "quasi-identifier")
    >>> c2, qty = ColumnClassification("c2", None, 0.75, None), ColumnClassification("qty", None, 0.95, None)
    >>> other_part([typed, c2, qty], vals), other_part([typed, qty, c2], vals)
    ({'c2': 'family names beside the given names of fn'}, {})
    """
    texts = texts or _Texts(values)
    parts = {}
    for c in columns:
        if c.info_type == "PERSON_NAME" and c.confidence >= ANCHOR_CONFIDENCE and c.name in values:
            part = name_part(*texts(c.name))
            if part:
                parts[c.name] = part
    out: dict[str, str] = {}
    for i, c in enumerate(columns):
        if not _open(c) or c.name not in values:
            continue
        for j in (i - 1, i + 1):
            anchor = columns[j].name if 0 <= j < len(columns) else None
            if anchor not in parts:
                continue
            other = "family" if parts[anchor] == "given" else "given"
            if unseen_name_part(*texts(c.name), other) is None:
                out[c.name] = f"{other} names beside the {parts[anchor]} names of {anchor}"
                break
    return out


def _open(c: ColumnClassification) -> bool:
    """A column a table reading may type PERSON_NAME: untyped, its names not refuted, and not named for a thing
    or for another type."""
    from maskline.infotypes.name_hints import hint_score, names_a_thing

    if c.info_type is not None or names_a_thing(c.name):
        return False
    return all(t == "PERSON_NAME" for t, _ in hint_score(c.name))


def _full_names(values: Sequence[str], weights: Sequence[float]) -> bool:
    """Whether :data:`FULL_SHARE` of the values (by rows, on a sample) are two or three words.

    >>> _full_names(["Anna Meier", "Bakker, Jonas", "Lea Maria Sutter"], [1.0] * 3), _full_names(["Anna"], [1.0])
    (True, False)
    """
    values, weights = _checked(values, weights)
    total = sum(weights)
    full = sum(w for v, w in zip(values, weights, strict=True) if 2 <= len(v.replace(",", " ").split()) <= 3)
    return bool(total) and full >= FULL_SHARE * total


def _end_words(values: Sequence[str]) -> frozenset[str]:
    """The first and last words (folded) of every value of two or three words.

    >>> sorted(_end_words(["Anna Meier", "Bakker, Jonas", "Lea Maria Sutter", "Ann"]))
    ['anna', 'bakker', 'jonas', 'lea', 'meier', 'sutter']
    """
    from maskline.infotypes.person_names import name_key

    words: set[str] = set()
    for v in values:
        parts = v.replace(",", " ").split()
        if 2 <= len(parts) <= 3:
            words.update((name_key(parts[0]), name_key(parts[-1])))
    return frozenset(words)


def part_of_full_names(columns: Sequence[ColumnClassification], values: Mapping[str, ColumnValues],
                       texts: _Texts | None = None) -> dict[str, str]:
    """The untyped columns of single name-shaped words (:func:`not_name_words`) :data:`PART_OF_SHARE` of whose
    words are first or last words of a sibling full-name column typed PERSON_NAME, each with that column's name.

    >>> from maskline.classify.values import from_python
    >>> people = ["Ööle Kuuse", "Gertrud Puhvel", "Enver Lepmets", "Koidu Sepp", "Leandra Simm", "Powell, Heiko",
    ...           "Aino Tamm", "Mart Saar", "Jaan Kask", "Tiit Mägi", "Rein Lõhmus", "Peeter Rebane", "Urmas Kukk"]
    >>> vals = {"full": from_python(people), "x": from_python(["Kuuse", "Puhvel", "Lepmets", "Sepp", "Simm", "Powell",
    ...         "Tamm", "Saar", "Kask", "Mägi", "Lõhmus", "Rebane", "Kukk", None, None])}
    >>> full = ColumnClassification("full", "PERSON_NAME", 0.92, "quasi-identifier")
    >>> part_of_full_names([full, ColumnClassification("x", None, 0.75, None)], vals)
    {'x': 'the first or last words of the full names of full'}
    """
    from maskline.infotypes.person_names import name_key

    # Cheapest first: most tables have no full-name column, most of those that do no column of single name words;
    # the full names' words are gathered (from every sampled value) only for a table with both.
    texts = texts or _Texts(values)
    fulls = [c.name for c in columns if c.info_type == "PERSON_NAME" and c.confidence >= ANCHOR_CONFIDENCE
             and c.name in values and _full_names(*texts(c.name))]
    if not fulls:
        return {}
    candidates = {}
    for c in columns:
        if _open(c) and c.name in values:
            words, weights = texts(c.name)
            if not_name_words(words, weights, GIVEN_DISTINCT_SHARE) is None:  # either part may be here
                candidates[c.name] = _checked(words, weights)
    out: dict[str, str] = {}
    ends = {full: _end_words(texts(full)[0]) for full in fulls} if candidates else {}
    for name, (sampled, weights) in candidates.items():
        total = sum(weights)
        for full in fulls:
            found = sum(w for v, w in zip(sampled, weights, strict=True) if name_key(v.split()[-1]) in ends[full])
            if total and found >= PART_OF_SHARE * total:
                out[name] = f"the first or last words of the full names of {full}"
                break
    return out


def with_name_parts(columns: Sequence[ColumnClassification], values: Mapping[str, ColumnValues],
                    min_confidence: float = 0.6, table: str | None = None) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns (in the table's order), with the columns that are parts of people's
    names by their sibling name columns (:func:`other_part`, :func:`part_of_full_names`) typed PERSON_NAME at
    :data:`PAIR_CONFIDENCE`; ``values`` are the columns' sampled values by name. Nothing changes when
    ``min_confidence`` is above that confidence, or when the ``table``'s name says its rows are things
    (:func:`maskline.infotypes.table_names.table_thing`: ``products``, ``storms``), not people's records.

    >>> from maskline.classify.values import from_python
    >>> family = ["Thomet", "Würsch", "Reusser", "Greter", "Plomb", "Kuenzi", "Tschanz", "Meier", "Zbinden",
    ...           "Wyssbrod", "Rüfenacht", "Liechti", "Keller", "Stucki"]
    >>> vals = {"fn": from_python(["Anna", "Jonas", "Maria", "Lukas"] * 4), "c2": from_python(family)}
    >>> cols = (ColumnClassification("fn", "PERSON_NAME", 0.95, "quasi-identifier"),
    ...         ColumnClassification("c2", None, 0.75, None))
    >>> [c.info_type for c in with_name_parts(cols, vals, table="members")]
    ['PERSON_NAME', 'PERSON_NAME']
    >>> [c.info_type for c in with_name_parts(cols, vals, table="products")]
    ['PERSON_NAME', None]
    """
    from maskline.infotypes.table_names import table_thing

    if min_confidence > PAIR_CONFIDENCE or table_thing(table):
        return tuple(columns)
    texts = _Texts(values)
    found = {**part_of_full_names(columns, values, texts), **other_part(columns, values, texts)}
    return tuple(_as_name_part(c, found[c.name]) if c.name in found else c for c in columns)


def _as_name_part(c: ColumnClassification, why: str) -> ColumnClassification:
    from maskline.infotypes import INFO_TYPES

    rest = tuple(e for e in c.evidence if not e.startswith(("weak:", "shape:")))
    return replace(c, info_type="PERSON_NAME", confidence=PAIR_CONFIDENCE, category=INFO_TYPES["PERSON_NAME"].category,
                   evidence=(f"table:{why}",) + rest,
                   signals=replace(c.signals, near_misses=tuple(m for m in c.signals.near_misses
                                                                if m.info_type != "PERSON_NAME")))
