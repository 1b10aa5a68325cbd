"""A labelled corpus for the masking evaluation, generated with mimesis (not Faker, which the classifier was tuned on).

Seven locales, two tables each (customers and support tickets), plus four messy, external-style CSVs: a German
CRM export with semicolons and decimal commas, a legacy dump with meaningless headers and mixed date formats, a
ticket export with CRLF line ends, and a contacts sheet whose cells hold several addresses or ``Name <address>``.
Every column is labelled: an info type (sensitive), ``None`` (not sensitive), or ``FREE_TEXT`` with the exact
spans of PII embedded in each value.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOCALES = ("EN", "DE", "FR", "ES", "NL", "PT_BR", "IT")
ROWS = 300
DEFAULT_SEED = 20261202
ICD10 = ("E11.9", "I10", "J45.909", "F32.1", "M54.5", "K21.9", "N39.0", "C50.911")
STATUSES = ("open", "pending", "closed", "escalated")


@dataclass
class Column:
    name: str
    label: str | None  # an info type, None (not sensitive) or FREE_TEXT
    values: list[str | None]
    spans: list[list[tuple[str, str]]] = field(default_factory=list)  # FREE_TEXT: per row, (type, text)


@dataclass
class Table:
    name: str
    columns: list[Column]
    delimiter: str = ","
    line_end: str = "\n"

    def write(self, directory: Path) -> Path:
        path = directory / f"{self.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=self.delimiter, lineterminator=self.line_end)
            w.writerow([c.name for c in self.columns])
            for i in range(len(self.columns[0].values)):
                w.writerow(["" if c.values[i] is None else c.values[i] for c in self.columns])
        return path


def _iban_de(rng: random.Random) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(18))
    check = 98 - int(bban + "131400") % 97  # D=13, E=14
    raw = f"DE{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _dob(person: Any, rng: random.Random, style: str) -> str:
    d = person.birthdate(min_year=1940, max_year=2004)
    fmt = {"iso": "%Y-%m-%d", "de": "%d.%m.%Y", "fr": "%d/%m/%Y", "us": "%m/%d/%Y", "long": "%d %B %Y"}[style]
    return d.strftime(fmt)


def _maybe(rng: random.Random, value: str, share: float = 0.04) -> str | None:
    """Real exports have holes and placeholders."""
    r = rng.random()
    if r < share:
        return None
    if r < share * 1.5:
        return "N/A"
    return value


def _free_text(rng: random.Random, text: Any, person: Any, address: Any, payment: Any) -> tuple[str, list]:
    """A sentence in the locale's language with PII embedded at known places."""
    kinds = rng.sample(["PERSON_NAME", "EMAIL", "PHONE", "DATE_OF_BIRTH", "IBAN", "CREDIT_CARD", "STREET_ADDRESS",
                        "MEDICAL_RECORD_NUMBER", "ICD10_CODE"], k=rng.choice((1, 2, 2, 3)))
    parts, spans = [text.sentence()], []
    for kind in kinds:
        value = {"PERSON_NAME": person.full_name, "EMAIL": person.email, "PHONE": person.phone_number,
                 "DATE_OF_BIRTH": lambda: _dob(person, rng, "iso"), "IBAN": lambda: _iban_de(rng),
                 "CREDIT_CARD": payment.credit_card_number, "STREET_ADDRESS": address.address,
                 "MEDICAL_RECORD_NUMBER": lambda: f"MRN-{rng.randint(0, 9_999_999):07d}",
                 "ICD10_CODE": lambda: rng.choice(ICD10)}[kind]()
        cue = {"PERSON_NAME": "Contact:", "EMAIL": "mail", "PHONE": "tel.", "DATE_OF_BIRTH": "born",
               "IBAN": "IBAN", "CREDIT_CARD": "card", "STREET_ADDRESS": "at", "MEDICAL_RECORD_NUMBER": "record",
               "ICD10_CODE": "dx"}[kind]
        parts.append(f"{cue} {value}")
        spans.append((kind, value))
    if rng.random() < 0.3:
        parts.append(text.sentence())
    return " ".join(parts[:1]) + " " + ", ".join(parts[1:]) + ".", spans


def _locale_tables(loc: str, seed: int, rows: int) -> list[Table]:
    from mimesis import Address, Cryptographic, Datetime, Finance, Food, Internet, Payment, Person, Text
    from mimesis.locales import Locale

    locale = getattr(Locale, loc)
    rng = random.Random(seed)
    person, address, text = Person(locale, seed=seed), Address(locale, seed=seed), Text(locale, seed=seed)
    finance, dt, food = Finance(locale, seed=seed), Datetime(locale, seed=seed), Food(locale, seed=seed)
    internet, payment, crypto = Internet(seed=seed), Payment(seed=seed), Cryptographic(seed=seed)
    dob_style = {"EN": "us", "DE": "de", "FR": "fr", "ES": "fr", "NL": "iso", "PT_BR": "fr", "IT": "fr"}[loc]
    tag = loc.lower()
    n = range(rows)
    customers = Table(f"customers_{tag}", [
        Column("customer_id", None, [str(100_000 + i) for i in n]),
        Column("full_name", "PERSON_NAME", [person.full_name() for _ in n]),
        Column("email", "EMAIL", [_maybe(rng, person.email()) for _ in n]),
        Column("phone", "PHONE", [person.phone_number() for _ in n]),
        Column("birth_date", "DATE_OF_BIRTH", [_dob(person, rng, dob_style) for _ in n]),
        Column("street", "STREET_ADDRESS", [address.address() for _ in n]),
        Column("postcode", "POSTAL_CODE", [address.postal_code() for _ in n]),
        Column("card_number", "CREDIT_CARD", [payment.credit_card_number() for _ in n]),
        Column("last_ip", "IP_ADDRESS", [internet.ip_v4() if rng.random() < 0.8 else internet.ip_v6() for _ in n]),
        Column("login", "USERNAME", [person.username() for _ in n]),
        Column("signup_at", None, [dt.datetime(start=2021, end=2025).isoformat(sep=" ", timespec="seconds")
                                   for _ in n]),
        Column("lifetime_value", None, [f"{finance.price(minimum=0, maximum=5000):.2f}" for _ in n]),
        Column("is_active", None, [rng.choice(("true", "false")) for _ in n]),
        Column("tier", None, [rng.choice(("free", "pro", "team", "enterprise")) for _ in n]),
        Column("currency", None, [finance.currency_iso_code() for _ in n]),
        Column("ref", None, [crypto.uuid() for _ in n]),
    ])
    notes = [_free_text(rng, text, person, address, payment) for _ in n]
    tickets = Table(f"tickets_{tag}", [
        Column("ticket_id", None, [str(i + 1) for i in n]),
        Column("created", None, [dt.datetime(start=2024, end=2025).strftime("%Y-%m-%dT%H:%M:%SZ") for _ in n]),
        Column("status", None, [rng.choice(STATUSES) for _ in n]),
        Column("priority", None, [str(rng.randint(1, 4)) for _ in n]),
        Column("product", None, [food.dish() for _ in n]),
        Column("amount", None, [f"{rng.uniform(1, 999):.2f}" for _ in n]),
        Column("body", "FREE_TEXT", [t for t, _ in notes], [s for _, s in notes]),
        Column("device_id", None, [f"0x{rng.getrandbits(48):012x}" for _ in n]),
        Column("lat", "GEO_COORDINATE", [f"{address.latitude():.6f}" for _ in n]),
        Column("resolved", None, [rng.choice(("Y", "N")) for _ in n]),
    ])
    return [customers, tickets]


def _messy_tables(seed: int, rows: int) -> list[Table]:
    from mimesis import Address, Datetime, Payment, Person, Text
    from mimesis.locales import Locale

    rng = random.Random(seed)
    de, en = Person(Locale.DE, seed=seed), Person(Locale.EN, seed=seed + 1)
    addr, text, dt, pay = Address(Locale.DE, seed=seed), Text(Locale.EN, seed=seed), Datetime(seed=seed), \
        Payment(seed=seed)
    n = range(rows)
    crm = Table("crm_export", [
        Column("Kundennummer", None, [f"K{rng.randint(0, 999_999):06d}" for _ in n]),
        Column("Vorname", "PERSON_NAME", [de.first_name() for _ in n]),
        Column("Nachname", "PERSON_NAME", [de.last_name() for _ in n]),
        Column("E-Mail", "EMAIL", [_maybe(rng, de.email()) for _ in n]),
        Column("Telefon", "PHONE", [f" {de.phone_number()} " if rng.random() < 0.1 else de.phone_number() for _ in n]),
        Column("Geburtsdatum", "DATE_OF_BIRTH", [_dob(de, rng, "de") for _ in n]),
        Column("PLZ", "POSTAL_CODE", [addr.postal_code() for _ in n]),
        Column("IBAN", "IBAN", [_iban_de(rng) for _ in n]),
        Column("Umsatz", None, [f"{rng.uniform(0, 9999):.2f}".replace(".", ",") for _ in n]),
        Column("Kunde seit", None, [dt.date(start=2010, end=2024).strftime("%d.%m.%Y") for _ in n]),
        Column("Newsletter", None, [rng.choice(("ja", "nein")) for _ in n]),
    ], delimiter=";")
    legacy = Table("legacy_dump", [
        Column("field_1", None, [str(i) for i in n]),
        Column("field_2", "EMAIL", [en.email() for _ in n]),
        Column("field_3", "PERSON_NAME", [en.full_name() for _ in n]),
        Column("field_4", "DATE_OF_BIRTH", [_dob(en, rng, rng.choice(("iso", "us", "de", "long"))) for _ in n]),
        Column("field_5", "US_SSN", [_ssn(rng) if rng.random() < 0.7 else _ssn(rng).replace("-", "") for _ in n]),
        Column("field_6", None, [f"{rng.uniform(-50, 50):.1f}" for _ in n]),
        Column("field_7", "PHONE", [en.phone_number() for _ in n]),
        Column("field_8", None, [rng.choice(("A", "B", "C")) for _ in n]),
        Column("field_9", "PASSWORD", [en.password(length=12) for _ in n]),
    ])
    notes = [_free_text(rng, text, en, Address(Locale.EN, seed=seed), pay) for _ in n]
    tickets = Table("support_export", [
        Column("Id", None, [f"T-{i:05d}" for i in n]),
        Column("Opened", None, [dt.datetime(start=2024, end=2025).strftime("%Y-%m-%d %H:%M") for _ in n]),
        Column("Customer Message", "FREE_TEXT", [t for t, _ in notes], [s for _, s in notes]),
        Column("Escalated", None, [rng.choice(("TRUE", "FALSE")) for _ in n]),
        Column("Score", None, [str(rng.randint(0, 10)) for _ in n]),
    ], line_end="\r\n")
    contacts = Table("contacts_sheet", [
        Column("row", None, [str(i + 1) for i in n]),
        Column("to", "EMAIL", [rng.choice((f"{en.full_name()} <{en.email()}>", f"{en.email()}, {en.email()}",
                                            en.email())) for _ in n]),
        Column("cc", "EMAIL", [f"{en.email()}; {en.email()}" if rng.random() < 0.5 else None for _ in n]),
        Column("address", "STREET_ADDRESS", [f"{addr.address()}\n{addr.postal_code()} {addr.city()}" for _ in n]),
        Column("sent", None, [dt.date(start=2024, end=2025).isoformat() for _ in n]),
    ])
    return [crm, legacy, tickets, contacts]


def build(seed: int = DEFAULT_SEED, rows: int = ROWS) -> list[Table]:
    """Every table of the corpus, deterministically from ``seed``."""
    tables: list[Table] = []
    for i, loc in enumerate(LOCALES):
        tables += _locale_tables(loc, seed + i, rows)
    return tables + _messy_tables(seed + 100, rows)
