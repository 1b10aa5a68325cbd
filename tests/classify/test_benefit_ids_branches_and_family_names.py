"""Three classes of error on banking, health-plan and travel tables other generators made (the ``extcsv2`` probe,
issue 15).

1. A health plan's or benefit programme's id of a person (CMS's ``bene_id``, X12's subscriber and insured ids)
   drawn behind one constant letter is a "template id": under a name that says "identifier" the fail-closed
   decision passed it raw as a key (``template id, name says identifier``). The person words of such plans now
   count as words of a personal document or account (:data:`maskline.infotypes.name_hints.PERSONAL_DOCUMENT_WORDS`),
   as ``member`` and ``patient`` did, so the column stays masked; order, claim and transaction keys still pass.
2. Bank and office branches named after their localities ("Powai Branch") under ``branch_name`` were read as
   people's names: the name hint "name" and the values' shape agreed; so were employers named after their founders
   and a flights table's few carriers. Organisations and their units now name things
   (:data:`maskline.infotypes.name_hints.THING_WORDS`); their people are other head nouns (``branch_manager``,
   ``employer_contact``, ``airline_agent``).
3. Full names whose family names are of countries that write them last (Kulkarni, Sandhu, Perera) and whose
   given names the lists partly lack were refuted as names of things: the family-first list (the one the
   statistic read) does not hold them, so they counted as framing words. Where the column is mostly people, the
   every-country family-name list now says they are names (:func:`maskline.infotypes.thing_names.thing_affixes`);
   among things (hotels, villas) it does not, as Park, Hill and Rose are places and words too.

Values are drawn here by seeded generators from pools written from public knowledge; none comes from the probe's
files or the benchmark's splits.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import CLASSIFIER_PASS, decide_unnamed
from maskline.infotypes.thing_names import thing_affixes
from maskline.policy import load_policy

POLICY = load_policy({})


def _decided(name: str, values: list[str]) -> tuple[str | None, str]:
    column = classify(pd.DataFrame({name: values})).columns[0]
    return column.info_type, decide_unnamed(POLICY, name, column).rule


# 1. Ids of a plan's people, behind one constant prefix (CMS writes a letter and ten digits; plans their own).
def _plan_ids(seed: int, prefix: str, digits: int, n: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [f"{prefix}{rng.randrange(10 ** digits):0{digits}d}" for _ in range(n)]


@pytest.mark.parametrize("name", ["bene_id", "beneficiary_id", "subscriber_id", "enrollee_id", "insured_id",
                                  "BeneficiaryNumber"])
@pytest.mark.parametrize(("seed", "prefix", "digits"), [(5, "B", 10), (77, "MBR", 8)])
def test_ids_of_a_plans_people_stay_masked(name: str, seed: int, prefix: str, digits: int) -> None:
    info_type, rule = _decided(name, _plan_ids(seed, prefix, digits))
    assert info_type is None
    assert rule.startswith("unclassified: mask"), rule


@pytest.mark.parametrize("name", ["order_id", "claim_id", "txn_id", "invoice_no"])
def test_keys_of_records_behind_one_prefix_still_pass(name: str) -> None:
    # Control: the same values under names of records pass raw on main and here (nothing masked them before).
    info_type, rule = _decided(name, _plan_ids(5, "B", 10))
    assert info_type is None
    assert rule.startswith(CLASSIFIER_PASS) and "template id, name says identifier" in rule, rule


# 2. Branches named after their localities, as banks and offices name them.
LOCALITIES = ("Malviya Nagar", "Powai", "Kothrud", "Adyar", "Velachery", "Indiranagar", "Sitapura", "Gomti Nagar",
              "Aundh", "Baner", "Saket", "Dwarka", "Rajouri Garden", "Lajpat Nagar", "Karol Bagh", "Bandra", "Juhu",
              "Kandivali", "Malad", "Ghatkopar", "Hadapsar", "Wakad", "Kukatpally", "Madhapur", "Tambaram", "Porur")


def _branches(seed: int, word: str = "Branch", n: int = 100) -> list[str]:
    rng = random.Random(seed)
    named = [f"{place} {word}" for place in rng.sample(LOCALITIES, 20)]
    return [rng.choice(named) for _ in range(n)]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(("name", "word"), [("branch_name", "Branch"), ("office_name", "Branch"),
                                            ("BranchName", "Branch")])
def test_branches_named_after_localities_are_no_people(seed: int, name: str, word: str) -> None:
    info_type, rule = _decided(name, _branches(seed, word))
    assert info_type is None
    assert rule.startswith("unclassified: mask"), rule  # still masked: only the wrong type goes


# Firms named after their founders, as an HR table's employer column holds them.
EPONYMOUS_FIRMS = ("Wells Fargo", "Morgan Stanley", "Goldman Sachs", "Charles Schwab", "Raymond James",
                   "Edward Jones", "Stifel Nicolaus", "Hancock Whitney", "Julius Baer", "Lombard Odier",
                   "Ernst Young", "Johnson Controls", "Thomas Cook", "Marks Spencer", "John Lewis", "Dean Foods",
                   "Lincoln Electric", "Franklin Covey", "Harris Teeter", "Ralph Lauren", "Kelly Services",
                   "Robert Half", "Tyler Technologies", "Allen Edmonds")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_employers_named_after_founders_are_no_people(seed: int) -> None:
    rng = random.Random(seed)
    info_type, rule = _decided("employer_name", [rng.choice(EPONYMOUS_FIRMS) for _ in range(200)])
    assert info_type is None
    assert rule.startswith("unclassified: mask"), rule


AIRLINES = ("Emirates", "Virgin Atlantic", "Delta", "Frontier", "Allegiant", "Spirit", "Alaska Airlines", "Hawaiian",
            "JetBlue", "Lufthansa", "Iberia", "Aer Lingus", "Etihad", "Qantas", "Avianca", "Copa", "Azul", "IndiGo")


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", ["Airline_Name", "carrier_name"])
def test_a_few_airlines_are_no_people(seed: int, name: str) -> None:
    # A flights table names five or six carriers, repeated over its rows.
    rng = random.Random(seed)
    carriers = rng.sample(AIRLINES, 5)
    info_type, rule = _decided(name, [rng.choice(carriers) for _ in range(200)])
    assert info_type is None
    assert rule.startswith("unclassified: mask"), rule


GIVEN = ("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Susan", "Thomas",
         "Karen", "Daniel", "Nancy", "Paul", "Laura")
FAMILY = ("Harrington", "Whitfield", "Castellano", "Okafor", "Lindqvist", "Moreau", "Brennan", "Novak", "Hayes",
          "Fischer", "Delgado", "Sutton", "Quinn", "Marsh", "Boyle", "Keller")


@pytest.mark.parametrize("name", ["branch_manager", "office_manager", "employer_contact", "airline_agent"])
def test_the_people_of_a_branch_are_still_people(name: str) -> None:
    # Control: a thing word before another head names a person of the thing, on main and here.
    rng = random.Random(9)
    people = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(120)]
    info_type, _ = _decided(name, people)
    assert info_type == "PERSON_NAME"


# 3. Full names of South Asia: half the given names in the lists, family names only in the every-country list.
SOUTH_ASIAN_GIVEN = ("Karthik", "Harpreet", "Gurpreet", "Sunita", "Venkat", "Tanvir", "Vikram", "Rajesh", "Ramesh",
                     "Deepika", "Kiran", "Sunil", "Arjun", "Priya", "Lakshmi", "Pooja", "Sneha", "Anjali", "Naveen",
                     "Jyoti", "Ravi", "Nisha")
SOUTH_ASIAN_FAMILY = ("Subramanian", "Krishnan", "Chaudhary", "Sandhu", "Gill", "Dhillon", "Perera", "Kulkarni",
                      "Deshmukh", "Pathak", "Saxena", "Trivedi", "Chauhan", "Bhatt", "Dubey", "Goswami", "Hegde",
                      "Shetty", "Mahajan", "Sethi", "Bhatia", "Grewal", "Chowdhury", "Sarkar", "Dutta", "Basu", "Naik")


def _south_asian_names(seed: int, n: int = 120) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(SOUTH_ASIAN_GIVEN)} {rng.choice(SOUTH_ASIAN_FAMILY)}" for _ in range(n)]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_family_names_written_last_are_no_framing_words(seed: int) -> None:
    assert thing_affixes(_south_asian_names(seed)) is None


@pytest.mark.parametrize("seed", [4, 5])
@pytest.mark.parametrize("name", ["full_name", "customer_name"])
def test_a_column_of_south_asian_full_names_is_person_name(seed: int, name: str) -> None:
    rng = random.Random(seed)
    names = _south_asian_names(seed)
    table = pd.DataFrame({"customer_id": range(1, len(names) + 1), name: names,
                          "age": [rng.randint(18, 80) for _ in names]})
    column = classify(table).columns[1]
    assert column.info_type == "PERSON_NAME", column.evidence


def test_things_framed_by_words_that_are_family_names_elsewhere_stay_things() -> None:
    # Control: among things the every-country list is not read; Park, Hill, Rose and Lane are family names too.
    rng = random.Random(21)
    heads, tails = ("Villa", "Hotel", "Pension", "Chalet"), ("Rose", "Park", "Hill", "Lane", "Brook", "Wood")
    names = list(dict.fromkeys(f"{rng.choice(heads)} {rng.choice(FAMILY)} {rng.choice(tails)}" for _ in range(300)))
    assert thing_affixes(names) is not None


def test_people_with_names_of_the_lists_are_unchanged() -> None:
    # Control: English full names were never refuted; they stay people on main and here.
    rng = random.Random(3)
    assert thing_affixes([f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(120)]) is None
