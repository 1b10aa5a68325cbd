"""Values mixing two writing systems name things, not people (maskline.infotypes.shape_checks.mixed_writing_systems).

Labels that put a Latin word beside words of the local script (``Pro سفید``, ``Max مشکی``) passed a ``name``
column's name-shape check and were read as people. A person's name is written in one system (Han and kana count
as one). Controls: Persian and Russian full names, the Russian ones with a few stray Latin tokens, stay
PERSON_NAME.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from faker import Faker

from maskline.classify import classify_column
from maskline.infotypes.shape_checks import mixed_writing_systems

_LATIN = ["Pro", "Max", "Mini", "Ultra", "Lite", "Plus", "Classic", "Sport", "Deep", "Royal"]
_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


def _local_word(rng: random.Random) -> str:
    return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 6)))


def _faker(locale: str, seed: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def test_labels_mixing_latin_and_arabic_script_under_name_are_not_people() -> None:
    rng = random.Random(21)
    values: list[str | None] = [
        (f"{rng.choice(_LATIN)} {_local_word(rng)}" if rng.random() < 0.5 else _local_word(rng))
        if rng.random() < 0.15 else None for _ in range(300)]
    verdict = classify_column("name", values, table_rows=300)
    assert verdict.info_type is None
    assert any("mixed writing systems" in e for e in verdict.evidence)


def test_persian_full_names_stay_people() -> None:  # control: one writing system
    fake = _faker("fa_IR", 22)
    assert classify_column("name", [fake.name() for _ in range(200)]).info_type == "PERSON_NAME"


def test_names_with_a_few_stray_latin_tokens_stay_people() -> None:  # control: 5% mixed, under the share
    fake, rng = _faker("ru_RU", 23), random.Random(23)
    values = [fake.name() + (" None" if rng.random() < 0.05 else "") for _ in range(200)]
    assert classify_column("full_name", values).info_type == "PERSON_NAME"


def test_han_and_kana_are_one_writing_system() -> None:  # control: characters, not names
    han, kana = "\u5c71\u7530\u4e2d\u5927\u5c0f", "\u306f\u306a\u30bf\u30ed\u30a6"
    assert mixed_writing_systems([f"{h} {k}" for h, k in zip(han, kana, strict=True)]) is None
    assert mixed_writing_systems([f"{h} Pro" for h in han]) is not None
