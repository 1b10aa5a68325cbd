"""Passport numbers in every issuer's format, proved by their values (the machine-readable zone's check digits) or by
their record (issue 15, round ``extcsv31``).

Under a name that says nothing (``c2``, ``nummer``, ``番号``) a passport column of one issuer is read by its values
when its template is distinctive, and otherwise by the record it sits in: an expiry date ahead beside an issue date or
a nationality (:mod:`maskline.classify.document_records`, :mod:`maskline.classify.document_companions`). Each
issuer's published template is tested in such a record, in upper and lower case, with a space after the series and
sparse; nine drawn digits (Britain, the United States) only beside the document's own dates and issuer.

Controls (no column typed PASSPORT): members (nine drawn digits beside names, birthdays, a billing country and a
member-since date), library cards (nine digits, valid one to three years), nine digits beside an expiry date and
their holder only, bookings (references, orders, airports, travel dates), vehicles (plates, renewals within a year),
orders (catalogue codes beside ICAO-like country codes), and machine-readable zones whose check digits fail. Values
are drawn here by seeded generators; dates around today, the clock the rule reads them by.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd
import pytest

from maskline.classify import classify, classify_column
from maskline.classify.document_companions import says_nothing_but_number
from maskline.classify.document_records import document_digits, document_like
from maskline.infotypes.validators import passport_mrz

UP, DG = string.ascii_uppercase, string.digits
N = 120
GIVEN = ["Wei", "Min-jun", "Haruto", "Emre", "Ximena", "Chloe", "Dmitri", "Ava", "Oleksandr", "Ananya", "Sota"]
FAMILY = ["Wang", "Kim", "Sato", "Yilmaz", "Hernandez", "Tremblay", "Ivanov", "Brown", "Shevchenko", "Sharma"]
ICAO_LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"  # ICAO Doc 9303's specimen
ICAO_LINE1 = "P<UTOERIKSSON<<ANNA<MARIA" + "<" * 19


def _d(r: random.Random, k: int) -> str:
    return "".join(r.choice(DG) for _ in range(k))


# issuer -> its published passport template
FORMATS: dict[str, Callable[[random.Random], str]] = {
    "cn": lambda r: r.choice("EG") + _d(r, 8),
    "kr": lambda r: r.choice("MSR") + _d(r, 8),
    "kr-2021": lambda r: r.choice("MS") + _d(r, 3) + r.choice(UP) + _d(r, 4),
    "jp": lambda r: r.choice(["TK", "TR", "MZ"]) + _d(r, 7),
    "tr": lambda r: r.choice("UZS") + _d(r, 8),
    "mx": lambda r: r.choice("GN") + _d(r, 8),
    "ca": lambda r: r.choice(UP) + r.choice(UP) + _d(r, 6),
    "au": lambda r: (r.choice("NE") if r.random() < 0.4 else "P" + r.choice("ABCD")) + _d(r, 7),
    "in": lambda r: r.choice("JKLMNPRSTUVWZ") + _d(r, 7),
    "ua": lambda r: r.choice(UP) + r.choice(UP) + _d(r, 6),
    "fr": lambda r: _d(r, 2) + r.choice(UP) + r.choice(UP) + _d(r, 5),
    "es": lambda r: "".join(r.choice(UP) for _ in range(3)) + _d(r, 6),
    "br": lambda r: r.choice(UP) + r.choice(UP) + _d(r, 6),
}
# Russia's foreign passports (a series such as 75 and seven digits) are left out: nine digits opening 75 or 76 are
# Indonesian phone numbers by phonenumbers' plan, and a column read as phones is not the record rule's to retype.
DIGIT_FORMATS: dict[str, Callable[[random.Random], str]] = {
    "gb": lambda r: str(r.randint(1, 9)) + _d(r, 8),
    "us": lambda r: (r.choice(UP) + _d(r, 8)) if r.random() < 0.3 else str(r.randint(1, 9)) + _d(r, 8),
}


def _day(r: random.Random, lo: int, hi: int) -> str:
    return (date.today() + timedelta(days=r.randint(lo, hi))).isoformat()


def _people(r: random.Random) -> dict[str, list]:
    return {"c1": [f"{r.choice(GIVEN)} {r.choice(FAMILY)}" for _ in range(N)],
            "c3": [_day(r, -80 * 365, -18 * 365) for _ in range(N)]}


def _record(make: Callable[[random.Random], str], seed: int, *, doc_name: str = "c2", expiry: bool = True,
            issue: bool = True, nationality: bool = False, form: Callable[[str], str] = str,
            sparse: float = 0.0) -> pd.DataFrame:
    r = random.Random(seed)
    cols = _people(r)
    cols[doc_name] = [None if r.random() < sparse else form(make(r)) for _ in range(N)]
    if expiry:
        cols["c4"] = [_day(r, -300, 3500) for _ in range(N)]
    if issue:
        cols["c5"] = [_day(r, -3500, -30) for _ in range(N)]
    if nationality:
        cols["c6"] = [r.choice(["CHN", "KOR", "JPN", "TUR", "MEX", "CAN", "AUS", "IND"]) for _ in range(N)]
    return pd.DataFrame(cols)


def _types(frame: pd.DataFrame) -> dict[str, str | None]:
    return {c.name: c.info_type for c in classify(frame).columns}


@pytest.mark.parametrize("issuer", sorted(FORMATS))
def test_each_issuers_passports_beside_an_expiry_and_an_issue_date_are_passports(issuer: str) -> None:
    assert _types(_record(FORMATS[issuer], 5))["c2"] == "PASSPORT"


@pytest.mark.parametrize("issuer", sorted(FORMATS))
def test_each_issuers_passports_beside_a_nationality_are_passports(issuer: str) -> None:
    frame = _record(FORMATS[issuer], 7, expiry=False, issue=False, nationality=True)
    assert _types(frame)["c2"] == "PASSPORT"


def _spaced(value: str) -> str:
    """The series set apart from the number, as forms print it (``TK 1234567``)."""
    head = len(value) - len(value.lstrip(UP))
    return value[:head] + " " + value[head:]


@pytest.mark.parametrize(("issuer", "form"), [
    (issuer, form) for issuer in ("cn", "au", "kr-2021", "jp") for form in (str.lower, _spaced, str.title)
    if not (issuer == "kr-2021" and form is _spaced)  # Korea's newer numbers have no series to set apart
])
def test_written_forms_of_passports_read_from_their_record(issuer: str, form: Callable[[str], str]) -> None:
    assert _types(_record(FORMATS[issuer], 11, form=form))["c2"] == "PASSPORT"


@pytest.mark.parametrize("issuer", ["cn", "kr-2021", "gb"])
def test_sparse_passport_columns_read_from_their_record(issuer: str) -> None:
    make = {**FORMATS, **DIGIT_FORMATS}[issuer]
    assert _types(_record(make, 13, sparse=0.85))["c2"] == "PASSPORT"


@pytest.mark.parametrize("issuer", sorted(DIGIT_FORMATS))
@pytest.mark.parametrize("doc_name", ["c2", "nummer", "numero", "番号", "doc_no"])
def test_nine_digit_passports_beside_expiry_and_issue_dates_are_passports(issuer: str, doc_name: str) -> None:
    frame = _record(DIGIT_FORMATS[issuer], 17, doc_name=doc_name)
    assert _types(frame)[doc_name] == "PASSPORT"


def test_nine_digits_beside_an_expiry_and_their_holder_only_are_not_passports() -> None:
    # A member's or a card's number has a holder too: digits need the document's own issue date or issuer.
    frame = _record(DIGIT_FORMATS["gb"], 19, issue=False)
    assert _types(frame)["c2"] != "PASSPORT"


def test_nine_digits_beside_a_nationality_alone_are_not_passports() -> None:
    frame = _record(DIGIT_FORMATS["gb"], 23, expiry=False, issue=False, nationality=True)
    assert _types(frame)["c2"] != "PASSPORT"


def _lookalike(kind: str, seed: int) -> pd.DataFrame:
    r = random.Random(seed)
    cols = _people(r)
    if kind == "members":
        cols["c2"] = [str(r.randint(1, 9)) + _d(r, 8) for _ in range(N)]
        cols["c4"] = [r.choice(["KR", "JP", "US", "MX"]) for _ in range(N)]
        cols["c5"] = [_day(r, -3650, -1) for _ in range(N)]
    elif kind == "library":
        cols["c2"] = [str(r.randint(1, 9)) + _d(r, 8) for _ in range(N)]
        cols["c4"] = [_day(r, 30, 3 * 365) for _ in range(N)]
        cols["c5"] = [_day(r, -3000, -30) for _ in range(N)]
    elif kind == "bookings":
        airports = ["ICN", "NRT", "PEK", "IST", "MEX", "YYZ", "SYD", "JFK", "LHR", "DEL"]
        cols = {"c1": cols["c1"], "c2": ["".join(r.choice(UP + DG) for _ in range(6)) for _ in range(N)],
                "c3": ["OR" + _d(r, 7) for _ in range(N)], "c4": [_day(r, 1, 330) for _ in range(N)],
                "c5": [r.choice(airports) for _ in range(N)]}
    elif kind == "vehicles":
        cols["c2"] = [f"{r.choice(UP)}{r.choice(UP)}{_d(r, 2)} {r.choice(UP)}{r.choice(UP)}{r.choice(UP)}"
                      for _ in range(N)]
        cols["c4"] = [_day(r, 1, 365) for _ in range(N)]
    elif kind == "orders":
        catalogue = [r.choice(UP) + r.choice(UP) + _d(r, 7) for _ in range(20)]
        cols["c2"] = [r.choice(catalogue) for _ in range(N)]
        cols["c4"] = [r.choice(["CHN", "KOR", "JPN", "TUR", "MEX"]) for _ in range(N)]
        cols["c5"] = [_day(r, -400, 0) for _ in range(N)]
    return pd.DataFrame(cols)


@pytest.mark.parametrize("kind", ["members", "library", "bookings", "vehicles", "orders"])
def test_look_alike_tables_of_people_hold_no_passport(kind: str) -> None:
    types = _types(_lookalike(kind, 29))
    assert "PASSPORT" not in types.values(), types


def _mrz_column(r: random.Random, lines: int) -> list[str]:
    out = []
    for _ in range(N):
        number = r.choice(UP) + _d(r, 8)
        born = f"{r.randint(40, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        ends = f"{r.randint(27, 35):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        line = (number + _check(number) + "KOR" + born + _check(born) + r.choice("MF") + ends + _check(ends)
                + "<" * 14 + "<")
        line += _check(line[0:10] + line[13:20] + line[21:43])
        out.append(line if lines == 1 else "P<KORKIM<<MINJUN".ljust(44, "<") + "\n" + line)
    return out


def _check(text: str) -> str:
    """ICAO 9303's check digit, written again here so the test does not lean on the code it tests."""
    weights = (7, 3, 1)
    return str(sum((int(c) if c.isdigit() else 0 if c == "<" else ord(c) - 55) * weights[i % 3]
                   for i, c in enumerate(text)) % 10)


def test_the_icao_specimen_machine_readable_zone_validates() -> None:
    assert passport_mrz(ICAO_LINE2)
    assert passport_mrz(ICAO_LINE1 + "\n" + ICAO_LINE2)
    assert passport_mrz(ICAO_LINE1 + " " + ICAO_LINE2)
    assert _check("L898902C3") == "6" and _check("740812") == "2"


@pytest.mark.parametrize("broken", [
    ICAO_LINE2[:9] + "7" + ICAO_LINE2[10:],  # the document number's check digit
    ICAO_LINE2[:19] + "3" + ICAO_LINE2[20:],  # the birth date's
    ICAO_LINE2[:27] + "8" + ICAO_LINE2[28:],  # the expiry date's
    ICAO_LINE2[:43] + "1",  # the composite one
    "L898902C36UTO7413122F1204159ZE184226B<<<<<10",  # month 13
    "X<UTOERIKSSON" + "<" * 31 + "\n" + ICAO_LINE2,  # a first line that is no passport's
])
def test_a_machine_readable_zone_whose_checks_fail_is_refused(broken: str) -> None:
    assert not passport_mrz(broken)


@pytest.mark.parametrize("lines", [1, 2])
@pytest.mark.parametrize("name", ["c7", "mrz", "line"])
def test_a_column_of_machine_readable_zones_is_passport(lines: int, name: str) -> None:
    column = classify_column(name, _mrz_column(random.Random(31 + lines), lines))
    assert column.info_type == "PASSPORT"
    assert any("mrz-td3" in e for e in column.evidence)


def test_machine_readable_zones_with_broken_checks_are_not_read_as_passports() -> None:
    lines = [v[:-1] + str((int(v[-1]) + 1) % 10) for v in _mrz_column(random.Random(37), 1)]
    column = classify_column("c7", lines)
    assert not any("mrz-td3" in e for e in column.evidence)


def test_document_shapes_in_their_written_forms() -> None:
    r = random.Random(41)
    assert document_like([FORMATS["kr-2021"](r) for _ in range(40)])
    assert document_like([FORMATS["jp"](r).lower() for _ in range(40)])
    assert not document_like(["REF-" + _d(r, 6) for _ in range(40)])
    assert document_digits([DIGIT_FORMATS["us"](r) for _ in range(40)])
    assert not document_digits([str(123456000 + i) for i in range(40)])  # a counter


def test_a_name_that_only_says_number_says_nothing_to_the_record_readers() -> None:
    assert all(map(says_nothing_but_number, ["nummer", "Numero", "番号", "doc_no", "nr", "c5"]))
    assert not any(map(says_nothing_but_number, ["member_no", "loyalty_number", "order_id", "sku"]))


@pytest.mark.parametrize("name", ["psp_no", "pspNr", "cestovní_pas", "číslo_pasu", "paso_numeris"])
def test_passport_names_of_more_languages_and_abbreviations_name_passports(name: str) -> None:
    r = random.Random(43)
    assert classify_column(name, [FORMATS["cn"](r) for _ in range(60)]).info_type == "PASSPORT"


@pytest.mark.parametrize("name", ["psp", "pspReference", "pas"])
def test_psp_and_pas_alone_name_no_passport(name: str) -> None:
    # A payment service provider's reference (Adyen's pspReference), a step: only the values may speak.
    r = random.Random(47)
    assert classify_column(name, [FORMATS["cn"](r) for _ in range(60)]).info_type is None
