"""Fixtures for the command tests: where the questionnaire's answers file goes, and a framework
added with --framework."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    return tmp_path / "answers.yaml"


@pytest.fixture
def added_framework(tmp_path: Path) -> Path:
    """A framework given with --framework (scie's content under the id 'mine')."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(Path("frameworks/scie.yaml").read_text(encoding="utf-8").replace(
        "id: scie", "id: mine", 1), encoding="utf-8")
    return mine
