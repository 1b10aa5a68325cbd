"""Scrub PII from task log lines, on top of Airflow's secrets masker.

Airflow's secrets masker hides values it was told are secret (connection
passwords, variables with sensitive names). It does not know that
``alice@example.com`` or ``123-45-6789`` is sensitive. :func:`install` wraps the
masker's ``redact`` so that after Airflow has hidden its secrets, every string
in the log event also goes through the core's text scrubber. Wrapping the
masker, rather than adding a processor of our own, means every path Airflow
already masks (task logs written by the task or by its supervisor, rendered
template fields) is covered, and nothing Airflow masks is masked less. Rendered
fields named ``sql`` or holding a callable's arguments are first rebuilt from
their structure (:func:`redact_named_field`).

Maskline's own key, once read, is hidden by the scrubber itself too (:mod:`airflow_plugin.registered_secrets`):
where a task runs in the process that writes its log (``dag.test()``), Airflow puts no masker in that log's
pipeline. Other secrets registered with Airflow (connection passwords) are Airflow's masker's to hide, as a
worker's supervisor does; hiding every one here would rewrite any line holding a common word used as a password.

:class:`MasklineLogFilter` is the same scrubber as a plain ``logging.Filter``,
for handlers outside Airflow's structlog pipeline. What a task prints goes to
its process's standard streams, not to a logger: while a task runs,
:mod:`airflow_plugin.task_output` routes them through :class:`ScrubbingStream`.
"""

from __future__ import annotations

import io
import logging
import re
import sys
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from airflow_plugin.registered_secrets import MASKER_MODULES

_fromisoformat = datetime.fromisoformat
_DIGITS = frozenset("0123456789")


def _text(pattern: str) -> Callable[[Any], bool]:
    whole = re.compile(pattern).fullmatch
    return lambda value: type(value) is str and whole(value) is not None


def _is_time(value: Any) -> bool:
    """Whether ``value`` is a time as structlog's stampers write it: ISO 8601 date and time (``fmt="iso"``, at
    most six digits of fraction), Unix seconds (``fmt=None``), or the ``datetime`` Airflow's supervisor decodes
    it to. A date alone is not one. Raises ValueError for a text with a time's look that does not read as one.
    """
    if type(value) is str:
        if 18 < len(value) <= 32 and value[26:27] not in _DIGITS:
            _fromisoformat(value)  # a date, a separator, a time: a date alone is too short
            return True
        return False
    return type(value) is datetime or type(value) is float


def _timestamp(value: Any) -> bool:
    """:func:`_is_time`, False where it raises.

    >>> _timestamp("2026-03-01T09:00:00.123456Z"), _timestamp("1984-07-21"), _timestamp("ana@correo.es")
    (True, False, False)
    >>> _timestamp("2026-03-01T09:00:00.4111111111111111Z")  # a fraction longer than a stamper writes
    False
    """
    try:
        return _is_time(value)
    except ValueError:
        return False


_SOURCE_FILE = r"(?:[\w.\- ]*[/\\])*[\w.\-]+\.pyw?|<[\w .\-]+>"
# The fields Airflow and structlog fill themselves, each with the shape of what they fill it with (structlog's
# stampers, add_log_level and CallsiteParameterAdder; Airflow's logger_name and log_loc processors, the
# warnings hook, and the ids the task runner binds to every line). A caller may pass any of these names
# (``log.info("x", run_id=...)``), so a field is passed over only when its value has Airflow's shape; and a
# text only once the scrubber found nothing in it (that answer is remembered, _PROVEN). Anything else is
# scrubbed like any field. Booleans and None pass as they are; a number is scrubbed as its text, whatever its key.
AIRFLOW_FIELDS: dict[str, Callable[[Any], bool]] = {
    "timestamp": _timestamp,
    "level": _text(r"(?i:critical|exception|error|warn|warning|info|debug|notset)"),
    "log_level": _text(r"(?i:critical|exception|error|warn|warning|info|debug|notset)"),
    "logger": _text(r"[A-Za-z_][\w\-]*(?:\.[\w\-]+)*"),
    "logger_name": _text(r"[A-Za-z_][\w\-]*(?:\.[\w\-]+)*"),
    "loc": _text(rf"(?:{_SOURCE_FILE}):\d+"),  # log_loc: f"{filename}:{lineno}"
    "filename": _text(_SOURCE_FILE),  # a source file's basename; the path, from the warnings hook
    "func_name": _text(r"[A-Za-z_]\w*|<\w+>"),  # a code object's name: f, <module>, <lambda>
    "chan": _text(r"stdout|stderr"),
    "ti_id": _text(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    "dag_id": _text(r"[\w.\-]+"),  # Airflow's KEY_REGEX
    "task_id": _text(r"[\w.\-]+"),
    "run_id": _text(r"[A-Za-z0-9_.~:+\-]+"),  # [scheduler] allowed_run_id_pattern's default, and generated ids
    "lineno": lambda value: type(value) is int,
    "map_index": lambda value: type(value) is int,
    "try_number": lambda value: type(value) is int,
}
# The names alone, for callers that list them (the benchmark's history rows). Not a reason to skip a field.
STRUCTURAL_KEYS = frozenset(AIRFLOW_FIELDS)

_WRAPPED_FLAG = "_maskline_scrubbing"
# Template fields that hold what a user typed for a callable: rendered with every value replaced.
RENDERED_USER_INPUTS = frozenset({"op_args", "op_kwargs", "templates_dict", "params"})


def scrub_text(text: str) -> str:
    """``text`` with every PII or secret span replaced by its placeholder.

    >>> scrub_text("mail alice@example.com now")  # doctest: +SKIP
    'mail <EMAIL> now'
    """
    return _scrubbers()[0](text)


def scrub_event(event: Any) -> Any:
    """Scrub a structlog event dict (or any redacted value), leaving Airflow's own fields alone.

    An exception attached to the event (``exc_info``) is rendered to its
    traceback text first, from its structure: frames, chained causes and
    contexts, and the messages of Python's, Airflow's and maskline's own
    exceptions; another package's exception (a driver's) shows its type and
    package only. That text is then scrubbed, and the event carries it as
    ``exception`` text, as structlog's own ``format_exc_info`` leaves it.

    An event dict in which nothing changes comes back as it is (the usual log line); otherwise a copy
    comes back with the scrubbed values, and the dict given is left unchanged.

    >>> scrub_event({"timestamp": "2024-01-01", "event": "mail ann@example.com"})
    {'timestamp': '2024-01-01', 'event': 'mail [EMAIL]'}
    >>> scrub_event({"event": "sent", "to": ["ann@example.com"], "args": ("123-45-6789",)})
    {'event': 'sent', 'to': ['[EMAIL]'], 'args': ('[US_SSN]',)}
    """
    if type(event) is dict and event.get("positional_args") and type(event.get("event")) is str:
        event = _with_arguments_in_place(event)
    # The usual log line: a text message beside Airflow's own fields, and no other key (checked in C, one
    # pass over the keys), each holding a value an earlier line proved Airflow's (_PROVEN, checked in C on
    # a copy without the message and the timestamp), and a timestamp that reads as a time. Only the message
    # can hold PII there, so it goes straight to the scrubber's str path; anything else (another key, a
    # field not proven, an exception, a message that is not a str, a dict subclass) takes the walk over
    # every field, which gives the same answer on this path's events (a test holds both) and proves the
    # fields it can for the lines after.
    if type(event) is dict and _MESSAGE_ONLY.issuperset(event):
        fields = event.copy()
        message = fields.pop("event", None)
        if type(message) is str:
            stamp = fields.pop("timestamp", None)
            try:
                if not _PROVEN.issuperset(fields.values()):
                    return _scrub_fields(event)
                if type(stamp) is str:  # _is_time(), inline: it runs on every line
                    size = len(stamp)
                    if size <= 18 or size > 32 or (size > 26 and stamp[26] in _DIGITS):
                        return _scrub_fields(event)
                    _fromisoformat(stamp)
                elif stamp is not None and type(stamp) is not datetime:
                    return _scrub_fields(event)
            except (TypeError, ValueError):  # an unhashable value under one of Airflow's names; not a time
                return _scrub_fields(event)
            new = _scrubbed(message)
            if new is message:  # the scrubber returns a text with nothing found as it is
                return event
            out = dict(event)
            out["event"] = new
            return out
    return _scrub_fields(event)


def _with_arguments_in_place(event: dict[Any, Any]) -> dict[Any, Any]:
    """A copy of a structlog event whose ``%``-arguments (``positional_args``) are formatted into its message,
    as Airflow's ``positional_arguments_formatter`` would format them after this processor.

    Scrubbed apart, an argument loses what its format string says of it: in ``"Authorization: Basic %s"`` or
    ``"password=%s"`` the cue is in the message and the secret in the argument, and neither alone is found.
    Formatting first lets the scrubber read the line its reader will. A message the arguments do not fit
    (which Airflow's formatter would fail on too) is read with the arguments written after it, so a cue
    still stands beside its value.

    >>> _with_arguments_in_place({"event": "password=%s", "positional_args": ("hunter22",)})
    {'event': 'password=hunter22'}
    >>> _with_arguments_in_place({"event": "%(user)s logged in", "positional_args": ({"user": "ann"},)})
    {'event': 'ann logged in'}
    >>> _with_arguments_in_place({"event": "no slot", "positional_args": ("x",)})
    {'event': 'no slot x'}
    """
    out = dict(event)
    message, args = out.pop("event"), _tables_masked(out.pop("positional_args"))
    try:
        text = message % args
    except (TypeError, KeyError, ValueError):
        try:
            if len(args) == 1 and isinstance(args[0], Mapping) and args[0]:
                text = message % args[0]
            else:
                raise TypeError("arguments do not fit the message")
        except (TypeError, KeyError, ValueError):
            text = " ".join([message, *(str(a) for a in args)])
    return {"event": text, **out}


TABLE_WITHHELD = "[table withheld by maskline: it could not be masked]"


def _tables_masked(args: Any) -> Any:
    """``%``-arguments with each table (a DataFrame, records, column lists) masked as its XCom is, column by
    column (:func:`airflow_plugin.xcom.masked_table`), before it is formatted: the text scrubber alone cannot tell
    a column of lower-case names or bare account numbers from other words and numbers.

    >>> _tables_masked(([{"id": 1, "who": "ann lee"}, {"id": 2, "who": "bo ray"}], "x"))
    ([{'id': 1, 'who': '[MASKED]'}, {'id': 2, 'who': '[MASKED]'}], 'x')
    """
    if not isinstance(args, tuple):
        return args
    from airflow_plugin.xcom import masked_table

    out = []
    for arg in args:
        try:
            table = masked_table(arg) if isinstance(arg, (dict, list)) or hasattr(arg, "columns") else None
        except Exception:  # noqa: BLE001 - a table that cannot be decided is not shown at all (fail closed)
            table = TABLE_WITHHELD
        out.append(arg if table is None else table)
    return tuple(out)


def _scrub_fields(event: Any) -> Any:
    """:func:`scrub_event` on any event: every field, and any other value, scrubbed, but a field holding
    what Airflow fills it with (:data:`AIRFLOW_FIELDS`)."""
    scrubbed, scrub_value = _SCRUBBERS or _scrubbers()
    if not isinstance(event, dict):
        return scrub_value(event)
    if event.get("exc_info"):
        event = _render_exception(event)
    out: dict[Any, Any] | None = None
    # One walk over the fields, copying the event only at its first changed value: a clean line builds no
    # dict. Booleans and None are skipped, numbers are scrubbed as their text, and any other type goes to
    # scrub_value(), whatever it is.
    for k, v in event.items():
        if type(v) is str:
            if (k == "timestamp" and _timestamp(v)) or v in _PROVEN:
                continue
            new = scrubbed(v)
            if new is v:  # the scrubber returns a text with nothing found as it is
                _prove(k, v)
                continue
        elif type(v) in _PASSED:  # booleans and None pass as they are; a number is scrubbed as its text
            if type(v) not in (int, float) or v in _PROVEN:
                continue
            from maskline.text.scrubber import scrubbed_number

            new = scrubbed_number(v)  # the same number when nothing is found in its text
            if new is v:
                if type(v) is int:
                    _prove(k, v)
                continue
        elif k == "timestamp" and _timestamp(v):  # a datetime
            continue
        else:
            new = _rendered_leaves(scrub_value(v), scrubbed)
            if new is v:  # nothing in it holds PII (a datetime, an enum, a clean list)
                continue
        if out is None:
            out = dict(event)
        out[k] = new
    if out is not None:
        return out
    return event if type(event) is dict else dict(event)


def _rendered_leaves(value: Any, scrubbed: Callable[[str], str]) -> Any:
    """What ``scrub_value`` left of a log value, with every part it does not scrub scrubbed as it will be shown.

    ``scrub_value`` scrubs strings inside dicts, lists, tuples and sets and passes any other type unchanged: an
    exception, bytes, a path or a row object would reach the renderer, which prints its ``repr``, raw. Here
    such a leaf, and a dict's key, is scrubbed as that text; when nothing is found the object is kept, so a
    clean value renders exactly as before. Containers come back as they are when no part changed.

    >>> import pathlib
    >>> _rendered_leaves([ValueError("no ann@example.com"), 3], lambda t: t.replace("ann@example.com", "[EMAIL]"))
    ["ValueError('no [EMAIL]')", 3]
    >>> p = pathlib.PurePosixPath("/tmp/x.csv"); _rendered_leaves(p, str.upper) is p or "changed"
    'changed'
    """
    from airflow_plugin.leaves import map_leaves

    def leaf(v: Any) -> Any:
        if v is None or type(v) in _PASSED or isinstance(v, str):
            return v
        text = repr(v)
        new = scrubbed(text)
        return v if new == text else new

    return map_leaves(value, leaf, key=lambda k: _rendered_key(k, scrubbed))


def _rendered_key(key: Any, scrubbed: Callable[[str], str]) -> Any:
    if isinstance(key, str):
        new = scrubbed(key)
        return key if new == key else new
    return _rendered_leaves(key, scrubbed)


# Types scrub_value() returns as they are (it scrubs strings and containers): skipped without a call. Exact
# types: a subclass (an IntEnum) goes to scrub_value() like any type not listed.
_PASSED = frozenset({int, float, bool, type(None)})
# The keys of an event that may take scrub_event()'s message-only path: Airflow's names and the message.
_MESSAGE_ONLY = STRUCTURAL_KEYS | {"event"}
# Values Airflow wrote in one of its fields, with that field's shape, and in which the scrubber found nothing
# (texts, whole numbers; and None): the logger, the ids the task runner binds to every line come back line
# after line, and are scrubbed once. A field holding one of them renders exactly as if it had been scrubbed.
# Cleared when full: the values of one process's tasks are few; past that, they are the scrubber's work again.
_PROVEN: set[Any] = {None}
_PROVEN_MAX = 4096


def _prove(key: Any, value: str | int) -> None:
    """Remember that ``value``, under Airflow's field ``key``, has Airflow's shape and holds nothing to scrub."""
    shape = AIRFLOW_FIELDS.get(key)
    if shape is not None and key != "timestamp" and shape(value):
        if len(_PROVEN) >= _PROVEN_MAX:
            _PROVEN.clear()
            _PROVEN.add(None)
        _PROVEN.add(value)


_SCRUBBERS: tuple[Callable[..., Any], Callable[..., Any]] | None = None


def _first_scrubbed(text: str) -> str:
    """Stands in for the core's ``scrubbed`` until the first message: imports it and takes its place, so the
    message-only path calls it through one global, with no lazy-import check per line."""
    global _scrubbed
    _scrubbed = _scrubbers()[0]
    return _scrubbed(text)


_scrubbed: Callable[[str], str] = _first_scrubbed


def _scrubbers() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The core's ``scrubbed`` (``scrub(text)[0]``) and ``scrub_value``, each after maskline's own key is hidden
    (:func:`airflow_plugin.registered_secrets.hide_keys`), imported on first use (an import statement
    per log event cost a tenth of a clean line's scrubbing; at module level it would load the core when DAGs
    are parsed)."""
    global _SCRUBBERS
    if _SCRUBBERS is None:
        from airflow_plugin.registered_secrets import hide_keys
        from maskline.text.scrubber import scrub_value, scrubbed

        def text_scrubbed(text: str) -> str:
            hidden = hide_keys(text)
            new = scrubbed(hidden)
            return text if new == text else new  # the same object when nothing changed: callers test identity

        def value_scrubbed(value: Any) -> Any:
            return scrub_value(hide_keys(value))

        _SCRUBBERS = (text_scrubbed, value_scrubbed)
    return _SCRUBBERS


def _render_exception(event: dict[str, Any]) -> dict[str, Any]:
    """The event with its exception rendered as ``exception`` text built from structure.

    Frames and the messages Python, Airflow or maskline wrote are kept (and scrubbed next); an exception
    from any other package, a database driver above all, shows only its type and package, because an
    engine's text quotes row values no detector recognises (:mod:`maskline.text.tracebacks`).
    """
    import structlog

    exc = _exception_of(event.get("exc_info"))
    if exc is None:
        return dict(structlog.processors.format_exc_info(None, "", dict(event)))
    from maskline.text.tracebacks import structural_traceback

    rendered = {k: v for k, v in event.items() if k != "exc_info"}
    rendered["exception"] = structural_traceback(exc).rstrip("\n")
    return rendered


def _exception_of(exc_info: Any) -> BaseException | None:
    """The exception a structlog ``exc_info`` names: an exception, a ``sys.exc_info()`` tuple, or True."""
    if isinstance(exc_info, BaseException):
        return exc_info
    if isinstance(exc_info, tuple) and len(exc_info) == 3 and isinstance(exc_info[1], BaseException):
        return exc_info[1]
    if exc_info is True:
        return sys.exc_info()[1]
    return None


def scrub_processor(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """The scrubber as a structlog processor, for pipelines that do not go through Airflow's masker.

    >>> scrub_processor(None, "info", {"event": "ok"})  # doctest: +SKIP
    {'event': 'ok'}
    """
    return scrub_event(event_dict)


class MasklineLogFilter(logging.Filter):
    """A ``logging.Filter`` that scrubs the formatted message of each record.

    >>> logging.getLogger("x").addFilter(MasklineLogFilter())  # doctest: +SKIP
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Replace the record's message with its scrubbed text; never drops a record.

        >>> record = logging.LogRecord("task", logging.INFO, __file__, 1, "sent to %s", ("ann@example.com",), None)
        >>> MasklineLogFilter().filter(record), record.getMessage()
        (True, 'sent to [EMAIL]')
        """
        record.args = _tables_masked(record.args)  # never raises: a table it cannot mask is withheld
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: leave it to the handler's own error path
            return True
        record.msg = scrub_text(message)
        record.args = None
        return True


class TableArgsFilter(logging.Filter):
    """A handler filter that masks each table among a record's arguments column by column, as its XCom is,
    before the record is formatted; never drops a record.

    >>> record = logging.LogRecord("task", logging.INFO, __file__, 1, "was: %s",
    ...                            ([{"id": 1, "who": "ann lee"}, {"id": 2, "who": "bo ray"}],), None)
    >>> TableArgsFilter().filter(record), record.getMessage()
    (True, "was: [{'id': 1, 'who': '[MASKED]'}, {'id': 2, 'who': '[MASKED]'}]")
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.args = _tables_masked(record.args)
        return True


class ScrubbingStream(io.TextIOBase):
    """A text stream that scrubs each line before it reaches the stream it wraps (``print()`` in a task).

    Lines are held until their newline, because ``print("to", email)`` writes
    its arguments one by one and a value could be split across writes. A
    ``flush()`` without a newline scrubs and writes what is held.

    >>> out = io.StringIO()
    >>> stream = ScrubbingStream(out)
    >>> print("mail", "ann@example.com", file=stream)
    >>> out.getvalue()
    'mail [EMAIL]\\n'
    """

    def __init__(self, wrapped: Any) -> None:
        super().__init__()
        self.wrapped = wrapped
        self._pending = ""

    def write(self, text: str) -> int:
        """Hold ``text`` until its line is complete, then write the line scrubbed.

        >>> out = io.StringIO(); stream = ScrubbingStream(out)
        >>> stream.write("to ann@exa"), out.getvalue()  # half a value: held
        (10, '')
        >>> _ = stream.write("mple.com\\n"); out.getvalue()
        'to [EMAIL]\\n'
        """
        self._pending += text
        if "\n" in self._pending:
            complete, _, self._pending = self._pending.rpartition("\n")
            self.wrapped.write(scrub_text(complete + "\n"))
        return len(text)

    def flush(self) -> None:
        """Scrub and write what is held, then flush the wrapped stream.

        >>> out = io.StringIO(); stream = ScrubbingStream(out)
        >>> _ = stream.write("ann@example.com"); stream.flush(); out.getvalue()
        '[EMAIL]'
        """
        if self._pending:
            pending, self._pending = self._pending, ""
            self.wrapped.write(scrub_text(pending))
        self.wrapped.flush()

    def writable(self) -> bool:
        """Always (``io.TextIOBase`` answers False, and a caller that checks would refuse to write).

        >>> ScrubbingStream(io.StringIO()).writable()
        True
        """
        return True

    def __getattr__(self, name: str) -> Any:  # encoding, fileno, isatty, buffer...: the wrapped stream's
        return getattr(self.wrapped, name)


def scrub_standard_streams() -> bool:
    """Route ``sys.stdout`` and ``sys.stderr`` through :class:`ScrubbingStream`; False if they already are.

    >>> scrub_standard_streams() in (True, False)  # doctest: +SKIP
    True
    """
    changed = False
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, ScrubbingStream):
            setattr(sys, name, ScrubbingStream(stream))
            changed = True
    return changed


def restore_standard_streams() -> None:
    """Flush and unwrap what :func:`scrub_standard_streams` wrapped.

    >>> restore_standard_streams()
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, ScrubbingStream):
            stream.flush()
            setattr(sys, name, stream.wrapped)


def redact_named_field(item: Any, name: str | None) -> Any:
    """A rendered template field rebuilt by what its name says it holds, before the usual scrubbing.

    Airflow stores rendered fields (the Rendered Template tab) after passing each through the masker with
    its name. A callable's arguments (``op_args``, ``op_kwargs``, ``templates_dict``, ``params``) are user
    inputs: no detector can vouch for a name in them, so every value goes and the keys stay, as in lineage.
    ``sql`` is rebuilt from its tokens (:func:`openlineage_ext.scrubbing.scrub_sql`): literals of every
    spelling go, comments go, and SQL that does not parse is withheld. Other fields come back as they are.

    >>> redact_named_field({"customer": {"name": "Jo Bloggs", "n": 3}}, "op_kwargs")
    {'customer': {'name': '[REDACTED]', 'n': 3}}
    >>> redact_named_field("SELECT id FROM t WHERE name = 'Jo Bloggs' -- for Jo", "sql")
    "SELECT id FROM t WHERE name = '[REDACTED]'"
    >>> redact_named_field("echo hi", "bash_command")
    'echo hi'
    """
    field = (name or "").partition(".")[0]
    if field not in RENDERED_USER_INPUTS and field != "sql":
        return item
    from openlineage_ext.scrubbing import EventScrubber, scrub_sql

    if field != "sql":
        return EventScrubber().redact_leaves(item)
    if isinstance(item, str):
        return scrub_sql(item)
    if isinstance(item, (list, tuple)):
        return [scrub_sql(s) if isinstance(s, str) else EventScrubber().redact_leaves(s) for s in item]
    return EventScrubber().redact_leaves(item)


def _tables_in(item: Any) -> Any:
    """``item`` (what a secrets masker is asked to redact: a record's arguments, a value) with its tables
    masked column by column: Airflow's masker runs as a logger filter, and formats the line after it."""
    if isinstance(item, tuple):
        return _tables_masked(item)
    return _tables_masked((item,))[0]


def _wrap(original: Callable[..., Any]) -> Callable[..., Any]:
    def redact(item: Any, name: str | None = None, max_depth: int | None = None, replacement: str = "***") -> Any:
        return scrub_event(original(redact_named_field(_tables_in(item), name), name, max_depth,
                                    replacement=replacement))

    setattr(redact, _WRAPPED_FLAG, True)
    return redact


def forget_proven() -> None:
    """Forget the values proven clean (:data:`_PROVEN`): a key registered since may be one of them.

    >>> forget_proven()
    """
    _PROVEN.clear()
    _PROVEN.add(None)


def _forgetting_proven(add_mask: Callable[..., Any]) -> Callable[..., Any]:
    """A masker's ``add_mask`` that also forgets the values proven clean (:data:`_PROVEN`): one of them may be the
    secret just registered, and a proven value is not looked at again."""
    def registered(secret: Any, name: str | None = None) -> None:
        add_mask(secret, name)
        _PROVEN.clear()
        _PROVEN.add(None)

    setattr(registered, _WRAPPED_FLAG, True)
    return registered


def _insert_before_renderer(processors: Any) -> bool:
    """Put :func:`scrub_processor` just before the renderer of a processor list, in place."""
    if not isinstance(processors, list) or scrub_processor in processors:
        return False
    processors.insert(max(len(processors) - 1, 0), scrub_processor)
    return True


def table_args_processor(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor that masks each table among a line's ``%``-arguments column by column, as its XCom
    is masked, before Airflow's formatter writes them into the message (where only the text scrubber could read
    them). Airflow logs a plain task's returned value this way: ``"Done. Returned value was: %s"``.

    >>> table_args_processor(None, "info", {"event": "%s", "positional_args": ([{"id": 1, "who": "ann lee"},
    ...                                                                          {"id": 2, "who": "bo ray"}],)})
    {'event': '%s', 'positional_args': ([{'id': 1, 'who': '[MASKED]'}, {'id': 2, 'who': '[MASKED]'}],)}
    """
    args = event_dict.get("positional_args")
    if not args:
        return event_dict
    masked = _tables_masked(args)
    if all(a is b for a, b in zip(masked, args, strict=True)):
        return event_dict
    return {**event_dict, "positional_args": masked}


def _formats_arguments(processor: Any) -> bool:
    """Whether ``processor`` writes ``%``-arguments into the message (Airflow's formatter or structlog's)."""
    return (getattr(processor, "__name__", "") == "positional_arguments_formatter"
            or type(processor).__name__ == "PositionalArgumentsFormatter")


def _insert_before_formatting(processors: Any) -> bool:
    """Put :func:`table_args_processor` before the processor that formats ``%``-arguments (first if none), in place."""
    if not isinstance(processors, list) or table_args_processor in processors:
        return False
    at = next((i for i, p in enumerate(processors) if _formats_arguments(p)), 0)
    processors.insert(at, table_args_processor)
    return True


# Airflow's structlog loggers (one class per minimum level) format ``%``-arguments inside each level method,
# before any processor runs: the one place a table among them can still be masked as a table.
BOUND_LOGGER_MODULES = ("airflow.sdk._shared.logging.structlog", "airflow._shared.logging.structlog")


def _with_tables_masked(method: Callable[..., Any]) -> Callable[..., Any]:
    def logged(self: Any, event: Any, *args: Any, **kw: Any) -> Any:
        return method(self, event, *_tables_masked(args), **kw) if args else method(self, event, **kw)

    logged.__name__ = getattr(method, "__name__", "log")
    setattr(logged, _WRAPPED_FLAG, True)
    return logged


def _skip_wrapper_frames(processors: Any) -> None:
    """Have each call-site processor skip this module's frames, so a line's ``loc`` stays the caller's, not the
    wrapper's (:func:`_with_tables_masked`)."""
    for processor in processors or ():
        ignores = getattr(processor, "_additional_ignores", None)
        if type(processor).__name__ == "CallsiteParameterAdder" and isinstance(ignores, list) \
                and __name__ not in ignores:
            ignores.append(__name__)


def _patch_bound_loggers() -> int:
    """Wrap the level methods of Airflow's structlog logger classes so that tables among their arguments are
    masked (:func:`_tables_masked`) before the methods format them; returns how many methods were wrapped."""
    import importlib

    wrapped = 0
    for module_name in BOUND_LOGGER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        levels = getattr(module, "NAME_TO_LEVEL", {})
        for cls in getattr(module, "LEVEL_TO_FILTERING_LOGGER", {}).values():
            for name in levels:
                method = cls.__dict__.get(name)
                if callable(method) and not getattr(method, _WRAPPED_FLAG, False):
                    setattr(cls, name, _with_tables_masked(method))
                    wrapped += 1
    return wrapped


def _patch_logging_pipelines() -> int:
    """Add the scrubber to the structlog pipeline and to stdlib handlers already configured.

    Lists are changed in place because loggers cached on first use hold a
    reference to the configured list, not a copy.
    """
    import structlog

    processors = structlog.get_config().get("processors")
    patched = int(_insert_before_renderer(processors))
    _insert_before_formatting(processors)  # tables among the arguments: masked as values, before formatting
    _skip_wrapper_frames(processors)
    for handler in logging.getLogger().handlers:
        formatter = handler.formatter
        if isinstance(formatter, structlog.stdlib.ProcessorFormatter):
            patched += int(_insert_before_renderer(formatter.processors))
            _skip_wrapper_frames(formatter.foreign_pre_chain)
            _skip_wrapper_frames(formatter.processors)
    # A stdlib record (Airflow's operators log through the stdlib) is formatted before any processor runs
    # (ProcessorFormatter calls record.getMessage(), then empties record.args for the handlers after it): its
    # tables are masked by a filter put first on every handler, which runs before any formatting.
    loggers = [logging.getLogger(), *(logger for logger in list(logging.Logger.manager.loggerDict.values())
                                      if isinstance(logger, logging.Logger))]
    for handler in {id(h): h for logger in loggers for h in logger.handlers}.values():
        if not any(isinstance(f, TableArgsFilter) for f in handler.filters):
            handler.filters.insert(0, TableArgsFilter())
    return patched


def install() -> int:
    """Make every log line scrub PII; returns how many pipelines were changed (0 if already done).

    Two layers, because Airflow logs through two paths: the secrets maskers are
    wrapped (they run where task logs are written: the supervisor of a real
    worker), and the scrubber is added to the structlog and stdlib pipelines
    already configured in this process (``dag.test()`` runs tasks in-process,
    where Airflow applies no masker to log lines). Idempotent. The scrubber is
    imported first, so a broken install fails here, loudly, not on a log call.

    >>> install() >= 0  # doctest: +SKIP
    True
    """
    import importlib

    import maskline.text  # noqa: F401  (fail now, not inside a log call)
    from maskline.text.library_logs import withhold_sqlglot_messages

    withhold_sqlglot_messages()  # sqlglot warns with the whole SQL it parses, literals included

    changed = 0
    for module_name in MASKER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        masker = module._secrets_masker()
        if not getattr(masker.add_mask, _WRAPPED_FLAG, False):
            masker.add_mask = _forgetting_proven(masker.add_mask)
        if getattr(masker.redact, _WRAPPED_FLAG, False):
            continue
        masker.redact = _wrap(masker.redact)
        changed += 1
    _patch_bound_loggers()
    return changed + _patch_logging_pipelines()


def installed() -> bool:
    """Whether the task SDK's secrets masker scrubs PII (for tests and health checks).

    >>> isinstance(installed(), bool)
    True
    """
    import importlib

    try:
        module = importlib.import_module(MASKER_MODULES[0])
    except ImportError:
        return False
    return bool(getattr(module._secrets_masker().redact, _WRAPPED_FLAG, False))
