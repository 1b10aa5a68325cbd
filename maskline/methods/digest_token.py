"""The output form of the digest methods (``hash``, ``hmac``) as the no-PII checks read it: a value that *is* one.

The checks (``ExpectColumnValuesToNotContainPii``, the dbt test ``maskline_no_pii``) match the SQL scrub patterns,
which have no token boundaries (``SQL_SCRUB_LIMITS["no_boundaries"]``): read without them, a 64-character hex token
holds an IBAN's shape (two letters, two digits, eleven or more letters and digits) nearly always, and often a card's
digit run, so the checks failed on the very columns maskline had masked. The checks now read a value whose whole
shape is a digest token as no PII: an allow-list of one output form of maskline's own, not a list of look-alikes to
ignore. It is the check's reading only: the ``scrub`` method's matching does not change.

What makes the form sound, i.e. what raw PII it can never let through (fail closed):

- the whole value, as the checks read it (digits of every script as ASCII, format characters gone), is lower-case
  hex of a length the digest methods write (``DigestParams``: 8 to 64): a space, a dash, a dot, a ``+``, an ``@``,
  an upper-case letter or any letter past ``f`` makes it no token, so PII written in a sentence, in groups, in upper
  case (``DE89 3704…``, ``IBAN:DE89370400440532013000``) or inside a word (``ref4111111111111111``) is read as before;
- it has a letter ``a``-``f`` after its first two characters. The raw values of the patterns' types that are lower
  hex as a whole are digit runs (a card, an SSN or a phone written bare) and lower-cased IBANs whose country code is
  written in ``a``-``f`` (``de``, ``be``, ``ad``, ``ae``, ``ba``, ``ee``, as python-stdnum's IBAN registry lists
  them), whose check digits and account are digits (their formats are ``n`` only, but Andorra's, whose last twelve
  may be letters): none has a letter after its first two characters, so all of them are still read. A digest's 62 other characters
  hold a letter but with odds of (10/16)**62, so the rule passes real tokens; the 8-character tokens all of whose
  characters past the second are digits (about 6 in 100 at that length, 1 in 700 at 16) are read as before, and
  fail only where a pattern finds a type in them, as any other value does.

What it cannot tell apart, as no reading of the string alone can: a raw value glued to letters ``a``-``f`` into one
lower-hex word (``fee4111111111111111`` as the whole value) has the form of a digest token, and passes; so does a
lower-cased Andorran IBAN whose account holds a letter ``a``-``f`` (the registry allows letters there).

>>> is_digest_token("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
True
>>> [is_digest_token(v) for v in ("4111111111111111", "de89370400440532013000", "DE89370400440532013000")]
[False, False, False]
"""

from __future__ import annotations

import re
from functools import cache


@cache
def digest_token_patterns() -> tuple[str, ...]:
    """The portable patterns (RE2, PostgreSQL ARE, Java, POSIX ERE alike) a value matches, every one of them, to be a
    digest token: lower hex of the lengths :class:`~maskline.methods.hash.DigestParams` allows (read from its
    parameter rule, so that a wider bound there widens the form here), and a letter after the first two characters.

    >>> digest_token_patterns()
    ('^[0-9a-f]{8,64}$', '^[0-9a-f]{2}[0-9]*[a-f]')
    """
    from dataclasses import fields

    from maskline.methods.hash import DigestParams

    rule = next(f for f in fields(DigestParams) if f.name == "length").metadata["rule"]
    return f"^[0-9a-f]{{{rule.minimum},{rule.maximum}}}$", "^[0-9a-f]{2}[0-9]*[a-f]"


@cache
def _compiled() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in digest_token_patterns())


def is_digest_token(read: str) -> bool:
    """Whether ``read`` (a value as the checks read it) has the whole form of a ``hash`` or ``hmac`` token.

    >>> is_digest_token("a4111111111111111"), is_digest_token("10a2f7df"), is_digest_token("fee4111111111111111")
    (False, True, True)
    """
    return all(p.search(read) for p in _compiled())
