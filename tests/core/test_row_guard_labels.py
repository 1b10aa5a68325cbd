"""A column passed for its labels, its text's facts or a closed vocabulary passes only values of that form, on every row.

The classifier passes a text column of a few repeated labels (``category``), of repeated short labels a thing-name
vouches for (``product``), of template ids (``order_ref``), or of countries, language tags or media types, on a
sample of its rows. Before :data:`maskline.sql.kind_shapes.LABEL_FORMS` and the vocabularies' forms, the pass rested
on that sample alone: an e-mail address in row 50,001 came out raw from ``maskline mask`` and from the query path on
DuckDB and PostgreSQL. Now every value must have the form (or be a placeholder), or it is masked as unclassified;
the labels themselves never enter the plan. A policy's ``{pass: <shape>}`` (what ``policy init`` writes for such a
column) is held the same way; ``{pass: true}``, a person's decision, passes every row as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from maskline.cli.main import main
from tests.core.secret_past_sample import (
    assert_mask_redacts_only_the_secret_row,
    masked_runner,
    policy_file,
    write_with_secret_last,
)

ROWS = 50_000
SECRET = "quillon.vexmarra@example.com"
CATEGORIES = ["Electronics", "Garden", "Toys & Games", "Books", "Home (EU)"]
PRODUCTS = ["Desk Lamp", "Garden Hose", "Coffee Grinder", "Wool Blanket", "Tea Kettle", "Bike Pump", "Rain Jacket",
            "Yoga Mat", "Water Bottle", "Camping Stove", "Laptop Stand", "Table Fan", "Door Mat", "Paper Towels",
            "Dish Rack", "Shower Curtain", "Bath Towel", "Cutting Board", "Frying Pan", "Toaster Oven", "Ice Tray",
            "Salad Bowl", "Wine Glass", "Soup Ladle", "Tape Measure", "Hand Drill", "Paint Roller", "Garden Rake",
            "Flower Pot", "Bird Feeder"]
COUNTRIES = ["DEU", "France", "US", "Japan", "BRA", "Canada"]
LOCALES = ["en", "pt-BR", "zh-Hans", "de_CH", "fr"]
MEDIA = ["text/html", "application/json", "image/png", "text/csv"]
COLUMNS = ["category", "product", "order_ref", "country", "locale", "content_type"]


def _row(i: int) -> list[str]:
    return [str(i), CATEGORIES[i % 5], PRODUCTS[i % 30], f"ORD-{i:07d}", COUNTRIES[i % 6], LOCALES[i % 5], MEDIA[i % 4]]


def _csv(path: Path) -> Path:
    return write_with_secret_last(path, list(COLUMNS), _row, ROWS, SECRET)


def test_maskline_mask_masks_a_value_past_the_sample_of_labels_facts_and_vocabularies(tmp_path: Path) -> None:
    assert_mask_redacts_only_the_secret_row(_csv(tmp_path / "items.csv"), tmp_path / "out.csv", list(COLUMNS), _row,
                                            ROWS, SECRET)




def _query_path(policy: Path, connection, dialect: str) -> None:  # type: ignore[no-untyped-def]
    run = masked_runner(policy, connection, dialect)
    cols = ", ".join(COLUMNS)
    found = run(f"SELECT {cols} FROM rg_items WHERE id = {ROWS + 1}")
    assert SECRET not in str(found)
    assert found == [["[REDACTED]"] * len(COLUMNS)]
    # Control: the labels, ids and vocabulary members pass unchanged.
    assert run(f"SELECT {cols} FROM rg_items WHERE id <= 2 ORDER BY id") == [_row(1)[1:], _row(2)[1:]]


def _duckdb_table(tmp_path: Path) -> Path:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE rg_items AS SELECT * FROM read_csv('{_csv(tmp_path / 'items.csv')}', all_varchar=true)")
    con.execute("ALTER TABLE rg_items ALTER id TYPE BIGINT")
    con.close()
    return db


def test_the_query_path_on_duckdb_masks_a_value_past_the_sample(tmp_path: Path) -> None:
    db = _duckdb_table(tmp_path)
    policy = policy_file(tmp_path)
    assert main(["scan", f"duckdb:///{db}::main.rg_items", "--policy", str(policy), "--save"]) == 0
    _query_path(policy, duckdb.connect(str(db)), "duckdb")


def _postgres_table(pg_dsn: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    import psycopg2

    con = psycopg2.connect(pg_dsn)
    con.autocommit = True
    source = _csv(tmp_path / "items.csv")
    with con.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS rg_items")
        cur.execute("CREATE TABLE rg_items (id bigint, " + ", ".join(f"{c} text" for c in COLUMNS) + ")")
        with source.open() as f:
            cur.copy_expert("COPY rg_items FROM STDIN WITH (FORMAT csv, HEADER true)", f)
        cur.execute("ANALYZE rg_items")
    return con


def test_the_query_path_on_postgres_masks_a_value_past_the_sample(pg_dsn: str, tmp_path: Path) -> None:
    con = _postgres_table(pg_dsn, tmp_path)
    policy = policy_file(tmp_path)
    assert main(["scan", f"{pg_dsn}::public.rg_items", "--policy", str(policy), "--save"]) == 0
    _query_path(policy, con, "postgres")
    con.close()


# {pass: <shape>}: the classifier's pass written into the policy, held; {pass: true}: a person's, which stands.
PASSES = ("datasets:\n  rg_items:\n    columns:\n      id: {pass: true}\n      category: {pass: labels}\n"
          "      product: {pass: short_labels}\n      order_ref: {pass: template_ids}\n"
          "      country: {pass: vocabulary_countries}\n      locale: {pass: true}\n      content_type: {pass: true}\n")


def _policy_passes(run) -> None:  # type: ignore[no-untyped-def]
    found = run(f"SELECT {', '.join(COLUMNS)} FROM rg_items WHERE id = {ROWS + 1}")
    assert found == [["[REDACTED]"] * 4 + [SECRET] * 2]
    assert run(f"SELECT {', '.join(COLUMNS)} FROM rg_items WHERE id <= 2 ORDER BY id") == [_row(1)[1:], _row(2)[1:]]


def test_a_policys_pass_shape_is_held_and_pass_true_stands_on_duckdb(tmp_path: Path) -> None:
    db = _duckdb_table(tmp_path)
    _policy_passes(masked_runner(policy_file(tmp_path, PASSES), duckdb.connect(str(db)), "duckdb"))


def test_a_policys_pass_shape_is_held_and_pass_true_stands_on_postgres(pg_dsn: str, tmp_path: Path) -> None:
    con = _postgres_table(pg_dsn, tmp_path)
    _policy_passes(masked_runner(policy_file(tmp_path, PASSES), con, "postgres"))
    con.close()


def test_policy_init_writes_the_classifiers_pass_with_its_shape(tmp_path: Path, capsys) -> None:
    from maskline.policy import load_policy

    assert main(["policy", "init", str(_csv(tmp_path / "items.csv"))]) == 0
    text = capsys.readouterr().out
    out = tmp_path / "policy.yml"
    out.write_text(text)
    # held to the most digits its sampled labels had (round rowguard5): labels_0, labels_2, labels_4 or labels_6
    assert re.search(r"^ +category: \{pass: labels_[0246]\}", text, re.M)
    assert re.search(r"^ +country: \{pass: vocabulary_countries\}", text, re.M)
    assert re.search(r"^ +id: \{pass: numeric_[0-9]+\}", text, re.M)  # stored as BIGINT: the guard leaves it as it is
    held = {c.name: c.held for c in next(iter(load_policy(out).datasets.values())).columns.values()}
    assert held["category"].startswith("labels_") and held["locale"] == "vocabulary_language_tags"


def test_a_pass_names_true_or_a_shape() -> None:
    from maskline.errors import PolicyError
    from maskline.policy import load_policy

    for bad in ("lables", "text", False):
        with pytest.raises(PolicyError, match=r"columns\.c\.pass"):
            load_policy({"datasets": {"t": {"columns": {"c": {"pass": bad}}}}})


# Per form: values the classifier's facts accept (each must pass) and values personal data is written in (each masked).
FORMS = {
    # a label with seven digits or more is masked: a time slot such as 10:00-12:00 with a phone (the fail-closed cost)
    "labels": (CATEGORIES + ["C#", "10:00-12h", "50%", "Gold (EU)", "Zürich Süd", "B-204", "2023-24"],
               [SECRET, "+1 415 555 0100", "123-45-6789", "4111 1111 1111 1111", "owner=Ann;team=ops", "x" * 65,
                "10:00-12:00"]),
    "short_labels": (PRODUCTS[:6] + ["Crème brûlée", "Pad Thai"],
                     [SECRET, "Table 12", "one two three four five six seven", "+1 415 555 0100"]),
    "template_ids": (["ORD-0000123", "INV12345", "A/000123456789"], [SECRET, "ORD-12", "ORDERS-12345", "Ann Lee"]),
    "storage_locations": (["s3://lake/raw/part-0001.parquet", "/data/2026/12/03/sales.csv", "gs://b/20261203.csv"],
                          [SECRET, "s3://b/calls/4155550100.wav", "/home/ann smith/x.csv", "s3://b/x.csv?token=1"]),
    "vocabulary_countries": (["DEU", "de", "Germany", "FRANCE", "United States"],
                             [SECRET, "Ann", "Deutschland", "Berlin"]),
    "vocabulary_language_tags": (["en", "pt-BR", "zh-Hans", "de_CH", "es-419", "sr-Latn-RS"],
                                 [SECRET, "xq", "ann.smith", "en-GB-oxendict"]),
    "vocabulary_media_types": (["text/html", "application/vnd.ms-excel", "image/svg+xml", "TEXT/CSV"],
                               [SECRET, "text/html; charset=utf-8", "ann/smith", "text/ann smith"]),
}
PLACEHOLDERS = ["", "N/A", "-", "unknown"]


def _kept(shape: str, run) -> list[str]:  # type: ignore[no-untyped-def]
    from maskline.sql.shape_guard import shape_held

    sql = exp.select(exp.alias_(shape_held(exp.column("v"), shape, "text", lambda c: exp.null()), "v")).from_("vals")
    return sorted(v for (v,) in run(sql) if v is not None)


@pytest.mark.parametrize("shape", sorted(FORMS))
def test_duckdb_and_postgres_keep_exactly_a_forms_values(shape: str, pg_conn) -> None:
    passing, other = FORMS[shape]
    values = [[v] for v in passing + PLACEHOLDERS + other]
    con = duckdb.connect()
    con.execute("CREATE TABLE vals (v VARCHAR)")
    con.executemany("INSERT INTO vals VALUES (?)", values)
    assert _kept(shape, lambda q: con.execute(q.sql("duckdb")).fetchall()) == sorted(passing + PLACEHOLDERS)
    with pg_conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS vals")
        cur.execute("CREATE TEMP TABLE vals (v TEXT)")
        cur.executemany("INSERT INTO vals VALUES (%s)", values)

        def run(q):  # type: ignore[no-untyped-def]
            cur.execute(q.sql("postgres"))
            return cur.fetchall()

        assert _kept(shape, run) == sorted(passing + PLACEHOLDERS)


def test_the_forms_accept_what_the_classifiers_facts_accept() -> None:
    # A form may accept what the facts refuse, never the reverse: a value the scan took for a label must pass.
    from maskline.classify.shape import _LABEL
    from maskline.classify.storage_paths import storage_location
    from maskline.classify.text_facts import _TEMPLATE
    from maskline.infotypes.vocabularies import in_vocabulary

    assert all(_LABEL.fullmatch(v) for v in FORMS["labels"][0])
    assert all(_TEMPLATE.fullmatch(v) for v in FORMS["template_ids"][0])
    assert all(storage_location(v) for v in FORMS["storage_locations"][0])
    for shape, vocabulary in (("vocabulary_countries", "countries"), ("vocabulary_language_tags", "language tags"),
                              ("vocabulary_media_types", "media types")):
        assert all(in_vocabulary(vocabulary, v) for v in FORMS[shape][0])


def test_every_held_shape_has_a_check_and_the_patterns_are_portable() -> None:
    from maskline.sql.kind_shapes import (
        LABEL_FORMS,
        NUMERIC_WIDTHS,
        VALUE_SHAPES,
        digits_at_most,
        lowered_forms,
        vocabulary_pattern,
    )
    from maskline.sql.shape_guard import SHAPE_PATTERNS, SHAPES

    assert set(VALUE_SHAPES) == {*SHAPE_PATTERNS, "boolean"} and len(set(SHAPES)) == len(SHAPES)
    patterns = [p for ps in LABEL_FORMS.values() for p in ps]
    patterns += [vocabulary_pattern(s) or "^$" for s in ("vocabulary_language_tags", "vocabulary_media_types")]
    patterns += [p for s in LABEL_FORMS for p in lowered_forms(s)] + [digits_at_most(n) for n in NUMERIC_WIDTHS]
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith("$") and not re.search(r"\\|\(\?|\[\[:", pattern)
        # PostgreSQL refuses a repetition over 255 (RE2, DuckDB's and BigQuery's, over 1000)
        assert all(int(n) <= 255 for n in re.findall(r"\{(?:\d+,)?(\d+)\}", pattern))


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "trino", "spark", "snowflake", "bigquery"])
def test_every_form_compiles_to_every_engine_within_a_statements_size(dialect: str) -> None:
    from maskline.sql.kind_shapes import LABEL_FORMS, VOCABULARY_SHAPES
    from maskline.sql.shape_guard import shape_redacted

    for shape in (*LABEL_FORMS, *VOCABULARY_SHAPES):
        sql = shape_redacted(exp.column("v"), shape, "text", dialect).sql(dialect)
        assert "v" in sql and len(sql) < 20_000  # the countries' codes and English names: about 9 kB
