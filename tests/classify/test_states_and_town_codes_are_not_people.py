"""Places under a name hint are not people: a column of states or provinces (first-level subdivisions of ISO
3166-2, :mod:`maskline.infotypes.regions`, read by the gazetteer beside its towns) and a column of "<town>, <ST>"
(a town or a metropolitan area, a comma and the code of its state: "Durham, NC", "Raleigh-Durham-Cary, NC").

Controls: people named like places (Paris Hilton, Georgia, Jordan, Austin, Victoria...) stay PERSON_NAME, and so
do names written family name first ("Smith, John", "Washington, George") and family names with initials without
dots, whose letters are the codes of states of no one country.

Values are written here from public knowledge or drawn by a seeded generator; none comes from the benchmark's
splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes import places
from maskline.infotypes.places import is_place

US_STATES = ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
             "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
             "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
             "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
             "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
             "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
             "West Virginia", "Wisconsin", "Wyoming")
# The other subdivisions of the United States in ISO 3166-2: the district and the outlying areas.
US_OTHER = ("District of Columbia", "American Samoa", "Guam", "Northern Mariana Islands", "Puerto Rico",
            "Virgin Islands")
INDIAN_STATES = ("Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat",
                 "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh",
                 "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Punjab", "Rajasthan",
                 "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh", "Uttarakhand", "West Bengal")
# Towns and metropolitan areas with their state's postal code (United States, Brazil).
TOWNS_AND_CODES = ("Durham, NC", "Raleigh-Durham-Cary, NC", "Springfield, IL", "Portland, OR", "Boston, MA",
                   "Denver, CO", "Seattle, WA", "Dallas-Fort Worth, TX", "Tampa, FL", "Albany, NY",
                   "Campinas, SP", "Niteroi, RJ", "Londrina, PR", "Joinville, SC", "Santos, SP")
GIVEN = ("Anna", "James", "Maria", "Robert", "Linda", "Michael", "Sarah", "David", "Laura", "Daniel", "Emma",
         "Thomas", "Julia", "Peter", "Helen")
FAMILY = ("Miller", "Johnson", "Brown", "Garcia", "Wilson", "Taylor", "Moore", "Martin", "Clark", "Lewis",
          "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson")
# Given names that are places too: states, towns, countries.
PLACE_GIVEN = ("Paris", "Georgia", "Jordan", "Austin", "Florence", "Victoria", "Sydney", "Dakota", "Carolina",
               "Virginia", "Savannah", "Chelsea", "Madison", "Brooklyn")


def _people(seed: int, n: int = 120) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(GIVEN + PLACE_GIVEN)} {rng.choice(FAMILY)}" for _ in range(n)] + ["Paris Hilton"]


def test_a_column_of_states_under_a_name_hint_is_not_person_names() -> None:
    # Towns named Alabama, Florida or Nevada alone made 23% of these values places, under the 25% that refutes.
    verdict = classify_column("name", list(US_STATES + US_OTHER))
    assert verdict.info_type != "PERSON_NAME"
    assert any("places:" in e for e in verdict.evidence)


def test_the_gazetteer_reads_states_and_provinces_beside_towns() -> None:
    assert all(is_place(s) for s in ("Texas", "Ohio", "Kentucky", "Maharashtra", "Tamil Nadu", "Bayern"))
    assert not any(is_place(w) for w in ("Miller Johnson", "Widgetco", "Qxzvb"))


def test_people_named_like_places_stay_person_names() -> None:
    verdict = classify_column("name", _people(7))
    assert verdict.info_type == "PERSON_NAME"
    # Single given names, many of them states and towns (Georgia, Carolina, Virginia, Austin): known names never
    # count as places.
    rng = random.Random(8)
    firsts = [rng.choice(GIVEN + PLACE_GIVEN) for _ in range(150)]
    assert classify_column("name", firsts).info_type == "PERSON_NAME"


def test_a_town_and_its_state_code_is_not_a_person() -> None:
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    verdict = classify_column("cbsa_name", ["Durham, NC"] * 400)
    assert verdict.info_type != "PERSON_NAME"
    # Untyped under a name hint, it is still masked by the fail-closed default: no longer a person, not yet safe.
    assert decide_unnamed(load_policy({}), "cbsa_name", verdict).method is not None
    assert classify_column("csa_name", ["Raleigh-Durham-Cary, NC"] * 400).info_type != "PERSON_NAME"
    rng = random.Random(3)
    assert classify_column("city_name", [rng.choice(TOWNS_AND_CODES) for _ in range(300)]).info_type \
        != "PERSON_NAME"


def test_names_written_family_name_first_stay_person_names() -> None:
    rng = random.Random(11)
    surname_first = [f"{rng.choice(FAMILY)}, {rng.choice(GIVEN + PLACE_GIVEN)}" for _ in range(150)]
    assert classify_column("name", surname_first).info_type == "PERSON_NAME"
    assert classify_column("name", ["Washington, George"] * 400).info_type == "PERSON_NAME"
    assert classify_column("name", ["Durham, Nick"] * 400).info_type == "PERSON_NAME"
    # A town written in capitals like its code may be a family name and initials: left to people.
    assert classify_column("name", ["DURHAM, NC"] * 400).info_type == "PERSON_NAME"


def test_the_town_form_needs_a_town_a_comma_and_codes_of_one_country() -> None:
    assert places.towns_with_region_codes(["Washington, George", "Smith, John", "Durham, N. C."]) is None
    assert places.towns_with_region_codes(["DURHAM, NC"]) is None
    # Two capitals after a comma are codes of some country's state more often than not; a column of people's
    # initials does not keep to one country's codes, a column of towns does.
    rng = random.Random(5)
    letters = "ABCDEFGHIJKLMNOPRSTW"
    initials = [f"{rng.choice(FAMILY)}, {rng.choice(letters)}{rng.choice(letters)}" for _ in range(200)]
    assert places.towns_with_region_codes(initials) is None
    # Control: the same letters after towns of one country are read as codes.
    assert places.towns_with_region_codes([f"{t}, NC" for t in ("Durham", "Raleigh", "Cary", "Greensboro")])


def test_rebuilding_the_subdivisions_without_their_package_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    # pycountry is not a dependency: the build script says how to run it, no traceback.
    import importlib.util

    from benchmarks.classification import build_region_list

    if importlib.util.find_spec("pycountry") is not None:
        pytest.skip("pycountry is installed here")
    assert build_region_list.main() == 2
    assert "uv run --with pycountry==26.2.16" in capsys.readouterr().out
