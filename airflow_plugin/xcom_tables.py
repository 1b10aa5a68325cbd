"""Tables pushed to XCom, masked column by column by the project's one fail-closed decision.

A table is a pandas DataFrame (its columns and the levels of any index that is
not a plain ``RangeIndex``), a list of at least two dicts with the same keys
(``df.to_dict("records")``, a DB-API dict cursor's rows) or a dict of at least
two-long lists of one length (``df.to_dict("list")``). Each column is classified
and decided by :func:`maskline.classify.decision.decide_unnamed`, as every other
face decides a column the policy does not name: it passes unchanged only when
the classifier is confident it holds nothing sensitive; anything else is replaced
whole, ``[INFO_TYPE]`` (or ``[MASKED]``) in text cells and None in the others. A
column that cannot be classified is masked, never passed. The policy is
``[maskline] policy`` when set (else the default, ``unclassified: mask``); a column
that passes only because that policy says ``unclassified: pass`` keeps the text
scrubber on its free text, as before the decision reached XComs.

The frame is classified whole, as ``maskline scan`` classifies a table, so the readings that need the other
columns hold (four-digit codes beside people's names and addresses are postal codes). It is classified under no
table name: a task id names a step (``fetch_storms`` may return the storms' spotters) and an XCom key a value
(``return_value``), not the rows' table. A table's name can only take PERSON_NAME away from a column called
``name`` (:mod:`maskline.infotypes.table_names`), so no name costs at most a thing's names masked; a wrong one
would pass people's names.

>>> import pandas as pd
>>> from maskline.policy import load_policy
>>> who = [f"{first} {last}" for first in ("john", "mary", "ahmed", "li") for last in ("smith", "khan", "wei")]
>>> frame = pd.DataFrame({"qty": range(12), "who": who})
>>> out = mask_frame_columns(frame, load_policy({}))
>>> out["qty"].equals(frame["qty"]), out["who"].unique().tolist()
(True, ['[MASKED]'])
>>> rows = [{"n": i, "mail": f"u{i}@example.com"} for i in range(3)]
>>> mask_records(rows, load_policy({}))[0]
{'n': 0, 'mail': '[EMAIL]'}
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maskline.classify.decision import ColumnDecision
    from maskline.classify.result import ColumnClassification
    from maskline.policy import Policy

log = logging.getLogger(__name__)

MIN_ROWS = 2  # one row is a record, not a column: it keeps the text scrubber
UNNAMED_INDEX = "index"  # the name an unnamed index level is classified under (pandas' own reset_index name)


def xcom_policy() -> Policy:
    """The policy the plugin is configured with (``[maskline] policy``), else the fail-closed default.

    >>> xcom_policy().unclassified  # no [maskline] policy configured here
    'mask'
    """
    from airflow_plugin.config import option
    from maskline.policy import load_policy

    configured = option("policy")
    return load_policy(Path(configured) if configured.strip() else {})  # the policy file, as README says


def is_records(value: Any) -> bool:
    """Whether ``value`` is a table as a list of rows: at least two dicts, all with the same keys.

    >>> is_records([{"a": 1}, {"a": 2}]), is_records([{"a": 1}]), is_records([{"a": 1}, {"b": 2}])
    (True, False, False)
    """
    if not isinstance(value, list) or len(value) < MIN_ROWS or not all(isinstance(r, dict) for r in value):
        return False
    keys = set(value[0])
    return bool(keys) and all(set(r) == keys for r in value)


def is_column_lists(value: Any) -> bool:
    """Whether ``value`` is a table as a dict of columns: lists of one length, at least two long.

    >>> is_column_lists({"a": [1, 2], "b": ["x", "y"]}), is_column_lists({"a": [1, 2], "b": [3]})
    (True, False)
    """
    if not isinstance(value, dict) or not value or not all(isinstance(v, list) for v in value.values()):
        return False
    lengths = {len(v) for v in value.values()}
    return len(lengths) == 1 and lengths.pop() >= MIN_ROWS


def decide_columns(frame: Any, policy: Policy) -> list[ColumnDecision]:
    """One decision per column position of ``frame`` (a pandas DataFrame); unclassifiable columns are masked.

    Names are classified as text (``str(name)``). Duplicate names, and a frame the classifier refuses whole,
    are classified one column at a time, so that no column borrows another's verdict.

    >>> import pandas as pd
    >>> from maskline.policy import load_policy
    >>> frame = pd.DataFrame([[1, "ann@example.com"], [2, "bob@example.org"]], columns=["n", "n"])
    >>> [d.method is None for d in decide_columns(frame, load_policy({}))]
    [True, False]
    """
    from maskline.classify.decision import decide_unnamed

    names = [str(c) for c in frame.columns]
    verdicts: list[ColumnClassification | None]
    if len(set(names)) == len(names):
        by_name = _classify(frame.set_axis(names, axis=1), policy)
        verdicts = [by_name.get(n) for n in names] if by_name is not None else _one_by_one(frame, names, policy)
    else:
        verdicts = _one_by_one(frame, names, policy)
    return [decide_unnamed(policy, name, verdict) for name, verdict in zip(names, verdicts, strict=True)]


def _one_by_one(frame: Any, names: list[str], policy: Policy) -> list[ColumnClassification | None]:
    out: list[ColumnClassification | None] = []
    for i, name in enumerate(names):
        one = _classify(frame.iloc[:, [i]].set_axis([name], axis=1), policy)
        out.append(one.get(name) if one is not None else None)
    return out


def _classify(frame: Any, policy: Policy) -> dict[str, ColumnClassification] | None:
    """The verdicts by name, or None when the classifier fails (the decision then masks: no scan)."""
    from maskline.classify import classify

    try:
        # table=None on purpose: see the module docstring (a task id or XCom key is no table's name).
        return classify(frame, policy, table=None).by_name()
    except Exception as e:  # noqa: BLE001 - fail closed: an unclassified column is masked, never passed
        log.warning("maskline: XCom table of %d columns not classified (%s); its columns are masked",
                    len(frame.columns), type(e).__name__)
        return None


def masked_cell(value: Any, decision: ColumnDecision) -> Any:
    """What a cell of a masked column becomes: ``[INFO_TYPE]`` (or ``[MASKED]``) for text, None otherwise.

    >>> from maskline.classify.decision import ColumnDecision
    >>> d = ColumnDecision("EMAIL", "identifier", None, "classifier (0.98)")
    >>> masked_cell("ann@example.com", d), masked_cell(42, d)
    ('[EMAIL]', None)
    """
    return f"[{decision.info_type or 'MASKED'}]" if isinstance(value, str) else None


def _passed_cell(value: Any, decision: ColumnDecision) -> Any:
    """A cell of a passed column: unchanged, unless only ``unclassified: pass`` let it through.

    That policy choice is about tables in the warehouse; here free text keeps the span scrubber it had before.
    """
    if decision.rule == "pass" and isinstance(value, (str, dict, list)):
        from maskline.text import scrub_value

        return scrub_value(value)
    return value


def _masks(decision: ColumnDecision) -> bool:
    return decision.method is not None or decision.info_type is not None


def _scrubs(decision: ColumnDecision) -> bool:
    return decision.rule == "pass"


def _is_string_dtype(series: Any) -> bool:
    return str(series.dtype) in ("str", "string")


def _masked_series(series: Any, decision: ColumnDecision) -> Any:
    import pandas as pd

    if _masks(decision):
        # A new column: a categorical's categories, or the typed array under it, would keep the raw values.
        # Text keeps its string dtype; any other column becomes object cells of None.
        return pd.Series([masked_cell(v, decision) for v in series.tolist()], index=series.index,
                         dtype=series.dtype if _is_string_dtype(series) else object, name=series.name)
    if _scrubs(decision) and (_is_string_dtype(series) or series.dtype == object):
        return series.map(lambda v: _passed_cell(v, decision))
    return series


def mask_frame_columns(frame: Any, policy: Policy) -> Any:
    """A copy of ``frame`` whose columns and index levels the decision masks are replaced whole, and whose
    column labels are scrubbed (:func:`scrubbed_labels`).

    >>> import pandas as pd
    >>> from maskline.policy import load_policy
    >>> frame = pd.DataFrame({"n": [1, 2]}, index=pd.Index(["ann@example.com", "bob@example.org"], name="mail"))
    >>> mask_frame_columns(frame, load_policy({})).index.tolist()
    ['[EMAIL]', '[EMAIL]']
    """
    import pandas as pd

    out = frame.copy()
    if not len(out):
        return out
    if len(out.columns):
        for i, decision in enumerate(decide_columns(out, policy)):
            column = out.iloc[:, i]
            masked = _masked_series(column, decision)
            if masked is not column:
                out.isetitem(i, masked)
    out.index = _masked_index(out.index, policy)
    labels = scrubbed_labels(list(out.columns))
    if labels != list(out.columns):
        out.columns = pd.MultiIndex.from_tuples(labels) if out.columns.nlevels > 1 else pd.Index(labels, dtype=object)
    return out


def _masked_index(index: Any, policy: Policy) -> Any:
    """The index with the levels the decision masks replaced; a plain ``RangeIndex`` holds no data."""
    import pandas as pd

    if isinstance(index, pd.RangeIndex):
        return index
    names: list[Hashable] = [n if n is not None else UNNAMED_INDEX for n in index.names]
    levels = pd.DataFrame({i: index.get_level_values(i) for i in range(index.nlevels)}).set_axis(names, axis=1)
    columns = [levels.iloc[:, i] for i in range(index.nlevels)]
    arrays = [_masked_series(c, d) for c, d in zip(columns, decide_columns(levels, policy), strict=True)]
    if all(a is c for a, c in zip(arrays, columns, strict=True)):
        return index
    if index.nlevels == 1:
        return pd.Index(arrays[0], name=index.name, tupleize_cols=False)
    return pd.MultiIndex.from_arrays(arrays, names=index.names)


def scrubbed_labels(labels: list[Hashable]) -> list[Hashable]:
    """Column labels with the values in them scrubbed, as every other string of an XCom is.

    A label can be a value: a table pivoted by customer has one column per e-mail. A label the scrubber
    changes is numbered when it would repeat another, so no column is lost; clean labels stay as they are
    (duplicates included).

    >>> scrubbed_labels(["month", "ann@example.com", "bob@example.org", "n", "n"])
    ['month', '[EMAIL]', '[EMAIL] (2)', 'n', 'n']
    """
    from maskline.text import scrub_value

    return distinct_labels(labels, [scrub_value(label) if isinstance(label, (str, tuple)) else label
                                    for label in labels])


def distinct_labels(labels: list[Hashable], new_labels: list[Hashable],
                    before: Collection[Hashable] = ()) -> list[Hashable]:
    """``new_labels`` (what masking or scrubbing made of ``labels``) with each changed label that would repeat
    another numbered (:func:`maskline.text.numbered.numbered`), so no column, row or XCom is lost (a dict keyed by
    them would keep only the last); unchanged labels stay as they are.

    ``before``: the labels given out already to others, when labels come one at a time (the XCom keys a task
    instance stored before, :mod:`airflow_plugin.xcom_keys`); no label repeats one of them, unchanged or not.

    >>> distinct_labels(["ann lee", "bo ray", "n"], ["[MASKED]", "[MASKED]", "n"])
    ['[MASKED]', '[MASKED] (2)', 'n']
    >>> distinct_labels(["[MASKED]"], ["[MASKED]"], before={"[MASKED]"})
    ['[MASKED] (2)']
    """
    from maskline.text.numbered import numbered

    taken = {*labels, *before}
    out: list[Hashable] = []
    for label, changed in zip(labels, new_labels, strict=True):
        new: Hashable = changed
        if new != label or new in before:
            new = numbered(new, taken)
            taken.add(new)
        out.append(new)
    return out


def _as_frame(columns: dict[Hashable, list[Any]]) -> Any:
    import pandas as pd

    keys = list(columns)
    frame = pd.DataFrame({i: columns[k] for i, k in enumerate(keys)})
    return frame.set_axis(keys, axis=1)


def mask_records(rows: list[dict[Any, Any]], policy: Policy) -> list[dict[Any, Any]]:
    """The rows of a records table with the columns the decision masks replaced; same order and types, the keys
    scrubbed (:func:`scrubbed_labels`).

    >>> from maskline.policy import load_policy
    >>> mask_records([{"id": 1, "who": "ann lee"}, {"id": 2, "who": "bo ray"}], load_policy({}))
    [{'id': 1, 'who': '[MASKED]'}, {'id': 2, 'who': '[MASKED]'}]
    """
    keys = list(rows[0])
    decisions = dict(zip(keys, decide_columns(_as_frame({k: [r[k] for r in rows] for k in keys}), policy),
                         strict=True))
    names = dict(zip(keys, scrubbed_labels(keys), strict=True))
    return [{names[k]: _cell(v, decisions[k]) for k, v in row.items()} for row in rows]


def mask_column_lists(table: dict[Any, list[Any]], policy: Policy) -> dict[Any, list[Any]]:
    """A dict of column lists with the columns the decision masks replaced; same lengths, the keys scrubbed.

    >>> from maskline.policy import load_policy
    >>> mask_column_lists({"id": [1, 2], "who": ["ann lee", "bo ray"]}, load_policy({}))
    {'id': [1, 2], 'who': ['[MASKED]', '[MASKED]']}
    """
    decisions = decide_columns(_as_frame(table), policy)
    names = scrubbed_labels(list(table))
    return {name: [_cell(v, d) for v in values] if _masks(d) or _scrubs(d) else values
            for name, (_, values), d in zip(names, table.items(), decisions, strict=True)}


def _cell(value: Any, decision: ColumnDecision) -> Any:
    return masked_cell(value, decision) if _masks(decision) else _passed_cell(value, decision)
