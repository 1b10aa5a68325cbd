"""A second development split for the classifier ("dev"), generated with mimesis in locales the frozen test split
does not use.

Why a second split: the tune split (:mod:`.corpus`) is Faker only, so evidence built on it can lean on Faker's
formats. This split uses another generator (mimesis, as the test split does, but its own locales, seed, column
names and value formats, written without reading the test split), so rules tuned on both are less tied to one
generator. It is tuned on: its score is optimistic too, and the frozen test split stays the result.

What is in it (see RESULTS.md):

- 20 locales: en, en-gb, de, de-ch, fr, es, it, pt, pt-br, nl, ru, uk, el, et, hu, is, kk, sk, hr, fa;
- three tables per locale of sensitive columns and hard negatives, named in four styles (honest English,
  abbreviations and camelCase, the locale's language in its own script or transliterated, opaque ``c3``,
  ``fld_b``), and one value-evidence table per locale (the weak types under mostly opaque names);
- one table per locale of things named like people (hotels, ships, bands, wines and cheeses, racehorses, fictional
  characters, product lines named after streets, brands named after places, makers with models, pets) and one
  person-name column as a control (since the ``clsdev3`` round);
- one table per locale of login handles of one template (each column one mimesis username mask, the default
  "l_d" most often) beside machine-made tokens of one template (slugs, run names, docker names, codenames with
  years, file stems, product codes, ticket keys, host names, tags, batch ids, city_year labels, car models with
  years), since the ``clsuser`` round;
- four tables of numbers shaped like codes that are not postal codes (counts, amounts, years, quantities, PINs,
  ports, HTTP statuses, area codes, product numbers; since the ``clsname`` round), appended after the others;
- six tables of codes shaped like passports and accounts (coupons, PNRs, serials, licence keys, containers,
  plates, grouped parcel numbers, marketplace orders, grouped IMEIs and barcodes, invoices; since ``clsdoc``);
- six tables of passports of one issuer among other issuers' (bare digits in Britain and Croatia) beside codes of
  the same shapes that one system issues (references beside orders, supplier parts, numbers from one block,
  vowel-free and Crockford codes, production lots; since ``clspass``);
- five tables of undelimited bank accounts (a BBAN of drawn digits, account-type codes then drawn digits, bare
  numbers beside foreign accounts whose check digits hold) and long codes that are not accounts (clock-based ids,
  SSCCs, parcel numbers, card-length references, ids with a birth date inside, dated serials, a code and a
  counter, VINs, hashes; since ``clsbank``);
- seven tables of medical record numbers in hospital formats written by hand (a word before drawn digits beside
  bare numbers, bare numbers with a check digit, digit groups, year and serial, a trust's letters) and their
  look-alikes (EU VAT numbers, ticket keys, patient row ids, drug numbers, invoices, mixed references; since
  ``clsmrn``, :mod:`.dev_medical`);
- one table per locale of capitalised things that are not people (companies, eponymous firms, job titles, works'
  titles, places, streets without numbers, teams, venues, breeds, colours, food, genres, software, car models,
  drugs, stars, gods, interface labels, places that are family names, "Lake Tahoe" pairs), under opaque names and
  names such as ``name``, ``title``, ``label``, ``owner_group``, ``category`` (since the ``clsfp`` round);
- sparse columns (70-95% empty), mixed columns (placeholders), codes stored as numbers (postal codes as floats,
  phones as integers), and hard negatives of every class of issue 15;
- three tables of phones stored as integers in eight countries no split draws from (valid numbers from
  phonenumbers' metadata) beside integers shaped like them (year serials, branch accounts, cents, ids, epochs),
  since the ``clsphone`` round (:mod:`.dev_phone_tables`);
- ten tables of domestic bank accounts of countries without IBAN or in their domestic forms (Argentine CBUs,
  Brazilian agência and conta, US routing and account, Indian, Nigerian, South African, Indonesian, Vietnamese,
  Colombian and Israeli accounts) beside their look-alikes (routing numbers, IFSC and branch codes, CUITs, CPFs,
  year-led orders, ISBNs, parcel numbers, dates, phones, random ids of the same lengths), since the ``clsbank2``
  round (:mod:`.dev_domestic_accounts`);
- six tables of passports behind a fixed series letter (Kazakh, Indian, Indonesian, Malaysian, Nigerian, Philippine)
  beside one-letter business codes, since the ``clspass2`` round (:mod:`.dev_passport_series`);
- four tables of flight numbers (several airlines, or a carrier and its partners; spaced, zero-padded) and integer
  ids (drawn over 5-6 digits, one width, or from a high start) beside postal codes stored as numbers (German,
  French, Spanish, Romanian and US region prefixes), every look-alike of a postal code, since the ``clsfp2`` round
  (:mod:`.dev_not_postal`);
- ten tables of payment card numbers in the ways tables store them (grouped text with spaces, dashes, dots or
  no-break spaces, bare, int64, float64 past 2**53, sparse, among placeholders and masked cards, with the expiry or
  holder after the number, failing Luhn under card names) beside numbers of the same shapes that are no cards
  (IMEIs, barcodes, random ids, ISBNs, parcels, microsecond clocks, UUID integers, ICCIDs, loyalty and library
  cards), since the ``clscard`` round (:mod:`.dev_card_storage`);
- ten tables of the test split's weak types in shapes the split lacked (passports, bank accounts and medical record
  numbers under opaque names or names in the locale's language, sparse or mixed; phones stored as integers or with
  an extension; grouped cards partly failing Luhn; handles under ``created_by``/``owner``/``reviewer``/``sender``;
  prose with an e-mail or a phone inside a sentence) beside order, tracking, invoice and routing numbers, SKUs,
  invalid IBAN-like codes, ISBNs, versions and product names, since the ``clsdev6`` round (:mod:`.dev_weak_shapes`);
- ten tables of people's contact data (names, e-mails, phones, addresses) beside business codes shaped like
  passports (claim and loyalty numbers of a letter and drawn digits, counted membership and customer numbers,
  repeated vouchers, badges, bookings, tickets, drawn ids), since the ``clsopq`` round (:mod:`.dev_person_codes`).
- four tables of values shaped like addresses with a three-digit postal code that are not addresses (box scores,
  distance tables, prices, capacities, seat counts, zones with a town) beside Icelandic addresses, since the
  ``clsopn`` round (:mod:`.dev_three_digit_codes`);
- four tables of Romanian, Albanian, Catalan and Indonesian schemas whose passports, patient numbers, phones and
  logins are named by cognates of hint words (``pasaport``, ``pacient_id``, ``telepon``, ``utilizator``) beside
  false friends (``postare``, ``pasul``, ``pasta``, ``telefonia``, ``pasar``), since the ``clscog`` round
  (:mod:`.dev_cognate_names`);
- eight tables of phone numbers of 48 regions drawn from every region with a mobile example number in phonenumbers
  (E.164, international, national with and without the trunk prefix, integers, mixed; a third sparse) under
  opaque, abbreviated, local-language and honest names, beside digit columns that are no phones (ids, orders,
  EAN-13s, epoch seconds, cents, postal codes, accounts, dates as digits), since the ``extcsv28`` round
  (:mod:`.dev_world_phones`);
- twelve clinical tables of medical record numbers in hospital formats under honest, abbreviated, local-language and
  opaque names beside diagnosis, drug and laboratory codes, blood groups, stays and wards, four clinical tables
  whose only ids are row keys, lab orders and invoices, and four shop tables with the same id shapes beside
  labels like blood groups, since the ``extcsv30`` round (:mod:`.dev_clinical_tables`);
- five tables of notes in Japanese, Chinese (simplified and traditional), Korean and Thai naming people with an
  honorific (山田さん, 刘先生, 조재현 씨, คุณ...), giving phones, e-mails or addresses, beside reviews, recipes,
  encyclopedic and news-like prose and honorifics without a name, since the ``extcsv29`` round
  (:mod:`.dev_unspaced_notes`);
- fourteen tables of domestic bank accounts in national formats with a check digit or a fixed structure (Mexican
  CLABE, Polish NRB, Serbian, Montenegrin, Macedonian, Bosnian and Slovenian mod 97-10 accounts, Tunisian RIB,
  Italian CIN, Slovak, old Finnish, Icelandic, Russian, Canadian and Japanese accounts) beside random digits in the
  same written forms, SSCCs, EANs, phones stored as integers, orders, amounts, ids and national ids, since the
  ``extcsv27`` round (:mod:`.dev_national_accounts`);
- eight tables of payment card numbers as exports, receipts and QA tables write them (under names with no hint,
  sparse among placeholders, beside truncated ones, in a spreadsheet's scientific notation, with ``.0`` or a leading
  apostrophe, in magnetic-stripe tracks and payment records, gateways' test cards) beside truncated card numbers
  alone, last fours, long ids in scientific notation, GS1 strings, query strings and test payment-method names,
  since the ``extcsv34`` round (:mod:`.dev_card_exports`);
- twelve tables (nine locales written with spaces, Japanese, Korean, Chinese) of labels that are no people's names
  (tags, categories, genres, departments, job titles, companies, brands and restaurants named after people, storms,
  products, titles of works, cities) beside a person-name control and notes naming people or giving a phone, an
  e-mail or an address, short, long and sparse, since the ``extcsv33`` round (:mod:`.dev_names_and_notes`);
- twelve tables of people with passports in national formats (Chinese, Korean of both templates, Japanese, Turkish,
  Mexican, Canadian, Australian, Russian, US, British, Ukrainian, Indian; upper or lower case, spaced, sparse; four
  with the machine-readable zone) beside what their records keep, and seven tables of people whose codes only look
  like passports (members, bookings, vehicles, orders, staff, library cards), since the ``extcsv31`` round
  (:mod:`.dev_passport_formats`);
- eight tables of bank accounts of Australia (BSB and account), Sweden (Bankgiro, Plusgiro, clearing number and
  account), Denmark, Brazil (agência and conta), Korea, Mexican CLABEs stored as integers and floats, and accounts
  as exports store them (integers, floats, lower-case and spaced IBANs, Turkish and German abbreviations) beside
  SSCCs, EANs and phones as integers, amounts, member ids, invoices, orders and Swedish OCR references, since the
  ``extcsv32`` round (:mod:`.dev_account_storage`);
- eight tables (Faker and mimesis in eight locales) of phone numbers stored with more than the number in the cell
  (extensions in the locale's word, two numbers a cell, full-width and Arabic-Indic forms, upper-case scientific
  notation) under names without an English hint, beside two ids a cell, order lines, year-led serials, date ranges,
  ISBNs, EANs, epoch milliseconds, Russian passports, amounts and postal code and house pairs, since the
  ``extcsv35`` round (:mod:`.dev_phone_storage`);
- ten tables (English, German, French, Spanish, Polish, Russian, Korean, Arabic, Turkish, Swedish people) of free
  text as systems write it, a person's data in some rows (chat transcripts, e-mail headers and bodies, log lines,
  JSON and key=value blobs, a CSV record in a cell, HTML, delivery instructions, signed reviews, OCR'd forms, commit
  trailers, payment notes with a card, short, sparse and mixed notes) beside system text holding nobody (product
  descriptions, recipe steps, error messages, templates with placeholders, lorem ipsum, headlines, id-only logs,
  commits, last fours), since the ``extcsv39`` round (:mod:`.dev_system_text`);
- twelve tables of the records passports sit in (APIS passenger lists with their document type, issuing state and
  expiry beside booking references, ticket, frequent-flyer, seat and flight numbers; Spanish, Italian, German and
  Japanese hotel registers for the police; KYC exports with a document type, sparse, lower case or spaced; expatriate
  staff; Russian foreign and internal passports) and five of travel and member codes that are no passports
  (bookings, members of a letter and eight digits, fleets with licences, badges, frequent flyers), from Faker and
  mimesis, since the ``extcsv38`` round (:mod:`.dev_travel_documents`);
- twenty-seven tables of patient identifiers under the names hospital systems and countries give them (HL7 PID-3,
  an enterprise MPI, SAP's PATNR, IPP, NHC, cartella, prontuário, Japanese, Chinese and Korean words, NHI, NHS and
  CHI numbers with their check characters) or under opaque names in forms their values prove, beside a hospital's
  other numbers (dense patient keys, accession and specimen numbers, orders, invoices, beds, lots, SKUs, slots,
  process ids, NHI-shaped product codes), since the ``extcsv36`` round (:mod:`.dev_patient_ids`);
- twelve payment and payee records (US, UK, Indian, Canadian, Australian, European) whose account sits under an
  opaque name beside the code routing payments to it (ABA routing, sort code, IFSC, transit, BSB, BIC; sparse, or
  stored as floats), and records whose numbers are no accounts (routing codes alone, invoice, customer, loan and
  transaction ids and card BINs beside a bank's and a person's name, Swedish OCR references beside a Bankgiro),
  since the ``extcsv37`` round (:mod:`.dev_account_records`);
- seventeen encounter tables: a patient's bare-digit record number under an opaque name repeated over the stays
  beside dense encounter keys, lab orders, specimen ids, wards and beds; the same tables keyed by the patients
  table's dense row key; a Vietnamese paediatrics register (``nhi_khoa``), an English school register (``urn``) and
  facility codes under ``hospital_id``, since the ``extcsv42`` round (:mod:`.dev_clinical_encounters`);
- eight tables of bank accounts in the shapes exports leave them (Dutch, Irish and Italian IBANs without their country
  code, compact, spaced or in lower case; Greek and Romanian IBANs grouped by dashes; New Zealand accounts spaced,
  unseparated or stored as integers) beside customer, order and invoice numbers, codes of the same form whose check
  digits fail, bank-branch and sort codes alone, EANs, ISBNs, integer ids of the same lengths and card numbers, since
  the ``extcsv41`` round (:mod:`.dev_account_shapes`);
- thirteen tables of passports under uncommon and opaque names (Hungarian, Greek, Estonian, Icelandic, Kazakh, Farsi,
  Slovak, camelCase, placeholders) with few companions (a name and a nationality, an expiry, an issue and an expiry
  date, a name alone), sparse, lower case, spaced, behind the issuing state's code, zero-padded or mixed with
  identity cards, and six of travel and member codes that are none (bookings and tickets, frequent flyers, members,
  driving licences under ``doc_no``, badges, athletes' licences), from Faker and mimesis, since the ``extcsv40`` round
  (:mod:`.dev_passport_shapes`);
- eight tables (Italy, Poland, Sweden, Czechia, Portugal, Norway, Hungary, Belgium) of phones written without their
  ``+`` (a calling code as the first group, after ``00``, ``00`` unspaced, toll-free vanity letters, Excel's lossy
  scientific notation labelled None) and cards under opaque names (Amex 4-6-5, Diners 4-6-4, 19-digit Visa,
  integers, floats, beside an expiry and a CVV; cards masked by the source labelled None) beside IMEIs, EANs,
  GTINs, ISBNs, orders, tracking, gift-card and loyalty numbers, date ranges and ids in groups, since the
  ``extcsv43`` round (:mod:`.dev_phone_card_shapes`).

Usage: ``python -m benchmarks.classification --split dev``. Labels use the tune split's vocabulary (canonical
info types, or None).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.classification.corpus import Column

SEED = 4242031
ROWS = 300
# sha256 of build()'s columns (corpus.fingerprint()); the benchmark prints whether the live split still matches it.
RECORDED_FINGERPRINT = "b53dd652f33e5cd7a4e4ca3f5692731125fc83579a19038d90c185b095017976"
LOCALES = ("en", "en-gb", "de", "de-ch", "fr", "es", "it", "pt", "pt-br", "nl", "ru", "uk", "el", "et", "hu",
           "is", "kk", "sk", "hr", "fa")
COUNTRY = {"en": "US", "en-gb": "GB", "de": "DE", "de-ch": "CH", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT",
           "pt-br": "BR", "nl": "NL", "ru": "RU", "uk": "UA", "el": "GR", "et": "EE", "hu": "HU", "is": "IS",
           "kk": "KZ", "sk": "SK", "hr": "HR", "fa": "IR"}
LANG = {loc: loc.split("-")[0] for loc in LOCALES}

Make = Callable[[Any, random.Random, str], Any]  # (mimesis Generic, rng, locale) -> value


@dataclass(frozen=True)
class Kind:
    label: str | None
    make: Make
    names: tuple[str, ...]  # honest English
    abbreviated: tuple[str, ...] = ()  # abbreviations, camelCase, upper snake
    foreign: dict[str, tuple[str, ...]] | None = None  # language -> names
    locales: tuple[str, ...] = LOCALES


def _rand(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _digits(rng: random.Random, n: int) -> str:
    return _rand(rng, string.digits, n)


UP, LO, DG = string.ascii_uppercase, string.ascii_lowercase, string.digits


# ---------------------------------------------------------------- sensitive values

def _phone(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.person.telephone())


def _phone_int(g: Any, rng: random.Random, loc: str) -> int:
    """A phone kept in a numeric column: its digits, the leading zero or ``+`` lost."""
    return int("".join(ch for ch in str(g.person.telephone()) if ch.isdigit()).lstrip("0") or "0")


def _phone_national(g: Any, rng: random.Random, loc: str) -> str:
    """A national-looking number: a trunk 0, an area or mobile prefix, and digit groups."""
    head = rng.choice(["0", "0", "8" if loc in ("ru", "kk") else "0"])
    body = _digits(rng, rng.choice([9, 10]))
    form = rng.random()
    if form < 0.3:
        return f"{head}{body[:3]} {body[3:6]} {body[6:]}"
    if form < 0.6:
        return f"({head}{body[:2]}) {body[2:5]}-{body[5:]}"
    return head + body


def _full_name(g: Any, rng: random.Random, loc: str) -> str:
    r = rng.random()
    if r < 0.12:
        return f"{g.person.last_name()}, {g.person.first_name()}"
    if r < 0.2 and loc in ("ru", "uk", "kk"):
        return f"{g.person.last_name()} {g.person.first_name()} {g.person.patronymic() if hasattr(g.person, 'patronymic') else ''}".strip()
    if r < 0.25:
        return g.person.full_name().upper()
    return str(g.person.full_name())


def _first(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.person.first_name())


def _last(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.person.last_name())


def _street(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.address.address())


def _full_address(g: Any, rng: random.Random, loc: str) -> str:
    return f"{g.address.address()}, {g.address.postal_code()} {g.address.city()}"


def _postal(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.address.postal_code())


def _postal_float(g: Any, rng: random.Random, loc: str) -> Any:
    """A postal code kept in a numeric column (leading zeros lost); codes with letters stay text."""
    code = str(g.address.postal_code())
    digits = code.replace(" ", "").replace("-", "")
    return float(digits) if digits.isdigit() else code


def _birth(g: Any, rng: random.Random, loc: str) -> Any:
    d = g.person.birthdate(min_year=1938, max_year=2007)
    fmt = rng.choice([None, "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d", "%d-%m-%Y", "%Y/%m/%d"])
    return d if fmt is None else d.strftime(fmt)


def _ssn(g: Any, rng: random.Random, loc: str) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    sep = rng.choice(["-", "-", "", " "])
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


def _kz_iin(rng: random.Random) -> str:
    while True:
        # Its century digit (5, 6 with years 40-99: 2040-2099) is left as it was: the check digit decides how often
        # the loop draws again, so a change would redraw every table after this one. No validator reads IINs.
        body = f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.choice('3456')}" \
               + _digits(rng, 4)
        w1, w2 = range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
        c = sum(int(d) * w for d, w in zip(body, w1, strict=True)) % 11
        if c == 10:
            c = sum(int(d) * w for d, w in zip(body, w2, strict=True)) % 11
        if c < 10:
            return body + str(c)


def _ir_melli(rng: random.Random) -> str:
    body = _digits(rng, 9)
    s = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
    return body + str(s if s < 2 else 11 - s)


def _national_id(g: Any, rng: random.Random, loc: str) -> Any:
    from stdnum.br import cpf
    from stdnum.ee import ik
    from stdnum.es import dni
    from stdnum.fr import nir
    from stdnum.it import codicefiscale
    from stdnum.nl import bsn
    from stdnum.ua import rntrc

    country = COUNTRY[loc]
    if country == "EE":
        # The century digit says 1900s (3, 4) for years 40-99: 5 and 6 made them 2040-2099, dates in the future that
        # no isikukood has. Drawn from the same four digits as before, so the rest of the split is unchanged.
        # (Until the clsdev3 round the check digit was computed over the wrong digits too: 88% were invalid.)
        century = {"3": "3", "4": "4", "5": "3", "6": "4"}[rng.choice("3456")]
        body = f"{century}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + _digits(rng, 3)
        return body + ik.calc_check_digit(body + "0")  # stdnum reads the number with its check digit place
    if country == "BR":
        body = _digits(rng, 9)
        v = body + cpf._calc_check_digits(body)
        return f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}" if rng.random() < 0.6 else v
    if country == "ES":
        body = _digits(rng, 8)
        return body + dni.calc_check_digit(body)
    if country == "FR":
        body = f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}" \
               + _digits(rng, 6)
        return body + nir.calc_check_digits(body)
    if country == "IT":
        body = (_rand(rng, UP, 6) + f"{rng.randint(40, 99):02d}" + rng.choice("ABCDEHLMPRST")
                + f"{rng.randint(1, 71):02d}" + rng.choice("ABCDEFGHILM") + _digits(rng, 3))
        return body + codicefiscale.calc_check_digit(body)
    if country == "NL":
        while True:
            v = _digits(rng, 9)
            if bsn.checksum(v) == 0:
                return v
    if country == "UA":
        body = _digits(rng, 9)
        return body + rntrc.calc_check_digit(body)
    if country == "KZ":
        return _kz_iin(rng)
    if country == "IR":
        v = _ir_melli(rng)
        return f"{v[:3]}-{v[3:9]}-{v[9]}" if rng.random() < 0.4 else v
    if country == "IS":
        from stdnum.is_ import kennitala

        while True:
            body = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}" + _digits(rng, 2)
            c = (11 - kennitala.checksum(body + "0") % 11) % 11
            v = f"{body}{c}9"
            if c < 10 and kennitala.is_valid(v):
                return v[:6] + "-" + v[6:] if rng.random() < 0.6 else v
    if country == "HR":
        from stdnum.iso7064 import mod_11_10

        body = _digits(rng, 10)
        return body + mod_11_10.calc_check_digit(body)
    if country == "SK":
        while True:
            v = f"{rng.randint(54, 99):02d}{rng.choice([rng.randint(1, 12), rng.randint(51, 62)]):02d}" \
                f"{rng.randint(1, 28):02d}" + _digits(rng, 4)
            if int(v) % 11 == 0:
                return v[:6] + "/" + v[6:]
    if country == "GR":
        from stdnum import luhn

        body = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}" + _digits(rng, 4)
        return body + luhn.calc_check_digit(body)
    if country == "CH":
        from stdnum import ean

        body = "756" + _digits(rng, 9)
        v = body + ean.calc_check_digit(body)
        return f"{v[:3]}.{v[3:7]}.{v[7:11]}.{v[11:]}"
    if country == "GB":
        return _rand(rng, "ABCEGHJKLMNPRSTWXYZ", 2) + _digits(rng, 6) + rng.choice("ABCD")
    if country == "RU":
        from stdnum.ru import inn

        body = _digits(rng, 10)
        return body + inn.calc_personal_check_digits(body)
    return _ssn(g, rng, loc)


_PASSPORTS: dict[str, Callable[[random.Random], str]] = {
    "US": lambda r: (r.choice(UP) + _digits(r, 8)) if r.random() < 0.3 else _digits(r, 9),
    "GB": lambda r: _digits(r, 9),
    "DE": lambda r: r.choice("CFGHJK") + _rand(r, "CFGHJKLMNPRTVWXYZ" + DG, 8),
    "CH": lambda r: r.choice("XS") + _digits(r, 7),
    "FR": lambda r: _digits(r, 2) + _rand(r, UP, 2) + _digits(r, 5),
    "ES": lambda r: _rand(r, UP, 3) + _digits(r, 6),
    "IT": lambda r: _rand(r, UP, 2) + _digits(r, 7),
    "PT": lambda r: r.choice("CFGHJKLMNPRTVWXYZ") + _digits(r, 6),
    "BR": lambda r: _rand(r, UP, 2) + _digits(r, 6),
    "NL": lambda r: _rand(r, "BCDFGHJKLMNPRSTVWXYZ", 2) + _rand(r, "BCDFGHJKLMNPRSTVWXYZ" + DG, 6) + _digits(r, 1),
    "RU": lambda r: _digits(r, 2) + r.choice([" ", ""]) + _digits(r, 7),
    "UA": lambda r: _rand(r, UP, 2) + _digits(r, 6),
    "GR": lambda r: _rand(r, UP, 2) + _digits(r, 7),
    "EE": lambda r: r.choice("KV") + _digits(r, 7),
    "HU": lambda r: _rand(r, UP, 2) + _digits(r, r.choice([6, 7])),
    "IS": lambda r: "A" + _digits(r, 7),
    "KZ": lambda r: "N" + _digits(r, 8),
    "SK": lambda r: _rand(r, UP, 2) + _digits(r, 7),
    "HR": lambda r: _digits(r, 9),
    "IR": lambda r: r.choice(UP) + _digits(r, 8),
}


def _passport(g: Any, rng: random.Random, loc: str) -> str:
    return _PASSPORTS[COUNTRY[loc]](rng)


def _card(g: Any, rng: random.Random, loc: str) -> str:
    v = str(g.payment.credit_card_number())
    return v if rng.random() < 0.5 else v.replace(" ", "")


_IBAN_BBAN: dict[str, Callable[[random.Random], str]] = {
    "GB": lambda r: _rand(r, UP, 4) + _digits(r, 14), "DE": lambda r: _digits(r, 18),
    "CH": lambda r: _digits(r, 17), "FR": lambda r: _digits(r, 23), "ES": lambda r: _digits(r, 20),
    "IT": lambda r: r.choice(UP) + _digits(r, 22), "PT": lambda r: _digits(r, 21),
    "BR": lambda r: _digits(r, 23) + "C1", "NL": lambda r: _rand(r, UP, 4) + _digits(r, 10),
    "UA": lambda r: _digits(r, 25), "GR": lambda r: _digits(r, 23), "EE": lambda r: _digits(r, 16),
    "HU": lambda r: _digits(r, 24), "IS": lambda r: _digits(r, 22), "KZ": lambda r: _digits(r, 16),
    "SK": lambda r: _digits(r, 20), "HR": lambda r: _digits(r, 17), "IR": lambda r: _digits(r, 22),
}


def _iban(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import iban

    country = COUNTRY[loc]
    if country not in _IBAN_BBAN:
        country = rng.choice(sorted(_IBAN_BBAN))
    for _ in range(20):
        bban = _IBAN_BBAN[country](rng)
        number = country + iban.calc_check_digits(country + "00" + bban) + bban
        if iban.is_valid(number):
            return iban.format(number) if rng.random() < 0.5 else number
    return "DE" + iban.calc_check_digits("DE00" + "1" * 18) + "1" * 18


def _hu_block(rng: random.Random) -> str:
    body = _digits(rng, 7)
    c = (10 - sum(int(d) * w for d, w in zip(body, (9, 7, 3, 1, 9, 7, 3), strict=True)) % 10) % 10
    return body + str(c)


_ACCOUNTS: dict[str, Callable[[random.Random], str]] = {
    "US": lambda r: _digits(r, r.randint(8, 12)),
    "GB": lambda r: f"{_digits(r, 2)}-{_digits(r, 2)}-{_digits(r, 2)} {_digits(r, 8)}" if r.random() < 0.5
    else _digits(r, 8),
    "DE": lambda r: _digits(r, 10),
    "CH": lambda r: f"{_digits(r, 2)}-{_digits(r, 6)}-{_digits(r, 1)}",
    "FR": lambda r: f"{_digits(r, 5)} {_digits(r, 5)} {_digits(r, 11)} {_digits(r, 2)}",
    "ES": lambda r: f"{_digits(r, 4)}-{_digits(r, 4)}-{_digits(r, 2)}-{_digits(r, 10)}",
    "IT": lambda r: _digits(r, 12),
    "PT": lambda r: f"{_digits(r, 4)} {_digits(r, 4)} {_digits(r, 11)} {_digits(r, 2)}",
    "BR": lambda r: f"{_digits(r, 4)}-{_digits(r, 1)} / {_digits(r, r.randint(5, 8))}-{r.choice(DG + 'X')}",
    "NL": lambda r: _digits(r, r.choice([9, 10])),
    "RU": lambda r: r.choice(["40817810", "40702810", "42301810"]) + _digits(r, 12),
    "UA": lambda r: "2620" + _digits(r, 10),
    "GR": lambda r: f"{_digits(r, 3)}/{_digits(r, 6)}-{_digits(r, 2)}",
    "EE": lambda r: "22" + _digits(r, 10),
    "HU": lambda r: "-".join(_hu_block(r) for _ in range(r.choice([2, 3]))),
    "IS": lambda r: f"{_digits(r, 4)}-{r.choice(['26', '15', '05'])}-{_digits(r, 6)}",
    "KZ": lambda r: "KZ" + _digits(r, 2) + _digits(r, 3) + _rand(r, UP + DG, 13),
    "SK": lambda r: (f"{_digits(r, 6)}-" if r.random() < 0.4 else "") + f"{_digits(r, 10)}/{r.choice(['0200', '0900', '1100', '7500'])}",
    "HR": lambda r: f"{_digits(r, 7)}-{_digits(r, 10)}",
    "IR": lambda r: f"{_digits(r, 4)}-{_digits(r, 3)}-{_digits(r, 6)}-{_digits(r, 1)}",
}


def _bank_account(g: Any, rng: random.Random, loc: str) -> str:
    return _ACCOUNTS[COUNTRY[loc]](rng)


_LATIN_OF = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "á": "a", "í": "i",
                           "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ã": "a", "õ": "o", "š": "s", "č": "c",
                           "ž": "z", "ý": "y", "ð": "d", "þ": "th", "æ": "ae", "ő": "o", "ű": "u", "ľ": "l",
                           "ť": "t", "ď": "d", "ň": "n", "ĺ": "l", "ŕ": "r", "ô": "o", "ê": "e", "â": "a",
                           "ć": "c", "đ": "d", "ë": "e", "ï": "i", "à": "a", "ì": "i", "ò": "o", "ù": "u"})


def _handle(g: Any, rng: random.Random, loc: str) -> str:
    """A login handle: mimesis's (word and digits), or built from a name where the name is in Latin letters."""
    r = rng.random()
    if r < 0.45:
        return str(g.person.username(mask=rng.choice(["l_d", "ld", "l.d", "U_d", "Cd", "C.d", "l-d", "l_l",
                                                      "l.l", "Cl", "l_l_d", "ll"])))
    first, last = g.person.first_name().lower().translate(_LATIN_OF), g.person.last_name().lower().translate(_LATIN_OF)
    if not (first.isascii() and last.isascii()):
        return str(g.person.username())
    return rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{last}_{first[0]}",
                       f"{first}_{last}{rng.randint(1, 9)}", f"{first[0]}.{last}{rng.randint(60, 99)}"])


def _password(g: Any, rng: random.Random, loc: str) -> str:
    r = rng.random()
    if r < 0.6:
        return str(g.person.password(length=rng.randint(8, 16)))
    if r < 0.8:
        return "$2a$10$" + _rand(rng, string.ascii_letters + DG + "./", 53)
    return "pbkdf2_sha256$" + str(rng.choice([260000, 320000, 600000])) + "$" + _rand(rng, string.ascii_letters + DG, 12) \
        + "$" + base64.b64encode(rng.randbytes(32)).decode()


def _api_key(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([
        lambda: "sk-" + _rand(rng, string.ascii_letters + DG, 48),
        lambda: "AKIA" + _rand(rng, UP + DG, 16),
        lambda: "ghp_" + _rand(rng, string.ascii_letters + DG, 36),
        lambda: "pk_test_" + _rand(rng, string.ascii_letters + DG, 24),
        lambda: "SG." + _rand(rng, string.ascii_letters + DG + "-_", 22) + "." + _rand(rng, string.ascii_letters + DG + "-_", 43),
    ])()


JWT_ISSUED = 1_764_547_200  # 2025-12-01: mimesis stamps its tokens with the clock, which made the split change per run


def _jwt(g: Any, rng: random.Random, loc: str) -> str:
    """mimesis's token with its own claims but a fixed issue time (the same draws from its generator as before)."""
    payload = {"sub": g.cryptographic.uuid(), "name": "Test User", "iat": JWT_ISSUED, "exp": JWT_ISSUED + 3600}
    return str(g.cryptographic.jwt(payload=payload))


def _private_key(g: Any, rng: random.Random, loc: str) -> str:
    body = base64.b64encode(rng.randbytes(rng.choice([120, 240]))).decode()
    head = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"])
    return f"-----BEGIN {head}-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) \
        + f"\n-----END {head}-----"


def _conn(g: Any, rng: random.Random, loc: str) -> str:
    user, pw = g.person.username(mask="l_l"), g.person.password(length=12).replace("@", "x").replace("/", "y")
    host, db = g.internet.hostname(), g.text.word().lower()
    return rng.choice([f"postgres://{user}:{pw}@{host}:5432/{db}", f"mssql://{user}:{pw}@{host}:1433/{db}",
                       f"redis://:{pw}@{host}:6379/0", f"amqp://{user}:{pw}@{host}:5672/",
                       f"jdbc:mysql://{host}:3306/{db}?user={user}&password={pw}",
                       f"Host={host};Port=5432;Username={user};Password={pw};Database={db}"])


def _mrn(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"MR{_digits(rng, 8)}", f"H{_digits(rng, 7)}", f"{_digits(rng, 2)}-{_digits(rng, 3)}-{_digits(rng, 3)}",
                       f"PT{_digits(rng, 6)}", f"{_rand(rng, UP, 3)}{_digits(rng, 7)}"])


_ICD = ("A15.0", "B20", "C34.90", "D50.9", "E10.65", "F20.9", "G40.909", "H25.9", "I21.4", "J44.1", "K35.80",
        "L03.90", "M79.1", "N17.9", "O24.419", "P07.30", "Q21.0", "R10.9", "S06.0X0A", "T40.2X1A", "Z23", "E55.9",
        "I50.9", "J20.9", "K52.9", "M25.561", "N40.0", "R53.83", "Z79.4", "G47.33", "E87.1", "I63.9")


def _notes_pii(g: Any, rng: random.Random, loc: str) -> str:
    s = str(g.text.sentence())
    r = rng.random()
    if r < 0.2:
        return f"{s} E-mail: {g.person.email()}"
    if r < 0.35:
        return f"{s} Tel. {g.person.telephone()}"
    if r < 0.45:
        return f"{g.person.full_name()}: {s}"
    return s


def _coords(g: Any, rng: random.Random, loc: str) -> str:
    c = g.address.coordinates(dms=rng.random() < 0.3)
    return f"{c['latitude']}, {c['longitude']}"


# ---------------------------------------------------------------- hard negatives

_STORMS = ("Helene", "Milton", "Otis", "Idalia", "Fiona", "Nicole", "Beryl", "Debby", "Francine", "Ernesto",
           "Rafael", "Kirk", "Oscar", "Sara", "Dorian", "Lorenzo", "Humberto", "Sally", "Hanna", "Isaias",
           "Paulette", "Teddy", "Henri", "Nicholas", "Larry", "Elsa", "Grace", "Ciarán", "Eunice", "Xynthia",
           "Kyrill", "Lothar", "Babet", "Isha", "Gerrit", "Daniel", "Boris", "Frederic")


def _storm(g: Any, rng: random.Random, loc: str) -> str:
    name = rng.choice(_STORMS)
    return rng.choice([name, name, f"Hurricane {name}", f"Storm {name}", f"Tropical Storm {name}"])


def _restaurant(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"Trattoria {g.person.last_name()}", f"{g.person.first_name()}'s Grill",
                       f"Café {g.address.city()}", f"Bistro {g.person.first_name()}", f"{g.person.last_name()} & Söhne",
                       f"Taverna {g.person.first_name()}", f"{g.food.dish()} House"])


def _brand(g: Any, rng: random.Random, loc: str) -> str:
    return str(rng.choice([g.hardware.manufacturer, g.transport.manufacturer, g.finance.company])())


def _product(g: Any, rng: random.Random, loc: str) -> str:
    return str(rng.choice([g.hardware.phone_model, g.transport.car, g.hardware.cpu, g.hardware.graphics])())


def _version(g: Any, rng: random.Random, loc: str) -> str:
    parts = rng.choice([3, 3, 4])
    return ".".join(str(rng.randint(0, rng.choice([9, 30, 200]))) for _ in range(parts))


def _b64(g: Any, rng: random.Random, loc: str) -> str:
    raw = rng.randbytes(rng.choice([12, 18, 24, 33, 48]))
    return base64.b64encode(raw).decode() if rng.random() < 0.7 else base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _aba(g: Any, rng: random.Random, loc: str) -> str:
    while True:
        body = f"{rng.choice([rng.randint(1, 12), rng.randint(21, 32)]):02d}" + _digits(rng, 6)
        c = (10 - sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True)) % 10) % 10
        return body + str(c)


def _isbn(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean, isbn

    if rng.random() < 0.5:
        body = rng.choice(["978", "979"]) + _digits(rng, 9)
        v = body + ean.calc_check_digit(body)
        return f"{v[:3]}-{v[3]}-{v[4:8]}-{v[8:12]}-{v[12]}" if rng.random() < 0.5 else v
    body = _digits(rng, 9)
    return body + isbn._calc_isbn10_check_digit(body)


def _ean(g: Any, rng: random.Random, loc: str) -> Any:
    v = str(g.code.ean())
    return int(v) if rng.random() < 0.5 else v


def _imei(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.code.imei())


def _uuid(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.cryptographic.uuid())


def _hash(g: Any, rng: random.Random, loc: str) -> str:
    return hashlib.new(rng.choice(["md5", "sha1", "sha256"]), rng.randbytes(20)).hexdigest()


def _price(g: Any, rng: random.Random, loc: str) -> Any:
    p = round(rng.uniform(0.5, 4000), 2)
    return p if rng.random() < 0.7 else f"{p:.2f}".replace(".", ",") + " " + rng.choice(["€", "Ft", "kr", "₽"])


def _count(g: Any, rng: random.Random, loc: str) -> int:
    return rng.randint(0, rng.choice([20, 1000, 50000]))


def _epoch(g: Any, rng: random.Random, loc: str) -> int:
    return rng.randint(1_500_000_000, 1_800_000_000) * (1000 if rng.random() < 0.3 else 1)


def _timestamp(g: Any, rng: random.Random, loc: str) -> str:
    d = dt.datetime(2019, 1, 1) + dt.timedelta(seconds=rng.randint(0, 7 * 365 * 86400))
    return d.isoformat(sep=rng.choice(["T", " "]))


def _recent_date(g: Any, rng: random.Random, loc: str) -> str:
    d = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
    return d.strftime(rng.choice(["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]))


def _quote(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.text.text(quantity=rng.randint(1, 3)))


def _row_id(g: Any, rng: random.Random, loc: str) -> int:
    return -1  # replaced by a dense run in build()


def _order_no(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"SO{_digits(rng, 7)}", f"{rng.randint(2018, 2026)}-{_digits(rng, 6)}", f"A{_digits(rng, 9)}"])


def _tracking(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"1Z{_rand(rng, UP + DG, 16)}", f"{_rand(rng, UP, 2)}{_digits(rng, 9)}{_rand(rng, UP, 2)}",
                       _digits(rng, 12)])


def _ticket(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(['JIRA', 'OPS', 'SUP', 'INC'])}-{rng.randint(1, 99999)}"


def _plate(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.transport.vehicle_registration_code())


def _file(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([str(g.internet.path()), f"{g.text.word().lower()}_{rng.randint(1, 999)}.{rng.choice(['pdf', 'csv', 'png'])}"])


def _sku(g: Any, rng: random.Random, loc: str) -> str:
    return f"{_rand(rng, UP, 2)}{_digits(rng, 4)}-{rng.choice(['S', 'M', 'L', 'XL'])}"


def _ref_no(g: Any, rng: random.Random, loc: str) -> str:
    return _digits(rng, rng.randint(9, 12))


def _hex_id(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.getrandbits(rng.choice([40, 64])):x}"


def _gender(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.person.gender())


def _occupation(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.person.occupation())


def _pick(*fns: Callable[[Any], Callable[[], Any]]) -> Make:
    return lambda g, r, loc: r.choice(fns)(g)()


# ---------------------------------------------------------------- kinds and their names

def _f(**names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return names


SENSITIVE: tuple[Kind, ...] = (
    Kind("EMAIL", lambda g, r, loc: str(g.person.email()), ("email", "email_address", "contact_email", "user_mail"),
         ("eml", "emailAddr", "EMAIL_ADDR", "custEmail", "e_mail_addr"),
         _f(de=("mailadresse",), fr=("courriel_client",), es=("correo_electronico",), it=("email_utente",),
            pt=("email_contato",), nl=("e_mailadres",), ru=("электронная_почта", "el_pochta"), uk=("ел_пошта",),
            el=("ηλεκτρονικό_ταχυδρομείο",), et=("e_post",), hu=("email_cim",), is_=("netfang",),
            kk=("электрондық_пошта",), sk=("emailova_adresa",), hr=("e_posta",), fa=("ایمیل", "post_elektroniki"))),
    Kind("PHONE", _phone, ("phone", "telephone", "phone_no", "contact_number", "mobile", "cell_phone"),
         ("ph_no", "tel_no", "phoneNum", "mob_nbr", "TELNO", "cellNo"),
         _f(de=("rufnummer", "mobilnummer"), fr=("tel", "numero_telephone"), es=("celular",), it=("numero_telefono",),
            pt=("telefone_contato",), nl=("telefoon",), ru=("телефон", "nomer_telefona"), uk=("номер_телефону",),
            el=("τηλέφωνο", "kinito"), et=("telefoninumber",), hu=("telefonszam",), is_=("simanumer", "sími"),
            kk=("телефон_нөмірі",), sk=("telefonne_cislo",), hr=("broj_telefona", "mobitel"), fa=("تلفن", "shomare_tamas"))),
    Kind("PHONE", _phone_int, ("phone", "msisdn", "mobile_number"), ("phNbr", "msisdnNo", "TEL"),
         _f(ru=("telefon",), hu=("mobilszam",), el=("tilefono",), et=("mobiil",), hr=("telefon",), fa=("mobile_shomare",))),
    Kind("PERSON_NAME", _full_name, ("full_name", "name", "customer_name", "patient_name", "account_holder"),
         ("nm", "fullNm", "cust_nm", "holderNm", "NAME_FULL"),
         _f(de=("vollstaendiger_name",), fr=("nom_prenom",), es=("nombre_y_apellidos",), it=("nome_e_cognome",),
            pt=("nome_do_cliente",), nl=("volledige_naam",), ru=("фио", "fio"), uk=("піб",), el=("ονοματεπώνυμο",),
            et=("nimi", "taisnimi"), hu=("nev", "teljes_nev"), is_=("nafn",), kk=("аты_жөні",), sk=("cele_meno",),
            hr=("ime_i_prezime",), fa=("نام_کامل",))),
    Kind("PERSON_NAME", _first, ("first_name", "given_name", "forename"), ("fname", "first_nm", "givenNm", "FRST_NM"),
         _f(de=("vorname",), fr=("prenom",), es=("nombre_de_pila",), it=("nome_proprio",), pt=("primeiro_nome",),
            nl=("roepnaam",), ru=("имя",), uk=("імя",), el=("όνομα",), et=("eesnimi",), hu=("keresztnev", "utonev"),
            is_=("fornafn",), kk=("аты",), sk=("krstne_meno",), hr=("ime",), fa=("نام_کوچک",))),
    Kind("PERSON_NAME", _last, ("last_name", "surname", "family_name"), ("lname", "lst_nm", "surNm", "famName"),
         _f(de=("familienname",), fr=("nom_famille",), es=("apellidos",), it=("cognome",), pt=("apelido",),
            nl=("familienaam",), ru=("фамилия", "familiya"), uk=("прізвище",), el=("επώνυμο",), et=("perekonnanimi",),
            hu=("vezeteknev", "csaladnev"), is_=("eftirnafn",), kk=("тегі",), sk=("priezvisko",), hr=("prezime",),
            fa=("نام_خانوادگی",))),
    Kind("STREET_ADDRESS", _street, ("address", "street_address", "addr_line_1", "shipping_address", "residence"),
         ("addr", "st_addr", "addrLine1", "shipAddr", "res_addr"),
         _f(de=("wohnadresse",), fr=("adresse_livraison",), es=("direccion_envio",), it=("indirizzo_residenza",),
            pt=("endereco_entrega",), nl=("woonadres",), ru=("адрес", "adres"), uk=("адреса",), el=("διεύθυνση",),
            et=("aadress",), hu=("cim", "lakcim"), is_=("heimilisfang",), kk=("мекенжай",), sk=("adresa", "ulica"),
            hr=("adresa_stanovanja",), fa=("آدرس", "neshani"))),
    Kind("STREET_ADDRESS", _full_address, ("postal_address", "full_address"), ("fullAddr", "mail_addr"),
         _f(ru=("почтовый_адрес",), hu=("postacim",), et=("postiaadress",), hr=("adresa",), sk=("postova_adresa",))),
    Kind("POSTAL_CODE", _postal, ("postal_code", "zip", "zip_code", "postcode"), ("zipCd", "pst_cd", "pcode", "postalCd"),
         _f(de=("postleitzahl",), fr=("cp",), es=("cod_postal",), it=("codice_postale",), pt=("cep",), nl=("postcode",),
            ru=("индекс", "pochtovy_indeks"), uk=("поштовий_індекс",), el=("ταχυδρομικός_κώδικας", "tk"),
            et=("postiindeks",), hu=("iranyitoszam", "irsz"), is_=("postnumer",), kk=("пошта_индексі",),
            sk=("psc",), hr=("postanski_broj",), fa=("کد_پستی",))),
    Kind("POSTAL_CODE", _postal_float, ("zip", "postal_code"), ("zipCd", "ZIP5"),
         _f(ru=("indeks",), hu=("irsz",), et=("indeks",), sk=("psc",), hr=("pbr",), de=("plz",))),
    Kind("DATE_OF_BIRTH", _birth, ("birth_date", "date_of_birth", "dob", "born_on"), ("dob_dt", "bDate", "brthDt", "DOB"),
         _f(de=("geburtstag",), fr=("ne_le",), es=("nacimiento",), it=("data_nascita",), pt=("nascimento",),
            nl=("geb_datum",), ru=("дата_рождения", "data_rozhdeniya"), uk=("дата_народження",),
            el=("ημερομηνία_γέννησης",), et=("synniaeg",), hu=("szuletesi_datum", "szul_datum"),
            is_=("faedingardagur",), kk=("туған_күні",), sk=("datum_narodenia",), hr=("datum_rodenja",),
            fa=("تاریخ_تولد",))),
    Kind("US_SSN", _ssn, ("ssn", "social_security_number"), ("soc_sec", "ssnNo", "SSN_NUM"), None, ("en",)),
    Kind("NATIONAL_ID", _national_id, ("national_id", "id_number", "personal_id", "citizen_no"),
         ("natId", "nid", "pers_id_no", "NATL_ID"),
         _f(de=("ahv_nr",), fr=("nir",), es=("dni",), it=("codice_fiscale",), pt=("cpf",), nl=("bsn",),
            ru=("инн", "inn"), uk=("ипн", "rnokpp"), el=("amka",), et=("isikukood",), is_=("kennitala",),
            kk=("иин", "iin"), sk=("rodne_cislo",), hr=("oib",), fa=("کد_ملی", "kod_melli"), en=("nino",)),
         ("en-gb", "de-ch", "fr", "es", "it", "pt-br", "nl", "ru", "uk", "el", "et", "is", "kk", "sk", "hr", "fa")),
    Kind("PASSPORT", _passport, ("passport_number", "passport_no", "passport"), ("ppt_num", "passportNo", "pp_no", "travelDocNo"),
         _f(de=("reisepass_nr",), fr=("passeport",), es=("num_pasaporte",), it=("n_passaporto",),
            pt=("numero_passaporte",), nl=("paspoort_nr",), ru=("паспорт", "zagranpasport"), uk=("номер_паспорта",),
            el=("διαβατήριο", "diavatirio"), et=("passi_number",), hu=("utlevelszam", "utlevel"), is_=("vegabref",),
            kk=("паспорт_нөмірі",), sk=("cislo_pasu",), hr=("broj_putovnice",), fa=("گذرنامه", "shomare_gozarname"))),
    Kind("CREDIT_CARD", _card, ("card_number", "credit_card", "cc_num", "pan"), ("ccn", "crdNo", "cardNum", "CC_NBR"),
         _f(de=("kartennr",), fr=("carte_bancaire",), es=("num_tarjeta",), it=("carta",), pt=("numero_cartao",),
            nl=("kaartnummer",), ru=("номер_карты", "nomer_karty"), uk=("номер_картки",), el=("αριθμός_κάρτας",),
            et=("kaardinumber",), hu=("kartyaszam",), is_=("kortanumer",), kk=("карта_нөмірі",), sk=("cislo_karty",),
            hr=("broj_kartice",), fa=("شماره_کارت",))),
    Kind("IBAN", _iban, ("iban", "iban_number"), ("ibanNo", "acctIban", "IBAN_CD"),
         _f(de=("iban_nr",), hu=("iban_szamlaszam",), fa=("shaba", "شبا"), ru=("ибан",), sk=("iban_ucet",))),
    Kind("BANK_ACCOUNT", _bank_account, ("account_number", "bank_account", "acct_no", "account_no"),
         ("acctNum", "bnkAcct", "ba_no", "acc_nr"),
         _f(de=("kontonr", "bankkonto"), fr=("compte_bancaire",), es=("cuenta_bancaria",), it=("conto_corrente",),
            pt=("conta_bancaria",), nl=("bankrekening",), ru=("расчетный_счет", "schet"), uk=("рахунок",),
            el=("λογαριασμός", "logariasmos"), et=("arveldusarve",), hu=("bankszamlaszam", "szamlaszam"),
            is_=("reikningsnumer",), kk=("шот_нөмірі",), sk=("cislo_uctu", "ucet"), hr=("broj_racuna",),
            fa=("شماره_حساب",))),
    Kind("IP_ADDRESS", lambda g, r, loc: str(r.choice([g.internet.ip_v4, g.internet.ip_v4, g.internet.ip_v6])()),
         ("ip_address", "client_ip", "src_ip", "remote_addr"), ("ipAddr", "ip4", "srcIp"),
         _f(hu=("ip_cim",), sk=("ip_adresa",), ru=("ip_адрес",))),
    Kind("MAC_ADDRESS", lambda g, r, loc: str(g.internet.mac_address()), ("mac_address", "device_mac", "hw_addr"),
         ("macAddr", "mac_id")),
    Kind("URL", lambda g, r, loc: str(r.choice([g.internet.url, g.internet.uri])()), ("url", "website", "homepage", "link"),
         ("webUrl", "lnk", "site_url"), _f(et=("veebileht",), hu=("weboldal",), is_=("vefsida",), ru=("сайт",),
                                           el=("ιστοσελίδα",), hr=("web_stranica",), fa=("وبسایت",))),
    Kind("GEO_COORDINATE", lambda g, r, loc: float(g.address.latitude()), ("latitude", "lat"), ("latDeg", "geo_lat"),
         _f(ru=("широта",), et=("laiuskraad",), hu=("szelesseg",), hr=("geo_sirina",))),
    Kind("GEO_COORDINATE", lambda g, r, loc: float(g.address.longitude()), ("longitude", "lng", "lon"), ("lonDeg", "geo_lng"),
         _f(ru=("долгота",), et=("pikkuskraad",), hu=("hosszusag",), hr=("geo_duzina",))),
    Kind("GEO_COORDINATE", _coords, ("coordinates", "gps", "location"), ("geoPt", "coord"),
         _f(ru=("координаты",), el=("συντεταγμένες",), sk=("suradnice",))),
    Kind("USERNAME", _handle, ("username", "login", "user_handle", "screen_name", "created_by"),
         ("usrNm", "login_id", "userLogin", "USR_NM", "crtd_by"),
         _f(de=("benutzer",), fr=("pseudo",), es=("nombre_usuario",), it=("utente",), pt=("usuario",),
            nl=("inlognaam",), ru=("логин", "polzovatel"), uk=("логін",), el=("όνομα_χρήστη",), et=("kasutajanimi",),
            hu=("felhasznalonev",), is_=("notandanafn",), kk=("логин",), sk=("pouzivatel",),
            hr=("korisnicko_ime",), fa=("نام_کاربری",))),
    Kind("PASSWORD", _password, ("password", "passwd", "user_password", "pass_hash"), ("pwd", "pswd", "usrPass"),
         _f(ru=("пароль",), hu=("jelszo",), is_=("lykilord",), sk=("heslo",), hr=("lozinka",), et=("salasona",),
            el=("κωδικός",), fa=("رمز_عبور",), kk=("құпиясөз",))),
    Kind("API_KEY", _api_key, ("api_key", "access_token", "client_secret"), ("apiKey", "api_tok", "svcToken")),
    Kind("JWT", _jwt, ("jwt", "bearer_token", "auth_token", "id_token"), ("jwtTok", "authTkn")),
    Kind("PRIVATE_KEY", _private_key, ("private_key", "pem_key", "tls_key"), ("privKey", "sshPrivKey")),
    Kind("CONNECTION_STRING", _conn, ("connection_string", "database_url", "jdbc_url", "dsn"), ("connStr", "dbConn")),
    Kind("MEDICAL_RECORD_NUMBER", _mrn, ("mrn", "medical_record_number", "chart_number", "hospital_no"),
         ("mrnNo", "med_rec_num", "chartNo", "hrn"),
         _f(de=("patientenakte_nr",), fr=("num_dossier_patient",), es=("num_historia",), it=("cartella",),
            pt=("numero_prontuario",), nl=("dossiernummer",), ru=("номер_медкарты",), et=("haiguslugu",),
            hu=("korlap_szam",), sk=("zdravotny_zaznam",), hr=("broj_kartona",))),
    Kind("ICD10_CODE", lambda g, r, loc: r.choice(_ICD), ("icd_code", "diagnosis", "dx_code", "primary_dx"),
         ("icd10Cd", "dxCd"), _f(ru=("мкб10", "diagnoz"), et=("diagnoos",), hu=("diagnozis",), hr=("dijagnoza",))),
    Kind("FREE_TEXT_WITH_PII", _notes_pii, ("notes", "comment", "ticket_text", "message_body"),
         ("agentNotes", "msgBody", "cmnt"),
         _f(ru=("примечание", "kommentariy"), el=("σχόλια",), et=("markused",), hu=("megjegyzes",),
            is_=("athugasemdir",), sk=("poznamka",), hr=("napomena",), fa=("توضیحات",), de=("bemerkung",))),
)

NEGATIVES: tuple[Kind, ...] = (
    Kind(None, _version, ("version", "sw_version", "firmware", "release"), (), _f(hu=("verzio",), ru=("versiya",))),
    Kind(None, lambda g, r, loc: str(g.development.calver()), ("release_tag", "calver")),
    Kind(None, _brand, ("brand", "manufacturer", "vendor", "make")),
    Kind(None, _product, ("product", "device_model", "car_model", "model")),
    Kind(None, _storm, ("storm", "hurricane_name", "event_name")),
    Kind(None, _restaurant, ("restaurant", "venue", "merchant_name")),
    Kind(None, lambda g, r, loc: str(r.choice([g.food.dish, g.food.drink])()), ("dish", "menu_item", "drink")),
    Kind(None, _b64, ("payload", "blob_b64", "nonce", "signature")),
    Kind(None, _aba, ("routing_no", "aba_number", "rtn", "bank_routing")),
    Kind(None, _isbn, ("isbn", "isbn13", "book_isbn")),
    Kind(None, _row_id, ("patient_id", "chartId", "member_id", "pat_id", "person_id", "client_nr", "employee_no")),
    Kind(None, _uuid, ("uuid", "event_id", "request_id", "guid")),
    Kind(None, _hash, ("checksum", "sha", "digest", "etag")),
    Kind(None, _price, ("price", "amount", "total", "unit_cost")),
    Kind(None, _count, ("quantity", "count", "views", "num_items")),
    Kind(None, _epoch, ("ts", "created_epoch", "last_seen")),
    Kind(None, _timestamp, ("created_at", "updated_at", "event_time")),
    Kind(None, _recent_date, ("order_date", "ship_date", "valid_from")),
    Kind(None, lambda g, r, loc: str(g.address.city()), ("city", "town", "branch_city")),
    Kind(None, lambda g, r, loc: str(g.address.country()), ("country", "ship_country")),
    Kind(None, lambda g, r, loc: str(g.finance.company()), ("company", "employer", "supplier")),
    Kind(None, _ean, ("ean", "barcode", "gtin13")),
    Kind(None, _imei, ("imei", "device_serial")),
    Kind(None, lambda g, r, loc: str(g.code.issn()), ("issn",)),
    Kind(None, _quote, ("description", "summary", "review_text")),
    Kind(None, _file, ("file_path", "attachment", "object_key")),
    Kind(None, lambda g, r, loc: str(g.internet.user_agent()), ("user_agent",)),
    Kind(None, lambda g, r, loc: str(g.text.hex_color()), ("color_hex", "colour")),
    Kind(None, lambda g, r, loc: str(g.finance.currency_iso_code()), ("currency", "ccy")),
    Kind(None, lambda g, r, loc: str(g.finance.stock_ticker()), ("ticker", "symbol")),
    Kind(None, _occupation, ("occupation", "job_title")),
    Kind(None, lambda g, r, loc: str(g.person.nationality()), ("nationality",)),
    Kind(None, _gender, ("gender", "sex")),
    Kind(None, lambda g, r, loc: str(g.person.blood_type()), ("blood_type",)),
    Kind(None, lambda g, r, loc: round(r.uniform(-25, 38), 1), ("temperature", "temp_c")),
    Kind(None, lambda g, r, loc: round(r.random(), 4), ("rate", "score", "probability")),
    Kind(None, _order_no, ("order_no", "sales_order")),
    Kind(None, _tracking, ("tracking_no", "shipment_ref")),
    Kind(None, _ticket, ("ticket", "issue_key")),
    Kind(None, _plate, ("plate", "vehicle_reg")),
    Kind(None, _sku, ("sku", "article")),
    Kind(None, _ref_no, ("external_ref", "ref_no", "batch_no")),
    Kind(None, _hex_id, ("trace_id", "span_id")),
    Kind(None, lambda g, r, loc: str(g.internet.hostname()), ("hostname", "server")),
    Kind(None, lambda g, r, loc: r.choice([True, False]), ("is_active", "opt_in")),
    Kind(None, lambda g, r, loc: str(g.address.iata_code()), ("airport", "iata")),
)

# The value-evidence tables: the types whose values must decide, under mostly opaque names.
VALUE_KINDS = tuple(k for k in SENSITIVE if k.label in ("PHONE", "USERNAME", "PASSPORT", "BANK_ACCOUNT",
                                                          "POSTAL_CODE", "PERSON_NAME", "STREET_ADDRESS"))
VALUE_NEGATIVES = tuple(k for k in NEGATIVES if k.make in (_ref_no, _tracking, _order_no, _sku, _ean, _imei, _aba,
                                                           _isbn, _epoch, _count, _hex_id, _version, _brand,
                                                           _product, _storm, _restaurant, _row_id, _plate))


# ---------------------------------------------------------------- name-like things that are not people (clsdev3)
# Issue 15's class of false positives: names of things that read like people's names. Built from the locale's own
# words, cities, streets and names (mimesis), so every locale writes them in its language and script.

def _word(g: Any, rng: random.Random) -> str:
    """A word of the locale's language, capitalised (a band's, a horse's or a pet's name is often one)."""
    for _ in range(6):
        w = str(g.text.word()).strip()
        if w.isalpha() and len(w) >= 3:
            return w[:1].upper() + w[1:]
    return str(g.address.city())


def _hotel(g: Any, rng: random.Random, loc: str) -> str:
    first, last, city = g.person.first_name(), g.person.last_name(), g.address.city()
    return rng.choice([f"Hotel {city}", f"Villa {first}", f"Pension {last}", f"Casa {first}", f"{last} Lodge",
                       f"The {last}", f"Grand {last}", f"Haus {first}", f"Maison {last}", f"Residence {first}",
                       f"{city} Suites", f"Chalet {first}", f"Gasthof {last}", f"{first} Inn", f"{_word(g, rng)} {city}"])


def _ship(g: Any, rng: random.Random, loc: str) -> str:
    first, last = g.person.first_name(), g.person.last_name()
    prefix = rng.choice(["MS", "MV", "SS", "HMS", "RV", "MY", "M/S", "SY"])
    return rng.choice([f"{prefix} {first}", f"{prefix} {g.address.city()}", f"{prefix} {_word(g, rng)}",
                       f"{first} {rng.choice(['Maersk', 'Express', 'Star', 'Spirit', 'Explorer', 'Pride'])}",
                       f"Queen {first}", f"Princess {first}", f"{first} {last}", f"{_word(g, rng)} {_word(g, rng)}",
                       f"{prefix} {first} {last}", f"{g.address.city()} {_word(g, rng)}"])


def _band(g: Any, rng: random.Random, loc: str) -> str:
    first, last = g.person.first_name(), g.person.last_name()
    return rng.choice([f"The {_word(g, rng)}", f"{_word(g, rng)} {_word(g, rng)}", f"{first} & the {_word(g, rng)}",
                       f"{last} Brothers", f"{first} {last} {rng.choice(['Trio', 'Quartet', 'Band', 'Orchestra'])}",
                       f"DJ {first}", f"{_word(g, rng)}", f"{g.text.color().capitalize()} {_word(g, rng)}",
                       f"{first} {_word(g, rng)}", f"{g.address.city()} {_word(g, rng)}"])


_GRAPES = ("Riesling", "Merlot", "Syrah", "Chardonnay", "Tempranillo", "Grüner Veltliner", "Sangiovese",
           "Pinot Noir", "Malbec", "Furmint", "Saperavi", "Touriga Nacional", "Nebbiolo", "Blaufränkisch",
           "Cabernet Sauvignon", "Sauvignon Blanc", "Plavac Mali", "Assyrtiko")
_CHEESES = ("Bergkäse", "Tomme", "Queso", "Formaggio", "Cheddar", "Brie", "Gouda", "Feta", "Pecorino", "Sýr")


def _wine(g: Any, rng: random.Random, loc: str) -> str:
    first, last, city = g.person.first_name(), g.person.last_name(), g.address.city()
    grape, cheese = rng.choice(_GRAPES), rng.choice(_CHEESES)
    return rng.choice([f"Château {last}", f"Domaine {last}", f"Weingut {last}", f"Tenuta {last}", f"Bodegas {last}",
                       f"{last} {grape}", f"{grape} {city}", f"Cuvée {first}", f"{city} {cheese}",
                       f"{cheese} {city}", f"{first} {grape}", f"Quinta do {_word(g, rng)}", f"{last} Reserve"])


def _horse(g: Any, rng: random.Random, loc: str) -> str:
    """Racehorses and pets: two words jammed into a name, a title and a word, a given name and a word."""
    first = g.person.first_name()
    return rng.choice([f"{_word(g, rng)} {_word(g, rng)}", f"{g.text.color().capitalize()} {_word(g, rng)}",
                       f"Mister {_word(g, rng)}", f"Lady {_word(g, rng)}", f"Sir {_word(g, rng)}",
                       f"King {_word(g, rng)}", f"{first} {_word(g, rng)}", f"{_word(g, rng)}", f"{_word(g, rng)}",
                       f"Little {first}", f"{first}'s {_word(g, rng)}"])


def _character(g: Any, rng: random.Random, loc: str) -> str:
    """Fictional characters: a rank or a kinship word before a name or a word; a word made a name."""
    first, last = g.person.first_name(), g.person.last_name()
    return rng.choice([f"Captain {_word(g, rng)}", f"Doctor {_word(g, rng)}", f"Professor {last}",
                       f"Agent {_word(g, rng)}", f"{_word(g, rng)}man", f"Prince {first}", f"Princess {first}",
                       f"King {first}", f"Count {last}", f"Inspector {last}", f"Uncle {first}", f"Aunt {first}",
                       f"Little {_word(g, rng)}", f"Detective {last}", f"Baron {last}"])


def _street_line(g: Any, rng: random.Random, loc: str) -> str:
    """Product lines named after streets ("Park Avenue", "Bond Street Collection")."""
    street = str(g.address.street_name())
    return rng.choice([street, street, f"{street} {rng.choice(['Collection', 'Line', 'Kollektion', 'Serie'])}",
                       f"{street} {_word(g, rng)}"])


def _place_brand(g: Any, rng: random.Random, loc: str) -> str:
    city, state = g.address.city(), g.address.state()
    return rng.choice([f"{city} Motors", f"{city} Brauerei", f"Bank {city}", f"{city} Airways", f"{city} Pils",
                       f"{state} Dairy", f"{city} {_word(g, rng)}", f"{state} {_word(g, rng)}", f"{city} Cola",
                       f"Radio {city}", f"{city} Porzellan"])


def _brand_model(g: Any, rng: random.Random, loc: str) -> str:
    """A maker and a model named after a person, a word or a place (Renault Zoe, Kia Ceed, Seat Leon)."""
    maker = rng.choice([g.transport.manufacturer, g.hardware.manufacturer])()
    return rng.choice([f"{maker} {g.person.first_name()}", f"{maker} {_word(g, rng)}", str(g.transport.car()),
                       f"{maker} {g.address.city()}", f"{maker} {_word(g, rng)} {g.text.color().capitalize()}"])


def _pet(g: Any, rng: random.Random, loc: str) -> str:
    """Pets: mostly words (Pepper, Luna), some given names (Max, Bella)."""
    return g.person.first_name() if rng.random() < 0.4 else _word(g, rng)


NAME_LIKE: tuple[Kind, ...] = (
    Kind(None, _hotel, ("hotel_name", "property_name", "accommodation", "lodging"), ("htlNm", "prop_nm"),
         _f(de=("unterkunft",), fr=("hebergement",), es=("alojamiento",), it=("struttura",), ru=("гостиница",),
            hu=("szallas",), hr=("smjestaj",))),
    Kind(None, _ship, ("ship_name", "vessel", "ship", "craft"), ("vslNm", "shipNm"),
         _f(de=("schiff",), fr=("navire",), es=("buque",), nl=("schip",), ru=("судно",), el=("πλοίο",),
            is_=("skip",), et=("laev",))),
    Kind(None, _band, ("band", "artist", "performer", "act"), ("bandNm", "artist_nm"),
         _f(de=("kuenstler",), fr=("groupe",), es=("grupo_musical",), it=("gruppo",), pt=("banda",),
            ru=("группа",), hu=("egyuttes",))),
    Kind(None, _wine, ("wine", "cuvee", "wine_label", "cheese"), ("wineNm", "chs_nm"),
         _f(de=("wein",), fr=("vin",), es=("vino",), it=("vino",), pt=("vinho",), hu=("bor",), hr=("vino",),
            el=("κρασί",))),
    Kind(None, _horse, ("horse", "racehorse", "runner", "mount"), ("horseNm", "rnr_nm"),
         _f(de=("pferd",), fr=("cheval",), es=("caballo",), it=("cavallo",), ru=("лошадь",), is_=("hestur",),
            kk=("жылқы",))),
    Kind(None, _character, ("character", "hero", "persona", "role"), ("charNm", "chr_nm"),
         _f(de=("figur",), fr=("personnage",), es=("personaje",), it=("personaggio",), ru=("персонаж",))),
    Kind(None, _street_line, ("product_line", "collection", "range_name", "series"), ("prodLine", "coll_nm"),
         _f(de=("kollektion",), fr=("gamme",), es=("linea",), nl=("collectie",))),
    Kind(None, _place_brand, ("brand_name", "label", "trade_name", "marque_name"), ("brndNm", "tradeNm"),
         _f(de=("handelsname",), es=("nombre_comercial",), ru=("торговая_марка",), uk=("торгова_марка",))),
    Kind(None, _brand_model, ("model_name", "vehicle", "device"), ("mdlNm", "veh_model"),
         _f(de=("fahrzeug",), fr=("vehicule",), pt=("veiculo",), sk=("vozidlo",))),
    Kind(None, _pet, ("pet_name", "dog", "animal", "pet"), ("petNm", "dog_nm"),
         _f(de=("haustier",), fr=("animal",), es=("mascota",), it=("animale",), nl=("huisdier",), ru=("кличка",),
            hu=("haziallat",), sk=("zviera",))),
)
PERSON_KINDS = tuple(k for k in SENSITIVE if k.label == "PERSON_NAME")
NAME_LIKE_SEED_OFFSET = 15


# ---------------------------------------------------------------- numbers shaped like codes (clsname)
# Hard negatives for postal codes stored as numbers: integers of four to six digits that are not codes. Generated
# without mimesis (numbers have no locale), from a generator of their own, after every other table.

def _skewed(rng: random.Random, mu: float, sigma: float) -> int:
    return int(rng.lognormvariate(mu, sigma))


_WELL_KNOWN_PORTS = (22, 25, 53, 80, 110, 143, 443, 465, 587, 993, 1433, 1521, 3306, 3389, 5432, 5672, 6379, 8080,
                     8443, 9092, 9200, 27017)
NUMBER_NEGATIVES: tuple[tuple[tuple[str, ...], Callable[[random.Random], Any]], ...] = (
    (("views", "clicks", "page_views"), lambda r: _skewed(r, 5, 1.8)),
    (("amount_cents", "revenue", "balance_minor"), lambda r: _skewed(r, 8, 1.3)),
    (("birth_year", "model_year", "founded"), lambda r: r.randint(1950, 2024)),
    (("qty", "units", "stock"), lambda r: r.choice([1, 1, 2, 3, 5, 10, 12, 24, 50, 100, r.randint(1, 2000)])),
    (("pin", "pin_code", "door_code"), lambda r: r.randint(0, 9999)),
    (("port", "dst_port", "listen_port"), lambda r: r.choice(_WELL_KNOWN_PORTS) if r.random() < 0.6
     else r.randint(1024, 65535)),
    (("http_status", "status_code"), lambda r: r.choice([200, 200, 200, 201, 204, 301, 302, 304, 400, 401, 403, 404,
                                                         404, 409, 422, 429, 500, 502, 503])),
    (("area_code", "dial_prefix"), lambda r: r.randint(201, 989)),
    (("product_no", "article_no", "item_number"), lambda r: r.randint(10000, 99999)),
    (("part_no", "material_no"), lambda r: r.randint(100000, 999999)),
    (("duration_ms", "latency_ms"), lambda r: _skewed(r, 6, 1.2)),
    (("weight_g", "grams"), lambda r: _skewed(r, 7, 1.0)),
)
NUMBER_SEED_OFFSET = 31
NUMBER_TABLES = 4  # the name-like tables draw from their own generator, so the tables before them stay as they were


# ---------------------------------------------------------------- codes shaped like documents and accounts (clsdoc)
# Hard negatives for the value evidence of passports (a letter series and digits) and bank accounts (digit groups
# of one template): business codes of the same shapes. Drawn from their own generator, in tables after the others.

_CONTAINER_OWNERS = ("MSC", "MAE", "CMA", "HLC", "EVE", "COS", "ONE", "YML", "ZIM", "HDM", "OOL", "APL")


def _coupon(g: Any, rng: random.Random, loc: str) -> str:
    return _rand(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", rng.choice([8, 9, 10]))


def _pnr(g: Any, rng: random.Random, loc: str) -> str:
    return _rand(rng, UP + DG, 6)


def _serial(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(["SN", "S/N"]) + _digits(rng, 8) if rng.random() < 0.5 else _rand(rng, UP + DG, 12)


def _licence_key(g: Any, rng: random.Random, loc: str) -> str:
    return "-".join(_rand(rng, UP + DG, 5) for _ in range(5))


def _container(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import iso6346

    body = rng.choice(_CONTAINER_OWNERS) + "U" + _digits(rng, 6)
    return body + iso6346.calc_check_digit(body)


def _plate_plain(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([_rand(rng, UP, 2) + _digits(rng, 3) + _rand(rng, UP, 2), _rand(rng, UP, 3) + _digits(rng, 4),
                       _rand(rng, UP, 2) + _digits(rng, 2) + _rand(rng, UP, 3)])


def _parcel_grouped(g: Any, rng: random.Random, loc: str) -> str:
    return " ".join(_digits(rng, 4) for _ in range(3))


def _amazon_order(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(['111', '112', '113', '114', '171', '701', '702'])}-{_digits(rng, 7)}-{_digits(rng, 7)}"


def _imei_grouped(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import luhn

    body = _digits(rng, 14)
    v = body + luhn.calc_check_digit(body)
    return f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}"


def _ean_grouped(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean

    body = _digits(rng, 12)
    v = body + ean.calc_check_digit(body)
    return f"{v[0]} {v[1:7]} {v[7:]}"


def _invoice(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(2019, 2026)}/{_digits(rng, 6)}/{_digits(rng, 2)}"


def _voucher9(g: Any, rng: random.Random, loc: str) -> str:
    return _rand(rng, UP + DG, 9)  # one in nine fits the Dutch document format by chance


DOCUMENT_SHAPED: tuple[Kind, ...] = (
    Kind(None, _coupon, ("coupon_code", "voucher", "promo_code")),
    Kind(None, _voucher9, ("gift_code", "redeem_code")),
    Kind(None, _pnr, ("booking_ref", "pnr", "record_locator")),
    Kind(None, _serial, ("serial_no", "device_serial", "sn")),
    Kind(None, _licence_key, ("license_key", "product_key", "activation_key")),
    Kind(None, _container, ("container_no", "container", "cntr")),
    Kind(None, _plate_plain, ("plate", "registration", "vehicle_reg")),
    Kind(None, _parcel_grouped, ("parcel_no", "tracking_no")),
    Kind(None, _amazon_order, ("marketplace_order", "order_ref")),
    Kind(None, _imei_grouped, ("imei", "handset_id")),
    Kind(None, _ean_grouped, ("ean", "barcode")),
    Kind(None, _invoice, ("invoice_no", "invoice_ref")),
)
DOCUMENT_SHAPED_SEED_OFFSET = 31  # their own generator: the tables before them stay as they were
DOCUMENT_SHAPED_LOCALES = ("en", "de", "fr", "ru", "el", "fa")


OPAQUE = ("c{i}", "col{i}", "fld_{c}", "a{i}", "v{i:02d}", "column{i}", "q{i}", "k_{c}", "_c{i}", "unnamed_{i}",
          "f{i}", "extra{i}")
PLACEHOLDERS = ("N/A", "?", "null", "—", "n.a.", "xxx", "(none)", "not set", "0", "")


def _column_name(kind: Kind, style: str, lang: str, i: int, rng: random.Random) -> tuple[str, str]:
    if style == "foreign":
        pool = (kind.foreign or {}).get("is_" if lang == "is" else lang)
        if pool:
            return rng.choice(pool), style
        style = "honest"
    if style == "abbreviated" and kind.abbreviated:
        return rng.choice(kind.abbreviated), style
    if style == "opaque":
        return rng.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26]), style
    return rng.choice(kind.names), "honest"


def _shape(values: list[Any], label: str | None, rng: random.Random) -> list[Any]:
    r = rng.random()
    if label and r < 0.12:  # mixed: a share of the values are placeholders
        keep = rng.uniform(0.3, 0.6)
        return [v if rng.random() < keep else rng.choice(PLACEHOLDERS) for v in values]
    if r < 0.35:  # sparse: 70-95% empty
        empty = rng.uniform(0.7, 0.95)
        return [None if rng.random() < empty else v for v in values]
    return values


def _table(table: str, locale: str, kinds: list[Kind], opaque_share: float, rng: random.Random,
           rows: int) -> list[Column]:
    from mimesis import Generic
    from mimesis.locales import Locale

    g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
    lang = LANG[locale]
    out, used = [], set()
    for i, kind in enumerate(kinds):
        rest = 1 - opaque_share
        style = rng.choices(["opaque", "honest", "abbreviated", "foreign"],
                            weights=[opaque_share, rest * 0.3, rest * 0.3, rest * 0.4])[0]
        if style == "abbreviated" and not kind.abbreviated:
            style = "honest"
        name, style = _column_name(kind, style, lang, i, rng)
        while name in used:
            name += "_2"
        used.add(name)
        if kind.make is _row_id:
            start = rng.choice([1, 100, 5000, 100000])
            values: list[Any] = list(range(start, start + rows))
            if rng.random() < 0.3:
                values = [f"{v:07d}" for v in values]
        else:
            values = [kind.make(g, rng, locale) for _ in range(rows)]
        out.append(Column(table, name, kind.label, style, _shape(values, kind.label, rng)))
    return out


def build(seed: int = SEED, rows: int = ROWS) -> list[Column]:
    """Generate the labelled columns: three mixed tables, one value-evidence table and one table of name-like
    things per locale, then four tables of code-shaped numbers, six tables of codes shaped like documents and
    accounts, one table of one-template handles and their look-alikes per locale, then the tables of later rounds:
    six of passports among foreign ones, five of undelimited accounts and long codes, seven of medical record
    numbers (:mod:`benchmarks.classification.dev_medical`), three of phones stored as integers
    (:mod:`benchmarks.classification.dev_phone_tables`) and one of capitalised things that are not people per
    locale, each with their look-alikes, six of passports behind a fixed series letter
    (:mod:`benchmarks.classification.dev_passport_series`) with theirs, four of flight numbers and integer
    ids beside postal codes stored as numbers (:mod:`benchmarks.classification.dev_not_postal`), and ten of
    card numbers in every stored form (:mod:`benchmarks.classification.dev_card_storage`) with theirs, and ten of
    the test split's weak types in shapes the split lacked (:mod:`benchmarks.classification.dev_weak_shapes`) with
    theirs, and ten of people's contact data beside codes shaped like passports
    (:mod:`benchmarks.classification.dev_person_codes`), and four whose columns are named by cognates of hint words
    (:mod:`benchmarks.classification.dev_cognate_names`), and eight of phones of regions drawn from every region
    phonenumbers knows beside digit columns that are no phones (:mod:`benchmarks.classification.dev_world_phones`),
    twenty clinical and shop tables (:mod:`benchmarks.classification.dev_clinical_tables`), five of notes in
    Japanese, Chinese, Korean and Thai (:mod:`benchmarks.classification.dev_unspaced_notes`), and fourteen of national
    account formats with their look-alikes (:mod:`benchmarks.classification.dev_national_accounts`), eight of
    card numbers as exports write them (:mod:`benchmarks.classification.dev_card_exports`), twelve of
    labels beside notes naming people (:mod:`benchmarks.classification.dev_names_and_notes`), nineteen of
    passports in national formats and their look-alikes (:mod:`benchmarks.classification.dev_passport_formats`), eight
    of accounts of more countries and in stored forms (:mod:`benchmarks.classification.dev_account_storage`), and
    eight of phones stored with more than the number in the cell (:mod:`benchmarks.classification.dev_phone_storage`),
    ten of free text as systems write it (:mod:`benchmarks.classification.dev_system_text`), seventeen of
    passenger lists, hotel registers, KYC exports and staff files with their passports, and of travel and member
    codes that are none (:mod:`benchmarks.classification.dev_travel_documents`), twenty-seven of patient
    identifiers under their systems' names beside a hospital's other numbers
    (:mod:`benchmarks.classification.dev_patient_ids`), twelve of payment records
    (:mod:`benchmarks.classification.dev_account_records`), seventeen of encounters with record numbers repeated
    over the stays and names that misfire as record numbers (:mod:`benchmarks.classification.dev_clinical_encounters`),
    eight of accounts in the shapes exports leave them (:mod:`benchmarks.classification.dev_account_shapes`),
    nineteen of passports under uncommon names and their look-alikes
    (:mod:`benchmarks.classification.dev_passport_shapes`), eight of phones without their ``+`` and cards in
    new shapes (:mod:`benchmarks.classification.dev_phone_card_shapes`).

    >>> cols = build(rows=20)
    >>> len({c.table for c in cols})
    448
    """
    rng = random.Random(seed)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        sensitive = [k for k in SENSITIVE if locale in k.locales]
        for t in range(3):
            kinds = rng.sample(sensitive, 8)
            # National identifiers exist in one kind per locale; give them a fair share of the tables.
            national = [k for k in sensitive if k.label in ("US_SSN", "NATIONAL_ID") and k not in kinds]
            if national and rng.random() < 0.6:
                kinds[-1] = national[0]
            kinds += rng.sample(NEGATIVES, 5)
            rng.shuffle(kinds)
            columns += _table(f"d{li:02d}{t}_{locale.replace('-', '_')}", locale, kinds, 0.3, rng, rows)
        value = [k for k in VALUE_KINDS if locale in k.locales]
        kinds = rng.sample(value, 6) + rng.sample(VALUE_NEGATIVES, 6)
        rng.shuffle(kinds)
        columns += _table(f"dv{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.75, rng, rows)
    # Name-like things that are not people (since the clsdev3 round), one table per locale after the others, from a
    # generator of their own: nine of the ten kinds and one person-name column as a control, half of them opaque.
    named = random.Random(seed + NAME_LIKE_SEED_OFFSET)
    for li, locale in enumerate(LOCALES):
        kinds = named.sample(NAME_LIKE, 9) + [named.choice(PERSON_KINDS)]
        named.shuffle(kinds)
        columns += _table(f"dn{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.5, named, rows)
    # Numbers shaped like codes (since the clsname round), after every other table: four tables of the twelve
    # kinds, half of them under opaque names, some sparse or stored as floats (a NULL makes pandas store floats).
    numbers = random.Random(seed + NUMBER_SEED_OFFSET)
    for t in range(NUMBER_TABLES):
        used: set[str] = set()
        for i, (names, make) in enumerate(numbers.sample(NUMBER_NEGATIVES, 8)):
            name = numbers.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26]) \
                if numbers.random() < 0.5 else numbers.choice(names)
            while name in used:
                name += "_2"
            used.add(name)
            values: list[Any] = [make(numbers) for _ in range(rows)]
            columns.append(Column(f"dh{t:02d}_numbers", name, None, "opaque" if name not in names else "honest",
                                  _shape(values, None, numbers)))
    # Codes shaped like passports and accounts (since the clsdoc round): every kind in each of six tables, mostly
    # under opaque names, from a generator of their own.
    shaped = random.Random(seed + DOCUMENT_SHAPED_SEED_OFFSET)
    for li, locale in enumerate(DOCUMENT_SHAPED_LOCALES):
        kinds = list(DOCUMENT_SHAPED)
        shaped.shuffle(kinds)
        columns += _table(f"dd{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.75, shaped, rows)
    # Handles of one template and their look-alikes (since the clsuser round), then each later round's tables in
    # the order of their rounds (clspass, clsbank, clsmrn, clsphone, clsfp, clsbank2, clspass2, clsfp2, clscard,
    # clsdev6, clsopq, clsopn, clscog, extcsv28, extcsv30, extcsv29, extcsv27, extcsv34, extcsv33, extcsv31,
    # extcsv32, extcsv35, extcsv39, extcsv38, extcsv36, extcsv37, extcsv42, extcsv41, extcsv40),
    # after every other table: earlier tables stay as they were.
    from benchmarks.classification.dev_account_records import account_record_tables
    from benchmarks.classification.dev_account_shapes import account_shape_tables
    from benchmarks.classification.dev_account_storage import account_storage_tables
    from benchmarks.classification.dev_card_exports import card_export_tables
    from benchmarks.classification.dev_card_storage import card_storage_tables
    from benchmarks.classification.dev_clinical_encounters import clinical_encounter_tables
    from benchmarks.classification.dev_clinical_tables import clinical_tables
    from benchmarks.classification.dev_cognate_names import cognate_name_tables
    from benchmarks.classification.dev_domestic_accounts import domestic_account_tables
    from benchmarks.classification.dev_medical import medical_record_tables
    from benchmarks.classification.dev_names_and_notes import name_and_note_tables
    from benchmarks.classification.dev_national_accounts import national_account_tables
    from benchmarks.classification.dev_not_postal import not_postal_tables
    from benchmarks.classification.dev_passport_formats import passport_format_tables
    from benchmarks.classification.dev_passport_series import passport_series_tables
    from benchmarks.classification.dev_passport_shapes import passport_shape_tables
    from benchmarks.classification.dev_patient_ids import patient_id_tables
    from benchmarks.classification.dev_person_codes import person_code_tables
    from benchmarks.classification.dev_phone_card_shapes import phone_card_shape_tables
    from benchmarks.classification.dev_phone_storage import phone_storage_tables
    from benchmarks.classification.dev_phone_tables import phone_tables
    from benchmarks.classification.dev_system_text import system_text_tables
    from benchmarks.classification.dev_three_digit_codes import three_digit_code_tables
    from benchmarks.classification.dev_travel_documents import travel_document_tables
    from benchmarks.classification.dev_unspaced_notes import unspaced_note_tables
    from benchmarks.classification.dev_weak_shapes import weak_shape_tables
    from benchmarks.classification.dev_world_phones import world_phone_tables

    return (columns + handle_tables(seed, rows) + passport_mix_tables(seed, rows) + account_code_tables(seed, rows)
            + medical_record_tables(seed, rows) + phone_tables(seed, rows) + not_people_tables(seed, rows)
            + domestic_account_tables(seed, rows) + passport_series_tables(seed, rows) + not_postal_tables(seed, rows)
            + card_storage_tables(seed, rows) + weak_shape_tables(seed, rows) + person_code_tables(seed, rows)
            + three_digit_code_tables(seed, rows) + cognate_name_tables(seed, rows) + world_phone_tables(seed, rows)
            + clinical_tables(seed, rows) + unspaced_note_tables(seed, rows)
            + national_account_tables(seed, rows) + card_export_tables(seed, rows)
            + name_and_note_tables(seed, rows)
            + passport_format_tables(seed, rows) + account_storage_tables(seed, rows)
            + phone_storage_tables(seed, rows)
            + system_text_tables(seed, rows)
            + travel_document_tables(seed, rows)
            + patient_id_tables(seed, rows)
            + account_record_tables(seed, rows)
            + clinical_encounter_tables(seed, rows)
            + account_shape_tables(seed, rows)
            + passport_shape_tables(seed, rows)
            + phone_card_shape_tables(seed, rows))




# ---------------------------------------------------------------- handles of one template and their look-alikes (clsuser)
# A system often makes every handle by one template (mimesis's default "l_d": hazard_1989). Each column here follows
# one mimesis mask, the default twice as often as any other; beside them, machine-made tokens of one template that a
# rule reading one template could take for handles: slugs, run names, docker names, codenames with years, file stems,
# product codes, ticket keys, host names, tags, batch ids, city_year labels and car models with years. Appended after
# every other table, from a generator of their own, so the tables before them stay as they were.

HANDLE_MASKS = (None, None, "l_d", "C.d", "U-d", "l.l", "l_l_d", "Cd", "ld", "l.d", "U_d", "l_l")
HANDLE_SEED_OFFSET = 29


def _one_mask(mask: str | None) -> Make:
    return lambda g, r, loc: str(g.person.username(mask=mask))


_CAMPAIGN_WORDS = ("summer", "winter", "spring", "autumn", "black", "friday", "cyber", "flash", "mega", "holiday",
                   "easter", "launch", "spring", "welcome", "loyalty")
_CAMPAIGN_NOUNS = ("sale", "deal", "promo", "offer", "campaign", "discount", "drop", "week", "bundle")


def _slug(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(_CAMPAIGN_WORDS)}-{rng.choice(_CAMPAIGN_NOUNS)}-{rng.randint(2015, 2026)}"


def _run_name(g: Any, rng: random.Random, loc: str) -> str:
    return f"run_{rng.randint(1, 9999):04d}"


def _experiment(g: Any, rng: random.Random, loc: str) -> str:
    return f"experiment_{rng.randint(1, 5000)}"


_DOCKER_ADJ = ("admiring", "adoring", "affectionate", "amazing", "angry", "awesome", "blissful", "bold", "brave",
               "charming", "clever", "cool", "compassionate", "competent", "confident", "cranky", "dazzling",
               "determined", "distracted", "dreamy", "eager", "ecstatic", "elastic", "elegant", "eloquent", "epic",
               "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "gallant", "gifted", "goofy",
               "gracious", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible", "inspiring",
               "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing",
               "naughty", "nervous", "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic")
_DOCKER_NAMES = ("turing", "hopper", "lovelace", "curie", "einstein", "newton", "darwin", "tesla", "galileo",
                 "kepler", "noether", "ritchie", "thompson", "torvalds", "wozniak", "babbage", "bohr", "dirac",
                 "euler", "fermat", "feynman", "gauss", "hawking", "heisenberg", "hodgkin", "hypatia", "joliot",
                 "knuth", "lamarr", "leakey", "liskov", "mayer", "mccarthy", "meitner", "mendel", "morse", "nash",
                 "neumann", "pascal", "pasteur", "planck", "raman", "ride", "sammet", "shannon", "sinoussi",
                 "stallman", "swirles", "tharp", "volhard", "wescoff", "wiles", "williams", "wing", "wright",
                 "yalow", "yonath", "zhukovsky", "archimedes", "agnesi")


def _docker_name(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(_DOCKER_ADJ)}_{rng.choice(_DOCKER_NAMES)}"


_CODENAMES = ("warty", "hoary", "breezy", "dapper", "edgy", "feisty", "gutsy", "hardy", "intrepid", "jaunty",
              "karmic", "lucid", "maverick", "natty", "oneiric", "precise", "quantal", "raring", "saucy", "trusty",
              "utopic", "vivid", "wily", "xenial", "yakkety", "zesty", "artful", "bionic", "cosmic", "disco",
              "eoan", "focal", "groovy", "hirsute", "impish", "jammy", "kinetic", "lunar", "mantic", "noble")


def _codename(g: Any, rng: random.Random, loc: str) -> str:
    name, year = rng.choice(_CODENAMES), rng.randint(2004, 2026)
    return rng.choice([f"{name}_{year}", f"{name.capitalize()}-{year}", f"{name}{year}"])


def _file_stem(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"IMG_{rng.randint(1, 9999):04d}", f"report_{rng.randint(2015, 2026)}",
                       f"invoice_{rng.randint(1, 99999)}", f"scan{rng.randint(1, 999):03d}",
                       f"DSC{rng.randint(1, 99999):05d}"])


def _product_code(g: Any, rng: random.Random, loc: str) -> str:
    return f"ACME-{rng.randint(1000, 9999)}"


def _ticket_key(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(['PROJ', 'CORE', 'WEB', 'DATA', 'MOBILE', 'INFRA'])}-{rng.randint(1, 9999)}"


_HOST_ROLES = ("web", "db", "app", "cache", "api", "worker", "proxy", "queue", "search", "mail")


def _host(g: Any, rng: random.Random, loc: str) -> str:
    role = rng.choice(_HOST_ROLES)
    return rng.choice([f"{role}{rng.randint(1, 99):02d}", f"{role}-{rng.choice(['prod', 'stage', 'dev'])}-"
                       f"{rng.randint(1, 40)}", f"{role}{rng.randint(1, 400)}"])


def _tag(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"v{rng.randint(1, 12)}_{rng.randint(2015, 2026)}", f"release_{rng.randint(2015, 2026)}",
                       f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}"])


def _batch(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"batch_{rng.randint(1, 9999)}", f"batch{rng.randint(1, 9999)}",
                       f"batch_{(dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))):%Y%m%d}"])


_CITY_POOL = ("paris", "berlin", "lisbon", "madrid", "rome", "vienna", "prague", "dublin", "oslo", "athens",
              "tallinn", "zagreb")


def _city_year(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(_CITY_POOL)}_{rng.randint(2000, 2026)}"


def _model_year(g: Any, rng: random.Random, loc: str) -> str:
    """A car model and its year: words from a large pool (mimesis's models), years of three decades."""
    return f"{str(g.transport.car()).split()[-1]}_{rng.randint(1995, 2025)}"


_HANDLE_NAMES = ("opened_by", "closed_by", "resolved_by", "handled_by", "assigned_to", "author", "created_by")
ONE_TEMPLATE_HANDLES: tuple[Kind, ...] = tuple(
    Kind("USERNAME", _one_mask(mask), _HANDLE_NAMES, ("opnd_by", "clsd_by", "rslvd_by", "asgn_to"),
         _f(de=("erstellt_von", "bearbeiter"), fr=("ouvert_par", "auteur"), es=("abierto_por", "autor"),
            it=("aperto_da",), pt=("aberto_por",), nl=("behandelaar",), ru=("автор_заявки", "ispolnitel"),
            uk=("виконавець",), el=("χειριστής",), et=("koostaja",), hu=("rogzitette",), is_=("hofundur",),
            kk=("орындаушы",), sk=("vytvoril",), hr=("otvorio",), fa=("کاربر",)))
    for mask in HANDLE_MASKS)
HANDLE_LOOKALIKES: tuple[Kind, ...] = (
    Kind(None, _slug, ("slug", "url_slug", "campaign_slug")),
    Kind(None, _run_name, ("run_name", "run")),
    Kind(None, _experiment, ("experiment", "exp_name")),
    Kind(None, _docker_name, ("container_name", "container")),
    Kind(None, _codename, ("codename", "release_name")),
    Kind(None, _file_stem, ("file_stem", "basename")),
    Kind(None, _product_code, ("product_code", "item_code")),
    Kind(None, _ticket_key, ("ticket_key", "issue")),
    Kind(None, _host, ("host", "node_name")),
    Kind(None, _tag, ("build_tag", "git_tag")),
    Kind(None, _batch, ("batch_id", "lot")),
    Kind(None, _city_year, ("edition", "event_label")),
    Kind(None, _model_year, ("model_year", "car_code")),
)


def handle_tables(seed: int = SEED, rows: int = ROWS) -> list[Column]:
    """One table per locale: three columns of one-template handles and six look-alikes, most under opaque names.

    >>> len(handle_tables(rows=5))
    180
    """
    rng = random.Random(seed + HANDLE_SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        kinds = rng.sample(ONE_TEMPLATE_HANDLES, 3) + rng.sample(HANDLE_LOOKALIKES, 6)
        rng.shuffle(kinds)
        columns += _table(f"dh{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.6, rng, rows)
    return columns


def _shuffled_tables(prefix: str, locales: tuple[str, ...], kinds: tuple[Kind, ...], rng: random.Random,
                     rows: int) -> list[Column]:
    """One table per locale holding every kind, in an order shuffled per table, 75% of them under opaque names;
    tables are named ``<prefix><nn>_<locale>``. The appended rounds' tables are built this way from their own
    generator, so earlier draws stay as they were.

    >>> len(_shuffled_tables("dx", ("de",), PASSPORT_MIX, random.Random(1), 5))
    7
    """
    columns: list[Column] = []
    for li, locale in enumerate(locales):
        order = list(kinds)
        rng.shuffle(order)
        columns += _table(f"{prefix}{li:02d}_{locale.replace('-', '_')}", locale, order, 0.75, rng, rows)
    return columns


# ---------------------------------------------------------------- passports among foreign ones (clspass)
# A bank's customers: most passports of the country's own template (bare digits in Britain and Croatia), the rest
# of other issuers, under mostly opaque names; beside them codes of the same shapes that one system issues: reference
# numbers beside order numbers, supplier part numbers beside one's own, customer numbers from one block beside
# legacy branch codes, vowel-free and Crockford codes of nine characters, production lots of the French shape.
PASSPORT_MIX_SEED_OFFSET = 47  # their own generator: the tables before them stay as they were
PASSPORT_MIX_LOCALES = ("en-gb", "de", "fr", "hr", "it", "es")


def _passport_mix(g: Any, rng: random.Random, loc: str) -> str:
    if rng.random() < 0.75:
        return _PASSPORTS[COUNTRY[loc]](rng)
    return rng.choice([make for country, make in _PASSPORTS.items() if country != COUNTRY[loc]])(rng)


def _refs_and_orders(g: Any, rng: random.Random, loc: str) -> str:
    return _digits(rng, 9) if rng.random() < 0.75 else "SO" + _digits(rng, 7)


def _supplier_parts(g: Any, rng: random.Random, loc: str) -> str:
    if rng.random() < 0.6:
        return str(rng.randint(10**8, 10**9 - 1))
    return rng.choice(["BO" + _digits(rng, 7), "SIE" + _digits(rng, 6), "M" + _digits(rng, 8)])


def _block_members(g: Any, rng: random.Random, loc: str) -> str:
    return str(rng.randint(410000000, 410099999)) if rng.random() < 0.75 else _rand(rng, UP, 2) + _digits(rng, 7)


def _vowel_free(g: Any, rng: random.Random, loc: str) -> str:
    return _rand(rng, "BCDFGHJKLMNPQRSTVWXZ" + DG, 9)


def _crockford(g: Any, rng: random.Random, loc: str) -> str:
    return _rand(rng, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 9)


def _lot(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(19, 26)}{rng.choice(['FR', 'DE', 'IT', 'PL'])}{_digits(rng, 5)}"


PASSPORT_MIX: tuple[Kind, ...] = (
    Kind("PASSPORT", _passport_mix, ("passport_no", "travel_document")),
    Kind(None, _refs_and_orders, ("reference", "order_ref")),
    Kind(None, _supplier_parts, ("part_no", "article")),
    Kind(None, _block_members, ("member_no", "customer_no")),
    Kind(None, _vowel_free, ("voucher_code", "redeem_code")),
    Kind(None, _crockford, ("short_id", "share_code")),
    Kind(None, _lot, ("lot_no", "batch")),
)


def passport_mix_tables(seed: int = SEED, rows: int = ROWS) -> list[Column]:
    """One table per locale of :data:`PASSPORT_MIX_LOCALES`: a passport column and six look-alikes, mostly opaque.

    >>> len(passport_mix_tables(rows=5))
    42
    """
    return _shuffled_tables("dp", PASSPORT_MIX_LOCALES, PASSPORT_MIX, random.Random(seed + PASSPORT_MIX_SEED_OFFSET),
                            rows)


# ---------------------------------------------------------------- undelimited accounts and long codes (clsbank)
# Bank accounts written without separators (a country's BBAN of drawn digits, a few account-type codes then drawn
# digits, bare numbers beside a minority of foreign accounts whose check digits hold) and long codes of the same
# shapes that are not accounts: clock-based ids, SSCCs, parcel numbers behind a service code, card-length references,
# ids with a birth date inside, dated serials, a code and a counter, VINs, hashes in capitals. Drawn from their own
# generator, in tables after every other one, so the tables before them stay as they were.

ACCOUNT_CODE_SEED_OFFSET = 37
ACCOUNT_CODE_LOCALES = ("de-ch", "it", "uk", "hr", "el")


def _bban_plain(g: Any, rng: random.Random, loc: str) -> str:
    return _IBAN_BBAN[COUNTRY[loc]](rng)


def _coded_account(g: Any, rng: random.Random, loc: str) -> str:
    # The codes are fixed per locale (a bank's own account types), the digits after them drawn.
    codes = {"de-ch": ("40817810", "40702810"), "it": ("2620580",), "uk": ("26200", "26250", "26030"),
             "hr": ("23400091",), "el": ("40802978", "40702840")}[loc]
    code = rng.choice(codes)
    return code + _digits(rng, 20 - len(code))


def _checked_foreign(r: random.Random) -> str:
    bank, branch, acct = r.randint(10000, 99999), r.randint(0, 99999), r.randint(0, 10**11 - 1)
    key = 97 - (89 * bank + 15 * branch + 3 * acct) % 97
    rib = f"{bank:05d}{branch:05d}{acct:011d}{key:02d}"
    body = r.randint(10**9, 10**10 - 1)
    return r.choice([rib, f"{body:010d}{body % 97 or 97:02d}"])


def _accounts_of_many_countries(g: Any, rng: random.Random, loc: str) -> str:
    return _checked_foreign(rng) if rng.random() < 0.2 else _digits(rng, rng.choice([10, 11, 12]))


def _clock_id(g: Any, rng: random.Random, loc: str) -> str:
    return str((1_600_000_000_000 + rng.randint(0, 10**9)) << 22 | rng.getrandbits(22))[:18]


def _sscc(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean

    body = rng.choice("0123") + _digits(rng, 16)
    return body + ean.calc_check_digit(body)


def _parcel_service(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(["9400", "9205"]) + _digits(rng, 18)


def _birth_dated_id(g: Any, rng: random.Random, loc: str) -> str:
    day = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 25000))
    return f"{rng.randint(110000, 659999)}{day:%Y%m%d}{_digits(rng, 4)}"


def _dated_serial(g: Any, rng: random.Random, loc: str) -> str:
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
    return f"{day:%Y%m%d}{_digits(rng, 10)}"


def _coded_counter(g: Any, rng: random.Random, loc: str) -> str:
    return f"40817810{rng.randint(1, 5000):012d}"  # a ledger's code and its posting number


ACCOUNT_CODE_KINDS: tuple[Kind, ...] = (
    Kind("BANK_ACCOUNT", _bban_plain, ("bban", "account_number")),
    Kind("BANK_ACCOUNT", _coded_account, ("account_number", "current_account")),
    Kind("BANK_ACCOUNT", _accounts_of_many_countries, ("beneficiary_account", "payee_account")),
    Kind(None, _clock_id, ("event_id", "message_id")),
    Kind(None, _sscc, ("sscc", "pallet_id")),
    Kind(None, _parcel_service, ("tracking_no", "parcel_id")),
    Kind(None, lambda g, r, loc: _digits(r, 16), ("transaction_ref", "auth_ref")),
    Kind(None, _birth_dated_id, ("member_code", "person_key")),
    Kind(None, _dated_serial, ("batch_serial", "lot_no")),
    Kind(None, _coded_counter, ("ledger_entry", "posting_no")),
    Kind(None, lambda g, r, loc: _rand(r, "ABCDEFGHJKLMNPRSTUVWXYZ" + DG, 17), ("vin", "chassis_no")),
    Kind(None, lambda g, r, loc: _rand(r, "0123456789ABCDEF", 20), ("checksum", "digest")),
)


def account_code_tables(seed: int = SEED, rows: int = ROWS) -> list[Column]:
    """One table per locale of :data:`ACCOUNT_CODE_LOCALES`: three kinds of undelimited accounts and nine long codes
    that are not accounts, most under opaque names.

    >>> len(account_code_tables(rows=5))
    60
    """
    return _shuffled_tables("db", ACCOUNT_CODE_LOCALES, ACCOUNT_CODE_KINDS,
                            random.Random(seed + ACCOUNT_CODE_SEED_OFFSET), rows)


# ---------------------------------------------------------------- capitalised things that are not people (clsfp)
# Hard negatives for the person-name rules read from values alone: columns of capitalised words and short phrases
# that are not people (companies, eponymous firms, job titles, works' titles, places, streets without numbers,
# teams, venues, breeds, colours, food, genres, languages, car and phone models, drugs, stars, gods, interface
# labels, places that are also family names, "Lake Tahoe" pairs), under opaque names and under names such as
# ``name``, ``title``, ``label``, ``owner_group``, ``category``. mimesis and Faker in the dev split's locales only.
# Appended after every other table, from a generator of their own, so the tables before them stay as they were.

FAKER_LOCALE = {"en": "en_US", "en-gb": "en_GB", "de": "de_DE", "de-ch": "de_CH", "fr": "fr_FR", "es": "es_ES",
                "it": "it_IT", "pt": "pt_PT", "pt-br": "pt_BR", "nl": "nl_NL", "ru": "ru_RU", "uk": "uk_UA",
                "el": "el_GR", "et": "et_EE", "hu": "hu_HU", "is": "is_IS", "kk": "ru_RU", "sk": "sk_SK",
                "hr": "hr_HR", "fa": "fa_IR"}
_FAKERS: dict[tuple[str, int], Any] = {}


def _faker(loc: str, rng: random.Random) -> Any:
    """One seeded Faker per locale and table (Faker's own draws are seeded from the table's generator)."""
    from faker import Faker

    key = (loc, id(rng))
    if key not in _FAKERS:
        f = Faker(FAKER_LOCALE[loc])
        f.seed_instance(rng.randint(0, 2**31))
        _FAKERS[key] = f
    return _FAKERS[key]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_BREEDS = ("Labrador", "Beagle", "Dalmatian", "Poodle", "Boxer", "Dachshund", "Collie", "Rottweiler", "Husky",
           "Maltese", "Pomeranian", "Shih Tzu", "Bulldog", "Whippet", "Greyhound", "Doberman", "Akita", "Samoyed",
           "Newfoundland", "Saint Bernard", "Bernese", "Weimaraner", "Vizsla", "Basset", "Bloodhound", "Mastiff",
           "Chihuahua", "Pug", "Schnauzer", "Spaniel", "Setter", "Pointer", "Terrier", "Retriever", "Sheltie",
           "Corgi", "Persian", "Siamese", "Ragdoll", "Bengal", "Sphynx", "Burmese", "Abyssinian", "Birman",
           "Chartreux", "Manx", "Arabian", "Friesian", "Haflinger", "Lipizzaner", "Appaloosa", "Mustang",
           "Percheron", "Clydesdale", "Shetland", "Connemara", "Hanoverian", "Trakehner", "Merino", "Angus",
           "Hereford", "Holstein", "Jersey", "Charolais", "Limousin", "Simmental", "Guernsey", "Leghorn",
           "Orpington", "Wyandotte", "Brahma", "Cochin", "Rhode Island Red", "Plymouth Rock", "Sussex")
_GENRES = ("Jazz", "Blues", "Rock", "Pop", "Soul", "Funk", "Disco", "Techno", "House", "Trance", "Reggae", "Ska",
           "Punk", "Grunge", "Metal", "Indie", "Folk", "Country", "Gospel", "Opera", "Salsa", "Tango", "Samba",
           "Bossa Nova", "Flamenco", "Fado", "Chanson", "Schlager", "Hip Hop", "Rhythm And Blues", "Drum And Bass",
           "Dubstep", "Ambient", "Baroque", "Classical", "Bluegrass", "Zydeco", "Cumbia", "Merengue", "Bachata",
           "Afrobeat", "Highlife", "Rockabilly", "Swing", "Bebop", "Motown", "Synthwave", "Emo", "Shoegaze",
           "Krautrock", "Polka", "Klezmer", "Rembetiko", "Turbofolk", "Manele")
_DRUGS = ("Ibuprofen", "Paracetamol", "Amoxicillin", "Metformin", "Atorvastatin", "Lisinopril", "Omeprazole",
          "Simvastatin", "Amlodipine", "Losartan", "Levothyroxine", "Sertraline", "Citalopram", "Fluoxetine",
          "Diazepam", "Lorazepam", "Tramadol", "Codeine", "Morphine", "Warfarin", "Heparin", "Insulin",
          "Prednisone", "Cetirizine", "Loratadine", "Ranitidine", "Naproxen", "Diclofenac", "Aspirin",
          "Clopidogrel", "Furosemide", "Digoxin", "Gabapentin", "Pregabalin", "Quetiapine", "Olanzapine",
          "Risperidone", "Venlafaxine", "Bupropion", "Montelukast", "Salbutamol", "Doxycycline", "Azithromycin",
          "Ciprofloxacin", "Valium", "Xanax", "Prozac", "Zoloft", "Lipitor", "Nexium", "Ventolin", "Augmentin",
          "Voltaren", "Nurofen", "Panadol", "Tylenol", "Advil", "Claritin", "Zyrtec", "Eliquis", "Xarelto",
          "Ozempic", "Humira", "Keytruda", "Januvia", "Lyrica", "Cialis", "Viagra", "Plavix", "Crestor")
_SKY = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto", "Ceres", "Eris",
        "Sirius", "Vega", "Rigel", "Betelgeuse", "Altair", "Deneb", "Arcturus", "Capella", "Aldebaran", "Antares",
        "Spica", "Pollux", "Castor", "Regulus", "Procyon", "Polaris", "Canopus", "Achernar", "Mira", "Bellatrix",
        "Alcyone", "Electra", "Maia", "Merope", "Taygeta", "Orion", "Cassiopeia", "Andromeda", "Perseus",
        "Pegasus", "Draco", "Lyra", "Cygnus", "Aquila", "Hydra", "Phoenix", "Centaurus", "Io", "Europa",
        "Ganymede", "Callisto", "Titan", "Rhea", "Iapetus", "Dione", "Tethys", "Enceladus", "Mimas", "Triton",
        "Oberon", "Titania", "Miranda", "Ariel", "Umbriel", "Charon", "Phobos", "Deimos", "Luna", "Sol")
_MYTHS = ("Zeus", "Hera", "Athena", "Apollo", "Artemis", "Ares", "Aphrodite", "Hermes", "Hephaestus", "Demeter",
          "Dionysus", "Poseidon", "Hades", "Persephone", "Hestia", "Jupiter", "Juno", "Minerva", "Diana", "Vulcan",
          "Ceres", "Bacchus", "Neptune", "Pluto", "Odin", "Thor", "Loki", "Freya", "Frigg", "Baldur", "Tyr",
          "Heimdall", "Njord", "Idun", "Osiris", "Isis", "Horus", "Anubis", "Ra", "Set", "Thoth", "Bastet", "Ptah",
          "Perun", "Veles", "Svarog", "Mokosh", "Lada", "Brigid", "Lugh", "Dagda", "Morrigan", "Cernunnos",
          "Achilles", "Hector", "Odysseus", "Penelope", "Helen", "Paris", "Ajax", "Jason", "Medea", "Theseus",
          "Ariadne", "Perseus", "Medusa", "Orpheus", "Eurydice", "Prometheus", "Pandora", "Narcissus", "Echo",
          "Hercules", "Atlas", "Cronus", "Gaia", "Uranus", "Hyperion", "Selene", "Helios", "Eos", "Nike", "Iris")
_UI_LABELS = ("Save Changes", "Sign In", "Sign Out", "Log In", "Add To Cart", "Check Out", "Continue", "Cancel",
              "Submit", "Next Step", "Go Back", "Learn More", "Read More", "Show Details", "Hide Details",
              "Download Report", "Upload File", "Edit Profile", "Account Settings", "Privacy Policy",
              "Terms Of Service", "Contact Us", "About Us", "Help Center", "Order History", "Track Order",
              "Apply Coupon", "Remove Item", "Place Order", "Try Again", "Start Trial", "Upgrade Plan",
              "Manage Subscription", "Reset Password", "Create Account", "View Cart", "Select All", "Clear Filters",
              "Sort By", "Load More", "Mark As Read", "Archive", "Delete", "Share", "Print", "Export", "Import",
              "Refresh", "Search", "Filter", "Settings", "Dashboard", "Overview", "Reports", "Analytics", "Inbox",
              "Drafts", "Sent", "Trash", "Spam", "Favourites", "Notifications", "Billing", "Invoices", "Support")
# Places in the US, Britain and the Commonwealth named after people, or whose names are family names too.
_SURNAME_PLACES = ("Washington", "Lincoln", "Jackson", "Madison", "Franklin", "Clinton", "Hamilton", "Jefferson",
                   "Monroe", "Warren", "Marion", "Clayton", "Lawrence", "Chester", "Douglas", "Austin", "Houston",
                   "Dallas", "Denver", "Charlotte", "Raleigh", "Eugene", "Allen", "Tyler", "Beaumont", "Sherman",
                   "Grant", "Harrison", "Marshall", "Lafayette", "Bradford", "Preston", "Wellington", "Nelson",
                   "Darwin", "Kingston", "Stanley", "Carlisle", "Florence", "Victoria", "Adelaide", "Alexandria",
                   "Augusta", "Elizabeth", "Columbus", "Cleveland", "Pittsburgh", "Baltimore", "Richmond",
                   "Lancaster", "Bristol", "Chelsea", "Kent", "Clifton", "Ashley", "Beverly", "Shelby", "Jasper",
                   "Vernon", "Milton", "Camden", "Dayton", "Burlington", "Arlington", "Howard", "Fulton", "Irving",
                   "Garland", "Lewis", "Morgan", "Carson", "Reno", "Hudson", "Logan", "Quincy", "Mitchell",
                   "Barrie", "Hastings", "Newton", "Everett", "Hayward", "Salisbury", "Gordon", "Murray", "Wallace")
_PLACE_HEADS = ("Lake", "Mount", "Saint", "Port", "Fort", "San", "Santa", "Cape", "Glen", "New", "North", "South",
                "East", "West", "Point", "Bay", "Isle", "Sankt", "Bad", "Villa", "Monte", "Puerto", "Sainte")
_PLACE_PAIRS = ("Lake Tahoe", "Mount Vernon", "Saint Louis", "Fort Worth", "Port Elizabeth", "San Jose",
                "Santa Clara", "Cape Town", "Glen Ellen", "Saint Paul", "Mount Pleasant", "Port Arthur",
                "Fort Collins", "San Diego", "Santa Monica", "Saint Helena", "Lake Placid", "Mount Isa",
                "Fort William", "Port Louis", "San Antonio", "Santa Rosa", "Sankt Moritz", "Bad Homburg")


def _company(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.finance.company()) if rng.random() < 0.5 else str(_faker(loc, rng).company())


def _eponymous(g: Any, rng: random.Random, loc: str) -> str:
    last, other = g.person.last_name(), g.person.last_name()
    return rng.choice([f"{last} & Sons", f"{last} GmbH", f"{last} & {other}", f"{last} Brothers", f"{last}-{other}",
                       f"{last} AG", f"{last} & Co", f"{last} und Söhne", f"{last} {other}", f"{last} Group",
                       f"{last}", f"{last} Bau", f"{last} Transport", f"{last} Partners", f"{last} Consulting"])


def _job(g: Any, rng: random.Random, loc: str) -> str:
    return _cap(str(g.person.occupation() if rng.random() < 0.6 else _faker(loc, rng).job()))


def _work_title(g: Any, rng: random.Random, loc: str) -> str:
    """Book, film and song titles: words of the locale's language, a place, a given name with a word."""
    w1, w2, city, first = _word(g, rng), _word(g, rng), g.address.city(), g.person.first_name()
    return rng.choice([f"The {w1}", f"{w1} of {city}", f"{w1} and {w2}", f"A {w1} in {city}", f"{w1} {w2}",
                       f"{first} and the {w1}", f"Return to {city}", f"{w1}", f"{city} {w1}", f"Last {w1}",
                       f"{first} {w1}", f"Dear {first}", f"The {w1} {w2}"])


def _place(g: Any, rng: random.Random, loc: str) -> str:
    # mimesis only: Faker's Italian cities are drawn in an order that changes between processes.
    return str(rng.choice([g.address.city, g.address.city, g.address.state, g.address.country,
                           g.address.province, g.address.city])())


def _street_plain(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.address.street_name() if rng.random() < 0.7 else _faker(loc, rng).street_name())


def _team(g: Any, rng: random.Random, loc: str) -> str:
    city, w = g.address.city(), _word(g, rng)
    return rng.choice([f"{city} {w}s", f"FC {city}", f"{city} United", f"Real {city}", f"Dynamo {city}",
                       f"{city} Rovers", f"Sporting {city}", f"{city} Wanderers", f"Olympique {city}",
                       f"{city} City", f"Inter {city}", f"{city} {w}"])


def _venue(g: Any, rng: random.Random, loc: str) -> str:
    first, last, city, w = g.person.first_name(), g.person.last_name(), g.address.city(), _word(g, rng)
    return rng.choice([f"Hotel {city}", f"Café {first}", f"Trattoria {first}", f"MS {first}", f"Villa {last}",
                       f"Chez {first}", f"Le Petit {w}", f"The {w} Inn", f"Grand Hotel {city}", f"Casa {last}",
                       f"Bistro {w}", f"Osteria {last}", f"MV {city}", f"Queen {first}", f"Gasthaus {w}"])


def _breed(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_BREEDS)


def _colour(g: Any, rng: random.Random, loc: str) -> str:
    colour = _cap(str(g.text.color()))
    return colour if rng.random() < 0.6 else f"{rng.choice(['Dark', 'Light', 'Pale', 'Deep', 'Royal'])} {colour}"


def _food(g: Any, rng: random.Random, loc: str) -> str:
    f = g.food
    return _cap(str(rng.choice([f.fruit, f.vegetable, f.dish, f.drink, f.spices])()))


def _genre(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_GENRES)


def _software(g: Any, rng: random.Random, loc: str) -> str:
    d = g.development
    return str(rng.choice([d.programming_language, d.programming_language, d.os])())


def _model(g: Any, rng: random.Random, loc: str) -> str:
    return str(rng.choice([g.transport.car, g.transport.car, g.hardware.phone_model, g.transport.airplane])())


def _drug(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_DRUGS)


def _sky(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_SKY)


def _myth(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_MYTHS)


def _ui_label(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_UI_LABELS)


def _surname_place(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(_SURNAME_PLACES) if rng.random() < 0.7 else str(g.address.city())


def _place_pair(g: Any, rng: random.Random, loc: str) -> str:
    if rng.random() < 0.3:
        return rng.choice(_PLACE_PAIRS)
    tail = rng.choice([g.person.first_name, g.person.last_name, g.address.city, lambda: _word(g, rng)])()
    return f"{rng.choice(_PLACE_HEADS)} {tail}"


def _people_group(g: Any, rng: random.Random, loc: str) -> str:
    p = g.person
    return _cap(str(rng.choice([p.nationality, p.language, p.university, g.finance.bank])()))


NOT_PEOPLE: tuple[Kind, ...] = (
    Kind(None, _company, ("company", "employer", "customer_company", "vendor")),
    Kind(None, _eponymous, ("firm", "contractor", "supplier", "maker")),
    Kind(None, _job, ("job_title", "occupation", "position", "role_title")),
    Kind(None, _work_title, ("book_title", "film", "song_title", "work")),
    Kind(None, _place, ("city", "region", "destination", "origin")),
    Kind(None, _street_plain, ("street", "street_name", "road")),
    Kind(None, _team, ("team", "club", "home_team", "opponent")),
    Kind(None, _venue, ("venue", "hotel", "restaurant", "ship")),
    Kind(None, _breed, ("breed", "dog_breed", "species")),
    Kind(None, _colour, ("colour", "color", "shade")),
    Kind(None, _food, ("dish", "fruit", "ingredient", "menu_item")),
    Kind(None, _genre, ("genre", "music_genre", "style")),
    Kind(None, _software, ("language", "platform", "stack")),
    Kind(None, _model, ("car_model", "model", "device_model")),
    Kind(None, _drug, ("drug", "medication", "drug_name")),
    Kind(None, _sky, ("planet", "star", "body")),
    Kind(None, _myth, ("deity", "god", "figure")),
    Kind(None, _ui_label, ("button", "ui_label", "caption")),
    Kind(None, _surname_place, ("town", "county", "place")),
    Kind(None, _place_pair, ("locality", "place_name", "resort")),
    Kind(None, _people_group, ("nationality", "institution", "affiliation")),
)
GENERIC_NAMES = ("name", "title", "label", "owner_group", "category", "display_name", "group_name", "value",
                 "description_short", "tag_name")
NOT_PEOPLE_SEED_OFFSET = 37
NOT_PEOPLE_KINDS_PER_TABLE = 12


def not_people_tables(seed: int = SEED, rows: int = ROWS) -> list[Column]:
    """One table per locale of capitalised things that are not people: twelve kinds, each under an opaque name
    (40%), a generic one such as ``name`` or ``label`` (30%), or its own (30%).

    >>> cols = not_people_tables(rows=5)
    >>> len(cols), {c.label for c in cols}
    (240, {None})
    """
    from mimesis import Generic
    from mimesis.locales import Locale

    rng = random.Random(seed + NOT_PEOPLE_SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
        table = f"dp{li:02d}_{locale.replace('-', '_')}"
        used: set[str] = set()
        for i, kind in enumerate(rng.sample(NOT_PEOPLE, NOT_PEOPLE_KINDS_PER_TABLE)):
            r = rng.random()
            if r < 0.4:
                name, style = rng.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26]), "opaque"
            elif r < 0.7:
                name, style = rng.choice(GENERIC_NAMES), "honest"
            else:
                name, style = rng.choice(kind.names), "honest"
            while name in used:
                name += "_2"
            used.add(name)
            values = [kind.make(g, rng, locale) for _ in range(rows)]
            columns.append(Column(table, name, None, style, _shape(values, None, rng)))
    _FAKERS.clear()
    return columns
