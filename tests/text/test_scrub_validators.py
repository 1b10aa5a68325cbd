"""Fast paths on the scrubber's per-line path (validators, digit windows) give the answers of the slow code they skip."""

from __future__ import annotations

import ipaddress
import random

from maskline.infotypes.validators import public_ip


def _public_ip_by_ipaddress(value: str) -> bool:
    """``public_ip`` as written before its IPv4 fast path: the standard library's parser and properties."""
    try:
        addr = ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    return not (addr.version == 4 and str(addr).startswith("255."))


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
