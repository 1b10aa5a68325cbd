"""The text as its reader would see it: control sequences and invisible format characters dropped, and the
escapes of JSON, Python, URLs and HTML decoded, each read character mapped to the characters it came from.

A log line is read twice over before a person sees it. A terminal (or a log viewer that renders colours)
drops the ECMA-48 control sequences a coloured logger writes around a value, and a JSON or Python reader
turns ``\\u0032\\u0031\\u0039`` back into ``219``. The span rules read the characters as written, so
``\\x1b[31mGB82WEST12345698765432\\x1b[0m`` (an IBAN in red: ``31m`` touches it and hides its start) and an SSN
written as JSON escapes were passed raw. The same holds for the other encodings a log line carries:

- percent-encoding (RFC 3986), in the URLs of access logs and HTTP client debug lines: ``ann%40example.org``,
  ``4111%201111%201111%201111``; a run of ``%XX`` is read as UTF-8, a byte that starts no UTF-8 character as
  Latin-1 (what legacy servers meant by ``jos%E9``); JavaScript's ``escape()`` form ``%uXXXX`` (``%u0040``,
  ``%u00e9``) as one UTF-16 code unit, a surrogate pair (``%uD83D%uDE00``) as its one character;
- ``+`` as a space where HTML forms write it (``application/x-www-form-urlencoded``): in a URL's query
  (``/users?name=Ann+Lee+Smith``) and in a run of ``key=value&key=value`` pairs (a logged form body), and
  nowhere else: ``a+b=c`` and a phone's ``+44 20 7946 0958`` read as written, and so does a ``+`` that opens a
  value before a digit (``?phone=+4420...``, ``?to=tel:+1415...``: a leading plus, not a space);
- HTML and XML character references, in error pages and SOAP faults: ``&#64;``, ``&#x40;``, ``&commat;``,
  read as :func:`html.unescape` reads them (the HTML5 list of names), so ``AT&T`` stays as written;
- the invisible format characters of Unicode (category Cf: zero-width space and joiners, word joiner, BOM,
  soft hyphen, bidi marks), which a reader never sees, read as nothing like a control sequence;
- base64, only where the carrier says the content is text: a ``data:`` URI whose media type is text
  (``data:text/plain;base64,...``, ``application/json``, ``+xml``...).

These are not values to enumerate but a few small grammars. :func:`reading` gives the text as those grammars'
reader sees it, with the place each of its characters came from, so a span found in the reading is a span of
the text as written, covering its encoded form whole (``ann%40example.org`` is replaced, not ``ann@``).

>>> read, origin = reading("\\x1b[31mGB82WEST12345698765432\\x1b[0m")
>>> read
'GB82WEST12345698765432'
>>> read, _ = reading("ssn \\\\u0035\\\\u0033\\\\u0036-22-8417")
>>> read
'ssn 536-22-8417'
>>> reading("GET /?to=ann%40example.org&n=1")[0], reading("ann&#64;example.org")[0]
('GET /?to=ann@example.org&n=1', 'ann@example.org')
>>> reading("GET /users?name=Ann+Lee&to=ann%u0040example.org&tel=+4420")[0]
'GET /users?name=Ann Lee&to=ann@example.org&tel=+4420'
>>> reading("a+b=c") is None, reading("call +44 20 7946 0958") is None
(True, True)
>>> reading("plain text") is None, reading("50% off at AT&T") is None
(True, True)
"""

from __future__ import annotations

import binascii
import codecs
import re
from bisect import bisect_right
from functools import cache

# Each alternative of the reader starts with a literal character (no group around it, no class), so that re
# searches a line for those characters alone and tries the grammars only there: a group or a class in front
# makes it try every alternative at every position (ten times slower on a clean line).
# ECMA-48: CSI (ESC [ or the 8-bit CSI, parameter bytes, intermediate bytes, one final byte); OSC, DCS, SOS,
# PM and APC strings up to BEL or ST (ESC \); any other escape is ESC and one byte of 0x20-0x7E.
_STRING_BODY = r"[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
_CONTROL = "|".join([r"\x1b\[[0-?]*[ -/]*[@-~]", r"\x9b[0-?]*[ -/]*[@-~]", rf"\x1b[\]PX^_]{_STRING_BODY}",
                     *(rf"{c}{_STRING_BODY}" for c in (r"\x90", r"\x98", r"\x9d", r"\x9e", r"\x9f")), r"\x1b[ -~]"])
# JSON and Python string escapes of one character: \uXXXX, \UXXXXXXXX, \xXX (a surrogate pair is two \u).
_ESCAPE = r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}"
# A data: URI (RFC 2397) with its base64 payload. Base64 is decoded here and nowhere else: a run of base64
# letters is as often a hash, a key or an image as text, and decoding every run would read noise into every
# token (and cost every line). The carrier saying "this is text in base64" is what makes the reading the
# reader's; the media type decides (see _TEXT_MEDIA). HTTP Basic credentials need no reading: their
# carrier says they are a credential, so the span rules mask them whole, whatever they decode to.
_DATA_URI = (r"data:(?P<media>[\w.+-]*/[\w.+-]*)?(?P<params>(?:;[\w.+-]+=[^;,\s\"'<>]*)*);base64,"
             r"(?P<payload>[A-Za-z0-9+/]+={0,2})")
_PERCENT = r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*"
# JavaScript's escape() (and IIS): %uXXXX, one UTF-16 code unit each; a run, so a surrogate pair reads as one.
_PERCENT_U = r"%[uU][0-9A-Fa-f]{4}(?:%[uU][0-9A-Fa-f]{4})*"
# Where a form writes a space as +: a URL's query (after the ? that ends a path) and a run of two or more
# key=value pairs joined by & (a form body in a log line). A value runs to white space, a quote or a bracket.
_KEY = r"[\w.\[\]%-]+"
_VALUE = r"[^\s&=#\"'<>`]*"
# (A query's first key stops at a ?: each ? is then tried up to the next one, not to the end of the line.)
_FORM_CONTEXT = (rf"(?<=[\w/.~%-])\?[^\s#\"'<>`?=]*=[^\s#\"'<>`]*"
                 rf"|(?<![\w.\[\]%-]){_KEY}={_VALUE}(?:&{_KEY}={_VALUE})+")
# In there, every + is a space but a leading plus: one that opens a value (after =, ?, &, :, ;, comma, / or a
# bracket) before a digit, as in ?phone=+442079460958 or ?to=tel:+14155550123, is the number's own.
_FORM_SPACE = r"(?<![=?&:;,/(\[])\+|\+(?!\d)"
# Character references as HTML5 reads them: numeric (; optional), a name ending in ;, or one of the legacy names
# HTML5 still reads without ; (&amp, &lt, &copy...) when no letter, digit or = follows: that is the rule a browser
# applies in an attribute, and it keeps a URL's query (&per_page=, &notify=1) from being read as references.
_CHARREF = r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]{{1,31}};|(?:{legacy})(?![A-Za-z0-9=]))"
# Media types whose content is text (RFC 2397: none at all means text/plain).
_TEXT_MEDIA = re.compile(r"(?i)(?:text/.*|application/(?:json|xml|javascript|x-www-form-urlencoded|.*\+(?:json|xml))|)")
# Which lines may hold any of it: ESC and backslash are looked for by `in` (every line pays them); the rest only
# when the line holds a % or & or a data: URI, a + with a ? or & (a form's space), or is not ASCII (the 8-bit controls
# and Cf are not).
@cache
def _ascii_may_hold() -> re.Pattern[str]:
    return re.compile(rf"%[0-9A-Fa-f]{{2}}|%[uU][0-9A-Fa-f]{{4}}|{_charref()}|;base64,")


@cache
def _charref() -> str:
    from html.entities import html5

    legacy = sorted((name for name in html5 if not name.endswith(";")), key=len, reverse=True)
    return _CHARREF.format(legacy="|".join(legacy))


def _format_characters() -> str:
    """Unicode's category Cf as a regex class body of ranges (:func:`maskline.format_chars.format_char_ranges`, the
    one source the SQL reading shares). Ranges, not 163 single characters: re tests a class of single characters
    one by one, at every position of every line searched."""
    from maskline.format_chars import format_char_ranges

    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in format_char_ranges())


@cache
def _non_ascii_may_hold() -> re.Pattern[str]:
    return re.compile(f"[\x90\x98\x9b\x9d\x9e\x9f{_format_characters()}]")


@cache
def _reader() -> re.Pattern[str]:
    """The tokens a reader reads otherwise; the first character of a match says which grammar it is."""
    return re.compile(f"{_CONTROL}|{_ESCAPE}|{_DATA_URI}|{_PERCENT_U}|{_PERCENT}|{_charref()}")


@cache
def _form_contexts() -> re.Pattern[str]:
    return re.compile(_FORM_CONTEXT)


@cache
def _form_space() -> re.Pattern[str]:
    return re.compile(_FORM_SPACE)


def _form_spaces(text: str) -> list[re.Match[str]]:
    """The ``+`` of ``text`` a form decoder reads as a space (see the module's docstring).

    >>> [m.start() for m in _form_spaces("GET /s?q=John+Smith&phone=+4420 then a+b=c")]
    [13]
    >>> [m.start() for m in _form_spaces("name=Ann+Lee&email=x")]
    [8]
    """
    space = _form_space()
    return [p for m in _form_contexts().finditer(text) for p in space.finditer(text, m.start(), m.end())]


@cache
def _format_reader() -> re.Pattern[str]:
    return re.compile(f"[{_format_characters()}]+")


def may_hold(text: str) -> bool:
    """Whether ``text`` may read otherwise than as written (cheap: `in` checks first; this runs on every line
    the prefilter does not rule out, and on every line that holds ESC, a backslash, % or &).

    >>> may_hold("GET /health 200"), may_hold("50% off"), may_hold("to ann%40x.org"), may_hold("a\\u200bb")
    (False, False, True, True)
    >>> may_hold("GET /s?q=John+Smith"), may_hold("at 12:00+01:00 a+b=c"), may_hold("to ann%u0040x.org")
    (True, False, True)
    """
    if "\x1b" in text or "\\" in text:
        return True
    if ("%" in text or "&" in text or ";base64," in text) and _ascii_may_hold().search(text) is not None:
        return True
    # A form's + lies in a query (after a ?) or in key=value pairs joined by &.
    if "+" in text and ("?" in text or "&" in text) and _form_spaces(text):
        return True
    return not text.isascii() and _non_ascii_may_hold().search(text) is not None


# A read piece: the characters read, and the span of the text as written they came from.
_Piece = tuple[str, int, int]


class Origin:
    """Where each character of a reading came from in the text as written, kept as segments (a run of characters
    read as written, or the characters one token reads as), not one entry a character: a reading is built for
    every line that holds an escape, and a tuple a character cost more than the rest of the reading.

    >>> read, origin = reading("a\\\\u0062c")
    >>> read, [origin.span(i) for i in range(3)]
    ('abc', [(0, 1), (1, 7), (7, 8)])
    """

    __slots__ = ("_read_starts", "_written")

    def __init__(self) -> None:
        self._read_starts: list[int] = []  # where each segment starts in the reading, ascending
        self._written: list[tuple[int, int, bool]] = []  # its start and end as written; whether read as written

    def add(self, read_start: int, written_start: int, written_end: int, *, as_written: bool) -> None:
        """A segment at ``read_start`` of the reading: the text's ``[written_start, written_end)`` read as written,
        or (``as_written`` False) characters that each came from that whole span.

        >>> origin = Origin(); origin.add(0, 0, 2, as_written=True); origin.add(2, 2, 8, as_written=False)
        >>> origin.span(1), origin.span(2)
        ((1, 2), (2, 8))
        """
        self._read_starts.append(read_start)
        self._written.append((written_start, written_end, as_written))

    def span(self, at: int) -> tuple[int, int]:
        """The span as written that the reading's character ``at`` came from."""
        i = bisect_right(self._read_starts, at) - 1
        start, end, as_written = self._written[i]
        if as_written:
            start += at - self._read_starts[i]
            return start, start + 1
        return start, end


def reading(text: str) -> tuple[str, Origin] | None:
    """``text`` as read through its control sequences, format characters and escapes, and where each read
    character came from in ``text``; None when it holds none of them (nearly every line).

    >>> read, origin = reading("a\\x1b[1mb\\\\u0063")
    >>> read, [origin.span(i) for i in range(3)]
    ('abc', [(0, 1), (5, 6), (6, 12)])
    >>> read, origin = reading("x%C3%A9y")  # one character from two encoded bytes
    >>> read, [origin.span(i) for i in range(3)]
    ('xéy', [(0, 1), (1, 7), (7, 8)])
    """
    if not may_hold(text):
        return None
    tokens = list(_reader().finditer(text))
    if "+" in text and ("?" in text or "&" in text):  # a form's spaces: found apart, in their contexts
        spaces = _form_spaces(text)
        if spaces:
            tokens = _disjoint(sorted(tokens + spaces, key=lambda m: m.start()))
    if not text.isascii():  # format characters: searched apart (a class, see _reader), and read as nothing
        formats = list(_format_reader().finditer(text))
        if formats:
            tokens = _disjoint(sorted(tokens + formats, key=lambda m: m.start()))
    parts: list[str] = []
    origin = Origin()
    size = 0  # of the reading so far
    pos = 0
    changed = False
    for m in tokens:
        pieces = _read(m)
        if pieces is None:  # a token that names nothing (&T, a data: URI of an image): read as written
            continue
        changed = True
        if m.start() > pos:
            origin.add(size, pos, m.start(), as_written=True)
            parts.append(text[pos:m.start()])
            size += m.start() - pos
        for chars, start, end in pieces:
            if chars:
                origin.add(size, start, end, as_written=False)
                parts.append(chars)
                size += len(chars)
        pos = m.end()
    if not changed:
        return None
    if pos < len(text):
        origin.add(size, pos, len(text), as_written=True)
        parts.append(text[pos:])
    return "".join(parts), origin


def _disjoint(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """``tokens`` (by start) without those inside an earlier one (a format character in an OSC string's body)."""
    kept: list[re.Match[str]] = []
    for m in tokens:
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


def _read(m: re.Match[str]) -> list[_Piece] | None:
    """What the token ``m`` reads as, in pieces; None when it reads as written."""
    start, end = m.span()
    token = m.group()
    first = token[0]
    if first == "\\":  # one character (a lone surrogate half included)
        code = int(token[2:], 16)
        return [(chr(code), start, end)] if code <= 0x10FFFF else None
    if first == "%":
        if token[1] in "uU":
            return _utf16_decoded(token, start)
        return _percent_decoded(bytes.fromhex(token.replace("%", "")), start)
    if first == "+":
        return [(" ", start, end)]  # a form's space (only such a + is a token: _form_spaces)
    if first == "&":
        import html

        read = html.unescape(token)  # the reader's own rules: the HTML5 names, numeric references, ; optional
        return [(read, start, end)] if read != token else None
    if first == "d":
        return _data_decoded(m)
    return []  # a control sequence or a format character is read as nothing: nobody sees it


def _percent_decoded(data: bytes, start: int) -> list[_Piece]:
    """The characters of percent-encoded ``data`` (3 written characters a byte, from ``start``): UTF-8, and a
    byte that starts no UTF-8 character as Latin-1."""
    pieces: list[_Piece] = []
    i = 0
    while i < len(data):
        b = data[i]
        size = 1 if b < 0x80 else 2 if 0xC0 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else 4 if 0xF0 <= b < 0xF8 else 0
        try:
            char = data[i:i + size].decode("utf-8") if size else ""
        except UnicodeDecodeError:
            char = ""
        if len(char) != 1:
            char, size = chr(b), 1
        pieces.append((char, start + 3 * i, start + 3 * (i + size)))
        i += size
    return pieces


def _utf16_decoded(token: str, start: int) -> list[_Piece]:
    """The characters of a run of ``%uXXXX`` (6 written characters a code unit, from ``start``): a high and a low
    surrogate in a row are one character, from both; a lone half is read as itself, as ``\\uD83D`` is.

    >>> [(c, a, b) for c, a, b in _utf16_decoded("%u00e9%uD83D%uDE00", 0)]
    [('é', 0, 6), ('😀', 6, 18)]
    """
    units = [int(token[i + 2:i + 6], 16) for i in range(0, len(token), 6)]
    pieces: list[_Piece] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if 0xD800 <= unit < 0xDC00 and i + 1 < len(units) and 0xDC00 <= units[i + 1] < 0xE000:
            code = 0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00)
            pieces.append((chr(code), start + 6 * i, start + 6 * (i + 2)))
            i += 2
            continue
        pieces.append((chr(unit), start + 6 * i, start + 6 * (i + 1)))
        i += 1
    return pieces


def _data_decoded(m: re.Match[str]) -> list[_Piece] | None:
    """A data: URI's base64 payload as the text its media type says it is, each character mapped to the base64
    quads its bytes lie in; None for a media type that is not text, or bytes that are not text in its charset."""
    media, params, payload = m.group("media") or "", m.group("params") or "", m.group("payload")
    if not _TEXT_MEDIA.fullmatch(media):
        return None
    charset = "utf-8"
    for param in params.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.lower() == "charset":
            charset = value.strip("\"'")
    try:
        codecs.lookup(charset)
        data = binascii.a2b_base64(payload + "=" * (-len(payload) % 4), strict_mode=True)
        text = data.decode(charset)
    except (LookupError, binascii.Error, ValueError):
        return None
    start = m.start("payload")
    prefix = [(c, i, i + 1) for i, c in enumerate(m.group(0)[:start - m.start()], m.start())]
    end = m.end("payload")
    sizes = [len(c.encode(charset, "replace")) for c in text]
    if sum(sizes) != len(data):  # a charset whose bytes are not one character's each: every character is the payload
        return [*prefix, (text, start, end)]
    pieces = list(prefix)
    at = 0
    for char, size in zip(text, sizes, strict=True):
        first, last = at // 3, (at + size - 1) // 3 if size else at // 3
        pieces.append((char, start + 4 * first, min(start + 4 * last + 4, end)))
        at += size
    return pieces


def written_span(origin: Origin, start: int, end: int) -> tuple[int, int]:
    """The span of the text as written that the reading's ``[start, end)`` came from, its escapes included.

    >>> read, origin = reading("x \\\\u0031\\\\u0032 y")
    >>> read, written_span(origin, 2, 4)
    ('x 12 y', (2, 14))
    """
    # Starts and ends both grow along the reading (a base64 quad serves up to three characters, in order), so
    # the first and last characters bound the span.
    return origin.span(start)[0], origin.span(end - 1)[1]
