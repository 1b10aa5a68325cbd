"""Ids built from fields whose leading digits fit a phone plan are not phones: their line numbers show the fields
(maskline.infotypes.line_numbers).

The real tables' ``row-ids-as-phones`` and ``date-ranges-as-phones`` (benchmarks/real_tables, round ``phonefp``),
under names that say nothing: survey respondents counted within each year (``1974`` then a four-digit count),
numbers whose last digit is a field (parcels numbered in tens, a serial with a last digit of 1 or 2), poll dates
written as ranges (``8/28-30/08``). Every digit the plan reads is left as a phone's would be; the last four digits,
which no plan constrains, are not drawn evenly.

Controls (pass before and after): mobiles drawn from phonenumbers' plans and stored as integers, behind their
trunk prefix and not; the same mobiles repeated over a table's rows; Hungarian mobiles in their two forms; British
numbers drawn from thousand-blocks (the block fixes the line number's first digit); a company's block of direct
lines (one shared prefix, a fixed digit in the line number).

Values are drawn here with fixed seeds; none comes from the benchmark's splits or the R datasets.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest

from maskline.classify import classify_column
from tests.classify.mobile_draws import digits, mobiles

_MOBILES = {  # regions whose mobiles an opaque name's integers are read as (test_opaque_national_mobiles)
    "FR": (("6", "7"), 9),
    "NL": (("6",), 9),
    "TH": (("6", "8", "9"), 9),
    "VN": (("3", "7", "8", "9"), 9),
}


def _mobiles(region: str, n: int = 300, seed: int = 15) -> list[str]:
    return mobiles(region, *_MOBILES[region], n, random.Random(f"{region}{seed}"))


def _counted_within_years(rng: random.Random, rows: int = 2000) -> list[int]:
    """Respondents numbered from 1 within each survey year: ``YYYY`` then the count, four digits."""
    sizes = {year: rng.randint(1400, 3000) for year in range(1974, 2017, 2)}
    years = rng.choices(list(sizes), k=rows)
    return [year * 10_000 + rng.randint(1, sizes[year]) for year in years]


def test_respondents_counted_within_each_year_are_not_phones() -> None:
    ids = _counted_within_years(random.Random(62))
    verdict = classify_column("r1", ids)
    assert verdict.info_type != "PHONE", verdict.evidence


def test_the_same_years_with_drawn_line_numbers_show_no_pattern() -> None:
    # Not trivially true: the years' leading digits are shared by both columns; only the count's pattern differs.
    from maskline.infotypes.line_numbers import patterned_line_numbers

    rng = random.Random(62)
    drawn = [year // 10_000 * 10_000 + rng.randrange(10_000) for year in _counted_within_years(rng)]
    assert not patterned_line_numbers([str(d) for d in drawn])
    assert patterned_line_numbers([str(d) for d in _counted_within_years(random.Random(62))])


def _sections(region: str, rng: random.Random, k: int = 25) -> list[str]:
    """The first four digits of ``k`` nine-digit numbers valid in ``region``: sections whose numbers a plan reads
    as valid (the R tables' parcel and child ids fall in one of the 265 plans tried by chance; here by design)."""
    code = phonenumbers.country_code_for_region(region)
    found: set[str] = set()
    while len(found) < k:
        d = str(rng.randrange(10**8, 10**9))
        if phonenumbers.is_valid_number(phonenumbers.PhoneNumber(country_code=code, national_number=int(d))):
            found.add(d[:4])
    return sorted(found)


def _numbered(region: str, last: str) -> list[int]:
    """Nine-digit numbers in those sections: four digits drawn, then a last digit drawn from ``last``."""
    rng = random.Random(region)
    sections = _sections(region, rng)
    return [int(rng.choice(sections) + digits(rng, 4) + rng.choice(last)) for _ in range(600)]


@pytest.mark.parametrize("region", ["HR", "KR", "BG"])
@pytest.mark.parametrize("last", ["0", "12"])
def test_numbers_whose_last_digit_is_a_field_are_not_phones(region: str, last: str) -> None:
    # Numbered in tens ("0", as parcels are), or a serial and a code of 1 or 2 (as a child's id): valid in the
    # plan as they stand, since no plan reads the last digit; the field shows in the line number.
    verdict = classify_column("c9", _numbered(region, last))
    assert verdict.info_type != "PHONE", verdict.evidence


@pytest.mark.parametrize("region", ["HR", "KR", "BG"])
def test_the_same_sections_with_drawn_line_numbers_stay_phones(region: str) -> None:  # control
    # Not trivially true: the same sections with every line digit drawn are read as the plan's phones.
    verdict = classify_column("c9", _numbered(region, "0123456789"))
    assert verdict.info_type == "PHONE", verdict.evidence


def test_poll_dates_written_as_ranges_are_not_phones() -> None:
    rng = random.Random(64)
    ranges = []
    for _ in range(120):
        month, day = rng.randint(8, 10), rng.randint(1, 24)
        ranges.append(f"{month}/{day}-{day + rng.randint(1, 6)}/{rng.choice(['08', '12'])}")
    verdict = classify_column("d3", ranges)
    assert verdict.info_type != "PHONE", verdict.evidence


@pytest.mark.parametrize("region", sorted(_MOBILES))
def test_mobiles_stored_as_integers_stay_phones(region: str) -> None:  # control
    verdict = classify_column("f14", [int(d) for d in _mobiles(region)])
    assert verdict.info_type == "PHONE", verdict.evidence


def test_mobiles_repeated_over_a_tables_rows_stay_phones() -> None:  # control: a household's number, many rows
    rng = random.Random(65)
    pool = _mobiles("NL")
    verdict = classify_column("f14", [int(d) for d in rng.choices(pool, k=900)])
    assert verdict.info_type == "PHONE", verdict.evidence


def test_hungarian_mobiles_in_two_forms_stay_phones() -> None:  # control: calling code written and not
    rng = random.Random(66)
    nsn = mobiles("HU", ("20", "30", "70"), 9, 300, rng)
    verdict = classify_column("fld_a", [int("36" + d if rng.random() < 0.5 else d) for d in nsn])
    assert verdict.info_type == "PHONE", verdict.evidence


def test_a_companys_block_of_direct_lines_is_no_pattern() -> None:  # one prefix, lines 4500 to 4599
    from maskline.infotypes.line_numbers import patterned_line_numbers

    rng = random.Random(67)
    block = [f"30123{rng.randint(4500, 4599)}" for _ in range(100)]
    assert not patterned_line_numbers(block)
    assert not patterned_line_numbers(["3" + digits(rng, 8) for _ in range(100)])


def test_phones_drawn_from_thousand_blocks_stay_phones() -> None:  # control: the block fixes the fourth-last digit
    # Ofcom's drama ranges (0118 496 0000 to 0999 and the like), which generators draw British phones from: the
    # line number's first digit is the block's, shared by every number behind the same prefix.
    rng = random.Random(68)
    blocks = ["1174960", "1184960", "1314960", "2079460", "3069990", "8081570"]
    values = [int(rng.choice(["44", ""]) + rng.choice(blocks) + digits(rng, 3)) for _ in range(300)]
    verdict = classify_column("col_2", values)
    assert verdict.info_type == "PHONE", verdict.evidence
