"""Columns whose name and shape agree while no validator confirms the values (the ``extcsv24`` probe of Synthea's
UK and US CSV output and randomuser.me's users, issue 15).

- SSNs never issued (area 9xx, as Synthea and test fixtures draw them: ``999-52-7304``) under ``SSN``: the
  validator refutes each one, by design, so the column was masked untyped; it is US_SSN at lower confidence, as
  named national numbers failing their check are (:mod:`maskline.classify.named_templates`).
- UK postcode districts and sectors (``LA4``, ``RM17``, ``L3 8``) under ``ZIP`` or ``postcode``: no country's full
  format accepts them; the outward code in an allocated UK area is the postal code
  (:func:`maskline.infotypes.validators.uk_postcode_district`).
- Names folded to lower case (``melany``, ``da silva``) under ``first_name``: the person-name detectors need
  capitals; under a person name they are read capitalised (:mod:`maskline.classify.lower_case_names`).

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits. Each rule has hard-negative controls: the same values without the name, and values of
another kind under the name.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from tests.classify.decided_column import decided

_GIVEN = ["olivia", "liam", "emma", "noah", "sophie", "lucas", "hannah", "felix", "clara", "jonas", "marta",
          "pablo", "ines", "diego", "laura", "marco", "giulia", "tomas", "anna", "peter", "maria", "jan"]
_FAMILY = ["schneider", "fischer", "weber", "garcia", "martinez", "lopez", "rossi", "bianchi", "dubois",
           "moreau", "smith", "jones", "taylor", "brown", "de vries", "jansen", "van dijk", "kowalczyk", "novak",
           "petrov", "ivanova", "silva"]
# Allocated UK postcode areas and the districts this file draws from them.
_UK_AREAS = ["B", "L", "M", "S", "E", "N", "W", "G", "AB", "BS", "CF", "EH", "LS", "NG", "OX", "PL", "RG", "SO"]


def _ssns(rng: random.Random, n: int, area: str) -> list[str]:
    """``n`` SSN-shaped numbers in ``area`` (999: never issued), group and serial drawn."""
    return [f"{area}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}" for _ in range(n)]


@pytest.mark.parametrize("seed", [3, 29])
@pytest.mark.parametrize("name", ["SSN", "ssn", "social_security_number"])
def test_ssns_never_issued_under_an_ssn_name_are_ssns(seed: int, name: str, tmp_path: Path) -> None:
    frame = pd.DataFrame({"patient": range(1, 41), name: _ssns(random.Random(seed), 40, "999")})
    info_type, masked, evidence = decided(frame, name, tmp_path)
    assert info_type == "US_SSN" and masked, evidence


def test_ssns_never_issued_without_the_name_are_not_ssns(tmp_path: Path) -> None:
    # Control: the same numbers under an opaque name; 999-99-9999 alone is any grouped id.
    frame = pd.DataFrame({"id": range(1, 41), "c4": _ssns(random.Random(3), 40, "999")})
    info_type, _, evidence = decided(frame, "c4", tmp_path)
    assert info_type != "US_SSN", evidence


def test_an_employer_number_under_an_ssn_name_is_no_ssn(tmp_path: Path) -> None:
    # Control: nine digits written as an EIN (12-3456789) are a firm's number, whatever the column is called.
    rng = random.Random(5)
    frame = pd.DataFrame({"id": range(1, 41), "ssn": [f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"
                                                       for _ in range(40)]})
    info_type, _, evidence = decided(frame, "ssn", tmp_path)
    assert info_type != "US_SSN", evidence


def test_a_counter_under_an_ssn_name_is_no_ssn(tmp_path: Path) -> None:
    # Control: dense row numbers written in the SSN's groups are counted, not drawn.
    frame = pd.DataFrame({"id": range(1, 41), "ssn": [f"999-00-{i:04d}" for i in range(1, 41)]})
    info_type, _, evidence = decided(frame, "ssn", tmp_path)
    assert info_type != "US_SSN", evidence


def _districts(rng: random.Random, n: int, sector: bool) -> list[str]:
    out = []
    for _ in range(n):
        district = f"{rng.choice(_UK_AREAS)}{rng.randint(1, 20)}"
        out.append(f"{district} {rng.randint(0, 9)}" if sector else district)
    return out


@pytest.mark.parametrize("seed", [4, 31])
@pytest.mark.parametrize(("name", "sector"), [("ZIP", False), ("postcode", False), ("post_code", True),
                                              ("ZIP", True)])
def test_uk_postcode_districts_under_a_postal_name_are_postal_codes(seed: int, name: str, sector: bool,
                                                                    tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": range(1, 41), name: _districts(random.Random(seed), 40, sector)})
    info_type, masked, evidence = decided(frame, name, tmp_path)
    assert info_type == "POSTAL_CODE" and masked, evidence


def test_districts_without_the_name_are_not_postal_codes(tmp_path: Path) -> None:
    # Control: B12 and LS4 are also seats, grid cells and shelf places; without a postal name nothing reads them.
    frame = pd.DataFrame({"id": range(1, 41), "c3": _districts(random.Random(4), 40, False)})
    info_type, _, evidence = decided(frame, "c3", tmp_path)
    assert info_type != "POSTAL_CODE", evidence


def test_codes_outside_the_uk_areas_under_a_postal_name_are_no_districts() -> None:
    # Control: letters no UK postcode area has (Q, V, X, Z open none; QA, VX, XZ are no areas).
    from maskline.infotypes.validators import uk_postcode_district

    rng = random.Random(8)
    codes = [f"{rng.choice(['Q', 'V', 'X', 'Z', 'QA', 'VX', 'XZ', 'ZQ'])}{rng.randint(1, 20)}" for _ in range(40)]
    assert not any(uk_postcode_district(c) for c in codes)
    assert not any(uk_postcode_district(c) for c in ["123", "A", "12AB", "SW1A 1AA", "LS 4", "B12 34"])


@pytest.mark.parametrize("seed", [6, 41])
@pytest.mark.parametrize(("name", "pool"), [("first_name", _GIVEN), ("last_name", _FAMILY),
                                            ("contact_name", None)])
def test_lower_case_names_under_a_person_name_are_people(seed: int, name: str, pool: list[str] | None,
                                                         tmp_path: Path) -> None:
    rng = random.Random(seed)
    values = [rng.choice(pool) if pool else f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(40)]
    frame = pd.DataFrame({"id": range(1, 41), name: values})
    info_type, masked, evidence = decided(frame, name, tmp_path)
    assert info_type == "PERSON_NAME" and masked, evidence


def test_lower_case_names_without_the_name_are_not_typed(tmp_path: Path) -> None:
    # Control: lower-case words are tags and slugs as often; without a person name they are not typed.
    rng = random.Random(6)
    frame = pd.DataFrame({"id": range(1, 41), "c2": [rng.choice(_GIVEN) for _ in range(40)]})
    info_type, _, evidence = decided(frame, "c2", tmp_path)
    assert info_type != "PERSON_NAME", evidence


@pytest.mark.parametrize(("name", "values"), [
    ("name", ["active", "pending", "closed", "archived", "draft", "review", "approved", "rejected"] * 5),
    ("product_name", ["blue widget", "steel bolt", "garden hose", "desk lamp", "paper towel", "water filter",
                      "coffee mug", "phone case"] * 5),
    ("first_name", ["purplewolf374", "lazycat12", "redfish833", "bluebird274", "greendog405", "smallswan192",
                    "blackbear100", "organiccat298"] * 5),
])
def test_lower_case_labels_under_a_name_are_not_people(name: str, values: list[str], tmp_path: Path) -> None:
    # Hard negatives: statuses and products under a generic or thing name, handles under a person name.
    frame = pd.DataFrame({"id": range(1, 41), name: values})
    info_type, _, evidence = decided(frame, name, tmp_path)
    assert info_type != "PERSON_NAME", evidence
