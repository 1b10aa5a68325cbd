"""Columns of titles (dishes, product listings) are not free text with PII because their words have capitals.

Every negative stands beside a positive of the same shape: the same titles with a person's full name, a phone, or
the same names in sentences. Values are drawn with a fixed seed from small hand-written shapes; none comes from the
benchmark's test split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.title_columns import names_a_person_in_titles, title_column, title_shaped

RNG = random.Random(2026)


@pytest.fixture(autouse=True)
def _same_values_in_any_test_order() -> None:
    """Each test draws the same values whichever tests ran before it in its process (xdist orders them freely)."""
    RNG.seed(2026)


# Ingredients that are given names too (the prose pass reads "Rosemary Biscuits" as a person), and plain ones.
NAMED = ["Rosemary", "Rose", "Basil", "Violet", "Ginger", "Olive", "Saffron", "Summer", "Clementine", "Cherry"]
PLAIN = ["Walnut", "Lemon", "Chocolate", "Pistachio", "Almond", "Raspberry", "Vanilla", "Hazelnut", "Coconut", "Mango"]
BAKES = ["Biscuits", "Loaf", "Cake", "Tarts", "Scones", "Buns", "Brownies", "Macarons", "Bagels", "Gateau"]
PEOPLE = [("Anna", "Schmidt"), ("John", "Miller"), ("Claire", "Moreau"), ("Luca", "Bianchi"), ("Maria", "Santos"),
          ("Peter", "Jansen"), ("Sofia", "Rossi"), ("David", "Fischer"), ("Laura", "Garcia"), ("Thomas", "Weber")]


def _bake(i: int) -> str:
    first, second = RNG.sample(PLAIN, 2)
    named = RNG.choice(NAMED)
    shapes = [f"{first}, {second} and {named} {RNG.choice(BAKES)}", f"{named} {RNG.choice(BAKES)} with {first} Icing",
              f"{first} and {second} {RNG.choice(BAKES)}", f"Spiced {first} {RNG.choice(BAKES)} with {named} Cream"]
    return f"{shapes[i % 4]} No {i}"


def _listing(i: int) -> str:
    condition = RNG.choice(["Brand New", "Used Once", "Game Only", "Sealed Box", "Fast Shipping", "Mint Condition"])
    return RNG.choice([f"Mario Kart Wii {condition} Lot {i}", f"Nintendo Wii Mario Kart {condition} {i}",
                       f"Mario Kart Wii (Wii) - {condition} #{i}"])


def test_bake_names_whose_ingredients_are_given_names_are_not_free_text_with_pii() -> None:
    bakes = [_bake(i) for i in range(300)]
    assert title_column(bakes)
    assert classify_column("signature", bakes).info_type != "FREE_TEXT_WITH_PII"


def test_the_same_bakes_made_for_named_people_are_free_text_with_pii() -> None:
    # Control: a tenth of the titles carry a real full name; every other word still has a capital.
    bakes = [_bake(i) if i % 10 else f"{_bake(i)} for {' '.join(RNG.choice(PEOPLE))}" for i in range(300)]
    assert title_column(bakes)
    assert classify_column("signature", bakes).info_type == "FREE_TEXT_WITH_PII"


def test_listing_titles_that_repeat_a_product_named_like_a_person_are_not_free_text_with_pii() -> None:
    listings = [_listing(i) for i in range(150)]
    assert classify_column("title", listings).info_type != "FREE_TEXT_WITH_PII"


def test_listing_titles_with_a_sellers_phone_are_still_free_text_with_pii() -> None:
    # Control: validated spans are read as before in a column of titles.
    listings = [_listing(i) + (f" Call +44 20 7946 {1000 + i}" if i % 8 == 0 else "") for i in range(150)]
    assert classify_column("title", listings).info_type == "FREE_TEXT_WITH_PII"


def test_listing_titles_signed_by_different_people_are_still_free_text_with_pii() -> None:
    # Control: a name that does not recur, though neither word is a dictionary word, is a person's.
    listings = [_listing(i) + (f" Signed By {' '.join(PEOPLE[i // 10 % 10])}" if i % 10 == 0 else "")
                for i in range(150)]
    assert classify_column("title", listings).info_type == "FREE_TEXT_WITH_PII"


def test_play_by_play_naming_one_player_in_every_row_is_still_free_text_with_pii() -> None:
    # Control: a person repeated in every value, in sentences ("misses", "jumper"), is no title column.
    plays = [f"Kobe Bryant {RNG.choice(['misses', 'makes'])} {RNG.randint(2, 28)}-foot jumper" for _ in range(120)]
    assert not title_column(plays)
    assert classify_column("description", plays).info_type == "FREE_TEXT_WITH_PII"


def test_comments_and_german_notes_that_name_people_are_still_free_text_with_pii() -> None:
    # Its own seeded generator: the module's RNG gives each test other values by the order tests run in (xdist),
    # and ten named notes among 170 distinct values sat on the free-text test's edge in some orders. Customers are
    # many people, so first and family names are drawn apart.
    rng = random.Random(20261205)

    def person() -> str:
        return f"{rng.choice(PEOPLE)[0]} {rng.choice(PEOPLE)[1]}"

    comments = [f"Great service from {person()}, would order again" if i % 5 == 0 else
                f"Delivery arrived {rng.randint(1, 9)} days late, packaging damaged" for i in range(200)]
    notes = [f"Rückruf: Kunde hat heute mit {person()} über die Rechnung gesprochen"
             if i % 5 == 0 else f"Rechnung {rng.randint(1000, 9999)} wurde heute bezahlt und verbucht"
             for i in range(200)]
    for column in (comments, notes):
        assert not title_column(column)
        assert classify_column("notes", column).info_type == "FREE_TEXT_WITH_PII"


def test_title_shape_needs_capitals_and_no_long_lower_case_word() -> None:
    assert title_shaped("Light Jamaican Black Cake with Strawberries and Cream")
    assert not title_shaped("Classic Chocolate Sponge wrapped in a Chocolate Collar")
    assert not title_shaped("rosemary and walnut loaf")  # no capitals: no title, and no name by capitals either
    assert not title_shaped("CALLED JOHN MILLER ABOUT THE REFUND")  # all in capitals: a note, not a title


def test_a_name_in_titles_is_a_person_when_the_name_lists_read_it_as_one() -> None:
    titles = [_listing(i) for i in range(60)]
    assert names_a_person_in_titles("Anna Schmidt", titles)
    assert names_a_person_in_titles("Anna Schmidt Farewell", titles)  # the span ran on into the title
    assert not names_a_person_in_titles("Rosemary Biscuits", titles)  # a dictionary word after the given name
    assert not names_a_person_in_titles("Mario Kart Wii Good", titles)  # recurs as a product
    assert names_a_person_in_titles("Mario Kart", titles[:2])  # the same words, once: may be a person
    assert names_a_person_in_titles("Anna Quixbury", titles)  # a family name no list holds, and no word: a person
