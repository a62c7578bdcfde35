"""The file a questionnaire keeps: changes made elsewhere are merged, or nothing is overwritten."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from coprod_cli.answers import Answers
from coprod_cli.errors import FileProblem, UsageProblem
from coprod_cli.questionnaire import resume
from coprod_cli.questionnaire.keeping import Kept, comments, merge
from coprod_cli.reading.loader import Library
from tests.builders import CATALOGUE, FW, answers


@pytest.fixture
def library() -> Library:
    library = Library(CATALOGUE)
    library.add(FW, Path("fw.yaml"))
    return library


def started(path: Path, library: Library, values: dict[str, object] | None = None,
            **extra: object) -> tuple[Kept, Answers]:
    """A file holding `values`, opened by a questionnaire."""
    kept = Kept(path, library)
    if values is not None:
        path.write_text(kept.render(answers(values, **extra)))
    existing = kept.open(FW.id)
    how = resume.opening([], existing, False)
    return kept, resume.starting_answers(FW, existing, how, datetime.date.today())


def levels(answers: Answers) -> dict[str, str | None]:
    return {sid: a.level if a else None for sid, a in answers.answers.items()}


def test_the_three_way_merge_keeps_both_sides_and_names_clashes() -> None:
    base = answers({"alpha-1": 1})
    ours = answers({"alpha-1": 1, "alpha-2": 2, "beta-1": 3})
    theirs = answers({"alpha-1": 1, "beta-1": 3, "beta-2": 0}, "carer")
    merged, taken, clashes = merge(base, ours, theirs)
    assert levels(merged) == {"alpha-1": "descriptive", "alpha-2": "intermediate",
                              "beta-1": "transformative", "beta-2": "not-yet"}
    assert merged.respondent.role == "carer" and taken == ("respondent", "beta-2")
    assert clashes == []
    _, _, clashes = merge(base, answers({"alpha-1": 2}), answers({"alpha-1": 3}))
    assert clashes == ["statement alpha-1"]


def test_a_save_takes_in_answers_given_elsewhere(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "a.yaml"
    mine, start = started(path, library, {"alpha-1": 1}, role="carer")
    other, theirs = started(path, library)
    other.save(resume.with_answer(theirs, "beta-1", "intermediate"))
    saved = mine.save(resume.with_answer(start, "alpha-2", "descriptive"))
    assert saved.merged == ("beta-1",)
    on_disk = mine.open(FW.id)
    assert on_disk is not None and levels(on_disk)["beta-1"] == "intermediate"
    assert levels(on_disk)["alpha-2"] == "descriptive" and on_disk.respondent.role == "carer"


def test_a_clash_overwrites_nothing_and_keeps_ours_beside(tmp_path: Path,
                                                          library: Library) -> None:
    path = tmp_path / "a.yaml"
    mine, start = started(path, library, {})
    other, theirs = started(path, library)
    other.save(resume.with_answer(theirs, "alpha-1", "transformative"))
    before = path.read_text()
    with pytest.raises(UsageProblem, match=r"both changed statement alpha-1.*a\.yaml\.mine"):
        mine.save(resume.with_answer(start, "alpha-1", "not-yet"))
    assert path.read_text() == before
    aside = Kept(tmp_path / "a.yaml.mine", library).open(FW.id)
    assert aside is not None and levels(aside)["alpha-1"] == "not-yet"


def test_an_editor_leaving_the_file_invalid_is_not_overwritten(tmp_path: Path,
                                                               library: Library) -> None:
    path = tmp_path / "a.yaml"
    mine, start = started(path, library, {"alpha-1": 1})
    path.write_text("framework: test\nanswers: [half-typed\n")
    with pytest.raises(UsageProblem, match="no longer reads as answers"):
        mine.save(start)
    assert path.read_text().endswith("[half-typed\n") and (tmp_path / "a.yaml.mine").exists()


def test_a_removed_file_is_written_again(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "a.yaml"
    mine, start = started(path, library, {"alpha-1": 1})
    path.unlink()
    assert mine.save(start).merged == () and path.exists()


def test_a_file_made_read_only_keeps_the_answers_beside(tmp_path: Path,
                                                        library: Library) -> None:
    path = tmp_path / "a.yaml"
    mine, start = started(path, library, {"alpha-1": 1})
    path.chmod(0o444)
    with pytest.raises(UsageProblem, match=r"read-only.*a\.yaml\.mine"):
        mine.save(resume.with_answer(start, "alpha-2", "descriptive"))
    with pytest.raises(FileProblem, match="read-only"):
        Kept(path, library).open(FW.id)


def test_comments_are_found_outside_values_only() -> None:
    text = ("# top\nframework: test # trailing\nrespondent:\n  name: \"Jo # not\"\n"
            "answers:\n  alpha-1: |\n    # inside a block\n  # own line\n")
    assert comments(text) == ["# top", "# trailing", "# own line"]


def test_only_comments_coprod_did_not_write_are_reported(tmp_path: Path,
                                                         library: Library) -> None:
    path = tmp_path / "a.yaml"
    kept, _ = started(path, library, {"alpha-1": 1})
    existing = kept.open(FW.id)
    assert existing is not None and kept.comments_not_written(FW, existing) == []
    text = path.read_text().replace("  alpha-1: descriptive", "  # asked Jo\n  alpha-1: 2")
    path.write_text(text)
    existing = kept.open(FW.id)
    assert existing is not None and kept.comments_not_written(FW, existing) == ["# asked Jo"]
    assert kept.copy_aside("with-comments").read_text() == path.read_text()


def test_answers_are_private_whatever_the_umask(tmp_path: Path, library: Library) -> None:
    """A carer's answers, and their evidence about their own care, readable by nobody else;
    a file that already exists keeps the mode its owner gave it."""
    import os
    import stat

    old = os.umask(0)
    try:
        kept, start = started(tmp_path / "new.yaml", library)
        kept.save(resume.with_answer(start, "alpha-1", "descriptive"))
        shared, start = started(tmp_path / "shared.yaml", library, {})
        (tmp_path / "shared.yaml").chmod(0o640)
        shared.save(resume.with_answer(start, "alpha-1", "descriptive"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "shared.yaml").stat().st_mode) == 0o640
