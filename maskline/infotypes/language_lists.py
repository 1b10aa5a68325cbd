"""Browsers' language preferences (HTTP ``Accept-Language``): ``en-GB,en-US;q=0.9,en;q=0.8``.

Web and app tables keep the header beside the user agent and the IP address (sessions, devices, orders with device
details). Its values mix capitals, lower case, digits and punctuation over eight characters and more, which is
what the password detector's complexity test reads. They are a grammar over a public vocabulary (RFC 9110's list
of BCP 47 tags, each with an optional quality weight), not secrets anyone chose; a column of them says what
languages a browser asks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# One item: a language tag (or "*") with an optional quality weight (q=0, q=0.5, q=1.000).
_ITEM = re.compile(r"\s*([A-Za-z0-9_-]{1,35}|\*)\s*(?:;\s*q\s*=\s*(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?))?\s*")
LIST_SHARE = 0.8  # of the distinct values: a list of tags, each in the language-tag vocabulary
MIN_LISTS = 3  # distinct values read as lists with a comma or a weight: single tags alone prove no header


def language_list(value: str) -> bool:
    """Whether ``value`` is an ``Accept-Language`` value: tags of the BCP 47 vocabulary (or ``*``), each with an
    optional ``;q=`` weight, separated by commas.

    >>> language_list("en-GB,en-US;q=0.9,en;q=0.8"), language_list("fr-CH, fr;q=0.9, *;q=0.5")
    (True, True)
    >>> language_list("Tr0ub4dor;q=0.9"), language_list("P@ssw0rd,en"), language_list("en-GB,,en")
    (False, False, False)
    """
    from maskline.infotypes.vocabularies import in_vocabulary

    items = value.split(",")
    for item in items:
        m = _ITEM.fullmatch(item)
        if m is None or m.group(1) != "*" and not in_vocabulary("language tags", m.group(1)):
            return False
    return True


def language_lists(values: Sequence[str], rows: int = 0) -> str | None:
    """Most distinct values are ``Accept-Language`` lists (:func:`language_list`), a few of them with a comma or a
    weight: a browser's language preferences, not passwords. ``rows`` is unused (the signature of a shape check).

    >>> language_lists(["en-GB,en-US;q=0.9,en;q=0.8", "id-ID,id;q=0.9", "en-US,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8"])
    "language lists: 100% of 4 distinct values are browsers' language preferences (Accept-Language)"
    >>> language_lists(["Tr0ub4dor&3", "en-US,en;q=0.9", "c0rrectH0rse!", "Summer2024!"]) is None
    True
    """
    distinct = {v.strip() for v in values if v.strip()}
    # Every password column asks this: stop as soon as the answer is known (too few values with a separator, or
    # too many that are no list), rather than read each value against the tag vocabulary.
    if sum(1 for v in distinct if "," in v or ";" in v) < MIN_LISTS:
        return None
    lists, misses = [], 0
    for v in distinct:
        if language_list(v):
            lists.append(v)
        else:
            misses += 1
            if len(distinct) - misses < LIST_SHARE * len(distinct):
                return None
    if sum(1 for v in lists if "," in v or ";" in v) < MIN_LISTS:
        return None
    return (f"language lists: {len(lists) / len(distinct):.0%} of {len(distinct)} distinct values are browsers' "
            "language preferences (Accept-Language)")
