"""``MaskFileOperator``: mask a CSV or Parquet file into another, through Airflow's ``ObjectStoragePath``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseOperator

if TYPE_CHECKING:
    from airflow_plugin.policy_source import PolicyArg


def _local(path: Any) -> str | None:
    """The local filesystem path of a ``file://`` (or plain) path, else None."""
    protocol = getattr(path, "protocol", "file")
    if protocol in ("file", "local", ""):
        return str(path.path)
    return None


class MaskFileOperator(BaseOperator):
    """Mask ``src`` into ``dst`` (CSV or Parquet, chosen by extension) on embedded DuckDB.

    Paths are ``ObjectStoragePath`` URLs or strings (``file:///data/raw.csv``).
    Local files are masked in place of the worker's disk with
    :func:`maskline.engine.mask_file`, which writes a temporary file and renames
    it, so ``dst`` is complete or absent. Remote stores are staged through a
    local temporary directory and uploaded to a temporary key, then renamed.

    :param src: the file to mask: an ``ObjectStoragePath`` or URL (``file:///data/raw.csv``). Templated.
    :param dst: the masked file to write, its format chosen by extension. Templated.
    :param policy: a policy file path, a dict, a ``Policy`` (YAML text: ``Policy.from_yaml(text)``),
        ``"variable:NAME"`` or ``None`` for ``[maskline] policy``.
    :param dataset: the policy's dataset for this file (default: the file's stem). ``table`` is its
        deprecated spelling (one release): ``table`` means a real table everywhere else.
    :param overwrite: replace ``dst`` when it exists (default ``True``).
    :param identities: who the data is for (``role:analyst``); the policy's ``unmask_for`` may allow raw values.
    :param conn_id: the Airflow connection of the object store (``ObjectStoragePath(..., conn_id=...)``).
    :param table: the deprecated spelling of ``dataset``.

    >>> MaskFileOperator(task_id="f", src="file:///tmp/a.csv", dst="file:///tmp/b.parquet").template_fields
    ('src', 'dst', 'dataset')
    """

    template_fields: Sequence[str] = ("src", "dst", "dataset")
    ui_color = "#fdebd0"

    def __init__(self, *, src: Any, dst: Any, policy: PolicyArg = None, dataset: str | None = None,
                 overwrite: bool = True, identities: Sequence[str] = (), conn_id: str | None = None,
                 table: str | None = None, **kwargs: Any) -> None:
        from maskline.deprecation import renamed

        super().__init__(**kwargs)
        from airflow_plugin.own_lineage import own_lineage_only

        own_lineage_only(self)  # its facets say what it read and wrote: never another task's hook SQL
        self.src = src
        self.dst = dst
        self.policy = policy
        self.dataset = renamed("table", "dataset", table, dataset, f"MaskFileOperator(task_id={self.task_id!r})")
        self.overwrite = overwrite
        self.identities = tuple(identities)
        self.conn_id = conn_id
        self._lineage: Any = None

    def execute(self, context: Any) -> dict[str, Any]:
        import tempfile
        import uuid
        from pathlib import Path

        from airflow.sdk import ObjectStoragePath

        from airflow_plugin.db_task import summary
        from airflow_plugin.key_source import optional_operator_key
        from airflow_plugin.lineage import LineageRecord, file_fields, key_check_of
        from airflow_plugin.policy_source import resolve_policy
        from maskline.engine import mask_file
        from maskline.engine.files import dataset_name

        policy = resolve_policy(self.policy)
        src = ObjectStoragePath(str(self.src), conn_id=self.conn_id)
        dst = ObjectStoragePath(str(self.dst), conn_id=self.conn_id)
        table = self.dataset or dataset_name(src.name)  # people.csv.gz: people
        # Resolved through Airflow so a key held in the maskline_default connection works for files too;
        # a missing key is left for the engine to report, since the file may need none.
        key = optional_operator_key(policy)
        local_src, local_dst = _local(src), _local(dst)
        with tempfile.TemporaryDirectory(prefix="maskline-") as tmp:
            if local_src is None:
                local_src = str(Path(tmp) / src.name)
                src.copy(ObjectStoragePath(f"file://{local_src}"))
            out = local_dst or str(Path(tmp) / dst.name)
            report = mask_file(local_src, out, policy, overwrite=self.overwrite or local_dst is None, key=key,
                               table=table, identities=self.identities)
            output_fields = file_fields(out)
            if local_dst is None:
                staged = dst.parent / f".{dst.name}.maskline-{uuid.uuid4().hex[:8]}"
                ObjectStoragePath(f"file://{out}").copy(staged)
                staged.rename(dst)
        if key is None and report.plan.keyed:  # the engine read the policy's key itself: the same one, for lineage
            from maskline.keys import resolve_key

            key = resolve_key(policy.key)
        self._lineage = LineageRecord(report.plan, None, report.rows, _namespace(src), str(src.path),
                                      _namespace(dst), str(dst.path), engine="duckdb", output_fields=output_fields,
                                      key_check=key_check_of(key if report.plan.keyed else None, policy))
        result = summary(report.plan, report.rows, str(self.dst))
        self.log.info("maskline: wrote %s rows to %s; masked columns: %s", report.rows, self.dst,
                      ", ".join(result["masked_columns"]) or "none")
        return result

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        from airflow_plugin.lineage import operator_lineage

        return operator_lineage(self._lineage)


def _namespace(path: Any) -> str:
    protocol = getattr(path, "protocol", "file") or "file"
    if protocol in ("file", "local"):
        return "file"
    return f"{protocol}://{getattr(path, 'bucket', '')}"

