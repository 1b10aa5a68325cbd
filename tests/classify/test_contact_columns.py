"""Phone numbers under the name word ``contact`` (the ``extcsv13`` probe of insurance, e-commerce and marketplace
tables, issue 15).

An insurer's staff, offices, service garages and member organisations kept their phone numbers under
``Staff_Contact``, ``Contact_Information``, ``Vehicle_Service_Contact`` and ``Organisation_Contact``, as ten-digit
integers. ``contact`` was no hint, and ten digits opening with 6 to 9 are valid in a permissive plan (India's
mobiles), which values alone never decide: three columns were masked untyped and the fourth, one organisation's
number on every row, was passed raw as a number. ``contact`` now reads PHONE as a whole word
(:data:`maskline.infotypes.name_hints.CONTACT_WORDS`), and the values may refute it
(:mod:`maskline.infotypes.phone_writing`): a contact is also a person, an e-mail address, a channel or a date, and
values of those kinds win over the name.

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pandas as pd
import pytest

from maskline.infotypes.name_hints import hint_score
from tests.classify.decided_column import decided

_GIVEN = ("Asha", "Rohan", "Meera", "Tomas", "Ines", "Pieter", "Chiara", "Joao", "Lucia", "Marc", "Elena", "Ravi")
_FAMILY = ("Kulkarni", "Verma", "Dubois", "Janssen", "Rossi", "Silva", "Garcia", "Moreau", "Bakker", "Costa")


def _mobiles(rng: random.Random, n: int) -> list[int]:
    """Ten digits opening with 6 to 9, the rest drawn: valid in a permissive plan, as an insurer's staff wrote them."""
    return [int(rng.choice("6789") + "".join(rng.choice("0123456789") for _ in range(9))) for _ in range(n)]


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("name", ["Staff_Contact", "contact", "office_contact", "contacto", "contato_cliente"])
def test_phones_under_a_contact_name_are_phones(seed: int, name: str, tmp_path: Path) -> None:
    rng = random.Random(seed)
    frame = pd.DataFrame({"staff_id": range(51501, 51531), name: _mobiles(rng, 30)})
    info_type, masked, evidence = decided(frame, name, tmp_path)
    assert info_type == "PHONE" and masked, evidence


def test_one_contact_number_on_every_row_is_not_passed_raw(tmp_path: Path) -> None:
    # An organisation's one number repeated on each member's row: the name says what it is, and it is masked.
    frame = pd.DataFrame({"membership_id": range(51301, 51321), "Organisation_Contact": [9820345117] * 20})
    _, masked, evidence = decided(frame, "Organisation_Contact", tmp_path)
    assert masked, evidence


@pytest.mark.parametrize("seed", [3, 11])
def test_the_same_digits_under_an_opaque_name_are_not_phones(seed: int, tmp_path: Path) -> None:
    # Control: with no name, digits valid in a permissive plan stay undecided (as on main); the word decides.
    rng = random.Random(seed)
    frame = pd.DataFrame({"staff_id": range(51501, 51531), "c7": _mobiles(rng, 30)})
    info_type, _, evidence = decided(frame, "c7", tmp_path)
    assert info_type != "PHONE", evidence


def test_people_under_contact_are_not_phones() -> None:
    rng = random.Random(5)
    frame = pd.DataFrame({"contact": [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(30)]})
    info_type, masked, evidence = decided(frame, "contact")
    assert info_type != "PHONE" and masked, evidence


def test_emails_under_contact_are_emails() -> None:
    rng = random.Random(6)
    frame = pd.DataFrame({"primary_contact": [f"{rng.choice(_GIVEN).lower()}.{rng.choice(_FAMILY).lower()}"
                                              f"{rng.randint(1, 99)}@example.org" for _ in range(30)]})
    info_type, masked, evidence = decided(frame, "primary_contact")
    assert info_type == "EMAIL" and masked, evidence


def test_dates_under_last_contact_are_not_phones() -> None:
    rng = random.Random(7)
    start = datetime.date(2019, 1, 1)
    frame = pd.DataFrame({"last_contact": [(start + datetime.timedelta(days=rng.randrange(1500))).isoformat()
                                           for _ in range(30)]})
    info_type, _, evidence = decided(frame, "last_contact")
    assert info_type != "PHONE", evidence


@pytest.mark.parametrize("name", ["contact_id", "contact_type", "contact_method", "contact_date", "contacts",
                                  "contacted_at", "contract_no"])
def test_a_contacts_key_kind_or_date_reads_no_phone(name: str) -> None:
    assert "PHONE" not in dict(hint_score(name)), hint_score(name)


@pytest.mark.parametrize("name, kind", [("contact_name", "PERSON_NAME"), ("contact_person", "PERSON_NAME"),
                                        ("contact_email", "EMAIL"), ("contact_number", "PHONE")])
def test_longer_contact_hints_read_as_before(name: str, kind: str) -> None:
    # Control: the hints that held "contact" already read first, on main and here.
    assert hint_score(name)[0][0] == kind, hint_score(name)


def test_how_phones_are_written() -> None:
    from maskline.infotypes.phone_writing import not_written_as_phones, written_as_phone

    assert all(map(written_as_phone, ["+44 20 7946 0018", "0114 2345345", "(402) 311-7855 x07159", "9820345117"]))
    assert not any(map(written_as_phone, ["2021-03-04", "1234567.50", "Tier 2", "call back", "123456"]))
    assert not_written_as_phones(["9820345117", "Front desk"]) is None  # one stray value never refutes
