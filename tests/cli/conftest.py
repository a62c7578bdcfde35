"""Fixtures for the questionnaire's tests: where its answers file goes."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    return tmp_path / "answers.yaml"
