"""``maskline dbt suggest``: classify a dbt project's seeds (and sources) and print the schema.yml meta to add.

Only names, info types and confidences are printed; sampled values never are.

>>> print(render_suggestions([Suggestion("seeds", "raw_people", "email", "EMAIL", 0.97)]))
# maskline dbt suggest: review, then merge into your schema.yml files
version: 2
seeds:
  - name: raw_people
    columns:
      - name: email
        meta: {maskline: {info_type: EMAIL}}  # confidence 0.97
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.errors import InputError


@dataclass(frozen=True)
class Suggestion:
    """One column the classifier found sensitive."""

    kind: str  # "seeds" or "sources"
    table: str  # seed name, or "<source>.<table>"
    column: str
    info_type: str
    confidence: float


def _project(project_dir: Path) -> dict[str, Any]:

    path = project_dir / "dbt_project.yml"
    if not path.is_file():
        raise InputError("not a dbt project: no dbt_project.yml", where=str(project_dir), fix="pass --project-dir")
    from maskline.yaml_errors import load_yaml_text, read_utf8

    return load_yaml_text(read_utf8(path, what="dbt_project.yml"), str(path),
                          fix="fix the YAML syntax at that line") or {}


def seed_files(project_dir: Path) -> list[Path]:
    """CSV seeds under the project's seed paths.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "dbt_project.yml").write_text("seed-paths: [data]")
    >>> (d / "data" / "crm").mkdir(parents=True); _ = (d / "data" / "crm" / "people.csv").write_text("id")
    >>> [p.relative_to(d).as_posix() for p in seed_files(d)]
    ['data/crm/people.csv']
    """
    project = _project(project_dir)
    out: list[Path] = []
    for sp in project.get("seed-paths", ["seeds"]):
        out.extend(sorted((project_dir / sp).rglob("*.csv")))
    return out


def _found(classification: Any, min_confidence: float) -> Iterable[tuple[str, str, float]]:
    for c in classification.columns:
        if c.info_type and c.confidence >= min_confidence:
            yield c.name, c.info_type, c.confidence


def suggest(project_dir: str | Path = ".", *, connect: str | None = None, min_confidence: float = 0.6,
            sample: int | None = None, manifest: Mapping[str, Any] | None = None) -> list[Suggestion]:
    """Classify seeds, and with ``connect`` (a ``duckdb:///path`` or ``postgresql://`` URI) the sources too.

    Sources are listed from ``manifest`` when the caller has read it, else from ``target/manifest.json``
    (run ``dbt parse`` first).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "seeds").mkdir()
    >>> _ = (d / "dbt_project.yml").write_text("name: p")
    >>> rows = "".join(f"{i},u{i}@example.com\\n" for i in range(20))
    >>> _ = (d / "seeds" / "people.csv").write_text("id,email\\n" + rows)
    >>> [(s.kind, s.table, s.column, s.info_type) for s in suggest(d)]
    [('seeds', 'people', 'email', 'EMAIL')]
    """
    from maskline.classify import classify

    root = Path(project_dir)
    out: list[Suggestion] = []
    for path in seed_files(root):
        for col, it, conf in _found(classify(str(path), sample=sample), min_confidence):
            out.append(Suggestion("seeds", path.stem, col, it, conf))
    if connect:
        if manifest is None:
            manifest_path = root / "target" / "manifest.json"
            if not manifest_path.is_file():
                raise InputError("sources are read from manifest.json", where=str(manifest_path),
                                 fix="run `dbt parse` first")
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for source in manifest.get("sources", {}).values():
            ident = source.get("identifier") or source["name"]
            uri = f"{connect}::{source['schema']}.{ident}"
            for col, it, conf in _found(classify(uri, sample=sample), min_confidence):
                out.append(Suggestion("sources", f"{source['source_name']}.{source['name']}", col, it, conf))
    return out


def render_suggestions(suggestions: Sequence[Suggestion]) -> str:
    """schema.yml text with ``meta.maskline`` for every suggested column, grouped by seed or source."""
    lines = ["# maskline dbt suggest: review, then merge into your schema.yml files", "version: 2"]
    seeds = [s for s in suggestions if s.kind == "seeds"]
    if seeds:
        lines.append("seeds:")
        for table in dict.fromkeys(s.table for s in seeds):
            lines += [f"  - name: {table}", "    columns:"]
            for s in seeds:
                if s.table == table:
                    lines += [f"      - name: {s.column}",
                              f"        meta: {{maskline: {{info_type: {s.info_type}}}}}  # confidence {s.confidence:.2f}"]
    sources = [s for s in suggestions if s.kind == "sources"]
    if sources:
        lines.append("sources:")
        for source in dict.fromkeys(s.table.split(".", 1)[0] for s in sources):
            lines += [f"  - name: {source}", "    tables:"]
            for table in dict.fromkeys(s.table for s in sources if s.table.split(".", 1)[0] == source):
                lines += [f"      - name: {table.split('.', 1)[1]}", "        columns:"]
                for s in sources:
                    if s.table == table:
                        lines += [f"          - name: {s.column}",
                                  f"            meta: {{maskline: {{info_type: {s.info_type}}}}}  "
                                  f"# confidence {s.confidence:.2f}"]
    return "\n".join(lines)
