"""One test of "is this location a database or a file?" for every reader of a location (round onematch).

``maskline.classify.source_scan.is_file_source`` repeated the inline test of ``sources._from_location`` (with
rules of its own for other schemes); its one caller, the file-scan exception of ``MaskTableOperator``, is gone
(a file's scan now vouches for the table it was saved as, by the policy's rule), and
:func:`maskline.classify.sources.is_database_location` is the one predicate. The table pins it on every form a
user writes, and the reader routes by it: a database location goes to the URI reader, anything else is a path
(one that does not exist is "not found", never taken for a database).
"""

from __future__ import annotations

import pytest

CASES = [
    # (location, a database?)
    ("duckdb:///warehouse.duckdb", True),
    ("DuckDB:///W.DB::Main.Customers", True),
    ("duckdb:///exports/people.csv", True),  # a DuckDB URI, whatever its file is called
    ("duckdb://", True),
    ("postgresql://ann:secret@db.internal:5432/shop::public.customers", True),
    ("postgres://db/shop", True),
    ("sqlite:///local.sqlite::t", True),
    ("warehouse.duckdb::hr.people", True),  # the file::table form
    ("people.csv", False),
    ("data/people.parquet", False),
    ("file:///srv/data/people.csv", False),
    ("data/*.csv", False),  # a glob is a path
    ("not_written_yet/people.csv", False),
    (r"C:\data\people.csv", False),  # a Windows path: its drive is no scheme
    ("C:/data/people.csv", False),
    ("s3://bucket/people.csv", False),  # another scheme's URL is no database maskline reads
    ("https://example.org/people.csv", False),
    ("duckdb:warehouse.duckdb", False),  # no "//": a file of that name
    ("mysql://db/shop", False),
]


@pytest.mark.parametrize("location, database", CASES)
def test_a_location_is_a_database_only_when_it_names_one(location: str, database: bool) -> None:
    from maskline.classify.sources import is_database_location

    assert is_database_location(location) is database


@pytest.mark.parametrize("location", ["not_written_yet/people.csv", "data/*.csv", "s3://bucket/people.csv",
                                      "duckdb:warehouse.duckdb"])
def test_the_reader_takes_what_is_not_a_database_for_a_path(location: str) -> None:
    from maskline.classify.sources import sample_source
    from maskline.errors import InputError

    with pytest.raises(InputError, match="input not found"):
        sample_source(location)


def test_control_the_reader_takes_a_database_location_to_the_uri_reader() -> None:
    from maskline.classify.sources import sample_source
    from maskline.errors import InputError

    with pytest.raises(InputError, match="names no table"):
        sample_source("duckdb://")
