"""A respondent as scoring needs them: a ballot, carried through a framework's map."""

from __future__ import annotations

from coprod_cli.ballots import Ballot, through_map
from coprod_cli.reading.loader import Library


def test_a_ballot_of_an_earlier_version_is_carried_to_the_new_ids() -> None:
    """nef 2.0.0's mutuality-4 became mutuality-5 and -6: the answer, evidence and reason go
    to both, and every statement of the new version has an answer."""
    nef = Library.builtin().framework("nef")
    start = nef.migrations[0]
    levels: dict[str, str | None] = dict.fromkeys(start.statements, "descriptive")
    levels["mutuality-4"] = "intermediate"
    ballot = Ballot("carer", levels, evidence=(("mutuality-4", "minutes"),),
                    reasons=(("mutuality-4", "not run here"),))
    carried = through_map(ballot, start, nef.migrations)
    assert carried.levels["mutuality-5"] == carried.levels["mutuality-6"] == "intermediate"
    assert "mutuality-4" not in carried.levels and carried.carried is not None
    assert set(carried.levels) == {s.id for s in nef.statements}
    assert dict(carried.evidence) == {"mutuality-5": "minutes", "mutuality-6": "minutes"}
    assert dict(carried.reasons) == {"mutuality-5": "not run here", "mutuality-6": "not run here"}
    assert carried.role == "carer" and ballot.levels["mutuality-4"] == "intermediate"


def test_a_ballot_without_evidence_or_reasons_is_carried_with_none() -> None:
    """The same levels and record of the carry as a ballot that has them, and no evidence or
    reason made up for the new statements."""
    nef = Library.builtin().framework("nef")
    start = nef.migrations[0]
    levels: dict[str, str | None] = dict.fromkeys(start.statements, "descriptive")
    levels["mutuality-4"] = "intermediate"
    bare = through_map(Ballot("carer", levels), start, nef.migrations)
    full = through_map(Ballot("carer", levels, evidence=(("mutuality-4", "minutes"),)),
                       start, nef.migrations)
    assert bare.levels == full.levels and bare.carried == full.carried
    assert bare.evidence == () and bare.reasons == ()


def test_ballots_laid_out_alike_are_carried_as_each_would_be_alone() -> None:
    """Ballots with every answer given are carried by where each id's answer comes from,
    worked out once per layout: the same levels and carry as `carry` gives each ballot, in
    the same order, through one step or two, for random ids, orders and answers (fixed seed)."""
    import random

    from coprod_cli.versions import carry
    from tests.test_versions import migrations

    steps = migrations()
    rng = random.Random(29)
    words = ["not-yet", "descriptive", "intermediate", "transformative", "unsure"]
    for _ in range(400):
        start = rng.choice(steps)
        ids = rng.sample(list(start.statements), rng.randint(1, len(start.statements)))
        ballot = Ballot("carer", {sid: rng.choice(words) for sid in ids})
        levels, carried = carry(ballot.levels, start, steps)
        levels |= dict.fromkeys(carried.no_answer_yet, "unsure")
        found = through_map(ballot, start, steps)
        assert list(found.levels.items()) == list(levels.items())
        assert found.carried == carried and found.evidence == () and found.reasons == ()
