"""A plan as YAML: commented, and read back by the plan reader as the same plan."""

from __future__ import annotations

import datetime
from pathlib import Path

from coprod_cli.reading import planfile as reader
from coprod_cli.reading.loader import Library
from coprod_cli.report import planfile
from coprod_cli.scoring import plancheck
from coprod_cli.scoring.engine import score
from coprod_cli.tally import Tally
from tests.builders import CATALOGUE
from tests.conftest import EXAMPLES


def test_the_file_reads_back_as_the_same_plan(tmp_path: Path) -> None:
    lib = Library.builtin()
    fw = lib.framework("nef")
    tally = Tally(fw)
    from coprod_cli.reading.loader import Document

    tally.add(lib.answers(Document.read(EXAMPLES / "nef-descriptive.yaml"))[0])
    plan = plancheck.make(score(fw, CATALOGUE, tally), datetime.date(2026, 3, 1))
    text = planfile.render(plan, fw)
    assert text.startswith("# coprod plan: the quickest route to")
    assert f"# {fw.statements[0].text}" in text or plan.moves[0].statement in text
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert reader.read(lib, path) == plan
