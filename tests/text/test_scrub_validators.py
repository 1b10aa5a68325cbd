"""Fast paths on the scrubber's per-line path (validators, digit windows) give the answers of the slow code they skip."""

from __future__ import annotations

import ipaddress
import random

from maskline.infotypes.validators import iban, public_ip


def _public_ip_by_ipaddress(value: str) -> bool:
    """``public_ip`` as written before its IPv4 fast path: the standard library's parser and properties."""
    try:
        addr = ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    return not (addr.version == 4 and str(addr).startswith("255."))


def _iban_by_stdnum(value: str) -> bool:
    """``iban`` as written before its mod-97 fast path: python-stdnum alone."""
    from stdnum import iban as stdnum_iban

    try:
        return bool(stdnum_iban.is_valid(value))
    except Exception:  # noqa: BLE001 - as the validator: odd input is not valid
        return False


def _registry_ibans(rnd: random.Random) -> list[str]:
    """An IBAN of every country in python-stdnum's registry: its BBAN structure filled at random, then
    the mod-97 check digits (the national check digits some BBANs hold are not computed)."""
    import re

    from stdnum import iban as stdnum_iban
    from stdnum import numdb

    kinds = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    ibans = []
    for _, country, _, props, _ in numdb.get("iban").prefixes:
        bban = "".join(rnd.choice(kinds[kind]) for count, kind in re.findall(r"(\d+)!([nac])", props.get("bban", ""))
                       for _ in range(int(count)))
        ibans.append(country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban)
    return ibans


def test_iban_answers_as_python_stdnum_on_valid_ibans_near_misses_and_iban_shaped_ids() -> None:
    rnd = random.Random(97)
    valid = _registry_ibans(rnd)
    texts: list[str] = []
    for number in valid * 20:
        grouped = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        written = rnd.choice((number, grouped, grouped.replace(" ", "-"), number.lower(), grouped.lower(),
                              grouped.replace(" ", ".")))
        texts.append(written)
        at = rnd.randrange(len(written))  # one character changed: mostly refused by mod 97, sometimes not
        texts.append(written[:at] + rnd.choice("0123456789ABCDEFZ -.") + written[at + 1:])
    pieces = "0123456789abcdefABCDEF -.é٣\u00a0`/_"
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30))) for _ in range(20_000)]
    texts += [str(rnd.getrandbits(128)).zfill(39)[:rnd.randint(4, 39)] for _ in range(2000)]  # digits alone
    texts += ["", " ", "-", ".", "DE", "DE89", "de15-41aa-89c7", "cf57", "x" * 70, "DE89" * 20, " DE89 3704 "]
    answers = [iban(t) for t in texts]
    assert answers == [_iban_by_stdnum(t) for t in texts]
    # Every country's IBAN reaches stdnum; those with a national check digit in the BBAN may still fail there.
    assert sum(iban(v) for v in valid) > 60
    assert 1000 < sum(answers) < len(texts) - 1000  # both answers are well exercised
    # ...and stdnum itself is asked about values that pass mod 97 but are no IBAN (some near misses do).
    assert sum(1 for t, ok in zip(texts, answers, strict=True) if not ok and _passes_mod_97(t)) > 10


def _passes_mod_97(text: str) -> bool:
    from stdnum.iso7064 import mod_97_10

    number = "".join(c for c in text if c not in " -.").upper()
    return bool(number) and mod_97_10.is_valid(number[4:] + number[:4])


# Octets at every edge ipaddress checks: leading zeros, 255/256, four digits, other scripts' digits, empty.
_OCTETS = ("0", "00", "1", "01", "9", "10", "99", "127", "224", "239", "240", "249", "250", "255", "256", "299",
           "999", "1000", " ", "\u0663", "\u00b2", "", "a", "-1", "+1")


def test_public_ip_answers_as_the_standard_library_on_dotted_quads_and_near_misses() -> None:
    rnd = random.Random(14)
    texts = [".".join(rnd.choice(_OCTETS) for _ in range(rnd.choice((3, 4, 4, 4, 5)))) for _ in range(50_000)]
    texts += [f" {t}\n" for t in texts[:2000]] + ["::1", "2001:db8::1", "ff02::1", "::", "1.2.3.4/8"]
    answers = [public_ip(t) for t in texts]
    assert answers == [_public_ip_by_ipaddress(t) for t in texts]
    assert 1000 < sum(answers) < len(texts) - 1000  # both answers are well exercised


def test_the_digit_windows_length_check_admits_every_date_run() -> None:
    """``_digit_windows`` tries DATE_RUN only on runs of 10 to 13 characters, COMPACT_DATE_RUN only on 8."""
    import re._parser as parser  # the stdlib's own reading of a pattern: its shortest and longest match

    from maskline.text.spans import COMPACT_DATE_RUN, DATE_RUN

    assert parser.parse(DATE_RUN.pattern).getwidth() == (10, 13)
    assert parser.parse(COMPACT_DATE_RUN.pattern).getwidth() == (8, 8)
