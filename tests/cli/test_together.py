"""workshop, feedback and score --agreed from the command line: the walk-through a lead
follows with the collective example, each step's file valid for the next."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests import welsh
from tests.conftest import EXAMPLES, Run

TEAM = str(EXAMPLES / "collective-autumn-2026")
FORMATS = ("text", "json", "markdown", "html")


def _agreed(run: Run, folder: Path) -> Path:
    """What a group writes after the workshop: two levels, a dissent, the sign-off."""
    path = folder / "agreed.yaml"
    made = run("workshop", TEAM, "--record", "-o", str(path))
    assert made.exit_code == 0, made.stderr
    text = path.read_text()
    first, second = [line.strip().rstrip(":") for line in text.splitlines()
                     if line.startswith("  ") and line.rstrip().endswith(":")
                     and not line.lstrip().startswith("#")][:2]
    text = text.replace(f"  {first}:\n", f"  {first}:\n    level: intermediate\n    dissent:\n"
                        "      - voice: lived-experience\n        words: \"Only when we ask.\"\n")
    text = text.replace(f"  {second}:\n", f"  {second}: 0\n")
    path.write_text(text + "signoff:\n  reviewed_by: 4\n  reviewed_on: 2026-12-03\n")
    return path


def test_workshop_cards_in_every_format(run: Run, tmp_path: Path) -> None:
    data = json.loads(run("workshop", TEAM, "-f", "json").stdout)
    assert 1 <= len(data["cards"]) <= 6 and data["respondents"] == 17
    assert all(card["apart"] and card["questions"] for card in data["cards"])
    markdown = run("workshop", TEAM, "-f", "markdown", "--cards", "2").stdout
    assert markdown.count("## Card ") == 2
    page = run("workshop", TEAM, "-o", str(tmp_path / "cards.html"))
    assert page.exit_code == 0 and "class=\"card\"" in (tmp_path / "cards.html").read_text()


@pytest.mark.parametrize("fmt", FORMATS)
def test_score_shows_the_agreed_levels_and_the_sign_off_first(run: Run, tmp_path: Path,
                                                              fmt: str) -> None:
    agreed = _agreed(run, tmp_path)
    out = run("score", TEAM, "--agreed", str(agreed), "-f", fmt)
    assert out.exit_code == 0, out.stderr
    if fmt == "json":
        data = json.loads(out.stdout)
        assert data["review"]["line"] == ("Reviewed by 4 people with lived experience on "
                                          "3 December 2026")
        statements = data["agreement"]["statements"]
        assert [s["agreed_level"] for s in statements] == ["intermediate", "not-yet"]
        assert statements[0]["dissent"] == [{"voice": "lived-experience",
                                             "words": "Only when we ask."}]
        return
    words = " ".join(out.stdout.split())
    first_page = words.split("Areas")[0] if fmt == "text" else words
    assert "Reviewed by 4 people with lived experience on 3 December 2026" in first_page
    assert "Only when we ask." in words and "agreed Not yet co-production" in words


def test_every_report_says_when_nobody_with_lived_experience_reviewed_it(run: Run) -> None:
    for fmt in FORMATS:
        assert "Not reviewed by people with lived experience" in run(
            "score", TEAM, "-f", fmt).stdout


def test_feedback_is_one_plain_page_with_the_agreement(run: Run, tmp_path: Path) -> None:
    agreed = _agreed(run, tmp_path)
    out = run("feedback", TEAM, "--agreed", str(agreed), "--next-round", "in March 2027",
              "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    for heading in ("## You said", "## We agreed", "## We will", "## When we will ask again"):
        assert heading in out.stdout
    assert "in March 2027" in out.stdout and "Reviewed by 4 people" in out.stdout
    assert "Commissioner" not in out.stdout  # one commissioner answered: never shown alone


def test_mistakes_are_one_line_and_exit_2(run: Run, tmp_path: Path) -> None:
    agreed = _agreed(run, tmp_path)
    again = run("workshop", TEAM, "--record", "-o", str(agreed))
    assert again.exit_code == 2 and "would replace" in again.stderr
    scie = tmp_path / "scie.yaml"
    scie.write_text("framework: scie\nagreed: {}\n")
    other = run("score", TEAM, "--agreed", str(scie))
    assert other.exit_code == 2 and "'scie'" in other.stderr
    answers = run("score", TEAM, "--agreed", str(EXAMPLES / "nef-descriptive.yaml"))
    assert answers.exit_code == 2 and "not an agreed.yaml" in answers.stderr
    as_data = run("feedback", TEAM, "-f", "json")
    assert as_data.exit_code == 2 and "not one of html, markdown" in as_data.stderr
    shown = next(line for line in run("feedback", "--help").stdout.splitlines()
                 if "--format" in line)  # click writes the choices <a|b> or [a|b]
    assert "html|markdown" in shown and "json" not in shown
    over = run("score", TEAM, "--agreed", str(agreed), "-o", str(agreed))
    assert over.exit_code == 2 and agreed.read_text().endswith("2026-12-03\n")
    for result in (again, other, answers, over):
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_feedback_names_who_leads_each_planned_move(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    assert run("plan", TEAM, "-o", str(plan)).exit_code == 0
    plan.write_text(plan.read_text().replace("owner: manager", "owner: practitioner", 1))
    out = run("feedback", TEAM, "--plan", str(plan), "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    will = out.stdout.split("## We will")[1].split("## When")[0]
    assert "Led by a practitioner with a person who draws on care and support" in will
    assert "to be agreed" not in will


@pytest.mark.parametrize("command", ["workshop", "feedback"])
def test_a_pack_one_person_apart_from_one_shared_before_is_refused(run: Run, tmp_path: Path,
                                                                   command: str) -> None:
    """The cards' unsure counts and the sheet's words, set beside an earlier pack of all but
    one person, would tell what that person answered: as for every shared result."""
    import shutil

    fewer = tmp_path / "fewer"
    shutil.copytree(TEAM, fewer)
    sorted(fewer.glob("*.yaml"))[-1].unlink()
    first = run(command, str(fewer), "-f", "markdown", "-o", str(tmp_path / "first.md"))
    assert first.exit_code == 0, first.stderr
    second = run(command, TEAM, "-f", "markdown", "-o", str(tmp_path / "second.md"))
    assert second.exit_code == 2 and "differ by 1 person" in second.stderr
    assert not (tmp_path / "second.md").exists()


def test_an_agreed_yaml_or_a_plan_among_the_answers_is_named_for_what_it_is(
        run: Run, tmp_path: Path) -> None:
    """Kept beside the answers, they are not read as a broken answers file."""
    team = tmp_path / "team"
    shutil.copytree(TEAM, team)
    assert run("workshop", TEAM, "--record", "-o", str(tmp_path / "agreed.yaml")).exit_code == 0
    assert run("plan", TEAM, "-o", str(tmp_path / "plan.yaml")).exit_code == 0
    for name, option in (("agreed.yaml", "--agreed FILE"), ("plan.yaml", "--plan FILE")):
        shutil.copy(tmp_path / name, team / name)
        out = run("score", str(team))
        assert out.exit_code == 2 and out.stderr.count("\n") == 1
        assert f"{team / name}:1:1: this is " in out.stderr and "not an answers file" in out.stderr
        assert f"give it with {option}" in out.stderr
        (team / name).unlink()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_welsh_workshop_cards_have_no_english_words_of_coprods_own(run: Run, fmt: str) -> None:
    out = run("workshop", TEAM, "--lang", "cy", "-f", fmt)
    assert out.exit_code == 0, out.stderr
    shown = welsh.normal(out.stdout)
    for words in ("Cerdyn 1", "Pa mor bell ar wahân", "Cwestiynau i'w trafod",
                  "Beth fyddai'n rhaid ei newid", "Nid yw'r testun Cymraeg hwn"):
        assert words in shown
    source = "report/packs.py" if fmt == "markdown" else "report/templates/workshop.html.j2"
    assert welsh.english_left(out.stdout, source, "scoring/workshop.py") == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_welsh_feedback_sheet_has_no_english_words_of_coprods_own(
        run: Run, tmp_path: Path, fmt: str) -> None:
    agreed = _agreed(run, tmp_path)
    plan = tmp_path / "plan.yaml"
    assert run("plan", TEAM, "-o", str(plan)).exit_code == 0
    out = run("feedback", TEAM, "--agreed", str(agreed), "--plan", str(plan), "--lang", "cy",
              "--next-round", "ym mis Mawrth 2027", "-f", fmt)
    assert out.exit_code == 0, out.stderr
    shown = welsh.normal(out.stdout)
    for words in ("Dywedoch chi", "Fe wnaethom gytuno", "Byddwn ni", "Dan arweiniad",
                  "Pryd y byddwn yn gofyn eto", "Nid yw'r testun Cymraeg hwn"):
        assert words in shown
    assert "Mae'r ddau lais yn ei weld o fewn lefel" not in shown  # as English leaves it out
    sources = ["report/packs.py"] + (
        ["report/templates/feedback.html.j2"] if fmt == "html" else [])
    assert welsh.english_left(out.stdout, *sources) == []


def test_a_welsh_agreed_file_has_welsh_notes_and_still_reads(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "agreed.yaml"
    assert run("workshop", TEAM, "--record", "--lang", "cy", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "# Beth gytunodd y grŵp yn y gweithdy" in text and "diwrnod y gweithdy" in text
    assert welsh.english_left(text, "questionnaire/agreed_file.py") == []
    out = run("score", TEAM, "--agreed", str(path), "-f", "json")
    assert out.exit_code == 0, out.stderr
