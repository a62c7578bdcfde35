"""The questionnaire through the CLI, with scripted input: answers kept whatever happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_cli.answers import Answers
from coprod_cli.cli import assess
from coprod_cli.reading.loader import Document, Library
from tests.conftest import Run

NEF = 26
SKIP_ROLE = "\n"


def lines(*replies: str) -> str:
    return "".join(f"{reply}\n" for reply in replies)


def saved(path: Path) -> Answers:
    """The file as coprod reads it: a valid answers file, or the test fails."""
    return Library.builtin().answers(Document.read(path))[0]


def levels(path: Path) -> dict[str, str | None]:
    return {sid: a.level if a else None for sid, a in saved(path).answers.items()}


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    return tmp_path / "answers.yaml"


def test_answering_everything_saves_a_file_score_and_validate_accept(
        run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file),
                 input=SKIP_ROLE + lines(*["2"] * NEF))
    assert result.exit_code == 0, result.output
    assert "Statement 1 of 26 (Assets)" in result.stdout
    assert "Statement 26 of 26" in result.stdout
    assert "Overall level: INTERMEDIATE" in result.stdout
    assert f"Your answers are saved in {answers_file}" in result.stdout
    assert f"coprod score {answers_file}" in result.stdout
    end = result.stdout[result.stdout.index("Thank you"):]
    assert "Quickest route to Transformative" in end and "Action plan" not in end
    assert f"coprod score {answers_file} --format html -o coprod-report.html" in end
    assert set(levels(answers_file).values()) == {"intermediate"}
    assert run("score", str(answers_file)).exit_code == 0
    assert run("validate", str(answers_file)).stdout.endswith("26 of 26 statements answered)\n")


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


def test_role_is_asked_and_may_be_skipped(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines("2", "q"))
    assert "First, who are you answering as?" in result.stdout
    assert "2  Carer: " in result.stdout
    assert saved(answers_file).respondent.role == "carer"
    other = answers_file.with_name("other.yaml")
    run("assess", "nef", "-o", str(other), input=lines("", "q"))
    assert saved(other).respondent.role is None


def test_the_role_question_says_how_the_voices_are_weighed(run: Run,
                                                          answers_file: Path) -> None:
    out = " ".join(run("assess", "nef", "-o", str(answers_file), input=lines("", "q"))
                   .stdout.split())
    assert "carry half the say and everyone else the other half" in out
    assert "inside each half, each person counts once" in out
    assert "counts equally" not in out


def test_plain_choices_are_the_plain_rows(run: Run, answers_file: Path) -> None:
    nef = Library.builtin().framework("nef")
    first = nef.statements[0]
    plain = " ".join(run("assess", "nef", "-o", str(answers_file), "--plain",
                         input=lines("", "q")).stdout.split())
    full = " ".join(run("assess", "nef", "-o", str(answers_file.with_name("b.yaml")),
                        input=lines("", "q")).stdout.split())
    for level in ("not-yet", "descriptive", "intermediate", "transformative"):
        assert first.row(level, plain=True) in plain and first.levels.at(level) not in plain
        assert first.levels.at(level) in full


def test_level_names_unsure_and_back_change_what_is_saved(run: Run, answers_file: Path) -> None:
    script = lines("", "transformative", "u", "b", "not yet", "1")
    result = run("assess", "nef", "-o", str(answers_file), input=script)
    assert "Current answer: unsure. Press Enter to keep it" in result.stdout
    given = levels(answers_file)
    assert (given["assets-1"], given["assets-2"], given["assets-3"]) == (
        "transformative", "not-yet", "descriptive")
    assert given["assets-4"] is None


def test_enter_keeps_an_answer_after_going_back(run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), input=lines("", "3", "b", "", "0"))
    given = levels(answers_file)
    assert (given["assets-1"], given["assets-2"]) == ("transformative", "not-yet")


def test_back_at_the_first_statement_says_so(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "b", "q")).stdout
    assert "This is the first statement, so there is nothing to go back to." in out


def test_help_explains_the_statement_and_its_jargon(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "2", "?", "q")).stdout
    assert "Help with statement 2 of 26" in out
    assert "Assets are the good things people bring" in out  # the statement's help
    assert "Words that may be new:" in out
    assert "lived experience: " in out
    assert levels(answers_file)["assets-2"] is None  # help is not an answer


def test_a_wrong_reply_is_explained_and_asked_again(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "7", "inter", "2",
                                                                    "q")).stdout
    assert "7 is not one of the levels" in out
    assert "did you mean 'intermediate'" in out
    assert out.count("Statement 1 of 26") == 1  # asked again, not moved on
    assert levels(answers_file)["assets-1"] == "intermediate"


def test_q_saves_stops_and_says_how_to_carry_on(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines("", "1", "q"))
    assert result.exit_code == 0
    assert f"Stopped. 1 of 26 answered, saved in {answers_file}" in result.stdout
    assert f"coprod assess -o {answers_file}" in result.stdout


def test_input_ending_early_keeps_every_answer_and_invents_none(
        run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines("", "3", "2", "1"))
    assert result.exit_code == 1
    assert "Input ended before the last statement. 3 of 26 answered" in result.stdout
    assert f"Carry on where you left off with: coprod assess -o {answers_file}" in result.stdout
    given = levels(answers_file)
    assert [given[s] for s in ("assets-1", "assets-2", "assets-3")] == [
        "transformative", "intermediate", "descriptive"]
    assert sum(level is not None for level in given.values()) == 3
    assert list(answers_file.parent.iterdir()) == [answers_file]  # no temporary file left


def test_input_ending_at_the_role_question_saves_nothing(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input="")
    assert result.exit_code == 1
    assert "nothing was saved" in result.stdout
    assert not answers_file.exists()


def test_running_again_resumes_at_the_first_unanswered_statement(
        run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "practitioner",
        input=lines("1", "1", "1"))
    result = run("assess", "-o", str(answers_file), input=lines(*["3"] * (NEF - 3)))
    assert result.exit_code == 0, result.output
    assert "Resuming: 3 of 26 answered. Carrying on at statement 4." in result.stdout
    assert "Statement 1 of 26" not in result.stdout
    assert "First, who are you answering as?" not in result.stdout
    given = levels(answers_file)
    assert [given[f"assets-{i}"] for i in range(1, 5)] == ["descriptive"] * 3 + ["transformative"]
    assert saved(answers_file).respondent.role == "practitioner"


def test_a_file_already_complete_shows_the_result(run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines(*["1"] * NEF))
    before = answers_file.read_bytes()
    result = run("assess", "-o", str(answers_file), input="")
    assert result.exit_code == 0
    assert "Every statement is answered already" in result.stdout
    assert "Overall level: DESCRIPTIVE" in result.stdout
    assert saved(answers_file).answers == Library.builtin().answers(
        Document.from_bytes(before, "before"))[0].answers


def test_changing_an_answer_keeps_its_evidence(run: Run, answers_file: Path) -> None:
    answers_file.write_text("framework: nef\nanswers:\n  assets-1:\n    level: not-yet\n"
                            "    evidence: Board minutes\n", encoding="utf-8")
    run("assess", "-o", str(answers_file), input=lines("b", "3", "q"))
    answer = saved(answers_file).answers["assets-1"]
    assert answer is not None and (answer.level, answer.evidence) == (
        "transformative", "Board minutes")


def test_restart_clears_answers_only_after_yes(run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines("1", "1"))
    before = answers_file.read_bytes()
    refused = run("assess", "nef", "-o", str(answers_file), "--restart", input=lines("no"))
    assert refused.exit_code == 1
    assert "--restart clears them all" in refused.stdout
    assert "Nothing was cleared" in refused.stdout
    assert answers_file.read_bytes() == before
    no_input = run("assess", "nef", "-o", str(answers_file), "--restart", input="")
    assert no_input.exit_code == 1 and answers_file.read_bytes() == before
    interrupted = run("assess", "nef", "-o", str(answers_file), "--restart",
                      input=lines("yes"))
    assert interrupted.exit_code == 1
    assert "Cleared. Starting again" in interrupted.stdout
    assert set(levels(answers_file).values()) == {None}  # the file says what is true
    assert saved(answers_file).respondent.role == "carer"
    cleared = run("assess", "nef", "-o", str(answers_file), "--restart",
                  input=lines("", "3", "q"))
    assert cleared.exit_code == 0
    given = levels(answers_file)
    assert given["assets-1"] == "transformative" and given["assets-2"] is None


def test_an_invalid_existing_file_is_refused_and_left_untouched(
        run: Run, answers_file: Path) -> None:
    answers_file.write_text("framework: nef\nanswers:\n  assets-1: brilliant\n",
                            encoding="utf-8")
    before = answers_file.read_bytes()
    result = run("assess", "-o", str(answers_file), input=lines("2"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {answers_file}:3:")
    assert "brilliant" in result.stderr and "Traceback" not in result.output
    assert answers_file.read_bytes() == before


def test_a_file_for_another_framework_is_refused(run: Run, answers_file: Path) -> None:
    answers_file.write_text("framework: scie\nanswers: {}\n", encoding="utf-8")
    result = run("assess", "nef", "-o", str(answers_file), input=lines("2"))
    assert result.exit_code == 2
    assert "holds answers for 'scie', not 'nef'" in result.stderr


def test_help_lists_the_keys_and_exit_codes(run: Run) -> None:
    out = " ".join(run("assess", "--help").stdout.split())
    assert "u unsure, ? help, e evidence or a note, b back, q save and stop" in out
    assert "1 input ended before the last statement" in out
    assert "130 interrupted" in out


def test_a_missing_folder_is_refused_before_any_question(run: Run, tmp_path: Path) -> None:
    result = run("assess", "nef", "-o", str(tmp_path / "nowhere" / "a.yaml"))
    assert result.exit_code == 2
    assert "its folder does not exist" in result.stderr
    assert "who are you answering as" not in result.stdout


def test_an_unknown_role_is_a_usage_error(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), "--role", "carers")
    assert result.exit_code == 2
    assert "did you mean 'carer'" in result.stderr
    assert not answers_file.exists()


def test_without_a_framework_it_asks_which_and_saves_beside_you(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("assess", input=lines("9", "2", "", "q"))
    assert "Which framework (set of statements) would you like to answer?" in result.stdout
    assert "Type a number from 1 to 2" in result.stdout
    default = tmp_path / "coprod-scie-answers.yaml"
    assert f"Your answers file:\n  {default}\n" in result.stdout
    assert saved(default).framework == "scie"


def test_plain_uses_the_plain_language_wording(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), "--plain", input=lines("", "q")).stdout
    assert "People who use services plan them with staff, as equals." in out
    assert "take part as equal partners when services are planned" not in out
    assert "--plain" in out  # the command to carry on keeps the plain-language wording
    assert "# People who use services plan them with staff, as equals." in answers_file.read_text()


def test_ctrl_c_keeps_the_answers_and_exits_130(
        run: Run, answers_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replies = iter(["2", "0"])

    def typed(out: object, prompt: str) -> str:
        reply = next(replies, None)
        if reply is None:
            raise KeyboardInterrupt
        return reply

    monkeypatch.setattr(assess, "read_line", typed)
    result = run("assess", "nef", "-o", str(answers_file), "--role", "carer")
    assert result.exit_code == 130
    assert "Interrupted. 2 of 26 answered" in result.stdout
    assert "coprod assess -o" in result.stdout
    given = levels(answers_file)
    assert (given["assets-1"], given["assets-2"], given["assets-3"]) == (
        "intermediate", "not-yet", None)


# --- never losing someone else's words ----------------------------------------------------

def test_resuming_keeps_the_name_evidence_and_a_copy_with_comments(
        run: Run, answers_file: Path) -> None:
    answers_file.write_text(
        "# Filled in with Jo at the carers' group\nframework: nef\nrespondent:\n"
        "  role: carer\n  name: \"Jo \\u00c1lvarez\"\nanswers:\n  assets-1:\n"
        "    level: 1\n    evidence: \"Minutes, line one\\nline two\"  # see the folder\n",
        encoding="utf-8")
    original = answers_file.read_text(encoding="utf-8")
    result = run("assess", "-o", str(answers_file), input=lines("2", "q"))
    assert result.exit_code == 0, result.output
    assert "has 2 comment(s) that coprod does not write" in result.stdout
    copy = answers_file.with_name("answers.yaml.with-comments")
    assert copy.read_text(encoding="utf-8") == original and copy.name in result.stdout
    kept = saved(answers_file)
    assert (kept.respondent.role, kept.respondent.name) == ("carer", "Jo Álvarez")
    first = kept.answers["assets-1"]
    assert first is not None and first.evidence == "Minutes, line one\nline two"


def test_a_file_coprod_wrote_is_resumed_without_a_note(run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines("1", "q"))
    result = run("assess", "-o", str(answers_file), input=lines("q"))
    assert "does not write" not in result.stdout
    assert not answers_file.with_name("answers.yaml.with-comments").exists()


@pytest.mark.parametrize("reply", ["²", "①", "٣", "\uff13", "1" * 5000, "   ", "\x1b[2J", "12"])
def test_odd_replies_are_asked_again_never_a_crash(run: Run, answers_file: Path,
                                                    reply: str) -> None:
    result = run("assess", "nef", "-o", str(answers_file), "--role", "carer",
                 input=lines(reply, reply, "2", "q"))
    assert result.exit_code == 0, result.output
    assert "Type 0, 1, 2 or 3" in result.stdout and "\x1b[2J" not in result.stdout
    assert levels(answers_file)["assets-1"] == "intermediate"
    assert max(len(line) for line in result.stdout.splitlines()) < 400


@pytest.mark.parametrize("reply", ["²", "①", "٣", "1" * 5000, "0", "8"])
def test_odd_role_replies_are_asked_again(run: Run, answers_file: Path, reply: str) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines(reply, "2", "q"))
    assert result.exit_code == 0, result.output
    assert "is not one of the choices" in result.stdout
    assert saved(answers_file).respondent.role == "carer"


def test_an_answer_given_in_another_questionnaire_meanwhile_is_kept(
        run: Run, answers_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines("q"))
    real_read = assess.read_line

    def read_line_while_someone_else_answers(out: object, prompt: str) -> str:
        if "capacity-2:" in answers_file.read_text() and "Your answer" in prompt:
            text = answers_file.read_text().replace("  capacity-2:\n", "  capacity-2: 3\n")
            answers_file.write_text(text)
        return real_read(out, prompt)  # type: ignore[arg-type]

    monkeypatch.setattr(assess, "read_line", read_line_while_someone_else_answers)
    result = run("assess", "-o", str(answers_file), input=lines("1", "q"))
    assert "was changed elsewhere" in result.stdout and "capacity-2" in result.stdout
    assert levels(answers_file)["capacity-2"] == "transformative"
    assert levels(answers_file)["assets-1"] == "descriptive"


def test_the_same_answer_changed_two_ways_stops_and_overwrites_nothing(
        run: Run, answers_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines("q"))
    real_read = assess.read_line

    def read_line_while_someone_else_answers(out: object, prompt: str) -> str:
        text = answers_file.read_text()
        answers_file.write_text(text.replace("  assets-1:\n", "  assets-1: 0\n"))
        return real_read(out, prompt)  # type: ignore[arg-type]

    monkeypatch.setattr(assess, "read_line", read_line_while_someone_else_answers)
    result = run("assess", "-o", str(answers_file), input=lines("3", "q"))
    assert result.exit_code == 2
    assert "both changed statement assets-1" in result.stderr
    assert levels(answers_file)["assets-1"] == "not-yet"
    mine = answers_file.with_name("answers.yaml.mine")
    assert levels(mine)["assets-1"] == "transformative"


def test_e_adds_evidence_saved_with_the_answer(run: Run, answers_file: Path) -> None:
    """Typed before answering, the evidence is saved with the answer; an empty one adds none."""
    result = run("assess", "nef", "-o", str(answers_file), input=SKIP_ROLE + lines(
        "e", "  Minutes of the   March board  ", "2", "e", "", "1", "q"))
    assert result.exit_code == 0, result.output
    assert "Noted: it is saved with your answer" in result.stdout
    assert "No evidence added." in result.stdout
    kept = saved(answers_file).answers
    first = kept["assets-1"]
    second = kept["assets-2"]
    assert first is not None and first.evidence == "Minutes of the March board"
    assert second is not None and second.evidence is None and second.level == "descriptive"


def test_e_after_going_back_adds_evidence_to_the_answer_given(
        run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=SKIP_ROLE + lines(
        "2", "b", "e", "Terms of reference", "", "q"))
    assert result.exit_code == 0, result.output
    first = saved(answers_file).answers["assets-1"]
    assert first is not None and (first.level, first.evidence) == (
        "intermediate", "Terms of reference")
