"""Passport and travel-document numbers without a column name: the column-level statistic that tells them apart.

One value (``KF241967``) proves nothing: a short letter block and a digit block is also a SKU, an order number,
a ticket or a tracking number. A column proves more. Many countries number their passports with one template,
a series of one to three letters followed by six to eight digits (ICAO 9303 leaves the scheme to the issuer):
Italy and Greece ``YA1234567``, Ukraine and Brazil ``FX123456``, Spain ``PAA123456``, Iran ``K12345678``, the
United States (since 2021) a letter and eight digits among nine-digit numbers. Two other series are read the
same way: a digit series set apart by a space (Russian passports, ``75 1234567`` and ``45 06 123456``, among
the same digits written without it), the Dutch format python-stdnum checks
(:mod:`stdnum.nl.identiteitskaartnummer`: two letters, six letters or digits, a digit, no ``O``:
``NXC3K1B81``), and two issuers' schemes of nine characters (:data:`_ISSUER_SCHEMES`: Germany's authority code
and serial in an alphabet without vowels, ``C01X00T47``; France's ``09AB12345``). What sets a column of them
apart from business codes of the same shape:

- one template: one series of one length and a number of one length (or two adjacent ones, ``6-7``) for at
  least half the values with a series, the rest other issuers' documents (a bank's foreign customers); or bare
  digits of the same width for most values (the issuer's own: Britain's nine digits) and the documents of
  other issuers, judged together, beside them;
- the series varies: many distinct series spread over the rows, where SKUs, order numbers, tickets and
  tracking numbers share one prefix or a few (``SO1234567``, ``A123456789``), and mobile numbers one trunk
  (``06 12345678``);
- the digits are drawn, not counted: their leading digit varies (row ids padded behind a prefix, ``AB000123``,
  open with one or two), in the numbers behind the series and in the bare digits beside them;
- nearly every value is distinct, with no separator inside (plates, SKUs and licence keys have dashes or spaces)
  and nothing after the digits (UPU parcel numbers end in a country code: ``RA123456785DE``).

Container numbers (four letters), plates (three or four digits), ISINs (ten digits after the country) and PNRs
(letters and digits mixed) fall outside the template; identity cards numbered three letters and six digits with
a check digit (:func:`_identity_card`) are refuted. What is left is weak evidence, by design: a verdict at
low confidence (``STRENGTH``), a little higher (``NAMED_STRENGTH``) when the column's name carries a word of a
personal document (:data:`maskline.infotypes.name_hints.PERSONAL_DOCUMENT_WORDS`), and a name that points to
another type wins (the evidence is not distinctive: ``CHANCE``).

The shortest template, one letter and six digits (``N611987``: Portugal numbers its passports so), is also the
template of staff badges, employee and student numbers drawn behind a letter (``E482913``): seven characters, and
nothing in a column of them says which. From the values alone it is a guess below the default
``min_confidence`` (``SHORT_STRENGTH``, the column stays unclassified and the fail-closed default masks it as
uncertain, its evidence naming the guess), as for one fixed series letter
(:mod:`maskline.classify.document_series`); a word of an identity or travel document in the name
(:func:`~maskline.infotypes.name_hints.names_identity_document`), which badges do not carry, makes it a moderate
verdict (``SHORT_NAMED_STRENGTH``). A ``badge`` or ``member`` word (a personal document, not a travel one) does not.

>>> import random
>>> r = random.Random(1)
>>> docs = ["".join(r.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ", k=2)) + str(r.randint(10**6, 10**7 - 1)) for _ in range(40)]
>>> not_document_numbers(docs) is None
True
>>> not_document_numbers(["SO%07d" % r.randint(0, 10**7 - 1) for _ in range(40)])
'one series: 100% of the series are the same'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

MIN_VALUES = 10  # fewer values with a series than this say nothing about a column
MIN_SHARE = 0.6  # of a column's values (placeholders removed) that must fit the template, bare digits included
PREFIXED_SHARE = 0.1  # ... and at least this share must show the series (letters, or digits set apart)
TEMPLATE_SHARE = 0.5  # of the values with a series that share one template (number lengths d or d+1), unless
# bare digits outnumber them
TOP_SERIES = 0.25  # the most common series may hold at most this share (or three values) ...
MIN_SERIES = 5  # ... and there must be at least this many distinct blocks (more for long columns, see below)
MIN_LEADING = 5  # distinct leading digits of the digit blocks: drawn numbers, not a counter
DISTINCT_SHARE = 0.9  # of the values that must be distinct
STRENGTH = 0.72  # the shape alone: a verdict at low confidence
NAMED_STRENGTH = 0.8  # the shape and a personal-document word in the column name
CARD_SHARE = 0.5  # random letters and digits pass an identity card's check one time in ten
CHANCE = 0.3  # not distinctive: a name pointing to another type wins
SHORT_SHARE = 0.5  # of the values with a series that are one letter and six digits: the shortest template
SHORT_STRENGTH = 0.55  # ... from the values alone: below the default min_confidence (badges have the template)
SHORT_NAMED_STRENGTH = 0.74  # ... with an identity or travel document word in the name: moderate
GOODS_STRENGTH = 0.55  # the shape under a name of goods' or business records' codes: a guess, below min_confidence

# Words saying a column holds codes of goods or of business records: articles, orders, invoices, parcels, bookings,
# tickets, production lots. Their codes are drawn with a passport's template as often as not (two letters and seven
# digits: ``PK0361050`` under ``sku``, ``item_code``, ``numero_envio``, ``srl_no``), and the column statistic cannot
# tell them apart, so under such a name the values-only reading is a guess (``GOODS_STRENGTH``): the column stays
# unclassified and the fail-closed default still masks it as uncertain, its evidence naming the guess. A personal
# or identity document word in the same name (``member_order_no``, ``visa_ticket``) keeps the reading.
GOODS_CODE_WORDS = frozenset({
    "sku", "item", "items", "product", "products", "produkt", "produit", "producto", "prodotto", "produto", "article",
    "artikel", "articulo", "articolo", "artigo", "part", "parts", "model", "asset", "catalog", "catalogue",
    "order", "orders", "ordine", "pedido", "bestellung", "commande", "encomenda", "invoice", "invoices", "factura",
    "fattura", "facture", "fatura", "rechnung", "receipt", "quote", "shipment", "shipping", "tracking", "parcel",
    "package", "consignment", "waybill", "awb", "envio", "spedizione", "sendung", "colis", "remessa", "container",
    "delivery", "lieferung", "entrega", "booking", "reservation", "reserva", "prenotazione", "buchung", "pnr",
    "ticket", "billete", "biglietto", "voucher", "coupon", "promo", "batch", "lot", "lote", "serial", "srl",
})

_PREFIXED = re.compile(r"^([A-Z]{1,3})([0-9]{6,8})$")
_SHORT = re.compile(r"^[A-Z][0-9]{6}$")
_DIGIT_SERIES = re.compile(r"^([0-9]{2}) ([0-9]{7})$|^([0-9]{2} ?[0-9]{2}) ([0-9]{6})$")
_DUTCH_MIDDLE = re.compile(r"[A-Z]")
_BARE = re.compile(r"^[0-9]{7,10}$")
# Issuers whose nine characters are not a letter series and digits, read as (scheme, pattern, where the series
# is, where the number is): Germany since 2007, a four-character authority code and a five-character serial, from
# the digits and the consonants that cannot be misread (no vowel, no B, D, Q or S), passports opening with C, F,
# G, H, J or K; France, two digits, a series of two letters and five digits. Random codes of letters and digits fit
# the German alphabet about one time in sixty (a vowel or B, D, Q, S turns up), so a column of them is not read
# as one; production lots of the French shape (a year, one of a few plants' letters, a serial) show few series.
_ISSUER_SCHEMES: tuple[tuple[str, re.Pattern[str], slice, slice], ...] = (
    ("de", re.compile(r"^[CFGHJK](?=[0-9]*[CFGHJKLMNPRTVWXYZ])[CFGHJKLMNPRTVWXYZ0-9]{8}$"), slice(0, 4), slice(4, 9)),
    ("fr", re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{5}$"), slice(2, 4), slice(4, 9)),
)


def _readings(value: str) -> list[tuple[str, str, str]]:
    """A document number's readings as (scheme, series, number), none when it fits no issuer's template:
    ``("letters", "YA", "1234567")``, ``("digits", "4506", "123456")``, ``("de", "C01X", "00T47")``. A value may fit
    two schemes (a German number of two letters and a final digit is also Dutch-shaped); the column's most common
    template decides which one it is (:func:`_template`).

    >>> _readings("FR4812345"), _readings("09AB12345")
    ([('letters', 'FR', '4812345')], [('fr', 'AB', '12345')])
    >>> [r[0] for r in _readings("CF3K1X2L7")]
    ['de', 'nl']
    >>> _readings("ZE4K1234A")  # Z opens no German passport (nor has it an E), and it is not a series and digits
    []
    """
    m = _PREFIXED.match(value)
    if m:
        return [("letters", m.group(1), m.group(2))]
    m = _DIGIT_SERIES.match(value)
    if m:
        series, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return [("digits", series.replace(" ", ""), number)]
    out = [(scheme, value[series], value[number]) for scheme, rx, series, number in _ISSUER_SCHEMES
           if rx.match(value)]
    if len(value) == 9 and _DUTCH_MIDDLE.search(value[2:8]):
        from stdnum.nl import identiteitskaartnummer

        if identiteitskaartnummer.is_valid(value):
            out.append(("nl", value[:2], value[2:]))
    return out


def _identity_card(value: str) -> bool:
    """Three letters and six digits whose first digit checks the rest (weights 7, 3, 1, 9, 7, 3, 1, 7, 3; letters
    count 10 to 35), as identity cards number themselves (the Polish dowód osobisty: ``ABA300000``); the
    number is a national id, not a passport.

    >>> _identity_card("ABA300000"), _identity_card("ABA300001")
    (True, False)
    """
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w
                for c, w in zip(value, (7, 3, 1, 9, 7, 3, 1, 7, 3), strict=True))
    return total % 10 == 0


def _template(prefixed: list[list[tuple[str, str, str]]]) -> list[tuple[str, str]]:
    """The values of the most common template: one scheme and length of series, number lengths ``d`` or ``d+1``
    (each value counted once, by its first reading that fits)."""
    counts = Counter(t for readings in prefixed for t in {(kind, len(a), len(b)) for kind, a, b in readings})
    best = max(counts, key=lambda t: counts[t] + counts[(t[0], t[1], t[2] + 1)])
    scheme, k, d = best
    return [next((a, b) for kind, a, b in readings if kind == scheme and len(a) == k and len(b) in (d, d + 1))
            for readings in prefixed
            if any(kind == scheme and len(a) == k and len(b) in (d, d + 1) for kind, a, b in readings)]


def not_document_numbers(values: Sequence[str]) -> str | None:
    """Why numbers with a series are not one issuer's document numbers (a statistic, never a value), or None.

    ``values`` are a column's distinct values that fit the template (with a series, or bare digits).

    >>> not_document_numbers(["X%07d" % (i * 7919 % 10**7) for i in range(30)] + ["S1234567"])
    'one series: 97% of the series are the same'
    >>> not_document_numbers(["AB%06d" % i for i in range(1, 40)] + ["CD%06d" % i for i in range(1, 40)])
    'one series: 50% of the series are the same'
    """
    prefixed = [p for v in values for p in [_readings(v)] if p]
    if len(prefixed) < MIN_VALUES:
        return "too few values with a series"
    same = _template(prefixed)
    bare = [v for v in values if _BARE.match(v)]
    if len(same) < TEMPLATE_SHARE * len(prefixed):
        if len(bare) < len(prefixed):
            return f"no one template: {len(same) / len(prefixed):.0%} of the prefixed values share one"
        # Bare digits are the issuer's own numbers (Britain, the United States, Croatia: nine digits), the others
        # the documents of other issuers, each in its own template: the lettered values are judged together.
        same = [(a, b) for readings in prefixed for _, a, b in readings[:1]]
    series = Counter(a for a, _ in same)
    top = series.most_common(1)[0][1]
    if top > max(3, TOP_SERIES * len(same)):
        return f"one series: {top / len(same):.0%} of the series are the same"
    # Long columns of random series show many of them: 26 single letters, hundreds of pairs.
    need = max(MIN_SERIES, min(13, len(same) // 4))
    if len(series) < need:
        return f"few series: {len(series)} distinct"
    # Only three letters and six digits have an identity card's shape (a template of six or seven digits, or
    # several issuers' documents judged together, holds other lengths beside them).
    carded = sum(_identity_card(a + b) for a, b in same if len(a) == 3 and a.isalpha() and len(b) == 6) / len(same)
    if carded >= CARD_SHARE:
        return f"identity cards: {carded:.0%} hold an identity card's check digit"
    # Counters (row ids behind a prefix, AB000123, AB000124) open with one or two digits; drawn numbers with all.
    # (A Dutch number's first character is a letter or a digit: it varies all the more.)
    leading = len({b[0] for _, b in same})
    if leading < MIN_LEADING:
        return f"counted, not drawn: {leading} distinct leading digits"
    bare_leading = len({v[0] for v in bare})
    if len(bare) >= MIN_VALUES and bare_leading < MIN_LEADING:  # row ids beside a few codes with a series
        return f"counted, not drawn: {bare_leading} distinct leading digits of the bare numbers"
    return None


def document_number_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                             name: str = "") -> list[Any]:
    """PASSPORT evidence for a text column most of whose values are document numbers with a series, of one
    template that :func:`not_document_numbers` does not refute, or ``[]``. ``values`` and ``weights`` are the
    column's distinct values (placeholders removed) and their counts, ``n`` their total.

    >>> import random
    >>> r = random.Random(2)
    >>> docs = [r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + str(r.randint(10**7, 10**8 - 1)) for _ in range(60)]
    >>> document_number_evidence(docs, [1.0] * 60, 60.0)[0].detector
    'document-number-series'
    >>> document_number_evidence(["A%09d" % r.randint(0, 10**9 - 1) for _ in range(60)], [1.0] * 60, 60.0)
    []
    """
    from maskline.classify.template_evidence import TemplateSpec, template_evidence

    if not n:
        return []
    prefixed = [i for i, v in enumerate(values) if _readings(v)]
    prefixed_w = sum(weights[i] for i in prefixed)
    if len(prefixed) < MIN_VALUES or prefixed_w < PREFIXED_SHARE * n:
        return []
    # Bare digits as long as series and number count too: the United States mixes nine digits and a letter and
    # eight, Russian passports are written with and without the space after the series.
    width = Counter(len(values[i].replace(" ", "")) for i in prefixed).most_common(1)[0][0]
    bare = [i for i, v in enumerate(values) if len(v) == width and _BARE.match(v)]
    family = prefixed + bare
    spec = TemplateSpec("PASSPORT", "document-number-series", STRENGTH, NAMED_STRENGTH, CHANCE, MIN_SHARE,
                        DISTINCT_SHARE)
    found = template_evidence(spec, values, weights, n, family, not_document_numbers, name)
    if found and sum(bool(_SHORT.match(values[i])) for i in prefixed) >= SHORT_SHARE * len(prefixed):
        return [_short_template(found[0], name)]
    if found and names_goods_code(name):
        from dataclasses import replace

        return [replace(found[0], strength=GOODS_STRENGTH,
                        note="a passport's template under a name of goods' or records' codes: a guess")]
    return found


def names_goods_code(column: str) -> bool:
    """Whether the column name says it holds codes of goods or business records (:data:`GOODS_CODE_WORDS`), with
    no word of a personal or identity document beside them.

    >>> names_goods_code("sku"), names_goods_code("item_code"), names_goods_code("numero_envio")
    (True, True, True)
    >>> names_goods_code("passport_no"), names_goods_code("member_order_no"), names_goods_code("c3")
    (False, False, False)
    """
    from maskline.infotypes.name_hints import IDENTITY_DOCUMENT_WORDS, PERSONAL_DOCUMENT_WORDS, name_words

    words = set(name_words(column))
    return bool(words & GOODS_CODE_WORDS) and not words & (PERSONAL_DOCUMENT_WORDS | IDENTITY_DOCUMENT_WORDS)


def _short_template(ev: Any, name: str) -> Any:
    """The evidence of a column of one letter and six digits: a guess from the values alone, a moderate verdict
    with an identity or travel document word in the name (see the module's last paragraph).

    >>> import random
    >>> r = random.Random(5)
    >>> short = ["%s%06d" % (r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), r.randint(0, 999999)) for _ in range(60)]
    >>> [(e.strength, e.note) for e in document_number_evidence(short, [1.0] * 60, 60.0, "badge")]
    [(0.55, 'one letter and six digits: badges and staff numbers have the template too')]
    >>> document_number_evidence(short, [1.0] * 60, 60.0, "doc_no")[0].strength
    0.74
    """
    from dataclasses import replace

    from maskline.infotypes.name_hints import names_identity_document

    if names_identity_document(name):
        return replace(ev, strength=SHORT_NAMED_STRENGTH,
                       note="one letter and six digits, a travel or identity document word in the name")
    return replace(ev, strength=SHORT_STRENGTH,
                   note="one letter and six digits: badges and staff numbers have the template too")
