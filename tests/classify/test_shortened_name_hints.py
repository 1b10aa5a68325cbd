"""Column names with words cut short otherwise than by dropping vowels (``natl_id``, ``diag_cd``, ``uname``), hints
read inside a longer hint of another type (``id_card_no``, ``ip_addr``), and the ambiguous word ``pass``.

Each behaviour has controls showing it is not trivially true: look-alikes (``natl_avg``, ``diag_count``,
``card_type``, ``pass_rate``, ``bypass``, ``tone``, ``loan``) stay without a hint, and values of another kind still
decide. Values are drawn here with a fixed seed; none comes from a benchmark split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.abbreviations import SHORTENED_SCORE, shortens
from maskline.infotypes.name_hints import hint_score
from maskline.infotypes.shape_checks import document_template

RNG = random.Random(2026)


def _first(name: str) -> str | None:
    hints = hint_score(name)
    return hints[0][0] if hints else None


@pytest.mark.parametrize(("name", "info_type"), [
    ("natl_id", "NATIONAL_ID"), ("natlId", "NATIONAL_ID"), ("nat_id", "NATIONAL_ID"),
    ("uname", "USERNAME"), ("surnm", "PERSON_NAME"), ("pwdHash", "PASSWORD"), ("diag_cd", "ICD10_CODE"),
    ("diag", "ICD10_CODE"), ("benef_acc", "BANK_ACCOUNT"), ("payout_acc", "BANK_ACCOUNT"),
    ("api_tok", "API_KEY"), ("pport_no", "PASSPORT"), ("postcd", "POSTAL_CODE"),
])
def test_words_cut_short_read_as_their_hint_below_a_written_out_one(name: str, info_type: str) -> None:
    hints = dict(hint_score(name))
    assert max(hints, key=lambda t: hints[t]) == info_type
    assert hints[info_type] < 0.9  # values still decide against a reading from a cut word


@pytest.mark.parametrize("name", [
    "natl_avg", "natl_rank", "diag_count", "diag_type", "acct_type", "card_type", "id_card_type", "uname_len",
    "bypass", "compass", "passage", "tone", "loan", "mile", "part", "user", "nation", "diagram", "benefit",
    "payout", "settlement", "tx_id", "pos_cd", "str_len", "username_changed_at", "pass_rate", "pass_pct",
])
def test_look_alikes_of_cut_words_get_no_hint(name: str) -> None:
    assert hint_score(name) == []


def test_contractions_keep_an_opening_then_consonants_to_the_end() -> None:
    assert shortens("natl", "national") and shortens("acct", "account") and shortens("pwd", "password")
    # Vowels after the opening make a word of its own (tone is no telephone, loan no location).
    assert not shortens("tone", "telephone") and not shortens("loan", "location")
    # The last letter must stay: no contraction of a long compound takes any short word.
    assert not shortens("surnm", "sozialversicherungsnummer")


def test_foreign_hint_words_are_not_read_cut_short() -> None:
    # "breitengrad" (German latitude) would contract to any b...d word; only English hint words are cut.
    assert hint_score("bird") == [] and hint_score("brd") == []


def test_a_hint_inside_a_longer_hint_of_another_type_yields_to_it() -> None:
    assert [t for t, _ in hint_score("id_card_no")] == ["NATIONAL_ID"]
    assert [t for t, _ in hint_score("ip_addr")] == ["IP_ADDRESS"]
    assert _first("emailAddr") == "EMAIL" and "STREET_ADDRESS" not in dict(hint_score("emailAddr"))
    # Control: a card name with no identity word stays a card, and a street address stays one.
    assert _first("card_no") == "CREDIT_CARD" and _first("home_addr") == "STREET_ADDRESS"


def test_a_longer_hint_adding_only_a_number_word_leaves_both_readings() -> None:
    # "cc number" (Portugal's citizen card) adds only a number word to "cc": both types stay, the values decide.
    hints = dict(hint_score("cc_number"))
    assert "CREDIT_CARD" in hints and "NATIONAL_ID" in hints


def test_a_numbered_pass_is_a_document_not_a_secret() -> None:
    for name in ("passNum", "pass_id", "pass_number", "pass_no"):
        assert "PASSWORD" not in dict(hint_score(name)), name
        assert "PASSPORT" in dict(hint_score(name)), name
    # Control: a bare "pass" hints both, and a written-out password name stays a password.
    assert {"PASSWORD", "PASSPORT"} <= set(dict(hint_score("pass")))
    assert _first("password") == "PASSWORD" and _first("pwd") == "PASSWORD"


def _passport() -> str:
    return RNG.choice("CFGHJK") + "".join(RNG.choice("0123456789") for _ in range(8))


def _password() -> str:
    return "".join(RNG.choice("abcdefghijkmnpqrstuvwxyzABCDEFGH23456789!#%") for _ in range(RNG.randint(8, 14)))


def test_a_pass_column_of_one_document_template_is_passports() -> None:
    result = classify_column("pass", [_passport() for _ in range(80)])
    assert result.info_type == "PASSPORT"
    assert any(e.startswith("refuted:password (one template") for e in result.evidence)


def test_a_pass_column_of_chosen_passwords_stays_passwords() -> None:
    assert classify_column("pass", [_password() for _ in range(80)]).info_type == "PASSWORD"


def test_one_default_password_repeated_is_not_a_document_series() -> None:
    assert document_template(["Welcome1"] * 20 + ["Spring24"] * 5, 25) is None
    assert document_template([_passport() for _ in range(30)], 30) is not None
    assert document_template([str(RNG.randint(1000, 9999)) for _ in range(30)], 30) is None  # PINs: digits only


def test_values_of_another_kind_still_decide_over_a_cut_word() -> None:
    mails = [f"user{RNG.randint(1, 9999)}@example.org" for _ in range(60)]
    assert classify_column("natl_id", mails).info_type == "EMAIL"
    assert SHORTENED_SCORE < 0.75


def test_common_names_do_not_load_the_english_dictionary() -> None:
    """The cut-short reading consults the English dictionary (a third of a second to load) only for a name with
    a word of a cut-short form; a scan of ordinary columns must not pay for it. In a fresh process, so that no
    other test has loaded it already; ``uname`` is the control that does load it."""
    import subprocess
    import sys

    probe = (
        "from maskline.infotypes import english_words as ew\n"
        "from maskline.infotypes.name_hints import hint_score\n"
        "for n in {names!r}: hint_score(n)\n"
        "print(ew.english_words.cache_info().currsize)\n"
    )
    ordinary = ["customer_id", "email", "full_name", "phone", "ssn", "card_number", "iban", "ip_address",
                "birth_date", "city", "amount", "notes", "created_at", "status", "user_id", "updated_by"]
    loads = [subprocess.run([sys.executable, "-c", probe.format(names=names)], capture_output=True, text=True,
                            check=True).stdout.strip() for names in (ordinary, ["uname"])]
    assert loads == ["0", "1"]
