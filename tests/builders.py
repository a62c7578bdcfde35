"""Small hand-built frameworks, answers and results for tests."""

from __future__ import annotations

from typing import Any

from coprod_cli.answers import Answers
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework
from coprod_cli.reading.loader import Library, validated
from coprod_cli.results import Result
from coprod_cli.scoring.engine import Tally, score

CATALOGUE: Catalogue = Library.builtin().catalogue


def make_framework(shape: dict[str, int]) -> Framework:
    """A framework with dimensions of the given sizes; statement ids are 'dim-1', 'dim-2'..."""
    recs = ["culture-1", "practice-2", "review-1", "structure-3"]
    rubric = {level: f"what {level} looks like" for level in LEVEL_IDS}
    dimensions = [
        {"id": dim, "name": dim.title(), "text": "t", "plain": "p",
         "statements": [{"id": f"{dim}-{i}", "text": f"{dim} statement {i}", "plain": "p",
                         "levels": rubric, "recommendations": [recs[i % len(recs)]]}
                        for i in range(1, size + 1)]}
        for dim, size in shape.items()
    ]
    return validated(Framework, {
        "id": "test", "name": "Test", "version": "1", "text": "t", "plain": "p",
        "source": {"title": "t", "author": "a", "year": 2026}, "credit": "c",
        "dimensions": dimensions})


FW = make_framework({"alpha": 2, "beta": 3})


def answers(values: dict[str, Any], role: str | None = None, **extra: Any) -> Answers:
    return validated(Answers, {"framework": "test", "respondent": {"role": role},
                               "answers": values, **extra})


def result_for(values: dict[str, Any], framework: Framework = FW, **options: Any) -> Result:
    tally = Tally(framework)
    tally.add(answers(values))
    return score(framework, CATALOGUE, tally, **options)
