"""Column-name words cut short from a hint word: truncations and contractions (``diag``, ``natl``, ``uname``).

``name_hints`` already reads vowel-dropped skeletons (``pstl_cd`` is ``postal code``). Schemas also cut words in
other ways that no skeleton catches: they keep the opening of the word (``diag`` for diagnosis, ``benef`` for
beneficiary, ``tok`` for token), keep its opening and ending (``natl`` for national, ``surnm`` for surname), or
write a compound's first letter before the second word (``uname`` for user name). What this module reads is
spelling only: the short word opens with the hint word's first letter, and it is the hint word's opening (a
truncation: ``diag``), or its opening and then only consonants, in order, down to its last consonant (a
contraction, as in nat'l, acc't, gov't: ``natl``, ``pwd``, ``surnm``), or, for a hint word that is two English
words run together, the first word's initial before the second (``uname``, ``pport``).

Such a reading is looser than a skeleton's, so it is guarded:

- the short word is two letters or more shorter than the hint word (``mobil`` is a spelling of ``mobile``, for
  :mod:`maskline.infotypes.cognates`), and has three letters or more (two only beside other words of the hint: ``cd`` for code);
- the hint word is English (abbreviations are of English words; contractions of long foreign words, such as
  ``breitengrad``, would take any short word);
- a contraction standing alone for a one-word hint keeps over half its letters (``tone`` is not ``telephone``);
- it is no English dictionary word of four letters or more (``part``, ``pass``, ``diagram``, ``cred`` mean what
  they say) and no word the hint lists give another meaning (negating, measure, key or thing words);
- a hint of one word is read only from a short word of four letters or more, never from a hint word of another
  hint (``user`` is not ``username``);
- in a hint of several words, one short word has four letters or more, or one of three letters stands beside a
  word written out (``nat_id``, ``api_tok``); two-letter cuts of two hint words (``pc_cd``) read nothing.

A hint read this way scores :data:`SHORTENED_SCORE`, below a written-out hint and a skeleton, so values still
decide where they disagree.

>>> shortens("diag", "diagnosis"), shortens("natl", "national"), shortens("uname", "username", ("user", "name"))
(True, True, True)
>>> shortens("nalt", "national"), shortens("mobil", "mobile"), shortens("dx", "diagnosis")
(False, False, False)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

SHORTENED_SCORE = 0.7  # below a skeleton (0.8) and a hint inside a compound (0.75); above a cognate (0.6)
MIN_ALONE = 4  # letters of a short word that stands for a one-word hint by itself
MIN_WORD = 3  # letters of a short word that needs a neighbour written out
DICTIONARY_FROM = 4  # English words this long mean what they say; shorter ones are mostly abbreviations (acc, med)


def shortens(word: str, hint_word: str, compound: tuple[str, str] | None = None, *, alone: bool = False) -> bool:
    """Whether ``word`` is ``hint_word`` cut short: a truncation, a contraction, or a compound's initial.

    ``compound`` is the hint word's two words when it is two run together (``user``, ``name``); ``alone`` says the
    word would stand for a one-word hint by itself, where a contraction must keep over half the hint word's letters.

    >>> shortens("benef", "beneficiary"), shortens("pwd", "password"), shortens("acct", "account")
    (True, True, True)
    >>> shortens("uname", "username", ("user", "name")), shortens("surnm", "surname", alone=True)
    (True, True)
    >>> shortens("acct", "access"), shortens("tone", "telephone"), shortens("surnm", "sozialversicherungsnummer")
    (False, False, False)
    """
    # A word one letter short of a hint word (mobil, telefo) is a spelling of it, which cognates.py reads.
    if len(word) < 2 or len(word) > len(hint_word) - 2 or word[0] != hint_word[0]:
        return False
    if not (word.isascii() and word.isalpha() and hint_word.isascii() and hint_word.isalpha()):
        return False
    if hint_word.startswith(word):  # a truncation keeps the opening: diag, benef, tok
        return True
    # A compound's first word cut to its initial before the second (uname, pport, pword).
    if compound and word == compound[0][0] + compound[1]:
        return True
    # A contraction keeps an opening, then only consonants, down to the last one (nat'l, acc't, p'w'd, surn'm; a
    # silent final e may go). The ending keeps long compounds (sozialversicherungsnummer) from taking any word,
    # and consonants only after the opening keep words of their own (tone, mile, loan) from being contractions.
    stem = hint_word.removesuffix("e")
    if word[-1] != stem[-1] or alone and 2 * len(word) <= len(hint_word):
        return False
    opening = 1
    while opening < len(word) and hint_word.startswith(word[:opening + 1]):
        opening += 1
    if set(word[opening:]) & _VOWELS:
        return False
    letters = iter(hint_word[opening:])
    return all(c in letters for c in word[opening:])  # ``in`` on an iterator consumes it: an in-order subsequence


_VOWELS = frozenset("aeiouy")


def shortened_spans(words: Sequence[str], hint: Sequence[str], hint_words: frozenset[str],
                    meaningful: Callable[[str], bool],
                    compound: Callable[[str], tuple[str, str] | None] = lambda w: None) -> list[tuple[int, int]]:
    """Where the name's ``words`` spell the ``hint`` with at least one word cut short (see the module's rules).

    ``hint_words`` are the words of every hint; ``meaningful`` says a word means what it says (an English word of
    four letters or more, a negating or measure word), so it stands for nothing else; ``compound`` splits a hint
    word made of two words.

    >>> never = lambda w: False
    >>> shortened_spans(("natl", "id"), ("national", "id"), frozenset({"id"}), never)
    [(0, 2)]
    >>> shortened_spans(("natl", "avg"), ("national", "id"), frozenset({"id"}), never)
    []
    >>> shortened_spans(("pc", "cd"), ("postal", "code"), frozenset(), never)
    []
    """
    n = len(hint)
    if not n or any(not (h.isascii() and h.isalpha()) for h in hint):
        return []
    spans = []
    for i in range(len(words) - n + 1):
        part = words[i:i + n]
        cut = [w for w, h in zip(part, hint, strict=True) if w != h]
        if not cut or not all(_cut_short(w, h, n, hint_words, meaningful, compound)
                              for w, h in zip(part, hint, strict=True) if w != h):
            continue
        written = len(cut) < n
        if n == 1 and len(cut[0]) < MIN_ALONE:
            continue
        if not any(len(w) >= MIN_ALONE or len(w) >= MIN_WORD and written for w in cut):
            continue
        spans.append((i, i + n))
    return spans


def _cut_short(word: str, hint_word: str, n: int, hint_words: frozenset[str],
               meaningful: Callable[[str], bool], compound: Callable[[str], tuple[str, str] | None]) -> bool:
    # A compound's initial form is its first word's initial and its whole second word, of four letters or more
    # (uname, username): only a word of that form has the hint word split, which reads the English dictionary.
    initial_form = len(word) >= 5 and word[0] == hint_word[0] and hint_word.endswith(word[1:])
    split = compound(hint_word) if initial_form else None
    if not shortens(word, hint_word, split, alone=n == 1):
        return False
    if len(word) < MIN_WORD and n == 1:
        return False
    # A hint word of its own hint (usr, pwd, acct) may stand for a longer word inside a hint of several words only
    # (pwd_hash, acct_holder): alone it already hints what its own hints say.
    if word in hint_words and n == 1:
        return False
    return not meaningful(word)
