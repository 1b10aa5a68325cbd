"""Read a policy's YAML strictly: no duplicate keys, bounded aliases and nesting.

PyYAML's ``safe_load`` keeps the last of two equal keys (``datasets:`` twice
silently drops the first dataset's rules), and expands aliases without limit
when the result is walked (the "billion laughs" document). A policy decides
what stays raw, so both are errors here, raised before anything walks the
document, and the error names the line and the key, never a value.

>>> load_policy_yaml("a: 1\\nb: [x, y]\\n", "p.yml")
{'a': 1, 'b': ['x', 'y']}
>>> load_policy_yaml("datasets: {}\\ndatasets: {}\\n", "p.yml")
Traceback (most recent call last):
...
maskline.errors.PolicyError: duplicate key 'datasets' (also on line 1) (at p.yml:2:1). Fix: merge the two entries into one: YAML would keep only the last
"""

from __future__ import annotations

from typing import Any

from maskline.errors import PolicyError

MAX_NODES = 100_000  # scalars, lists and mappings after aliases are expanded; real policies have thousands
MAX_DEPTH = 32  # nesting; a policy is at most about six levels deep
MAX_BYTES = 5_000_000
MAX_INDENT = 160  # columns of indentation before a line's content


def _loader_class() -> Any:
    import yaml

    class StrictLoader(yaml.SafeLoader):
        """SafeLoader that refuses a mapping with the same key twice."""

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                seen: dict[Any, int] = {}
                for key_node, _ in node.value:
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        continue  # `<<: *defaults` may be overridden by the keys beside it
                    key = self.construct_object(key_node, deep=True)
                    try:
                        if key in seen:
                            raise _Duplicate(key, seen[key], key_node.start_mark)
                        seen[key] = key_node.start_mark.line + 1
                    except TypeError:
                        continue  # an unhashable key: SafeLoader reports it
            return super().construct_mapping(node, deep=deep)

    return StrictLoader


class _Duplicate(Exception):
    def __init__(self, key: Any, first: int, mark: Any) -> None:
        self.key, self.first, self.mark = key, first, mark


def _shown(key: Any) -> str:
    text = repr(key) if isinstance(key, (str, int, float, bool)) else type(key).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _check_size(root: Any, source: str) -> None:
    """Count nodes as if aliases were expanded (each distinct node once, memoized) and measure nesting."""
    import yaml

    sizes: dict[int, int] = {}
    depth_of: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:  # iterative, so that the check itself cannot hit the recursion limit
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children: list[Any] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if not done:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        size = 1 + sum(sizes.get(id(c), 1) for c in children)
        depth = 1 + max((depth_of.get(id(c), 1) for c in children), default=0)
        where = f"{source}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"
        if size > MAX_NODES:
            raise PolicyError(f"the policy expands to more than {MAX_NODES:,} values (YAML aliases repeated?)",
                              where=where, fix="write the policy without aliases that repeat each other")
        if depth > MAX_DEPTH:
            raise _too_deep(where)
        sizes[id(node)] = size
        depth_of[id(node)] = depth


def _too_deep(where: str) -> PolicyError:
    return PolicyError(f"the policy is nested more than {MAX_DEPTH} levels deep", where=where,
                       fix="write the policy as plain mappings a few levels deep")


def _check_flow_depth(text: str, source: str) -> None:
    """Refuse deeply nested ``[[[...`` before PyYAML reads it (its scanner slows down quadratically on them).

    Brackets in quoted strings and comments do not count; a bracket in a plain scalar (a regex) does, which
    only matters for a pattern nested more than :data:`MAX_DEPTH` deep.
    """
    for number, line in enumerate(text.splitlines(), 1):
        # Block nesting shows as indentation (and "- - -" runs); a policy never needs this much of it.
        lead = len(line) - len(line.lstrip(" -?:\t"))
        if lead > MAX_INDENT:
            raise _too_deep(f"{source}:{number}")
    depth, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'" and (i == 0 or text[i - 1] in " \t\n[{,:"):
            close = text.find(ch, i + 1)
            i = n if close < 0 else close + 1
            continue
        if ch == "#" and (i == 0 or text[i - 1] in " \t\n"):
            close = text.find("\n", i)
            i = n if close < 0 else close + 1
            continue
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(f"{source}:{text.count(chr(10), 0, i) + 1}")
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1


def load_policy_yaml(text: str, source: str) -> Any:
    """Parse policy YAML text: duplicate keys, alias explosions and deep nesting are :class:`PolicyError`.

    >>> load_policy_yaml("a: &x [1, 2]\\nb: *x\\n", "p.yml")
    {'a': [1, 2], 'b': [1, 2]}
    """
    import yaml

    if len(text) > MAX_BYTES:
        raise PolicyError(f"the policy is larger than {MAX_BYTES // 1_000_000} MB", where=source,
                          fix="split it, or check that this is the policy file")
    _check_flow_depth(text, source)
    loader = _loader_class()(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise _too_deep(source) from None
        if node is None:
            return None
        _check_size(node, source)
        try:
            return loader.construct_document(node)
        except _Duplicate as d:
            raise PolicyError(f"duplicate key {_shown(d.key)} (also on line {d.first})",
                              where=f"{source}:{d.mark.line + 1}:{d.mark.column + 1}",
                              fix="merge the two entries into one: YAML would keep only the last") from None
        except RecursionError:
            raise _too_deep(source) from None
    except yaml.YAMLError:
        raise
    finally:
        loader.dispose()
