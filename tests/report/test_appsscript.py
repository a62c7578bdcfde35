"""coprod form --format apps-script: a Google Apps Script that node accepts, that builds the
form with the exact titles and choices when run against a stand-in for FormApp, whose export
scores as it comes, and that no text in a framework can break out of."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from coprod_cli.questionnaire.formoutline import outline
from coprod_cli.reading.loader import Library
from coprod_cli.report.appsscript import js_literal
from tests.conftest import Run
from tests.data.exports.make_exports import RESPONDENTS
from tests.reading.test_exports import same, scored, truth, warnings

LIB = Library.builtin()
MOCK = Path(__file__).parent / "formmock.mjs"
HOSTILE = Path(__file__).parent.parent / "corpus" / "hostile-framework.yaml"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs node")
BREAKERS = ["\"quoted\" and 'single'", "back\\slash\\", "</script><script>alert(1)</script>",
            "line\u2028separator\u2029para", "'); globalThis.pwned = 1; //", "*/ pwned = 1; /*",
            "${pwned = 1}`", "<!-- -->", "\\u0022"]


def made(run: Run, tmp_path: Path, *args: str) -> Path:
    path = tmp_path / "form.js"
    result = run("form", *args, "--format", "apps-script", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def built(path: Path) -> dict[str, Any]:
    """The form the script builds, run by node against a stand-in for FormApp."""
    assert NODE is not None
    subprocess.run([NODE, "--check", str(path)], check=True, capture_output=True)
    out = subprocess.run([NODE, str(MOCK), str(path)], check=True, capture_output=True,
                         text=True)
    data: dict[str, Any] = json.loads(out.stdout)
    return data


@pytest.mark.parametrize("args", [("nef",), ("scie",), ("nef", "--plain")])
def test_the_form_has_the_exact_titles_and_choices(run: Run, tmp_path: Path,
                                                   args: tuple[str, ...]) -> None:
    form = built(made(run, tmp_path, *args))
    expected = outline(LIB.framework(args[0]), LIB.catalogue, plain="--plain" in args)
    choices = [item for item in form["items"] if item["kind"] == "choice"]
    assert choices[0]["title"] == expected.role.title and choices[0]["required"] is False
    questions = [q for part in expected.parts for q in part.questions]
    assert [(c["title"], c["choices"]) for c in choices[1:]] == \
        [(q.title, list(q.choices)) for q in questions]
    assert all(c["required"] for c in choices[1:])
    sections = [item["title"] for item in form["items"] if item["kind"] == "section"]
    assert sections == [part.name for part in expected.parts]
    assert form["logged"] == ["Edit the form: edit", "Send this link to respondents: published"]


def google_export(form: dict[str, Any], folder: Path) -> Path:
    """Google Forms' 'Download responses (.csv)' of RESPONDENTS for the form the script built:
    a Timestamp, then one column per question titled as it is, answers as the choices."""
    items = [item for item in form["items"] if item["kind"] != "section"]
    role_names = dict(zip((role.id for role in LIB.catalogue.roles), items[0]["choices"],
                          strict=True))  # in the form's language
    levels = ["not-yet", "descriptive", "intermediate", "transformative", "unsure"]
    rows = [["Timestamp", *(item["title"] for item in items)]]
    for person in RESPONDENTS:
        cells = [person.when.strftime("%Y/%m/%d %I:%M:%S %p GMT").lower().replace("gmt", "GMT")]
        for item in items[1:]:
            found = re.search(r"[a-z]+(?:-[a-z]+)*-\d+", item["title"])
            assert found is not None
            sid = found.group(0)
            if item["kind"] == "paragraph":
                cells.append(person.evidence.get(sid, ""))
            else:
                cells.append(item["choices"][levels.index(person.answers[sid])])
        rows.append([cells[0], role_names[person.role], *cells[1:]])
    path = folder / "Co-production self-assessment (Responses).csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    return path


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_its_google_forms_export_scores_as_it_comes(run: Run, tmp_path: Path, lang: str) -> None:
    """A Welsh form's too: its Welsh evidence titles, roles and 'Ddim yn gwybod' read back."""
    form = built(made(run, tmp_path, "nef", "--lang", lang))
    if lang == "cy":
        assert form["logged"] == ["Golygu'r ffurflen: edit",
                                  "Anfonwch y ddolen hon at ymatebwyr: published"]
        assert any(item["title"].startswith("Tystiolaeth ar gyfer") for item in form["items"])
    export = google_export(form, tmp_path)
    (tmp_path / "truth").mkdir()
    data = scored(run, str(export))
    same(data, truth(run, tmp_path / "truth", RESPONDENTS, evidence=True))
    assert warnings(data) == [] and "unmatched" not in data["stderr"]


def hostile_framework(folder: Path) -> Path:
    data = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
    data["name"] = " ".join(BREAKERS)
    statement = data["dimensions"][0]["statements"][0]
    statement["text"] = "|".join(BREAKERS)
    statement["levels"]["descriptive"] = BREAKERS[2] + BREAKERS[4]
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_no_text_in_a_framework_breaks_out_of_the_script(run: Run, tmp_path: Path) -> None:
    framework = hostile_framework(tmp_path)
    path = made(run, tmp_path, "hostile", "-F", str(framework))
    script = path.read_text(encoding="utf-8")
    assert "</script" not in script and "\u2028" not in script and "\u2029" not in script
    form = built(path)  # node accepts it, and it runs as written
    assert "pwned" not in form["globals"]
    title = next(item["title"] for item in form["items"] if item["kind"] == "choice"
                 and item["title"].startswith("voice-1"))
    assert title == "voice-1. " + "|".join(BREAKERS).replace("\u2028", "\\u2028") \
        .replace("\u2029", "\\u2029")
    assert form["form"]["title"].endswith(" ".join(BREAKERS).replace("\u2028", "\\u2028")
                                          .replace("\u2029", "\\u2029"))


@pytest.mark.parametrize("text", BREAKERS)
def test_a_literal_reads_back_as_the_same_text_in_javascript(tmp_path: Path, text: str) -> None:
    assert NODE is not None
    literal = js_literal({"t": [text, text + "\u2028"]})
    assert "\u2028" not in literal and "<" not in literal and "&" not in literal
    program = tmp_path / "read.js"
    program.write_text(f"process.stdout.write(JSON.stringify({literal}));", encoding="utf-8")
    out = subprocess.run([NODE, str(program)], check=True, capture_output=True, text=True)
    assert json.loads(out.stdout) == {"t": [text, text + "\u2028"]}


def test_the_form_description_credits_its_sources(run: Run, tmp_path: Path) -> None:
    """The form's description, as the script sets it, credits the framework's source."""
    description = built(made(run, tmp_path, "nef"))["form"]["description"]
    fw = LIB.framework("nef")
    assert "Credit: " in description and fw.source.url and fw.source.url in description
