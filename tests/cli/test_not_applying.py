"""'Does not apply' through the command line, for answers files: the template says how, the
schema, validate and score accept it (the fast reader and the strict one alike), bad forms
get one located line, and the gate, targets and compare treat an area left out sensibly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
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
