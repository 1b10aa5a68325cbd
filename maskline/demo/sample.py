"""Deterministic sample customers with realistic (checksum-valid) PII, for demos and tests.

Built with the standard library so the demo needs no data files and no Faker.

>>> rows = sample_customers(3, seed=7)
>>> sorted(rows[0])[:4]
['credit_card', 'customer_id', 'date_of_birth', 'email']
>>> sample_customers(3, seed=7) == rows
True
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from maskline.methods.wordlists import WORDS

# Disjoint from the `fake` method's word lists, so a fake can never equal a sample's real value.
FIRST_NAMES = ("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
               "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Karen", "Charles", "Nancy",
               "Christopher", "Margaret", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
               "Günther", "Amélie", "José", "Søren", "Chiara", "Joaquín", "Maëlle", "Björn")
LAST_NAMES = ("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
              "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee",
              "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Lewis", "Robinson", "Walker", "Young",
              "Müller", "Dubois", "Rossi", "Van Dijk", "Silva", "Kowalski", "Fernández", "Nieminen")

DOMAINS = ("example.com", "mail.test", "corp.example", "post.example.org")
PLANS = ("free", "pro", "team", "enterprise")


def luhn_complete(digits: str) -> str:
    """Append the Luhn check digit.

    >>> luhn_complete("411111111111111")
    '4111111111111111'
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def _ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _phone(rng: random.Random) -> str:
    return f"+1 {rng.randint(201, 989)} 555 {rng.randint(0, 9999):04d}"


def sample_customers(n: int, seed: int = 42) -> list[dict[str, Any]]:
    """``n`` customers with name, email, phone, SSN, card, birth date, postal code, IP and notes.

    >>> rows = sample_customers(2)
    >>> rows == sample_customers(2), rows[0]["customer_id"], rows[0]["email"]
    (True, 1, 'linda.johnson95@corp.example')
    """
    rng = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
        phone = _phone(rng)
        notes = rng.choice([
            f"Customer asked to be called back on {phone}.",
            f"Send the invoice to {email} please.",
            f"Prefers {rng.choice(WORDS)} theme; no further contact.",
            "Renewed the plan without issues.",
        ])
        out.append({
            "customer_id": i,
            "full_name": f"{first} {last}",
            "email": email,
            "phone": phone,
            "ssn": _ssn(rng),
            "credit_card": luhn_complete("4" + "".join(str(rng.randint(0, 9)) for _ in range(14))),
            "date_of_birth": date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 50)),
            "postal_code": f"{rng.randint(10000, 99999)}",
            "ip_address": f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            "plan": rng.choice(PLANS),
            "lifetime_value": round(rng.uniform(0, 5000), 2),
            "notes": notes,
        })
    return out
