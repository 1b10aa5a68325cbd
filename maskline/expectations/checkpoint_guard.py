"""A checkpoint action that makes a saved checkpoint fail, not pass, when maskline's expectations are missing.

Great Expectations drops an expectation it cannot find in its registry while
it loads a suite: it logs the error and keeps going, so a suite saved with
maskline expectations and reloaded in a process that never imported them
validates what is left and reports ``success=True``. GX offers one hook that
fails instead: a checkpoint action whose type is not registered stops the
checkpoint from loading at all. :class:`MasklineGuardAction` is that action:

- in a process that has not run :func:`maskline.expectations.load_all`, the
  checkpoint does not load, and GX's error names the call to make (the
  action's ``type``);
- in a process that has, it checks after validation that every maskline
  expectation the suite was saved with ran, and raises
  :class:`ExpectationsNotRegistered` otherwise (a suite loaded before the
  registration).

Build checkpoints with :func:`guarded_actions`, as the README's GX section
shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, Final, Literal

from great_expectations.checkpoint.actions import ValidationAction

from maskline.errors import MasklineError

# GX prints the unregistered type in its error ("no action of type ... found"), so the type says what to do.
GUARD_TYPE: Final = "maskline_guard: call maskline.expectations.load_all() before loading this checkpoint"


class ExpectationsNotRegistered(MasklineError):
    """A suite ran without maskline expectations it was saved with, because GX dropped them while loading."""

    exit_code = 4


def maskline_expectation_types() -> frozenset[str]:
    """The GX ``type`` of every maskline expectation.

    >>> "expect_column_values_to_not_contain_pii" in maskline_expectation_types()
    True
    """
    from maskline.expectations import _EXPORTS

    return frozenset(_snake(name) for name in _EXPORTS)


def _snake(class_name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in class_name).lstrip("_")


class MasklineGuardAction(ValidationAction):
    """Fails a checkpoint run in which a suite's maskline expectations did not all run.

    ``expectations`` maps each suite's name to the maskline expectation types
    (with repeats) it must run; :func:`guarded_actions` fills it in from the suites.

    >>> MasklineGuardAction(name="guard", expectations={"s": ["expect_column_values_to_not_contain_pii"]}).type
    'maskline_guard: call maskline.expectations.load_all() before loading this checkpoint'
    """

    type: Literal["maskline_guard: call maskline.expectations.load_all() before loading this checkpoint"] = \
        GUARD_TYPE
    expectations: dict[str, list[str]]

    def run(self, checkpoint_result: Any, action_context: Any = None) -> dict[str, Any]:
        """Raise :class:`ExpectationsNotRegistered` when a declared maskline expectation produced no result.

        >>> from types import SimpleNamespace as NS  # the parts of a CheckpointResult the guard reads
        >>> def checkpoint_result(*ran):
        ...     results = [NS(expectation_config=NS(type=t)) for t in ran]
        ...     return NS(run_results={"r": NS(suite_name="s", results=results)})
        >>> guard = MasklineGuardAction(name="guard", expectations={"s": ["expect_column_values_to_not_contain_pii"]})
        >>> guard.run(checkpoint_result("expect_column_values_to_not_contain_pii"))
        {'maskline_expectations_ran': True}
        >>> guard.run(checkpoint_result())  # GX dropped it while loading the suite
        Traceback (most recent call last):
        ...
        maskline.expectations.checkpoint_guard.ExpectationsNotRegistered: maskline expectations did not run, ...
        """
        missing: dict[str, list[str]] = {}
        for result in checkpoint_result.run_results.values():
            declared = Counter(self.expectations.get(result.suite_name, ()))
            ran = Counter(r.expectation_config.type for r in result.results if r.expectation_config is not None)
            lost = sorted((declared - ran).elements())
            if lost:
                missing[result.suite_name] = lost
        if missing:
            where = "; ".join(f"suite {suite!r}: {', '.join(types)}" for suite, types in sorted(missing.items()))
            raise ExpectationsNotRegistered(
                "maskline expectations did not run, so this checkpoint cannot report success "
                "(Great Expectations dropped them while loading the suite, because they were not registered)",
                where=where,
                fix="call maskline.expectations.load_all() before gx.get_context() loads the suites",
            )
        return {"maskline_expectations_ran": True}


def guarded_actions(suites: Iterable[Any], *actions: ValidationAction) -> list[ValidationAction]:
    """The checkpoint's actions with a :class:`MasklineGuardAction` first, declaring each suite's expectations.

    >>> import great_expectations as gx
    >>> from maskline.expectations import ExpectColumnValuesToNotContainPii
    >>> context = gx.get_context(mode="ephemeral")
    >>> suite = gx.ExpectationSuite(name="customers")
    >>> _ = suite.add_expectation(ExpectColumnValuesToNotContainPii(column="notes"))
    >>> guarded_actions([suite])[0].expectations
    {'customers': ['expect_column_values_to_not_contain_pii']}
    """
    ours = maskline_expectation_types()
    declared = {suite.name: [e.expectation_type for e in suite.expectations if e.expectation_type in ours]
                for suite in suites}
    return [MasklineGuardAction(name="maskline_guard", expectations=declared), *actions]
