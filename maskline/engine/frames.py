"""Mask in-process data (pandas DataFrames, Arrow tables) with the policy's SQL on embedded DuckDB.

No row passes through a Python loop: the data is handed to DuckDB zero-copy
(Arrow) and the masking SELECT runs on all cores.

>>> import pandas as pd
>>> df = pd.DataFrame({"id": [1, 2], "email": ["ann@example.com", None]})
>>> policy = {"datasets": {"people": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"}}}}}
>>> mask_frame(df, policy, table="people")["email"].tolist()
['*****@example.com', nan]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.classify.result import Classification
from maskline.errors import ClassificationError, InputError, KeyMissingError, MasklineError
from maskline.keys import KeyMaterial, resolve_key
from maskline.plan import Plan, build_plan
from maskline.policy import Policy, load_policy

INPUT = "maskline_input"


@dataclass(frozen=True)
class MaskReport:
    """What a masking run did: the plan, the rows written and where."""

    plan: Plan
    rows: int
    output: str | None = None

    @property
    def cells_masked(self) -> int:
        """The masked cells written: rows times masked columns.

        >>> import pyarrow as pa
        >>> data = pa.table({"a": ["x", "y"], "b": ["z", "w"]})
        >>> mask_frame_with_report(data, {"unclassified": "mask"}, table="t")[1].cells_masked
        4
        """
        return self.rows * len(self.plan.masked)


def needs_classification(policy: Policy, table: str | None) -> bool:
    """Classify unless the policy already describes this table.

    >>> needs_classification(load_policy({}), "t")
    True
    """
    return table is None or policy.dataset(table) is None


def classify_for(data: Any, policy: Policy, table: str | None) -> Classification:
    """Run the classifier, failing closed if it is missing or fails.

    >>> import pyarrow as pa
    >>> data = pa.table({"email": ["ann@example.com", "bob@example.org"]})
    >>> classify_for(data, load_policy({}), "t").columns[0].info_type
    'EMAIL'
    """
    try:
        from maskline.classify import classify
    except ImportError as e:
        raise ClassificationError(
            "the table is not described by the policy and the classifier is not available",
            where=f"table {table!r}", fix="list the table's sensitive columns under 'datasets:' in the policy",
        ) from e
    try:
        return classify(data, policy, table=table) if not isinstance(data, (str, Path)) else classify(str(data), policy)
    except MasklineError:
        raise  # built by maskline from structure, and it says what to fix better than a wrapper would
    except Exception as e:  # noqa: BLE001 - fail closed on any classifier failure
        from maskline.engine.failures import safe_engine_message

        failed = safe_engine_message(e)
    # Raised outside the handler: the classifier's error (whose text may quote a sampled value) is not its context.
    raise ClassificationError(f"classification failed: {failed}", where=f"table {table!r}",
                              fix="fix the input, or describe the table under 'datasets:' in the policy")


def key_for(plan: Plan, policy: Policy, key: KeyMaterial | None) -> KeyMaterial | None:
    """The key, resolved only when a keyed method is used; missing means no output at all.

    A key passed as plain text or bytes is refused by its type alone: :class:`KeyMaterial` is what never prints it.

    >>> key_for(build_plan(load_policy({}), "t", [("a", "text")]), load_policy({}), "a-secret-as-text")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: key must be a KeyMaterial, not str (at key=). Fix: pass KeyMaterial(secret_bytes), whose repr never shows the secret, or leave key out to read MASKLINE_KEY
    """
    if key is not None and not isinstance(key, KeyMaterial):
        raise InputError(f"key must be a KeyMaterial, not {type(key).__name__}", where="key=",
                         fix="pass KeyMaterial(secret_bytes), whose repr never shows the secret, or leave key out "
                             "to read MASKLINE_KEY")
    if not plan.keyed:
        return key
    if key is not None:
        return key
    try:
        return resolve_key(policy.key)
    except KeyMissingError as e:
        keyed = plan.keyed_methods()  # only the methods that read the key, not every masked column's
        raise KeyMissingError(e.what + f"; methods {', '.join(keyed)} need it", where=e.where, fix=e.fix) from None


def _prepare(
    data: Any,
    policy: Policy | Mapping[str, Any] | str | Path,
    table: str | None,
    classification: Classification | None,
    identities: Sequence[str],
) -> tuple[Any, Policy, Plan, Any]:
    """Register ``data`` with a fresh DuckDB connection and decide the plan (classifying when needed);
    the caller closes the connection (it is closed here if deciding fails). Also returns ``data`` as Arrow,
    which the passed columns are taken from."""
    from maskline.adapters.duckdb import columns_of, connect
    from maskline.engine.carried import register

    pol = load_policy(policy)
    con = connect()
    try:
        arrow = _as_arrow(data)
        register(con, INPUT, arrow, "mask_frame(data)")
        if classification is None:  # the stored scan beside the policy, else the classifier
            from maskline.classify.stored import stored_classification

            classification = stored_classification(pol, table)
        if classification is None and needs_classification(pol, table):
            classification = classify_for(data, pol, table)
        plan = build_plan(pol, table or "dataframe", columns_of(con, INPUT), classification, identities)
        return con, pol, plan, arrow
    except BaseException:
        con.close()
        raise


def plan_for_frame(
    data: Any,
    policy: Policy | Mapping[str, Any] | str | Path,
    *,
    table: str | None = None,
    classification: Classification | None = None,
    identities: Sequence[str] = (),
) -> Plan:
    """The plan :func:`mask_frame` would run, without running it.

    >>> import pandas as pd
    >>> plan = plan_for_frame(pd.DataFrame({"ssn": ["x"]}), {"datasets": {"t": {"columns": {"ssn": {"info_type": "US_SSN"}}}}}, table="t")
    >>> plan.masked[0].method.name
    'partial'
    """
    con, _, plan, _ = _prepare(data, policy, table, classification, identities)
    con.close()
    return plan


def _as_arrow(data: Any) -> Any:
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return data
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a core dependency
        pd = None
    if pd is not None and isinstance(data, pd.DataFrame):
        if len(data.columns) == 0:
            raise InputError("the DataFrame has no columns", where="mask_frame(data)", fix="pass a table with columns")
        try:
            return pa.Table.from_pandas(data, preserve_index=False)
        except Exception:  # noqa: BLE001 - Arrow's message quotes the value it could not convert
            pass  # the error is built below, outside this block, so that it chains no exception holding the value
        raise unconvertible_column(data)
    raise InputError(f"cannot mask a {type(data).__name__}", where="mask_frame(data)",
                     fix="pass a pandas DataFrame or a pyarrow Table")


def unconvertible_column(df: Any) -> InputError:
    """The error for a DataFrame Arrow cannot convert, naming the first failing column and its dtype, no value.

    >>> import pandas as pd
    >>> print(unconvertible_column(pd.DataFrame({"id": [1, 2], "note": pd.array([1, "x"], dtype=object)})))
    column 'note' cannot be converted to Arrow: its object values mix types (at mask_frame(data), column 2). Fix: give the column one type first, e.g. df['note'] = df['note'].astype('string')
    """
    import pyarrow as pa

    for i in range(len(df.columns)):
        failed = False
        try:
            pa.Array.from_pandas(df.iloc[:, i])
        except Exception:  # noqa: BLE001 - only whether it fails matters; its text may quote a value
            failed = True
        if failed:
            name = str(df.columns[i])
            return InputError(f"column {name!r} cannot be converted to Arrow: its {df.dtypes.iloc[i]} values mix "
                              "types", where=f"mask_frame(data), column {i + 1}",
                              fix=f"give the column one type first, e.g. df[{name!r}] = df[{name!r}].astype('string')")
    return InputError("the DataFrame cannot be converted to Arrow", where="mask_frame(data)",
                      fix="give every column one type, e.g. with df.astype({'column': 'string'})")


def mask_frame(
    data: Any,
    policy: Policy | Mapping[str, Any] | str | Path,
    *,
    table: str | None = None,
    classification: Classification | None = None,
    key: KeyMaterial | None = None,
    identities: Sequence[str] = (),
) -> Any:
    """Mask a pandas DataFrame or Arrow table; returns the same kind, same columns and order.

    >>> import pandas as pd
    >>> pol = {"datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}}
    >>> mask_frame(pd.DataFrame({"email": ["ann@ex.org"]}), pol, table="t")["email"].tolist()
    ['*****@ex.org']
    """
    frame, _ = mask_frame_with_report(data, policy, table=table, classification=classification, key=key,
                                      identities=identities)
    return frame


def _run(con: Any, pol: Policy, plan: Plan, key: KeyMaterial | None, source: Any) -> Any:
    """Run the plan's masking SELECT over the registered input; engine errors are rebuilt without values.

    DuckDB computes the masked columns only: the passed ones are taken from ``source``, the input as Arrow (see
    :mod:`maskline.engine.carried`).
    """
    from maskline.engine.carried import beside, masked_only, passed_of
    from maskline.engine.failures import explain_failure
    from maskline.sql.compile import compile_select

    k = key_for(plan, pol, key)
    if k is not None:
        from maskline.sql.session import apply_key_setup

        apply_key_setup(con, "duckdb", k)
    from maskline.engine.prose_pass import with_prose_pass

    sql = masked_only(plan, with_prose_pass(con, compile_select(plan, INPUT, "duckdb").sql("duckdb"), plan,
                                            f"table {plan.table!r}"))
    if sql is None:
        return source
    failure: MasklineError | None = None
    try:
        masked = con.sql(sql).to_arrow_table()
    except Exception as e:  # noqa: BLE001 - engine errors are rebuilt without values
        failure = explain_failure(e, con, plan, INPUT, f"table {plan.table!r}")
    if failure is not None:  # raised outside the handler: it holds no engine error, whose text quotes values
        raise failure
    return beside(plan, passed_of(plan, source), masked)


def mask_frame_with_report(
    data: Any,
    policy: Policy | Mapping[str, Any] | str | Path,
    *,
    table: str | None = None,
    classification: Classification | None = None,
    key: KeyMaterial | None = None,
    identities: Sequence[str] = (),
) -> tuple[Any, MaskReport]:
    """:func:`mask_frame`, also returning the :class:`MaskReport` (for lineage).

    >>> import pyarrow as pa
    >>> out, report = mask_frame_with_report(pa.table({"n": ["ann"]}), {"unclassified": "mask", "datasets": {"t": {"columns": {}}}}, table="t")
    >>> out.column("n").to_pylist(), report.rows
    (['[REDACTED]'], 1)
    """
    con, pol, plan, source = _prepare(data, policy, table, classification, identities)
    try:
        result = _run(con, pol, plan, key, source)
    finally:
        con.close()  # an embedded connection holds memory until closed
    report = MaskReport(plan, result.num_rows)
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return result, report
    return result.to_pandas(), report

