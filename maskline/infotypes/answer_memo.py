"""Answers of value checks remembered under salted digests, never under the values themselves.

A check that calls phonenumbers, python-stdnum or the IDNA codec costs 5-50 us, and logs and samples repeat their
values (the same customer, card or host on many lines). So answers are remembered, keyed by a BLAKE2b digest
salted per process: the cache never holds a raw value, which an ``lru_cache`` on the check would (a heap dump or
a debugger would read them there). Each cache is emptied when full, which is cheaper than LRU bookkeeping.

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

SIZE = 4096  # answers per check

# Every cache's clear(), and the caches that hold an answer, each listed when it took its first since it was last
# emptied. Emptying only these, rather than all of them, is what lets a benchmark forget before every line: the
# full loop cost 0.6 us a line, a quarter of what the unseen values' checks it measures cost.
FORGETTERS: list[Callable[[], None]] = []
FILLED: list[dict[bytes, bool]] = []


def remembered(check: Callable[[str], bool]) -> Callable[[str], bool]:
    """``check`` with its answers remembered under salted digests of the values (see the module's docstring).

    >>> remembered(str.isdigit)("123")
    True
    """
    import hashlib
    import os

    keyed = hashlib.blake2b(digest_size=16, key=os.urandom(16))  # copied per value: a keyed init costs 1 us more
    answers: dict[bytes, bool] = {}

    def remembered_check(value: str) -> bool:
        hasher = keyed.copy()
        hasher.update(value.encode("utf-8", "surrogatepass"))
        digest = hasher.digest()
        answer = answers.get(digest)
        if answer is None:
            answer = bool(check(value))
            if not answers:  # empty (new, or forgotten): forget_answers() must empty it again
                FILLED.append(answers)
            elif len(answers) >= SIZE:
                answers.clear()
            answers[digest] = answer
        return answer

    FORGETTERS.append(answers.clear)
    return remembered_check


def forget_answers() -> None:
    """Empty every cache that holds an answer (benchmarks measure the cost of values never seen before).

    >>> forget_answers()
    """
    for answers in FILLED:
        answers.clear()
    FILLED.clear()
