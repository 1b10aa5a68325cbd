"""Regular expressions compiled on their first search, not when their module is imported.

``re.compile`` does its work at once, so a module that declares its patterns at the top pays for every one of them
on import. The scrubber's 35 span rules (:mod:`maskline.text.spans`) cost 25-45 ms (measured on a loaded two-core
machine) of a ``maskline scan`` of a 30-row CSV, which searched none of them: the Hyperscan prefilter named no rule
for any text the scan read. A :class:`LazyRegex` knows its ``pattern`` and ``flags`` at once (the prefilter builds its database from them)
and compiles on the first search. From then on each search method is the compiled pattern's own bound method,
set on the instance, so the scrubber's per-line path pays nothing for the laziness.

>>> r = LazyRegex(r"(?i)\\bcall\\b")
>>> r.flags == re.compile(r"(?i)\\bcall\\b").flags, r.is_compiled
(True, False)
>>> r.search("Please CALL me").span(), r.is_compiled
((7, 11), True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

# Global inline flags, which Python (3.11 on) accepts only at the start of a pattern, as re reports them in .flags.
_INLINE = re.compile(r"\(\?([aiLmsux]+)\)")
_FLAG_OF = {"a": re.ASCII, "i": re.IGNORECASE, "L": re.LOCALE, "m": re.MULTILINE, "s": re.DOTALL,
            "u": re.UNICODE, "x": re.VERBOSE}
# The search methods replaced by the compiled pattern's own on first use.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def pattern_flags(pattern: str, flags: int = 0) -> int:
    """The ``flags`` that ``re.compile(pattern, flags)`` reports, read without compiling: the given ones, the
    pattern's leading inline flags, and ``re.UNICODE`` for a str pattern that is not ASCII- or locale-only.

    >>> pattern_flags("(?i)abc") == re.compile("(?i)abc").flags
    True
    >>> pattern_flags("(?a)(?s)x", re.MULTILINE) == re.compile("(?a)(?s)x", re.MULTILINE).flags
    True
    """
    out = int(flags)
    at = 0
    while m := _INLINE.match(pattern, at):
        for letter in m[1]:
            out |= _FLAG_OF[letter]
        at = m.end()
    if not out & (re.ASCII | re.LOCALE):
        out |= re.UNICODE
    return out


class LazyRegex:
    """``re.compile(pattern, flags)``, done on the first search; ``pattern`` and ``flags`` readable before it.

    >>> r = LazyRegex(r"\\d+")
    >>> [m.group() for m in r.finditer("a1 b22")], r.sub("#", "a1 b22"), r.compiled.groups
    (['1', '22'], 'a# b#', 0)
    >>> r.findall("a1 b22"), r.subn("#", "a1 b22"), r.split("a1b"), r.match("7x").group(), r.fullmatch("x7")
    (['1', '22'], ('a# b#', 2), ['a', 'b'], '7', None)
    >>> LazyRegex(r"(?P<n>\\d)").groupindex
    mappingproxy({'n': 1})
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = pattern_flags(pattern, flags)
        self._given = int(flags)

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; compiling it puts its search methods on this instance.

        >>> LazyRegex("a(b)").compiled.groups
        1
        """
        compiled = re.compile(self.pattern, self._given)
        for name in _METHODS:
            vars(self)[name] = getattr(compiled, name)
        return compiled

    @property
    def is_compiled(self) -> bool:
        """Whether a search (or ``compiled``) has compiled the pattern yet.

        >>> LazyRegex("x").is_compiled
        False
        """
        return "compiled" in vars(self)

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    # Each runs once at most per instance: compiling replaces it with the compiled pattern's bound method.
    def search(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self.compiled.search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self.compiled.match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self.compiled.fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled.findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self.compiled.sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return self.compiled.subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled.split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r}, {self._given})"
