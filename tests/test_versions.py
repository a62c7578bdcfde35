"""A framework's migration map: answers written for an earlier version still score, through
the map, and the result says which answers came through it and which statements have none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_cli.versions import IdChange, Migration, carry, written_for
from tests.conftest import EXAMPLES, Run

ROWS = {"not-yet": "n", "descriptive": "d", "intermediate": "i", "transformative": "t"}


def statement(sid: str) -> dict[str, object]:
    return {"id": sid, "text": f"Statement {sid}.", "plain": f"Statement {sid}.",
            "levels": ROWS}


def tiny(migrations: list[dict[str, object]], version: str = "3.0.0",
         ids: tuple[tuple[str, ...], tuple[str, ...]] = (("a-1", "a-3", "a-4"),
                                                         ("b-1", "b-2", "b-3"))) -> dict:
    """A tiny framework: a-2 was split into a-3 and a-4 in 2.0.0, b-2 added then, and b-3
    added in 3.0.0."""
    return {"id": "tiny", "name": "Tiny", "version": version, "text": "Tiny.", "plain": "Tiny.",
            "source": {"title": "T", "author": "A", "year": 2020}, "credit": "Test.",
            "migrations": migrations,
            "dimensions": [{"id": dim, "name": dim.upper(), "text": "Part.", "plain": "Part.",
                            "statements": [statement(s) for s in group]}
                           for dim, group in zip("ab", ids, strict=True)]}


V1 = {"from": "1.0.0", "to": "2.0.0", "statements": ["a-1", "a-2", "b-1"],
      "changes": [{"id": "a-2", "to": ["a-3", "a-4"]}], "added": ["b-2"]}
V2 = {"from": "2.0.0", "to": "3.0.0", "statements": ["a-1", "a-3", "a-4", "b-1", "b-2"],
      "added": ["b-3"]}
OLD = {"framework": "tiny", "respondent": {"role": "carer"},
       "answers": {"a-1": "intermediate", "a-2": "transformative", "b-1": "descriptive"}}


def write(tmp_path: Path, name: str, data: dict) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=1), "utf-8")  # JSON is YAML, with no aliases
    return str(path)


def migrations() -> list[Migration]:
    def build(step: dict) -> Migration:
        changes = tuple(IdChange(id=c["id"], to=tuple(c["to"])) for c in step.get("changes", ()))
        return Migration(from_version=step["from"], to=step["to"],
                         statements=tuple(step["statements"]), changes=changes,
                         added=tuple(step.get("added", ())))
    return [build(V1), build(V2)]


def test_an_answer_is_carried_through_every_step_and_new_statements_get_none() -> None:
    steps = migrations()
    levels, carried = carry({"a-1": "i", "a-2": "t", "b-1": None}, steps[0], steps)
    assert levels == {"a-1": "i", "a-3": "t", "a-4": "t", "b-1": None, "b-2": None,
                      "b-3": None}
    assert carried.from_version == "1.0.0"
    assert carried.through_map == (IdChange(id="a-2", to=("a-3", "a-4")),)
    assert sorted(carried.no_answer_yet) == ["b-2", "b-3"]


def test_a_file_written_for_the_middle_version_takes_only_the_last_step() -> None:
    steps = migrations()
    levels, carried = carry({"a-1": "i", "a-3": "t", "a-4": "d", "b-1": "d", "b-2": "d"},
                            steps[1], steps)
    assert levels["a-4"] == "d" and levels["b-3"] is None
    assert carried.through_map == () and carried.no_answer_yet == ("b-3",)


@pytest.mark.parametrize(("keys", "declared", "expected"), [
    (["a-1", "a-3", "b-3"], None, None),  # only current ids: the current version
    (["a-1", "a-2", "b-1"], None, "1.0.0"),  # a retired id: the version that has them all
    (["a-1", "b-2"], "2.0.0", "2.0.0"),  # a declared version wins
    (["a-1"], "3.0.0", None),
    (["a-1"], "0.9.0", None),  # unknown: the loader refuses it
])
def test_which_version_a_file_was_written_for(keys: list[str], declared: str | None,
                                              expected: str | None) -> None:
    found = written_for(keys, declared, "3.0.0", {"a-1", "a-3", "a-4", "b-1", "b-2", "b-3"},
                        migrations())
    assert (found.from_version if found else None) == expected


def test_an_earlier_file_scores_and_the_result_says_what_the_map_did(
        run: Run, tmp_path: Path) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([V1, V2]))
    answers = write(tmp_path, "old.yaml", OLD)
    before = Path(answers).read_bytes()
    result = run("score", answers, "--framework", framework, "-f", "json")
    assert result.exit_code == 0, result.stderr
    res = json.loads(result.stdout)
    assert res["migrated"] == [{"from_version": "1.0.0", "files": 1,
                                "through_map": {"a-2": ["a-3", "a-4"]},
                                "no_answer_yet": ["b-2", "b-3"]}]
    assert res["unsure_answers"] == 2  # the two new statements, counted as unsure
    by_id = {s["id"]: s for s in res["statements"]}
    assert by_id["a-3"]["score"] == by_id["a-4"]["score"] == 3
    assert any("1.0.0" in w and "b-2, b-3" in w for w in res["warnings"])
    assert Path(answers).read_bytes() == before  # never edited to fit


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_says_which_answers_came_through_the_map(
        run: Run, tmp_path: Path, fmt: str) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([V1, V2]))
    result = run("score", write(tmp_path, "old.yaml", OLD), "--framework", framework, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "migration map" in flat and "a-2" in flat and "b-3" in flat


def test_compare_reads_an_earlier_round_against_a_later_one(run: Run, tmp_path: Path) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([V1, V2]))
    new = {**OLD, "answers": dict.fromkeys(["a-1", "a-3", "a-4", "b-1", "b-2", "b-3"],
                                           "transformative")}
    result = run("compare", write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", new),
                 "--framework", framework, "-f", "json")
    assert result.exit_code == 0, result.stderr
    cmp = json.loads(result.stdout)
    assert cmp["before"]["migrated"][0]["from_version"] == "1.0.0"
    assert cmp["after"]["migrated"] == [] and cmp["direction"] == "up"


def test_a_declared_version_coprod_cannot_read_is_one_located_line(
        run: Run, tmp_path: Path) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([V1, V2]))
    answers = write(tmp_path, "old.yaml", {**OLD, "framework_version": "0.9.0"})
    result = run("score", answers, "--framework", framework)
    assert result.exit_code == 2
    line = Path(answers).read_text("utf-8").splitlines().index(' "framework_version": "0.9.0"')
    assert f"old.yaml:{line + 1}:" in result.stderr and "0.9.0" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_says_a_file_came_through_the_map(run: Run, tmp_path: Path) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([V1, V2]))
    result = run("validate", write(tmp_path, "old.yaml", OLD), "--framework", framework)
    assert result.exit_code == 0 and "version 1.0.0" in result.stdout


BROKEN = [
    ([{**V1, "to": "2.1.0"}, V2], "leads to 2.1.0"),
    ([{**V1, "changes": []}, V2], "'a-2' is gone from version 2.0.0"),
    ([{**V1, "changes": [{"id": "a-2", "to": ["a-3", "a-9"]}]}, V2], "'a-9' is not"),
    ([{**V1, "added": []}, V2], "b-2 of version 2.0.0 neither"),
    ([V1, {**V2, "added": ["b-3", "a-1"]}], "'a-1' is not a new statement"),
    ([{**V1, "changes": [{"id": "a-1", "to": ["a-3"]}, {"id": "a-2", "to": ["a-4"]}]}, V2],
     "'a-1' is still a statement"),
]


@pytest.mark.parametrize(("steps", "said"), BROKEN, ids=[s for _, s in BROKEN])
def test_a_broken_map_is_refused_with_where_and_why(run: Run, tmp_path: Path,
                                                     steps: list[dict], said: str) -> None:
    result = run("validate", write(tmp_path, "tiny.yaml", tiny(steps)))
    assert result.exit_code == 2, result.stdout
    assert said in result.stderr and "tiny.yaml:" in result.stderr


def test_the_framework_schema_describes_the_map(run: Run) -> None:
    result = run("schema", "framework")
    schema = json.loads(result.stdout)
    assert "migrations" in json.dumps(schema) and "no_answer_yet" not in result.stdout


def test_a_form_export_headed_with_an_earlier_versions_ids_scores(
        run: Run, tmp_path: Path) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([V1, V2]))
    export = tmp_path / "export.csv"
    export.write_text("Timestamp,Your role,a-1,a-2,b-1,Evidence for a-2\n"
                      "2026/11/20 10:00:00,Carer,intermediate,transformative,descriptive,Minutes\n"
                      "2026/11/20 10:05:00,Carer,descriptive,intermediate,descriptive,\n", "utf-8")
    result = run("score", str(export), "--framework", framework, "-f", "json",
                 "--min-group", "1")
    assert result.exit_code == 0, result.stderr
    res = json.loads(result.stdout)
    assert res["migrated"] == [{"from_version": "1.0.0", "files": 2,
                                "through_map": {"a-2": ["a-3", "a-4"]},
                                "no_answer_yet": ["b-2", "b-3"]}]
    assert res["unsure_answers"] == 4


CALIBRATION = Path(__file__).parent / "calibration" / "cases"
EARLIER_ROUNDS = sorted([*EXAMPLES.glob("nef-*.yaml"), *EXAMPLES.glob("scie-*.yaml"),
                         *EXAMPLES.glob("collective-*"),
                         *EXAMPLES.glob("*.csv"), *EXAMPLES.glob("*.xlsx"),
                         *(p for p in CALIBRATION.iterdir() if p.is_dir())])


@pytest.mark.parametrize("path", EARLIER_ROUNDS, ids=lambda p: p.name)
def test_every_round_written_for_the_built_in_2_0_0_still_scores(run: Run, path: Path) -> None:
    """The examples and the judged cases were written for nef 2.0.0 and scie 2.0.0: they score
    against 3.0.0 through the map, left as they are, and the result says so."""
    files = [p for p in sorted(path.glob("*.yaml")) if p.name != "expected.yaml"] \
        if path.is_dir() else [path]
    before = [p.read_bytes() for p in files]
    result = run("score", *map(str, files), "-f", "json", "--private")
    assert result.exit_code == 0, result.stderr
    res = json.loads(result.stdout)
    assert res["framework"]["version"] == "3.0.0"
    assert [m["from_version"] for m in res["migrated"]] == ["2.0.0"]
    assert res["migrated"][0]["files"] == res["respondents"]  # shared: in a range
    assert [p.read_bytes() for p in files] == before


def test_an_export_headed_with_an_earlier_wording_is_read_through_the_map(
        run: Run, tmp_path: Path) -> None:
    framework = write(tmp_path, "tiny.yaml", tiny([{**V1, "wordings": {
        "a-2": ["Statement a-2 as it was.", "A-2 in plain words."]}}, V2]))
    export = tmp_path / "export.csv"
    export.write_text("Timestamp,Your role,a-1,Statement a-2 as it was.,b-1\n"
                      "2026/11/20 10:00:00,Carer,intermediate,transformative,descriptive\n",
                      "utf-8")
    result = run("score", str(export), "--framework", framework, "-f", "json",
                 "--min-group", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["migrated"][0]["through_map"] == {"a-2": ["a-3", "a-4"]}
