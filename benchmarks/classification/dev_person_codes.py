"""Dev-split tables of people's contact data beside business codes shaped like passports (since the ``clsopq`` round,
issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(``SEED_OFFSET``), so the tables before them stay as they were. Written before the classifier was changed in that
round, and scored before any rule read a table's people for document numbers (RESULTS.md): they are the hard
negatives of such a rule. One table per locale of :data:`LOCALES` (dev locales only), each with four columns of
people's contact data (a full name, an e-mail, a phone, a street address, under their own names, as a customer or
member table has them) and every look-alike of :data:`LOOKALIKES`, most under opaque names, in an order shuffled per
table:

- claim and loyalty numbers of one or two letters and seven or eight drawn digits, every row distinct: by their
  values exactly a passport series, the look-alike no value statistic separates;
- membership and customer numbers behind a letter, counted (a run from a random start, padded);
- vouchers of one letter and eight drawn digits, a few codes repeated over the rows;
- staff badges (a letter and six drawn digits), booking references (six letters and digits), tickets (a letter, a
  year and a counter) and drawn ids of nine to twelve digits.

>>> cols = person_code_tables(7, rows=30)
>>> len(cols), len({c.table for c in cols}), sum(c.label is None for c in cols)
(130, 10, 90)
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 83  # its own generator (47-79 are other modules'): the tables before it stay as they were
LOCALES = ("en", "en-gb", "de", "fr", "es", "it", "nl", "pt-br", "ru", "hu")
OPAQUE = ("c{i}", "f{i}", "ref{i}", "fld_{c}", "val{i}", "x_{i}", "data{i}", "attr{i}", "col{i}", "unnamed_{i}")
UP, DG = string.ascii_uppercase, string.digits


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DG) for _ in range(n))


def _one_letter_drawn(rng: random.Random) -> Callable[[random.Random], str]:
    """Claim numbers: one letter for the table and eight drawn digits."""
    letter = rng.choice(UP)
    return lambda r: letter + _digits(r, 8)


def _two_tier_drawn(rng: random.Random) -> Callable[[random.Random], str]:
    """Loyalty numbers: one of two tiers' letters and seven drawn digits."""
    letters = rng.sample(UP, 2)
    return lambda r: r.choice(letters) + _digits(r, 7)


def _counted(letter: str, width: int) -> Callable[[random.Random], Callable[[random.Random], str]]:
    """Membership and customer numbers: a letter and a counter from a random start, padded."""
    def maker(rng: random.Random) -> Callable[[random.Random], str]:
        state = [rng.randint(1, 10 ** (width - 1))]

        def make(r: random.Random) -> str:
            state[0] += r.randint(1, 3)
            return f"{letter}{state[0]:0{width}d}"
        return make
    return maker


def _vouchers(rng: random.Random) -> Callable[[random.Random], str]:
    """A few voucher codes repeated over the rows."""
    codes = [rng.choice(UP) + _digits(rng, 8) for _ in range(rng.randint(4, 12))]
    return lambda r: r.choice(codes)


def _fixed(make: Callable[[random.Random], Any]) -> Callable[[random.Random], Callable[[random.Random], Any]]:
    return lambda rng: make


LOOKALIKES: tuple[tuple[tuple[str, ...], Callable[[random.Random], Callable[[random.Random], Any]]], ...] = (
    (("claim_no", "claim_ref"), _one_letter_drawn),
    (("loyalty_no", "card_ref"), _two_tier_drawn),
    (("member_no", "membership"), _counted("M", 7)),
    (("customer_no", "client_ref"), _counted("C", 8)),
    (("voucher", "promo"), _vouchers),
    (("badge", "staff_badge"), _fixed(lambda r: r.choice(UP) + _digits(r, 6))),
    (("booking_ref", "pnr"), _fixed(lambda r: "".join(r.choice(UP + DG) for _ in range(6)))),
    (("ticket_no", "ticket"), _fixed(lambda r: f"T{r.randint(2019, 2025)}{r.randint(1, 99999):05d}")),
    (("external_id", "ext_ref"), _fixed(lambda r: _digits(r, 1).replace("0", "7") + _digits(r, r.randint(8, 11)))),
)
PEOPLE = (("PERSON_NAME", "customer_name"), ("EMAIL", "email"), ("PHONE", "phone"), ("STREET_ADDRESS", "address"))


def _person_value(label: str, g: Any) -> str:
    if label == "PERSON_NAME":
        return str(g.person.full_name())
    if label == "EMAIL":
        return str(g.person.email())
    if label == "PHONE":
        return str(g.person.telephone())
    return str(g.address.address())


def person_code_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: four people's contact columns and the nine look-alikes, shuffled.

    >>> sorted({c.label or "" for c in person_code_tables(1, rows=5)})
    ['', 'EMAIL', 'PERSON_NAME', 'PHONE', 'STREET_ADDRESS']
    """
    from mimesis import Generic
    from mimesis.locales import Locale

    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
        table = f"dq{li:02d}_{locale.replace('-', '_')}"
        entries: list[Any] = list(PEOPLE) + list(LOOKALIKES)
        rng.shuffle(entries)
        used: set[str] = set()
        for i, entry in enumerate(entries):
            if isinstance(entry[0], str):
                label, name = entry
                style, values = "honest", [_person_value(label, g) for _ in range(rows)]
            else:
                names, maker = entry
                make = maker(rng)
                label = None
                name, style = ((rng.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26]), "opaque")
                               if rng.random() < 0.7 else (rng.choice(names), "honest"))
                values = [make(rng) for _ in range(rows)]
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, values))
    return columns
