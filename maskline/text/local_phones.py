"""Phones written the way a country writes them, found in prose after a phone cue.

The scrubber's validated phone rules (:mod:`maskline.text.spans`) take numbers
that prove themselves: an international prefix, a formatted number that is
possible in some plan, a trunk prefix. Prose also holds numbers that are only
phones in the text's own country: nine bare digits (``964102582``), or groups
that look like a thousands-grouped amount (``983.552.783``). Here
``phonenumbers``' matcher, with the numbering plans of the text's language
(:data:`~maskline.text.prose_data.LANGUAGE_REGIONS`) and leniency ``VALID``,
finds them; a match counts only after a phone cue (``tel.``, ``Handy``,
``móvil``...), so order numbers and amounts in the same plan are left alone.

It runs in the prose pass (free-text columns, ``scrub(prose=True)``), never in
the log filter.

>>> text = "Llámeme, tel. 983.552.783, pedido 912345678."
>>> [text[a:b] for a, b in local_phone_spans(text, "es")]
['983.552.783']
>>> local_phone_spans("Pedido 983.552.783 enviado.", "es")
[]
"""

from __future__ import annotations

from functools import cache

CUE_WINDOW = 30  # characters before a number in which its phone cue must stand
MIN_DIGITS = 7


@cache
def _cue() -> object:
    import re

    from maskline.text.prose_data import PHONE_CUES

    words = "|".join(re.escape(w) for w in sorted(set(PHONE_CUES), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w])(?:{words})(?![\w])")


def regions_for(language: str | None) -> tuple[str, ...]:
    """The numbering plans to match a text of ``language`` against (every known one when it is None).

    >>> regions_for("nl")
    ('NL', 'BE')
    >>> len(regions_for(None)) > 20
    True
    """
    from maskline.text.prose_data import LANGUAGE_REGIONS

    if language in LANGUAGE_REGIONS:
        return LANGUAGE_REGIONS[language]
    return tuple(dict.fromkeys(r for regions in LANGUAGE_REGIONS.values() for r in regions))


def _cued(cue: object, text: str, start: int) -> bool:
    """A cue ends at most :data:`CUE_WINDOW` characters before ``start``, with no digit or line break between:
    the cue belongs to this number, not to one before it."""
    ends = [m.end() for m in cue.finditer(text, max(0, start - CUE_WINDOW), start)]  # type: ignore[attr-defined]
    return bool(ends) and not any(c.isdigit() or c == "\n" for c in text[ends[-1]:start])


def local_phone_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of numbers valid in a plan of ``language`` that follow a phone cue, left to right.

    >>> local_phone_spans("Handy: 0171 2345678", "de")
    [(7, 19)]
    """
    if sum(c.isdigit() for c in text) < MIN_DIGITS:
        return []
    cue = _cue()
    if not cue.search(text):  # type: ignore[attr-defined]
        return []
    import phonenumbers

    spans: set[tuple[int, int]] = set()
    # The guessed language's plans first, then every other: the cue already says a phone follows, and a guess
    # can be wrong between close languages (Spanish read as Portuguese would lose "tel. 972674847").
    for region in dict.fromkeys(regions_for(language) + regions_for(None)):
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            if _cued(cue, text, m.start):
                spans.add((m.start, m.end))
    chosen: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not chosen or a >= chosen[-1][1]:
            chosen.append((a, b))
    return chosen
