"""``CheckMaskingOperator``: run maskline's Great Expectations checks on a table and fail on violations.

Nothing heavy is imported at module level: Great Expectations takes seconds to
import and DAG files are parsed often, so it loads inside ``execute``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseOperator

from maskline.errors import InputError, MasklineError

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg

ExpectationArg = Mapping[str, Any]


class MaskingCheckFailed(MasklineError):
    """A masking check found violations; the message names expectations, columns and counts, never values."""

    exit_code = 4


def _normalise(expectations: Sequence[Any]) -> list[dict[str, Any]]:
    """``{"type": ..., "kwargs": {...}}`` dicts, validated without importing GX."""
    out: list[dict[str, Any]] = []
    for i, item in enumerate(expectations):
        config = getattr(item, "configuration", None)  # an Expectation instance
        if config is not None:
            out.append({"type": config.type, "kwargs": dict(config.kwargs)})
            continue
        if not isinstance(item, Mapping) or not isinstance(item.get("type"), str) \
                or not item["type"].startswith("expect_"):
            raise InputError("each expectation must be {'type': 'expect_...', 'kwargs': {...}}",
                             where=f"CheckMaskingOperator(expectations[{i}])",
                             fix="e.g. {'type': 'expect_column_values_to_not_contain_pii', 'kwargs': {'column': 'notes'}}")
        out.append({"type": item["type"], "kwargs": dict(item.get("kwargs") or {})})
    return out


def _assertions_facet(report: Any) -> Any:
    """The standard ``dataQualityAssertions`` input facet: one assertion per expectation, value-free."""
    from openlineage.client.facet_v2 import data_quality_assertions_dataset as dq

    return dq.DataQualityAssertionsDatasetFacet(assertions=[
        dq.Assertion(assertion=o.expectation, success=o.success, column=o.column, severity="error",
                     name=o.label(), actual=o.sentence()[:500])
        for o in report.outcomes
    ])


def _classification(report: Any) -> Any:
    """The classifier's verdicts the suite saw (classified-as and policy checks), as a Classification."""
    from maskline.classify.result import Classification, ColumnClassification

    verdicts: dict[str, ColumnClassification] = {}
    for o in report.outcomes:
        if o.expectation == "expect_column_to_be_classified_as" and o.column:
            d = o.details
            verdicts[o.column] = ColumnClassification(o.column, d.get("info_type"), float(d.get("confidence") or 0),
                                                      d.get("category"), tuple(d.get("evidence") or ()))
        elif o.expectation == "expect_table_to_match_masking_policy":
            for c in o.details.get("columns", []):
                verdicts.setdefault(c["column"], ColumnClassification(
                    c["column"], c.get("info_type"), float(c.get("confidence") or 1.0), c.get("category"),
                    (f"rule:{c.get('rule')}",)))
    return Classification(tuple(verdicts.values())) if verdicts else None


def check_input_dataset(report: Any, namespace: str, name: str | None) -> Any:
    """The checked table as an OpenLineage input with ``dataQualityAssertions`` and ``maskline_classification``.

    >>> from maskline.expectations.report import CheckReport
    >>> ds = check_input_dataset(CheckReport("crm.customers", ()), "duckdb://w", None)
    >>> ds.name, ds.namespace, list(ds.inputFacets)
    ('crm.customers', 'duckdb://w', ['dataQualityAssertions'])
    """
    from openlineage.client.event_v2 import InputDataset

    facets: dict[str, Any] = {}
    classification = _classification(report)
    if classification is not None:
        from openlineage_ext.facets import CLASSIFICATION, classification_facet

        facets[CLASSIFICATION] = classification_facet(classification)
    return InputDataset(namespace=namespace, name=name or report.table, facets=facets,
                        inputFacets={"dataQualityAssertions": _assertions_facet(report)})


class CheckMaskingOperator(BaseOperator):
    """Validate ``table`` with maskline's expectations (and any other GX expectation) through ``conn_id``.

    With ``policy``, the suite also gets ``expect_table_to_match_masking_policy``: every
    column the policy or the classifier calls sensitive must be masked. The task
    fails with :class:`MaskingCheckFailed` when any expectation fails; its message
    lists each failed expectation with counts and ``TYPE:token`` pseudonyms, never
    a value. The return value (XCom) is the same value-free report. Lineage gets
    the standard ``dataQualityAssertions`` input facet and ``maskline_classification``.

    PostgreSQL (and other SQLAlchemy-reachable databases) are validated in the
    database through GX's SQL datasource; DuckDB and SQLite tables are read by
    the database and validated through pandas (see ``maskline.expectations.batches``).

    :param conn_id: a common-sql connection (PostgreSQL, DuckDB, SQLite, ...).
    :param table: the table to check (``schema.table`` allowed). Templated.
    :param expectations: GX expectation configs, ``{"type": "expect_...", "kwargs": {...}}``.
    :param policy: a policy (file path, dict, ``Policy``, ``"variable:NAME"``); adds the policy expectation.
    :param dataset: the policy dataset the table is (default: ``table``).
    :param hook_params: keyword arguments for the connection's hook (``BaseHook.get_hook(conn_id, hook_params=...)``).

    >>> op = CheckMaskingOperator(task_id="check", conn_id="warehouse", table="customers_masked",
    ...     expectations=[{"type": "expect_column_values_to_not_contain_pii", "kwargs": {"column": "notes"}}])
    >>> op.template_fields
    ('table',)
    """

    template_fields: Sequence[str] = ("table",)
    ui_color = "#fdebd0"

    def __init__(self, *, conn_id: str, table: str, expectations: Sequence[Any] = (), policy: PolicyArg = None,
                 dataset: str | None = None, hook_params: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from airflow_plugin.own_lineage import own_lineage_only

        own_lineage_only(self)  # its facets say what it read and wrote: never another task's hook SQL
        self.conn_id = conn_id
        self.table = table
        self.expectations = _normalise(expectations)
        self.policy = policy
        self.dataset = dataset
        self.hook_params = hook_params
        if not self.expectations and policy is None:
            raise InputError("nothing to check", where=f"CheckMaskingOperator(task_id={self.task_id!r})",
                             fix="pass expectations=[...] or policy=...")
        self._report: Any = None
        self._namespace: str | None = None
        self._dataset_name: str | None = None

    def _suite_configs(self) -> list[dict[str, Any]]:
        configs = list(self.expectations)
        if self.policy is not None:
            from airflow_plugin.policy_source import resolve_policy

            policy = resolve_policy(self.policy)
            configs.append({"type": "expect_table_to_match_masking_policy",
                            "kwargs": {"policy": dict(policy.raw), "dataset": self.dataset or self.table}})
        return configs

    def _batch(self, context: Any, hook: Any, dialect: str) -> Any:
        from maskline.expectations.batches import duckdb_batch, pandas_batch, sql_batch

        if dialect in ("duckdb", "sqlite"):
            # The table is read into a frame, then the connection is closed on every path: left open, a failed
            # read's traceback would hold it (and DuckDB's threads) for as long as the task's error is kept.
            connection = hook.get_conn()
            try:
                if dialect == "duckdb":
                    return duckdb_batch(context, connection, self.table)
                import pandas as pd
                from sqlglot import exp

                query = exp.select("*").from_(exp.to_table(self.table)).sql(dialect="sqlite")
                return pandas_batch(context, pd.read_sql_query(query, connection), asset=self.table)
            finally:
                connection.close()
        return sql_batch(context, hook.get_uri(), self.table)

    def execute(self, context: Any) -> dict[str, Any]:
        from maskline.extras import require_extra

        # An install with the airflow extra alone: the extra to add, where the task failed on "No module named".
        require_extra("maskline's Great Expectations checks", "gx", "great_expectations")
        import great_expectations as gx
        from great_expectations.expectations.registry import get_expectation_impl

        from airflow_plugin.db_task import db_hook
        from airflow_plugin.lineage import dataset_name, dataset_namespace
        from airflow_plugin.warehouse import engine_for_hook, safe_error
        from maskline.expectations import load_all
        from maskline.expectations.batches import ephemeral_context
        from maskline.expectations.report import check_report
        from maskline.expectations.value_free import pseudonym_key

        load_all()
        configs = self._suite_configs()
        hook = db_hook(self.conn_id, self.hook_params)
        dialect = engine_for_hook(hook).name
        self._namespace = dataset_namespace(hook, dialect)
        self._dataset_name = dataset_name(self.table, dialect, hook)
        gx_context = ephemeral_context()
        suite = gx.ExpectationSuite(name=f"maskline_{self.task_id}")
        for i, config in enumerate(configs):
            try:
                suite.add_expectation(get_expectation_impl(config["type"])(**config["kwargs"]))
            except MasklineError:
                raise
            except Exception as e:  # noqa: BLE001 - unknown type or bad kwargs: say which one
                raise InputError(f"expectation {config['type']!r} cannot be built: {safe_error(e)}",
                                 where=f"CheckMaskingOperator(expectations[{i}])",
                                 fix="check the expectation's name and kwargs") from None
        unreadable: str | None = None
        try:
            batch = self._batch(gx_context, hook, dialect)
        except MasklineError:
            raise
        except Exception as e:  # noqa: BLE001 - driver errors quote values; say what failed, not the data
            unreadable = safe_error(e)
        if unreadable is not None:  # raised outside the handler: the driver's error and its frames ride along nowhere
            raise InputError(f"cannot read {self.table!r} through {self.conn_id!r}: {unreadable}",
                             where=f"conn_id={self.conn_id!r}", fix="check the table name and the connection")
        run = batch.validate(suite, result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5})
        ran = sorted(r.expectation_config.type for r in run.results if r.expectation_config is not None)
        if ran != sorted(c["type"] for c in configs):  # fail closed: a check that did not run never passes
            raise MaskingCheckFailed(f"{len(configs) - len(ran)} of {len(configs)} expectations did not run",
                                     where=f"CheckMaskingOperator(task_id={self.task_id!r})",
                                     fix="make sure every expectation named is registered with Great Expectations "
                                         "(maskline.expectations.load_all() registers maskline's)")
        results = [r.to_json_dict() for r in run.results]
        self._report = check_report(self.table, results, pseudonym_key())
        message = self._report.message()
        if not self._report.success:
            raise MaskingCheckFailed(message, where=f"conn_id={self.conn_id!r}, table {self.table!r}",
                                     fix="mask the table (MaskTableOperator or the dbt macros) before it is "
                                         "published, or correct the policy if the column is not sensitive")
        self.log.info("maskline: %s", message)
        return self._report.as_dict()

    def _lineage(self) -> Any:
        """Best effort: an empty ``OperatorLineage`` (or None without the provider) on any problem."""
        try:
            from airflow.providers.openlineage.extractors import OperatorLineage
        except Exception:  # noqa: BLE001 - the OpenLineage provider is optional
            return None
        try:
            if self._report is None or self._namespace is None:
                return OperatorLineage()
            return OperatorLineage(inputs=[check_input_dataset(self._report, self._namespace, self._dataset_name)])
        except Exception as e:  # noqa: BLE001 - lineage must never fail the task
            self.log.warning("maskline: check lineage skipped (%s)", type(e).__name__)
            return OperatorLineage()

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        return self._lineage()

    def get_openlineage_facets_on_failure(self, task_instance: Any) -> Any:
        return self._lineage()  # a failed check is exactly when the assertions matter
