"""Names of things made of ordinary words are no people, however few (the ``extcsv4`` probe, issue 15).

A school's course table names six courses (``Algebra I``, ``Geometry``, ``US History``) under ``course_name``;
the name hint and the capitalised values agreed on PERSON_NAME, and the refutations of a hinted name column need
20 distinct values or values repeated over the rows. Every word of them is a dictionary word and none is a given
or family name (:mod:`maskline.infotypes.word_values`): the reading is refuted, and the decision still masks.

Controls: people whose family names are words (Baker, Cook, Hope), names the lists lack, and one person among
the words keep the type. Values are drawn by seeded generators; none comes from the probe's files or the
benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

SUBJECTS = ("Algebra", "Geometry", "Biology", "Chemistry", "Physics", "Calculus", "Statistics", "Economics",
            "Psychology", "Sociology", "Philosophy", "Astronomy", "Geography", "Literature", "Spanish", "French",
            "World History", "Earth Science", "Creative Writing", "Public Speaking", "Computer Science")
LEVELS = ("", " I", " II", " III")
GIVEN = ("Anna", "Mark", "Luis", "Deborah", "Kenji", "Fatou", "Ivan", "Maria", "Tom", "Priya", "Omar", "Lena")
WORD_SURNAMES = ("Baker", "Cook", "Hope", "Mason", "Carter", "Fisher", "Hill", "Young", "Wood", "King")


def _courses(seed: int) -> list[str]:
    rng = random.Random(seed)
    picked = rng.sample(SUBJECTS, rng.randint(5, 12))
    return [s + rng.choice(LEVELS) for s in picked]


@pytest.mark.parametrize("seed", [2, 19, 303, 4096])
@pytest.mark.parametrize("name", ["course_name", "subject_name", "CourseName", "unit_name"])
def test_courses_made_of_ordinary_words_are_not_people(seed: int, name: str) -> None:
    values = _courses(seed)
    verdict = classify_column(name, values)
    assert verdict.info_type != "PERSON_NAME", verdict.evidence
    # Refuted, not settled: the fail-closed decision still masks the column.
    assert decide_unnamed(load_policy({}), name, verdict).method is not None


@pytest.mark.parametrize("seed", [5, 77])
def test_people_whose_family_names_are_words_stay_people(seed: int) -> None:
    # Control (passes on main too).
    rng = random.Random(seed)
    values = [f"{rng.choice(GIVEN)} {rng.choice(WORD_SURNAMES)}" for _ in range(8)]
    assert classify_column("teacher_name", values).info_type == "PERSON_NAME"


def test_one_person_among_the_words_keeps_the_column_people() -> None:
    # Control: every value must be ordinary words; one name (an instructor listed by mistake) keeps the reading.
    # Under `name` (a person hint and no thing word), the words alone refute it, and the one name restores it.
    values = _courses(8) + ["Deborah Fisher"]
    assert classify_column("name", _courses(8)).info_type is None
    assert classify_column("name", values).info_type == "PERSON_NAME"
    # Under `course_name`, a course's name (a thing word, round extcsv10), the column is not typed, but the
    # fail-closed decision still masks it whole: the name does not pass.
    verdict = classify_column("course_name", values)
    assert verdict.info_type is None and decide_unnamed(load_policy({}), "course_name", verdict).method is not None
