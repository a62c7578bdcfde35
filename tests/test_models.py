"""Frameworks' rules: a mistyped tag located with a suggestion; tags optional for others'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.mark.parametrize(("wrong", "message"), [
    ("principles: [equality]", "unknown principle id 'equallity' (did you mean 'equality'?)"),
    ("scope: service", "unknown scope id 'servise' (did you mean 'service'?)"),
    ("activities: [co-design]", "unknown activity id 'co-desing' (did you mean 'co-design'?)"),
    ("basis: [nef-self-assessment, scn, scie-2022]",
     "unknown source id 'scie-2020' (did you mean 'scie-2022'?)"),
])
def test_a_mistyped_tag_is_located_with_a_suggestion(run: Run, tmp_path: Path, wrong: str,
                                                     message: str) -> None:
    typo = {"principles": "principles: [equallity]", "scope": "scope: servise",
            "activities": "activities: [co-desing]",
            "basis": "basis: [nef-self-assessment, scn, scie-2020]"}[wrong.split(":")[0]]
    text = (Path(__file__).parents[1] / "frameworks" / "nef.yaml").read_text(encoding="utf-8")
    path = tmp_path / "mine.yaml"
    path.write_text(text.replace(wrong, typo, 1).replace("id: nef", "id: mine", 1),
                    encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert f"{path}:" in result.stderr


def test_a_user_framework_without_tags_is_still_valid(run: Run, tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "frameworks" / "nef.yaml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines()
            if not re.match(r"\s+(principles|scope|activities|basis):", line)
            and not re.match(r"\s+(evidence_examples:|- \")", line)]
    path = tmp_path / "mine.yaml"
    path.write_text("\n".join(kept).replace("id: nef", "id: mine", 1) + "\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stderr
