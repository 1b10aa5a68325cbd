"""One pass over a text that says which span rules could match it: Hyperscan in prefilter mode.

Most log lines hold nothing sensitive, and trying some twenty regular
expressions one by one on each of them is what made scrubbing slow. Hyperscan
compiles the rules' own regexes into one database and scans a line once,
reporting which rules *may* match. In prefilter mode it accepts what it
cannot run exactly (look-arounds, back-references) by matching a superset, so
a rule it does not report cannot match; the scrubber then runs Python's
``re`` and the validators only for the rules it reports. Results are therefore the same with or without Hyperscan;
only the time differs. A negative look-around at the edge of a rule
(``(?<![\\d-])`` before an SSN) is kept as a consuming guard rather than
dropped, so timestamps, uuids and hex digests stop making digit rules
candidates (a third of the benchmark's lines were false candidates without it).

Three rules declare their own pattern for the database beside their regex
(``SpanRule.prefilter``). For the e-mail and card rules it is cheaper: the
characters around an e-mail's ``@``, and the first twelve digits of a card,
each a piece that every match of the regex holds (a test checks it on the
parity corpus), so it still names every text the rule can match. With the full
patterns (the card's bounded repeats above all) the scan took 1.4 times as
long, for 1% fewer candidate lines on the benchmark's generated lines and 7%
fewer on its real Airflow logs (uuids with twelve digits in a row): the Python
work on those lines costs far less. For the phone rule it is tighter: its
forms without the ISO dates that its digit windows never search, and its
international form cut to the seven digits its validator demands (see
:mod:`maskline.text.spans`; tests check both on glued dates and numbers, with
controls). A date in a log line made one line in nine a candidate for nothing.

Why Hyperscan rather than RE2 sets or Aho-Corasick: it takes the rules' own
patterns (RE2 refuses look-arounds, Aho-Corasick only finds literals, so both
would need a hand-kept copy of each rule). A scan of an 81-byte log line costs
about 1 us on an idle core, most of a clean line's time: the database's cost is spread over
the digit-shaped rules (cards, phones, IDs), none of which has a literal to
anchor on, and splitting it into several databases measured slower.

Without Hyperscan (it is in the ``fast-scrub`` extra, which ``airflow``
pulls in) or on a text that is not valid UTF-8, :func:`candidate_rules`
returns None and the scrubber tries every rule.

>>> rules = candidate_rules("mail ana@correo.es")
>>> rules is None or any(SPAN_RULES[i].info_type == "EMAIL" for i in rules)
True
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from maskline.lazy_regex import LazyRegex
from maskline.text import database_cache
from maskline.text.database_cache import Compiled
from maskline.text.spans import SPAN_RULES

_EMPTY: frozenset[int] = frozenset()


class _Engine:
    """A compiled Hyperscan database: each pattern id stands for a set of rules, plus rules always tried.

    A scan needs scratch space that no other scan uses at the same time: the binding releases the GIL while it
    scans, and a database's own scratch, used by two threads at once, fails the second scan with
    ``ScratchInUseError`` (an agent's tool call scrubbing its lineage event while a sender thread scrubs the last
    one, or a log line written from the OpenLineage listener's thread). Each thread gets a clone of its own.

    >>> import threading
    >>> e = engine()
    >>> found = []
    >>> workers = [threading.Thread(target=lambda: found.extend(e.scan("mail ana@correo.es") for _ in range(200)))
    ...            for _ in range(4)]
    >>> _ = [w.start() for w in workers]; _ = [w.join() for w in workers]
    >>> e is None or len(found) == 800
    True
    """

    def __init__(self, database: Any, rules_of: dict[int, frozenset[int]], always: frozenset[int]) -> None:
        self.database = database
        self.rules_of = rules_of
        self.always = always
        self._scan = database.scan
        self._scratch = threading.local()
        # Every rule compiled, one pattern each: a pattern id is its rule's index, and the hits are the rules.
        self._ids_are_rules = not always and all(rules == {i} for i, rules in rules_of.items())

    def _own_scratch(self) -> Any:
        """This thread's scratch space, cloned from the database's on the thread's first scan."""
        scratch = getattr(self._scratch, "space", None)
        if scratch is None:
            import hyperscan as hs

            scratch = self._scratch.space = hs.Scratch(self.database)
        return scratch

    def scan(self, text: str) -> frozenset[int] | None:
        hits: list[int] = []
        scratch = self._own_scratch()
        if text.isascii():  # the usual log line: its str encodes to the same bytes at once
            # Positional arguments: the binding's keyword parsing costs half as much as the scan of a short line.
            self._scan(text.encode(), _collect, 0, hits, scratch)
        elif _UNREADABLE.search(text):
            # Python's case-insensitive match folds these onto ASCII letters, and its \d takes every
            # script's digits; the database does neither.
            return None
        else:
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates: not UTF-8, which Hyperscan needs
                return None
            self._scan(data, _collect, 0, hits, scratch)
        if not hits:
            return self.always
        if self._ids_are_rules:  # the usual case: no set algebra on a line that holds a candidate
            return frozenset(hits)
        rules = set(self.always)
        for pattern_id in hits:
            rules |= self.rules_of[pattern_id]
        return frozenset(rules)


# What the database cannot read as Python does: another script's digits (Python's \d takes them), and the
# non-ASCII characters that re.IGNORECASE matches to an ASCII letter (long s, Kelvin sign, dotless and dotted i).
# One class, no look-ahead: it runs on every non-ASCII line.
_UNREADABLE = re.compile("[^\\D0-9]|[\u017f\u212a\u0131\u0130]")


def _collect(pattern_id: int, start: int, end: int, flags: int, hits: list[int]) -> None:
    hits.append(pattern_id)


def _flags(hs: Any, regex: re.Pattern[str] | LazyRegex) -> int:
    flags = hs.HS_FLAG_PREFILTER | hs.HS_FLAG_SINGLEMATCH | hs.HS_FLAG_UTF8
    if regex.flags & re.IGNORECASE:
        flags |= hs.HS_FLAG_CASELESS
    if regex.flags & re.DOTALL:
        flags |= hs.HS_FLAG_DOTALL
    return flags


_NON_ASCII = r"\x{80}-\x{10ffff}"
# Outside a class and inside one: each Unicode-aware escape of Python's re, widened so that Hyperscan's
# ASCII reading of it matches at least what Python matches (any non-ASCII character may be a letter,
# digit or space; \x1c-\x1f are spaces to Python).
# Python's \s beyond ASCII's: \x1c-\x1f, NEL, NBSP and the Unicode spaces.
_SPACES = r"\x1c-\x1f\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
# \d stays ASCII (a class of every non-ASCII character costs a third of the scan); texts holding another
# script's digits skip the prefilter instead (_UNREADABLE).
_WIDEN_OUTSIDE = {"\\w": "[\\w" + _NON_ASCII + "]", "\\s": "[\\s" + _SPACES + "]"}
_WIDEN_INSIDE = {"\\w": "\\w" + _NON_ASCII, "\\s": "\\s" + _SPACES}


def _pattern(regex: re.Pattern[str] | LazyRegex) -> bytes:
    """The rule's pattern as Hyperscan should read it: matching a superset of what Python's ``re`` matches.

    Global inline flags are dropped (they become Hyperscan flags, see _flags). Hyperscan compiled with
    Unicode properties took 25 s and scanned 3x slower, so it reads ASCII classes, and each Unicode-aware
    escape is widened instead (_WIDEN_*). A negated class holding \\W, \\D or \\S (``[^\\W\\d_]``, a letter)
    excludes every non-ASCII character in ASCII mode, so it also admits them. Hyperscan runs no
    look-arounds: one that opens or closes a whole alternative and refuses a character class
    (``(?<![\\d-])``) becomes "start of text or a character outside the class" (see _edge_guard), which
    keeps a timestamp or a digest from making the rule a candidate; any other is dropped (an assertion left
    out can only let more through).

    >>> _pattern(re.compile(r"(?i)\\w+@[^\\W\\d_]{2}\\d"))
    b'(?:[\\\\w\\\\x{80}-\\\\x{10ffff}])+@(?:[^\\\\W\\\\d_]|[\\\\x{80}-\\\\x{10ffff}]){2}\\\\d'
    >>> _pattern(re.compile(r"(?<![\\d-])\\d{9}(?!\\d)|x(?!\\d)y"))
    b'(?:^|[^\\\\d\\\\-])\\\\d{9}(?:[^\\\\d]|$)|xy'
    """
    source = re.sub(r"^\(\?[aiLmsux]+\)", "", regex.pattern)
    out: list[str] = []
    i = 0
    depth = 0
    alternative_start = True  # nothing consumed yet in the current top-level alternative
    while i < len(source):
        c = source[i]
        starts = alternative_start
        alternative_start = False
        if c == "\\" and i + 1 < len(source):
            pair = source[i:i + 2]
            widened = _WIDEN_OUTSIDE.get(pair, pair)
            out.append(f"(?:{widened})" if widened != pair and source[i + 2:i + 3] in ("*", "+", "?", "{") else widened)
            i += 2
        elif source.startswith(_LOOKAROUNDS, i):
            end = _group_end(source, i)
            behind = source.startswith("(?<", i)
            at_edge = depth == 0 and (starts if behind else (end == len(source) or source[end] == "|"))
            guard = _edge_guard(source[i + (4 if behind else 3):end - 1], behind) \
                if source.startswith(("(?!", "(?<!"), i) and at_edge else ""
            out.append(guard)
            # A guard consumed the character before; a second look-behind there checks that same character,
            # so it must not get a guard of its own (it would need another one): it is dropped.
            alternative_start = starts and not guard
            i = end
        elif c == "[":
            end = _class_end(source, i)
            out.append(_widen_class(source[i:end]))
            i = end
        else:
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif c == "|" and depth == 0:
                alternative_start = True
            out.append(c)
            i += 1
    return "".join(out).encode("utf-8")


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _edge_guard(body: str, behind: bool) -> str:
    """A consuming stand-in for a negative look-around at the edge of an alternative, or "" to drop it.

    ``(?<!A|B)`` holds only where no alternative matches, so wherever it holds, the character before is
    outside every alternative that is a single character or class: "start of text, or a character
    outside their union" lets through all that Python lets through. The union is read in Hyperscan's
    ASCII sense, which admits every non-ASCII character, so it stays a superset of Python's Unicode one.
    Alternatives that are longer, or classes with \\W, \\D or \\S (whose ASCII reading is wider), are left out.
    """
    parts = []
    for alternative in _top_level_alternatives(body):
        if alternative.startswith("[") and not alternative.startswith("[^") \
                and _class_end(alternative, 0) == len(alternative):
            inner = alternative[1:-1]
        elif len(alternative) == 2 and alternative[0] == "\\" and alternative[1] in "wds" + _PUNCTUATION:
            inner = alternative
        elif len(alternative) == 1 and alternative not in ".^$*+?{}[]()|\\":
            inner = "\\" + alternative if alternative in _PUNCTUATION else alternative
        else:
            continue
        if not _plain_class_body(inner):
            continue
        if inner.startswith(("-", "^")):
            inner = "\\" + inner
        if inner.endswith("-") and not inner.endswith("\\-"):
            inner = inner[:-1] + "\\-"
        parts.append(inner)
    if not parts:
        return ""
    outside = "[^" + "".join(parts) + "]"
    return f"(?:^|{outside})" if behind else f"(?:{outside}|$)"


_PUNCTUATION = "!\"#%&',-./:;<=>@_`~*+?^$()[]{}|"


def _plain_class_body(inner: str) -> bool:
    """True when a class body's escapes are all \\w, \\d, \\s or escaped punctuation (no \\W, \\D, \\S, \\x..)."""
    i = 0
    while i < len(inner):
        if inner[i] == "\\":
            if i + 1 >= len(inner) or inner[i + 1] not in "wds\\" + _PUNCTUATION:
                return False
            i += 2
        else:
            i += 1
    return True


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) for each ``(``, ``)`` and ``|`` of ``source`` from ``start`` on.

    Escaped characters and whole bracket expressions are stepped over: a ``(`` or ``|`` inside them is text.
    The one walker over a regex's structure, for :func:`_top_level_alternatives` and :func:`_group_end`.

    >>> [(i, c, d) for i, c, d in _structure(r"a(b|[|)]\\)c)|d")]
    [(1, '(', 1), (3, '|', 1), (11, ')', 0), (12, '|', 0)]
    """
    depth, i = 0, start
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c in "()|":
            depth += 1 if c == "(" else -1 if c == ")" else 0
            yield i, c, depth
        i += 1


def _top_level_alternatives(body: str) -> list[str]:
    """``body`` split at the ``|`` that are outside groups and classes."""
    cuts = [i for i, c, depth in _structure(body) if c == "|" and depth == 0]
    return [body[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(body)], strict=True)]


def _group_end(source: str, start: int) -> int:
    """The index just past the group that opens at ``start``."""
    for i, c, depth in _structure(source, start):
        if c == ")" and depth == 0:
            return i + 1
    raise ValueError(f"unbalanced group at {start}")  # re.compile accepted the pattern: cannot happen


def _class_end(source: str, start: int) -> int:
    """The index just past the bracket expression that opens at ``start``."""
    i = start + 1
    if source[i:i + 1] == "^":
        i += 1
    if source[i:i + 1] == "]":
        i += 1
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _widen_class(cls: str) -> str:
    negated = cls.startswith("[^")
    if negated:
        if any(e in cls for e in ("\\W", "\\D", "\\S")):
            return f"(?:{cls}|[{_NON_ASCII}])"
        return cls  # ASCII \w, \d or \s inside [^...] exclude less than Python's: already a superset
    body, out, i = cls[1:-1], [], 0
    while i < len(body):
        pair = body[i:i + 2]
        if body[i] == "\\":
            out.append(_WIDEN_INSIDE.get(pair, pair))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "[" + "".join(out) + "]"


def _entries() -> list[tuple[bytes, LazyRegex, frozenset[int]]]:
    """(pattern, where its flags come from, the rules it stands for): one entry per rule.

    The pattern is the rule's own regex, or the simpler ``prefilter`` pattern a costly rule declares beside it.
    """
    return [(_pattern(r.prefilter or r.regex), r.prefilter or r.regex, frozenset({i})) for i, r in enumerate(SPAN_RULES)]


def _compile(hs: Any, entries: list[tuple[bytes, LazyRegex, frozenset[int]]]) -> Any:
    database = hs.Database()
    database.compile(expressions=[e[0] for e in entries], ids=list(range(len(entries))), elements=len(entries),
                     flags=[_flags(hs, e[1]) for e in entries])
    return database


def _build(hs: Any, entries: list[tuple[bytes, LazyRegex, frozenset[int]]]) -> Compiled:
    """Compile every entry; when Hyperscan refuses the whole set, compile the ones it takes and note the others."""
    try:
        return Compiled(_compile(hs, entries), tuple(range(len(entries))), _EMPTY)
    except hs.error:
        accepted: list[int] = []
        rejected: set[int] = set()
        for i, entry in enumerate(entries):
            try:
                _compile(hs, [entry])
                accepted.append(i)
            except hs.error:
                rejected |= entry[2]
        database = _compile(hs, [entries[i] for i in accepted]) if accepted else None
        return Compiled(database, tuple(accepted), frozenset(rejected))


@cache
def engine() -> _Engine | None:
    """The compiled prefilter, built on first use, or None without Hyperscan.

    Compiling costs about half a second, so the database is kept on disk for the next process
    (:mod:`maskline.text.database_cache`). A rule Hyperscan cannot compile is not dropped: it is tried on every text.

    >>> e = engine()
    >>> e is None or isinstance(e.always, frozenset)
    True
    """
    try:
        import hyperscan as hs
    except ImportError:
        return None
    entries = _entries()
    key = database_cache.cache_key(hs, [(e[0], _flags(hs, e[1])) for e in entries])
    compiled = database_cache.load(hs, key)
    if compiled is None:
        compiled = _build(hs, entries)
        if compiled.database is not None:
            database_cache.store(hs, key, compiled)
    if compiled.database is None:
        return None
    return _Engine(compiled.database, {n: entries[i][2] for n, i in enumerate(compiled.accepted)}, compiled.rejected)


def candidate_rules(text: str) -> frozenset[int] | None:
    """Indexes into :data:`~maskline.text.spans.SPAN_RULES` of the rules that may match ``text``.

    None means "no prefilter here: try every rule" (no Hyperscan, or text that is not ASCII).

    >>> candidate_rules("Task started") in (None, frozenset())
    True
    """
    e = engine()
    return None if e is None else e.scan(text)


@contextmanager
def disabled() -> Iterator[None]:
    """Run the scrubber as it runs where Hyperscan is not installed (parity tests, benchmarks).

    >>> from maskline.text import prefilter
    >>> with prefilter.disabled():
    ...     prefilter.engine() is None
    True
    """
    global engine
    saved = engine
    engine = lambda: None  # type: ignore[assignment]  # noqa: E731 - stands in for the cached builder
    try:
        yield
    finally:
        engine = saved
