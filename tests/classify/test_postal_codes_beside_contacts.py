"""Four-digit postal codes stored as numbers, read from their table (maskline.classify.table_context).

Alone, one-width four-digit numbers are a near miss (PINs and product numbers have the shape). In a table holding
people's contact data (names, street addresses, phones, e-mails), they are the address's postal code. Controls:
the same numbers in a table without contact data, beside contact data typed too weakly to vouch, under a name
that says key or measure, and numbers the postal statistics refute (years, widths that grow).

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pandas as pd

from maskline.classify import classify
from maskline.classify.column import classify_column
from maskline.classify.result import ColumnClassification
from maskline.classify.signals import NearMiss, Signals
from maskline.classify.table_context import with_table_context

_GIVEN = ["Anna", "Bence", "Zsófia", "Lukas", "Marie", "Pierre", "Giulia", "Mateo", "Sofia", "Jonas", "Emma", "Noah"]
_FAMILY = ["Kovács", "Müller", "Dubois", "Rossi", "García", "Jansen", "Novak", "Horvat", "Berg", "Meier"]
_STREETS = ["Hauptstrasse", "Bahnhofstrasse", "Rue de la Gare", "Via Roma", "Kossuth utca", "Dorfstrasse"]


def _people(rng: random.Random, rows: int) -> dict[str, list[object]]:
    return {
        "c2": [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(rows)],
        "res_addr": [f"{rng.choice(_STREETS)} {rng.randint(1, 200)}" for _ in range(rows)],
    }


def _codes(rng: random.Random, rows: int) -> list[float]:
    return [float(rng.randint(1000, 9999)) for _ in range(rows)]  # codes of one country's four-digit space


def test_four_digit_codes_beside_names_and_addresses_are_postal_codes() -> None:
    rng = random.Random(41)
    table = pd.DataFrame({**_people(rng, 300), "extra12": _codes(rng, 300)})
    verdicts = classify(table).by_name()
    assert verdicts["c2"].info_type == "PERSON_NAME"
    assert verdicts["extra12"].info_type == "POSTAL_CODE"
    assert verdicts["extra12"].confidence < 0.68  # the table vouches, not the values
    assert any(e.startswith("table:") for e in verdicts["extra12"].evidence)


def test_sparse_four_digit_codes_beside_people_are_postal_codes() -> None:
    rng = random.Random(42)
    codes: list[float | None] = [c if rng.random() < 0.2 else None for c in _codes(rng, 300)]
    table = pd.DataFrame({**_people(rng, 300), "unnamed_1": codes})
    assert classify(table).by_name()["unnamed_1"].info_type == "POSTAL_CODE"


def test_four_digit_numbers_in_a_table_of_numbers_stay_a_near_miss() -> None:  # control: no contact data
    rng = random.Random(43)
    table = pd.DataFrame({"extra12": _codes(rng, 300), "qty": [rng.randint(1, 40) for _ in range(300)],
                          "amount": [round(rng.lognormvariate(4, 1), 2) for _ in range(300)]})
    verdict = classify(table).by_name()["extra12"]
    assert verdict.info_type is None
    assert verdict.verdict == "uncertain"


def test_numbers_named_as_keys_or_refuted_as_years_stay_untyped_beside_people() -> None:  # controls
    rng = random.Random(44)
    table = pd.DataFrame({**_people(rng, 300), "store_no": _codes(rng, 300),
                          "c9": [rng.randint(1950, 2024) for _ in range(300)],  # years
                          "c10": [int(rng.lognormvariate(5, 1.8)) for _ in range(300)]})  # counts
    verdicts = classify(table).by_name()
    assert verdicts["c2"].info_type == "PERSON_NAME"
    assert [verdicts[n].info_type for n in ("store_no", "c9", "c10")] == [None, None, None]


def test_contact_data_typed_weakly_does_not_vouch() -> None:  # control: a guess at a name vouches for nothing
    codes = ColumnClassification("extra12", None, 0.75, None,
                                 ("type:DOUBLE", "weak:four-digit-codes 1.00 validated, not enough"),
                                 signals=Signals((NearMiss("POSTAL_CODE", 1.0, weak=True, detector="four-digit-codes"),)))
    weak = ColumnClassification("c2", "PERSON_NAME", 0.65, "quasi-identifier")
    strong = ColumnClassification("c2", "PERSON_NAME", 0.8, "quasi-identifier")
    assert with_table_context((weak, codes), 0.6)[1].info_type is None
    assert with_table_context((strong, codes), 0.6)[1].info_type == "POSTAL_CODE"
    assert with_table_context((strong, codes), 0.7)[1].info_type is None  # the policy asks for more


def test_five_digit_numbers_without_lost_zeros_stay_a_near_miss_beside_people() -> None:  # control: ids
    rng = random.Random(45)
    table = pd.DataFrame({**_people(rng, 300), "f2": [rng.randint(10000, 99999) for _ in range(300)]})
    verdict = classify(table).by_name()["f2"]
    assert verdict.info_type is None
    assert verdict.verdict == "uncertain"


def test_the_near_miss_is_read_from_the_typed_signal_not_the_evidence_text() -> None:
    """Evidence strings are for people: the same text without the typed near miss vouches for nothing."""
    text_only = ColumnClassification("extra12", None, 0.75, None,
                                     ("type:DOUBLE", "weak:four-digit-codes 1.00 validated, not enough"))
    strong = ColumnClassification("c2", "PERSON_NAME", 0.8, "quasi-identifier")
    assert with_table_context((strong, text_only), 0.6)[1].info_type is None
    typed = replace(text_only, signals=Signals((NearMiss("POSTAL_CODE", 1.0, weak=True,
                                                         detector="four-digit-codes"),)))
    read = with_table_context((strong, typed), 0.6)[1]
    assert read.info_type == "POSTAL_CODE"
    assert read.signals.near_misses == ()  # typed now: the near miss no longer stands


def test_the_table_reads_the_name_hint_the_classifier_recorded_not_the_name_again() -> None:
    # The classifier records that the name hinted at a type (it weighed the name once); the table reading takes
    # that record, so a name the hints know nothing of, recorded as hinted, keeps its verdict.
    miss = Signals((NearMiss("POSTAL_CODE", 1.0, weak=True, detector="four-digit-codes"),))
    strong = ColumnClassification("c2", "PERSON_NAME", 0.8, "quasi-identifier")
    hinted = ColumnClassification("extra12", None, 0.75, None, signals=replace(miss, name_hint=True))
    assert with_table_context((strong, hinted), 0.6)[1].info_type is None
    unhinted = ColumnClassification("extra12", None, 0.75, None, signals=miss)  # the control: read as before
    assert with_table_context((strong, unhinted), 0.6)[1].info_type == "POSTAL_CODE"


def test_the_classifier_records_whether_the_name_hinted_at_a_type() -> None:
    rng = random.Random(3)
    codes = [float(rng.randint(1000, 9999)) for _ in range(200)]
    assert classify_column("customer_phone", codes).signals.name_hint  # a hint (phone) its values do not bear out
    assert not classify_column("unnamed_1", codes).signals.name_hint  # the control: a name that hints at nothing
