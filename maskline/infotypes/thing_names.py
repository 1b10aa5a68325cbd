"""Names of things told from names of people by the words that frame them: a column whose values share a few
opening or closing words that are not names.

Hotels, ships, bands, wines, product lines, fictional characters and brands are often named after people or
places ("Villa Anna", "MS Amiens", "Château Dubois", "Inspector Morse", "Bond Street Collection"), so value by
value they read as names. As a column they do not: a handful of words that are neither given nor family names
("Hotel", "MS", "Château", "Inspector", "Collection", "DJ", "The") open or close a large share of the values. In a
column of people the words that repeat in first place are given names (Maria, Anna), titles (Dr, Mrs) or, in
family-first order, family names before a given name; the last words are family names, which repeat far less.

Three exceptions keep people's names out of it:

- titles are dropped first (``Dr.``, ``Mrs``), as :func:`maskline.infotypes.validators.person_name` drops them;
- a word that is a known given or family name, or carries a family-name ending, never counts;
- an opening word that a known given name follows nearly every time it opens a value is a family name written
  first ("Nguyễn Văn An") or a title, also in a chain of titles ("Quý ông", "سرکار خانم"), not a thing's word;
  where a third of the values or more open with a known name, one followed by a family name ("Данияр Петров") is a given
  name the lexicon lacks; and a closing word counts only where no known given name comes before it ("Dubois
  Reserve", "Артамонова Collection", not "Karol Kováč" or "શ્રી વિરાજ શર્મા"): a family name, or a word with a
  family name's ending (streets and product lines are named after people), does not make a person of it.

On the development splits (tune and dev), columns of people's full names reach at most 5% of their values
framed so; columns of things named like people reach 17% to 100%. A column is refuted at ``THING_SHARE``.

>>> hotels = [f"{w} {n}" for w in ("Pension", "Gasthof", "Residenz", "Chalet") for n in ("Lindner", "Adler",
...           "Berger", "Sonne", "Krone", "Post", "Huber", "Meier")]
>>> thing_affixes(hotels)
'names of things: 100% of the values open or close with one of 12 words that are not names'
>>> people = [f"{g} {f}" for g in ("Anna", "Maria", "Jonas", "Lukas") for f in ("Lindner", "Adler", "Berger",
...           "Huber", "Meier", "Wolf", "Brandt", "Vogel")]
>>> thing_affixes(people) is None
True
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

MIN_VALUES = 20  # multi-word names the statistic needs
SAMPLE = 400  # distinct values the shares are estimated from
AFFIX_SHARE = 0.03  # a word opens or closes this share of the values (and three of them at least) ...
AFFIX_MIN = 3
THING_SHARE = 0.15  # ... and such words frame this share of the values: names of things (people: 5% at most)
GIVEN_AFTER = 0.8  # an opening word followed by a given name this often is a family name or a title
PEOPLE_SHARE = 0.3  # values opening with a known name: then a family name after an unknown word counts as a name too


def _words(value: str) -> list[str]:
    from maskline.infotypes.person_names import name_key
    from maskline.infotypes.validators import name_titles

    words = value.replace(",", " ").split()
    titles = name_titles()
    return [w for w in words if name_key(w).strip(".") not in titles] or words


def thing_affixes(values: Sequence[str], rows: int = 0) -> str | None:
    """Why these name-shaped values are names of things (a few non-name words open or close many of them), or
    None. ``values`` are distinct values; ``rows`` is unused (the signature of a shape check).

    >>> thing_affixes(["Captain Blue", "Captain Storm", "Captain Iron"] * 10) is None  # too few distinct values
    True
    """
    from maskline.infotypes.person_names import family_names, first_names, name_key, surnames
    from maskline.infotypes.surname_endings import reads_as_family_name
    from maskline.infotypes.validators import person_name_shape

    distinct = list(dict.fromkeys(values))
    if len(distinct) > SAMPLE:  # a seeded sample estimates the shares (a column is refuted as a whole)
        distinct = random.Random(len(distinct)).sample(distinct, SAMPLE)
    split = [_words(v) for v in distinct if person_name_shape(v)]
    multi = [ws for ws in split if len(ws) >= 2]
    if len(multi) < MIN_VALUES or len(multi) < 0.5 * len(split):
        return None
    given, family = first_names(), family_names()
    known: dict[str, bool] = {}

    def is_name(word: str) -> bool:
        if word not in known:  # words repeat across the values (given names, the framing words themselves)
            key = name_key(word)
            known[word] = key in given or key in family or reads_as_family_name(word)
        return known[word]

    named_heads = sum(1 for ws in multi if is_name(ws[0]))
    # Where most values open with a known name, an unknown opening word before a family name is one more given name
    # the lexicon lacks ("Данияр Петров"); elsewhere only a given name after it says so ("Château Petrov").
    people = named_heads >= PEOPLE_SHARE * len(multi)
    after_name = is_name if people else (lambda w: name_key(w) in given)
    if people:
        # Among people, a family name of any country (Faker's every-country list: Patel, Ghosh, Iyer) is a name
        # too, where it opens or closes a value: the family-first lists lack the family names of countries that
        # write them last, so "Rahul Ghosh" beside "Advik Ghosh" read as things. Not among things, where such
        # words are places and words as often (Park, Hill, Rose: "Villa Rose", "Hyde Park").
        family = family | surnames()
        known.clear()
    heads: Counter[str] = Counter()
    before_given: Counter[str] = Counter()
    tails: Counter[str] = Counter()
    def no_given_before_tail(ws: list[str]) -> bool:
        # No given name before the closing word ("Karol Kováč" is a person); a family name alone, or a word with a
        # family name's ending, does not make a person of a thing's closing word ("Артамонова Collection").
        return not any(name_key(w) in given for w in ws[:-1])

    for ws in multi:
        head = name_key(ws[0])
        if no_given_before_tail(ws) and not is_name(ws[-1]):
            tails[name_key(ws[-1])] += 1
        if is_name(ws[0]):
            continue
        heads[head] += 1
        # Any name after it: titles come in chains ("Quý ông", "سرکار خانم") before the given name.
        before_given[head] += any(after_name(w) for w in ws[1:])
    least = max(AFFIX_MIN, AFFIX_SHARE * len(multi))
    opening = {w for w, c in heads.items() if c >= least and before_given[w] < GIVEN_AFTER * c}
    closing = {w for w, c in tails.items() if c >= least}
    framed = sum(1 for ws in multi if not is_name(ws[0]) and name_key(ws[0]) in opening
                 or no_given_before_tail(ws) and name_key(ws[-1]) in closing)
    share = framed / len(multi)
    if share < THING_SHARE:
        return None
    return (f"names of things: {share:.0%} of the values open or close with one of {len(opening | closing)} "
            "words that are not names")
