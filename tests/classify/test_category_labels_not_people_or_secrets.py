"""Category labels typed as logins, people, addresses or passwords (benchmarks/real_tables, round ``labelfp``).

Five shapes of the real tables' false positives, each refuted by a property of the name's structure or of the
values, never by a list of them:

- a hint read inside a longer word of another meaning (``owner`` in ``ownership``, ``actor`` in ``factor``:
  :func:`maskline.infotypes.name_hints.inside_other_words`);
- a few ordinary English words repeated over the rows under a login or person hint (``YES``/``NO``,
  ``Husband``/``Wife``: :func:`maskline.infotypes.shape_checks.category_words`);
- a handful of labels sharing their numbers, a street word among their words (``2-Lane Road, North``:
  :func:`maskline.infotypes.shape_checks.shared_numbers`);
- a questionnaire's numbered answers (``1:YES, 0:NO``) read as a house number beside a year read as a postcode;
- a word and a bracketed code, the word shared (``Sport(S6)``: :func:`maskline.infotypes.shape_checks.bracketed_codes`).

Controls (pass before and after): the true look-alikes, few distinct and repeated over many rows, still typed:
two people's full names, logins, a few addresses, generated passwords with brackets in them.

Values are hand-written shapes or drawn here with fixed seeds; none comes from the benchmark's splits or the R
datasets.
"""

from __future__ import annotations

import random
import string

import pytest

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score


@pytest.mark.parametrize("name", ["home_ownership", "business_ownership", "factor_score", "personality",
                                  "streetcar_line"])
def test_a_hint_inside_a_word_of_another_meaning_is_not_read(name: str) -> None:
    assert hint_score(name) == []


@pytest.mark.parametrize(("name", "info_type"), [("homeowner", "USERNAME"), ("home_owner", "USERNAME"),
                                                 ("passwords", "PASSWORD"), ("emailaddress", "EMAIL"),
                                                 ("usernames", "USERNAME")])
def test_control_a_hint_inside_a_compound_of_its_own_kind_is_read(name: str, info_type: str) -> None:
    assert hint_score(name)[0][0] == info_type


def test_ownership_categories_are_not_logins() -> None:
    values = ["Public", "Private", "Cooperative"] * 40 + [None] * 10
    assert classify_column("business_ownership", values).info_type is None


def test_control_logins_under_an_owner_word_are_still_logins() -> None:
    values = ["jsmith", "mlopez", "kdavis_2", "a.wright"] * 30
    assert classify_column("homeowner", values).info_type == "USERNAME"


@pytest.mark.parametrize(("name", "values"), [
    ("person_frisked", ["YES", "NO"]),
    ("person", ["Husband", "Wife"]),
    ("owner", ["public", "private", "nonprofit"]),
])
def test_a_few_ordinary_words_repeated_under_a_person_or_login_hint_are_a_category(name: str,
                                                                                    values: list[str]) -> None:
    rng = random.Random(61)
    column = [rng.choice(values) for _ in range(200)]
    assert classify_column(name, column).info_type is None


@pytest.mark.parametrize(("name", "values", "info_type"), [
    ("person", ["John Smith", "Mary Smith"], "PERSON_NAME"),
    ("person", ["Dolores Ybarra", "Kwame Mensah", "Ingrid Halvorsen"], "PERSON_NAME"),
    ("owner", ["jsmith", "mlopez", "kdavis"], "USERNAME"),
    ("created_by", ["dana.whitfield", "raj_patel", "ops-bot"], "USERNAME"),
])
def test_control_a_few_people_or_logins_repeated_are_still_typed(name: str, values: list[str],
                                                                 info_type: str) -> None:
    rng = random.Random(62)
    column = [rng.choice(values) for _ in range(200)]
    assert classify_column(name, column).info_type == info_type


def test_labels_sharing_their_numbers_are_not_streets() -> None:
    labels = ["3-Lane Road, North", "3-Lane Road, South", "2-Lane Road", "Rural 2-Lane Road", "Dirt Road"]
    rng = random.Random(63)
    assert classify_column("road_desc", [rng.choice(labels) for _ in range(400)]).info_type is None


def test_control_a_few_addresses_repeated_are_still_streets() -> None:
    addresses = ["12 Main St", "48 Oak Avenue", "7 Elm Rd", "301 Pine Lane", "12 Main St, Apt 3"]
    rng = random.Random(64)
    verdict = classify_column("site", [rng.choice(addresses) for _ in range(400)])
    assert verdict.info_type == "STREET_ADDRESS"


_CONDITIONS = ["ASTHMA", "GOUT", "ANEMIA", "MIGRAINE", "ECZEMA", "ARTHRITIS", "GLAUCOMA", "ANGINA", "PSORIASIS",
               "SCIATICA", "TINNITUS", "VERTIGO"]


def test_numbered_answers_of_a_codebook_are_not_addresses() -> None:
    rows = [f"EVER TREATED FOR {c} IN 1984, 1:YES, 0:NO" for c in _CONDITIONS] + \
        [f"{c} MEDICATION IN 1984,  1:EVER, 0:NEVER, 2:MISSING" for c in _CONDITIONS]
    assert classify_column("description", rows).info_type is None


def test_control_addresses_with_a_postcode_and_no_street_word_are_still_addresses() -> None:
    rng = random.Random(65)
    towns = [("Sopron", "H-9400"), ("Győr", "H-9021"), ("Pécs", "H-7621"), ("Szeged", "H-6720"), ("Eger", "H-3300")]
    squares = ["Tótfalui tér", "Kossuth tér", "Széchenyi tér", "Deák tér", "Petőfi tér", "Bajcsy tér"]
    rows = []
    for _ in range(60):
        town, code = rng.choice(towns)
        rows.append(f"{rng.choice(squares)} {rng.randint(1, 120)}.\n{code} {town}")
    assert classify_column("description", rows).info_type == "STREET_ADDRESS"


def test_a_word_and_a_bracketed_code_is_not_a_password() -> None:
    rng = random.Random(66)
    codes = [f"{w}({p}{n})" for w in ("Sport", "Manual", "Eco") for p in ("S", "AM", "M", "AV-S") for n in (5, 6, 8)]
    assert classify_column("gearbox", [rng.choice(codes) for _ in range(300)]).info_type is None


def test_citation_keys_in_braces_are_not_passwords() -> None:
    keys = [f"\\ref{{Trial:{a}{y}}}" for a, y in (("Hansen", 1971), ("Okafor", 1983), ("Lindqvist", 1990),
                                                ("Moreau", 1977), ("Tanaka", 1988), ("Silva", 1995))]
    assert classify_column("source", keys).info_type is None


def test_control_generated_passwords_with_brackets_are_still_passwords() -> None:
    rng = random.Random(67)
    alphabet = string.ascii_letters + string.digits + "()[]{}!#$%&*"

    def password() -> str:
        while True:
            p = "".join(rng.choice(alphabet) for _ in range(12))
            if any(c.islower() for c in p) and any(c.isupper() for c in p) and any(c.isdigit() for c in p) \
                    and any(c in "()[]{}!#$%&*" for c in p):
                return p

    few = [password() for _ in range(6)]  # six shared passwords over 120 rows: few distinct, still secrets
    assert classify_column("c2", [rng.choice(few) for _ in range(120)]).info_type == "PASSWORD"
    # Passwords people built as a word and a bracketed part, each word their own, are not a code scheme.
    chosen = ["Falcon(9x)Ri!", "Maple{27}Qz", "Orbit[5k]Lm#", "Tiger(88)w", "Willow{3}Tp$", "Quartz[6]Hj"]
    assert classify_column("c3", chosen * 10).info_type == "PASSWORD"


@pytest.mark.parametrize("name", ["birthplace", "BirthPlace", "place_of_birth"])
def test_a_place_of_birth_stays_masked_by_default_though_no_birth_date_is_read(name: str) -> None:
    # "birthplace" is a word of its own: no date of birth is read inside it (above), and its state codes are
    # numbers no detector types. A place of birth still identifies with a birth date, so the default masks it.
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    rng = random.Random(5)
    verdict = classify_column(name, [str(rng.randint(1, 56)) for _ in range(300)])
    assert verdict.info_type is None
    decision = decide_unnamed(load_policy({}), name, verdict)
    assert decision.method is not None, decision.rule


def test_a_code_column_beside_it_still_passes() -> None:
    # The control: the same numbers under a name that says nothing personal pass raw, so the test above is not
    # passing because every such column is masked.
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    rng = random.Random(5)
    verdict = classify_column("region_count", [str(rng.randint(1, 56)) for _ in range(300)])
    decision = decide_unnamed(load_policy({}), "region_count", verdict)
    assert decision.method is None, decision.rule
