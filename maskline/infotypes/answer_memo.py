"""Answers of value checks remembered under salted digests, never under the values themselves.

A check that calls phonenumbers, python-stdnum or the IDNA codec costs 5-50 us, and logs and samples repeat their
values (the same customer, card or host on many lines; the same column read in many numbering plans). So answers
are remembered, keyed by a BLAKE2b digest salted per process: the cache never holds a raw value, which an
``lru_cache`` on the check would (a heap dump or a debugger would read them there). Each cache is emptied when
full, which is cheaper than LRU bookkeeping.

>>> calls = []
>>> def ends_ok(value):
...     calls.append(1)
...     return value.endswith("ok")
>>> check = remembered(ends_ok)
>>> [check(v) for v in ("a-ok", "a-ok", "b-no")], len(calls)
([True, True, False], 2)
>>> forget_answers()
>>> check("a-ok"), len(calls)
(True, 3)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    import hashlib

SIZE = 4096  # answers per check

# Every cache's clear(), and the caches that hold an answer, each listed when it took its first since it was last
# emptied. Emptying only these, rather than all of them, is what lets a benchmark forget before every line: the
# full loop cost 0.6 us a line, a quarter of what the unseen values' checks it measures cost.
FORGETTERS: list[Callable[[], None]] = []
FILLED: list[dict[bytes, bool]] = []

Check = TypeVar("Check", bound=Callable[..., bool])


def remembered(check: Check, size: int = SIZE) -> Check:
    """``check`` with its answers remembered under salted digests of its arguments (see the module's docstring).

    The first argument is the value; any others are settings such as a region or a numbering plan (strings,
    never values), digested with it, so a check of a value in 250 plans keeps one cache of ``size`` answers. The
    salt is drawn on the first call, so a module may wrap its checks at import time (as a decorator) for free.

    >>> remembered(str.isdigit)("123")
    True
    >>> in_plan = remembered(lambda digits, plan: digits.startswith(plan))
    >>> in_plan("3391", "33"), in_plan("3391", "339"), in_plan("3391", "34")
    (True, True, False)
    """
    keyed: hashlib.blake2b | None = None  # salted on the first call; copied per value (a keyed init costs 1 us)
    answers: dict[bytes, bool] = {}

    def remembered_check(value: str, *settings: str) -> bool:
        nonlocal keyed
        if keyed is None:
            keyed = _salted()
        hasher = keyed.copy()
        for setting in settings:  # each ended by a NUL, which no region or plan holds: ("F", "R06") != ("FR", "06")
            hasher.update(setting.encode() + b"\0")
        hasher.update(value.encode("utf-8", "surrogatepass"))
        digest = hasher.digest()
        answer = answers.get(digest)
        if answer is None:
            answer = bool(check(value, *settings))
            if not answers:  # empty (new, or forgotten): forget_answers() must empty it again
                FILLED.append(answers)
            elif len(answers) >= size:
                answers.clear()
            answers[digest] = answer
        return answer

    FORGETTERS.append(answers.clear)
    return cast(Check, remembered_check)


def _salted() -> hashlib.blake2b:
    import hashlib
    import os

    return hashlib.blake2b(digest_size=16, key=os.urandom(16))


def forget_answers() -> None:
    """Empty every cache that holds an answer (benchmarks measure the cost of values never seen before).

    >>> forget_answers()
    """
    for answers in FILLED:
        answers.clear()
    FILLED.clear()
