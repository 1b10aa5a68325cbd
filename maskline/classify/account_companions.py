"""The columns of a payment record that route money to an account: what makes its opaque-named digits an account.

Most national account numbers carry no check digit (a US account, a UK account of eight digits, an Indian one of
nine to eighteen, a Canadian or an Australian one), so their values alone are any number. A payee or payment record
keeps beside the account the code that routes the payment to the account's bank, and those codes can be proven:

- a US ABA routing number: nine digits opening with a Federal Reserve routing symbol and passing the 3-7-1 check
  (:func:`maskline.classify.routing_accounts.routing_number`); random nine digits pass one time in twenty
  (:data:`maskline.classify.routing_accounts.CHANCE`), so a column of ten values or more of which 90% pass is
  no accident (the binomial tail is below 1e-10);
- a Canadian transit and institution, ``12345-003`` (the cheque's MICR order): five digits, then the three of a
  member of Payments Canada from its published list (:data:`CA_INSTITUTIONS`): random three digits name one
  about one time in fifty;
- a UK sort code, ``12-34-56`` (the form banks print), the column's values not dates (``dd-mm-yy`` reads the
  same: a column most of whose values are valid dates is dates);
- a BIC (ISO 9362, with a real country code) or an Indian IFSC (``AAAA0XXXXXX``),
  :func:`maskline.classify.document_companions.routing_codes`;
- or a column named for one of those codes (``routing_number``, ``aba``, ``sort_code``, ``bsb``, ``transit``,
  ``bic``, ``swift``, ``ifsc``).

Except for BICs and IFSCs (read as before), the codes must repeat as a record's do (:func:`repeating`): its
payments go to a few banks' branches, while a column of drawn routing numbers beside drawn ids (the tune split's
hard negatives) holds each once.

What is no companion, measured on the ``extcsv37`` dev tables: a bank's name (payments tables keep it beside
invoice, order and customer numbers; nothing says which number is the account) and a holder's name (a customer
table's). Those tables' numbers stay untyped, and the fail-closed default masks them.

>>> import random
>>> r = random.Random(3)
>>> routing_column([str(n) for n in ("021000021", "011000015", "026009593", "121000358", "322271627",
...                                  "071000013", "061000104", "111000025", "031000503", "044000037")])
True
>>> routing_column(["%09d" % r.randrange(10**9) for _ in range(40)])  # nine drawn digits: one in twenty pass
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from maskline.classify.result import ColumnClassification

MIN_VALUES = 10  # fewer values say nothing about a column
CODE_SHARE = 0.9  # of a companion column's values (placeholders removed) that must be codes of the standard
DATED_SHARE = 0.5  # of a sort-code column's values that, read as dd-mm-yy, would say it holds dates
# Payments Canada's institution numbers of the banks and credit-union centrals that hold most accounts (its
# published member list): BMO, Scotiabank, RBC, TD, National Bank, CIBC, HSBC, Canadian Western, Laurentian,
# ATB, Tangerine, Simplii, EQ, Desjardins, Central 1 and a few more.
CA_INSTITUTIONS = frozenset({"001", "002", "003", "004", "006", "010", "016", "030", "039", "219", "240", "260",
                             "309", "326", "540", "614", "623", "809", "815", "828", "829", "837", "839", "865",
                             "869", "879", "889", "899"})
# Words of the names of routing codes: BIC, SWIFT and IFSC vouch by name alone (as before this module), the others
# only with codes that repeat (REPEAT_SHARE).
CODE_NAME_WORDS = frozenset({"bic", "swift", "ifsc"})
ROUTING_NAME_WORDS = frozenset({"aba", "rtn", "routing", "sortcode", "bsb", "transit"}) | CODE_NAME_WORDS
# A record's payments go to a few banks' branches: its routing codes repeat (measured on the tune split, whose tables
# hold drawn routing numbers beside drawn ids, one per row: six columns of ids read as accounts without this).
REPEAT_SHARE = 0.7  # of a routing column's values (placeholders removed) that at most may be distinct

_TRANSIT = re.compile(r"^[0-9]{5}-([0-9]{3})$")
_SORT_CODE = re.compile(r"^([0-9]{2})-([0-9]{2})-([0-9]{2})$")
_WORD = re.compile(r"[a-z]+")


def _share(texts: Sequence[str], test: Any) -> bool:
    return len(texts) >= MIN_VALUES and sum(map(test, texts)) >= CODE_SHARE * len(texts)


def routing_column(values: Any) -> bool:
    """Whether nearly every value is a US ABA routing number (a routing symbol and the 3-7-1 check).

    >>> routing_column(["021000021"] * 12), routing_column(["021000022"] * 12)
    (True, False)
    """
    from maskline.classify.document_companions import value_texts
    from maskline.classify.routing_accounts import routing_number

    return _share(value_texts(values), lambda t: t.isascii() and t.isdigit() and routing_number(t.zfill(9)))


def transit_column(values: Any) -> bool:
    """Whether nearly every value is a Canadian transit and institution number, ``12345-003``.

    >>> transit_column(["%05d-003" % (i * 7919 % 10**5) for i in range(12)])
    True
    >>> transit_column(["%05d-%03d" % (i * 7919 % 10**5, i * 37 % 1000) for i in range(12)])  # any three digits
    False
    """
    from maskline.classify.document_companions import value_texts

    return _share(value_texts(values), lambda t: bool((m := _TRANSIT.match(t)) and m.group(1) in CA_INSTITUTIONS))


def sort_code_column(values: Any) -> bool:
    """Whether nearly every value is written as a UK sort code, ``12-34-56``, and most are no ``dd-mm-yy`` date.

    >>> sort_code_column(["%02d-%02d-%02d" % (40 + i % 50, i * 37 % 100, i * 11 % 100) for i in range(12)])
    True
    >>> sort_code_column(["%02d-%02d-%02d" % (1 + i % 28, 1 + i % 12, i % 100) for i in range(12)])  # dates
    False
    """
    from maskline.classify.document_companions import value_texts

    texts = value_texts(values)
    if not _share(texts, lambda t: bool(_SORT_CODE.match(t))):
        return False
    dated = 0
    for t in texts:
        m = _SORT_CODE.match(t)
        dated += bool(m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12)
    return dated < DATED_SHARE * len(texts)


def repeating(values: Any) -> bool:
    """Whether a column's values repeat as a record's routing codes do: at most :data:`REPEAT_SHARE` of them
    distinct (a few banks' branches), with :data:`MIN_VALUES` or more.

    >>> repeating(["021000021", "011000015", "026009593"] * 4), repeating([str(10**8 + i) for i in range(12)])
    (True, False)
    """
    from maskline.classify.document_companions import value_texts

    texts = value_texts(values)
    return len(texts) >= MIN_VALUES and len(set(texts)) <= REPEAT_SHARE * len(texts)


def names_routing(name: str) -> bool:
    """Whether a column's name names a code that routes payments (``routing_number``, ``sort_code``, ``bsb``).

    >>> [names_routing(n) for n in ("routing_number", "Sort Code", "bsb", "SWIFT", "sort_order", "route_id")]
    [True, True, True, True, False, False]
    """
    words = set(_WORD.findall(re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()))
    return bool(words & ROUTING_NAME_WORDS) or {"sort", "code"} <= words


def routing_companions(columns: Sequence[ColumnClassification], values: Mapping[str, Any],
                       exclude: str = "") -> tuple[str, ...]:
    """The columns (other than ``exclude``) that route payments to an account: named for a routing code, or
    holding BICs, IFSCs, ABA routing numbers, Canadian transit numbers or UK sort codes; else none.

    >>> cols = [ColumnClassification("c2", None, 0.8, None), ColumnClassification("c3", None, 0.8, None)]
    >>> routing_companions(cols, {"c2": ["021000021", "011000015"] * 6, "c3": ["x%d" % i for i in range(12)]})
    ('c2',)
    """
    from maskline.classify.document_companions import routing_codes

    def routes(c: ColumnClassification) -> bool:
        words = set(_WORD.findall(re.sub(r"([a-z])([A-Z])", r"\1_\2", c.name).lower()))
        if words & CODE_NAME_WORDS:
            return True
        # The codes' shapes are strict enough to be read under any verdict: a Canadian transit has a Brazilian
        # CEP's shape (12345-678) and is typed POSTAL_CODE by its values alone.
        if c.name not in values:
            return False
        v = values[c.name]
        if c.info_type is None and routing_codes(v):
            return True
        return (names_routing(c.name) or routing_column(v) or transit_column(v) or sort_code_column(v)) \
            and repeating(v)

    return tuple(c.name for c in columns if c.name != exclude and routes(c))


def transit_postcodes(columns: Sequence[ColumnClassification], values: Mapping[str, Any]) -> tuple[str, ...]:
    """The columns typed POSTAL_CODE by their values alone (no name hint) that hold Canadian transit and
    institution numbers (:func:`transit_column`): a bank branch's routing code, no address.

    >>> cep = ColumnClassification("c4", "POSTAL_CODE", 0.75, "quasi-identifier")
    >>> transit_postcodes([cep], {"c4": ["%05d-003" % (i * 7919 % 10**5) for i in range(12)]})
    ('c4',)
    >>> transit_postcodes([cep], {"c4": ["%05d-%03d" % (i * 7919 % 10**5, i * 37 % 1000) for i in range(12)]})
    ()
    """
    return tuple(c.name for c in columns if c.info_type == "POSTAL_CODE" and not c.signals.name_hint
                 and c.name in values and transit_column(values[c.name]))
