"""A number column's head (its first sampled values in row order) is read only when a reading needs it.

Only a column read as a postcode or a coordinate is compared row by row with its siblings
(:mod:`maskline.classify.derived_columns`); every other scan read every number column's head for nothing.
"""

from __future__ import annotations

from maskline.classify.result import ColumnClassification
from maskline.classify.table_context import with_table_context
from maskline.classify.values import ColumnValues, NumberHeads, from_python, with_head


def _recording(name: str, head: tuple[float, ...], reads: list[str]) -> ColumnValues:
    def reader() -> tuple[float, ...]:
        reads.append(name)
        return head
    return ColumnValues("integer", ("1",), (1,), len(head), 0, head_reader=reader)


def test_a_table_without_postcode_or_coordinate_readings_reads_no_head() -> None:
    reads: list[str] = []
    columns = {n: _recording(n, (1.0, 2.0, 3.0), reads) for n in ("qty", "price")}
    verdicts = [ColumnClassification("qty", None, 0.95, None), ColumnClassification("price", None, 0.95, None)]
    with_table_context(verdicts, 0.6, None, NumberHeads(columns))
    assert reads == []


def test_a_postcode_reading_still_finds_the_columns_it_is_computed_from() -> None:
    """The control: heads are read when a reading needs them, and a derived "postcode" is untyped as before."""
    reads: list[str] = []
    dem = (47767.0, 44437, 55662, 58327, 78270, 54812, 77136, 39034)
    margin = (26427.0, 15904, 42448, 19444, 71797, -1017, 63406, 15671)
    columns = {"dem": _recording("dem", dem, reads), "margin": _recording("margin", margin, reads),
               "rep": _recording("rep", tuple(d - m for d, m in zip(dem, margin, strict=True)), reads)}
    verdicts = [ColumnClassification("dem", None, 0.9, None), ColumnClassification("margin", None, 0.9, None),
                ColumnClassification("rep", "POSTAL_CODE", 0.68, "quasi-identifier")]
    out = {c.name: c for c in with_table_context(verdicts, 0.6, None, NumberHeads(columns))}
    assert out["rep"].info_type is None and out["rep"].evidence[0].startswith("table:the difference of dem and margin")
    assert sorted(set(reads)) == ["dem", "margin", "rep"]


def test_a_head_is_the_rows_it_was_given_though_the_caller_changes_them_later() -> None:
    """Read late, a head must still be the sample's: the rows are kept, not the caller's list."""
    rows = [3, None, 5]
    column = with_head(from_python(rows), rows)
    rows[0] = 99
    assert str(column.head) == "(3.0, nan, 5.0)"  # read now, from the rows as they were (NaN for the NULL)
    text = ["07", "12", "ab"]
    assert with_head(from_python(text), text).head == ()  # text with a word is no number column
