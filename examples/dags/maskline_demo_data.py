"""Deterministic raw data for the example DAG: customers (from maskline's demo) and support tickets.

Tickets quote their customer's email, phone and card in free text, the way
real support tickets do, so masking them needs more than column rules.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

SUBJECTS = ("Cannot log in", "Refund request", "Invoice question", "Change of address", "Card declined")
STATUSES = ("open", "pending", "solved")
AGENTS = ("Grace Hopper", "Alan Turing", "Ada Lovelace", "Edsger Dijkstra")

# Columns each raw table holds, with the DuckDB type the example creates them with.
CUSTOMER_COLUMNS = (
    ("customer_id", "INTEGER"), ("full_name", "VARCHAR"), ("email", "VARCHAR"), ("phone", "VARCHAR"),
    ("ssn", "VARCHAR"), ("credit_card", "VARCHAR"), ("date_of_birth", "DATE"), ("postal_code", "VARCHAR"),
    ("ip_address", "VARCHAR"), ("plan", "VARCHAR"), ("lifetime_value", "DOUBLE"), ("notes", "VARCHAR"),
)
TICKET_COLUMNS = (
    ("ticket_id", "INTEGER"), ("customer_id", "INTEGER"), ("customer_email", "VARCHAR"), ("subject", "VARCHAR"),
    ("body", "VARCHAR"), ("status", "VARCHAR"), ("agent_name", "VARCHAR"), ("created_at", "TIMESTAMP"),
)


def customers(n: int = 40, seed: int = 7) -> list[dict[str, Any]]:
    """Raw customers with checksum-valid PII.

    >>> len(customers(3)), sorted(customers(1)[0])[:2]
    (3, ['credit_card', 'customer_id'])
    """
    from maskline.demo.sample import sample_customers

    return sample_customers(n, seed=seed)


def tickets(people: list[dict[str, Any]], per_customer: int = 2, seed: int = 11) -> list[dict[str, Any]]:
    """Support tickets whose subject and body quote the customer's email, phone or card.

    >>> t = tickets(customers(2))
    >>> len(t), t[0]["customer_email"] == customers(2)[0]["email"]
    (4, True)
    """
    rng = random.Random(seed)
    start = datetime(2024, 3, 1, 9, 0)
    out: list[dict[str, Any]] = []
    for person in people:
        for _ in range(per_customer):
            body = rng.choice([
                f"Hi, please reach me at {person['phone']} about my account.",
                f"My card {person['credit_card']} was charged twice, refund to it please.",
                f"I changed my email, the old one was {person['email']}.",
                # No names in prose: regex scrubbing cannot find a name in free text (see the README's limits).
                f"Customer called; SSN on file {person['ssn']} verified.",
            ])
            out.append({
                "ticket_id": len(out) + 1,
                "customer_id": person["customer_id"],
                "customer_email": person["email"],
                "subject": f"{rng.choice(SUBJECTS)} ({person['email']})",
                "body": body,
                "status": rng.choice(STATUSES),
                "agent_name": rng.choice(AGENTS),
                "created_at": start + timedelta(hours=len(out) * 7),
            })
    return out


def sensitive_values(people: list[dict[str, Any]], tickets_: list[dict[str, Any]]) -> set[str]:
    """Every raw value that must not survive masking (as text), for exact-value leak checks.

    >>> "123-45-6789" in sensitive_values([], [])
    False
    """
    columns = ("full_name", "email", "phone", "ssn", "credit_card", "ip_address")
    values = {str(p[c]) for p in people for c in columns}
    values |= {str(p["date_of_birth"]) for p in people}
    values |= {t["customer_email"] for t in tickets_}
    return values
