"""Database URIs by SQLAlchemy's rules, and the one-release warning where the old reading named another file."""

from __future__ import annotations

import uuid
import warnings
from pathlib import Path

import pytest

from maskline.adapters.url import parse_url
from maskline.errors import InputError


@pytest.fixture
def absolute_file():
    # A file at /tmp/<name>.db: the old reading of duckdb:///tmp/<name>.db.
    path = Path("/tmp") / f"maskline-url-{uuid.uuid4().hex}.db"
    path.write_bytes(b"")
    yield path
    path.unlink()


def test_three_slashes_are_relative_four_are_absolute(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert parse_url("duckdb:///w.db").path == "w.db"
    assert parse_url("duckdb:////data/w.db").path == "/data/w.db"
    assert parse_url("sqlite:///sub/x.sqlite").path == "sub/x.sqlite"


def test_warns_when_the_old_reading_names_another_existing_file(absolute_file, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # tmp/<name>.db relative to here is not /tmp/<name>.db
    uri = f"duckdb:///{str(absolute_file).lstrip('/')}"
    with pytest.warns(FutureWarning, match="relative path") as caught:
        url = parse_url(uri)
    assert url.path == str(absolute_file).lstrip("/")
    assert f"duckdb:////{str(absolute_file).lstrip('/')}" in str(caught[0].message)  # says how to keep the file


@pytest.mark.parametrize("how", ["four slashes", "old file absent", "same file both ways"])
def test_no_warning_where_the_readings_agree_or_nothing_was_there(how, absolute_file, tmp_path, monkeypatch) -> None:
    # The control of the test above: the same kind of URI, without the ambiguity, stays quiet.
    rel = str(absolute_file).lstrip("/")
    if how == "four slashes":
        monkeypatch.chdir(tmp_path)
        uri = f"duckdb:////{rel}"
    elif how == "old file absent":
        monkeypatch.chdir(tmp_path)
        uri = f"duckdb:///tmp/never-{uuid.uuid4().hex}.db"
    else:
        monkeypatch.chdir("/")  # relative to / is the absolute path itself
        uri = f"duckdb:///{rel}"
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        parse_url(uri)


def test_passwords_are_never_shown_and_bad_ports_are_errors() -> None:
    url = parse_url("postgresql://app:hunter2@db:5432/sales")
    assert "hunter2" not in url.shown and "hunter2" not in repr(url)
    with pytest.raises(InputError) as e:
        parse_url("postgresql://app:hunter2@db:port/sales")
    assert "hunter2" not in str(e.value) and e.value.fix
