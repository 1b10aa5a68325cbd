"""Login handles run together from a person's name parts: ``cgeorgescu`` (an initial and a family name),
``diaconuliviu`` (family name, given name), ``annasmith`` (given name, family name).

Mail and directory systems build logins this way (the initial-and-surname ``jsmith`` is the classic Unix and
Active Directory default; ``first.last`` and ``lastfirst`` the others). Written without a separator, the name parts
are found by splitting the run of letters where both sides are known names (:mod:`maskline.infotypes.person_names`,
given and family names of every country Faker covers). Dictionary words split so now and then (``bathroom`` is
``bath`` and ``room``, ``across`` a letter and ``cross``): 1.4% of an English word list is two names of four letters or more, or a letter and a family
name, so :func:`maskline.infotypes.validators.handle_with_name` asks for this in a share of a column (40%) that
words do not reach.

>>> built_of_names("cgeorgescu"), built_of_names("diaconuliviu"), built_of_names("annasmith")
(True, True, True)
>>> built_of_names("limonade")  # limon and ade are names, but three letters split too many words
False
>>> built_of_names("smith"), built_of_names("anna"), built_of_names("qzxvbnm")  # a bare name is not a handle
(False, False, False)
"""

from __future__ import annotations

from maskline.infotypes.answer_memo import remembered

MIN_PART = 4  # each of two name parts: three-letter names (ade, dan) split too many words (limon-ade)
MIN_SURNAME_AFTER_INITIAL = 4  # "b" + "pop" hides in too many words; "c" + "popa" less so


# Remembered under salted digests (infotypes/answer_memo): an lru_cache here held 16,384 logins.
@remembered
def built_of_names(run: str) -> bool:
    """Whether a run of lower-case letters is an initial and a family name, or two name parts, and not itself
    one known name.

    >>> built_of_names("wpopa"), built_of_names("christian")  # a given name alone, though it splits
    (True, False)
    """
    from maskline.infotypes.person_names import first_names, surnames

    given, family = first_names(), surnames()
    if not run.isalpha() or run in given or run in family:
        return False
    if len(run) - 1 >= MIN_SURNAME_AFTER_INITIAL and run[1:] in family:
        return True
    return any((run[:k] in given or run[:k] in family) and (run[k:] in given or run[k:] in family)
               for k in range(MIN_PART, len(run) - MIN_PART + 1))
