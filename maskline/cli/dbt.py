"""``maskline dbt path|sync|check|suggest``: the package's location, the policy sync, the manifest check, meta.

>>> import argparse
>>> p = argparse.ArgumentParser(); sub = p.add_subparsers(); register(sub)
>>> p.parse_args(["dbt", "check", "--project-dir", "x"]).project_dir
'x'
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("dbt", help="the maskline dbt package: path, sync, check, suggest")
    sub = parser.add_subparsers(dest="dbt_command", metavar="SUBCOMMAND", required=True)

    path = sub.add_parser("path", help="print where the maskline dbt package is (for packages.yml)",
                          description="Print the maskline dbt package's path for `- local:` in packages.yml, "
                          "relative to the dbt project, because dbt copies it verbatim into package-lock.yml. "
                          "To share a lock file across machines, prefer `git:` with `subdirectory: dbt_macros` "
                          "and a release tag as `revision`.")
    path.add_argument("--project-dir", default=".", help="the dbt project the path is relative to (default: .)")
    path.add_argument("--absolute", action="store_true", help="print the absolute path instead")
    path.set_defaults(run=run_path)

    sync = sub.add_parser("sync", help="compile the policy named by vars.maskline_policy (and its stored scan) "
                                       "into macros/maskline_policy.sql for the dbt package",
                          description="dbt cannot read files at run time, so the policy that dbt_project.yml names "
                          "(vars: {maskline_policy: policy.yml}) is compiled, with the scan stored beside it "
                          "(policy.scan.json, from `maskline scan --save`), into macros/maskline_policy.sql, which "
                          "maskline.masked_columns applies: column meta, then the policy's datasets, then the stored "
                          "scan, then unclassified. Run it after changing either file; --check fails when the "
                          "generated file is missing or stale (for CI), and so does `maskline dbt check`.")
    sync.add_argument("--project-dir", default=".", help="the dbt project (default: current directory)")
    sync.add_argument("--check", action="store_true", help="write nothing; exit 1 if the generated file is stale")
    sync.set_defaults(run=run_sync)

    check = sub.add_parser("check", help="fail if a sensitive column reaches a model or snapshot unmasked (reads manifest.json)")
    check.add_argument("--project-dir", default=".", help="the dbt project (default: current directory)")
    check.add_argument("--target-path", default="target", help="dbt's target directory inside the project")
    check.add_argument("--classify", action="store_true",
                       help="also treat columns the classifier finds sensitive in the seeds as sensitive")
    check.add_argument("--connect", default=None,
                       help="classify the sources too, through this URI (duckdb:///path.duckdb or postgresql://...)")
    check.set_defaults(run=run_check)

    suggest = sub.add_parser("suggest", help="classify seeds (and sources) and print the schema.yml meta to add")
    suggest.add_argument("--project-dir", default=".", help="the dbt project (default: current directory)")
    suggest.add_argument("--connect", default=None,
                         help="also classify sources, read through this URI (duckdb:///path.duckdb or postgresql://...)")
    suggest.add_argument("--min-confidence", type=float, default=0.6,
                         help="suggest meta only for columns classified at least this confidently (default 0.6)")
    suggest.add_argument("--sample", type=int, default=None, help="rows sampled per table (default 10000)")
    suggest.set_defaults(run=run_suggest)


def run_path(args: argparse.Namespace) -> int:
    """Print the dbt package's path for ``packages.yml``: relative to ``--project-dir``, or absolute.

    >>> from maskline.dbt.path import package_path
    >>> run_path(argparse.Namespace(project_dir=str(package_path().parent), absolute=False))
    dbt_macros
    0
    """
    from maskline.dbt.path import local_path, package_path

    print(package_path() if args.absolute else local_path(args.project_dir))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    """Write ``macros/maskline_policy.sql`` from the project's policy (``--check``: fail when it is stale).

    >>> import tempfile; from pathlib import Path; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "policy.yml").write_text("version: 1")
    >>> _ = (d / "dbt_project.yml").write_text("name: p\\nvars: {maskline_policy: policy.yml}")
    >>> run_sync(argparse.Namespace(project_dir=str(d), check=False))
    wrote ...maskline_policy.sql
    0
    """
    from maskline.dbt.sync import kept_rows_note, project, sync

    out = project(args.project_dir).out
    before = out.read_text(encoding="utf-8") if out.is_file() and not args.check else None
    path, changed = sync(args.project_dir, check=args.check)
    if args.check:
        print(f"{path} is up to date")
    else:
        print(f"{'wrote' if changed else 'unchanged:'} {path}")
        note = kept_rows_note(Path(args.project_dir), before, path.read_text(encoding="utf-8")) if changed else None
        if note:
            print(note, file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Print each sensitive-data problem of the project's last build, one line each; 1 when there is any.

    >>> import tempfile; from pathlib import Path; d = Path(tempfile.mkdtemp()); (d / "target").mkdir()
    >>> _ = (d / "dbt_project.yml").write_text("name: p")
    >>> _ = (d / "target" / "manifest.json").write_text('{"nodes": {}, "sources": {}}')
    >>> run_check(argparse.Namespace(project_dir=str(d), target_path="target", classify=False, connect=None))
    maskline dbt check: no sensitive column reaches a model or snapshot unmasked
    0
    """
    import warnings

    from maskline.cli.output import console, err_console, labelled
    from maskline.dbt.check import check_project

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecationWarning)
        findings = check_project(args.project_dir, args.target_path, classify=args.classify, connect=args.connect)
    for message in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)):
        err_console().print(f"warning: {message}", markup=False, highlight=False)
    if not findings:
        console().print("maskline dbt check: no sensitive column reaches a model or snapshot unmasked", highlight=False)
        return 0
    for f in findings:  # one line each, so they read (and grep) the same in a terminal and in CI logs
        console().print(f"[{f.kind}] {f.render()}", markup=False, highlight=False)
    err_console().print(labelled("error:", "bold red", f"{len(findings)} sensitive-data problem(s) in the dbt project"),
                        highlight=False)
    return 1


def run_suggest(args: argparse.Namespace) -> int:
    """Print the schema.yml ``meta`` for the columns the classifier finds sensitive in seeds (and sources).

    >>> import tempfile; from pathlib import Path; d = Path(tempfile.mkdtemp()); (d / "seeds").mkdir()
    >>> _ = (d / "dbt_project.yml").write_text("name: p")
    >>> rows = "".join(f"{i},u{i}@example.com\\n" for i in range(20))
    >>> _ = (d / "seeds" / "people.csv").write_text("id,email\\n" + rows)
    >>> run_suggest(argparse.Namespace(project_dir=str(d), connect=None, min_confidence=0.6, sample=None))
    # maskline dbt suggest: review, then merge into your schema.yml files
    version: 2
    seeds:
      - name: people
        columns:
          - name: email
            meta: {maskline: {info_type: EMAIL}}  # confidence ...
    0
    """
    from maskline.dbt.suggest import render_suggestions, suggest

    found = suggest(args.project_dir, connect=args.connect, min_confidence=args.min_confidence, sample=args.sample)
    print(render_suggestions(found))
    if not found:
        _say_what_was_classified(args)
    return 0


def _say_what_was_classified(args: argparse.Namespace) -> None:
    """On stderr, why ``suggest`` printed no meta: which seeds it read, and that sources need ``--connect``.

    A bare ``version: 2`` and exit 0 read as "nothing sensitive here", when often nothing was read at all (raw
    tables loaded as sources, seeds under a path ``seed-paths`` does not list).
    """
    from pathlib import Path

    from maskline.cli.output import err_console
    from maskline.dbt.suggest import seed_files

    seeds = len(seed_files(Path(args.project_dir)))
    read = f"{seeds} seed file(s)" if seeds else "no seed files (none under the project's seed-paths)"
    if args.connect:
        read += " and the manifest's sources"
    note = f"note: no column classified sensitive at confidence {args.min_confidence} or more in {read}"
    if not args.connect:
        note += "; sources were not read: run `dbt parse`, then pass --connect with the warehouse's URI"
    err_console().print(note, highlight=False, markup=False)
