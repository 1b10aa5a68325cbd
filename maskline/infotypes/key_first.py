"""Column names that put the key word first, as French, Spanish, Italian and Portuguese write them.

English names the thing before its key (``patient_id``, ``tax_id``); Romance languages put the head first and
the thing after it, with or without a linking word (``id_paciente``, ``id_du_patient``, ``id_del_paziente``,
``id_contribuyente``). A hint written "<thing> id" should read the same either way: on the first probe of
non-English tables (``extcsv5``) a clinic's ``id_paciente`` passed raw as "numeric", where ``paciente_id`` and
``patient_id`` were masked as a patient's number.

Only ``id`` opens such a reading: a number word opening a name already reads as "numéro de" (``name_hints``),
and ``code``/``key`` open names of public codes (``code_postal`` is read by its own hint). The reading is taken
only where the name as written matched no hint, and weighs as a number word closing a name does (0.9).
"""

from __future__ import annotations

OPENING_KEY_WORDS = frozenset({"id"})
# Linking words between the key and its thing ("id du patient", "id del paciente", "id do cliente").
LINK_WORDS = frozenset({"de", "del", "do", "da", "dos", "das", "du", "des", "di", "dello", "della", "dei"})
KEY_FIRST_SCORE = 0.9  # as a number word closing a name (hospital_no): below the hint written out
MIN_THING = 4  # letters of each word after the key


def key_last(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name's words with an opening key word moved to the end (linking word dropped), or None.

    >>> key_last(("id", "paciente")), key_last(("id", "du", "patient")), key_last(("id",))
    (('paciente', 'id'), ('patient', 'id'), None)
    >>> key_last(("patient", "id")), key_last(("id", "de")), key_last(("id", "id")), key_last(("id", "str"))
    (None, None, None, None)
    """
    if len(words) < 2 or words[0] not in OPENING_KEY_WORDS:
        return None
    rest = words[1:]
    if rest[0] in LINK_WORDS:
        rest = rest[1:]
    # Romance names write the thing out after its key (id_paciente); a short word after "id" is an abbreviation or
    # a type (Twitter's id_str: the id as a string), which skeletons would read as anything (str: steuer).
    if not rest or rest[0] in OPENING_KEY_WORDS or any(len(w) < MIN_THING for w in rest):
        return None
    return (*rest, words[0])
