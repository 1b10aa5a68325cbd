"""A sparse notes column that mentions a few different e-mail addresses or phone numbers inside its sentences is
FREE_TEXT_WITH_PII: validated spans are tested against their own, far lower noise rate than names found in prose.

Values are written here by hand or drawn with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column

LATIN = ["veniam", "quod", "totam", "quaerat", "quibusdam", "sapiente", "aliquam", "tempora", "laborum", "dicta",
         "officia", "nulla", "vero", "minima", "eius", "porro"]


def _sentence(rng: random.Random, mention: str = "") -> str:
    words = [rng.choice(LATIN) for _ in range(rng.randint(6, 10))]
    if mention:
        words.insert(rng.randint(2, len(words) - 2), mention)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _sparse_notes(mentions: list[str], seed: int = 4) -> list[str | None]:
    """300 rows, 40 of them notes, the first ``len(mentions)`` of those with one mention inside a sentence."""
    rng = random.Random(seed)
    notes = [_sentence(rng, m) for m in mentions] + [_sentence(rng) for _ in range(40 - len(mentions))]
    return notes + [None] * 260


def test_sparse_notes_with_four_different_addresses_inside_sentences_are_free_text_with_pii() -> None:
    notes = _sparse_notes(["anna.meier@example.org", "(j.smith@example.net)", "lucab@example.com,",
                           "m.santos@example.org"])
    c = classify_column("f5", notes)
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_sparse_notes_with_four_different_phone_numbers_inside_sentences_are_free_text_with_pii() -> None:
    notes = _sparse_notes(["+44 20 7946 0381", "+33 1 42 68 53 00", "+49 30 901820", "+44 20 7946 0752"])
    c = classify_column("c7", notes)
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_one_support_address_repeated_in_sparse_notes_is_not_free_text_with_pii() -> None:
    notes = _sparse_notes(["support@shop.example"] * 4)
    assert classify_column("f5", notes).info_type != "FREE_TEXT_WITH_PII"


def test_two_addresses_in_sparse_notes_are_too_few_to_decide() -> None:
    notes = _sparse_notes(["anna.meier@example.org", "j.smith@example.net"])
    assert classify_column("f5", notes).info_type != "FREE_TEXT_WITH_PII"


def test_sparse_notes_without_any_mention_stay_untyped() -> None:
    assert classify_column("f5", _sparse_notes([])).info_type is None


def test_sparse_reviews_with_order_numbers_amounts_and_dates_stay_untyped() -> None:
    rng = random.Random(9)
    reviews = [f"{_sentence(rng)} Ordered {rng.randint(1, 9)} items for {rng.uniform(5, 900):.2f} EUR on "
               f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}, order {rng.randint(10**7, 10**8 - 1)}, "
               f"ticket #{rng.randint(1000, 99999)}." for _ in range(40)]
    assert classify_column("f5", reviews + [None] * 260).info_type is None
