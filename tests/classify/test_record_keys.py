"""Keys of records under a name that mentions a sensitive type (issue 15's fail-closed decision, round extcsv22).

extcsv21 measured the public sample databases: Sakila's ``address_id`` and ``actor_id`` and AdventureWorks'
``creditcardid`` (small integers, the rows' keys) were masked as "name suggests STREET_ADDRESS / USERNAME /
CREDIT_CARD, which the values did not confirm". The number is the row's key, not the address, login or card: such a
column passes when the name is an entity word and a key suffix (the entity word alone hinting a type whose values
are a record's content) and the values are a dense run of small whole numbers or random ids. Identifiers issued by
an authority (``national_id``, ``tax_id``, ``ssn_id``, ``passport_no``, ``card_no``, ``account_no``) and key names
over values of another kind (card numbers, e-mail addresses, postal codes, sparse numbers) stay masked.

Values are drawn here (ranges, seeded draws, made-up domains); none comes from the benchmark's splits or the probe.
"""

from __future__ import annotations

import random
import uuid

import pyarrow as pa
import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy


def _decide(name: str, values: object) -> tuple[str | None, str]:
    verdict = classify_column(name, values)
    decision = decide_unnamed(load_policy({}), name, verdict)
    return (decision.method.name if decision.method else None), decision.rule


def _ids(n: int = 200, start: int = 1) -> pa.Array:
    return pa.array(list(range(start, start + n)), pa.int64())


def _foreign_key(seed: int, parents: int = 120, rows: int = 600) -> pa.Array:
    r = random.Random(seed)
    return pa.array([r.randint(1, parents) for _ in range(rows)], pa.int64())


def _luhn(body: str) -> str:
    digits = [int(c) for c in body]
    for i in range(len(digits) - 1, -1, -2):
        digits[i] = digits[i] * 2 - 9 if digits[i] * 2 > 9 else digits[i] * 2
    return body + str((10 - sum(digits) % 10) % 10)


# ---------------------------------------------------------------- passes: keys of records


@pytest.mark.parametrize("name", ["address_id", "creditcardid", "CreditCardID", "actor_id", "addressid",
                                  "credit_card_fk", "address_key", "home_address_id", "phone_id", "email_id"])
def test_a_run_of_keys_under_an_entity_key_name_passes(name: str) -> None:
    method, rule = _decide(name, _ids())
    assert method is None, rule
    assert "records, not their content" in rule


@pytest.mark.parametrize("name", ["address_id", "creditcardid", "actor_id"])
def test_a_foreign_key_repeating_its_parents_keys_passes(name: str) -> None:
    method, rule = _decide(name, _foreign_key(7))
    assert method is None, rule


def test_a_few_parents_repeated_pass() -> None:
    # Northwind's orders: a handful of shippers' or stores' keys repeated over the rows
    method, rule = _decide("address_id", pa.array([1, 2, 3] * 40, pa.int64()))
    assert method is None, rule


def test_ids_counted_from_a_start_pass() -> None:
    method, rule = _decide("address_id", _ids(300, start=10_001))
    assert method is None, rule


def test_random_ids_under_an_entity_key_name_pass() -> None:
    r = random.Random(11)
    method, rule = _decide("address_id", pa.array([str(uuid.UUID(int=r.getrandbits(128))) for _ in range(60)]))
    assert method is None, rule
    assert "identifier" in rule


def test_keys_stored_as_floats_with_nulls_pass() -> None:
    method, rule = _decide("address_id", pa.array([float(i) for i in range(1, 101)] + [None] * 5, pa.float64()))
    assert method is None, rule


# ---------------------------------------------------------------- masked: identifiers an authority issues


@pytest.mark.parametrize("name", ["national_id", "tax_id", "taxid", "ssn_id", "passport_id", "passport_no",
                                  "card_no", "account_no", "bank_account_id", "iban_id", "patient_id", "mrn",
                                  "user_id", "zip_id", "birth_id", "national_id_key"])
def test_identifiers_issued_by_an_authority_stay_masked_whatever_their_values(name: str) -> None:
    for values in (_ids(), _foreign_key(8)):
        method, rule = _decide(name, values)
        assert method is not None, (name, rule)
        assert "records, not their content" not in rule


# ---------------------------------------------------------------- masked: values of another kind win


def test_card_numbers_under_a_key_name_are_cards() -> None:
    r = random.Random(3)
    cards = [_luhn("4" + "".join(str(r.randrange(10)) for _ in range(14))) for _ in range(100)]
    for values in (pa.array(cards), pa.array([int(c) for c in cards], pa.int64())):
        method, rule = _decide("address_id", values)
        assert method is not None, rule
        assert "records, not their content" not in rule


def test_email_addresses_under_a_key_name_stay_masked() -> None:
    values = pa.array([f"member{i}.x@example{i % 7}.org" for i in range(100)])
    method, rule = _decide("address_id", values)
    assert method is not None, rule


@pytest.mark.parametrize("values", [
    pa.array([random.Random(5).randrange(1, 10**6) for _ in range(100)], pa.int64()),  # sparse: no run of keys
    pa.array([str(random.Random(6).randrange(10_000, 99_999)) for _ in range(100)]),  # postal codes as text
    pa.array([4_900_000_000 + i for i in range(100)], pa.int64()),  # ten digits: as wide as a phone, dense or not
    pa.array([-i for i in range(1, 101)], pa.int64()),  # signed numbers: quantities
    pa.array([i + 0.5 for i in range(100)], pa.float64()),  # decimals
], ids=["sparse", "postal-codes", "ten-digits", "negative", "decimals"])
def test_values_that_are_no_run_of_keys_keep_a_hinted_key_name_masked(values: pa.Array) -> None:
    method, rule = _decide("address_id", values)
    assert method is not None, rule
    assert "records, not their content" not in rule


def test_a_name_that_keys_nothing_is_not_read_as_a_key() -> None:
    # street_address over small integers: house numbers, perhaps; no key suffix, so the name's hint decides
    method, rule = _decide("street_address", _ids())
    assert method is not None, rule
