"""Classes of error on records of people in Indonesian and Vietnamese tables (the ``extcsv6`` probe, issue 15).

1. Birth dates under ``tgl_lahir``, ``tanggal_lahir`` (Indonesian) and ``Ngay_sinh`` (Vietnamese) passed raw as
   dates: nothing in the name was read (:mod:`maskline.infotypes.name_hints_seasia`).
2. Addresses written as a few street labels under ``alamat`` / ``dia_chi`` passed raw as categories.
3. Phones under ``SĐT`` (the ``đ`` never folded to ``d``), ``so_dien_thoai`` and ``no_telp`` were masked but
   untyped.
4. Indonesian NIKs (sixteen digits: regency, birth date, serial) were masked but untyped: nothing read them
   (:mod:`maskline.infotypes.indonesian_ids`).
5. Keys a program counted for its rows (``BN10001`` ... ``BN10060``, ``TH00001``) were typed POSTAL_CODE: a
   two-letters-and-five-digits postal format reads them (:mod:`maskline.infotypes.counter_codes`).

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

STREETS = ["Jl. Melati", "Jl. Mawar", "Jl. Kenanga", "Jl. Cempaka", "Jl. Anggrek", "Jl. Flamboyan", "Jl. Dahlia",
           "Gg. Kelapa", "Jl. Veteran", "Jl. Pemuda"]
# Regencies (province and regency, four digits) that python-stdnum lists: Jakarta Pusat, Bandung, Surabaya, Medan,
# Makassar, Denpasar, Yogyakarta, Semarang.
REGENCIES = ["3171", "3273", "3578", "1271", "7371", "5171", "3471", "3374"]


def _dates(rng: random.Random, n: int, first: int, years: int) -> list[datetime.date]:
    start = datetime.date(first, 1, 1)
    return [start + datetime.timedelta(days=rng.randrange(365 * years)) for _ in range(n)]


# 1. Birth dates of type DATE under Indonesian and Vietnamese names.
def _staff(seed: int, name: str, n: int = 30) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({
        "id": range(1, n + 1),
        # Born over 18 years: a small staff, short of the 20-year spread the values alone need.
        name: _dates(rng, n, 1972, 18),
        "unit": [rng.choice(["umum", "gigi", "anak"]) for _ in range(n)],
    })


@pytest.mark.parametrize("seed", [4, 17])
@pytest.mark.parametrize("name", ["tgl_lahir", "tanggal_lahir", "tgl_lahir_pasien", "TanggalLahir", "Ngay_sinh",
                                  "NgaySinh"])
def test_birth_dates_under_indonesian_and_vietnamese_names_are_masked(seed: int, name: str) -> None:
    info_type, masked, evidence = decided(_staff(seed, name), name)
    assert info_type == "DATE_OF_BIRTH" and masked, evidence


@pytest.mark.parametrize("name", ["tgl_masuk", "tanggal_transaksi", "ngay_vao_lam", "NgayKham"])
def test_other_dates_under_the_same_languages_still_pass(name: str) -> None:
    # Control: hiring, transaction and visit dates read no birth hint, on main and here.
    info_type, masked, evidence = decided(_staff(4, name), name)
    assert info_type is None and not masked, evidence


@pytest.mark.parametrize("name", ["tempat_lahir", "sinh_vien", "ma_sinh_vien", "hp", "nam_sinh"])
def test_words_left_out_read_nothing(name: str) -> None:
    # Control: the place of birth, a student, handphone's bare "hp", "nam sinh" (also a schoolboy) read no hint.
    assert hint_score(name) == [], hint_score(name)


# 2. A few street labels repeated over the rows under an address name.
def _households(seed: int, name: str, n: int = 80) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({"id": range(1, n + 1), name: [rng.choice(STREETS) for _ in range(n)],
                         "rt": [rng.randint(1, 9) for _ in range(n)]})


@pytest.mark.parametrize("seed", [2, 9])
@pytest.mark.parametrize("name", ["alamat", "alamat_rumah", "dia_chi", "DiaChi"])
def test_street_labels_under_address_names_are_masked(seed: int, name: str) -> None:
    info_type, masked, evidence = decided(_households(seed, name), name)
    assert masked, evidence
    assert any(e.startswith("name:street_address") for e in evidence), evidence


def test_address_word_before_email_reads_email_first() -> None:
    # Control: Indonesian "alamat email" and Vietnamese "dia chi email" are e-mail addresses.
    for name in ("alamat_email", "dia_chi_email"):
        assert hint_score(name)[0][0] == "EMAIL", hint_score(name)


# 3. Phones under Vietnamese and Indonesian names; things under "nama" (name).
@pytest.mark.parametrize("name", ["SĐT", "Sdt", "so_dien_thoai", "DienThoai", "no_telp", "nomor_hp"])
def test_phone_names_read_phone(name: str) -> None:
    # On the probe these columns' national numbers were masked but untyped; the values alone decide when there are
    # many mobiles (measured here: Vietnamese and Indonesian mobiles under these names are typed on main already),
    # not when landlines and a few repeated numbers fill the column.
    assert hint_score(name)[0][0] == "PHONE", hint_score(name)


@pytest.mark.parametrize(("name", "pool"), [
    ("nama_obat", ["paracetamol", "amoxicillin", "ibuprofen", "omeprazole", "cetirizine", "metformin", "ranitidine",
                   "antasida doen", "vitamin c", "salbutamol"]),
    ("nama_tindakan", ["Cabut Gigi", "Tambal Gigi", "Jahit Luka", "Nebulizer", "Rawat Luka", "Suntik KB",
                       "Pasang Infus", "Cek Gula Darah"]),
    ("nama_dokumen", ["Surat Keterangan Domisili", "Surat Keterangan Usaha", "Surat Pengantar Nikah",
                      "Surat Keterangan Tidak Mampu", "Surat Izin Keramaian", "Surat Keterangan Kematian"]),
])
def test_things_under_nama_are_not_people(name: str, pool: list[str]) -> None:
    # Control: drugs, treatments and documents under "nama" (name) are not people, on main and here: "nama" is no
    # hint (name_hints_seasia says why).
    rng = random.Random(3)
    frame = pd.DataFrame({"id": range(1, 61), name: [rng.choice(pool) for _ in range(60)]})
    info_type, _, evidence = decided(frame, name)
    assert info_type != "PERSON_NAME", evidence


# 4. Indonesian NIKs.
def _nik(rng: random.Random) -> str:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 55))
    day = born.day + (40 if rng.random() < 0.5 else 0)
    return f"{rng.choice(REGENCIES)}{rng.randint(1, 20):02d}{day:02d}{born.month:02d}{born.year % 100:02d}" \
           f"{rng.randint(1, 2999):04d}"


@pytest.mark.parametrize("seed", [3, 12])
@pytest.mark.parametrize("name", ["nik", "no_identitas", "c4"])
def test_indonesian_niks_are_national_ids(seed: int, name: str, tmp_path: Path) -> None:
    rng = random.Random(seed)
    frame = pd.DataFrame({"id": range(1, 61), name: [_nik(rng) for _ in range(60)]})
    info_type, masked, evidence = decided(frame, name, tmp_path)
    assert info_type == "NATIONAL_ID" and masked, evidence


def test_nik_check_agrees_with_python_stdnum() -> None:
    from stdnum.id import nik as reference

    from maskline.infotypes.indonesian_ids import nik

    rng = random.Random(7)
    drawn = [f"{rng.randrange(10**16):016d}" for _ in range(4000)] + [_nik(rng) for _ in range(1000)]
    drawn += [f"{rng.choice(REGENCIES)}01{rng.randint(0, 79):02d}{rng.randint(0, 13):02d}00{rng.randint(0, 9999):04d}"
              for _ in range(2000)]
    assert [nik(v) for v in drawn] == [reference.is_valid(v) for v in drawn]


def test_random_sixteen_digit_numbers_are_not_national_ids(tmp_path: Path) -> None:
    # Control: order numbers of sixteen random digits are no NIKs, on main and here.
    rng = random.Random(21)
    frame = pd.DataFrame({"id": range(1, 61), "nomor_pesanan": [f"{rng.randrange(10**15, 10**16):016d}"
                                                                for _ in range(60)]})
    info_type, _, evidence = decided(frame, "nomor_pesanan", tmp_path)
    assert info_type != "NATIONAL_ID", evidence


# 5. Keys counted by a program, one prefix and one width.
@pytest.mark.parametrize("seed", [1, 5])
@pytest.mark.parametrize("name", ["Ma_so", "kode"])
def test_counted_keys_are_not_postal_codes(seed: int, name: str) -> None:
    rng = random.Random(seed)
    prefix = rng.choice(["BN", "TH", "NV", "KH", "DV"])
    start = rng.choice([10000, 20000, 0])
    n = rng.randint(25, 80)
    frame = pd.DataFrame({name: [f"{prefix}{start + i:05d}" for i in range(1, n + 1)],
                          "gia": [rng.randint(1, 90) * 1000 for _ in range(n)]})
    info_type, masked, evidence = decided(frame, name)
    assert info_type != "POSTAL_CODE", evidence


@pytest.mark.parametrize("seed", [1, 5])
def test_counted_patient_codes_under_a_patient_name_are_medical_records(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(25, 80)
    frame = pd.DataFrame({"Ma_benh_nhan": [f"BN{10000 + i}" for i in range(1, n + 1)],
                          "Gioi_tinh": [rng.choice(["Nam", "Nu"]) for _ in range(n)]})
    info_type, masked, evidence = decided(frame, "Ma_benh_nhan")
    assert info_type == "MEDICAL_RECORD_NUMBER" and masked, evidence


def test_sparse_codes_of_one_prefix_stay_postal_codes() -> None:
    # Control: codes of one prefix far apart (a post office's, every few hundred numbers), repeated over the
    # rows as people's codes are, keep the postal reading, on main and here.
    rng = random.Random(4)
    codes = [f"AZ{rng.randrange(10000, 99999):05d}" for _ in range(25)]
    frame = pd.DataFrame({"c": [rng.choice(codes) for _ in range(120)]})
    info_type, _, evidence = decided(frame, "c")
    assert info_type == "POSTAL_CODE", evidence
