"""Who is counted: each respondent once, one framework, one round, nothing left out in silence.

The shared folders here are real: symbolic links, hard links and a named pipe (FIFO). The tests
run as root, whom permissions do not stop, so a folder that cannot be read is simulated by
making os.scandir raise PermissionError for it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coprod_cli.errors import FileProblem, Location
from coprod_cli.reading.paths import _line_col, decode, expand
from tests.conftest import Run
from tests.reading.test_inputs import IDS, answers_yaml, csv_text, write


def score_json(run: Run, *args: str) -> tuple[dict, str]:
    result = run("score", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A team's folder: a carer and a manager, with different answers."""
    write(tmp_path, "carer.yaml", answers_yaml("transformative", "carer"))
    write(tmp_path, "manager.yaml", answers_yaml("descriptive", "manager"))
    return tmp_path


def test_the_same_file_reached_twice_is_read_once(run: Run, shared: Path, tmp_path: Path) -> None:
    os.symlink(shared / "carer.yaml", shared / "link.yaml")
    os.link(shared / "manager.yaml", shared / "hard.yaml")
    carer = str(shared / "carer.yaml")
    data, stderr = score_json(run, str(shared), carer, carer)
    assert data["respondents"] == 2
    assert data["intake"]["read_once"] == 4
    for how in ("named twice", "a link to it", "a hard link to it"):
        assert how in stderr
    assert stderr.count("read once") == 4


def test_identical_files_are_counted_and_named_on_stderr_only(run: Run, shared: Path) -> None:
    write(shared, "copy.yaml", (shared / "carer.yaml").read_text())
    data, stderr = score_json(run, str(shared), "--private")
    assert data["respondents"] == 3 and data["intake"]["identical"] == 1
    assert f"{shared / 'copy.yaml'}: the same answers as {shared / 'carer.yaml'}" in stderr
    warning = next(w for w in data["warnings"] if "identical answers" in w)
    assert "respondent 1 and respondent 2" in warning and ".yaml" not in warning
    data = score_json(run, str(shared))[0]  # shared: one pair is fewer than --min-group
    assert data["intake"]["identical"] == 0
    assert not any("identical answers" in w for w in data["warnings"])
    shown = score_json(run, str(shared), "--min-group", "1")[0]["warnings"]
    assert any("Carer 1 and Carer 2" in w for w in shown)


def test_form_rows_with_the_same_timestamp_and_answers_are_warned_of(
        run: Run, tmp_path: Path) -> None:
    row = ["2026-11-01 10:00", "carer", *["intermediate"] * len(IDS)]
    other = ["2026-11-01 10:05", "carer", *["intermediate"] * len(IDS)]
    form = write(tmp_path, "form.csv", csv_text(["Timestamp", "Role", *IDS], row, other, row))
    data, stderr = score_json(run, str(form), "--private")
    assert data["intake"]["identical"] == 1
    assert f"{form}:4: the same answers as {form}:2" in stderr


def test_a_stray_framework_sorted_first_stops_the_run_with_a_count_per_framework(
        run: Run, shared: Path) -> None:
    write(shared, "0-stray.yaml", answers_yaml(framework="scie"))
    for flags in ((), ("--skip-invalid",)):
        result = run("score", str(shared), *flags, "--fail-under", "not-yet")
        assert result.exit_code == 2, result.stdout
        assert "more than one framework: nef 2 (" in result.stderr
        assert f"scie 1 ({shared / '0-stray.yaml'})" in result.stderr and result.stdout == ""


def test_only_framework_scores_that_one_and_counts_the_rest(run: Run, shared: Path) -> None:
    write(shared, "0-stray.yaml", answers_yaml(framework="scie"))
    data, stderr = score_json(run, str(shared), "--only-framework", "nef", "--private")
    assert data["respondents"] == 2 and data["framework"]["id"] == "nef"
    assert data["intake"]["skipped_because"] == {"another framework": 1}  # shared: why not
    assert "0-stray.yaml" in stderr and "answers 'scie', not 'nef'" in stderr


def test_an_unreadable_subfolder_is_an_error_or_a_counted_skip(
        run: Run, shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = shared / "lived-experience"
    write(locked, "person.yaml", answers_yaml("not-yet", "person-drawing-on-care"))
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("score", str(shared), "--recursive")
    assert result.exit_code == 2
    assert f"{locked}: cannot read this folder (Permission denied)" in result.stderr
    data, stderr = score_json(run, str(shared), "--recursive", "--skip-invalid", "--private")
    assert data["intake"]["skipped_because"] == {"unreadable": 1}
    assert str(locked) in stderr


def test_a_pipe_in_a_folder_is_named_never_waited_on(run: Run, shared: Path) -> None:
    os.mkfifo(shared / "pipe.yaml")
    result = run("score", str(shared))
    assert result.exit_code == 2
    assert "pipe.yaml: not a regular file" in result.stderr
    data, _ = score_json(run, str(shared), "--skip-invalid", "--private")
    assert data["intake"]["skipped_because"] == {"unreadable": 1}


def test_a_broken_link_in_a_folder_is_named(run: Run, shared: Path) -> None:
    os.symlink(shared / "gone.yaml", shared / "broken.yaml")
    result = run("score", str(shared))
    assert result.exit_code == 2 and "broken.yaml: cannot read the file" in result.stderr


def test_a_folder_is_read_at_its_top_level_and_says_so(run: Run, shared: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write(shared, "spring/old.yaml", answers_yaml("not-yet", "carer").replace(
        "2026-11-18", "2026-03-02"))
    data, stderr = score_json(run, str(shared))
    assert data["respondents"] == 2
    assert f"{shared / 'spring'}: a subfolder, not read" in stderr and "--recursive" in stderr
    # One person more than a result written before would be refused (cli/remembering.py):
    # this run is made as if on another machine.
    monkeypatch.setenv("COPROD_STATE_DIR", str(shared.parent / "another-memory"))
    data, _ = score_json(run, str(shared), "--recursive")
    assert data["respondents"] == 3
    assert data["intake"]["earliest"] == "2026-03-02" and data["intake"]["latest"] == "2026-11-18"
    assert any("may mix two rounds" in w for w in data["warnings"])


def test_validate_and_score_read_the_same_files(run: Run, shared: Path) -> None:
    write(shared, "UPPER.YAML", answers_yaml("intermediate", "practitioner"))
    write(shared, ".hidden.yaml", "not: answers")
    write(shared, "sub/inner.yaml", answers_yaml())
    checked = [line.split(": ok")[0] for line in run("validate", str(shared)).stdout.splitlines()]
    assert checked == expand([str(shared)]).names
    assert score_json(run, str(shared))[0]["respondents"] == len(checked) == 3
    recursive = run("validate", str(shared), "--recursive").stdout.splitlines()
    assert len(recursive) == 4


def test_a_file_named_with_a_slash_after_it_is_read_by_every_command_alike(
        run: Run, shared: Path) -> None:
    """`carer.yaml/` names the file, for score and trend as for validate (a path's last
    slash left out), not a refusal by some and not others."""
    named = f"{shared / 'carer.yaml'}/"
    assert run("validate", named).exit_code == 0
    assert score_json(run, named)[0] == score_json(run, str(shared / "carer.yaml"))[0]


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfanswers: {}\n", b"answers: {}\n", b"\xef\xbb\xbf\xef\xbb\xbfa: b\n",
    b"\xef\xbb\xbfa: \xff\n", b"a: b\n\xef\xbb\xbf\xc3\n", b"\xef\xbb\xbf\n\xe2\x82", b"\xef\xbb"])
def test_a_file_is_decoded_as_the_utf_8_sig_codec_reads_it(data: bytes) -> None:
    """A byte order mark first is left out, and an error placed in the text after it."""
    try:
        expected: object = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        body = data.removeprefix(b"\xef\xbb\xbf")
        expected = str(Location("f.yaml", *_line_col(body, error.start)))
    try:
        found: object = decode(data, "f.yaml")
    except FileProblem as problem:
        found = str(problem.where)
    assert found == expected


@pytest.mark.parametrize(("data", "line", "column"), [
    (b"\xef\xbb\xbfa: b\nc: d\ne: \xff\n", 3, 4), (b"\xef\xbb\xbfa: \xff\n", 1, 4),
    (b"a: b\ne: \xff\n", 2, 4), (b"a: \xc3\xa9\xe2\x82\xac\xff\n", 1, 6)])
def test_a_byte_that_is_not_utf_8_is_placed_where_an_editor_shows_it(
        data: bytes, line: int, column: int) -> None:
    """Columns are characters, and the byte order mark takes none: the bad byte is found
    where an editor shows it."""
    with pytest.raises(FileProblem) as problem:
        decode(data, "f.yaml")
    assert str(problem.value.where) == str(Location("f.yaml", line, column))
