"""``expect_column_values_to_not_contain_pii``: no value holds a span of a sensitive info type."""

from __future__ import annotations

from typing import Any, ClassVar

from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.render import LegacyRendererType
from great_expectations.render.renderer.renderer import renderer

import maskline.expectations.metrics.no_pii  # noqa: F401  (registers the metric)
from maskline.expectations.pii_conditions import pandas_types_found
from maskline.expectations.value_free_mixin import ValueFreeResults


class ExpectColumnValuesToNotContainPii(ValueFreeResults, ColumnMapExpectation):
    """Expect no value of the column to contain PII of ``info_types`` (default: every type with a SQL pattern).

    Candidates come from the core's portable patterns; pandas batches also
    validate them with the core's detectors (checksums, SSN area rules), SQL
    batches flag every candidate. On both, a value that is a ``hash`` or ``hmac``
    token as a whole is no PII (:mod:`maskline.methods.digest_token`), so a
    column maskline masked passes. Offending values appear in the result only as
    ``TYPE:token`` pseudonyms.

    Args:
        column: the column to check.
        info_types: info type names to look for, e.g. ``["EMAIL", "US_SSN"]``.
        mostly: the share of non-null values that must be clean (default 1.0).

    Example (run in ``tests/expectations``)::

        >>> ExpectColumnValuesToNotContainPii(column="notes", info_types=["EMAIL"])  # doctest: +SKIP
    """

    info_types: list[str] | None = None

    map_metric: ClassVar[str] = "column_values.maskline_no_pii"
    success_keys: ClassVar[tuple[str, ...]] = ("info_types", "mostly")
    args_keys: ClassVar[tuple[str, ...]] = ("column", "info_types")
    library_metadata: ClassVar[dict] = {"maturity": "beta", "tags": ["pii", "maskline"],
                                        "contributors": ["maskline"]}

    def _value_label(self, value: Any) -> str:
        try:
            return pandas_types_found(str(value), self.info_types) or super()._value_label(value)
        except Exception:  # noqa: BLE001 - the label is cosmetic; a detector failure must not fail or leak
            return super()._value_label(value)

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration: Any = None, result: Any = None,
                               runtime_configuration: dict | None = None, **kwargs: Any) -> list[Any]:
        from maskline.expectations.pii_conditions import sql_pattern_types
        from maskline.expectations.rendering import mostly_suffix, string_template

        args = dict(configuration.kwargs) if configuration else {}
        params = {"column": args.get("column"),
                  "types": ", ".join(args.get("info_types") or sql_pattern_types())}
        template = "$column values must contain no PII of types $types" + mostly_suffix(args, params) + "."
        return string_template(template, params)
