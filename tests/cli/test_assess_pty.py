"""The questionnaire end to end in a real pseudo-terminal, as a person would use it."""

from __future__ import annotations

import io
import os
import re
import signal
import sys
from pathlib import Path

import pytest

from coprod_cli.reading.loader import Document, Library
from tests.conftest import as_from_a_terminal

pexpect = pytest.importorskip("pexpect")
pytestmark = [pytest.mark.pty,
              pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a pty")]

PROMPT = "Answer 0-3, u unsure, n does not apply, ? help, e evidence, b back, q stop: "
ROLE_PROMPT = "Your role (1-7, or Enter to skip): "
LIMIT = 30  # seconds: only so a hang fails the test instead of stalling CI


def spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "coprod_cli", "assess", *args], env=env,
                          encoding="utf-8", timeout=LIMIT, dimensions=(40, 100),
                          preexec_fn=as_from_a_terminal)
    child.logfile_read = io.StringIO()  # everything shown, to check for colour afterwards
    return child


def overall(child: pexpect.spawn, level: str) -> None:
    """The overall level, which may be bold (bold is not colour, so NO_COLOR keeps it)."""
    child.expect(r"Overall level: (\x1b\[[0-9;]*m)*" + level)


def colours(child: pexpect.spawn) -> list[str]:
    """Escape codes that set a foreground or background colour."""
    return re.findall(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7])(?:;[0-9;]*)?m",
                      child.logfile_read.getvalue())


def answer(child: pexpect.spawn, reply: str) -> None:
    child.expect_exact(PROMPT)
    child.sendline(reply)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else -1)


def levels(path: Path) -> list[str | None]:
    answers = Library.builtin().answers(Document.read(path))[0].answers
    return [a.level if a else None for a in answers.values()]


def test_answer_everything_using_help_back_and_unsure(tmp_path: Path) -> None:
    path = tmp_path / "sam.yaml"
    child = spawn("nef", "-o", str(path))
    child.expect_exact("First, who are you answering as?")
    child.expect_exact(ROLE_PROMPT)
    child.sendline("2")
    child.expect_exact("Statement 1 of 28 (Assets)")
    answer(child, "?")
    child.expect_exact("Help with statement 1 of 28")
    answer(child, "2")
    child.expect_exact("Saved: 2 Intermediate. (1 of 28 answered)")
    child.expect_exact("Statement 2 of 28")
    answer(child, "b")
    child.expect_exact("Statement 1 of 28")
    child.expect_exact("Current answer: 2 Intermediate.")
    answer(child, "3")
    child.expect_exact("Statement 2 of 28")
    answer(child, "u")
    child.expect_exact("Saved: unsure.")
    for _ in range(26):
        answer(child, "1")
    child.expect_exact("All 28 statements answered.")
    overall(child, "DESCRIPTIVE")
    child.expect_exact(f"coprod score {path}")
    assert finish(child) == 0
    assert colours(child) == []  # NO_COLOR is respected
    assert levels(path) == ["transformative", "unsure", *["descriptive"] * 26]


def test_the_wales_framework_answered_as_a_group_end_to_end(tmp_path: Path) -> None:
    """The network's fifteen statements, three for each of its five principles: help shows the
    evidence a team could show, and the answers save and score."""
    path = tmp_path / "group.yaml"
    child = spawn("wales", "-o", str(path))
    child.expect_exact(ROLE_PROMPT)
    child.sendline("")
    child.expect_exact("Statement 1 of 15 (Valuing people and their strengths)")
    answer(child, "?")
    child.expect_exact("Evidence a team could show, for example:")
    child.expect_exact("- A record of the skills and interests people offer")
    for reply in "221210211021112":
        answer(child, reply)
    child.expect_exact("All 15 statements answered.")
    overall(child, "DESCRIPTIVE")
    assert finish(child) == 0
    words = ["not-yet", "descriptive", "intermediate"]
    assert levels(path) == [words[int(reply)] for reply in "221210211021112"]


def test_ctrl_c_half_way_keeps_every_answer_then_resume_and_finish(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    child = spawn("nef", "-o", str(path), "--role", "carer")
    for _ in range(12):
        answer(child, "2")
    child.expect_exact("Statement 13 of 28")
    child.expect_exact(PROMPT)
    child.sendintr()
    child.expect_exact("Interrupted. 12 of 28 answered")
    child.expect_exact(f"coprod assess -o {path}")
    assert finish(child) == 130
    assert levels(path) == ["intermediate"] * 12 + [None] * 16

    child = spawn("-o", str(path))
    child.expect_exact("Resuming: 12 of 28 answered. Carrying on at statement 13.")
    child.expect_exact("Statement 13 of 28")
    for _ in range(16):
        answer(child, "3")
    overall(child, "INTERMEDIATE")
    assert finish(child) == 0
    assert levels(path) == ["intermediate"] * 12 + ["transformative"] * 16


def test_end_of_input_keeps_the_answers_and_invents_none(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    child = spawn("nef", "-o", str(path), "--role", "practitioner")
    for reply in ("0", "1", "2"):
        answer(child, reply)
    child.expect_exact(PROMPT)
    child.sendeof()
    child.expect_exact("Input ended before the last statement. 3 of 28 answered")
    assert finish(child) == 130  # cut short, every answer saved
    assert levels(path) == ["not-yet", "descriptive", "intermediate", *[None] * 25]


def test_a_closed_terminal_keeps_the_answers(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    child = spawn("nef", "-o", str(path), "--role", "manager")
    for _ in range(5):
        answer(child, "1")
    child.expect_exact(PROMPT)
    child.kill(signal.SIGHUP)
    assert finish(child) == 130
    assert levels(path) == ["descriptive"] * 5 + [None] * 23


def test_two_questionnaires_on_one_file_merge_then_stop_at_a_clash(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    first = spawn("nef", "-o", str(path), "--role", "carer")
    answer(first, "q")
    assert finish(first) == 0
    one, two = spawn("-o", str(path)), spawn("-o", str(path))
    one.expect_exact(PROMPT)
    two.expect_exact(PROMPT)  # both have read the file before either answers
    one.sendline("1")
    one.expect_exact("Saved: 1 Descriptive.")
    answer(one, "2")
    one.expect_exact("Saved: 2 Intermediate.")
    two.sendline("1")  # the same answer to statement 1, and statement 2 taken from `one`
    two.expect_exact("was changed elsewhere")
    two.expect_exact("assets-2")
    two.expect_exact("Statement 3 of 28")
    answer(one, "3")
    one.expect_exact("Saved: 3 Transformative.")
    answer(two, "0")  # statement 3 answered differently: nothing is overwritten
    two.expect_exact("both changed statement assets-3")
    assert finish(two) == 2
    answer(one, "q")
    assert finish(one) == 0
    assert levels(path)[:4] == ["descriptive", "intermediate", "transformative", None]
    assert levels(tmp_path / "answers.yaml.mine")[:4] == [
        "descriptive", "intermediate", "not-yet", None]


def test_the_questionnaire_in_welsh(tmp_path: Path) -> None:
    """`--lang cy`: coprod's words, the levels, the roles and the framework's Welsh, said to be
    not yet reviewed; the answers file says it was answered in Welsh and reads back."""
    from tests.conftest import DATA

    path = tmp_path / "cy.yaml"
    framework = str(DATA / "valid" / "two-languages.yaml")
    child = spawn("tiny", "-F", framework, "-o", str(path), "--lang", "cy")
    child.expect_exact("Fframwaith bach")
    child.expect_exact("Nid yw'r testun Cymraeg hwn wedi'i adolygu eto")
    child.expect_exact("Yn gyntaf, fel pwy ydych chi'n ateb?")
    child.expect_exact("Gofalwr")
    child.expect_exact("Eich rôl (1-7, neu Enter i hepgor): ")
    child.sendline("2")
    child.expect_exact("Datganiad 1 o 2 (Pŵer)")
    child.expect_exact("Canolradd")
    child.expect_exact("Mae barn pobl yn llywio rhai penderfyniadau.")
    welsh_prompt = ("Ateb 0-3, u ansicr, n ddim yn berthnasol, ? help, e tystiolaeth, b yn ôl, "
                    "q stopio: ")
    child.expect_exact(welsh_prompt)
    child.sendline("?")
    child.expect_exact("Help gyda datganiad 1 o 2")
    child.expect_exact("Meddyliwch am y penderfyniad mawr diwethaf.")
    child.expect_exact(welsh_prompt)
    child.sendline("canolradd")  # a level's Welsh name is an answer
    child.expect_exact("Wedi'i gadw: 2 Canolradd. (1 o 2 wedi'u hateb)")
    child.expect_exact("Money is decided together.")  # no Welsh yet: the English is shown
    child.expect_exact(welsh_prompt)
    child.sendline("ansicr")
    child.expect_exact("coprod score")
    child.expect_exact("--lang cy")
    assert finish(child) == 0
    answers = Library.builtin([Path(framework)]).answers(Document.read(path))[0]
    assert answers.language == "cy" and answers.respondent.role == "carer"
    assert [a.level if a else None for a in answers.answers.values()] == ["intermediate",
                                                                          "unsure"]
