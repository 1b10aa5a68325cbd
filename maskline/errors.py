"""One exception hierarchy for maskline.

Every error says *what* is wrong, *where* (file, key path, column) and *how to
fix it*, and never carries a raw data value or a key.

>>> err = PolicyError("unknown method 'hmca'", where="policy.yml: methods.EMAIL.method", fix="use 'hmac'")
>>> print(err)
unknown method 'hmca' (at policy.yml: methods.EMAIL.method). Fix: use 'hmac'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


class Unchained(Exception):
    """Base of errors built from structure: they show nothing they were raised from or during.

    An engine's, driver's or parser's message quotes values, and whatever reports an error walks its chain
    (``traceback``, ``logging``'s ``exc_info``, Airflow's task log, Sentry). ``raise ... from None`` hides the
    chain from the interpreter's printer only, and a raise inside an ``except`` block without it shows the
    caught error in full; so, by construction, ``__cause__`` and ``__context__`` of such an error read as
    ``None`` whatever the raise site did, and ``__suppress_context__`` is set for the interpreter's own printer.

    >>> try:
    ...     try:
    ...         raise ValueError("card 4111111111111111")
    ...     except ValueError:
    ...         raise MasklineError("the value is not a number", where="orders.csv, column 'amount'")
    ... except MasklineError as e:
    ...     err = e
    >>> err.__context__, err.__cause__, err.__suppress_context__
    (None, None, True)
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # The interpreter's printer reads the exception's own field, not the property below: set that one too.
        BaseException.__suppress_context__.__set__(self, True)  # type: ignore[attr-defined]

    @property
    def __cause__(self) -> BaseException | None:  # type: ignore[override]
        return None

    @__cause__.setter
    def __cause__(self, value: BaseException | None) -> None:
        pass  # the chain is never shown: see the class docstring

    @property
    def __context__(self) -> BaseException | None:  # type: ignore[override]
        return None

    @__context__.setter
    def __context__(self, value: BaseException | None) -> None:
        pass

    @property
    def __suppress_context__(self) -> bool:  # type: ignore[override]
        return True

    @__suppress_context__.setter
    def __suppress_context__(self, value: bool) -> None:
        pass


class MasklineError(Unchained):
    """Base of every maskline error; ``str()`` is one line: what, where, fix."""

    exit_code = 1

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None) -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        """The message: what, then where and the fix when known.

        >>> MasklineError("no key", where="policy.yml", fix="set MASKLINE_KEY").render()
        'no key (at policy.yml). Fix: set MASKLINE_KEY'
        """
        text = self.what
        if self.where:
            text += f" (at {self.where})"
        if self.fix:
            text += f". Fix: {self.fix}"
        return text


class PolicyError(MasklineError):
    """The policy is missing, malformed or names something that does not exist."""

    exit_code = 2


class KeyMissingError(MasklineError):
    """A keyed method needs a key and none could be resolved. Never holds the key."""

    exit_code = 2


class ClassificationError(MasklineError):
    """Classification failed, so nothing may be written unmasked."""


class UnsupportedDialectError(MasklineError):
    """A SQL dialect maskline cannot compile to."""

    exit_code = 2


class MaskingError(MasklineError):
    """Masking could not be applied; the output was not written."""


class InputError(MasklineError):
    """Unreadable, empty or conflicting input or output paths."""

    exit_code = 2


class ConfigError(MasklineError):
    """A configuration option (such as Airflow's ``[maskline]`` section) has an invalid value."""

    exit_code = 2


class RewriteRefused(MasklineError):
    """A query is not one the safe query path accepts, and is refused before it runs (fail closed)."""

    exit_code = 3


class QueryFailed(MasklineError):
    """A masked query failed on the engine; built from the error's structure, never its message text.

    ``fields`` holds the error's class, SQLSTATE and the identifiers the driver reported (table, column...).
    """

    exit_code = 4

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None,
                 fields: dict[str, str] | None = None) -> None:
        self.fields = dict(fields or {})
        super().__init__(what, where=where, fix=fix)


def structured_message(error: BaseException) -> str:
    """What maskline tells of ``error`` (a tool's answer, a call record, lineage, a log), built from its fields.

    A maskline error is told by the fields maskline's code sets on it (``what``, ``where``, ``fix``), rendered as
    :meth:`MasklineError.render` renders them; never by ``str(error)`` or ``error.args``, which a subclass may fill
    with other text (a value it quoted, say). Any other exception, or one whose fields are not text, is told by
    its class alone: its message is not maskline's and may quote a value.

    >>> structured_message(RewriteRefused("a DELETE statement inside a query", where="query", fix="use a SELECT"))
    'a DELETE statement inside a query (at query). Fix: use a SELECT'
    >>> class Quoting(RewriteRefused):
    ...     def __str__(self) -> str:
    ...         return f"{self.render()}: 'ann@example.com'"
    >>> structured_message(Quoting("a literal is compared with a sensitive column", where="WHERE"))
    'a literal is compared with a sensitive column (at WHERE)'
    >>> structured_message(ValueError("invalid input 'ann@example.com'"))
    'ValueError'
    """
    what, where, fix = (getattr(error, name, None) for name in ("what", "where", "fix"))
    if not isinstance(error, MasklineError) or not isinstance(what, str) or not all(
            part is None or isinstance(part, str) for part in (where, fix)):
        return type(error).__name__
    return MasklineError.render(error)  # the base rendering of the fields: a subclass's render() is not consulted


def closest(name: str, choices: Iterable[str]) -> str | None:
    """Return the closest valid name to a typo, or None.

    >>> closest("hmca", ["hmac", "hash", "redact"])
    'hmac'
    >>> closest("zzz", ["hmac"]) is None
    True
    """
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A fix hint naming the closest valid choice, or listing the valid ones.

    >>> did_you_mean("emial", ["email", "hmac"])
    "did you mean 'email'?"
    >>> did_you_mean("customers", [])
    'there is none to choose from'
    """
    choices = sorted(choices)
    if not choices:  # "valid values: " followed by nothing reads like a cut-off message
        return "there is none to choose from"
    best = closest(name, choices)
    if best:
        return f"did you mean {best!r}?"
    return "valid values: " + ", ".join(choices)


# A name part a message may echo as the user wrote it: a plain SQL identifier, the shape of a name.
PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


def shown_name(*parts: str) -> str:
    """A (dotted) name the user wrote, as a message may show it, built from its parts.

    A part that is a plain identifier is shown as written. Any other part (spaces, punctuation, quotes) is
    shown as ``<quoted name>``: a quoted identifier can hold a value the user typed rather than a name, and
    messages reach logs and lineage.

    >>> shown_name("main", "custmers"), shown_name("Quillon Vexmarra"), shown_name("hr", "ann@example.com")
    ('main.custmers', '<quoted name>', 'hr.<quoted name>')
    """
    return ".".join(p if PLAIN_NAME.fullmatch(p) else "<quoted name>" for p in parts)
