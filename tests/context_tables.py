"""Two tables whose columns are read through their table, shared by the faces' tests (GX, XCom).

``storms``: a ``name`` column of storm names, read as people's first names unless the table's name is read.
``residents``: people's names and addresses, and four-digit codes that only those columns make postal codes.
Values are made here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pandas as pd

_STORMS = ["Katrina", "Andrew", "Sandy", "Maria", "Irma", "Harvey", "Ida", "Wilma"]
_GIVEN = ["Anna", "Bence", "Zsófia", "Lukas", "Marie", "Pierre", "Giulia", "Mateo", "Sofia", "Jonas", "Emma", "Noah"]
_FAMILY = ["Kovács", "Müller", "Dubois", "Rossi", "García", "Jansen", "Novak", "Horvat", "Berg", "Meier"]
_STREETS = ["Hauptstrasse", "Bahnhofstrasse", "Rue de la Gare", "Via Roma", "Kossuth utca", "Dorfstrasse"]


def storms() -> pd.DataFrame:
    """A table of storms: its ``name`` column reads as people's first names unless the table's name is read.

    >>> list(storms().columns)
    ['name', 'season', 'max_wind']
    """
    rng = random.Random(7)
    return pd.DataFrame({"name": _STORMS * 5, "season": [rng.randint(1990, 2023) for _ in range(40)],
                         "max_wind": [rng.randint(60, 185) for _ in range(40)]})


def residents() -> pd.DataFrame:
    """People's names and addresses, and four-digit codes that only the other columns make postal codes."""
    rng = random.Random(41)
    return pd.DataFrame({"c2": [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(300)],
                         "res_addr": [f"{rng.choice(_STREETS)} {rng.randint(1, 200)}" for _ in range(300)],
                         "extra12": [rng.randint(1000, 9999) for _ in range(300)]})
