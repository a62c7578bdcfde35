"""Scores by SCIE principle, by scope and by activity: the same arithmetic as dimensions."""

from __future__ import annotations

import json

from coprod_cli.models import Framework
from coprod_cli.plain import to_data
from coprod_cli.reading.loader import validated
from coprod_cli.report import lenswords
from coprod_cli.results import Result
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE, FW, answers, make_framework
from tests.conftest import EXAMPLES, Run

AUTUMN = str(EXAMPLES / "collective-autumn-2026")
TAGS = {"alpha-1": (["equality"], "individual"),
        "alpha-2": (["equality", "reciprocity"], "service"),
        "beta-1": (["diversity"], "service"), "beta-2": ([], "organisation"), "beta-3": ([], None)}
ACTIVITIES = {"alpha-1": ["co-design"], "alpha-2": ["co-design", "co-decision-making"],
              "beta-1": ["co-delivery"], "beta-2": [], "beta-3": ["co-decision-making"]}


def tagged() -> Framework:
    data = to_data(make_framework({"alpha": 2, "beta": 3}), by_alias=True)
    for dimension in data["dimensions"]:
        for statement in dimension["statements"]:
            statement["principles"], statement["scope"] = TAGS[statement["id"]]
            statement["activities"] = ACTIVITIES[statement["id"]]
    return validated(Framework, data)


def scored(framework: Framework, values: dict[str, str]) -> Result:
    tally = Tally(framework)
    tally.add(answers(values))
    return score(framework, CATALOGUE, tally)


VALUES = {"alpha-1": "not-yet", "alpha-2": "intermediate", "beta-1": "transformative",
          "beta-2": "unsure", "beta-3": "descriptive"}


def test_a_principle_is_the_mean_of_its_statements_and_its_level_the_one_at_or_below() -> None:
    res = scored(tagged(), VALUES)
    principles = {t.id: (t.score, t.level, t.answered) for t in res.principles}
    assert principles == {"equality": (1.0, "descriptive", 2),
                          "diversity": (3.0, "transformative", 1),
                          "reciprocity": (2.0, "intermediate", 1)}
    assert [t.id for t in res.principles] == ["equality", "diversity", "reciprocity"]


def test_a_scope_with_only_unsure_answers_has_no_level() -> None:
    res = scored(tagged(), VALUES)
    scopes = {t.id: (t.score, t.level) for t in res.scopes}
    assert scopes == {"individual": (0.0, "not-yet"), "service": (2.5, "intermediate"),
                      "organisation": (None, None)}


def test_an_activity_is_scored_as_a_principle_is_scies_four_first() -> None:
    res = scored(tagged(), VALUES)
    activities = {t.id: (t.score, t.level, t.answered, t.statements) for t in res.activities}
    # co-decision-making on resources: intermediate (2) and descriptive (1), median 1.5.
    assert activities == {"co-design": (1.0, "descriptive", 2, 2),
                          "co-decision-making": (1.5, "descriptive", 2, 2),
                          "co-delivery": (3.0, "transformative", 1, 1)}
    assert [t.id for t in res.activities] == ["co-design", "co-decision-making", "co-delivery"]
    assert res.activities[1].name == "Co-decision-making on resources"


def test_a_framework_without_tags_has_no_principles_or_scopes() -> None:
    res = scored(FW, dict.fromkeys(VALUES, "intermediate"))
    assert res.principles == [] and res.scopes == [] and res.activities == []
    assert lenswords.weakest_lenses(res, CATALOGUE) is None


def test_every_format_shows_principles_and_scopes(run: Run) -> None:
    data = json.loads(run("score", AUTUMN, "-f", "json").stdout)
    assert [t["id"] for t in data["principles"]] == ["equality", "diversity", "accessibility",
                                                     "reciprocity"]
    assert [t["id"] for t in data["scopes"]] == ["individual", "service", "organisation"]
    assert [t["id"] for t in data["activities"]][:4] == [
        "co-design", "co-decision-making", "co-delivery", "co-evaluation"]
    weakest = min(data["principles"], key=lambda t: t["score"])
    for fmt in ("text", "markdown", "html"):
        out = " ".join(run("score", AUTUMN, "-f", fmt).stdout.split())
        assert f"Weakest principle: {weakest['name']} {weakest['score']:.2f}" in out, fmt
    for fmt in ("text", "markdown"):
        out = run("score", AUTUMN, "-f", fmt, "--details").stdout
        assert "By principle, scope and activity" in out and "Reciprocity (principle)" in out
        assert "Co-decision-making on resources (activity)" in " ".join(out.split()), fmt
    html = run("score", AUTUMN, "-f", "html").stdout
    assert 'data-principle="equality"' in html and 'data-activity="co-decision-making"' in html


def test_the_schema_describes_principles_and_scopes(run: Run) -> None:
    schema = json.loads(run("schema", "result").stdout)
    assert {"principles", "scopes", "activities"} <= schema["properties"].keys()
