"""Dev-split tables of the records real passports sit in (passenger lists, hotel guest registers, KYC exports,
expatriate staff), and of travel records whose codes are no passports (round ``extcsv38``, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(:data:`SEED_OFFSET`), so the tables before them stay as they were. Holders' names come from Faker and mimesis in the
record's locale; document numbers and codes are drawn here by :mod:`random` from published templates; nothing is
read from ``test_split.py``. Written before the classifier was changed in the round.

Document tables (their number column labelled PASSPORT):

- APIS passenger lists (the fields of the DOCS record: surname, given names, sex, birth date, nationality, document
  type ``P`` or ``I``, document number, issuing state, expiry) with the booking's own codes beside them (record
  locator, 13-digit ticket number, frequent-flyer number, seat, flight);
- hotel guest registers as the police forms ask for them: Spain's ``parte de viajeros`` (``tipo_documento`` of
  ``P``/``D``/``I``, ``numero_documento``, ``fecha_expedicion``), Italy's ``schedina alloggiati`` (``PASOR``,
  ``IDENT``), Germany's ``Meldeschein`` (``Ausweisart`` ``Reisepass``/``Personalausweis``, ``Ausweisnummer``), Japan's
  宿泊者名簿 (``書類種別`` 旅券);
- KYC exports with a ``document_type`` column (``PASSPORT``, ``pasaporte``, ``ID_CARD``) and a sparse, lower-case or
  spaced number under ``numero``, ``nr``, ``doc``;
- expatriate staff (the passport under ``doc`` beside a nationality's name and a visa's expiry);
- Russian passports: foreign passports (series 75, 76 and seven digits, as digits alone or spaced) beside their
  dates, and internal ones (four digits of series, six of number) beside the issuing office and date.

Columns mixing passports and identity cards are labelled PASSPORT when passports are most of their rows (the
documents of foreign guests and passengers; both are identifiers the default policy masks the same way).

Look-alike tables (their codes labelled not sensitive): airline bookings (record locators, ticket numbers, frequent
flyer numbers, seats, flights, fare classes), loyalty members (a letter and eight digits beside names, birth dates and
a member-since date), fleets (plates, driving licences of a letter and seven digits), staff badges valid a year or
two, and frequent-flyer accounts of nine digits with a tier and its expiry.

>>> cols = travel_document_tables(7, rows=30)
>>> len({c.table for c in cols}), sum(c.label == "PASSPORT" for c in cols)
(17, 12)
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 137  # its own generator (47-131 are other modules'): the tables before it stay as they were
REFERENCE = date(2026, 12, 7)
UP, DG = string.ascii_uppercase, string.digits
GERMAN_ALPHABET = "CFGHJKLMNPRTVWXYZ" + DG  # the German documents' serial alphabet: no vowels


def _d(r: random.Random, n: int) -> str:
    return "".join(r.choice(DG) for _ in range(n))


def _l(r: random.Random, n: int, alphabet: str = UP) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


# issuer (ICAO code) -> its passport's published template
PASSPORTS: dict[str, Callable[[random.Random], str]] = {
    "ESP": lambda r: _l(r, 3) + _d(r, 6),
    "ITA": lambda r: _l(r, 2) + _d(r, 7),
    "D": lambda r: r.choice("CFGHJK") + _l(r, 8, GERMAN_ALPHABET),
    "FRA": lambda r: _d(r, 2) + _l(r, 2) + _d(r, 5),
    "POL": lambda r: _l(r, 2) + _d(r, 7),
    "BRA": lambda r: _l(r, 2) + _d(r, 6),
    "USA": lambda r: str(r.randint(1, 9)) + _d(r, 8) if r.random() < 0.6 else r.choice(UP) + _d(r, 8),
    "GBR": lambda r: str(r.randint(1, 9)) + _d(r, 8),
    "JPN": lambda r: r.choice(["TK", "TR", "MZ", "TH"]) + _d(r, 7),
    "CHN": lambda r: r.choice("EG") + _d(r, 8),
    "IND": lambda r: r.choice("JKLMNPRSTUVWZ") + _d(r, 7),
    "NLD": lambda r: _l(r, 2) + _l(r, 6, "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789") + r.choice(DG),
}
# issuer -> its identity card's template (what a register's ``I``/``D`` rows hold)
ID_CARDS: dict[str, Callable[[random.Random], str]] = {
    "ESP": lambda r: (lambda n: n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23])(_d(r, 8)),
    "ITA": lambda r: "CA" + _d(r, 5) + _l(r, 2),
    "D": lambda r: r.choice("LMNPRT") + _l(r, 8, GERMAN_ALPHABET),
    "FRA": lambda r: _l(r, 4, UP + DG) + _d(r, 8),
    "POL": lambda r: _l(r, 3) + _d(r, 6),
}
FAKER_LOCALES = {"ESP": "es_ES", "ITA": "it_IT", "D": "de_DE", "FRA": "fr_FR", "POL": "pl_PL", "BRA": "pt_BR",
                 "USA": "en_US", "GBR": "en_GB", "JPN": "ja_JP", "CHN": "zh_CN", "IND": "en_IN", "NLD": "nl_NL",
                 "RUS": "ru_RU"}
COUNTRY_NAMES = {"ESP": "España", "ITA": "Italia", "D": "Deutschland", "FRA": "France", "POL": "Polska",
                 "BRA": "Brasil", "USA": "United States", "GBR": "United Kingdom", "JPN": "Japan", "CHN": "China",
                 "IND": "India", "NLD": "Nederland", "RUS": "Россия"}
AIRLINES = ("LH", "BA", "AF", "IB", "AZ", "LO", "KL", "JL", "CA", "AI", "UA", "LA")
TICKET_PREFIX = ("220", "125", "057", "075", "055", "080", "074", "131", "999", "098", "016", "045")


def _faker(loc: str, r: random.Random) -> Any:
    from faker import Faker

    f = Faker(loc)
    f.seed_instance(r.randint(0, 2**31))
    return f


def _mimesis(loc: str, r: random.Random) -> Any:
    from mimesis import Person
    from mimesis.locales import Locale

    return Person(Locale(loc), seed=r.randint(0, 2**31))


def _day(r: random.Random, lo: int, hi: int) -> date:
    return REFERENCE + timedelta(days=r.randint(lo, hi))


def _birth(r: random.Random) -> date:
    return _day(r, -80 * 365, -18 * 365)


def _issued_expiry(r: random.Random) -> tuple[date, date]:
    issue = _day(r, -10 * 365 + 30, -20)
    return issue, issue + timedelta(days=r.choice([5, 10, 10]) * 365 - 1)


def _sparse(r: random.Random, values: list[Any], lo: float = 0.7, hi: float = 0.95) -> list[Any]:
    empty = r.uniform(lo, hi)
    return [None if r.random() < empty else v for v in values]


def _written(r: random.Random, doc: str, form: str) -> str:
    if form == "lower":
        return doc.lower()
    if form == "spaced":
        head = len(doc) - len(doc.lstrip(UP))
        return doc[:head] + " " + doc[head:] if 0 < head < len(doc) else doc
    return doc


def _columns(table: str, spec: list[tuple[str, str | None, list[Any]]], r: random.Random) -> list[Column]:
    order = list(spec)
    r.shuffle(order)
    return [Column(table, name, label, "opaque" if len(name) <= 3 else "foreign", values)
            for name, label, values in order]


def _apis(r: random.Random, ti: int, home: str, rows: int, doc_name: str, form: str) -> list[Column]:
    """A passenger list of one airline: mostly the home issuer's passengers, a third foreign; ``I`` rows hold the
    European passengers' identity cards."""
    fake = _faker(FAKER_LOCALES[home], r)
    airline = AIRLINES[ti % len(AIRLINES)]
    prefix = TICKET_PREFIX[ti % len(TICKET_PREFIX)]
    cols: dict[str, list[Any]] = {k: [] for k in ("surname", "given", "sex", "dob", "nat", "type", "doc", "issuer",
                                                   "expiry", "pnr", "ticket", "ffp", "seat", "flight")}
    for _ in range(rows):
        own = home if r.random() < 0.65 else r.choice(list(PASSPORTS))
        card = own in ID_CARDS and r.random() < 0.15
        issue, expiry = _issued_expiry(r)
        cols["surname"].append(fake.last_name().upper())
        cols["given"].append(fake.first_name().upper())
        cols["sex"].append(r.choice("MF"))
        cols["dob"].append(_birth(r).strftime("%d%b%y").upper())
        cols["nat"].append(own)
        cols["type"].append("I" if card else "P")
        cols["doc"].append(_written(r, (ID_CARDS if card else PASSPORTS)[own](r), form))
        cols["issuer"].append(own)
        cols["expiry"].append(expiry.isoformat())
        cols["pnr"].append(_l(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
        cols["ticket"].append(prefix + _d(r, 10))
        cols["ffp"].append(_d(r, 9) if r.random() < 0.7 else None)
        cols["seat"].append(f"{r.randint(1, 45)}{r.choice('ABCDEFK')}")
        cols["flight"].append(f"{airline}{r.randint(10, 2999)}")
    names = {"surname": "surname", "given": "given_names", "sex": "sex", "dob": "birth_date", "nat": "nationality",
             "type": "doc_type", "doc": doc_name, "issuer": "issuing_state", "expiry": "doc_expiry",
             "pnr": "pnr", "ticket": "ticket_no", "ffp": "ffp_no", "seat": "seat", "flight": "flight"}
    labels = {"surname": "PERSON_NAME", "given": "PERSON_NAME", "dob": "DATE_OF_BIRTH", "doc": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_apis_{airline.lower()}",
                    [(names[k], labels.get(k), v) for k, v in cols.items()], r)


def _hotel_es(r: random.Random, ti: int, rows: int) -> list[Column]:
    """Spain's parte de viajeros: a foreign guests' hotel, so passports (``P``) most rows, DNIs (``D``) and cards."""
    fake = _faker("es_ES", r)
    spec: dict[str, list[Any]] = {k: [] for k in ("nombre", "primer_apellido", "segundo_apellido", "sexo",
                                                  "fecha_nacimiento", "nacionalidad", "tipo_documento",
                                                  "numero_documento", "fecha_expedicion", "fecha_entrada")}
    for _ in range(rows):
        own = r.choice(list(PASSPORTS)) if r.random() < 0.8 else "ESP"
        kind = "D" if own == "ESP" else ("I" if own in ID_CARDS and r.random() < 0.15 else "P")
        doc = ID_CARDS["ESP"](r) if kind == "D" else (ID_CARDS if kind == "I" else PASSPORTS)[own](r)
        issue, _ = _issued_expiry(r)
        spec["nombre"].append(fake.first_name())
        spec["primer_apellido"].append(fake.last_name())
        spec["segundo_apellido"].append(fake.last_name())
        spec["sexo"].append(r.choice("MF"))
        spec["fecha_nacimiento"].append(_birth(r).strftime("%d/%m/%Y"))
        spec["nacionalidad"].append(COUNTRY_NAMES.get(own, own) if own != "ESP" else "España")
        spec["tipo_documento"].append(kind)
        spec["numero_documento"].append(doc)
        spec["fecha_expedicion"].append(issue.strftime("%d/%m/%Y"))
        spec["fecha_entrada"].append(_day(r, -60, 0).strftime("%d/%m/%Y"))
    labels = {"nombre": "PERSON_NAME", "primer_apellido": "PERSON_NAME", "segundo_apellido": "PERSON_NAME",
              "fecha_nacimiento": "DATE_OF_BIRTH", "numero_documento": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_hotel_es", [(k, labels.get(k), v) for k, v in spec.items()], r)


def _hotel_it(r: random.Random, ti: int, rows: int) -> list[Column]:
    """Italy's schedina alloggiati: ``PASOR`` (passport), ``IDENT`` (identity card), ``PATEN`` (driving licence)."""
    fake = _faker("it_IT", r)
    spec: dict[str, list[Any]] = {k: [] for k in ("cognome", "nome", "sesso", "data_nascita", "cittadinanza",
                                                  "tipo_documento", "numero", "luogo_rilascio", "arrivo")}
    for _ in range(rows):
        own = r.choice(list(PASSPORTS))
        kind = "IDENT" if own in ID_CARDS and r.random() < 0.2 else "PASOR"
        spec["cognome"].append(fake.last_name())
        spec["nome"].append(fake.first_name())
        spec["sesso"].append(r.choice("12"))
        spec["data_nascita"].append(_birth(r).strftime("%d/%m/%Y"))
        spec["cittadinanza"].append(COUNTRY_NAMES[own])
        spec["tipo_documento"].append(kind)
        spec["numero"].append((ID_CARDS if kind == "IDENT" else PASSPORTS)[own](r))
        spec["luogo_rilascio"].append(COUNTRY_NAMES[r.choice(list(PASSPORTS))] if r.random() < 0.3 else
                                      COUNTRY_NAMES[own])
        spec["arrivo"].append(_day(r, -30, 0).strftime("%d/%m/%Y"))
    labels = {"cognome": "PERSON_NAME", "nome": "PERSON_NAME", "data_nascita": "DATE_OF_BIRTH", "numero": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_hotel_it", [(k, labels.get(k), v) for k, v in spec.items()], r)


def _hotel_de(r: random.Random, ti: int, rows: int) -> list[Column]:
    """Germany's Meldeschein for foreign guests: ``Reisepass`` most rows, EU identity cards (``Personalausweis``)."""
    fake = _faker("de_DE", r)
    spec: dict[str, list[Any]] = {k: [] for k in ("Familienname", "Vorname", "Geburtsdatum", "Staatsangehoerigkeit",
                                                  "Ausweisart", "Ausweisnummer", "Anreise", "Abreise")}
    for _ in range(rows):
        own = r.choice([k for k in PASSPORTS if k != "D"])
        kind = "Personalausweis" if own in ID_CARDS and r.random() < 0.2 else "Reisepass"
        arrive = _day(r, -40, 0)
        spec["Familienname"].append(fake.last_name())
        spec["Vorname"].append(fake.first_name())
        spec["Geburtsdatum"].append(_birth(r).strftime("%d.%m.%Y"))
        spec["Staatsangehoerigkeit"].append(own)
        spec["Ausweisart"].append(kind)
        spec["Ausweisnummer"].append((ID_CARDS if kind == "Personalausweis" else PASSPORTS)[own](r))
        spec["Anreise"].append(arrive.strftime("%d.%m.%Y"))
        spec["Abreise"].append((arrive + timedelta(days=r.randint(1, 9))).strftime("%d.%m.%Y"))
    labels = {"Familienname": "PERSON_NAME", "Vorname": "PERSON_NAME", "Geburtsdatum": "DATE_OF_BIRTH",
              "Ausweisnummer": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_hotel_de", [(k, labels.get(k), v) for k, v in spec.items()], r)


def _hotel_jp(r: random.Random, ti: int, rows: int) -> list[Column]:
    """A Japanese inn's register of foreign guests (the passport is the one document it asks for): 番号 beside 書類種別."""
    fake = _faker("en_US", r)
    spec: dict[str, list[Any]] = {k: [] for k in ("氏名", "国籍", "書類種別", "番号", "到着日", "部屋")}
    for _ in range(rows):
        own = r.choice([k for k in PASSPORTS if k != "JPN"])
        spec["氏名"].append(fake.name())
        spec["国籍"].append(own)
        spec["書類種別"].append("旅券")
        spec["番号"].append(PASSPORTS[own](r))
        spec["到着日"].append(_day(r, -20, 0).isoformat())
        spec["部屋"].append(str(r.randint(2, 9)) + f"{r.randint(1, 30):02d}")
    labels = {"氏名": "PERSON_NAME", "番号": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_hotel_jp", [(k, labels.get(k), v) for k, v in spec.items()], r)


def _kyc(r: random.Random, ti: int, rows: int, loc: str, doc_name: str, form: str, words: tuple[str, ...],
         sparse: bool) -> list[Column]:
    """A KYC export: one row per customer, the document's type beside its number, issuing country and expiry."""
    person = _mimesis(loc, r)
    spec: dict[str, list[Any]] = {k: [] for k in ("customer", "name", "dob", "type", "doc", "country", "expiry",
                                                  "risk")}
    for _ in range(rows):
        own = r.choice(list(PASSPORTS))
        card = own in ID_CARDS and r.random() < 0.2
        spec["customer"].append("CU" + _d(r, 7))
        spec["name"].append(person.full_name())
        spec["dob"].append(_birth(r).isoformat())
        spec["type"].append(words[1] if card else words[0])
        spec["doc"].append(_written(r, (ID_CARDS if card else PASSPORTS)[own](r), form))
        spec["country"].append(own if own != "D" else "DEU")
        spec["expiry"].append(_issued_expiry(r)[1].isoformat() if r.random() < 0.5 else None)
        spec["risk"].append(r.choice(["low", "medium", "high"]))
    if sparse:
        keep = [v is not None and r.random() > r.uniform(0.7, 0.9) for v in spec["doc"]]
        spec["doc"] = [v if k else None for v, k in zip(spec["doc"], keep, strict=True)]
        spec["type"] = [v if k else None for v, k in zip(spec["type"], keep, strict=True)]
    names = {"customer": "customer_ref", "name": "holder", "dob": "birth", "type": "document_type", "doc": doc_name,
             "country": "issuing_country", "expiry": "valid_until", "risk": "risk_band"}
    labels = {"name": "PERSON_NAME", "dob": "DATE_OF_BIRTH", "doc": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_kyc_{loc}", [(names[k], labels.get(k), v) for k, v in spec.items()], r)


def _expats(r: random.Random, ti: int, rows: int) -> list[Column]:
    """Expatriate staff: the passport under ``doc`` beside a nationality's name and the visa's expiry."""
    fake = _faker("en_GB", r)
    spec: dict[str, list[Any]] = {k: [] for k in ("emp_id", "full_name", "nationality", "doc", "visa_type",
                                                  "visa_expiry", "department")}
    for i in range(rows):
        own = r.choice([k for k in PASSPORTS if k != "GBR"])
        spec["emp_id"].append(str(10400 + i * 3))
        spec["full_name"].append(fake.name())
        spec["nationality"].append(COUNTRY_NAMES[own])
        spec["doc"].append(PASSPORTS[own](r))
        spec["visa_type"].append(r.choice(["Skilled Worker", "ICT", "Global Talent"]))
        spec["visa_expiry"].append(_day(r, 30, 5 * 365).isoformat())
        spec["department"].append(r.choice(["Finance", "R&D", "Sales", "Legal"]))
    labels = {"full_name": "PERSON_NAME", "doc": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_expats", [(k, labels.get(k), v) for k, v in spec.items()], r)


def _russian(r: random.Random, ti: int, rows: int, internal: bool) -> list[Column]:
    """Russian passports: foreign ones (series 75 or 76, seven digits) beside their dates, or internal ones (four
    digits of series, six of number) beside the office that issued them and its code."""
    fake = _faker("ru_RU", r)
    spec: dict[str, list[Any]] = {k: [] for k in ("c1", "c2", "c3", "c4", "c5", "c6")}
    for _ in range(rows):
        issue, expiry = _issued_expiry(r)
        spec["c1"].append(fake.name())
        spec["c2"].append(_birth(r).strftime("%d.%m.%Y"))
        if internal:
            series = f"{r.choice([45, 46, 40, 50, 77, 60, 63, 66]):02d}{r.randint(0, 24):02d}"
            spec["c3"].append(series + " " + _d(r, 6) if r.random() < 0.5 else series + _d(r, 6))
            spec["c4"].append(issue.strftime("%d.%m.%Y"))
            spec["c5"].append(f"{r.randint(100, 999)}-{r.randint(1, 99):03d}")
            spec["c6"].append(r.choice(["ОУФМС России по г. Москве", "ГУ МВД России по Санкт-Петербургу",
                                        "Отделом УФМС России по Свердловской обл.", "МВД по Республике Татарстан"]))
        else:
            doc = r.choice(["75", "76"]) + _d(r, 7)
            spec["c3"].append(doc if r.random() < 0.7 else doc[:2] + " " + doc[2:])
            spec["c4"].append(issue.strftime("%d.%m.%Y"))
            spec["c5"].append(expiry.strftime("%d.%m.%Y"))
            spec["c6"].append("RUS")
    labels = {"c1": "PERSON_NAME", "c2": "DATE_OF_BIRTH", "c3": "PASSPORT"}
    return _columns(f"dtd{ti:02d}_rus_{'internal' if internal else 'foreign'}",
                    [(k, labels.get(k), v) for k, v in spec.items()], r)


def _bookings(r: random.Random, ti: int, rows: int) -> list[Column]:
    fake = _faker("fr_FR", r)
    airline = r.choice(AIRLINES)
    spec = [("booking_ref", None, [_l(r, 6, UP + DG) for _ in range(rows)]),
            ("ticket", None, [r.choice(TICKET_PREFIX) + _d(r, 10) for _ in range(rows)]),
            ("ff_number", None, [airline + _d(r, 9) for _ in range(rows)]),
            ("passenger", "PERSON_NAME", [fake.name() for _ in range(rows)]),
            ("seat", None, [f"{r.randint(1, 45)}{r.choice('ABCDEF')}" for _ in range(rows)]),
            ("flight_no", None, [f"{airline} {r.randint(10, 2999)}" for _ in range(rows)]),
            ("fare", None, [r.choice("YBMHKLQVE") for _ in range(rows)]),
            ("departure", None, [_day(r, 1, 330).isoformat() for _ in range(rows)])]
    return _columns(f"dtd{ti:02d}_bookings", spec, r)


def _members(r: random.Random, ti: int, rows: int) -> list[Column]:
    person = _mimesis("de", r)
    spec = [("c1", None, [r.choice(UP) + _d(r, 8) for _ in range(rows)]),
            ("c2", "PERSON_NAME", [person.full_name() for _ in range(rows)]),
            ("c3", "DATE_OF_BIRTH", [_birth(r).isoformat() for _ in range(rows)]),
            ("c4", None, [_day(r, -3650, -1).isoformat() for _ in range(rows)]),
            ("c5", None, [r.choice(["DE", "AT", "CH", "NL"]) for _ in range(rows)]),
            ("c6", None, [r.choice(["gold", "silver", "blue"]) for _ in range(rows)])]
    return _columns(f"dtd{ti:02d}_members", spec, r)


def _fleet(r: random.Random, ti: int, rows: int) -> list[Column]:
    fake = _faker("en_GB", r)
    spec = [("plate", None, [f"{_l(r, 2)}{_d(r, 2)} {_l(r, 3)}" for _ in range(rows)]),
            ("doc", None, [r.choice(UP) + _d(r, 7) for _ in range(rows)]),
            ("driver", "PERSON_NAME", [fake.name() for _ in range(rows)]),
            ("mot_due", None, [_day(r, 1, 365).isoformat() for _ in range(rows)]),
            ("registered", None, [_day(r, -3000, -30).isoformat() for _ in range(rows)])]
    return _columns(f"dtd{ti:02d}_fleet", spec, r)


def _badges(r: random.Random, ti: int, rows: int) -> list[Column]:
    fake = _faker("nl_NL", r)
    spec = [("nr", None, [r.choice(UP) + _d(r, 7) for _ in range(rows)]),
            ("naam", "PERSON_NAME", [fake.name() for _ in range(rows)]),
            ("geldig_tot", None, [_day(r, 30, 2 * 365).isoformat() for _ in range(rows)]),
            ("uitgegeven", None, [_day(r, -700, -1).isoformat() for _ in range(rows)]),
            ("afdeling", None, [r.choice(["ICT", "HR", "Logistiek"]) for _ in range(rows)])]
    return _columns(f"dtd{ti:02d}_badges", spec, r)


def _frequent_flyers(r: random.Random, ti: int, rows: int) -> list[Column]:
    person = _mimesis("en", r)
    spec = [("c1", None, [str(r.randint(1, 9)) + _d(r, 8) for _ in range(rows)]),
            ("c2", "PERSON_NAME", [person.full_name() for _ in range(rows)]),
            ("c3", None, [r.choice(["Silver", "Gold", "Platinum"]) for _ in range(rows)]),
            ("c4", None, [_day(r, 30, 700).isoformat() for _ in range(rows)]),
            ("c5", None, [r.choice(["USA", "GBR", "FRA", "DEU", "ESP"]) for _ in range(rows)])]
    return _columns(f"dtd{ti:02d}_frequent_flyers", spec, r)


def travel_document_tables(seed: int, rows: int) -> list[Column]:
    """Twelve tables of the records passports sit in, then five of travel and member codes that are none.

    >>> sorted({c.label for c in travel_document_tables(1, 12)}, key=str)
    ['DATE_OF_BIRTH', None, 'PASSPORT', 'PERSON_NAME']
    """
    r = random.Random(seed + SEED_OFFSET)
    tables = [
        _apis(r, 0, "D", rows, "doc_number", "upper"),
        _apis(r, 1, "GBR", rows, "document", "upper"),
        _apis(r, 2, "ESP", rows, "c7", "lower"),
        _hotel_es(r, 3, rows),
        _hotel_it(r, 4, rows),
        _hotel_de(r, 5, rows),
        _hotel_jp(r, 6, rows),
        _kyc(r, 7, rows, "es", "numero", "upper", ("pasaporte", "dni"), False),
        _kyc(r, 8, rows, "pl", "nr", "spaced", ("PASSPORT", "ID_CARD"), True),
        _expats(r, 9, rows),
        _russian(r, 10, rows, internal=False),
        _russian(r, 11, rows, internal=True),
        _bookings(r, 12, rows),
        _members(r, 13, rows),
        _fleet(r, 14, rows),
        _badges(r, 15, rows),
        _frequent_flyers(r, 16, rows),
    ]
    return [c for t in tables for c in t]
