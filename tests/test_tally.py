"""Answers counted as they arrive, one respondent at a time."""

from __future__ import annotations

import pytest

from coprod_cli.errors import IncompleteAnswers
from coprod_cli.reading.loader import Library
from coprod_cli.tally import Ballot, Tally


def test_a_statement_left_unanswered_counts_as_unsure_and_is_named() -> None:
    """A questionnaire stopped half way: its blanks count as unsure and the respondent is
    named once with what they left; with --strict (`refuse_partial`) it is an error."""
    framework = Library.builtin().framework("nef")
    ids = [s.id for s in framework.statements]
    levels: dict[str, str | None] = dict.fromkeys(ids, "descriptive")
    levels[ids[0]] = None
    del levels[ids[1]]
    ballot = Ballot("carer", levels)
    tally = Tally(framework)
    tally.add_ballot(ballot, "half.yaml")
    assert tally.partial_count == 1 and tally.unanswered == 2
    assert tally.partial[0][1] == (ids[0], ids[1])
    assert tally.unsure_answers == 2 and tally.answered("carer", ids[0]) == 0
    assert tally.answered("carer", ids[2]) == 1
    assert ballot.levels[ids[0]] is None and ids[1] not in ballot.levels  # kept as read
    with pytest.raises(IncompleteAnswers):
        Tally(framework, refuse_partial=True).add_ballot(ballot, "half.yaml")


def test_a_statement_does_not_apply_anywhere_only_when_everyone_said_so() -> None:
    framework = Library.builtin().framework("nef")
    ids = [s.id for s in framework.statements]
    tally = Tally(framework)
    for role in ("carer", "manager"):
        tally.add_ballot(Ballot(role, {**dict.fromkeys(ids, "intermediate"),
                                       ids[0]: "does-not-apply", ids[1]: "does-not-apply"}))
    tally.add_ballot(Ballot("carer", {**dict.fromkeys(ids, "intermediate"),
                                      ids[0]: "does-not-apply", ids[1]: "unsure"}))
    assert tally.not_applying_anywhere() == {ids[0]}
    assert tally.not_applying[ids[1]] == 2
