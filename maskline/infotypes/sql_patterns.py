"""Span patterns for scrubbing free text *inside SQL engines* (the ``scrub`` method, dbt, GX SQL).

They are written in the subset of regex syntax that RE2 (DuckDB, BigQuery),
PostgreSQL's ARE, Java (Spark, Trino) and Snowflake's POSIX ERE all read the
same way: bracket expressions and quantifiers only, no ``\\d``, no look-arounds,
no inline flags (case-insensitive words are spelled ``[Pp][Aa]...``), no
back-references in the replacement. Order matters: each pattern runs on the
output of the ones before it, so longer, more specific formats come first.

Every info type the Python scrubber (:mod:`maskline.text`) finds has a
pattern here. What SQL cannot do is the same for all of them: it sees only
shapes. :data:`SQL_SCRUB_LIMITS` says, per type, what follows from that; the
README repeats it, and ``tests/core/test_sql_scrub_parity.py`` runs both
scrubbers over one corpus and checks that they differ exactly there.

>>> [name for name, _ in SQL_SCRUB_PATTERNS][:3]
['PRIVATE_KEY', 'JWT', 'CONNECTION_STRING']
"""

from __future__ import annotations

from maskline.infotypes.text_cues import (
    BANK_ACCOUNT_CUES,
    MRN_LOG_CUES,
    PASSPORT_CUES,
    PHONE_NOUN_CUES,
    SPACED_PHONE_CUES,
    UNSPACED_PHONE_CUES,
    camel_keys,
)


def _ci(word: str) -> str:
    """A word matched in any letter case, without inline flags: ``[Pp][Ww][Dd]``.

    >>> _ci("dob")
    '[Dd][Oo][Bb]'
    """
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() and c.upper() != c.lower() else c for c in word)


def _any(*words: str) -> str:
    return "(" + "|".join(_ci(w) for w in words) + ")"


def _cue_any(*words: str) -> str:
    """Cue words (:func:`_any`) whose spaces also match an underscore, as a log's keys write a cue of several words
    (``account_number=``): the twin of ``spans._snake_literal``, for the cue lists the Python rules share.

    >>> _cue_any("acct no")
    '([Aa][Cc][Cc][Tt][ _][Nn][Oo])'
    """
    return _any(*words).replace(" ", "[ _]")


def _wide(c: str) -> str:
    """The full-width form of a printable ASCII character other than the space.

    >>> _wide("7"), _wide("-")
    ('７', '－')
    """
    return chr(ord(c) + 0xFEE0)


def _class_with_wide_forms(body: str, words: bool) -> str:
    """A bracket expression's body (after ``[`` or ``[^``) with the full-width forms of its ASCII members added:
    ranges of digits or letters (``0-9`` → ``０-９``) and single characters, but not ranges of punctuation
    (``[^ -~]``, "not printable ASCII"), nor, unless ``words``, the two cases of a cue word's letter (``[Pp]``). The
    additions go before a closing ``-`` (which must stay last to mean itself) and skip what the body has.

    >>> _class_with_wide_forms("0-9", False), _class_with_wide_forms(" .-", False), _class_with_wide_forms("-+", False)
    ('0-9０-９', ' .．－-', '-+－＋')
    >>> _class_with_wide_forms("Tt", False), _class_with_wide_forms("Tt", True), _class_with_wide_forms(" -~", True)
    ('Tt', 'TtＴｔ', ' -~')
    """
    if not words and len(body) == 2 and body[0] != body[1] and body[0].lower() == body[1].lower():
        return body
    added, i = "", 0
    while i < len(body):
        c = body[i]
        if i + 2 < len(body) and body[i + 1] == "-":
            if c.isascii() and c.isalnum() and body[i + 2].isalnum():
                added += f"{_wide(c)}-{_wide(body[i + 2])}"
            i += 3
            continue
        # not the ideographic space (U+3000): GX writes a pattern into its SQL with repr(), which escapes a
        # character Python does not print (\u3000), and then fails on that escape
        if c.isascii() and c.isprintable() and c != " " and _wide(c) not in body:
            added += _wide(c)
        i += 1
    if body.endswith("-") and len(body) > 1:
        return body[:-1] + added.replace(_wide("-"), "") + _wide("-") + "-"
    return body + added


_WIDE_OUTSIDE = "-@:=>/#"  # the literal characters outside brackets that the patterns' values and cues hold


def _with_wide_forms(pattern: str, words: bool = False) -> str:
    """``pattern`` that also reads digits, letters and separators in their full-width forms (``０９０－１２３４``,
    as Japanese and Chinese text writes them), as the Python scrubber reads them (``span_text``): each bracket
    expression gets the forms of its members (:func:`_class_with_wide_forms`; the letters of cue words only if
    ``words``), and each digit or one of ``-@:=>/#`` written outside one becomes a bracket expression of its two
    forms. Quantifiers' counts and a percent-encoding (``%40``) stay as they are.

    >>> _with_wide_forms("0[0-9]{1,3}-[0-9]")
    '[0０][0-9０-９]{1,3}[-－][0-9０-９]'
    >>> _with_wide_forms("[^ ,@]+(@|%40)")
    '[^ ,@，＠]+([@＠]|%40)'
    """
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "[":
            j = i + 2 if pattern[i + 1:i + 2] == "^" else i + 1
            end = pattern.index("]", j + 1)
            out.append(pattern[i:j] + _class_with_wide_forms(pattern[j:end], words) + "]")
            i = end + 1
        elif c == "{":
            end = pattern.index("}", i)
            out.append(pattern[i:end + 1])
            i = end + 1
        elif c == "%" or pattern.startswith("xn--", i):
            width = 3 if c == "%" else 4
            out.append(pattern[i:i + width])
            i += width
        else:
            out.append(f"[{c}{_wide(c)}]" if c.isascii() and (c.isdigit() or c in _WIDE_OUTSIDE) else c)
            i += 1
    return "".join(out)


_HEX = "[0-9A-Fa-f]"
_SECRET_WORDS = _any("password", "passwd", "passwort", "kennwort", "pwd", "mot de passe", "mot_de_passe",
                     "contraseña", "contrasena", "senha", "wachtwoord", "client_secret", "client-secret", "secret",
                     "api_key", "api-key", "apikey", "access_key", "access-key", "secret_key", "secret-key",
                     "auth_token", "access_token", "refresh_token", "token", "accountkey", "account_key",
                     "sharedaccesskey", "shared_access_key")
_PHONE_CUES = _cue_any(*sorted(SPACED_PHONE_CUES, key=len, reverse=True))
_DOB_CUES = _any("date of birth", "birth date", "birthdate", "birthday", "born on", "born", "dob", "d.o.b.",
                 "geburtsdatum", "geboren am", "geboren op", "geboren", "geb.", "née le", "né le", "nee le",
                 "date de naissance", "fecha de nacimiento", "nacido el", "nacida el", "nato il", "nata il",
                 "data di nascita", "geboortedatum", "nascido em", "nascida em", "data de nascimento")
_DATE = "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4})"
_EXT = "( ?([xX#]|[eE][xX][tT][.]?) ?[0-9]{1,6})?"
_CUE_GAP = "[^0-9]{0,24}"
# Between an identifier's cue and its value: separators and the word for "number" (spans._ID_GAP).
_ID_SEPARATORS = "[ :#=._°º()：＃\"'-]{0,4}"
_ID_GAP = (_ID_SEPARATORS + "((" + _any("numbers", "number", "nummer", "número", "numéro", "numero", "num", "no",
                                       "nr", "is", "száma", "szám", "numărul", "număr", "nomor", "số", "αριθμός",
                                       "номер", "מספר", "رقم", "नंबर", "संख्या", "号码", "號碼", "号", "號",
                                       "番号", "번호", "は", "은", "는")[1:-1] + ")"
           + _ID_SEPARATORS + "){0,2}")
# A noun that names a phone field, the identifiers' gap (_ID_GAP: separators, an underscore and quotes too,
# "phone_number=", JSON's "phone": "…", and the word for "number"), then seven to thirteen bare digits or a local
# number's two groups (555-0199): a phone with or without a trunk zero, as validators.phone_digits_named takes every
# such run (each length is a national one in some plan). The second group runs on to eight digits: with no
# look-ahead, a fourth digit's stop would cut a trunk form after a cue (052-1234567) after 052-1234, leaving 567 in
# clear.
_PHONE_NAMED = (_cue_any(*sorted(PHONE_NOUN_CUES, key=len, reverse=True)) + _ID_GAP
                + "([0-9]{7,13}|[0-9]{3,4}[ .-][0-9]{4,8})")


def _trunk_group() -> str:
    """A phone's trunk prefix as a group of its own, after a character that cannot continue a longer token: the
    prefixes of every numbering plan, as phonenumbers' metadata writes them (:func:`regions_by_trunk
    <maskline.infotypes.phone_metadata.regions_by_trunk>`, which :mod:`maskline.text.trunk_prefix` validates
    against), the longer first, so that ``06`` is not read as ``0``.

    >>> _trunk_group()
    '(^|[^0-9A-Za-z_.,/+-])(06|0|1|8)'
    """
    from maskline.infotypes.phone_metadata import regions_by_trunk

    return "(^|[^0-9A-Za-z_.,/+-])(" + "|".join(sorted(regions_by_trunk(), key=lambda p: (-len(p), p))) + ")"


def _camel(cues: tuple[str, ...]) -> tuple[str, ...]:
    """The camelCase and PascalCase keys of multi-word cues, spelt in their exact case (:func:`text_cues.camel_keys
    <maskline.infotypes.text_cues.camel_keys>`, as the Python matcher spells them; a single word needs none here, as
    SQL's cue words have no boundaries: "passportNumber" holds "passport" and the word for "number").

    >>> _camel(("account number", "mrn", "n° de compte"))
    ('accountNumber', 'AccountNumber')
    """
    return tuple(key for cue in cues if " " in cue and (keys := camel_keys(cue)) for key in keys)


def _cued_id(cues: tuple[str, ...], value: str) -> str:
    """An identifier's cue words (longest first, so that a longer one is not cut) or their camelCase keys
    (accountNumber, patientId), the gap, then its value."""
    return ("(" + "|".join([_cue_any(*sorted(cues, key=len, reverse=True))[1:-1], *sorted(_camel(cues), key=len,
                                                                                        reverse=True)])
            + ")" + _ID_GAP + value)

# (info type, pattern), applied in this order.
SQL_SCRUB_PATTERNS: tuple[tuple[str, str], ...] = (
    ("PRIVATE_KEY", "-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[^-]*(-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----)?"),
    ("JWT", "eyJ[A-Za-z0-9_-]{5,}[.][A-Za-z0-9_-]{5,}[.][A-Za-z0-9_-]*"),
    ("CONNECTION_STRING", "[A-Za-z][A-Za-z0-9+.-]*://[^ /:@'\"]+:[^ @/'\"]+@[^ '\"<>]+"),
    ("API_KEY", "(AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,}|"
                "xox[abposr]-[0-9A-Za-z-]{10,}|[sr]k_(live|test)_[0-9A-Za-z]{20,}|AIza[0-9A-Za-z_-]{35}|"
                "sk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|glpat-[0-9A-Za-z_-]{20}|"
                "SG[.][A-Za-z0-9_-]{22}[.][A-Za-z0-9_-]{43}|npm_[A-Za-z0-9]{36}|"
                "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}|hf_[A-Za-z0-9]{30,}|ya29[.][0-9A-Za-z_-]{20,}|"
                "GOCSPX-[0-9A-Za-z_-]{28}|[0-9A-Za-z_~.-]{3}[0-9]Q~[0-9A-Za-z_~.-]{31,34}|sig=[0-9A-Za-z%+/=]{20,}|"
                + _ci("bearer") + " +[A-Za-z0-9._~+/-]{16,}=*"),
    ("PASSWORD", _ci("basic") + " +[A-Za-z0-9+/]{4,}[0-9+/=][A-Za-z0-9+/=]*|"
                 + _SECRET_WORDS + "[\"']? *(:|=|=>| is ) *(\"[^\" ]{3,}\"|'[^' ]{3,}'|[^ \"',;&)}]{3,})"),
    # Any script; percent-encoded (ana%40correo.es). '*' is excluded so the `email` method's own output
    # (*****@domain) is not taken for an address.
    ("EMAIL", "[^ ,;:<>()\"'@*&=?/]+(@|%40)[^ ,;:<>()\"'@*&=?/%]+[.]([A-Za-z]{2,}|xn--[a-z0-9-]+|[^ -~]{2,})"),
    # IBAN before CREDIT_CARD: an IBAN's digit run would otherwise be taken as a card and its
    # country code and tail left in clear.
    ("IBAN", "[A-Za-z]{2}[0-9]{2}([A-Za-z0-9]{11,30}|([ -][A-Za-z0-9]{4}){2,7}([ -][A-Za-z0-9]{1,4})?)"),
    # Identifiers named by their cue, before the shapes that would take their digits (a card, a phone): the cue
    # is the evidence. After IBAN, so "account number DE89 3704 …" stays an IBAN. The value's shapes are those of
    # the validators Python runs (passport_number_cued: one letter case, ending in a digit).
    ("PASSPORT", _cued_id(PASSPORT_CUES, "(([A-Z0-9]{5,9}|[a-z0-9]{5,9})[0-9]|[0-9]{4} [0-9]{6})")),
    ("BANK_ACCOUNT", _cued_id(BANK_ACCOUNT_CUES, "([0-9]{6,}([ /-][0-9]{2,}){0,5}|[0-9]{2,}([ /-][0-9]{2,}){1,5})")),
    ("MEDICAL_RECORD_NUMBER", _cued_id(MRN_LOG_CUES, "([A-Za-z]{1,4}[-/]?)?[0-9][0-9-]{3,14}[0-9]")),
    ("CREDIT_CARD", "[0-9]{4}[ .-]?[0-9]{4}[ .-]?[0-9]{4}[ .-]?[0-9]{1,7}|[0-9]{4}[ -]?[0-9]{6}[ -]?[0-9]{5}"),
    ("US_SSN", "[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3} [0-9]{2} [0-9]{4}|"
               + _any("ssn", "social security number", "social security", "soc sec", "soc. sec.", "ss#")
               + _CUE_GAP + "[0-9]{9}"),
    # PHONE before NATIONAL_ID: '+34 612 345 678' has the shape of a spaced Steuer-ID after its '+34'.
    # a bare number after a cue: ten or eleven digits, or seven to thirteen with a trunk zero
    # (a Japanese, Chinese, Korean or Thai cue within eight characters, as spans reads it)
    # (or a trunk prefix and a dash or slash before the rest, 052-1234567, as spans._CUED_PHONE reads it), or
    # nine with no trunk zero, bare or in threes, as Spain and Portugal dial (validators.phone_digits_cued asks their
    # plans; a shape here: 2-9 first, so "call order 123456789" stays, limit no_numbering_plan), after three, three
    # and four (a North American number: in threes alone, "call 415-555-0134" left its last digit beside the mask)
    # (a noun that names the field right before the number takes any seven to thirteen digits, _PHONE_NAMED: first,
    # so that a longer run is not cut at eleven by the forms after it)
    # (or a trunk prefix as a group of its own, 8 916 123-45-67, 8(916)123-45-67, as spans._TRUNK_GROUP_PHONE reads
    # it: by its shape alone, any one digit, where Python asks phonenumbers' metadata whether it is a plan's trunk
    # prefix, limit no_numbering_plan; one digit, not Python's one or two, as France's pairs "06 12 34 56 78" are a
    # two-digit group the pair forms below read without taking the cue; the gap's last character is taken apart so
    # that it is no "+", which would make "call +1 415 555 0100"'s calling code a trunk and the cue go with it)
    ("PHONE", _PHONE_NAMED + "|" + _PHONE_CUES + _CUE_GAP + "(0[0-9]{1,4}[-/][0-9]{3,8}(-[0-9]{2,6})?|0[0-9]{6,12}|[+]?[0-9]{10,11}|"
              "[2-9][0-9]{8}|[2-9][0-9]{2}[ .-][0-9]{3}[ .-][0-9]{4}|[2-9][0-9]{2}([ -][0-9]{3}){2}|"
              "[^0-9+][0-9]([ .-][(]?|[(])[0-9]{2,5}[)]?([ .-]{0,2}[0-9]{2,8}){1,4})|"
              + _any(*sorted(UNSPACED_PHONE_CUES, key=len, reverse=True)) + "[^0-9]{0,8}[+]?[0-9]{7,13}|"
              "([+]|00)[1-9][0-9]{0,2}[ .-]?[0-9 ().-]{6,}[0-9]" + _EXT + "|"
              "[(][0-9]{2,5}[)][ .-]?[0-9]{2,5}([ .-]?[0-9]{2,5}){1,3}" + _EXT + "|"
              # five pairs (France: 06 12 34 56 78, 06.12.34.56.78), a Spanish mobile in pairs (612 34 56 78)
              "0[1-9]([ .-][0-9]{2}){4}|[6-9][0-9]{2}( [0-9]{2}){3}|"
              "[0-9]{2,3}[ .-][0-9]{3}[ .-][0-9]{4}" + _EXT + "|[0-9]{2} [0-9]{4,5}-[0-9]{4}" + _EXT + "|"
              # a trunk prefix written as a group of its own before a number the forms above take (Hungary's
              # 06 30 123 4567, Russia's 8 916 123-45-67, 1 415 555 2671), as trunk_prefix.trunk_start widens a
              # phone over it: the prefixes phonenumbers' metadata writes (_trunk_group), read by their shape alone
              # (limit no_numbering_plan); the character before it is taken too, so that it cannot start inside a
              # longer number ("v1.8 915 …", "18 415 …")
              + _trunk_group() + "([ .-]?[(][0-9]{2,5}[)][ .-]?[0-9]{2,5}([ .-]?[0-9]{2,5}){1,3}|"
              "[ .-]([0-9]{2,3}[ .-][0-9]{3}[ .-]([0-9]{4}|[0-9]{2}[ .-][0-9]{2})|[0-9]{2} [0-9]{4,5}-[0-9]{4}))"
              + _EXT + "|"
              # a trunk prefix and two groups, the last of four (Japan 090-1234-5678, Korea 010-1234-5678,
              # 02-123-4567, the UK 020 7946 0958); the character before it is taken too, as below, or the
              # 012 8888 8888 inside a card's 4012 8888 8888 1881 would match
              "(^|[^0-9A-Za-z+])0[0-9]{1,3}[ .-][0-9]{3,4}[ .-][0-9]{4}" + _EXT + "|"
              # a trunk prefix (030 901820, 0722 123 456): the character before it is taken too, or 4012 8888
              # would match
              "(^|[^0-9A-Za-z+])0[0-9]{1,4}( ?/ ?| )[0-9]{3,8}([ -][0-9]{2,6})?" + _EXT),
    ("NATIONAL_ID", "[0-9]{3}[.][0-9]{3}[.][0-9]{3}-[0-9]{2}|756[.][0-9]{4}[.][0-9]{4}[.][0-9]{2}|"
                    "[XYZ]-?[0-9]{7}-?[A-Z]|[0-9]{8}-?[A-Z]|[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]|"
                    "[12] ?[0-9]{2} ?[0-9]{2} ?[0-9AB]{2} ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}|"
                    "[0-9]{4}[.][0-9]{2}[.][0-9]{3}|[0-9]{2} [0-9]{3} [0-9]{3} [0-9]{3}|"
                    "[A-Z]{6}[0-9]{2}[A-EHLMPR-T][0-9]{2}[A-Z][0-9]{3}[A-Z]|"
                    + _any("bsn", "burgerservicenummer", "sofinummer", "sofi-nummer") + _CUE_GAP + "[0-9]{9}|"
                    + _any("steuer-identifikationsnummer", "steueridentifikationsnummer", "steuer-idnr",
                           "steueridnr", "steuer-id", "steuerid", "idnr", "tax id", "tax_id", "tax-id", "taxid", "tin")
                    + _CUE_GAP + "[0-9]{11}"),
    ("MAC_ADDRESS", f"{_HEX}{{2}}([:-]{_HEX}{{2}}){{5}}"),
    ("IP_ADDRESS", "[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}|"
                   f"({_HEX}{{1,4}}:){{7}}{_HEX}{{1,4}}|{_HEX}{{1,4}}:({_HEX}{{1,4}}:){{1,5}}(:{_HEX}{{1,4}}){{1,5}}"),
    ("DATE_OF_BIRTH", _DOB_CUES + " *[:=]? *" + _DATE),
)

# The types whose values a text may write in full-width forms (Japanese and Chinese text does, "０３－１２３４－５６７８"):
# their patterns read those forms too (_with_wide_forms), as the Python scrubber does; the phone's cue words too
# ("ＴＥＬ：０９０１２３４５６７８"). Other cue words in full-width Latin letters are rare, and reading them costs every
# row (DuckDB, one thread, CPU time on 20,000 generated log lines: 6.3 us a line before full-width forms, 6.7 with
# them in values and phone cues, 6.9 in every cue word); key formats, tokens, connection strings and private keys are
# ASCII as issued (limit "ascii_words").
_WIDE_FORM_TYPES = frozenset({"PASSWORD", "EMAIL", "IBAN", "PASSPORT", "BANK_ACCOUNT", "MEDICAL_RECORD_NUMBER", "CREDIT_CARD",
                              "US_SSN", "PHONE", "NATIONAL_ID", "MAC_ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH"})
SQL_SCRUB_PATTERNS = tuple((name, _with_wide_forms(p, words=name == "PHONE") if name in _WIDE_FORM_TYPES else p)
                           for name, p in SQL_SCRUB_PATTERNS)

# What SQL cannot do, per type: it runs no validator (no checksum, no numbering plan, no decoding), it has
# no look-arounds (a span may start or end inside a longer token), and it replaces the whole match (a cue
# word such as "password=" or "ssn" goes with the value). Each entry names the visible consequence.
SQL_SCRUB_LIMITS: dict[str, str] = {
    "no_checksum": "no checksum (Luhn, IBAN mod-97, SSN ranges, national-ID check digits): look-alikes of the "
                   "right shape are masked too (CREDIT_CARD, IBAN, US_SSN, NATIONAL_ID)",
    "no_numbering_plan": "no phone numbering plan: number groups shaped like a phone are masked (PHONE)",
    "no_decoding": "no decoding: a JWT's header is not read and Basic credentials are not base64-decoded "
                   "(JWT, PASSWORD)",
    "no_address_class": "no address classes: loopback, unspecified and multicast addresses are masked too "
                        "(IP_ADDRESS)",
    "no_entropy": "no entropy check: unlabelled 40-character AWS secret keys and Azure storage keys are not "
                  "found (API_KEY)",
    "cue_replaced": "the cue goes with the value: 'password=…', 'Bearer …', 'ssn …', 'BSN …', 'Steuer-ID …', "
                    "'phone …', 'born on …', 'passport …', 'account number …' and 'MRN …' become one [TYPE] "
                    "(PASSWORD, API_KEY, US_SSN, NATIONAL_ID, PHONE, DATE_OF_BIRTH, PASSPORT, BANK_ACCOUNT, "
                    "MEDICAL_RECORD_NUMBER)",
    "shape_only_type": "types are told apart by shape alone: a checksum-invalid or differently grouped number "
                       "may be labelled with another type than Python gives it",
    "short_ipv6": "IPv6 addresses with fewer than two groups before '::' (fe80::1) are not found (IP_ADDRESS)",
    "ascii_words": "provider key formats, tokens, connection strings and private keys are read in ASCII only, as "
                   "they are issued (a full-width copy is no working credential), and so are cue words but a "
                   "phone's (ｐａｓｓｐｏｒｔ, ｐａｓｓｗｏｒｄ＝ are not found; ＴＥＬ is); values are read in full-width "
                   "forms too (０９０－１２３４－５６７８), as Python reads them all, but for the ideographic space "
                   "(U+3000) between their groups (API_KEY, JWT, CONNECTION_STRING, PRIVATE_KEY, and a cued type's "
                   "value after a full-width cue word)",
    "cued_shape_only": "an identifier after its cue is taken by its shape alone: a date or a code of the value's "
                       "shape after 'MRN', 'passport' or 'account number' is masked too (MEDICAL_RECORD_NUMBER, "
                       "PASSPORT, BANK_ACCOUNT)",
    "no_boundaries": "no token boundaries: a match can start or end inside a longer word or number, so part "
                     "of that token is masked with it; a trunk-prefix phone (030 901820) and a trunk prefix written as "
                     "a group before a phone (06 30 123 4567, 8 916 123-45-67) take the character before them "
                     "along, so that they cannot start inside a longer number; a Thai phone cue cues "
                     "inside a longer word that means something else (โทรทัศน์, television)",
    "read_form": "the scrub method matches on the value as read (maskline.sql.scrub_reading): the digits of every "
                 "script as ASCII digits (Arabic-Indic ٠٥٠١٢٣٤٥٦٧, Persian ۰۹۱۲, Devanagari ९८७६), as Python reads "
                 "them, and invisible format characters (Unicode category Cf: zero-width space, word joiner, soft "
                 "hyphen, byte-order mark) removed; SQL cannot rewrite the matched spans alone, so a value with a "
                 "span to mask comes back as read, its other digits in ASCII and its format characters gone "
                 "elsewhere in it too (a value with none comes back as written). The checks (dbt maskline_no_pii, "
                 "the GX expectations) match on the same reading",
}
"""What the SQL ``scrub`` cannot do that ``maskline.text.scrub`` does, keyed by a short name."""
