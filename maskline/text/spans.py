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

from maskline.infotypes.text_cues import (
    BANK_ACCOUNT_CUES,
    MRN_LOG_CUES,
    PASSPORT_CUES,
    PHONE_NOUN_CUES,
    PHONE_VERB_CUES,
    SPACED_PHONE_CUES,
    UNSPACED_CUE_EXCEPTIONS,
    UNSPACED_PHONE_CUES,
    camel_keys,
)
from maskline.lazy_regex import LazyRegex
from maskline.unspaced_scripts import UNSPACED_LETTERS


@dataclass(frozen=True)
class SpanRule:
    info_type: str
    regex: LazyRegex  # compiled on the rule's first search: most texts are candidates for no rule
    validator: str | None = None
    group: int | str = 0
    triggers: tuple[str, ...] = ()  # substrings, any of which must occur (lower-cased text for `ci_triggers`)
    ci_triggers: bool = False
    needs_digit: bool = False
    in_digit_runs: bool = False  # only searched in windows around runs of digits (see DIGIT_RUN)
    min_colons: int = 0  # IPv6: skip lines with fewer colons (a timestamp has two)
    min_digits: int = 0  # in_digit_runs rules: skip windows with fewer digits
    shrink: bool = False  # on a failed check, retry the span cut at each space or dash, longest first
    # Every match holds one of the (case-sensitive) triggers and no space: searched only in the
    # space-delimited tokens that hold a trigger, the same matches for a fraction of the regex's time.
    within_token: bool = False
    # A simpler pattern the Hyperscan prefilter scans instead of ``regex`` (see maskline.text.prefilter), for a
    # rule whose own pattern is costly to scan or wakes on what cannot be found. It must match somewhere in
    # every text where ``find`` can meet a match of ``regex`` that the validator accepts, so it is written as
    # a piece every match holds (a prefix of each alternative, or the characters around a literal), or for a
    # digit-run rule as what every such match in a digit window holds. A test checks this on the parity corpus;
    # the scrubber still runs ``regex`` on candidates.
    prefilter: LazyRegex | None = None

    def __post_init__(self) -> None:
        if self.within_token and (self.ci_triggers or not self.triggers or any(" " in t for t in self.triggers)
                                  or any(a in self.regex.pattern for a in ("$", "\\Z", "\\B"))):
            from maskline.errors import ConfigError

            raise ConfigError("within_token needs case-sensitive triggers without spaces and a regex with no "
                              "end-of-text anchor", where=f"span rule {self.info_type}",
                              fix="drop within_token (the rule is then searched over the whole text)")


def _r(pattern: str, flags: int = 0) -> LazyRegex:
    return LazyRegex(pattern, flags)


# Numbers worth a closer look: seven or more characters of digits and separators. Rules marked
# `in_digit_runs` are searched only in a window around each run, so a log line's timestamps cost one pass.
DIGIT_RUN = re.compile(r"\d[\d .()/+-]{5,}\d(?:\s?(?:[xX#]|[eE]xt\.?|[eE]xtension)\s?\d{1,6})?")  # with an extension
# A run that is only a date (2026-11-23, 2026-11-23 19) holds no phone, card or ID: skip its window.
DATE_RUN = re.compile(r"(19|20)\d\d[-/.]\d\d[-/.]\d\d( \d\d?)?|\d\d[-/.]\d\d[-/.](19|20)\d\d")
# The date of an ISO basic timestamp (20261123T192355): also skipped, when a time follows it.
COMPACT_DATE_RUN = re.compile(r"(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
WINDOW_MARGIN = 4


_SECRET_WORDS = (r"password|passwd|passwort|kennwort|pwd|mot[_ -]de[_ -]passe|contrase(?:ñ|n)a|senha|wachtwoord|"
                 r"secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|auth[_-]?token|"
                 r"access[_-]?token|refresh[_-]?token|token|account[_-]?key|shared[_-]?access[_-]?key")
_SECRET_TRIGGERS = ("pass", "pwd", "secret", "key", "token", "kennwort", "contrase", "senha", "wachtwoord")

# A phone extension: "x123", " ext. 123", "extension 12".
_EXT = r"(?:\s?(?:[xX#]|[eE]xt\.?|[eE]xtension)\s?\d{1,6})?"
# The end of a phone number: not inside a longer token, but a full stop or comma may follow.
_PHONE_END = r"(?![\w-]|[.,]\d)"

# Words that say the next number is a phone (a field name or nearby words): text_cues.SPACED_PHONE_CUES, as two
# rules (_PHONE_CUE_ASCII, _PHONE_CUE_OTHER) so that an ASCII log line, which cannot hold the others, never pays for
# their alternatives (the rule with only non-ASCII triggers is skipped there). The triggers: a piece of each cue,
# lower-cased (tests/text/test_cued_identifiers.py checks it). A cue's spaces match an underscore too
# (_snake_literal), so each trigger with a space has its snake_case form (_with_snake_forms).


def _with_snake_forms(triggers: tuple[str, ...]) -> tuple[str, ...]:
    """Triggers, and those holding a space written with an underscore too (``med rec`` and ``med_rec``).

    >>> _with_snake_forms(("mrn", "med rec"))
    ('mrn', 'med rec', 'med_rec')
    """
    return triggers + tuple(t.replace(" ", "_") for t in triggers if " " in t)


_PHONE_CUE_ASCII_TRIGGERS = _with_snake_forms(("phone", "tel", "mob", "cell", "celular", "vil", "handy", "fax",
                                               "whatsapp", "sms", "call", "ring", "dial", "portable", "contact",
                                               "rufnummer", "ponsel", " hp"))
# The ASCII phone nouns' (text_cues.PHONE_NOUN_CUES): all but the verbs'; the other cues are all nouns, and share
# their triggers.
_PHONE_NOUN_ASCII_TRIGGERS = tuple(t for t in _PHONE_CUE_ASCII_TRIGGERS if t not in PHONE_VERB_CUES)
_PHONE_CUE_OTHER_TRIGGERS = _with_snake_forms(("tél", "léf", "óv", "szám", "τηλ", "κινητ", "тел", "моб", "טלפון",
                                               "נייד", "هاتف", "جوال", "موبايل", "ोन", "मोबाइल", "दूरभाष", "thoại",
                                               "đt", "động"))
# Between a cue and its number: a few words at most, no digits, no line break.
_CUE_GAP = r"[^\d\n]{0,24}?"


# The three forms of a formatted phone number.
# international: +49 30 901820, 0049 (0)30 901820, +1-415-555-0100x123
_PHONE_INTERNATIONAL = (r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0?\d{1,4}\)[ .-]?)?\d{1,5}(?:[ .-]?\d{1,5}){1,5}"
                        + _EXT + r"(?![\w])")
# an area code in brackets: (415) 555-2671, (999)999-9999, (11) 98765-4321
_PHONE_BRACKETED = r"(?<![\w.,-])\(\d{2,5}\)[ .-]?\d{2,5}(?:[ .-]?\d{2,5}){1,3}" + _EXT + _PHONE_END
# groups: 415-555-2671, 11 98765-4321, 415.555.2671 x12
_PHONE_GROUPS = r"(?<![\w.,/-])\d{2,5}[ .-]\d{2,5}[ .-]\d{2,5}(?:[ .-]\d{2,4})?" + _EXT + _PHONE_END
# five pairs, one separator throughout, as France writes its numbers (06 12 34 56 78, 01.23.45.67.89): tried before
# the groups above, which would take four pairs and leave the fifth in clear
_PHONE_PAIRS = r"(?<![\w.,/-])0[1-9]([ .-])\d\d(?:\1\d\d){3}" + _PHONE_END

# What the Hyperscan prefilter scans for the phone rule (tests/text/test_prefilter.py checks each piece, with
# controls): its bracketed form as it is, its international form cut to what the validator can accept, and
# its third form without the ISO dates it would otherwise wake on ('2026-04-11', "2026-04-15 19:32:22": one
# generated log line in nine reached the Python path for nothing else). The rule is searched only in the windows of digit
# runs that are not a date alone (DATE_RUN, see scrubber._digit_windows), so a date-shaped match of the third
# form can only be found where its digit run goes on past the date, and that run is what the pattern then
# looks for: a digit joined to the date on the left, by separators or by a phone extension (whose digits may
# begin the date), or separators and a digit after it beyond an hour, or an extension after it. Every other
# match of the third form is kept, cut after its third group (a shorter match is still a superset).
_YEAR_FIRST_DATE = r"(?:19|20)\d\d[.-]\d\d[.-]\d\d"  # a date of DATE_RUN's first form, with the third form's separators
_NOT_A_YEAR = r"(?:[03-9]\d|1[0-8]|2[1-9])\d\d"  # four digits that DATE_RUN does not read as a year
_PHONE_GROUPS_NOT_A_DATE = (
    r"(?<![\w.,/-])(?:(?:\d{2,3}|\d{5}|" + _NOT_A_YEAR + r")[ .-]\d{2,5}[ .-]\d\d"  # no year first
    r"|(?:19|20)\d\d(?: \d{2,5}[ .-]\d\d|[.-](?:\d{3,5}[ .-]\d\d|\d\d(?: \d\d|[.-]\d{3}))))")  # a year, no date
_RUN_GOES_ON = (  # a digit run that holds a date and more: the date's window is searched
    r"\d[ .()/+-]+" + _YEAR_FIRST_DATE  # a digit before it
    + r"|\d\s?(?:[xX#]|[eE]xt\.?|[eE]xtension)\s?" + _YEAR_FIRST_DATE  # an extension before it
    + r"|" + _YEAR_FIRST_DATE + r"(?:[.()/+-][ .()/+-]*\d| (?:[ .()/+-]+|\d[ .()/+-]+|\d\d[ .()/+-]*)\d"  # digits after
    r"|(?: \d\d?)?\s?(?:[xX#]|[eE]xt))")  # an extension after it
# The international form with the seven digits the phone validator demands at least (extension digits do not
# count, the 00 of the prefix does): "part-00667" in a file name makes a match of the form, which the
# validator refuses. Between two digits of the form stand at most two of " .()-" ("+49 (0)30").
_PHONE_INTERNATIONAL_SEVEN_DIGITS = r"(?<![\w+])(?:\+[1-9](?:[ .()-]{0,2}\d){6}|00[1-9](?:[ .()-]{0,2}\d){4})"
_PHONE_PREFILTER = _r(_PHONE_INTERNATIONAL_SEVEN_DIGITS + "|" + _PHONE_BRACKETED + "|" + _PHONE_GROUPS_NOT_A_DATE
                      + "|" + _RUN_GOES_ON)


def _cued(cue: str, digits: str, gap: str = _CUE_GAP) -> str:
    """A cue, a short gap, then a bare number of exactly ``digits`` digits (group 1), not inside a longer number
    (no digit, dash, or digit and point before it: the gap may end in a point, "Tel.0301234567")."""
    return cue + gap + r"(?<![\d-])(?<!\d[.,])(" + digits + r")(?![\d-]|[.,]\d)"


# After a phone cue: bare digits, or a trunk prefix and a dash or slash before the rest (052-1234567, 030/1234567,
# 03-1234-5678 right after "TEL", where a letter touches it and the phone rules' own guards refuse it).
# Or a national number whose trunk prefix is a group of its own, as Russia writes 8 before its
# numbers (8 916 123-45-67, 8(916)123-45-67, 8-916-1234567, 8 9161234567): a group of one or two digits, a
# separator or an opening bracket, the rest in groups. Its validator (phone_digits_cued) asks phonenumbers' metadata
# whether the group is a plan's trunk prefix and the whole valid there (validators.phone_trunk_group); the phone
# rules take no group of one digit, and refuse a bracket or a dash glued to one. An alternative of this rule, not
# a rule of its own: the cue alternation is what costs, and one search of it serves both.
_TRUNK_GROUP_PHONE = r"\d{1,2}(?:[ .-]\(?|\()\d{2,5}\)?(?:[ .-]{0,2}\d{2,8}){1,4}"
_CUED_PHONE = r"\+?\d{7,13}|0\d{1,4}[-/]\d{3,8}(?:-\d{2,6})?|" + _TRUNK_GROUP_PHONE


# After a phone noun: bare digits, or a local number's two groups (validators.phone_digits_named).
_NAMED_PHONE = r"\d{7,13}|\d{3,4}[ .-]\d{4}"


def _caseless_literal(word: str) -> str:
    """``word`` for a case-insensitive pattern, its non-ASCII letters spelt in both cases (``n[úÚ]mero``): the
    Hyperscan prefilter folds only ASCII letters, and must still match whatever Python's ``(?i)`` matches.

    >>> _caseless_literal("número")
    'n[úÚ]mero'
    """
    return "".join(f"[{c}{c.upper()}]" if not c.isascii() and c.upper() != c else re.escape(c) for c in word)


def _snake_literal(word: str) -> str:
    """A spaced cue word (:func:`_caseless_literal`) whose spaces also match an underscore, as a log's keys write a
    cue of several words (``account_number=``, ``medical_record``); ``sql_patterns._cue_any`` is its SQL twin.

    >>> bool(re.fullmatch("(?i)" + _snake_literal("account number"), "Account_Number"))
    True
    """
    return _caseless_literal(word).replace("\\ ", "[ _]")


def _unspaced_cue(word: str) -> str:
    """An unspaced cue word, but not where it begins a longer word that means something else
    (:data:`~maskline.infotypes.text_cues.UNSPACED_CUE_EXCEPTIONS`).

    >>> cue = re.compile(_unspaced_cue("โทร"))
    >>> [bool(cue.match(t)) for t in ("โทร 081", "โทรศัพท์ 081", "โทรทัศน์ 081")]
    [True, True, False]
    """
    longer = [w[len(word):] for w in UNSPACED_CUE_EXCEPTIONS.get(word, ())]
    return re.escape(word) + ("(?!" + "|".join(map(re.escape, longer)) + ")" if longer else "")


# A cue word inside a camelCase or PascalCase key, as JSON logs of JavaScript and Java services write their fields
# ("phoneNumber", "homePhone", "PassportNo", "accountNumber"). The case boundaries are read exactly (scoped
# (?-i:), inside look-arounds, which the Hyperscan prefilter drops, so its superset stays one of caseless
# literals), the words caselessly: a part begins at the key's start or where a lower-case letter meets an
# upper-case one, and ends where no lower-case letter follows, so "Intel", "hotel", "Cellular", "phones",
# "telco" or "Faxon" hold no cue (a multi-word cue glued whole, "accountnumber", is one). A single word at
# the key's start counts only before the word for "number" ("phoneNumber", "TelNr"): "cellCount" or "phoneType"
# name something else, while a later part ("homePhone", "userMobile") is the noun the key is about.
_CAMEL_NUMBER = r"(?-i:N(?:umbers?|um|o|r))"
_CAMEL_END = r"(?!(?-i:[^\W\dA-Z_]))"  # no lower-case letter (any script) next: the part ends at a case boundary


def _cue_words(words: tuple[str, ...]) -> str:
    """One pattern for cue words: the words of spaced scripts whole (no letter on either side), or as a part of a
    camelCase key (see _CAMEL_NUMBER above), those of Japanese, Chinese, Korean and Thai anywhere (their scripts do
    not space words); longest first.

    >>> cue = re.compile("(?i)" + _cue_words(("kontonummer", "口座番号")))
    >>> [bool(cue.search(t)) for t in ("Ihre Kontonummer:", "口座番号は", "Kontonummern", "xkontonummer")]
    [True, True, False, False]
    >>> cue = re.compile("(?i)" + _cue_words(("phone", "account number")))
    >>> [bool(cue.search(t)) for t in ("phoneNumber", "homePhone", "PhoneNo", "accountNumber", "userAccountNumber")]
    [True, True, True, True, True]
    >>> [bool(cue.search(t)) for t in ("phoneType", "phones", "Smartphone", "xphoneNumber", "homephone", "myAccount")]
    [False, False, False, False, False, False]
    """
    unspaced = [w for w in words if _UNSPACED_LETTER.search(w)]
    spaced = [w for w in words if w not in unspaced]
    forms = [f for w in spaced if (f := camel_keys(w))]
    parts = []
    if spaced:
        # Whole words, or at a key's start before the word for "number" ("phoneNumber"), or a multi-word cue's own
        # key ("accountNumber"). One alternation under one guard: without Hyperscan Python tries every alternative
        # at every position of a line, and a guard per word doubled the cue rules' time.
        keys = spaced + [first for first, _ in forms if not first.islower()]
        parts.append(r"(?<![^\W\d_])(?:" + "|".join(_snake_literal(w) for w in sorted(dict.fromkeys(keys), key=len, reverse=True))
                     + rf")(?:(?![^\W\d_])|(?={_CAMEL_NUMBER}{_CAMEL_END}))")
    if forms:
        # A later part of a key, capitalised, where a lower-case letter meets an upper-case one ("homePhone"). The
        # upper-case letter is tested first: it fails at most positions of a line.
        later = sorted(dict.fromkeys(later for _, later in forms), key=len, reverse=True)
        parts.append(r"(?=(?-i:[A-Z]))(?<=(?-i:[^\W\dA-Z_]))(?:" + "|".join(_caseless_literal(w) for w in later)
                     + f"){_CAMEL_END}")
    if unspaced:
        parts.append("(?:" + "|".join(_unspaced_cue(w) for w in sorted(unspaced, key=len, reverse=True)) + ")")
    return "(?:" + "|".join(parts) + ")"


def _key_first_parts(words: tuple[str, ...]) -> str:
    """Cue words as the first part of a camelCase key that goes on with another part (``phoneType``, ``telExt``,
    ``MobileHome``): the key is read as its parts, split where a lower-case letter meets an upper-case one, as a
    snake_case key (``phone_type``) is split at its underscore. Only words that are ASCII letters (keys are ASCII
    identifiers).

    The phone cue rule (bare digits valid in a plan, with their trunk zero: ``phone_digits_cued``) takes them, as
    it takes a later part followed by another ("homePhoneType"); the noun rule, which takes any seven to thirteen
    digits, does not, since "cellCount: 12345678" or "phoneType: 98765432" are counts and codes as often.

    >>> cue = re.compile("(?i)" + _key_first_parts(("phone", "tel")))
    >>> [bool(cue.match(t)) for t in ("phoneType", "PhoneHome", "telExt", "phone_type")]
    [True, True, True, False]
    >>> [bool(cue.match(t)) for t in ("phones", "telemetryId", "PHONETYPE", "TELExt", "phone")]
    [False, False, False, False, False]
    """
    ascii_words = sorted((w for w in words if w.isascii() and w.isalpha()), key=len, reverse=True)
    # The word ends in a lower-case letter and an upper-case one follows: a case boundary, read exactly (scoped
    # (?-i:) inside look-arounds, which the Hyperscan prefilter drops, as _cue_words does).
    return (r"(?<![^\W\d_])(?:" + "|".join(ascii_words) + r")(?<=(?-i:[a-z]))(?=(?-i:[A-Z]))")


# The triggers of the cued identifier rules: a piece of every cue word (tests/text/test_cued_identifiers.py checks
# it), few and short, since without Hyperscan every line pays one substring search per trigger.
_PASSPORT_TRIGGERS = _with_snake_forms(("pass", "pasaport", "paspo", "travel doc", "útlev", "aşap", "așap", "διαβατ", "паспорт", "דרכון",
                      "جواز", "पासपोर्ट", "hộ chiếu", "旅券", "パスポート", "护照", "護照", "여권"))
_BANK_ACCOUNT_TRIGGERS = _with_snake_forms(("account", "acct", "konto", "kto-", "bankverbindung", "compte", "cuenta", "conto", "conta",
                          "rekening", "cont ", "de cont", "számla", "λογαριασμ", "счет", "счёт", "חשבון", "حساب",
                          "खाता", "tài khoản", "口座", "银行账", "銀行帳", "계좌"))
_MRN_TRIGGERS = _with_snake_forms(("mrn", "medical", "med rec", "patient", "patiënt", "hospital number", "dossier m", "historia cl",
                 "cartella", "prontu", "患者", "カルテ", "診察券", "病历", "病案", "住院", "病歷", "환자", "의무기록", "병록"))
_UNSPACED_PHONE_TRIGGERS = ("電話", "电话", "携帯", "連絡", "联系", "ファックス", "ケータイ", "手机", "手機", "拨打", "撥打",
                            "致电", "致電", "聯絡", "传真", "傳真", "전화", "휴대폰", "핸드폰", "연락처", "팩스", "โทร",
                            "มือถือ", "ติดต่อ")


_UNSPACED_LETTER = re.compile(f"[{UNSPACED_LETTERS}]")
# A phone noun as a camelCase key's first part cues the digits after it as a verb does ("phoneType: 0412345678"):
# the snake_case key ("phone_type") was read so already.
_PHONE_CUE_ASCII = ("(?i)(?:" + _cue_words(tuple(c for c in SPACED_PHONE_CUES if c.isascii())) + "|"
                    + _key_first_parts(tuple(c for c in PHONE_NOUN_CUES if c.isascii())) + ")")
_PHONE_CUE_OTHER = "(?i)" + _cue_words(tuple(c for c in SPACED_PHONE_CUES if not c.isascii()))
_PHONE_NOUN_ASCII = "(?i)" + _cue_words(tuple(c for c in PHONE_NOUN_CUES if c.isascii()))
_PHONE_NOUN_OTHER = "(?i)" + _cue_words(tuple(c for c in PHONE_NOUN_CUES if not c.isascii()))
# Between an identifier's cue and its value: separators and the word for "number" or a topic particle
# ("passport number: X1234567", "口座番号は1234567", "여권번호: M12345678"), nothing else: a number further on,
# after other words, belongs to something else. Full-width colon and number sign, as Japanese and Chinese write them;
# an underscore and quotes, as a log's keys are written ("account_number=", JSON's "passport": "…"). The same gap
# follows a phone noun ("phone_number=", "tel_no:", "phone": "…").
_ID_SEPARATORS = r"[\s:#=._°º()：＃\"'-]{0,4}"
_ID_GAP = (_ID_SEPARATORS + r"(?:(?:numbers?|no|nr|num|nummer|n[uúÚ]mero|num[eéÉ]ro|is|"
           r"sz[áÁ]m|sz[áÁ]ma|num[ăĂ]r|num[ăĂ]rul|nomor|s[ốỐ]|αριθμ[όΌ]ς|номер|מספר|رقم|नंबर|संख्या|"
           r"号码|號碼|号|號|番号|번호|は|은|는|:)" + _ID_SEPARATORS + r"){0,2}")
# The value's edges are ASCII letters and digits: a letter of an unspaced script may touch it ("号码E12345678已").
_ID_END = r"(?![A-Za-z0-9]|[.,/-][A-Za-z0-9])"
_PASSPORT_RULE = ("(?i)" + _cue_words(PASSPORT_CUES) + _ID_GAP  # or a Russian series and number, 4509 123456
                  + r"(?<![A-Za-z0-9])((?=[A-Za-z]{0,8}\d)[A-Za-z0-9]{6,10}|\d{4} \d{6})" + _ID_END)
_BANK_ACCOUNT_RULE = ("(?i)" + _cue_words(BANK_ACCOUNT_CUES) + _ID_GAP
                      + r"(?<![A-Za-z0-9])(\d{2,}(?:[ /-]\d{2,}){0,5})" + _ID_END)
_MRN_RULE = ("(?i)" + _cue_words(MRN_LOG_CUES) + _ID_GAP
             + r"(?<![A-Za-z0-9])((?:[A-Za-z]{1,4}[-/]?)?\d[\d-]{3,14}\d)" + _ID_END)


SPAN_RULES: tuple[SpanRule, ...] = (
    SpanRule("PRIVATE_KEY", _r(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[\s\S]*?"
                               r"(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|\Z)"),
             "private_key", triggers=("PRIVATE KEY",)),
    SpanRule("JWT", _r(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), "jwt", triggers=("eyJ",)),
    SpanRule("CONNECTION_STRING", _r(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@'\"]+:[^\s@/'\"]+@[^\s'\"<>]+"),
             "connection_string", triggers=("://",)),
    # Provider formats that prove themselves (AWS key ids, GitHub, Slack, Stripe, Google, OpenAI, GitLab,
    # SendGrid, npm, PyPI, Hugging Face, Google OAuth, Azure AD client secrets, Azure SAS signatures).
    SpanRule("API_KEY", _r(r"(?<![A-Za-z0-9])(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|"
                           r"github_pat_[A-Za-z0-9_]{60,}|xox[abposr]-[0-9A-Za-z-]{10,}|"
                           r"[sr]k_(?:live|test)_[0-9A-Za-z]{20,}|AIza[0-9A-Za-z_-]{35}|"
                           r"sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|glpat-[0-9A-Za-z_-]{20}|"
                           r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}|npm_[A-Za-z0-9]{36}|"
                           r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}|hf_[A-Za-z0-9]{30,}|"
                           r"ya29\.[0-9A-Za-z_-]{20,}|GOCSPX-[0-9A-Za-z_-]{28}|"
                           r"[0-9A-Za-z_~.-]{3}\dQ~[0-9A-Za-z_~.-]{31,34}|sig=[0-9A-Za-z%+/=]{20,})"),
             None, triggers=("AKIA", "ASIA", "gh", "github_pat_", "xox", "k_live_", "k_test_", "AIza", "sk-",
                             "glpat-", "SG.", "npm_", "pypi-", "hf_", "ya29.", "GOCSPX-", "Q~", "sig=")),
    # Unlabelled cloud secrets: an AWS secret access key (40 base64 characters) or an Azure storage account
    # key (86 + "=="). Only random-looking runs with mixed classes pass (no hex digests, no paths).
    SpanRule("API_KEY", _r(r"(?<![A-Za-z0-9/+=])(?:[A-Za-z0-9/+]{40}|[A-Za-z0-9/+]{86}==)(?![A-Za-z0-9/+=])"),
             "cloud_secret", needs_digit=True),
    SpanRule("API_KEY", _r(r"(?i)\b(?:authorization\s*[:=]\s*)?bearer\s+([A-Za-z0-9._~+/-]{16,}=*)"), None, group=1,
             triggers=("bearer",), ci_triggers=True),
    # HTTP Basic credentials: base64 of "user:password".
    SpanRule("PASSWORD", _r(r"(?i)\bbasic\s+([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])"), "basic_auth", group=1,
             triggers=("basic",), ci_triggers=True),
    # The same in an Authorization header: the header says it is a credential, so it is masked whole whatever it
    # decodes to (a Latin-1 password, no colon, a tab), as SQL scrub masks every "Basic" token.
    SpanRule("PASSWORD", _r(r"(?i)\b(?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?basic\s+([A-Za-z0-9+/]{4,}={0,2})"
                            r"(?![A-Za-z0-9+/=])"), None, group=1, triggers=("authorization",), ci_triggers=True),
    SpanRule("PASSWORD", _r(r"(?i)(?<![A-Za-z])(?:" + _SECRET_WORDS + r")[\"']?\s*(?::|=|=>|\bis\b)\s*"
                            r"(?:\"([^\"\s]{3,})\"|'([^'\s]{3,})'|([^\s\"',;&)}\]]{3,}))"),
             None, group="value", triggers=_SECRET_TRIGGERS, ci_triggers=True),
    # Any script (josé@correo.es, 用户@例子.广告, punycode) and percent-encoded (ana%40correo.es, %C3%A9).
    SpanRule("EMAIL", _r(r"(?<![\w.%+-])\w(?:[\w.%+'-]*\w)?(?:@|%40)(?:[^\W_](?:[\w-]*[^\W_])?\.)+"
                         r"(?:[^\W\d_]{2,24}|xn--[a-z0-9-]{2,59})(?![\w-])"), "email", triggers=("@", "%40"),
             within_token=True, prefilter=_r(r"\w(?:@|%40)[^\W_]")),  # the characters on each side of the @
    # Upper or lower case, grouped by spaces or dashes.
    SpanRule("IBAN", _r(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?:[ -][A-Za-z0-9]{4}){2,7}"
                        r"(?:[ -][A-Za-z0-9]{1,4})?)(?![A-Za-z0-9])"), "iban",
             needs_digit=True, shrink=True),  # "de89 3704 0044 0532 0130 00 ok": the regex takes "ok" too
    # Grouped by spaces, dashes or dots (4111.1111.1111.1111).
    SpanRule("CREDIT_CARD", _r(r"(?<![\d.,-])(?:\d(?:[ -]?\d){12,18}|\d{4}(?:\.\d{4}){2,3}(?:\.\d{1,4})?)"
                               r"(?![\d-]|\.\d)"), "luhn", needs_digit=True, in_digit_runs=True, min_digits=13,
             # The first twelve digits of either form, with the guard before them. The full pattern's bounded
             # repeats made it a fifth of the whole database's scan time.
             prefilter=_r(r"(?<![\d.,-])\d(?:[ .-]?\d){11}")),
    # Dashed or spaced (536-90-4399, 536 90 4399); nine bare digits need a cue (below).
    SpanRule("US_SSN", _r(r"(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])"), "us_ssn", needs_digit=True,
             in_digit_runs=True, min_digits=9),
    SpanRule("US_SSN", _r(_cued(r"(?i)(?<![^\W\d_])(?:ssn|social security(?: number| no\.?)?|soc\.? ?sec\.?|ss#)",
                                r"\d{9}")), "us_ssn", group=1, triggers=("ssn", "social", "soc", "ss#"),
             ci_triggers=True, needs_digit=True),
    SpanRule("NATIONAL_ID", _r(r"(?<![\w.])(?:\d{8}-?[A-Z]|\d{3}\.\d{3}\.\d{3}-\d{2}|[XYZ]-?\d{7}-?[A-Z]|"
                               r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]|"
                               r"[12] ?\d{2} ?\d{2} ?[0-9AB]{2} ?\d{3} ?\d{3} ?\d{2}|756\.\d{4}\.\d{4}\.\d{2}|"
                               r"\d{4}\.\d{2}\.\d{3}|\d{2} \d{3} \d{3} \d{3})(?![\w.])"),
             "national_id", needs_digit=True, in_digit_runs=True, min_digits=6),
    # A Dutch BSN or a German tax ID (Steuer-ID, IdNr) written as bare digits: only after its name.
    SpanRule("NATIONAL_ID", _r(_cued(r"(?i)(?<![^\W\d_])(?:bsn|burgerservicenummer|sofi-?nummer)", r"\d{9}")),
             "nl_bsn", group=1, triggers=("bsn", "burgerservice", "sofi"), ci_triggers=True, needs_digit=True),
    SpanRule("NATIONAL_ID", _r(_cued(r"(?i)(?<![^\W\d_])(?:steuer-?id(?:entifikationsnummer)?|steuer-?idnr|"
                                     r"steuerliche identifikationsnummer|idnr|tax[ _-]?id|tin)", r"\d{11}")),
             "de_idnr", group=1, triggers=("steuer", "idnr", "tax", "tin"), ci_triggers=True, needs_digit=True),
    # Codice fiscale: letters and digits interleave, so no digit run announces it.
    SpanRule("NATIONAL_ID", _r(r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])"), "national_id",
             needs_digit=True),
    SpanRule("MAC_ADDRESS", _r(r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]"
                               r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}(?![\w:-])"), "mac", needs_digit=True),
    # Not after a letter: v1.2.3.4 is a version.
    SpanRule("IP_ADDRESS", _r(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"), "public_ip", needs_digit=True,
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
             None, group=1, triggers=("dob", "d.o.b", "birth", "born", "geb", "né", "nee", "naissance", "nacid",
                                      "nacimiento", "nato", "nata", "nascita", "geboorte", "nascid", "nascimento"),
             ci_triggers=True, needs_digit=True),
    SpanRule("PHONE", _r(_PHONE_INTERNATIONAL + "|" + _PHONE_BRACKETED + "|" + _PHONE_PAIRS + "|" + _PHONE_GROUPS),
             "phone", needs_digit=True, in_digit_runs=True, min_digits=7, prefilter=_PHONE_PREFILTER),
    # A trunk prefix and two groups (030 901820, 030/901820, 0170 1234567): few separators, so the number
    # must be valid, not just possible, in a numbering plan.
    SpanRule("PHONE", _r(r"(?<![\w.,/-])0\d{1,4}(?: ?/ ?| )\d{3,8}(?:[ -]\d{2,6})?" + _EXT + _PHONE_END),
             "phone_local", needs_digit=True, in_digit_runs=True, min_digits=7),
    # Bare digits are a phone only after a phone cue; epoch seconds and ISBNs have none. Ten or eleven digits
    # valid in a common plan; seven to nine or twelve to thirteen (a German mobile's 015112345678) only with the
    # trunk zero and valid where that length is real (phone_digits_cued), so "call 12345678" stays an order.
    SpanRule("PHONE", _r(_cued(_PHONE_CUE_ASCII, _CUED_PHONE)), "phone_digits_cued", group=1,
             triggers=_PHONE_CUE_ASCII_TRIGGERS, ci_triggers=True, needs_digit=True),
    SpanRule("PHONE", _r(_cued(_PHONE_CUE_OTHER, _CUED_PHONE)), "phone_digits_cued", group=1,
             triggers=_PHONE_CUE_OTHER_TRIGGERS, ci_triggers=True, needs_digit=True),
    # Bare digits right after a noun that names the field ("phone: 98765432", "Tel.-Nr. 5550199", "телефон
    # 98765432"), trunk zero or not: eight digits are a whole number in Norway, Denmark, Singapore or Hong Kong,
    # seven in Iceland, and the noun says what the field holds. Only separators and the word for "number" may
    # stand between (_ID_GAP, as after an identifier's cue): "phone bill 12345678" is an amount. Verbs ("call 12345678") stay above. Or a
    # local number's two groups (555-0199, 9123 4567), a postcode's shape elsewhere.
    SpanRule("PHONE", _r(_cued(_PHONE_NOUN_ASCII, _NAMED_PHONE, _ID_GAP)), "phone_digits_named", group=1,
             triggers=_PHONE_NOUN_ASCII_TRIGGERS, ci_triggers=True, needs_digit=True),
    SpanRule("PHONE", _r(_cued(_PHONE_NOUN_OTHER, _NAMED_PHONE, _ID_GAP)), "phone_digits_named", group=1,
             triggers=_PHONE_CUE_OTHER_TRIGGERS, ci_triggers=True, needs_digit=True),
    # The same after a Japanese, Chinese, Korean or Thai cue ("请拨打13812345678", "電話番号は09012345678"), valid
    # in those countries' plans. The scrubber's reading turns these letters into boundaries, so this rule finds
    # its cue in the text as written (scrubber._with_written); a short gap, as these scripts are dense.
    SpanRule("PHONE", _r(_cued(_cue_words(UNSPACED_PHONE_CUES), r"\+?\d{7,13}", r"[^\d\n]{0,8}?")),
             "phone_digits_east_asia", group=1, triggers=_UNSPACED_PHONE_TRIGGERS, needs_digit=True),
    # Identifiers with no checksum of their own, found only right after a cue that names them (_ID_GAP), and
    # proved by their shape (the classifier's validators for these types).
    SpanRule("PASSPORT", _r(_PASSPORT_RULE), "passport_number_cued", group=1, triggers=_PASSPORT_TRIGGERS,
             ci_triggers=True, needs_digit=True),
    SpanRule("BANK_ACCOUNT", _r(_BANK_ACCOUNT_RULE), "bank_account", group=1,
             triggers=_BANK_ACCOUNT_TRIGGERS, ci_triggers=True, needs_digit=True),
    SpanRule("MEDICAL_RECORD_NUMBER", _r(_MRN_RULE), "record_number", group=1, triggers=_MRN_TRIGGERS,
             ci_triggers=True, needs_digit=True),
)
