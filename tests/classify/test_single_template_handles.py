"""Login handles of one template (mimesis's ``hazard_1989``), read from their values under opaque names, and the
machine-made tokens of one template that must stay unflagged (maskline.infotypes.single_template_handles).

Values are drawn here with fixed seeds (mimesis in English, a development locale); none comes from the benchmark's
splits.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from mimesis import Person, Transport
from mimesis.locales import Locale

from maskline.classify import classify_column
from maskline.infotypes.validators import street_address

# mimesis's default mask (None: "l_d") and the other masks of one template each.
MASKS = (None, "C.d", "U-d", "l.l", "l_l_d", "Cd", "ld", "l.d", "U_d", "l-d", "l_l")


def _handles(mask: str | None, n: int = 300, seed: int = 17) -> list[str]:
    person = Person(Locale.EN, seed=seed)
    return [person.username(mask=mask) for _ in range(n)]


@pytest.mark.parametrize("mask", MASKS)
def test_handles_of_one_mimesis_template_under_an_opaque_name_are_usernames(mask: str | None) -> None:
    verdict = classify_column("c3", _handles(mask))
    assert verdict.info_type == "USERNAME"
    assert verdict.evidence[0].startswith("values:handle-vocabulary")


def test_one_template_is_a_weaker_verdict_than_a_mix_of_templates() -> None:
    rng = random.Random(5)
    mixed = [rng.choice(_handles(mask, 1, seed=i)) for i, mask in enumerate(rng.choice(MASKS) for _ in range(300))]
    one, several = classify_column("c3", _handles(None)), classify_column("c3", mixed)
    assert one.info_type == several.info_type == "USERNAME"
    assert "handle-templates" in several.evidence[0]
    assert 0.6 <= one.confidence < several.confidence


def test_a_name_saying_who_opened_or_closed_it_with_handles_is_usernames() -> None:
    for name in ("opened_by", "closed_by", "resolved_by", "handled_by"):
        verdict = classify_column(name, _handles(None, 40))  # too few values to tell by themselves
        assert verdict.info_type == "USERNAME", name
    # Control: eleven values alone cannot (from twelve, a sparse column's words and numbers can:
    # tests/classify/test_sparse_handles.py).
    assert classify_column("c3", _handles(None, 11)).info_type is None


def test_a_name_saying_who_opened_it_does_not_make_full_names_usernames() -> None:  # control
    person = Person(Locale.EN, seed=3)
    assert classify_column("opened_by", [person.full_name() for _ in range(200)]).info_type != "USERNAME"


R = random.Random(2911)
_CAMPAIGN = ("summer", "winter", "spring", "black", "cyber", "flash", "holiday", "easter", "welcome", "mega")
_NOUNS = ("sale", "deal", "promo", "offer", "drop", "week", "bundle")
_ADJECTIVES = ("admiring", "adoring", "amazing", "angry", "blissful", "bold", "brave", "clever", "cool", "cranky",
               "dreamy", "eager", "elegant", "epic", "festive", "focused", "friendly", "gifted", "goofy", "happy",
               "hopeful", "jolly", "keen", "kind", "loving", "lucid", "modest", "nifty", "peaceful", "quirky",
               "relaxed", "serene", "sharp", "stoic", "sweet", "tender", "trusting", "vibrant", "wizardly", "zen")
_SCIENTISTS = ("turing", "hopper", "lovelace", "curie", "einstein", "newton", "darwin", "tesla", "galileo", "kepler",
               "noether", "ritchie", "thompson", "torvalds", "babbage", "bohr", "dirac", "euler", "fermat", "feynman",
               "gauss", "hawking", "knuth", "lamarr", "liskov", "meitner", "mendel", "morse", "nash", "pascal",
               "pasteur", "planck", "raman", "shannon", "wiles", "wing", "wright", "yalow", "yonath", "agnesi")
_CODENAMES = ("warty", "hoary", "breezy", "dapper", "edgy", "feisty", "gutsy", "hardy", "intrepid", "jaunty",
              "karmic", "lucid", "maverick", "natty", "precise", "quantal", "raring", "saucy", "trusty", "utopic",
              "vivid", "wily", "xenial", "yakkety", "zesty", "artful", "bionic", "cosmic", "disco", "focal",
              "groovy", "hirsute", "impish", "jammy", "kinetic", "lunar", "mantic", "noble")
_CITIES = ("paris", "berlin", "lisbon", "madrid", "rome", "vienna", "prague", "dublin", "athens", "tallinn")
_ROLES = ("web", "db", "app", "cache", "api", "worker", "proxy", "queue", "search", "mail")


def _model_year() -> str:
    return f"{Transport(seed=R.randint(0, 10**6)).car().split()[-1]}_{R.randint(1995, 2025)}"


LOOKALIKES: dict[str, Callable[[], str]] = {
    "slug": lambda: f"{R.choice(_CAMPAIGN)}-{R.choice(_NOUNS)}-{R.randint(2015, 2026)}",
    "run name": lambda: f"run_{R.randint(1, 9999):04d}",
    "experiment": lambda: f"experiment_{R.randint(1, 5000)}",
    "docker name": lambda: f"{R.choice(_ADJECTIVES)}_{R.choice(_SCIENTISTS)}",
    "codename and year": lambda: f"{R.choice(_CODENAMES)}_{R.randint(2004, 2026)}",
    "codename and year, three spellings": lambda: R.choice(
        [f"{R.choice(_CODENAMES)}_{R.randint(2004, 2026)}", f"{R.choice(_CODENAMES).capitalize()}-{R.randint(2004, 2026)}",
         f"{R.choice(_CODENAMES)}{R.randint(2004, 2026)}"]),
    "file stem": lambda: R.choice([f"IMG_{R.randint(1, 9999):04d}", f"report_{R.randint(2015, 2026)}",
                                   f"invoice_{R.randint(1, 99999)}"]),
    "product code": lambda: f"ACME-{R.randint(1000, 9999)}",
    "ticket key": lambda: f"{R.choice(['PROJ', 'CORE', 'WEB', 'DATA'])}-{R.randint(1, 9999)}",
    "host name": lambda: R.choice([f"{R.choice(_ROLES)}{R.randint(1, 99):02d}",
                                   f"{R.choice(_ROLES)}-{R.choice(['prod', 'dev'])}-{R.randint(1, 40)}"]),
    "tag": lambda: f"v{R.randint(1, 12)}_{R.randint(2015, 2026)}",
    "batch id": lambda: f"batch_{R.randint(1, 9999)}",
    "city and year": lambda: f"{R.choice(_CITIES)}_{R.randint(2000, 2026)}",
    "car model and year": _model_year,
}


@pytest.mark.parametrize("kind", sorted(LOOKALIKES))
def test_machine_made_tokens_of_one_template_are_not_usernames(kind: str) -> None:  # controls
    values = [LOOKALIKES[kind]() for _ in range(300)]
    for name in ("c3", "label"):
        assert classify_column(name, values).info_type is None, (kind, name)


def test_codenames_with_years_in_three_spellings_are_not_handles_of_three_templates() -> None:
    # Three templates were enough for the mixed-template rule; forty words repeated are a pool, not handles.
    from maskline.infotypes.handles import handle_fit

    values = sorted({LOOKALIKES["codename and year, three spellings"]() for _ in range(300)})
    assert handle_fit(values, [1] * len(values)) is None


def test_a_snake_case_run_name_is_not_a_street_address() -> None:
    assert not street_address("run_0042")  # "Run" is a street word ("Deer Run 12")
    assert street_address("12 Deer Run")  # control


def test_a_dictionary_word_with_a_number_from_a_few_hundred_words_is_not_enough() -> None:  # control
    # Words from a pool of 120 repeat too often to be a vocabulary, however varied the numbers.
    words = [f"{a}{b}" for a in ("red", "blue", "green", "gold", "silver", "stone") for b in
             ("fox", "owl", "elk", "bear", "wolf", "hawk", "lynx", "crow", "deer", "hare",
              "moth", "wren", "toad", "seal", "crab", "swan", "mole", "newt", "orca", "puma")]
    values = [f"{R.choice(words)}_{R.randint(1800, 2100)}" for _ in range(300)]
    assert classify_column("c3", values).info_type is None


def test_handles_differing_only_in_separators_from_a_vocabulary_stay_usernames() -> None:  # control
    # The codename refutation asks for a small pool too: mimesis's words in l_d, l.d, l-d and ld are handles.
    rng = random.Random(8)
    person = Person(Locale.EN, seed=29)
    values = [person.username(mask=rng.choice(["l_d", "l.d", "l-d", "ld"])) for _ in range(300)]
    assert classify_column("c3", values).info_type == "USERNAME"
