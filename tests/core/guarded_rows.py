"""Rows of routing numbers, product numbers, ``0x`` ids, media types, labels and storage paths: columns the classifier
passes for their kind or form; and the last row, past the sample, holding in each column a secret that fitted the
form main held it to (round ``rowguard5``'s tests share them, core and dbt)."""

from __future__ import annotations

import hashlib

COLUMNS = ["routing_number", "ean", "trace_id", "content_type", "tier", "output_path"]
# An SSN written as nine digits behind a Federal Reserve prefix (12), failing the ABA check; a 13-digit Visa number
# (Luhn-valid, failing the GS1 check); a card's digits behind ``0x``; a card's digits as a media subtype; a name and a
# postal code among labels without digits; a directory named like a person.
SECRETS = ["123456789", "4222222222222", "0x4111111111111111", "application/4111111111111111", "Ann Smith 10115",
           "x/Ann.Smith/"]
_PREFIXES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "26", "31", "61", "71"]
_MEDIA = ["application/json", "text/csv", "application/vnd.iso11783-10+zip", "image/png", "video/h263-2000"]
_TIERS = ["basic", "standard", "premium", "enterprise"]
_TABLES = ["orders", "events", "clicks", "sessions", "payments"]


def _aba(eight: str) -> str:
    """``eight`` digits and their ABA check digit (weights 3, 7, 1)."""
    total = sum(int(d) * w for d, w in zip(eight, (3, 7, 1, 3, 7, 1, 3, 7), strict=True))
    return eight + str(-total % 10)


def _ean13(twelve: str) -> str:
    """``twelve`` digits and their GS1 check digit (weights 1, 3 from the left)."""
    total = sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(twelve))
    return twelve + str(-total % 10)


def guarded_row(i: int) -> list[str]:
    """Row ``i``: its id, a routing number, an EAN-13, a ``0x`` id, a media type, a tier, a storage path.

    >>> guarded_row(1)[:3]
    ['1', '020079192', '4010001047290']
    """
    full = hashlib.sha256(str(i).encode()).hexdigest()
    # sixteen hex digits with a letter among them: one id in 2,000 draws none (0.625 ** 16), and such an id has a
    # card's form (redacted: the documented cost, measured by benchmarks.classification.form_cost)
    digest = next(full[k:k + 16] for k in range(0, 48, 16) if not full[k:k + 16].isdigit())
    return [str(i), _aba(f"{_PREFIXES[i % len(_PREFIXES)]}{i * 7919 % 10**6:06d}"),
            _ean13(f"{400 + i % 40}{i * 104729 % 10**9:09d}"), f"0x{digest}", _MEDIA[i % len(_MEDIA)],
            _TIERS[i % len(_TIERS)], f"s3://my.lake/{_TABLES[i % 5]}/v1.2/dt={i % 28 + 1}/part-{i % 7}.snappy.parquet"]


def secret_row(rows: int) -> list[str]:
    """The row after ``rows``: its id, then each column's secret."""
    return [str(rows + 1), *SECRETS]
