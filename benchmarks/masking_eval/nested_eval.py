"""The nested section of the masking evaluation: default masking on semi-structured data it has never seen.

Each table of :mod:`benchmarks.masking_eval.nested_corpus` is masked as a new user would (``maskline policy init
FILE > policy.yml`` then ``maskline mask FILE OUT --policy policy.yml``). A sensitive value counts as readable
when its text (case-folded; phones, cards and IBANs without separators) is in the output cell as a reader would
decode it: the cell's text, its JSON parsed again (``\\u`` escapes undone), URL-decoded, and base64-decoded.
A non-sensitive cell counts as changed when its output value differs from its input value.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import csv
import json
import re
import urllib.parse
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.masking_eval.nested_corpus import NestedTable

COMPACT = {"PHONE", "CREDIT_CARD", "IBAN"}


def _norm(text: str, info_type: str) -> str:
    v = text.strip().casefold()
    return re.sub(r"[^0-9a-z\u0370-\u03ff\u0400-\u04ff]", "", v) if info_type in COMPACT else v


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def readings(value: Any) -> str:
    """Every way a reader could decode one output cell, joined: its text, its JSON re-dumped without escapes,
    URL-decoded and base64-decoded.

    >>> "ana@x.es" in readings(base64.b64encode(b'{"e": "ana@x.es"}').decode())
    True
    """
    text = _text(value)
    out = [text, urllib.parse.unquote(text)]
    for t in list(out):
        with contextlib.suppress(ValueError):
            out.append(json.dumps(json.loads(t), ensure_ascii=False))
    for t in re.findall(r"[A-Za-z0-9+/=]{16,}", text):
        try:
            decoded = base64.b64decode(t, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        out.append(decoded)
        with contextlib.suppress(ValueError):
            out.append(json.dumps(json.loads(decoded), ensure_ascii=False))
    return "\n".join(out)


def read_output(path: Path, table: NestedTable) -> dict[str, list[Any]]:
    """The masked file's columns as Python values (Parquet) or text (CSV), by column name."""
    if table.fmt == "parquet":
        import pyarrow.parquet as pq

        t = pq.read_table(path)
        return {n: t.column(n).to_pylist() for n in t.column_names}
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {n: [r[j] if j < len(r) else "" for r in rows[1:]] for j, n in enumerate(rows[0])}


def _same(a: Any, b: Any, fmt: str) -> bool:
    if fmt == "csv":
        return _text(a) == _text(b)
    if isinstance(a, list) and a and isinstance(a[0], tuple):  # a map written from pairs reads back as pairs
        a = [tuple(x) for x in a]
        b = [tuple(x) for x in b] if isinstance(b, list) else b
    return bool(a == b)


def measure(tables: list[NestedTable], outputs: dict[str, dict[str, list[Any]]]) -> dict[str, Any]:
    """Readable sensitive values per shape, and changed non-sensitive cells per shape."""
    by_shape: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    plain: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for t in tables:
        out = outputs[t.name]
        for col in t.columns:
            got = out.get(col.name, [None] * len(col.values))
            if not col.sensitive:
                for v, o in zip(col.values, got, strict=True):
                    plain[col.shape][0] += 1
                    plain[col.shape][1] += not _same(v, o, t.fmt)
                continue
            for secrets, o in zip(col.secrets, got, strict=True):
                seen = readings(o)
                for kind, value in secrets:
                    leaked = _norm(value, kind) in _norm(seen, kind)
                    for bucket, key in ((by_shape, f"{col.shape} ({t.fmt})"), (by_type, kind)):
                        bucket[key][0] += 1
                        bucket[key][1] += leaked
    total = [sum(v[0] for v in by_shape.values()), sum(v[1] for v in by_shape.values())]
    cells = [sum(v[0] for v in plain.values()), sum(v[1] for v in plain.values())]
    return {"sensitive_values": total[0], "readable": total[1], "readable_share": total[1] / max(total[0], 1),
            "non_sensitive_cells": cells[0], "changed": cells[1], "changed_share": cells[1] / max(cells[0], 1),
            "readable_by_shape": {k: {"values": v[0], "readable": v[1]} for k, v in sorted(by_shape.items())},
            "readable_by_type": {k: {"values": v[0], "readable": v[1]} for k, v in sorted(by_type.items())},
            "changed_by_shape": {k: {"cells": v[0], "changed": v[1]} for k, v in sorted(plain.items())}}


def print_report(r: dict[str, Any]) -> None:
    print(f"\nnested and encoded values: {r['readable_share']:.2%} readable ({r['readable']:,} of "
          f"{r['sensitive_values']:,}); non-sensitive cells changed {r['changed_share']:.2%} "
          f"({r['changed']:,} of {r['non_sensitive_cells']:,})")
    print("\n| shape (format) | sensitive values readable |\n|---|---|")
    for k, v in r["readable_by_shape"].items():
        print(f"| {k} | {v['readable'] / max(v['values'], 1):.1%} ({v['readable']} of {v['values']}) |")
    print("\n| non-sensitive shape | cells changed |\n|---|---|")
    for k, v in r["changed_by_shape"].items():
        print(f"| {k} | {v['changed'] / max(v['cells'], 1):.1%} ({v['changed']} of {v['cells']}) |")
