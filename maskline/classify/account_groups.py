"""Domestic bank account numbers written in groups, without a column name: the column-level statistic.

Where a country's check digits are known, :func:`maskline.infotypes.validators.bank_account_checked` proves an
account by its value. Where they are not (or the data is test data), the way accounts are written still shows
in a column: bank, branch, account and key as digit groups of fixed widths joined by ``-``, ``/`` or spaces
(``30004 00823 00010123401 78``, ``2100-0418-45-0200051332``, ``3427-1 / 811634-X``, ``12-34-56 12345678``).
What sets such a column apart from other grouped numbers:

- one template: the same separators in the same places, each group of one width (or a few: an account of five
  to eight digits), the widths not all equal (cards, licence keys and parcel numbers are chunked evenly for
  reading: ``4111 1111 1111 1111``, ``1234 5678 9012``);
- eleven digits or more (dates, national phone numbers, US SSNs and ISBN-10s have fewer); at twelve or fewer,
  most values must not open with a trunk ``0`` (a national phone number);
- the leading group is drawn, not picked from a few (ISBNs open with 978 or 979, a marketplace's order
  numbers with one of a handful of prefixes), and is no year or date (invoices, birth numbers);
- nearly every value is distinct, and the values do not pass the Luhn check (cards and IMEIs do), a personal
  number's check (grouped national ids: ``1-2345-67890-12-1``) or the GTIN check (grouped barcodes:
  ``4 006381 333931``).

A column of several banks' customers may hold several such templates (BRI ``0123-01-012345-50-1`` beside
Mandiri ``123-00-1234567-8``): each template of ten values or more is then tested on its own, and those that pass
must fill the column together (``account-templates``).

Phone numbers in international notation (``+``) and IBANs (letters) do not fit the template. The evidence is
modest (``STRENGTH``), a little higher (``NAMED_STRENGTH``) when the column's name carries a word of a personal
document or account (:data:`maskline.infotypes.name_hints.PERSONAL_DOCUMENT_WORDS`), and not distinctive
(``CHANCE``): a name pointing to another type wins.

>>> import random
>>> r = random.Random(3)
>>> rib = ["%05d %05d %011d %02d" % (r.randint(0, 99999), r.randint(0, 99999), r.randint(0, 10**11 - 1),
...                                  r.randint(0, 99)) for _ in range(40)]
>>> not_accounts(rib) is None
True
>>> not_accounts(["%04d %04d %04d %04d" % tuple(r.randint(0, 9999) for _ in range(4)) for _ in range(40)])
'evenly chunked: every group has 4 digits'
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

MIN_VALUES = 10  # fewer grouped values than this say nothing about a column
MIN_SHARE = 0.6  # of a column's values (placeholders removed) that must follow the one template
MIN_DIGITS = 11  # median digits of a value
PHONE_DIGITS = 12  # at this many digits or fewer, a trunk 0 opening most values says phone numbers
WIDTH_SPAN = 3  # a group's width may vary this much (an account of five to eight digits)
LEADING_SPREAD = 0.3  # distinct leading groups, as a share of the values (or of the widths' code space)
DATED_SHARE = 0.7  # random four digits read as a year 2% of the time, six as a date one time in sixteen
PERSONAL_SHARE = 0.6  # random digits of 11 or more pass one of the personal-number checks up to one time in four
GTIN_SHARE = 0.5  # random digits pass the GTIN check one time in ten; barcodes always
LUHN_SHARE = 0.5  # random digits pass Luhn one time in ten; cards and IMEIs always
DISTINCT_SHARE = 0.9  # of the values that must be distinct
STRENGTH = 0.75  # grouped digits of one template: a verdict at low confidence
NAMED_STRENGTH = 0.82  # ... and a personal-document or account word in the column name
CHANCE = 0.3  # not distinctive: a name pointing to another type wins

_SEPARATOR = re.compile(r"( ?[-/] ?| )")
_CHECK_CHAR = re.compile(r"^[0-9X]$")  # a lone check character closing an account (Brazil: 811634-X)


def _groups(value: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The value's digit groups and its separators (``-``, ``/`` or a space), or None when it is not grouped."""
    if not "0" <= value[:1] <= "9":  # the first group is ASCII digits: prose and names need no split
        return None
    parts = _SEPARATOR.split(value)
    groups, seps = tuple(parts[0::2]), tuple(s.strip() or " " for s in parts[1::2])
    if len(groups) < 2 or not all(g.isascii() and g.isdigit() and len(g) <= 12 for g in groups[:-1]):
        return None
    last = groups[-1]
    if not (last.isascii() and last.isdigit() and len(last) <= 12 or _CHECK_CHAR.match(last)):
        return None
    return groups, seps


def not_accounts(values: Sequence[str]) -> str | None:
    """Why grouped digits of one template are not account numbers (a statistic, never a value), or None.

    ``values`` are a column's distinct values of one separator template.

    >>> not_accounts(["978-3-%02d-%06d-%d" % (i % 90 + 10, i * 7919 % 10**6, i % 10) for i in range(40)])
    'few leading groups: 1 distinct'
    >>> not_accounts(["0%03d %07d" % (i * 37 % 1000, i * 7919 % 10**7) for i in range(40)])
    'phone numbers: 100% open with a trunk 0 and hold 11 digits'
    """
    from maskline.classify.check_digits import check_digit_refutation, opening_date

    parsed = [g for v in values for g in [_groups(v)] if g]
    if len(parsed) < MIN_VALUES:
        return "too few grouped values"
    widths = list(zip(*(tuple(len(x) for x in groups) for groups, _ in parsed), strict=False))
    if any(max(w) - min(w) > WIDTH_SPAN for w in widths):
        return "no one template: a group's width varies"
    fixed = {w[0] for w in widths if len(set(w)) == 1}
    if len(fixed) == 1 and all(len(set(w)) == 1 for w in widths):
        return f"evenly chunked: every group has {fixed.pop()} digits"
    digits = ["".join(groups) for groups, _ in parsed]
    median = statistics.median(len(d) for d in digits)
    if median < MIN_DIGITS:
        return f"short: a median of {median:g} digits"
    trunk = sum(d.startswith("0") for d in digits) / len(digits)
    if median <= PHONE_DIGITS and trunk >= 0.5:
        return f"phone numbers: {trunk:.0%} open with a trunk 0 and hold {median:g} digits"
    # Drawn, not picked from a few: ISBNs open with 978 or 979, invoices with a year, a marketplace's orders with
    # one of a handful of prefixes.
    leading = Counter(groups[0] for groups, _ in parsed)
    space = 10 ** Counter(len(g) for g in leading.elements()).most_common(1)[0][0]
    if len(leading) < LEADING_SPREAD * min(len(parsed), space):
        return f"few leading groups: {len(leading)} distinct"
    # A few values cannot show a few prefixes; a year or a date opening them can (invoices, birth numbers such as
    # Korean resident numbers, 900101-1234567: a national id, not an account).
    dated = sum(opening_date(groups[0]) for groups, _ in parsed) / len(parsed)
    if dated >= DATED_SHARE:
        return f"dated: {dated:.0%} open with a year or a date"
    refuted = check_digit_refutation(digits, luhn_share=LUHN_SHARE, gtin_share=GTIN_SHARE,
                                     personal_share=PERSONAL_SHARE)
    if refuted:
        return refuted
    return None


def grouped_account_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                             name: str = "") -> list[Any]:
    """BANK_ACCOUNT evidence for a text column most of whose values are digit groups of one account template
    that :func:`not_accounts` does not refute, or ``[]``. ``values`` and ``weights`` are the column's distinct
    values (placeholders removed) and their counts, ``n`` their total.

    >>> import random
    >>> r = random.Random(4)
    >>> ccc = ["%04d-%04d-%02d-%010d" % (r.randint(0, 9999), r.randint(0, 9999), r.randint(0, 99),
    ...                                  r.randint(0, 10**10 - 1)) for _ in range(50)]
    >>> grouped_account_evidence(ccc, [1.0] * 50, 50.0)[0].detector
    'account-groups'
    >>> grouped_account_evidence(["2024-%06d" % i for i in range(50)], [1.0] * 50, 50.0)
    []
    """
    from maskline.classify.template_evidence import TemplateSpec, template_evidence

    if not n:
        return []
    templates: dict[tuple[str, ...], list[int]] = {}
    for i, v in enumerate(values):
        g = _groups(v)
        if g:
            templates.setdefault(g[1], []).append(i)
    if not templates:
        return []
    chosen = max(templates.values(), key=lambda idx: sum(weights[i] for i in idx))
    spec = TemplateSpec("BANK_ACCOUNT", "account-groups", STRENGTH, NAMED_STRENGTH, CHANCE, MIN_SHARE,
                        DISTINCT_SHARE)
    found = template_evidence(spec, values, weights, n, chosen, not_accounts, name)
    if found or len(templates) < 2:
        return found
    # Customers of several banks: each bank's template (BRI 0123-01-012345-50-1 beside Mandiri 123-00-1234567-8)
    # must pass as accounts on its own; together they must fill the column as one template would.
    passing = [idx for idx in templates.values()
               if len(idx) >= MIN_VALUES and not_accounts([values[i] for i in idx]) is None]
    if len(passing) < 2:
        return []
    several = TemplateSpec("BANK_ACCOUNT", "account-templates", STRENGTH, NAMED_STRENGTH, CHANCE, MIN_SHARE,
                           DISTINCT_SHARE)
    return template_evidence(several, values, weights, n, sorted(i for idx in passing for i in idx),
                             lambda _: None, name)
