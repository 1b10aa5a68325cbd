"""Scrub an OpenLineage event of every sensitive value, in place, keeping its shape and types.

Every string in the event goes through the core's text scrubber
(:func:`maskline.text.scrub`), except identifiers that lineage needs
(namespaces, names, field names, run ids, schema URLs, times). Beyond that:

- SQL (``query`` and ``sql`` keys, e.g. the ``sql`` job facet) is parsed with
  sqlglot and its literals rewritten, so it still parses: with
  ``sql_literals="all"`` (the default, fail closed) every string literal and
  every number of six digits or more becomes ``'[REDACTED]'``; with
  ``"detected"`` only literals the scrubber finds something in are rewritten.
  Comments are dropped. The SQL is rebuilt from an allow-list of its tokens, so
  a literal of a kind nobody listed still goes; SQL sqlglot cannot parse is
  withheld whole. A quoted identifier stays only when it names a relation or
  column the event's datasets declare, or that an earlier event of the process
  described for the same dataset from the catalog (a per-query event lists no
  fields; its task's START event does); any other (an alias the user typed,
  ``AS "123-45-6789"``) becomes a placeholder, and so does an unquoted name
  nothing proves to be structure (:mod:`openlineage_ext.sql_names`): a table
  no dataset of the event names, a function neither sqlglot nor maskline's
  allow-list knows.
- Column lineage keeps only the fields the catalog proves
  (:mod:`openlineage_ext.proven_lineage`): the provider parses it from the
  query's text, where a value typed unquoted reads as a column.
- Run conf and task parameters (``conf``, ``params``, ``op_kwargs``...) keep
  their keys, but every value is replaced (``user_inputs="redact"``, the
  default), because names and other free-form values escape every detector;
  ``user_inputs="scrub"`` only scrubs them.
- The ``errorMessage`` facet is first rebuilt from its stack trace's structure
  (:mod:`openlineage_ext.error_structure`): frames and exception types only, and
  the message only when Python, Airflow or maskline wrote it, never a driver's.
  A message without a stack trace is withheld, unless the facet's type says
  maskline wrote it (:mod:`openlineage_ext.own_error`).
  Error messages and stack traces (``message``, ``stackTrace``) then also lose
  single-quoted strings and database ``(col)=(value)`` details.

maskline's own facets hold no values by construction and are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

import attr

if TYPE_CHECKING:
    from openlineage_ext.catalog_names import DatasetFields

REDACTED = "[REDACTED]"
_REDACTED_LITERAL = f"'{REDACTED}'"
_REDACTED_NAME = '"<quoted name>"'  # a quoted identifier that could hold a value (see _name_kept)
# What the sql facet says in place of SQL that could not be read: a statement that holds no value.
WITHHELD_SQL = "/* maskline: SQL withheld, it could not be parsed */"
# What a quoted identifier the catalog does not name becomes in the sql facet: name_1, name_2...
PLACEHOLDER_PREFIX = "name_"
SQL_LITERAL_MODES = ("all", "detected")
# Values that identify things in the lineage graph, never data.
IDENTIFIER_KEYS = frozenset({
    "eventTime", "producer", "schemaURL", "_producer", "_schemaURL", "runId", "namespace", "name", "field",
    "eventType", "type", "subtype", "transformationType", "masking", "jobType", "integration", "processingType",
    "dialect", "uuid", "taskUuid", "run_id", "dag_id", "task_id", "job_name", "invocation_id",
})
# In plain dicts (conf, params, operator fields) a "name" is as likely a person's as a table's.
FREE_FORM_NAME_KEYS = frozenset({"name", "field"})
SQL_KEYS = frozenset({"query", "sql"})
ERROR_KEYS = frozenset({"message", "stackTrace", "errorMessage"})
# What users type into a run (dag_run conf, task params, callable arguments): no detector can vouch for
# free-form values such as names, so by default every value goes, and only the keys stay.
USER_INPUT_KEYS = frozenset({"conf", "params", "op_args", "op_kwargs", "templates_dict"})
USER_INPUT_MODES = ("redact", "scrub")
# dag_run conf["openlineage"] carries parent/root run ids the provider needs, not user data.
KEPT_USER_INPUT_KEYS = frozenset({"openlineage"})
_MIN_SENSITIVE_DIGITS = 6
# Column statistics (the ``dataQualityMetrics`` facets, any producer: the GX OpenLineage action, a custom
# extractor) keep their counts only. A column's min, max, quantiles or sum is a value read from its rows, or one a
# few rows give away, and a number passes every text scrubber, so every other statistic is dropped: an allow-list,
# because a producer can add statistics a list of value-reporting ones would miss.
METRICS_KEY = "columnMetrics"
KEPT_METRICS = frozenset({"nullCount", "distinctCount", "count"})
# An apostrophe inside a word ("agent's", "don't": two letters before, one after) opens no quoted value.
# One letter before stays a quote, so b'...' and u'...' reprs are still redacted.
_APOSTROPHE_OR_QUOTED = re.compile(r"(?P<apostrophe>(?<=[A-Za-z]{2})'(?=[A-Za-z]))|'(?:[^'\\]|\\.|'')*'")
# An unquoted name, a keyword, or a placeholder ($1, :name, @p, %(name)s): the only free words copied from SQL.
_NAME_SHAPED = re.compile(r"[$:@%]?[^\W\d]\w*|\$\d+|%\(\w+\)s|%s|\?")
_DB_DETAIL = re.compile(r"\)=\((?:[^()]|\([^()]*\))*\)")


def scrub_text(text: str) -> str:
    """The text with every span the core scrubber detects replaced.

    >>> "bob@example.com" in scrub_text("mail bob@example.com now")
    False
    """
    from maskline.text import scrub

    return scrub(text)[0]


def scrub_keyed(key: str | None, text: str) -> str:
    """A value scrubbed knowing its name: under a secret-looking name (password, api_key...) it goes whole.

    >>> scrub_keyed("DB_PASSWORD", "hunter2"), scrub_keyed("city", "Lyon")
    ('[PASSWORD]', 'Lyon')
    """
    from maskline.text import scrub_value

    if not key:
        return scrub_text(text)
    return str(scrub_value({key: text})[key])


def _is_name_value(name: Any, value: Any) -> bool:
    return isinstance(name, str) and isinstance(value, str) and bool(value)


def scrub_error_text(text: str) -> str:
    """An error message or stack trace: scrubbed, minus quoted literals and ``(col)=(value)`` details.

    >>> scrub_error_text("Key (email)=(jo@x.org) already exists; bad value 'Jane Roe'")
    "Key (email)=([REDACTED]) already exists; bad value '[REDACTED]'"
    >>> scrub_error_text("the agent's query: 'Delete' is not allowed; got b'Jane'")
    "the agent's query: '[REDACTED]' is not allowed; got b'[REDACTED]'"
    """
    text = _DB_DETAIL.sub(f")=({REDACTED})", text)
    text = _APOSTROPHE_OR_QUOTED.sub(lambda m: "'" if m.group("apostrophe") else f"'{REDACTED}'", text)
    return scrub_text(text)


def scrub_sql(sql: str, mode: str = "all", dialect: str | None = None,
              names: Collection[str] | None = None) -> str:
    """SQL rebuilt from its tokens: only structure is copied, every value-bearing token is rewritten.

    The text is tokenized and parsed with sqlglot under ``dialect``. What is copied from the original is an
    allow-list: keywords and operators, identifier-shaped names, placeholders, numbers of fewer than six
    digits, and quoted identifiers that name one of ``names`` (the catalog's relations and columns, compared
    without case: :func:`openlineage_ext.catalog_names.event_names`). An unquoted name is copied only when the
    parse tree proves it structure (a table, a name the query defines, a column of ``names``; without ``names``,
    any column not beside another column): any other is a value typed without quotes
    (``WHERE username = jdoe77``) and becomes a placeholder (:func:`openlineage_ext.sql_names.value_names`).
    A quoted identifier that names none of
    them is free text the user typed (``AS "123-45-6789"``) and becomes a numbered placeholder
    (``"name_1"``, the same one each time it recurs). Without ``names`` (no catalog: a log line), a quoted
    identifier is copied only when it has a name's shape (:func:`_name_kept`). Every other token (string literals of any kind: ``E''``, ``N''``, ``U&''``,
    dollar-quoted, raw, byte, hex...) becomes ``'[REDACTED]'`` (``mode="all"``, the default); with
    ``"detected"`` only literals the scrubber finds something in are rewritten. Comments are dropped. SQL that
    does not parse, or that sqlglot only keeps as an opaque command, is withheld whole
    (:data:`WITHHELD_SQL`): a misread token stream could hold a value anywhere. sqlglot's own log records,
    which quote the SQL, say only that a message was withheld (:mod:`maskline.text.library_logs`).

    >>> scrub_sql("SELECT id FROM t WHERE email = 'bob@example.com' AND ssn = 123456789 AND n > 5")
    "SELECT id FROM t WHERE email = '[REDACTED]' AND ssn = '[REDACTED]' AND n > 5"
    >>> scrub_sql("SELECT * FROM t WHERE name = E'Jo Bloggs' -- asked by Jo", dialect="postgres")
    "SELECT * FROM t WHERE name = '[REDACTED]'"
    >>> scrub_sql("SELEKT 'Jo Bloggs' FROM WHERE") == WITHHELD_SQL
    True
    >>> scrub_sql('SELECT ssn AS "123-45-6789", "Email" FROM "Customers"', names={"customers", "email", "ssn"})
    'SELECT ssn AS "name_1", "Email" FROM "Customers"'
    >>> scrub_sql("SELECT id FROM users WHERE username = zquartermaine77", names={"users", "id", "username"})
    'SELECT id FROM users WHERE username = name_1'
    """
    if mode not in SQL_LITERAL_MODES:
        mode = "all"
    read = dialect if dialect and dialect.lower() not in ("generic", "ansi", "") else None
    from maskline.text.library_logs import withhold_sqlglot_messages

    withhold_sqlglot_messages()  # sqlglot's warnings quote the SQL being scrubbed
    try:
        return _rebuild_from_tokens(sql, mode, read, names)
    except Exception:  # noqa: BLE001 - SQL we cannot read is withheld, never passed through
        return WITHHELD_SQL


def _rebuild_from_tokens(sql: str, mode: str, read: str | None, names: Collection[str] | None) -> str:
    import sqlglot
    from sqlglot import exp
    from sqlglot.dialects.dialect import Dialect
    from sqlglot.tokens import TokenType

    trees = [t for t in sqlglot.parse(sql, read=read) if t is not None]
    if not trees or any(t.find(exp.Command) is not None for t in trees):
        return WITHHELD_SQL
    tokenizer = Dialect.get_or_raise(read).tokenizer_class
    fixed = {k.upper() for k in tokenizer.KEYWORDS} | set(tokenizer.SINGLE_TOKENS)
    known = None if names is None else {n.lower() for n in names}
    from openlineage_ext.sql_names import unproven_names, value_names

    # Unquoted names the tree cannot prove to be structure: values typed without quotes (WHERE username = jdoe77),
    # as a function (pw_Qv7x98234571(ssn)) or as a table nothing in the catalog names (FROM pw_Qv7x98234571).
    typed_values = value_names(trees, known) | unproven_names(trees, known)
    placeholders: dict[str, str] = {}
    out: list[str] = []
    previous_end = -1
    for token in Dialect.get_or_raise(read).tokenize(sql):
        gap = sql[previous_end + 1:token.start]
        out.append(gap if gap.isspace() or not gap else " ")  # a gap that is not whitespace is a comment
        previous_end = token.end
        original = sql[token.start:token.end + 1]
        if known is not None and token.token_type == TokenType.IDENTIFIER and token.text.lower() not in known:
            # Free text typed as a name: a placeholder, quoted as it was, numbered by first appearance.
            name = placeholders.setdefault(token.text, f"{PLACEHOLDER_PREFIX}{len(placeholders) + 1}")
            out.append(original[0] + name + original[-1] if len(original) >= 2 else name)
            continue
        if token.token_type not in (TokenType.IDENTIFIER, TokenType.STRING) and original.lower() in typed_values:
            out.append(placeholders.setdefault(original.lower(), f"{PLACEHOLDER_PREFIX}{len(placeholders) + 1}"))
            continue
        out.append(_copied(token, original, mode, fixed))
    return "".join(out).strip()


def _copied(token: Any, original: str, mode: str, fixed: set[str]) -> str:
    """What stands in the rebuilt SQL for one token: itself when it is structure, else a redacted literal."""
    from sqlglot.tokens import TokenType

    kind = token.token_type
    if kind == TokenType.NUMBER:
        long = sum(ch.isdigit() for ch in original) >= _MIN_SENSITIVE_DIGITS
        return _REDACTED_LITERAL if long and (mode == "all" or scrub_text(original) != original) else original
    if kind == TokenType.IDENTIFIER:  # a quoted name: copied when it has a name's shape, as messages show names
        return original if _name_kept(token.text, mode) else _REDACTED_NAME
    if kind != TokenType.STRING and (_NAME_SHAPED.fullmatch(original) or " ".join(original.upper().split()) in fixed):
        return original
    if mode == "detected":
        cleaned = scrub_text(token.text)
        return original if cleaned == token.text else "'" + cleaned.replace("'", "''") + "'"
    return _REDACTED_LITERAL


def _name_kept(name: str, mode: str) -> bool:
    """Whether a quoted identifier is copied into the rebuilt SQL.

    A quoted identifier can hold a value typed by mistake (``WHERE ssn = "219-09-9999"``: double quotes where
    single ones were meant); the query is refused, but its SQL is still recorded. With ``mode="all"`` a
    quoted name is copied only when it has the shape of a plain identifier, the rule messages follow
    (:func:`maskline.errors.shown_name`); with ``"detected"``, when the scrubber finds nothing in it.

    >>> _name_kept("Order_Status", "all"), _name_kept("219-09-9999", "all"), _name_kept("Order Status", "detected")
    (True, False, True)
    """
    from maskline.errors import PLAIN_NAME

    if mode == "detected":
        return scrub_text(name) == name
    return PLAIN_NAME.fullmatch(name) is not None


def _rebuild_error(facet: Any) -> None:
    """Give an ``errorMessage`` facet (attrs or dict) the message and trace its stack trace's structure allows.

    Only the facet's type can say that maskline wrote a message that has no stack trace (a dict never can).
    """
    from openlineage_ext.error_structure import rebuild_error_facet
    from openlineage_ext.own_error import OwnErrorMessageRunFacet

    if isinstance(facet, dict):
        facet["message"], facet["stackTrace"] = rebuild_error_facet(facet.get("message"), facet.get("stackTrace"))
    elif facet is not None and hasattr(facet, "stackTrace"):
        facet.message, facet.stackTrace = rebuild_error_facet(
            facet.message, facet.stackTrace, own_text=isinstance(facet, OwnErrorMessageRunFacet))


def _is_maskline_facet(obj: Any) -> bool:
    """maskline's own facets, which hold no value by construction; its ``errorMessage`` facet holds a reason,
    and is scrubbed like any error message."""
    from openlineage.client.facet_v2 import error_message_run

    return type(obj).__module__.startswith("openlineage_ext.") and not isinstance(
        obj, error_message_run.ErrorMessageRunFacet)


def _is_schema_field(obj: Any) -> bool:
    """A field of the standard ``schema`` dataset facet, whoever made it (dbt-ol, Airflow's provider, maskline).

    Its ``type`` is an engine's type name, which can list a column's values (DuckDB's ``ENUM('Ada Lovelace', ...)``),
    so it is kept as :func:`maskline.shown_types.shown_type` shows it.

    >>> from openlineage.client.facet_v2 import schema_dataset
    >>> _is_schema_field(schema_dataset.SchemaDatasetFacetFields(name="who", type="ENUM('Ada Lovelace')"))
    True
    """
    from openlineage.client.facet_v2 import schema_dataset

    return isinstance(obj, schema_dataset.SchemaDatasetFacetFields)


class EventScrubber:
    """Walks an event (attrs objects, dicts, lists) and rewrites every string that may hold a value.

    >>> s = EventScrubber()
    >>> s.value({"conf": {"customer": "jane@example.org"}, "namespace": "pg://h"})["namespace"]
    'pg://h'
    >>> from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    >>> from openlineage.client.facet_v2 import sql_job
    >>> def event():  # a query job whose SQL holds a customer's address
    ...     sql = sql_job.SQLJobFacet(query="SELECT id FROM t WHERE email = 'ann@example.com'")
    ...     return RunEvent(eventType=RunState.COMPLETE, eventTime="2026-01-01T00:00:00Z", producer="doctest",
    ...                     run=Run(runId="01890000-0000-7000-8000-000000000000"), job=Job("ns", "q", {"sql": sql}))
    >>> s.event(event()).job.facets["sql"].query  # no dataset of the event names t: a placeholder
    "SELECT id FROM name_1 WHERE email = '[REDACTED]'"
    """

    def __init__(self, sql_literals: str = "all", user_inputs: str = "redact",
                 memory: DatasetFields | None = None, prune_lineage: bool = True,
                 names: Collection[str] = ()) -> None:
        self.sql_literals = sql_literals if sql_literals in SQL_LITERAL_MODES else "all"
        self.user_inputs = user_inputs if user_inputs in USER_INPUT_MODES else "redact"
        self.dialect: str | None = None
        self.names: frozenset[str] | None = None  # the catalog's names, once an event declares its datasets
        self.memory = memory  # None: the process's (openlineage_ext.catalog_names.dataset_fields)
        # False only for a caller that prunes later with better proof (dbt-ol events, after the manifest is read).
        self.prune_lineage = prune_lineage
        # Names the caller proved from its own catalog (an MCP call's allowed tables), added to the event's.
        self.extra_names = frozenset(n.lower() for n in names)

    def event(self, event: Any) -> Any:
        """Scrub an OpenLineage event object in place and return it.

        Its SQL keeps the names of relations and columns its datasets declare
        (:func:`openlineage_ext.catalog_names.event_names`), or that an earlier event described for the same
        datasets from the catalog (:class:`openlineage_ext.catalog_names.DatasetFields`), or that its producer
        proved for its run (:mod:`openlineage_ext.run_names`); any other quoted
        identifier, and any unquoted name nothing proves to be structure, becomes a placeholder.
        """
        from openlineage_ext.catalog_names import dataset_fields, event_names
        from openlineage_ext.proven_lineage import prune_unproven_fields
        from openlineage_ext.run_names import run_names

        job = getattr(event, "job", None)
        sql_facet = (getattr(job, "facets", None) or {}).get("sql") if job is not None else None
        self.dialect = getattr(sql_facet, "dialect", None)
        memory = self.memory if self.memory is not None else dataset_fields()
        # First, so no name parsed from a query's text (a value typed unquoted) stays in column lineage or
        # proves a name of the SQL facet.
        if self.prune_lineage:
            prune_unproven_fields(event, memory)
        # Read before this event is remembered: what it declares itself is already in event_names. A producer of
        # this process may have proven more for this run (an agent toolset's allowed_tables: run_names).
        self.names = event_names(event) | memory.recall(event) | self.extra_names | run_names().recall(event)
        memory.remember(event)
        run = getattr(event, "run", None)
        _rebuild_error(((getattr(run, "facets", None) or {}) if run is not None else {}).get("errorMessage"))
        return self.value(event)

    def _string(self, text: str, key: str | None, in_dict: bool = False) -> str:
        if not text or (key in IDENTIFIER_KEYS and not (in_dict and key in FREE_FORM_NAME_KEYS)):
            return text
        if key in SQL_KEYS:
            return scrub_sql(text, self.sql_literals, self.dialect, self.names)
        if key in ERROR_KEYS:
            return scrub_error_text(text)
        return scrub_keyed(key, text)

    def redact_leaves(self, obj: Any) -> Any:
        """Every string and long number replaced, keys (scrubbed) and structure kept.

        >>> EventScrubber().redact_leaves({"customer": {"name": "Ann Lee", "n": 3}})
        {'customer': {'name': '[REDACTED]', 'n': 3}}
        """
        if isinstance(obj, str):
            return REDACTED if obj else obj
        if isinstance(obj, bool) or obj is None:
            return obj
        if isinstance(obj, (int, float)):
            return REDACTED if sum(ch.isdigit() for ch in str(obj)) >= _MIN_SENSITIVE_DIGITS else obj
        if isinstance(obj, dict):
            return {(scrub_text(k) if isinstance(k, str) else k):
                    (v if k in KEPT_USER_INPUT_KEYS else self.redact_leaves(v)) for k, v in obj.items()}
        if isinstance(obj, (list, tuple, set)):
            return [self.redact_leaves(v) for v in obj]
        return REDACTED

    def value(self, obj: Any, key: str | None = None, in_dict: bool = False) -> Any:
        """Scrub any value found under ``key``; containers are rewritten in place where they can be."""
        if key in USER_INPUT_KEYS and self.user_inputs == "redact" and isinstance(obj, (dict, list, tuple)):
            return self.redact_leaves(obj)
        if key == METRICS_KEY and isinstance(obj, dict):
            for column, metrics in list(obj.items()):
                obj[column] = counts_only(metrics)
        if isinstance(obj, str):
            return self._string(obj, key, in_dict)
        if isinstance(obj, (int, float)) and not isinstance(obj, bool):
            from maskline.text.scrubber import scrubbed_number

            return scrubbed_number(obj)  # a card number in a facet as a JSON number is a card number
        if isinstance(obj, dict):
            if _is_name_value(obj.get("name"), obj.get("value")):  # an environment variable, a parameter
                obj["value"] = scrub_keyed(obj["name"], obj["value"])
            items = list(obj.items())
            obj.clear()
            for k, v in items:
                new_key = k if not isinstance(k, str) or key == "facets" or k in IDENTIFIER_KEYS else scrub_text(k)
                obj[new_key] = self.value(v, k if isinstance(k, str) else None, in_dict=True)
            return obj
        if isinstance(obj, list):
            obj[:] = [self.value(v, key, in_dict) for v in obj]
            return obj
        if isinstance(obj, tuple):
            return tuple(self.value(v, key, in_dict) for v in obj)
        if attr.has(type(obj)):
            if _is_maskline_facet(obj):
                return obj
            if _is_schema_field(obj):  # any producer's schema facet: an engine's type can spell values
                from maskline.shown_types import shown_type

                obj.type = shown_type(obj.type) if isinstance(obj.type, str) else obj.type
            if _is_name_value(getattr(obj, "name", None), getattr(obj, "value", None)):
                obj.value = scrub_keyed(obj.name, obj.value)
            for f in attr.fields(type(obj)):
                current = getattr(obj, f.name)
                updated = self.value(current, f.name)
                if updated is not current:
                    setattr(obj, f.name, updated)
            return obj
        return obj


def counts_only(metrics: Any) -> Any:
    """One column's statistics with only its counts (:data:`KEPT_METRICS`); a value-bearing one becomes None.

    >>> from openlineage.client.facet_v2 import data_quality_metrics_input_dataset as dq
    >>> counts_only(dq.ColumnMetrics(nullCount=0, count=3, max=4929123456789011, quantiles={"0.5": 4.5e15}))
    ColumnMetrics(nullCount=0, distinctCount=None, sum=None, count=3, min=None, max=None, quantiles=None)
    >>> counts_only({"distinctCount": 2, "min": 4111111111111111})
    {'distinctCount': 2}
    """
    if isinstance(metrics, dict):
        return {k: v for k, v in metrics.items() if k in KEPT_METRICS}
    if attr.has(type(metrics)):
        for f in attr.fields(type(metrics)):
            if f.name not in KEPT_METRICS:
                setattr(metrics, f.name, None)
        return metrics
    return None  # not statistics any producer writes: nothing of it is known to be a count


def scrub_event(event: Any, sql_literals: str = "all", user_inputs: str = "redact", *,
                prune_lineage: bool = True, names: Collection[str] = ()) -> Any:
    """Scrub one OpenLineage event (any version, any producer) in place; returns it.

    ``names`` are catalog names the caller proved (lower-cased; added to what the event's datasets declare).
    ``prune_lineage=False`` leaves its column lineage to the caller, who must prune it
    (:func:`openlineage_ext.proven_lineage.prune_unproven_fields`) before the event is sent.

    >>> from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    >>> from openlineage.client.facet_v2 import error_message_run
    >>> ev = RunEvent(eventType=RunState.FAIL, eventTime="2026-01-01T00:00:00Z",
    ...               run=Run(runId="0190a4c2-0000-7000-8000-000000000000",
    ...                       facets={"errorMessage": error_message_run.ErrorMessageRunFacet(
    ...                           message="duplicate 'ann@example.com'", programmingLanguage="python",
    ...                           stackTrace="ValueError: duplicate 'ann@example.com'")}),
    ...               job=Job(namespace="ns", name="job"), producer="https://example.com/p")
    >>> scrub_event(ev).run.facets["errorMessage"].message
    "duplicate '[REDACTED]'"
    """
    return EventScrubber(sql_literals, user_inputs, prune_lineage=prune_lineage, names=names).event(event)

