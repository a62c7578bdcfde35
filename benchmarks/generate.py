"""Generate realistic answers files: the collective examples and the benchmark's sets.

    python benchmarks/generate.py examples    # rewrites examples/collective-*/ and the CSV
"""

from __future__ import annotations

import csv
import datetime
import random
import sys
from pathlib import Path

from coprod_cli.answers import Answers
from coprod_cli.answers_file import render_answers
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework
from coprod_cli.reading.loader import Library

ROOT = Path(__file__).resolve().parent.parent
LIVED = ("person-drawing-on-care", "carer")

# How each group sees each NEF element, 0-3: staff see shared roles and assets far more
# rosily in spring than people with lived experience do; by autumn the views have met.
SPRING = {"lived": {"assets": 1.0, "capacity": 1.5, "mutuality": 1.2, "networks": 1.6,
                    "shared-roles": 0.6, "catalysts": 1.2},
          "staff": {"assets": 2.4, "capacity": 2.0, "mutuality": 1.7, "networks": 1.8,
                    "shared-roles": 2.5, "catalysts": 1.6}}
AUTUMN = {"lived": {"assets": 2.0, "capacity": 2.1, "mutuality": 2.0, "networks": 1.5,
                    "shared-roles": 1.9, "catalysts": 2.0},
          "staff": {"assets": 2.5, "capacity": 2.3, "mutuality": 2.2, "networks": 1.7,
                    "shared-roles": 2.4, "catalysts": 2.1}}
SPRING_ROLES = {"person-drawing-on-care": 2, "practitioner": 9, "manager": 3, "commissioner": 1}
AUTUMN_ROLES = {"person-drawing-on-care": 3, "carer": 2, "practitioner": 8, "manager": 3,
                "commissioner": 1}


def levels(framework: Framework, view: dict[str, float], rng: random.Random,
           unsure: float = 0.04) -> dict[str, str]:
    """One respondent's answers: around their group's view, a step either side, a few unsure."""
    chosen = {}
    for dimension in framework.dimensions:
        for statement in dimension.statements:
            if rng.random() < unsure:
                chosen[statement.id] = "unsure"
                continue
            value = round(view.get(dimension.id, 1.5) + rng.uniform(-0.9, 0.9))
            chosen[statement.id] = LEVEL_IDS[max(0, min(3, value))]
    return chosen


def answers_text(framework: Framework, catalogue: Catalogue, role: str, chosen: dict[str, str],
                 day: datetime.date) -> str:
    answers = Answers.model_validate({"framework": framework.id, "respondent": {"role": role},
                                      "assessed_on": day, "answers": chosen})
    return render_answers(framework, catalogue, answers)


def write_set(folder: Path, library: Library, views: dict[str, dict[str, float]],
              roles: dict[str, int], day: datetime.date, seed: int) -> None:
    framework, rng = library.framework("nef"), random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for role, count in roles.items():
        view = views["lived" if role in LIVED else "staff"]
        for number in range(1, count + 1):
            text = answers_text(framework, library.catalogue, role,
                                levels(framework, view, rng), day)
            (folder / f"{role}-{number:02d}.yaml").write_text(text, encoding="utf-8")


def write_form(path: Path, library: Library, seed: int) -> None:
    """An online form's export: a timestamp, a role question, a column per statement."""
    framework, rng = library.framework("nef"), random.Random(seed)
    names = {role.id: role.name for role in library.catalogue.roles}
    ids = [s.id for s in framework.statements]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Timestamp", "What is your role?", *ids])
        people = ["person-drawing-on-care"] * 3 + ["carer"] * 2 + ["practitioner"] * 5 + \
            ["manager"] * 2
        for minute, role in enumerate(people):
            view = AUTUMN["lived" if role in LIVED else "staff"]
            chosen = levels(framework, view, rng)
            writer.writerow([f"2026/11/20 10:{minute:02d}:00 am GMT", names[role],
                             *[chosen[sid] for sid in ids]])


def examples() -> None:
    library = Library.builtin()
    write_set(ROOT / "examples/collective-spring-2026", library, SPRING, SPRING_ROLES,
              datetime.date(2026, 4, 22), seed=2026_04)
    write_set(ROOT / "examples/collective-autumn-2026", library, AUTUMN, AUTUMN_ROLES,
              datetime.date(2026, 11, 18), seed=2026_11)
    write_form(ROOT / "examples/online-form.csv", library, seed=2026_20)


if __name__ == "__main__":
    if sys.argv[1:] != ["examples"]:
        sys.exit(__doc__)
    examples()
