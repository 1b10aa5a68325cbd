"""dbt_macros/README.md: `maskline_no_pii`, with no `info_types`, passes what the package masked with every method,
on dbt-duckdb and dbt-postgres, and fails raw values, raw PII glued into a word and raw PII written in lower-case hex
characters. The SQL patterns have no token boundaries, so they found IBANs and cards inside nearly every `hash` or
`hmac` token; the test now reads a value that is such a token as a whole as no PII (maskline/methods/digest_token.py).
Real dbt, one project built once per engine over a seed of fresh values drawn with a seed."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import yaml

from tests.masked_outputs import TYPES, compiled_methods_for, raw_in_words, raw_values

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

ROWS = 200


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    return buf.getvalue()


def _files() -> dict[str, str]:
    raw = raw_values(ROWS)
    words = raw_in_words()
    files = {"seeds/raw_values.csv": _csv(list(raw), [list(r) for r in zip(*raw.values(), strict=True)]),
             "seeds/raw_words.csv": _csv(["v"], [[w] for w in words])}
    models, tests = [], []
    for column, info_type in TYPES.items():
        selects = []
        for name, method, params in compiled_methods_for(column):
            args = "".join(f", {k}={v!r}" for k, v in params.items())
            selects.append(f"{{{{ maskline.mask('{column}', '{method}', info_type='{info_type}'{args}) }}}} as {name}")
            tests.append((f"masked_{column}", name))
        files[f"models/masked_{column}.sql"] = f"select {', '.join(selects)} from {{{{ ref('raw_values') }}}}\n"
    for model in sorted({m for m, _ in tests}):
        models.append({"name": model, "columns": [
            {"name": c, "data_tests": [{"maskline.maskline_no_pii": {"name": f"masked__{model}__{c}"}}]}
            for m, c in tests if m == model]})
    files["models/schema.yml"] = yaml.safe_dump({"version": 2, "models": models, "seeds": [
        {"name": "raw_values", "config": {"column_types": dict.fromkeys(TYPES, "varchar")},
         "columns": [{"name": c, "data_tests": [{"maskline.maskline_no_pii": {"name": f"raw__{c}"}}]} for c in TYPES]},
        {"name": "raw_words", "config": {"column_types": {"v": "varchar"}}, "columns": [{"name": "v", "data_tests": [
            {"maskline.maskline_no_pii": {"name": "words__v", "arguments": {"info_types": [
                "IBAN", "CREDIT_CARD", "US_SSN"]}}}]}]}]}, sort_keys=False)
    return files


def _seed_run_test(project: Any) -> None:
    """Seed, run, then test: a `build` would skip the models downstream of the raw seeds' failing tests."""
    project.run("seed")
    project.run("run")
    project.run("test", check=False)


def _verdicts(project: Any) -> dict[str, tuple[str, int]]:
    return {uid.split(".")[2]: (r["status"], int(r.get("failures") or 0)) for uid, r in project.run_results().items()
            if uid.startswith("test.")}


@pytest.fixture(scope="module")
def duckdb_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, int]]:
    from tests.dbt.fresh_project import fresh_project

    project = fresh_project(tmp_path_factory.mktemp("dbt_no_pii_tokens") / "project", _files())
    _seed_run_test(project)
    return _verdicts(project)


@pytest.fixture(scope="module")
def postgres_verdicts(tmp_path_factory: pytest.TempPathFactory, pg_module_dsn: str) -> dict[str, tuple[str, int]]:
    from urllib.parse import urlparse

    from tests.dbt.dbt_harness import copy_project

    root = tmp_path_factory.mktemp("dbt_no_pii_tokens_pg")
    src = root / "src"
    config = {"name": "tokens", "version": "1.0", "config-version": 2, "profile": "tokens",
              "models": {"tokens": {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}}}
    for path, text in {"dbt_project.yml": yaml.safe_dump(config, sort_keys=False), **_files()}.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text)
    u = urlparse(pg_module_dsn)
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": "tokens",
                            "threads": 2}}
    project = copy_project(src, root / "project", "tokens", outputs, "postgres")
    project.run("deps")
    _seed_run_test(project)
    return _verdicts(project)


ENGINES = ["duckdb_verdicts", pytest.param("postgres_verdicts", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_methods_output_passes_maskline_no_pii(engine: str, request: pytest.FixtureRequest) -> None:
    verdicts = request.getfixturevalue(engine)
    masked = {name: v for name, v in verdicts.items() if name.startswith("masked__")}
    assert len(masked) == sum(len(compiled_methods_for(c)) for c in TYPES)
    assert {name: v for name, v in masked.items() if v != ("pass", 0)} == {}


@pytest.mark.parametrize("engine", ENGINES)
def test_raw_values_and_raw_pii_in_words_still_fail(engine: str, request: pytest.FixtureRequest) -> None:
    """The control: each raw column fails, with most of its rows; every value of the words seed (ref4111…,
    IBAN:DE89…, lower-cased German IBANs, bare cards) fails, each counted once per type it holds."""
    verdicts = request.getfixturevalue(engine)
    for column in TYPES:
        status, failures = verdicts[f"raw__{column}"]
        assert status == "fail" and failures > ROWS // 2, column
    status, failures = verdicts["words__v"]
    assert status == "fail" and failures >= len(raw_in_words())


def test_dbt_and_gx_flag_the_same_words(duckdb_verdicts: dict[str, tuple[str, int]]) -> None:
    """Parity: the words seed's count is what the GX SQL condition gives over the same values on DuckDB."""
    import sqlalchemy as sa

    from maskline.expectations.pii_conditions import sql_contains_pii

    words = raw_in_words()
    engine = sa.create_engine("duckdb:///:memory:")
    with engine.connect() as c:
        c.exec_driver_sql("CREATE TABLE w (v VARCHAR)")
        c.execute(sa.table("w", sa.column("v")).insert(), [{"v": w} for w in words])
        per_type = sum(c.execute(sa.select(sa.func.count()).select_from(sa.table("w")).where(
            sql_contains_pii(sa.column("v"), [t], digest_tokens_pass=True))).scalar_one()
            for t in ("IBAN", "CREDIT_CARD", "US_SSN"))
    assert duckdb_verdicts["words__v"][1] == per_type

