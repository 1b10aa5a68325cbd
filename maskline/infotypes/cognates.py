"""Close spelling variants of hint words: the loanwords a column name borrows in a language with no hint list.

Document and contact words travel between languages with small changes of spelling (``passport``, ``pasaport``,
``paszport``; ``patient``, ``pacient``; ``telefono``, ``telefonu``). A name word that is such a variant of a hint
word stands for it, and ``name_hints`` then matches its hints at a lower weight than an exact spelling, so that
values still decide where they disagree. The rule knows no language; it reads only spelling:

- both words are Latin letters only, the name word of five letters or more, the hint word of five or more;
- a few spelling correspondences common across languages cost nothing (``sz``/``cz`` for ``s``/``c``, ``ph`` for
  ``f``, ``th`` for ``t``, ``ck``, ``c`` and ``qu`` for ``k``, ``y`` for ``i``, ``x`` for ``ks``, a doubled letter
  for one);
- after them, the two words open with the same two letters and differ by one edit (insertion, deletion,
  substitution or swap of neighbours), two for hint words of nine letters or more when one of them adds or drops a letter; words of five or six letters
  only by a letter added or dropped (``mobil``, ``mobile``), since one changed letter is a fifth of them;
- the hint word is written out: abbreviations (``passnr``) have no spelling in other languages;
- the closest hint words are one word, or words of one info type: a word as close to ``password`` as to ``passport`` is
  neither.

A name word never stands for another word when it is a word the name lists know already (a hint word itself, a
word negating a hint, a thing or a measure) or an English dictionary word or its inflection (``passage``,
``patent``, ``reviewed``): those mean what they say.

>>> variant_of("pasaport"), variant_of("paszport"), variant_of("pacient")
('pasaporte', 'paspoort', 'patient')
>>> variant_of("passage"), variant_of("password"), variant_of("pasta")
(None, None, None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

# Spellings of one sound in different languages, rewritten to one form before words are compared (longest first).
_CORRESPONDENCES = (("sz", "s"), ("cz", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "k"), ("c", "k"),
                    ("y", "i"), ("x", "ks"))
MIN_LETTERS = 5  # shorter words are too close to too many others (konto/kontor/konta, posta/postal)
LONG_HINT = 9  # hint words this long (after rewriting) may differ by two edits
ENDINGS = (1, 2)  # letters of an inflection's ending a variant may carry after its stem
SHORT = 6  # words this short may differ only by a letter added or dropped


def spelling_key(word: str) -> str:
    """A word with the cross-language spelling correspondences undone and doubled letters made single.

    >>> spelling_key("paszport"), spelling_key("passport"), spelling_key("telephone"), spelling_key("kontakt")
    ('pasport', 'pasport', 'telefone', 'kontakt')
    """
    out = word
    for written, key in _CORRESPONDENCES:
        out = out.replace(written, key)
    single = out[:1]
    for c in out[1:]:
        if c != single[-1]:
            single += c
    return single


def edits(a: str, b: str, limit: int) -> int:
    """The Damerau-Levenshtein distance of ``a`` and ``b`` (swaps of neighbours count one), or ``limit + 1``.

    >>> edits("pasaport", "pasaporte", 2), edits("pacient", "patient", 2), edits("adersa", "adresa", 2)
    (1, 1, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


# English endings that make another word of a dictionary word (reviewed, passages, patents, pasting).
_ENGLISH_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers")


def english(word: str, dictionary: Callable[[str], bool]) -> bool:
    """Whether ``word`` is an English dictionary word or one of its regular inflections.

    >>> words = {"review", "passage", "paste"}.__contains__
    >>> english("reviewed", words), english("passages", words), english("pasting", words), english("pacient", words)
    (True, True, True, False)
    """
    if dictionary(word):
        return True
    for ending in _ENGLISH_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and (dictionary(stem) or dictionary(stem + "e")):
            return True
    return False


class Variants:
    """The hint words a name word may stand for, indexed by the first two letters of their spelling keys."""

    def __init__(self, hint_words: Iterable[tuple[str, str]], known: frozenset[str],
                 dictionary: Callable[[str], bool]) -> None:
        self.known, self.dictionary = known, dictionary
        types: dict[str, set[str]] = {}
        for info_type, word in hint_words:
            # Abbreviations (passnr, kartnr) are spelled by nobody else: only written-out words have variants.
            if len(word) >= MIN_LETTERS and word.isascii() and word.isalpha() and not word.endswith(("nr", "nbr")):
                types.setdefault(word, set()).add(info_type)
        self.by_opening: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
        for word in sorted(types):
            key = spelling_key(word)
            self.by_opening.setdefault(key[:2], []).append((key, word, frozenset(types[word])))

    def variant_of(self, word: str) -> str | None:
        """The one hint word ``word`` is a close spelling variant of, if any (see the module's rule).

        >>> v = Variants([("PASSPORT", "passport"), ("PASSWORD", "password")], frozenset(), lambda w: False)
        >>> v.variant_of("pasport"), v.variant_of("paszport"), v.variant_of("passwrd"), v.variant_of("pasta")
        ('passport', 'passport', 'password', None)
        """
        if len(word) < MIN_LETTERS or not (word.isascii() and word.isalpha()) or word in self.known:
            return None
        key = spelling_key(word)
        best, found = 3, []
        for hint_key, hint_word, info_types in self.by_opening.get(key[:2], ()):
            # In words of five or six letters a changed letter is a fifth of the word (cuenta, cuento; passnr,
            # pasar): only a letter added or dropped (mobil, mobile) keeps them one word.
            if len(hint_key) <= SHORT and len(key) <= SHORT and len(key) == len(hint_key) and key != hint_key:
                continue
            limit = 2 if len(hint_key) >= LONG_HINT else 1
            d = edits(key, hint_key, min(limit, best))
            # An inflection's ending of one or two letters after a variant (pacienta, pacientit) adds nothing.
            for cut in ENDINGS:
                if d and len(key) - cut >= len(hint_key) >= SHORT + 1:
                    d = min(d, edits(key[:-cut], hint_key, min(limit, best)))
            # Two changed letters in a word of one length are another word (kortanumer, kontonummer): a second
            # edit is allowed only beside a letter added or dropped.
            if d == 2 and len(key) == len(hint_key):
                continue
            if d <= limit and d < best:
                best, found = d, [(hint_word, info_types)]
            elif d <= limit and d == best:
                found.append((hint_word, info_types))
        # Equally close hint words of different types (passwort, passport) leave the word's meaning open.
        if not found or len(found) > 1 and len(frozenset().union(*(t for _, t in found))) > 1 \
                or english(word, self.dictionary):
            return None
        return min(w for w, _ in found)


@cache
def _variants() -> Variants:
    from maskline.infotypes.english_words import dictionary_word
    from maskline.infotypes.name_hints import cognate_table

    hint_words, known = cognate_table()
    return Variants(hint_words, known, dictionary_word)


@cache
def variant_of(word: str) -> str | None:
    """The hint word a folded name word is a close spelling variant of, if any.

    >>> variant_of("telefonas"), variant_of("utilizator"), variant_of("kontonumer")
    ('telefon', 'utilizador', 'kontonummer')
    """
    return _variants().variant_of(word)
