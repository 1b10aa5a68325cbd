"""No raw value outlives its classification in a process-wide cache (a heap dump or a debugger would read it there).

Checks that remember answers about values keep them under salted digests (:mod:`maskline.infotypes.answer_memo`);
``functools`` caches are for metadata (regions, prefixes, lengths, column names, lexicons). This classifies columns
of phone numbers in each form the classifier reads (and names and logins) and scrubs them from a text, then reads
every ``functools`` cache of every loaded maskline module: its keys and its string answers must hold none of the
values, nor their digits or words.
"""

from __future__ import annotations

import functools
import gc
import inspect
import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.classify import classify_column
from maskline.infotypes import answer_memo

_rng = random.Random(11)


def _d(n: int) -> str:
    return "".join(_rng.choice("0123456789") for _ in range(n))


# Each column reaches one reading of phones stored as digits (the label the classifier gives it).
PHONE_COLUMNS = {
    "phone-plan": [f"3491{_rng.randrange(10**7):07d}" for _ in range(40)],  # Madrid, calling code written
    "phone-format": [" ".join(["0" + _rng.choice("12345")] + [f"{_rng.randrange(100):02d}" for _ in range(4)])
                     for _ in range(40)],  # French national notation
    "trunk-mobile": ["06" + _d(8) for _ in range(60)],  # French mobiles, trunk prefix written
    "calling-code-forms": [("33" if i % 2 else "") + _rng.choice("1234567") + f"{_rng.randrange(10**8):08d}"
                           for i in range(40)],  # French numbers, half with the calling code, half without the 0
}
_GIVEN = ("Ana", "Mihai", "Ioana", "Andrei", "Elena", "Sorin", "Cristina", "Bogdan", "Livia", "Radu")
_FAMILY = ("Georgescu", "Diaconu", "Popescu", "Ionescu", "Dumitrescu", "Constantinescu", "Stanciu", "Munteanu")
NAMES = [f"{g} {f}" for g in _GIVEN for f in _FAMILY][:40]
LOGINS = [f"{g[0].lower()}{f.lower()}" for g in _GIVEN for f in _FAMILY][:40]


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _forms(values: list[str]) -> tuple[set[str], list[str]]:
    """What a cache could hold of the values: the values, their words (folded), and their digits."""
    words = {w for v in values for w in (v, v.lower(), _folded(v), *map(_folded, v.split())) if len(w) >= 3}
    digits = [re.sub(r"[^0-9]", "", v) for v in values]
    return words, [d for d in digits if len(d) >= 6]


def _lru_wrappers() -> Iterator[tuple[str, functools._lru_cache_wrapper[Any]]]:
    """Every functools cache of the loaded maskline modules: module functions and methods of their classes."""
    for name, module in list(sys.modules.items()):
        if name != "maskline" and not name.startswith("maskline."):
            continue
        for attr, obj in list(vars(module).items()):
            found = [(attr, obj)]
            if inspect.isclass(obj) and obj.__module__ == name:
                found += [(f"{attr}.{a}", getattr(o, "__func__", o)) for a, o in vars(obj).items()]
            for label, fn in found:
                if isinstance(fn, functools._lru_cache_wrapper):
                    yield f"{name}.{label}", fn


def _held_strings(fn: functools._lru_cache_wrapper[Any]) -> Iterator[str]:
    """The strings a cache holds: in its keys (every argument) and answers that are strings or tuples of them.

    The C ``lru_cache`` shows no keys, but the garbage collector sees what it holds: its dict (key to answer, or
    to a link holding both) and its links (key, answer)."""
    def walk(obj: object, depth: int = 0) -> Iterator[str]:
        if isinstance(obj, str):
            yield obj
        elif isinstance(obj, tuple) and depth < 3:
            for item in obj:
                yield from walk(item, depth + 1)

    for held in gc.get_referents(fn):
        if held is fn.__dict__:
            continue
        if isinstance(held, dict):
            for key, answer in held.items():
                yield from walk(key)
                yield from walk(answer)
        else:
            yield from walk(held)


def _leaks(values: list[str]) -> list[str]:
    words, digits = _forms(values)
    leaks = []
    for label, fn in _lru_wrappers():
        for s in _held_strings(fn):
            sd = re.sub(r"[^0-9]", "", s)
            if _folded(s) in words or len(sd) >= 6 and any(sd in d or d in sd for d in digits):
                leaks.append(f"{label}: {s!r}")
    return leaks


@pytest.mark.parametrize(("reading", "values"), [*PHONE_COLUMNS.items(), ("names", NAMES), ("logins", LOGINS)])
def test_no_classified_value_stays_in_a_functools_cache(reading: str, values: list[str]) -> None:
    for name in ("c7", "contact"):
        verdict = classify_column(name, values)
        if reading in PHONE_COLUMNS and name == "c7":  # the column reached the reading it is here for
            assert any(f"values:{reading} " in e for e in verdict.evidence), verdict.evidence
    from maskline.text import scrub

    scrub("; ".join(f"call {v}" for v in values))  # the log scrubber reads the same values
    assert _leaks(values) == []


def test_the_cache_reader_sees_what_an_lru_cache_holds() -> None:
    # The reader itself is tested: on a cache that holds a value it must see it, in a key and in an answer.
    @functools.lru_cache(maxsize=8)
    def fold(word: str, region: str) -> str:
        return word.lower() + region

    fold("Georgescu", "RO")
    held = set(_held_strings(fold))
    assert {"Georgescu", "RO", "georgescuRO"} <= held


def test_answers_about_values_are_kept_under_digests() -> None:
    classify_column("c7", PHONE_COLUMNS["phone-plan"])
    answers = [forget.__self__ for forget in answer_memo.FORGETTERS]  # type: ignore[attr-defined]
    assert any(answers)
    assert all(isinstance(k, bytes) and len(k) == 16 and isinstance(a, bool) for c in answers for k, a in c.items())


def test_name_keys_fold_character_by_character_as_fold_does_by_word() -> None:
    # name_key keeps a fold per character, never per name: it must still give what folding the whole word gives.
    from maskline.infotypes.name_hints import fold
    from maskline.infotypes.person_names import name_key

    def by_word(word: str) -> str:
        folded = fold(word)
        return folded if folded.isascii() else unicodedata.normalize("NFC", folded)

    # A final sigma, sharp s, dotted I, Hangul and conjoining jamo, an Oriya vowel NFC composes, a ligature, digraphs.
    tricky = ["ΟΔΟΣ", "Σ", "Straße", "GROẞ", "Aİb", "Ñandú", "한글", "\u1100\u1161\u11a8", "ଓ\u0b47\u0b3e", "ﬁne",
              "AÅŁB", "Đorđe", "Nguyễn", "Вячеслав Йосипович", "ǅemal"]
    every_seventh = [chr(c) + chr(c + 1) for c in range(0xA0, 0x30000, 7)]
    assert [name_key(w) for w in tricky + every_seventh] == [by_word(w) for w in tricky + every_seventh]
