"""Fixtures: the people table of ``people.py`` as rows and as a DataFrame."""

from __future__ import annotations

import pytest

from tests.classify.people import make_rows


@pytest.fixture(scope="session")
def rows() -> dict[str, list]:
    return make_rows()


@pytest.fixture()
def frame(rows):
    import pandas as pd

    return pd.DataFrame(rows)
