"""Table names that say what a table's generic ``name`` column holds: ``storms.name`` names storms, not people.

A column called ``storm_name`` or ``restaurant`` holds names of things, and
:func:`maskline.infotypes.name_hints.names_a_thing` lets that name refute values that read as first names
("Katrina", "Luigi"). Tables of things often call that column just ``name`` (``title``, ``label``), and then only
the table's name says what the names are of, as a reader of ``storms.name`` knows. This module reads that: a
column whose name only says "a name" (:data:`~maskline.infotypes.name_hints.NAME_ONLY_WORDS`), in a table whose
name's head noun is a thing word (:data:`~maskline.infotypes.name_hints.THING_WORDS`, singular or plural), is
read as if it were called ``<thing>_name``, and nothing more. A column whose name only says "a code" or "a number"
(:data:`CODE_ONLY_WORDS`) in a table of public codes' things (``voo_tb.codigo``, ``flights.number``: a word of
:data:`~maskline.infotypes.name_hints.PUBLIC_CODE_WORDS` heads the table's name) is read as if it were called
``<thing>_code`` (:func:`codes_by_table`).

It stays conservative, since the cost of a wrong reading is people's names left unnamed:

- the table's head noun decides: its last word once words that only say "a table" (``data``, ``raw``, ``dim``)
  are dropped, as for column names (``storm_readings`` holds readings, ``dim_product`` products);
- a word for people anywhere in the table's name wins (``storm_victims``, ``hurricane_contacts``,
  ``customers``): such a table's ``name`` is read as a person's, as before;
- only the relation counts (``dplyr.storms`` is ``storms``): schemas and packages group tables of all kinds;
- opaque or unknown names (``t1``, ``dv01_en_gb``, ``greek_data``) say nothing, so nothing changes.

>>> things_by_table("name", "storms"), things_by_table("Name", "public.dim_products")
('storm', 'product')
>>> things_by_table("name", "customers") is None, things_by_table("name", "storm_victims") is None
(True, True)
>>> things_by_table("first_name", "storms") is None, things_by_table("name", None) is None
(True, True)
"""

from __future__ import annotations

from maskline.infotypes.name_hints import NAME_ONLY_WORDS, PUBLIC_CODE_WORDS, THING_WORDS, name_words

# Words that only say "a table" (a layer, a copy, a listing): dropped from the end before the head noun is read.
TABLE_ONLY_WORDS = frozenset({
    "data", "dataset", "table", "tbl", "tab", "list", "info", "raw", "clean", "cleaned", "dim", "fact", "stg",
    "staging", "df", "db", "master", "all", "new", "old", "tmp", "temp", "src", "view", "vw", "v",
    # Brazilian and Portuguese schemas close a table's name with tb (passagem_tb, voo_tb) as others open it.
    "tb",
})
# Nouns for people that can name a table (singular; plurals are folded to them). A veto: one of them anywhere in a
# table's name keeps its ``name`` column a person's name, even beside a thing word (storm_victims, ship_crew).
PEOPLE_WORDS = frozenset({
    "person", "people", "persons", "human", "customer", "client", "patient", "employee", "staff", "user", "member",
    "contact", "author", "owner", "manager", "agent", "driver", "rider", "passenger", "crew", "captain", "sailor",
    "pilot", "student", "pupil", "teacher", "doctor", "nurse", "physician", "victim", "casualty", "survivor",
    "evacuee", "resident", "citizen", "voter", "donor", "subscriber", "applicant", "candidate", "participant",
    "respondent", "subject", "player", "athlete", "jockey", "trainer", "breeder", "buyer", "seller", "guest",
    "visitor", "worker", "volunteer", "child", "children", "kid", "parent", "family", "household", "account",
    "holder", "recipient", "sender", "lead", "prospect", "contributor", "fan", "follower", "friend",
    "kunde", "mitarbeiter", "cliente", "paciente", "empleado", "usuario", "utente", "dipendente",
    "klant", "medewerker", "gebruiker", "employe", "utilisateur", "salarie", "funcionario",
})


def singular(word: str) -> str:
    """The English singular of a plural table word, by its ending (``storms``, ``dishes``, ``countries``).

    >>> [singular(w) for w in ("storms", "dishes", "countries", "status", "boss", "horse")]
    ['storm', 'dish', 'country', 'status', 'boss', 'horse']
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ies")) and len(word) > 3:
        return word[:-1]
    return word


def table_thing(table: str | None) -> str | None:
    """The thing a table's name says its rows are (its head noun, singular), or None: no thing word heads the name,
    or a word for people is in it.

    >>> table_thing("dplyr.storms"), table_thing("hurricanes_raw"), table_thing("dishes"), table_thing("Planets")
    ('storm', 'hurricane', 'dish', 'planet')
    >>> table_thing("species"), table_thing("persons_of_ships"), table_thing("")
    ('species', None, None)
    >>> table_thing("prod_category_names"), table_thing("hospital_departments"), table_thing("department_staff")
    ('category', 'department', None)
    >>> [table_thing(t) for t in ("customers", "storm_victims", "hurricane_contacts", "storm_readings", "dv01_en_gb")]
    [None, None, None, None, None]
    >>> table_thing("Track"), table_thing("storm_tracks"), table_thing("podcast_episodes")  # recordings and paths
    ('track', 'track', 'episode')
    """
    if not table:
        return None
    relation = table.rsplit(".", 1)[-1]
    # Each word as written and in the singular: "species" and "news" end in s and are no plurals.
    words = [(w, singular(w)) for w in name_words(relation)]
    if any(w in PEOPLE_WORDS or one in PEOPLE_WORDS for w, one in words):
        return None
    # A table of a thing's names (category_names) holds names of that thing, as a table of it does.
    while len(words) > 1 and (words[-1][1] in TABLE_ONLY_WORDS or words[-1][1] in NAME_ONLY_WORDS):
        words.pop()
    head = words[-1] if words else None
    return next((w for w in head if w in THING_WORDS), None) if head else None


def things_by_table(column: str, table: str | None) -> str | None:
    """The thing whose names a generic name column (``name``, ``Name``, ``title``, ``label``) holds, as its table's
    name says (:func:`table_thing`), or None: the column's name says more than "a name", or the table says nothing.

    >>> things_by_table("title", "songs"), things_by_table("storm_name", "storms"), things_by_table("name", "t1")
    ('song', None, None)
    """
    words = name_words(column)
    if not words or not set(words) <= NAME_ONLY_WORDS:
        return None
    return table_thing(table)


# Words that only say a column holds a code or a number of something: the table's name says of what.
CODE_ONLY_WORDS = frozenset({"code", "codes", "codigo", "cod", "codice", "no", "nr", "num", "number", "numero", "nummer"})


def table_head(table: str | None) -> str | None:
    """A table name's head noun, singular, once words that only say "a table" are dropped; None when a word for
    people is in the name or the name is empty.

    >>> table_head("public.voo_tb"), table_head("dim_flights"), table_head("passengers"), table_head(None)
    ('voo', 'flight', None, None)
    """
    if not table:
        return None
    words = [(w, singular(w)) for w in name_words(table.rsplit(".", 1)[-1])]
    if any(w in PEOPLE_WORDS or one in PEOPLE_WORDS for w, one in words):
        return None
    while len(words) > 1 and words[-1][1] in TABLE_ONLY_WORDS:
        words.pop()
    if not words:
        return None
    written, one = words[-1]
    return one if one != written and one in PUBLIC_CODE_WORDS | THING_WORDS else written


def codes_by_table(column: str, table: str | None) -> str | None:
    """The public code's thing whose codes a column only called "code" or "number" holds, as its table's name says,
    or None: the column's name says more, or the table's head noun is no public code's thing.

    >>> codes_by_table("codigo", "voo_tb"), codes_by_table("number", "flights"), codes_by_table("codigo", "clientes")
    ('voo', 'flight', None)
    >>> codes_by_table("codigo_postal", "voo_tb"), codes_by_table("code", None)
    (None, None)
    """
    words = name_words(column)
    if not words or not set(words) <= CODE_ONLY_WORDS:
        return None
    head = table_head(table)
    return head if head in PUBLIC_CODE_WORDS else None
