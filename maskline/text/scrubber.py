"""The free-text scrubber: find validated sensitive spans and replace them with ``[TYPE]`` or a pseudonym.

It reads prose, log lines, SQL literals and JSON alike (replacements keep
quotes, so SQL still parses and JSON still loads):

>>> scrub("contact ana@correo.es or +34 612 345 678")[0]
'contact [EMAIL] or [PHONE]'
>>> scrub("SELECT * FROM t WHERE ssn = '536-90-4399'")[0]
"SELECT * FROM t WHERE ssn = '[US_SSN]'"
>>> scrub('{"card": "4111 1111 1111 1111", "password": "hunter22"}')[0]
'{"card": "[CREDIT_CARD]", "password": "[PASSWORD]"}'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from maskline.infotypes.answer_memo import remembered as _remembered
from maskline.lazy_regex import LazyRegex
from maskline.script_digits import has_other_digits
from maskline.text import prefilter
from maskline.text.escaped import may_hold
from maskline.text.numbered import numbered
from maskline.text.span_text import span_text, wide_folded
from maskline.text.spans import COMPACT_DATE_RUN, DATE_RUN, DIGIT_RUN, SPAN_RULES, WINDOW_MARGIN
from maskline.text.trunk_prefix import trunk_start

if TYPE_CHECKING:
    from maskline.keys import KeyMaterial

# Every type a span rule finds. URL and GEO_COORDINATE have no span rule: they fill ordinary log lines.
DEFAULT_TYPES: frozenset[str] = frozenset(r.info_type for r in SPAN_RULES)
_DIGIT = re.compile(r"\d")
_ALL_RULES = range(len(SPAN_RULES))
_DIGIT_RUN_RULES = frozenset(i for i, r in enumerate(SPAN_RULES) if r.in_digit_runs)
_NOT_DIGITS = str.maketrans("", "", " .()/+-xXextnsio#")  # what DIGIT_RUN takes besides digits
_NO_ALLOW: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)  # slots: a finding is made for every value of every log line
class Finding:
    """A sensitive span found in a text: its info type and position. Never the value itself.

    >>> Finding("EMAIL", 8, 20)
    Finding(type='EMAIL', start=8, end=20)
    """

    type: str
    start: int
    end: int


# Log lines repeat their values (the same customer, card or host on many lines), and a validator call
# (phonenumbers, stdnum, IDNA) costs 5-50 us, ten times the rest of a line. So each validator's answers are
# remembered, under a salted BLAKE2b digest of the value: the cache never holds a raw value
# (maskline.infotypes.answer_memo, which the validators' own phone check shares).
@cache
def _validator(name: str | None) -> Callable[[str], bool] | None:
    if name is None:
        return None
    from maskline.infotypes.validators import VALIDATORS

    return _remembered(VALIDATORS[name])


def forget_validator_answers() -> None:
    """Empty the validators' answer caches (benchmarks measure the cost of values never seen before).

    >>> forget_validator_answers()
    """
    from maskline.infotypes.answer_memo import forget_answers

    forget_answers()


def _value_span(m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the first group that took part in ``m`` (a rule whose ``group`` is ``"value"``)."""
    for g in range(1, (m.re.groups or 0) + 1):
        if m.group(g) is not None:
            return m.span(g)
    return None


def find(text: str, info_types: Iterable[str] | None = None, allow: frozenset[str] = frozenset()) -> list[Finding]:
    """Validated sensitive spans in ``text``, left to right, without overlaps.

    ``info_types`` narrows the search to some of :data:`DEFAULT_TYPES`; a name
    outside them raises :class:`~maskline.errors.InputError`.

    >>> find("card 4111 1111 1111 1111, ref 1234 5678 9012 3456")
    [Finding(type='CREDIT_CARD', start=5, end=24)]
    >>> find("mail ana@correo.es", ["EMIAL"])
    Traceback (most recent call last):
    maskline.errors.InputError: the scrubber finds no info type 'EMIAL' (at info_types). Fix: did you mean 'EMAIL'?
    """
    wanted = DEFAULT_TYPES if info_types is None else _known_types(info_types)
    if not text:
        return []
    engine = prefilter.engine()  # candidate_rules(), inlined: this runs on every log line
    read = span_text(text)
    return _findings(text, read, wanted, allow, None if engine is None else engine.scan(read))


def _findings(text: str, read: str, wanted: frozenset[str], allow: frozenset[str],
              candidates: frozenset[int] | None, depth: int = 0) -> list[Finding]:
    """The spans of ``text`` found in its reading ``read`` (``span_text(text)``, whose prefilter ``candidates``
    the caller has), and, where the reading differs from the text, those of the text as written besides.
    ``depth`` counts the readings of escapes that led to ``text`` (see :func:`_with_escapes_read`)."""
    found = _find(read, wanted, allow, candidates) if text else []
    if read is not text:
        found = _with_written(text, read, wide_folded(text), found, wanted, allow)
        if has_other_digits(text):
            found = _with_digits_as_written(text, read, found, wanted, allow)
    if may_hold(text):  # what a terminal, a JSON, URL or HTML reader reads otherwise
        found = _with_escapes_read(text, found, wanted, allow, depth)
    return found


# How many times over an escaped text is read again: a real log nests a few encodings (JSON in a URL in an
# HTML page, a double percent-encoding); each reading is shorter than the text before it, and a text that
# nests more (``%25`` a thousand times) would otherwise recurse once per layer.
_MAX_READINGS = 8


def _with_escapes_read(text: str, found: list[Finding], wanted: frozenset[str],
                       allow: frozenset[str], depth: int = 0) -> list[Finding]:
    """``found`` and the spans of ``text`` read as a terminal and a JSON, URL or HTML reader read it
    (:mod:`maskline.text.escaped`: control sequences and format characters dropped, ``\\uXXXX``, ``%XX`` and
    ``&#NN;`` escapes decoded), that overlap none of them. The reading is read the same way in turn, so an escape
    that decodes to a control sequence (``\\u001b[31m`` in a JSON log record) is dropped too, and ``%2540`` is ``@``.

    >>> [(f.type, f.start) for f in find("\x1b[31mGB82WEST12345698765432\x1b[0m")]
    [('IBAN', 5)]
    >>> [f.type for f in find("ssn \\u0035\\u0033\\u0036-22-8417")]
    ['US_SSN']
    """
    from maskline.text.escaped import reading, written_span

    got = reading(text) if depth < _MAX_READINGS else None
    if got is None:
        return found
    read, origin = got
    engine = prefilter.engine()
    spans = span_text(read)
    more = _findings(read, spans, wanted, allow, None if engine is None else engine.scan(spans), depth + 1)
    written = [Finding(f.type, *written_span(origin, f.start, f.end)) for f in more]
    if allow:  # the allow-list names values as written: an allowed value stays allowed in its reading too
        written = [f for f in written if text[f.start:f.end] not in allow]
    return _hull_union(found, written)


def _hull_union(found: list[Finding], more: list[Finding]) -> list[Finding]:
    """``found`` and ``more``, where a finding of ``more`` that overlaps some of ``found`` takes their place as
    one span covering them all (with the longest one's type): a value split by a control sequence
    (``411\\x1b[0m1 1111 1111 1111``) is read whole in the reading but only in part as written, and the part
    left over must not pass.

    >>> _hull_union([Finding("PHONE", 10, 24)], [Finding("CREDIT_CARD", 0, 24)])
    [Finding(type='CREDIT_CARD', start=0, end=24)]
    """
    out = list(found)
    for f in more:
        # The usual case: the reading found a value the text as written showed too (``ann%40example.org``, which
        # the e-mail rule reads itself), so its hull is that finding. Findings do not overlap, so no other touches f.
        if any(g.start <= f.start and f.end <= g.end for g in out):
            continue
        touching = [g for g in out if f.start < g.end and g.start < f.end]
        if not touching:
            out.append(f)
            continue
        group = [*touching, f]
        longest = max(group, key=lambda g: g.end - g.start)
        out = [g for g in out if g not in touching]
        out.append(Finding(longest.type, min(g.start for g in group), max(g.end for g in group)))
    return sorted(out, key=lambda g: g.start)


def _with_digits_as_written(text: str, read: str, found: list[Finding], wanted: frozenset[str],
                            allow: frozenset[str]) -> list[Finding]:
    """``found`` and the spans of ``text`` read with its digits as written (as the scrubber read it before it read
    every script's digits as ASCII) that overlap none of them.

    ``re``'s ``\\d`` takes every script's digits, so rules matched them before; a rule's guards (no date inside a
    card) could read them otherwise than their ASCII twins, and the reading must never yield less than before.
    Texts without such digits never come here.

    >>> [f.type for f in find("born 26711984-07-21٣555K")], find("born 26711984-07-213555K")  # as before
    (['CREDIT_CARD'], [])
    """
    before = span_text(text, digits=False)
    if before == read:  # only full-width digits, which both readings take as ASCII
        return found
    engine = prefilter.engine()
    kept = _find(before, wanted, allow, None if engine is None else engine.scan(before))
    if before is not text:
        kept = _with_written(text, before, wide_folded(text, digits=False), kept, wanted, allow)
    return _union(found, kept)


def _union(found: list[Finding], more: list[Finding]) -> list[Finding]:
    """``found`` and the findings of ``more`` that overlap none of them, in order."""
    kept = [f for f in more if not any(f.start < g.end and g.start < f.end for g in found)]
    return sorted(found + kept, key=lambda f: f.start) if kept else found


def _with_written(text: str, read: str, folded: str, found: list[Finding], wanted: frozenset[str],
                  allow: frozenset[str]) -> list[Finding]:
    """``found`` (the spans of ``read``, ``span_text(text)``) and the spans of ``folded`` (``text`` as written, but
    for its full-width forms) that overlap none of them.

    Reading letters of unspaced scripts as boundaries finds what touching letters hid; the text as written
    still holds what only its own letters make (an e-mail at a Japanese domain), so it is searched too, and
    never yields less than before.

    >>> [f.type for f in find("連絡はana@例え.jpまで")]  # as before, with the letters it touches
    ['EMAIL']
    >>> [f.type for f in find("電話０９０１２３４５６７８、口座番号１２３４５６７")]  # a cue, a full-width number
    ['PHONE', 'BANK_ACCOUNT']

    Digits of other scripts are read as ASCII in both readings, and the span is the number's in the text as written:

    >>> text = "هاتف: ٠٥٠١٢٣٤٥٦٧"; [(f.type, text[f.start:f.end]) for f in find(text)]
    [('PHONE', '٠٥٠١٢٣٤٥٦٧')]
    """
    if allow:  # the allow-list names values as written (full-width forms included)
        found = [f for f in found if text[f.start:f.end] not in allow]
    # The letters as written, the full-width forms and other scripts' digits as ASCII: a cue in those letters
    # before a full-width number ("電話０９０１２３４５６７８", "口座番号１２３４５６７") is found, as the number in ASCII
    # digits is.
    if folded == read:  # only digits were read (Arabic-Indic, Devanagari...): the second reading is the first
        return found
    engine = prefilter.engine()
    written = _find(folded, wanted, allow, None if engine is None else engine.scan(folded))
    if allow and folded is not text:
        written = [f for f in written if text[f.start:f.end] not in allow]
    return _union(found, written)


# A span rule as _find reads it: its fields unpacked into a tuple and its validator resolved, so that a log
# line holding a value pays no attribute look-ups or cache calls per rule (a rule's dataclass fields cost
# about 40 ns each, and _find read a dozen per candidate rule).
_Step = tuple[str, bool, tuple[str, ...], bool, int, "Callable[[str], bool] | None", int, LazyRegex, int,
              "int | str", bool, tuple[str, ...]]
_IN_DIGIT_RUNS, _WITHIN_TOKEN, _WHOLE_TEXT = 0, 1, 2  # where a rule's regex is searched


@cache
def _steps() -> tuple[_Step, ...]:
    """One step per rule of SPAN_RULES, in their order; built on first use (it loads the validators)."""
    return tuple((r.info_type, r.needs_digit, r.triggers, r.ci_triggers, r.min_colons, _validator(r.validator),
                  _IN_DIGIT_RUNS if r.in_digit_runs else _WITHIN_TOKEN if r.within_token else _WHOLE_TEXT,
                  r.regex, r.min_digits, r.group, r.shrink, tuple(t for t in r.triggers if t.isascii()))
                 for r in SPAN_RULES)


def _find(text: str, wanted: frozenset[str], allow: frozenset[str], candidates: frozenset[int] | None) -> list[Finding]:
    """:func:`find` once the prefilter has named the ``candidates`` (None: no prefilter, every rule is tried)."""
    windows: list[tuple[int, int, int]] | None = None
    if candidates is None:
        indexes: Iterable[int] = _ALL_RULES
    else:
        if not candidates:  # the usual log line: nothing can match
            return []
        if not candidates.isdisjoint(_DIGIT_RUN_RULES):
            windows = _digit_windows(text)
            if not windows:  # only dates: the digit rules have nowhere to look
                candidates = candidates - _DIGIT_RUN_RULES
                if not candidates:
                    return []
        indexes = sorted(candidates) if len(candidates) > 1 else candidates
    steps = _steps()
    lowered: str | None = None
    has_digit: bool | None = None
    ascii_text: bool | None = None
    found: list[tuple[int, int, int, str]] = []  # start, -end, rule index, type
    for index in indexes:
        info_type, needs_digit, triggers, ci_triggers, min_colons, check, where, regex, min_digits, group, shrink, \
            ascii_triggers = steps[index]
        if info_type not in wanted:
            continue
        if needs_digit:
            if has_digit is None:
                has_digit = _DIGIT.search(text) is not None
            if not has_digit:
                continue
        if triggers:
            if ci_triggers:
                if lowered is None:
                    lowered = text.lower()
                haystack = lowered
            else:
                haystack = text
            if len(ascii_triggers) < len(triggers):
                # A cue in Japanese, Chinese, Korean or Thai cannot occur in an ASCII line: only the ASCII triggers
                # are looked for there (the rules with such cues have dozens of triggers).
                if ascii_text is None:
                    ascii_text = text.isascii()
                if ascii_text:
                    triggers = ascii_triggers
            for trigger in triggers:  # a loop, not any(): no generator on the per-line path
                if trigger in haystack:
                    break
            else:
                continue
        if min_colons and text.count(":") < min_colons and "::" not in text:
            continue
        # The matches, gathered in a list rather than chained generators (fewer Python frames per line).
        if where == _IN_DIGIT_RUNS:
            if windows is None:
                windows = _digit_windows(text)
            matches: list[re.Match[str]] = []
            for a, b, digits in windows:
                if digits >= min_digits:
                    matches += regex.finditer(text, a, b)
        elif where == _WITHIN_TOKEN:
            matches = []
            for a, b in _trigger_tokens(text, triggers):
                matches += regex.finditer(text, a, b)
        else:
            matches = [*regex.finditer(text)]
        for m in matches:
            if group == "value":
                span = _value_span(m)
                if span is None:
                    continue
            else:
                span = m.span(group)
            if span[0] == span[1]:
                continue
            value = text[span[0]:span[1]]
            if allow and value in allow:
                continue
            if check is not None and not check(value):
                if not shrink:
                    continue
                shrunk = _shrunk(value, span[0], check)
                if shrunk is None:
                    continue
                span = shrunk
            found.append((span[0], -span[1], index, info_type))
    if not found:
        return []
    if len(found) > 1:
        found.sort()
    result: list[Finding] = []
    last_end = -1
    for start, neg_end, _, info_type in found:
        if info_type == "PHONE" and start >= last_end:
            # A trunk prefix written as its own group before the number ("8 916 123-45-67") is part of it.
            widened = trunk_start(text, start, -neg_end)
            if widened >= last_end:
                start = widened
        if start >= last_end:
            result.append(Finding(info_type, start, -neg_end))
            last_end = -neg_end
    return result


def _shrunk(value: str, start: int, check: Callable[[str], bool]) -> tuple[int, int] | None:
    """The longest prefix of ``value`` ending before a space or dash that passes ``check``, as a span."""
    for cut in range(len(value) - 1, 0, -1):
        if value[cut] in " -" and check(value[:cut]):
            return start, start + cut
    return None


def _known_types(info_types: Iterable[str]) -> frozenset[str]:
    """The requested types; an unknown one is an error, since skipping it would leave its values in the text."""
    wanted = info_types if isinstance(info_types, frozenset) else frozenset(info_types)
    unknown = wanted - DEFAULT_TYPES
    if unknown:
        from maskline.errors import InputError, did_you_mean

        name = sorted(unknown)[0]
        raise InputError(f"the scrubber finds no info type {name!r}", where="info_types",
                         fix=did_you_mean(name, DEFAULT_TYPES))
    return wanted


def _trigger_tokens(text: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """The space-delimited tokens of ``text`` that hold a trigger, as (start, end), in order.

    A match that holds no space lies inside one token, and a token ends at a space or at the end of the
    text, so searching the token with ``endpos`` at its end gives the same look-ahead answers as the whole text.
    """
    tokens: list[tuple[int, int]] = []
    for trigger in triggers:
        at = text.find(trigger)
        while at != -1:
            end = text.find(" ", at + len(trigger))
            if end == -1:
                end = len(text)
            tokens.append((text.rfind(" ", 0, at) + 1, end))
            at = text.find(trigger, end)
    # One token is the usual case (an e-mail's @): no set to build, nothing to sort.
    return sorted(set(tokens)) if len(tokens) > 1 else tokens


def _digit_windows(text: str) -> list[tuple[int, int, int]]:
    """Windows (start, end, digit count) around runs of digits, merged when they touch; pure dates dropped."""
    windows: list[tuple[int, int, int]] = []
    size = len(text)
    for m in DIGIT_RUN.finditer(text):
        start, end = m.span()
        run = text[start:end]
        # Lengths first (a test reads them from the patterns): a DATE_RUN is 10 to 13 characters, a COMPACT_DATE_RUN 8.
        if (10 <= end - start <= 13 and DATE_RUN.fullmatch(run)) or (
                end - start == 8 and text[end:end + 1] == "T" and text[end + 1:end + 2].isdigit()
                and COMPACT_DATE_RUN.fullmatch(run)):
            continue
        a = start - WINDOW_MARGIN if start > WINDOW_MARGIN else 0
        b = end + WINDOW_MARGIN if end + WINDOW_MARGIN < size else size
        digits = len(run.translate(_NOT_DIGITS))
        if windows and a <= windows[-1][1]:
            last = windows[-1]
            windows[-1] = (last[0], b, last[2] + digits)
        else:
            windows.append((a, b, digits))
    return windows


def scrub(text: str, *, pseudonymize_with: KeyMaterial | None = None, info_types: Iterable[str] | None = None,
          allow_list: Iterable[str] = (), prose: bool = False) -> tuple[str, list[Finding]]:
    """Replace every validated sensitive span with ``[TYPE]``, or with a keyed pseudonym ``[TYPE:hex12]``.

    The same value and key always give the same pseudonym, so scrubbed logs
    can still be joined on it.

    >>> from maskline.keys import KeyMaterial
    >>> scrub("to ana@correo.es", pseudonymize_with=KeyMaterial(b"k" * 16))[0]
    'to [EMAIL:8de104a79eb1]'
    >>> scrub("nothing here")
    ('nothing here', [])

    ``prose=True`` adds the prose pass (:mod:`maskline.text.prose`): person
    names, street addresses, birth dates, ICD-10 codes and record numbers,
    with spaCy NER where the ``ner`` extra serves the language. It is slower,
    so it is opt-in, and never on the log filter's path.

    >>> scrub("Patient Anna Meier, MRN 4471923", prose=True)[0]
    'Patient [PERSON_NAME], MRN [MEDICAL_RECORD_NUMBER]'
    """
    if not isinstance(text, str):
        raise TypeError(f"scrub() needs str, got {type(text).__name__}")
    engine = prefilter.engine()
    read = span_text(text)
    candidates = None if engine is None else engine.scan(read)
    if candidates is not None and not candidates and text and not prose and read is text and (
            ("\x1b" not in text and "\\" not in text and "%" not in text and "&" not in text and ";base64," not in text
             and ("+" not in text or "?" not in text) and text.isascii()) or not may_hold(text)):  # _as_written
        # The usual log line: the prefilter rules everything out, and the text comes back as it is.
        if info_types is not None:
            _known_types(info_types)  # a misspelt type is still an error, whatever the text
        return text, []
    wanted = DEFAULT_TYPES if info_types is None else _known_types(info_types)
    allow = frozenset(allow_list) if allow_list else _NO_ALLOW
    findings = _findings(text, read, wanted, allow, candidates)
    if prose:
        from maskline.text.prose import find_prose, merge_findings

        allowed = frozenset(allow_list)
        findings = merge_findings(findings, [f for f in find_prose(text, read_escapes=True)
                                             if text[f.start:f.end] not in allowed])
    if not findings:
        return text, findings
    return _replaced(text, findings, pseudonymize_with), findings


def scrubbed(text: str) -> str:
    """``scrub(text)[0]`` with the defaults (every type, ``[TYPE]`` placeholders, no allow-list, no prose pass).

    The log filter's path: a clean line (nearly every line) comes back after the prefilter's scan alone,
    without scrub()'s options or a findings list (about a tenth of a clean line's time).

    >>> scrubbed("mail ana@correo.es"), scrubbed("nothing here")
    ('mail [EMAIL]', 'nothing here')
    """
    if type(text) is not str:  # a str subclass, or scrub()'s TypeError
        return scrub(text)[0]
    engine = prefilter.engine()
    read = span_text(text)
    candidates = None if engine is None else engine.scan(read)
    # The usual log line: nothing can match, and nothing a reader reads otherwise (_as_written, its `in` checks
    # inlined: every line runs them; only a line with ESC, a backslash, % or &, + and ?, or other than ASCII pays
    # the call).
    if candidates is not None and not candidates and read is text and (
            ("\x1b" not in text and "\\" not in text and "%" not in text and "&" not in text and ";base64," not in text
             and ("+" not in text or "?" not in text) and text.isascii()) or not may_hold(text)):
        return text
    findings = _findings(text, read, DEFAULT_TYPES, _NO_ALLOW, candidates)
    return _replaced(text, findings, None) if findings else text


def _as_written(text: str) -> bool:
    """Whether ``text`` reads as written: no control sequence, format character or escape that a terminal or a
    JSON, URL or HTML reader would read otherwise (:func:`maskline.text.escaped.may_hold`; ``in`` checks first:
    this runs on every log line).

    >>> _as_written("GET /health 200"), _as_written("\x1b[31mred\x1b[0m"), _as_written("\\\\u0031")
    (True, False, False)
    >>> _as_written("50% off at AT&T"), _as_written("ann%40example.org"), _as_written("ann\u200b@example.org")
    (True, False, False)
    """
    if ("\x1b" not in text and "\\" not in text and "%" not in text and "&" not in text
            and ";base64," not in text and ("+" not in text or "?" not in text) and text.isascii()):
        return True
    return not may_hold(text)


def _replaced(text: str, findings: list[Finding], key: KeyMaterial | None) -> str:
    """``text`` with each finding replaced by its placeholder or pseudonym."""
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts.append(text[pos:f.start])
        parts.append(_replacement(f, text[f.start:f.end], key))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def _replacement(finding: Finding, value: str, key: KeyMaterial | None) -> str:
    if key is None:
        return f"[{finding.type}]"
    from maskline.keys import hmac_hex

    return f"[{finding.type}:{hmac_hex(key, value, 12)}]"


_SECRET_KEY_NAME = re.compile(r"(?i)(pass(word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
                              r"private[_-]?key|credential|passwort|kennwort|mot_de_passe|contrase(ñ|n)a|senha|"
                              r"wachtwoord|authorization|cookie|session[_-]?id)")
_TOKEN_KEY_NAME = re.compile(r"(?i)token|key|authorization|cookie|session")
_PASSWORD_KEY_NAME = re.compile(r"(?i)pass|pwd")


def _secret_label(name: str) -> str | None:
    """``[PASSWORD]`` or ``[API_KEY]`` for a secret-looking key name, else None."""
    if not _SECRET_KEY_NAME.search(name):
        return None
    return "[API_KEY]" if _TOKEN_KEY_NAME.search(name) and not _PASSWORD_KEY_NAME.search(name) else "[PASSWORD]"


def scrubbed_number(number: int | float) -> int | float | str:
    """A number as it is, or its scrubbed text when its digits are a sensitive value (a card number as a BIGINT).

    A number is the same value as its text: the scrubber that replaces ``"4111111111111111"`` must not pass
    ``4111111111111111``. A number the detectors find nothing in keeps its type.

    >>> scrubbed_number(4111111111111111), scrubbed_number(42), scrubbed_number(2.5)
    ('[CREDIT_CARD]', 42, 2.5)
    """
    text = str(number)
    new = scrubbed(text)
    return number if new == text else new


def scrub_value(obj: Any, *, pseudonymize_with: KeyMaterial | None = None) -> Any:
    """Scrub every string inside ``obj`` (str, dict, list, tuple, set), keeping the container types.

    Values under secret-looking keys (``password``, ``api_key``, ``token``...)
    are replaced whole, whatever they look like: strings, the strings of a list
    or nested dict under that key, and numbers under a password key (YAML reads
    ``password: 123456`` as an int). A number whose digits the detectors find (a card number stored as an
    integer) becomes its scrubbed text (:func:`scrubbed_number`). Other types pass unchanged.

    >>> scrub_value({"to": ["ana@correo.es"], "n": 3, "password": "pw", "ok": ("fine",)})
    {'to': ['[EMAIL]'], 'n': 3, 'password': '[PASSWORD]', 'ok': ('fine',)}
    >>> scrub_value({"api_keys": ["k1", "k2"], "pin_password": 1234, "total_tokens": 17})
    {'api_keys': ['[API_KEY]', '[API_KEY]'], 'pin_password': '[PASSWORD]', 'total_tokens': 17}

    Keys are strings inside ``obj`` too; keys that scrub alike are numbered, so every entry stays:

    >>> scrub_value({"ann@example.com": 3, "bob@example.org": 1, "n": 2})
    {'[EMAIL]': 3, '[EMAIL] (2)': 1, 'n': 2}
    """
    return _scrub_any(obj, pseudonymize_with, None)


def _scrubbed_key(label: str, key: KeyMaterial | None) -> str:
    """A dict key, whole or not at all: unchanged when nothing in it is sensitive, else only its spans' replacements.

    A key is a label, not prose: the text beside a span is most often the rest of the same value, cut where the
    validators stopped (``nancy.van dijk64@corp.example``, an address with a space, scrubs to ``nancy.van
    [EMAIL]`` as text). Kept whole, it would carry that part of the value; so none of it is kept.

    >>> _scrubbed_key("nancy.van dijk64@corp.example", None), _scrubbed_key("total", None)
    ('[EMAIL]', 'total')
    """
    if not label:
        return label
    _, findings = scrub(label, pseudonymize_with=key)
    if not findings:
        return label
    return " ".join(_replacement(f, label[f.start:f.end], key) for f in findings)


def _scrub_any(obj: Any, key: KeyMaterial | None, secret: str | None) -> Any:
    """``secret`` is the label of the secret-looking key ``obj`` sits under, if any."""
    if isinstance(obj, str):
        if not obj:
            return obj
        if secret:
            return secret
        return scrubbed(obj) if key is None else scrub(obj, pseudonymize_with=key)[0]
    if secret == "[PASSWORD]" and isinstance(obj, (int, float)) and not isinstance(obj, bool):
        return secret
    if isinstance(obj, (int, float)) and not isinstance(obj, bool):
        return scrubbed_number(obj)
    if isinstance(obj, dict):
        out: dict[Any, Any] = {}
        for k, v in obj.items():
            # A key is a string inside obj too (counts per customer: {"ann@example.com": 3}). Keys that scrub
            # to the same text are numbered, so no entry (and no value under it) is lost.
            new_key = numbered(_scrubbed_key(k, key) if isinstance(k, str) else k, out)
            out[new_key] = _scrub_any(v, key, (_secret_label(k) if isinstance(k, str) else None) or secret)
        return type(obj)(out) if type(obj) is not dict else out
    if isinstance(obj, list):
        items = [_scrub_any(v, key, secret) for v in obj]
        return items if type(obj) is list else type(obj)(items)
    if isinstance(obj, tuple):
        items = [_scrub_any(v, key, secret) for v in obj]
        return obj._make(items) if hasattr(obj, "_fields") else type(obj)(items)  # type: ignore[attr-defined]
    if isinstance(obj, (set, frozenset)):
        return type(obj)(_scrub_any(v, key, secret) for v in obj)
    return obj
