"""Column-name hints in Indonesian (and Malay) and in Vietnamese, the two Latin-script languages of South-East Asia
whose schemas the hint lists already met (``rekam medis``, ``pasien``, ``ho chieu``).

Kept apart from ``name_hints`` so that each file stays readable; ``name_hints`` merges this table into its own.
Vietnamese is matched without its tones and with ``đ`` read as ``d`` (``name_hints.name_words``), as schemas write it
(``ngay_sinh``, ``SoDienThoai``, ``SĐT``). Each hint is a phrase or an acronym of one meaning; a word that alone
names other things as well is left out on purpose, and tests pin it:

- ``lahir`` (born) alone: ``tempat_lahir`` is the place of birth, a town; only the date phrases are listed;
- ``sinh`` alone: ``sinh_vien`` is a student, ``nam sinh`` a schoolboy as often as a birth year;
- ``ten`` (Vietnamese tên, name) is also the English number; ``nama`` (Indonesian, name) names drugs, treatments
  and documents as often as people (``nama_obat``, ``nama_tindakan``), and read as the generic ``name`` it typed a
  clinic's treatments (``Cabut Gigi``, ``Nebulizer``) as people: the values that are people are masked as near
  misses without it; with the word that makes the name a person's (``nama_pasien``, ``nama_lengkap``,
  ``ten_nhan_vien``, ``ho_ten``) it is read (``extcsv9``: single given names under ``nama_pasien`` were untyped);
- ``hp`` (handphone) alone is horsepower and a brand; ``no hp`` and ``nomor hp`` are listed;
- identity and insurance card acronyms (``nik``, ``ktp``, ``cccd``, ``bhyt``): their columns were masked already
  as near misses, and ``nik`` is also a transliterated nickname (ник); a NIK is read by its values instead (the
  ``nik`` detector, :mod:`maskline.infotypes.indonesian_ids`);
- ``no rm``: run together it is ``norm``; ``nomor rm`` is listed in ``name_hints``;
- ``ic`` alone (Malaysia's and Singapore's identity card) is also a chip and "in charge": a MyKad is read by its
  values (the ``mykad`` detector, :mod:`maskline.infotypes.malaysian_ids`), and ``ic no`` and ``no ic`` are listed.

The Philippines' statutory numbers under their agencies' names (``extcsv12``: a government office's employees with
their TIN, SSS, GSIS, PhilHealth and Pag-IBIG numbers; only the TIN was read): SSS and GSIS (social security),
PhilHealth (health insurance), Pag-IBIG or HDMF (housing fund), UMID (the card that unifies them). Each is a
person's number for life, as a national id is; none has a check digit python-stdnum knows, so a column is typed
by its name and the shape its values share (``named_templates``), below the confidence of a validated number.
``sss`` read as the US SSN before (``ss`` inside it). Not ``ph no``: in most schemas that is a phone.

Words of these languages that are spelled close to a hint word of another and mean something else
(:data:`SEASIA_PLAIN_WORDS`) are never read as its variant: Indonesian ``keluar`` (out: ``tanggal_keluar``, a
discharge date, read as Spanish ``celular``), ``merek`` (a brand, read as ``medrec``) and ``kontrak`` (a contract:
``nomor_kontrak``, read as ``nomor kontak``, a contact number).

>>> from maskline.infotypes.name_hints import hint_score
>>> hint_score("tanggal_keluar"), hint_score("merek"), hint_score("celular")
([], [], [('PHONE', 1.0)])
>>> hint_score("sss_no"), hint_score("PAG_IBIG"), hint_score("philhealth_number")
([('NATIONAL_ID', 1.0)], [('NATIONAL_ID', 1.0)], [('NATIONAL_ID', 1.0)])

On the ``extcsv6`` probe, an Indonesian village's and clinic's birth dates under ``tgl_lahir``, ``tanggal_lahir``
and a Vietnamese hospital's under ``Ngay_sinh`` were passed raw as dates (nothing in the name was read), and
addresses under ``alamat`` as categories; phones under ``SĐT``, ``So_dien_thoai`` and ``no_telp`` were masked
but untyped.

>>> SEASIA_NAME_HINTS["DATE_OF_BIRTH"][:2]
('tanggal lahir', 'tgl lahir')
>>> "alamat" in SEASIA_NAME_HINTS["STREET_ADDRESS"], "nik" in SEASIA_NAME_HINTS["NATIONAL_ID"]
(True, False)
>>> "nama pasien" in SEASIA_NAME_HINTS["PERSON_NAME"], "nama" in SEASIA_NAME_HINTS["PERSON_NAME"]
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SEASIA_NAME_HINTS: dict[str, tuple[str, ...]] = {
    # Indonesian tanggal lahir (date of birth; tgl its usual contraction); Vietnamese ngày sinh.
    "DATE_OF_BIRTH": ("tanggal lahir", "tgl lahir", "ngay sinh",
                      # kelahiran (birth): a birth register's date of birth, a baby's (tgl_kelahiran).
                      "tanggal kelahiran", "tgl kelahiran"),
    # Indonesian alamat (address), Vietnamese địa chỉ.
    "STREET_ADDRESS": ("alamat", "dia chi"),
    # Indonesian telepon's contractions (telepon itself is read as a cognate of telefon), ponsel (mobile), nomor HP
    # (handphone); Vietnamese (số) điện thoại
    # and its acronym SĐT, the name most Vietnamese schemas give a phone column.
    "PHONE": ("telp", "tlp", "ponsel", "no hp", "nomor hp", "dien thoai", "so dien thoai", "sdt",
              # Indonesian nomor kontak (contact number: an emergency contact's, nomor_kontak_darurat); not kontak
              # alone, as nama_kontak is the contact's name.
              "nomor kontak", "no kontak"),
    # Indonesian kode pos, Malay poskod (postal code).
    "POSTAL_CODE": ("kode pos", "kodepos", "poskod"),
    # The Philippines' statutory numbers (above) and Malaysia's identity card (MyKad; kad pengenalan, "no. K/P").
    "NATIONAL_ID": ("sss", "sss no", "sss number", "gsis", "gsis no", "gsis id", "philhealth", "philhealth no",
                    "philhealth number", "pagibig", "pag ibig", "pagibig no", "hdmf", "hdmf no", "umid",
                    "mykad", "kad pengenalan", "no kp", "ic no", "no ic", "ic number"),
    # Indonesian kode pasien (patient code, beside id/no/nomor pasien in name_hints); Vietnamese mã bệnh nhân
    # (patient code), written MaBN as often.
    # Thai hospitals' HN (hospital number), the patient's record number in every Thai schema (hn, hn_no).
    "MEDICAL_RECORD_NUMBER": ("kode pasien", "ma benh nhan", "ma bn", "benh nhan id", "id benh nhan", "hn", "hn no"),
    # Vietnamese STK, the acronym of số tài khoản (account number) that Vietnamese schemas and bank forms write as
    # SĐT is written for the phone (so_tai_khoan itself is in name_hints). German writes Stk. for Stück (pieces):
    # a count, which its values refute (name_hints.VALUE_REFUTABLE_HINTS, :func:`not_account_digits`).
    "BANK_ACCOUNT": ("stk", "so tk", "sotk"),
    # Names of people: nama (Indonesian) and tên (Vietnamese) with the word that makes the name a person's, never
    # nama or tên alone (above). Indonesian nama lengkap / depan / belakang (full, first, last name) and nama with
    # a person's role (patient, doctor, nurse, officer, employee, pupil, student, teacher, customer, resident,
    # member, mother, father, guardian); Vietnamese họ tên / họ và tên (full name) and tên with a role (patient,
    # BN its acronym, employee, doctor, customer, student). No structure tells a column of single given names
    # (Andi, Nadia) from one of categories; the name does, as patient_name does in English. Left out: nama
    # pengguna and tên đăng nhập (user name, login: USERNAME, not a person's name).
    "PERSON_NAME": (
        "nama lengkap", "nama depan", "nama belakang", "nama pasien", "nama dokter", "nama perawat", "nama petugas",
        "nama pegawai", "nama karyawan", "nama siswa", "nama mahasiswa", "nama guru", "nama pelanggan",
        "nama penduduk", "nama anggota", "nama ibu", "nama ayah", "nama wali",
        "ho ten", "ho va ten", "ten benh nhan", "ten bn", "ten nhan vien", "ten bac si", "ten khach hang",
        "ten sinh vien",
    ),
}

# Indonesian words spelled close to a hint word of another language (cognates.py would read them as its variant)
# that mean something else: keluar (out; celular), merek (brand; medrec).
SEASIA_PLAIN_WORDS: frozenset[str] = frozenset({"keluar", "merek", "kontrak"})

# Short hint words of this table that match only as a whole word and take no spelling variant: ``ic`` is not
# ``pic`` or ``mic`` (nor ``pic_no`` ``ic no``), ``hn`` not ``hna``, ``sss`` not ``ss``.
SEASIA_WORD_ONLY: frozenset[str] = frozenset({"ic", "hn", "sss", "kp", "icno", "noic", "icnumber", "hnno", "nokp",
                                              "stk", "sotk"})

_ACCOUNT_DIGITS = re.compile(r"^[0-9][0-9 .-]{4,26}[0-9]$")
ACCOUNT_DIGITS_SHARE = 0.5  # of a column's distinct values that must be 6-20 digits for STK to be an account


def not_account_digits(values: Sequence[str]) -> str | None:
    """Why a column's values are not account numbers (a statistic, never a value), or None: fewer than half of them
    are 6 to 20 digits (spaces, dots or dashes between them), as counts of pieces (German Stk.) are not.

    >>> not_account_digits(["1", "12", "3", "2,5", "40"])
    '0 of 5 values are 6-20 digits'
    >>> not_account_digits(["0071000123456", "19033012345678", "1023 4567 890"]) is None
    True
    """
    if not values:
        return None
    fit = sum(1 for v in values if _ACCOUNT_DIGITS.match(v) and 6 <= sum(c.isdigit() for c in v) <= 20)
    if fit >= ACCOUNT_DIGITS_SHARE * len(values):
        return None
    return f"{fit} of {len(values)} values are 6-20 digits"
