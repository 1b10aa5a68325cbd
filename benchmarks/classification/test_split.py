"""The frozen test split: labelled tables the classifier is never tuned on.

It differs from the tuning corpus (:mod:`benchmarks.classification.corpus`,
Faker, seed 20261123) on every axis the classifier could overfit to:

- **generator:** mimesis (its own name, address, phone and username data), not Faker;
- **locales:** Japanese, Korean, Chinese, Polish, Swedish, Danish, Czech, Finnish,
  Turkish, Norwegian, Australian and Canadian English, Mexican Spanish, Belgian Dutch,
  Austrian German; the tuning corpus has none of them;
- **naming:** abbreviations (``eml``, ``ph_no``), camelCase, CJK names (``郵便番号``),
  local-language names and opaque names (``c1``, ``f14``), from lists written apart
  from the tuning corpus's;
- **shapes:** sparse columns (70-95% empty), mixed columns (placeholders among the
  values), codes stored as numbers (postal codes as floats, phones as integers);
- **hard negatives of every class in issue 15:** 3- and 4-part version strings,
  brand, product, storm and restaurant names, base64 blobs, ABA routing numbers,
  ISBNs, id columns named like medical record numbers, and ordinary columns.

The split is regenerated deterministically from ``SEED`` with the mimesis version
pinned in ``uv.lock``; :func:`fingerprint` hashes labels and values, and the
benchmark prints it beside :data:`FROZEN_FINGERPRINT` so a drift (another mimesis)
shows. Each table is written to Parquet and scanned from the file, which is the
path ``maskline scan`` takes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

SEED = 15_2026
TABLES = 45
ROWS = 300
LOCALES = ("JA", "KO", "ZH", "PL", "SV", "DA", "CS", "FI", "TR", "NO", "EN_AU", "EN_CA", "ES_MX", "NL_BE", "DE_AT")
CJK_LOCALES = ("JA", "KO", "ZH")
# sha256 of the split as generated with mimesis 22.2.0 (see uv.lock); printed beside the live one.
FROZEN_FINGERPRINT = "409917435748a1b948939441d76f3c7717f8b7aa20dd33118223de9ee65cb135"


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    label: str | None
    style: str  # plain | abbrev | camel | cjk | local | opaque
    values: list[Any]


@dataclass(frozen=True)
class Kind:
    label: str | None
    make: Callable[[Any, random.Random], Any]
    names: dict[str, tuple[str, ...]]  # style -> candidate names


def _r(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _iban(g: Any, rng: random.Random) -> str:
    from stdnum import iban

    country, bban = rng.choice([
        ("DE", _r(rng, string.digits, 18)), ("AT", _r(rng, string.digits, 16)), ("PL", _r(rng, string.digits, 24)),
        ("SE", _r(rng, string.digits, 20)), ("DK", _r(rng, string.digits, 14)), ("FI", _r(rng, string.digits, 14)),
        ("NO", _r(rng, string.digits, 11)), ("BE", _r(rng, string.digits, 12)),
        ("CZ", _r(rng, string.digits, 20)), ("TR", "0" + _r(rng, string.digits, 5) + "0" + _r(rng, string.digits, 16)),
    ])
    value = country + iban.calc_check_digits(country + "00" + bban) + bban
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.5 else value


def _card_fail(g: Any, rng: random.Random) -> str:
    from stdnum import luhn

    while True:
        v = rng.choice(["4", "5", "37"]) + _r(rng, string.digits, 15)
        v = v[:16]
        if not luhn.is_valid(v):
            return " ".join(v[i:i + 4] for i in range(0, 16, 4)) if rng.random() < 0.5 else v


def _pesel_or_cpr(g: Any, rng: random.Random) -> str:
    from stdnum.dk import cpr
    from stdnum.pl import pesel

    while True:
        kind = rng.choice(["pesel", "cpr"])
        if kind == "pesel":
            body = f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 9999):04d}"
            v = body + pesel.calc_check_digit(body)
            if pesel.is_valid(v):
                return v
        elif kind == "cpr":
            v = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}{rng.randint(0, 9999):04d}"
            if cpr.is_valid(v):
                return v[:6] + "-" + v[6:]


def _ssn(g: Any, rng: random.Random) -> str:
    a, b, c = rng.choice([rng.randint(1, 665), rng.randint(667, 899)]), rng.randint(1, 99), rng.randint(1, 9999)
    return f"{a:03d}-{b:02d}-{c:04d}" if rng.random() < 0.8 else f"{a:03d}{b:02d}{c:04d}"


def _routing(g: Any, rng: random.Random) -> str:
    from stdnum.us import rtn

    body = f"{rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31, 32]):02d}" + _r(rng, string.digits, 6)
    return body + rtn.calc_check_digit(body)


def _isbn(g: Any, rng: random.Random) -> str:
    if rng.random() < 0.6:
        body = rng.choice(["978", "979"]) + _r(rng, string.digits, 9)
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        v = body + str((10 - total % 10) % 10)
        return f"{v[:3]}-{v[3]}-{v[4:8]}-{v[8:12]}-{v[12]}" if rng.random() < 0.7 else v
    body = _r(rng, string.digits, 9)
    check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
    v = body + ("X" if check == 10 else str(check))
    return f"{v[0]}-{v[1:4]}-{v[4:9]}-{v[9]}" if rng.random() < 0.7 else v


def _row_ids(g: Any, rng: random.Random) -> Any:
    return None  # placeholder: build() writes a dense run of ids instead


def _version(g: Any, rng: random.Random) -> str:
    parts = [rng.randint(0, 12), rng.randint(0, 40), rng.randint(0, 60)]
    if rng.random() < 0.6:
        parts.append(rng.randint(0, 99))
    return ".".join(map(str, parts))


STORMS = ("Katrina", "Sandy", "Harvey", "Irma", "Maria", "Andrew", "Ike", "Wilma", "Rita", "Ivan", "Michael",
          "Florence", "Dorian", "Ian", "Laura", "Ida", "Helene", "Milton", "Beryl", "Fiona", "Matthew", "Hugo",
          "Gilbert", "Camille", "Charley", "Frances", "Jeanne", "Dennis", "Emily", "Igor", "Otto", "Sally")
_VENUE = ("Bistro", "Trattoria", "Kitchen", "Grill", "Diner", "Cafe", "Taverna", "Brasserie", "Pizzeria", "Bar",
          "Steakhouse", "Noodle House", "Sushi Bar", "Bakery", "Tavern", "Cantina")


def _restaurant(g: Any, rng: random.Random) -> str:
    first = g.person.first_name() if g.person.first_name().isascii() else rng.choice(STORMS)
    return rng.choice([f"{first}'s {rng.choice(_VENUE)}", f"{g.address.city()} {rng.choice(_VENUE)}",
                       f"The {g.text.word().title()} {rng.choice(_VENUE)}", f"{rng.choice(_VENUE)} {first}"])


def _storm(g: Any, rng: random.Random) -> str:
    return f"{rng.choice(['Hurricane', 'Tropical Storm', 'Typhoon', 'Cyclone'])} {rng.choice(STORMS)}"


def _brand(g: Any, rng: random.Random) -> str:
    return rng.choice([g.hardware.manufacturer(), g.transport.manufacturer(), g.hardware.phone_model(),
                       g.transport.car(), g.finance.company()])


def _b64(g: Any, rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(rng.choice([12, 18, 24, 32, 36, 45]))).decode()


def _jwt(g: Any, rng: random.Random) -> str:
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()  # noqa: E731
    return ".".join([enc({"typ": "JWT", "alg": rng.choice(["RS512", "HS384", "EdDSA"])}),
                     enc({"uid": rng.randint(1, 10**8), "exp": rng.randint(1.7e9, 1.9e9), "scope": "read"}),
                     base64.urlsafe_b64encode(rng.randbytes(48)).rstrip(b"=").decode()])


def _pem(g: Any, rng: random.Random) -> str:
    body = base64.b64encode(rng.randbytes(rng.choice([120, 240]))).decode()
    kind = rng.choice(["", "RSA ", "EC ", "ENCRYPTED "])
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}PRIVATE KEY-----\n{lines}\n-----END {kind}PRIVATE KEY-----"


def _dsn(g: Any, rng: random.Random) -> str:
    user, pw, host = g.person.username(), g.person.password(14).replace("@", "x").replace("/", "y").replace(
        ":", "z").replace(";", "q").replace(" ", "w"), g.internet.hostname()
    return rng.choice([f"redis://{user}:{pw}@{host}:6379/0", f"amqp://{user}:{pw}@{host}/vhost",
                       f"mssql+pyodbc://{user}:{pw}@{host}/db", f"Host={host};Username={user};Password={pw};Port=5432"])


def _api_key(g: Any, rng: random.Random) -> str:
    a = string.ascii_letters + string.digits
    return rng.choice([lambda: "sk-proj-" + _r(rng, a, 40), lambda: "gho_" + _r(rng, a, 36),
                       lambda: "ASIA" + _r(rng, string.ascii_uppercase + string.digits, 16),
                       lambda: "xoxp-" + _r(rng, string.digits, 12) + "-" + _r(rng, string.digits, 12) + "-" + _r(rng, a, 26),
                       lambda: "hf_" + _r(rng, a, 34), lambda: "SG." + _r(rng, a, 22) + "." + _r(rng, a, 43)])()


def _mrn(g: Any, rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(0, 99999999):08d}", f"H{rng.randint(10**6, 10**7 - 1)}",
                       f"{_r(rng, 'KLMNPRST', 3)}{rng.randint(0, 999999):06d}", f"{rng.randint(100, 999)}-{rng.randint(0, 99999):05d}"])


def _passport(g: Any, rng: random.Random) -> str:
    return rng.choice([lambda: _r(rng, string.ascii_uppercase, 2) + _r(rng, string.digits, 7),
                       lambda: _r(rng, string.ascii_uppercase, 1) + _r(rng, string.digits, 8),
                       lambda: _r(rng, string.digits, 9), lambda: "P" + _r(rng, string.digits, 7)])()


def _dob(g: Any, rng: random.Random) -> Any:
    d = g.person.birthdate(min_year=1935, max_year=2006)
    return rng.choice([d, d.isoformat(), d.strftime("%Y/%m/%d"), d.strftime("%d-%m-%Y"), d.strftime("%b %d, %Y"),
                       d.strftime("%Y%m%d"), datetime(d.year, d.month, d.day, tzinfo=UTC).isoformat()])


def _postal(g: Any, rng: random.Random) -> Any:
    return g.address.postal_code()


def _postal_float(g: Any, rng: random.Random) -> Any:
    digits = "".join(c for c in g.address.postal_code() if c.isdigit())
    return float(digits) if digits else None


def _phone_int(g: Any, rng: random.Random) -> Any:
    digits = "".join(c for c in g.person.phone_number() if c.isdigit())
    return int(digits)


def _notes(g: Any, rng: random.Random) -> str:
    s = " ".join(g.text.sentence() for _ in range(rng.randint(1, 2)))
    r = rng.random()
    if r < 0.3:
        return f"{s} Reply to {g.person.email()}"
    if r < 0.5:
        return f"Callback {g.person.phone_number()}: {s}"
    return s


ICD10 = ("A41.9", "B20", "C34.90", "D64.9", "E10.65", "E55.9", "F17.210", "G47.33", "H52.4", "I21.4", "I50.9",
         "J02.9", "J44.1", "K29.70", "K35.80", "L03.90", "M19.90", "M79.1", "N17.9", "N40.0", "R10.9", "R53.83",
         "S06.0X0A", "T14.90", "Z23", "Z79.4", "E87.1", "G40.909", "F90.0", "O24.419")
OPAQUE = ("c{i}", "f{i}", "col{i}", "v{i}", "fld_{i}", "x_{i}", "a{i}", "column_{i}", "field{i}", "k{i}")

N = None
KINDS: tuple[Kind, ...] = (
    # ---- sensitive ----
    Kind("EMAIL", lambda g, r: g.person.email(), {"plain": ("email_addr", "contact_email"), "abbrev": ("eml", "e_addr"),
         "camel": ("emailAddress", "contactEmail"), "cjk": ("メールアドレス", "邮箱", "이메일"),
         "local": ("adres_email", "epost", "sahkoposti", "eposta")}),
    Kind("PHONE", lambda g, r: g.person.phone_number(), {"plain": ("phone_no", "contact_phone"), "abbrev": ("ph", "tel_no"),
         "camel": ("phoneNumber", "mobilePhone"), "cjk": ("電話番号", "手机号", "전화번호"),
         "local": ("telefon", "puhelin", "telefonnummer", "numer_telefonu")}),
    Kind("PHONE", _phone_int, {"plain": ("phone_digits", "msisdn"), "abbrev": ("ph_no", "mob_no"),
         "camel": ("phoneNo", "mobileNo"), "cjk": ("携帯番号", "联系电话"), "local": ("tlf", "puhelinnumero")}),
    Kind("PERSON_NAME", lambda g, r: g.person.full_name(), {"plain": ("customer_full_name", "member_name"),
         "abbrev": ("cust_nm", "full_nm"), "camel": ("fullName", "customerName"), "cjk": ("氏名", "姓名", "이름"),
         "local": ("imie_nazwisko", "namn", "nimi", "ad_soyad", "navn")}),
    Kind("PERSON_NAME", lambda g, r: g.person.first_name(), {"plain": ("given_name",), "abbrev": ("fname", "first_nm"),
         "camel": ("firstName", "givenName"), "cjk": ("名前",), "local": ("imie", "fornavn", "etunimi", "jmeno")}),
    Kind("PERSON_NAME", lambda g, r: g.person.last_name(), {"plain": ("family_name",), "abbrev": ("lname", "last_nm"),
         "camel": ("lastName", "familyName"), "cjk": ("姓",), "local": ("nazwisko", "efternamn", "sukunimi", "prijmeni")}),
    Kind("STREET_ADDRESS", lambda g, r: g.address.address(), {"plain": ("street_line", "home_addr"), "abbrev": ("addr1", "st_addr"),
         "camel": ("streetAddress", "addressLine1"), "cjk": ("住所", "地址", "주소"),
         "local": ("adres", "gatuadress", "osoite", "adresse_linje")}),
    Kind("POSTAL_CODE", _postal, {"plain": ("postal", "zip_code"), "abbrev": ("zip5", "pc"), "camel": ("postalCode", "zipCode"),
         "cjk": ("郵便番号", "邮编", "우편번호"), "local": ("kod_pocztowy", "postnummer", "postinumara", "psc")}),
    Kind("POSTAL_CODE", _postal_float, {"plain": ("postcode_num",), "abbrev": ("zip", "plz_num"), "camel": ("zipCodeNum",),
         "cjk": ("郵便番号",), "local": ("postnr", "postinumero")}),
    Kind("DATE_OF_BIRTH", _dob, {"plain": ("birth_date", "date_of_birth"), "abbrev": ("dob", "bdate"),
         "camel": ("dateOfBirth", "birthDate"), "cjk": ("生年月日", "出生日期", "생년월일"),
         "local": ("data_urodzenia", "fodelsedatum", "syntymaaika", "dogum_tarihi", "fodselsdato")}),
    Kind("NATIONAL_ID", _pesel_or_cpr, {"plain": ("national_id_no", "personal_id"), "abbrev": ("nat_id", "pid_no"),
         "camel": ("nationalId", "personalNumber"), "cjk": ("個人番号", "身份证号"),
         "local": ("pesel", "personnummer", "henkilotunnus", "cpr_nr", "rodne_cislo")}),
    Kind("US_SSN", _ssn, {"plain": ("social_sec_no",), "abbrev": ("ssn", "ss_no"), "camel": ("socialSecurityNumber", "ssnNumber"),
         "cjk": ("社会保障番号",), "local": ("ssn_us",)}),
    Kind("PASSPORT", _passport, {"plain": ("passport_id",), "abbrev": ("ppt_no", "pass_no"), "camel": ("passportNo", "passportNumber"),
         "cjk": ("旅券番号", "护照号码", "여권번호"), "local": ("nr_paszportu", "passnummer", "passi", "pasaport_no")}),
    Kind("CREDIT_CARD", lambda g, r: g.payment.credit_card_number(), {"plain": ("card_no", "payment_card"),
         "abbrev": ("ccn", "cc_num"), "camel": ("cardNumber", "creditCard"), "cjk": ("カード番号", "信用卡号", "카드번호"),
         "local": ("numer_karty", "kortnummer", "korttinumero", "kart_no")}),
    Kind("CREDIT_CARD", _card_fail, {"plain": ("card_number_raw", "test_card_no"), "abbrev": ("cc_no", "pan"),
         "camel": ("cardNo", "creditCardNumber"), "cjk": ("クレジットカード番号",), "local": ("kortnummer", "numer_karty")}),
    Kind("IBAN", _iban, {"plain": ("iban_no", "payout_iban"), "abbrev": ("iban",), "camel": ("ibanNumber", "payoutIban"),
         "cjk": ("IBAN番号",), "local": ("numer_iban", "iban_konto", "tilinumero_iban")}),
    Kind("BANK_ACCOUNT", lambda g, r: _r(r, string.digits, r.choice([8, 10, 11, 12])), {"plain": ("account_no",),
         "abbrev": ("acct_no", "acct"), "camel": ("accountNumber", "bankAccount"), "cjk": ("口座番号", "银行账号", "계좌번호"),
         "local": ("numer_konta", "kontonummer", "tilinumero", "hesap_no")}),
    Kind("IP_ADDRESS", lambda g, r: r.choice([g.internet.ip_v4(), g.internet.ip_v6()]), {"plain": ("source_ip", "remote_ip"),
         "abbrev": ("ip", "src_ip"), "camel": ("clientIp", "ipAddress"), "cjk": ("IPアドレス",), "local": ("adres_ip", "ip_osoite")}),
    Kind("MAC_ADDRESS", lambda g, r: g.internet.mac_address(), {"plain": ("device_mac_address",), "abbrev": ("mac", "hw_addr"),
         "camel": ("macAddress",), "cjk": ("MACアドレス",), "local": ("adres_mac", "mac_osoite")}),
    Kind("URL", lambda g, r: r.choice([g.internet.url(), g.internet.uri()]), {"plain": ("profile_link", "home_page"),
         "abbrev": ("url", "web"), "camel": ("websiteUrl", "profileUrl"), "cjk": ("ホームページ", "网址"),
         "local": ("strona_www", "hemsida", "kotisivu")}),
    Kind("GEO_COORDINATE", lambda g, r: g.address.latitude(), {"plain": ("lat_deg",), "abbrev": ("lat",),
         "camel": ("latitude", "geoLat"), "cjk": ("緯度", "纬度"), "local": ("szerokosc", "leveysaste")}),
    Kind("GEO_COORDINATE", lambda g, r: g.address.longitude(), {"plain": ("lon_deg",), "abbrev": ("lng", "long"),
         "camel": ("longitude", "geoLng"), "cjk": ("経度", "经度"), "local": ("dlugosc", "pituusaste")}),
    Kind("USERNAME", lambda g, r: g.person.username(), {"plain": ("created_by", "owner", "reviewer", "sender"),
         "abbrev": ("usr", "login"), "camel": ("createdBy", "assignee", "userName"), "cjk": ("ユーザー名", "用户名"),
         "local": ("uzytkownik", "anvandarnamn", "kayttajatunnus")}),
    Kind("PASSWORD", lambda g, r: g.person.password(r.randint(9, 16)), {"plain": ("user_password",), "abbrev": ("pwd", "pw"),
         "camel": ("password", "userPassword"), "cjk": ("パスワード", "密码", "비밀번호"),
         "local": ("haslo", "losenord", "salasana", "sifre")}),
    Kind("API_KEY", _api_key, {"plain": ("api_secret",), "abbrev": ("api_key", "tok"), "camel": ("apiKey", "accessToken"),
         "cjk": ("APIキー",), "local": ("klucz_api", "api_nyckel")}),
    Kind("JWT", _jwt, {"plain": ("bearer_jwt",), "abbrev": ("jwt",), "camel": ("idToken", "authJwt"), "cjk": ("トークン",),
         "local": ("token_sesji", "istuntotunnus")}),
    Kind("PRIVATE_KEY", _pem, {"plain": ("tls_private_key",), "abbrev": ("privkey", "pk_pem"), "camel": ("privateKey",),
         "cjk": ("秘密鍵",), "local": ("klucz_prywatny", "privat_nyckel")}),
    Kind("CONNECTION_STRING", _dsn, {"plain": ("db_connection",), "abbrev": ("dsn", "conn_str"), "camel": ("connectionString",),
         "cjk": ("接続文字列",), "local": ("polaczenie_db", "anslutning")}),
    Kind("MEDICAL_RECORD_NUMBER", _mrn, {"plain": ("hospital_number", "chart_no"), "abbrev": ("mrn", "med_rec_no"),
         "camel": ("medicalRecordNo", "patientChartNo"), "cjk": ("カルテ番号", "病历号", "환자번호"),
         "local": ("nr_historii_choroby", "journalnummer", "potilasnumero")}),
    Kind("ICD10_CODE", lambda g, r: r.choice(ICD10), {"plain": ("diagnosis_cd",), "abbrev": ("dx", "icd"),
         "camel": ("diagnosisCode", "icd10Code"), "cjk": ("病名コード", "诊断代码"), "local": ("rozpoznanie", "diagnoskod")}),
    Kind("FREE_TEXT_WITH_PII", _notes, {"plain": ("ticket_text", "agent_notes"), "abbrev": ("cmt", "memo"),
         "camel": ("supportNotes", "callSummary"), "cjk": ("備考", "备注"), "local": ("uwagi", "anteckningar", "huomautus")}),
    # ---- hard negatives (issue 15) ----
    Kind(N, _version, {"plain": ("app_version", "firmware"), "abbrev": ("ver", "fw_ver"), "camel": ("buildVersion", "sdkVersion"),
         "cjk": ("バージョン",), "local": ("wersja", "versio")}),
    Kind(N, _brand, {"plain": ("brand", "manufacturer"), "abbrev": ("mfr", "brnd"), "camel": ("brandName", "productName"),
         "cjk": ("商品名", "品牌"), "local": ("marka", "tuotemerkki")}),
    Kind(N, lambda g, r: g.food.dish(), {"plain": ("menu_item", "dish"), "abbrev": ("itm",), "camel": ("dishName", "menuItem"),
         "cjk": ("料理名",), "local": ("danie", "maratt")}),
    Kind(N, _storm, {"plain": ("storm", "event_name"), "abbrev": ("strm_nm",), "camel": ("stormName", "hurricaneName"),
         "cjk": ("台風名",), "local": ("burza", "myrsky")}),
    Kind(N, _restaurant, {"plain": ("restaurant", "venue"), "abbrev": ("rest_nm", "venue_nm"), "camel": ("restaurantName", "venueName"),
         "cjk": ("店名",), "local": ("restauracja", "ravintola")}),
    Kind(N, _b64, {"plain": ("payload", "nonce"), "abbrev": ("blob", "b64"), "camel": ("encodedPayload", "saltValue"),
         "cjk": ("データ",), "local": ("dane", "data_b64")}),
    Kind(N, _routing, {"plain": ("routing_number", "bank_routing"), "abbrev": ("rtn", "aba_no"), "camel": ("routingNumber", "abaNumber"),
         "cjk": ("銀行コード",), "local": ("numer_rozliczeniowy", "clearingnummer")}),
    Kind(N, _isbn, {"plain": ("isbn", "book_isbn"), "abbrev": ("isbn13", "bk_code"), "camel": ("isbnCode", "bookIsbn"),
         "cjk": ("ISBNコード", "书号"), "local": ("isbn_ksiazki", "kirjan_isbn")}),
    Kind(N, _row_ids, {"plain": ("patient_id", "record_id"), "abbrev": ("pat_id", "pt_id"), "camel": ("patientId", "chartId"),
         "cjk": ("患者ID",), "local": ("id_pacjenta", "potilas_id")}),  # values: a dense run of row ids, set in build()
    Kind(N, lambda g, r: g.cryptographic.uuid(), {"plain": ("trace_id", "session_uuid"), "abbrev": ("guid", "uid"),
         "camel": ("traceId", "requestUuid"), "cjk": ("識別子",), "local": ("identyfikator", "tunniste")}),
    Kind(N, lambda g, r: g.cryptographic.hash(), {"plain": ("file_digest", "sha"), "abbrev": ("md5", "chksum"),
         "camel": ("fileHash", "contentDigest"), "cjk": ("ハッシュ",), "local": ("skrot", "tiiviste")}),
    Kind(N, lambda g, r: g.finance.price(), {"plain": ("unit_cost", "total_due"), "abbrev": ("amt", "prc"),
         "camel": ("unitPrice", "totalAmount"), "cjk": ("金額", "价格"), "local": ("cena", "hinta", "fiyat")}),
    Kind(N, lambda g, r: r.randint(0, 500), {"plain": ("units", "stock_level"), "abbrev": ("qty", "cnt"),
         "camel": ("itemCount", "stockLevel"), "cjk": ("数量",), "local": ("ilosc", "antal", "maara")}),
    Kind(N, lambda g, r: (datetime(2024, 1, 1) + timedelta(seconds=r.randint(0, 6 * 10**7))).isoformat(sep=" "),
         {"plain": ("logged_at", "shipped_on"), "abbrev": ("ts", "upd_ts"), "camel": ("createdAt", "updatedAt"),
          "cjk": ("作成日時", "创建时间"), "local": ("data_utworzenia", "skapad")}),
    Kind(N, lambda g, r: g.address.city(), {"plain": ("town",), "abbrev": ("cty",), "camel": ("cityName",),
         "cjk": ("市区町村", "城市"), "local": ("miasto", "stad", "kaupunki", "sehir")}),
    Kind(N, lambda g, r: g.address.country(), {"plain": ("country_name",), "abbrev": ("ctry",), "camel": ("countryName",),
         "cjk": ("国", "国家"), "local": ("kraj", "land", "maa", "ulke")}),
    Kind(N, lambda g, r: g.finance.company(), {"plain": ("employer_name", "supplier"), "abbrev": ("co_nm", "vndr"),
         "camel": ("companyName", "vendorName"), "cjk": ("会社名", "公司"), "local": ("firma", "yritys", "sirket")}),
    Kind(N, lambda g, r: g.text.quote(), {"plain": ("tagline", "motto"), "abbrev": ("desc",), "camel": ("productBlurb", "slogan"),
         "cjk": ("説明",), "local": ("opis", "beskrivning", "kuvaus")}),
    Kind(N, lambda g, r: g.text.word(), {"plain": ("keyword", "tag"), "abbrev": ("kw",), "camel": ("searchTerm",),
         "cjk": ("キーワード",), "local": ("slowo", "sana")}),
    Kind(N, lambda g, r: g.file.file_name(), {"plain": ("attachment", "file_name"), "abbrev": ("fname_doc", "fn"),
         "camel": ("fileName", "attachmentName"), "cjk": ("ファイル名",), "local": ("plik", "tiedosto")}),
    Kind(N, lambda g, r: g.development.programming_language(), {"plain": ("language_used",), "abbrev": ("lang",),
         "camel": ("programmingLanguage",), "cjk": ("言語",), "local": ("jezyk", "kieli")}),
    Kind(N, lambda g, r: g.internet.http_status_code(), {"plain": ("http_status",), "abbrev": ("sc",), "camel": ("statusCode",),
         "cjk": ("ステータス",), "local": ("kod_http",)}),
    Kind(N, lambda g, r: g.text.color(), {"plain": ("colour",), "abbrev": ("clr",), "camel": ("itemColor",),
         "cjk": ("色",), "local": ("kolor", "farg", "vari")}),
    Kind(N, lambda g, r: r.random() < 0.3, {"plain": ("is_deleted",), "abbrev": ("flg",), "camel": ("isActive",),
         "cjk": ("有効",), "local": ("aktywny", "aktiv")}),
    Kind(N, lambda g, r: round(r.uniform(-30, 45), 1), {"plain": ("temperature_c",), "abbrev": ("tmp",), "camel": ("tempC",),
         "cjk": ("気温",), "local": ("temperatura", "lampotila")}),
    Kind(N, lambda g, r: round(r.uniform(0, 1), 4), {"plain": ("conversion_rate",), "abbrev": ("ctr",), "camel": ("scoreRatio",),
         "cjk": ("比率",), "local": ("wspolczynnik", "suhde")}),
    Kind(N, lambda g, r: g.code.ean(), {"plain": ("barcode",), "abbrev": ("ean",), "camel": ("eanCode",),
         "cjk": ("JANコード",), "local": ("kod_kreskowy", "viivakoodi")}),
)
PLACEHOLDERS = ("", "N/A", "-", "unknown", "n.a.", "?", "null")


def _style(rng: random.Random, locale: str, names: dict[str, tuple[str, ...]]) -> str:
    weights = {"plain": 0.15, "abbrev": 0.2, "camel": 0.15, "cjk": 0.05, "local": 0.15, "opaque": 0.3}
    if locale in CJK_LOCALES:
        weights["cjk"] = 0.3
    styles = [s for s in weights if s == "opaque" or names.get(s)]
    return rng.choices(styles, weights=[weights[s] for s in styles])[0]


def build(seed: int = SEED, tables: int = TABLES, rows: int = ROWS) -> list[Column]:
    """Generate the labelled columns of the test split (deterministic for a seed and a mimesis version)."""
    from mimesis import Generic, Locale

    rng = random.Random(seed)
    columns: list[Column] = []
    sensitive = [k for k in KINDS if k.label]
    negatives = [k for k in KINDS if not k.label]
    for t in range(tables):
        locale = LOCALES[t % len(LOCALES)]
        g = Generic(locale=getattr(Locale, locale), seed=seed + t)
        table = f"test{t:02d}_{locale.lower()}"
        picked = rng.sample(sensitive, 7) + rng.sample(negatives, 5)
        used: set[str] = set()
        for kind in picked:
            style = _style(rng, locale, kind.names)
            name = rng.choice(OPAQUE).format(i=rng.randint(1, 40)) if style == "opaque" else rng.choice(kind.names[style])
            while name in used:
                name += "_2"
            used.add(name)
            if kind.make is _row_ids:  # row ids: a dense run, wherever it starts
                start = rng.choice([1, 1000, 50000])
                values: list[Any] = list(range(start, start + rows))
            else:
                values = [kind.make(g, rng) for _ in range(rows)]
            shape = rng.random()
            if kind.label and shape < 0.1 and not isinstance(values[0], (float, int)):
                share = rng.uniform(0.3, 0.6)
                values = [v if rng.random() < share else rng.choice(PLACEHOLDERS) for v in values]
            elif shape < 0.25:
                empty = rng.uniform(0.7, 0.95)
                values = [None if rng.random() < empty else v for v in values]
            columns.append(Column(table, name, kind.label, style, values))
    return columns


def fingerprint(columns: list[Column]) -> str:
    """sha256 over every column's table, name, label and values: the same split gives the same digest."""
    h = hashlib.sha256()
    for c in columns:
        h.update(json.dumps([c.table, c.name, c.label, [str(v) for v in c.values]], ensure_ascii=False).encode())
    return h.hexdigest()
