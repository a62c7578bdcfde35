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


def test_staff_only_is_left_aside_when_people_with_lived_experience_answered() -> None:
    """Said as a warning and scored as co-production (it once raised inside score)."""
    res = collective([everyone("intermediate", "manager"), everyone("intermediate", "carer"),
                      everyone("intermediate", "carer")], staff_only=True)
    assert res.level == "intermediate" and not res.staff_only
    assert any("--staff-only was left aside" in w for w in res.warnings)


def test_where_the_voices_are_apart_is_said_in_words() -> None:
    from coprod_cli.scoring.findings import _where
    from tests.builders import FW

    assert _where(FW, ["alpha", "beta"], True) == "the service as a whole and every area"
    assert _where(FW, ["alpha"], True) == "the service as a whole and Alpha"
    assert _where(FW, [], True) == "the service as a whole"
    assert _where(FW, ["beta"], False) == "Beta"


def test_the_plain_headline_says_when_only_the_weakest_area_is_at_the_level() -> None:
    from tests.builders import CATALOGUE, result_for

    plain = CATALOGUE.level("descriptive").plain
    one_low = result_for({"alpha-1": "descriptive", "alpha-2": "descriptive",
                          "beta-1": "intermediate", "beta-2": "intermediate",
                          "beta-3": "transformative"})
    assert one_low.plain_headline == f"{plain} Alpha is here; the other areas are higher."
    both = result_for({sid: "descriptive" for sid in ("alpha-1", "alpha-2", "beta-1",
                                                      "beta-2", "beta-3")})
    assert both.plain_headline == plain  # every area is at the level: nothing to add
    unsure = result_for({"alpha-1": "unsure", "alpha-2": "unsure", "beta-1": "descriptive",
                         "beta-2": "descriptive", "beta-3": "descriptive"})
    assert unsure.level is None and unsure.plain_headline is None


def test_two_areas_at_the_level_are_both_named() -> None:
    from coprod_cli.scoring.findings import plain_headline
    from tests.builders import CATALOGUE, make_framework, result_for

    fw = make_framework({"alpha": 1, "beta": 1, "gamma": 1})
    res = result_for({"alpha-1": "not-yet", "beta-1": "not-yet", "gamma-1": "intermediate"},
                     framework=fw)
    assert res.plain_headline and res.plain_headline.endswith(
        " Alpha and Beta are here; the other areas are higher.")
    assert plain_headline(fw, CATALOGUE, res.level, res.dimensions) == res.plain_headline
