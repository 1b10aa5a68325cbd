"""Medical record numbers under opaque names, read from the medical-record words some of them open with
(classify/medical_records.py, infotypes/medical_prefixes.py). Controls: mixed random ids with no such word,
passports, row ids behind a patient word, Portuguese VAT numbers, project ticket keys, repeated codes, log lines,
and a column where the words are as rare as in random series stay unflagged.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string

from maskline.classify import classify_column
from maskline.classify.medical_records import medical_record_evidence, not_medical_records
from maskline.infotypes.medical_prefixes import medical_record_split

UP, DG = string.ascii_uppercase, string.digits


def _rand(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _type(name: str, values: list[str | None]) -> str | None:
    return classify_column(name, values).info_type


def _mixed_ids(r: random.Random) -> str:
    """Ids of three templates no medical word opens: a letter and seven digits, digit groups, three letters."""
    return r.choice([f"H{_rand(r, DG, 7)}", f"{_rand(r, DG, 2)}-{_rand(r, DG, 3)}-{_rand(r, DG, 3)}",
                     f"{_rand(r, UP, 3)}{_rand(r, DG, 7)}"])


# ---------------------------------------------------------------- medical record numbers


def test_mixed_record_numbers_a_third_of_which_carry_a_patient_word_are_medical_records() -> None:
    r = random.Random(31)
    values = [f"PAT{_rand(r, DG, 7)}" if r.random() < 0.35 else _mixed_ids(r) for _ in range(300)]
    verdict = classify_column("c4", values)
    assert verdict.info_type == "MEDICAL_RECORD_NUMBER"
    assert verdict.confidence <= 0.85  # the word in a share of the values: a verdict, not a sure one


def test_one_medical_word_with_a_separator_and_drawn_digits_is_a_medical_record() -> None:
    r = random.Random(32)
    assert _type("f1", [f"HN-{_rand(r, DG, 8)}" for _ in range(300)]) == "MEDICAL_RECORD_NUMBER"


def test_record_words_of_several_languages_among_bare_hospital_numbers_are_medical_records() -> None:
    r = random.Random(33)
    words = ("IPP", "NHC", "PatNr", "MR")
    values = [f"{r.choice(words)} {_rand(r, DG, 8)}" if r.random() < 0.3 else _rand(r, DG, 8) for _ in range(300)]
    assert _type("col7", values) == "MEDICAL_RECORD_NUMBER"


def test_digits_in_groups_and_a_check_character_after_the_word_count_too() -> None:
    r = random.Random(34)
    values = [f"MR-{_rand(r, DG, 2)}-{_rand(r, DG, 3)}-{_rand(r, DG, 3)}-{r.choice(UP)}" for _ in range(300)]
    assert _type("v03", values) == "MEDICAL_RECORD_NUMBER"


def test_two_word_abbreviations_as_people_write_them_count() -> None:
    r = random.Random(37)
    values = [f"{r.choice(['Pat.-Nr.', 'MR No.', 'Pt ID:'])} {_rand(r, DG, 7)}" if r.random() < 0.4 else _rand(r, DG, 7)
              for _ in range(300)]
    assert _type("fld_e", values) == "MEDICAL_RECORD_NUMBER"


def test_one_template_in_six_carrying_the_word_is_enough() -> None:
    r = random.Random(36)
    values = [f"MR{_rand(r, DG, 8)}" if r.random() < 0.16 else _mixed_ids(r) for _ in range(300)]
    assert _type("k_d", values) == "MEDICAL_RECORD_NUMBER"


def test_a_sparse_column_of_worded_record_numbers_is_read_too() -> None:
    r = random.Random(35)
    values: list[str | None] = [None if r.random() < 0.9 else
                                (f"PT{_rand(r, DG, 6)}" if r.random() < 0.5 else _mixed_ids(r)) for _ in range(300)]
    assert _type("unnamed_3", values) == "MEDICAL_RECORD_NUMBER"


def test_a_medical_record_word_splits_off_its_digits() -> None:
    assert medical_record_split("PAT-12-345-678") == ("pat", "12345678")
    assert medical_record_split("mrn#0044117") == ("mrn", "0044117")
    assert medical_record_split("Pat.-Nr. 12345678") == ("patnr", "12345678")
    assert medical_record_split("AB CD 1234567") is None  # two words that spell no medical-record word


# ---------------------------------------------------------------- controls


def test_mixed_random_ids_with_no_medical_word_stay_untyped_and_are_masked() -> None:
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    r = random.Random(41)
    verdict = classify_column("c9", [_mixed_ids(r) for _ in range(300)])
    # A third of them are three random letters and seven digits, a passport template the document-number rule may
    # read at low confidence (its own business); what this control pins is that no medical word means no MRN.
    assert verdict.info_type != "MEDICAL_RECORD_NUMBER"
    assert verdict.info_type is None or verdict.confidence < 0.7
    assert decide_unnamed(load_policy({}), "c9", verdict).method is not None  # fail-closed: masked as uncertain


def test_passports_of_random_series_are_not_medical_records() -> None:
    r = random.Random(42)
    values = [_rand(r, UP, 2) + _rand(r, DG, 7) for _ in range(300)]
    assert medical_record_evidence(values, [1.0] * 300, 300.0) == []
    assert _type("c5", values) == "PASSPORT"


def test_row_ids_behind_a_patient_word_are_row_ids() -> None:
    values = [f"PT{i:06d}" for i in range(1, 301)]
    assert _type("q1", values) is None
    assert not_medical_records([("pt", f"{i:06d}") for i in range(1, 301)], 300)


def test_portuguese_vat_numbers_are_not_patients() -> None:
    from stdnum.pt import nif

    r = random.Random(43)
    vats: list[str] = []
    while len(vats) < 300:
        digits = str(r.randint(10**8, 10**9 - 1))
        if nif.is_valid(digits):
            vats.append(f"PT{digits}")
    assert medical_record_split(vats[0]) is None
    assert _type("x2", vats) != "MEDICAL_RECORD_NUMBER"


def test_project_ticket_keys_with_short_counters_are_not_medical_records() -> None:
    r = random.Random(44)
    assert _type("c2", [f"{r.choice(['PT', 'HC', 'MR'])}-{r.randint(100, 99999)}" for _ in range(300)]) is None


def test_a_few_worded_codes_repeated_are_labels() -> None:
    r = random.Random(45)
    codes = [f"PT{_rand(r, DG, 6)}" for _ in range(8)]
    assert _type("a3", [r.choice(codes) for _ in range(300)]) != "MEDICAL_RECORD_NUMBER"


def test_worded_numbers_among_words_are_not_a_column_of_record_numbers() -> None:
    r = random.Random(46)
    words = ("walk-in", "transfer", "pending review", "cancelled", "see notes", "external")
    values = [f"MR{_rand(r, DG, 7)}" if r.random() < 0.4 else r.choice(words) for _ in range(300)]
    assert medical_record_evidence(values, [1.0] * 300, 300.0) == []


def test_medical_words_as_rare_as_in_random_series_do_not_count() -> None:
    r = random.Random(47)
    values = [f"MR{_rand(r, DG, 7)}" if r.random() < 0.05 else _mixed_ids(r) for _ in range(300)]
    assert _type("f7", values) is None
