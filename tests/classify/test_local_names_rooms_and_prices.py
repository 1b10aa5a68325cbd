"""Classes of error on clinic and hospital tables no split was made from (the ``extcsv9`` probe, issue 15).

1. A French patient table's birth dates under ``DateNaiss`` (naissance cut to ``naiss``) passed raw as dates:
   ``naissance`` was a hint, its usual cut was not (:mod:`maskline.infotypes.name_hints`).
2. Single given names (``Andi``, ``Nadia``) under ``nama_pasien`` and ``nama_petugas`` were left untyped: ``nama``
   alone is no hint (it names drugs and treatments as often), and nothing read it with the word that makes the
   name a person's (:mod:`maskline.infotypes.name_hints_seasia`).
3. A hospital's room names (``Radiologie``, ``Scanner``, ``Chirurgie``) under ``NomSalles`` were typed
   PERSON_NAME: a generic name word, and one capitalised word per value (``THING_WORDS``).
4. Prices in Rupiah (``250000``, ``370000``) of one width were typed POSTAL_CODE: the fixed-width reading did not
   ask what the lost-zero reading asks, that codes are not rounded to hundreds
   (:func:`maskline.classify.postal_shape.rounded_amounts`).

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

GIVEN = ["Budi", "Sari", "Rina", "Agus", "Dewi", "Hendra", "Yanti", "Eko", "Wulan", "Rudi", "Fitri", "Joko",
         "Ratna", "Bayu", "Indah", "Dedi", "Lestari", "Fajar", "Ayu", "Taufik"]
TREATMENTS = ["Cabut Gigi", "Tambal Gigi", "Nebulizer", "Rontgen Dada", "Suntik Vitamin", "Cek Gula Darah",
              "Jahit Luka", "Pasang Infus", "Cek Kolesterol", "Pembersihan Karang"]
ROOMS = ["Radiologie", "Cardiologie", "Urgences", "Maternite", "Pharmacie", "Neurologie", "Oncologie",
         "Dermatologie", "Pneumologie", "Rhumatologie", "Anesthesie", "Endoscopie", "Dialyse", "Echographie"]
PEOPLE = ["Claire Moreau", "Julien Girard", "Sophie Lambert", "Nicolas Fontaine", "Camille Rousseau",
          "Antoine Mercier", "Manon Chevalier", "Hugo Blanchard", "Léa Garnier", "Thomas Perrin"]


def _dates(rng: random.Random, n: int, first: int, years: int) -> list[datetime.date]:
    start = datetime.date(first, 1, 1)
    return [start + datetime.timedelta(days=rng.randrange(365 * years)) for _ in range(n)]


# 1. Birth dates under French names that cut naissance short.
def _patients(seed: int, name: str, n: int = 30) -> pd.DataFrame:
    rng = random.Random(seed)
    # Born over 18 years: short of the 20-year spread the values alone need, so only the name can say it.
    return pd.DataFrame({"NumPatient": range(1, n + 1), name: _dates(rng, n, 1975, 18),
                         "service": [rng.choice(["urgences", "pediatrie", "cardiologie"]) for _ in range(n)]})


@pytest.mark.parametrize("seed", [3, 21])
@pytest.mark.parametrize("name", ["DateNaiss", "date_naiss", "dt_naiss", "DtNaissPatient"])
def test_french_birth_dates_cut_short_are_typed_and_masked(seed: int, name: str) -> None:
    info_type, masked, evidence = decided(_patients(seed, name), name)
    assert info_type == "DATE_OF_BIRTH" and masked, evidence


@pytest.mark.parametrize("name", ["date_entree", "DateInscription", "dt_sortie"])
def test_other_french_dates_still_pass(name: str) -> None:
    # Control: admission, enrolment and discharge dates read no birth hint, on main and here.
    info_type, masked, evidence = decided(_patients(3, name), name)
    assert info_type is None and not masked, evidence


def test_naiss_alone_is_no_birth_date() -> None:
    # Control: lieu_naiss is the place of birth (a town); only naiss beside a date word is read.
    assert all(t != "DATE_OF_BIRTH" for t, *_ in hint_score("lieu_naiss")), hint_score("lieu_naiss")


# 2. Single given names under nama / tên with a person's role.
def _staff(seed: int, name: str, n: int = 40) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({"kode": [f"K{i:02d}" for i in range(1, n + 1)], name: [rng.choice(GIVEN) for _ in range(n)],
                         "shift": [rng.choice(["pagi", "siang", "malam"]) for _ in range(n)]})


@pytest.mark.parametrize("seed", [5, 12])
@pytest.mark.parametrize("name", ["nama_pasien", "nama_petugas", "NamaKaryawan", "nama_lengkap", "nama_perawat",
                                  "TenNhanVien"])
def test_given_names_under_a_persons_name_are_people(seed: int, name: str) -> None:
    info_type, masked, evidence = decided(_staff(seed, name), name)
    assert info_type == "PERSON_NAME" and masked, evidence


@pytest.mark.parametrize("name", ["nama_tindakan", "nama_layanan", "nama_ruang"])
def test_treatments_under_nama_are_not_people(name: str) -> None:
    # Control: treatments and services under nama with a thing's word stay what they were on main.
    rng = random.Random(8)
    frame = pd.DataFrame({"id": range(1, 61), name: [rng.choice(TREATMENTS) for _ in range(60)]})
    info_type, _, evidence = decided(frame, name)
    assert info_type != "PERSON_NAME", evidence


def test_user_name_in_indonesian_is_no_persons_name() -> None:
    # Control: nama pengguna is a login (user name), not a person's name.
    assert all(t != "PERSON_NAME" for t, *_ in hint_score("nama_pengguna")), hint_score("nama_pengguna")


# 3. Rooms and buildings named after their use.
@pytest.mark.parametrize("seed", [1, 30])
@pytest.mark.parametrize("name", ["NomSalles", "nom_salle", "room_name", "nombre_sala", "building_name"])
def test_room_names_are_not_people(seed: int, name: str) -> None:
    rng = random.Random(seed)
    rooms = rng.sample(ROOMS, 12)
    frame = pd.DataFrame({"NumSalle": range(1, 13), name: rooms, "etage": [rng.randint(0, 4) for _ in rooms]})
    info_type, _, evidence = decided(frame, name)
    assert info_type != "PERSON_NAME", evidence


@pytest.mark.parametrize("name", ["room_guest", "salle_responsable"])
def test_people_of_a_room_are_still_people(name: str) -> None:
    # Control: a room's word before another head names a person of the room, on main and here.
    rng = random.Random(2)
    frame = pd.DataFrame({"id": range(1, 41), name: [rng.choice(PEOPLE) for _ in range(40)]})
    info_type, masked, evidence = decided(frame, name)
    assert info_type == "PERSON_NAME" and masked, evidence


# 4. Prices of one width rounded to thousands.
@pytest.mark.parametrize("seed", [6, 19])
@pytest.mark.parametrize("name", ["jumlah_harga", "harga", "c3"])
@pytest.mark.parametrize("unit", [1000, 10000])
def test_rounded_prices_of_one_width_are_not_postal_codes(seed: int, name: str, unit: int, tmp_path: Path) -> None:
    # Through a CSV file, as maskline scan reads one: DuckDB's text forms of the numbers, one width.
    rng = random.Random(seed)
    frame = pd.DataFrame({"kd": [f"KB{i:02d}" for i in range(1, 41)],
                          name: [rng.randrange(10, 99) * unit for _ in range(40)]})
    info_type, _, evidence = decided(frame, name, tmp_path)
    assert info_type != "POSTAL_CODE", evidence


def test_postal_codes_spread_over_their_space_stay_postal_codes(tmp_path: Path) -> None:
    # Control: five-digit codes drawn over the space (few end in 00), repeated as people's places repeat.
    rng = random.Random(7)
    codes = [f"{rng.randrange(10000, 99999):05d}" for _ in range(25)]
    frame = pd.DataFrame({"id": range(1, 81), "c3": [rng.choice(codes) for _ in range(80)]})
    info_type, masked, evidence = decided(frame, "c3", tmp_path)
    assert info_type == "POSTAL_CODE" and masked, evidence
