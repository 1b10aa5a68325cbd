"""The text as its reader would see it: terminal control sequences dropped, ``\\uXXXX`` and ``\\xXX`` escapes decoded.

A log line is read twice over before a person sees it. A terminal (or a log viewer that renders colours)
drops the ECMA-48 control sequences a coloured logger writes around a value, and a JSON or Python reader
turns ``\\u0032\\u0031\\u0039`` back into ``219``. The span rules read the characters as written, so
``\\x1b[31mGB82WEST12345698765432\\x1b[0m`` (an IBAN in red: ``31m`` touches it and hides its start) and an SSN
written as JSON escapes were passed raw. These are not values to enumerate but two small grammars: the
control sequences of ECMA-48 (CSI, OSC and the two-character escapes) and the escapes of JSON and Python
string literals. :func:`reading` gives the text as those grammars' reader sees it, with the place each of its
characters came from, so a span found in the reading is a span of the text as written.

>>> read, origin = reading("\\x1b[31mGB82WEST12345698765432\\x1b[0m")
>>> read
'GB82WEST12345698765432'
>>> read, _ = reading("ssn \\\\u0035\\\\u0033\\\\u0036-22-8417")
>>> read
'ssn 536-22-8417'
>>> reading("plain text") is None
True
"""

from __future__ import annotations

import re

# ECMA-48: CSI (ESC [ or the 8-bit CSI, parameter bytes, intermediate bytes, one final byte); OSC, DCS, SOS,
# PM and APC strings up to BEL or ST (ESC \); any other escape is ESC and one byte of 0x20-0x7E.
_CONTROL = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]"
# JSON and Python string escapes of one character: \uXXXX, \UXXXXXXXX, \xXX (a surrogate pair is two \u).
_ESCAPE = r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}"
_READ = re.compile(f"{_CONTROL}|{_ESCAPE}")
_MAY_HOLD = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]|\\[uUx]")


def reading(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``text`` as read through its control sequences and escapes, and the span of ``text`` each read character
    came from; None when it holds neither (nearly every line).

    >>> reading("a\\x1b[1mb\\\\u0063")
    ('abc', [(0, 1), (5, 6), (6, 12)])
    """
    if _MAY_HOLD.search(text) is None:
        return None
    parts: list[str] = []
    origin: list[tuple[int, int]] = []
    pos = 0
    for m in _READ.finditer(text):
        parts.append(text[pos:m.start()])
        origin.extend((i, i + 1) for i in range(pos, m.start()))
        token = m.group()
        if token.startswith("\\"):  # an escape is the one character it names (a lone surrogate half included)
            code = int(token[2:], 16)
            if code <= 0x10FFFF:
                parts.append(chr(code))
                origin.append((m.start(), m.end()))
            else:  # names no character: read as written
                parts.append(token)
                origin.extend((i, i + 1) for i in range(m.start(), m.end()))
        pos = m.end()  # a control sequence is read as nothing: the terminal shows none of it
    if pos == 0:
        return None
    parts.append(text[pos:])
    origin.extend((i, i + 1) for i in range(pos, len(text)))
    return "".join(parts), origin


def written_span(origin: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the text as written that the reading's ``[start, end)`` came from, its escapes included.

    >>> read, origin = reading("x \\\\u0031\\\\u0032 y")
    >>> read, written_span(origin, 2, 4)
    ('x 12 y', (2, 14))
    """
    return origin[start][0], origin[end - 1][1]
