"""The declared output shapes match what the core's methods really write, on every engine's regex flavour.

No Great Expectations here: these tests pin the data the expectations are built on.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from maskline.expectations.shapes import masked_shape

TEXTS = ["ana.lopez@correo.es", "536-90-4399", "+44 20 7946 0958", "4111 1111 1111 1111", "Ana Lopez", "ab"]
METHODS: list[tuple[dict[str, Any], str | None, list[Any]]] = [
    ({"method": "hmac"}, None, TEXTS),
    ({"method": "hmac", "length": 16}, None, TEXTS),
    ({"method": "hash", "length": 24}, None, TEXTS),
    ({"method": "email"}, "EMAIL", ["ana.lopez@correo.es", "x@y.org", "not-an-email"]),
    ({"method": "email", "keep_first": 1}, "EMAIL", ["ana.lopez@correo.es", "x@y.org"]),
    ({"method": "partial", "keep_last": 4}, "US_SSN", TEXTS),
    ({"method": "partial", "keep_first": 2, "keep_last": 4}, "IBAN", ["DE89 3704 0044 0532 0130 00", "abc"]),
    ({"method": "char_mask"}, None, TEXTS),
    ({"method": "char_mask", "keep_separators": False}, None, TEXTS),
    ({"method": "redact"}, "EMAIL", TEXTS),
    ({"method": "redact", "label": "[gone]"}, None, TEXTS),
    ({"method": "fake"}, "PERSON_NAME", TEXTS),
    ({"method": "fake"}, "EMAIL", TEXTS),
    ({"method": "fake", "kind": "username"}, None, TEXTS),
    ({"method": "fake"}, None, TEXTS),
    ({"method": "generalize", "prefix": 2}, "POSTAL_CODE", ["75011", "SW1A 1AA", "1"]),
    ({"method": "null"}, "US_SSN", TEXTS),
    ({"method": "scrub"}, "FREE_TEXT_WITH_PII", ["mail ana.lopez@correo.es now", "card 4111 1111 1111 1111"]),
]


def _mask(values: list[Any], spec: dict[str, Any], info_type: str | None, key: Any) -> list[Any]:
    import pandas as pd

    from maskline.engine import mask_frame

    column: dict[str, Any] = {"method": spec}
    if info_type:
        column["info_type"] = info_type
    policy = {"datasets": {"t": {"columns": {"v": column}}}}
    masked = mask_frame(pd.DataFrame({"v": values}), policy, table="t", key=key)["v"]
    return [None if pd.isna(v) else v for v in masked]


@pytest.mark.parametrize(("spec", "info_type", "values"), METHODS, ids=[str(m[0]) + str(m[1]) for m in METHODS])
def test_every_method_output_has_its_declared_shape_and_raw_values_do_not(spec, info_type, values, key) -> None:
    from maskline.expectations.pii_conditions import pandas_contains_pii

    shape = masked_shape(spec, info_type)
    masked = _mask(values, spec, info_type, key)
    assert [shape.fullmatch(v) for v in masked] == [True] * len(values), masked
    if shape.is_scrub:
        import pandas as pd

        assert not pandas_contains_pii(pd.Series(masked), None).any()
        assert pandas_contains_pii(pd.Series(values), None).all()
    elif spec != {"method": "generalize", "prefix": 2}:  # a 1-character postal code is its own generalization
        assert not any(shape.fullmatch(v) for v in values if len(str(v)) > 2)


def test_dates_and_numbers_have_generalized_shapes(key) -> None:
    import pandas as pd

    from maskline.engine import mask_frame

    frame = pd.DataFrame({"dob": [datetime.date(1984, 3, 2), datetime.date(2001, 12, 31)], "amount": [123, 47]})
    policy = {"datasets": {"t": {"columns": {"dob": {"method": {"method": "generalize", "to": "year"}},
                                             "amount": {"method": {"method": "generalize", "bucket": 10}}}}}}
    out = mask_frame(frame, policy, table="t", key=key)
    year, bucket = masked_shape({"method": "generalize", "to": "year"}), masked_shape({"method": "generalize",
                                                                                       "bucket": 10})
    assert all(year.fullmatch(v) for v in out["dob"]) and not any(year.fullmatch(v) for v in frame["dob"])
    assert all(bucket.fullmatch(v) for v in out["amount"]) and not any(bucket.fullmatch(v) for v in frame["amount"])


def test_a_text_date_generalized_to_the_year_has_the_year_shape(key) -> None:
    import pandas as pd

    from maskline.engine import mask_frame

    frame = pd.DataFrame({"dob": ["02.03.1984", "2001-12-31", "1999-01-01"]})  # text dates: text out
    policy = {"datasets": {"t": {"columns": {"dob": {"method": {"method": "generalize", "to": "year"}}}}}}
    out = mask_frame(frame, policy, table="t", key=key)
    year = masked_shape({"method": "generalize", "to": "year"})
    assert list(out["dob"]) == ["1984", "2001", "1999"]
    assert all(year.fullmatch(v) for v in out["dob"])
    assert not any(year.fullmatch(v) for v in frame["dob"][:2])  # control: the raw dates are not masked years
    # (a DATE column's masked year is its first day, so the shape takes "1999-01-01" too: the one raw date it can't
    # tell apart, which the text column no longer writes back)
    assert not year.fullmatch("1984-03-01")


def test_every_registered_method_has_a_shape_pinned_by_its_real_output() -> None:
    from maskline.methods.registry import METHODS as REGISTERED

    # shapes are hand-kept beside the methods: a new method must get a shape and a row above
    pinned = {spec["method"] for spec, _, _ in METHODS}
    assert pinned == set(REGISTERED), set(REGISTERED) ^ pinned


def test_unknown_method_names_the_closest_one() -> None:
    from maskline.errors import PolicyError

    with pytest.raises(PolicyError, match="did you mean 'hmac'"):
        masked_shape("hmca")


def _sql_verdicts(engine_url: str, values: list[str], clause_for: Any) -> list[bool]:
    import sqlalchemy as sa

    engine = sa.create_engine(engine_url)
    col: Any = sa.column("v")
    with engine.connect() as conn:
        rows = []
        for v in values:
            source = sa.select(sa.literal(v, sa.Text).label("v")).subquery()
            rows.append(bool(conn.execute(sa.select(clause_for(col)).select_from(source)).scalar()))
    engine.dispose()
    return rows


SHAPE_PROBES = ["*****@correo.es", "ana.lopez@correo.es", "*******4399", "536-90-4399", "**** **** ****",
                "[EMAIL]", "[E-MAIL]", "0123456789abcdef", "0123456789ABCDEF", "Ada Berg", "ada.berg@example.com",
                "ada_birch", "amber-birch", "1984-01-01", "1984-03-01", "1984", "1984-03", "75***", "", "a\nb"]


@pytest.mark.parametrize("dialect", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sql_shape_conditions_agree_with_python_on_the_engine_regex(dialect: str, request) -> None:
    from maskline.expectations.shape_conditions import sql_has_shape

    url = "duckdb:///:memory:" if dialect == "duckdb" else request.getfixturevalue("pg_dsn")
    url = url.replace("postgresql://", "postgresql+psycopg2://")
    for spec, info_type, _ in METHODS[:-1]:
        shape = masked_shape(spec, info_type)
        expected = [shape.fullmatch(v) for v in SHAPE_PROBES]
        assert _sql_verdicts(url, SHAPE_PROBES, lambda c, s=shape: sql_has_shape(c, s)) == expected, spec


PII_PROBES = ["write to ana.lopez@correo.es", "card 4111 1111 1111 1111", "ssn 536-90-4399", "+44 20 7946 0958",
              "host 10.20.30.40", "DE89 3704 0044 0532 0130 00", "nothing here", "*****@correo.es", "[EMAIL]"]


@pytest.mark.parametrize("dialect", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sql_pii_candidates_equal_pandas_validated_spans_on_valid_data(dialect: str, request) -> None:
    import pandas as pd

    from maskline.expectations.pii_conditions import pandas_contains_pii, sql_contains_pii

    url = "duckdb:///:memory:" if dialect == "duckdb" else request.getfixturevalue("pg_dsn")
    url = url.replace("postgresql://", "postgresql+psycopg2://")
    python = pandas_contains_pii(pd.Series(PII_PROBES), None).tolist()
    assert python == [True] * 6 + [False] * 3
    assert _sql_verdicts(url, PII_PROBES, lambda c: sql_contains_pii(c, None)) == python


def test_sql_flags_checksum_invalid_lookalikes_that_pandas_validates_away() -> None:
    import pandas as pd

    from maskline.expectations.pii_conditions import pandas_contains_pii, sql_contains_pii

    lookalike = ["card 4111 1111 1111 1112"]  # fails Luhn
    assert pandas_contains_pii(pd.Series(lookalike), None).tolist() == [False]
    assert _sql_verdicts("duckdb:///:memory:", lookalike, lambda c: sql_contains_pii(c, None)) == [True]


def test_sql_engines_refuse_info_types_without_a_portable_pattern() -> None:
    import sqlalchemy as sa

    from maskline.errors import InputError
    from maskline.expectations.pii_conditions import sql_contains_pii

    with pytest.raises(InputError, match="'PERSON_NAME' has no portable SQL pattern"):
        sql_contains_pii(sa.column("v"), ["PERSON_NAME"])


def test_pandas_checks_detector_only_types_when_asked_for_them() -> None:
    import pandas as pd

    from maskline.expectations.pii_conditions import pandas_contains_pii

    values = pd.Series(["Jennifer Burns", "plain text", "ana@correo.es"])
    assert pandas_contains_pii(values, ["PERSON_NAME"]).tolist() == [True, False, False]
    assert pandas_contains_pii(values, None).tolist() == [False, False, True]  # default: the SQL-pattern types
