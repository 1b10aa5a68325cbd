"""Positive evidence of safety: a column passes when every value proves a kind that cannot carry an identity.

Each kind has a test that fails without it (the column was masked before) and a control: the sensitive column
of the nearest shape, which must still be masked.
"""

from __future__ import annotations

import json
import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed, proven_kind
from maskline.classify.result import Classification, ColumnClassification
from maskline.classify.safe_kinds import SafeKind, event_epochs, money_amounts, safe_kind
from maskline.classify.shape import ValueShape
from maskline.classify.signals import NearMiss, Signals
from maskline.classify.stored import SCHEMA_PATH, load_scan, save_scan
from maskline.classify.values import as_column_values
from maskline.policy import load_policy

POLICY = load_policy({"version": 1})
DAY = 86_400


def _passes(name: str, values: list) -> bool:
    return decide_unnamed(POLICY, name, classify_column(name, values)).method is None


def _amounts(rng: random.Random, n: int = 200) -> list[str]:
    return [f"{rng.randint(1, 4000)}.{rng.randint(0, 99):02d}" + rng.choice(["", " €", " Ft", " kr"]) for _ in range(n)]


def _epochs_ms(rng: random.Random, n: int = 200) -> list[int]:
    """Events over nine recent years, at any time of day, in milliseconds (some rows in seconds)."""
    out = []
    for _ in range(n):
        t = 1_480_000_000 + rng.randint(0, 9 * 365 * DAY)
        out.append(t if rng.random() < 0.3 else t * 1000 + rng.randint(0, 999))
    return out


# --- money amounts -------------------------------------------------------------------------------------------

def test_amounts_written_with_currencies_pass_as_money() -> None:
    values = _amounts(random.Random(1))
    assert safe_kind(as_column_values(values)) is SafeKind.MONEY_AMOUNTS
    assert _passes("fld_k", values)


@pytest.mark.parametrize("values", [
    [str(random.Random(2).randint(10000, 99999)) for _ in range(200)],  # postal codes as integers
    [int("1" + "".join(random.Random(i).choice("0123456789") for _ in range(9))) for i in range(200)],  # phones
    [f"{random.Random(i).randint(10**9, 10**10 - 1)}" for i in range(200)],  # account numbers
    [f"{random.Random(i).uniform(-90, 90):.2f}" for i in range(200)],  # coordinates rounded to cents' width
    [f"{random.Random(i).randint(0, 9)}.{random.Random(i + 1).randint(0, 30)}.{i % 50}" for i in range(200)],  # versions
    ["0" + str(random.Random(i).randint(100, 999)) + ".50" for i in range(200)],  # leading zeros: codes
], ids=["postal-integers", "phone-integers", "account-numbers", "coordinates", "versions", "leading-zeros"])
def test_codes_and_coordinates_are_not_money(values: list) -> None:
    assert safe_kind(as_column_values(values)) is not SafeKind.MONEY_AMOUNTS


def test_one_value_that_is_not_an_amount_refuses_the_whole_column() -> None:
    values = _amounts(random.Random(3)) + ["call Ana 0176 1234567"]
    assert not money_amounts(sorted(set(values)))


def test_a_sparse_column_decides_on_its_values_and_needs_enough_of_them() -> None:
    few = _amounts(random.Random(4), 12) + [None] * 300
    enough = _amounts(random.Random(4), 40) + [None] * 300
    assert safe_kind(as_column_values(few)) is None
    assert safe_kind(as_column_values(enough)) is SafeKind.MONEY_AMOUNTS


# --- event epochs ----------------------------------------------------------------------------------------------

def test_unix_times_of_events_pass_as_event_epochs() -> None:
    values = _epochs_ms(random.Random(5))
    assert safe_kind(as_column_values(values)) is SafeKind.EVENT_EPOCHS
    assert _passes("c8", values)


def test_microsecond_epochs_pass_though_they_have_a_card_number_length() -> None:
    rng = random.Random(6)
    values = [(1_480_000_000 + rng.randint(0, 9 * 365 * DAY)) * 10**6 + rng.randint(0, 10**6 - 1) for _ in range(200)]
    assert _passes("x13", values)


def test_dates_of_birth_stored_as_epochs_are_not_events() -> None:
    rng = random.Random(7)
    adults = [rng.randint(-20 * 365, 30 * 365) * DAY * 1000 for _ in range(200)]  # 1950-2000, at midnight
    children = [rng.randint(31 * 365, 50 * 365) * DAY * 1000 - 3_600_000 for _ in range(200)]  # local midnight
    for values in (adults, children):
        assert safe_kind(as_column_values(values)) is None
        assert not _passes("c9", values)


def test_ten_digit_phone_numbers_as_integers_are_not_epoch_seconds() -> None:
    """German mobile numbers without their 0 (151..., 170...) fall in the window of recent epoch seconds."""
    rng = random.Random(8)
    phones = [int(rng.choice(["151", "160", "170", "176"]) + "".join(rng.choice("0123456789") for _ in range(7)))
              for _ in range(200)]
    assert not event_epochs([str(p) for p in set(phones)])
    assert not _passes("x3", phones)


def test_card_numbers_are_not_microsecond_epochs() -> None:
    rng = random.Random(9)
    cards = [int(rng.choice("45") + "".join(rng.choice("0123456789") for _ in range(15))) for _ in range(200)]
    assert safe_kind(as_column_values(cards)) is None


# --- book numbers ----------------------------------------------------------------------------------------------

def _isbn13(rng: random.Random) -> str:
    body = rng.choice(["978", "979"]) + "".join(rng.choice("0123456789") for _ in range(9))
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def _nhs(rng: random.Random) -> str:
    """A UK NHS number: nine digits, then 11 - (weights 10..2) mod 11 (never 10); the same check as ISBN-10."""
    while True:
        body = "".join(rng.choice("0123456789") for _ in range(9))
        check = 11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11
        if check != 10:
            return body + str(check % 11)


def test_isbns_pass_as_book_numbers_even_under_a_name_saying_code() -> None:
    rng = random.Random(11)
    values = [_isbn13(rng) for _ in range(150)] + ["0-306-40615-2", "978-3-16-148410-0"] * 5
    assert safe_kind(as_column_values(values)) is SafeKind.BOOK_NUMBERS
    assert _passes("book_code", values)


def test_nhs_numbers_are_not_isbn_10s_though_they_share_its_check_digit() -> None:
    rng = random.Random(12)
    bare = [_nhs(rng) for _ in range(200)]
    spaced = [f"{n[:3]} {n[3:6]} {n[6:]}" for n in bare]
    dashed = [f"{n[:3]}-{n[3:6]}-{n[6:]}" for n in bare]
    for values in (bare, spaced, dashed):
        assert safe_kind(as_column_values(values)) is None
        assert not _passes("c5", values)


def test_thirteen_digits_outside_the_book_range_are_not_book_numbers() -> None:
    rng = random.Random(13)
    other = [str(rng.randint(10**12, 9 * 10**12)) for _ in range(200)]
    assert safe_kind(as_column_values(other)) is None


# --- what outweighs a proven kind in the decision ----------------------------------------------------------------

def _verdict(name: str, kind: SafeKind, *misses: NearMiss) -> ColumnClassification:
    return ColumnClassification(name, None, 0.75, None, shape=ValueShape("numeric", ("card-length number",)),
                                signals=Signals(near_misses=misses, safe_kind=kind))


def test_a_name_that_suggests_birth_or_a_phone_outweighs_the_kind() -> None:
    assert proven_kind("event_ts", _verdict("event_ts", SafeKind.EVENT_EPOCHS)) == "proven kind: event epochs"
    for name in ("birth_ts", "dob_epoch", "phone"):
        assert decide_unnamed(POLICY, name, _verdict(name, SafeKind.EVENT_EPOCHS)).method is not None
    assert decide_unnamed(POLICY, "zip", _verdict("zip", SafeKind.MONEY_AMOUNTS)).method is not None
    # Checked book numbers are proven not to be postal codes or PINs, so only a name hinting a type outweighs them.
    assert decide_unnamed(POLICY, "book_code", _verdict("book_code", SafeKind.BOOK_NUMBERS)).method is None
    assert decide_unnamed(POLICY, "passport_no", _verdict("passport_no", SafeKind.BOOK_NUMBERS)).method is not None


def test_a_guess_below_min_confidence_outweighs_the_kind() -> None:
    guessed = _verdict("c1", SafeKind.EVENT_EPOCHS, NearMiss("PHONE", 0.5))
    assert decide_unnamed(POLICY, "c1", guessed).method is not None


def test_check_digits_at_chance_do_not_outweigh_event_times_but_any_near_miss_outweighs_amounts() -> None:
    chance = NearMiss("NATIONAL_ID", 0.2, weak=True, detector="checksum-digits")
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.EVENT_EPOCHS, chance)).method is None
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.MONEY_AMOUNTS, chance)).method is not None
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.BOOK_NUMBERS, chance)).method is None
    names = NearMiss("PERSON_NAME", 0.2, weak=True, detector="first-name-dictionary")
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.EVENT_EPOCHS, names)).method is not None


def test_an_info_type_wins_over_the_kind() -> None:
    typed = ColumnClassification("c1", "PHONE", 0.9, "identifier", signals=Signals(safe_kind=SafeKind.EVENT_EPOCHS))
    assert decide_unnamed(POLICY, "c1", typed).info_type == "PHONE"


def test_the_kind_is_recorded_only_for_a_column_without_an_info_type() -> None:
    # The decision reads the kind only when no info type was found, so a typed column is spared its test: event
    # times under a phone's name are PHONE, with no kind. The control: the same values under a plain name keep it.
    epochs = _epochs_ms(random.Random(10))
    typed = classify_column("phone", epochs)
    assert typed.info_type == "PHONE" and typed.signals.safe_kind is None
    assert decide_unnamed(POLICY, "phone", typed).info_type == "PHONE"
    untyped = classify_column("c8", epochs)
    assert untyped.info_type is None and untyped.signals.safe_kind is SafeKind.EVENT_EPOCHS


# --- the stored scan -------------------------------------------------------------------------------------------

def test_a_stored_scan_keeps_the_kind_and_one_stored_without_it_is_decided_as_before(tmp_path) -> None:
    verdict = classify_column("c8", _epochs_ms(random.Random(10)))
    path = save_scan(tmp_path / "policy.scan.json", "t", Classification((verdict,)), POLICY)
    back = load_scan(path, POLICY).tables["t"].columns[0]
    assert back.signals.safe_kind is SafeKind.EVENT_EPOCHS
    assert decide_unnamed(POLICY, "c8", back) == decide_unnamed(POLICY, "c8", verdict)
    assert decide_unnamed(POLICY, "c8", back).method is None
    data = json.loads(path.read_text())
    del data["tables"]["t"]["columns"][0]["signals"]["safe_kind"]
    path.write_text(json.dumps(data))
    old = load_scan(path, POLICY).tables["t"].columns[0]
    assert old.signals.safe_kind is None
    assert decide_unnamed(POLICY, "c8", old).method is not None  # masked, as before kinds were recorded


def test_the_schema_lists_exactly_the_safe_kinds() -> None:
    schema = json.loads(SCHEMA_PATH.read_text())
    listed = schema["$defs"]["column"]["properties"]["signals"]["properties"]["safe_kind"]["enum"]
    assert set(listed) == {k.value for k in SafeKind} | {None}


# --- versions ---------------------------------------------------------------------------------------------------

def _versions(rng: random.Random, n: int = 200) -> list[str]:
    """Release numbers of three or four parts, as tune's and dev's version columns hold them."""
    return [".".join(str(rng.randint(0, 20)) for _ in range(rng.choice([3, 4]))) for _ in range(n)]


def _ipv4(rng: random.Random, n: int = 200) -> list[str]:
    return [".".join(str(rng.randint(1, 254)) for _ in range(4)) for _ in range(n)]


def test_version_strings_pass_as_versions_though_their_four_part_values_look_like_addresses() -> None:
    values = _versions(random.Random(21))
    assert safe_kind(as_column_values(values)) is SafeKind.VERSIONS
    assert _passes("f8", values)
    assert _passes("app_version", [f"{v}-rc.1" if i % 7 == 0 else v for i, v in enumerate(values)])


def test_a_weak_ipv4_guess_does_not_outweigh_versions_but_does_outweigh_other_kinds() -> None:
    ipv4 = NearMiss("IP_ADDRESS", 0.5, weak=True, detector="ipv4")
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.VERSIONS, ipv4)).method is None
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.EVENT_EPOCHS, ipv4)).method is not None
    strong = NearMiss("IP_ADDRESS", 0.5, detector="ipv4")
    assert decide_unnamed(POLICY, "c1", _verdict("c1", SafeKind.VERSIONS, strong)).method is not None


@pytest.mark.parametrize("values", [
    _ipv4(random.Random(22)),  # IPv4 addresses
    [f"10.0.{random.Random(i).randint(0, 3)}.{random.Random(i + 1).randint(1, 254)}" for i in range(200)],  # private
    _ipv4(random.Random(23), 120) + _versions(random.Random(24), 80),  # addresses mixed with versions
    [f"756.{random.Random(i).randint(1000, 9999)}.{random.Random(i + 1).randint(1000, 9999)}.{10 + i % 89}"
     for i in range(200)],  # Swiss AHV numbers
    [f"{random.Random(i).randint(100, 999)}.{random.Random(i + 1).randint(100, 999)}."
     f"{random.Random(i + 2).randint(100, 999)}" for i in range(200)],  # record numbers in dotted groups
    [f"{random.Random(i).randint(200, 999)}.{random.Random(i + 1).randint(200, 999)}."
     f"{random.Random(i + 2).randint(1000, 9999)}" for i in range(200)],  # dotted US phone numbers
    [f"{random.Random(i).randint(1, 28)}.{random.Random(i + 1).randint(1, 12)}.{random.Random(i + 2).randint(1940, 2005)}"
     for i in range(200)],  # dates of birth written with dots
], ids=["ipv4", "private-ipv4", "ipv4-with-versions", "ahv", "dotted-record-numbers", "dotted-phones",
        "dotted-birth-dates"])
def test_addresses_dotted_numbers_and_dates_are_not_versions(values: list[str]) -> None:
    assert safe_kind(as_column_values(values)) is not SafeKind.VERSIONS
    assert not _passes("c7", values)


def test_decimals_are_not_versions() -> None:
    """Two-part values read as versions only beside longer ones; alone they are numbers or coordinates."""
    decimals = [f"{random.Random(i).randint(1, 99)}.{random.Random(i + 1).randint(0, 99)}" for i in range(200)]
    assert safe_kind(as_column_values(decimals)) is not SafeKind.VERSIONS


def test_a_version_with_free_build_metadata_refuses_the_whole_column() -> None:
    values = _versions(random.Random(25)) + ["1.2.3+ana.silva"]
    assert safe_kind(as_column_values(values)) is None


# --- routing numbers and product numbers --------------------------------------------------------------------------

def _with_check(body: str, weights: tuple[int, ...]) -> str:
    """``body`` and the digit that makes its weighted sum (weights repeated from the left) a multiple of ten."""
    total = sum(int(c) * weights[i % len(weights)] for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _routing(rng: random.Random) -> str:
    return _with_check(f"{rng.choice([1, 2, 3, 6, 11, 21, 26, 31, 61, 67]):02d}" + f"{rng.randint(0, 999999):06d}",
                       (3, 7, 1))


def _gtin13(rng: random.Random, prefix: str) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(12 - len(prefix)))
    return _with_check(body, (1, 3))


def test_aba_routing_numbers_pass_as_routing_numbers() -> None:
    rng = random.Random(31)
    values = [_routing(rng) for _ in range(200)]
    assert safe_kind(as_column_values(values)) is SafeKind.ROUTING_NUMBERS
    assert _passes("c4", values)


def test_nine_digit_personal_numbers_are_not_routing_numbers() -> None:
    """Social security numbers carry no check: a column of them does not pass ABA's on every row."""
    rng = random.Random(32)
    ssns = [f"{rng.randint(1, 665):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}" for _ in range(200)]
    assert safe_kind(as_column_values(ssns)) is None
    assert not _passes("c4", ssns)
    # A prefix the Federal Reserve never assigns refuses the column even when every check digit is right.
    wrong_prefix = [_with_check(f"{rng.randint(40, 59)}{rng.randint(0, 999999):06d}", (3, 7, 1)) for _ in range(200)]
    assert safe_kind(as_column_values(wrong_prefix)) is None


def test_gtin_13_product_numbers_pass_as_product_numbers() -> None:
    rng = random.Random(33)
    values = [_gtin13(rng, rng.choice(["400", "590", "800", "300", "87"])) for _ in range(200)]
    assert safe_kind(as_column_values(values)) is SafeKind.PRODUCT_NUMBERS
    assert _passes("c6", values)


def test_in_store_numbers_and_national_numbers_are_not_product_numbers() -> None:
    rng = random.Random(34)
    in_store = [_gtin13(rng, "2" + str(rng.randint(0, 9))) for _ in range(200)]  # loyalty cards, weighed goods
    assert safe_kind(as_column_values(in_store)) is None
    # Romanian CNPs: a sex digit, a birth date, a county and a check of their own (weights 279146358279, mod 11).
    cnps = []
    for _ in range(200):
        body = f"{rng.choice('1256')}{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" \
               f"{rng.randint(1, 46):02d}{rng.randint(1, 999):03d}"
        check = sum(int(c) * int(w) for c, w in zip(body, "279146358279", strict=True)) % 11
        cnps.append(body + str(1 if check == 10 else check))
    assert safe_kind(as_column_values(cnps)) is None
    assert not _passes("c6", cnps)
