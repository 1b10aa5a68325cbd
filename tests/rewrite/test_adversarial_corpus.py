"""The adversarial corpus: every query either runs on real DuckDB and PostgreSQL with no raw value in its
results (nor in the rewritten SQL), fails on the engine with a value-free error, or is refused with an error
that quotes nothing. ``expect``: ok (rows), fails (a value-free engine error) or refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.rewrite.engines import run_masked
from tests.rewrite.pii_data import find_leaks

CORPUS = yaml.safe_load((Path(__file__).with_name("corpus.yaml")).read_text())["queries"]


def _cases(dialect: str) -> list:
    return [pytest.param(q, id=q["trick"].replace(" ", "-")) for q in CORPUS
            if dialect in q.get("dialects", ["duckdb", "postgres"])]


def _assert_outcome(query: dict, outcome, needles: list[str], dialect: str) -> None:
    query = {**query, "expect": query.get(f"expect_{dialect}", query["expect"])}
    if outcome.refused is not None:
        assert not find_leaks([(outcome.refused,)], needles), "a refusal quoted a raw value"
        assert query["expect"] == "refuse", f"refused: {outcome.refused}"
        assert " (at " in outcome.refused and ". Fix: " in outcome.refused, "a refusal says what, where and how to fix"
        return
    assert query["expect"] != "refuse", f"expected a refusal, the rewrite accepted it:\n{outcome.sql}"
    assert not find_leaks([(outcome.sql,)], needles), "the rewritten SQL holds a raw value"
    if outcome.error is not None:
        assert not find_leaks([(outcome.error,)], needles), "an engine error quoted a raw value"
        assert query["expect"] == "fails", f"rewritten SQL failed: {outcome.error}\n{outcome.sql}"
        return
    assert query["expect"] == "ok", f"expected a value-free failure, the query ran:\n{outcome.sql}"
    assert not find_leaks(outcome.rows, needles), f"raw values in the results of:\n{outcome.sql}"


def test_corpus_has_at_least_150_tagged_queries() -> None:
    assert len(CORPUS) >= 150
    assert all(q.get("trick") and q.get("expect") in ("ok", "fails", "refuse") for q in CORPUS)
    assert len({q["trick"] for q in CORPUS}) == len(CORPUS)


def test_leak_check_finds_an_unmasked_value(duck, needles) -> None:
    # the check itself must be able to fail: raw rows contain the needles
    rows = duck.execute("SELECT * FROM customers").fetchall()
    assert len(find_leaks(rows, needles)) > 20
    assert find_leaks([("x " + "ZEBULON.QUARTERMAINE@QUILLFEATHER-MAIL.EXAMPLE",)], needles)


@pytest.mark.parametrize("query", _cases("duckdb"))
def test_corpus_query_leaks_nothing_on_duckdb(query, duck, pii_policy, needles) -> None:
    _assert_outcome(query, run_masked(query["sql"], pii_policy, "duckdb", duck), needles, "duckdb")


@pytest.mark.postgres
@pytest.mark.parametrize("query", _cases("postgres"))
def test_corpus_query_leaks_nothing_on_postgres(query, pg, pii_policy, needles) -> None:
    _assert_outcome(query, run_masked(query["sql"], pii_policy, "postgres", pg), needles, "postgres")
