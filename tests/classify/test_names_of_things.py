"""Names of things read as people (issue 15): hotels, wines, bands, characters and product lines named after people or
places. Each rule with a control showing that columns of people keep their type.

Values are drawn here from Faker with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from faker import Faker

from maskline.classify import classify_column

ROWS = 300


def _fake(locale: str, seed: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def _hotels(seed: int = 1) -> list[str]:
    fake, rng = _fake("de_DE", seed), random.Random(seed)
    forms = [lambda: f"Pension {fake.last_name()}", lambda: f"Gasthof {fake.last_name()}",
             lambda: f"Chalet {fake.first_name()}", lambda: f"Residenz {fake.city()}",
             lambda: f"{fake.last_name()} Lodge", lambda: f"Villa {fake.first_name()}"]
    return [rng.choice(forms)() for _ in range(ROWS)]


def _wines(seed: int = 2) -> list[str]:
    fake, rng = _fake("ru_RU", seed), random.Random(seed)
    forms = [lambda: f"Château {fake.last_name()}", lambda: f"Domaine {fake.last_name()}",
             lambda: f"Weingut {fake.last_name()}", lambda: f"{fake.last_name()} Reserve",
             lambda: f"Cuvée {fake.first_name()}"]
    return [rng.choice(forms)() for _ in range(ROWS)]


def test_a_name_hint_does_not_make_names_of_things_people() -> None:
    # "hotel_nm" and "property_name" read as names; the values are framed by a few words that are not names.
    for column in ("htlNm", "property_name"):
        verdict = classify_column(column, _hotels())
        assert verdict.info_type is None, column
        assert any("names of things" in e for e in verdict.evidence)


def test_names_of_things_with_family_name_endings_are_not_people_without_a_name() -> None:
    # Russian family names carry endings (-ov, -ova) the value-only rule reads; the column's frame says wines.
    verdict = classify_column("c4", _wines())
    assert verdict.info_type is None
    assert any("names of things" in e for e in verdict.evidence)


def test_full_names_with_titles_and_common_given_names_are_still_people() -> None:  # control
    fake, rng = _fake("de_DE", 3), random.Random(3)
    values = [f"{rng.choice(['Dr.', 'Herr', 'Frau', ''])} {fake.first_name()} {fake.last_name()}".strip()
              for _ in range(ROWS)]
    assert classify_column("kontakt_nm", values).info_type == "PERSON_NAME"
    assert classify_column("c9", values).info_type == "PERSON_NAME"


def test_family_names_written_first_before_given_names_are_still_people() -> None:  # control
    # Vietnamese order: a few family names open most values, each before a given or middle name.
    rng = random.Random(4)
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"]
    middle, given = ["Văn", "Thị"], ["Minh", "Lan", "Hùng", "Anh", "Dũng", "Hương", "Tuấn", "Mai", "Linh", "Nam"]
    values = [f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}" for _ in range(ROWS)]
    assert classify_column("customer_name", values).info_type == "PERSON_NAME"


def test_people_of_a_few_family_names_are_still_people() -> None:  # control: repeated family names after given names
    fake, rng = _fake("sk_SK", 5), random.Random(5)
    family = ["Horváth", "Kováč", "Varga", "Tóth", "Nagy", "Baláž", "Molnár", "Lukáč"]
    values = [f"{fake.first_name()} {rng.choice(family)}" for _ in range(ROWS)]
    assert classify_column("full_name", values).info_type == "PERSON_NAME"
    assert classify_column("q2", values).info_type == "PERSON_NAME"


def test_given_names_the_lexicon_lacks_before_family_names_are_still_people() -> None:  # control
    # Half the given names are unknown to the lexicon (Kazakh), each opening a sixth of the values; after them come
    # family names with endings, as after the known ones.
    rng = random.Random(6)
    given = ("Айгерім", "Данияр", "Нұржан", "Олег", "Жанна", "Руслан")
    family = ("Петров", "Сидорова", "Кузнецов", "Ахметова", "Соколов", "Бекова", "Иманов", "Тулегенова")
    values = [f"{rng.choice(given)} {rng.choice(family)}" for _ in range(ROWS)]
    assert classify_column("c3", values).info_type == "PERSON_NAME"


def test_names_after_chains_of_titles_are_still_people() -> None:  # control
    # Gujarati (શ્રી, શ્રીમતી, કુમારી), Vietnamese (Quý ông, Cô, Bà) and Persian (جناب آقای, سرکار خانم) titles open
    # many values before a given name; the family names after them repeat.
    for locale in ("gu_IN", "vi_VN", "fa_IR"):
        fake = _fake(locale, 7)
        values = [fake.name() for _ in range(ROWS)]
        assert classify_column("c5", values).info_type == "PERSON_NAME", locale
