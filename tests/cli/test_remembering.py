"""A shared result checked against what coprod shared before (cli/remembering.py)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, Run

AUTUMN = EXAMPLES / "collective-autumn-2026"


def _late(tmp_path: Path) -> tuple[str, str]:
    """The autumn set before the commissioner's late file, and after it."""
    before = tmp_path / "before"
    shutil.copytree(AUTUMN, before)
    (before / "commissioner-01.yaml").unlink()
    return str(before), str(AUTUMN)


def test_a_result_one_person_apart_from_a_shared_one_is_refused(run: Run,
                                                                tmp_path: Path) -> None:
    before, after = _late(tmp_path)
    assert run("score", before, "-o", str(tmp_path / "draft.md"), "-f", "markdown"
               ).exit_code == 0
    out = run("score", after, "-f", "html", "-o", str(tmp_path / "final.html"))
    assert out.exit_code == 2 and not (tmp_path / "final.html").exists()
    assert out.stderr.startswith("error: this result and a result shared on ")
    assert "--private" in out.stderr and out.stderr.count("\n") == 1


def test_what_may_still_be_written(run: Run, tmp_path: Path) -> None:
    before, after = _late(tmp_path)
    assert run("score", before, "-f", "json").exit_code == 0
    assert run("score", before, "-f", "json", "--weighting", "role").exit_code == 0  # the same
    assert run("score", after, "-f", "json", "--private").exit_code == 0  # not to share
    assert run("score", after, "-f", "json", "--min-group", "1").exit_code == 0  # all open
    assert run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f", "json").exit_code == 0
    assert run("score", str(EXAMPLES / "collective-spring-2026"), "-f", "json").exit_code == 0


def test_a_comparison_of_two_sides_a_person_apart_is_refused(run: Run,
                                                             tmp_path: Path) -> None:
    before, after = _late(tmp_path)
    out = run("compare", before, after, "-f", "json")
    assert out.exit_code == 2 and "the two sides differ by 1 person" in out.stderr
    assert run("compare", before, after, "-f", "json", "--private").exit_code == 0
    assert run("compare", str(EXAMPLES / "collective-spring-2026"), after).exit_code == 0


def test_without_a_usable_memory_it_says_so_and_goes_on(run: Run, tmp_path: Path,
                                                        monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("COPROD_STATE_DIR", str(blocker / "state"))
    out = run("score", str(AUTUMN), "-f", "json")
    assert out.exit_code == 0 and json.loads(out.stdout)["respondents"] == 17
    assert "cannot check this result against the results it shared before" in out.stderr


def test_a_read_only_home_still_scores(run: Run, tmp_path: Path, monkeypatch) -> None:
    """As in CI or a fresh clone on a read-only disk: the README's main command works."""
    home = tmp_path / "home"
    home.mkdir()
    os.chmod(home, 0o500)
    monkeypatch.delenv("COPROD_STATE_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    try:
        out = run("score", str(AUTUMN), "--fail-under", "descriptive")
        assert out.exit_code == 0
    finally:
        os.chmod(home, 0o700)


def test_the_memory_is_read_with_the_collector_off_and_left_as_found(tmp_path: Path) -> None:
    """Its sketches live until coprod exits: read with the garbage collector off and frozen
    out of its later passes (as the library is); the collector is then as it was."""
    import gc

    from coprod_cli.cli import remembering

    seen = []
    gc.callbacks.append(lambda phase, info: seen.append(phase))
    try:
        assert remembering.memory(tmp_path / "out.md", False, False, 3) is not None
        assert gc.isenabled() and seen == []
        gc.disable()
        remembering.memory(tmp_path / "out.md", False, False, 3)
        assert not gc.isenabled()
    finally:
        gc.callbacks.pop()
        gc.enable()
