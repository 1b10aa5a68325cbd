"""Every public function has a ``>>>`` example (STYLE.md, habit 11), and every example is run by the suite.

"Public" is a module-level function whose name has no leading underscore, in a module of maskline,
airflow_plugin or openlineage_ext with no underscore-prefixed part in its path. An example counts when it
is in the function's own docstring, or when an example line of its module's docstring calls it (a
one-concept module often shows its one function there).

The public methods of every public class of those modules are held to the same rule, an example in the class
or module docstring that calls ``.method`` counting for them, with two more rules:

- an override of a method that a base class in this repository shows counts as shown (the base's example states
  the contract; bases are resolved by reading the modules' imports, without importing them, to keep this fast);
- a method a framework calls with its own live objects is not listed, by one :data:`FRAMEWORK_CALLED` rule per
  framework saying why and which test runs it (an Airflow operator's ``execute``, a plugin's ``on_load``).

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
    "maskline.expectations.metrics.classification.classify_table": "a Great Expectations metric provider, "
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

# Methods a framework calls, one rule per framework: (its base class, as imported, or a package prefix of it; the
# methods it calls on a subclass; why no example). A method of a class deriving from the base is not listed. Only for
# what needs the framework's live objects to run; a method with a small standalone result gets an example instead.
FRAMEWORK_CALLED: tuple[tuple[str, frozenset[str], str], ...] = (
    ("airflow.sdk.BaseOperator", frozenset({"execute", "on_kill", "render_template_fields",
                                            "get_openlineage_facets_on_start", "get_openlineage_facets_on_complete",
                                            "get_openlineage_facets_on_failure"}),
     "Airflow calls them with a live task context (a TaskInstance, its connections and XComs); tests/airflow "
     "runs them through dag.test(), tests/lineage checks their facets"),
    ("airflow.sdk.bases.xcom.BaseXCom", frozenset({"set", "aset"}),
     "Airflow's task runner calls them to push a task's XCom through the Execution API's live client; "
     "tests/airflow/test_xcom_keys.py runs them through dag.test() and reads the stored rows back"),
    ("airflow.plugins_manager.AirflowPlugin", frozenset({"on_load"}),
     "Airflow's plugin manager calls it once per process; it installs process-wide scrubbers into Airflow's "
     "secrets masker and OpenLineage listener (tests/airflow)"),
)

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


def _public_methods(node: ast.ClassDef) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [m for m in node.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef) and not m.name.startswith("_")]


class ClassIndex:
    """The classes of a set of modules, read by AST: their bases resolved through the modules' imports, and which
    of their methods an example shows (own docstring, or a call in the class's or module's examples).

    Bases are followed only within the indexed modules; a base imported from elsewhere is kept by its dotted
    name (``airflow.sdk.BaseOperator``) for :data:`FRAMEWORK_CALLED`.

    >>> index = ClassIndex({"m": 'class A:\\n    def f(self):\\n        ">>> A().f()"\\nclass B(A):\\n    def f(self): pass'})
    >>> index.shown_in_bases("m", "B", "f"), index.external_bases("m", "B")
    (True, set())
    """

    def __init__(self, sources: dict[str, str], packages: frozenset[str] = frozenset()) -> None:
        """``sources`` by dotted module name; ``packages``: which of them are a package's ``__init__``."""
        self.trees = {module: ast.parse(source) for module, source in sources.items()}
        self.classes: dict[tuple[str, str], ast.ClassDef] = {}
        self.imports: dict[str, dict[str, str]] = {}  # module -> local name -> dotted name it was imported as
        for module, tree in self.trees.items():
            names: dict[str, str] = {}
            package = module if module in packages else module.rpartition(".")[0]
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    self.classes[(module, node.name)] = node
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                        base = ".".join([*parent, base] if base else parent)
                    for alias in node.names:
                        names[alias.asname or alias.name] = f"{base}.{alias.name}"
                elif isinstance(node, ast.Import):
                    for alias in node.names:  # `import a.b` binds a; `import a.b as c` binds c to a.b
                        names[alias.asname or alias.name.partition(".")[0]] = (alias.name if alias.asname
                                                                              else alias.name.partition(".")[0])
            self.imports[module] = names

    def _resolve(self, module: str, dotted: str, depth: int = 0) -> tuple[str, str] | str:
        """``(module, class)`` of an indexed class named ``dotted`` in ``module``, else the external dotted name."""
        head, _, rest = dotted.partition(".")
        if not rest and (module, head) in self.classes:
            return module, head
        target = self.imports.get(module, {}).get(head)
        if target is None:
            return dotted
        full = f"{target}.{rest}" if rest else target
        owner, _, name = full.rpartition(".")
        if (owner, name) in self.classes:
            return owner, name
        if owner in self.imports and depth < 5:  # re-exported by an indexed module (a package's __init__)
            return self._resolve(owner, name, depth + 1)
        return full

    def bases(self, module: str, name: str) -> list[tuple[str, str] | str]:
        # A generic base (``AbstractCapability[Any]``) is its unsubscripted class.
        return [self._resolve(module, ast.unparse(b.value if isinstance(b, ast.Subscript) else b))
                for b in self.classes[(module, name)].bases]

    def shown_here(self, module: str, name: str, method: str) -> bool:
        node = self.classes[(module, name)]
        shown = example_lines(ast.get_docstring(node)) + example_lines(ast.get_docstring(self.trees[module]))
        own = [m for m in node.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef) and m.name == method]
        return any(_has_own_example(m) for m in own) or _calls(shown, method, attribute=True)

    def shown_in_bases(self, module: str, name: str, method: str, depth: int = 0) -> bool:
        """Whether a base of the class (in the index) defines ``method`` with an example, directly or in turn."""
        for base in self.bases(module, name):
            if isinstance(base, tuple) and depth < 20:
                base_node = self.classes[base]
                defines = any(isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef) and m.name == method
                              for m in base_node.body)
                if (defines and self.shown_here(*base, method)) or self.shown_in_bases(*base, method, depth + 1):
                    return True
        return False

    def external_bases(self, module: str, name: str, depth: int = 0) -> set[str]:
        """The dotted names of the bases from outside the index, over the whole ancestry."""
        out: set[str] = set()
        for base in self.bases(module, name):
            if isinstance(base, str):
                out.add(base)
            elif depth < 20:
                out |= self.external_bases(*base, depth + 1)
        return out


def _framework_rule(bases: set[str], method: str) -> str | None:
    """The :data:`FRAMEWORK_CALLED` rule (its base) under which a framework calls ``method`` of a class whose
    external bases are ``bases``, or None.

    >>> _framework_rule({"airflow.sdk.BaseOperator"}, "execute"), _framework_rule({"logging.Filter"}, "execute")
    ('airflow.sdk.BaseOperator', None)
    """
    for prefix, methods, _why in FRAMEWORK_CALLED:
        if method in methods and any(b == prefix or b.startswith(prefix + ".") for b in bases):
            return prefix
    return None


def missing_examples(source: str, *, module: str = "m", index: ClassIndex | None = None) -> list[str]:
    """The public functions of a module's ``source`` without an example, and ``Class.method`` for the public
    methods of its public classes without one.

    A method counts as shown by its own example, by a call in its class's or module's examples, or as an override
    of a method a base class in ``index`` shows; one a framework calls (:data:`FRAMEWORK_CALLED`) is not listed.

    >>> missing_examples('def f():\\n    "No example."\\n')
    ['f']
    """
    tree = ast.parse(source)
    index = index or ClassIndex({module: source})
    module_examples = example_lines(ast.get_docstring(tree))
    out = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
            if not _has_own_example(node) and not _calls(module_examples, node.name, attribute=False):
                out.append(node.name)
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            external = index.external_bases(module, node.name)
            for method in _public_methods(node):
                if not (index.shown_here(module, node.name, method.name)
                        or index.shown_in_bases(module, node.name, method.name)
                        or _framework_rule(external, method.name)):
                    out.append(f"{node.name}.{method.name}")
    return out


def _modules() -> Iterator[tuple[str, Path, bool]]:
    """``(dotted name, path, public)`` of every module of the three packages."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            public = not any(p.startswith("_") and p != "__init__" for p in parts)
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path, public


def public_modules() -> Iterator[tuple[str, Path]]:
    """``(dotted name, path)`` of every public module of the three packages."""
    return ((module, path) for module, path, public in _modules() if public)


def repository_index() -> ClassIndex:
    """The classes of every module of the three packages, private ones too (a base may live there)."""
    modules = list(_modules())
    return ClassIndex({module: path.read_text(encoding="utf-8") for module, path, _ in modules},
                      frozenset(module for module, path, _ in modules if path.name == "__init__.py"))


def all_missing() -> list[str]:
    index = repository_index()
    return [f"{module}.{name}" for module, path in public_modules()
            for name in missing_examples(path.read_text(encoding="utf-8"), module=module, index=index)]


def test_every_public_function_has_an_example() -> None:
    unexplained = sorted(set(all_missing()) - set(ALLOWED))
    assert not unexplained, ("public functions without a >>> example; add a short runnable one that shows a "
                             "result (or, if it truly cannot have one, an ALLOWED entry saying why):\n  "
                             + "\n  ".join(unexplained))


def test_the_allow_list_names_only_functions_still_without_an_example() -> None:
    stale = sorted(set(ALLOWED) - set(all_missing()))
    assert not stale, f"these have an example now (or are gone): remove them from ALLOWED: {stale}"


def framework_excused() -> dict[str, list[str]]:
    """``{rule's base: [module.Class.method, ...]}``: the methods without an example each rule leaves unlisted."""
    index, out = repository_index(), {}
    for module, path in public_modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                external = index.external_bases(module, node.name)
                for method in _public_methods(node):
                    rule = _framework_rule(external, method.name)
                    if rule and not (index.shown_here(module, node.name, method.name)
                                     or index.shown_in_bases(module, node.name, method.name)):
                        out.setdefault(rule, []).append(f"{module}.{node.name}.{method.name}")
    return out


def test_every_framework_rule_still_excuses_a_method() -> None:
    stale = sorted({prefix for prefix, _methods, _why in FRAMEWORK_CALLED} - set(framework_excused()))
    assert not stale, f"these FRAMEWORK_CALLED rules excuse no method any more: remove them: {stale}"


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
    assert missing_examples(source) == ["bare", "Exported.bare_method"]
    # A name that only appears inside another name, or as an attribute, does not count as a call.
    assert missing_examples('"""\n>>> x.f(1)\n>>> ff(1)\n"""\ndef f():\n    pass\n') == ["f"]


def test_an_override_of_a_shown_method_counts_and_a_framework_hook_is_not_listed() -> None:
    base = textwrap.dedent('''
        class Base:
            def shown(self):
                """Returns 1.

                >>> Base().shown()
                1
                """

            def bare(self):
                """No example."""
    ''')
    child = textwrap.dedent('''
        from airflow.sdk import BaseOperator
        from pkg.base import Base as Renamed

        class Child(Renamed):
            def shown(self):  # an override of a shown method: the base's example shows it
                return 2

            def bare(self):  # the base has no example for it either
                return 3

            def new(self):
                return 4

        class Task(Child, BaseOperator):
            def execute(self, context):  # Airflow calls it (FRAMEWORK_CALLED); a same-named method elsewhere is not
                pass

            def shown(self):  # shown two bases up
                pass

        class Other:
            def execute(self, context):
                pass
    ''')
    index = ClassIndex({"pkg.base": base, "pkg.child": child})
    assert missing_examples(base, module="pkg.base", index=index) == ["Base.bare"]
    assert missing_examples(child, module="pkg.child", index=index) == ["Child.bare", "Child.new", "Other.execute"]


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
