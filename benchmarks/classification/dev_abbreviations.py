"""A hand-written set of English abbreviated, camelCase and snake_case column names, to measure abbreviation hints.

Written by hand for the ``abbrev2`` round, from how schemas in warehouses, ERPs and app databases name columns,
without looking at any benchmark split's data (tune, dev or test) and before the rules it measures were written.
Every name is English or an English abbreviation; none is in a test-split locale's language.

:data:`SENSITIVE` holds names by the info type they should hint, for the 24 types a name can hint (free text
with PII is told by its values); :data:`NOT_SENSITIVE` holds look-alikes that must hint nothing: measures and
categories of a sensitive word (``acct_type``, ``diag_count``, ``card_type``), words that open like a hint word
(``natl_avg``, ``pass_rate``, ``passing_yds``, ``bypass``, ``compass``) and events about a sensitive field
(``username_changed_at``). A name is read right when the first type :func:`hint_score` gives is the expected one
and no other type ties it; a look-alike is read right when it gets no hint. Run it to print both counts::

    PYTHONPATH=$PWD python -m benchmarks.classification.dev_abbreviations

>>> sum(len(v) for v in SENSITIVE.values()) > 150, len(NOT_SENSITIVE) > 60
(True, True)
"""

from __future__ import annotations

SENSITIVE: dict[str, tuple[str, ...]] = {
    "EMAIL": ("eml", "eml_addr", "emailAddr", "cust_email", "usrEmail", "email_addr", "contact_eml", "emailId",
              "e_mail_adr", "billingEmail", "mail_addr"),
    "PHONE": ("ph_no", "phn", "phoneNum", "tel_no", "mob_no", "mobNum", "cell_ph", "cellNo", "telNbr", "home_ph",
              "wrk_phone", "phone_nbr", "fax_no", "mobile_num", "contactNo", "alt_phone"),
    "PERSON_NAME": ("fname", "lname", "first_nm", "lastNm", "surnm", "cust_nm", "full_nm", "fullName", "mid_nm",
                    "given_nm", "famName", "emp_name", "pat_name", "frst_nm", "lst_nm", "contactName",
                    "acct_holder_name"),
    "STREET_ADDRESS": ("addr", "addr1", "addr_ln1", "addrLine2", "st_addr", "street_addr", "strt_addr", "homeAddr",
                       "billAddr", "ship_addr", "res_addr", "mailing_addr"),
    "POSTAL_CODE": ("zip", "zip_cd", "zipCode", "pstl_cd", "postal_cd", "postCd", "post_cd", "pcode", "zip5",
                    "billZip", "ship_zip", "postcd"),
    "DATE_OF_BIRTH": ("dob", "birth_dt", "brth_dt", "bdate", "bday", "birthDt", "dt_of_birth", "dateOfBirth",
                      "pat_dob", "dob_dt", "birthdate"),
    "US_SSN": ("ssn", "ssn_no", "ssnNum", "soc_sec_no", "socSecNum", "ss_num", "emp_ssn", "ssn4"),
    "NATIONAL_ID": ("natl_id", "natlId", "natl_id_no", "nat_id_num", "national_id_nbr", "id_card_no", "idCardNum",
                    "natl_ins_no", "ni_no", "tax_id", "taxId", "tin_no", "citizen_id", "personal_id_no",
                    "natlIdentNo", "identity_no"),
    "PASSPORT": ("passport_no", "pass_no", "passNum", "pass_number", "pass_nbr", "pasprt_no", "psprt_no",
                 "passportNum", "ppt_no", "travel_doc_no", "passport_nr", "pport_no", "passportId"),
    "CREDIT_CARD": ("cc_num", "ccNum", "card_no", "cardNum", "card_nbr", "crd_no", "cc_no", "credit_card_no",
                    "pan", "debitCardNo", "pmt_card_no", "cardNumber"),
    "IBAN": ("iban", "iban_no", "ibanNum", "cust_iban", "payee_iban"),
    "BANK_ACCOUNT": ("acct_no", "acctNum", "acc_no", "bank_acct", "bankAcc", "bank_acc_no", "benef_acc",
                     "benef_acct", "payout_acc", "payee_acct", "depositAcct", "settlement_account", "settl_acct",
                     "chk_acct", "sav_acct_no", "dest_acct", "bnk_acct_no", "account_no"),
    "IP_ADDRESS": ("ip", "ip_addr", "ipAddr", "client_ip", "src_ip", "remote_ip", "ipv4_addr", "login_ip"),
    "MAC_ADDRESS": ("mac", "mac_addr", "macAddr", "hw_addr", "dev_mac", "wifi_mac"),
    "URL": ("url", "web_url", "siteUrl", "hmpg", "homepage_url", "profile_url", "website", "webUrl", "lnk"),
    "GEO_COORDINATE": ("lat", "lng", "lon", "latitude", "long", "geo_lat", "geoLng", "lat_deg", "gps_lat",
                       "latLng", "coords", "loc_lat"),
    "USERNAME": ("uname", "usr", "usr_nm", "userName", "user_nm", "login", "loginId", "usrLogin", "screen_nm",
                 "user_name", "usrname", "created_by", "updatedBy", "owner"),
    "PASSWORD": ("pwd", "passwd", "pwdHash", "pwd_hash", "password_hash", "pw_hash", "usrPwd", "passcode",
                 "pswd", "pin", "cvv", "otp"),
    "API_KEY": ("api_key", "apiKey", "api_tok", "apiToken", "access_tok", "auth_tok", "secret_key", "client_secret",
                "refresh_tkn", "accessToken", "api_secret"),
    "JWT": ("jwt", "id_token", "jwt_tkn", "idToken"),
    "PRIVATE_KEY": ("priv_key", "privKey", "private_key", "ssh_key", "rsa_key", "pem", "signing_key"),
    "CONNECTION_STRING": ("conn_str", "connStr", "dsn", "db_url", "jdbc_url", "connection_string", "dbConnStr"),
    "MEDICAL_RECORD_NUMBER": ("mrn", "pt_mrn", "med_rec_no", "medRecNum", "pat_id", "patient_no", "pt_id",
                              "chart_no", "hosp_no", "emr_id", "medical_record_nbr"),
    "ICD10_CODE": ("icd10", "icd_cd", "icd10Code", "dx", "dx_cd", "dx_code", "diag_cd", "diagCode", "diag_code",
                   "diagnosis_cd", "prim_dx", "diag"),
}

NOT_SENSITIVE: tuple[str, ...] = (
    # Categories, counts and flags of a sensitive word.
    "acct_type", "acctType", "acct_status", "acct_cnt", "account_type", "card_type", "cardType", "id_card_type",
    "card_brand", "email_cnt", "email_verified", "phone_type", "addr_type", "zip_cnt", "diag_count", "dx_count",
    "diag_type", "pwd_changed_at", "pwd_len", "username_changed_at", "login_cnt", "login_at", "last_login_ts",
    "ip_count", "url_count", "mac_cnt", "is_natl", "ssn_verified", "passport_expiry", "pass_type",
    # Measures and sports statistics whose words open like a hint word.
    "natl_avg", "natl_rank", "nat_avg", "pass_rate", "pass_pct", "passing_yds", "pass_att", "pass_cmp",
    "pass_yds", "passes", "acc_rate", "accuracy", "acc_score", "accel", "diag_len", "diagonal", "benef_amt",
    "payout_amt", "settlement_amt", "settl_dt", "surplus", "uname_len",
    # Words of their own that contain a hint word's letters in order.
    "bypass", "compass", "passenger", "passage", "password_policy", "usage", "user_count", "nation", "natural",
    "nationality", "diagram", "diagnostics_enabled", "accent", "access_level", "account_manager_region",
    "benefit", "benefits", "payout", "settlement", "surname_count", "pin_count",
    # Keys and codes of things.
    "order_id", "prod_cd", "store_no", "region_cd", "dept_no", "item_nbr", "cat_id", "pos_cd", "str_len",
    "tok_count", "uid_seq", "nid", "tx_id", "txn_no", "inv_no", "po_no",
)


def reading(name: str) -> str | None:
    """The one type a name hints first (``None`` for no hint, or for two types tied first).

    >>> reading("email_addr"), reading("acct_type")
    ('EMAIL', None)
    """
    from maskline.infotypes.name_hints import hint_score

    hints = hint_score(name)
    if not hints or len(hints) > 1 and hints[1][1] == hints[0][1]:
        return None
    return hints[0][0]


def measure() -> tuple[int, int, int, int, list[str]]:
    """(sensitive read right, sensitive, look-alikes with no hint, look-alikes, the names read wrong)."""
    from maskline.infotypes.name_hints import hint_score

    wrong: list[str] = []
    right = total = 0
    for info_type, names in SENSITIVE.items():
        for name in names:
            total += 1
            got = reading(name)
            right += got == info_type
            if got != info_type:
                wrong.append(f"{name}: want {info_type}, got {got}")
    quiet = 0
    for name in NOT_SENSITIVE:
        hints = hint_score(name)
        quiet += not hints
        if hints:
            wrong.append(f"{name}: want nothing, got {hints[:2]}")
    return right, total, quiet, len(NOT_SENSITIVE), wrong


if __name__ == "__main__":
    r, t, q, n, w = measure()
    print(f"sensitive names read right {r}/{t}; look-alikes with no hint {q}/{n}")
    for line in w:
        print("  " + line)
