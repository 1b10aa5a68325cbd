"""National ids as people write them. Argentine CUIT/CUIL numbers (type-eight digits-check digit) under opaque names
are national ids (the ``cuit`` detector, python-stdnum's ``ar.cuit``); under a national-id name, ids written in
digit groups as printed on the card (Iranian ``123-456789-0`` beside bare ones) are read as well as bare ones.
Controls: the dashed CUIT shape whose check digit is drawn and codes of that shape with a type no CUIT has stay
untyped; drawn digit groups are national ids only under a national-id name, less sure than validated ones.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from stdnum.ar import cuit

from maskline.classify import classify_column


def _cuit(r: random.Random, kind: str) -> str:
    body = kind + "".join(r.choice("0123456789") for _ in range(8))
    return cuit.format(body + cuit.calc_check_digit(body))


def test_cuits_of_people_and_companies_under_an_opaque_name_are_national_ids() -> None:
    r = random.Random(71)
    values = [_cuit(r, r.choice(["20", "23", "27", "30"])) for _ in range(120)] + [None] * 80
    verdict = classify_column("col1", values)
    assert verdict.info_type == "NATIONAL_ID"
    assert any("cuit" in e for e in verdict.evidence)


def test_the_dashed_shape_with_a_drawn_check_digit_is_not_a_cuit() -> None:
    r = random.Random(72)
    values = [f"{r.choice(['20', '23', '27', '30'])}-{r.randint(0, 10**8 - 1):08d}-{r.randint(0, 9)}"
              for _ in range(120)]
    assert classify_column("col1", values).info_type is None


def test_codes_of_that_shape_with_a_type_no_cuit_has_are_not_cuits() -> None:
    r = random.Random(73)
    values = []
    for _ in range(120):
        body = r.choice(["41", "55", "62"]) + "".join(r.choice("0123456789") for _ in range(8))
        values.append(f"{body[:2]}-{body[2:]}-{cuit.calc_check_digit(body)}")
    assert classify_column("col1", values).info_type is None


def _melli(r: random.Random) -> str:
    """An Iranian national code: nine digits and a mod-11 check digit (weights 10 to 2)."""
    body = "".join(r.choice("0123456789") for _ in range(9))
    s = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
    return body + str(s if s < 2 else 11 - s)


def test_national_ids_written_in_digit_groups_under_a_national_id_name_are_read() -> None:
    r = random.Random(74)
    values = [(lambda v: f"{v[:3]}-{v[3:9]}-{v[9]}" if r.random() < 0.5 else v)(_melli(r)) for _ in range(200)]
    assert classify_column("id_number", values).info_type == "NATIONAL_ID"


def test_drawn_digit_groups_are_national_ids_only_under_a_national_id_name_and_less_sure() -> None:
    """Name and shape agree, only the check fails (issue 15's rule, ``extcsv8``: maskline.classify.named_templates):
    the named type below the validated numbers' confidence; without the name, nothing."""
    r = random.Random(75)
    values = [f"{r.randint(0, 999):03d}-{r.randint(0, 999999):06d}-{r.randint(0, 9)}" for _ in range(200)]
    named = classify_column("id_number", values)
    assert named.info_type == "NATIONAL_ID" and named.confidence < 0.8
    assert classify_column("col1", values).info_type is None
