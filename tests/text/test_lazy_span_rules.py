"""The span rules compile on their first search (maskline.lazy_regex), and nothing they yield changes for it.

The Hyperscan prefilter builds its database, and the name of the file it is cached under, from each rule's pattern
and flags before any rule is compiled: the flags read without compiling must be exactly the compiled pattern's.
"""

from __future__ import annotations

import re

import pytest

from maskline.lazy_regex import LazyRegex, pattern_flags
from maskline.text.spans import SPAN_RULES

PATTERNS = [(f"{i}:{r.info_type}{':prefilter' if kind else ''}", p) for i, r in enumerate(SPAN_RULES)
            for kind, p in enumerate((r.regex, r.prefilter)) if p is not None]


@pytest.mark.parametrize("pattern", [p for _, p in PATTERNS], ids=[n for n, _ in PATTERNS])
def test_a_rules_flags_read_without_compiling_are_the_compiled_patterns(pattern: LazyRegex) -> None:
    assert pattern.flags == re.compile(pattern.pattern, pattern._given).flags


def test_a_lazy_pattern_finds_what_the_compiled_one_finds() -> None:
    text = "mail ANA@correo.es, call +49 30 901820 or 030 901820; card 4111 1111 1111 1111"
    for _, lazy in PATTERNS:
        fresh = LazyRegex(lazy.pattern, lazy._given)
        compiled = re.compile(lazy.pattern, lazy._given)
        assert [m.span() for m in fresh.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert fresh.is_compiled and fresh.finditer == fresh.compiled.finditer  # the compiled method, no wrapper


@pytest.mark.parametrize(("pattern", "flags"), [("(?i)x", 0), ("(?a)(?s)x", re.MULTILINE), ("x", re.ASCII),
                                                ("(?x) a b", 0), ("(?i:x)y", 0)])
def test_pattern_flags_match_re_on_inline_and_given_flags(pattern: str, flags: int) -> None:
    # Control beyond the rules' own forms: several leading groups, a given ASCII flag, a scoped (not global) group.
    assert pattern_flags(pattern, flags) == re.compile(pattern, flags).flags
