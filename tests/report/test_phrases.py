"""Phrases every format shares: a level by its word and number, a score out of 3."""

from __future__ import annotations

from coprod_cli.reading.loader import Library
from coprod_cli.report.phrases import (
    NOT_CO_PRODUCED,
    UNSURE_AREAS,
    level_name,
    level_number,
    level_phrase,
    score_phrase,
)

CATALOGUE = Library.builtin().catalogue


def test_a_level_is_its_word_and_its_number_never_colour_alone() -> None:
    assert level_phrase(CATALOGUE, "intermediate") == "Intermediate (level 2 of 3)"
    assert level_number("not-yet") == "level 0 of 3"
    assert level_name(CATALOGUE, None) == "no level"


def test_no_level_says_why() -> None:
    assert level_number(None) == UNSURE_AREAS
    assert level_phrase(CATALOGUE, None, NOT_CO_PRODUCED) == f"no level ({NOT_CO_PRODUCED})"


def test_a_score_is_out_of_3_to_two_places() -> None:
    assert score_phrase(1.75) == "1.75 out of 3"
    assert score_phrase(2.0) == "2.00 out of 3"
    assert score_phrase(None) == "no score"


def test_a_piece_of_evidence_is_one_line_shortened_where_long() -> None:
    from coprod_cli.report.phrases import EVIDENCE_SHOWN, evidence_item

    assert evidence_item("Minutes of\nthe  March board") == "Minutes of the March board"
    long = evidence_item("word " * 200)
    assert len(long) <= EVIDENCE_SHOWN and long.endswith("...") and " ..." not in long
    assert evidence_item("x" * 296 + "\\\\\\ tail" * 5).endswith("x...")  # no escape left open
