"""What the classifier reads of a column: its kind and its distinct values with their counts.

The classifier core works on this plain container, never on pandas or Arrow, so
scanning a file or a database table imports neither: DuckDB groups a sample's
values (:func:`maskline.classify.sources.sample_source`), and DB-API rows
become :func:`from_python`. Arrow arrays (DataFrames, Arrow tables) go through
:func:`from_arrow`, which imports pyarrow only because the input already is Arrow.

Numbers that are whole are written without their ``.0``: a postal code stored
as a float (``10115.0``) reads as ``10115``, as it was typed. Whole floats that
DuckDB, Arrow or Python print in scientific notation (``4.111111111111111e+15``:
a card number or an id that a NULL made pandas store as a float) read as their
digits too, with zeros where the float kept no digit (a float64 holds integers
exactly only up to 2**53, about 16 digits).

>>> v = from_python(["ana@x.org", "ana@x.org", None, "", 3])
>>> v.kind, v.values, v.counts, v.nulls
('string', ('ana@x.org', '3'), (2, 1), 2)
>>> from_python([10115.0, 80331.0, None]).values
('10115', '80331')
>>> from_counts("float", [("4.111111111111111e+15", 1), ("6.274160770876317e+18", 1)], 2, 0).values
('4111111111111111', '6274160770876317000')
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

Kind = str  # bool | integer | float | date | string | binary | nested
HEAD_ROWS = 500  # rows kept in order per number column (classify.derived_columns reads them)
_WHOLE = re.compile(r"^(-?\d+)\.0+$")
_SCIENTIFIC = re.compile(r"^-?\d(\.\d+)?e\+\d{1,2}$")  # 4.1e+15, as DuckDB, Arrow and repr() print large floats


@dataclass(frozen=True)
class ColumnValues:
    """A column's sampled values: kind, distinct non-empty text forms with counts, NULLs, and for dates the years.

    ``values`` holds distinct trimmed text forms, each with its count in ``counts``;
    NULLs and empty strings are counted in ``nulls``. For ``date`` columns,
    ``years`` holds ``(year, count)`` pairs and ``midnight`` says whether every
    timestamp had no time of day. It is never printed or logged.
    """

    kind: Kind
    values: tuple[str, ...]
    counts: tuple[int, ...]
    total: int
    nulls: int
    years: tuple[tuple[int, int], ...] = ()
    midnight: bool = True
    # How to read :attr:`head`, kept (with the rows it reads) rather than read: few scans need a head.
    head_reader: Callable[[], tuple[float, ...]] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def head(self) -> tuple[float, ...]:
        """A number column's first sampled values in row order (NaN for a NULL); ``()`` for other columns.

        Every column of one sample comes from the same rows, so heads compare row by row (a column computed from
        two others: :mod:`maskline.classify.derived_columns`). Only a postcode or coordinate reading looks for
        such a column, so the head is read on first use, not for every number column of every scan.

        >>> ColumnValues("integer", ("3",), (1,), 1, 0).head
        ()
        """
        return () if self.head_reader is None else self.head_reader()

    def __repr__(self) -> str:  # values never reach a log, a traceback or an error
        return f"ColumnValues(kind={self.kind!r}, distinct={len(self.values)}, total={self.total})"


def whole_number_text(text: str) -> str:
    """``"10115.0"`` -> ``"10115"``: a whole number stored as a float, as it was typed.

    >>> whole_number_text("10115.0"), whole_number_text("48.8566")
    ('10115', '48.8566')
    """
    m = _WHOLE.match(text)
    return m.group(1) if m else text


def scientific_whole_text(text: str) -> str:
    """``"4.111111111111111e+15"`` -> ``"4111111111111111"``: a whole float printed in scientific notation, as its
    digits (zeros where the float kept none); other text is returned as it is.

    >>> scientific_whole_text("1e+16"), scientific_whole_text("1.5e+00"), scientific_whole_text("card")
    ('10000000000000000', '1.5e+00', 'card')
    """
    if not _SCIENTIFIC.match(text):
        return text
    d = Decimal(text)
    return format(d, "f") if d == d.to_integral_value() else text


_EXPORTED_SCIENTIFIC = re.compile(r"^\d\.\d{1,15}[eE]\+(1[1-9])$")  # 4.11111E+15: 12 to 20 digits


def exported_whole_text(text: str) -> str:
    """``"4.11111E+15"`` -> ``"4111110000000000"``: a long whole number a spreadsheet or a CSV writer printed in
    scientific notation (Excel keeps six significant digits, pandas and R all of a float's), as its digits, zeros
    where the writer kept none. Only numbers of 12 digits or more, which spreadsheets print so, and only whole
    ones; other text is returned as it is.

    >>> exported_whole_text("4.11111E+15"), exported_whole_text("4.111111111111111e+15")
    ('4111110000000000', '4111111111111111')
    >>> exported_whole_text("1.5E+03"), exported_whole_text("6.5E+11"), exported_whole_text("card")
    ('1.5E+03', '650000000000', 'card')
    """
    if not _EXPORTED_SCIENTIFIC.match(text):
        return text
    d = Decimal(text)
    return format(d, "f") if d == d.to_integral_value() else text


def from_counts(kind: Kind, pairs: Iterable[tuple[Any, int]], total: int, nulls: int) -> ColumnValues:
    """Build from ``(value, count)`` pairs (what a ``GROUP BY`` returns); values become trimmed text.

    >>> from_counts("float", [(10115.0, 3), (1067.0, 1)], 5, 1).values
    ('10115', '1067')
    >>> from_counts("float", [("3.6155865887e+10", 1), ("3613949534", 1)], 2, 0).values  # e+10 ends in 0 too
    ('36155865887', '3613949534')
    """
    merged: Counter[str] = Counter()
    empty = 0
    whole = kind in ("float", "string")
    for value, count in pairs:
        if value is None:
            empty += count
            continue
        text = (value if type(value) is str else _text(value)).strip()
        if not text:
            empty += count
            continue
        # Scientific notation first: "3.6155865887e+10" also ends in 0 and holds a dot, and the whole-number test
        # would leave it as it is (a phone stored as a float, unread as digits by every detector).
        if kind == "float" and "e+" in text:
            text = scientific_whole_text(text)
        elif whole and text.endswith("0") and "." in text:  # cheap test first: most values are not "123.0"
            text = whole_number_text(text)
        merged[text] += count
    if kind == "float" and merged and all(_is_int_text(t) for t in merged):
        kind = "integer"  # whole numbers stored as floats: codes, ids, postal codes
    return ColumnValues(kind, tuple(merged), tuple(merged.values()), total, nulls + empty)


NUMBER_KINDS = ("integer", "float")


def with_ascii_digits(column: ColumnValues) -> ColumnValues:
    """``column`` with the decimal digits of every script in its values read as ASCII digits
    (:mod:`maskline.script_digits`): the classifier's one reading of values, so every pattern, validator and shape
    reads a phone in Arabic-Indic or Devanagari digits as it reads it in ASCII. Values that read alike merge, their
    counts added. A column whose values are all ASCII (nearly every column) comes back as it is, unscanned.

    >>> col = with_ascii_digits(from_python(["٠٥٠١٢٣٤٥٦٧", "0501234567", "۰۹۱۲", None]))
    >>> col.values, col.counts, col.nulls
    (('0501234567', '0912'), (2, 1), 1)
    >>> c = from_python(["a", "b"]); with_ascii_digits(c) is c
    True
    """
    from maskline.script_digits import ascii_digits, has_other_digits

    # map() over str.isascii runs in C: a column of ASCII values (nearly every one) costs about 20 ns a value.
    if all(map(str.isascii, column.values)) or not any(map(has_other_digits, column.values)):
        return column
    merged: Counter[str] = Counter()
    for value, count in zip(column.values, column.counts, strict=True):
        merged[ascii_digits(value)] += count
    return replace(column, values=tuple(merged), counts=tuple(merged.values()))


def with_head(column: ColumnValues, rows: Sequence[Any]) -> ColumnValues:
    """``column`` with its :attr:`~ColumnValues.head`: the first sampled ``rows`` as floats, when it holds numbers
    (a number kind, or text every value of which is a number: a CSV's columns are sampled as text).

    NULLs read as NaN, so the rows stay aligned.

    >>> with_head(from_python([3, None, 5]), [3, None, 5]).head
    (3.0, nan, 5.0)
    >>> with_head(from_python(["07", "12"]), ["07", "12"]).head, with_head(from_python(["a"]), ["a"]).head
    ((7.0, 12.0), ())
    """
    if column.kind not in NUMBER_KINDS and column.kind != "string":
        return column
    text = column.kind == "string"
    first = tuple(itertools.islice(rows, HEAD_ROWS))  # kept, not read: a caller's list may change after this
    return replace(column, head_reader=lambda: _head_of(first, text))


class NumberHeads(Mapping[str, tuple[float, ...]]):
    """The :attr:`~ColumnValues.head` of each number column of one sample, by name, each read on first use.

    Only a column read as a postcode or a coordinate is compared with its siblings' heads
    (:func:`maskline.classify.table_context.derived_measurements`); a table without one reads none. A column
    whose head is empty (not a number column) is not in the mapping.

    >>> heads = NumberHeads({"n": from_python([1, 2]), "word": from_python(["a", "b"])})
    >>> "word" in heads, list(heads), heads["n"]
    (False, ['n'], (1.0, 2.0))
    """

    def __init__(self, columns: Mapping[str, ColumnValues]) -> None:
        self._columns = columns

    def __getitem__(self, name: str) -> tuple[float, ...]:
        head = self._columns[name].head
        if not head:
            raise KeyError(name)
        return head

    def __iter__(self) -> Iterator[str]:
        return (name for name, column in self._columns.items() if column.head)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _head_of(rows: Sequence[Any], text: bool) -> tuple[float, ...]:
    """The first :data:`HEAD_ROWS` of ``rows`` as floats (NaN for a NULL); ``()`` when ``text`` holds a value that
    is no number (text is a number column only when every value reads as one).

    >>> _head_of(["1", None, "2.5"], True), _head_of(["1", "a"], True), _head_of([1, None], False)
    ((1.0, nan, 2.5), (), (1.0, nan))
    """
    head = []
    for v in itertools.islice(rows, HEAD_ROWS):
        f = _as_float(v)
        if text and math.isnan(f) and v is not None and v != "":
            return ()  # most text columns stop at once
        head.append(f)
    return tuple(head)


def _as_float(value: Any) -> float:
    if isinstance(value, bool) or value is None:
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _is_int_text(text: str) -> bool:
    return text.lstrip("-").isdigit()


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, default=str)
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return str(value)


def python_kind(values: Sequence[Any]) -> Kind:
    """The kind of a list of Python values (DB-API rows): the kind shared by all non-NULL values, else string.

    >>> python_kind([1, 2, None]), python_kind([1.5, 2]), python_kind([date(1990, 1, 2)]), python_kind(["a", 1])
    ('integer', 'float', 'date', 'string')
    """
    kinds = set()
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        if isinstance(v, bool):
            kinds.add("bool")
        elif isinstance(v, int):
            kinds.add("integer")
        elif isinstance(v, (float, Decimal)):
            kinds.add("float")
        elif isinstance(v, (date, datetime)):
            kinds.add("date")
        elif isinstance(v, (bytes, bytearray, memoryview)):
            kinds.add("binary")
        elif isinstance(v, (dict, list, tuple)):
            kinds.add("nested")
        else:
            kinds.add("string")
        if len(kinds) > 2:
            break
    if kinds == {"integer", "float"}:
        return "float"
    return kinds.pop() if len(kinds) == 1 else "string"


def from_python(values: Sequence[Any], kind: Kind | None = None) -> ColumnValues:
    """Build from a list of Python values (DB-API rows, a plain list).

    >>> from_python([date(1984, 7, 21), None]).years
    ((1984, 1),)
    """
    kind = kind or python_kind(values)
    total = len(values)
    if kind == "date":
        years: Counter[int] = Counter()
        midnight, nulls = True, 0
        for v in values:
            if not isinstance(v, (date, datetime)):
                nulls += 1
                continue
            years[v.year] += 1
            if isinstance(v, datetime) and (v.hour, v.minute, v.second, v.microsecond) != (0, 0, 0, 0):
                midnight = False
        return ColumnValues("date", (), (), total, nulls, tuple(years.items()), midnight)
    if kind in ("bool", "binary"):
        return ColumnValues(kind, (), (), total, sum(v is None for v in values))
    counts: Counter[Any] = Counter()
    nulls = 0
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)) or isinstance(v, (bytes, bytearray, memoryview)):
            nulls += 1
        else:
            counts[_text(v) if isinstance(v, (dict, list, tuple)) else v] += 1
    return with_head(from_counts(kind, counts.items(), total, nulls), values)


def arrow_kind(arrow_type: Any) -> Kind:
    """The kind of an Arrow type.

    >>> import pyarrow as pa
    >>> arrow_kind(pa.float64()), arrow_kind(pa.large_string()), arrow_kind(pa.timestamp("us"))
    ('float', 'string', 'date')
    """
    import pyarrow as pa
    import pyarrow.types as t

    if t.is_boolean(arrow_type):
        return "bool"
    if t.is_integer(arrow_type):
        return "integer"
    if t.is_floating(arrow_type) or t.is_decimal(arrow_type):
        return "float"
    if t.is_date(arrow_type) or t.is_timestamp(arrow_type):
        return "date"
    if t.is_string(arrow_type) or t.is_large_string(arrow_type) or arrow_type == pa.string_view():
        return "string"
    if t.is_binary(arrow_type) or t.is_large_binary(arrow_type):
        return "binary"
    if t.is_null(arrow_type):
        return "string"
    return "nested"


def from_arrow(values: Any) -> ColumnValues:
    """Build from a pyarrow Array or ChunkedArray (the input already is Arrow, so pyarrow is loaded).

    >>> import pyarrow as pa
    >>> from_arrow(pa.array(["a", "a", None])).counts
    (2,)
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_dictionary(values.type):  # pandas categoricals: classify the categories' values
        values = values.dictionary_decode()
    kind = arrow_kind(values.type)
    total, nulls = len(values), values.null_count
    if kind in ("bool", "binary"):
        return ColumnValues(kind, (), (), total, nulls)
    if kind == "date":
        arr = values.drop_null()
        midnight = True
        if pa.types.is_timestamp(arr.type) and len(arr):
            midnight = bool(pc.all(pc.and_(pc.equal(pc.hour(arr), 0), pc.and_(
                pc.equal(pc.minute(arr), 0), pc.equal(pc.second(arr), 0)))).as_py())
        counted = pc.value_counts(pc.year(arr))
        years = tuple(zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True))
        return ColumnValues("date", (), (), total, nulls, years, midnight)
    if kind == "nested":
        text = pa.array([None if v is None else json.dumps(v, default=str) for v in values.to_pylist()],
                        type=pa.string())
    else:
        text = values if kind == "string" else pc.cast(values, pa.string())
    counted = pc.value_counts(text)
    pairs = zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True)
    out = from_counts(kind, pairs, total, 0)  # value_counts counts the NULLs itself
    if kind not in NUMBER_KINDS:
        return out

    def head() -> tuple[float, ...]:
        first = pc.cast(values.slice(0, HEAD_ROWS), pa.float64(), safe=False).to_pylist()
        return tuple(math.nan if v is None else v for v in first)

    return replace(out, head_reader=head)


def as_column_values(values: Any) -> ColumnValues:
    """Whatever a caller passes (ColumnValues, an Arrow array, a pandas Series, a list) as ColumnValues.

    >>> as_column_values(["x", None]).nulls
    1
    """
    if isinstance(values, ColumnValues):
        return values
    module = type(values).__module__
    if module.startswith("pyarrow"):
        return from_arrow(values)
    if module.startswith("pandas"):
        import pyarrow as pa

        try:
            return from_arrow(pa.Array.from_pandas(values))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return from_python(list(values))
    return from_python(list(values))
