"""Ten-digit North American phones with round main lines under opaque names, and birth dates kept as Unix times
under a birth-date name (``extcsv26``), each with the hard negatives that must stay as they were."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import phonenumbers

from tests.classify.decided_column import decided

ROWS = 80
TODAY = dt.date.today()


def _nanp(rng: random.Random, areas: list[str], round_share: float) -> str:
    """A valid number of one of ``areas``; a main line ending in 00 ``round_share`` of the time."""
    while True:
        line = f"{rng.randint(10, 99)}00" if rng.random() < round_share else f"{rng.randint(0, 9999):04d}"
        run = f"{rng.choice(areas)}{rng.randint(200, 999)}{line}"
        if phonenumbers.is_valid_number(phonenumbers.parse("+1" + run)):
            return run


def _hospitals() -> list[str]:
    rng = random.Random(26)
    return [_nanp(rng, ["508", "617", "978", "413", "781"], 0.4) for _ in range(ROWS)]


def test_a_regions_ten_digit_phones_with_round_main_lines_are_phones():
    frame = pd.DataFrame({"c9": _hospitals()})
    info_type, masked, evidence = decided(frame, "c9")
    assert info_type == "PHONE" and masked, evidence


def test_ten_digit_hard_negatives_stay_untyped():
    rng = random.Random(9)
    negatives = {
        # Unix seconds of this decade: area codes open with a 1, which none does.
        "c1": [str(rng.randint(1_650_000_000, 1_780_000_000)) for _ in range(ROWS)],
        # Order numbers counted within a year, ending in tens (the pattern the round main lines must not excuse).
        "c2": [f"{rng.choice(range(2015, 2025))}{rng.randint(0, 3999):05d}0" for _ in range(ROWS)],
        "c3": [str(2_000_000_000 + i) for i in range(ROWS)],  # sequential ids
        "c4": [f"{rng.choice(['02134', '10001', '94105', '60614'])}{rng.randint(0, 9999):04d}" for _ in range(ROWS)],
        # Drawn ten-digit account numbers, some of them round: area codes spread over the whole plan.
        "c5": [str(rng.randint(2 * 10**9, 10**10 - 1) // 100 * 100 if rng.random() < 0.4
                   else rng.randint(2 * 10**9, 10**10 - 1)) for _ in range(ROWS)],
    }
    frame = pd.DataFrame(negatives)
    for name in negatives:
        assert decided(frame, name)[0] is None, name


def _epoch(day: dt.date, millis: bool) -> str:
    seconds = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    return str(seconds * 1000 if millis else seconds)


def _births(rng: random.Random, millis: bool) -> list[str]:
    return [_epoch(dt.date(rng.randint(TODAY.year - 95, TODAY.year - 1), rng.randint(1, 12), rng.randint(1, 28)),
                   millis) for _ in range(ROWS)]


def test_birth_dates_as_unix_seconds_or_millis_under_a_birth_name_are_dates_of_birth(tmp_path):
    rng = random.Random(4)
    frame = pd.DataFrame({"birthdate": _births(rng, False), "dob_ms": _births(rng, True),
                          "fecha_nacimiento": _births(rng, False)})
    for name in frame.columns:
        info_type, masked, evidence = decided(frame, name)
        assert info_type == "DATE_OF_BIRTH" and masked, (name, evidence)
    assert decided(frame, "birthdate", tmp_path)[0] == "DATE_OF_BIRTH"  # as DuckDB reads the CSV: integers


def test_birth_epochs_rank_below_written_birth_dates():
    from maskline.classify import classify

    rng = random.Random(5)
    epochs = _births(rng, False)
    written = [dt.datetime.fromtimestamp(int(e), dt.UTC).date().isoformat() for e in epochs]
    columns = {c.name: c for c in classify(pd.DataFrame({"dob": epochs, "date_of_birth": written})).columns}
    assert 0 < columns["dob"].confidence < columns["date_of_birth"].confidence


def test_unix_times_elsewhere_stay_as_they_were():
    rng = random.Random(6)
    frame = pd.DataFrame({
        "created_at": [str(rng.randint(1_650_000_000, 1_780_000_000)) for _ in range(ROWS)],
        "updated_at": [str(rng.randint(1_650_000_000_000, 1_780_000_000_000)) for _ in range(ROWS)],
        "c7": _births(rng, False),  # no name: a number, not read as a date
        # Under a birth name, integers that are no Unix times of the last 110 years (far-future seconds).
        "birth_date": [str(rng.randint(5 * 10**9, 9 * 10**9)) for _ in range(ROWS)],
    })
    for name in ("created_at", "updated_at", "c7", "birth_date"):
        assert decided(frame, name)[0] != "DATE_OF_BIRTH", name


def test_death_dates_are_masked_by_the_fail_closed_default(tmp_path):
    rng = random.Random(8)
    days = [dt.date(rng.randint(1995, TODAY.year - 1), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
            for _ in range(ROWS)]
    frame = pd.DataFrame({"DEATHDATE": days, "date_of_death": days, "deceased_at": days, "order_date": days,
                          "deaths": [str(rng.randint(0, 400)) for _ in range(ROWS)]})
    for name in ("DEATHDATE", "date_of_death", "deceased_at"):
        info_type, masked, evidence = decided(frame, name, tmp_path)
        assert info_type is None and masked, (name, evidence)  # no type names it: masked, untyped
    # Controls: an event's date and a count of deaths (a statistic, not a person's date) pass as before.
    assert not decided(frame, "order_date", tmp_path)[1]
    assert not decided(frame, "deaths", tmp_path)[1]
