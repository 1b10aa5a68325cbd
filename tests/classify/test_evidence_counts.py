"""The counts in a refutation's evidence say what they count.

A repetition check (``shape_checks.repeated_labels``, ``few_single_words``, ``category_words``) compares the
distinct values a detector matched with the rows of the whole column holding a value. The evidence used to read
"repeated labels: 1 distinct over 83 rows" for one handle (``jsmith``, in 3 rows) among 80 rows of labels, as if
one value filled 83 rows. It now names each count for what it is: "1 distinct value matched, over 83 rows of the
column holding a value". Checks that count distinct values (``repeated_leads``, ``hex_keys``) say "distinct
values", not "values", where the values repeat over more rows than that.

Controls: the verdicts are those of before (the refutation still fires, nothing is typed), and evidence whose
count was already what it said (a few single words "5 distinct", with no rows) reads as it did.
"""

from __future__ import annotations

from collections.abc import Sequence

from maskline.classify import classify_column

LABELS = ["Order 1", "Order 2", "Ticket 9", "Box 4"]  # 4 labels, none shaped like a handle


def _refuted(name: str, values: Sequence[str | None], **kwargs: int) -> tuple[str | None, list[str]]:
    verdict = classify_column(name, values, **kwargs)
    return verdict.info_type, [e for e in verdict.evidence if e.startswith("refuted:")]


def test_one_matched_handle_among_labels_says_the_column_rows_are_the_columns() -> None:
    # One handle in 3 rows, 80 rows of labels: 83 rows hold a value, the matched value fills 3 of them.
    info_type, refuted = _refuted("username", ["jsmith"] * 3 + LABELS * 20)
    assert info_type is None  # the verdict is the one of before: the handle reading is refuted
    assert refuted == ["refuted:username (repeated labels: 1 distinct value matched, over 83 rows of the column "
                       "holding a value)"]


def test_empty_rows_are_not_counted_among_the_rows_holding_a_value() -> None:
    # The control on the count: 30 empty rows more leave the rows holding a value at 83.
    info_type, refuted = _refuted("username", ["jsmith"] * 3 + LABELS * 20 + [None] * 30)
    assert info_type is None
    assert any("over 83 rows of the column holding a value" in e for e in refuted), refuted


def test_category_words_name_both_counts() -> None:
    info_type, refuted = _refuted("name", ["Yes", "No"] * 50)
    assert info_type is None
    assert ("refuted:person_name (category words: 2 distinct values matched, over 100 rows of the column holding "
            "a value, every one ordinary words and no name)") in refuted


def test_sparse_single_words_name_both_counts() -> None:
    storms = ["Audrey", "Harvey", "Maria", "Gloria", "Ida", "Opal", "Allen", "Hazel", "Bob", "Laura", "Agnes",
              "Carol", "Floyd", "Hugo", "Irma"]
    from maskline.infotypes.shape_checks import few_single_words

    assert few_single_words(storms, 29) == ("few single words: 15 distinct values matched, over 29 rows of the "
                                            "column holding a value, from about 19: a category rather than names")


def test_distinct_values_repeated_over_more_rows_are_called_distinct() -> None:
    # 20 distinct addresses over 60 rows: the 20 counted are distinct values, not the column's values.
    _, refuted = _refuted("address", [f"Zone {i % 4}, {200 + i % 20} Oslo" for i in range(60)])
    assert ("refuted:street_address (labels, not streets: 1 distinct words before the numbers of 20 distinct "
            "values)") in refuted, refuted


def test_hex_keys_count_distinct_values() -> None:
    from maskline.infotypes.shape_checks import hex_keys

    keys = ["88F7B33d2bcf9f5", "f90cD3E76f1A9b9", "C1e7DbAd14a0B3f", "a2E4b6C8d0F1e3D", "Bb19c2E5f7A0d4C",
            "e0D3f6A9c2B5e8F", "D7a1C4e8B2f5A9c", "c5B8e1F4a7D0b3E"]
    assert hex_keys(keys * 3) == ("hex keys: 100% of 8 distinct values are hexadecimal of width 15, letters and "
                                  "digits mixed")


def test_evidence_without_a_row_count_reads_as_before() -> None:
    # Control: five colours over 200 rows repeat twice each or more; the evidence names no rows and is unchanged.
    info_type, refuted = _refuted("c3", ["Rose", "Ruby", "Olive", "Amber", "Jade"] * 40)
    assert info_type is None
    assert refuted == ["refuted:person_name (few single words: 5 distinct, a category rather than names)"]


def test_handles_of_people_are_still_not_refuted() -> None:
    # Control: distinct handles, each in one row, are no repeated labels (the check still tells them apart).
    handles = ["deborah47", "anna.lee", "mark_diaz", "jsmith", "kholland", "luis_m", "ghensley", "samuel88",
               "tina.r", "olaf_k", "mia2001", "pbrandt"]
    info_type, refuted = _refuted("username", handles)
    assert info_type == "USERNAME"
    assert not any("repeated labels" in e for e in refuted), refuted


def test_a_sample_counts_the_tables_rows_holding_a_value() -> None:
    # The 83 values sampled from a table of 830 rows stand for 830 rows holding a value: the count says so.
    info_type, refuted = _refuted("username", ["jsmith"] * 3 + LABELS * 20, table_rows=830)
    assert info_type is None
    assert any("1 distinct value matched, over 830 rows of the column holding a value" in e for e in refuted), refuted
