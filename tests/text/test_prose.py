"""Prose detection: spans in tables, recall and precision on generated prose in seven languages, negatives."""

from __future__ import annotations

import pytest

from benchmarks.prose_corpus import LOCALES, negatives
from benchmarks.prose_recall import evaluate
from maskline.text import scrub
from maskline.text.prose import find_prose

CASES = [
    ("Anna Meier (DOB 03.04.1985) wohnt in der Hauptstraße 5.",
     [("PERSON_NAME", "Anna Meier"), ("DATE_OF_BIRTH", "03.04.1985"), ("STREET_ADDRESS", "Hauptstraße 5")]),
    ("Mme Claire Moreau, née le 12 mars 1980, habite 12, rue de la Paix.",
     [("PERSON_NAME", "Claire Moreau"), ("DATE_OF_BIRTH", "12 mars 1980"), ("STREET_ADDRESS", "12, rue de la Paix")]),
    ("Paciente nacida el 3 de marzo de 1985, Calle de Alcalá 45, NHC: 00123456.",
     [("DATE_OF_BIRTH", "3 de marzo de 1985"), ("STREET_ADDRESS", "Calle de Alcalá 45"),
      ("MEDICAL_RECORD_NUMBER", "00123456")]),
    ("Diagnosis: J45.909 and K21.9, MRN 4471923.",
     [("ICD10_CODE", "J45.909"), ("ICD10_CODE", "K21.9"), ("MEDICAL_RECORD_NUMBER", "4471923")]),
    ("Jan van der Berg woont op de Kerkstraat 12a.", [("PERSON_NAME", "Jan van der Berg"),
                                                     ("STREET_ADDRESS", "Kerkstraat 12a")]),
    ("Sent to 1234 Oak Street Apt. 5 for John Smith.", [("STREET_ADDRESS", "1234 Oak Street Apt. 5"),
                                                       ("PERSON_NAME", "John Smith")]),
    # streets that are bare names, found after an address cue
    ("Parcel left at Westerbracht 303, as asked.", [("STREET_ADDRESS", "Westerbracht 303")]),
    ("Neue Anschrift: Am Falkenberg 953.", [("STREET_ADDRESS", "Am Falkenberg 953")]),
    ("Domicilio en Sánchez Bregua, 354, planta baja.", [("STREET_ADDRESS", "Sánchez Bregua, 354")]),
    ("Delivered at 961 Saint De Provence yesterday.", [("STREET_ADDRESS", "961 Saint De Provence")]),
    ("Stored at Straße N (HOKA III) 1173 and at Engenheiro Coelho Cintra/ 920.",  # brackets, slashes
     [("STREET_ADDRESS", "Straße N (HOKA III) 1173"), ("STREET_ADDRESS", "Engenheiro Coelho Cintra/ 920")]),
    ("Stored at Siedlung Nord/Westend Ost 12 today.", [("STREET_ADDRESS", "Siedlung Nord/Westend Ost 12")]),  # joined
    ("Parcel left at Hafenbrücke (westlich) 31, as asked.", [("STREET_ADDRESS", "Hafenbrücke (westlich) 31")]),
    ("Bezorgd at 't Achterdorp 394 en at de Distele 669.",  # Dutch streets opening with an article
     [("STREET_ADDRESS", "'t Achterdorp 394"), ("STREET_ADDRESS", "de Distele 669")]),
    ("Vive at Rúa do serán, 237, desde 2010.", [("STREET_ADDRESS", "Rúa do serán, 237")]),  # lower-case name
    ("Moved to 122 Gateview 1 Heights.", [("STREET_ADDRESS", "122 Gateview 1 Heights")]),
    # a street name that ends in a number of its own (a year, a numbered path), then the house number
    ("Delivered at Siedlung Abendrot 1921 12, as asked.", [("STREET_ADDRESS", "Siedlung Abendrot 1921 12")]),
    ("Neue Anschrift: Fußweg 17 4.", [("STREET_ADDRESS", "Fußweg 17 4")]),
    # a German inflected adjective inside a cued street name; an ordinal as an English street's name
    ("Neue Anschrift: Zur grünen Wiese 4.", [("STREET_ADDRESS", "Zur grünen Wiese 4")]),
    ("Parcel left at An der kleinen Mühle 27, as asked.", [("STREET_ADDRESS", "An der kleinen Mühle 27")]),
    ("Sent to 71 West 23rd Street yesterday.", [("STREET_ADDRESS", "71 West 23rd Street")]),
    # a name label's whole field, whatever its case
    ("Contact: guille Menendez, born in Lugo.", [("PERSON_NAME", "guille Menendez")]),
]

NOT_PII = [
    "The appointment on 3 March 2024 was moved.",  # a date, no birth cue
    "Invoice dated 2023-01-05, order 4471923.",  # a date and a number, no cue
    "Take the E45 north; the A12 is closed.",  # code-like roads, no diagnosis cue
    "We walked down Main Street to Lake Geneva.",  # places, no house number
    "The Ford Focus and the Apple Watch were on sale in Paris.",  # brands and a city
    "Version 3.2 of the app ships on Friday.",
    "We met at March 12 and again at Acme 2024.",  # after the cue "at": a date, a name with a year
    "Revenue at Acme 2024 2025 doubled.",  # two years after a name: no house number, no street
    "We met at Paris last Friday 3 times.",  # a lower-case word that is no inflected adjective ends the name
    "At the 5th Avenue store we met.",  # an ordinal street with no house number
    "Sold at Acme/Globex in Q3.",  # names joined by a slash, no house number
    "We met at Acme (briefly) and left.",  # a bracketed word after a name, no house number
    "The call is at 5 PM Tuesday.",  # a time: a number with one capitalised word after it
    "Our office in Westerbracht 303 is open.",  # a name and a number with no address cue before them
    "Contact: the team will reply by mail.",  # a label, but no capitalised word after it
    "Customer: we will call back within two working days.",  # a label before a sentence, not a name
]


def test_a_bare_street_name_needs_its_cue() -> None:
    """Not trivially true: the same street with no cue before it is not taken for an address."""
    with_cue, without = "Parcel left at Westerbracht 303 today.", "Parcel Westerbracht 303 today."
    assert [f.type for f in find_prose(with_cue, ner=False)] == ["STREET_ADDRESS"]
    assert find_prose(without, ner=False) == []


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_prose_spans_are_found_where_they_are(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(f.type, text[f.start:f.end]) for f in find_prose(text, ner=False)]
    assert found == expected


@pytest.mark.parametrize("text", NOT_PII)
def test_prose_without_pii_has_no_span(text: str) -> None:
    assert find_prose(text, ner=False) == []


def test_english_ner_finds_a_name_that_no_list_holds() -> None:
    text = "Yesterday Zorblax Quintavenko called about the invoice."
    assert find_prose(text, ner=False) == []  # not trivially true: the lists do not know the name
    assert [(f.type, text[f.start:f.end]) for f in find_prose(text)] == [("PERSON_NAME", "Zorblax Quintavenko")]


def test_scrub_with_prose_masks_names_and_keeps_validated_spans() -> None:
    text = "Patient Anna Meier, mail anna@correo.es, MRN 4471923"
    # the default scrub finds no names; a record number after its cue it does (the cued span rule)
    assert scrub(text)[0] == "Patient Anna Meier, mail [EMAIL], MRN [MEDICAL_RECORD_NUMBER]"
    assert scrub(text, prose=True)[0] == "Patient [PERSON_NAME], mail [EMAIL], MRN [MEDICAL_RECORD_NUMBER]"


def test_scrub_with_prose_honours_the_allow_list() -> None:
    assert scrub("Ask Anna Meier", prose=True, allow_list=["Anna Meier"])[0] == "Ask Anna Meier"


@pytest.mark.parametrize("language", list(LOCALES))
def test_recall_and_precision_on_faker_prose(language: str) -> None:
    r = evaluate("faker", language, 12, ner=False, seed=3)
    assert r["PERSON_NAME"] >= 0.8
    assert r["STREET_ADDRESS"] >= 0.5
    for t in ("DATE_OF_BIRTH", "ICD10_CODE", "MEDICAL_RECORD_NUMBER"):
        assert r[t] >= 0.9, t
    assert r["precision"] >= 0.9


@pytest.mark.parametrize("language", list(LOCALES))
def test_recall_on_mimesis_prose_a_second_generator(language: str) -> None:
    r = evaluate("mimesis", language, 12, ner=False, seed=5)
    assert r["PERSON_NAME"] >= 0.8
    assert min(r["DATE_OF_BIRTH"], r["ICD10_CODE"], r["MEDICAL_RECORD_NUMBER"]) >= 0.9


@pytest.mark.parametrize("language", list(LOCALES))
def test_negatives_are_mostly_left_alone(language: str) -> None:
    flagged = [s.text for s in negatives(language) if find_prose(s.text, ner=False)]
    assert len(flagged) <= 1, flagged


def test_long_texts_are_scanned_to_the_end() -> None:
    text = "All fine with the order. " * 8000 + "Call Anna Meier back."
    assert len(text) > 200_000
    spans = find_prose(text, language="en")
    assert [text[f.start:f.end] for f in spans] == ["Anna Meier"]
