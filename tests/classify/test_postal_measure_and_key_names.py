"""Numbers and codes under names that say a measure, a count or a record key are not postal codes.

The R datasets' columns ``fincome``, ``faminc``, ``avgben``, ``wght``, ``n`` (amounts and counts) and ``seqn``,
``distid``, ``dcode``, ``classNR``, ``idno``, ``cusip``, ``tailnum``, ``id`` (record keys and public codes) were read
as postal codes stored as numbers (lost leading zeros) or by a country's format with letters. Postal codes stored
as numbers keep their reading under opaque and postal names, sparse too.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from maskline.classify import classify_column

RNG = random.Random(1205)
# Four and five digits with a share one digit short: the shape of US ZIP codes stored as numbers (01001 -> 1001).
NUMBERS = [RNG.randint(1_000, 99_999) for _ in range(300)]
# Sparse: 80% empty, as a column that a NULL made float keeps them.
SPARSE = [float(n) if RNG.random() < 0.2 else None for n in NUMBERS * 3]
# Aircraft registrations whose letters fit a UK postcode's shape (N10 2UW) now and then, and three-letter prefixes
# with two digits (Malta's older format): tail numbers and record codes.
TAILS = [f"N{RNG.randint(10, 99)}{RNG.randint(1, 9)}{RNG.choice('ABDEFGH')}{RNG.choice('JLNPQRSTUW')}"
         for _ in range(200)]
RECORDS = [f"RET{i:02d}" for i in range(1, 41)]


@pytest.mark.parametrize("name", ["fincome", "faminc", "avgben", "avgsal", "wght", "n", "pop", "area",
                                  "inexp88", "seqn", "distid", "dcode", "classNR", "idno", "rownames", "cusip"])
def test_numbers_under_a_measure_or_key_name_are_not_postal_codes(name: str) -> None:
    assert classify_column(name, pa.array(NUMBERS)).info_type is None


@pytest.mark.parametrize(("name", "values"), [("tailnum", TAILS), ("id", RECORDS)])
def test_codes_with_letters_under_a_key_name_are_not_postal_codes(name: str, values: list[str]) -> None:
    verdict = classify_column(name, pa.array(values))
    assert verdict.info_type != "POSTAL_CODE"
    assert "POSTAL_CODE" in verdict.signals.refuted


@pytest.mark.parametrize("name", ["c7", "n3", "x4", "value_2", "zip", "zipcode", "postcode", "pcode", "plz"])
def test_numbers_with_lost_zeros_under_opaque_or_postal_names_are_postal_codes(name: str) -> None:  # control
    assert classify_column(name, pa.array(NUMBERS)).info_type == "POSTAL_CODE"


@pytest.mark.parametrize("name", ["f14", "zip_code"])
def test_sparse_postal_floats_with_lost_zeros_are_postal_codes(name: str) -> None:  # control
    assert classify_column(name, pa.array(SPARSE, type=pa.float64())).info_type == "POSTAL_CODE"
