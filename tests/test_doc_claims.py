"""What the docs name exists: every ``maskline`` command and flag, every policy key and method parameter, every
benchmark flag.

Prose drifts from code silently: a flag is renamed, a subcommand moves under a group (``maskline check`` became
``maskline dbt check``), a method parameter is dropped. These tests read the docs as a user would copy them and
check each name against the parsers and the policy's JSON Schema, so such drift fails the suite. They check that
names exist, not what the commands do (tests/test_examples.py runs the examples for that).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Docs a user reads to learn the CLI. CHANGELOG.md is history: it may name what a release removed.
CLI_DOCS = ("README.md", "CONTRIBUTING.md", "dbt_macros/README.md", "openlineage_ext/README.md",
            "examples/quickstart.sh")
# Flags README.md names that belong to another tool, each with the tool; every other `--flag` is maskline's.
OTHER_TOOLS = {"--full-refresh": "dbt build", "--vars": "dbt"}

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_INLINE = re.compile(r"`([^`\n]+)`")
# `maskline WORD ...` where maskline is run as a command: at the start of a code span or line, or after a shell
# separator. Not `maskline.text` (a module), nor `maskline[mcp]` or `maskline:` (a package, a message).
_INVOCATION = re.compile(r"(?:^|(?<=[;|&(]\s)|(?<=\$\())\s*maskline((?:\s+[^\s;|&)#]+)*)", re.M)
_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def code_spans(text: str) -> Iterator[str]:
    """The fenced blocks' lines and the inline code spans of a Markdown text (a shell script is one block).

    >>> list(code_spans("Run `maskline scan x.csv`.\\n```bash\\nmaskline demo\\n```\\n"))
    ['maskline demo', 'maskline scan x.csv']
    """
    for block in _FENCE.finditer(text):
        yield from block[1].splitlines()
    yield from _INLINE.findall(_FENCE.sub("", text))


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def invocation_errors(span: str, root: argparse.ArgumentParser) -> list[str]:
    """What is wrong with the ``maskline`` command lines in one code span: an unknown command or subcommand, or a
    flag the command does not take.

    >>> from maskline.cli.main import build_parser
    >>> p = build_parser()
    >>> invocation_errors("maskline dbt sync --check", p), invocation_errors("maskline check", p)
    ([], ["'maskline': no command 'check'"])
    >>> invocation_errors("maskline scan x.csv --polcy p.yml", p)
    ["'maskline scan': no flag --polcy"]
    """
    errors = []
    for m in _INVOCATION.finditer(span):
        words, parser, chain = m[1].split(), root, ["maskline"]
        for word in words:
            choices = _subparsers(parser)
            if not choices or word.startswith("-"):
                break
            if word not in choices:
                errors.append(f"{' '.join(chain)!r}: no command {word!r}")
                break
            parser, chain = choices[word], [*chain, word]
        errors += [f"{' '.join(chain)!r}: no flag {flag}" for flag in _FLAG.findall(m[1])
                   if flag not in _options(parser)]
    return errors


def _all_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for sub in _subparsers(parser).values():
        yield from _all_parsers(sub)


@pytest.mark.parametrize("doc", CLI_DOCS)
def test_every_maskline_command_line_in_the_docs_names_real_commands_and_flags(doc: str) -> None:
    from maskline.cli.main import build_parser

    parser = build_parser()
    text = (ROOT / doc).read_text(encoding="utf-8")
    spans = list(code_spans(text)) if doc.endswith(".md") else text.splitlines()
    assert any(_INVOCATION.search(s) for s in spans), f"{doc} names no maskline command: is the pattern stale?"
    errors = [f"{doc}: {e} (in `{s.strip()}`)" for s in spans for e in invocation_errors(s, parser)]
    assert not errors, "\n".join(errors)


def test_every_flag_the_readme_names_is_a_maskline_flag_or_another_tools() -> None:
    """A flag quoted on its own (`--max-rows`, `--jwks FILE`) exists in some maskline command."""
    from maskline.cli.main import build_parser

    ours = set().union(*(_options(p) for p in _all_parsers(build_parser())))
    named = {flag for span in code_spans((ROOT / "README.md").read_text(encoding="utf-8"))
             for flag in _FLAG.findall(span)}
    assert not named - ours - set(OTHER_TOOLS), f"README flags no maskline command takes: {named - ours - set(OTHER_TOOLS)}"
    assert set(OTHER_TOOLS) <= named, f"OTHER_TOOLS names flags README.md no longer quotes: {set(OTHER_TOOLS) - named}"


def _section(text: str, heading: str) -> str:
    """The Markdown text under ``heading`` (a line starting with it), up to the next heading of any level."""
    start = text.index("\n" + heading) + 1
    prose = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)  # a `# comment` in a code block is no heading
    end = re.compile(r"^#+ ", re.M).search(prose, start + len(heading))
    return text[start:end.start() if end else len(text)]


def _schema_keys(node: object) -> set[str]:
    """Every property name anywhere in a JSON Schema."""
    if isinstance(node, dict):
        own = set(node.get("properties", {})) if isinstance(node.get("properties"), dict) else set()
        return own.union(*(_schema_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_schema_keys(v) for v in node))
    return set()


def _method_params(schema: dict) -> dict[str, dict]:
    """``{method: its parameters' schemas}`` from the policy schema's per-method branches."""
    return {branch["if"]["properties"]["method"]["const"]: branch["then"]["properties"]
            for branch in schema["$defs"]["method"]["allOf"]}


def test_the_methods_table_lists_every_method_with_parameters_it_takes() -> None:
    """README's methods table: one row per registered method, and each `param:` a row names (with its listed
    values, `to: year|month|day`) is one that method's schema accepts."""
    from maskline.methods.registry import METHODS
    from maskline.policy import policy_schema

    table = _section((ROOT / "README.md").read_text(encoding="utf-8"), "### Methods")
    rows = {m[1]: m[2] for m in re.finditer(r"^\| `(\w+)` \|(.*)$", table, re.M)}
    assert set(rows) == set(METHODS), f"methods table vs registry: {set(rows) ^ set(METHODS)}"
    params = _method_params(policy_schema())
    for method, row in rows.items():
        for name in re.findall(r"`([a-z]+(?:_[a-z]+)+)`", row):  # a parameter named bare: `keep_first`
            assert name in params[method], f"README: {method} has no parameter {name!r}"
        for name, values in re.findall(r"`(\w+):\s*([^`]*)`", row):
            assert name in params[method], f"README: {method} has no parameter {name!r}"
            allowed = str(params[method][name])
            for value in re.split(r"\\?\|", values.rstrip("…").strip()):
                if value and not value[0].isupper():  # N, a placeholder
                    assert repr(value) in allowed or value in ("true", "false"), (
                        f"README: {method} {name}: {value!r} is not accepted ({allowed})")


def test_every_policy_key_the_policy_section_names_is_in_the_schema() -> None:
    """`key:` spans and YAML blocks in README's policy sections use keys the policy's JSON Schema has; each YAML
    block there loads as (part of) a policy."""
    import yaml

    from maskline.policy import load_policy, policy_schema

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = _section(readme, "## The policy") + _section(readme, "### Key derivation")
    keys = _schema_keys(policy_schema())
    named = {m for span in _INLINE.findall(_FENCE.sub("", section)) for m in re.findall(r"(?<![\w.])(\w+):", span)}
    named |= {m for span in _INLINE.findall(section) for m in re.findall(r"\bkey\.(\w+)", span)}
    assert named, "no policy key found in README's policy section: is the pattern stale?"
    assert named <= keys, f"README names policy keys the schema does not have: {sorted(named - keys)}"
    blocks = [b[1] for b in re.finditer(r"^```yaml\n(.*?)^```", section, re.S | re.M)]
    assert blocks
    for block in blocks:
        load_policy({"version": 1, **yaml.safe_load(block)})


def _benchmark_lines(text: str) -> Iterator[tuple[str, str]]:
    """``(module, the command's rest)`` for each ``python -m benchmarks.X ...`` in a text."""
    for m in re.finditer(r"python -m (benchmarks(?:\.\w+)+)([^`\n]*)", text):
        yield m[1], m[2].split("#")[0]


def _module_flags(module: str) -> set[str]:
    """The flags a benchmark module takes: from its ``--help`` when it uses argparse, else the ``--x`` its source
    tests for (a module without argparse would run the benchmark on ``--help``)."""
    path = ROOT / Path(*module.split("."))
    source = (path / "__main__.py" if path.is_dir() else path.with_suffix(".py")).read_text(encoding="utf-8")
    if "ArgumentParser" not in source:
        return set(re.findall(r"\"(--[a-z][a-z0-9-]*)\"", source))
    r = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, cwd=ROOT,
                       check=True, timeout=120)
    return set(_FLAG.findall(r.stdout))


def test_every_benchmark_command_in_the_docs_takes_its_flags() -> None:
    docs = ("README.md", "benchmarks/README.md")
    commands = [c for doc in docs for c in _benchmark_lines((ROOT / doc).read_text(encoding="utf-8"))]
    assert commands
    flags: dict[str, set[str]] = {}
    wrong = []
    for module, rest in commands:
        if module not in flags:
            flags[module] = _module_flags(module)
        wrong += [f"python -m {module}{rest}: {f}" for f in _FLAG.findall(rest) if f not in flags[module]]
        if module == "benchmarks.run":  # its arguments are benchmark names
            from benchmarks.run import BENCHMARKS

            wrong += [f"python -m {module}{rest}: {w}" for w in rest.split() if w.isidentifier() and w not in BENCHMARKS]
    assert not wrong, "benchmark flags the module does not take:\n" + "\n".join(wrong)


PACKAGES = ("maskline", "airflow_plugin", "openlineage_ext", "benchmarks")
_ROOTS = "|".join(PACKAGES)
_DOTTED = re.compile(rf"(?<![\w.'\"])((?:{_ROOTS})(?:\.\w+)+)(?![\w(])")
_REPO_PATH = re.compile(rf"(?<![\w./-])((?:{_ROOTS}|examples|dbt_macros|scripts|tests)/[\w./*-]*)")


def resolves(dotted: str, root: Path = ROOT) -> bool:
    """Whether a dotted name is a module of the repository, or a name its module defines or imports (read from
    the source, not imported: importing the GX or Airflow faces would take seconds).

    >>> resolves("maskline.classify.decision.decide_unnamed"), resolves("maskline.classify.decision.nothing_here")
    (True, False)
    """
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        base = root.joinpath(*parts[:i])
        source = next((p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()), None)
        if source is None:
            continue
        if i == len(parts):
            return True
        text = source.read_text(encoding="utf-8")
        name = parts[i]  # defined, assigned, imported, or a key of a lazy export table (`"name": "module"`)
        return bool(re.search(rf"^\s*(?:async\s+)?(?:def|class)\s+{name}\b|^\s*{name}\s*[:=]|\bimport\b[^\n]*\b{name}\b"
                              rf"|[\"']{name}[\"']\s*:|__all__ = \[[^]]*[\"']{name}[\"']", text, re.M))
    return False


@pytest.mark.parametrize("doc", ("README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "openlineage_ext/README.md",
                                 "dbt_macros/README.md", "benchmarks/README.md"))
def test_every_module_name_and_repository_path_the_docs_quote_exists(doc: str) -> None:
    """`maskline.adapters.spark`, `maskline/classify/safe_kinds.py`, `benchmarks/classification/build_*.py`: each
    quoted module, function and path of the repository exists (dbt macros, `maskline.mask(...)`, are not Python:
    a name such as `maskline.maskline_no_pii` is one when the dbt package defines that macro or generic test)."""
    spans = _INLINE.findall(_FENCE.sub("", (ROOT / doc).read_text(encoding="utf-8")))
    dbt_names = {f"maskline.{m}" for f in (ROOT / "dbt_macros" / "macros").rglob("*.sql")
                 for m in re.findall(r"{%-?\s*(?:macro|test)\s+(\w+)\s*\(", f.read_text(encoding="utf-8"))}
    names = {m for s in spans for m in _DOTTED.findall(s)} - dbt_names
    paths = {m.rstrip(".") for s in spans if "<" not in s for m in _REPO_PATH.findall(s)}
    assert names or paths
    missing = sorted(n for n in names if not resolves(n)) + sorted(p for p in paths if not list(ROOT.glob(p)))
    assert not missing, f"{doc} quotes names or paths the repository does not have: {missing}"


def test_the_extras_table_lists_every_extra_pyproject_declares() -> None:
    import tomllib

    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
                   ["optional-dependencies"])
    table = _section((ROOT / "README.md").read_text(encoding="utf-8"), "## Install")
    listed = {name for row in re.findall(r"^\| ([^|]*) \|", table, re.M) for name in re.findall(r"`([\w-]+)`", row)}
    assert listed == declared, f"README's extras table vs pyproject.toml: {sorted(listed ^ declared)}"


def test_the_readme_names_every_airflow_option_and_only_real_ones() -> None:
    """Each ``[maskline]`` option of airflow_plugin/config.py is named in README's Airflow sections, and each
    `[maskline] NAME` README names exists (the module reads Airflow's configuration at call time only)."""
    from airflow_plugin.config import DEFAULTS

    options = set(DEFAULTS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`\[maskline\] (\w+)", readme))
    airflow = _section(readme, "## Airflow") + _section(readme, "## Lineage")
    spans = set(_INLINE.findall(airflow)) | set(re.findall(r"^(\w+) = ", airflow, re.M))
    assert named <= options, f"README names [maskline] options that do not exist: {sorted(named - options)}"
    assert options <= spans | named, f"[maskline] options README does not name: {sorted(options - spans - named)}"


@pytest.mark.parametrize("doc", ("README.md", "CONTRIBUTING.md", "benchmarks/README.md", "dbt_macros/README.md",
                                 "openlineage_ext/README.md"))
def test_every_make_target_the_docs_name_is_in_the_makefile(doc: str) -> None:
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    named = {m for s in code_spans((ROOT / doc).read_text(encoding="utf-8"))
             for m in re.findall(r"(?<![\w-])make ([a-z][\w-]*)", s)}
    assert named <= targets, f"{doc} names make targets the Makefile lacks: {sorted(named - targets)}"


@pytest.mark.parametrize("doc", ("README.md", "dbt_macros/README.md"))
def test_every_dbt_var_the_docs_name_is_one_the_package_reads(doc: str) -> None:
    """`vars.maskline_key_owner`, `vars: {maskline_key_source: database}`, an indented `maskline_policy:` of a YAML
    block: each dbt var the docs tell a project to set is read by a macro of the package (or by its integration
    project, whose `maskline_cases` the docs describe) with ``var('NAME'``: a renamed var would otherwise be set in
    ``dbt_project.yml`` and silently ignored."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"(?:vars\.|vars: \{)(maskline_\w+)", text))
    # a key of a fenced YAML block's `vars:` (an inline `maskline_key_place: {...}` is a model's meta, not a var)
    named |= {m for block in _FENCE.findall(text) for m in re.findall(r"^\s+(maskline_\w+):", block, re.M)}
    read = {m for f in (ROOT / "dbt_macros").rglob("*.sql")
            for m in re.findall(r"\bvar\(\s*['\"](maskline_\w+)['\"]", f.read_text(encoding="utf-8"))}
    assert named, f"{doc} names no dbt var: the pattern no longer finds them"
    assert named <= read, f"{doc} names dbt vars no macro reads: {sorted(named - read)}"
