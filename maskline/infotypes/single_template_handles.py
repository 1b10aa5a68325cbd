"""Login handles of one template, read from a whole column: a vocabulary of words, not a shared prefix.

A system that makes handles often follows one template (``hazard_1989``, ``Hazard.1989``, ``HAZARD-1989``,
``hazard.sitting``): :mod:`maskline.infotypes.handles` asks for a mix of templates and misses them. One template is
what machine-made tokens show too (slugs, run names, ticket keys, host names, file stems, city_year labels), so
what tells handles apart is what fills the template: words drawn from a *vocabulary* (many distinct words, each
rare), not a prefix or a small pool repeated. A column is read as handles of one template when

- nearly all its values are nearly distinct, and follow one template of one or two words of ASCII letters and an
  optional number of one to four digits (``a_9``, ``a.9``, ``a-9``, ``a9``, ``a_a``, ``a.a``, ``a_a_9``; not the
  hyphen-joined words of slugs, not a bare word);
- each word is written the same way (lower case, capitalised or capitals), reads as a word (vowels in it, four
  letters or more on average: not random letter codes), and is not a file extension; few values are hex;
- at every word place, the words collide far less often than draws from a pool of ``SMALL_VOCABULARY`` words
  would (a Poisson test on the pairs of equal words, :mod:`maskline.infotypes.word_pools`); the numbers, where there are any, likewise against a pool of
  ``SMALL_NUMBERS`` numbers, and are not zero-padded counters.

Sparse columns (a handle filled in on a few rows) hold too few values for the Poisson test, which needs about 70 to
tell a vocabulary from a pool of ``SMALL_VOCABULARY`` words. From ``SMALL_MIN_VALUES`` distinct values on, a column
the test does not accept is still read as handles of one template when the template carries a number, no word
repeats at any word place, and the numbers repeat no more than draws from ``SMALL_NUMBER_POOL`` numbers would and
are no run of a counter. Drawn from a pool, the words or the numbers of that many values collide (city_year
labels: 23 values, 17 equal pairs of cities; car models with model years: the years collide; run_0302,
experiment_17: one word). Most words must also be English words or their regular forms
(:func:`maskline.infotypes.english_words.dictionary_word_form`), as handles made of words are: made-up brand names,
gene symbols and letter codes are not (famous scientists are WordNet lemmas: docker's names are refuted by their
counters or their adjectives' collisions, not by the dictionary). Without a number (``a_a``, ``a.a``) a few distinct
dictionary words are what a schema's snake_case column names, enum labels and two-level config keys
(``order_total``, ``server.port``) look like, so they are not read.

It cannot tell handles from other tokens filled from a large dictionary (a word and a number made up by a script);
its strength in :mod:`maskline.classify.column` is below the mixed-template rule's for that reason.

>>> import random
>>> rng = random.Random(3)
>>> words = [a + b + c + d for a in "bdfgklmnprst" for b in "aeiou" for c in "lmnrst" for d in ("an", "o", "er", "it")]
>>> fit = single_template_fit([f"{rng.choice(words)}_{rng.randint(1800, 2100)}" for _ in range(300)], [1] * 300)
>>> fit is not None and fit.template
'a_9'
>>> single_template_fit([f"run_{i:04d}" for i in range(300)], [1] * 300) is None  # one word: a counter
True
>>> sparse = ["wishing1845", "shell2088", "suffer1814", "cemetery1825", "parties2034", "cultural1967", "locale2037",
...           "attorney1813", "always1896", "needle1990", "validation2046", "charged1984", "divine2063", "death1853"]
>>> single_template_fit(sparse, [1] * len(sparse)).template
'a9'
>>> cities = ["berlin_2003", "rome_2021", "oslo_2000", "paris_2017", "vienna_2015", "lisbon_2008", "athens_2009",
...           "dublin_2018", "prague_2001", "berlin_2009", "madrid_2011", "rome_2012", "oslo_2024", "paris_2005"]
>>> single_template_fit(cities, [1] * len(cities)) is None  # a pool of cities: two of them repeat
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from maskline.infotypes.distinct_sample import nearly_distinct_sample
from maskline.infotypes.file_extensions import registered_extension
from maskline.infotypes.word_pools import equal_pairs, estimated_pool, fewer_collisions_than_pool

MIN_VALUES = 40  # fewer distinct values cannot show a vocabulary (the Poisson test below needs about 70)
SMALL_MIN_VALUES = 12  # a sparse column of handles: no equal pair among 12 draws is rare from pools of 40 or less
SMALL_DICTIONARY = 0.6  # of a sparse column's words, at each word place, that are English words or their forms
SMALL_NUMBER_POOL = 100  # a sparse column's numbers repeat as if from more (event and model years: about 30)
SAMPLE = 400
DISTINCT_SHARE = 0.9
TEMPLATE_SHARE = 0.9  # of the values that follow the one template
SMALL_VOCABULARY = 300  # word pools of machine-made names (docker's adjectives, codenames, cities) are smaller
SMALL_NUMBERS = 60  # years of a few decades, sizes, short counters
MIN_WORD = 4.0  # mean length of the words
MIN_VOWELS = 0.28  # share of vowels in the words: English words about 0.4, random capitals about 0.23
MIN_NUMBERS = 25  # distinct numbers, where the template has one
MAX_PADDED = 0.1  # numbers written with a leading zero are counters (run_0042, web01)
MAX_HEX = 0.2

# One or two words (joined by "." or "_"), then an optional number of one to four digits after an optional
# separator. Hyphens join a word to a number only: words joined by hyphens are slugs.
_VALUE = re.compile(r"^([A-Za-z]+)(?:([._])([A-Za-z]+))?(?:([._-]?)([0-9]{1,4}))?$")
_HEX = re.compile(r"^[0-9a-fA-F._-]+$")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class SingleTemplateFit:
    """How a column reads as handles of one template (counts and the template's shape only, never a value)."""

    share: float  # of the values that follow the template
    template: str  # e.g. "a_9"
    checked: int
    vocabulary: int  # distinct words at the least varied word place, in the checked values


def _case(word: str) -> str | None:
    if word.islower():
        return "l"
    if word.isupper():
        return "U"
    if word[0].isupper() and word[1:].islower():
        return "C"
    return None


def _shape(value: str) -> tuple[str, tuple[str, ...], str | None] | None:
    """The value's template (case, separators, a number), its words and its number, or None."""
    m = _VALUE.match(value)
    if not m:
        return None
    w1, sep1, w2, sep2, number = m.groups()
    words = (w1,) if w2 is None else (w1, w2)
    cases = [c for c in map(_case, words) if c is not None]
    if len(cases) < len(words):  # camelCase or random mixed case: not a word as people write it
        return None
    shape = cases[0] + ("" if w2 is None else f"{sep1}{cases[1]}") + ("" if number is None else f"{sep2}9")
    return shape, words, number


def single_template_fit(values: Sequence[str], weights: Sequence[float]) -> SingleTemplateFit | None:
    """Whether the distinct ``values`` (with their counts as ``weights``) read as handles of one template, or None."""
    # Nearly all distinct: a seeded sample of them estimates every share below.
    sampled = nearly_distinct_sample(values, weights, min_values=SMALL_MIN_VALUES, distinct_share=DISTINCT_SHARE,
                                     cap=SAMPLE)
    if sampled is None:
        return None
    values, weights, total = sampled
    sparse = len(values) < MIN_VALUES
    shaped = [(s, w) for s, w in ((_shape(v), w) for v, w in zip(values, weights, strict=True)) if s is not None]
    by_template: dict[str, float] = {}
    for (shape, _, _), w in shaped:
        by_template[shape] = by_template.get(shape, 0.0) + w
    if not by_template:
        return None
    shape, weight = max(by_template.items(), key=lambda kv: kv[1])
    if weight < TEMPLATE_SHARE * total or shape in ("l", "C", "U"):  # a bare word is a word, not a handle
        return None
    chosen = [(words, number) for (s, words, number), _ in shaped if s == shape]
    if sum(1 for v in values if _HEX.match(v) and any(c.isdigit() for c in v)) > MAX_HEX * len(values):
        return None
    letters = "".join(w for words, _ in chosen for w in words).lower()
    places = len(chosen[0][0])
    if len(letters) / (places * len(chosen)) < MIN_WORD or sum(c in _VOWELS for c in letters) < MIN_VOWELS * len(letters):
        return None
    if places == 2 and sum(1 for words, _ in chosen if registered_extension(words[1])) > 0.05 * len(chosen):
        return None  # report.pdf: a file, not a handle
    columns = [[words[i].lower() for words, _ in chosen] for i in range(places)]
    numbers = [number for _, number in chosen if number is not None]
    padded = sum(1 for x in numbers if len(x) > 1 and x[0] == "0")
    pooled = not all(fewer_collisions_than_pool(column, SMALL_VOCABULARY) for column in columns) or bool(
        numbers and (len(set(numbers)) < MIN_NUMBERS or padded > MAX_PADDED * len(numbers)
                     or not fewer_collisions_than_pool(numbers, SMALL_NUMBERS)))
    if sparse or pooled:  # too few values for the Poisson test (it needs about 70), or a failed one: no pair at all
        return _sparse_fit(weight / total, shape, columns, numbers, padded)
    return SingleTemplateFit(weight / total, shape.replace("l", "a").replace("C", "a").replace("U", "a"),
                             len(chosen), min(len(set(c)) for c in columns))


def _sparse_fit(share: float, shape: str, columns: list[list[str]], numbers: list[str],
                padded: int) -> SingleTemplateFit | None:
    """The reading of a sparse column (fewer than ``MIN_VALUES`` values, or more that the Poisson test does not
    accept), from its words at each place and its numbers: a number in every value, no word repeated at any place, most words dictionary words, the numbers
    repeating no more than draws from ``SMALL_NUMBER_POOL`` numbers would, spread wider than a run (a counter:
    ``turing_6``, ``sale_2007``), none zero-padded.

    >>> _sparse_fit(1.0, "l_9", [["apple", "table", "river"] * 5], [str(1900 + i) for i in range(15)], 0) is None
    True
    """
    from maskline.infotypes.english_words import dictionary_word_form

    if not shape.endswith("9") or len(numbers) < len(columns[0]):
        return None
    if any(equal_pairs(column) for column in columns):  # words drawn from a pool collide, a vocabulary's rarely
        return None
    if any(sum(map(dictionary_word_form, column)) < SMALL_DICTIONARY * len(column) for column in columns):
        return None
    if padded or estimated_pool(numbers) < SMALL_NUMBER_POOL:  # years of a few decades repeat (event, model years)
        return None
    values = [int(x) for x in numbers]
    if max(values) - min(values) + 1 < 2 * len(values):  # 1 to 14, 2000 to 2019: a counter, not chosen numbers
        return None
    return SingleTemplateFit(share, shape.replace("l", "a").replace("C", "a").replace("U", "a"), len(numbers),
                             min(len(set(c)) for c in columns))
