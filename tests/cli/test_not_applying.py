"""'Does not apply' through the command line, for answers files: the template says how, the
schema, validate and score accept it (the fast reader and the strict one alike), bad forms
get one located line, and the gate, targets and compare treat an area left out sensibly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import EXAMPLES, Run
from tests.report.test_applywords import one_file

NA = "does-not-apply"


def _filled(run: Run, tmp_path: Path, value: str) -> Path:
    """A template with every statement answered `value`, but Networks' with does-not-apply."""
    template = run("template", "nef").stdout
    text = re.sub(r"^  ((networks)-\d):\s*$", rf"  \1: {NA}", template, flags=re.M)
    text = re.sub(r"^  ([a-z-]+-\d):\s*$", rf"  \1: {value}", text, flags=re.M)
    path = tmp_path / "filled.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_template_says_the_answer_exists_and_how_to_give_a_reason(run: Run) -> None:
    template = run("template", "nef").stdout
    header = [line for line in template.splitlines() if line.startswith("#")][:8]
    assert any(NA in line for line in header)
    assert any('{level: does-not-apply, reason: "..."}' in line for line in header)


def test_a_filled_template_validates_and_scores_without_the_area(run: Run,
                                                                   tmp_path: Path) -> None:
    path = _filled(run, tmp_path, "descriptive")
    assert run("validate", str(path)).exit_code == 0
    res = json.loads(run("score", str(path), "-f", "json", "--fail-under",
                         "descriptive").stdout)
    assert res["level"] == "descriptive" and res["gate"]["met"]
    assert [d["id"] for d in res["dimensions"] if d["does_not_apply"]] == ["networks"]


def test_the_answers_schema_accepts_does_not_apply_with_a_reason(run: Run,
                                                                 tmp_path: Path) -> None:
    schema = json.loads(run("schema", "answers").stdout)
    data = yaml.safe_load(one_file(tmp_path).read_text(encoding="utf-8"))
    data["assessed_on"] = str(data["assessed_on"])  # as JSON holds a date
    jsonschema.validate(data, schema)
    for word in ("Does not apply", "not applicable", "does_not_apply"):
        jsonschema.validate({**data, "answers": {"assets-1": word}}, schema)
    too_long = {**data, "answers": {"assets-1": {"level": NA, "reason": "x" * 301}}}
    assert not jsonschema.Draft202012Validator(schema).is_valid(too_long)


def test_every_way_of_writing_it_reads_the_same(run: Run, tmp_path: Path) -> None:
    levels = []
    for word in ("does-not-apply", "Does not apply", "not applicable", "DOESN'T APPLY"):
        path = tmp_path / "one.yaml"
        path.write_text(f"framework: nef\nanswers:\n  assets-1: {json.dumps(word)}\n",
                        encoding="utf-8")
        res = json.loads(run("score", str(path), "-f", "json").stdout)
        levels.append(res["statements"][0]["does_not_apply"])
    assert levels == [True] * 4


def test_nothing_applying_is_no_level_and_a_gate_not_met(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "none.yaml"
    ids = re.findall(r"^  ([a-z-]+-\d):", run("template", "nef").stdout, re.M)
    path.write_text("framework: nef\nanswers:\n" + "".join(f"  {sid}: {NA}\n" for sid in ids),
                    encoding="utf-8")
    out = run("score", str(path), "--fail-under", "not-yet")
    assert out.exit_code == 1
    assert "no area applies to this service" in " ".join(out.stdout.split())


def test_compare_never_calls_an_area_left_out_a_fall(run: Run, tmp_path: Path) -> None:
    out = run("compare", str(EXAMPLES / "nef-intermediate.yaml"), str(one_file(tmp_path)),
              "-f", "json")
    cmp = json.loads(out.stdout)
    networks = next(d for d in cmp["dimensions"] if d["id"] == "networks")
    assert networks["not_applying_after"] and not networks["level_dropped"]
    assert not cmp["regression"]
    text = run("compare", str(EXAMPLES / "nef-intermediate.yaml"), str(one_file(tmp_path)))
    assert "REGRESSION" not in text.stdout
    assert re.search(r"Networks .* does not apply", text.stdout)


# --- exports read back: outline -> filled export -> the same result as answers files ---------

def _people() -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """Six people (role, answers, reasons): three say Networks does not apply, one that one
    statement of Assets does not apply, one is unsure of one."""
    from coprod_cli.reading.loader import Library

    ids = [s.id for s in Library.builtin().framework("nef").statements]
    people = []
    for number, role in enumerate(["carer", "person-drawing-on-care", "carer", "practitioner",
                                   "manager", "practitioner"]):
        answers = {sid: ["descriptive", "intermediate", "transformative"][(number + i) % 3]
                   for i, sid in enumerate(ids)}
        reasons: dict[str, str] = {}
        if number < 3:
            for sid in (s for s in ids if s.startswith("networks")):
                answers[sid] = NA
                reasons[sid] = ["We are one small home", "", "No groups near us"][number]
        if number == 3:
            answers["assets-2"], reasons["assets-2"] = NA, "The council plans this"
        if number == 4:
            answers["capacity-1"] = "unsure"
        people.append((role, answers, {k: v for k, v in reasons.items() if v}))
    return people


def _truth(run: Run, folder: Path) -> dict[str, object]:
    folder.mkdir()
    for number, (role, answers, reasons) in enumerate(_people()):
        given: dict[str, object] = {sid: {"level": level, "reason": reasons[sid]}
                                    if sid in reasons else level for sid, level in answers.items()}
        (folder / f"{number}.yaml").write_text(yaml.safe_dump(
            {"framework": "nef", "respondent": {"role": role}, "answers": given}),
            encoding="utf-8")
    return json.loads(run("score", str(folder), "-f", "json", "--min-group", "1").stdout)


def _rows(plain: bool) -> tuple[list[str], list[list[str]]]:
    """A Google Forms export of the outline: the choices in full, as the outline prints them,
    and a reason column for each statement."""
    from coprod_cli.models import LEVEL_IDS
    from coprod_cli.questionnaire.formoutline import (
        DONT_KNOW,
        NOT_APPLYING,
        outline,
        reason_title,
    )
    from coprod_cli.reading.loader import Library

    library = Library.builtin()
    form = outline(library.framework("nef"), library.catalogue, plain)
    questions = [q for part in form.parts for q in part.questions]
    ids = [q.title.split(".")[0] for q in questions]
    names = {role.id: role.name for role in library.catalogue.roles}
    header = [*form.header, *(reason_title(sid) for sid in ids)]
    rows = []
    for number, (role, answers, reasons) in enumerate(_people()):
        chosen = [q.choices[LEVEL_IDS.index(answers[sid])] if answers[sid] in LEVEL_IDS
                  else DONT_KNOW if answers[sid] == "unsure" else NOT_APPLYING
                  for sid, q in zip(ids, questions, strict=True)]
        rows.append([f"2026/11/0{number + 1} 10:00:00", names[role], *chosen,
                     *(reasons.get(sid, "") for sid in ids)])
    return header, rows


SAME_FIGURES = ("level", "score", "dimensions", "not_applying_answers", "unsure_answers")


def _same(export: dict[str, object], truth: dict[str, object]) -> None:
    for key in SAME_FIGURES:
        assert export[key] == truth[key], key
    pick = [(s["id"], s["not_applying"], s["reasons"], s["level"])  # type: ignore[index]
            for s in export["statements"]]  # type: ignore[attr-defined]
    assert pick == [(s["id"], s["not_applying"], s["reasons"], s["level"])  # type: ignore[index]
                    for s in truth["statements"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("plain", [False, True])
def test_a_google_forms_export_reads_back_as_the_answers_files(run: Run, tmp_path: Path,
                                                               plain: bool) -> None:
    import csv

    header, rows = _rows(plain)
    path = tmp_path / "google.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    export = json.loads(run("score", str(path), "-f", "json", "--min-group", "1").stdout)
    truth = _truth(run, tmp_path / "files")
    _same(export, truth)
    networks = next(d for d in export["dimensions"] if d["id"] == "networks")
    assert networks["does_not_apply"] is False  # three of six said so: the others rated it
    assert export["not_applying_answers"] == 3 * 4 + 1


def test_a_microsoft_forms_xlsx_reads_back_as_the_answers_files(run: Run,
                                                                 tmp_path: Path) -> None:
    import openpyxl

    header, rows = _rows(False)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["ID", "Start time", *header[1:]],
                *([number + 1, row[0], *row[1:]] for number, row in enumerate(rows))]:
        sheet.append(row)
    path = tmp_path / "microsoft.xlsx"
    book.save(path)
    export = json.loads(run("score", str(path), "-f", "json", "--min-group", "1").stdout)
    _same(export, _truth(run, tmp_path / "files"))


def test_a_kobotoolbox_export_by_the_xlsforms_names_reads_back(run: Run,
                                                                tmp_path: Path) -> None:
    import csv

    from coprod_cli.reading.loader import Library

    framework = Library.builtin().framework("nef")
    header = ["start", "end", "role", *(f"{d.id}/{s.id}" for d in framework.dimensions
                                        for s in d.statements),
              *(f"{d.id}/{s.id}_reason" for d in framework.dimensions for s in d.statements)]
    rows = [[f"2026-11-0{n + 1}T10:00:00", f"2026-11-0{n + 1}T10:20:00", role,
             *(answers[s.id] for s in framework.statements),
             *(reasons.get(s.id, "") for s in framework.statements)]
            for n, (role, answers, reasons) in enumerate(_people())]
    path = tmp_path / "kobo.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    export = json.loads(run("score", str(path), "-f", "json", "--min-group", "1").stdout)
    _same(export, _truth(run, tmp_path / "files"))
