"""Dev-split tables of passports under uncommon and opaque names, with few companions, in the forms exports write
them, and of people's travel and member codes that are no passports (round ``extcsv40``, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(:data:`SEED_OFFSET`), so the tables before them stay as they were. Holders' names come from Faker (Hungarian,
Greek, Estonian, Slovak, Farsi, Icelandic) and mimesis (Kazakh, Icelandic); document numbers and codes are drawn here
by :mod:`random` from the issuers' published templates; nothing is read from ``test_split.py``. Written before the
classifier was changed in the round.

Passport tables (their number column labelled PASSPORT), each the table's one document column:

- names the hints do not know: ``okmanyszam`` (Hungarian "document number"), ``αρ_εγγράφου`` (Greek),
  ``dokumendi_nr`` (Estonian), ``skilriki_nr`` (Icelandic), ``құжат_нөмірі`` (Kazakh), ``شماره_مدرک`` (Farsi),
  ``cislo_dokladu`` (Slovak), camelCase ``docNo``, ``dokument``, ``numer``, ``id2``, ``c7``, ``field_12``;
- few companions: a holder's name and a nationality only; an expiry only; an issue and an expiry date ten years
  apart and nothing else; a name and nothing else;
- forms: sparse (70-95% empty), lower case, a space after the series, the issuing state prefixed (``SVK EA1234567``,
  ``FRA 12AB34567``), zero-padded digits (``000123456789``), or passports mixed with identity cards (passports most
  rows).

Look-alike tables (their codes labelled not sensitive): booking references and ticket numbers beside a passenger's
name, frequent-flyer numbers of two letters and nine digits beside a tier's expiry, members of a letter and eight
digits beside a member-since date and an address's two-letter country, driving licences under ``doc_no`` beside a
plate, badges valid a year or two, and athletes' licences of a letter and seven digits beside a name and a birth date.

Dates are drawn around :data:`REFERENCE` so the tables' bytes are the same on every run.

>>> cols = passport_shape_tables(7, rows=30)
>>> len({c.table for c in cols}), sum(c.label == "PASSPORT" for c in cols)
(19, 13)
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

# the travel records' generators of digits, letters, days, a document's dates, sparse columns and Faker/mimesis
# instances: the same draws, so both modules' documents are written alike
from benchmarks.classification.dev_travel_documents import (
    _d,
    _day,
    _faker,
    _issued_expiry,
    _l,
    _mimesis,
    _sparse,
)

SEED_OFFSET = 149  # its own generator (15-139 are other modules'): the tables before it stay as they were
UP, DG = string.ascii_uppercase, string.digits






# issuer (ICAO code) -> its passport's published template
PASSPORTS: dict[str, Callable[[random.Random], str]] = {
    "HUN": lambda r: _l(r, 2) + _d(r, 7),
    "GRC": lambda r: _l(r, 2) + _d(r, 7),
    "EST": lambda r: r.choice("KS") + _d(r, 7),
    "ISL": lambda r: "A" + _d(r, 7),
    "KAZ": lambda r: "N" + _d(r, 8),
    "IRN": lambda r: r.choice("KLXY") + _d(r, 8),
    "SVK": lambda r: _l(r, 2) + _d(r, 7),
    "FRA": lambda r: _d(r, 2) + _l(r, 2) + _d(r, 5),
    "D": lambda r: r.choice("CFGHJK") + _l(r, 8, "CFGHJKLMNPRTVWXYZ" + DG),
    "GBR": lambda r: str(r.randint(1, 9)) + _d(r, 8),
    "POL": lambda r: _l(r, 2) + _d(r, 7),
    "CZE": lambda r: _d(r, 8),
}
ID_CARDS: dict[str, Callable[[random.Random], str]] = {
    "EST": lambda r: r.choice(["AA", "AB", "AC"]) + _d(r, 7),
    "SVK": lambda r: _l(r, 2) + _d(r, 6),
}








def _spaced(doc: str) -> str:
    head = len(doc) - len(doc.lstrip(UP))
    return doc[:head] + " " + doc[head:] if 0 < head < len(doc) else doc






def _table(name: str, spec: list[tuple[str, str | None, list[Any]]], r: random.Random) -> list[Column]:
    order = list(spec)
    r.shuffle(order)
    return [Column(name, n, label, "opaque" if len(n) <= 3 or n[-1].isdigit() else "foreign", values)
            for n, label, values in order]


def _hungarian(r: random.Random, rows: int) -> list[Column]:
    """A Hungarian agency's client list: a name, a nationality of ICAO codes, the passport under ``okmanyszam``."""
    f = _faker("hu_HU", r)
    nat = [r.choice(["HUN"] * 6 + ["ROU", "SVK", "SRB", "UKR"]) for _ in range(rows)]
    return _table("dps00_hu_ugyfel", [
        ("nev", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("allampolg", None, nat),
        ("okmanyszam", "PASSPORT", [PASSPORTS["HUN"](r) for _ in range(rows)]),
        ("megjegyzes", None, [r.choice(["", "VIP", "csoport", "visszatérő"]) for _ in range(rows)])], r)


def _greek(r: random.Random, rows: int) -> list[Column]:
    """A Greek ferry's manifest: the holder and the passport's expiry only, numbers lower case with a space."""
    f = _faker("el_GR", r)
    return _table("dps01_el_manifest", [
        ("ονοματεπώνυμο", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("αρ_εγγράφου", "PASSPORT", [_spaced(PASSPORTS["GRC"](r)).lower() for _ in range(rows)]),
        ("λήξη", None, [_issued_expiry(r)[1].isoformat() for _ in range(rows)]),
        ("καμπίνα", None, [f"{r.choice('ABCD')}{r.randint(100, 450)}" for _ in range(rows)])], r)


def _estonian(r: random.Random, rows: int) -> list[Column]:
    """An Estonian employer's file: passports and identity cards in one ``dokumendi_nr``, a nationality, a name."""
    f = _faker("et_EE", r)
    docs = [PASSPORTS["EST"](r) if r.random() < 0.7 else ID_CARDS["EST"](r) for _ in range(rows)]
    return _table("dps02_et_tootajad", [
        ("nimi", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("kodakondsus", None, [r.choice(["EST"] * 5 + ["LVA", "FIN", "RUS"]) for _ in range(rows)]),
        ("dokumendi_nr", "PASSPORT", docs),
        ("osakond", None, [r.choice(["IT", "ladu", "müük"]) for _ in range(rows)])], r)


def _icelandic(r: random.Random, rows: int) -> list[Column]:
    """An Icelandic guesthouse's register: ``skilriki_nr`` beside a name and the document's expiry, sparse."""
    p = _mimesis("is", r)
    return _table("dps03_is_gestir", [
        ("nafn", "PERSON_NAME", [p.full_name() for _ in range(rows)]),
        ("skilriki_nr", "PASSPORT", _sparse(r, [PASSPORTS["ISL"](r) for _ in range(rows)])),
        ("gildir_til", None, [_issued_expiry(r)[1].strftime("%d.%m.%Y") for _ in range(rows)]),
        ("herbergi", None, [str(r.randint(1, 24)) for _ in range(rows)])], r)


def _kazakh(r: random.Random, rows: int) -> list[Column]:
    """A Kazakh travel agency: ``құжат_нөмірі`` sparse beside a nationality and a name."""
    p = _mimesis("kk", r)
    return _table("dps04_kk_sayahat", [
        ("аты_жөні", "PERSON_NAME", [p.full_name() for _ in range(rows)]),
        ("азаматтығы", None, [r.choice(["KAZ"] * 7 + ["RUS", "UZB", "KGZ"]) for _ in range(rows)]),
        ("құжат_нөмірі", "PASSPORT", _sparse(r, [PASSPORTS["KAZ"](r) for _ in range(rows)])),
        ("тур", None, [r.choice(["Анталья", "Дубай", "Шарм"]) for _ in range(rows)])], r)


def _farsi(r: random.Random, rows: int) -> list[Column]:
    """An Iranian pilgrims' list: the holder, the passport under ``شماره_مدرک``, an issue and an expiry date."""
    f = _faker("fa_IR", r)
    dates = [_issued_expiry(r) for _ in range(rows)]
    return _table("dps05_fa_zaer", [
        ("نام", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("شماره_مدرک", "PASSPORT", [PASSPORTS["IRN"](r) for _ in range(rows)]),
        ("تاریخ_صدور", None, [i.isoformat() for i, _ in dates]),
        ("تاریخ_انقضا", None, [e.isoformat() for _, e in dates])], r)


def _slovak(r: random.Random, rows: int) -> list[Column]:
    """A Slovak hotel's foreign guests: the issuing state prefixed to the number (``SVK EA1234567``)."""
    f = _faker("sk_SK", r)
    docs = []
    for _ in range(rows):
        issuer = r.choice(["SVK", "SVK", "FRA", "D", "HUN", "POL", "CZE", "GRC"])
        docs.append(f"{'DEU' if issuer == 'D' else issuer} {PASSPORTS[issuer](r)}")
    return _table("dps06_sk_hostia", [
        ("meno", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("cislo_dokladu", "PASSPORT", docs),
        ("prichod", None, [_day(r, -40, 0).isoformat() for _ in range(rows)])], r)


def _camel(r: random.Random, rows: int) -> list[Column]:
    """An app's export in camelCase: ``docNo`` zero-padded to twelve digits (a CHAR(12) of British passports)."""
    f = _faker("en_GB", r)
    dates = [_issued_expiry(r) for _ in range(rows)]
    return _table("dps07_camel_export", [
        ("fullName", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("docNo", "PASSPORT", [PASSPORTS["GBR"](r).zfill(12) for _ in range(rows)]),
        ("issuedOn", None, [i.isoformat() for i, _ in dates]),
        ("expiresOn", None, [e.isoformat() for _, e in dates])], r)


def _opaque_dates(r: random.Random, rows: int) -> list[Column]:
    """A spreadsheet with placeholder headers: the number, its issue and its expiry ten years later, nothing else."""
    dates = [_issued_expiry(r) for _ in range(rows)]
    issuers = ["POL", "HUN", "SVK", "GRC"]
    return _table("dps08_opaque_dates", [
        ("field_12", "PASSPORT", [PASSPORTS[r.choice(issuers)](r) for _ in range(rows)]),
        ("field_13", None, [i.strftime("%d.%m.%Y") for i, _ in dates]),
        ("field_14", None, [e.strftime("%d.%m.%Y") for _, e in dates])], r)


def _opaque_nationality(r: random.Random, rows: int) -> list[Column]:
    """``c7`` lower case beside a name and a nationality under opaque names."""
    f = _faker("hu_HU", r)
    return _table("dps09_opaque_nat", [
        ("c1", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("c4", None, [r.choice(["HUN", "AUT", "SVK", "ROU", "DEU"]) for _ in range(rows)]),
        ("c7", "PASSPORT", [PASSPORTS["HUN"](r).lower() for _ in range(rows)])], r)


def _dokument(r: random.Random, rows: int) -> list[Column]:
    """A Polish agency: ``dokument`` sparse beside a name and a nationality's name (``polskie``: Polish's word)."""
    f = _faker("pl_PL", r)
    return _table("dps10_pl_klienci", [
        ("imie_nazwisko", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("obywatelstwo", None, [r.choice(["POL", "POL", "UKR", "BLR", "LTU"]) for _ in range(rows)]),
        ("dokument", "PASSPORT", _sparse(r, [PASSPORTS["POL"](r) for _ in range(rows)]))], r)


def _numer(r: random.Random, rows: int) -> list[Column]:
    """``numer`` beside a name only: the record's one document-like column, nothing else vouches."""
    f = _faker("pl_PL", r)
    return _table("dps11_pl_numer", [
        ("osoba", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("numer", "PASSPORT", [PASSPORTS["POL"](r) for _ in range(rows)]),
        ("uwagi", None, [r.choice(["", "grupa A", "grupa B"]) for _ in range(rows)])], r)


def _id2(r: random.Random, rows: int) -> list[Column]:
    """``id2`` of Kazakh passports beside a name, a birth date and the document's expiry, a row key in ``id1``."""
    p = _mimesis("kk", r)
    return _table("dps12_kk_id2", [
        ("id1", None, [str(1000 + i) for i in range(rows)]),
        ("id2", "PASSPORT", [PASSPORTS["KAZ"](r) for _ in range(rows)]),
        ("name", "PERSON_NAME", [p.full_name() for _ in range(rows)]),
        ("exp", None, [_issued_expiry(r)[1].isoformat() for _ in range(rows)])], r)


def _bookings(r: random.Random, rows: int) -> list[Column]:
    f = _faker("el_GR", r)
    return _table("dps13_bookings", [
        ("ref2", None, [_l(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rows)]),
        ("c3", None, ["390" + _d(r, 10) for _ in range(rows)]),
        ("passenger", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("departure", None, [_day(r, 1, 300).isoformat() for _ in range(rows)])], r)


def _frequent_flyers(r: random.Random, rows: int) -> list[Column]:
    p = _mimesis("is", r)
    return _table("dps14_ffp", [
        ("ffNo", None, ["FI" + _d(r, 9) for _ in range(rows)]),
        ("memberName", "PERSON_NAME", [p.full_name() for _ in range(rows)]),
        ("tierExpiry", None, [_day(r, 30, 700).isoformat() for _ in range(rows)]),
        ("tier", None, [r.choice(["Saga Silver", "Saga Gold", "Blue"]) for _ in range(rows)])], r)


def _members(r: random.Random, rows: int) -> list[Column]:
    f = _faker("sk_SK", r)
    return _table("dps15_members", [
        ("id2", None, [r.choice(UP) + _d(r, 8) for _ in range(rows)]),
        ("meno", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("clenom_od", None, [_day(r, -3650, -1).isoformat() for _ in range(rows)]),
        ("krajina", None, [r.choice(["SK", "CZ", "HU", "AT"]) for _ in range(rows)])], r)


def _licences(r: random.Random, rows: int) -> list[Column]:
    f = _faker("hu_HU", r)
    return _table("dps16_fleet", [
        ("doc_no", None, [_l(r, 2) + _d(r, 6) for _ in range(rows)]),
        ("rendszam", None, [f"{_l(r, 3)}-{_d(r, 3)}" for _ in range(rows)]),
        ("sofor", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("ervenyes", None, [_day(r, 30, 3 * 365).isoformat() for _ in range(rows)])], r)


def _badges(r: random.Random, rows: int) -> list[Column]:
    f = _faker("et_EE", r)
    return _table("dps17_badges", [
        ("c7", None, [r.choice(UP) + _d(r, 7) for _ in range(rows)]),
        ("c2", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("c3", None, [_day(r, 30, 2 * 365).isoformat() for _ in range(rows)]),
        ("c4", None, [_day(r, -700, -1).isoformat() for _ in range(rows)])], r)


def _athletes(r: random.Random, rows: int) -> list[Column]:
    f = _faker("sk_SK", r)
    return _table("dps18_athletes", [
        ("licencia", None, [r.choice(UP) + _d(r, 7) for _ in range(rows)]),
        ("meno", "PERSON_NAME", [f.name() for _ in range(rows)]),
        ("narodenie", "DATE_OF_BIRTH", [_day(r, -40 * 365, -15 * 365).isoformat() for _ in range(rows)]),
        ("klub", None, [r.choice(["Slovan", "Inter", "Dukla"]) for _ in range(rows)])], r)


def passport_shape_tables(seed: int, rows: int) -> list[Column]:
    """Thirteen tables of passports under uncommon and opaque names with few companions, then six of codes that are
    none.

    >>> sorted({c.label for c in passport_shape_tables(1, 12)}, key=str)
    ['DATE_OF_BIRTH', None, 'PASSPORT', 'PERSON_NAME']
    """
    r = random.Random(seed + SEED_OFFSET)
    makers = (_hungarian, _greek, _estonian, _icelandic, _kazakh, _farsi, _slovak, _camel, _opaque_dates,
              _opaque_nationality, _dokument, _numer, _id2, _bookings, _frequent_flyers, _members, _licences,
              _badges, _athletes)
    return [c for make in makers for c in make(r, rows)]
