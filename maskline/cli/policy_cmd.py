"""``maskline policy init|validate|schema``: draft a policy from a scan, check one, print its JSON Schema.

>>> from maskline.classify.result import Classification, ColumnClassification
>>> text = draft_policy(Classification((ColumnClassification("mail", "EMAIL", 0.97, "identifier", ("values:email 1.00 validated (9 checked)",)),), table="customers"))
>>> from maskline.policy import load_policy_text
>>> load_policy_text(text).dataset("customers").columns["mail"].info_type
'EMAIL'
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add ``maskline policy init|validate|schema`` to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> sub.choices["policy"].parse_args(["validate", "p.yml"]).run is run_validate
    True
    """
    from maskline.cli.scan import SOURCES_HELP, add_source_arguments

    p = sub.add_parser("policy", help="draft, validate or describe a masking policy")
    psub = p.add_subparsers(dest="policy_command", metavar="ACTION")

    init = psub.add_parser("init", help="print a policy drafted from a scan (maskline policy init X > policy.yml)",
                           description="Classify PATH_OR_URI (one or more: one dataset each, in one policy) and "
                                       "print a ready-to-review policy YAML on stdout: "
                                       "the default method of every info type found, and one entry per "
                                       "classified column with its confidence and evidence as comments. "
                                       "Columns the scan is confident hold nothing sensitive are written "
                                       "{pass: <shape>} (e.g. {pass: labels}): every row is held to the shape "
                                       "the sample showed, and a value without it is masked; write {pass: true} "
                                       "to pass a column unchecked. Uncertain ones are listed as comments and "
                                       "masked by "
                                       "'unclassified: mask'. " + SOURCES_HELP)
    add_source_arguments(init, many=True)
    init.add_argument("--name", help="dataset name in the policy (default: the file stem or the table; "
                                     "only with one PATH_OR_URI)")
    init.add_argument("--unclassified", choices=("pass", "mask"), default="mask",
                      help="what the policy does with columns it does not name: mask (the default, fail closed) "
                           "or pass them raw")
    init.set_defaults(run=run_init)

    validate = psub.add_parser("validate", help="load a policy file and report errors with their key path")
    validate.add_argument("file", help="policy YAML file")
    validate.set_defaults(run=run_validate)

    schema = psub.add_parser("schema", help="print the policy's JSON Schema")
    schema.set_defaults(run=run_schema)
    p.set_defaults(run=lambda args: (p.print_help(), 2)[1])


def run_init(args: argparse.Namespace) -> int:
    """Print a policy drafted from a scan of ``args.source``.

    >>> import contextlib, io, pathlib, tempfile; from maskline.cli.main import main
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.csv").write_text("email\\nann@ex.org\\nbob@ex.org\\n")
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     rc = main(["policy", "init", str(d / "t.csv")])
    >>> from maskline.policy import load_policy_text
    >>> rc, load_policy_text(out.getvalue()).dataset("t").columns["email"].info_type
    (0, 'EMAIL')
    """
    from maskline.cli.scan import classify_source, is_large
    from maskline.errors import InputError

    sources = [args.source] if isinstance(args.source, str) else list(args.source)
    if args.name and len(sources) > 1:
        raise InputError(f"--name names one dataset, but {len(sources)} sources were given",
                         where="maskline policy init --name",
                         fix="drop --name (each source is named by its file stem or table), or init one source")
    drafted = []
    for source in sources:
        one = argparse.Namespace(**{**vars(args), "source": source})
        drafted.append((classify_source(one, is_large(source)), args.name, source))
    print(draft_policy_of(drafted, unclassified=args.unclassified, info_types=_custom_info_types(args.policy)),
          end="")
    return 0


def _custom_info_types(policy_path: str | Path | None) -> dict[str, Any]:
    """The ``info_types:`` section of the --policy file as written (classify_source has validated it)."""
    if not policy_path:
        return {}

    from maskline.errors import PolicyError
    from maskline.policy_yaml import load_policy_yaml
    from maskline.yaml_errors import read_utf8

    raw = load_policy_yaml(read_utf8(Path(policy_path), what="the policy", error=PolicyError), str(policy_path))
    return dict(raw.get("info_types") or {}) if isinstance(raw, dict) else {}


def _flow(mapping: dict[str, Any]) -> str:
    import yaml

    return str(yaml.safe_dump(mapping, default_flow_style=True, sort_keys=False, width=10_000)).strip()


def _key(name: str) -> str:
    import re

    import yaml

    # Plain only when YAML reads it back as this very string: `yes`, `null`, `on` or `True` would load as a
    # boolean or None, and the draft would name a column the table does not have.
    plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and yaml.safe_load(name) == name
    return name if plain else json.dumps(name)


def draft_policy(result: Any, *, name: str | None = None, source: str | None = None,
                 unclassified: str = "mask", info_types: Mapping[str, Any] | None = None) -> str:
    """Policy YAML text for a classification; it always loads with :func:`maskline.policy.load_policy_text`.

    Every column is accounted for: an info type, ``{pass: true}`` when the scan
    is confident it holds nothing sensitive
    (:func:`maskline.classify.decision.why_not_safe`), or a ``# masked`` comment
    saying why the ``unclassified`` rule masks it.

    ``info_types`` holds the definitions of custom info types (as written in a
    policy's ``info_types:``); those the classification found are copied into
    the draft so that it loads.

    >>> from maskline.classify.result import Classification
    >>> print(draft_policy(Classification((), table="t")).splitlines()[2])
    version: 1
    """
    return draft_policy_of([(result, name, source)], unclassified=unclassified, info_types=info_types)


def draft_policy_of(drafted: Sequence[tuple[Any, str | None, str | None]], *, unclassified: str = "mask",
                    info_types: Mapping[str, Any] | None = None) -> str:
    """Policy YAML text for several classifications, ``(result, dataset name or None, source or None)`` each: one
    ``datasets:`` entry per source, as :func:`draft_policy` writes one.

    >>> from maskline.classify.result import Classification, ColumnClassification
    >>> a = Classification((ColumnClassification("mail", "EMAIL", 0.97, "identifier"),), table="hr.a")
    >>> b = Classification((ColumnClassification("ip", "IP_ADDRESS", 0.98, "quasi-identifier"),), table="hr.b")
    >>> from maskline.policy import load_policy_text
    >>> sorted(load_policy_text(draft_policy_of([(a, None, None), (b, None, None)])).datasets)
    ['hr.a', 'hr.b']
    """
    from maskline.classify.decision import why_not_safe
    from maskline.classify.sources import redact_uri
    from maskline.errors import InputError
    from maskline.infotypes import INFO_TYPES
    from maskline.policy import load_policy_text

    named: dict[str, str] = {}
    for result, name, source in drafted:
        dataset = name or result.table or "input"
        if dataset in named:
            raise InputError(f"two sources would both be the dataset {dataset!r}",
                             where=f"maskline policy init {redact_uri(named[dataset])} {redact_uri(source or '')}",
                             fix="init them one at a time with --name, and merge the datasets: entries")
        named[dataset] = source or dataset
    found = [c for result, _, _ in drafted for c in result.columns if c.info_type]
    if len(drafted) == 1:
        result, _, source = drafted[0]
        origin = (f" from {redact_uri(source)}" if source else "") + f" ({result.sampled_rows:,} rows sampled)."
    else:
        origin = " from:" + "".join(f"\n#   {redact_uri(source)} ({result.sampled_rows:,} rows sampled)"
                                    for result, _, source in drafted if source)
    lines = [
        f"# maskline policy drafted by `maskline policy init`{origin}",
        "# Review it: classification is evidence, not proof. Comments give each column's confidence and evidence.",
        "version: 1",
        "key: {env: MASKLINE_KEY, derivation: 2}  # the key is read from this variable; 2: each keyed method its own domain",
        f"unclassified: {unclassified}" + ("             # columns not named below are masked (fail closed)"
                                           if unclassified == "mask" else
                                           "             # columns not named below pass RAW, even uncertain ones"),
        "methods:",
    ]
    types = sorted({c.info_type for c in found if c.info_type in INFO_TYPES})
    for t in types:
        method = dict(INFO_TYPES[t].default_method)
        # scrub finds names and addresses in prose only where maskline runs it in Python: say so where the
        # choice is made, since the same policy serves the query path, MCP and the warehouses.
        note = ("   # names and addresses in prose survive in SQL (warehouses, dbt, maskline sql, MCP, agents): "
                "use {method: redact} there" if method.get("method") == "scrub" else "")
        lines.append(f"  {t}: {_flow(method)}{note}")
    if not types:
        lines[-1] = "methods: {}"
    custom = {c.info_type: dict((info_types or {})[c.info_type]) for c in found
              if c.info_type not in INFO_TYPES and c.info_type in (info_types or {})}
    if custom:
        import yaml

        lines.append("info_types:")
        lines += ["  " + line for line in yaml.safe_dump(custom, sort_keys=False, allow_unicode=True).splitlines()]
    lines.append("datasets:")
    for (result, _, _), dataset in zip(drafted, named, strict=True):
        rest = [(c, why_not_safe(c.name, c) or _unheld(c)) for c in result.columns if not c.info_type]
        lines += [f"  {_key(dataset)}:", "    columns:"]
        for c in result.columns:
            if c.info_type:
                note = "; ".join(c.evidence[:2])
                lines.append(f"      {_key(c.name)}: {{info_type: {c.info_type}}}   # {c.confidence:.2f} {c.category}: "
                             f"{note}")
        for c, reason in rest:
            if reason is None and c.shape is not None:
                lines.append(f"      {_key(c.name)}: {_drafted_pass(c)}")
        if lines[-1] == "    columns:":
            lines[-1] = "    columns: {}"
        for c, reason in rest:
            if reason is not None:
                rule = ("masked by 'unclassified: mask'" if unclassified == "mask" else
                        "PASSES RAW ('unclassified: pass')")
                lines.append(f"      # review {_key(c.name)}: {rule}: {reason}")
    lines.append("unmask_for: []               # e.g. [role:pii_reader]")
    text = "\n".join(lines) + "\n"
    load_policy_text(text)  # fail here, not in the user's pipeline, if the draft were ever invalid
    return text


def _unheld(verdict: Any) -> str | None:
    """Why a column :func:`~maskline.classify.decision.why_not_safe` finds safe is masked all the same: no written
    form holds its rows (:data:`~maskline.classify.decision.UNHELD_REASON`), or None when its pass holds one."""
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    decision = decide_unnamed(load_policy({}), verdict.name, verdict)
    return None if decision.method is None else decision.rule.removeprefix("unclassified: mask (").removesuffix(")")


def _drafted_pass(verdict: Any) -> str:
    """A passed column's entry in a draft, with its comment: ``{pass: <shape>}`` when the classifier's pass holds
    every row to a shape (:func:`maskline.classify.decision.decide_unnamed`), which the draft keeps: the classifier
    judged a sample, so the policy says so and the row guard stays on. ``{pass: true}`` is a person's decision and
    passes every row as it is: the draft never writes it for a classifier's pass (every pass holds a shape, or
    :func:`~maskline.classify.decision.decide_unnamed` masks it).

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> _drafted_pass(ColumnClassification("status", None, 0.9, None, shape=ValueShape("categorical")))
    '{pass: labels_0}   # 0.90 not sensitive: categorical; rows held to labels_0 ({pass: true} passes them unchecked)'
    """
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    held = decide_unnamed(load_policy({}), verdict.name, verdict).shape
    return (f"{{pass: {held}}}   # {verdict.confidence:.2f} not sensitive: {verdict.shape.kind}; rows held to "
            f"{held} ({{pass: true}} passes them unchecked)")


def run_validate(args: argparse.Namespace) -> int:
    """Load ``args.file`` (any error names its key path) and print what it holds.

    >>> import pathlib, tempfile; from maskline.cli.main import main
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.yml"
    >>> _ = p.write_text("datasets: {t: {columns: {email: {info_type: EMAIL}}}}")
    >>> main(["policy", "validate", str(p)])
    ok: ...p.yml: 1 dataset(s), 1 column(s), 0 custom info type(s); policy hash ...
    0
    """
    from pathlib import Path

    from maskline.cli.output import console, labelled
    from maskline.policy import load_policy

    # A Path, whatever its suffix: load_policy then says "file not found" and puts the file name in YAML errors.
    policy = load_policy(Path(args.file))
    columns = sum(len(d.columns) for d in policy.datasets.values())
    console().print(labelled("ok:", "green", f"{args.file}: {len(policy.datasets)} dataset(s), {columns} column(s), "
                             f"{len(policy.info_types)} custom info type(s); policy hash {policy.fingerprint()[:12]}"),
                    highlight=False)
    if policy.key.derivation == 1:
        # Not an error: derivation 1 keeps the tokens a pipeline already joins on. Said here, where a policy is
        # checked, because nothing else shows that its hash tokens and fakes of one value can be linked.
        console().print(labelled("note:", "yellow", f"{args.file}: key.derivation is 1: a value's hash token and its "
                                 "fake come from one digest, so they can be linked. Fix: write key.derivation: 2 (hash "
                                 "and fake outputs change: re-mask what joins on them)"), highlight=False)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print the policy's JSON Schema.

    >>> import contextlib, io; from maskline.cli.main import main
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     rc = main(["policy", "schema"])
    >>> rc, json.loads(out.getvalue())["$schema"]
    (0, 'https://json-schema.org/draft/2020-12/schema')
    """
    from maskline.policy import policy_schema

    print(json.dumps(policy_schema(), indent=2))
    return 0
