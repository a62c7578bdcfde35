"""The questionnaire through the CLI, with scripted input: answers kept whatever happens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coprod_cli.cli import assess
from coprod_cli.reading.loader import Document, Library
from tests.cli.scripted import NEF, SKIP_ROLE, levels, lines, saved
from tests.conftest import Run


def test_answering_everything_saves_a_file_score_and_validate_accept(
        run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file),
                 input=SKIP_ROLE + lines(*["2"] * NEF))
    assert result.exit_code == 0, result.output
    assert "Statement 1 of 28 (Assets)" in result.stdout
    assert "Statement 28 of 28" in result.stdout
    assert "Overall level: INTERMEDIATE" in result.stdout
    assert f"Your answers are saved in {answers_file}" in result.stdout
    assert f"coprod score {answers_file}" in result.stdout
    end = result.stdout[result.stdout.index("Thank you"):]
    assert "Quickest route to Transformative" in end and "Action plan" not in end
    assert f"coprod score {answers_file} --format html -o coprod-report.html" in end
    assert set(levels(answers_file).values()) == {"intermediate"}
    assert run("score", str(answers_file)).exit_code == 0
    assert run("validate", str(answers_file)).stdout.endswith("28 of 28 statements answered)\n")


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


def test_q_saves_stops_and_says_how_to_carry_on(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines("", "1", "q"))
    assert result.exit_code == 0
    assert f"Stopped. 1 of 28 answered, saved in {answers_file}" in result.stdout
    assert f"coprod assess -o {answers_file}" in result.stdout


def test_input_ending_early_keeps_every_answer_and_invents_none(
        run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines("", "3", "2", "1"))
    assert result.exit_code == 130  # cut short with every answer saved; 1 means a gate
    assert "Input ended before the last statement. 3 of 28 answered" in result.stdout
    assert f"Carry on where you left off with: coprod assess -o {answers_file}" in result.stdout
    given = levels(answers_file)
    assert [given[s] for s in ("assets-1", "assets-2", "assets-3")] == [
        "transformative", "intermediate", "descriptive"]
    assert sum(level is not None for level in given.values()) == 3
    assert list(answers_file.parent.iterdir()) == [answers_file]  # no temporary file left


def test_running_again_resumes_at_the_first_unanswered_statement(
        run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "practitioner",
        input=lines("1", "1", "1"))
    result = run("assess", "-o", str(answers_file), input=lines(*["3"] * (NEF - 3)))
    assert result.exit_code == 0, result.output
    assert "Resuming: 3 of 28 answered. Carrying on at statement 4." in result.stdout
    assert "Statement 1 of 28" not in result.stdout
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


def test_help_lists_the_keys_and_exit_codes(run: Run) -> None:
    out = " ".join(run("assess", "--help").stdout.split())
    assert "u unsure, n does not apply to your service (then a short reason if you like), ? " \
        "help, e evidence or a note, b back, q save and stop" in out
    assert "130 interrupted (Ctrl-C, the terminal closed, or the input ended before the last " \
        "statement)" in out
    assert " 1 " not in out.split("Exit codes:")[1]  # 1 means a gate not met


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
    assert "Interrupted. 2 of 28 answered" in result.stdout
    assert "coprod assess -o" in result.stdout
    given = levels(answers_file)
    assert (given["assets-1"], given["assets-2"], given["assets-3"]) == (
        "intermediate", "not-yet", None)


# --- never losing someone else's words ----------------------------------------------------


def test_an_answer_given_in_another_questionnaire_meanwhile_is_kept(
        run: Run, answers_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines("q"))
    real_read = assess.read_line

    def read_line_while_someone_else_answers(out: object, prompt: str) -> str:
        if "capacity-2:" in answers_file.read_text() and "Answer 0-3" in prompt:
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


def test_the_key_to_the_choices_comes_with_every_prompt_and_after_help(
        run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "?", "2", "q")).stdout
    key = "Choices: 0 not yet, 1 descriptive, 2 intermediate, 3 transformative, u unsure"
    prompt = "Answer 0-3, u unsure, n does not apply, ? help, e evidence, b back, q stop: "
    assert out.count(prompt) == 3
    assert out.count(f"{key}\n{prompt}") == 3
    assert out.index("Help with statement 1") < out.rindex(key, 0, out.index(f"{prompt}2"))


def test_back_back_enter_walks_forward_one_statement_at_a_time(
        run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file),
              input=lines("", "1", "2", "3", "b", "b", "", "", "0", "q")).stdout
    shown = [int(n) for n in re.findall(r"^Statement (\d+) of 28", out, re.MULTILINE)]
    assert shown == [1, 2, 3, 4, 3, 2, 3, 4, 5]  # Enter never skips one
    given = levels(answers_file)
    assert [given[sid] for sid in ("assets-1", "assets-2", "assets-3", "assets-4")] == [
        "descriptive", "intermediate", "transformative", "not-yet"]


def test_piped_output_pads_no_line_and_ends_with_the_level(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=SKIP_ROLE + lines(*["1"] * NEF))
    assert [line for line in out.stdout.splitlines() if line != line.rstrip()] == []
    assert out.stdout.rstrip().splitlines()[-1].startswith(
        "Overall level: Descriptive (level 1 of 3), score 1.00 out of 3.")

@pytest.mark.parametrize("name", ["answers.csv", "answers.xlsx", "answers.json", "answers"])
def test_answers_are_never_saved_under_another_formats_name(run: Run, tmp_path: Path,
                                                            name: str) -> None:
    """YAML in a .csv would be read back as a broken form export, and skipped in a folder."""
    path = tmp_path / name
    result = run("assess", "nef", "-o", str(path), input=lines("", "2", "q"))
    assert result.exit_code == 2 and not path.exists()
    assert result.stderr == (f"error: -o {path}: answers are saved as YAML, in a file whose "
                             f"name ends .yaml; choose a name such as {path.stem}.yaml\n")
    assert run("template", "nef", "-o", str(path)).stderr == result.stderr


@pytest.mark.parametrize("existing", [True, False])
def test_a_folder_that_cannot_take_a_file_is_said_before_the_first_question(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool) -> None:
    """A read-only folder (or disk) when carrying on: one line, exit 2, nothing asked in vain;
    made read-only by the file system's own refusal, since root writes a chmod 555 folder."""
    import errno

    from coprod_cli import files

    path = tmp_path / "amal.yaml"
    if existing:
        run("assess", "nef", "-o", str(path), input=lines("", "2", "q"))
    before = path.read_bytes() if existing else None
    real = files._open_new

    def read_only(new: Path) -> int:
        if new.parent == tmp_path:
            raise OSError(errno.EROFS, "Read-only file system")
        return real(new)

    monkeypatch.setattr(files, "_open_new", read_only)
    result = run("assess", "nef", "-o", str(path), input=lines("", "3", "3"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"error: {path}: cannot save in the folder {tmp_path} (Read-only "
                             "file system); check you may write there, or choose another file "
                             "with -o FILE\n")
    assert (path.read_bytes() if existing else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == (["amal.yaml"] if existing else [])


def test_n_answers_does_not_apply_then_asks_a_short_reason(run: Run, answers_file: Path) -> None:
    long = "x" * 301
    script = lines("", "n", long, "No planning group here", "n", "", "q")
    result = run("assess", "nef", "-o", str(answers_file), input=script)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Saved: does not apply." in out and "Why does it not apply to your service?" in out
    assert "That is 301 characters; a reason keeps to 300" in out
    assert "Reason saved with your answer." in out and "No reason added." in out
    first, second = (saved(answers_file).answers[sid] for sid in ("assets-1", "assets-2"))
    assert first is not None and (first.level, first.reason) == (
        "does-not-apply", "No planning group here")
    assert second is not None and (second.level, second.reason) == ("does-not-apply", None)
    assert run("validate", str(answers_file)).exit_code == 0


def test_back_keeps_a_reason_and_another_answer_drops_it(run: Run, answers_file: Path) -> None:
    answers_file.write_text("framework: nef\nanswers:\n  assets-1: {level: does-not-apply, "
                            "reason: \"No groups\"}\n", encoding="utf-8")
    out = run("assess", "-o", str(answers_file), input=lines("b", "", "b", "n", "", "q")).stdout
    assert "Current answer: does not apply. Press Enter to keep it" in out
    assert "Your reason from before is kept." in out
    answer = saved(answers_file).answers["assets-1"]
    assert answer is not None and answer.reason == "No groups"
    run("assess", "-o", str(answers_file), input=lines("b", "2", "q"))
    answer = saved(answers_file).answers["assets-1"]
    assert answer is not None and (answer.level, answer.reason) == ("intermediate", None)


def test_the_keys_for_does_not_apply_are_in_the_welcome_and_in_help(
        run: Run, answers_file: Path) -> None:
    out = " ".join(run("assess", "nef", "-o", str(answers_file),
                       input=lines("", "?", "q")).stdout.split())
    assert "Other keys: u unsure, n does not apply to your service" in out
    assert "If it does not apply to your service, type n" in out
