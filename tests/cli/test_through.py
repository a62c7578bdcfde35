"""`coprod score --through`: one set of answers against several frameworks, in every format,
gated over all of them, protected and remembered as one shared result is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_cli.schemas import SchemaName, schema
from tests.conftest import EXAMPLES, Run

AUTUMN = str(EXAMPLES / "collective-autumn-2026")
ONE = str(EXAMPLES / "nef-descriptive.yaml")


def test_one_set_through_two_frameworks_in_json_says_which_came_through_a_crosswalk(
        run: Run) -> None:
    import jsonschema

    out = run("score", AUTUMN, "--through", "nef,scie", "-f", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    jsonschema.validate(data, schema(SchemaName.results))
    nef, scie = data["results"]
    assert (nef["framework"]["id"], nef["through"]) == ("nef", None)
    assert scie["framework"]["id"] == "scie"
    assert scie["through"]["answered"]["id"] == "nef"
    assert scie["through"]["crosswalk"] == "nef-to-scie"
    assert scie["respondents"] == nef["respondents"] == 17
    uncovered = {u["id"] for u in scie["through"]["not_covered"]}
    assert "culture-values" in uncovered and "structure-decisions" not in uncovered
    assert sum(d["not_covered"] for d in scie["dimensions"]) == len(uncovered)
    statements = {s["id"]: s for s in scie["statements"]}
    assert all(statements[sid]["level"] is None for sid in uncovered)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_says_plainly_which_result_came_through_a_crosswalk(run: Run,
                                                                         fmt: str) -> None:
    out = run("score", AUTUMN, "--through", "scie,nef", "-f", fmt)
    assert out.exit_code == 0, out.output
    text = " ".join(out.stdout.split())
    assert "through the crosswalk nef-to-scie from the answers to nef" in text
    assert "the framework the answers were given to" in text
    assert "Through a crosswalk: these answers were given to NEF" in text
    assert "culture-values" in text  # what scie asks that the answers did not cover, named
    assert text.index("(scie), through the crosswalk") < text.index("(nef), the framework")


def test_text_stays_within_80_columns(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run("score", AUTUMN, "--through", "nef,scie", "--details")
    assert out.exit_code == 0, out.output
    assert max(len(line) for line in out.stdout.splitlines()) <= 80


def test_the_gate_must_be_met_by_every_result(run: Run) -> None:
    met = run("score", AUTUMN, "--through", "nef,scie", "--fail-under", "descriptive")
    assert met.exit_code == 0 and "Gate met by every result." in met.stdout
    missed = run("score", AUTUMN, "--through", "nef,scie", "--fail-under", "intermediate",
                 "-f", "json")
    assert missed.exit_code == 1
    data = json.loads(missed.stdout)
    assert data["gate_met"] is False
    assert [r["gate"]["met"] for r in data["results"]] == [False, True]


def test_one_person_through_a_crosswalk(run: Run) -> None:
    out = run("score", ONE, "--through", "scie", "-f", "json")
    assert out.exit_code == 0, out.output
    [res] = json.loads(out.stdout)["results"]
    assert res["through"]["answered"]["id"] == "nef" and res["respondents"] == 1


@pytest.mark.parametrize(("args", "said"), [
    (["--through", "nosuch"], "unknown framework 'nosuch'"),
    (["--through", ","], "--through needs at least one framework id"),
    (["--through", "scie", "--what-if", "assets-1=not-yet"], "--what-if cannot be used"),
])
def test_what_cannot_be_done_is_one_line_and_exit_2(run: Run, args: list[str],
                                                    said: str) -> None:
    out = run("score", ONE, *args)
    assert out.exit_code == 2
    assert said in out.stderr and "Traceback" not in out.output


def test_a_bad_crosswalk_file_is_placed_at_its_line(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "walk.yaml"
    text = (EXAMPLES.parent / "frameworks" / "crosswalks" / "nef-to-scie.yaml").read_text()
    bad.write_text(text.replace("from: [assets-4]", "from: [assets-44]"))
    out = run("score", ONE, "--through", "scie", "--crosswalk", str(bad))
    assert out.exit_code == 2
    line = next(n for n, found in enumerate(bad.read_text().splitlines(), 1)
                if "assets-44" in found)
    assert f"walk.yaml:{line}:" in out.stderr and "'nef' has no statement 'assets-44'" in out.stderr


def test_a_set_a_person_apart_is_refused_whichever_framework_it_goes_through(
        run: Run, tmp_path: Path) -> None:
    import shutil

    before = tmp_path / "before"
    shutil.copytree(AUTUMN, before)
    (before / "commissioner-01.yaml").unlink()
    first = run("score", str(before), "-f", "json", "-o", str(tmp_path / "nef.json"))
    assert first.exit_code == 0, first.output
    late = run("score", AUTUMN, "--through", "scie", "-f", "json",
               "-o", str(tmp_path / "scie.json"))
    assert late.exit_code == 2
    assert "differ by 1 person" in late.stderr
    again = run("score", str(before), "--through", "nef,scie", "-f", "json",
                "-o", str(tmp_path / "both.json"))
    assert again.exit_code == 0, again.output  # the same people again are written


def test_scie_answers_through_wales_say_what_wales_asks_that_they_do_not_cover(run: Run) -> None:
    """The issue's case: a Welsh body's SCIE answers, reported against the network's five
    principles too. SCIE asks nothing about networks, so that area has no level, and says why."""
    out = run("score", str(EXAMPLES / "scie-intermediate.yaml"), "--through", "wales,scie",
              "--fail-under", "descriptive", "-f", "json")
    assert out.exit_code == 1  # every result must meet the gate; wales has no level
    wales, scie = json.loads(out.stdout)["results"]
    assert wales["through"]["crosswalk"] == "scie-to-wales" and scie["through"] is None
    networks = next(d for d in wales["dimensions"] if d["id"] == "networks")
    assert networks["level"] is None and networks["not_covered"] == networks["statements"]
    assert "nothing in the answers to scie covers" in wales["gate"]["reason"]
    assert scie["gate"]["met"]
