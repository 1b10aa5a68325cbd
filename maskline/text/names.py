"""Person names in prose from first-name lists, titles and field cues: for languages no NER model covers.

A name is a known first name followed by one to three capitalised words
("Anna Lena Meier", "Jan van der Berg"), or any capitalised words after a title
("Herr Meier", "Mme Dubois") or a name field ("Patient: Kowalski"). First names
come from the core's curated list (``maskline/infotypes/data``) and, when the
``ner`` extra is installed, mimesis's per-locale name lists.

>>> person_spans("Gestern rief Anna Lena Meier wegen der Rechnung an.")
[(13, 28)]
>>> person_spans("Bitte Herrn Dr. Schulze zurückrufen.")
[(16, 23)]
>>> person_spans("We drove the Ford Focus down Main Street.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# A word: letters, with inner hyphens and apostrophes (Jean-Luc, O'Brien, d'Angelo).
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
_MIMESIS_LOCALES = ("en", "en-gb", "de", "de-at", "de-ch", "fr", "es", "es-mx", "it", "nl", "pt", "pt-br")


@cache
def first_names() -> frozenset[str]:
    """Folded first names: the core's list, plus mimesis's lists for seven languages when mimesis is installed.

    >>> "anna" in first_names(), "invoice" in first_names()
    (True, False)
    """
    from maskline.infotypes.person_names import first_names as core

    return core() | mimesis_first_names()


@cache
def mimesis_first_names() -> frozenset[str]:
    """Folded first names from mimesis's datasets (empty when the ``ner`` extra is not installed).

    >>> mimesis_first_names() <= first_names()
    True
    """
    import json
    from importlib.util import find_spec

    from maskline.infotypes.name_hints import fold

    spec = find_spec("mimesis")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    from pathlib import Path

    base = Path(next(iter(spec.submodule_search_locations))) / "datasets"
    raw: set[str] = set()
    for loc in _MIMESIS_LOCALES:
        path = base / loc / "person.json"
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8")).get("names", {})
        for group in data.values():
            raw.update(n for n in group if len(n) >= 2)
    # Each distinct name folded once, ASCII ones by lower() (what fold() gives them): the locales share most
    # names, and folding them one by one was most of a small file's scan (about 60 ms).
    names = {(n.lower() if n.isascii() else fold(n)).split("-")[0] for n in raw}
    return frozenset(names - _common_words())


@cache
def _common_words() -> frozenset[str]:
    """Folded words that open sentences or name things in the seven languages: never a first name here.

    Stop words come from spaCy's language data when spaCy is installed (no model needed), else a short list.
    """
    from maskline.infotypes.name_hints import fold
    from maskline.text.prose_data import FUNCTION_WORDS, MONTHS, NAME_CUES, NAME_TITLES

    words: set[str] = {w for ws in FUNCTION_WORDS.values() for w in ws}
    # Month abbreviations (Jan, Mar) stay out: Jan is a first name, and a month is followed by a number anyway.
    words |= {m for m in MONTHS if len(m) > 3} | {fold(t) for t in NAME_TITLES} | set(NAME_CUES)
    words |= {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag",
              "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
              "vendredi", "samedi", "dimanche", "lunes", "martes", "jueves", "viernes", "sabado", "domingo",
              "lunedi", "martedi", "giovedi", "venerdi", "sabato", "domenica", "maandag", "dinsdag", "woensdag",
              "donderdag", "vrijdag", "zaterdag", "zondag", "segunda", "terca", "quarta", "quinta", "sexta",
              "street", "road", "avenue", "hospital", "clinic", "bank", "university", "hotel", "station", "airport"}
    words |= _spacy_stop_words()
    return frozenset(w.lower() if w.isascii() else fold(w) for w in words)  # fold() gives ASCII its lower()


def _spacy_stop_words() -> set[str]:
    """spaCy's stop words for the seven languages, read as data: importing ``spacy.lang`` costs seconds."""
    import ast
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return set()
    words: set[str] = set()
    for lang in ("en", "de", "fr", "es", "it", "nl", "pt"):
        path = Path(next(iter(spec.submodule_search_locations))) / "lang" / lang / "stop_words.py"
        if path.is_file():
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 200:
                    words |= set(node.value.split())
    return words


@cache
def _titles() -> frozenset[str]:
    from maskline.text.prose_data import NAME_TITLES

    return frozenset(t.rstrip(".") for t in NAME_TITLES) | {"Herrn", "Frau", "Dr", "Prof", "Mr", "Mrs", "Ms"}


@cache
def _particles() -> frozenset[str]:
    from maskline.text.prose_data import NAME_PARTICLES

    return frozenset(NAME_PARTICLES)


@cache
def _cue() -> re.Pattern[str]:
    from maskline.text.prose_data import NAME_CUES

    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(c) for c in NAME_CUES) + r")(?:\s*name)?\s*[:=]\s*$")


@cache
def _field() -> re.Pattern[str]:
    from maskline.text.prose_data import NAME_CUES

    cues = "|".join(re.escape(c) for c in NAME_CUES)
    return re.compile(rf"(?i)\b(?:{cues})(?:\s*name)?\s*[:=][ \t]*(?P<value>[^\W\d_][^,;:.!?()\[\]<>\n\d]{{0,60}})")


LABEL_FIELD_WORDS = 4  # a labelled value longer than this is a sentence, not a name


def label_fields(text: str) -> list[tuple[int, int]]:
    """Spans of a name field's whole value: what follows a name label up to the next punctuation, when it has at
    most four words and one of them is a capitalised word that is no common word.

    The label says what follows, so the field is masked whole, whatever case or words the name is written in.

    >>> t = "Contact: guille Menendez, born 1965"
    >>> [t[a:b] for a, b in label_fields(t)]
    ['guille Menendez']
    >>> label_fields("Contact: the team will reply soon.")
    []
    """
    from maskline.infotypes.name_hints import fold

    common = _common_words()
    spans = []
    for m in _field().finditer(text):
        value = m.group("value").rstrip()
        words = value.split()
        if len(words) <= LABEL_FIELD_WORDS and any(_capitalised(w) and fold(w) not in common for w in words):
            spans.append((m.start("value"), m.start("value") + len(value)))
    return spans


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper() if len(word) > 1 else False


def person_spans(text: str, names: Iterable[str] | None = None) -> list[tuple[int, int]]:
    """Character spans of person names in ``text``, found with name lists, titles and field cues.

    ``names`` replaces the first-name list (folded), for measuring how the rule
    does on names it was not given.

    >>> person_spans("Patient: Kowalski, seen today")
    [(9, 17)]
    """
    from maskline.infotypes.name_hints import fold

    known = first_names() if names is None else frozenset(names)
    common = _common_words()
    titles, particles = _titles(), _particles()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        start, end, word = words[i]
        bare = word.rstrip(".")
        if bare in titles and i + 1 < len(words) and _only_space(text, end, words[i + 1][0]):
            j = i + 1
            while j < len(words) and words[j][2].rstrip(".") in titles and _only_space(text, words[j - 1][1], words[j][0]):
                j += 1  # "Herrn Dr. Schulze": titles in a row
            last = _extend(text, words, j - 1, particles, common, need_first=False)
            if last >= j:
                spans.append((words[j][0], _strip_dot(words, last)))
                i = last + 1
                continue
        elif _capitalised(bare):
            folded = fold(bare)
            first = _known_first(folded, known)
            if first and folded not in common:
                last = _extend(text, words, i, particles, common, need_first=True)
                if last > i:
                    spans.append((start, _strip_dot(words, last)))
                    i = last + 1
                    continue
            # After a name field ("Contact: Marco Becker"), a capitalised word is a name; so is a known first
            # name that is also a common word elsewhere (Marco, Mila, Durante), since the label says what follows,
            # and a common word that another capitalised word completes ("Contact: Son West").
            # The cue is looked for first: most capitalised words have none, and extending costs more.
            if _cue().search(text, max(0, start - 30), start):
                last = _extend(text, words, i, particles, common, need_first=False)
                if first or folded not in common or last > i:
                    spans.append((start, _strip_dot(words, last)))
                    i = last + 1
                    continue
        i += 1
    fields = [f for f in label_fields(text) if not any(a <= f[0] < b or f[0] <= a < f[1] for a, b in spans)]
    return sorted(spans + fields)


def _known_first(folded: str, known: frozenset[str]) -> bool:
    """Every part of a hyphenated first name is known (Jean-Luc, Hans-Jürgen; not Mercedes-Benz)."""
    return all(part in known for part in folded.split("-"))


def _only_space(text: str, a: int, b: int) -> bool:
    return 0 < b - a <= 2 and text[a:b].isspace() and "\n" not in text[a:b]


def _strip_dot(words: list[tuple[int, int, str]], last: int) -> int:
    end, word = words[last][1], words[last][2]
    return end - 1 if word.endswith(".") and len(word) > 2 else end


def _extend(text: str, words: list[tuple[int, int, str]], i: int, particles: frozenset[str],
            common: frozenset[str], *, need_first: bool) -> int:
    """Index of the last word of the name that continues after word ``i`` (``i`` if none does)."""
    from maskline.infotypes.name_hints import fold

    last = i
    j = i + 1
    taken = 0
    while j < len(words) and taken < 3:
        if not _only_space(text, words[j - 1][1], words[j][0]) or words[j - 1][2].endswith(".") and j - 1 > i:
            break
        w = words[j][2].rstrip(".")
        if w.lower() in particles and j + 1 < len(words):
            j += 1
            continue
        if not _capitalised(w) or fold(w) in common:
            break
        last = j
        taken += 1
        j += 1
    return last
