"""Dev-split tables of passports in national formats beside what their records keep, and tables of people whose
codes only look like passports (round ``extcsv31``, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(:data:`SEED_OFFSET`), so the tables before them stay as they were. Written from :mod:`random` only (no Faker or
mimesis provider, nothing read from ``test_split.py``), before the classifier was changed in the round.

Passport tables, one per issuer of :data:`ISSUERS` (formats the issuers publish: China ``E``/``G`` and eight digits,
Korea ``M``/``S``/``R`` and eight digits or, since 2021, a letter, three digits, a letter and four digits, Japan two
letters and seven digits, Turkey ``U`` and eight digits, Mexico a letter and eight digits, Canada two letters and six
digits, Australia one or two letters and seven digits, Russia's foreign passport nine digits, the United States nine
digits or a letter and eight, Britain nine digits, Ukraine two letters and six digits, India a letter and seven
digits), each a KYC export, a hotel register, a passenger list or a visa file: the holder's name, birth date, and
some of a nationality (ICAO codes, or the country's name), the document's expiry and issue dates, a place of birth, a
sex. The passport column is written upper case, in lower case, with a space after the series, or sparse (70-95%
empty); its name is opaque (``c4``), generic (``nummer``, ``番号``, ``numero``, ``doc_no``) or local
(``护照号码``, ``여권번호``, ``pasaport_no``). Four tables keep the passport's machine-readable zone too (ICAO Doc
9303 TD3: two lines of 44 characters whose check digits hold), one line or both, labelled PASSPORT.

Look-alike tables (their codes labelled not sensitive): loyalty members (a letter and eight drawn digits, or nine
drawn digits, beside names, birthdays, a billing country and a member-since date), airline bookings (six-character
references, order numbers, airports, travel dates within a year), vehicle registrations (plates, the owner's driving
licence of a letter and seven digits, the registration's renewal within a year), product orders (catalogue codes of
two letters and seven digits, repeated over order lines), staff (badges of a letter and six digits, hire dates) and
library cards (nine drawn digits, the card's expiry in one to three years).

Dates are drawn around :data:`REFERENCE` so the tables' bytes are the same on every run; the classifier reads expiry
dates against today, so in years to come fewer of them lie ahead (the rule that reads them wants half).

>>> cols = passport_format_tables(7, rows=30)
>>> len({c.table for c in cols}), sum(c.label == "PASSPORT" for c in cols)
(19, 16)
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 131  # its own generator (47-97 are other modules'): the tables before it stay as they were
REFERENCE = date(2026, 12, 7)
UP, DG = string.ascii_uppercase, string.digits
OPAQUE = ("c{i}", "col{i}", "f{i}", "fld_{c}", "x{i}", "v{i:02d}", "unnamed_{i}", "field{i}")
GENERIC = ("nummer", "番号", "numero", "doc_no", "no", "number", "nr", "kod")


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(DG) for _ in range(n))


def _letters(r: random.Random, n: int, alphabet: str = UP) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


# issuer (ISO 3166-1 alpha-3) -> its passport template
ISSUERS: dict[str, Callable[[random.Random], str]] = {
    "CHN": lambda r: r.choice("EEEG") + _digits(r, 8),
    "KOR": lambda r: (r.choice("MSR") + _digits(r, 8)) if r.random() < 0.5
    else r.choice("MS") + _digits(r, 3) + r.choice(UP) + _digits(r, 4),
    "JPN": lambda r: r.choice(["TK", "TR", "MZ", "TH", "TZ", "MU"]) + _digits(r, 7),
    "TUR": lambda r: r.choice("UUUS") + _digits(r, 8),
    "MEX": lambda r: r.choice("GGN") + _digits(r, 8),
    "CAN": lambda r: _letters(r, 2) + _digits(r, 6),
    "AUS": lambda r: (r.choice("NEM") if r.random() < 0.4 else "P" + r.choice("ABCDEF")) + _digits(r, 7),
    "RUS": lambda r: r.choice(["75", "76", "77", "65", "53"]) + _digits(r, 7),
    "USA": lambda r: (r.choice(UP) + _digits(r, 8)) if r.random() < 0.3 else str(r.randint(1, 9)) + _digits(r, 8),
    "GBR": lambda r: str(r.randint(1, 9)) + _digits(r, 8),
    "UKR": lambda r: _letters(r, 2) + _digits(r, 6),
    "IND": lambda r: r.choice("JKLMNPRSTUVWZ") + _digits(r, 7),
}
COUNTRY_NAMES = {"CHN": ("中国", "China"), "KOR": ("대한민국", "Korea"), "JPN": ("日本", "Japan"),
                 "TUR": ("Türkiye", "Turkey"), "MEX": ("México", "Mexico"), "CAN": ("Canada", "Canadá"),
                 "AUS": ("Australia", "Australien"), "RUS": ("Россия", "Russia"), "USA": ("United States", "USA"),
                 "GBR": ("United Kingdom", "Royaume-Uni"), "UKR": ("Україна", "Ukraine"), "IND": ("India", "Indien")}
GIVEN = ("Wei", "Jing", "Min-jun", "Seo-yeon", "Haruto", "Yui", "Emre", "Elif", "Santiago", "Ximena", "Liam",
         "Chloe", "Jack", "Olivia", "Dmitri", "Anastasia", "Ethan", "Ava", "Oliver", "Amelia", "Oleksandr", "Sofiia",
         "Aarav", "Ananya", "Ming", "Ji-ho", "Sota", "Zeynep", "Mateo", "Lucas")
FAMILY = ("Wang", "Li", "Zhang", "Kim", "Lee", "Park", "Sato", "Suzuki", "Yilmaz", "Kaya", "Hernández", "García",
          "Tremblay", "Roy", "Smith", "Jones", "Ivanov", "Smirnova", "Johnson", "Brown", "Taylor", "Shevchenko",
          "Kovalenko", "Sharma", "Patel", "Chen", "Choi", "Tanaka", "Demir", "Martínez")
# Local names per issuer for (passport, name, birth date, nationality, expiry, issue date)
LOCAL: dict[str, tuple[str, str, str, str, str, str]] = {
    "CHN": ("护照号码", "姓名", "出生日期", "国籍", "有效期至", "签发日期"),
    "KOR": ("여권번호", "성명", "생년월일", "국적", "만료일", "발급일"),
    "JPN": ("旅券番号", "氏名", "生年月日", "国籍", "有効期限", "発行日"),
    "TUR": ("pasaport_no", "ad_soyad", "dogum_tarihi", "uyruk", "gecerlilik_tarihi", "verilis_tarihi"),
    "MEX": ("num_pasaporte", "nombre", "fecha_nacimiento", "nacionalidad", "fecha_caducidad", "fecha_expedicion"),
    "CAN": ("passport_number", "full_name", "date_of_birth", "citizenship", "expiry_date", "issue_date"),
    "AUS": ("passport_no", "name", "dob", "nationality", "expiry", "issued"),
    "RUS": ("номер_паспорта", "фио", "дата_рождения", "гражданство", "срок_действия", "дата_выдачи"),
    "USA": ("passport_no", "full_name", "date_of_birth", "citizenship", "expiration_date", "issue_date"),
    "GBR": ("passport_number", "name", "dob", "nationality", "expiry_date", "date_of_issue"),
    "UKR": ("номер_паспорта", "піб", "дата_народження", "громадянство", "дійсний_до", "дата_видачі"),
    "IND": ("passport_no", "name", "date_of_birth", "nationality", "date_of_expiry", "date_of_issue"),
}
# The companions each kind of record keeps beside the holder's name and birth date
RECORDS = {"kyc": ("nationality", "expiry"), "hotel": ("nationality",), "apis": ("nationality", "expiry", "sex"),
           "visa": ("expiry", "issue", "birthplace"), "bare": ()}
PLACES = ("Beijing", "Seoul", "Osaka", "Izmir", "Puebla", "Toronto", "Perth", "Kazan", "Denver", "Leeds", "Lviv",
          "Pune", "Busan", "Ankara", "Chengdu")


def _mrz_check(text: str) -> str:
    """ICAO 9303's check digit: weights 7, 3, 1 over digits, letters as 10-35 and ``<`` as 0 (written here, apart
    from the classifier's own, so the data does not lean on the code it measures)."""
    total = 0
    for i, ch in enumerate(text):
        v = int(ch) if ch.isdigit() else 0 if ch == "<" else ord(ch) - 55
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def _mrz(r: random.Random, doc: str, issuer: str, holder: str, birth: date, expiry: date, lines: int) -> str:
    """A TD3 machine-readable zone: line 2 (44 characters), or both lines joined by a newline."""
    number = doc.replace(" ", "").upper()[:9].ljust(9, "<")
    born, ends = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    personal = "<" * 14
    line2 = (number + _mrz_check(number) + issuer + born + _mrz_check(born) + r.choice("MF") + ends
             + _mrz_check(ends) + personal + _mrz_check(personal))
    line2 += _mrz_check(line2[0:10] + line2[13:20] + line2[21:43])
    if lines == 1:
        return line2
    given, family = holder.upper().replace("-", "<").split(" ", 1)
    ascii_ = "".join(c for c in f"{family}<<{given}" if c in UP + "<")
    return ("P<" + issuer + ascii_).ljust(44, "<")[:44] + "\n" + line2


def _birth(r: random.Random) -> date:
    return REFERENCE - timedelta(days=r.randint(18 * 365, 80 * 365))


def _form(r: random.Random, doc: str, form: str) -> str:
    if form == "lower":
        return doc.lower()
    if form == "spaced":
        head = len(doc) - len(doc.lstrip(UP))
        return doc[:head] + " " + doc[head:] if 0 < head < len(doc) else doc
    return doc


def _passport_table(r: random.Random, ti: int, issuer: str, kind: str, rows: int) -> list[Column]:
    style = r.choice(["opaque", "opaque", "generic", "local"])
    form = r.choice(["upper", "upper", "lower", "spaced", "sparse"])
    mrz_lines = (1, 2)[ti % 2] if ti % 3 == 0 else 0
    names = LOCAL[issuer]
    roles = ["doc", "name", "birth", *RECORDS[kind]] + (["mrz"] if mrz_lines else [])
    r.shuffle(roles)
    data: dict[str, list[Any]] = {role: [] for role in roles}
    spelled = r.random() < 0.3  # nationality spelled out (in the issuer's language) rather than as ICAO codes
    for _ in range(rows):
        own = issuer if r.random() < 0.85 else r.choice(list(ISSUERS))
        holder = f"{r.choice(GIVEN)} {r.choice(FAMILY)}"
        birth = _birth(r)
        issue = REFERENCE - timedelta(days=r.randint(30, 10 * 365))
        expiry = issue + timedelta(days=r.choice([5, 10, 10]) * 365 - 1)
        doc = ISSUERS[own](r)
        row = {"doc": _form(r, doc, form), "name": holder, "birth": birth.isoformat(),
               "nationality": COUNTRY_NAMES[own][0] if spelled else own,
               "expiry": expiry.isoformat(), "issue": issue.isoformat(), "sex": r.choice("MF"),
               "birthplace": r.choice(PLACES), "mrz": _mrz(r, doc, own, holder, birth, expiry, mrz_lines or 1)}
        for role in roles:
            data[role].append(row[role])
    if form == "sparse":
        empty = r.uniform(0.7, 0.95)
        data["doc"] = [None if r.random() < empty else v for v in data["doc"]]
    local = {"doc": names[0], "name": names[1], "birth": names[2], "nationality": names[3], "expiry": names[4],
             "issue": names[5], "sex": "sex", "birthplace": "place_of_birth", "mrz": "mrz"}
    labels = {"doc": "PASSPORT", "mrz": "PASSPORT", "name": "PERSON_NAME", "birth": "DATE_OF_BIRTH"}
    table = f"dpf{ti:02d}_{issuer.lower()}_{kind}"
    out = []
    for i, role in enumerate(roles):
        if style == "opaque" or (style == "generic" and role != "doc"):
            name = r.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i])
        elif style == "generic":
            name = r.choice(GENERIC)
        else:
            name = local[role]
        out.append(Column(table, name, labels.get(role), "opaque" if name not in local.values() else "foreign",
                          data[role]))
    return out


def _member(r: random.Random) -> str:
    return (r.choice(UP) + _digits(r, 8)) if r.random() < 0.5 else str(r.randint(1, 9)) + _digits(r, 8)


# Look-alike tables: (table kind, [(role, label, maker)]); a maker takes the generator and the row's number
LookAlike = tuple[str, list[tuple[str, str | None, Callable[[random.Random], Any]]]]


def _lookalikes() -> list[LookAlike]:
    def day(lo: int, hi: int) -> Callable[[random.Random], str]:
        return lambda r: (REFERENCE + timedelta(days=r.randint(lo, hi))).isoformat()

    def name(r: random.Random) -> str:
        return f"{r.choice(GIVEN)} {r.choice(FAMILY)}"

    def birth(r: random.Random) -> str:
        return _birth(r).isoformat()

    catalogue = [_letters(random.Random(5), 2) + _digits(random.Random(i), 7) for i in range(60)]
    airports = ("ICN", "NRT", "PEK", "IST", "MEX", "YYZ", "SYD", "SVO", "JFK", "LHR", "KBP", "DEL", "CDG", "FRA")
    return [
        ("members", [("code", None, lambda r: r.choice(UP) + _digits(r, 8)), ("name", "PERSON_NAME", name),
                     ("birth", "DATE_OF_BIRTH", birth), ("country", None, lambda r: r.choice(["KR", "JP", "US", "MX"])),
                     ("since", None, day(-3650, -1)), ("tier", None, lambda r: r.choice(["gold", "silver", "basic"]))]),
        ("members9", [("code", None, _member), ("name", "PERSON_NAME", name), ("birth", "DATE_OF_BIRTH", birth),
                      ("since", None, day(-3650, -1)), ("country", None, lambda r: r.choice(["Canada", "Mexico"]))]),
        ("bookings", [("pnr", None, lambda r: _letters(r, 6, UP + DG)), ("order", None, lambda r: "OR" + _digits(r, 7)),
                      ("name", "PERSON_NAME", name), ("travel", None, day(1, 330)),
                      ("origin", None, lambda r: r.choice(airports)), ("dest", None, lambda r: r.choice(airports))]),
        ("vehicles", [("plate", None, lambda r: f"{_letters(r, 2)}{_digits(r, 2)} {_letters(r, 3)}"),
                      ("licence", None, lambda r: r.choice(UP) + _digits(r, 7)), ("name", "PERSON_NAME", name),
                      ("renewal", None, day(1, 365)), ("since", None, day(-3000, -30))]),
        ("orders", [("product", None, lambda r: r.choice(catalogue)), ("name", "PERSON_NAME", name),
                    ("ordered", None, day(-400, 0)), ("qty", None, lambda r: r.randint(1, 9)),
                    ("country", None, lambda r: r.choice(["CHN", "KOR", "JPN", "TUR", "MEX"]))]),
        ("staff", [("badge", None, lambda r: r.choice(UP) + _digits(r, 6)), ("name", "PERSON_NAME", name),
                   ("birth", "DATE_OF_BIRTH", birth), ("hired", None, day(-7000, -10))]),
        ("library", [("card", None, lambda r: str(r.randint(1, 9)) + _digits(r, 8)), ("name", "PERSON_NAME", name),
                     ("birth", "DATE_OF_BIRTH", birth), ("valid", None, day(30, 3 * 365)),
                     ("since", None, day(-3000, -30))]),
    ]


def passport_format_tables(seed: int, rows: int) -> list[Column]:
    """Twelve passport tables, one per issuer of :data:`ISSUERS`, then seven look-alike tables, all under
    opaque names.

    >>> cols = passport_format_tables(1, 5)
    >>> sorted({c.label for c in cols}, key=str)
    ['DATE_OF_BIRTH', None, 'PASSPORT', 'PERSON_NAME']
    """
    r = random.Random(seed + SEED_OFFSET)
    kinds = list(RECORDS)
    columns: list[Column] = []
    for ti, issuer in enumerate(ISSUERS):
        columns += _passport_table(r, ti, issuer, kinds[ti % len(kinds)], rows)
    for li, (kind, roles) in enumerate(_lookalikes()):
        table = f"dpf{len(ISSUERS) + li:02d}_{kind}"
        order = list(roles)
        r.shuffle(order)
        for i, (_, label, make) in enumerate(order):
            name = r.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i])
            columns.append(Column(table, name, label, "opaque", [make(r) for _ in range(rows)]))
    return columns
