"""Column names of enterprise conventions (SAP, Dynamics 365, Epic Clarity, OMOP, FHIR, Oracle HR) and of network
tables: what their names hint, and the verdicts they get with realistic values. Each reading that should hint a
type stands beside a control that should not (or should hint another)."""

from __future__ import annotations

import random

import pytest

from maskline.classify.column import classify_column
from maskline.infotypes.name_hints import hint_score


def _top(name: str) -> str | None:
    found = hint_score(name)
    if not found:
        return None
    # A tie at the top is no reading of one type.
    if len(found) > 1 and found[0][1] == found[1][1]:
        return "tie:" + "+".join(sorted(t for t, s in found if s == found[0][1]))
    return found[0][0]


@pytest.mark.parametrize(("name", "expected"), [
    # An address of a network end point, a mail server or a web page is no street; the head word decides.
    ("ipv4_addr", "IP_ADDRESS"), ("ipv6_address", "IP_ADDRESS"), ("ip4addr", "IP_ADDRESS"),
    ("dst_addr", "IP_ADDRESS"), ("src_addr", "IP_ADDRESS"), ("peer_address", "IP_ADDRESS"),
    ("gateway_addr", "IP_ADDRESS"), ("SMTP_ADDR", "EMAIL"), ("emailaddress1", "EMAIL"),
    ("web_address", "URL"), ("mac_addr", "MAC_ADDRESS"),
    ("address1_postalcode", "POSTAL_CODE"), ("address1_line1", "STREET_ADDRESS"),
    ("address1_telephone1", "PHONE"), ("owner_email", "EMAIL"),
    # Controls: streets stay streets, including a person's local (as against permanent) address.
    ("shipping_addr", "STREET_ADDRESS"), ("home_address", "STREET_ADDRESS"), ("local_address", "STREET_ADDRESS"),
    ("billing_address", "STREET_ADDRESS"), ("return_address", "STREET_ADDRESS"),
    ("destination_address", "STREET_ADDRESS"), ("client_address", "STREET_ADDRESS"),
    # Blockchain and memory addresses are no type here; a city, a country or a phone's model is not its modifier.
    ("wallet_address", None), ("contract_address", None), ("address1_city", None), ("address_country", None),
    ("phone_model", None), ("birth_country", None),
    # Game statistics of passes are counts; a numbered pass is a passport, a bare one either.
    ("pass_yds", None), ("pass_att", None), ("pass_completions", None), ("pass_rating", None), ("pass_td", None),
    ("pass_int", None), ("pass_no", "PASSPORT"), ("passnr", "PASSPORT"), ("pass", "tie:PASSPORT+PASSWORD"),
    ("password", "PASSWORD"), ("passport_number", "PASSPORT"),
    # Contacts and records named by their channel or system.
    ("whatsapp", "PHONE"), ("whatsapp_number", "PHONE"), ("telecom", "PHONE"), ("telecommunications_cost", None),
    ("emr_number", "MEDICAL_RECORD_NUMBER"), ("emr_id", "MEDICAL_RECORD_NUMBER"),
    # Health-plan member and subscriber ids: no type here fits a payer's key, as member_id in any CRM.
    ("MBR_ID", None), ("SBSCR_ID", None), ("member_id", None),
    # SAP's German contractions, and the business and key fields beside them.
    ("PSTLZ", "POSTAL_CODE"), ("TELF1", "PHONE"), ("TELF2", "PHONE"), ("TELFX", "PHONE"), ("STRAS", "STREET_ADDRESS"),
    ("GBDAT", "DATE_OF_BIRTH"), ("BANKN", "BANK_ACCOUNT"), ("NACHN", "PERSON_NAME"), ("VORNA", "PERSON_NAME"),
    ("NAME1", "PERSON_NAME"),
    ("BANKL", None), ("bankname", None), ("PERNR", None), ("ORT01", None), ("MATNR", None), ("WERKS", None),
    ("BUKRS", None), ("MENGE", None), ("WAERS", None), ("LAND1", None), ("KUNNR", None),
    # Dynamics 365, Epic Clarity, OMOP CDM, FHIR, Oracle HR, Salesforce, Workday.
    ("telephone1", "PHONE"), ("PAT_MRN_ID", "MEDICAL_RECORD_NUMBER"), ("ADD_LINE_1", "STREET_ADDRESS"),
    ("HOME_PHONE", "PHONE"), ("BIRTH_DATE", "DATE_OF_BIRTH"), ("birth_datetime", "DATE_OF_BIRTH"),
    ("zip", "POSTAL_CODE"), ("care_site_name", None), ("birthDate", "DATE_OF_BIRTH"), ("identifier", None),
    ("NATIONAL_IDENTIFIER", "NATIONAL_ID"), ("EMAIL_ADDRESS", "EMAIL"), ("PHONE_NUMBER", "PHONE"),
    ("MailingPostalCode", "POSTAL_CODE"), ("MobilePhone", "PHONE"), ("Birthdate", "DATE_OF_BIRTH"),
    ("Worker_ID", None), ("Legal_First_Name", "PERSON_NAME"),
])
def test_enterprise_name_hints(name: str, expected: str | None) -> None:
    assert _top(name) == expected, hint_score(name)


def test_numbered_names_read_as_their_word_but_not_as_the_whole_name() -> None:
    # address1 is one of several addresses: a hint in the name (0.9), not the whole name (1.0) as addr1 is listed.
    assert hint_score("address1") == [("STREET_ADDRESS", 0.9)]
    assert hint_score("addr1") == [("STREET_ADDRESS", 1.0)]
    assert hint_score("cvv2")[0] == ("PASSWORD", 1.0)


_R = random.Random(15)
IPS = [f"10.{_R.randint(0, 255)}.{_R.randint(0, 255)}.{_R.randint(1, 254)}" for _ in range(60)]
STREETS = [f"{_R.randint(1, 999)} {_R.choice(['Oak', 'Maple', 'Pine', 'Cedar', 'Elm'])} "
           f"{_R.choice(['St', 'Ave', 'Rd', 'Lane'])}" for _ in range(60)]
EMAILS = [f"{_R.choice(['anna', 'max', 'lena', 'paul'])}.{_R.choice(['mueller', 'weber', 'fischer'])}"
          f"{_R.randint(1, 99)}@{_R.choice(['example.com', 'firma.de'])}" for _ in range(60)]
DE_POSTCODES = [f"{_R.randint(1067, 99998):05d}" for _ in range(60)]
DE_PHONES = [f"+49 {_R.randint(30, 89)} {_R.randint(1000000, 9999999)}" for _ in range(60)]
BIRTH_DATES = [f"{_R.randint(1940, 2004)}-{_R.randint(1, 12):02d}-{_R.randint(1, 28):02d}" for _ in range(60)]
ACCOUNTS = [str(_R.randint(10**9, 10**10 - 1)) for _ in range(60)]
BANK_KEYS = [str(_R.randint(10000000, 89999999)) for _ in range(60)]
CITIES = [_R.choice(["Berlin", "Hamburg", "Köln", "Frankfurt", "Stuttgart", "Leipzig", "Dortmund", "Bremen"])
          for _ in range(60)]
SURNAMES = [_R.choice(["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                       "Hoffmann", "Koch", "Richter"]) for _ in range(60)]
MRNS = [str(_R.randint(10**6, 10**7 - 1)) for _ in range(60)]
YARDS = [str(_R.randint(-10, 450)) for _ in range(60)]
ATTEMPTS = [str(_R.randint(10, 55)) for _ in range(60)]
FACILITIES = [_R.choice(["St Mary's Hospital", "Mayo Clinic", "General Hospital", "Riverside Clinic",
                         "Lincoln Medical Center", "Grace Hospital"]) for _ in range(60)]


@pytest.mark.parametrize(("name", "values", "expected"), [
    ("ipv4_addr", IPS, "IP_ADDRESS"), ("dst_addr", IPS, "IP_ADDRESS"),
    ("ipv4_addr", STREETS, "STREET_ADDRESS"),  # values of a clearly different kind still decide
    ("shipping_addr", STREETS, "STREET_ADDRESS"),
    ("SMTP_ADDR", EMAILS, "EMAIL"), ("emailaddress1", EMAILS, "EMAIL"),
    ("PSTLZ", DE_POSTCODES, "POSTAL_CODE"), ("TELF1", DE_PHONES, "PHONE"), ("TELF1", EMAILS, "EMAIL"),
    ("GBDAT", BIRTH_DATES, "DATE_OF_BIRTH"), ("BANKN", ACCOUNTS, "BANK_ACCOUNT"), ("BANKL", BANK_KEYS, None),
    ("NACHN", SURNAMES, "PERSON_NAME"), ("ORT01", CITIES, None), ("address1_city", CITIES, None),
    ("emr_number", MRNS, "MEDICAL_RECORD_NUMBER"),
    ("pass_yds", YARDS, None), ("pass_att", ATTEMPTS, None),
    ("care_site_name", FACILITIES, None),
])
def test_enterprise_column_verdicts(name: str, values: list[str], expected: str | None) -> None:
    assert classify_column(name, values).info_type == expected


def test_sap_record_keys_are_no_bank_accounts() -> None:
    # SAP pads its material and customer numbers with zeros to 18 and 10 digits; under their field names they
    # are record keys, not the bank account numbers their digits could spell.
    materials = [f"{_R.randint(10**8, 10**9):018d}" for _ in range(60)]
    customers = [f"{_R.randint(10**5, 10**6):010d}" for _ in range(60)]
    assert classify_column("MATNR", materials).info_type is None
    assert classify_column("KUNNR", customers).info_type is None
