"""Login handles read from the shape of a whole column, with no name to say so.

One handle proves nothing (``rock_2076`` could be a slug, ``jsmith`` a word). A column can: people choose their
handles, so a column of them mixes several *templates* (letters, letters and digits, two words joined by a dot or an
underscore, an initial and a surname), while machine-made tokens follow one or two (slugs are words joined by
hyphens, codes are capitals and digits, hex ids are hex). A column is read as handles when

- nearly all its values are single tokens that open with a letter, in lower case or capitalised (not camelCase or
  random mixed case, which base64 and API tokens show);
- they are nearly all distinct;
- at least three templates each hold 5% of the values, and none more than 70%; templates that differ only in how
  many words one separator joins are one (``a-a``, ``a-a-a``: slugs);
- the letters come in runs of words (three letters or more on average), not codes;
- templates that differ only in their separators, filled from a small pool of words (codenames with years in
  three spellings), are one template (:mod:`maskline.infotypes.word_pools`);
- next to none ends in a registered file extension (``report_12.pdf`` is a file), none is mostly hex, few are
  all capitals;
- in a sparse column (from ``SMALL_MIN_VALUES`` to ``MIN_VALUES`` distinct values, a handle filled in on a few
  rows), where a template is one or two values, a quarter of the values or more are also built on a person's name
  (an initial and a family name, a first name and digits: :func:`maskline.infotypes.validators.handle_with_name`).
  File stems (``IMG_7079``, ``report_2019``, ``invoice_79773``, ``DSC36180``), slugs and codes mix templates too in
  a few values, but are not built on names; the name-built handles alone (40% of a column, the ``handle-with-name``
  detector) miss columns that mix them with handles made of words.

>>> import random
>>> rng = random.Random(4)
>>> words = ["river", "maple", "orbit", "lumen", "cobalt", "tango", "pixel", "harbor"]
>>> handles = [rng.choice([f"{rng.choice(words)}_{rng.randint(1950, 2010)}", f"{rng.choice(words)}.{rng.choice(words)}",
...            f"{rng.choice(words)}{rng.randint(1, 99)}", f"{rng.choice('abcdefgh')}{rng.choice(words)}"])
...            for _ in range(200)]
>>> fit = handle_fit(handles, [1] * len(handles))
>>> fit is not None and fit.templates >= 3
True
>>> handle_fit([f"{rng.choice(words)}-{rng.choice(words)}" for _ in range(200)], [1] * 200) is None  # slugs
True
>>> sparse = ["eduran", "high_2086", "dbuchanan", "site.shorter", "Safe1828", "ndorsey", "particles_fusion",
...           "certificate2085", "temeka35", "Rhythm1930", "ghensley"]
>>> handle_fit(sparse, [1] * len(sparse)).templates
5
>>> stems = ["IMG_7079", "report_2019", "invoice_79773", "DSC36180", "scan271", "report_2026", "IMG_3161",
...          "invoice_5521", "scan88", "DSC10438", "notes.final"]
>>> handle_fit(stems, [1] * len(stems)) is None  # file stems mix templates but are built on no name
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from maskline.infotypes.distinct_sample import nearly_distinct_sample
from maskline.infotypes.file_extensions import file_name
from maskline.infotypes.word_pools import estimated_pool

MIN_VALUES = 20  # fewer distinct values than this say little about templates by themselves
SMALL_MIN_VALUES = 10  # a sparse column: its templates count only beside handles built on names
SMALL_NAMED_SHARE = 0.25  # of a sparse column's handles built on a name (words, slugs and file stems: 0 to 10%)
SAMPLE = 400  # distinct values the shares are estimated from
TOKEN_SHARE = 0.8
DISTINCT_SHARE = 0.9
MIN_TEMPLATES = 3
TEMPLATE_SHARE = 0.05  # a template counts when this share of the handles follow it
TOP_TEMPLATE = 0.7  # mimesis's handles: 66% one template (word_year) beside five others
MIN_LETTER_RUN = 3.0  # mean length of the runs of letters
MAX_FILES = 0.05
MAX_UPPER = 0.3
MAX_HEX = 0.2
MIN_POOL = 60.0  # the words opening the handles come from a larger pool than this (release codenames: about 40)

_TOKEN = re.compile(r"^@?[^\W\d_][\w.-]{2,31}$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_LETTERS = re.compile(r"[^\W\d_]+")
_SEPARATOR = re.compile(r"[-._]")


@dataclass(frozen=True)
class HandleFit:
    """How a column reads as handles (counts only, never a value)."""

    share: float  # of the values that are handle-shaped tokens
    templates: int  # templates holding TEMPLATE_SHARE of the handles or more
    checked: int


def template(value: str) -> str:
    """The value with each run of letters written ``a`` and each run of digits ``9``; separators kept.

    >>> template("mount_hit_1820"), template("jsmith"), template("anna.lee7")
    ('a_a_9', 'a', 'a.a9')
    """
    out: list[str] = []
    for ch in value:
        c = "a" if ch.isalpha() else "9" if ch.isdigit() else ch
        if not out or out[-1] != c or c not in "a9":
            out.append(c)
    return "".join(out)


_JOINED = re.compile(r"([-._])a(?:\1a)*")


def template_family(value: str) -> str:
    """The value's template with every run of words joined by one separator written once: ``a-a``, ``a-a-a`` and
    ``a-a-a-a`` are one family (``a-a+``). Machine-made joins (slugs, kebab-case ids, dotted paths) vary only in how
    many words they join; people's handles vary in how they are built.

    >>> template_family("travel-yourself"), template_family("too-foot-enter"), template_family("anna.lee_7")
    ('a-a+', 'a-a+', 'a.a+_9')
    """
    return _JOINED.sub(lambda m: m.group(1) + "a+", template(value))


def _case_ok(v: str) -> bool:
    """Lower case, capitalised or all capitals: how people write handles (not ``aZ3xQ``, base64's mixed case)."""
    rest = v[1:]
    return not any(c.isupper() for c in rest) or not any(c.islower() for c in v)


def handle_fit(values: Sequence[str], weights: Sequence[float]) -> HandleFit | None:
    """Whether the distinct ``values`` (with their counts as ``weights``) read as login handles, or None."""
    # Nearly all distinct: a seeded sample of them estimates every share below.
    sampled = nearly_distinct_sample(values, weights, min_values=SMALL_MIN_VALUES, distinct_share=DISTINCT_SHARE,
                                     cap=SAMPLE)
    if sampled is None:
        return None
    values, weights, total = sampled
    if len(values) < MIN_VALUES and not _named_enough(values, weights, total):
        return None
    tokens = [(v.lstrip("@"), w) for v, w in zip(values, weights, strict=True) if _TOKEN.match(v) and _case_ok(v.lstrip("@"))]
    token_weight = sum(w for _, w in tokens)
    if token_weight < TOKEN_SHARE * total:
        return None
    if sum(w for v, w in tokens if file_name(v)) > MAX_FILES * token_weight:
        return None
    if sum(w for v, w in tokens if v.isupper()) > MAX_UPPER * token_weight:
        return None
    if sum(w for v, w in tokens if _HEX.match(v) and any(c.isdigit() for c in v)) > MAX_HEX * token_weight:
        return None
    runs = [len(r) for v, _ in tokens for r in _LETTERS.findall(v)]
    if not runs or sum(runs) / len(runs) < MIN_LETTER_RUN:
        return None
    counts: dict[str, float] = {}
    for v, w in tokens:
        family = template_family(v)
        counts[family] = counts.get(family, 0.0) + w
    shares = [c / token_weight for c in counts.values()]
    templates = sum(1 for s in shares if s >= TEMPLATE_SHARE)
    if templates < MIN_TEMPLATES or max(shares) > TOP_TEMPLATE:
        return None
    # Release codenames with years in three spellings (jammy_2022, Jammy-2022, jammy2022) mix templates too, but
    # templates that differ only in their separators, filled from a small pool of words: one system's spellings.
    spellings = {_SEPARATOR.sub(" ", f) for f, c in counts.items() if c / token_weight >= TEMPLATE_SHARE}
    if len(spellings) < MIN_TEMPLATES and estimated_pool([_LETTERS.findall(v)[0].lower() for v, _ in tokens]) < MIN_POOL:
        return None
    return HandleFit(token_weight / total, templates, len(tokens))


def _named_enough(values: Sequence[str], weights: Sequence[float], total: float) -> bool:
    """Whether ``SMALL_NAMED_SHARE`` of a sparse column's values are handles built on a person's name.

    >>> _named_enough(["jsmith", "river_2001", "maple.orbit", "tango7"], [1.0] * 4, 4.0)
    True
    >>> _named_enough(["river_2001", "maple.orbit", "tango7", "IMG_3161"], [1.0] * 4, 4.0)
    False
    """
    from maskline.infotypes.validators import handle_with_name

    return sum(w for v, w in zip(values, weights, strict=True) if handle_with_name(v)) >= SMALL_NAMED_SHARE * total
