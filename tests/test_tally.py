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


@pytest.mark.parametrize("weighting", ["partnership", "role", "person"])
def test_every_statements_value_at_once_is_each_statements_value(weighting: str) -> None:
    """`statement_values` (the voices split once, for the trend) gives what `statement_value`
    gives statement by statement, for random sets of people of any roles (fixed seed)."""
    import random

    framework = Library.builtin().framework("nef")
    ids = [s.id for s in framework.statements]
    words = ["not-yet", "descriptive", "intermediate", "transformative", "unsure", None]
    lived = {"person-drawing-on-care", "carer"}
    rng = random.Random(29)
    for _ in range(40):
        tally = Tally(framework)
        roles = rng.sample(["carer", "person-drawing-on-care", "manager", "practitioner",
                            "other"], rng.randint(1, 5))
        for _ in range(rng.randint(1, 12)):
            tally.add_ballot(Ballot(rng.choice(roles),
                                    {sid: rng.choice(words) for sid in ids}))
        each = {sid: tally.statement_value(sid, weighting, lived)  # type: ignore[arg-type]
                for sid in ids}
        assert tally.statement_values(ids, weighting, lived) == each  # type: ignore[arg-type]
        assert any(value is not None for value in each.values())
