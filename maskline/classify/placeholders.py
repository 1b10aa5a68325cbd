"""Placeholders: what people and pipelines write instead of NULL, beyond the classifier's ``NULL_LIKE`` words.

A placeholder says nothing about what a column holds, so it must not count against the share of values that
validate: a column of postal codes in which a third of the rows read ``—`` or ``not set`` is still a column of
postal codes. These are dashes typed into spreadsheets, filler letters, parenthesised words written by report
tools, and, in text columns only, a bare zero (the default an export writes for "missing"; in a number column a
zero is a value).

>>> is_placeholder("—", "string"), is_placeholder("(none)", "string"), is_placeholder("Ana", "string")
(True, True, False)
>>> is_placeholder("0", "string"), is_placeholder("0", "integer")
(True, False)
"""

from __future__ import annotations

# Placeholders people type instead of NULL; they say nothing about what the column holds. Values with no letter or
# digit at all ("—", "?") count as placeholders without being listed.
NULL_LIKE: tuple[str, ...] = (
    "n/a", "na", "n.a.", "none", "null", "nil", "-", "--", "?", "unknown", "tbd", "not provided", "not available",
    "keine", "k.a.", "unbekannt", "inconnu", "non renseigne", "desconocido", "sin datos", "sconosciuto",
    "onbekend", "desconhecido", "nan", "#n/a", "<na>", "nat", "xxx", "(none)", "not set", "not specified",
    "unspecified", "missing",
)

# Casefolded. Dashes (em, en, figure dash, horizontal bar), filler letters, report tools' parenthesised words.
PLACEHOLDERS: frozenset[str] = frozenset({
    "—", "–", "‒", "―", "---", "x", "xx", "xxx", "xxxx", "...", "…", ".", "(none)", "(null)", "(blank)", "(empty)",
    "(missing)", "<none>", "<null>", "<blank>", "<empty>", "not set", "unset", "not specified", "not given",
    "missing", "blank", "empty", "n/d", "s/d", "s.d.", "n.d.", "k.a.", "nicht angegeben", "non renseigné",
    "no disponible", "non disponibile", "niet ingevuld",
})
# Placeholders that are placeholders only in text columns: in an integer or float column they are values.
TEXT_ONLY_PLACEHOLDERS: frozenset[str] = frozenset({"0"})
LONGEST = max(len(p) for p in PLACEHOLDERS | TEXT_ONLY_PLACEHOLDERS)


def is_placeholder(value: str, kind: str) -> bool:
    """Whether ``value`` (already trimmed) stands for "no value" in a column of ``kind``.

    >>> is_placeholder("NOT SET", "string"), is_placeholder("not settled", "string")
    (True, False)
    """
    if len(value) > LONGEST:
        return False
    folded = value.casefold()
    return folded in PLACEHOLDERS or (kind == "string" and folded in TEXT_ONLY_PLACEHOLDERS)


def placeholders_of(kind: str) -> frozenset[str]:
    """Every casefolded placeholder of a column of ``kind``: one set to test a value against, where a loop over a
    whole sample would otherwise call :func:`is_placeholder` once per value.

    >>> "0" in placeholders_of("string"), "0" in placeholders_of("integer"), "—" in placeholders_of("integer")
    (True, False, True)
    """
    return PLACEHOLDERS | TEXT_ONLY_PLACEHOLDERS if kind == "string" else PLACEHOLDERS
