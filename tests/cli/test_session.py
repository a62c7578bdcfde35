"""The questionnaire's session at a terminal: the file it keeps, the framework, who answers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coprod_cli.reading.loader import Library
from tests.cli.scripted import levels, lines, saved
from tests.conftest import Run


def test_assess_refuses_a_read_only_answers_file_before_asking(run: Run,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    run("template", "nef", "-o", str(path))
    path.chmod(0o444)
    before = path.read_text()
    result = run("assess", "-o", str(path), input="1\n")
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert "Your answer" not in result.stdout and path.read_text() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_assess_needs_a_regular_file(run: Run, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run("assess", "nef", "-o", str(pipe), input="q\n")
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_role_is_asked_and_may_be_skipped(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines("2", "q"))
    assert "First, who are you answering as?" in result.stdout
    assert "2  Carer: " in result.stdout
    assert saved(answers_file).respondent.role == "carer"
    other = answers_file.with_name("other.yaml")
    run("assess", "nef", "-o", str(other), input=lines("", "q"))
    assert saved(other).respondent.role is None


def test_input_ending_at_the_role_question_saves_nothing(run: Run, answers_file: Path) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input="")
    assert result.exit_code == 130
    assert "nothing was saved" in result.stdout
    assert not answers_file.exists()


def test_restart_clears_answers_only_after_yes(run: Run, answers_file: Path) -> None:
    run("assess", "nef", "-o", str(answers_file), "--role", "carer", input=lines("1", "1"))
    before = answers_file.read_bytes()
    refused = run("assess", "nef", "-o", str(answers_file), "--restart", input=lines("no"))
    assert refused.exit_code == 0  # a choice made, nothing cleared
    assert "--restart clears them all" in refused.stdout
    assert "Nothing was cleared" in refused.stdout
    assert answers_file.read_bytes() == before
    no_input = run("assess", "nef", "-o", str(answers_file), "--restart", input="")
    assert no_input.exit_code == 130 and answers_file.read_bytes() == before
    interrupted = run("assess", "nef", "-o", str(answers_file), "--restart",
                      input=lines("yes"))
    assert interrupted.exit_code == 130
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
    ids = sorted(Library.builtin().builtin_ids)  # listed by id: ladder, nef, scie, ...
    result = run("assess", input=lines("9", str(ids.index("scie") + 1), "", "q"))
    assert "Which framework (set of statements) would you like to answer?" in result.stdout
    assert f"Type a number from 1 to {len(ids)}" in result.stdout
    default = tmp_path / "coprod-scie-answers.yaml"
    assert f"Your answers file:\n  {default}\n" in result.stdout
    assert saved(default).framework == "scie"


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
    assert "was written for version" not in result.stdout
    assert [path.name for path in answers_file.parent.iterdir()] == [answers_file.name]


EARLIER = ("framework: nef\nframework_version: \"2.0.0\"\nrespondent:\n  role: carer\n"
           "answers:\n  assets-1: intermediate\n"
           "  mutuality-4: {level: descriptive, evidence: \"staff join the panel\"}\n")


def test_resuming_a_file_of_an_earlier_version_keeps_a_copy_and_says_what_was_carried(
        run: Run, answers_file: Path) -> None:
    answers_file.write_text(EARLIER, encoding="utf-8")
    nef = Library.builtin().framework("nef")
    (change,) = [change for step in nef.migrations for change in step.changes
                 if change.id == "mutuality-4"]
    order = [statement.id for statement in nef.statements]
    result = run("assess", "-o", str(answers_file), input=lines("q"))
    assert result.exit_code == 0, result.output
    copy = answers_file.with_name("answers.yaml.version-2.0.0")
    assert copy.read_text(encoding="utf-8") == EARLIER and copy.name in result.stdout
    assert "version 2.0.0 of this framework" in result.stdout
    assert f"version {nef.version}'s statements" in result.stdout
    numbers = ", ".join(str(order.index(sid) + 1) for sid in change.to)
    assert f"statements {numbers}." in " ".join(result.stdout.split())
    kept = saved(answers_file)
    assert kept.framework_version == nef.version
    for sid in change.to:
        part = kept.answers[sid]
        assert part is not None
        assert (part.level, part.evidence) == ("descriptive", "staff join the panel")


def test_an_earlier_file_with_comments_is_copied_once(run: Run, answers_file: Path) -> None:
    answers_file.write_text("# with Jo\n" + EARLIER, encoding="utf-8")
    result = run("assess", "-o", str(answers_file), input=lines("q"))
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in answers_file.parent.iterdir()) == [
        "answers.yaml", "answers.yaml.with-comments"]
    assert "answers.yaml.with-comments first" in " ".join(result.stdout.split())
    assert "was written for version 2.0.0" in result.stdout


@pytest.mark.parametrize("version", ["2/0", "2\x1b[31m\x07", "9" * 300])
def test_an_earlier_version_that_cannot_name_a_file_still_gets_its_copy(
        run: Run, answers_file: Path, version: str) -> None:
    """A framework file's migration may name its earlier version with any text; the copy is
    named with what a file name can hold (no folder, no control character, not too long)."""
    framework = answers_file.with_name("own.yaml")
    nef = (Path(__file__).parents[2] / "frameworks" / "nef.yaml").read_text(encoding="utf-8")
    quoted = version.encode("unicode_escape").decode("ascii")
    framework.write_text(nef.replace("\nid: nef\n", "\nid: own\n").replace(
        'from: "2.0.0"', f'from: "{quoted}"'), encoding="utf-8")
    earlier = EARLIER.replace("nef", "own").replace('"2.0.0"', f'"{quoted}"')
    answers_file.write_text(earlier, encoding="utf-8")
    result = run("assess", "own", "-F", str(framework), "-o", str(answers_file),
                 input=lines("q"))
    assert result.exit_code == 0, result.output
    (copy,) = [path for path in answers_file.parent.iterdir() if ".version-" in path.name]
    assert copy.read_text(encoding="utf-8") == earlier
    assert copy.name.isprintable() and len(copy.name) < 255
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout  # nothing acts on a terminal


@pytest.mark.parametrize("reply", ["²", "①", "٣", "1" * 5000, "0", "8"])
def test_odd_role_replies_are_asked_again(run: Run, answers_file: Path, reply: str) -> None:
    result = run("assess", "nef", "-o", str(answers_file), input=lines(reply, "2", "q"))
    assert result.exit_code == 0, result.output
    assert "is not one of the choices" in result.stdout
    assert saved(answers_file).respondent.role == "carer"
