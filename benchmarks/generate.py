"""Generate realistic answers files: the collective examples and the benchmark's sets.

    python benchmarks/generate.py examples    # rewrites examples/collective-*/ and the CSV
    python benchmarks/generate.py exports     # rewrites the Google and Microsoft Forms exports
"""

from __future__ import annotations

import csv
import datetime
import random
import sys
from pathlib import Path

from coprod_cli.answers import Answers
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework
from coprod_cli.questionnaire.answers_file import render_answers
from coprod_cli.reading.loader import Library, validated

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
    answers = validated(Answers, {"framework": framework.id, "respondent": {"role": role},
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


# How people answered the role question in the example exports: each team words it its own way.
GOOGLE_ROLES = {"person-drawing-on-care": ["Service user", "Person who uses services"],
                "carer": ["Family carer", "Unpaid carer"],
                "practitioner": ["Social worker", "Support worker"],
                "manager": ["Team manager"], "commissioner": ["Commissioner"]}
GRID = ["0 - Not yet co-production", "1 - Descriptive", "2 - Intermediate", "3 - Transformative"]
DONT_KNOW = "Don't know"
COMMENTS = ["", "", "Thank you for asking us, it's the first time anyone has.",
            'The "partnership board" meets at 2pm, when most carers can\'t come.',
            "Good start, but the forms are still full of jargon, e.g. 'outcomes', 'pathways'."]


def _people(rng: random.Random) -> list[str]:
    roles = ["person-drawing-on-care"] * 4 + ["carer"] * 3 + ["practitioner"] * 6 + \
        ["manager"] * 2 + ["commissioner"]
    rng.shuffle(roles)
    return roles


def write_google_form(path: Path, library: Library, seed: int) -> None:
    """A Google Forms export: a grid per element, consent, a role question, comments."""
    framework, rng = library.framework("nef"), random.Random(seed)
    header = ["Timestamp", "I have read the information sheet and agree to take part",
              "Which of these best describes you?"]
    header += [f"{d.name} [{s.id}. {s.text}]" for d in framework.dimensions for s in d.statements]
    header.append("Anything else you would like to tell us?")
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for number, role in enumerate(_people(rng)):
            chosen = levels(framework, AUTUMN["lived" if role in LIVED else "staff"], rng, 0.06)
            cells = [DONT_KNOW if level == "unsure" else GRID[LEVEL_IDS.index(level)]
                     for level in chosen.values()]
            if number % 7 == 3:  # a grid row someone skipped
                cells[rng.randrange(len(cells))] = ""
            stamp = f"{20 + number // 8}/11/2026 {10 + number % 8}:{7 * number % 60:02d}:" \
                f"{13 * number % 60:02d}"
            writer.writerow([stamp, "Yes", rng.choice(GOOGLE_ROLES[role]), *cells,
                             rng.choice(COMMENTS)])


MICROSOFT_ROLES = {"person-drawing-on-care": ["Person who draws on care and support",
                                              "Service user"],
                   "carer": ["Carer", "Family carer"],
                   "practitioner": ["Practitioner", "Social worker", "Support worker"],
                   "manager": ["Manager"], "commissioner": ["Commissioner"]}


def write_microsoft_form(path: Path, library: Library, seed: int) -> None:
    """A Microsoft Forms export (.xlsx): ID, times, email and name, a choice per statement."""
    import openpyxl

    framework, rng = library.framework("nef"), random.Random(seed)
    names = {level.id: level.name for level in library.catalogue.levels}
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                  "Which best describes you?",
                  *[f"{s.id}. {s.text}" for s in framework.statements],
                  "Evidence for shared-roles-1 (optional)", "Any other comments?"])
    for number, role in enumerate(_people(rng), start=1):
        chosen = levels(framework, AUTUMN["lived" if role in LIVED else "staff"], rng, 0.05)
        cells = [DONT_KNOW if level == "unsure" else f"{LEVEL_IDS.index(level)} - "
                 f"{names[level]}: {s.levels.at(level)}"
                 for s, level in zip(framework.statements, chosen.values(), strict=True)]
        start = datetime.datetime(2026, 11, 23, 9, 0) + datetime.timedelta(minutes=37 * number)
        evidence = "Two people who use the service co-chair the design group" \
            if number % 5 == 0 else None
        sheet.append([number, start, start + datetime.timedelta(minutes=11 + number % 9),
                      "anonymous", None, None, rng.choice(MICROSOFT_ROLES[role]), *cells,
                      evidence, rng.choice(COMMENTS) or None])
    book.save(path)


def exports() -> None:
    library = Library.builtin()
    write_google_form(ROOT / "examples/google-forms-export.csv", library, seed=2026_11_20)
    write_microsoft_form(ROOT / "examples/microsoft-forms-export.xlsx", library, seed=2026_11_23)


def examples() -> None:
    library = Library.builtin()
    write_set(ROOT / "examples/collective-spring-2026", library, SPRING, SPRING_ROLES,
              datetime.date(2026, 4, 22), seed=2026_04)
    write_set(ROOT / "examples/collective-autumn-2026", library, AUTUMN, AUTUMN_ROLES,
              datetime.date(2026, 11, 18), seed=2026_11)
    write_form(ROOT / "examples/online-form.csv", library, seed=2026_20)


if __name__ == "__main__":
    if sys.argv[1:] == ["examples"]:
        examples()
    elif sys.argv[1:] == ["exports"]:
        exports()
    else:
        sys.exit(__doc__)
