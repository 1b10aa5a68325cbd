"""Random twins of a digit run: the one way the classifier asks "would random digits like these pass as well?".

A check-digit or numbering-plan fit is evidence only if random runs of the same shape would rarely fit. Every
reading that measures that chance (numbering plans in :mod:`maskline.infotypes.phone_plans`, national mobiles in
:mod:`maskline.infotypes.trunk_mobiles`, check digits in :mod:`maskline.classify.twin_chance`) draws its twins here,
so they are drawn the same way: the same length, a kept prefix, the rest random, seeded so that a column is read
the same way every time.
"""

from __future__ import annotations

import random

_DIGITS = "0123456789"


def twin(digits: str, keep: int, *, seed: str | None = None, length: int | None = None) -> str:
    """A random run of ``length`` digits (default: as long as ``digits``) opening with ``digits[:keep]``, drawn from
    a generator seeded by ``seed`` (default: ``digits`` itself), so the same call gives the same twin.

    >>> t = twin("3112004711", 4)
    >>> t[:4], len(t), t == twin("3112004711", 4), t == twin("3112004711", 4, seed="another")
    ('3112', 10, True, False)
    >>> len(twin("04", 2, seed="AU", length=10))
    10
    """
    rng = random.Random(digits if seed is None else seed)
    size = len(digits) if length is None else length
    return digits[:keep] + "".join(rng.choice(_DIGITS) for _ in range(size - keep))
