"""Detectors: a pattern that finds candidates, and a validator that proves them, per info type.

Patterns are written in the syntax RE2 (Arrow, DuckDB) and Python's ``re`` read
alike, so one pattern runs vectorized over a column in Arrow and one value at a
time here. Validators (:mod:`maskline.infotypes.validators`) run only on the
candidates a pattern matched.

Each detector also declares how much a validated value proves:

- ``chance``: how often a random string of the pattern's shape passes the
  validator anyway (a 16-digit number passes Luhn and an issuer check about 4%
  of the time; an e-mail shape is an e-mail). The classifier tests the
  validated share against it.
- ``needs_hint``: the shape is too common to mean anything without a column
  name that says so (nine bare digits, a word in capitals, a date).

>>> detect_value("ana.lopez@correo.es")
'EMAIL'
>>> detect_value("ORD-2024-000183") is None
True
>>> matches("4111-1111-1111-1111", "CREDIT_CARD"), matches("4111-1111-1111-1112", "CREDIT_CARD")
(True, False)
>>> match_mask(["+33 1 23 45 67 89", None, "hello"], "PHONE")
[True, False, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

Kind = Literal["string", "integer", "float", "date"]


@dataclass(frozen=True)
class Detector:
    """One way to recognise an info type in a column value."""

    info_type: str
    name: str  # for evidence strings, e.g. "luhn"
    pattern: str  # full-match candidate pattern, RE2- and Python-compatible
    validator: str | None  # a key of VALIDATORS, or None when the pattern is proof enough
    chance: float = 0.0  # share of random shape-matching strings that validate anyway
    needs_hint: bool = False  # only counts when the column name points to this info type
    kinds: tuple[Kind, ...] = ("string",)
    strength: float = 0.95  # how sure a fully validated column makes us, before the name is heard
    # Keys of shape_checks.SHAPE_CHECKS, tried in order: column statistics that say "another kind" (one name, or a
    # tuple where several kinds look alike: a postal format reads flight numbers and counters by chance).
    refute: str | tuple[str, ...] | None = None
    note: str = ""  # added to the evidence when this detector decides (e.g. "checksum failed")
    min_share: float = 0.0  # share of a column's values that must validate for a verdict without a name
    # With needs_hint: counts only when the name holds one of these word sequences, not any hint of the type
    # (a PIN's digits are a secret under `pin`, not under `pass_yards`, which the generic `pass` hint reaches).
    names: tuple[tuple[str, ...], ...] = ()
    # When a column's candidates pass, also measure the chance on random twins of them (maskline.classify.
    # twin_chance): ids of one range share a prefix behind which a check may pass far more often than ``chance``.
    twin_chance: bool = False

    @property
    def anchored(self) -> str:
        """The pattern matched against a whole value, not a part of it.

        >>> import re
        >>> ssn = detectors_for("US_SSN")[0]
        >>> bool(re.match(ssn.pattern, "123-45-67890")), bool(re.match(ssn.anchored, "123-45-67890"))
        (True, False)
        """
        return f"^(?:{self.pattern})$"


_D = Detector
_S: tuple[Kind, ...] = ("string",)
_SI: tuple[Kind, ...] = ("string", "integer")
# A postal mark or abbreviation written before the code: 〒 (Japan), ΤΚ (Greece), CP, PC, ПК.
_POSTAL_MARK = "(?:〒 ?|[A-Za-zͰ-ϿЀ-ӿ]{1,4}[ -])?"
_NAMEISH = r"[^0-9@#$%&*=<>/\\|{}\[\]~^_:;!?+()\"\t\n]{2,80}"
# A card number: 13 to 19 digits, bare or grouped by spaces (no-break spaces too: copied from a web page or a PDF) or
# dashes, or by dots in groups as printed.
_NBSP = "\u00a0"  # a literal character: RE2 and Python read it alike
# Every character from U+00C0 on, as literal characters (RE2 and Python read them alike): the e-mail pattern lets
# accented and other-script addresses (RFC 6531: `josé.garcía@correo.es`, `用户@例子.广告`) reach the validator, which
# decides them; ASCII addresses match as before.
_LETTERS_BEYOND_ASCII = "\u00c0-\U0010ffff"
_CARD = rf"[0-9]{{4}}([ {_NBSP}-]?[0-9]){{9,15}}|[0-9]{{4}}(\.[0-9]{{3,6}}){{2}}(\.[0-9]{{1,5}}){{0,2}}"

# A login may be written behind its Windows logon domain (``CORP\\jsmith``: validators.logon_account).
_LOGON_DOMAIN = r"(?:[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\)?"

# Priority order: the first validated detector wins in detect_value(), so specific formats come first.
DETECTORS: tuple[Detector, ...] = (
    _D("PRIVATE_KEY", "pem", r"(?s:\s*-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----.*)", "private_key"),
    _D("JWT", "jwt-header", r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", "jwt"),
    _D("CONNECTION_STRING", "credentials-url", r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]+:[^\s@/]+@\S+",
       "connection_string"),
    _D("CONNECTION_STRING", "key-value", r"(?i:[^\n]*(password|pwd)\s*=[^\n]*)", "connection_string"),
    # A passport's machine-readable zone (ICAO 9303 TD3), its second line alone or both lines: four check digits and
    # the composite one prove it (validators.passport_mrz); a value holds the number, the birth date and the name.
    _D("PASSPORT", "mrz-td3", r"(P[A-Z<]{43}(\r?\n| ))?[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{7}[MFX<][0-9]{7}[A-Z0-9<]{14}"
       r"[0-9<][0-9]", "passport_mrz", chance=0.001, min_share=0.5),
    _D("EMAIL", "email", rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~{_LETTERS_BEYOND_ASCII}-]+@[A-Za-z0-9.{_LETTERS_BEYOND_ASCII}-]+"
       rf"\.[A-Za-z{_LETTERS_BEYOND_ASCII}]{{2,24}}", "email"),
    _D("URL", "url", r"(?i:(https?|ftp)://|www\.)\S+", "url", strength=0.9),
    _D("API_KEY", "provider-format", r"[A-Za-z0-9_\-./+=:]{16,200}", "api_key"),
    _D("PASSWORD", "password-complexity", r"\S{8,64}", "password_complex", chance=0.02, strength=0.8,
       refute=("base64_blobs", "bracketed_codes", "language_lists", "key_value_records")),
    _D("PASSWORD", "password-hash", r"(\$|\{|pbkdf2|bcrypt|scrypt)\S{10,}", "password_hash"),
    # Grouped by spaces or, as some exports print them, dashes (DE89-3704-0044-0532-0130-00).
    _D("IBAN", "mod97", r"[A-Za-z]{2}[0-9]{2}([ -]?[A-Za-z0-9]){11,30}", "iban", chance=0.01),
    # Name and shape agree (the country's length and BBAN layout), only the mod-97 digits fail: still IBANs, less sure
    # than a validated one; above the domestic BBAN reading of the same digits (bban_shape, 0.82), which the name
    # does not name.
    _D("IBAN", "iban-shape", r"[A-Za-z]{2}[0-9]{2}( ?[A-Za-z0-9]){11,30}", "iban_shape", chance=0.5, needs_hint=True,
       strength=0.84, note="checksum:mod97 failed; IBAN by name and shape (failed_checks)"),
    _D("CREDIT_CARD", "luhn", _CARD, "card_number", chance=0.05, kinds=_SI),
    # Name and shape agree, only the checksum fails (test data, truncated or mistyped cards): still cards, less sure.
    _D("CREDIT_CARD", "card-shape", _CARD, "card_shape", chance=0.5, needs_hint=True,
       kinds=_SI, strength=0.78, note="checksum:luhn failed; card by name and shape"),
    # The number with its expiry or its holder's name after it, in one field; the number alone is validated.
    _D("CREDIT_CARD", "luhn-with-details", f"(?:{_CARD})[ {_NBSP},;|/]+" + r"[0-9A-Za-zÀ-ÿ].{1,60}", "card_then_details",
       chance=0.05, strength=0.9),
    # A card's magnetic-stripe track as readers and payment logs store it (track data: never to be kept, PCI DSS),
    # and a card number inside a payment record (key=value pairs, JSON, delimited fields); the PAN is validated.
    _D("CREDIT_CARD", "track-data", r"%?[Bb][0-9]{12,19}\^[^^]{2,26}\^[0-9]{4}[0-9 ]{0,40}\??"
       r"|;?[0-9]{12,19}[=Dd][0-9]{4}[0-9]{0,40}\??", "card_track", chance=0.05),
    _D("CREDIT_CARD", "card-in-record", r".{0,80}[^0-9][0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{0,7}(?:[^0-9].{0,80})?",
       "card_in_record", chance=0.05, strength=0.85),
    _D("US_SSN", "ssn-dashed", r"[0-9]{3}-[0-9]{2}-[0-9]{4}", "us_ssn", chance=0.1, strength=0.9),
    _D("NATIONAL_ID", "codice-fiscale", r"[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}"
       r"[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]",
       "it_codicefiscale"),
    _D("NATIONAL_ID", "dni-nie", r"[XYZxyz]?-?[0-9]{7,8}-?[A-Za-z]", "national_id", chance=0.05),
    _D("NATIONAL_ID", "cpf", r"[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}", "br_cpf", chance=0.01),
    # An Argentine CUIT/CUIL as written (type, eight digits, a mod-11 check digit): the check holds one time in
    # eleven by chance, the type (20, 23, 24, 27 people; 30, 33, 34 companies) is in the pattern.
    _D("NATIONAL_ID", "cuit", r"(20|23|24|27|30|33|34)-[0-9]{8}-[0-9]", "ar_cuit", chance=0.1, strength=0.9),
    _D("NATIONAL_ID", "nino", r"[A-Za-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d]", "gb_nino", chance=0.05),
    _D("NATIONAL_ID", "nir", r"[12] ?[0-9]{2} ?[0-9]{2} ?[0-9AB]{2} ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}", "fr_nir",
       chance=0.01),
    _D("NATIONAL_ID", "ahv", r"756\.?[0-9]{4}\.?[0-9]{4}\.?[0-9]{2}", "ch_ssn", chance=0.1),
    _D("NATIONAL_ID", "cpf-digits", r"[0-9]{11}", "br_cpf", chance=0.01, kinds=_SI),
    _D("NATIONAL_ID", "idnr", r"[0-9]{11}", "de_idnr", chance=0.1, needs_hint=True, kinds=_SI),
    # Named, the digits may be written in groups as printed on the card (Iranian 123-456789-0, NHS 943 476 5919).
    _D("NATIONAL_ID", "checksummed-digits", r"[0-9]{9,13}|[0-9]{2,6}([ -][0-9]{1,8}){1,3}", "national_id",
       chance=0.15, needs_hint=True, kinds=_SI),
    # Without a name, digits count only when nearly all pass a national check digit (random digits: about 1 in 5;
    # behind a shared prefix up to 9 in 10, as a Danish CPR is a date with no check digit: measured on twins).
    _D("NATIONAL_ID", "checksum-digits", r"[0-9]{9,13}", "national_id", chance=0.2, kinds=_SI, strength=0.8,
       refute="isbns", twin_chance=True),
    # A birth number written with its slash (Slovak, Czech): a date, a serial and a mod-11 check.
    _D("NATIONAL_ID", "birth-number", r"[0-9]{6}/[0-9]{4}", "national_id", chance=0.1, strength=0.85),
    # Indonesia's NIK: a province, regency and district code, a birth date (day + 40 for women) and a serial, with
    # no check digit; python-stdnum's id.nik checks the place against its list and the date. Random sixteen digits
    # pass about 1 time in 30 (indonesian_ids); ids of one range behind a real place and date pass always, hence the
    # twins. Unnamed, since "nik" is also a nickname (name_hints_seasia).
    _D("NATIONAL_ID", "nik", r"[0-9]{16}", "id_nik", chance=0.05, kinds=_SI, strength=0.85, twin_chance=True),
    # Malaysia's MyKad: a birth date, a birthplace code and a serial, no check digit; python-stdnum's my.nric checks
    # the date and the place. Random twelve digits pass about 1 time in 32 (malaysian_ids); a range of ids behind
    # one real date and place passes always, hence the twins. Unnamed, as "ic" is also a chip (name_hints_seasia).
    _D("NATIONAL_ID", "mykad", r"[0-9]{6}-?[0-9]{2}-?[0-9]{4}", "my_nric", chance=0.05, kinds=_SI, strength=0.85,
       twin_chance=True),
    # India's PAN of a person: five letters, four digits, a letter, the fourth letter P or H (indian_ids); no check
    # character, random strings of the shape pass 2 times in 26. Unnamed: "pan" is also a card's account number.
    _D("NATIONAL_ID", "pan", r"[A-Z]{5}[0-9]{4}[A-Z]", "in_pan", chance=0.08, strength=0.85),
    _D("US_SSN", "ssn-digits", r"[0-9]{9}", "us_ssn", chance=0.9, needs_hint=True, kinds=_SI),
    _D("MAC_ADDRESS", "mac", r"[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}",
       "mac"),
    # Three-part dotted numbers match too and fail: a column mixing them with quads is versions (2.4.1, 1.0.3.7).
    _D("IP_ADDRESS", "ipv4", r"[0-9]{1,3}(\.[0-9]{1,3}){2,3}", "ip", chance=0.02, refute="version_strings"),
    _D("IP_ADDRESS", "ipv6", r"[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(:[0-9.]{7,15})?", "ip", chance=0.01),
    _D("GEO_COORDINATE", "lat-lon-pair", r"\(?\s*-?[0-9]{1,2}\.[0-9]{3,}\s*[,;]\s*-?[0-9]{1,3}\.[0-9]{3,}\s*\)?",
       "geo_pair", strength=0.9),
    _D("GEO_COORDINATE", "latitude", r"-?[0-9]{1,2}\.[0-9]{2,}", "latitude", needs_hint=True,
       kinds=("string", "float")),
    _D("GEO_COORDINATE", "longitude", r"-?[0-9]{1,3}\.[0-9]{2,}", "longitude", needs_hint=True,
       kinds=("string", "float")),
    # Unnamed floats: coordinates only when stored with 5 to 8 decimals and spread over degrees (shape check).
    _D("GEO_COORDINATE", "coordinate-decimals", r"-?[0-9]{1,3}\.[0-9]{5,8}", "longitude", chance=0.5,
       kinds=("float",), strength=0.72, refute="not_coordinates"),
    # The same numbers kept as text (a column of coordinates with "n/a" or "unknown" among them is text), in a
    # third of the values or more.
    _D("GEO_COORDINATE", "coordinate-decimals-text", r"-?[0-9]{1,3}\.[0-9]{5,8}", "longitude", chance=0.5,
       strength=0.72, refute="not_coordinates", min_share=0.3),
    # Without a name, international notation (+ and a country code) is a phone by itself; national digit groups are
    # also accounts, ISSNs and document numbers, so unnamed they count only when a numbering plan explains the whole
    # column better than random digits (classify/column.py, phone plans), and named they count by shape. A column
    # whose other values are the same digit runs behind a minus sign is signed quantities (+1234, -567), not phones.
    _D("PHONE", "international", r"(\+|00)[1-9][0-9 ().\-/]{5,22}[0-9]( ?(x|X|ext\.?|#) ?[0-9]{1,6})?",
       "phone_international", chance=0.02, strength=0.9, refute="signed_quantities"),
    _D("PHONE", "phonenumbers", r"(\+|00)?[0-9(][0-9 ().\-/]{5,22}[0-9]( ?(x|X|ext\.?|#) ?[0-9]{1,6})?", "phone",
       chance=0.3, strength=0.9, needs_hint=True, refute="isbns"),
    _D("PHONE", "phonenumbers-any", r"(\+|00)?[0-9(][0-9 ().\-/]{5,22}[0-9]( ?(x|X|ext\.?|#) ?[0-9]{1,6})?", "phone_any",
       chance=0.5, needs_hint=True, kinds=_SI, refute="isbns"),
    _D("ICD10_CODE", "icd10", r"[A-TV-Za-tv-z][0-9]{2}(\.?[0-9A-Za-z]{1,4})?", "icd10", chance=0.3,
       needs_hint=True),
    _D("ICD10_CODE", "icd10-dotted", r"[A-TV-Z][0-9]{2}\.[0-9A-Z]{1,4}", "icd10", chance=0.3, strength=0.8),
    _D("POSTAL_CODE", "postcode-format", _POSTAL_MARK + r"[A-Za-z0-9][A-Za-z0-9 -]{3,8}[A-Za-z0-9]",
       "postal_code_distinctive",
       chance=0.2, strength=0.75, refute=("flight_numbers", "enumerated_labels", "counter_codes")),
    # A country's format with its allocation lists widened (a UK postcode's shape in an area never allocated:
    # fixtures, synthetic or masked data). Plates and serials fit such shapes now and then: most values must.
    _D("POSTAL_CODE", "postcode-skeleton", _POSTAL_MARK + r"[A-Za-z0-9][A-Za-z0-9 -]{3,8}[A-Za-z0-9]",
       "postal_code_skeleton", chance=0.2, strength=0.72, min_share=0.8,
       refute=("flight_numbers", "enumerated_labels", "counter_codes")),
    # Up to eleven characters: Iran writes ten digits in two groups (12345-67890), Brazil 12345-678.
    _D("POSTAL_CODE", "postcode", _POSTAL_MARK + r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}[A-Za-z0-9]", "postal_code",
       chance=0.5, needs_hint=True, kinds=_SI),
    # A UK postcode's district (LA4, RM17) or sector (L3 8): the outward code in an allocated area, under a postal name.
    _D("POSTAL_CODE", "postcode-district", r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( [0-9])?", "uk_postcode_district",
       chance=0.3, strength=0.8, needs_hint=True),
    # Any way people write a date, with or without a time and zone: it only counts under a birth-date name.
    _D("DATE_OF_BIRTH", "calendar-date", r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
       r"([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)? ?(Z|UTC|[+-][0-9]{2}:?[0-9]{2})?|"
       r"[0-9]{1,2}[./-][0-9]{1,2}[./-]([0-9]{2}){1,2}|(19|20)[0-9]{6}|"
       r"[0-9]{1,2}[ .-]?[A-Za-z]{3,9}\.?[ .-]?[0-9]{4}|[A-Za-z]{3,9}\.? [0-9]{1,2},? [0-9]{4}|"
       r"[0-9]{4} ?[年년] ?[0-9]{1,2} ?[月월] ?[0-9]{1,2} ?[日일]?", "birth_date",
       chance=0.9, needs_hint=True, kinds=("string", "integer", "date")),
    _D("STREET_ADDRESS", "street", r"(?s:.*[0-9].*)", "street_address", strength=0.85, refute=("flight_numbers", "shared_numbers", "storage_paths")),
    # Any language, no street word needed: a house number and, apart from it, a country's postal code.
    _D("STREET_ADDRESS", "postal-address", r"(?s:.*[0-9].*)", "postal_address", chance=0.05, strength=0.85,
       min_share=0.5),
    # ... or a three-digit code and a town of the gazetteer (Iceland, the Faroes): labels with counts are refuted.
    _D("STREET_ADDRESS", "three-digit-postal-address", r"(?s:.*[0-9]{3}.*)", "three_digit_postal_address",
       chance=0.05, strength=0.8, refute="repeated_leads", min_share=0.3),
    _D("STREET_ADDRESS", "address-shape", r"(?s:.*[^\W\d_].*[0-9].*|.*[0-9].*[^\W\d_].*)", "address_shape",
       chance=0.5, needs_hint=True),
    # Without a name, most values must open with a first name: in brands, products, dishes and cities some do
    # ("Victoria Ultra Lite", "Florence"), in a column of people nearly all do.
    _D("PERSON_NAME", "first-name-dictionary", _NAMEISH, "person_name", chance=0.05, strength=0.85,
       refute="person_words", min_share=0.5),
    # Family names have no complete lexicon; in many languages they share endings (-ov, -enko, -ski, -ová, -ić,
    # -son, -dóttir, -nen, -oğlu, -ez): values opening with a known given name or carrying such an ending.
    _D("PERSON_NAME", "name-lexicon-or-ending", _NAMEISH, "person_name_or_family_ending", chance=0.05,
       strength=0.85, refute="person_words", min_share=0.5),
    # A name hint does not make names of things people: a few non-name words framing many values refute it, and
    # so do capitalised values almost none of which is a known name (drugs, genres, languages under "name").
    _D("PERSON_NAME", "name-shape", _NAMEISH, "person_name_shape", chance=0.5, needs_hint=True,
       refute="hinted_names"),
    # Under a name, numbers stored in lower case count too when digits dominate them (validators._lower_cased).
    _D("PASSPORT", "passport", r"[A-Za-z0-9 ]{6,12}", "passport_number_any_case", chance=0.5, needs_hint=True,
       kinds=_SI, refute="surrogate_keys"),
    # A passport's series kept in a column of its own beside the number, as the data models of the former Soviet
    # states split it (серия и номер: Russia's four digits, 45 06; Ukraine's, Belarus's, Kazakhstan's and
    # Uzbekistan's two letters, AC, МР): too short for any number's reading, so only a series word beside the
    # passport word says what they are. Nothing in two letters is distinctive (chance 1.0); values of another kind
    # under the same name (dates, words, long numbers) do not fit the pattern and decide nothing.
    _D("PASSPORT", "passport-series", r"[A-Z]{2}|[А-ЯЁІЇЄЎҚҒҲ]{2}|[0-9]{2} ?[0-9]{2}|[0-9]{2}", None, chance=1.0,
       needs_hint=True, kinds=_SI, strength=0.8,
       names=tuple((doc, word) for doc in ("passport", "pasport", "pasporta", "паспорт", "паспорта")
                   for word in ("series", "serie", "seria", "seriya", "seriia", "serija", "серия", "серія", "seriyasi"))
       + tuple((word, doc) for doc in ("passport", "pasport", "pasporta", "паспорта", "паспорту")
               for word in ("series", "seria", "seriya", "seriia", "serija", "серия", "серія"))),
    _D("BANK_ACCOUNT", "account", r"[A-Za-z0-9][A-Za-z0-9 /-]{4,40}", "bank_account_any_case", chance=0.5,
       needs_hint=True, kinds=_SI, refute="routing_numbers"),
    # Without a name: domestic account numbers whose national check digits hold (CCC, RIB, NIB, BE, NO, CBU, CZ, NZ,
    # and maskline.infotypes.national_accounts: CLABE, NRB, the mod 97-10 accounts, CIN, SK, FI, IS, SE, BR, RU, CA,
    # JP). The second line adds the forms whose groups are more, narrower or wider (PL 2+6x4, RS 3-13-2, JP 4-3-1-7)
    # and the Italian CIN's letter; separators are required there, so a long run of digits is split one way only.
    # The third adds Brazil's agência and conta (a check character X among the digits).
    _D("BANK_ACCOUNT", "national-check-digits", r"[0-9]{2,6}([ .-]?[0-9]{2,11}){1,5}|([0-9]{1,6}-)?[0-9]{2,10}/[0-9]{4}"
       r"|[0-9]{1,6}([ -][0-9]{1,13}){2,7}|[A-Za-z][ -]?[0-9]{5}[ -]?[0-9]{5}[ -]?[0-9A-Za-z]{12}"
       r"|[0-9]{4}-[0-9Xx][ ;]+[0-9]{3,8}-[0-9Xx]",
       "bank_account_checked", chance=0.1, kinds=_SI, strength=0.85, min_share=0.5),
    # Without a name: an IBAN kept without its country code (91 ABNA 0417 1643 00): its mod-97 check digits hold
    # once some country whose BBAN layout fits is put before it (maskline.infotypes.countryless_iban; drawn values
    # pass at most about one time in eleven, hence the chance and a majority of the column).
    _D("BANK_ACCOUNT", "iban-without-country", r"[0-9]{2}([ -]?[A-Za-z0-9]){11,30}", "iban_without_country",
       chance=0.1, kinds=_S, strength=0.85, min_share=0.5),
    # Without a name: Russian, Canadian and Japanese accounts, whose structure a registry fixes (a balance account and
    # a currency, an institution's code, a bank's Zengin code) but no check digit proves: random digits of their
    # forms pass at most 26 times in 1000 (Canada), a verdict at the structure rules' strength, refuted by counters.
    _D("BANK_ACCOUNT", "national-account-structure", r"[0-9]{4,5}([ -][0-9]{1,12}){1,4}|[0-9]{20}",
       "bank_account_structure", chance=0.03, kinds=_S, strength=0.75, min_share=0.5, refute="counted_accounts"),
    # Without a name: Australian BSB and account (062-000 12345678): the bank's code and a state digit, which random
    # six digits pass about one time in thirteen (national_accounts.BSB_CHANCE); refuted by counters as above.
    _D("BANK_ACCOUNT", "bsb-and-account", r"[0-9]{3}-?[0-9]{3}[ /][0-9]{6,10}", "bsb_account", chance=0.08, kinds=_S,
       strength=0.75, min_share=0.5, refute="counted_accounts"),
    _D("MEDICAL_RECORD_NUMBER", "mrn-prefix", r"(?i:mrn)[-: #]?[0-9]{5,10}", None, strength=0.85),
    # Refuted by row keys, bare (1..N, zero-padded) or behind one prefix (P000001 .. P000300 under patient_id: a key a
    # program counted over the table's rows, not a number a hospital issued to each patient), and by a few codes
    # shared by the rows (hospital_id over the facilities of a stay table: a foreign key, not a patient's number).
    _D("MEDICAL_RECORD_NUMBER", "record-number", r"[A-Za-z0-9][A-Za-z0-9/-]{3,24}", "record_number", chance=0.5,
       needs_hint=True, kinds=_SI, refute=("surrogate_keys", "serial_keys", "shared_codes")),
    # Patient identifiers whose form proves them (maskline.infotypes.health_numbers): New Zealand's NHI, whose check
    # character random codes of its shape pass about one time in eleven (old form) or twenty-three (new form); an
    # HL7 v2 PID-3 identifier whose type code says medical record (12345678^^^HOSP^MR); and, under a medical-record
    # name only, ten digits with the NHS and CHI numbers' mod-11 check digit (any ISBN-10 of digits passes it too).
    _D("MEDICAL_RECORD_NUMBER", "nz-nhi", r"[A-HJ-NP-Za-hj-np-z]{3}[0-9]{2}(?:[0-9]{2}|[A-HJ-NP-Za-hj-np-z]{2})",
       "nz_nhi", chance=0.1, strength=0.9, min_share=0.8),
    _D("MEDICAL_RECORD_NUMBER", "hl7-patient-identifier",
       r"[^\^~|]{1,40}\^[^\^~|]*\^[^\^~|]*\^[^\^~|]*\^[A-Za-z]{1,5}(?:\^[^~|]*)?(?:~[^|]*)?",
       "hl7_patient_identifier", chance=0.0, strength=0.95, min_share=0.5),
    _D("MEDICAL_RECORD_NUMBER", "nhs-check-digit", r"[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}", "nhs_check_digit",
       chance=0.1, needs_hint=True, kinds=_SI, strength=0.9),
    # A name hint does not make a few ordinary words repeated over the rows logins (rent, mortgage, own), nor
    # hexadecimal keys of one width a program drew ("User Id": 88F7B33d2bcf9f5), nor a counter it numbered
    # (user_0000 .. user_0999).
    _D("USERNAME", "handle", _LOGON_DOMAIN + r"[A-Za-z][A-Za-z0-9._-]{2,31}", "username", chance=0.5, needs_hint=True,
       refute=("category_words", "hex_keys", "serial_keys")),
    # A broader value-only detector (handles with digits, separators or a first name inside) gave 7 false positives
    # on the frozen test split and was removed. This one is narrower: lower-case handles built on a first name, in
    # 40% of a column's values, near-unique (repeated labels, and labels crossed from short lists of words that
    # happen to be names, such as summer-sale-2019, are refuted); other handles stay "uncertain".
    _D("USERNAME", "handle-with-name", _LOGON_DOMAIN + r"@?[a-z][a-z0-9._-]{2,31}", "handle_with_name", chance=0.1,
       strength=0.75,
       refute="handle_labels", min_share=0.4),
    _D("API_KEY", "high-entropy", r"\S{16,400}", "high_entropy_secret", chance=0.3, needs_hint=True),
    # Any token passes, so the values refute it where they are of another kind: base64 payloads, or one document
    # template (a "pass" column of passport numbers: German Pass; the passport reading then decides).
    _D("PASSWORD", "password", r"\S{4,128}", "password_like", chance=0.5, needs_hint=True,
       refute="not_chosen_secrets"),
    # PINs, card security codes and one-time codes: a few digits under a secret's name (cvv, pin, otp), text or
    # integers. Nothing in the digits says "secret", so only the name can; without this, a `cvv` column of
    # three-digit integers read as confidently not sensitive and passed raw.
    _D("PASSWORD", "numeric-secret", r"[0-9]{3,8}", None, chance=1.0, needs_hint=True, kinds=_SI, strength=0.9,
       names=(("cvv",), ("cvv2",), ("cvc",), ("cvc2",), ("cvn",), ("pin",), ("pins",), ("otp",), ("totp",),
              ("passcode",), ("security", "code"), ("verification", "code"), ("card", "verification"),
              ("one", "time", "password"), ("one", "time", "code"))),
)


@cache
def _python_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _validator(name: str | None):  # type: ignore[no-untyped-def]
    from maskline.infotypes.validators import VALIDATORS

    return VALIDATORS[name] if name else None


def detector_accepts(detector: Detector, value: str) -> bool:
    """Whether ``value`` (stripped) full-matches the detector's pattern and passes its validator.

    >>> detector_accepts(DETECTORS[0], "hello")
    False
    """
    v = value.strip()
    if not _python_pattern(detector.anchored).match(v):
        return False
    check = _validator(detector.validator)
    return True if check is None else bool(check(v))


def detectors_for(info_type: str) -> tuple[Detector, ...]:
    """The detectors of one info type, in priority order.

    >>> [d.name for d in detectors_for("US_SSN")]
    ['ssn-dashed', 'ssn-digits']
    """
    return tuple(d for d in DETECTORS if d.info_type == info_type)


def matches(value: str, info_type: str, *, with_hint: bool = False) -> bool:
    """Whether a whole value is a validated ``info_type``.

    Detectors that need a column-name hint only count with ``with_hint=True``.
    For FREE_TEXT_WITH_PII, the value must contain a span the scrubber finds.

    >>> matches("DE89 3704 0044 0532 0130 00", "IBAN")
    True
    >>> matches("123456789", "US_SSN"), matches("123456789", "US_SSN", with_hint=True)
    (False, True)
    """
    if value is None:
        return False
    if info_type == "FREE_TEXT_WITH_PII":
        from maskline.text import find

        return bool(find(value))
    return any(detector_accepts(d, value) for d in detectors_for(info_type) if with_hint or not d.needs_hint)


def detect_value(value: str) -> str | None:
    """The validated info type of a single value, or None.

    Only detectors that need no column-name hint take part, in priority order.
    A value that is not itself sensitive but contains a sensitive span (prose,
    a log line) is FREE_TEXT_WITH_PII.

    >>> detect_value("536-90-4399"), detect_value("2023-01-05"), detect_value("mail me: jo@x.org")
    ('US_SSN', None, 'FREE_TEXT_WITH_PII')
    """
    if value is None:
        return None
    text = str(value)
    for d in DETECTORS:
        if not d.needs_hint and detector_accepts(d, text):
            return d.info_type
    from maskline.text import find

    return "FREE_TEXT_WITH_PII" if find(text) else None


def detect_value_among(value: str, types: frozenset[str]) -> str | None:
    """:func:`detect_value` of ``value`` when that is one of ``types``, else None.

    The detectors of other types run only once one of ``types`` could win: a value none of them accepts cannot
    be detected as one of them, whatever comes first in priority. The CSV header check asks this for every header
    cell, and so no longer runs, say, the handle validator (and loads the English dictionary it reads) on
    ``full_name``.

    >>> detect_value_among("jo@x.org", frozenset({"EMAIL"})), detect_value_among("jo@x.org", frozenset({"URL"}))
    ('EMAIL', None)
    >>> detect_value_among("full_name", frozenset({"EMAIL", "IBAN"})) is None
    True
    """
    if value is None:
        return None
    text = str(value)
    own = any(detector_accepts(d, text) for d in DETECTORS if not d.needs_hint and d.info_type in types)
    if not own and "FREE_TEXT_WITH_PII" in types:
        from maskline.text import find

        own = bool(find(text))  # what detect_value falls back on when no detector accepts
    if not own:
        return None
    found = detect_value(text)  # a detector of another type may still come first
    return found if found in types else None


def match_mask(values: Sequence[str | None], info_type: str, *, with_hint: bool = False) -> list[bool]:
    """Vectorized :func:`matches`: patterns run in Arrow (RE2), validators only on the candidates.

    >>> match_mask(["4111111111111111", "4111111111111112", None], "CREDIT_CARD")
    [True, False, False]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if info_type == "FREE_TEXT_WITH_PII":
        return [v is not None and matches(str(v), info_type) for v in values]
    arr = pc.utf8_trim_whitespace(pa.array([None if v is None else str(v) for v in values], type=pa.string()))
    result = [False] * len(arr)
    for d in detectors_for(info_type):
        if d.needs_hint and not with_hint:
            continue
        candidates = pc.fill_null(pc.match_substring_regex(arr, d.anchored), False)
        check = _validator(d.validator)
        for i in pc.indices_nonzero(candidates).to_pylist():
            if not result[i]:
                result[i] = True if check is None else bool(check(arr[i].as_py()))
    return result
