"""Span rules: where sensitive values hide inside free text, declared as data.

Each rule is a regular expression for spans (Python ``re``: look-arounds keep
spans from starting inside a longer token), the validator that proves a span,
the group to replace (a key-value rule replaces only the value), and cheap
trigger substrings: a rule whose triggers are all absent from a line is
skipped, which is what keeps scrubbing every log line affordable.

>>> [r.info_type for r in SPAN_RULES][:3]
['PRIVATE_KEY', 'JWT', 'CONNECTION_STRING']
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SpanRule:
    info_type: str
    regex: re.Pattern[str]
    validator: str | None = None
    group: int | str = 0
    triggers: tuple[str, ...] = ()  # substrings, any of which must occur (lower-cased text for `ci_triggers`)
    ci_triggers: bool = False
    needs_digit: bool = False
    in_digit_runs: bool = False  # only searched in windows around runs of digits (see DIGIT_RUN)
    min_colons: int = 0  # IPv6: skip lines with fewer colons (a timestamp has two)
    min_digits: int = 0  # in_digit_runs rules: skip windows with fewer digits


def _r(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# Numbers worth a closer look: seven or more characters of digits and separators. Rules marked
# `in_digit_runs` are searched only in a window around each run, so a log line's timestamps cost one pass.
DIGIT_RUN = re.compile(r"\d[\d .()/+-]{5,}\d")
# A run that is only a date (2026-11-23, 2026-11-23 19) holds no phone, card or ID: skip its window.
DATE_RUN = re.compile(r"(19|20)\d\d[-/.]\d\d[-/.]\d\d( \d\d?)?|\d\d[-/.]\d\d[-/.](19|20)\d\d")
WINDOW_MARGIN = 4


_SECRET_WORDS = (r"password|passwd|passwort|kennwort|pwd|mot[_ -]de[_ -]passe|contrase(?:ñ|n)a|senha|wachtwoord|"
                 r"secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|auth[_-]?token|"
                 r"access[_-]?token|refresh[_-]?token|token")
_SECRET_TRIGGERS = ("pass", "pwd", "secret", "key", "token", "kennwort", "contrase", "senha", "wachtwoord")

SPAN_RULES: tuple[SpanRule, ...] = (
    SpanRule("PRIVATE_KEY", _r(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[\s\S]*?"
                               r"(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|\Z)"),
             "private_key", triggers=("PRIVATE KEY",)),
    SpanRule("JWT", _r(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), "jwt", triggers=("eyJ",)),
    SpanRule("CONNECTION_STRING", _r(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@'\"]+:[^\s@/'\"]+@[^\s'\"<>]+"),
             "connection_string", triggers=("://",)),
    SpanRule("API_KEY", _r(r"(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|"
                           r"github_pat_[A-Za-z0-9_]{60,}|xox[abposr]-[0-9A-Za-z-]{10,}|"
                           r"[sr]k_(?:live|test)_[0-9A-Za-z]{20,}|AIza[0-9A-Za-z_-]{35}|"
                           r"sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|glpat-[0-9A-Za-z_-]{20}|"
                           r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}|npm_[A-Za-z0-9]{36}|"
                           r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}|hf_[A-Za-z0-9]{30,})"),
             None, triggers=("AKIA", "ASIA", "gh", "github_pat_", "xox", "k_live_", "k_test_", "AIza", "sk-",
                             "glpat-", "SG.", "npm_", "pypi-", "hf_")),
    SpanRule("API_KEY", _r(r"(?i)\b(?:authorization\s*[:=]\s*)?bearer\s+([A-Za-z0-9._~+/-]{16,}=*)"), None, group=1,
             triggers=("bearer",), ci_triggers=True),
    SpanRule("PASSWORD", _r(r"(?i)(?<![A-Za-z])(?:" + _SECRET_WORDS + r")[\"']?\s*(?::|=|=>|\bis\b)\s*"
                            r"(?:\"([^\"\s]{3,})\"|'([^'\s]{3,})'|([^\s\"',;&)}\]]{3,}))"),
             None, group="value", triggers=_SECRET_TRIGGERS, ci_triggers=True),
    SpanRule("EMAIL", _r(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                         r"\.[A-Za-z]{2,24}\b"), "email", triggers=("@",)),
    SpanRule("IBAN", _r(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])"), "iban", needs_digit=True),
    SpanRule("CREDIT_CARD", _r(r"(?<![\d.,-])\d(?:[ -]?\d){12,18}(?![\d-])"), "luhn", needs_digit=True, in_digit_runs=True, min_digits=13),
    SpanRule("US_SSN", _r(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])"), "us_ssn", needs_digit=True, in_digit_runs=True, min_digits=9),
    SpanRule("NATIONAL_ID", _r(r"(?<![\w.])(?:\d{8}-?[A-Z]|\d{3}\.\d{3}\.\d{3}-\d{2}|[XYZ]-?\d{7}-?[A-Z]|"
                               r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]|"
                               r"[12] ?\d{2} ?\d{2} ?[0-9AB]{2} ?\d{3} ?\d{3} ?\d{2}|756\.\d{4}\.\d{4}\.\d{2})(?![\w.])"),
             "national_id", needs_digit=True, in_digit_runs=True, min_digits=6),
    # Codice fiscale: letters and digits interleave, so no digit run announces it.
    SpanRule("NATIONAL_ID", _r(r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])"), "national_id",
             needs_digit=True),
    SpanRule("MAC_ADDRESS", _r(r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]"
                               r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}(?![\w:-])"), "mac", needs_digit=True),
    SpanRule("IP_ADDRESS", _r(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"), "public_ip", needs_digit=True,
             in_digit_runs=True, min_digits=4),
    SpanRule("IP_ADDRESS", _r(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|"
                              r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}"
                              r"(?![\w:])"), "public_ip", triggers=("::", ":0", ":1", ":2", ":3", ":4", ":5", ":6", ":7", ":8", ":9", ":a",
                                                ":b", ":c", ":d", ":e", ":f"), min_colons=7),
    SpanRule("DATE_OF_BIRTH", _r(r"(?i)\b(?:dob|d\.o\.b\.|date of birth|birth ?date|born(?: on)?|birthday|"
                                 r"geb\.|geboren(?: am)?|geburtsdatum|n[ée]e? le|date de naissance|"
                                 r"fecha de nacimiento|nacid[oa] el|nat[oa] il|data di nascita|geboren op|"
                                 r"geboortedatum|nascid[oa] em|data de nascimento)\s*[:=]?\s*"
                                 r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"),
             None, group=1, triggers=("dob", "d.o.b", "birth", "born", "geb", "né", "nee", "naissance", "nacid", "nacimiento", "nato",
                       "nata", "nascita", "geboorte", "nascid", "nascimento"),
             ci_triggers=True, needs_digit=True),
    SpanRule("PHONE", _r(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,5}(?:[ .-]?\d{1,5}){1,5}"
                         r"(?![\w])|(?<![\w.,-])\(?\d{2,5}\)?[ .-]\d{2,4}[ .-]\d{2,5}(?:[ .-]\d{2,4})?"
                         r"(?:\s?(?:x|ext\.?)\s?\d{1,6})?(?![\w.,-])"), "phone", needs_digit=True, in_digit_runs=True, min_digits=7),
)
