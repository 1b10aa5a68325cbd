"""Classes of error on South-East Asian clinic, civil-register and payroll tables no split was made from (the
``extcsv12`` probe, issue 15).

1. Calendar dates typed PHONE: an Indonesian discharge date under ``tanggal_keluar`` (``keluar``, out, read as a
   variant of Spanish ``celular``), its ISO dates accepted as bare phone digits
   (:func:`maskline.infotypes.validators.phone_digits`). Values of a clearly different kind win over the name.
2. Indonesian words spelled close to a hint of another language (``keluar``, ``merek``: a brand, read as
   ``medrec``; ``kontrak``: a contract) read as that hint (``SEASIA_PLAIN_WORDS``).
3. The Philippines' statutory numbers (SSS, GSIS, PhilHealth, Pag-IBIG, HDMF) under their agencies' names were
   untyped (``sss`` read as the US SSN); Malaysia's ``ic_no`` too (:mod:`maskline.infotypes.name_hints_seasia`).
   A Pag-IBIG number written with and without separators shared no one template
   (:mod:`maskline.classify.named_templates`).
4. Malaysian MyKad numbers under ``pat_ic`` (``ic`` alone is no hint) were left to the fail-closed default: now read
   by their birth date and birthplace code (:mod:`maskline.infotypes.malaysian_ids`).
5. Indonesian birth dates under ``tgl_kelahiran``, postal codes under ``kode_pos``, contact numbers under
   ``nomor_kontak_darurat`` and a Thai hospital number (HN) under ``hn`` were passed raw or left untyped.

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits.
"""

from __future__ import annotations

import datetime
import random

import pandas as pd
import pytest

from maskline.infotypes.name_hints import hint_score
from tests.classify.decided_column import decided


def _dates(rng: random.Random, n: int, first: int, years: int) -> list[str]:
    start = datetime.date(first, 1, 1)
    return [(start + datetime.timedelta(days=rng.randrange(365 * years))).isoformat() for _ in range(n)]


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(k))


# 1. and 2. Calendar dates under a name a phone hint reads.
@pytest.mark.parametrize("seed", [4, 17])
@pytest.mark.parametrize("name", ["tanggal_keluar", "mobile_activated_on", "tgl_keluar"])
def test_calendar_dates_are_no_phones(seed: int, name: str) -> None:
    rng = random.Random(seed)
    frame = pd.DataFrame({"id": range(1, 41), name: _dates(rng, 40, 2018, 5)})
    info_type, _, evidence = decided(frame, name)
    assert info_type != "PHONE", evidence


def test_phones_under_a_phone_name_still_phones() -> None:
    # Control: Indonesian mobiles under a phone name stay PHONE and masked, on main and here.
    rng = random.Random(8)
    frame = pd.DataFrame({"no_telp": ["08" + rng.choice("1257") + _digits(rng, 8) for _ in range(30)]})
    info_type, masked, evidence = decided(frame, "no_telp")
    assert info_type == "PHONE" and masked, evidence


@pytest.mark.parametrize("name, wrong", [("tanggal_keluar", "PHONE"), ("jam_keluar", "PHONE"),
                                         ("merek", "MEDICAL_RECORD_NUMBER"), ("nomor_kontrak", "PHONE")])
def test_indonesian_words_are_not_variants_of_hints(name: str, wrong: str) -> None:
    assert wrong not in dict(hint_score(name)), hint_score(name)


@pytest.mark.parametrize("name, kind", [("celular", "PHONE"), ("medrec", "MEDICAL_RECORD_NUMBER")])
def test_the_hints_they_resembled_still_read(name: str, kind: str) -> None:
    # Control: the hint words themselves are read as before.
    assert kind in dict(hint_score(name)), hint_score(name)


# 3. The Philippines' statutory numbers and Malaysia's identity card under their names.
def _philippine(rng: random.Random, name: str) -> str:
    if name.lower().startswith("sss"):
        return f"{_digits(rng, 2)}-{_digits(rng, 7)}-{_digits(rng, 1)}"
    if "phil" in name.lower():
        return f"{_digits(rng, 2)}-{_digits(rng, 9)}-{_digits(rng, 1)}"
    # Pag-IBIG / HDMF member ids: twelve digits, written with or without the dash before the last two.
    body = _digits(rng, 12)
    return body if rng.random() < 0.4 else f"{body[:10]}-{body[10:]}"


def _masked_as_national_id(name: str, values: list[str], key: str, keys: list[str]) -> None:
    """The column ``name`` of ``values``, beside its table's key column, is decided NATIONAL_ID and masked."""
    info_type, masked, evidence = decided(pd.DataFrame({key: keys, name: values}), name)
    assert info_type == "NATIONAL_ID" and masked, evidence


@pytest.mark.parametrize("seed", [2, 30])
@pytest.mark.parametrize("name", ["SSS_NO", "sss_number", "philhealth_no", "PAG_IBIG", "hdmf_no"])
def test_philippine_statutory_numbers_are_national_ids(seed: int, name: str) -> None:
    rng = random.Random(seed)
    _masked_as_national_id(name, [_philippine(rng, name) for _ in range(30)],
                           "emp_id", [f"88-{i:04d}" for i in range(30)])


def test_digits_in_one_written_template_are_not_needed_for_dates() -> None:
    # Control: dates written with and without separators under a national-id name are no template of a number.
    rng = random.Random(6)
    values = [d if rng.random() < 0.5 else d.replace("-", "") for d in _dates(rng, 30, 1960, 40)]
    info_type, _, evidence = decided(pd.DataFrame({"tin": values}), "tin")
    assert info_type != "NATIONAL_ID", evidence


@pytest.mark.parametrize("name", ["ic_no", "no_ic", "mykad", "no_kp"])
def test_malaysian_identity_card_names_read(name: str) -> None:
    assert dict(hint_score(name)).get("NATIONAL_ID", 0.0) >= 0.9, hint_score(name)


@pytest.mark.parametrize("name", ["pic_no", "mic_no", "topic_no"])
def test_ic_inside_other_words_reads_nothing(name: str) -> None:
    # Control: a person in charge's, a microphone's or a topic's number is no identity card.
    assert "NATIONAL_ID" not in dict(hint_score(name)), hint_score(name)


# 4. MyKad numbers by their values.
_STATES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"]


def _mykad(rng: random.Random, dashed: bool) -> str:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 55))
    number = born.strftime("%y%m%d") + rng.choice(_STATES) + _digits(rng, 4)
    return f"{number[:6]}-{number[6:8]}-{number[8:]}" if dashed else number


@pytest.mark.parametrize("seed", [1, 44])
@pytest.mark.parametrize("dashed", [False, True])
@pytest.mark.parametrize("name", ["pat_ic", "c7"])
def test_mykad_numbers_are_national_ids_by_their_values(seed: int, dashed: bool, name: str) -> None:
    rng = random.Random(seed)
    _masked_as_national_id(name, [_mykad(rng, dashed) for _ in range(30)],
                           "pat_id", [f"PA{10000 + i}" for i in range(30)])


def test_random_twelve_digit_numbers_are_not_mykad() -> None:
    # Control: drawn twelve-digit references (order numbers) pass MyKad's date and place 1 time in 32.
    rng = random.Random(9)
    frame = pd.DataFrame({"ref_no": [rng.choice("123456789") + _digits(rng, 11) for _ in range(40)]})
    info_type, _, evidence = decided(frame, "ref_no")
    assert info_type != "NATIONAL_ID", evidence


def test_mykad_check_agrees_with_python_stdnum() -> None:
    from stdnum.my import nric

    from maskline.infotypes.malaysian_ids import mykad

    rng = random.Random(12)
    samples = [_digits(rng, 12) for _ in range(3000)] + [_mykad(rng, rng.random() < 0.5) for _ in range(300)]
    assert [mykad(v) for v in samples] == [nric.is_valid(v) for v in samples]


# 5. Indonesian and Thai names of birth dates, postal codes, contact numbers and hospital numbers.
def test_birth_register_dates_are_birth_dates() -> None:
    rng = random.Random(21)
    frame = pd.DataFrame({"id_kelahiran": range(1, 31), "tgl_kelahiran": _dates(rng, 30, 2015, 3)})
    info_type, masked, evidence = decided(frame, "tgl_kelahiran")
    assert info_type == "DATE_OF_BIRTH" and masked, evidence


def test_tempat_kelahiran_is_no_birth_date() -> None:
    # Control: the place of birth names a town.
    assert "DATE_OF_BIRTH" not in dict(hint_score("tempat_kelahiran")), hint_score("tempat_kelahiran")


def test_one_village_postal_code_under_kode_pos_is_masked() -> None:
    rng = random.Random(13)
    frame = pd.DataFrame({"id_keluarga": range(1, 31),
                          "kode_pos_keluarga": [rng.choice(["15132", "15132", "15132", "45515"]) for _ in range(30)]})
    info_type, masked, evidence = decided(frame, "kode_pos_keluarga")
    assert info_type == "POSTAL_CODE" and masked, evidence


def test_contact_numbers_stored_as_integers_are_phones() -> None:
    rng = random.Random(27)
    frame = pd.DataFrame({"id_pasien": range(1, 41),
                          "nomor_kontak_darurat": [int("8" + rng.choice("1259") + _digits(rng, 6)) for _ in range(40)]})
    info_type, masked, evidence = decided(frame, "nomor_kontak_darurat")
    assert info_type == "PHONE" and masked, evidence


def test_contact_name_is_no_phone() -> None:
    # Control: nama_kontak_darurat is the emergency contact's name; nomor_kontrak a contract's number.
    assert "PHONE" not in dict(hint_score("nama_kontak_darurat")) | dict(hint_score("nomor_kontrak"))


def test_thai_hospital_numbers_under_hn_are_medical_record_numbers() -> None:
    rng = random.Random(31)
    first = rng.randrange(100000, 400000)
    frame = pd.DataFrame({"user_id": range(1, 26),
                          "hn": [f"SD-{first + rng.randrange(1, 9) * i}" for i in range(1, 26)]})
    info_type, masked, evidence = decided(frame, "hn")
    assert info_type == "MEDICAL_RECORD_NUMBER" and masked, evidence
