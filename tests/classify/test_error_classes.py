"""One test per error class of issue 15, each beside its counterpart that proves the fix is not trivially true.

Values are written here by hand (or drawn with a fixed seed); none comes from the benchmark's test split.
"""

from __future__ import annotations

import base64
import random

import pytest

from maskline.classify import classify, classify_column

RNG = random.Random(15)


def _digits(n: int) -> str:
    return "".join(RNG.choice("0123456789") for _ in range(n))


# ---------------------------------------------------------------- non-sensitive columns that were flagged

@pytest.mark.parametrize("name", ["app_version", "c7", "build"])
def test_version_strings_are_not_ip_addresses(name: str) -> None:
    versions = [f"{RNG.randint(0, 12)}.{RNG.randint(0, 40)}.{RNG.randint(0, 60)}.{RNG.randint(0, 99)}"
                for _ in range(200)] + [f"{RNG.randint(0, 9)}.{RNG.randint(0, 20)}.{RNG.randint(0, 30)}"
                                        for _ in range(100)]
    c = classify_column(name, versions)
    assert c.info_type is None
    assert any(e.startswith("refuted:ip_address (version strings") for e in c.evidence)
    # Real addresses of the same shape still are addresses.
    ips = [f"{RNG.randint(1, 223)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}" for _ in range(200)]
    assert classify_column(name, ips).info_type == "IP_ADDRESS"


STORMS = ["Katrina", "Sandy", "Harvey", "Irma", "Maria", "Andrew", "Michael", "Laura", "Ida", "Florence"]


@pytest.mark.parametrize(("name", "values"), [
    ("storm_name", STORMS * 20),
    ("hurricane", STORMS * 20),
    ("restaurant", [f"{n}'s {v}" for n in STORMS for v in ("Kitchen", "Diner", "Pizzeria", "Grill")] * 5),
    ("venue_name", [f"{v} {n}" for n in STORMS for v in ("Trattoria", "Bistro", "Cafe")] * 5),
    ("brand", ["Samsung Galaxy S21", "Apple iPhone 13", "Tesla Model 3", "Sony Bravia X90", "Dell XPS 13"] * 30),
    ("product_name", ["Victoria Ultra Lite", "Grace Pro Max", "Elena Plus", "Sofia Classic Edition"] * 40),
])
def test_brand_product_storm_and_restaurant_names_are_not_people(name: str, values: list[str]) -> None:
    assert classify_column(name, values).info_type is None


def test_a_few_repeated_words_that_are_also_first_names_are_a_category_not_people() -> None:
    colours = ["Rose", "Ruby", "Olive", "Amber", "Jade", "Violet", "Hazel"] * 40
    assert classify_column("c3", colours).info_type is None
    assert classify_column("first_name", colours).info_type == "PERSON_NAME"  # the name says people


def test_the_same_first_names_under_a_person_column_are_people() -> None:
    assert classify_column("first_name", STORMS * 20).info_type == "PERSON_NAME"
    assert classify_column("c4", [f"{n} Walker" for n in STORMS] * 20).info_type == "PERSON_NAME"


@pytest.mark.parametrize("name", ["payload", "c3", "salt", "nonce_b64"])
def test_base64_blobs_are_not_passwords(name: str) -> None:
    blobs = [base64.b64encode(RNG.randbytes(RNG.choice([12, 18, 24, 33]))).decode() for _ in range(300)]
    assert classify_column(name, blobs).info_type is None


def test_generated_passwords_are_still_passwords() -> None:
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#%^&*()"
    pw = ["".join(RNG.choice(alphabet) for _ in range(12)) + "!7aA" for _ in range(300)]
    assert classify_column("c3", pw).info_type == "PASSWORD"
    assert classify_column("pwd", pw).info_type == "PASSWORD"


def _routing() -> str:
    from stdnum.us import rtn

    body = f"{RNG.choice([1, 2, 3, 11, 21, 26, 31]):02d}" + _digits(6)
    return body + rtn.calc_check_digit(body)


@pytest.mark.parametrize("name", ["routing_number", "aba", "bank_routing", "rtn"])
def test_routing_numbers_are_not_bank_accounts(name: str) -> None:
    assert classify_column(name, [_routing() for _ in range(300)]).info_type is None


def test_account_numbers_are_still_bank_accounts_and_routing_numbers_refute_only_by_their_checksum() -> None:
    accounts = [_digits(RNG.choice([8, 10, 12])) for _ in range(300)]
    assert classify_column("account_number", accounts).info_type == "BANK_ACCOUNT"
    c = classify_column("account_number", [_routing() for _ in range(300)])
    assert c.info_type is None and any("routing numbers" in e for e in c.evidence)


def _isbn13() -> str:
    body = RNG.choice(["978", "979"]) + _digits(9)
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    v = body + str((10 - total % 10) % 10)
    return f"{v[:3]}-{v[3]}-{v[4:8]}-{v[8:12]}-{v[12]}"


def _isbn10() -> str:
    body = _digits(9)
    check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
    v = body + ("X" if check == 10 else str(check))
    return f"{v[0]}-{v[1:4]}-{v[4:9]}-{v[9]}"


@pytest.mark.parametrize("name", ["isbn", "c2", "book_code"])
def test_isbns_are_not_phone_numbers(name: str) -> None:
    assert classify_column(name, [RNG.choice([_isbn13, _isbn10])() for _ in range(300)]).info_type is None


def test_phone_numbers_of_the_same_shape_are_still_phones() -> None:
    phones = [f"+49-30-{RNG.randint(1000, 9999)}-{RNG.randint(100, 999)}" for _ in range(300)]
    assert classify_column("c2", phones).info_type == "PHONE"


@pytest.mark.parametrize(("name", "start"), [("patient_id", 1000), ("mrn_id", 1), ("patientId", 50_000)])
def test_row_ids_named_like_record_numbers_are_not_record_numbers(name: str, start: int) -> None:
    c = classify_column(name, list(range(start, start + 300)))
    assert c.info_type is None


def test_row_ids_are_recognised_in_a_sample_of_a_large_table() -> None:
    sampled = sorted(RNG.sample(range(1, 1_000_001), 2000))
    assert classify_column("patient_id", sampled, table_rows=1_000_000).info_type is None
    mrns = [int("1" + _digits(7)) for _ in range(2000)]  # random 8-digit numbers span far more than the table
    assert classify_column("patient_id", mrns, table_rows=2000).info_type == "MEDICAL_RECORD_NUMBER"


# ---------------------------------------------------------------- sensitive columns that were missed

@pytest.mark.parametrize("empty", [0.7, 0.85, 0.95])
def test_sparse_columns_are_judged_on_the_values_they_have(tmp_path, empty: float) -> None:
    import csv

    path = tmp_path / "sparse.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "c9", "notes"])
        for i in range(400):
            filled = RNG.random() >= empty
            w.writerow([i, f"user{i}@mail.example" if filled else "", "" if filled else "-"])
    verdicts = {c.name: c for c in classify(str(path)).columns}
    assert verdicts["c9"].info_type == "EMAIL"
    assert any(e.startswith("nulls:") for e in verdicts["c9"].evidence)


def test_postal_codes_stored_as_floats_are_postal_codes(tmp_path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    codes = [float(RNG.randint(1000, 99999)) for _ in range(300)]
    pq.write_table(pa.table({"zip": codes, "plz": codes}), tmp_path / "codes.parquet")
    verdicts = {c.name: c.info_type for c in classify(str(tmp_path / "codes.parquet")).columns}
    assert verdicts == {"zip": "POSTAL_CODE", "plz": "POSTAL_CODE"}
    assert classify_column("zip", pa.array(codes)).info_type == "POSTAL_CODE"
    # The same floats under a name that says nothing are amounts, not postal codes.
    assert classify_column("amount", pa.array(codes)).info_type is None


@pytest.mark.parametrize(("name", "decimals"), [("lat", 2), ("latitude", 6), ("lng", 4), ("long", 5), ("緯度", 6)])
def test_latitude_and_longitude_floats_are_coordinates(name: str, decimals: int) -> None:
    import pyarrow as pa

    values = [round(RNG.uniform(-60, 70), decimals) for _ in range(300)]
    assert classify_column(name, pa.array(values)).info_type == "GEO_COORDINATE"


def test_unnamed_floats_are_coordinates_only_when_shaped_like_them() -> None:
    import pyarrow as pa

    coords = pa.array([round(RNG.uniform(-120, 150), 6) for _ in range(300)])
    rates = pa.array([round(RNG.uniform(0, 1), 6) for _ in range(300)])
    prices = pa.array([round(RNG.uniform(1, 180), 2) for _ in range(300)])
    assert classify_column("f14", coords).info_type == "GEO_COORDINATE"
    assert classify_column("f14", rates).info_type is None
    assert classify_column("f14", prices).info_type is None


def _luhn_fail() -> str:
    from stdnum import luhn

    while True:
        v = "4" + _digits(15)
        if not luhn.is_valid(v):
            return f"{v[:4]} {v[4:8]} {v[8:12]} {v[12:]}"


@pytest.mark.parametrize("name", ["card_number", "cc_no", "cardNumber", "カード番号"])
def test_card_named_columns_failing_luhn_are_cards_at_lower_confidence(name: str) -> None:
    failing = classify_column(name, [_luhn_fail() for _ in range(300)])
    valid = classify_column(name, ["4111 1111 1111 1111", "5555 5555 5555 4444", "4012 8888 8888 1881"] * 100)
    assert failing.info_type == valid.info_type == "CREDIT_CARD"
    assert failing.confidence < valid.confidence
    assert any("luhn failed" in e for e in failing.evidence)
    # Without a card name, the same digits are a reference number.
    assert classify_column("transaction_ref", [_luhn_fail() for _ in range(300)]).info_type is None


@pytest.mark.parametrize(("name", "values", "expected"), [
    ("card", [f"ann{i}@mail.example" for i in range(300)], "EMAIL"),
    ("password", [f"ann{i}@mail.example" for i in range(300)], "EMAIL"),
    ("username", [f"+44 20 7946 {1000 + i}" for i in range(300)], "PHONE"),
])
def test_a_name_never_wins_over_values_of_a_clearly_different_kind(name: str, values: list[str],
                                                                   expected: str) -> None:
    assert classify_column(name, values).info_type == expected


HANDLES = [f"{w}{sep}{n}" for w in ("tiger", "maple", "orbit", "delta", "kim", "jlee") for sep in ("_", ".", "")
           for n in range(20)]


@pytest.mark.parametrize("name", ["created_by", "owner", "reviewer", "sender", "createdBy", "assignee", "usr"])
def test_usernames_under_actor_names_are_usernames(name: str) -> None:
    assert classify_column(name, HANDLES).info_type == "USERNAME"


@pytest.mark.parametrize("name", ["owner_group", "user_team", "assignee_role", "reviewerDept", "OWNER_TEAM"])
def test_groups_of_actors_are_not_usernames(name: str) -> None:
    # The head noun is a group (owner_group holds team names), so the actor word before it is no hint; the same
    # values under the actor word alone are usernames (the test above), which makes this one fail without the rule.
    assert classify_column(name, HANDLES).info_type != "USERNAME"
    assert not any(e.startswith("name:") for e in classify_column(name, HANDLES).evidence)


def test_actor_names_holding_emails_or_people_are_those_types() -> None:
    assert classify_column("owner", [f"ann{i}@mail.example" for i in range(300)]).info_type == "EMAIL"
    assert classify_column("reviewer", [f"{n} Walker" for n in STORMS] * 20).info_type == "PERSON_NAME"


@pytest.mark.parametrize(("name", "expected"), [
    ("med_rec_no", "MEDICAL_RECORD_NUMBER"), ("hospital_number", "MEDICAL_RECORD_NUMBER"),
    ("カルテ番号", "MEDICAL_RECORD_NUMBER"), ("nhc", "MEDICAL_RECORD_NUMBER"),
    ("ppt_no", "PASSPORT"), ("passportNr", "PASSPORT"), ("旅券番号", "PASSPORT"), ("num_pasaporte", "PASSPORT"),
])
def test_record_and_passport_numbers_under_local_or_uncommon_names(name: str, expected: str) -> None:
    values = [f"{RNG.choice('KLMNPRST')}{RNG.choice('ABCDEFG')}{_digits(7)}" for _ in range(300)]
    named, unnamed = classify_column(name, values), classify_column("c11", values)
    assert named.info_type == expected
    # Under an opaque name only the column's template speaks (classify/document_numbers.py): document numbers, at
    # a lower confidence than a name gives.
    assert unnamed.info_type == "PASSPORT" and unnamed.confidence < min(0.8, named.confidence)


@pytest.mark.parametrize("fmt", ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d", "%b %d, %Y", "%d %B %Y",
                                 "%Y-%m-%dT00:00:00Z", "%Y-%m-%d %H:%M:%S", "%m/%d/%y", "%d.%m.%y"])
def test_dates_of_birth_under_an_exact_name_are_flagged_in_any_format(fmt: str) -> None:
    from datetime import datetime, timedelta

    born = [datetime(1940, 1, 1) + timedelta(days=RNG.randint(0, 60 * 365), hours=RNG.randint(0, 23)) for _ in range(300)]
    assert classify_column("date_of_birth", [d.strftime(fmt) for d in born]).info_type == "DATE_OF_BIRTH"
    assert classify_column("dob", born).info_type == "DATE_OF_BIRTH"  # timestamps, even with a time of day
    assert classify_column("shipped_at", [d.strftime("%Y-%m-%d %H:%M:%S") for d in born]).info_type is None


def test_two_digit_years_are_dates_only_under_a_birth_name_and_versions_never_are() -> None:
    from datetime import date, timedelta

    born = [date(1940, 1, 1) + timedelta(days=RNG.randint(0, 60 * 365)) for _ in range(300)]
    short = [d.strftime("%d.%m.%y") for d in born]
    assert classify_column("dob", short).info_type == "DATE_OF_BIRTH"
    assert classify_column("c7", short).info_type != "DATE_OF_BIRTH"  # a date needs a birth name to be a birth
    versions = [f"{RNG.randint(1, 9)}.{RNG.randint(0, 9)}.{RNG.randint(0, 9)}" for _ in range(300)]
    assert classify_column("dob", versions).info_type is None  # one-digit parts: not a date, whatever the name


def _bsn() -> str:
    while True:
        body = _digits(8)
        check = sum(int(d) * (9 - i) for i, d in enumerate(body)) % 11
        if check < 10 and body[0] != "0":
            return body + str(check)


@pytest.mark.parametrize(("values", "expected"), [
    ([f"m{i}.k@mail.example" for i in range(300)], "EMAIL"),
    (["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "NL91ABNA0417164300"] * 100, "IBAN"),
    (["4111111111111111", "5555555555554444", "378282246310005"] * 100, "CREDIT_CARD"),
    ([_bsn() for _ in range(300)], "NATIONAL_ID"),  # Dutch citizen numbers (the 11-test)
    ([f"{RNG.randint(1, 223)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"
      for _ in range(300)], "IP_ADDRESS"),
])
@pytest.mark.parametrize("name", ["c1", "f14"])
def test_opaque_names_let_the_values_decide(name: str, values: list[str], expected: str) -> None:
    assert classify_column(name, values).info_type == expected


def test_nine_digit_ids_are_not_national_numbers_without_a_name() -> None:
    ids = [str(100000000 + 7919 * i) for i in range(300)]
    assert classify_column("c1", ids).info_type is None


def test_postal_codes_with_a_country_prefix_are_postal_codes() -> None:
    codes = [f"{RNG.choice(['D', 'DK', 'CH', 'F'])}-{RNG.randint(1000, 9999)}" for _ in range(300)]
    assert classify_column("postcode", codes).info_type == "POSTAL_CODE"


@pytest.mark.parametrize("name", ["郵便番号", "〒", "邮编", "우편번호", "postal"])
def test_japanese_postal_codes_under_a_cjk_name_are_postal_codes_not_phones(name: str) -> None:
    codes = [f"{RNG.randint(100, 999)}-{RNG.randint(0, 9999):04d}" for _ in range(300)]
    c = classify_column(name, codes)
    assert c.info_type == "POSTAL_CODE"
    assert classify_column("電話番号", [f"03-{RNG.randint(1000, 9999)}-{RNG.randint(1000, 9999)}"
                                        for _ in range(300)]).info_type == "PHONE"


@pytest.mark.parametrize(("name", "values", "expected"), [
    ("メールアドレス", [f"u{i}@mail.example" for i in range(300)], "EMAIL"),
    ("氏名", ["山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "김 민준", "王 伟"] * 50, "PERSON_NAME"),
    ("生年月日", ["1984/07/21", "1990/02/03", "1962/05/14", "1975/11/30"] * 75, "DATE_OF_BIRTH"),
    ("비밀번호", ["hunter2hunter", "qwerty12345", "letmein!2024", "Tr0ub4dor&3"] * 75, "PASSWORD"),
])
def test_cjk_column_names_are_hints(name: str, values: list[str], expected: str) -> None:
    assert classify_column(name, values).info_type == expected
