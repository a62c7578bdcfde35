"""What an online form must ask so its export reads back: titles, choices, the header row."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from tests.cli.test_form import LIB, questions
from tests.conftest import Run


@pytest.mark.parametrize("framework", sorted(LIB.builtin_ids))
@pytest.mark.parametrize("plain", [False, True])
def test_what_the_outline_says_to_build_is_read_back(run: Run, tmp_path: Path, framework: str,
                                                     plain: bool) -> None:
    flags = ["--plain"] if plain else []
    header_out = run("form", framework, "--format", "csv", *flags)
    outline = run("form", framework, "--format", "markdown", *flags)
    assert header_out.exit_code == 0 and outline.exit_code == 0
    header = next(csv.reader(io.StringIO(header_out.stdout)))
    asked = questions(outline.stdout)
    assert [title for title, _ in asked] == header[1:]  # the role, then every statement
    rng = random.Random(framework)
    rows = [["24/11/2026 14:03:22", *(rng.choice(choices) for _, choices in asked)]
            for _ in range(12)]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 12 and data["assessed_on"] == "2026-11-24"
    statements = LIB.framework(framework).statements
    assert len(header) == 2 + len(statements)


def test_a_google_grid_built_from_the_outline_is_read_back(run: Run, tmp_path: Path) -> None:
    fw = LIB.framework("nef")
    out = run("form", "nef").stdout
    columns = out.split("these columns:\n  ")[1].splitlines()[0].split(" | ")
    header = ["Timestamp", "Your role: which of these best describes you?",
              *(f"{d.name} [{s.id}. {s.text}]" for d in fw.dimensions for s in d.statements)]
    path = tmp_path / "grid.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, ["24/11/2026", "Carer",
                                               *(columns[i % 5] for i in range(len(header) - 2))]])
    assert run("score", str(path), "-f", "json").exit_code == 0


def test_the_role_question_says_how_the_voices_are_weighed_and_it_is_true() -> None:
    """The description under the role question is the scoring's default: the two voices carry
    half each, every person once inside a voice, and nobody's role means everyone else."""
    from coprod_cli.questionnaire.formoutline import ROLE_NOTE
    from tests.scoring.test_collective import collective, everyone

    assert "carry half the say" in ROLE_NOTE and "each person counts once" in ROLE_NOTE
    # One carer at transformative (3) against five managers at not-yet (0): half each, 1.5.
    one_carer = collective([everyone("transformative", "carer")]
                           + [everyone("not-yet", "manager")] * 5)
    assert one_carer.score == 1.5
    # Inside a voice, each person once: a second lived-experience role does not add a share.
    lived = [everyone("transformative", role)
             for role in ("carer", "person-drawing-on-care", "person-drawing-on-care")]
    two_roles = collective([*lived, everyone("not-yet", "manager"),
                            everyone("not-yet", "volunteer")])
    assert two_roles.score == 1.5
    # Someone who gives no role counts with everyone else, not with lived experience.
    unnamed = collective([everyone("transformative", "carer"), everyone("not-yet", None)])
    assert unnamed.score == 1.5
