"""User agents carry dotted quads after product tokens (``Chrome/33.0.0.0``): versions, not IP addresses, so a
column of them is not free text with PII. Control: notes naming a client's address are.

Values are composed here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column

RNG = random.Random(6021)


def _agent() -> str:
    if RNG.random() < 0.2:  # Gecko's revision token
        return f"Mozilla/5.0 (Windows; U; Windows NT 6.1; rv:1.{RNG.randint(0, 9)}.0.{RNG.randint(1, 9)}) Gecko"
    chrome = RNG.choice([f"{RNG.randint(30, 120)}.0.{RNG.randint(0, 9)}.{RNG.randint(0, 9)}",
                         f"{RNG.randint(30, 120)}.0.{RNG.randint(1000, 4999)}.{RNG.randint(10, 199)}"])
    system = RNG.choice(["Windows NT 10.0; Win64; x64", "X11; Linux x86_64", "Macintosh; Intel Mac OS X 10_15_7"])
    return f"Mozilla/5.0 ({system}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Mobile Safari/537.36"


def test_user_agents_with_version_quads_are_not_pii_prose() -> None:
    assert classify_column("v02", [_agent() for _ in range(300)]).info_type is None


def test_notes_naming_client_addresses_are_pii_prose() -> None:  # control: an address in prose still counts
    notes = [f"Login failed from {RNG.randint(81, 200)}.{RNG.randint(1, 254)}.{RNG.randint(1, 254)}."
             f"{RNG.randint(1, 254)} after three attempts" if RNG.random() < 0.4 else "Session closed by the user today"
             for _ in range(300)]
    assert classify_column("notes", notes).info_type == "FREE_TEXT_WITH_PII"
