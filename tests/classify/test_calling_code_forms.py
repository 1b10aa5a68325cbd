"""Phones stored as integers where validity proves nothing, read from where their calling code stands
(maskline.infotypes.calling_code_forms): coded numbers (``33612345678``) beside national numbers whose trunk 0
was lost (``612345678``), the coded lengths holding nothing else. National numbers of a country outside the
listed plans are read in their own plan (maskline.infotypes.phone_plans, every region). Estonian names hint
phones. Controls: a branch code before unpadded accounts, random digits in a strict plan's two forms, year
serials and epochs mixing seconds with milliseconds stay unflagged.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _verdict_evidence(name: str, values: list[int]) -> tuple[str | None, tuple[str, ...]]:
    verdict = classify_column(name, values)
    return verdict.info_type, verdict.evidence


def test_coded_and_national_numbers_of_a_permissive_plan_are_phones() -> None:
    # Any nine digits opening with 1 to 5 are French fixed lines: validity is what random digits show, the two
    # forms are not what ids show.
    rng = random.Random(61)
    values = [int(("33" if rng.random() < 0.5 else "") + rng.choice("12345") + _digits(rng, 8)) for _ in range(300)]
    info_type, evidence = _verdict_evidence("column11", values)
    assert info_type == "PHONE"
    assert any(e.startswith("values:calling-code-forms FR") for e in evidence)


def test_german_numbers_of_many_lengths_with_and_without_the_code_are_phones() -> None:
    rng = random.Random(62)
    values = []
    for _ in range(60):
        national = rng.choice(["30", "40", "89", "221", "6131", "151", "160", "176"]) + _digits(rng, rng.choice([7, 8]))
        values.append(int(("49" if rng.random() < 0.5 else "") + national))
    assert _verdict_evidence("misc_b", values)[0] == "PHONE"


def test_a_branch_code_before_unpadded_accounts_is_not_a_phone() -> None:  # control: the code opens every run
    rng = random.Random(63)
    for branch in ("27", "20", "36", "33"):
        values = [int(branch + str(int(10 ** rng.uniform(5, 9)))) for _ in range(300)]
        assert _verdict_evidence("v06", values)[0] is None, branch


def test_a_branch_code_before_accounts_of_every_length_is_not_read_by_validity() -> None:  # control
    # Egypt's plan allows national numbers of 8 to 10 digits; accounts of 5 to 9 digits behind "20" fall at lengths
    # where almost no number is valid, so the few valid ones do not count as phones in the plan's two forms.
    rng = random.Random(41)
    values = [int("20" + str(int(10 ** rng.uniform(4.5, 9)))) for _ in range(300)]
    assert _verdict_evidence("v06", values)[0] is None


def test_random_digits_in_a_strict_plans_two_forms_are_not_phones() -> None:  # control: half are invalid numbers
    rng = random.Random(64)
    values = [int(rng.choice(["34", ""]) + rng.choice("123456789") + _digits(rng, 8)) for _ in range(300)]
    assert _verdict_evidence("k_g", values)[0] is None


def test_year_serials_and_mixed_epochs_are_not_phones() -> None:  # controls
    rng = random.Random(65)
    serials = [int(f"{rng.randint(2015, 2026)}{rng.randint(1, 10 ** rng.randint(3, 7))}") for _ in range(300)]
    epochs = [rng.randint(1_500_000_000, 1_780_000_000) * (1000 if rng.random() < 0.4 else 1) for _ in range(300)]
    for name, values in (("serials", serials), ("epochs", epochs)):
        assert _verdict_evidence("n8", values)[0] is None, name


def test_nigerian_national_numbers_are_read_in_their_own_plan() -> None:
    # Nigeria is none of the listed plans; its mobile prefixes (803, 806, 813, 703, 905...) fit its own plan far
    # better than random digits behind the first one.
    rng = random.Random(66)
    prefixes = ["803", "806", "813", "816", "703", "706", "905", "810", "701", "902"]
    values = [int(rng.choice(prefixes) + _digits(rng, 7)) for _ in range(300)]
    info_type, evidence = _verdict_evidence("attr2", values)
    assert info_type == "PHONE"
    assert any(e.startswith("values:phone-plan") for e in evidence)


def test_a_range_of_ids_is_not_read_in_some_plan() -> None:  # control: every region is tried, the range shares
    rng = random.Random(67)  # its prefix, and random digits behind it are as valid
    for start in (8_030_000_000, 7_010_000_000, 9_050_000_000, 2_340_000_000):
        values = [start + rng.randint(0, 40_000_000) for _ in range(300)]
        assert _verdict_evidence("id", values)[0] is None, start


def test_estonian_mobile_names_hint_phones() -> None:
    assert hint_score("mobiil")[0] == ("PHONE", 1.0)
    assert hint_score("kliendi_mobiil")[0][0] == "PHONE"
    assert hint_score("mobiil_count") == []  # control: a count of phones is not one


def _national(region: str, rng: random.Random) -> str:
    """A valid number of the region written in its national format, its digits after the first redrawn."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    while True:
        kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
        example = phonenumbers.example_number_for_type(region, kind)
        assert example is not None
        nsn = str(example.national_number)
        num = phonenumbers.parse(nsn[0] + _digits(rng, len(nsn) - 1), region)
        if phonenumbers.is_valid_number(num):
            return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)


def test_national_formats_of_unlisted_countries_are_phones() -> None:
    rng = random.Random(68)
    for region in ("VN", "PH", "KE", "ZA"):
        info_type, evidence = _verdict_evidence("c3", [_national(region, rng) for _ in range(200)])
        assert info_type == "PHONE", region
        assert any(e.startswith(("values:phone-format", "values:phone-plan")) for e in evidence), region


def test_random_digit_groups_in_a_phone_like_layout_are_not_phones() -> None:  # control: invalid in every plan
    rng = random.Random(69)
    for layout in ("0{} {}", "{} {}"):
        values = [layout.format(_digits(rng, 3), _digits(rng, 6)) for _ in range(200)]
        assert _verdict_evidence("c3", values)[0] != "PHONE", layout  # (a document series rule may read them)
