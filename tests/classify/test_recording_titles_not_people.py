"""The ``name`` of a table of tracks, episodes or playlists is a recording's title, not a person (issue 15).

Found on a public sample database the project never generated (round `extcsv21`): a music store's ``Track`` table
calls its titles ``Name`` (one word or a few capitalised ones, a given name now and then: songs are named after
people), and the classifier read them as people's names. Songs and albums were already things
(``name_hints.THING_WORDS``); tracks, episodes, podcasts and playlists, as music and podcast schemas call their
rows, now are too, read by the table-name rule of round `tablecontext` (``table_names.things_by_table``).

Controls: the same titles under a table of listeners (no thing word heads it), specific person columns beside the
titles (``composer``), and given names under ``name`` in a table of people keep their readings. Titles are built
here from Faker's English words with fixed seeds; none comes from the probe.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest
from faker import Faker

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

GIVEN = ["Rosalind", "Marisol", "Evangeline", "Tobias", "Juniper", "Delphine", "Caspian", "Octavia", "Leopold",
         "Philippa", "Severin", "Isolde", "Augustin", "Beatrix", "Cordelia", "Lysander"]
FIRST = ["Maria", "Thomas", "Anna", "David", "Laura", "Peter", "Sofia", "Daniel", "Elena", "Michael"]
FAMILY = ["Mendes", "Okafor", "Larsen", "Becker", "Moreau", "Rossi", "Novak", "Walsh", "Khan", "Tanaka"]


def _titles(seed: int, n: int) -> list[str]:
    """Titles as a catalogue writes them: one to four English words in title case, now and then a given name (the
    words are Faker's, few repeated, so no word list of the column tells them from names)."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.choice([1, 1, 2, 2, 3, 4])
        if rng.random() < 0.15:
            out.append(fake.first_name() if k < 3 else f"{fake.first_name()} {fake.word().title()}")
        else:
            out.append(" ".join(w.title() for w in fake.words(k)))
    return out


def _composers(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(FIRST)} {rng.choice(FAMILY)}" for _ in range(n)]


def _column(frame: pd.DataFrame, table: str, name: str):  # type: ignore[no-untyped-def]
    return next(c for c in classify(frame, table=table).columns if c.name == name)


@pytest.mark.parametrize("table", ["Track", "tracks", "dim_track", "podcast_episodes", "playlists"])
def test_titles_under_name_in_a_table_of_recordings_are_not_people(table: str) -> None:
    frame = pd.DataFrame({"TrackId": range(1, 201), "Name": _titles(3, 200)})
    column = _column(frame, table, "Name")
    assert column.info_type != "PERSON_NAME", column.evidence
    assert any(e.startswith("refuted:person_name (the table's name") for e in column.evidence)
    # Untyped, the fail-closed default still decides: no title is passed as confidently safe by this rule.
    assert decide_unnamed(load_policy({}), "Name", column).rule.startswith(("unclassified", "classifier"))


def test_a_composer_beside_the_titles_stays_a_person() -> None:
    frame = pd.DataFrame({"Name": _titles(4, 200), "Composer": _composers(5, 200)})
    assert _column(frame, "tracks", "Composer").info_type == "PERSON_NAME"


@pytest.mark.parametrize("table", ["track_listeners", "customers"])
def test_given_names_in_a_table_of_people_stay_people(table: str) -> None:
    rng = random.Random(6)
    frame = pd.DataFrame({"name": [rng.choice(GIVEN) for _ in range(200)]})
    assert _column(frame, table, "name").info_type == "PERSON_NAME"
