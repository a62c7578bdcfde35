"""Scores by SCIE principle and by scope: the same arithmetic as dimensions."""

from __future__ import annotations

import json

from coprod_cli.models import Framework
from coprod_cli.plain import to_data
from coprod_cli.reading.loader import validated
from coprod_cli.report import phrases
from coprod_cli.results import Result
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE, FW, answers, make_framework
from tests.conftest import EXAMPLES, Run

AUTUMN = str(EXAMPLES / "collective-autumn-2026")
TAGS = {"alpha-1": (["equality"], "individual"),
        "alpha-2": (["equality", "reciprocity"], "service"),
        "beta-1": (["diversity"], "service"), "beta-2": ([], "organisation"), "beta-3": ([], None)}


def tagged() -> Framework:
    data = to_data(make_framework({"alpha": 2, "beta": 3}), by_alias=True)
    for dimension in data["dimensions"]:
        for statement in dimension["statements"]:
            statement["principles"], statement["scope"] = TAGS[statement["id"]]
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


def test_the_weakest_principle_is_named() -> None:
    res = scored(tagged(), VALUES)
    not_yet = CATALOGUE.level("not-yet").name
    assert phrases.weakest_lenses(res, CATALOGUE) == (
        "Weakest principle: Equality 1.00 (Descriptive); weakest scope: Individual 0.00 "
        f"({not_yet}).")


def test_a_framework_without_tags_has_no_principles_or_scopes() -> None:
    res = scored(FW, dict.fromkeys(VALUES, "intermediate"))
    assert res.principles == [] and res.scopes == []
    assert phrases.weakest_lenses(res, CATALOGUE) is None


def test_every_format_shows_principles_and_scopes(run: Run) -> None:
    data = json.loads(run("score", AUTUMN, "-f", "json").stdout)
    assert [t["id"] for t in data["principles"]] == ["equality", "diversity", "accessibility",
                                                     "reciprocity"]
    assert [t["id"] for t in data["scopes"]] == ["individual", "service", "organisation"]
    weakest = min(data["principles"], key=lambda t: t["score"])
    for fmt in ("text", "markdown", "html"):
        out = " ".join(run("score", AUTUMN, "-f", fmt).stdout.split())
        assert f"Weakest principle: {weakest['name']} {weakest['score']:.2f}" in out, fmt
    for fmt in ("text", "markdown"):
        out = run("score", AUTUMN, "-f", fmt, "--details").stdout
        assert "By principle and scope" in out and "Reciprocity (principle)" in out, fmt
    assert 'data-principle="equality"' in run("score", AUTUMN, "-f", "html").stdout


def test_the_schema_describes_principles_and_scopes(run: Run) -> None:
    schema = json.loads(run("schema", "result").stdout)
    assert {"principles", "scopes"} <= schema["properties"].keys()
