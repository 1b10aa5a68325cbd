"""Column names in Cyrillic, Greek and Arabic script (and their Latin transliterations) carry name evidence.

Before, name words kept only a-z, digits and CJK, so ``телефон`` folded to nothing and no hint could match it.
Values are made here with a fixed seed; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score, name_words, names_a_thing


def _top(column: str) -> str | None:
    scores = hint_score(column)
    return scores[0][0] if scores else None


def test_name_words_keep_cyrillic_greek_and_persian_letters() -> None:
    assert name_words("Номер_Телефона") == ("номер", "телефона")
    assert name_words("τηλέφωνο") == ("τηλεφωνο",)  # Greek accents are combining marks: folded away
    assert name_words("ΔΙΑΒΑΤΗΡΙΟ_2") == ("διαβατηριο", "2")
    assert name_words("شماره_تلفن") == ("شماره", "تلفن")
    assert name_words("ім'я") == name_words("імʼя") == ("імя",)  # the Ukrainian apostrophe is part of the word


def test_arabic_and_persian_spellings_of_yeh_and_kaf_fold_alike() -> None:
    assert name_words("کد_ملی") == name_words("كد_ملي") == ("کد", "ملی")


@pytest.mark.parametrize(("column", "info_type"), [
    ("телефон", "PHONE"), ("номер_телефона", "PHONE"), ("Фамилия", "PERSON_NAME"), ("прізвище", "PERSON_NAME"),
    ("электронная_почта", "EMAIL"), ("паспорт", "PASSPORT"), ("дата_рождения", "DATE_OF_BIRTH"),
    ("почтовый_индекс", "POSTAL_CODE"), ("адрес", "STREET_ADDRESS"), ("снилс", "NATIONAL_ID"),
    ("номер_рахунку", "BANK_ACCOUNT"), ("имя_пользователя", "USERNAME"), ("пароль", "PASSWORD"),
    ("айпи_адрес", "IP_ADDRESS"), ("сайт", "URL"), ("номер_медицинской_карты", "MEDICAL_RECORD_NUMBER"),
    ("τηλέφωνο", "PHONE"), ("διαβατήριο", "PASSPORT"), ("επώνυμο", "PERSON_NAME"), ("ΑΦΜ", "NATIONAL_ID"),
    ("ημερομηνία_γέννησης", "DATE_OF_BIRTH"), ("όνομα_χρήστη", "USERNAME"),
    ("شماره_تلفن", "PHONE"), ("نام_خانوادگی", "PERSON_NAME"), ("کد_ملی", "NATIONAL_ID"), ("کد_پستی", "POSTAL_CODE"),
    ("گذرنامه", "PASSPORT"), ("رقم_الهاتف", "PHONE"), ("البريد_الإلكتروني", "EMAIL"), ("كلمة_المرور", "PASSWORD"),
])
def test_hints_match_in_each_script(column: str, info_type: str) -> None:
    assert _top(column) == info_type


@pytest.mark.parametrize(("column", "info_type"), [
    ("familiya", "PERSON_NAME"), ("imya", "PERSON_NAME"), ("pochta", "EMAIL"), ("schet", "BANK_ACCOUNT"),
    ("mobilnyi", "PHONE"), ("data_rozhdeniya", "DATE_OF_BIRTH"), ("diavatirio", "PASSPORT"),
    ("tilefono", "PHONE"), ("eponymo", "PERSON_NAME"),
])
def test_transliterated_hints_match(column: str, info_type: str) -> None:
    assert _top(column) == info_type


def test_an_unrelated_cyrillic_word_is_read_but_hints_nothing() -> None:  # control
    assert name_words("склад") == ("склад",)
    assert hint_score("склад") == []


def test_cyrillic_abbreviations_take_no_part_in_latin_skeletons() -> None:  # control: skeletons stay Latin-only
    assert name_words("тлф") == ("тлф",)
    assert hint_score("тлф") == []


def test_word_only_transliterations_do_not_match_inside_longer_words() -> None:  # control
    assert _top("schet") == "BANK_ACCOUNT"
    assert hint_score("raschet") == []  # a calculation
    assert _top("parol") == "PASSWORD"
    assert hint_score("parole") == []


def test_negating_words_in_cyrillic_drop_the_hint() -> None:
    assert _top("телефоны") == "PHONE"
    assert hint_score("количество_телефонов") == []
    assert _top("email") == "EMAIL"
    assert hint_score("статус_email") == []


def test_name_of_a_thing_or_a_user_is_not_a_person() -> None:
    assert _top("имя") == "PERSON_NAME"
    assert hint_score("имя_файла") == []  # a file's name
    assert _top("имя_пользователя") == "USERNAME"
    assert _top("نام") == "PERSON_NAME"
    assert hint_score("نام_شرکت") == []  # a company's name
    assert names_a_thing("название_товара") and names_a_thing("όνομα_προϊόντος")
    assert not names_a_thing("имя_клиента")


def _russian_mobiles(seed: int = 11, rows: int = 200) -> list[str]:
    rng = random.Random(seed)
    return ["9" + "".join(rng.choice("0123456789") for _ in range(9)) for _ in range(rows)]


def test_a_russian_phone_column_is_decided_by_its_name() -> None:
    verdict = classify_column("телефон", _russian_mobiles())
    assert verdict.info_type == "PHONE"
    assert "name:phone (1.00)" in verdict.evidence
    assert verdict.confidence >= 0.9
    # The name decided: the same digits under an opaque name are no phones.
    assert classify_column("c7", _russian_mobiles()).info_type is None


def test_the_same_digits_under_an_unrelated_cyrillic_name_are_not_phones() -> None:  # control
    assert classify_column("склад", _russian_mobiles()).info_type is None


def test_ambiguous_words_hint_only_in_their_unambiguous_forms() -> None:  # control
    # индекс alone is as often a row index or a rate (индекс массы тела); PIB is the GDP in Romance languages.
    assert _top("почтовый_индекс") == "POSTAL_CODE"
    assert hint_score("индекс") == []
    assert classify_column("индекс", [str(i) for i in range(300)]).info_type is None
    assert _top("піб") == "PERSON_NAME"
    assert hint_score("pib") == []
