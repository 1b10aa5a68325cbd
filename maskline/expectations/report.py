"""A value-free report of a suite run: what failed, where, how many values, in words a task log can hold.

It reads GX results as plain dicts (``ExpectationValidationResult.to_json_dict()``),
so it imports no Great Expectations and can be tested alone. maskline's own
expectations already store pseudonyms; results of any other expectation in the
suite pass through :func:`~maskline.expectations.value_free.redact_result` here
too, and error messages are scrubbed, because a check's report is read by people
and lineage systems that must never see a raw value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from maskline.expectations.value_free import KeyMaterial, pseudonym, redact_result

MASKLINE_TYPES = frozenset({
    "expect_column_values_to_not_contain_pii", "expect_column_values_to_be_masked",
    "expect_column_to_be_classified_as", "expect_table_to_match_masking_policy",
})
EXAMPLES = 3
# Great Expectations' own expectations whose observed value is a count or a share of rows: the only observed values
# of another expectation a report keeps as they are. Any other one (a column's max, min, median, quantiles, mean,
# most common value...) can be a value read from a row (the largest card number), so it becomes a pseudonym, whatever
# its type: an allow-list, because GX and its plugins add expectations a list of value-reporting ones would miss.
COUNT_OBSERVED = frozenset({
    "expect_table_row_count_to_be_between", "expect_table_row_count_to_equal",
    "expect_table_column_count_to_be_between", "expect_table_column_count_to_equal",
    "expect_column_unique_value_count_to_be_between", "expect_column_proportion_of_unique_values_to_be_between",
    "expect_column_proportion_of_non_null_values_to_be_between",
})


def safe_message(text: str | None) -> str | None:
    """What a report shows of an engine's error text: that it was withheld (None stays None).

    >>> safe_message("invalid input syntax for type integer: 'ana@correo.es'\\nLINE 1: ...")
    'engine message withheld (it can quote values)'
    """
    from maskline.engine.failures import safe_text

    return safe_text(text) if text else None


@dataclass(frozen=True)
class Outcome:
    """One expectation's verdict, without values."""

    expectation: str
    column: str | None
    success: bool
    unexpected_count: int | None = None
    element_count: int | None = None
    observed: str | None = None
    examples: tuple[str, ...] = ()
    error: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def label(self) -> str:
        """``type(column)`` or ``type`` for table expectations.

        >>> Outcome("expect_column_values_to_be_masked", "email", False).label()
        'expect_column_values_to_be_masked(email)'
        """
        return f"{self.expectation}({self.column})" if self.column else self.expectation

    def sentence(self) -> str:
        """One readable, value-free line about this outcome.

        >>> Outcome("expect_column_values_to_be_masked", "email", False, 5, 6, examples=("EMAIL:1eb5",)).sentence()
        'expect_column_values_to_be_masked(email): 5 of 6 values failed (e.g. EMAIL:1eb5)'
        """
        if self.error:
            return f"{self.label()}: could not run: {self.error}"
        if self.unexpected_count is not None:
            text = f"{self.label()}: {self.unexpected_count} of {self.element_count} values failed"
            return text + (f" (e.g. {', '.join(self.examples)})" if self.examples else "")
        return f"{self.label()}: {self.observed or ('passed' if self.success else 'failed')}"

    def as_dict(self) -> dict[str, Any]:
        """The outcome as JSON-ready fields (no ``details``, which may hold engine objects).

        >>> Outcome("expect_column_values_to_be_masked", "email", False, 5, 6).as_dict()["unexpected_count"]
        5
        """
        return {"expectation": self.expectation, "column": self.column, "success": self.success,
                "unexpected_count": self.unexpected_count, "element_count": self.element_count,
                "observed": self.observed, "examples": list(self.examples), "error": self.error}


@dataclass(frozen=True)
class CheckReport:
    """Every outcome of one suite run against one table."""

    table: str
    outcomes: tuple[Outcome, ...]

    @property
    def success(self) -> bool:
        """Whether every expectation was met.

        >>> CheckReport("t", (Outcome("e", "a", True), Outcome("e", "b", False))).success, CheckReport("t", ()).success
        (False, True)
        """
        return all(o.success for o in self.outcomes)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        """The outcomes that were not met, in order.

        >>> [o.column for o in CheckReport("t", (Outcome("e", "a", True), Outcome("e", "b", False))).failed]
        ['b']
        """
        return tuple(o for o in self.outcomes if not o.success)

    def message(self) -> str:
        """The failure message: a headline, then one line per failed expectation.

        >>> r = CheckReport("customers", (Outcome("expect_column_values_to_be_masked", "ssn", False, 6, 6),
        ...                               Outcome("expect_column_values_to_not_contain_pii", "notes", True, 0, 6)))
        >>> print(r.message())
        masking check failed on customers: 1 of 2 expectations failed
          - expect_column_values_to_be_masked(ssn): 6 of 6 values failed
        """
        if self.success:
            return f"masking check passed on {self.table}: {len(self.outcomes)} expectations met"
        lines = [f"masking check failed on {self.table}: {len(self.failed)} of {len(self.outcomes)} "
                 "expectations failed"]
        lines += [f"  - {o.sentence()}" for o in self.failed]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The task's XCom: counts, names and pseudonyms only.

        >>> r = CheckReport("customers", (Outcome("expect_column_values_to_be_masked", "ssn", False, 6, 6),))
        >>> {k: v for k, v in r.as_dict().items() if k != "outcomes"}
        {'table': 'customers', 'success': False, 'failed': 1, 'evaluated': 1}
        """
        return {"table": self.table, "success": self.success, "failed": len(self.failed),
                "evaluated": len(self.outcomes), "outcomes": [o.as_dict() for o in self.outcomes]}


def outcome_of(result: Mapping[str, Any], key: KeyMaterial | None) -> Outcome:
    """An :class:`Outcome` from one GX result dict; values of non-maskline expectations are pseudonymized.

    Of another expectation's observed value, only a count or share of rows (:data:`COUNT_OBSERVED`) is kept.

    >>> outcome_of({"success": False, "expectation_config": {"type": "expect_column_values_to_be_in_set",
    ...             "kwargs": {"column": "ssn"}}, "result": {"unexpected_count": 1, "element_count": 2,
    ...             "partial_unexpected_list": ["536-90-4399"]}}, None).examples
    ('US_SSN:unkeyed',)
    >>> outcome_of({"success": False, "expectation_config": {"type": "expect_column_max_to_be_between",
    ...             "kwargs": {"column": "card"}}, "result": {"observed_value": 4929123456789011}}, None).observed
    'VALUE:unkeyed'
    """
    config = result.get("expectation_config") or {}
    kind = str(config.get("type") or config.get("expectation_type") or "expectation")
    kwargs = config.get("kwargs") or {}
    body = dict(result.get("result") or {})
    if kind not in MASKLINE_TYPES:
        body = redact_result(body, key, column=kwargs.get("column"))
        observed = body.get("observed_value")
        counted = kind in COUNT_OBSERVED and isinstance(observed, (int, float)) and not isinstance(observed, bool)
        if observed is not None and not counted:
            body["observed_value"] = pseudonym(str(observed), key)
    info = result.get("exception_info") or {}
    if isinstance(info, Mapping) and "raised_exception" not in info:  # keyed by metric id
        info = next(iter(info.values()), {}) if info else {}
    error = safe_message(info.get("exception_message")) if info.get("raised_exception") else None
    observed = body.get("observed_value")
    examples = tuple(str(v) for v in (body.get("partial_unexpected_list") or [])[:EXAMPLES])
    return Outcome(
        expectation=kind, column=kwargs.get("column"), success=bool(result.get("success")),
        unexpected_count=body.get("unexpected_count"), element_count=body.get("element_count"),
        observed=None if observed is None else str(observed), examples=examples, error=error,
        # details of other expectations can hold value counts; only maskline's are known to be value-free
        details=dict(body.get("details") or {}) if kind in MASKLINE_TYPES else {},
    )


def check_report(table: str, results: Sequence[Mapping[str, Any]], key: KeyMaterial | None) -> CheckReport:
    """The report of a suite run from its result dicts.

    >>> check_report("t", [], None).success
    True
    """
    return CheckReport(table, tuple(outcome_of(r, key) for r in results))
