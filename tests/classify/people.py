"""A small table with one column per kind of data the classifier must tell apart, and its expected verdicts."""

from __future__ import annotations

import hashlib
import random
import uuid

ROWS = 400


def make_rows(seed: int = 3) -> dict[str, list]:
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    return {
        "customer_email": [fake.email() for _ in range(ROWS)],
        "telefono": [fake.phone_number() for _ in range(ROWS)],
        "full_name": [fake.name() for _ in range(ROWS)],
        "ssn": [fake.ssn() for _ in range(ROWS)],
        "attr3": [fake.credit_card_number() for _ in range(ROWS)],
        "iban": [fake.iban() for _ in range(ROWS)],
        "order_id": [f"ORD-{rng.randint(2019, 2026)}-{rng.randint(0, 999999):06d}" for _ in range(ROWS)],
        "request_id": [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(ROWS)],
        "etag": [hashlib.md5(str(i).encode()).hexdigest() for i in range(ROWS)],
        "price": [round(rng.uniform(1, 500), 2) for _ in range(ROWS)],
        "created_at": [fake.date_time_this_decade().isoformat(sep=" ") for _ in range(ROWS)],
        "vendor": [fake.company() for _ in range(ROWS)],
    }


EXPECTED = {
    "customer_email": "EMAIL", "telefono": "PHONE", "full_name": "PERSON_NAME", "ssn": "US_SSN",
    "attr3": "CREDIT_CARD", "iban": "IBAN", "order_id": None, "request_id": None, "etag": None, "price": None,
    "created_at": None, "vendor": None,
}


def sample_values(rows: dict[str, list]) -> list[str]:
    """Every distinct sensitive value of the fixture, for leak checks."""
    return [str(v) for k, vs in rows.items() if EXPECTED[k] for v in vs]
