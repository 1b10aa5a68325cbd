"""A few capitalised values repeated over the rows, none of them a known name: a category in any language.

``category_words`` (:mod:`maskline.infotypes.shape_checks`) refutes a name hint over a few repeated values made of
English dictionary words (``Private``/``Public``). A Portuguese school's courses under ``curso_nome``
("Engenharia de Computação", "Sistemas de Informação"), a Spanish clinic's specialities or a German shop's
departments are as much a category, but no English dictionary holds their words, and under twenty distinct values
:func:`maskline.infotypes.known_names.few_known_names` reads no share. What they share with the English case is
structure: few distinct values, each repeated, and not one of them a known given name, family-name ending or
family name of Faker's countries (:func:`~maskline.infotypes.known_names.known_name`). A handful of people
repeated over many rows keeps a known name among five (on the first probe of non-English tables, ``extcsv5``,
every people column did), and a refuted name hint is still masked by the fail-closed decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_DISTINCT = 5  # fewer values say too little: two unknown names may be two people
MAX_DISTINCT = 20  # from here known_names.few_known_names reads a share instead
REPEATS = 2  # rows of the column holding a value per distinct value, as for category_words
_WORDS_ONLY = re.compile(r"[^\W\d_]+(?:[ '’/-][^\W\d_]+)*")


def few_unknown_names(values: Sequence[str], rows: int = 0) -> str | None:
    """Why a few capitalised values repeated over ``rows`` are a category: none is a known name.

    >>> few_unknown_names(["Engenharia de Computação", "Sistemas de Informação", "Ciência da Computação",
    ...                    "Engenharia de Software", "Análise de Sistemas"], 400)
    'category of unknown names: 5 distinct values, over 400 rows of the column holding a value, none a known name'
    >>> few_unknown_names(["Ana Souza", "Bruno Lima", "Carla Dias", "Diego Rocha", "Elisa Melo"], 400) is None
    True
    >>> few_unknown_names(["Kardiologie", "Neurologie", "Chirurgie", "Pädiatrie", "Urologie"], 6) is None
    True
    >>> few_unknown_names(["Langren", "Mercator", "Schonerus", "Lansbergius", "Brahe"], 60) is None  # single words
    True
    """
    from maskline.infotypes.known_names import known_name

    distinct = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if not MIN_DISTINCT <= len(distinct) < MAX_DISTINCT or rows < REPEATS * len(distinct):
        return None
    # Two words or more in every value: a column of single words may be family names alone, which the lists lack
    # more often (the real tables' 16th-century astronomers: Langren, Mercator, Schonerus); few_single_words reads
    # single words by their repeats instead.
    if not all(v != v.lower() and _WORDS_ONLY.fullmatch(v) and len(v.split()) >= 2 for v in distinct):
        return None
    if any(known_name(v) for v in distinct):
        return None
    return (f"category of unknown names: {len(distinct)} distinct values, over {rows} rows of the column holding a "
            "value, none a known name")
