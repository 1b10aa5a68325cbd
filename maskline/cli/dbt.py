"""``maskline dbt path|check|suggest``: the dbt package's location, the manifest check, meta suggestions.

>>> import argparse
>>> p = argparse.ArgumentParser(); sub = p.add_subparsers(); register(sub)
>>> p.parse_args(["dbt", "check", "--project-dir", "x"]).project_dir
'x'
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("dbt", help="the maskline dbt package: path, check, suggest")
    sub = parser.add_subparsers(dest="dbt_command", metavar="SUBCOMMAND", required=True)

    path = sub.add_parser("path", help="print where the maskline dbt package is (for packages.yml)",
                          description="Print the maskline dbt package's path for `- local:` in packages.yml, "
                          "relative to the dbt project, because dbt copies it verbatim into package-lock.yml. "
                          "To share a lock file across machines, prefer `git:` with `subdirectory: dbt_macros` "
                          "and a release tag as `revision`.")
    path.add_argument("--project-dir", default=".", help="the dbt project the path is relative to (default: .)")
    path.add_argument("--absolute", action="store_true", help="print the absolute path instead")
    path.set_defaults(run=run_path)

    check = sub.add_parser("check", help="fail if a sensitive column reaches a model unmasked (reads manifest.json)")
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
    suggest.add_argument("--min-confidence", type=float, default=0.6)
    suggest.add_argument("--sample", type=int, default=None, help="rows sampled per table")
    suggest.set_defaults(run=run_suggest)


def run_path(args: argparse.Namespace) -> int:
    from maskline.dbt.path import local_path, package_path

    print(package_path() if args.absolute else local_path(args.project_dir))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from maskline.cli.output import console, err_console
    from maskline.dbt.check import check_project

    findings = check_project(args.project_dir, args.target_path, classify=args.classify, connect=args.connect)
    if not findings:
        console().print("maskline dbt check: no sensitive column reaches a model unmasked", highlight=False)
        return 0
    for f in findings:  # one line each, so they read (and grep) the same in a terminal and in CI logs
        console().print(f"[{f.kind}] {f.render()}", markup=False, highlight=False)
    err_console().print(f"[bold red]error:[/] {len(findings)} sensitive-data problem(s) in the dbt project",
                        markup=True, highlight=False)
    return 1


def run_suggest(args: argparse.Namespace) -> int:
    from maskline.dbt.suggest import render_suggestions, suggest

    found = suggest(args.project_dir, connect=args.connect, min_confidence=args.min_confidence, sample=args.sample)
    print(render_suggestions(found))
    return 0
