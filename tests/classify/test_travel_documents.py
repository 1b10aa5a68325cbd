"""Passports in the records they sit in, read from what those records keep beside them (issue 15, round ``extcsv38``).

A passenger list (APIS), a hotel register for the police (Spain, Italy, Germany, Japan) or a KYC export says per row
what document the number is; such a document-type column of mostly passports makes the one number column beside it
PASSPORT (:mod:`maskline.classify.document_types`). Russian foreign passports written with a spaced series, Russian
internal passports beside their issuing office's code, and passenger lists mixing issuers' templates beside their
record read PASSPORT too. The other way: a letter and drawn digits in a table of people read PASSPORT only beside a
document's companion (an expiry, a nationality, a document type), never beside a member-since date and a billing
country.

Controls: booking references, ticket, frequent-flyer, seat and flight numbers beside the passport stay untyped; a
type column of mostly identity cards, letters under an opaque name, and two candidate numbers vouch for nothing.
Values are drawn here by seeded generators; dates around today, the clock the record rules read them by.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.document_records import division_codes, russian_internal
from maskline.classify.document_types import (
    document_number_shaped,
    document_type_share,
    names_document_type,
)
from maskline.classify.result import ColumnClassification

UP, DG = string.ascii_uppercase, string.digits
N = 150
GIVEN = ["Lucia", "Marco", "Jonas", "Aiko", "Pierre", "Olga", "Tomasz", "Ines", "Daniel", "Mei", "Sven", "Ana"]
FAMILY = ["Garcia", "Rossi", "Schmidt", "Tanaka", "Dubois", "Ivanova", "Nowak", "Silva", "Weber", "Chen", "Berg"]


def _d(r: random.Random, k: int) -> str:
    return "".join(r.choice(DG) for _ in range(k))


def _l(r: random.Random, k: int, alphabet: str = UP) -> str:
    return "".join(r.choice(alphabet) for _ in range(k))


PASSPORTS: list[Callable[[random.Random], str]] = [
    lambda r: _l(r, 3) + _d(r, 6),  # Spain
    lambda r: _l(r, 2) + _d(r, 7),  # Italy, Poland
    lambda r: r.choice("CFGHJK") + _l(r, 8, "CFGHJKLMNPRTVWXYZ" + DG),  # Germany
    lambda r: _d(r, 2) + _l(r, 2) + _d(r, 5),  # France
    lambda r: str(r.randint(1, 9)) + _d(r, 8),  # Britain, the United States
]


def _passport(r: random.Random) -> str:
    return r.choice(PASSPORTS)(r)


def _card(r: random.Random) -> str:
    n = _d(r, 8)
    return n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23]  # a Spanish DNI


def _name(r: random.Random) -> str:
    return f"{r.choice(GIVEN)} {r.choice(FAMILY)}"


def _day(r: random.Random, lo: int, hi: int) -> str:
    return (date.today() + timedelta(days=r.randint(lo, hi))).isoformat()


def _types(frame: pd.DataFrame) -> dict[str, str | None]:
    return {c.name: c.info_type for c in classify(frame).columns}


def _apis(r: random.Random, doc: str = "c7", lower: bool = False, passports: float = 0.85) -> pd.DataFrame:
    rows = [(r.random() < passports) for _ in range(N)]
    numbers = [_passport(r) if p else _card(r) for p in rows]
    return pd.DataFrame({
        "surname": [r.choice(FAMILY).upper() for _ in range(N)],
        "given_names": [r.choice(GIVEN).upper() for _ in range(N)],
        "doc_type": ["P" if p else "I" for p in rows],
        doc: [n.lower() if lower else n for n in numbers],
        "pnr": [_l(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(N)],
        "ticket_no": ["220" + _d(r, 10) for _ in range(N)],
        "ffp_no": [_d(r, 9) for _ in range(N)],
        "seat": [f"{r.randint(1, 45)}{r.choice('ABCDEF')}" for _ in range(N)],
        "flight": [f"LH{r.randint(10, 2999)}" for _ in range(N)],
    })


@pytest.mark.parametrize(("doc", "lower"), [("c7", False), ("c7", True), ("document", False), ("numero", True)])
def test_passenger_list_number_beside_document_type_is_passport(doc: str, lower: bool) -> None:
    types = _types(_apis(random.Random(len(doc) + lower), doc, lower))
    assert types[doc] == "PASSPORT"
    assert {types[c] for c in ("pnr", "ticket_no", "ffp_no", "seat", "flight", "doc_type")} == {None}


def test_type_column_of_mostly_identity_cards_does_not_make_a_passport() -> None:
    types = _types(_apis(random.Random(3), "c7", passports=0.2))
    assert types["c7"] != "PASSPORT"


# (type column's name, passport's word, identity card's word, number column's name)
REGISTERS = [
    ("tipo_documento", "P", "D", "numero_documento"),  # Spain, parte de viajeros
    ("tipo_documento", "PASOR", "IDENT", "numero"),  # Italy, schedina alloggiati
    ("Ausweisart", "Reisepass", "Personalausweis", "Ausweisnummer"),  # Germany, Meldeschein
    ("書類種別", "旅券", "在留カード", "番号"),  # Japan, 宿泊者名簿
    ("document_type", "PASSPORT", "ID_CARD", "nr"),  # a KYC export
    ("c3", "pasaporte", "dni", "c4"),  # words say what letters do not
]


@pytest.mark.parametrize(("kind", "passport", "card", "number"), REGISTERS)
def test_register_document_number_beside_its_type_is_passport(kind: str, passport: str, card: str,
                                                              number: str) -> None:
    r = random.Random(sum(map(ord, kind)) + len(number))
    rows = [r.random() < 0.8 for _ in range(N)]
    frame = pd.DataFrame({"guest": [_name(r) for _ in range(N)], kind: [passport if p else card for p in rows],
                          number: [_passport(r) if p else _card(r) for p in rows],
                          "arrival": [_day(r, -30, 0) for _ in range(N)]})
    assert _types(frame)[number] == "PASSPORT"


def test_sparse_spaced_number_beside_sparse_type_is_passport() -> None:
    r = random.Random(8)
    keep = [r.random() < 0.15 for _ in range(N * 2)]
    numbers = [(lambda s: s[:2] + " " + s[2:])(_passport(r)) if k else None for k in keep]
    frame = pd.DataFrame({"holder": [_name(r) for _ in keep], "nr": numbers,
                          "document_type": ["PASSPORT" if k else None for k in keep]})
    assert _types(frame)["nr"] == "PASSPORT"


def test_letters_under_an_opaque_name_vouch_for_nothing() -> None:
    assert document_type_share("c4", ["P", "I"] * 10) is None
    assert document_type_share("doc_type", ["P", "I"] * 10) == 0.5


def test_two_number_columns_beside_a_type_column_are_left_alone() -> None:
    r = random.Random(11)
    frame = pd.DataFrame({"name": [_name(r) for _ in range(N)], "doc_type": ["P"] * N,
                          "c1": [_passport(r) for _ in range(N)], "c2": [_l(r, 2) + _d(r, 7) for _ in range(N)]})
    types = _types(frame)
    assert types["c1"] != "PASSPORT" or types["c2"] != "PASSPORT"


@pytest.mark.parametrize("name", ["doc_type", "DocumentType", "tipo_documento", "Ausweisart", "書類種別",
                                  "rodzaj_dokumentu", "тип_документа"])
def test_document_type_names(name: str) -> None:
    assert names_document_type(name)


@pytest.mark.parametrize("name", ["type", "doc_no", "tipo", "documento", "fare_type", "c4"])
def test_names_that_are_no_document_type(name: str) -> None:
    assert not names_document_type(name)


def test_document_number_shape_refuses_references_and_tickets() -> None:
    r = random.Random(2)
    assert not document_number_shaped([_l(r, 6, UP + DG) for _ in range(30)])  # booking references
    assert not document_number_shaped(["220" + _d(r, 10) for _ in range(30)])  # ticket numbers
    assert document_number_shaped([_passport(r) for _ in range(30)])


def _russian(r: random.Random, spaced: float) -> list[str]:
    out = []
    for _ in range(N):
        doc = r.choice(["75", "76"]) + _d(r, 7)
        out.append(doc[:2] + " " + doc[2:] if r.random() < spaced else doc)
    return out


@pytest.mark.parametrize("spaced", [0.0, 0.3])
def test_russian_foreign_passport_beside_its_dates_is_passport(spaced: float) -> None:
    r = random.Random(5)
    issued = [date.today() - timedelta(days=r.randint(30, 3600)) for _ in range(N)]
    frame = pd.DataFrame({"c1": [_name(r) for _ in range(N)], "c2": _russian(r, spaced),
                          "c3": [d.strftime("%d.%m.%Y") for d in issued],
                          "c4": [(d + timedelta(days=3649)).strftime("%d.%m.%Y") for d in issued]})
    assert _types(frame)["c2"] == "PASSPORT"


def _internal(r: random.Random) -> list[str]:
    return [f"{r.choice([45, 46, 50, 77]):02d}{r.randint(0, 24):02d}" + r.choice(["", " "]) + _d(r, 6)
            for _ in range(N)]


def test_russian_internal_passport_beside_its_issuing_office_code_is_passport() -> None:
    r = random.Random(6)
    frame = pd.DataFrame({"c1": [_name(r) for _ in range(N)], "c2": _internal(r),
                          "c3": [f"{r.randint(100, 999)}-{r.randint(1, 99):03d}" for _ in range(N)],
                          "c4": [_day(r, -3000, -10) for _ in range(N)]})
    assert _types(frame)["c2"] == "PASSPORT"


def test_ten_digits_without_an_issuing_office_code_are_no_passport() -> None:
    r = random.Random(6)
    frame = pd.DataFrame({"c1": [_name(r) for _ in range(N)], "c2": _internal(r),
                          "c4": [_day(r, -3000, -10) for _ in range(N)]})
    assert _types(frame)["c2"] != "PASSPORT"


def test_russian_internal_shape_and_office_codes() -> None:
    r = random.Random(7)
    assert russian_internal(_internal(r))
    assert not russian_internal([f"4510{i:06d}" for i in range(40)])  # a counter
    cols = [ColumnClassification(n, None, 0.8, None) for n in ("c1", "c2")]
    assert division_codes(cols, {"c2": ["770-001", "500-112"] * 6}, "c1") == ("c2",)
    assert division_codes(cols, {"c2": ["770001", "500112"] * 6}, "c1") == ()


def _members(r: random.Random, letters: int = 8) -> dict[str, list[str]]:
    return {"c1": [r.choice(UP) + _d(r, letters) for _ in range(N)], "c2": [_name(r) for _ in range(N)],
            "c3": [_day(r, -80 * 365, -18 * 365) for _ in range(N)], "c4": [_day(r, -3650, -1) for _ in range(N)],
            "c5": [r.choice(["DE", "AT", "CH", "NL"]) for _ in range(N)]}


def test_member_codes_beside_names_and_birth_dates_are_no_passports() -> None:
    assert _types(pd.DataFrame(_members(random.Random(9))))["c1"] is None


def test_licences_beside_a_renewal_are_no_passports() -> None:
    r = random.Random(10)
    frame = pd.DataFrame({"driver": [_name(r) for _ in range(N)], "doc": [r.choice(UP) + _d(r, 7) for _ in range(N)],
                          "mot_due": [_day(r, 1, 365) for _ in range(N)]})
    assert _types(frame)["doc"] is None


def test_the_same_codes_beside_a_nationality_stay_passports() -> None:
    r = random.Random(9)
    data = _members(r)
    data["c5"] = [r.choice(["MEX", "TUR", "CHN", "IND"]) for _ in range(N)]  # ICAO codes: a nationality
    assert _types(pd.DataFrame(data))["c1"] == "PASSPORT"


def test_the_same_codes_beside_an_expiry_stay_passports() -> None:
    r = random.Random(12)
    data = _members(r)
    data["c4"] = [_day(r, -700, 3400) for _ in range(N)]
    assert _types(pd.DataFrame(data))["c1"] == "PASSPORT"


def test_member_codes_left_untyped_keep_their_reading_as_a_near_miss() -> None:
    column = classify(pd.DataFrame(_members(random.Random(9)))).by_name()["c1"]
    assert column.verdict != "safe"
    assert any(m.info_type == "PASSPORT" for m in column.signals.near_misses)


def test_expatriates_mixed_templates_beside_nationality_and_visa_expiry_are_passports() -> None:
    r = random.Random(13)
    frame = pd.DataFrame({"full_name": [_name(r) for _ in range(N)],
                          "nationality": [r.choice(["France", "Deutschland", "España", "Italia"]) for _ in range(N)],
                          "doc": [_passport(r) for _ in range(N)],
                          "visa_expiry": [_day(r, 30, 5 * 365) for _ in range(N)]})
    assert _types(frame)["doc"] == "PASSPORT"


def test_mixed_templates_beside_their_holder_only_are_no_passports() -> None:
    r = random.Random(13)
    frame = pd.DataFrame({"full_name": [_name(r) for _ in range(N)], "doc": [_passport(r) for _ in range(N)],
                          "joined": [_day(r, -2000, -1) for _ in range(N)]})
    assert _types(frame)["doc"] != "PASSPORT"
