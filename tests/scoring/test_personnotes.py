"""Notes about single respondents: named when the result is kept to oneself, in a shared one
only how many (in a range of --min-group, nothing for fewer), so that two shared reports a
person apart do not say how that person answered; whoever runs coprod is told them on stderr."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run

AUTUMN = EXAMPLES / "collective-autumn-2026"


def _blank(path: Path, pattern: str, everything_else_unsure: bool = False) -> None:
    text = re.sub(rf"(?m)^  ({pattern}):.*$", r"  \1:", path.read_text(encoding="utf-8"))
    if everything_else_unsure:
        text = re.sub(r"(?m)^  ([a-z-]+-\d+): (?!$).*$", r"  \1: unsure", text)
    path.write_text(text, encoding="utf-8")


def _set(folder: Path, late: bool, partial: int = 1) -> Path:
    """The autumn example where `partial` practitioners leave assets-1 blank, carer-01 is
    unsure about everything else, and manager-01 is there twice; with `late`, a
    commissioner's late file that leaves two statements blank."""
    shutil.copytree(AUTUMN, folder)
    _blank(folder / "carer-01.yaml", "assets-1", everything_else_unsure=True)
    for path in sorted(folder.glob("practitioner-*.yaml"))[:partial]:
        _blank(path, "assets-1")
    shutil.copy(folder / "manager-01.yaml", folder / "manager-copy.yaml")
    if late:
        shutil.copy(folder / "commissioner-01.yaml", folder / "commissioner-02.yaml")
        _blank(folder / "commissioner-02.yaml", "capacity-[12]")
    return folder


def _score(run: Run, folder: Path, *extra: str) -> tuple[list[str], str]:
    """The result's warnings and standard error, made as if on another machine (a memory of
    its own, so that coprod does not refuse the second of two reports a person apart)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COPROD_STATE_DIR", tempfile.mkdtemp())
        out = run("score", str(folder), "-f", "json", *extra)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)["warnings"], out.stderr


def test_a_private_result_names_each_respondent_and_the_statements(
        run: Run, tmp_path: Path) -> None:
    said = " ".join(_score(run, _set(tmp_path / "set", False), "--private")[0])
    assert "2 respondent(s) left 2 statement(s) unanswered" in said and "(assets-1)" in said
    assert "were unsure about more than a third of the statements: respondent" in said
    assert "1 pair(s) of respondents gave identical answers" in said


def test_shared_results_a_person_apart_say_the_same_about_single_respondents(
        run: Run, tmp_path: Path) -> None:
    """The late commissioner left two statements blank: three did before, four after, and
    the shared results say '3 to 5' in both; the private ones name the commissioner, and
    whoever runs coprod is told on standard error."""
    (before, _), (after, told) = (_score(run, _set(tmp_path / side, side == "after", 2))
                                  for side in ("before", "after"))
    notes = [w for w in after if re.search(r"respondent|pair", w)]
    assert notes == [w for w in before if re.search(r"respondent|pair", w)]
    assert len(notes) == 1 and notes[0].startswith("3 to 5 respondents left statements")
    assert "capacity-1, capacity-2" in told and "for you only" in told
    exact = [_score(run, tmp_path / side, "--private")[0] for side in ("before", "after")]
    assert exact[0][1] != exact[1][1] and "capacity-1, capacity-2" in exact[1][1]


def test_a_shared_result_says_nothing_of_fewer_than_min_group_and_names_nobody(
        run: Run, tmp_path: Path) -> None:
    """Two left a statement blank, one was unsure about most, one pair is identical: each
    fewer than --min-group, so the shared result says none of it; the private one does."""
    said, told = _score(run, _set(tmp_path / "set", False, partial=1))
    assert not re.search(r"respondent|pair|assets-1", " ".join(said))
    assert "2 respondent(s) left 2 statement(s) unanswered" in told
    assert "1 respondent(s) were unsure about more than a third" in told


def test_nothing_to_tell_works_out_no_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Everyone answered every statement and nobody was mostly unsure: no note, and which
    groups a shared result shows (an audit of every group) is not worked out for nothing."""
    from coprod_cli.scoring import collective, personnotes
    from coprod_cli.tally import Tally
    from tests.builders import CATALOGUE, FW, answers

    found = Tally(FW)
    for role in ["person-drawing-on-care", "carer", "practitioner"] * 2:
        found.add(answers({s.id: 1 for s in FW.statements}, role))

    def audited(*args: object, **kwargs: object) -> None:
        raise AssertionError("the groups were audited with nothing to say")

    monkeypatch.setattr(collective, "breakdown", audited)
    assert personnotes.for_you(FW, CATALOGUE, found, "partnership", 3, False) == []
