"""Prose: phones in a country's own format after a cue, street types of every language, name-field labels."""

from __future__ import annotations

import pytest

from maskline.text import scrub
from maskline.text.local_phones import local_phone_spans
from maskline.text.prose import find_prose


def _spans(text: str) -> list[tuple[str, str]]:
    return [(f.type, text[f.start:f.end]) for f in find_prose(text, ner=False)]


@pytest.mark.parametrize(("text", "phone"), [
    ("Bitte zurückrufen, Handy 0171 2345678.", "0171 2345678"),
    ("Llámame al móvil 612345678 mañana.", "612345678"),
    ("Rappeler au tél. 06 12 34 56 78 demain.", "06 12 34 56 78"),
    ("Telefone: (11) 98765-4321, obrigado.", "(11) 98765-4321"),
    ("Chiamare il cellulare 347 123 4567 oggi.", "347 123 4567"),
    ("Bel mij op 06-12345678 na vijf uur.", None),  # no cue word ("bel" is not "bellen"): left to the scrubber
])
def test_a_phone_valid_in_the_texts_plan_after_a_cue_is_found(text: str, phone: str | None) -> None:
    found = [text[a:b] for a, b in local_phone_spans(text, None)]
    assert found == ([phone] if phone else [])


def test_a_spanish_number_grouped_like_an_amount_is_a_phone_only_after_a_cue() -> None:
    cued, bare = "Contacto: tel. 983.552.783.", "Importe total 983.552.783 pesos."
    assert _spans(cued) == [("PHONE", "983.552.783")]
    assert _spans(bare) == []  # the same digits without a cue: an amount, left alone
    assert scrub(cued)[0] == cued  # not trivially true: the log scrubber's validated rules do not take it


def test_a_cue_belongs_to_the_next_number_only() -> None:
    text = "tel. 983.552.783, pedido 912345678"
    assert [text[a:b] for a, b in local_phone_spans(text, "es")] == ["983.552.783"]


def test_a_number_invalid_in_the_language_plans_is_not_a_phone() -> None:
    assert local_phone_spans("Telefon: 12345678901234", "de") == []


def test_a_cued_phone_is_found_when_the_language_guess_is_a_neighbour() -> None:
    """Spanish text guessed as Portuguese: the number is valid in Spain's plan only, and still found."""
    import phonenumbers

    text = "No te ves muy bien, tel. 972674847, gracias."
    assert not any(phonenumbers.is_valid_number(phonenumbers.parse("972674847", r)) for r in ("BR", "PT"))
    assert [text[a:b] for a, b in local_phone_spans(text, "pt")] == ["972674847"]
    assert local_phone_spans("No te ves muy bien, pedido 972674847, gracias.", "pt") == []  # no cue, no phone


@pytest.mark.parametrize(("text", "street"), [
    ("Parcel left at 1019 Ardenwood Bend today.", "1019 Ardenwood Bend"),  # USPS suffixes beyond the common ones
    ("Shipped to 22 Harbor Arcade, thanks.", "22 Harbor Arcade"),
    ("Il habite 7 parc Bergson depuis mai.", "7 parc Bergson"),  # French types de voie
    ("Livraison au 114 Grand Rue De Joigny.", "114 Grand Rue De Joigny"),
    ("Vive en Av de Europa, 817, desde 2010.", "Av de Europa, 817"),  # Spanish abbreviation without a dot
    ("Mora na Rúa Tulla, 208, en Vigo.", "Rúa Tulla, 208"),  # Galician
    ("Entregar na Rua 33, 90, Goiânia.", "Rua 33, 90"),  # a numbered street, then the house number
    ("Fica na Escadinha de Saint-Roman 759.", "Escadinha de Saint-Roman 759"),  # Brazilian logradouro types
    ("Mora na Rua 25 de Março, 100, centro.", "Rua 25 de Março, 100"),  # streets named after a date
    ("Vive en la Avenida 9 de Julio 1020.", "Avenida 9 de Julio 1020"),
    ("Vive na Rúa dous de Maio, 1122.", "Rúa dous de Maio, 1122"),  # the day written as a (Galician) word
])
def test_street_types_of_each_language_are_found(text: str, street: str) -> None:
    assert ("STREET_ADDRESS", street) in _spans(text)


@pytest.mark.parametrize("text", [
    "Data flows via 3 channels and 4 ports.",  # "via" with a number but no house number after it
    "Chapter 12 Arcade games were popular in 1985.",
    "The Rua 33 bus leaves at noon.",  # a numbered street with no house number
    "Llegó el 2 de mayo de 2020 por la calle.",  # a date near a street word is not a street
])
def test_street_words_without_an_address_shape_are_left_alone(text: str) -> None:
    assert [t for t, _ in _spans(text) if t == "STREET_ADDRESS"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Contact: Marco Becker, à rappeler.", "Marco Becker"),  # Marco is also a (Portuguese) month word
    ("Contatto: Mila Marchini.", "Mila Marchini"),  # mila is also an Italian number word
    ("Compiler notes. Contact: Son West, mail.", "Son West"),  # a common word that a second name word completes
])
def test_a_known_first_name_after_a_name_label_is_a_name_even_if_it_is_a_common_word(text: str, name: str) -> None:
    assert _spans(text) == [("PERSON_NAME", name)]


def test_a_common_word_first_name_without_a_label_stays() -> None:
    assert _spans("Il arrive en marco Polo.") == []


def test_a_common_word_after_a_name_label_with_no_name_after_it_stays() -> None:
    assert _spans("Contact: The team will reply.") == []


def test_the_scrub_method_masks_a_local_phone_in_a_free_text_column() -> None:
    import pandas as pd

    from maskline.engine.frames import mask_frame

    notes = ["No tengo este libro, tel. 964102582, gracias.", "Pedido 912345678 enviado ayer por la tarde."]
    out = mask_frame(pd.DataFrame({"notes": notes}), {"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}},
                     table="t")
    # SQL scrub now takes nine cued digits itself, and its cue with them (SQL_SCRUB_LIMITS "cue_replaced"); before,
    # the prose pass found them and kept "tel."
    assert out["notes"].tolist() == ["No tengo este libro, [PHONE], gracias.", notes[1]]
