"""Read YAML and text files whose errors say where and what kind of mistake, never what the file says.

PyYAML's message quotes its source: ``str(error)`` carries the offending line
and the line before it, and the problem text names the token it stopped at (an
alias, an anchor, a tag: whatever follows ``*``, ``&`` or ``!``, as in an
unquoted value that starts with one). A policy or a dbt project file can hold
values (an allow-list of e-mail addresses, an example in a description), so a
YAML error is described here by its class and its position, plus what kind of
character stands there, read from the file rather than from the message. A file
that is not UTF-8 is named by line, not by its bytes.

>>> load_yaml_text("a: [ann@example.com\\n", "p.yml", fix="fix the YAML syntax at that line")
Traceback (most recent call last):
...
maskline.errors.InputError: not valid YAML: broken structure: a bracket, an indentation or a ':' (at p.yml:2:1). Fix: fix the YAML syntax at that line
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from maskline.errors import InputError, MasklineError

# PyYAML's error classes, in its order of work: each says what kind of mistake, none quotes the file.
KINDS = (
    ("ReaderError", "a character YAML does not allow"),
    ("ScannerError", "a character or token YAML cannot read here"),
    ("ParserError", "broken structure: a bracket, an indentation or a ':'"),
    ("ComposerError", "an alias or anchor that does not resolve"),
    ("ConstructorError", "a value YAML cannot build: a tag or a key that is not a plain value"),
)


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def describe_yaml_error(error: BaseException, text: str, source: str) -> tuple[str, str]:
    """``(what, where)`` for a PyYAML error on ``text``: its kind and position, never its message.

    >>> import yaml
    >>> try:
    ...     yaml.safe_load("a: 1\\n\\tb: *ann_lee\\n")
    ... except yaml.YAMLError as e:
    ...     describe_yaml_error(e, "a: 1\\n\\tb: *ann_lee\\n", "p.yml")
    ('a character or token YAML cannot read here (a tab: YAML indents with spaces)', 'p.yml:2:1')
    """
    names = {c.__name__ for c in type(error).__mro__}
    what = next((kind for name, kind in KINDS if name in names), "not YAML")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    index = getattr(mark, "index", None) if mark is not None else getattr(error, "position", None)
    if not isinstance(index, int) or not 0 <= index <= len(text):
        return what, source
    char = text[index:index + 1]
    if char == "\t":
        what += " (a tab: YAML indents with spaces)"
    line, column = _line_and_column(text, index)
    return what, f"{source}:{line}:{column}"


def load_yaml_text(text: str, source: str, *, fix: str, error: type[MasklineError] = InputError) -> Any:
    """``yaml.safe_load(text)``, raising ``error`` built from the failure's kind and position.

    >>> load_yaml_text("a: 1\\n", "p.yml", fix="-")
    {'a': 1}
    """
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        what, where = describe_yaml_error(e, text, source)
    # Raised here, outside the handler: the new error chains nothing that holds PyYAML's quoting message.
    raise error(f"not valid YAML: {what}", where=where, fix=fix)


def read_utf8(path: str | Path, *, what: str, error: type[MasklineError] = InputError) -> str:
    """The text of ``path``; a file that is not UTF-8 is ``error`` naming the line of the first bad byte.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.yml"; _ = p.write_bytes(b"a: 1\\nb: caf\\xe9\\n")
    >>> read_utf8(p, what="the policy")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: the policy is not UTF-8 text (at ...p.yml:2). Fix: save the file as UTF-8
    """
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = e.start
    line = data[:bad].count(b"\n") + 1
    raise error(f"{what} is not UTF-8 text", where=f"{path}:{line}", fix="save the file as UTF-8")
