"""Object-store URIs and file paths under a location name pass the fail-closed decision; any that could name
someone keep the whole column masked.

Pipelines hand locations from task to task (``expand_kwargs`` over ``[{"path": ..., "src": ...}]``) and keep them
in ingestion tables; masking them breaks the pipeline, so a user turns the default off. The evidence is
structural (:mod:`maskline.classify.storage_paths`) and needs every value and a name that says location.
"""

from __future__ import annotations

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.classify.storage_paths import storage_location
from maskline.policy import load_policy

PARTS = [f"s3://lake/orders/dt=2026-12-{d:02d}/part-{i:05d}.snappy.parquet" for d in range(1, 11) for i in range(3)]


def _decide(name: str, values: list) -> str:
    decision = decide_unnamed(load_policy({}), name, classify_column(name, values))
    return "pass" if decision.method is None and decision.info_type is None else decision.rule


@pytest.mark.parametrize(("name", "values"), [
    ("path", PARTS),
    ("src", ["raw/a.csv", "raw/b.csv"]),
    ("output_prefix", ["gs://exports/2026/12/03/", "gs://exports/2026/12/04/"]),
])
def test_locations_under_a_location_name_pass(name, values):
    assert _decide(name, values) == "pass"


@pytest.mark.parametrize("values", [[r"C:\data\sales.xlsx", r"C:\data\stock.xlsx", r"D:\in\orders.csv"],
                                    ["sales.xlsx", "stock.xlsx", "orders.csv"]])
def test_windows_paths_and_bare_file_names_are_not_passed_for_their_paths(values):
    # No portable pattern holds a backslash, and a bare file name has no "/" to tell it from ``Ann.Smith``: the row
    # guard could not hold every row to a path, so the classifier does not vouch for them (round rowguard4).
    assert _decide("input_file", values) != "pass"


def test_the_same_locations_under_an_opaque_name_stay_masked():
    # The control: the values alone are text the decision masks; the location name is what vouches.
    assert _decide("c3", PARTS) != "pass"


@pytest.mark.parametrize("odd", [
    "s3://lake/home/jsmith/orders.csv",            # a home directory names its user
    "s3://lake/uploads/cv/anna_meier.pdf",         # a given name beside a family name
    "s3://lake/calls/4155550100.wav",              # a phone number
    "s3://lake/uploads/CV Anna.pdf",               # whitespace: a person's document title
    "s3://lake/in/ann@example.com/orders.csv",     # an e-mail
    "https://files.example.com/orders.csv",        # a web URL is its own info type
    "s3://lake/in/orders.csv?X-Amz-Signature=ab",  # a signed URL's token
])
def test_one_location_that_could_name_someone_keeps_the_column_masked(odd):
    assert not storage_location(odd)
    assert _decide("path", PARTS[:-1] + [odd]) != "pass"


def test_every_location_name_word_can_vouch():
    # No dead entry: a word whose name already hints an info type (url, location) never reaches the vouch.
    from maskline.classify.decision import LOCATION_NAME_WORDS, _suspect_name

    assert not [w for w in LOCATION_NAME_WORDS if _suspect_name(f"output_{w}")]
