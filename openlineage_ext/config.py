"""Where lineage goes: the transport configuration for Airflow and dbt-ol, in one place.

By default events go to a local JSONL file (read back by ``maskline lineage
audit``). When ``MARQUEZ_URL`` (or ``OPENLINEAGE_URL``) is set they also go
there over HTTP. Every event passes through
:class:`openlineage_ext.transformer.MasklineTransformer` first. This module
imports nothing from OpenLineage, so the core's ``maskline demo`` may use it.

>>> env = lineage_env("/tmp/demo/lineage.jsonl", environ={})
>>> sorted(env)[:3]
['AIRFLOW__OPENLINEAGE__CUSTOM_RUN_FACETS', 'AIRFLOW__OPENLINEAGE__EXECUTE_IN_THREAD', 'AIRFLOW__OPENLINEAGE__NAMESPACE']
>>> json.loads(env["AIRFLOW__OPENLINEAGE__TRANSPORT"])["transport"]["type"]
'file'
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

TRANSFORMER_CLASS = "openlineage_ext.transformer.MasklineTransformer"
IDENTITY_FACETS_FUNC = "openlineage_ext.airflow_run_facets.identity_run_facets"


def transport_config(inner: Mapping[str, Any], **properties: Any) -> dict[str, Any]:
    """A ``transform`` transport config wrapping ``inner`` with maskline's transformer.

    >>> transport_config({"type": "console"}, sql_literals="all")["transformer_class"]
    'openlineage_ext.transformer.MasklineTransformer'
    """
    return {"type": "transform", "transformer_class": TRANSFORMER_CLASS,
            "transformer_properties": dict(properties), "transport": dict(inner)}


def remote_url(environ: Mapping[str, str] | None = None) -> str | None:
    """``MARQUEZ_URL``, else ``OPENLINEAGE_URL``, else None.

    >>> remote_url({"OPENLINEAGE_URL": "http://lineage:5000/"})
    'http://lineage:5000'
    """
    env = os.environ if environ is None else environ
    url = (env.get("MARQUEZ_URL") or env.get("OPENLINEAGE_URL") or "").strip()
    return url.rstrip("/") or None


def demo_transport(jsonl: str | Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The JSONL file, plus HTTP to Marquez/OpenLineage when its URL is set, behind the transformer.

    >>> demo_transport("/tmp/l.jsonl", {"MARQUEZ_URL": "http://127.0.0.1:5000"})["transport"]["type"]
    'composite'
    """
    env = os.environ if environ is None else environ
    inner: dict[str, Any] = {"type": "file", "log_file_path": str(jsonl), "append": True}
    url = remote_url(env)
    props: dict[str, Any] = {}
    if url:
        http = {"type": "http", "url": url, "timeout": 10}
        inner = {"type": "composite", "transports": {"file": inner, "remote": http}}
        if env.get("MARQUEZ_URL"):
            props = {"marquez_tag_sync": True, "marquez_url": url}
    return transport_config(inner, **props)


def lineage_env(jsonl: str | Path, *, namespace: str = "maskline-demo",
                environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment variables that send Airflow's and dbt-ol's lineage through the transformer.

    Airflow reads the ``AIRFLOW__OPENLINEAGE__*`` ones; dbt-ol reads ``OPENLINEAGE_CONFIG``
    (an ``openlineage.yml`` written beside the JSONL file by :func:`write_openlineage_yml`).
    """
    transport = demo_transport(jsonl, environ)
    return {
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps(transport),
        "AIRFLOW__OPENLINEAGE__NAMESPACE": namespace,
        "AIRFLOW__OPENLINEAGE__CUSTOM_RUN_FACETS": IDENTITY_FACETS_FUNC,
        "AIRFLOW__OPENLINEAGE__EXECUTE_IN_THREAD": "True",
        "OPENLINEAGE_CONFIG": str(Path(jsonl).with_name("openlineage.yml")),
        "OPENLINEAGE_NAMESPACE": namespace,
    }


def write_openlineage_yml(jsonl: str | Path, environ: Mapping[str, str] | None = None) -> Path:
    """Write ``openlineage.yml`` (for dbt-ol and any openlineage-python client) beside the JSONL file.

    >>> import tempfile
    >>> p = write_openlineage_yml(Path(tempfile.mkdtemp()) / "lineage.jsonl", environ={})
    >>> p.name, "transform" in p.read_text()
    ('openlineage.yml', True)
    """
    import yaml

    path = Path(jsonl).with_name("openlineage.yml")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"transport": demo_transport(jsonl, environ)}, sort_keys=False), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m openlineage_ext.config FILE.jsonl``: write openlineage.yml beside FILE and print
    ``export`` lines for the shell (``eval "$(python -m openlineage_ext.config demo_out/lineage.jsonl)"``).

    >>> import contextlib, io, tempfile; d = Path(tempfile.mkdtemp())
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     rc = main([str(d / "lineage.jsonl")])
    >>> rc, (d / "openlineage.yml").is_file(), out.getvalue().splitlines()[-1]
    (0, True, 'export OPENLINEAGE_NAMESPACE=maskline-demo')
    """
    import shlex
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m openlineage_ext.config FILE.jsonl", file=sys.stderr)
        return 2
    jsonl = Path(args[0]).resolve()
    write_openlineage_yml(jsonl)
    for key, value in lineage_env(jsonl).items():
        print(f"export {key}={shlex.quote(value)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
