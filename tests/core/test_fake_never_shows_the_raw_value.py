"""``fake`` never writes a fake that contains the value it replaces (``Lora`` -> ``Flora Zeller``).

The raw values are found, not chosen: every 3- to 5-letter piece of the built-in word lists whose *first* draw
contains it, under the test key. The control proves those first draws really showed the value, and that values
whose first draw does not show them keep it (the re-draw changes nothing else).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import duckdb
import pytest
from sqlglot import exp

from maskline.keys import KeyMaterial, salted_sha256_hex
from maskline.methods.fake import DRAW_OFFSETS, fake_of, kind_patterns
from maskline.methods.registry import method_spec
from maskline.methods.wordlists import FIRST_NAMES, LAST_NAMES, WORDS
from maskline.sql.compile import mask_expression
from maskline.sql.session import apply_key_setup

KINDS = ("name", "first_name", "last_name", "email", "username", "word")


def pieces() -> list[str]:
    """Every 3- to 5-letter piece of the word lists, as written and capitalised: raw values that can hide in a fake."""
    out = set()
    for word in (*FIRST_NAMES, *LAST_NAMES, *WORDS):
        for n in (3, 4, 5):
            for i in range(len(word) - n + 1):
                out |= {word[i:i + n], word[i:i + n].capitalize()}
    return sorted(out)


def first_draw(key: KeyMaterial, text: str, kind: str) -> str:
    """The fake before any re-draw: the single draw from the digest's first hex digits."""
    digest = salted_sha256_hex(key, text)
    assert DRAW_OFFSETS[0] == 1  # the first draw reads the digest's first hex digits, as before re-draws existed
    first = FIRST_NAMES[int(digest[0:4], 16) % len(FIRST_NAMES)]
    last = LAST_NAMES[int(digest[4:8], 16) % len(LAST_NAMES)]
    return {"name": f"{first} {last}", "first_name": first, "last_name": last,
            "email": f"{first}.{last}@example.com".lower(),
            "username": f"{first}_{WORDS[int(digest[8:12], 16) % len(WORDS)]}".lower(),
            "word": f"{WORDS[int(digest[0:4], 16) % len(WORDS)]}-{WORDS[int(digest[4:8], 16) % len(WORDS)]}"}[kind]


def masked(key: KeyMaterial, values: Sequence[str | None], kind: str) -> list[str | None]:
    e = mask_expression(exp.column("v"), method_spec("fake", {"kind": kind}), "duckdb", source_type="varchar")
    con = duckdb.connect()
    try:
        apply_key_setup(con, "duckdb", key)
        con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
        return [r[0] for r in con.execute(f"SELECT {e.sql('duckdb')} FROM t ORDER BY i").fetchall()]
    finally:
        con.close()


@pytest.mark.parametrize("kind", KINDS)
def test_a_fake_whose_first_draw_shows_the_value_is_drawn_again(kind: str, key: KeyMaterial) -> None:
    shown = [p for p in pieces() if p.lower() in first_draw(key, p, kind).lower()]
    assert len(shown) >= 3, "control: the word lists must give values whose first draw shows them"
    out = masked(key, shown, kind)
    pattern = re.compile(f"^{kind_patterns()[kind]}$")
    for raw, fake in zip(shown, out, strict=True):
        assert fake is not None and pattern.match(fake), (raw, fake)
        assert fake == fake_of(key, raw, kind)  # the SQL is the Python reference
        if len(raw) >= 4:  # three draws in a row can all show only a short piece (e.g. 'ana' in many names)
            assert raw.lower() not in fake.lower(), (raw, fake)


@pytest.mark.parametrize("kind", KINDS)
def test_a_fake_that_does_not_show_the_value_keeps_its_first_draw(kind: str, key: KeyMaterial) -> None:
    kept = [p for p in pieces() if p.lower() not in first_draw(key, p, kind).lower()][:200]
    assert masked(key, kept, kind) == [first_draw(key, p, kind) for p in kept]


def test_null_and_blank_values_keep_the_first_draw(key: KeyMaterial) -> None:
    # Everything contains '': a blank value is not a reason to re-draw, and NULL stays NULL.
    assert masked(key, [None, "", "   "], "name") == [None, first_draw(key, "", "name"), first_draw(key, "   ", "name")]


def test_the_same_value_and_key_give_the_same_fake(key: KeyMaterial) -> None:
    shown = [p for p in pieces() if p.lower() in first_draw(key, p, "name").lower()][:5]
    assert masked(key, shown, "name") == masked(key, shown, "name")


def test_no_fake_can_show_a_non_text_value() -> None:
    # Why non-text columns skip the re-draw: their canonical text has a digit, or is one of these words, and a fake
    # is letters and separators only, so a letters-only word would have to sit inside one list word.
    spelled = ("true", "false", "nan", "infinity")
    fixed_parts = ("example", "com")
    for word in (*FIRST_NAMES, *LAST_NAMES, *WORDS, *fixed_parts):
        assert not any(c.isdigit() for c in word)
        assert not any(s in word.lower() for s in spelled), word
    # Control: the check above would catch a list word that spells one.
    assert any(s in "Truelove".lower() for s in spelled)


def test_a_non_text_column_keeps_the_single_draw(key: KeyMaterial) -> None:
    e = mask_expression(exp.column("v"), method_spec("fake", {"kind": "name"}), "duckdb", source_type="integer")
    assert not redraws(e)  # NULL guard, then the draw itself: no re-draw CASE
    text = mask_expression(exp.column("v"), method_spec("fake", {"kind": "name"}), "duckdb", source_type="varchar")
    assert redraws(text)  # control: a text column gets the re-draw


def redraws(e: exp.Expression) -> bool:
    """Whether ``e`` holds a re-draw: a CASE branch taken when a draw (lower-cased) contains the raw value."""
    return any(isinstance(b.this, exp.GT) and b.this.find(exp.Lower) is not None for b in e.find_all(exp.If))
