"""--what-if: statements scored as if at chosen levels, and what changed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, Run


def test_what_if_scores_as_if_and_says_what_changes(run: Run) -> None:
    """For one respondent, the quickest route tried with --what-if reaches its target."""
    before = json.loads(run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f",
                            "json").stdout)
    route = [f"{s['statement']}={s['to_level']}" for s in before["next_steps"]]
    args = [a for item in route for a in ("--what-if", item)]
    after = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f", "json", *args)
    res = json.loads(after.stdout)
    assert res["level"] == before["target"]
    assert res["what_if"]["before_level"] == before["level"]
    assert res["what_if"]["level_direction"] == "up"
    assert {d["id"] for d in res["what_if"]["dimensions"]} == \
        {s["dimension"] for s in before["next_steps"]}
    text = " ".join(run("score", str(EXAMPLES / "nef-descriptive.yaml"), *args).stdout.split())
    assert "WHAT IF" in text and "overall level goes up" in text


@pytest.mark.parametrize(("item", "says"), [
    ("networks-9=2", "'networks-9' is not a statement of 'nef' (did you mean"),
    ("networks-2=great", "'great' is not a level"),
    ("networks-2=unsure", "'unsure' is not a level"),
    ("networks-2", "is not ID=LEVEL"),
])
def test_what_if_with_a_bad_id_or_level_is_one_line_and_exit_2(run: Run, item: str,
                                                               says: str) -> None:
    out = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--what-if", item)
    assert out.exit_code == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and says in out.stderr


def test_what_if_one_statement_at_two_levels_is_refused(run: Run) -> None:
    """The same statement at two levels is a usage error, not the last one silently winning."""
    path = str(EXAMPLES / "nef-descriptive.yaml")
    same = run("score", path, "--what-if", "networks-1=2", "--what-if", "networks-1=intermediate")
    assert same.exit_code == 0
    out = run("score", path, "--what-if", "networks-1=2", "--what-if", "networks-1=3")
    assert out.exit_code == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1
    assert "networks-1 is given twice, at intermediate and transformative" in out.stderr
