"""Dev-split probe of identity-document tables and the member, subscription, shipment and warranty tables that look
like them (round ``extcsv20``, issue 15).

Written for the round by hand, from :mod:`random` only: no Faker or mimesis provider, no locale of the test split,
nothing read from ``test_split.py``. Names, surnames and country pools are short lists written here; the passport
templates are issuers' published ones (a letter or two and digits) for countries no split's passport code draws
from (Ireland, Egypt, Kenya, Vietnam, Argentina, Pakistan, Morocco, South Africa).

Identity-document tables (the document column labelled PASSPORT, the holder's name PERSON_NAME, the birth date
DATE_OF_BIRTH): KYC exports, hotel guest registers, airline passenger lists (APIS) and visa applications, each
keeping what an identity document's record keeps beside the number (an expiry date, often an issue date five or
ten years before it, an issuing country or a nationality as codes or names, a sex). Look-alike tables, as many,
keep codes of the same templates beside people and dates and countries that are not a document's: loyalty members
(birthdays, a billing country, member since), subscriptions (renewal dates within a year, a country), shipments
(delivery dates, a destination country), warranty registrations (the warranty's end one to five years after the
purchase), employment contracts (the contract's end) and health insurance cards (a card number, the holder's
birth date, valid three or five years) and leases (a tenant, a lease number, its end three to fifteen years after
its start, the property's country). Every table is written under one naming style: honest
English, abbreviated, local (Spanish, French, German, Portuguese) or opaque (``c1``..``cN``).

Dates are drawn around a reference day: :data:`REFERENCE` (the round's day) by default, so the tables' bytes stay
the same on every run; the classifier reads expiry dates against today, so :func:`score` draws them around today
(the verdicts then stay the same as the calendar moves). The probe is not part of the dev split (its section of
``RESULTS.md`` says why). Run it: ``python -m benchmarks.classification.dev_identity_documents [-v]``.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks.classification.corpus import Column

SEED = 20261207
REFERENCE = date(2026, 12, 7)
ROWS = 200
_UP = string.ascii_uppercase

GIVEN = ["Aoife", "Ciaran", "Nadia", "Omar", "Wanjiru", "Kamau", "Linh", "Minh", "Valentina", "Facundo", "Ayesha",
         "Bilal", "Yasmina", "Karim", "Thandiwe", "Sipho", "Maeve", "Darragh", "Hana", "Tuan", "Lucia", "Zainab"]
FAMILY = ["Byrne", "O'Sullivan", "Mansour", "Haddad", "Otieno", "Mwangi", "Nguyen", "Tran", "Fernandez", "Acosta",
          "Qureshi", "Malik", "Benali", "El Idrissi", "Dlamini", "Nkosi", "Kavanagh", "Farouk", "Pham", "Sosa"]


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


# issuer (ISO alpha-3) -> its passport template
ISSUERS: dict[str, Callable[[random.Random], str]] = {
    "IRL": lambda r: r.choice("PL") + r.choice("ABCDEFGHJK") + _digits(r, 7),
    "EGY": lambda r: "A" + _digits(r, 8),
    "KEN": lambda r: "AK" + _digits(r, 7),
    "VNM": lambda r: r.choice("BCN") + _digits(r, 7),
    "ARG": lambda r: "AA" + r.choice("ABCDEFG") + _digits(r, 6),
    "PAK": lambda r: r.choice(["AB", "CV", "DE", "GK"]) + _digits(r, 7),
    "MAR": lambda r: r.choice(["W", "U"]) + _digits(r, 7),
    "ZAF": lambda r: "A" + _digits(r, 8),
}
ALPHA2 = {"IRL": "IE", "EGY": "EG", "KEN": "KE", "VNM": "VN", "ARG": "AR", "PAK": "PK", "MAR": "MA", "ZAF": "ZA"}
NAMES = {"IRL": ("Ireland", "Irlanda", "Irlande"), "EGY": ("Egypt", "Egipto", "Égypte"),
         "KEN": ("Kenya", "Kenia", "Kenya"), "VNM": ("Vietnam", "Vietnam", "Viêt Nam"),
         "ARG": ("Argentina", "Argentina", "Argentine"), "PAK": ("Pakistan", "Pakistán", "Pakistan"),
         "MAR": ("Morocco", "Marruecos", "Maroc"), "ZAF": ("South Africa", "Sudáfrica", "Afrique du Sud")}
CARRIER = ["EI", "MS", "KQ", "VN", "AR", "PK", "AT", "SA"]


def _name(r: random.Random) -> str:
    return f"{r.choice(GIVEN)} {r.choice(FAMILY)}"


_reference = [REFERENCE]  # the day dates are drawn around (set by identity_document_tables)


def _day(r: random.Random, lo: int, hi: int) -> date:
    """A day between ``lo`` and ``hi`` days from the reference day."""
    return _reference[0] + timedelta(days=r.randint(lo, hi))


def _birth(r: random.Random) -> date:
    return _day(r, -80 * 365, -18 * 365)


def _years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _fmt(d: date, style: int) -> Any:
    return (d, d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"))[style]


def _country(code3: str, form: int) -> str:
    return (code3, ALPHA2[code3], *NAMES[code3])[form]


# Column names per naming style: honest, abbreviated, local, opaque (opaque names are numbered in order)
_NAMES: dict[str, tuple[str, str, str]] = {
    "name": ("full_name", "nm", "nombre"), "birth": ("date_of_birth", "dob", "fecha_nacimiento"),
    "doc": ("passport_number", "ppt_no", "numero_pasaporte"), "expiry": ("document_expiry", "doc_exp_dt", "vencimiento"),
    "issue": ("date_of_issue", "iss_dt", "fecha_expedicion"), "issuer": ("issuing_country", "iss_ctry", "pais_emisor"),
    "nationality": ("nationality", "natl", "nacionalidad"), "sex": ("sex", "sx", "sexo"),
    "code": ("member_number", "mbr_no", "numero_socio"), "renewal": ("renewal_date", "rnw_dt", "renovacion"),
    "since": ("member_since", "mbr_since", "alta"), "country": ("billing_country", "bill_ctry", "pais_facturacion"),
    "delivery": ("delivery_date", "dlv_dt", "fecha_entrega"), "shipped": ("ship_date", "shp_dt", "fecha_envio"),
    "dest": ("destination_country", "dest_ctry", "pais_destino"), "parcel": ("parcel_number", "prcl_no", "numero_envio"),
    "serial": ("serial_number", "srl_no", "numero_serie"), "purchase": ("purchase_date", "purch_dt", "fecha_compra"),
    "warranty": ("warranty_end", "wrnty_end", "fin_garantia"), "contract": ("contract_number", "ctr_no", "numero_contrato"),
    "contract_end": ("contract_end", "ctr_end", "fin_contrato"), "start": ("start_date", "strt_dt", "fecha_inicio"),
    "arrival": ("arrival_date", "arr_dt", "fecha_llegada"), "room": ("room", "rm", "habitacion"),
    "flight": ("flight_number", "flt_no", "vuelo"), "status": ("status", "sts", "estado"),
    "tier": ("tier", "tr", "nivel"), "amount": ("amount", "amt", "importe"), "plan": ("plan", "pln", "plan_tarifa"),
    "weight": ("weight_kg", "wt_kg", "peso_kg"), "model": ("model", "mdl", "modelo"),
    "card": ("card_number", "crd_no", "numero_tarjeta"), "valid": ("valid_until", "vld_to", "valido_hasta"),
}
STYLES = ("honest", "abbreviated", "local", "opaque")


def _record(kind: str, r: random.Random, issuer: str) -> dict[str, Any]:
    """One row of a table of ``kind``: {role: value}; ``issuer`` is the table's main issuing country."""
    own = issuer if r.random() < 0.7 else r.choice(list(ISSUERS))
    row: dict[str, Any] = {"name": _name(r)}
    if kind in ("kyc", "hotel", "apis", "visa"):
        issue = _day(r, -10 * 365, -30)
        expiry = _years(issue, r.choice([5, 10, 10])) - timedelta(days=r.choice([0, 1]))
        row |= {"birth": _birth(r), "doc": ISSUERS[own](r), "expiry": expiry}
        if kind == "kyc":
            row |= {"issuer": own, "status": r.choice(["verified", "pending", "rejected"])}
        elif kind == "hotel":
            row |= {"nationality": own, "arrival": _day(r, -60, 30), "room": str(r.randint(101, 640))}
        elif kind == "apis":
            row |= {"sex": r.choice("MFMFX"), "nationality": own, "issuer": own,
                    "flight": f"{r.choice(CARRIER)}{r.randint(10, 2999)}"}
        else:
            row |= {"issue": issue, "nationality": own, "status": r.choice(["submitted", "approved", "refused"])}
        return row
    code = ISSUERS[own](r)  # the look-alikes' codes share the passports' templates
    if kind == "members":
        row |= {"birth": _birth(r), "code": code, "since": _day(r, -12 * 365, -1), "country": own,
                "tier": r.choice(["silver", "gold", "platinum"])}
    elif kind == "subscriptions":
        row |= {"code": code, "start": _day(r, -3 * 365, -1), "renewal": _day(r, 1, 365), "country": own,
                "plan": r.choice(["basic", "family", "premium"])}
    elif kind == "shipments":
        shipped = _day(r, -20, 0)
        row |= {"parcel": code, "shipped": shipped, "delivery": shipped + timedelta(days=r.randint(1, 12)),
                "dest": own, "weight": round(r.uniform(0.2, 30), 1)}
    elif kind == "warranty":
        purchase = _day(r, -5 * 365, -1)
        row |= {"serial": code, "purchase": purchase, "warranty": _years(purchase, r.choice([1, 2, 2, 3, 5])),
                "country": own, "model": r.choice(["X200", "Pro 14", "AirLite", "H9"])}
    elif kind == "insurance":  # a health insurance card, valid three or five years
        issued = _day(r, -4 * 365, -1)
        row |= {"birth": _birth(r), "card": code, "valid": _years(issued, r.choice([3, 5])), "country": own,
                "plan": r.choice(["basic", "family", "premium"])}
    elif kind == "leases":  # a tenancy register: three to fifteen years' terms
        start = _day(r, -8 * 365, -1)
        row |= {"contract": code, "start": start, "contract_end": _years(start, r.choice([3, 5, 10, 15])),
                "country": own, "amount": round(r.uniform(400, 6000), 2)}
    else:  # employment contracts
        start = _day(r, -6 * 365, -1)
        row |= {"birth": _birth(r), "contract": code, "start": start,
                "contract_end": _years(start, r.choice([1, 2, 3, 5, 8])), "country": own,
                "amount": round(r.uniform(1500, 9000), 2)}
    return row


_LABELS = {"name": "PERSON_NAME", "birth": "DATE_OF_BIRTH", "doc": "PASSPORT"}
DOCUMENT_KINDS = ("kyc", "hotel", "apis", "visa")
LOOKALIKE_KINDS = ("members", "subscriptions", "shipments", "warranty", "contracts", "insurance", "leases")


def identity_document_tables(seed: int = SEED, rows: int = ROWS, reference: date = REFERENCE) -> list[Column]:
    """Four kinds of identity-document tables and seven of look-alikes, each under the four naming styles.

    >>> cols = identity_document_tables(rows=5)
    >>> len({c.table for c in cols}), sum(c.label == "PASSPORT" for c in cols)
    (44, 16)
    """
    rng = random.Random(seed)
    _reference[0] = reference
    columns: list[Column] = []
    issuers = list(ISSUERS)
    for ki, kind in enumerate(DOCUMENT_KINDS + LOOKALIKE_KINDS):
        for si, style in enumerate(STYLES):
            table = f"di{ki}{si}_{kind}"
            issuer = issuers[(ki + si) % len(issuers)]
            records = [_record(kind, rng, issuer) for _ in range(rows)]
            date_style = rng.randrange(4)
            country_form = rng.randrange(5) if kind in DOCUMENT_KINDS or kind == "shipments" \
                else rng.choice([1, 2, 2, 3, 4])  # an address's country: two letters or a name, rarely alpha-3
            roles = list(records[0])
            rng.shuffle(roles)
            for i, role in enumerate(roles):
                name = f"c{i + 1}" if style == "opaque" else _NAMES[role][si]
                values = []
                for rec in records:
                    v = rec[role]
                    if isinstance(v, date):
                        v = _fmt(v, date_style)
                    elif role in ("issuer", "nationality", "country", "dest"):
                        v = _country(v, country_form)
                    values.append(v)
                columns.append(Column(table, name, _LABELS.get(role), style, values))
    return columns


def score(verbose: bool = False) -> dict[str, int]:
    """Classify every table of the probe (drawn around today) as the benchmark does; count PASSPORT's true
    positives, misses and false positives, and the non-sensitive columns given any type. Prints the wrong columns
    (every PASSPORT column with ``verbose``).

    >>> sorted(score.__annotations__)
    ['return', 'verbose']
    """
    from collections import defaultdict

    from benchmarks.classification.evaluate import frame
    from maskline.classify import classify

    tables: dict[str, list[Column]] = defaultdict(list)
    for c in identity_document_tables(reference=date.today()):
        tables[c.table].append(c)
    counts = {"tp": 0, "fn": 0, "fp": 0, "negatives": 0, "negatives_typed": 0}
    for table, cols in tables.items():
        verdicts = classify(frame(cols), table=table).by_name()
        for c in cols:
            got = verdicts[c.name]
            counts["negatives"] += c.label is None
            counts["negatives_typed"] += c.label is None and got.info_type is not None
            if c.label != "PASSPORT" and got.info_type != "PASSPORT":
                continue
            right = got.info_type == c.label
            counts["tp" if right else "fn" if c.label else "fp"] += 1
            if verbose or not right:
                print(f"{'  ' if right else 'XX'} {table}.{c.name} ({c.style}): {c.label} -> {got.info_type} "
                      f"{got.confidence:.2f}")
    tp, fn, fp = counts["tp"], counts["fn"], counts["fp"]
    print(f"PASSPORT precision {tp / max(1, tp + fp):.2f} recall {tp / max(1, tp + fn):.2f} (tp {tp}, fn {fn}, "
          f"fp {fp}); non-sensitive columns typed {counts['negatives_typed']} of {counts['negatives']}")
    return counts


if __name__ == "__main__":
    import sys

    score(verbose="-v" in sys.argv)
