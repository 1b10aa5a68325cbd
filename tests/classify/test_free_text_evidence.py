"""FREE_TEXT_WITH_PII needs real evidence: validated spans, or names and addresses mentioned *in* prose.

Each negative stands beside a positive of the same shape, so the rule is not trivially true.
Values are written here by hand or drawn with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column

RNG = random.Random(1515)
DUTCH = ["volgorde", "stuk", "klok", "heel", "wolk", "half", "klopt", "traan", "heet", "kort", "tellen", "verhoging", "antwoord", "berg", "binnen", "vader"]
LATIN = ["veniam", "quod", "totam", "quaerat", "quibusdam", "sapiente", "aliquam", "tempora", "laborum", "dicta", "officia", "nulla"]


def _sentence(words: list[str], n: int) -> str:
    text = " ".join(RNG.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


@pytest.mark.parametrize("words", [DUTCH, LATIN])
def test_reviews_whose_sentences_open_with_a_capital_are_not_free_text_with_pii(words: list[str]) -> None:
    reviews = [f"{_sentence(words, RNG.randint(4, 9))} Ordered {RNG.randint(1, 9)} items for "
               f"{RNG.uniform(5, 900):.2f} EUR, order ORD-{RNG.randint(0, 999999):06d}." for _ in range(300)]
    assert classify_column("feedback", reviews).info_type is None


@pytest.mark.parametrize("words", [DUTCH, LATIN])
def test_the_same_reviews_with_e_mails_in_a_tenth_of_them_are_free_text_with_pii(words: list[str]) -> None:
    reviews = [f"{_sentence(words, RNG.randint(4, 9))}" + (f" Mail me at user{i}@example.org." if i % 10 == 0
                                                           else "") for i in range(300)]
    c = classify_column("feedback", reviews)
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_names_mentioned_with_a_cue_in_a_tenth_of_the_notes_still_count() -> None:
    people = ["Anna Meier", "John Smith", "Claire Moreau", "Luca Bianchi", "Maria Santos"]
    notes = [_sentence(LATIN, 8) + (f" Spoke to {people[i % 5]} about the refund." if i % 10 == 0 else "")
             for i in range(300)]
    assert classify_column("agent_comment", notes).info_type == "FREE_TEXT_WITH_PII"


def test_long_notes_with_phone_numbers_count_however_long_they_are() -> None:
    pad = " ".join(_sentence(LATIN, 12) for _ in range(40))
    notes = [pad + (f" Call back on +44 20 7946 {1000 + i}." if i % 8 == 0 else "") for i in range(120)]
    assert classify_column("ticket_body", notes).info_type == "FREE_TEXT_WITH_PII"


def test_company_names_that_hold_a_founders_name_are_not_free_text_with_pii() -> None:
    firms = [f"{RNG.choice(['Anna', 'Carlos', 'Marie', 'John'])} {RNG.choice(['Meier', 'Garcia', 'Dubois'])} "
             f"{RNG.choice(['Holding', 'y Asociados', 'S.L.', 'GmbH & Co'])} {i}" for i in range(300)]
    assert classify_column("employer", firms).info_type != "FREE_TEXT_WITH_PII"


def test_a_column_of_three_part_names_is_a_name_column_not_free_text() -> None:
    names = [f"{RNG.choice(['Anna', 'Maria', 'Olga', 'Irina'])} {RNG.choice(['Petrovna', 'Ivanovna'])} "
             f"{RNG.choice(['Sokolova', 'Ivanova', 'Smirnova', 'Kuznetsova'])}" for _ in range(300)]
    assert classify_column("value_7", names).info_type != "FREE_TEXT_WITH_PII"


def test_german_sentences_before_an_english_tail_do_not_lend_their_nouns_to_english_ner() -> None:
    # Nouns that are nobody's first name: the rules find no name here, so only NER could (and must not).
    nouns = ["Wald", "Klasse", "Hund", "Kopf", "Tisch", "Fahrrad", "Mutter", "Wohnung", "Garten", "Zimmer"]
    verbs = ["sehen", "brauchen", "lernen", "holen", "bauen", "machen"]
    notes = [f"{RNG.choice(verbs).capitalize()} unter {RNG.choice(nouns)} {RNG.choice(nouns)} heute. Ordered "
             f"{RNG.randint(1, 9)} items for {RNG.uniform(5, 900):.2f} EUR, rated {RNG.randint(1, 5)}/5."
             for _ in range(300)]
    assert classify_column("order_comment", notes).info_type is None


def test_an_address_column_whose_lines_read_as_prose_is_an_address_by_name_and_shape() -> None:
    streets = ["Rua das Flores", "Avenida Brasil", "Travessa do Carmo", "Alameda Santos", "Estrada Velha"]
    towns = ["Vila Nova", "Boa Vista", "Jardim Europa", "Centro", "Santa Cruz"]
    lines = [f"{RNG.choice(streets)}, {RNG.randint(1, 999)}\n{RNG.choice(towns)}\n"
             f"{RNG.randint(10000, 99999)}-{RNG.randint(100, 999)} {RNG.choice(towns)} / SP" for _ in range(300)]
    assert classify_column("endereco_completo", lines).info_type == "STREET_ADDRESS"
