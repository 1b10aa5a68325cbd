"""Every public function has a ``>>>`` example (STYLE.md, habit 11), and every example is run by the suite.

"Public" is a module-level function whose name has no leading underscore, in a module of maskline,
airflow_plugin or openlineage_ext with no underscore-prefixed part in its path. An example counts when it
is in the function's own docstring, or when an example line of its module's docstring calls it (a
one-concept module often shows its one function there). The methods of the classes ``maskline`` exports
are held to the same rule, an example in the class docstring counting for them.

pytest's ``--doctest-modules`` runs the examples under ``maskline/`` (not ``maskline/expectations``, which
would import Great Expectations on every run); the other modules' examples are run by lists in the tests
named in :data:`RUNNERS`, and the last test here checks those lists leave none out.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("maskline", "airflow_plugin", "openlineage_ext")

# Public functions with no runnable example, each with why. Prefer writing an example to adding an entry: an
# error path or a loopback stand-in usually shows the behaviour without the real server.
ALLOWED = {
    "maskline.adapters.postgres.protect": "creates schemas, roles and SECURITY DEFINER functions: needs a "
                                          "PostgreSQL server (tests/rewrite/test_postgres_reader_role.py)",
    "maskline.adapters.postgres.unprotect": "drops what protect created: needs a PostgreSQL server (same tests)",
    "maskline.mcp.server.serve": "blocks serving MCP over stdio or HTTP until the client leaves (tests/mcp)",
    "maskline.expectations.metrics.classification.classify_column": "a Great Expectations metric provider, "
                                                                    "called by GX on a batch (tests/expectations)",
    "maskline.expectations.metrics.policy_audit.masking_audit": "a Great Expectations metric provider, called "
                                                                "by GX on a batch (tests/expectations)",
    "openlineage_ext.dbt_manifest.generated_catalog": "runs `dbt docs generate` against the project's warehouse "
                                                      "(tests/lineage, dbt tier)",
    "airflow_plugin.agents.lineage.call_event": "reads a live TaskInstance's DAG run through the OpenLineage "
                                                "provider's macros (tests/agents)",
    # The Airflow demo: `airflow db migrate` and dag.test() in a child process, minutes each (make demo).
    "airflow_plugin.demo.migrate": "runs `airflow db migrate` (tests/airflow)",
    "airflow_plugin.demo.run_dags": "runs DAGs with dag.test() in a child process (tests/airflow)",
    "airflow_plugin.demo.run_demo": "runs the example DAG (tests/airflow, make demo)",
    "airflow_plugin.demo.main": "runs the example DAG (make demo)",
}

# The tests that run the examples pytest's collection does not reach, by module name.
RUNNERS = ("tests/airflow/test_units.py", "tests/lineage/test_facets.py", "tests/agents/test_masked_sql_toolset.py",
           "tests/expectations/test_module_examples.py")


def example_lines(doc: str | None) -> list[str]:
    """The source lines of a docstring's examples (``>>>`` and ``...`` lines, prompt removed)."""
    return [line.strip()[4:] for line in (doc or "").splitlines() if line.strip().startswith((">>> ", "... "))]


def _calls(lines: list[str], name: str, *, attribute: bool) -> bool:
    pattern = re.compile((r"\." if attribute else r"(?<![\w.])") + re.escape(name) + r"\b")
    return any(pattern.search(line) for line in lines)


def _has_own_example(node: ast.AST) -> bool:
    return ">>>" in (ast.get_docstring(node) or "")  # type: ignore[arg-type]


def missing_examples(source: str, classes: frozenset[str] = frozenset()) -> list[str]:
    """The public functions of a module's ``source`` without an example, and ``Class.method`` for the public
    methods of ``classes`` without one.

    >>> missing_examples('def f():\\n    "No example."\\n')
    ['f']
    """
    tree = ast.parse(source)
    module_examples = example_lines(ast.get_docstring(tree))
    out = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            if not _has_own_example(node) and not _calls(module_examples, node.name, attribute=False):
                out.append(node.name)
        elif isinstance(node, ast.ClassDef) and node.name in classes:
            shown = example_lines(ast.get_docstring(node)) + module_examples
            for method in node.body:
                if (isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and not method.name.startswith("_")
                        and not _has_own_example(method) and not _calls(shown, method.name, attribute=True)):
                    out.append(f"{node.name}.{method.name}")
    return out


def public_modules() -> Iterator[tuple[str, Path]]:
    """``(dotted name, path)`` of every public module of the three packages."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if any(p.startswith("_") and p != "__init__" for p in parts):
                continue
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def exported_classes() -> dict[str, frozenset[str]]:
    """The names ``maskline`` exports, by defining module (read from ``_EXPORTS``, without importing)."""
    tree = ast.parse((ROOT / "maskline" / "__init__.py").read_text(encoding="utf-8"))
    exports = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                   and any(isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in n.targets))
    by_module: dict[str, set[str]] = {}
    for name, module in exports.items():
        by_module.setdefault(module, set()).add(name)
    return {module: frozenset(names) for module, names in by_module.items()}


def all_missing() -> list[str]:
    classes = exported_classes()
    return [f"{module}.{name}" for module, path in public_modules()
            for name in missing_examples(path.read_text(encoding="utf-8"), classes.get(module, frozenset()))]


def test_every_public_function_has_an_example() -> None:
    unexplained = sorted(set(all_missing()) - set(ALLOWED))
    assert not unexplained, ("public functions without a >>> example; add a short runnable one that shows a "
                             "result (or, if it truly cannot have one, an ALLOWED entry saying why):\n  "
                             + "\n  ".join(unexplained))


def test_the_allow_list_names_only_functions_still_without_an_example() -> None:
    stale = sorted(set(ALLOWED) - set(all_missing()))
    assert not stale, f"these have an example now (or are gone): remove them from ALLOWED: {stale}"


def test_the_checker_flags_a_function_without_an_example() -> None:
    source = textwrap.dedent('''
        """A module.

        >>> shown_by_the_module(1)
        1
        """

        def bare(x):
            """Returns x, with no example."""
            return x

        def with_example():
            """Returns 1.

            >>> with_example()
            1
            """
            return 1

        def shown_by_the_module(x):
            return x

        def _private():
            pass

        class Exported:
            """A class.

            >>> Exported().shown()
            """

            def shown(self):
                pass

            def bare_method(self):
                """No example."""

            def _helper(self):
                pass
    ''')
    assert missing_examples(source) == ["bare"]
    assert missing_examples(source, frozenset({"Exported"})) == ["bare", "Exported.bare_method"]
    # A name that only appears inside another name, or as an attribute, does not count as a call.
    assert missing_examples('"""\n>>> x.f(1)\n>>> ff(1)\n"""\ndef f():\n    pass\n') == ["f"]


def _run_examples(path: Path) -> bool:
    """Whether a module has an example that is not skipped (a directive may sit on a continuation line)."""
    import doctest

    parser = doctest.DocTestParser()
    docstrings = (ast.get_docstring(node) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef))
    return any(not ex.options.get(doctest.SKIP) for doc in docstrings if doc for ex in parser.get_examples(doc))


def _collected_by_pytest(module: str) -> bool:
    """Whether ``--doctest-modules`` (testpaths ``maskline``, ``--ignore=maskline/expectations``) runs it."""
    in_core = module == "maskline" or module.startswith("maskline.")
    return in_core and not (module == "maskline.expectations" or module.startswith("maskline.expectations."))


def test_every_example_outside_pytests_collection_is_run_by_a_test() -> None:
    named: set[str] = set()
    for runner in RUNNERS:
        tree = ast.parse((ROOT / runner).read_text(encoding="utf-8"))
        named |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    short = "maskline.expectations."  # the expectations runner lists module names inside that package
    unrun = [module for module, path in public_modules()
             if not _collected_by_pytest(module) and _run_examples(path)
             and module not in named and module.removeprefix(short) not in named]
    assert not unrun, f"modules whose >>> examples no test runs: add them to a list in {RUNNERS}: {unrun}"
