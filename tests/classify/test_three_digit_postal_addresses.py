"""Addresses of countries with three-digit postal codes (Iceland, the Faroe Islands) under opaque names (issue 15),
and the values of the same shape that are no addresses: labels with counts, box scores of teams named by their
cities, distance tables, prices and capacities. Controls keep each look-alike unclassified.

Values are drawn here with fixed seeds from lists written for the test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.shape_checks import repeated_leads
from maskline.infotypes.validators import three_digit_postal_address

# Icelandic street names (stems and the street words -gata, -vegur, -braut, -stígur...) and towns of every size,
# villages the gazetteer lacks among them.
STREETS = ["Laugavegur", "Hverfisgata", "Skólavörðustígur", "Bankastræti", "Suðurgata", "Hringbraut", "Álfheimar",
           "Dalbraut", "Kirkjuvegur", "Strandgata", "Hafnarstræti", "Bakkastígur", "Túngata", "Lindargata",
           "Melabraut", "Fjarðargata", "Austurvegur", "Borgarbraut", "Hlíðarvegur", "Grundargata"]
TOWNS = [("101", "Reykjavík"), ("200", "Kópavogur"), ("220", "Hafnarfjörður"), ("600", "Akureyri"),
         ("800", "Selfoss"), ("310", "Borgarnes"), ("820", "Eyrarbakki"), ("425", "Flateyri"), ("640", "Húsavík"),
         ("710", "Seyðisfjörður"), ("510", "Hólmavík"), ("900", "Vestmannaeyjar")]


def _addresses(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        code, town = rng.choice(TOWNS)
        sep = ", " if rng.random() < 0.8 else "\n"
        out.append(f"{rng.choice(STREETS)} {rng.randint(1, 120)}{sep}{code} {town}")
    return out


def test_an_icelandic_address_reads_with_its_three_digit_code() -> None:
    assert three_digit_postal_address("Laugavegur 12, 101 Reykjavík")
    assert three_digit_postal_address("Strandgata 4\n820 Eyrarbakki")  # a village the gazetteer lacks


def test_three_digits_before_a_unit_a_currency_or_a_town_after_a_town_are_no_address() -> None:
    for value in ("Room 12, 120 EUR", "Model 5, 128 GB", "Lampe 3, 800 Lumen", "LH 123, 180 seats",
                  "Denver 112, 108 Boston", "Lyon 12, 465 Paris", "Laugavegur 12 101 Reykjavík"):
        assert not three_digit_postal_address(value), value


def test_a_column_of_icelandic_addresses_under_an_opaque_name_is_street_address() -> None:
    rng = random.Random(41)
    verdict = classify_column("c7", _addresses(rng, 300))
    assert verdict.info_type == "STREET_ADDRESS"
    assert verdict.evidence[0].startswith("values:three-digit-postal-address")


def test_a_sparse_column_of_icelandic_addresses_is_street_address() -> None:
    rng = random.Random(42)
    values: list[str | None] = [None] * 270 + _addresses(rng, 30)  # type: ignore[list-item]
    assert classify_column("fld_b", values).info_type == "STREET_ADDRESS"


def test_labels_with_counts_beside_a_town_are_refuted() -> None:
    # Control: the nearest look-alike, a few words before the numbers repeated over the column.
    rng = random.Random(43)
    towns = ["Hudson", "Belfort", "Granada", "Niedenstein", "Arras", "Hella", "Beaune"]
    values = [f"Zone {rng.randint(1, 9)}, {rng.randint(200, 989)} {rng.choice(towns)}" for _ in range(300)]
    verdict = classify_column("col8", values)
    assert verdict.info_type is None
    assert repeated_leads(values) is not None
    assert repeated_leads(_addresses(random.Random(44), 300)) is None


def test_box_scores_and_distance_tables_are_not_addresses() -> None:
    rng = random.Random(45)
    cities = ["Denver", "Boston", "Chicago", "Dallas", "Houston", "Phoenix", "Portland", "Toronto", "Miami"]
    scores = [f"{a} {rng.randint(80, 140)}, {rng.randint(80, 140)} {b}"
              for a, b in (rng.sample(cities, 2) for _ in range(300))]
    towns = ["Lyon", "Paris", "Lille", "Nantes", "Rennes", "Dijon", "Nancy", "Reims", "Tours", "Metz"]
    distances = [f"{a} {rng.randint(1, 40)}, {rng.randint(100, 990)} {b}"
                 for a, b in (rng.sample(towns, 2) for _ in range(300))]
    assert classify_column("c2", scores).info_type is None
    assert classify_column("c3", distances).info_type is None
