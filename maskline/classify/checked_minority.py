"""Bank accounts of several countries in one column: national check digits that hold far more often than chance.

A bank's customers keep accounts in many countries, so one column can hold bare domestic numbers (US and UK
accounts have no check digit) beside French RIBs, Spanish CCCs, Portuguese NIBs or Belgian accounts. The
national-check-digits detector needs half the column to validate; here a minority is enough when chance cannot
explain it: a random number of a checked length (twelve digits or more) passes its country's check about one
time in a hundred (:data:`CHANCE`), so a dozen valid keys among a hundred values are no accident. What proves the
column's kind are those keys; the rest of it must look like account numbers too (:func:`bank_account`'s shape:
digits and capitals, at least six digits), in nearly distinct values.

IBANs can be that minority too: a payroll pays most staff into domestic accounts (bare digits, no country) and a
few abroad into IBANs. Checked IBANs in a minority of the values would read the whole column as IBAN, the type of
the few (:func:`iban_minority_evidence`); the bare account digits beside them (eight to eighteen digits, nearly all
distinct) make it BANK_ACCOUNT, the kind of every value, at :data:`IBAN_MINORITY_STRENGTH`, above the IBAN reading
of a minority.

Eleven-digit numbers are left out: Norway's account check is the mod-11 check of its personal numbers, which
pass one time in eleven anyway. Slashed numbers (Czech accounts) are left out too: birth numbers share the slash.

>>> import random
>>> r = random.Random(7)
>>> def be(r):
...     body = r.randint(10**9, 10**10 - 1)
...     return "%010d%02d" % (body, body % 97 or 97)
>>> column = ["%012d" % r.randint(10**11, 10**12 - 1) for _ in range(80)] + [be(r) for _ in range(20)]
>>> checked_minority_evidence(column, [1.0] * 100, 100.0)[0].detector
'checked-minority'
>>> checked_minority_evidence(column[:80], [1.0] * 80, 80.0)  # bare numbers alone: chance explains a key or two
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

MIN_VALIDATED = 5  # valid keys fewer than this say nothing, whatever their p-value
CHANCE = 0.012  # a random number of a checked length passes its check (1/97 to 1/100; 1/1000 for 24 digits)
MAX_P = 1e-4  # the valid keys' binomial tail against CHANCE
MIN_SHARE = 0.8  # of the column's rows that must look like account numbers
DISTINCT_SHARE = 0.9  # of those rows that must be distinct values
STRENGTH = 0.75  # a verdict at low confidence, as the other account rules without a name
IBAN_MINORITY_STRENGTH = 0.8  # above an IBAN reading of a minority (0.68 for a quarter of the values)
MIN_IBANS = 3  # valid IBANs fewer than this are no minority worth weighing (the IBAN detector needs more anyway)
BARE_SHARE = 0.5  # of the column's values that must be bare account digits beside the IBANs
CHECKED_LENGTHS = frozenset({12, 16, 17, 20, 21, 22, 23, 24})  # validators._ACCOUNT_CHECKS without Norway's 11

_SEPARATORS = re.compile(r"[ .-]")
_BARE_ACCOUNT = re.compile(r"^[0-9]{8,18}$")


def checked_minority_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """BANK_ACCOUNT evidence for a text column of account-shaped values among which national check digits hold
    far more often than chance (:data:`MAX_P`), or ``[]``. ``values`` and ``weights`` are the column's distinct
    values (placeholders removed) and their counts, ``n`` their total.

    >>> checked_minority_evidence(["%012d" % (7919 * i) for i in range(200)], [1.0] * 200, 200.0)
    []
    """
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.national_accounts import integer_clabe
    from maskline.infotypes.validators import bank_account, bank_account_checked

    if not n:
        return []
    shaped = [i for i, v in enumerate(values) if bank_account(v)]
    weight = sum(weights[i] for i in shaped)
    if weight < MIN_SHARE * n or len(shaped) < DISTINCT_SHARE * weight:
        return []
    candidates = [values[i] for i in shaped if "/" not in values[i]
                  and len(d := _SEPARATORS.sub("", values[i].strip())) in CHECKED_LENGTHS and d.isdigit()]
    # CLABEs stored as integers are no minority's key: their padded check passes three random values in a hundred,
    # above this reading's chance (national_accounts.integer_clabe).
    validated = sum(bank_account_checked(v) and not integer_clabe(v) for v in candidates)
    p_value = tail_at_least(validated, len(candidates), CHANCE)
    if validated < MIN_VALIDATED or p_value > MAX_P:
        return []
    return [Evidence("BANK_ACCOUNT", "checked-minority", weight / n, 1.0, len(shaped), len(shaped), p_value, False,
                      STRENGTH, chance=CHANCE, min_share=MIN_SHARE)]


def iban_minority_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """BANK_ACCOUNT evidence for a column of bare account digits (eight to eighteen, nearly all distinct) beside a
    minority of IBANs that validate, or ``[]``. ``values`` and ``weights`` are the column's distinct values
    (placeholders removed) and their counts, ``n`` their total.

    >>> import random
    >>> from stdnum import iban
    >>> r = random.Random(3)
    >>> def gb(r):
    ...     bban = "NWBK" + "%014d" % r.randint(0, 10**14 - 1)
    ...     return "GB" + iban.calc_check_digits("GB00" + bban) + bban
    >>> column = [str(r.randint(10**14, 10**15 - 1)) for _ in range(30)] + [gb(r) for _ in range(8)]
    >>> [(e.info_type, e.strength) for e in iban_minority_evidence(column, [1.0] * 38, 38.0)]
    [('BANK_ACCOUNT', 0.8)]
    >>> iban_minority_evidence([gb(r) for _ in range(30)], [1.0] * 30, 30.0)  # IBANs alone: the IBAN reading's
    []
    """
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.validators import bank_account, iban

    # An IBAN opens with a country's two letters and two check digits: without three such values, nothing to read
    # (the cheap test spares the account shape's pass over every text column).
    if not n or sum(w for v, w in zip(values, weights, strict=True) if v[:2].isalpha() and v[2:4].isdigit()) < MIN_IBANS:
        return []
    shaped = [i for i, v in enumerate(values) if bank_account(v)]
    weight = sum(weights[i] for i in shaped)
    if weight < MIN_SHARE * n or len(shaped) < DISTINCT_SHARE * weight:
        return []
    ibans = sum(weights[i] for i in shaped if values[i][:2].isalpha() and iban(values[i]))
    bare = sum(weights[i] for i in shaped if _BARE_ACCOUNT.match(values[i]))
    if ibans < MIN_IBANS or ibans >= bare or bare < BARE_SHARE * n:
        return []
    return [Evidence("BANK_ACCOUNT", "iban-minority", weight / n, 1.0, len(shaped), len(shaped), 0.0, False,
                     IBAN_MINORITY_STRENGTH, chance=CHANCE, min_share=MIN_SHARE)]
