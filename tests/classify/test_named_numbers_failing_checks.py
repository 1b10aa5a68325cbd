"""Identity numbers and IBANs whose check fails, under names that say what they are (the ``extcsv8`` probe, issue 15).

The issue's rule, "when name and shape agree and only a checksum fails, the column is still the named type, at
lower confidence", held for cards only. On public tables the project never saw:

1. Made-up national numbers under their names were masked but untyped: Spanish DNIs with a wrong letter
   (``president_dni``), Aadhaar numbers that fail Verhoeff (``adhar_number``, stored as BIGINT), Sri Lankan NICs
   (``national_id``: nine digits and ``V``), Philippine TINs (``TIN #``: ``442-605-657-000``); and the made-up UK
   NINOs of ``extcsv7`` (``QQ 52 60 17 V``). Now the column's one template under a national-id name
   (:mod:`maskline.classify.named_templates`) types NATIONAL_ID below a validated number's confidence.
2. An IBAN name over IBANs whose mod-97 digits fail was untyped or read as a domestic account; now the country's
   length and BBAN layout (:mod:`maskline.infotypes.failed_checks`) type IBAN at lower confidence.
3. India's PAN of a person (``pan``, a card's primary account number to the name hints) was untyped; now its values
   (python-stdnum's ``in_.pan``, the holder a person or a family: :mod:`maskline.infotypes.indian_ids`) say
   NATIONAL_ID.

Never from the name alone (controls): row ids, counters, e-mails and firms' tax numbers under the same names, and
the same made-up numbers under an opaque name, are not typed so. Values are drawn here by seeded generators; none
comes from the probe's files or the benchmark's splits.
"""

from __future__ import annotations

import random
import string

import pandas as pd
import pytest
from stdnum import iban as std_iban
from stdnum.es import dni as std_dni
from stdnum.in_ import aadhaar as std_aadhaar

from maskline.classify.column import classify_column
from tests.classify.decided_column import decided

SEEDS = (3, 17, 2026)
UPPER = string.ascii_uppercase


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(k))


def _fake_dnis(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        v = _digits(rng, 8) + rng.choice("TRWAGMYFPDXBNJZSQVHLCKE")
        if not std_dni.is_valid(v):  # a wrong check letter, as fixtures write them
            out.append(v)
    return out


def _fake_aadhaars(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        v = str(rng.randint(10**11, 10**12 - 1))
        if not std_aadhaar.is_valid(v):
            out.append(v)
    return out


def _fake_ibans(rng: random.Random, n: int, country: str = "DE", length: int = 18) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        v = country + _digits(rng, 2) + _digits(rng, length)
        if not std_iban.is_valid(v):
            out.append(v)
    return out


def _people(rng: random.Random, n: int) -> list[str]:
    first = ["Ana", "Luis", "Marta", "Jorge", "Elena", "Pablo", "Rosa", "Diego", "Nuria", "Ivan"]
    last = ["Garcia", "Lopez", "Martin", "Sanz", "Ruiz", "Moreno", "Alonso", "Vidal"]
    return [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(n)]


def _national_cases(rng: random.Random, n: int) -> dict[str, list[str]]:
    return {
        "dni": _fake_dnis(rng, n),
        "president_dni": _fake_dnis(rng, n),
        "nino": ["QQ" + _digits(rng, 6) + rng.choice("EFGHJ") for _ in range(n)],
        "national_id": [_digits(rng, 9) + "V" for _ in range(n)],
        "tin": [f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}-000" for _ in range(n)],
        "aadhaar_number": _fake_aadhaars(rng, n),
    }


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["dni", "president_dni", "nino", "national_id", "tin", "aadhaar_number"])
def test_made_up_national_numbers_under_their_names_are_national_ids(seed: int, name: str) -> None:
    rng = random.Random(seed)
    values = _national_cases(rng, 60)[name]
    people = _people(rng, 60)
    kind, masked, evidence = decided(pd.DataFrame({"full_name": people, name: values}), name)
    assert kind == "NATIONAL_ID", evidence
    assert masked
    verdict = classify_column(name, values)
    assert verdict.info_type == "NATIONAL_ID" and verdict.confidence < 0.85  # below a validated number's


@pytest.mark.parametrize("seed", SEEDS)
def test_made_up_numbers_stored_as_integers_and_sparse(seed: int, tmp_path) -> None:
    """Aadhaar numbers as BIGINT in a CSV file, and DNIs on one row in four (the others empty)."""
    rng = random.Random(seed)
    frame = pd.DataFrame({"name": _people(rng, 80),
                          "aadhar": [int(v) for v in _fake_aadhaars(rng, 80)],
                          "owner_dni": [v if i % 4 == 0 else None for i, v in enumerate(_fake_dnis(rng, 80))]})
    for column in ("aadhar", "owner_dni"):
        kind, masked, evidence = decided(frame, column, tmp_path)
        assert (kind, masked) == ("NATIONAL_ID", True), (column, evidence)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["iban", "IBAN", "iban_cliente", "payee_iban"])
def test_ibans_whose_check_fails_under_an_iban_name_are_ibans(seed: int, name: str) -> None:
    rng = random.Random(seed)
    values = _fake_ibans(rng, 40, "DE", 18) if seed % 2 else _fake_ibans(rng, 40, "ES", 20)
    verdict = classify_column(name, values)
    assert verdict.info_type == "IBAN", verdict.evidence
    assert verdict.confidence < 0.9
    kind, masked, _ = decided(pd.DataFrame({"holder": _people(rng, 40), name: values}), name)
    assert (kind, masked) == ("IBAN", True)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["pan", "pan_no", "c3"])
def test_persons_pans_by_their_values(seed: int, name: str) -> None:
    rng = random.Random(seed)
    values = ["".join(rng.choice(UPPER) for _ in range(3)) + rng.choice("PH") + rng.choice(UPPER) + _digits(rng, 4)
              + rng.choice(UPPER) for _ in range(40)]
    kind, masked, evidence = decided(pd.DataFrame({"name": _people(rng, 40), name: values}), name)
    assert (kind, masked) == ("NATIONAL_ID", True), evidence


# Controls: the same names over values of another kind, and the same values under an opaque name.


@pytest.mark.parametrize("seed", SEEDS)
def test_valid_dnis_stay_validated(seed: int) -> None:
    rng = random.Random(seed)
    values = [n + std_dni.calc_check_digit(n) for n in (_digits(rng, 8) for _ in range(40))]
    verdict = classify_column("dni", values)
    assert verdict.info_type == "NATIONAL_ID" and verdict.confidence >= 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_valid_ibans_stay_validated(seed: int) -> None:
    rng = random.Random(seed)
    values = []
    for _ in range(40):
        bban = _digits(rng, 18)
        values.append("DE" + std_iban.calc_check_digits("DE00" + bban) + bban)
    verdict = classify_column("iban", values)
    assert verdict.info_type == "IBAN" and verdict.confidence >= 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_made_up_numbers_under_an_opaque_name_are_not_typed_so(seed: int) -> None:
    rng = random.Random(seed)
    assert classify_column("c7", _fake_dnis(rng, 40)).info_type != "NATIONAL_ID"
    assert classify_column("c7", ["QQ" + _digits(rng, 6) + "E" for _ in range(40)]).info_type != "NATIONAL_ID"
    assert classify_column("c7", _fake_ibans(rng, 40)).info_type != "IBAN"


@pytest.mark.parametrize("name", ["national_id", "dni", "tax_id"])
def test_national_names_over_other_kinds_of_values(name: str) -> None:
    rng = random.Random(11)
    assert classify_column(name, [str(i) for i in range(1, 61)]).info_type != "NATIONAL_ID"  # row ids
    assert classify_column(name, [f"ID{i:08d}" for i in range(1, 61)]).info_type != "NATIONAL_ID"  # counted
    assert classify_column(name, [f"2024{i:06d}" for i in range(1, 61)]).info_type != "NATIONAL_ID"
    assert classify_column(name, [f"user{i}@example.org" for i in range(60)]).info_type == "EMAIL"
    assert classify_column(name, [f"19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                                  for _ in range(60)]).info_type != "NATIONAL_ID"  # dates


@pytest.mark.parametrize("seed", SEEDS)
def test_firms_tax_numbers_are_not_national_ids(seed: int) -> None:
    rng = random.Random(seed)
    vat = ["ESB" + _digits(rng, 8) for _ in range(40)]  # one country's VAT prefix on every value
    ein = [f"{_digits(rng, 2)}-{_digits(rng, 7)}" for _ in range(40)]  # as an EIN is written
    firm_pans = ["".join(rng.choice(UPPER) for _ in range(3)) + rng.choice("CF") + rng.choice(UPPER)
                 + _digits(rng, 4) + rng.choice(UPPER) for _ in range(40)]
    for name, values in (("tax_id", vat), ("company_tax_id", vat), ("tax_id", ein), ("pan", firm_pans)):
        assert classify_column(name, values).info_type != "NATIONAL_ID", (name, values[:3])


def test_iban_names_over_wrong_lengths_are_not_ibans() -> None:
    rng = random.Random(5)
    short = ["ES" + _digits(rng, 20) for _ in range(40)]  # 22 characters: a Spanish IBAN has 24
    assert classify_column("iban", short).info_type != "IBAN"
