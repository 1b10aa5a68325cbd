"""Column names in Icelandic, Hungarian, Estonian and Croatian for a postal code, and the French ``auteur`` for who
wrote a record. Iceland's codes are three digits: only the name tells them from counts. Controls: three-digit
counts under an opaque name, authors' full names, and the Scandinavian ``postnummer`` (not a hint of ours).
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score

RNG = random.Random(354)


def test_icelandic_three_digit_codes_under_postnumer_are_postal_codes() -> None:
    codes = [f"{RNG.randint(101, 902):03d}" for _ in range(300)]
    assert classify_column("póstnúmer", codes).info_type == "POSTAL_CODE"
    assert classify_column("postnumer", codes).info_type == "POSTAL_CODE"


def test_postal_names_of_four_languages_are_hints() -> None:
    for name in ("iranyitoszam", "postiindeks", "postanski_broj", "Póstnúmer"):
        assert hint_score(name)[0] == ("POSTAL_CODE", 1.0), name


def test_three_digit_counts_under_an_opaque_name_stay_unclassified() -> None:  # control
    assert classify_column("c11", [str(RNG.randint(100, 999)) for _ in range(300)]).info_type is None


def test_postnummer_is_in_no_hint_list() -> None:  # control: Danish, Norwegian and Swedish names are not ours to add
    # No hint list reads it; only the language-agnostic spelling rule (cognates.py) does, as a variant of the
    # Icelandic póstnúmer once doubled letters are single, at the cognate weight and never more.
    from unittest import mock

    from maskline.infotypes import cognates, name_hints

    name_hints._hint_score.cache_clear()
    with mock.patch.object(cognates, "variant_of", lambda w: None):
        assert hint_score("postnummer") == []
    name_hints._hint_score.cache_clear()
    assert all(score <= name_hints.COGNATE_SCORE for _, score in hint_score("postnummer"))


def test_handles_under_auteur_are_usernames() -> None:
    words = ["lumen", "orbit", "cobalt", "harbor", "pixel", "tango", "maple", "river", "quartz", "ember"]
    handles = [f"{RNG.choice(words)}_{RNG.choice(words)}" for _ in range(40)] + [None] * 260
    assert classify_column("auteur", handles).info_type == "USERNAME"


def test_authors_full_names_under_auteur_are_person_names() -> None:  # control
    names = ["Victor Hugo", "Émile Zola", "George Sand", "Albert Camus", "Marguerite Duras", "Jules Verne",
             "Simone Weil", "Gustave Flaubert", "Colette Renard", "Marcel Proust"]
    assert classify_column("auteur", [RNG.choice(names) for _ in range(200)]).info_type != "USERNAME"
