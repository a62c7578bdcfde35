"""The options several commands share (cli/options.py): each command that takes one reads it
alike."""

from __future__ import annotations

import pytest

from coprod_cli.models import WEIGHTINGS
from tests.conftest import EXAMPLES, Run

FOLDER = str(EXAMPLES / "collective-autumn-2026")
ROUNDS = [str(EXAMPLES / "trend" / name) for name in ("2026-03-18", "2026-06-17")]
COMMANDS = [["score", FOLDER], ["trend", *ROUNDS], ["compare", FOLDER, FOLDER]]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_min_group_below_one_is_refused_alike_by_every_command(run: Run,
                                                                argv: list[str]) -> None:
    out = run(*argv, "--min-group", "0")
    assert out.exit_code == 2
    assert "must be 1 or more" in out.stderr


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_weighting_takes_the_same_choices_in_every_command(run: Run, argv: list[str]) -> None:
    for weighting in WEIGHTINGS:
        out = run(*argv, "--weighting", weighting, "--format", "json")
        assert out.exit_code == 0, out.stderr
        assert f'"weighting": "{weighting}"' in out.stdout
    refused = run(*argv, "--weighting", "loudest")
    assert refused.exit_code == 2
    assert all(weighting in refused.stderr for weighting in WEIGHTINGS)
