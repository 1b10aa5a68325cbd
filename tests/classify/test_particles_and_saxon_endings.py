"""Family names that the lexicons lack, told by what Dutch and Persian spelling already marks as family names:

- the Dutch particles "te" and "tho" ("te Meken", "tho Boomfeldt"), as "ter" and "van" were;
- the Dutch Saxon and Frisian patronymic endings -ink, -inck and -inga (Amelink, Goorkinck, Tjallinga);
- a zero-width non-joiner inside a Persian family name (امین + ZWNJ + زاده, "Aminzadeh"), which is spelling, not punctuation.

Controls: Dutch and Frisian towns, English words, and Persian words without a family-name ending stay what they
were. Values are composed here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.surname_endings import reads_as_family_name
from maskline.infotypes.validators import person_name_shape

# Syllables of made-up Dutch-looking words: no given or family name of the lexicons, no family-name ending.
ONSETS = ("Br", "Gr", "Kl", "Sm", "Wr", "Bl", "Dr", "Fl", "Kr", "Tr", "Sn", "Sp", "Zw", "Wl")
VOWELS = ("ee", "oo", "ui", "ij", "au", "ou", "ie", "a", "e", "o")
CODAS = ("mt", "lp", "rk", "mp", "rt", "lk", "ft", "st")


def _stem(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) + rng.choice(("e", "el", "ert", "o"))


def _saxon_column(rng: random.Random, share: float) -> list[str]:
    """Single family names: ``share`` of them with a Saxon ending, some after "te" or "tho", the rest unknown."""
    out = []
    for _ in range(300):
        if rng.random() < share:
            name = _stem(rng)[:-1] + rng.choice(("ink", "inck", "inga"))
            out.append(name if rng.random() < 0.7 else f"{rng.choice(('te', 'tho'))} {name}")
        else:
            out.append(_stem(rng))
    return out


def test_saxon_endings_and_particles_read_as_family_names() -> None:
    assert reads_as_family_name("Amelink") and reads_as_family_name("Goorkinck")
    assert reads_as_family_name("Tjallinga") and reads_as_family_name("te Meken")
    assert reads_as_family_name("tho Boomfeldt") and person_name_shape("te Meken")


def test_single_saxon_family_names_under_an_opaque_name_are_names() -> None:
    # Under a third of the values carry the ending or the particle: before, nothing here was a known name.
    verdict = classify_column("q1", _saxon_column(random.Random(15), 0.32))
    assert verdict.info_type == "PERSON_NAME"
    assert any("single-word-names" in e for e in verdict.evidence)


def test_made_up_words_without_the_ending_are_not_names() -> None:  # control: the stems alone
    assert classify_column("q1", _saxon_column(random.Random(15), 0.0)).info_type is None


def test_dutch_towns_and_english_words_are_not_names() -> None:  # controls
    towns = ("Groningen", "Harlingen", "Dokkum", "Sneek", "Leeuwarden", "Enschede", "Hengelo", "Almelo", "Oldenzaal",
             "Winterswijk", "Doetinchem", "Zutphen", "Deventer", "Vlissingen", "Wageningen", "Lochem", "Borculo",
             "Eibergen", "Neede", "Haaksbergen", "Tubbergen", "Ootmarsum", "Rijssen", "Hellendoorn", "Raalte")
    words = ("Drink", "Shrink", "Rethink", "Hoodwink", "Wink", "Pink", "Ink", "Link", "Sink", "Think", "Blink",
             "Brink", "Clink", "Slink", "Stink", "Mink", "Kink", "Rink", "Zinc", "Chink", "Plink", "Twink")
    assert [t for t in towns if reads_as_family_name(t)] == ["Rijssen"]  # the older -sen, as Jansen
    rng = random.Random(16)
    for pool in (towns, words):
        assert classify_column("c6", [rng.choice(pool) for _ in range(300)]).info_type is None, pool[0]
    # "brink" (a village green, an English word) ends places and words, not the patronymic -ink: with it, a
    # column of German-looking words and a third of given names read as family names (test_single_word_names).
    assert not reads_as_family_name("Ackerbrink") and not reads_as_family_name("Lage Brink")
    # A particle needs a capitalised name after it: "te" alone, or before a lower-case word, is no name.
    assert not person_name_shape("te amo") and not reads_as_family_name("te")


def test_persian_family_names_joined_by_a_non_joiner_are_name_shaped() -> None:
    assert person_name_shape("امین\u200cزاده") and reads_as_family_name("امین\u200cزاده")
    assert person_name_shape("مهدی\u200cپور") and reads_as_family_name("مهدی\u200cپور")
    # Controls: a non-joiner at the edge of a word is no spelling of a name, and Latin words do not carry one.
    assert not person_name_shape("\u200cزاده") and not person_name_shape("زاده\u200c")
    assert not person_name_shape("Ame\u200clink")
    assert not reads_as_family_name("کتاب\u200cخانه")  # "library": joined, but no family-name ending
