"""The info type catalogue: one entry per kind of sensitive data, declared as data.

Each entry has a canonical name, a category and a default masking method.
Detectors (patterns and validators, ``detectors.py``) and multilingual
column-name hints (``name_hints.py``) live beside it in this package.

>>> INFO_TYPES["EMAIL"].category
'identifier'
>>> INFO_TYPES["US_SSN"].default_method
{'method': 'partial', 'keep_last': 4}
>>> "telefonnummer" in INFO_TYPES["PHONE"].name_hints
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Category = Literal["identifier", "quasi-identifier", "sensitive", "secret"]
CATEGORIES: tuple[str, ...] = ("identifier", "quasi-identifier", "sensitive", "secret")


@dataclass(frozen=True)
class InfoType:
    """A kind of sensitive data."""

    name: str
    category: Category
    default_method: dict[str, Any]
    description: str = ""
    name_hints: tuple[str, ...] = field(default=())


def _t(name: str, category: Category, method: dict[str, Any], description: str) -> InfoType:
    from maskline.infotypes.name_hints import NAME_HINTS
    from maskline.infotypes.name_hints_scripts import SCRIPT_NAME_HINTS

    return InfoType(name, category, method, description, NAME_HINTS.get(name, ()) + SCRIPT_NAME_HINTS.get(name, ()))


_HMAC16 = {"method": "hmac", "length": 16}

INFO_TYPES: dict[str, InfoType] = {
    t.name: t
    for t in (
        _t("EMAIL", "identifier", {"method": "email"}, "e-mail address"),
        _t("PHONE", "identifier", {"method": "partial", "keep_last": 2}, "telephone number"),
        _t("PERSON_NAME", "identifier", {"method": "fake", "kind": "name"}, "a person's name"),
        _t("STREET_ADDRESS", "identifier", {"method": "redact"}, "street address"),
        _t("POSTAL_CODE", "quasi-identifier", {"method": "generalize", "prefix": 2}, "postal or ZIP code"),
        _t("DATE_OF_BIRTH", "quasi-identifier", {"method": "generalize", "to": "year"}, "date of birth"),
        _t("US_SSN", "identifier", {"method": "partial", "keep_last": 4}, "US social security number"),
        _t("NATIONAL_ID", "identifier", _HMAC16, "national identity number (checksummed)"),
        _t("PASSPORT", "identifier", _HMAC16, "passport number"),
        _t("CREDIT_CARD", "sensitive", {"method": "partial", "keep_last": 4}, "payment card number (Luhn)"),
        _t("IBAN", "sensitive", {"method": "partial", "keep_first": 2, "keep_last": 4}, "IBAN (mod-97)"),
        _t("BANK_ACCOUNT", "sensitive", {"method": "partial", "keep_last": 4}, "bank account number"),
        _t("IP_ADDRESS", "quasi-identifier", _HMAC16, "IPv4 or IPv6 address"),
        _t("MAC_ADDRESS", "quasi-identifier", _HMAC16, "MAC address"),
        _t("URL", "quasi-identifier", {"method": "redact"}, "URL"),
        _t("GEO_COORDINATE", "quasi-identifier", {"method": "redact"}, "latitude/longitude"),
        _t("USERNAME", "identifier", _HMAC16, "user name or login"),
        _t("PASSWORD", "secret", {"method": "redact"}, "password or password hash"),
        _t("API_KEY", "secret", {"method": "redact"}, "API key or token"),
        _t("JWT", "secret", {"method": "redact"}, "JSON Web Token"),
        _t("PRIVATE_KEY", "secret", {"method": "redact"}, "PEM private key"),
        _t("CONNECTION_STRING", "secret", {"method": "redact"}, "connection string with credentials"),
        _t("MEDICAL_RECORD_NUMBER", "sensitive", _HMAC16, "medical record number"),
        _t("ICD10_CODE", "sensitive", {"method": "redact"}, "ICD-10 diagnosis code"),
        _t("FREE_TEXT_WITH_PII", "sensitive", {"method": "scrub"}, "prose containing any of the above"),
    )
}
