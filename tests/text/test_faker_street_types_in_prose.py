"""Streets in prose in the languages only Faker's street types cover (``maskline/infotypes/data/street_types.txt``).

Texts are written here by hand.
"""

from __future__ import annotations

import pytest

from maskline.text import prose_data
from maskline.text.prose import find_prose


def _streets(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_prose(text, ner=False) if f.type == "STREET_ADDRESS"]


@pytest.mark.parametrize(("text", "street", "word"), [
    ("Mieszka przy ulica Długa 12, Gdańsk.", "ulica Długa 12", "ulica"),          # pl: type before the name
    ("Címe: Kossuth Lajos utca 12, Budapest.", "Kossuth Lajos utca 12", "utca"),  # hu: type after the name
    ("Alamat: Jalan Merdeka No. 10, Bandung.", "Jalan Merdeka No. 10", "jalan"),  # id: with a number sign
    ("Adresa: Aleea Rozelor 5, Cluj.", "Aleea Rozelor 5", "aleea"),               # ro
    ("Bor på Storgatan 5, Umeå.", "Storgatan 5", "gatan"),                        # sv: glued to the name
])
def test_faker_street_types_find_streets_the_hand_lists_do_not_know(text: str, street: str, word: str) -> None:
    assert street in _streets(text)
    hand = {w.lower() for w in prose_data.EN_STREET_TYPES + prose_data.DE_STREET_SUFFIXES
            + prose_data.NL_STREET_SUFFIXES + prose_data.ROMANCE_STREET_TYPES}
    assert word not in hand  # the control: no hand rule knows this street word


@pytest.mark.parametrize("text", [
    "Jalan Merdeka is a famous street.",         # a type and a name, no house number
    "We met at the Gang Of Four concert.",       # no number at all
    "In 2024 Apple Will Rise again.",            # a short English word Faker lists as a street type (Rise)
])
def test_street_types_of_other_languages_need_a_house_number(text: str) -> None:
    assert _streets(text) == []
