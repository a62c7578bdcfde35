"""What a result says first: not co-produced, voices a whole level apart, areas one voice rated."""

from __future__ import annotations

from tests.scoring.test_collective import IDS, collective, everyone


def test_a_gap_of_a_whole_level_is_a_finding_shown_first() -> None:
    near = {sid: "intermediate" for sid in IDS}
    far = {**near, "alpha-1": "not-yet", "alpha-2": "not-yet", "beta-1": "descriptive"}
    res = collective([{"values": near, "role": "manager"}] * 2
                     + [{"values": far, "role": "carer"}] * 2)
    assert [(g.dimension, g.finding) for g in res.gaps] == [("alpha", True), ("beta", False)]
    alpha = res.gaps[0]
    assert (alpha.highest, alpha.lowest, alpha.gap) == ("manager", "carer", 2.0)
    assert (alpha.highest_score, alpha.lowest_score) == (2.0, 0.0)


def test_nobody_with_lived_experience_means_not_co_produced() -> None:
    res = collective([everyone("intermediate", "manager")] * 3, fail_under="descriptive")
    assert res.level is None and res.gate is not None and not res.gate.met
    assert res.gate.reason and "lived experience" in res.gate.reason
    assert any("this assessment was not co-produced" in f for f in res.findings)
    staff = collective([everyone("intermediate", "manager")] * 3, staff_only=True)
    assert staff.level == "intermediate" and staff.staff_only
    assert any("Staff self-check" in f for f in staff.findings)
    res = collective([everyone("intermediate", "manager"), everyone("intermediate", "carer"),
                      everyone("intermediate", "carer")])
    assert res.level == "intermediate"
    assert not any("not co-produced" in f for f in res.findings)
    unnamed = collective([everyone("intermediate", None)] * 2)
    assert unnamed.level == "intermediate"  # nobody said who they are: it could be anyone


def test_where_the_voices_are_apart_is_said_in_words() -> None:
    from coprod_cli.scoring.findings import _where
    from tests.builders import FW

    assert _where(FW, ["alpha", "beta"], True) == "the service as a whole and every area"
    assert _where(FW, ["alpha"], True) == "the service as a whole and Alpha"
    assert _where(FW, [], True) == "the service as a whole"
    assert _where(FW, ["beta"], False) == "Beta"
