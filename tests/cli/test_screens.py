"""What the questionnaire shows: each part, statement and its help."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from coprod_cli.cli import screens
from coprod_cli.models import LEVEL_IDS
from coprod_cli.reading.loader import Library
from tests.cli.scripted import levels, lines, saved
from tests.conftest import Run


def test_each_screen_has_the_part_statement_and_four_numbered_levels(
        run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), "--role", "carer",
              input=lines("q")).stdout
    assert "Part 1 of 6: Assets" in out
    assert "This part is about seeing people who use services as equal partners" in out
    assert "In plain words: People who use services plan them with staff, as equals." in out
    for number, name in enumerate(["Not yet co-production", "Descriptive", "Intermediate",
                                   "Transformative"]):
        assert f"{number}  {name}: " in out
    assert "First, who are you answering as?" not in out  # --role was given
    assert saved(answers_file).respondent.role == "carer"


def test_help_explains_the_statement_and_its_jargon(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "2", "?", "q")).stdout
    assert "Help with statement 2 of 28" in out
    assert "Assets are the good things people bring" in out  # the statement's help
    assert "Words that may be new:" in out
    assert "lived experience: " in out
    assert levels(answers_file)["assets-2"] is None  # help is not an answer


def test_plain_uses_the_plain_language_wording(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), "--plain", input=lines("", "q")).stdout
    assert "People who use services plan them with staff, as equals." in out
    assert "take part as equal partners when services are planned" not in out
    assert "--plain" in out  # the command to carry on keeps the plain-language wording
    assert "# People who use services plan them with staff, as equals." in answers_file.read_text()


def test_the_key_names_every_choice_in_one_line_of_a_terminal() -> None:
    key = screens.key(Library.builtin().catalogue).plain
    assert len(key) <= 80 and "\n" not in key
    for number, word in enumerate(["not yet", "descriptive", "intermediate", "transformative"]):
        assert f"{number} {word}" in key
    assert "u unsure" in key


@pytest.mark.parametrize("detail", ["full", "first", "names"])
def test_a_short_screen_shows_less_of_each_level_and_help_shows_it_in_full(
        detail: screens.Detail) -> None:
    from coprod_cli.questionnaire import flow as q

    lib = Library.builtin()
    step = q.steps(lib.framework("nef"))[0]
    shown = _plain(screens.statement_screen(step, lib.catalogue, True, None, detail))
    helped = _plain(screens.help_screen(step, lib.catalogue, True, detail))
    assert step.statement.plain in shown
    rows = [step.statement.row(level, True) for level in LEVEL_IDS]
    for number, level in enumerate(LEVEL_IDS):
        assert f"{number} {lib.catalogue.level(level).name}" in shown
        full, first = rows[number], rows[number].split(". ")[0]
        assert (full in shown) is (detail == "full")
        assert (first in shown) is (detail != "names")
        assert full in (shown if detail == "full" else helped)  # never out of reach
    assert ("Type ? to see each description in full." in shown) is (detail != "full")


def test_fits_measures_the_lines_a_terminal_would_show() -> None:
    from rich.console import Console
    from rich.text import Text

    tall = Console(width=40, height=20, force_terminal=True)
    assert screens.fits(tall, Text("x\n" * 9), Text("y" * 400))  # 9 + 10 lines
    assert not screens.fits(tall, Text("x\n" * 10), Text("y" * 400))  # 10 + 11
    assert screens.fits(Console(width=40, height=2, file=io.StringIO()), Text("x\n" * 99))
    assert screens.prompt(tall) == screens.NARROW_PROMPT and len(screens.NARROW_PROMPT) < 40
    assert screens.prompt(Console(width=80, force_terminal=True)) == screens.PROMPT


def _plain(renderable: object) -> str:
    from rich.console import Console

    out = Console(width=2000, file=io.StringIO(), no_color=True)
    out.print(renderable)
    return " ".join(out.file.getvalue().split())  # type: ignore[attr-defined]
