"""``expect_column_values_to_be_masked``: every value has the output shape of a masking method."""

from __future__ import annotations

from typing import Any, ClassVar

from great_expectations.compatibility import pydantic
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.render import LegacyRendererType
from great_expectations.render.renderer.renderer import renderer

import maskline.expectations.metrics.masked  # noqa: F401  (registers the metric)
from maskline.expectations.shapes import masked_shape
from maskline.expectations.value_free_mixin import ValueFreeResults


class ExpectColumnValuesToBeMasked(ValueFreeResults, ColumnMapExpectation):
    """Expect every non-null value to look like ``method``'s output.

    ``method`` is a name (``"hmac"``) or a policy method entry
    (``{"method": "partial", "keep_last": 4}``). Shapes: hmac/hash are lower hex
    of 64 (or ``length``) characters; email is ``*****@domain``; partial is a
    ``*`` run plus the kept characters; redact is the ``[TYPE]`` label; null is
    NULL; char_mask is ``*`` and separators; fake is built from the word lists;
    generalize is a truncated date, a multiple of the bucket or a kept prefix;
    scrub leaves no PII span. ``info_type`` narrows redact's label and fake's kind.

    Example (run in ``tests/expectations``)::

        >>> ExpectColumnValuesToBeMasked(column="ssn", method={"method": "partial", "keep_last": 4})  # doctest: +SKIP
    """

    method: str | dict[str, Any]
    info_type: str | None = None

    map_metric: ClassVar[str] = "column_values.maskline_masked"
    success_keys: ClassVar[tuple[str, ...]] = ("method", "info_type", "mostly")
    args_keys: ClassVar[tuple[str, ...]] = ("column", "method")
    library_metadata: ClassVar[dict] = {"maturity": "beta", "tags": ["pii", "maskline"],
                                        "contributors": ["maskline"]}

    @pydantic.validator("method")
    def _method_is_known(cls, v: Any) -> Any:
        masked_shape(v)  # unknown method or bad params: PolicyError with the closest name, at construction
        return v

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration: Any = None, result: Any = None,
                               runtime_configuration: dict | None = None, **kwargs: Any) -> list[Any]:
        from maskline.expectations.rendering import mostly_suffix, string_template

        args = dict(configuration.kwargs) if configuration else {}
        try:
            shape = masked_shape(args["method"], args.get("info_type")).describe()
        except Exception:  # noqa: BLE001 - a bad method is reported by validation, not by rendering
            shape = str(args.get("method"))
        params = {"column": args.get("column"), "shape": shape}
        return string_template("$column values must be masked as $shape" + mostly_suffix(args, params) + ".", params)
