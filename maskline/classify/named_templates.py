"""Identity numbers whose check fails, under a name that says what they are: the column's one template.

A national number proves itself by its check (a DNI's letter, a Verhoeff digit, a mod-11 digit): fake data,
test fixtures and numbers typed by hand fail it, and a column named ``dni`` or ``national_id`` holding them was
left untyped, masked only by the fail-closed default. The rule maskline applies to cards
(:data:`maskline.infotypes.detectors.DETECTORS`' ``card-shape``) holds here too: when the name and the shape agree
and only the check fails, the column is the named type, at lower confidence. What the "shape" is for a national
number differs by country, and python-stdnum's format checks are stricter than what fixtures write (an Aadhaar
opening with 1, a DNI with seven digits); what every scheme shares is one template per column. So the evidence
reads, under a name hinting NATIONAL_ID (:func:`maskline.infotypes.name_hints.hint_score`):

- one template (each digit written ``9``, each letter ``A``, separators kept) for ``TEMPLATE_SHARE`` of the
  values: ``99999999A`` (DNI), ``999999999A`` (Sri Lanka's NIC), ``999-999-999-999`` (a TIN), ``999999999999``;
- of ``MIN_DIGITS`` digits or more, ``MIN_LENGTH`` letters and digits, ``MAX_LETTERS`` letters at most: a
  number, not a code or a word (a NINO ``AA999999A`` is the longest run of letters);
- drawn, not counted: the digits do not fill a dense range (row ids, ``EMP2024000123``), no date or amount;
- mostly distinct (``DISTINCT_SHARE``; owners of two flats repeat), and ``MIN_DISTINCT`` values at least (a
  visit table's patient NRICs, repeated as a foreign key, stay to the fail-closed default: letting six distinct
  values repeat at will typed a police register's stop ids, ``17-000003``, under ``idNum``; ``extcsv12``);
- one number written with and without its separators counts as one template when no written form reaches the
  share alone (a Pag-IBIG number as ``0002193757-05``, ``000219376005`` and ``0002-193822-09``, ``extcsv12``);
  never when a written form is a date or an amount;
- no firm's numbers: values that validate as a company's VAT number or CIF (python-stdnum ``vatin``,
  ``es.cif``), open with one country's VAT prefix (``ESB12345678``), or are written as a US EIN (``12-3456789``).

India's PAN is read the same way under its own name (:func:`named_pan_evidence`): ``pan`` names a card's primary
account number too, so it hints no national number by itself, but a ``pan`` column whose values have the PAN's
template (five letters, four digits, a letter: no card's) is the holders' PANs, whatever holder type the fourth
letter gives, unless it gives a company or a firm for nearly all of them (a firm's tax numbers, as above). Value-only reading counts only a person's or a family's PAN (:mod:`maskline.infotypes.indian_ids`);
fixtures draw that letter at random (``ZGKLA5287H``), and under the name they are still PANs.

Never from the name alone: a ``national_id`` column of e-mails has no digit template, row ids are counted, and
values that validate by themselves as another type (e-mails, cards, IBANs) win over evidence that needs the
name (``maskline.classify.column._decide``). The verdict is below a validated number's (``STRENGTH``, as the
card shape's).

>>> named_template_evidence(["59128374D", "93204137H", "11155577Y", "73291043U"], [1.0] * 4, 4.0,
...                         {"NATIONAL_ID": 0.9})[0].detector
'named-template'
>>> named_template_evidence(["59128374D", "93204137H", "11155577Y", "73291043U"], [1.0] * 4, 4.0, {})
[]
>>> named_template_evidence(["ID%08d" % i for i in range(1, 40)], [1.0] * 39, 39.0, {"NATIONAL_ID": 1.0})
[]
>>> named_pan_evidence(["ZGKLA5287H", "XGZFE7225A", "CTUGE1616I", "NLXBC1905E"], [1.0] * 4, 4.0, "PAN")[0].detector
'named-pan'
>>> named_pan_evidence(["ZGKLA5287H", "XGZFE7225A", "CTUGE1616I", "NLXBC1905E"], [1.0] * 4, 4.0, "code")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

TEMPLATE_SHARE = 0.8  # of the column's values (weighted by rows) that must share the dominant template
MIN_DIGITS = 6  # digits in the template: shorter numbers are counters, codes and extensions as often
MIN_LENGTH = 8  # letters and digits in the template: a NINO's nine, a DNI's nine, an Aadhaar's twelve
MAX_LETTERS = 3  # letters in the template: a check letter, a prefix or suffix (a NINO's 2 + 1); more is a code
VAT_PREFIX_SHARE = 0.8  # of the values opening with one country's VAT prefix: a firm's VAT numbers
MIN_DISTINCT = 3  # fewer distinct values say nothing about a template
DISTINCT_SHARE = 0.5  # distinct values per row holding the template: identity numbers rarely repeat
DENSE_SPAN = 10  # the digits span at most this many numbers per distinct value: a counter, not drawn numbers
FIRM_SHARE = 0.5  # of the values validating as a company's VAT or CIF number: a firm's, not a person's
STRENGTH = 0.78  # name and shape agree, the check fails: the named type, below a validated number
CHANCE = 0.5  # not distinctive: any evidence by values alone wins over it
DETECTOR = "named-template"
SSN_DIGITS = 9  # a US SSN, ITIN or test SSN (999-52-7304, Synthea's): area, group and serial

_SEPARATORS = " -./"
_TEMPLATE_CHAR = str.maketrans("0123456789", "9999999999")
_NO_SEPARATORS = str.maketrans("", "", _SEPARATORS)
_DATE_OR_AMOUNT = re.compile(r"^9{4}[-/.]9{1,2}[-/.]9{1,2}$|^9{1,2}[-/.]9{1,2}[-/.]9{4}$|^9+[.,]9{1,2}$")


def template(value: str) -> str | None:
    """The value written as its template (digits ``9``, ASCII letters ``A``, separators kept), or None when it holds
    anything else (a ``+``, an ``@``, a letter of another script).

    >>> template("44-4506057-3"), template("978657930V"), template("a@b.c")
    ('99-9999999-9', '999999999A', None)
    """
    out = []
    for c in value.strip():
        if c.isascii() and c.isdigit():
            out.append("9")
        elif c.isascii() and c.isalpha():
            out.append("A")
        elif c in _SEPARATORS:
            out.append(c)
        else:
            return None
    return "".join(out) or None


_EIN = re.compile(r"^[0-9]{2}-[0-9]{7}$")  # how an EIN is written; a person's SSN and ITIN are 3-2-4


def _firms(values: Sequence[str], best: str) -> bool:
    """Whether the values are a firm's numbers: an EIN's template, one country's VAT prefix on nearly all of them,
    or most validating as a company's number (an EU VAT number with its prefix, a Spanish CIF)."""
    from stdnum import vatin
    from stdnum.es import cif
    from stdnum.util import get_cc_module

    if _EIN.match(best):
        return True
    if best[:2] == "AA":
        prefix, count = Counter(v.strip()[:2].upper() for v in values).most_common(1)[0]
        try:
            known = get_cc_module(prefix.lower().replace("el", "gr"), "vat") is not None
        except Exception:  # noqa: BLE001 - no such country: no VAT prefix
            known = False
        if known and count >= VAT_PREFIX_SHARE * len(values):
            return True

    def firm(v: str) -> bool:
        try:
            return bool(vatin.is_valid(v) or cif.is_valid(v))
        except Exception:  # noqa: BLE001 - stdnum raises on odd input; a failed check is just "not a firm's"
            return False

    return sum(firm(v) for v in values) >= FIRM_SHARE * len(values)


def named_template_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                            hints: Mapping[str, float], info_type: str = "NATIONAL_ID") -> list[Any]:
    """``info_type`` evidence (needing the name) for a column named for a national number whose values share one
    template of a number, drawn and distinct, whether or not their check holds; or ``[]``. ``values`` and
    ``weights`` are the column's distinct values (placeholders removed) and their counts, ``n`` their total.
    ``info_type`` is NATIONAL_ID or US_SSN; an SSN's template is nine digits, however separated
    (:data:`SSN_DIGITS`), and the name must hint US_SSN."""
    if not n or hints.get(info_type, 0.0) <= 0:
        return []
    from maskline.classify.evidence import Evidence

    templates: dict[str, float] = {}
    shapes = []
    for v, w in zip(values, weights, strict=True):
        t = template(v)
        shapes.append(t)
        if t is not None:
            templates[t] = templates.get(t, 0.0) + w
    if not templates:
        return []
    best, weight = max(templates.items(), key=lambda kv: kv[1])
    if weight < TEMPLATE_SHARE * n and not any(_DATE_OR_AMOUNT.match(t) for t in templates):
        # One number written with and without its separators (0002193757-05, 000219376005, 0002-193822-09): the
        # template of its digits and letters, when no written form reaches the share alone.
        shapes = [None if t is None else t.translate(_NO_SEPARATORS) for t in shapes]
        compact: dict[str, float] = {}
        for t, w in zip(shapes, weights, strict=True):
            if t is not None:
                compact[t] = compact.get(t, 0.0) + w
        best, weight = max(compact.items(), key=lambda kv: kv[1])
    digits, letters = best.count("9"), best.count("A")
    if weight < TEMPLATE_SHARE * n or digits < MIN_DIGITS or digits + letters < MIN_LENGTH \
            or letters > MAX_LETTERS or _DATE_OR_AMOUNT.match(best):
        return []
    if info_type == "US_SSN" and (digits != SSN_DIGITS or letters):
        return []
    fitting = [v for v, t in zip(values, shapes, strict=True) if t == best]
    if len(fitting) < MIN_DISTINCT or len(fitting) < DISTINCT_SHARE * weight:
        return []
    numbers = sorted({int("".join(c for c in v if c.isdigit())) for v in fitting})
    if numbers[-1] - numbers[0] + 1 <= DENSE_SPAN * max(len(numbers), weight):
        return []
    if _firms(fitting, best):
        return []
    share = weight / n
    note = f"template:{best} for {share:.0%}; name and shape agree, no check confirmed it"
    return [Evidence(info_type, DETECTOR, share, 1.0, len(fitting), len(fitting), 1.0, True, STRENGTH,
                      sample=list(fitting), note=note, chance=CHANCE)]


PAN_DETECTOR = "named-pan"
PAN_NAME_HINT = 0.9  # "pan" read as India's PAN once the values have its template: as sure as a cut name (pan_no)
_PAN_TEMPLATE = "AAAAA9999A"
_PAN_WORDS = frozenset({"pan"})
_FIRM_HOLDERS = frozenset("CF")
FIRM_HOLDER_SHARE = 0.8  # of a pan column's distinct PANs held by companies and firms: a firm's, not people's


def names_pan(column: str) -> bool:
    """Whether the column name holds the word ``pan`` (``PAN``, ``pan_no``, ``panNumber``, ``PAN #``).

    >>> names_pan("PAN"), names_pan("pan_number"), names_pan("panNumber"), names_pan("span"), names_pan("pan_cake")
    (True, True, True, False, True)
    """
    from maskline.infotypes.name_hints import name_words

    return bool(_PAN_WORDS & set(name_words(column)))


def named_pan_evidence(values: Sequence[str], weights: Sequence[float], n: float, column: str) -> list[Any]:
    """NATIONAL_ID evidence (needing the name) for a column named ``pan`` whose values have the PAN's template, of
    any holder, drawn and distinct; or ``[]``. The caller adds the name's NATIONAL_ID hint (:data:`PAN_NAME_HINT`)
    when this finds evidence: ``pan`` hints a card until the values say which PAN it is.

    >>> named_pan_evidence(["ZGKLA5287H", "XGZFE7225A", "CTUGE1616I"], [1.0] * 3, 3.0, "pan_no")[0].info_type
    'NATIONAL_ID'
    >>> named_pan_evidence(["4111111111111111", "5500005555555559", "340000000000009"], [1.0] * 3, 3.0, "pan")
    []
    """
    if not n or not names_pan(column):
        return []
    from maskline.classify.evidence import Evidence

    fitting = [(v.strip().upper(), w) for v, w in zip(values, weights, strict=True) if template(v) == _PAN_TEMPLATE]
    weight = sum(w for _, w in fitting)
    distinct = {v for v, _ in fitting}
    if weight < TEMPLATE_SHARE * n or len(distinct) < MIN_DISTINCT or len(distinct) < DISTINCT_SHARE * weight:
        return []
    # A firm's PANs (holder C, a company; F, a firm) are its tax numbers, left to the default as its VAT numbers
    # are (_firms): a table of firms holds nearly only those. Fixtures drawing the letter at random put about 2 in
    # 26 there, and ten of them as many as half (extcsv11's pensioners: 5 of 10).
    if sum(v[3] in _FIRM_HOLDERS for v in distinct) >= FIRM_HOLDER_SHARE * len(distinct):
        return []
    share = weight / n
    note = f"template:{_PAN_TEMPLATE} for {share:.0%}; a PAN by name and shape, its holder letter not a person's"
    return [Evidence("NATIONAL_ID", PAN_DETECTOR, share, 1.0, len(distinct), len(distinct), 1.0, True, STRENGTH,
                      sample=sorted(distinct), note=note, chance=CHANCE)]
