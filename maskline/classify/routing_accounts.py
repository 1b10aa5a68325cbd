"""US bank accounts written after their routing number, without a column name: ``021000021 123456789``.

A US account number has no check digit and no fixed length (four to seventeen digits), so alone it is any number.
Direct-deposit and ACH exports often write it after the bank's ABA routing number, in one value, and the routing
number carries what the account lacks:

- nine digits opening with a Federal Reserve routing symbol (``00``-``12``, ``21``-``32``, ``61``-``72``, ``80``)
  and closing with the 3-7-1 check digit (python-stdnum's ``us.rtn``): random nine digits pass both about one
  time in twenty (:data:`CHANCE`), so a column where nearly all do is no accident;
- then a separator (a space, ``-`` or ``/``) and the account, four to seventeen digits.

A column of routing numbers alone is no account (a routing number names a bank, which is public): only the pair
is read. The accounts must be nearly all distinct (a bank's own routing numbers repeat; its customers' accounts do
not), and must not pass the Luhn check in most values (a card number after a nine-digit code). The evidence is
modest (``STRENGTH``), a little higher with an account word in the column's name.

>>> import random
>>> r = random.Random(9)
>>> def aba(r):
...     body = "%02d%06d" % (r.choice([1, 2, 11, 21, 26, 31]), r.randint(0, 999999))
...     return body + str(-sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7))) % 10)
>>> pairs = ["%s %010d" % (aba(r), r.randint(0, 10**10 - 1)) for _ in range(40)]
>>> routing_account_evidence(pairs, [1.0] * 40, 40.0)[0].detector
'routing-and-account'
>>> routing_account_evidence(["%09d %010d" % (r.randint(0, 10**9 - 1), r.randint(0, 10**10 - 1))
...                           for _ in range(40)], [1.0] * 40, 40.0)  # nine drawn digits: one in twenty pass
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

MIN_VALUES = 10  # fewer pairs than this say nothing about a column
MIN_SHARE = 0.6  # of the column's rows (placeholders removed) that must be a nine-digit group and an account
ROUTING_SHARE = 0.9  # of those pairs whose nine digits must be a routing number
DISTINCT_SHARE = 0.9  # of the pairs' accounts that must be distinct
LUHN_SHARE = 0.5  # random digits pass Luhn one time in ten; card numbers always
CHANCE = 0.05  # random nine digits open with a routing symbol (45 in 100) and pass the check (1 in 10)
STRENGTH = 0.75  # a verdict at low confidence, as the other account rules without a name
NAMED_STRENGTH = 0.82  # ... and an account word in the column name

_PAIR = re.compile(r"^([0-9]{9})(?: ?[-/] ?| )([0-9]{4,17})$")
_ROUTING_SYMBOLS = frozenset(range(0, 13)) | frozenset(range(21, 33)) | frozenset(range(61, 73)) | {80}


def routing_number(digits: str) -> bool:
    """Nine digits that open with a Federal Reserve routing symbol and pass the ABA check (the validators'
    ``us_routing_number``, python-stdnum's).

    >>> routing_number("021000021"), routing_number("021000022"), routing_number("500000005")
    (True, False, False)
    """
    from maskline.infotypes.validators import VALIDATORS

    return len(digits) == 9 and int(digits[:2]) in _ROUTING_SYMBOLS and VALIDATORS["us_routing_number"](digits)


def routing_account_evidence(values: Sequence[str], weights: Sequence[float], n: float, name: str = "") -> list[Any]:
    """BANK_ACCOUNT evidence for a text column most of whose values are a routing number and an account, or
    ``[]``. ``values`` and ``weights`` are the column's distinct values (placeholders removed) and their counts,
    ``n`` their total.

    >>> routing_account_evidence(["021000021"] * 20, [1.0] * 20, 20.0)  # routing numbers alone: no account
    []
    """
    from maskline.classify.check_digits import luhn
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.name_hints import names_personal_document

    if not n:
        return []
    pairs = [(i, m.group(1), m.group(2)) for i, v in enumerate(values) for m in [_PAIR.match(v.strip())] if m]
    weight = sum(weights[i] for i, _, _ in pairs)
    if len(pairs) < MIN_VALUES or weight < MIN_SHARE * n:
        return []
    routed = sum(routing_number(r) for _, r, _ in pairs)
    accounts = {a for _, _, a in pairs}
    if routed < ROUTING_SHARE * len(pairs) or len(accounts) < DISTINCT_SHARE * weight:
        return []
    if sum(luhn(a) for a in accounts) >= LUHN_SHARE * len(accounts):
        return []
    strength = NAMED_STRENGTH if names_personal_document(name) else STRENGTH
    return [Evidence("BANK_ACCOUNT", "routing-and-account", weight / n * routed / len(pairs), routed / len(pairs),
                      len(pairs), routed, tail_at_least(routed, len(pairs), CHANCE), False, strength, chance=CHANCE,
                      min_share=MIN_SHARE)]
