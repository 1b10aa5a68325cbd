"""Digest of everything ``rewrite()`` returns for every query the tests and benchmarks write, in every dialect.

A change meant to make the rewrite faster must not change what it returns. This collects every SQL string
constant of ``tests/`` and ``benchmarks/`` (and the adversarial corpus), rewrites each under the test policy and
the benchmark's policy, in each dialect (DuckDB also through a connection, whose catalog pins the masked
relations' tables, and with the key as a literal), and records a digest of the rewritten SQL, the query over
masked copies, the masked columns, lineage, tables, keyed flag and tokenized filter count, or the refusal's
type and message. Run it on two trees and compare:

    cd /tmp && PYTHONPATH=/work/main python /path/to/output_digest.py --write before.json
    cd /tmp && PYTHONPATH=$WORKTREE python $WORKTREE/tests/rewrite/output_digest.py --compare before.json

It is a tool, not a test (it takes minutes); the golden fixtures test a fixed set of rewrites on every run.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# benchmarks/classification is left out: its test split is never opened (HELPERS.md, issue 15).
SOURCES = ("tests", "benchmarks", "examples")
SKIP = ("benchmarks/classification",)


def queries() -> list[str]:
    """Every string constant of the sources that starts like a query, and the corpus's queries, deduplicated."""
    import yaml

    found: dict[str, None] = {}
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(SKIP):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value.strip()
                    if text[:6].upper() in ("SELECT", "WITH C", "WITH X", "WITH A", "WITH S") or (
                            text[:4].upper() == "WITH" and "SELECT" in text.upper()):
                        found[node.value] = None
    corpus = yaml.safe_load((ROOT / "tests/rewrite/corpus.yaml").read_text())
    for entry in corpus["queries"]:
        found[entry["sql"]] = None
    return list(found)


def _outcome(run: Any) -> str:
    from maskline.errors import MasklineError

    try:
        r = run()
    except MasklineError as e:
        return f"refused {type(e).__name__}: {e}"
    except Exception as e:  # noqa: BLE001 - a crash is an outcome too; it must be the same one
        return f"error {type(e).__name__}: {e}"
    return json.dumps([r.sql, r.over_masked, r.masked_columns, [repr(c) for c in r.lineage], r.tables, r.keyed,
                       r.tokenized_filters, r.explain()])


def digests() -> dict[str, str]:
    """``{"<setting> <dialect> <query digest>": digest of the outcome}`` over every query and setting."""
    import duckdb

    from benchmarks import rewrite_bench
    from maskline.dialects import DIALECTS, KeyMode
    from maskline.keys import KeyMaterial
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from tests.rewrite.pii_data import COLUMNS, POLICY, create_duckdb

    os.environ.setdefault("MASKLINE_KEY", "digest-key-not-a-secret")
    pii_schema = {t: {n: dt.lower() for n, dt, _ in cols} for t, cols in COLUMNS.items()}
    settings = {"pii": (load_policy(POLICY), pii_schema), "bench": (load_policy(rewrite_bench.POLICY),
                                                                     rewrite_bench.SCHEMA)}
    con = duckdb.connect()
    create_duckdb(con)
    key = KeyMaterial(b"k" * 32, source="test")
    out: dict[str, str] = {}
    for q in [*queries(), rewrite_bench.QUERY]:
        qd = hashlib.sha256(q.encode()).hexdigest()[:16]
        for name, (policy, schema) in settings.items():
            for dialect in sorted(DIALECTS):
                out[f"{name} {dialect} {qd}"] = _outcome(partial(rewrite, q, policy, dialect, schema=schema))
            out[f"{name} duckdb-literal {qd}"] = _outcome(
                partial(rewrite, q, policy, "duckdb", schema=schema, key=key, key_mode=KeyMode.LITERAL))
        out[f"pii duckdb-connection {qd}"] = _outcome(partial(rewrite, q, settings["pii"][0], "duckdb", connection=con))
    return {k: hashlib.sha256(v.encode()).hexdigest() + " " + v[:40] for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)
    got = digests()
    if args.write:
        args.write.write_text(json.dumps(got, indent=0, sort_keys=True))
        print(f"{len(got)} outcomes written to {args.write}")
        return 0
    before = json.loads(args.compare.read_text())
    common = set(before) & set(got)  # the queries both trees' sources hold (a new test file adds some)
    changed = sorted(k for k in common if before[k] != got[k])
    refused = sum(got[k].split(" ", 1)[1].startswith(("refused", "error")) for k in common)
    print(f"{len(common)} outcomes in both ({refused} refusals or errors), {len(changed)} differ; "
          f"{len(set(got) - common)} only now, {len(set(before) - common)} only before")
    for k in changed[:20]:
        print(" ", k, before[k][65:], "->", got[k][65:])
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
