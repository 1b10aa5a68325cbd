"""India's PAN (Permanent Account Number) of a person, checked as python-stdnum checks it, its holder read.

Ten characters: five letters, four digits, a letter. The fourth letter says who holds it (python-stdnum's
``in_.pan``: ``P`` an individual, ``H`` a Hindu undivided family, ``C`` a company, ``F`` a firm, ``T`` a trust,
``G`` a government body...), the fifth is the initial of the holder's surname or name. There is no check
character. A people table holds people's PANs; a firm's PAN is a company's tax number, like its VAT number, and
is left to the fail-closed default. So a value counts only when stdnum accepts it and its holder is a person or a
family: random strings of the shape pass 2 times in 26 (the fourth letter), which a column-level share and its
p-value (``maskline.classify.column``) rule out.

The column name does not help: ``pan`` is also a card's primary account number (``name_hints``), and the values,
letters among the digits, are no card's.

>>> personal_pan("ABCPE1234F"), personal_pan("AAAHA1234B"), personal_pan("AAACA1234B"), personal_pan("ABCPE1234")
(True, True, False, False)
"""

from __future__ import annotations

import re

PERSONAL_HOLDERS = frozenset("PH")  # an individual, a Hindu undivided family
_PAN = re.compile(r"^[A-Z]{5}[0-9]{4}[A-Z]$")


def personal_pan(value: str) -> bool:
    """Whether ``value`` is a PAN python-stdnum accepts, held by a person or a family (its fourth letter)."""
    v = value.strip()
    if not _PAN.match(v) or v[3] not in PERSONAL_HOLDERS:
        return False
    from stdnum.in_ import pan

    return bool(pan.is_valid(v))
