"""Given names, family names and street types from every Faker locale (``maskline/infotypes/data``).

The data files must be what their build scripts make from the installed Faker; names and streets of locales the
old hand-picked lists did not cover must now be found (each with a control showing they were not before); and
the larger lists must not turn places, words or streets named after people into people.
Values are written here by hand or drawn with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files

import pytest

from maskline.classify import classify_column
from maskline.infotypes.person_names import family_names, first_names, name_key, opens_with_known_name
from maskline.infotypes.validators import person_name, street_address

pytest.importorskip("faker")

# The nine Western locales the name list was built from before it covered every Faker locale.
OLD_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_PT", "pt_BR")


def _data_lines(name: str) -> list[str]:
    text = files("maskline.infotypes").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if not line.startswith("#")]


def _old_first_names() -> set[str]:
    import importlib

    names: set[str] = set()
    for loc in OLD_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names.update(name_key(n) for n in getattr(provider, attr, ()))
    return names


def test_the_name_files_are_what_the_build_script_makes_from_faker() -> None:
    from benchmarks.classification import build_name_list

    assert _data_lines("first_names.txt") == build_name_list.first_names()
    assert _data_lines("family_names.txt") == build_name_list.family_names()
    assert _data_lines("common_first_names.txt") == build_name_list.common_first_names()
    assert _data_lines("surnames.txt") == build_name_list.surnames()
    assert _data_lines("given_name_characters.txt") == build_name_list.given_name_characters()


def test_the_function_words_file_is_what_the_build_script_makes_from_spacy() -> None:
    pytest.importorskip("spacy")
    from benchmarks.classification import build_function_words

    assert _data_lines("function_words.txt") == build_function_words.function_words()


def test_the_street_types_file_is_what_the_build_script_makes_from_faker() -> None:
    from benchmarks.classification import build_street_types

    assert _data_lines("street_types.txt") == build_street_types.street_types()


@pytest.mark.parametrize("name", ["first_names.txt", "family_names.txt", "common_first_names.txt", "street_types.txt",
                                  "surnames.txt", "function_words.txt"])
def test_the_data_files_are_sorted_without_duplicates(name: str) -> None:
    lines = _data_lines(name)
    assert lines == sorted(set(lines)) and len(lines) > 100


@pytest.mark.parametrize("value", [
    "Олег Петров",            # ru_RU, Cyrillic
    "Γλυκερία Παπαδοπούλου",  # el_GR, Greek
    "Yurdanur Yılmaz",        # tr_TR
    "Sigríður Jónsdóttir",    # is_IS
    "สมใจ ใจดี",               # th_TH, Thai (no capitals)
    "Ilkka Virtanen",         # fi_FI
])
def test_first_names_of_newly_covered_locales_make_a_person(value: str) -> None:
    assert person_name(value)
    # the control: the first name was not in the nine-locale list, so the old rule could not have found it
    assert name_key(value.split()[0]) not in _old_first_names()


@pytest.mark.parametrize("value", ["王秀英", "김민준", "山田 太郎", "山田太郎", "Nagy László", "Иванов Иван Иванович"])
def test_family_name_first_names_are_decided_by_the_family_name(value: str) -> None:
    assert person_name(value)
    words = value.split()
    assert name_key(words[0]) not in first_names()  # the first word is no given name: the family name decides


def test_a_family_name_alone_or_with_a_word_is_not_a_person() -> None:
    assert not opens_with_known_name(["Nagy", "Widget"])  # a family name, then no given name
    assert not person_name("上海") and not person_name("北京市")  # Chinese cities: no known family name opens them
    assert not person_name("김치찌개")  # a dish: 김 is a family name, but 치찌개 is no given name (nor 2 characters)


def test_family_names_come_only_from_locales_that_write_them_first() -> None:
    names = family_names()
    assert {"王", "김", "山田", "nagy", "иванов"} <= names
    assert "smith" not in names and "muller" not in names  # en_US and de_DE put the given name first


def test_a_column_of_korean_full_names_is_people_without_a_name_hint() -> None:
    from faker import Faker

    fake = Faker("ko_KR")
    fake.seed_instance(15)
    values = [fake.name() for _ in range(200)]
    assert classify_column("c3", values).info_type == "PERSON_NAME"


def test_a_column_of_chinese_cities_is_not_people() -> None:
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(15)
    assert classify_column("c4", [fake.city_name() for _ in range(200)]).info_type != "PERSON_NAME"


def test_names_only_fakers_language_default_lists_are_left_out() -> None:
    # Faker's ``en`` provider is the long tail of US records, places and words among them; no country lists these.
    from faker.providers.person.en import Provider

    tail = {"Boston", "Florida", "King", "Sunday"}
    assert tail <= set(Provider.first_names_male) | set(Provider.first_names_female)  # the control: ``en`` has them
    assert not {name_key(n) for n in tail} & first_names()
    places = ["Boston", "Florida", "Dallas", "York", "Berlin", "London"] * 30
    assert classify_column("c2", places).info_type != "PERSON_NAME"


def test_a_street_named_after_someone_is_not_a_person() -> None:
    assert person_name("Fernando Tedesco")  # the control: the name alone is a person
    assert not person_name("Rua Fernando Tedesco") and not person_name("ulica Jana Kochanowskiego")


@pytest.mark.parametrize("value", [
    "ul. Długa 12",             # pl: prefix
    "Storgatan 5",              # sv: glued
    "Kossuth Lajos utca 12",    # hu: suffix
    "Jalan Merdeka 10",         # id: prefix
    "Nørregade 14",             # da: glued
    "Aleea Rozelor 5",          # ro: prefix
])
def test_street_types_of_every_faker_language_make_an_address(value: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert street_address(value)
    # the control: with Faker's words taken away, the hand lists alone do not find it
    from maskline.infotypes import validators

    monkeypatch.setattr(validators, "_street_words", lambda: validators._HAND_STREET_WORDS)
    monkeypatch.setattr(validators, "_glued_street_suffix", lambda: __import__("re").compile(
        r"..(?:" + "|".join(validators._HAND_GLUED_SUFFIXES) + r")$"))
    assert not street_address(value)


@pytest.mark.parametrize("value", ["Thinkpad 3", "Italia 90", "Day 5", "So 12 Items", "Windows 11"])
def test_short_endings_and_folded_words_do_not_make_an_address(value: str) -> None:
    assert not street_address(value)


def test_a_column_of_polish_addresses_is_addresses_without_a_name_hint() -> None:
    from faker import Faker

    fake = Faker("pl_PL")
    fake.seed_instance(15)
    assert classify_column("c7", [fake.street_address() for _ in range(200)]).info_type == "STREET_ADDRESS"


def test_the_lists_are_read_on_first_use_not_at_import() -> None:
    code = ("import maskline.infotypes.validators, maskline.infotypes.person_names as p, "
            "maskline.infotypes.street_types as s; "
            "print(p.first_names.cache_info().currsize, p.family_names.cache_info().currsize, "
            "s.street_types.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0", "0"]


def test_two_letter_words_and_three_capital_codes_are_not_first_names() -> None:
    # Faker lists Us (tr_TR), Vu (vi_VN), Aud (no_NO) and Mad (en_PK) as given names
    assert "aud" in first_names() and person_name("Aud")  # the control: a known name, written as a name
    assert not {"us", "vu", "el", "an"} & first_names()  # two letters cannot tell a name from a word or a code
    assert not person_name("AUD") and not person_name("MAD")  # written as codes
    codes = ["AUD", "MAD", "MYR", "USD", "EUR", "GBP", "JPY", "CHF", "US", "VU"] * 20
    assert classify_column("c9", codes).info_type != "PERSON_NAME"


def test_romanised_chinese_family_names_of_two_letters_still_open_a_name() -> None:
    assert "li" in family_names() and "li" not in first_names()
    assert person_name("Li Wei") and not person_name("Li Widget")


def test_login_handles_are_built_on_names_several_countries_give() -> None:
    from maskline.infotypes.person_names import common_first_names
    from maskline.infotypes.validators import handle_with_name

    assert handle_with_name("deborah47") and handle_with_name("maria.lopez")
    # limon is a Turkish given name and a word in several languages: in the full list, not in the common one
    assert "limon" in first_names() and "limon" not in common_first_names()  # the control
    assert not handle_with_name("limonade42")
